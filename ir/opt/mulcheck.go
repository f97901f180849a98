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

// Checked multiplication by a constant. solc tests x * c for overflow as
//
//	iszero(or(iszero(x), eq(c, div(mul(x, c), x))))
//
// (with shl(k, x) for mul(x, 2^k) after its optimizer): a 256-bit division
// per checked product, which on Ewasm pulls the whole division routine
// into the module. For a constant c ≠ 0 the or is x ≤ ⌊(2^256 − 1) / c⌋:
// x = 0 passes both; for x > 0, div(x·c mod 2^256, x) = c exactly when
// x·c < 2^256. A non-constant c keeps the division.

// mulCheck returns the i256 0/1 value the or computes, or nil.
func (s *simplifier) mulCheck(or *llvm.InstOr) value.Value {
	if !isWord(or.Typ) {
		return nil
	}
	for _, p := range [][2]value.Value{{or.X, or.Y}, {or.Y, or.X}} {
		x := zeroTested(p[0])
		if x == nil {
			continue
		}
		c := quotientCheck(p[1], x)
		if c == nil {
			continue
		}
		limit := new(big.Int).Quo(lowMask(256), c)
		cmp := llvm.NewICmp(enum.IPredULE, x, ir.IntConst(ir.Word, limit))
		s.insert(cmp)
		z := llvm.NewZExt(cmp, ir.Word)
		s.insert(z)
		return z
	}
	return nil
}

// zeroTested returns x when v is zext(icmp eq x, 0) of a word x.
func zeroTested(v value.Value) value.Value {
	cmp := zextedCmp(v)
	if cmp == nil || cmp.Pred != enum.IPredEQ {
		return nil
	}
	x, y := commute(cmp.X, cmp.Y)
	if !isZero(y) || !isWord(x.Type()) {
		return nil
	}
	return x
}

// quotientCheck returns c when v is zext(icmp eq c, div(p, x)) with p the
// product x·c (mul, or shl by k when c = 2^k) and c a non-zero constant.
func quotientCheck(v, x value.Value) *big.Int {
	cmp := zextedCmp(v)
	if cmp == nil || cmp.Pred != enum.IPredEQ {
		return nil
	}
	d, cv := commute(cmp.X, cmp.Y)
	k := intConst(cv)
	if k == nil {
		return nil
	}
	c := ir.Unsigned(k)
	if c.Sign() == 0 {
		return nil
	}
	call, ok := d.(*llvm.InstCall)
	if !ok {
		return nil
	}
	if _, b := ir.CallTarget(call); b == nil || b.Name != "div" || len(call.Args) != 2 || call.Args[1] != x {
		return nil
	}
	if !isProduct(call.Args[0], x, c) {
		return nil
	}
	return c
}

// isProduct reports whether p computes x·c mod 2^256: a mul by c, or a
// shift left by k where c = 2^k.
func isProduct(p, x value.Value, c *big.Int) bool {
	if m, ok := p.(*llvm.InstMul); ok {
		a, b := commute(m.X, m.Y)
		k := intConst(b)
		return a == x && k != nil && ir.Unsigned(k).Cmp(c) == 0
	}
	base, k := shiftedLeft(p)
	return base == x && k != nil && isPow2(c) && ir.Unsigned(k).Cmp(big.NewInt(int64(c.BitLen()-1))) == 0
}

// shiftedLeft returns x and k when v is x shifted left by the constant k
// (an LLVM shl or the EVM's shl(k, x)).
func shiftedLeft(v value.Value) (value.Value, *constant.Int) {
	switch v := v.(type) {
	case *llvm.InstShl:
		return v.X, intConst(v.Y)
	case *llvm.InstCall:
		if _, b := ir.CallTarget(v); b != nil && b.Name == "shl" && len(v.Args) == 2 {
			return v.Args[1], intConst(v.Args[0])
		}
	}
	return nil, nil
}

func isPow2(c *big.Int) bool {
	return c.Sign() > 0 && new(big.Int).And(c, new(big.Int).Sub(c, big.NewInt(1))).Sign() == 0
}

// zextedCmp returns the comparison v zero-extends from i1, or nil.
func zextedCmp(v value.Value) *llvm.InstICmp {
	z, ok := v.(*llvm.InstZExt)
	if !ok || !z.From.Type().Equal(types.I1) {
		return nil
	}
	cmp, _ := z.From.(*llvm.InstICmp)
	return cmp
}
