package opt

import (
	"math/big"

	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// fold evaluates instructions whose operands are constants (with EVM
// semantics, evmconst.go) and applies algebraic identities: x+0, x*1, x*0,
// x&0, x|0, x^x, iszero(iszero(x)) as icmp/zext chains, trivial phis, …
// It walks blocks in reverse postorder so a fold feeds the next.
func fold(f *llvm.Func, ctx *Context) bool {
	cfg := ctx.cfg(f)
	subst := make(map[value.Value]value.Value)
	resolve := func(op *value.Value) {
		if r, ok := ir.Resolve(subst, *op); ok {
			*op = r
		}
	}
	changed := false
	// One simplifier for the whole function: it appends to s.out, and
	// s.cur is the instruction whose span inserted ones inherit.
	s := &simplifier{ctx: ctx}
	for _, bi := range cfg.RPO {
		b := f.Blocks[bi]
		s.out = s.out[:0]
		edited := false
		for _, inst := range b.Insts {
			if _, isPhi := inst.(*llvm.InstPhi); !isPhi {
				var opBuf [8]*value.Value
				for _, op := range ir.AppendOperands(opBuf[:0], inst) {
					resolve(op)
				}
			}
			s.cur = inst
			n := len(s.out)
			if r := s.simplify(inst, subst); r != nil {
				subst[inst.(value.Value)] = r
				changed = true
				edited = true
				continue
			}
			if len(s.out) != n {
				edited = true
			}
			s.out = append(s.out, inst)
		}
		if edited {
			b.Insts = append(make([]llvm.Instruction, 0, len(s.out)), s.out...)
		}
		var opBuf [8]*value.Value
		for _, op := range ir.AppendOperands(opBuf[:0], b.Term) {
			resolve(op)
		}
	}
	s.cur = nil
	ir.ReplaceValues(f, subst)
	return changed
}

// simplifier rewrites one instruction. insert adds a new instruction before
// the one being simplified (its operands dominate it).
type simplifier struct {
	ctx *Context
	out []llvm.Instruction // the block's new instruction list
	cur llvm.Instruction   // the instruction being simplified
}

// insert adds n before the instruction being simplified, with its span.
func (s *simplifier) insert(n llvm.Instruction) {
	s.ctx.moveLoc(s.cur, n)
	s.out = append(s.out, n)
}

// simplify returns the value inst equals, or nil. Only instructions without
// side effects are simplified, so the caller may drop inst.
func (s *simplifier) simplify(inst llvm.Instruction, subst map[value.Value]value.Value) value.Value {
	if phi, ok := inst.(*llvm.InstPhi); ok {
		return trivialPhi(phi, subst)
	}
	if c := evaluate(inst, intConst); c != nil {
		return c
	}
	switch inst := inst.(type) {
	case *llvm.InstAdd:
		x, y := commute(inst.X, inst.Y)
		if isZero(y) {
			return x
		}
		// (a - b) + b is a.
		if sub, ok := x.(*llvm.InstSub); ok && sub.Y == y {
			return sub.X
		}
		if sub, ok := y.(*llvm.InstSub); ok && sub.Y == x {
			return sub.X
		}
		// (a + c1) + c2 is a + (c1 + c2).
		if c2 := intConst(y); c2 != nil {
			if inner, ok := x.(*llvm.InstAdd); ok {
				if a, c1 := commute(inner.X, inner.Y); intConst(c1) != nil {
					return s.add(a, evalBinary(c1, c2, intConst, addBig))
				}
			}
		}
	case *llvm.InstSub:
		if isZero(inst.Y) {
			return inst.X
		}
		if inst.X == inst.Y {
			return zero(inst.X.Type())
		}
		// (a + b) - a is b, (a + b) - b is a.
		if add, ok := inst.X.(*llvm.InstAdd); ok {
			if add.X == inst.Y {
				return add.Y
			}
			if add.Y == inst.Y {
				return add.X
			}
		}
		// (((y + a) + c1) + b) - y is a + b + c1, when that takes at most
		// one add (solc's encoders compute end - start)
		if r := s.cancelSub(inst); r != nil {
			return r
		}
		// x - c is x + (-c), which the add rules combine further.
		if c := intConst(inst.Y); c != nil {
			if _, ok := inst.X.(*llvm.InstAdd); ok {
				return s.add(inst.X, evalBinary(zero(c.Typ), c, intConst, subBig))
			}
		}
	case *llvm.InstMul:
		x, y := commute(inst.X, inst.Y)
		if isZero(y) {
			return y
		}
		if isOne(y) {
			return x
		}
	case *llvm.InstAnd:
		x, y := commute(inst.X, inst.Y)
		if isZero(y) {
			return y
		}
		if isAllOnes(y) || x == y {
			return x
		}
		if c := intConst(y); c != nil && fitsMask(x, c) {
			return x
		}
		// and(and(a, c1), c2): the inner and already clears what c2 would
		// when c1 ⊆ c2; otherwise and(a, c1 & c2).
		if c2 := intConst(y); c2 != nil {
			if inner, ok := x.(*llvm.InstAnd); ok {
				if a, c1v := commute(inner.X, inner.Y); intConst(c1v) != nil {
					c1 := ir.Unsigned(intConst(c1v))
					both := new(big.Int).And(c1, ir.Unsigned(c2))
					if both.Cmp(c1) == 0 {
						return x
					}
					n := llvm.NewAnd(a, ir.IntConst(c2.Typ, both))
					s.insert(n)
					return n
				}
			}
		}
	case *llvm.InstOr:
		x, y := commute(inst.X, inst.Y)
		if isZero(y) || x == y {
			return x
		}
		if isAllOnes(y) {
			return y
		}
		if r := s.mulCheck(inst); r != nil {
			return r
		}
	case *llvm.InstXor:
		x, y := commute(inst.X, inst.Y)
		if isZero(y) {
			return x
		}
		if x == y {
			return zero(x.Type())
		}
	case *llvm.InstICmp:
		return s.icmp(inst)
	case *llvm.InstSelect:
		if c := intConst(inst.Cond); c != nil {
			if c.X.Sign() != 0 {
				return inst.ValueTrue
			}
			return inst.ValueFalse
		}
		if inst.ValueTrue == inst.ValueFalse {
			return inst.ValueTrue
		}
	case *llvm.InstExtractValue:
		// extractvalue (insertvalue agg, v, i), j is v when i = j and
		// extractvalue agg, j otherwise.
		if len(inst.Indices) != 1 {
			return nil
		}
		x := inst.X
		for {
			ins, ok := x.(*llvm.InstInsertValue)
			if !ok || len(ins.Indices) != 1 {
				break
			}
			if ins.Indices[0] == inst.Indices[0] {
				return ins.Elem
			}
			x = ins.X
		}
	case *llvm.InstTrunc:
		// trunc (zext x to iN) to the type of x is x.
		if z, ok := inst.From.(*llvm.InstZExt); ok && z.From.Type().Equal(inst.To) {
			return z.From
		}
	case *llvm.InstCall:
		return s.intrinsic(inst)
	}
	return nil
}

// cancelSub rewrites x - y where x is a tree of adds with y as a leaf: the
// other leaves summed, if that needs at most one add.
func (s *simplifier) cancelSub(sub *llvm.InstSub) value.Value {
	var terms []value.Value
	k := new(big.Int)
	found := false
	var flatten func(v value.Value, depth int)
	flatten = func(v value.Value, depth int) {
		if c := intConst(v); c != nil {
			k.Add(k, ir.Unsigned(c))
			return
		}
		if v == sub.Y && !found {
			found = true
			return
		}
		if a, ok := v.(*llvm.InstAdd); ok && depth < 4 {
			flatten(a.X, depth+1)
			flatten(a.Y, depth+1)
			return
		}
		terms = append(terms, v)
	}
	flatten(sub.X, 0)
	if !found || !isWord(sub.Typ) {
		return nil
	}
	kc := ir.IntConst(ir.Word, k.Mod(k, two256))
	switch {
	case len(terms) == 0:
		return kc
	case len(terms) == 1:
		return s.add(terms[0], kc)
	case len(terms) == 2 && k.Sign() == 0:
		n := llvm.NewAdd(terms[0], terms[1])
		s.insert(n)
		return n
	}
	return nil
}

// add returns a + c, or a when c is 0, inserting a new add.
func (s *simplifier) add(a value.Value, c *constant.Int) value.Value {
	if inner, ok := a.(*llvm.InstAdd); ok {
		if x, c1 := commute(inner.X, inner.Y); intConst(c1) != nil {
			a, c = x, evalBinary(c1, c, intConst, addBig)
		}
	}
	if c.X.Sign() == 0 {
		return a
	}
	n := llvm.NewAdd(a, c)
	s.insert(n)
	return n
}

func addBig(z, x, y *big.Int) { z.Add(x, y) }
func subBig(z, x, y *big.Int) { z.Sub(x, y) }

// trivialPhi returns v when every incoming value is v or the phi itself.
func trivialPhi(phi *llvm.InstPhi, subst map[value.Value]value.Value) value.Value {
	var same value.Value
	for _, inc := range phi.Incs {
		x := inc.X
		if r, ok := ir.Resolve(subst, x); ok {
			x = r
		}
		if x == phi {
			continue
		}
		if same != nil && !sameConst(same, x) {
			return nil
		}
		same = x
	}
	return same
}

// icmp simplifies comparisons: x==x, x<0, and the iszero chains Yul
// produces (icmp eq (zext (icmp P a b)), 0 is icmp !P a b).
func (s *simplifier) icmp(inst *llvm.InstICmp) value.Value {
	if inst.X == inst.Y {
		switch inst.Pred {
		case enum.IPredEQ, enum.IPredULE, enum.IPredUGE, enum.IPredSLE, enum.IPredSGE:
			return constant.True
		default:
			return constant.False
		}
	}
	if isZero(inst.Y) {
		switch inst.Pred {
		case enum.IPredULT:
			return constant.False
		case enum.IPredUGE:
			return constant.True
		}
	}
	if isZero(inst.X) {
		switch inst.Pred {
		case enum.IPredUGT:
			return constant.False
		case enum.IPredULE:
			return constant.True
		}
	}
	if r := s.rangeCmp(inst); r != nil {
		return r
	}
	if r := unsignedRange(inst); r != nil {
		return r
	}
	// Normalize the constant to the right for eq/ne.
	x, y := inst.X, inst.Y
	if inst.Pred == enum.IPredEQ || inst.Pred == enum.IPredNE {
		x, y = commute(x, y)
	}
	z, ok := x.(*llvm.InstZExt)
	c := intConst(y)
	if !ok || c == nil || !z.From.Type().Equal(types.I1) {
		return nil
	}
	b := z.From
	var keep bool // result is b (true) or !b (false)
	switch {
	case inst.Pred == enum.IPredNE && isZero(c), inst.Pred == enum.IPredEQ && isOne(c):
		keep = true
	case inst.Pred == enum.IPredEQ && isZero(c), inst.Pred == enum.IPredNE && isOne(c):
		keep = false
	case inst.Pred == enum.IPredEQ || inst.Pred == enum.IPredNE:
		// zext i1 is 0 or 1: compared with anything else it is never equal.
		return constant.NewBool(inst.Pred == enum.IPredNE)
	default:
		return nil
	}
	if keep {
		return b
	}
	if cmp, ok := b.(*llvm.InstICmp); ok {
		n := llvm.NewICmp(inverse(cmp.Pred), cmp.X, cmp.Y)
		s.insert(n)
		return n
	}
	n := llvm.NewXor(b, constant.True)
	s.insert(n)
	return n
}

// intrinsic applies identities of the pure EVM intrinsics.
func (s *simplifier) intrinsic(c *llvm.InstCall) value.Value {
	b := foldableIntrinsic(c)
	if b == nil || len(c.Args) != b.Args {
		return nil
	}
	a := c.Args
	switch b.Name {
	case "div", "sdiv":
		if isZero(a[1]) || isZero(a[0]) {
			return zero(ir.Word)
		}
		if isOne(a[1]) {
			return a[0]
		}
	case "mod", "smod":
		if isZero(a[1]) || isOne(a[1]) || isZero(a[0]) {
			return zero(ir.Word)
		}
	case "addmod", "mulmod":
		if isZero(a[2]) || isOne(a[2]) {
			return zero(ir.Word)
		}
	case "shl", "shr", "sar":
		if isZero(a[0]) {
			return a[1]
		}
		if isZero(a[1]) {
			return a[1]
		}
		if sh := intConst(a[0]); sh != nil && b.Name != "sar" && ir.Unsigned(sh).Cmp(big.NewInt(256)) >= 0 {
			return zero(ir.Word)
		}
	case "exp":
		if isZero(a[1]) || isOne(a[0]) {
			return ir.IntConst(ir.Word, big.NewInt(1))
		}
		if isOne(a[1]) {
			return a[0]
		}
		// exp(2, x) is shl(x, 1): both are 0 for x ≥ 256; shl is cheaper.
		shl, _ := ir.LookupBuiltin("shl")
		if base := intConst(a[0]); base != nil && ir.Unsigned(base).Cmp(big.NewInt(2)) == 0 && shl.AvailableIn(s.ctx.EVMVersion) {
			n := llvm.NewCall(ir.Declare(s.ctx.Module, shl), a[1], ir.IntConst(ir.Word, big.NewInt(1)))
			s.insert(n)
			return n
		}
	case "byte":
		if n := intConst(a[0]); n != nil && ir.Unsigned(n).Cmp(big.NewInt(32)) >= 0 {
			return zero(ir.Word)
		}
	case "signextend":
		if n := intConst(a[0]); n != nil && ir.Unsigned(n).Cmp(big.NewInt(31)) >= 0 {
			return a[1]
		}
	}
	return nil
}

// commute puts a constant operand second.
func commute(x, y value.Value) (value.Value, value.Value) {
	if _, ok := x.(*constant.Int); ok {
		return y, x
	}
	return x, y
}

// fitsMask reports whether x has no bits outside the constant mask c: x is a
// zext from a type whose every bit the mask keeps.
func fitsMask(x value.Value, c *constant.Int) bool {
	z, ok := x.(*llvm.InstZExt)
	if !ok {
		return false
	}
	from := z.From.Type().(*types.IntType)
	low := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(from.BitSize)), big.NewInt(1))
	m := ir.Unsigned(c)
	return new(big.Int).And(m, low).Cmp(low) == 0
}

func zero(t types.Type) *constant.Int { return constant.NewInt(t.(*types.IntType), 0) }

func isZero(v value.Value) bool {
	c := intConst(v)
	return c != nil && c.X.Sign() == 0
}

func isOne(v value.Value) bool {
	c := intConst(v)
	return c != nil && ir.Unsigned(c).Cmp(big.NewInt(1)) == 0
}

func isAllOnes(v value.Value) bool {
	c := intConst(v)
	if c == nil {
		return false
	}
	u := ir.Unsigned(c)
	return u.BitLen() == int(c.Typ.BitSize) && u.Cmp(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(c.Typ.BitSize)), big.NewInt(1))) == 0
}

// sameConst compares values by identity or, for integer constants, by value.
func sameConst(a, b value.Value) bool {
	if a == b {
		return true
	}
	ca, cb := intConst(a), intConst(b)
	return ca != nil && cb != nil && ca.Typ.Equal(cb.Typ) && ir.Unsigned(ca).Cmp(ir.Unsigned(cb)) == 0
}
