package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// loadElim removes redundant loads of memory, storage and transient
// storage: a load after a store to the same address gets the stored value,
// a load after a load of the same address gets the first result, as long as
// nothing in between may write an overlapping address (a store to an
// address that is not provably disjoint, a call, anything whose effects
// write that space). Knowledge flows down the dominator tree into blocks
// whose only predecessor is their dominator; joins start empty.
func loadElim(f *llvm.Func, ctx *Context) bool {
	cfg := ctx.cfg(f)
	subst := make(map[value.Value]value.Value)
	type known struct {
		acc access
		val value.Value
	}
	const maxKnown = 32
	end := make([][]known, len(f.Blocks))
	for _, bi := range cfg.DomPreorder() {
		var state []known
		if p := cfg.Preds[bi]; bi != 0 && len(p) == 1 && p[0] == cfg.Idom[bi] {
			state = append(state, end[p[0]]...)
		}
		b := f.Blocks[bi]
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			call, ok := inst.(*llvm.InstCall)
			if !ok {
				out = append(out, inst)
				continue
			}
			var opBuf [8]*value.Value
			for _, op := range ir.AppendOperands(opBuf[:0], call) {
				if r, ok := ir.Resolve(subst, *op); ok {
					*op = r
				}
			}
			acc, isAcc := accessOf(call)
			switch {
			case isAcc && !acc.store:
				found := false
				for _, k := range state {
					if k.acc.space == acc.space && k.acc.size == acc.size && sameAddr(k.acc.addr, acc.addr) {
						subst[call] = k.val
						found = true
						break
					}
				}
				if found {
					continue // the load is gone
				}
				if len(state) < maxKnown {
					state = append(state, known{acc, call})
				}
			case isAcc && acc.store:
				kept := state[:0]
				for _, k := range state {
					if k.acc.space != acc.space || !mayOverlap(k.acc.addr, k.acc.size, acc.addr, acc.size) {
						kept = append(kept, k)
					}
				}
				state = kept
				if acc.val != nil && len(state) < maxKnown {
					state = append(state, known{acc, acc.val})
				}
			default:
				e := ctx.callEffects(call)
				dst, n, isCopy := copyDest(call)
				kept := state[:0]
				for _, k := range state {
					if isCopy && k.acc.space == memorySpace && (n == 0 || !mayOverlap(k.acc.addr, k.acc.size, dst, n)) {
						kept = append(kept, k) // the copy writes elsewhere
						continue
					}
					if !writesSpace(e, k.acc.space) {
						kept = append(kept, k)
					}
				}
				state = kept
			}
			out = append(out, inst)
		}
		for i := len(out); i < len(b.Insts); i++ {
			b.Insts[i] = nil
		}
		b.Insts = out
		end[bi] = state
	}
	if len(subst) == 0 {
		return false
	}
	ir.ReplaceValues(f, subst)
	return true
}
