package opt

import (
	"math/big"

	"github.com/holiman/uint256"
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// This file evaluates instructions on constants with EVM semantics. The
// intrinsics follow go-ethereum's core/vm/instructions.go operation by
// operation (the same holiman/uint256 calls), so a folded value is what the
// EVM would compute.

func intConst(v value.Value) *constant.Int {
	c, _ := v.(*constant.Int)
	return c
}

func toWord(c *constant.Int) *uint256.Int {
	u, _ := uint256.FromBig(ir.Unsigned(c))
	return u
}

func fromWord(u *uint256.Int) *constant.Int { return ir.IntConst(ir.Word, u.ToBig()) }

func isWord(t types.Type) bool {
	it, ok := t.(*types.IntType)
	return ok && it.BitSize == 256
}

// evalIntrinsic computes a pure intrinsic on constant words.
func evalIntrinsic(name string, a []*uint256.Int) (*uint256.Int, bool) {
	z := new(uint256.Int)
	switch name {
	case "div":
		return z.Div(a[0], a[1]), true
	case "sdiv":
		return z.SDiv(a[0], a[1]), true
	case "mod":
		return z.Mod(a[0], a[1]), true
	case "smod":
		return z.SMod(a[0], a[1]), true
	case "addmod":
		return z.AddMod(a[0], a[1], a[2]), true
	case "mulmod":
		return z.MulMod(a[0], a[1], a[2]), true
	case "exp":
		return z.Exp(a[0], a[1]), true
	case "signextend":
		return z.ExtendSign(a[1], a[0]), true
	case "byte":
		z.Set(a[1])
		return z.Byte(a[0]), true
	case "shl":
		if a[0].LtUint64(256) {
			return z.Lsh(a[1], uint(a[0].Uint64())), true
		}
		return z, true
	case "shr":
		if a[0].LtUint64(256) {
			return z.Rsh(a[1], uint(a[0].Uint64())), true
		}
		return z, true
	case "sar":
		if a[0].GtUint64(256) {
			if a[1].Sign() >= 0 {
				return z, true
			}
			return z.SetAllOne(), true
		}
		return z.SRsh(a[1], uint(a[0].Uint64())), true
	}
	return nil, false
}

// foldableIntrinsic returns the builtin of a call that evaluates to a
// constant when its arguments are constants.
func foldableIntrinsic(c *llvm.InstCall) *ir.Builtin {
	_, b := ir.CallTarget(c)
	if b == nil || b.Kind != ir.Intrinsic || b.Effects != ir.Pure || b.Rets != 1 {
		return nil
	}
	return b
}

// evaluate computes inst when get gives constants for the operands it needs;
// it returns nil when inst does not fold.
func evaluate(inst llvm.Instruction, get func(value.Value) *constant.Int) *constant.Int {
	switch inst := inst.(type) {
	case *llvm.InstAdd:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.Add(x, y) })
	case *llvm.InstSub:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.Sub(x, y) })
	case *llvm.InstMul:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.Mul(x, y) })
	case *llvm.InstAnd:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.And(x, y) })
	case *llvm.InstOr:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.Or(x, y) })
	case *llvm.InstXor:
		return evalBinary(inst.X, inst.Y, get, func(z, x, y *big.Int) { z.Xor(x, y) })
	case *llvm.InstICmp:
		x, y := get(inst.X), get(inst.Y)
		if x == nil || y == nil {
			return nil
		}
		return constant.NewBool(compare(inst.Pred, x, y))
	case *llvm.InstZExt:
		x := get(inst.From)
		if x == nil {
			return nil
		}
		return ir.IntConst(inst.To.(*types.IntType), ir.Unsigned(x))
	case *llvm.InstTrunc:
		x := get(inst.From)
		if x == nil {
			return nil
		}
		return ir.IntConst(inst.To.(*types.IntType), ir.Unsigned(x))
	case *llvm.InstSelect:
		c := get(inst.Cond)
		if c == nil {
			return nil
		}
		if c.X.Sign() != 0 {
			return get(inst.ValueTrue)
		}
		return get(inst.ValueFalse)
	case *llvm.InstCall:
		b := foldableIntrinsic(inst)
		if b == nil || len(inst.Args) != b.Args {
			return nil
		}
		args := make([]*uint256.Int, len(inst.Args))
		for i, a := range inst.Args {
			c := get(a)
			if c == nil || !isWord(c.Typ) {
				return nil
			}
			args[i] = toWord(c)
		}
		r, ok := evalIntrinsic(b.Name, args)
		if !ok {
			return nil
		}
		return fromWord(r)
	}
	return nil
}

func evalBinary(xv, yv value.Value, get func(value.Value) *constant.Int, op func(z, x, y *big.Int)) *constant.Int {
	x, y := get(xv), get(yv)
	if x == nil || y == nil {
		return nil
	}
	z := new(big.Int)
	op(z, ir.Unsigned(x), ir.Unsigned(y))
	return ir.IntConst(x.Typ, z)
}

// signed returns c as a two's complement number.
func signed(c *constant.Int) *big.Int {
	u := ir.Unsigned(c)
	bits := c.Typ.BitSize
	if bits > 0 && u.Bit(int(bits)-1) == 1 {
		u.Sub(u, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
	}
	return u
}

func compare(p enum.IPred, x, y *constant.Int) bool {
	var c int
	switch p {
	case enum.IPredSLT, enum.IPredSGT, enum.IPredSLE, enum.IPredSGE:
		c = signed(x).Cmp(signed(y))
	default:
		c = ir.Unsigned(x).Cmp(ir.Unsigned(y))
	}
	switch p {
	case enum.IPredEQ:
		return c == 0
	case enum.IPredNE:
		return c != 0
	case enum.IPredULT, enum.IPredSLT:
		return c < 0
	case enum.IPredUGT, enum.IPredSGT:
		return c > 0
	case enum.IPredULE, enum.IPredSLE:
		return c <= 0
	case enum.IPredUGE, enum.IPredSGE:
		return c >= 0
	}
	panic("opt: unknown icmp predicate " + p.String())
}

// inverse is the predicate that is true exactly when p is false.
func inverse(p enum.IPred) enum.IPred {
	switch p {
	case enum.IPredEQ:
		return enum.IPredNE
	case enum.IPredNE:
		return enum.IPredEQ
	case enum.IPredULT:
		return enum.IPredUGE
	case enum.IPredUGE:
		return enum.IPredULT
	case enum.IPredUGT:
		return enum.IPredULE
	case enum.IPredULE:
		return enum.IPredUGT
	case enum.IPredSLT:
		return enum.IPredSGE
	case enum.IPredSGE:
		return enum.IPredSLT
	case enum.IPredSGT:
		return enum.IPredSLE
	case enum.IPredSLE:
		return enum.IPredSGT
	}
	panic("opt: unknown icmp predicate " + p.String())
}
