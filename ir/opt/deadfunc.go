package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// deadFuncs removes the functions that main cannot reach through calls (or
// any other reference), and the declarations nothing uses. A module
// without main is left alone: it is a library of functions for a test.
func deadFuncs(ctx *Context) bool {
	m := ctx.Module
	live := liveFuncs(m)
	if live == nil {
		return false
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

// liveFuncs returns the functions main reaches through calls or other
// references, or nil when m has no main.
func liveFuncs(m *llvm.Module) map[*llvm.Func]bool {
	var main *llvm.Func
	for _, f := range m.Funcs {
		if f.GlobalName == ir.EntryName && len(f.Blocks) > 0 {
			main = f
		}
	}
	if main == nil {
		return nil
	}
	live := map[*llvm.Func]bool{main: true}
	work := []*llvm.Func{main}
	var opBuf []*value.Value
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				opBuf = ir.AppendOperands(opBuf[:0], inst)
				for _, op := range opBuf {
					if g, ok := (*op).(*llvm.Func); ok && !live[g] {
						live[g] = true
						work = append(work, g)
					}
				}
			}
		}
	}
	return live
}
