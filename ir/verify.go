package ir

import (
	"fmt"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// VerifyError is one broken invariant of the IR contract (DESIGN.md §2),
// located by function, block and instruction.
type VerifyError struct {
	Func  string // "@name"
	Block string // "%label", empty for function-level errors
	Inst  string // the instruction or terminator text, empty if none
	Msg   string
}

func (e *VerifyError) Error() string {
	s := "func " + e.Func
	if e.Block != "" {
		s += ", block " + e.Block
	}
	if e.Inst != "" {
		s += ", `" + e.Inst + "`"
	}
	return s + ": " + e.Msg
}

// VerifyObject verifies the code of o and of every object below it; errors
// are prefixed with the object's name.
func VerifyObject(o *Object) []error {
	var errs []error
	o.Walk(func(o *Object) {
		if o.Code == nil {
			return
		}
		for _, err := range Verify(o.Code) {
			errs = append(errs, fmt.Errorf("object %q: %w", o.Name, err))
		}
	})
	return errs
}

// Verify checks the IR contract on m: terminators, phi placement and
// incoming lists, SSA dominance, types, intrinsic signatures against the one
// table, and that terminating intrinsics are followed by unreachable. It runs
// after every pass in tests (STYLE.md point 4), like Go's ssa check.go.
func Verify(m *ir.Module) []error {
	var errs []error
	for _, f := range m.Funcs {
		if len(f.Blocks) == 0 {
			errs = append(errs, verifyDecl(f)...)
			continue
		}
		v := &verifier{f: f}
		v.run()
		errs = append(errs, v.errs...)
	}
	return errs
}

// verifyDecl checks that a declared intrinsic has the table's signature.
func verifyDecl(f *ir.Func) []error {
	b, ok := LookupIntrinsic(f.Name())
	if !ok {
		if strings.HasPrefix(f.Name(), "evm.") {
			return []error{&VerifyError{Func: f.Ident(), Msg: "unknown intrinsic"}}
		}
		return nil
	}
	sig := f.Sig
	bad := func(msg string, args ...any) []error {
		return []error{&VerifyError{Func: f.Ident(), Msg: fmt.Sprintf(msg, args...)}}
	}
	if len(sig.Params) != b.Args {
		return bad("intrinsic declared with %d parameters, the table says %d", len(sig.Params), b.Args)
	}
	for i, p := range sig.Params {
		if want := intrinsicArgType(b, i); !p.Equal(want) {
			return bad("parameter %d has type %s, want %s", i, p, want)
		}
	}
	if want := ResultType(b.Rets); !sig.RetType.Equal(want) {
		return bad("intrinsic returns %s, the table says %s", sig.RetType, want)
	}
	return nil
}

func intrinsicArgType(b *Builtin, i int) types.Type {
	if b.ArgIsString(i) {
		return types.NewPointer(types.I8)
	}
	return Word
}

type defSite struct {
	block, index int // index len(Insts) is the terminator
}

type verifier struct {
	f      *ir.Func
	cfg    *CFG
	defs   map[ir.Instruction]defSite
	params map[*ir.Param]bool
	errs   []error

	block *ir.Block
	inst  any
}

func (v *verifier) errorf(format string, args ...any) {
	e := &VerifyError{Func: v.f.Ident(), Msg: fmt.Sprintf(format, args...)}
	if v.block != nil {
		e.Block = v.block.Ident()
	}
	if v.inst != nil {
		e.Inst = instString(v.inst)
	}
	v.errs = append(v.errs, e)
}

// instString prints an instruction defensively: llir's printers panic on
// some malformed instructions, which is what the verifier is looking at.
func instString(inst any) (s string) {
	defer func() {
		if recover() != nil {
			s = fmt.Sprintf("<%T>", inst)
		}
	}()
	if l, ok := inst.(interface{ LLString() string }); ok {
		return l.LLString()
	}
	return fmt.Sprint(inst)
}

func (v *verifier) run() {
	f := v.f
	v.defs = make(map[ir.Instruction]defSite)
	v.params = make(map[*ir.Param]bool, len(f.Params))
	names := make(map[string]bool)
	checkName := func(n value.Named) {
		name, named := localName(n)
		if !named {
			return
		}
		if names[name] {
			v.errorf("local name %%%s defined twice", name)
		}
		names[name] = true
	}
	for _, p := range f.Params {
		v.params[p] = true
		checkName(p)
	}
	if len(f.Params) != len(f.Sig.Params) {
		v.errorf("%d parameters but the signature has %d", len(f.Params), len(f.Sig.Params))
	}
	blocks := make(map[*ir.Block]bool, len(f.Blocks))
	ok := true
	for bi, b := range f.Blocks {
		v.block = b
		if blocks[b] {
			v.errorf("block listed twice")
			ok = false
		}
		blocks[b] = true
		checkName(b)
		if b.Term == nil {
			v.errorf("block has no terminator")
			ok = false
		}
		for ii, inst := range b.Insts {
			v.inst = inst
			if _, dup := v.defs[inst]; dup {
				v.errorf("instruction appears twice in the function")
				ok = false
			}
			v.defs[inst] = defSite{bi, ii}
			if n, isNamed := inst.(value.Named); isNamed && !isVoid(n) {
				checkName(n)
			}
		}
		v.inst = nil
	}
	v.block = nil
	if !ok {
		return
	}
	for _, b := range f.Blocks {
		v.block = b
		v.inst = b.Term
		for _, s := range termTargets(b.Term) {
			if sb, isBlock := s.(*ir.Block); !isBlock || !blocks[sb] {
				v.errorf("branch target %s is not a block of this function", s.Ident())
				ok = false
			}
		}
	}
	v.block, v.inst = nil, nil
	if !ok {
		return
	}
	v.cfg = NewCFG(f)
	if len(v.cfg.Preds[0]) > 0 {
		v.block = f.Blocks[0]
		v.errorf("the entry block has predecessors")
	}
	for bi, b := range f.Blocks {
		v.block = b
		phis := true
		for ii, inst := range b.Insts {
			v.inst = inst
			if _, isPhi := inst.(*ir.InstPhi); isPhi {
				if !phis {
					v.errorf("phi after a non-phi instruction")
				}
			} else {
				phis = false
			}
			v.checkOperands(inst, bi, ii)
			v.checkInst(inst, b, ii)
		}
		v.inst = b.Term
		v.checkOperands(b.Term, bi, len(b.Insts))
		v.checkTerm(b.Term)
		v.inst = nil
	}
}

// localName returns the name of a local value without llir's Name(),
// which parses the name as a number on every call.
func localName(n value.Named) (string, bool) {
	var id *ir.LocalIdent
	switch n := n.(type) {
	case *ir.Param:
		id = &n.LocalIdent
	case *ir.Block:
		id = &n.LocalIdent
	case *ir.InstAdd:
		id = &n.LocalIdent
	case *ir.InstSub:
		id = &n.LocalIdent
	case *ir.InstMul:
		id = &n.LocalIdent
	case *ir.InstAnd:
		id = &n.LocalIdent
	case *ir.InstOr:
		id = &n.LocalIdent
	case *ir.InstXor:
		id = &n.LocalIdent
	case *ir.InstICmp:
		id = &n.LocalIdent
	case *ir.InstZExt:
		id = &n.LocalIdent
	case *ir.InstTrunc:
		id = &n.LocalIdent
	case *ir.InstSelect:
		id = &n.LocalIdent
	case *ir.InstPhi:
		id = &n.LocalIdent
	case *ir.InstCall:
		id = &n.LocalIdent
	case *ir.InstAlloca:
		id = &n.LocalIdent
	case *ir.InstLoad:
		id = &n.LocalIdent
	case *ir.InstExtractValue:
		id = &n.LocalIdent
	case *ir.InstInsertValue:
		id = &n.LocalIdent
	default:
		if u, ok := n.(interface{ IsUnnamed() bool }); ok && u.IsUnnamed() {
			return "", false
		}
		return n.Name(), n.Name() != ""
	}
	return id.LocalName, id.LocalName != ""
}

func isVoid(v value.Value) bool { return v.Type().Equal(types.Void) }

func termTargets(t ir.Terminator) []value.Value {
	switch t := t.(type) {
	case *ir.TermBr:
		return []value.Value{t.Target}
	case *ir.TermCondBr:
		return []value.Value{t.TargetTrue, t.TargetFalse}
	case *ir.TermSwitch:
		out := []value.Value{t.TargetDefault}
		for _, c := range t.Cases {
			out = append(out, c.Target)
		}
		return out
	}
	return nil
}

// checkOperands checks that every value operand is defined in this function
// and dominates its use.
func (v *verifier) checkOperands(u value.User, bi, ii int) {
	if phi, ok := u.(*ir.InstPhi); ok {
		for _, inc := range phi.Incs {
			pred, isBlock := inc.Pred.(*ir.Block)
			if !isBlock {
				v.errorf("phi incoming block %s is not a block", inc.Pred.Ident())
				continue
			}
			pi, known := v.cfg.Index[pred]
			if !known {
				v.errorf("phi incoming block %s is not a block of this function", pred.Ident())
				continue
			}
			// A phi operand is used at the end of its incoming block.
			v.checkUse(inc.X, pi, len(v.f.Blocks[pi].Insts)+1)
		}
		return
	}
	for _, op := range u.Operands() {
		x := *op
		if x == nil {
			v.errorf("nil operand")
			continue
		}
		if _, isBlock := x.(*ir.Block); isBlock {
			continue // branch targets are checked separately
		}
		v.checkUse(x, bi, ii)
	}
}

func (v *verifier) checkUse(x value.Value, bi, ii int) {
	switch x := x.(type) {
	case nil:
		v.errorf("nil operand")
	case *ir.Param:
		if !v.params[x] {
			v.errorf("uses parameter %s of another function", x.Ident())
		}
	case ir.Instruction:
		d, ok := v.defs[x]
		if !ok {
			v.errorf("uses %s, which is not in this function (deleted?)", x.(value.Value).Ident())
			return
		}
		if isVoid(x.(value.Value)) {
			v.errorf("uses the void result of `%s`", instString(x))
			return
		}
		if !v.cfg.Reachable(bi) {
			return // everything dominates unreachable code
		}
		if d.block == bi {
			if d.index >= ii {
				v.errorf("uses %s before its definition", x.(value.Value).Ident())
			}
			return
		}
		if !v.cfg.Dominates(d.block, bi) {
			v.errorf("use of %s is not dominated by its definition in %s", x.(value.Value).Ident(), v.f.Blocks[d.block].Ident())
		}
	}
}

func (v *verifier) checkInst(inst ir.Instruction, b *ir.Block, ii int) {
	switch inst := inst.(type) {
	case *ir.InstAdd:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstSub:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstMul:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstAnd:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstOr:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstXor:
		v.binary(inst.X, inst.Y, inst.Typ)
	case *ir.InstICmp:
		v.binary(inst.X, inst.Y, nil)
		if inst.Typ != nil && !inst.Typ.Equal(types.I1) {
			v.errorf("icmp gives %s, want i1", inst.Typ)
		}
	case *ir.InstZExt, *ir.InstTrunc:
		var from value.Value
		var to types.Type
		if z, ok := inst.(*ir.InstZExt); ok {
			from, to = z.From, z.To
		} else {
			t := inst.(*ir.InstTrunc)
			from, to = t.From, t.To
		}
		ft, ok1 := from.Type().(*types.IntType)
		tt, ok2 := to.(*types.IntType)
		if !ok1 || !ok2 {
			v.errorf("conversion between non-integer types")
			return
		}
		if _, isZ := inst.(*ir.InstZExt); isZ && ft.BitSize >= tt.BitSize {
			v.errorf("zext from i%d to i%d does not widen", ft.BitSize, tt.BitSize)
		} else if !isZ && ft.BitSize <= tt.BitSize {
			v.errorf("trunc from i%d to i%d does not narrow", ft.BitSize, tt.BitSize)
		}
	case *ir.InstSelect:
		if !inst.Cond.Type().Equal(types.I1) {
			v.errorf("select condition has type %s, want i1", inst.Cond.Type())
		}
		if !inst.ValueTrue.Type().Equal(inst.ValueFalse.Type()) {
			v.errorf("select operands have types %s and %s", inst.ValueTrue.Type(), inst.ValueFalse.Type())
		} else if inst.Typ != nil && !inst.Typ.Equal(inst.ValueTrue.Type()) {
			v.errorf("select has type %s, its operands %s", inst.Typ, inst.ValueTrue.Type())
		}
	case *ir.InstPhi:
		v.phi(inst, b)
	case *ir.InstCall:
		v.call(inst, b, ii)
	case *ir.InstAlloca:
		if inst.NElems != nil {
			v.errorf("alloca of several elements")
		}
	case *ir.InstLoad:
		pt, ok := inst.Src.Type().(*types.PointerType)
		if !ok {
			v.errorf("load from a non-pointer")
		} else if !pt.ElemType.Equal(inst.ElemType) {
			v.errorf("load of %s through a pointer to %s", inst.ElemType, pt.ElemType)
		}
	case *ir.InstStore:
		pt, ok := inst.Dst.Type().(*types.PointerType)
		if !ok {
			v.errorf("store to a non-pointer")
		} else if !pt.ElemType.Equal(inst.Src.Type()) {
			v.errorf("store of %s through a pointer to %s", inst.Src.Type(), pt.ElemType)
		}
	case *ir.InstExtractValue:
		et, ok := elemType(inst.X.Type(), inst.Indices)
		if !ok {
			v.errorf("extractvalue indices do not fit %s", inst.X.Type())
		} else if inst.Typ != nil && !inst.Typ.Equal(et) {
			v.errorf("extractvalue has type %s, the element is %s", inst.Typ, et)
		}
	case *ir.InstInsertValue:
		et, ok := elemType(inst.X.Type(), inst.Indices)
		if !ok {
			v.errorf("insertvalue indices do not fit %s", inst.X.Type())
		} else if !inst.Elem.Type().Equal(et) {
			v.errorf("insertvalue of %s into an element of type %s", inst.Elem.Type(), et)
		}
		if inst.Typ != nil && !inst.Typ.Equal(inst.X.Type()) {
			v.errorf("insertvalue has type %s, its aggregate %s", inst.Typ, inst.X.Type())
		}
	default:
		v.errorf("instruction %T is outside the soll IR contract", inst)
	}
}

func elemType(t types.Type, idx []uint64) (types.Type, bool) {
	if len(idx) == 0 {
		return nil, false
	}
	for _, i := range idx {
		switch tt := t.(type) {
		case *types.StructType:
			if i >= uint64(len(tt.Fields)) {
				return nil, false
			}
			t = tt.Fields[i]
		case *types.ArrayType:
			if i >= tt.Len {
				return nil, false
			}
			t = tt.ElemType
		default:
			return nil, false
		}
	}
	return t, true
}

func (v *verifier) binary(x, y value.Value, typ types.Type) {
	xt, ok := x.Type().(*types.IntType)
	if !ok {
		v.errorf("operand of type %s, want an integer", x.Type())
		return
	}
	if !y.Type().Equal(xt) {
		v.errorf("operands have types %s and %s", x.Type(), y.Type())
		return
	}
	if typ != nil && !typ.Equal(xt) {
		v.errorf("result type %s differs from operand type %s", typ, xt)
	}
}

func (v *verifier) phi(phi *ir.InstPhi, b *ir.Block) {
	bi := v.cfg.Index[b]
	for _, inc := range phi.Incs {
		if phi.Typ != nil && inc.X != nil && !inc.X.Type().Equal(phi.Typ) {
			v.errorf("incoming %s has type %s, the phi %s", inc.X.Ident(), inc.X.Type(), phi.Typ)
		}
	}
	// One entry per edge; entries for the same predecessor agree.
	edges := make(map[int]int)
	for _, p := range v.cfg.Preds[bi] {
		edges[p]++
	}
	got := make(map[int]int)
	vals := make(map[int]value.Value)
	for _, inc := range phi.Incs {
		pb, ok := inc.Pred.(*ir.Block)
		if !ok {
			continue
		}
		pi, ok := v.cfg.Index[pb]
		if !ok {
			continue
		}
		got[pi]++
		if prev, seen := vals[pi]; seen && !sameValue(prev, inc.X) {
			v.errorf("two different incoming values for %s", pb.Ident())
		}
		vals[pi] = inc.X
	}
	for pi, n := range got {
		if edges[pi] == 0 {
			v.errorf("incoming block %s is not a predecessor", v.f.Blocks[pi].Ident())
		} else if n != edges[pi] {
			v.errorf("%d incoming entries for %s, which has %d edges here", n, v.f.Blocks[pi].Ident(), edges[pi])
		}
	}
	for pi, n := range edges {
		if got[pi] == 0 {
			v.errorf("no incoming value for predecessor %s (%d edges)", v.f.Blocks[pi].Ident(), n)
		}
	}
}

// sameValue compares two values by identity, or by value for integer
// constants.
func sameValue(a, b value.Value) bool {
	if a == b {
		return true
	}
	ca, ok1 := a.(*constant.Int)
	cb, ok2 := b.(*constant.Int)
	return ok1 && ok2 && ca.Typ.Equal(cb.Typ) && Unsigned(ca).Cmp(Unsigned(cb)) == 0
}

func (v *verifier) call(c *ir.InstCall, b *ir.Block, ii int) {
	pt, ok := c.Callee.Type().(*types.PointerType)
	var sig *types.FuncType
	if ok {
		sig, ok = pt.ElemType.(*types.FuncType)
	}
	if !ok {
		v.errorf("callee %s is not a function", c.Callee.Ident())
		return
	}
	if !sig.Variadic && len(c.Args) != len(sig.Params) || len(c.Args) < len(sig.Params) {
		v.errorf("call with %d arguments, the callee takes %d", len(c.Args), len(sig.Params))
	} else {
		for i, p := range sig.Params {
			if !c.Args[i].Type().Equal(p) && !isStringArg(c.Args[i], p) {
				v.errorf("argument %d has type %s, the callee wants %s", i, c.Args[i].Type(), p)
			}
		}
	}
	if c.Typ != nil && !c.Typ.Equal(sig.RetType) {
		v.errorf("call has type %s, the callee returns %s", c.Typ, sig.RetType)
	}
	fn, bi := CallTarget(c)
	if fn == nil || !strings.HasPrefix(fn.Name(), "evm.") {
		return
	}
	if bi == nil {
		v.errorf("call to unknown intrinsic %s", fn.Ident())
		return
	}
	if len(c.Args) != bi.Args {
		v.errorf("intrinsic %s takes %d arguments, got %d", bi.Name, bi.Args, len(c.Args))
	} else {
		for i, a := range c.Args {
			if want := intrinsicArgType(bi, i); !a.Type().Equal(want) && !isStringArg(a, want) {
				v.errorf("argument %d of %s has type %s, want %s", i, bi.Name, a.Type(), want)
			} else if bi.ArgIsString(i) {
				if _, isStr := StringOf(a); !isStr {
					v.errorf("argument %d of %s is not a string constant", i, bi.Name)
				}
			}
		}
	}
	if want := ResultType(bi.Rets); !c.Type().Equal(want) {
		v.errorf("intrinsic %s gives %s, want %s", bi.Name, c.Type(), want)
	}
	if bi.Terminates() {
		if ii != len(b.Insts)-1 {
			v.errorf("%s never returns but is not the last instruction of its block", bi.Name)
		} else if _, ok := b.Term.(*ir.TermUnreachable); !ok {
			v.errorf("%s never returns but is not followed by unreachable", bi.Name)
		}
	}
}

func (v *verifier) checkTerm(t ir.Terminator) {
	switch t := t.(type) {
	case *ir.TermRet:
		want := v.f.Sig.RetType
		if t.X == nil {
			if !want.Equal(types.Void) {
				v.errorf("ret void in a function returning %s", want)
			}
		} else if !t.X.Type().Equal(want) {
			v.errorf("ret of %s in a function returning %s", t.X.Type(), want)
		}
	case *ir.TermBr, *ir.TermUnreachable:
	case *ir.TermCondBr:
		if !t.Cond.Type().Equal(types.I1) {
			v.errorf("br condition has type %s, want i1", t.Cond.Type())
		}
	case *ir.TermSwitch:
		xt, ok := t.X.Type().(*types.IntType)
		if !ok {
			v.errorf("switch on a non-integer")
			return
		}
		seen := make(map[string]bool, len(t.Cases))
		for _, c := range t.Cases {
			ci, ok := c.X.(*constant.Int)
			if !ok || !ci.Typ.Equal(xt) {
				v.errorf("switch case %s is not an %s constant", c.X.Ident(), xt)
				continue
			}
			k := Unsigned(ci).String()
			if seen[k] {
				v.errorf("duplicate switch case %s", k)
			}
			seen[k] = true
		}
	default:
		v.errorf("terminator %T is outside the soll IR contract", t)
	}
}

// isStringArg reports a literal argument made by StringArg passed for an i8*
// parameter: the global's type is [N x i8]*, which llir (without opaque
// pointers) does not convert (added by the Yul frontend).
func isStringArg(a value.Value, param types.Type) bool {
	if !param.Equal(types.NewPointer(types.I8)) {
		return false
	}
	_, ok := StringOf(a)
	return ok
}
