package opt

import (
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// allEffects is what an unknown callee may do.
const allEffects = ir.ReadsEnv | ir.ReadsMemory | ir.WritesMemory | ir.ReadsStorage |
	ir.WritesStorage | ir.ReadsTransient | ir.WritesTransient | ir.ReadsReturnData |
	ir.ReadsWorld | ir.Logs | ir.CallsOut | ir.Terminates | ir.MayFail | ir.Volatile

// funcInfo summarizes a user function for its callers.
type funcInfo struct {
	// effects is the union of the effects of everything the function may
	// execute, callees included.
	effects ir.Effect
	// removable: an unused call may be deleted. The function provably
	// returns normally (no loops, no recursion, no unreachable, no
	// terminating or failing intrinsic) and writes nothing.
	removable bool
}

var unknownFunc = &funcInfo{effects: allEffects}

// info returns the summary of a user function. Recursive functions (seen
// again while their summary is being computed) get the worst case.
func (c *Context) info(f *llvm.Func) *funcInfo {
	if c.funcs == nil {
		c.funcs = make(map[*llvm.Func]*funcInfo)
	}
	if fi, ok := c.funcs[f]; ok {
		return fi
	}
	if len(f.Blocks) == 0 {
		c.funcs[f] = unknownFunc
		return unknownFunc
	}
	c.funcs[f] = unknownFunc // while in progress
	fi := &funcInfo{removable: true}
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			switch inst := inst.(type) {
			case *llvm.InstCall:
				fi.effects |= c.callEffects(inst)
				if !c.instRemovable(inst) {
					fi.removable = false
				}
			case *llvm.InstStore, *llvm.InstLoad, *llvm.InstAlloca:
				// Locals: invisible to callers.
			}
		}
		switch b.Term.(type) {
		case *llvm.TermRet, *llvm.TermBr, *llvm.TermCondBr, *llvm.TermSwitch:
		default:
			fi.removable = false
		}
	}
	if fi.removable && c.hasCycle(f) {
		fi.removable = false
	}
	if !c.removableEffects(fi.effects) {
		fi.removable = false
	}
	c.funcs[f] = fi
	return fi
}

// callEffects returns the effects of executing a call instruction.
func (c *Context) callEffects(call *llvm.InstCall) ir.Effect {
	fn, b := ir.CallTarget(call)
	switch {
	case b != nil:
		return b.Effects
	case fn != nil:
		return c.info(fn).effects
	}
	return allEffects
}

// removableEffects reports whether an unused operation with effects e may be
// deleted.
func (c *Context) removableEffects(e ir.Effect) bool {
	if !e.Removable() {
		return false
	}
	// Any memory access may grow memory, which msize observes.
	return !c.UsesMsize || e&(ir.ReadsMemory|ir.WritesMemory) == 0
}

// instRemovable reports whether inst may be deleted when its result is
// unused.
func (c *Context) instRemovable(inst llvm.Instruction) bool {
	switch inst := inst.(type) {
	case *llvm.InstStore:
		return false
	case *llvm.InstCall:
		fn, b := ir.CallTarget(inst)
		switch {
		case b != nil:
			return c.removableEffects(b.Effects)
		case fn != nil:
			return c.info(fn).removable
		}
		return false
	}
	return true
}

// hasCycle reports whether the CFG of f has a cycle reachable from entry.
func (c *Context) hasCycle(f *llvm.Func) bool {
	cfg := c.cfg(f)
	pos := make([]int, len(f.Blocks))
	for i, b := range cfg.RPO {
		pos[b] = i
	}
	for _, b := range cfg.RPO {
		for _, s := range cfg.Succs[b] {
			if pos[s] <= pos[b] {
				return true
			}
		}
	}
	return false
}
