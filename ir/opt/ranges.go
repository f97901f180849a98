package opt

import (
	"math/big"

	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// Signed comparisons of small unsigned values. solc's ABI decoders check
// the size of their input with slt(add(calldatasize(), not(3)), 32) (or
// slt(sub(end, 4), 32) before inlining): a signed, 256-bit compare of a
// 256-bit sum, once per external function. calldatasize() is far below
// 2^255, so the sum cannot wrap around in the signed range and the test is
// calldatasize() < 36 — one unsigned compare of a small value, which both
// backends emit in fewer bytes (the Ewasm one as a single i64 compare).

// smallBound returns an inclusive upper bound below 2^64 of v as an
// unsigned number, or nil when none is known.
func smallBound(v value.Value) *big.Int {
	switch v := v.(type) {
	case *llvm.InstZExt:
		if t, ok := v.From.Type().(*types.IntType); ok && t.BitSize <= 64 {
			return lowMask(uint(t.BitSize))
		}
	case *llvm.InstAnd:
		_, y := commute(v.X, v.Y)
		if c := intConst(y); c != nil {
			if u := ir.Unsigned(c); u.BitLen() <= 64 {
				return u
			}
		}
	case *llvm.InstCall:
		if lit := guardLiteral(v); lit != nil {
			// the literal plus the EVM backend's spill area (32 bytes a
			// spilled slot), far below 2^40
			return new(big.Int).Add(lit, new(big.Int).Lsh(big.NewInt(1), 40))
		}
		_, b := ir.CallTarget(v)
		if b == nil || b.Kind != ir.Intrinsic {
			return nil
		}
		switch b.Name {
		case "calldatasize", "returndatasize", "codesize", "extcodesize", "msize", "gas":
			// sizes and gas are 64-bit quantities in every EVM
			return lowMask(64)
		case "shr":
			if k := intConst(v.Args[0]); k != nil {
				if n := ir.Unsigned(k); n.Cmp(big.NewInt(192)) >= 0 {
					if n.Cmp(big.NewInt(256)) >= 0 {
						return new(big.Int)
					}
					return lowMask(256 - uint(n.Int64()))
				}
			}
		}
	}
	return nil
}

// guardLiteral is c when v is memoryguard(c) with c below 2^62 (the guard
// is c plus the EVM backend's spill area: at least c, below c + 2^40).
func guardLiteral(v value.Value) *big.Int {
	c, ok := v.(*llvm.InstCall)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	if _, b := ir.CallTarget(c); b == nil || b.Name != "memoryguard" {
		return nil
	}
	if k := intConst(c.Args[0]); k != nil {
		if u := ir.Unsigned(k); u.BitLen() <= 62 {
			return u
		}
	}
	return nil
}

func lowMask(bits uint) *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
}

// smallLimit bounds the constants rangeCmp works with, so that x + c for
// x < 2^64 stays far from the signed overflow at 2^255.
var smallLimit = new(big.Int).Lsh(big.NewInt(1), 128)

// rangeCmp rewrites a signed comparison of x + c1 (or x - c1, or x) with a
// constant c2, where 0 ≤ x ≤ B < 2^64 and |c1|, |c2| < 2^128: no wrap-around
// is possible, so it is the comparison of x with d = c2 - c1 — a constant
// when d is out of x's range, else an unsigned comparison.
func (s *simplifier) rangeCmp(inst *llvm.InstICmp) value.Value {
	pred, x, y := inst.Pred, inst.X, inst.Y
	if intConst(y) == nil {
		x, y = y, x
		pred = swapped(pred)
	}
	c2 := intConst(y)
	if c2 == nil || !isWord(x.Type()) {
		return nil
	}
	switch pred {
	case enum.IPredSLT, enum.IPredSLE, enum.IPredSGT, enum.IPredSGE:
	default:
		return nil
	}
	base, c1 := x, new(big.Int)
	switch v := x.(type) {
	case *llvm.InstAdd:
		if b, c := commute(v.X, v.Y); intConst(c) != nil {
			base, c1 = b, signed(intConst(c))
		}
	case *llvm.InstSub:
		if c := intConst(v.Y); c != nil {
			base, c1 = v.X, new(big.Int).Neg(signed(c))
		}
	}
	bound := smallBound(base)
	if bound == nil || new(big.Int).Abs(c1).Cmp(smallLimit) >= 0 {
		return nil
	}
	v2 := signed(c2)
	if new(big.Int).Abs(v2).Cmp(smallLimit) >= 0 {
		return nil
	}
	d := new(big.Int).Sub(v2, c1)
	// x ∈ [0, bound]: decide by d's position, else compare unsigned.
	var always, never bool
	var up enum.IPred
	switch pred {
	case enum.IPredSLT: // x < d
		never, always, up = d.Sign() <= 0, d.Cmp(bound) > 0, enum.IPredULT
	case enum.IPredSLE: // x ≤ d
		never, always, up = d.Sign() < 0, d.Cmp(bound) >= 0, enum.IPredULE
	case enum.IPredSGT: // x > d
		never, always, up = d.Cmp(bound) >= 0, d.Sign() < 0, enum.IPredUGT
	case enum.IPredSGE: // x ≥ d
		never, always, up = d.Cmp(bound) > 0, d.Sign() <= 0, enum.IPredUGE
	}
	switch {
	case never:
		return constant.False
	case always:
		return constant.True
	}
	n := llvm.NewICmp(up, base, ir.IntConst(ir.Word, d))
	s.insert(n)
	return n
}

// swapped is the predicate p with its operands exchanged.
func swapped(p enum.IPred) enum.IPred {
	switch p {
	case enum.IPredSLT:
		return enum.IPredSGT
	case enum.IPredSGT:
		return enum.IPredSLT
	case enum.IPredSLE:
		return enum.IPredSGE
	case enum.IPredSGE:
		return enum.IPredSLE
	case enum.IPredULT:
		return enum.IPredUGT
	case enum.IPredUGT:
		return enum.IPredULT
	case enum.IPredULE:
		return enum.IPredUGE
	case enum.IPredUGE:
		return enum.IPredULE
	}
	return p
}

// unsignedRange decides an unsigned comparison by the bounds of its
// operands: x + c (or x) for 0 ≤ x ≤ B < 2^64 and c < 2^128 cannot wrap,
// so (x + c) < x is false, (x + c) ≥ x true (solc's allocation overflow
// check), and x + c compared with a constant K is decided when B + c and
// c lie on the same side of K (its "> 0xffffffffffffffff" check).
func unsignedRange(inst *llvm.InstICmp) value.Value {
	pred, x, y := inst.Pred, inst.X, inst.Y
	switch pred {
	case enum.IPredULT, enum.IPredULE, enum.IPredUGT, enum.IPredUGE:
	default:
		return nil
	}
	if !isWord(x.Type()) {
		return nil
	}
	// base and offset of a small sum
	split := func(v value.Value) (value.Value, *big.Int) {
		if a, ok := v.(*llvm.InstAdd); ok {
			if b, c := commute(a.X, a.Y); intConst(c) != nil {
				if u := ir.Unsigned(intConst(c)); u.Cmp(smallLimit) < 0 {
					return b, u
				}
			}
		}
		return v, new(big.Int)
	}
	// x + c against x: the sum is larger unless c = 0
	if xb, c := split(x); xb == y && c.Sign() > 0 && smallBound(xb) != nil {
		return constant.NewBool(pred == enum.IPredUGT || pred == enum.IPredUGE)
	}
	if yb, c := split(y); yb == x && c.Sign() > 0 && smallBound(yb) != nil {
		return constant.NewBool(pred == enum.IPredULT || pred == enum.IPredULE)
	}
	// x + c against a constant
	if intConst(x) != nil {
		x, y = y, x
		pred = swapped(pred)
	}
	k := intConst(y)
	if k == nil {
		return nil
	}
	base, c := split(x)
	bound := smallBound(base)
	if bound == nil {
		return nil
	}
	lo, hi := c, new(big.Int).Add(bound, c) // x + c ∈ [lo, hi]
	kv := ir.Unsigned(k)
	switch pred {
	case enum.IPredUGT:
		if hi.Cmp(kv) <= 0 {
			return constant.False
		}
		if lo.Cmp(kv) > 0 {
			return constant.True
		}
	case enum.IPredUGE:
		if hi.Cmp(kv) < 0 {
			return constant.False
		}
		if lo.Cmp(kv) >= 0 {
			return constant.True
		}
	case enum.IPredULT:
		if lo.Cmp(kv) >= 0 {
			return constant.False
		}
		if hi.Cmp(kv) < 0 {
			return constant.True
		}
	case enum.IPredULE:
		if lo.Cmp(kv) > 0 {
			return constant.False
		}
		if hi.Cmp(kv) <= 0 {
			return constant.True
		}
	}
	return nil
}
