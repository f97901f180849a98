package sema

import (
	"math/big"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// fnCtx is where an expression is checked.
type fnCtx struct {
	contract *Contract
	fn       *solidity.FunctionDefinition
	returns  []Type
	unit     *solidity.SourceUnit
	// modifier is set in a modifier's body.
	modifier bool
}

// typeCheck is solc's TypeChecker over every source unit: statements and
// expressions get types; errors carry solc's codes. It returns false when
// an error was reported.
func (a *analyzer) typeCheck() bool {
	before := a.errors
	a.collectUsed()
	for _, u := range a.order {
		for _, d := range u.Decls {
			switch d := d.(type) {
			case *solidity.ContractDefinition:
				c := a.contracts[d]
				for _, spec := range d.Bases {
					a.inheritanceSpecifier(c, spec, &fnCtx{contract: c, unit: u})
				}
				for _, m := range d.Members {
					a.checkMember(m, &fnCtx{contract: c, unit: u})
				}
			default:
				a.checkMember(d, &fnCtx{unit: u})
			}
		}
	}
	return a.errors == before
}

func (a *analyzer) checkMember(d solidity.Decl, ctx *fnCtx) {
	switch d := d.(type) {
	case *solidity.VariableDeclaration:
		if d.Value != nil {
			t := a.varType(d)
			a.expectType(d.Value, t, ctx, 7407)
		}
		a.variableHeader(d)
	case *solidity.FunctionDefinition:
		a.functionHeader(d, ctx.contract)
		a.checkSignatureTypes(d)
		a.specialFunction(d, ctx.contract)
		a.functionShape(d, ctx.contract)
		ctx.fn = d
		if d.Returns != nil {
			for _, r := range d.Returns.Params {
				ctx.returns = append(ctx.returns, a.varType(r))
			}
		}
		for _, m := range d.Modifiers {
			var argTypes []Type
			for _, x := range m.Args {
				argTypes = append(argTypes, a.expr(x, ctx))
			}
			a.modifierInvocation(ctx.contract, d, m, argTypes)
		}
		if d.Body != nil {
			a.stmt(d.Body, ctx)
		}
		a.constructorHeader(d, ctx.contract)
	case *solidity.UsingForDirective:
		a.checkUsing(d, ctx.contract, ctx.unit)
	case *solidity.EventDefinition:
		a.eventOrErrorParams("event", d.Params, ctx.unit)
		a.eventIndexed(d)
	case *solidity.ErrorDefinition:
		a.eventOrErrorParams("error", d.Params, ctx.unit)
	case *solidity.ModifierDefinition:
		ctx.modifier = true
		if d.Body != nil {
			a.stmt(d.Body, ctx)
		}
	}
}

// expectType checks e against an expected type (solc's
// expectType: code 7407 unless another is given).
func (a *analyzer) expectType(e solidity.Expr, want Type, ctx *fnCtx, code int) Type {
	t := a.expr(e, ctx)
	if !implicit(t, want) {
		a.errorf(source.TypeError, code, e.Span(), "Type %s is not implicitly convertible to expected type %s.", t, want)
	}
	return t
}

func (a *analyzer) stmt(s solidity.Stmt, ctx *fnCtx) {
	switch s := s.(type) {
	case *solidity.Block:
		for _, x := range s.Stmts {
			a.stmt(x, ctx)
		}
	case *solidity.IfStatement:
		a.expectType(s.Cond, tBool, ctx, 7407)
		a.stmt(s.Then, ctx)
		if s.Else != nil {
			a.stmt(s.Else, ctx)
		}
	case *solidity.WhileStatement:
		a.expectType(s.Cond, tBool, ctx, 7407)
		a.stmt(s.Body, ctx)
	case *solidity.ForStatement:
		if s.Init != nil {
			a.stmt(s.Init, ctx)
		}
		if s.Cond != nil {
			a.expectType(s.Cond, tBool, ctx, 7407)
		}
		if s.Post != nil {
			a.expr(s.Post.X, ctx)
		}
		a.stmt(s.Body, ctx)
	case *solidity.ReturnStatement:
		a.returnStmt(s, ctx)
	case *solidity.EmitStatement:
		if s.Call != nil {
			a.expr(s.Call, ctx)
		}
	case *solidity.RevertStatement:
		if s.Call != nil {
			a.expr(s.Call, ctx)
		}
	case *solidity.TryStatement:
		a.expr(s.Call, ctx)
		for _, cl := range s.Clauses {
			if cl.Body != nil {
				a.stmt(cl.Body, ctx)
			}
		}
	case *solidity.VariableDeclarationStatement:
		a.varDeclStmt(s, ctx)
	case *solidity.ExpressionStatement:
		a.expr(s.X, ctx)
	case *solidity.InlineAssembly:
		a.checkAssembly(s)
	}
}

func (a *analyzer) returnStmt(s *solidity.ReturnStatement, ctx *fnCtx) {
	if s.Value == nil {
		return
	}
	t := a.expr(s.Value, ctx)
	if ctx.fn == nil {
		return
	}
	if len(ctx.returns) == 0 {
		if tt, ok := t.(*TupleType); ok && len(tt.Elems) == 0 {
			return
		}
		a.errorf(source.TypeError, 6133, s.Loc, "Return arguments not allowed.")
		return
	}
	if len(ctx.returns) == 1 {
		if !implicit(t, ctx.returns[0]) {
			a.errorf(source.TypeError, 6359, s.Value.Span(), "Return argument type %s is not implicitly convertible to expected type (type of first return variable) %s.", t, ctx.returns[0])
		}
		return
	}
	tt, ok := t.(*TupleType)
	if !ok {
		if _, null := t.(*NullType); !null {
			a.errorf(source.TypeError, 8863, s.Loc, "Different number of arguments in return statement than in returns declaration.")
		}
		return
	}
	if len(tt.Elems) != len(ctx.returns) {
		a.errorf(source.TypeError, 8863, s.Loc, "Different number of arguments in return statement than in returns declaration.")
		return
	}
	want := &TupleType{Elems: ctx.returns}
	if !implicit(t, want) {
		a.errorf(source.TypeError, 5992, s.Value.Span(), "Return argument type %s is not implicitly convertible to expected type %s.", t, want)
	}
}

func (a *analyzer) varDeclStmt(s *solidity.VariableDeclarationStatement, ctx *fnCtx) {
	for _, v := range s.Vars {
		if v != nil {
			a.checkMappingLocation(v)
			a.checkTypeSize(v, false)
		}
	}
	if s.Value == nil {
		return
	}
	t := a.expr(s.Value, ctx)
	if _, null := t.(*NullType); null {
		return
	}
	var vals []Type
	if tt, ok := t.(*TupleType); ok {
		vals = tt.Elems
	} else {
		vals = []Type{t}
	}
	if len(s.Vars) != len(vals) {
		a.errorf(source.TypeError, 7364, s.Loc, "Different number of components on the left hand side (%d) than on the right hand side (%d).", len(s.Vars), len(vals))
		return
	}
	for i, v := range s.Vars {
		if v == nil || vals[i] == nil {
			continue
		}
		vt := a.varType(v)
		if !implicit(vals[i], vt) {
			msg := "Type " + vals[i].String() + " is not implicitly convertible to expected type " + vt.String() + "."
			a.errorf(source.TypeError, 9574, s.Loc, "%s", msg)
		}
	}
}

// setType records an expression's type.
func (a *analyzer) setType(e solidity.Node, t Type) Type {
	a.exprTypes[e] = t
	return t
}

// expr types an expression.
func (a *analyzer) expr(e solidity.Expr, ctx *fnCtx) Type {
	if e == nil {
		return tNull
	}
	t := a.exprType(e, ctx)
	if t == nil {
		t = tNull
	}
	return a.setType(e, t)
}

func (a *analyzer) exprType(e solidity.Expr, ctx *fnCtx) Type {
	switch e := e.(type) {
	case *solidity.Literal:
		return a.literal(e)
	case *solidity.IdentifierExpr:
		return a.identifier(e, ctx)
	case *solidity.ElementaryTypeNameExpression:
		return &TypeType{T: withLoc(elementaryType(e.Type), LocMemory, true)}
	case *solidity.TupleExpression:
		return a.tuple(e, ctx)
	case *solidity.UnaryOperation:
		return a.unary(e, ctx)
	case *solidity.BinaryOperation:
		return a.binary(e, ctx)
	case *solidity.Assignment:
		return a.assignment(e, ctx)
	case *solidity.ConditionalExpression:
		a.expectType(e.Cond, tBool, ctx, 7407)
		t1 := a.expr(e.Then, ctx)
		t2 := a.expr(e.Else, ctx)
		m1, m2 := mobileType(t1), mobileType(t2)
		if m1 == nil {
			a.errorf(source.TypeError, 9717, e.Then.Span(), "Invalid mobile type in true expression.")
			return tNull
		}
		if m2 == nil {
			a.errorf(source.TypeError, 3703, e.Else.Span(), "Invalid mobile type in false expression.")
			return tNull
		}
		if c := commonType(t1, t2); c != nil {
			return c
		}
		if implicit(m2, m1) {
			return m1
		}
		if implicit(m1, m2) {
			return m2
		}
		a.errorf(source.TypeError, 1080, e.Loc, "True expression's type %s does not match false expression's type %s.", m1, m2)
		return tNull
	case *solidity.FunctionCall:
		return a.call(e, ctx)
	case *solidity.FunctionCallOptions:
		return a.callOptions(e, ctx)
	case *solidity.MemberAccess:
		return a.member(e, ctx)
	case *solidity.IndexAccess:
		return a.index(e, ctx)
	case *solidity.IndexRangeAccess:
		t := a.expr(e.X, ctx)
		if e.Start != nil {
			a.expectType(e.Start, tUint256, ctx, 7407)
		}
		if e.End != nil {
			a.expectType(e.End, tUint256, ctx, 7407)
		}
		switch at := t.(type) {
		case *ArrayType:
			if at.Loc != LocCallData || at.Len != nil {
				a.errorf(source.TypeError, 1227, e.Loc, "Index range access is only supported for dynamic calldata arrays.")
			} else if dynamicallyEncoded(at.Base) {
				a.errorf(source.TypeError, 2148, e.Loc, "Index range access is not supported for arrays with dynamically encoded base types.")
			}
			return &SliceType{Array: at}
		case *SliceType:
			return at
		case *NullType:
		default:
			a.errorf(source.TypeError, 4781, e.Loc, "Index range access is only possible for arrays and array slices.")
		}
		return tNull
	case *solidity.NewExpression:
		t := withLoc(a.plainType(e.Type), LocMemory, true)
		if ct, ok := t.(*ContractType); ok {
			if ct.C.Def.Kind == solidity.KindInterface {
				a.errorf(source.TypeError, 2971, e.Loc, "Cannot instantiate an interface.")
				return tNull
			}
			if ct.C.Def.Abstract {
				a.errorf(source.TypeError, 4614, e.Loc, "Cannot instantiate an abstract contract.")
			}
			ft := &FunctionType{Kind: FuncCreation, Returns: []Type{ct}, ReturnNames: []string{""}, Mut: solidity.MutNonPayable}
			for _, b := range ct.C.linearOrSelf() {
				if ctor := ownSpecial(b.Def, solidity.KindConstructor); ctor != nil {
					if ctor.Mutability == solidity.MutPayable {
						ft.Mut = solidity.MutPayable
					}
					for _, p := range ctor.Params.Params {
						ft.Params = append(ft.Params, a.varType(p))
						ft.ParamNames = append(ft.ParamNames, identName(p.Name))
					}
					break
				}
			}
			return ft
		}
		if at, ok := t.(*ArrayType); ok && at.Len == nil {
			return &FunctionType{Kind: FuncObjectNew, Params: []Type{tUint256}, ParamNames: []string{""}, Returns: []Type{at}, Mut: solidity.MutPure}
		}
		return tNull
	}
	return tNull
}

func (a *analyzer) literal(e *solidity.Literal) Type {
	switch e.Kind {
	case solidity.BoolLiteral:
		return tBool
	case solidity.NumberLiteral:
		v, hd, ok := parseNumber(e)
		if !ok {
			return tNull
		}
		if hd == 40 && e.SubDenom == 0 {
			// A 40-digit hex literal is an address (solc checks its
			// EIP-55 checksum).
			return tAddress
		}
		return &RationalType{V: v, HexDigits: hd}
	}
	return &StringLitType{V: e.Value}
}

func (a *analyzer) tuple(e *solidity.TupleExpression, ctx *fnCtx) Type {
	if e.IsArray {
		var elem Type
		for i, c := range e.Components {
			t := a.expr(c, ctx)
			if _, null := t.(*NullType); !null && (i == 0 || elem != nil) && mobileType(t) == nil {
				a.errorf(source.TypeError, 9563, c.Span(), "Invalid mobile type.")
				return tNull
			}
			if elem == nil {
				elem = mobileType(t)
				continue
			}
			if elem != nil {
				if c := commonType(elem, t); c != nil {
					elem = c
				} else if _, null := t.(*NullType); !null {
					elem = nil
					break
				}
			}
		}
		if elem == nil {
			return tNull
		}
		return &ArrayType{Kind: OrdinaryArray, Base: withLoc(elem, LocMemory, true), Len: bigInt(len(e.Components)), Loc: LocMemory, Ptr: true}
	}
	if len(e.Components) == 1 && e.Components[0] != nil {
		return a.expr(e.Components[0], ctx)
	}
	tt := &TupleType{Elems: make([]Type, len(e.Components))}
	for i, c := range e.Components {
		if c != nil {
			tt.Elems[i] = a.expr(c, ctx)
		}
	}
	return tt
}

func (a *analyzer) unary(e *solidity.UnaryOperation, ctx *fnCtx) Type {
	t := a.expr(e.X, ctx)
	modifying := e.Op == solidity.Delete || e.Op == solidity.Inc || e.Op == solidity.Dec
	if modifying {
		a.requireLValue(e.X)
		a.immutableWrite(e.X, ctx)
	}
	if _, null := t.(*NullType); null {
		return t
	}
	switch e.Op {
	case solidity.Not:
		if isBool(t) {
			return tBool
		}
	case solidity.Delete:
		if deletable(t) {
			return &TupleType{}
		}
	case solidity.Inc, solidity.Dec:
		if _, ok := t.(*IntType); ok {
			return t
		}
	case solidity.Sub:
		switch t := t.(type) {
		case *RationalType:
			return &RationalType{V: new(ratT).Neg(t.V)}
		case *IntType:
			if t.Signed {
				return t
			}
			a.errorf(source.TypeError, 4907, e.Loc, "Built-in unary operator - cannot be applied to type %s. Unary negation is only allowed for signed integers.", t)
			return tNull
		}
	case solidity.BitNot:
		switch t := t.(type) {
		case *RationalType:
			if t.V.IsInt() {
				return &RationalType{V: new(ratT).SetInt(new(intT).Not(t.V.Num()))}
			}
		case *IntType, *FixedBytesType:
			return t
		}
	default:
		return tNull
	}
	if _, ok := t.(*UDVType); ok {
		return a.userUnary(e, t, ctx)
	}
	if modifying {
		a.errorf(source.TypeError, 9767, e.Loc, "Built-in unary operator %s cannot be applied to type %s.", e.Op, t)
		return tNull
	}
	a.errorf(source.TypeError, 4907, e.Loc, "Built-in unary operator %s cannot be applied to type %s.", e.Op, t)
	return tNull
}

func (a *analyzer) binary(e *solidity.BinaryOperation, ctx *fnCtx) Type {
	l := a.expr(e.X, ctx)
	r := a.expr(e.Y, ctx)
	if _, ok := l.(*UDVType); ok {
		return a.userBinary(e, l, r, ctx)
	}
	_, lFixed := l.(*FixedPointType)
	_, rFixed := r.(*FixedPointType)
	bitOrShift := e.Op == solidity.BitOr || e.Op == solidity.BitAnd || e.Op == solidity.BitXor ||
		e.Op == solidity.SHL || e.Op == solidity.SHR || e.Op == solidity.SAR
	if (lFixed || rFixed) && bitOrShift {
		a.errorf(source.TypeError, 2271, e.Loc, "Built-in binary operator %s cannot be applied to types %s and %s.", e.Op, l, r)
		return tNull
	}
	if isUserOperand(l) || isUserOperand(r) {
		return tNull
	}
	res := binaryResult(e.Op, l, r)
	if res == nil {
		suffix := ""
		if _, isStruct := l.(*StructType); isStruct && definable(e.Op) {
			suffix = " No matching user-defined operator found."
		}
		a.errorf(source.TypeError, 2271, e.Loc, "Built-in binary operator %s cannot be applied to types %s and %s.%s", e.Op, l, r, suffix)
		return tNull
	}
	return res
}

// isUserOperand reports operand types that may have user-defined
// operators (soll does not resolve `using … for` operators yet).
func isUserOperand(t Type) bool {
	switch t.(type) {
	case *UDVType, *NullType, *TupleType, *FixedPointType:
		return true
	}
	return false
}

func (a *analyzer) assignment(e *solidity.Assignment, ctx *fnCtx) Type {
	l := a.expr(e.X, ctx)
	a.requireLValue(e.X)
	a.immutableWrite(e.X, ctx)
	a.checkExpressionAssignment(l, e.X)
	r := a.expr(e.Y, ctx)
	if e.Op == solidity.Assign {
		if _, ok := l.(*TupleType); ok {
			return l
		}
		if !implicit(r, l) {
			a.errorf(source.TypeError, 7407, e.Y.Span(), "Type %s is not implicitly convertible to expected type %s.", r, l)
		}
		return l
	}
	if isUserOperand(l) || isUserOperand(r) {
		return l
	}
	res := binaryResult(e.Op.BinaryOpOf(), l, r)
	if res == nil {
		a.errorf(source.TypeError, 7366, e.Loc, "Operator %s not compatible with types %s and %s.", e.Op, l, r)
	}
	return l
}

func (a *analyzer) identifier(e *solidity.IdentifierExpr, ctx *fnCtx) Type {
	d := a.refs[e]
	if d == nil {
		return tNull
	}
	if len(a.overloads[e]) > 1 {
		return tNull // resolved by the call
	}
	return a.declType(d, ctx)
}

// declType is the type of a name that refers to d.
func (a *analyzer) declType(d solidity.Node, ctx *fnCtx) Type {
	switch d := d.(type) {
	case *solidity.VariableDeclaration:
		return a.varType(d)
	case *solidity.FunctionDefinition:
		return a.funcType(d)
	case *solidity.ContractDefinition:
		return &TypeType{T: &ContractType{C: a.contracts[d]}}
	case *solidity.StructDefinition:
		return &TypeType{T: &StructType{S: a.structs[d], Loc: LocStorage, Ptr: true}}
	case *solidity.EnumDefinition:
		return &TypeType{T: &EnumType{E: a.enums[d]}}
	case *solidity.UserDefinedValueTypeDefinition:
		return &TypeType{T: &UDVType{U: a.udvt(d)}}
	case *solidity.EventDefinition:
		return &FunctionType{Kind: FuncEvent, Decl: d}
	case *solidity.ErrorDefinition:
		return &FunctionType{Kind: FuncError, Decl: d}
	case *solidity.ModifierDefinition:
		return &ModifierType{Def: d}
	case *ModuleDecl:
		return &ModuleType{Unit: d.Unit}
	case *Builtin:
		switch d.Name {
		case "msg":
			return &MagicType{Kind: "message"}
		case "block":
			return &MagicType{Kind: "block"}
		case "tx":
			return &MagicType{Kind: "transaction"}
		case "abi":
			return &MagicType{Kind: "abi"}
		case "this":
			if ctx.contract != nil {
				return &ContractType{C: ctx.contract}
			}
		case "super":
			if ctx.contract != nil {
				return &ContractType{C: ctx.contract, Super: true}
			}
		default:
			return builtinFunc(d.Name)
		}
		return tNull
	}
	return tNull
}

func (a *analyzer) index(e *solidity.IndexAccess, ctx *fnCtx) Type {
	t := a.expr(e.X, ctx)
	switch t := t.(type) {
	case *ArrayType:
		if e.Index == nil {
			a.errorf(source.TypeError, 9689, e.Loc, "Index expression cannot be omitted.")
			return tNull
		}
		if t.Kind == StringArray {
			a.errorf(source.TypeError, 9961, e.Loc, "Index access for string is not possible.")
			a.expr(e.Index, ctx)
			return &FixedBytesType{N: 1}
		}
		it := a.expectType(e.Index, tUint256, ctx, 7407)
		if a.errors == 0 && t.Len != nil {
			if n := constIndex(it); n != nil && t.Len.Cmp(n) <= 0 {
				a.errorf(source.TypeError, 3383, e.Loc, "Out of bounds array access.")
			}
		}
		if t.IsByteArray() {
			return &FixedBytesType{N: 1}
		}
		return t.Base
	case *MappingType:
		if e.Index == nil {
			a.errorf(source.TypeError, 1267, e.Loc, "Index expression cannot be omitted.")
			return tNull
		}
		a.expectType(e.Index, t.Key, ctx, 7407)
		return t.Value
	case *FixedBytesType:
		if e.Index == nil {
			a.errorf(source.TypeError, 8830, e.Loc, "Index expression cannot be omitted.")
			return &FixedBytesType{N: 1}
		}
		it := a.expectType(e.Index, tUint256, ctx, 7407)
		if n := constIndex(it); n != nil && big.NewInt(int64(t.N)).Cmp(n) <= 0 {
			a.errorf(source.TypeError, 1859, e.Loc, "Out of bounds array access.")
		}
		return &FixedBytesType{N: 1}
	case *TypeType:
		if e.Index != nil {
			a.expr(e.Index, ctx)
		}
		return tNull
	case *SliceType:
		if e.Index != nil {
			a.expectType(e.Index, tUint256, ctx, 7407)
		}
		return t.Array.Base
	case *NullType, *InaccessibleType, nil:
	default:
		a.errorf(source.TypeError, 2614, e.X.Span(), "Indexed expression has to be a type, mapping or array (is %s)", t)
		return tNull
	}
	if e.Index != nil {
		a.expr(e.Index, ctx)
	}
	return tNull
}

// constIndex is the value of an integer literal index (nil otherwise).
func constIndex(t Type) *big.Int {
	if r, ok := t.(*RationalType); ok && r.V.IsInt() {
		return r.V.Num()
	}
	return nil
}

// dynamicallyEncoded is solc's Type::isDynamicallyEncoded.
func dynamicallyEncoded(t Type) bool {
	switch t := t.(type) {
	case *ArrayType:
		return t.IsByteArray() || t.Len == nil || dynamicallyEncoded(t.Base)
	case *StructType:
		for _, m := range t.S.Members {
			if dynamicallyEncoded(m.Type) {
				return true
			}
		}
	}
	return false
}
