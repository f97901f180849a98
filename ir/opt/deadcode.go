package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// deadcode removes instructions whose results are unused and that have no
// effect: native operations, phis (also cycles of phis feeding only each
// other), intrinsic calls whose table entry is Removable(), and calls to user
// functions proven to return normally without writing anything (see
// Context.info). It marks from the roots (terminators and effectful
// instructions) and sweeps the rest, like Go's ssa deadcode.
func deadcode(f *llvm.Func, ctx *Context) bool {
	live := make(map[llvm.Instruction]bool)
	var work []llvm.Instruction
	mark := func(v value.Value) {
		if inst, ok := v.(llvm.Instruction); ok && !live[inst] {
			live[inst] = true
			work = append(work, inst)
		}
	}
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			if !ctx.instRemovable(inst) && !live[inst] {
				live[inst] = true
				work = append(work, inst)
			}
		}
		var opBuf [8]*value.Value
		for _, op := range ir.AppendOperands(opBuf[:0], b.Term) {
			mark(*op)
		}
	}
	for len(work) > 0 {
		inst := work[len(work)-1]
		work = work[:len(work)-1]
		var opBuf [8]*value.Value
		for _, op := range ir.AppendOperands(opBuf[:0], inst) {
			mark(*op)
		}
	}
	changed := false
	for _, b := range f.Blocks {
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			if live[inst] {
				out = append(out, inst)
			} else {
				changed = true
			}
		}
		for i := len(out); i < len(b.Insts); i++ {
			b.Insts[i] = nil
		}
		b.Insts = out
	}
	return changed
}
