package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// requireLValue is solc's TypeChecker::requireLValue for an expression
// already typed: the left-hand side of an assignment and the operand of
// delete, ++ and --. Components of a tuple are checked one by one.
func (a *analyzer) requireLValue(e solidity.Expr) {
	if tu, ok := e.(*solidity.TupleExpression); ok {
		if tu.IsArray {
			a.errorf(source.TypeError, 3025, tu.Loc, "Inline array type cannot be declared as LValue.")
			return
		}
		for _, c := range tu.Components {
			if c != nil {
				a.requireLValue(c)
			}
		}
		return
	}
	if c, ok := e.(*solidity.ConditionalExpression); ok {
		a.errorf(source.TypeError, 2212, c.Loc, "Conditional expression as left value is not supported yet.")
	}
	lv, known := a.isLValue(e)
	if lv || !known {
		return
	}
	code, msg := 4247, "Expression has to be an lvalue."
	switch x := e.(type) {
	case *solidity.IdentifierExpr:
		if v, ok := a.refs[x].(*solidity.VariableDeclaration); ok && v.Mutability == solidity.VarConstant {
			code, msg = 6520, "Cannot assign to a constant variable."
		}
	case *solidity.IndexAccess:
		switch t := a.exprTypes[x.X].(type) {
		case *FixedBytesType:
			code, msg = 4360, "Single bytes in fixed bytes arrays cannot be modified."
		case *ArrayType:
			if t.Loc == LocCallData {
				code, msg = 6182, "Calldata arrays are read-only."
			}
		}
	case *solidity.MemberAccess:
		if v, ok := a.refs[x].(*solidity.VariableDeclaration); ok && v.Mutability == solidity.VarConstant {
			code, msg = 6520, "Cannot assign to a constant variable."
			break
		}
		switch t := a.exprTypes[x.X].(type) {
		case *StructType:
			if t.Loc == LocCallData {
				code, msg = 4156, "Calldata structs are read-only."
			}
		case *ArrayType:
			if x.Member.Name == "length" {
				code, msg = 7567, "Member \"length\" is read-only and cannot be used to resize arrays."
			}
		}
	}
	a.errorf(source.TypeError, code, e.Span(), "%s", msg)
}

// isLValue is solc's isLValue annotation; known is false where soll
// cannot tell (an untyped operand), which is then accepted.
func (a *analyzer) isLValue(e solidity.Expr) (lv, known bool) {
	switch x := e.(type) {
	case *solidity.IdentifierExpr:
		d := a.refs[x]
		if d == nil {
			return false, false
		}
		if v, ok := d.(*solidity.VariableDeclaration); ok {
			return v.Mutability != solidity.VarConstant, true
		}
		return false, true
	case *solidity.MemberAccess:
		switch t := a.exprTypes[x.X].(type) {
		case *NullType, nil:
			return false, false
		case *StructType:
			return t.Loc != LocCallData, true
		case *TypeType:
			if _, ok := t.T.(*ContractType); ok {
				v, isVar := a.refs[x].(*solidity.VariableDeclaration)
				return isVar && v.Mutability != solidity.VarConstant, true
			}
		}
		return false, true
	case *solidity.IndexAccess:
		switch t := a.exprTypes[x.X].(type) {
		case *NullType, nil:
			return false, false
		case *ArrayType:
			return t.Loc != LocCallData, true
		case *MappingType:
			return true, true
		}
		return false, true
	case *solidity.FunctionCall:
		// `a.push()` refers to the new element.
		if m, ok := x.Fn.(*solidity.MemberAccess); ok && m.Member.Name == "push" && len(x.Args) == 0 {
			return true, true
		}
		if _, null := a.exprTypes[x.Fn].(*NullType); null {
			return false, false
		}
		return false, true
	case *solidity.TupleExpression:
		if x.IsArray {
			return false, true
		}
		return true, true
	case *solidity.Literal, *solidity.ElementaryTypeNameExpression, *solidity.Assignment,
		*solidity.ConditionalExpression, *solidity.NewExpression, *solidity.UnaryOperation, *solidity.BinaryOperation:
		return false, true
	}
	return false, false
}

// deletable reports whether delete applies to an operand of type t
// (solc's unaryOperatorResult for Token::Delete).
func deletable(t Type) bool {
	switch t := t.(type) {
	case *ArrayType:
		return !(t.Loc == LocStorage && t.Ptr)
	case *StructType:
		return !(t.Loc == LocStorage && t.Ptr)
	case *IntType, *BoolType, *AddressType, *FixedBytesType, *EnumType, *FixedPointType:
		return true
	case *ContractType:
		return !t.Super
	case *FunctionType:
		return t.Kind == FuncInternal || t.Kind == FuncExternal
	case *MappingType, *TupleType, *UDVType, *RationalType, *StringLitType:
		return false
	}
	return true
}

// immutableWrite is solc's check of a written immutable: it may be
// assigned in a constructor or a state variable's initializer, but not
// in another function or in a modifier (1581).
func (a *analyzer) immutableWrite(e solidity.Expr, ctx *fnCtx) {
	switch x := e.(type) {
	case *solidity.TupleExpression:
		if !x.IsArray {
			for _, c := range x.Components {
				if c != nil {
					a.immutableWrite(c, ctx)
				}
			}
		}
		return
	case *solidity.IdentifierExpr, *solidity.MemberAccess:
	default:
		return
	}
	v, ok := a.refs[e].(*solidity.VariableDeclaration)
	if !ok || v.Mutability != solidity.VarImmutable || a.container[v] == nil {
		return
	}
	if ctx == nil || !ctx.modifier && (ctx.fn == nil || ctx.fn.Kind == solidity.KindConstructor) {
		return
	}
	a.errorf(source.TypeError, 1581, e.Span(), "Cannot write to immutable here: Immutable variables can only be initialized inline or assigned directly in the constructor.")
}

// checkExpressionAssignment is solc's TypeChecker::checkExpressionAssignment:
// no empty tuple on the left (5547) and no assignment to a storage
// value containing a mapping unless it is a local or return variable
// (9214).
func (a *analyzer) checkExpressionAssignment(t Type, x solidity.Expr) {
	if te, ok := x.(*solidity.TupleExpression); ok && !te.IsArray {
		if len(te.Components) == 0 {
			a.errorf(source.TypeError, 5547, x.Span(), "Empty tuple on the left hand side.")
		}
		types := []Type{t}
		if tt, ok := t.(*TupleType); ok && len(te.Components) != 1 {
			types = tt.Elems
		}
		for i := 0; i < len(te.Components) && i < len(types); i++ {
			if types[i] != nil && te.Components[i] != nil {
				a.checkExpressionAssignment(types[i], te.Components[i])
			}
		}
		return
	}
	switch t.(type) {
	case *MappingType, *StructType, *ArrayType:
	default:
		return
	}
	if !containsMapping(t) {
		return
	}
	if id, ok := x.(*solidity.IdentifierExpr); ok {
		if v, ok := a.refs[id].(*solidity.VariableDeclaration); ok {
			r, known := a.roles[v]
			if r.ret || r.local && !r.callable && !r.catch || !known && !a.topVars[v] {
				return
			}
		}
	}
	a.errorf(source.TypeError, 9214, x.Span(), "Types in storage containing (nested) mappings cannot be assigned to.")
}
