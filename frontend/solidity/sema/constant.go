package sema

import (
	"math/big"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
)

// constResult is the value of a constant expression: an exact rational,
// and the integer type it was declared with (nil for literals).
type constResult struct {
	v *big.Rat
	t Type
}

var subDenoms = map[solidity.Token]int64{
	solidity.SubWei: 1, solidity.SubSecond: 1, solidity.SubMinute: 60,
	solidity.SubHour: 3600, solidity.SubDay: 86400, solidity.SubWeek: 604800,
	solidity.SubYear: 31536000,
}

// parseNumber reads a number literal as written (solc's
// RationalNumberType::isValidLiteral and value): decimal, hex, with a
// fraction and an exponent, with '_' separators, times its unit. ok is
// false for a literal solc cannot represent.
func parseNumber(lit *solidity.Literal) (v *big.Rat, hexDigits int, ok bool) {
	s := strings.ReplaceAll(lit.Value, "_", "")
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		n, ok := new(big.Int).SetString(s[2:], 16)
		if !ok {
			return nil, 0, false
		}
		v = new(big.Rat).SetInt(n)
		hexDigits = len(s) - 2
	} else {
		mant, exp := s, ""
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			mant, exp = s[:i], s[i+1:]
		}
		r, ok := new(big.Rat).SetString(mant)
		if !ok || mant == "" {
			return nil, 0, false
		}
		if exp != "" {
			e, ok := new(big.Int).SetString(exp, 10)
			if !ok || e.BitLen() > 31 {
				return nil, 0, false
			}
			ei := e.Int64()
			// solc limits the exponent so the value stays representable.
			if ei > 4096 || ei < -4096 {
				return nil, 0, false
			}
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(ei)), nil)
			if ei >= 0 {
				r.Mul(r, new(big.Rat).SetInt(p))
			} else {
				r.Quo(r, new(big.Rat).SetInt(p))
			}
		}
		v = r
	}
	switch lit.SubDenom {
	case 0:
	case solidity.SubGwei:
		v.Mul(v, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(9), nil)))
	case solidity.SubEther:
		v.Mul(v, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)))
	default:
		if m, ok := subDenoms[lit.SubDenom]; ok {
			v.Mul(v, new(big.Rat).SetInt64(m))
		}
	}
	return v, hexDigits, true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// maxRationalBits bounds intermediate constants as solc does (4096 bits
// for numerator and denominator).
const maxRationalBits = 4096

func tooBig(r *big.Rat) bool {
	return r.Num().BitLen() > maxRationalBits || r.Denom().BitLen() > maxRationalBits
}

// constEval is solc's ConstantEvaluator: the value of a constant
// expression of literals and constant variables, or nil.
func (a *analyzer) constEval(e solidity.Expr) *constResult {
	switch e := e.(type) {
	case *solidity.Literal:
		if e.Kind != solidity.NumberLiteral {
			return nil
		}
		v, _, ok := parseNumber(e)
		if !ok {
			return nil
		}
		return &constResult{v: v}
	case *solidity.TupleExpression:
		if !e.IsArray && len(e.Components) == 1 && e.Components[0] != nil {
			return a.constEval(e.Components[0])
		}
	case *solidity.IdentifierExpr:
		if v, ok := a.refs[e].(*solidity.VariableDeclaration); ok {
			return a.constVar(v)
		}
	case *solidity.MemberAccess:
		if v, ok := a.refs[e].(*solidity.VariableDeclaration); ok {
			return a.constVar(v)
		}
		// C.x / M.x: resolve through the base's declaration.
		if id, ok := e.X.(*solidity.IdentifierExpr); ok {
			if d := a.refs[id]; d != nil {
				for _, m := range a.memberDecls(d, e.Member.Name) {
					if v, ok := m.(*solidity.VariableDeclaration); ok {
						return a.constVar(v)
					}
				}
			}
		}
	case *solidity.UnaryOperation:
		x := a.constEval(e.X)
		if x == nil {
			return nil
		}
		switch e.Op {
		case solidity.Sub:
			return a.typedResult(new(big.Rat).Neg(x.v), x.t)
		case solidity.BitNot:
			if !x.v.IsInt() {
				return nil
			}
			n := new(big.Int).Not(x.v.Num())
			if it, ok := x.t.(*IntType); ok && !it.Signed {
				n.And(n, it.Max())
			}
			return a.typedResult(new(big.Rat).SetInt(n), x.t)
		}
	case *solidity.BinaryOperation:
		x, y := a.constEval(e.X), a.constEval(e.Y)
		if x == nil || y == nil {
			return nil
		}
		t := x.t
		if t == nil {
			t = y.t
		}
		v := rationalBinary(e.Op, x.v, y.v)
		if v == nil {
			return nil
		}
		return a.typedResult(v, t)
	}
	return nil
}

func (a *analyzer) typedResult(v *big.Rat, t Type) *constResult {
	if it, ok := t.(*IntType); ok {
		// Integer-typed constants truncate towards zero.
		n := new(big.Int).Quo(v.Num(), v.Denom())
		if n.Cmp(it.Min()) < 0 || n.Cmp(it.Max()) > 0 {
			return nil
		}
		v = new(big.Rat).SetInt(n)
	}
	return &constResult{v: v, t: t}
}

// constVar evaluates a constant variable's value (nil for a variable that
// is not constant or whose value is not a constant expression).
func (a *analyzer) constVar(v *solidity.VariableDeclaration) *constResult {
	if v.Mutability != solidity.VarConstant || v.Value == nil {
		return nil
	}
	if r, ok := a.constVals[v]; ok {
		return r
	}
	if a.evaluating[v] {
		return nil
	}
	a.evaluating[v] = true
	r := a.constEval(v.Value)
	a.evaluating[v] = false
	if r != nil {
		t := a.varTypes[v]
		if t == nil {
			t = a.plainType(v.Type)
		}
		if it, ok := t.(*IntType); ok {
			r = a.typedResult(r.v, it)
		} else if _, ok := t.(*RationalType); !ok {
			r = nil
		}
	}
	a.constVals[v] = r
	return r
}

// rationalBinary is solc's RationalNumberType::binaryOperatorResult on
// values; nil when the result is not a valid rational constant.
func rationalBinary(op solidity.Token, x, y *big.Rat) *big.Rat {
	switch op {
	case solidity.Add:
		return new(big.Rat).Add(x, y)
	case solidity.Sub:
		return new(big.Rat).Sub(x, y)
	case solidity.Mul:
		r := new(big.Rat).Mul(x, y)
		if tooBig(r) {
			return nil
		}
		return r
	case solidity.Div:
		if y.Sign() == 0 {
			return nil
		}
		return new(big.Rat).Quo(x, y)
	case solidity.Mod:
		if y.Sign() == 0 {
			return nil
		}
		if x.IsInt() && y.IsInt() {
			return new(big.Rat).SetInt(new(big.Int).Rem(x.Num(), y.Num()))
		}
		q := new(big.Rat).Quo(x, y)
		qi := new(big.Int).Quo(q.Num(), q.Denom())
		return new(big.Rat).Sub(x, new(big.Rat).Mul(y, new(big.Rat).SetInt(qi)))
	case solidity.Exp:
		if !y.IsInt() {
			return nil
		}
		e := y.Num()
		if e.BitLen() > 32 {
			// Only 0, 1 and -1 survive huge exponents.
			switch {
			case x.Sign() == 0 || x.Cmp(big.NewRat(1, 1)) == 0:
				return new(big.Rat).Set(x)
			case x.Cmp(big.NewRat(-1, 1)) == 0:
				if e.Bit(0) == 0 {
					return big.NewRat(1, 1)
				}
				return big.NewRat(-1, 1)
			}
			return nil
		}
		ei := e.Int64()
		neg := ei < 0
		if neg {
			ei = -ei
			if x.Sign() == 0 {
				return nil
			}
		}
		// Bound the result size before computing it.
		bits := int64(x.Num().BitLen())
		if b := int64(x.Denom().BitLen()); b > bits {
			bits = b
		}
		if bits > 1 && (bits-1)*ei > maxRationalBits {
			return nil
		}
		num := new(big.Int).Exp(x.Num(), big.NewInt(ei), nil)
		den := new(big.Int).Exp(x.Denom(), big.NewInt(ei), nil)
		r := new(big.Rat).SetFrac(num, den)
		if neg {
			r.Inv(r)
		}
		if tooBig(r) {
			return nil
		}
		return r
	case solidity.SHL, solidity.SAR, solidity.SHR:
		if !x.IsInt() || !y.IsInt() || y.Sign() < 0 {
			return nil
		}
		if op == solidity.SHL {
			if y.Num().BitLen() > 16 || y.Num().Int64() > maxRationalBits {
				return nil
			}
			r := new(big.Rat).SetInt(new(big.Int).Lsh(x.Num(), uint(y.Num().Int64())))
			if tooBig(r) {
				return nil
			}
			return r
		}
		if op == solidity.SHR {
			return nil
		}
		if y.Num().BitLen() > 16 {
			if x.Sign() < 0 {
				return big.NewRat(-1, 1)
			}
			return new(big.Rat)
		}
		n := new(big.Int).Rsh(x.Num(), uint(y.Num().Int64()))
		return new(big.Rat).SetInt(n)
	case solidity.BitAnd, solidity.BitOr, solidity.BitXor:
		if !x.IsInt() || !y.IsInt() {
			return nil
		}
		n := new(big.Int)
		switch op {
		case solidity.BitAnd:
			n.And(x.Num(), y.Num())
		case solidity.BitOr:
			n.Or(x.Num(), y.Num())
		default:
			n.Xor(x.Num(), y.Num())
		}
		return new(big.Rat).SetInt(n)
	}
	return nil
}
