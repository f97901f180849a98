package opt

import (
	"sort"

	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// mem2reg promotes the frontends' local variables (an alloca whose only uses
// are loads from it and stores to it) to SSA values: phis go on the iterated
// dominance frontier of the stores, pruned to the blocks where the variable
// is live (Cytron et al.), then a walk of the dominator tree renames loads
// to the reaching stored value. A load no store reaches reads 0, the value of
// an uninitialized Yul variable. Required at every level: the EVM backend
// does not take allocas. It also deletes unreachable blocks first.
func mem2reg(f *llvm.Func, ctx *Context) bool {
	changed := ir.RemoveUnreachableBlocks(f)

	// Find promotable allocas.
	index := make(map[*llvm.InstAlloca]int)
	var vars []*llvm.InstAlloca
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			if a, ok := inst.(*llvm.InstAlloca); ok && a.NElems == nil {
				index[a] = len(vars)
				vars = append(vars, a)
			}
		}
	}
	if len(vars) == 0 {
		return changed
	}
	bad := make([]bool, len(vars))
	disqualify := func(v value.Value) {
		if a, ok := v.(*llvm.InstAlloca); ok {
			if i, ok := index[a]; ok {
				bad[i] = true
			}
		}
	}
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			switch inst := inst.(type) {
			case *llvm.InstLoad:
				if a, ok := inst.Src.(*llvm.InstAlloca); ok {
					if i, ok := index[a]; ok && !inst.ElemType.Equal(a.ElemType) {
						bad[i] = true
					}
				}
			case *llvm.InstStore:
				disqualify(inst.Src)
				if a, ok := inst.Dst.(*llvm.InstAlloca); ok {
					if i, ok := index[a]; ok && !inst.Src.Type().Equal(a.ElemType) {
						bad[i] = true
					}
				}
			default:
				var opBuf [8]*value.Value
				for _, op := range ir.AppendOperands(opBuf[:0], inst) {
					disqualify(*op)
				}
			}
		}
		var opBuf [8]*value.Value
		for _, op := range ir.AppendOperands(opBuf[:0], b.Term) {
			disqualify(*op)
		}
	}
	varOf := func(v value.Value) int {
		if a, ok := v.(*llvm.InstAlloca); ok {
			if i, ok := index[a]; ok && !bad[i] {
				return i
			}
		}
		return -1
	}

	cfg := ctx.cfg(f)
	n := len(f.Blocks)
	// Per variable: blocks that store it, blocks that read it before any
	// store (upward-exposed).
	defBlocks := make([][]int, len(vars))
	useBlocks := make([][]int, len(vars))
	lastDef := make([]int, len(vars))
	lastUse := make([]int, len(vars))
	for i := range vars {
		lastDef[i], lastUse[i] = -1, -1
	}
	for bi, b := range f.Blocks {
		for _, inst := range b.Insts {
			switch inst := inst.(type) {
			case *llvm.InstLoad:
				if v := varOf(inst.Src); v >= 0 && lastDef[v] != bi && lastUse[v] != bi {
					lastUse[v] = bi
					useBlocks[v] = append(useBlocks[v], bi)
				}
			case *llvm.InstStore:
				if v := varOf(inst.Dst); v >= 0 && lastDef[v] != bi {
					lastDef[v] = bi
					defBlocks[v] = append(defBlocks[v], bi)
				}
			}
		}
	}

	// Phi placement, pruned by liveness. Stamps avoid clearing per-block
	// arrays for every variable.
	df := cfg.Frontiers()
	phis := make([][]*llvm.InstPhi, n) // new phis per block
	phiVar := make(map[*llvm.InstPhi]int)
	defines := make([]int, n)
	live := make([]int, n)
	hasPhi := make([]int, n)
	inWork := make([]int, n)
	var work []int
	for v := range vars {
		if bad[v] {
			continue
		}
		stamp := v + 1
		for _, b := range defBlocks[v] {
			defines[b] = stamp
		}
		// Live-in blocks: upward-exposed uses, propagated backwards through
		// blocks that do not store the variable.
		work = work[:0]
		for _, b := range useBlocks[v] {
			if live[b] != stamp {
				live[b] = stamp
				work = append(work, b)
			}
		}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			for _, p := range cfg.Preds[b] {
				if live[p] != stamp && defines[p] != stamp {
					live[p] = stamp
					work = append(work, p)
				}
			}
		}
		// Iterated dominance frontier of the stores.
		work = work[:0]
		for _, b := range defBlocks[v] {
			inWork[b] = stamp
			work = append(work, b)
		}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			for _, d := range df[b] {
				if hasPhi[d] == stamp || live[d] != stamp {
					continue
				}
				hasPhi[d] = stamp
				phi := &llvm.InstPhi{Typ: vars[v].ElemType}
				phis[d] = append(phis[d], phi)
				phiVar[phi] = v
				if inWork[d] != stamp {
					inWork[d] = stamp
					work = append(work, d)
				}
			}
		}
	}

	// Rename along the dominator tree.
	stacks := make([][]value.Value, len(vars))
	subst := make(map[value.Value]value.Value)
	top := func(v int) value.Value {
		if s := stacks[v]; len(s) > 0 {
			return s[len(s)-1]
		}
		return ir.ZeroOf(vars[v].ElemType)
	}
	resolved := func(x value.Value) value.Value {
		if r, ok := ir.Resolve(subst, x); ok {
			return r
		}
		return x
	}
	type frame struct {
		b      int
		pushed []int // variables pushed in this block, to pop on exit
		next   int   // next dominator-tree child to visit
	}
	enter := func(bi int) frame {
		fr := frame{b: bi}
		b := f.Blocks[bi]
		for _, phi := range phis[bi] {
			v := phiVar[phi]
			stacks[v] = append(stacks[v], phi)
			fr.pushed = append(fr.pushed, v)
		}
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			switch inst := inst.(type) {
			case *llvm.InstAlloca:
				if varOf(inst) >= 0 {
					continue
				}
			case *llvm.InstLoad:
				if v := varOf(inst.Src); v >= 0 {
					subst[inst] = top(v)
					continue
				}
			case *llvm.InstStore:
				if v := varOf(inst.Dst); v >= 0 {
					stacks[v] = append(stacks[v], resolved(inst.Src))
					fr.pushed = append(fr.pushed, v)
					continue
				}
			}
			out = append(out, inst)
		}
		for i := len(out); i < len(b.Insts); i++ {
			b.Insts[i] = nil
		}
		b.Insts = out
		for _, s := range cfg.Succs[bi] {
			for _, phi := range phis[s] {
				phi.Incs = append(phi.Incs, llvm.NewIncoming(top(phiVar[phi]), b))
			}
		}
		return fr
	}
	stack := []frame{enter(0)}
	for len(stack) > 0 {
		fr := &stack[len(stack)-1]
		if fr.next < len(cfg.DomChildren[fr.b]) {
			c := cfg.DomChildren[fr.b][fr.next]
			fr.next++
			stack = append(stack, enter(c))
			continue
		}
		for _, v := range fr.pushed {
			stacks[v] = stacks[v][:len(stacks[v])-1]
		}
		stack = stack[:len(stack)-1]
	}

	// Insert the phis at the start of their blocks.
	for bi, ps := range phis {
		if len(ps) == 0 {
			continue
		}
		b := f.Blocks[bi]
		insts := make([]llvm.Instruction, 0, len(ps)+len(b.Insts))
		for _, p := range ps {
			// Incoming entries in block order, for readable output.
			sort.SliceStable(p.Incs, func(i, j int) bool {
				return cfg.Index[p.Incs[i].Pred.(*llvm.Block)] < cfg.Index[p.Incs[j].Pred.(*llvm.Block)]
			})
			insts = append(insts, p)
		}
		b.Insts = append(insts, b.Insts...)
	}
	ir.ReplaceValues(f, subst)
	for v := range vars {
		if !bad[v] {
			return true
		}
	}
	return changed
}
