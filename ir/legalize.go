package ir

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// Legalize rewrites the aggregate values of a function into the forms both
// backends handle: a struct (several results) exists only as
// the result of a call, taken apart by extractvalue, or as the insertvalue
// chain a ret returns. Struct phis (which inlining creates when a function
// returns from several blocks) become one phi per field, and extractvalue
// of anything but a call is replaced by the field's value.
func Legalize(f *ir.Func) error {
	l := &legalizer{f: f, phis: map[*ir.InstPhi][]*ir.InstPhi{}, extracts: map[*ir.InstCall][]*ir.InstExtractValue{}}
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			if e, ok := inst.(*ir.InstExtractValue); ok {
				if c, ok := e.X.(*ir.InstCall); ok && len(e.Indices) == 1 {
					l.noteExtract(c, e)
				}
			}
		}
	}
	subst := map[value.Value]value.Value{}
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			e, ok := inst.(*ir.InstExtractValue)
			if !ok {
				continue
			}
			if _, isCall := e.X.(*ir.InstCall); isCall {
				continue
			}
			if len(e.Indices) != 1 {
				return fmt.Errorf("function %s: nested extractvalue is not supported", f.Name())
			}
			v, err := l.elem(e.X, int(e.Indices[0]))
			if err != nil {
				return err
			}
			subst[e] = v
		}
	}
	for _, b := range f.Blocks {
		r, ok := b.Term.(*ir.TermRet)
		if !ok || r.X == nil {
			continue
		}
		st, ok := r.X.Type().(*types.StructType)
		if !ok || isInsertChain(r.X) {
			continue
		}
		var agg value.Value = constant.NewUndef(st)
		var ins []ir.Instruction
		for i := range st.Fields {
			v, err := l.elem(r.X, i)
			if err != nil {
				return err
			}
			iv := ir.NewInsertValue(agg, v, uint64(i))
			ins = append(ins, iv)
			agg = iv
		}
		b.Insts = append(b.Insts, ins...)
		r.X = agg
	}
	ReplaceValues(f, subst)
	l.removeDead()
	return nil
}

type legalizer struct {
	f        *ir.Func
	phis     map[*ir.InstPhi][]*ir.InstPhi
	extracts map[*ir.InstCall][]*ir.InstExtractValue
}

func (l *legalizer) noteExtract(c *ir.InstCall, e *ir.InstExtractValue) {
	i := int(e.Indices[0])
	for len(l.extracts[c]) <= i {
		l.extracts[c] = append(l.extracts[c], nil)
	}
	if l.extracts[c][i] == nil {
		l.extracts[c][i] = e
	}
}

func isInsertChain(v value.Value) bool {
	for {
		switch x := v.(type) {
		case *ir.InstInsertValue:
			v = x.X
		case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
			return true
		default:
			return false
		}
	}
}

// elem returns the value of field i of the aggregate v.
func (l *legalizer) elem(v value.Value, i int) (value.Value, error) {
	for {
		switch x := v.(type) {
		case *ir.InstInsertValue:
			if len(x.Indices) == 1 && int(x.Indices[0]) == i {
				return x.Elem, nil
			}
			v = x.X
		case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
			return constant.NewInt(Word, 0), nil
		case *constant.Struct:
			return x.Fields[i], nil
		case *ir.InstCall:
			return l.callField(x, i), nil
		case *ir.InstPhi:
			return l.phiField(x, i)
		case *ir.InstExtractValue:
			return nil, fmt.Errorf("function %s: nested aggregates are not supported", l.f.Name())
		default:
			return nil, fmt.Errorf("function %s: aggregate %s is not supported by the EVM backend", l.f.Name(), v.Ident())
		}
	}
}

// callField returns an extractvalue of the call's field i, creating one
// right after the call when there is none.
func (l *legalizer) callField(c *ir.InstCall, i int) value.Value {
	if i < len(l.extracts[c]) && l.extracts[c][i] != nil {
		return l.extracts[c][i]
	}
	e := ir.NewExtractValue(c, uint64(i))
	for _, b := range l.f.Blocks {
		for j, inst := range b.Insts {
			if inst == c {
				b.Insts = append(b.Insts[:j+1], append([]ir.Instruction{e}, b.Insts[j+1:]...)...)
				l.noteExtract(c, e)
				return e
			}
		}
	}
	panic("ir.Legalize: invariant broken: call not found in its function")
}

// phiField returns the phi of field i of a struct phi, creating the field
// phis on first use.
func (l *legalizer) phiField(p *ir.InstPhi, i int) (value.Value, error) {
	if fs, ok := l.phis[p]; ok {
		return fs[i], nil
	}
	st := p.Type().(*types.StructType)
	fs := make([]*ir.InstPhi, len(st.Fields))
	for j := range fs {
		fs[j] = &ir.InstPhi{Typ: Word}
	}
	l.phis[p] = fs
	var home *ir.Block
	for _, b := range l.f.Blocks {
		for _, inst := range b.Insts {
			if inst == p {
				home = b
			}
		}
	}
	if home == nil {
		return nil, fmt.Errorf("function %s: phi not found", l.f.Name())
	}
	ins := make([]ir.Instruction, len(fs))
	for j, fp := range fs {
		ins[j] = fp
	}
	home.Insts = append(ins, home.Insts...)
	for _, inc := range p.Incs {
		for j, fp := range fs {
			v, err := l.elem(inc.X, j)
			if err != nil {
				return nil, err
			}
			fp.Incs = append(fp.Incs, ir.NewIncoming(v, inc.Pred.(*ir.Block)))
		}
	}
	return fs[i], nil
}

// removeDead deletes phis, insertvalues and extractvalues nobody uses.
func (l *legalizer) removeDead() {
	for changed := true; changed; {
		changed = false
		used := map[value.Value]bool{}
		for _, b := range l.f.Blocks {
			for _, inst := range b.Insts {
				for _, op := range inst.Operands() {
					used[*op] = true
				}
			}
			for _, op := range b.Term.Operands() {
				used[*op] = true
			}
		}
		for _, b := range l.f.Blocks {
			out := b.Insts[:0]
			for _, inst := range b.Insts {
				switch inst.(type) {
				case *ir.InstPhi, *ir.InstInsertValue, *ir.InstExtractValue:
					if !used[inst.(value.Value)] {
						changed = true
						continue
					}
				}
				out = append(out, inst)
			}
			b.Insts = out
		}
	}
}
