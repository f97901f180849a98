package opt

import (
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// deadFuncs removes the functions that main cannot reach through calls (or
// any other reference), and the declarations nothing uses. A module
// without main is left alone: it is a library of functions for a test.
func deadFuncs(ctx *Context) bool {
	m := ctx.Module
	var main *llvm.Func
	for _, f := range m.Funcs {
		if f.GlobalName == ir.EntryName && len(f.Blocks) > 0 {
			main = f
		}
	}
	if main == nil {
		return false
	}
	live := map[*llvm.Func]bool{main: true}
	work := []*llvm.Func{main}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				for _, op := range inst.Operands() {
					if g, ok := (*op).(*llvm.Func); ok && !live[g] {
						live[g] = true
						work = append(work, g)
					}
				}
			}
		}
	}
	out := m.Funcs[:0]
	for _, f := range m.Funcs {
		if live[f] {
			out = append(out, f)
		}
	}
	if len(out) == len(m.Funcs) {
		return false
	}
	for i := len(out); i < len(m.Funcs); i++ {
		m.Funcs[i] = nil
	}
	m.Funcs = out
	return true
}
