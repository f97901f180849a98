package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// operatorDefinitions is solc's Type::operatorDefinitions: the functions
// bound to op for t by the `using` directives visible here, taking one
// (unary) or two parameters whose first is t. unknown reports a directive
// soll could not resolve.
func (a *analyzer) operatorDefinitions(t Type, op solidity.Token, unary bool, ctx *fnCtx) (defs []*solidity.FunctionDefinition, unknown bool) {
	seen := map[*solidity.FunctionDefinition]bool{}
	for _, u := range a.usingDirectives(t, ctx) {
		for _, f := range u.Functions {
			if f.Operator != op {
				continue
			}
			fd, ok := a.refs[f.Path].(*solidity.FunctionDefinition)
			if !ok {
				unknown = true
				continue
			}
			n := len(fd.Params.Params)
			if n == 0 || seen[fd] || unary != (n == 1) || !unary && n != 2 {
				continue
			}
			ft := a.funcType(fd)
			if _, null := ft.Params[0].(*NullType); null {
				unknown = true
				continue
			}
			if same(ft.Params[0], t) {
				seen[fd] = true
				defs = append(defs, fd)
			}
		}
	}
	return defs, unknown
}

// userOperatorResult is the type of an operation through a user-defined
// operator fd.
func (a *analyzer) userOperatorResult(fd *solidity.FunctionDefinition) Type {
	ft := a.funcType(fd)
	if len(ft.Returns) == 1 {
		return ft.Returns[0]
	}
	return tNull
}

// userBinary types a binary operation whose left operand is a
// user-defined value type: only user-defined operators apply.
func (a *analyzer) userBinary(e *solidity.BinaryOperation, l, r Type, ctx *fnCtx) Type {
	defs, unknown := a.operatorDefinitions(l, e.Op, false, ctx)
	if unknown {
		return tNull
	}
	switch {
	case len(defs) > 1:
		a.errorf(source.TypeError, 4705, e.Loc, "User-defined binary operator %s has more than one definition matching the operand type visible in the current scope.", e.Op)
		return tNull
	case len(defs) == 1:
		return a.userOperatorResult(defs[0])
	}
	if _, null := r.(*NullType); null {
		return tNull
	}
	suffix := ""
	if definable(e.Op) {
		suffix = " No matching user-defined operator found."
	}
	a.errorf(source.TypeError, 2271, e.Loc, "Built-in binary operator %s cannot be applied to types %s and %s.%s", e.Op, l, r, suffix)
	return tNull
}

// userUnary types a unary operation on a user-defined value type.
func (a *analyzer) userUnary(e *solidity.UnaryOperation, t Type, ctx *fnCtx) Type {
	defs, unknown := a.operatorDefinitions(t, e.Op, true, ctx)
	if unknown {
		return tNull
	}
	switch {
	case len(defs) > 1:
		a.errorf(source.TypeError, 4705, e.Loc, "User-defined unary operator %s has more than one definition matching the operand type visible in the current scope.", e.Op)
		return tNull
	case len(defs) == 1:
		return a.userOperatorResult(defs[0])
	}
	if e.Op == solidity.Delete || e.Op == solidity.Inc || e.Op == solidity.Dec {
		a.errorf(source.TypeError, 9767, e.Loc, "Built-in unary operator %s cannot be applied to type %s.", e.Op, t)
		return tNull
	}
	suffix := ""
	if definable(e.Op) {
		suffix = " No matching user-defined operator found."
	}
	a.errorf(source.TypeError, 4907, e.Loc, "Built-in unary operator %s cannot be applied to type %s.%s", e.Op, t, suffix)
	return tNull
}

// definable reports the operators `using {f as op}` can bind.
func definable(op solidity.Token) bool {
	switch op {
	case solidity.BitOr, solidity.BitAnd, solidity.BitXor, solidity.BitNot, solidity.Add, solidity.Sub,
		solidity.Mul, solidity.Div, solidity.Mod, solidity.Equal, solidity.NotEqual,
		solidity.LessThan, solidity.GreaterThan, solidity.LessThanOrEqual, solidity.GreaterThanOrEqual:
		return true
	}
	return false
}
