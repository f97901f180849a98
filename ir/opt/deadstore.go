package opt

import (
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// deadStore removes a store to memory, storage or transient storage that a
// later store in the same block overwrites completely before anything may
// read it: no load of an overlapping address, no call or intrinsic whose
// effects read that space (return, log, keccak256, call, …) and no call to
// a function that may stop the frame (return or stop inside it keep the
// stores) in between.
// Stores still pending at the end of a block stay: the block's successors
// and the caller may read them.
func deadStore(f *llvm.Func, ctx *Context) bool {
	changed := false
	for _, b := range f.Blocks {
		type pending struct {
			acc  access
			inst llvm.Instruction
		}
		var live []pending
		dead := make(map[llvm.Instruction]bool)
		for _, inst := range b.Insts {
			call, ok := inst.(*llvm.InstCall)
			if !ok {
				continue
			}
			acc, isAcc := accessOf(call)
			switch {
			case isAcc && acc.store:
				kept := live[:0]
				for _, p := range live {
					if p.acc.space == acc.space && covers(acc.addr, acc.size, p.acc.addr, p.acc.size) {
						dead[p.inst] = true
						continue
					}
					kept = append(kept, p)
				}
				live = append(kept, pending{acc, inst})
			case isAcc:
				kept := live[:0]
				for _, p := range live {
					if p.acc.space != acc.space || !mayOverlap(p.acc.addr, p.acc.size, acc.addr, acc.size) {
						kept = append(kept, p)
					}
				}
				live = kept
			default:
				e := ctx.callEffects(call)
				kept := live[:0]
				for _, p := range live {
					// A callee that may end the call frame successfully
					// (return, stop) makes every pending store visible.
					if !readsSpace(e, p.acc.space) && !e.Has(ir.Terminates) {
						kept = append(kept, p)
					}
				}
				live = kept
			}
		}
		if len(dead) == 0 {
			continue
		}
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			if !dead[inst] {
				out = append(out, inst)
			}
		}
		for i := len(out); i < len(b.Insts); i++ {
			b.Insts[i] = nil
		}
		b.Insts = out
		changed = true
	}
	return changed
}
