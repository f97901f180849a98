package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's TypeChecker::typeCheckABIEncodeFunctions: the
// arguments of abi.encode, abi.encodePacked, abi.encodeWithSelector and
// abi.encodeWithSignature.

func (a *analyzer) abiEncodeArgs(e *solidity.FunctionCall, f *FunctionType, args []Type, ctx *fnCtx) {
	switch f.Builtin {
	case "abi.encode", "abi.encodePacked", "abi.encodeWithSelector", "abi.encodeWithSignature":
	default:
		return
	}
	if len(e.Names) > 0 {
		a.errorf(source.TypeError, 2627, e.Loc, "Named arguments cannot be used for functions that take arbitrary parameters.")
		return
	}
	packed := f.Builtin == "abi.encodePacked"
	v2 := ctx == nil || !abiCoderV1(ctx.unit)
	for i, t := range args {
		if i >= len(e.Args) {
			break
		}
		span := e.Args[i].Span()
		if r, ok := t.(*RationalType); ok {
			switch {
			case r.IsFractional():
				a.errorf(source.TypeError, 6090, span, "Fractional numbers cannot yet be encoded.")
				continue
			case mobileType(r) == nil:
				a.errorf(source.TypeError, 8009, span, "Invalid rational number (too large or division by zero).")
				continue
			case packed:
				a.errorf(source.TypeError, 7279, span, "Cannot perform packed encoding for a literal. Please convert it to an explicit type first.")
				continue
			}
			t = mobileType(r)
		}
		if sl, ok := t.(*SliceType); ok && sl.Array != nil {
			t = sl.Array
		}
		if packed && !oldEncoderSupports(t) {
			a.errorf(source.TypeError, 9578, span, "Type not supported in packed mode.")
			continue
		}
		if !encodable(t, v2) {
			a.errorf(source.TypeError, 2056, span, "This type cannot be encoded.")
		}
	}
}

// abiCoderV1 reports `pragma abicoder v1;` in u.
func abiCoderV1(u *solidity.SourceUnit) bool {
	if u == nil {
		return false
	}
	for _, d := range u.Decls {
		if p, ok := d.(*solidity.PragmaDirective); ok && len(p.Literals) == 2 && p.Literals[0] == "abicoder" && p.Literals[1] == "v1" {
			return true
		}
	}
	return false
}

// oldCoderSupports is solc's typeSupportedByOldABIEncoder: a library
// call passes storage references.
func oldCoderSupports(t Type, lib bool) bool {
	if t == nil {
		return true
	}
	if lib && location(t) == LocStorage {
		return true
	}
	return oldEncoderSupports(t)
}

// oldEncoderSupports is solc's typeSupportedByOldABIEncoder (not for a
// library call).
func oldEncoderSupports(t Type) bool {
	switch t := t.(type) {
	case *StructType:
		return false
	case *ArrayType:
		if !oldEncoderSupports(t.Base) {
			return false
		}
		if b, ok := t.Base.(*ArrayType); ok && b.Len == nil && !b.IsByteArray() {
			return false
		}
		if b, ok := t.Base.(*ArrayType); ok && b.IsByteArray() {
			return false
		}
	}
	return true
}

// encodable is solc's Type::fullEncodingType != nullptr (outside a
// library call); unknown types pass.
func encodable(t Type, v2 bool) bool {
	switch t := t.(type) {
	case nil, *NullType, *StringLitType, *InaccessibleType:
		return true
	case *FunctionType:
		return t.Kind == FuncExternal && !t.GasSet && !t.ValueSet && !t.SaltSet
	}
	if recursiveType(t, map[*Struct]bool{}) {
		return false
	}
	enc := interfaceType(t, false)
	if enc == nil {
		return false
	}
	if !v2 {
		for {
			at, ok := enc.(*ArrayType)
			if !ok {
				break
			}
			enc = at.Base
			if b, ok := enc.(*ArrayType); ok && (b.Len == nil || b.IsByteArray()) {
				return false
			}
		}
		if _, ok := enc.(*StructType); ok {
			return false
		}
	}
	return true
}

// eventOrErrorParams is solc's TypeChecker::visit(EventDefinition) and
// visit(ErrorDefinition): parameter types that cannot be ABI-encoded
// and too many indexed event parameters.
func (a *analyzer) eventOrErrorParams(what string, params *solidity.ParameterList, unit *solidity.SourceUnit) {
	if params == nil {
		return
	}
	v1 := abiCoderV1(unit)
	for _, p := range params.Params {
		t := a.varType(p)
		switch t.(type) {
		case nil, *NullType:
			continue
		}
		if containsMapping(t) {
			a.errorf(source.TypeError, 3448, p.Loc, "Type containing a (nested) mapping is not allowed as %s parameter type.", what)
		}
		if recursiveType(t, map[*Struct]bool{}) || interfaceType(t, false) == nil {
			a.errorf(source.TypeError, 3417, p.Loc, "Internal or recursive type is not allowed as %s parameter type.", what)
		}
		if v1 && !oldEncoderSupports(t) {
			a.errorf(source.TypeError, 3061, p.Loc, "This type is only supported in ABI coder v2. Use \"pragma abicoder v2;\" to enable the feature.")
		}
	}
}

// eventIndexed is solc's limit on indexed event parameters.
func (a *analyzer) eventIndexed(d *solidity.EventDefinition) {
	n := 0
	for _, p := range d.Params.Params {
		if p.Indexed {
			n++
		}
	}
	if d.Anonymous && n > 4 {
		a.errorf(source.TypeError, 8598, d.Loc, "More than 4 indexed arguments for anonymous event.")
	} else if !d.Anonymous && n > 3 {
		a.errorf(source.TypeError, 7249, d.Loc, "More than 3 indexed arguments for event.")
	}
}

// abiEncodeCall is solc's TypeChecker::typeCheckABIEncodeCallFunction:
// abi.encodeCall(f, (args…)) takes an external function and an inline
// tuple of arguments convertible to its parameters.
func (a *analyzer) abiEncodeCall(e *solidity.FunctionCall, args []Type, ctx *fnCtx) {
	if len(e.Args) != 2 || len(args) != 2 {
		a.errorf(source.TypeError, 6219, e.Loc, "Expected two arguments: a function pointer followed by a tuple.")
		return
	}
	ft, ok := args[0].(*FunctionType)
	if !ok {
		if _, null := args[0].(*NullType); !null && args[0] != nil {
			a.errorf(source.TypeError, 5511, e.Args[0].Span(), "Expected first argument to be a function pointer, not \"%s\".", args[0])
		}
		return
	}
	if ft.Kind != FuncExternal && ft.Kind != FuncDeclaration {
		msg := "Expected regular external function type, or external view on public function."
		switch ft.Kind {
		case FuncInternal:
			msg += " Provided internal function."
		case FuncDelegateCall:
			msg += " Cannot use library functions for abi.encodeCall."
		case FuncCreation:
			msg += " Provided creation function."
		case FuncEvent:
			msg += " Cannot use events for abi.encodeCall."
		case FuncError:
			msg += " Cannot use errors for abi.encodeCall."
		default:
			msg += " Cannot use special function."
		}
		if fd, ok := ft.Decl.(*solidity.FunctionDefinition); ok && ctx != nil {
			owner := a.container[fd]
			switch {
			case a.visibility(fd) == solidity.VisPublic && owner == ctx.contract:
				msg += " Did you forget to prefix \"this.\"?"
			case ctx.contract != nil && owner != ctx.contract && owner != nil && inLinear(ctx.contract, owner):
				msg += " Functions from base contracts have to be external."
			}
		}
		a.errorf(source.TypeError, 3509, e.Args[0].Span(), "%s", msg)
		return
	}
	var comps []solidity.Expr
	_, isTuple := args[1].(*TupleType)
	if isTuple {
		te, ok := e.Args[1].(*solidity.TupleExpression)
		if !ok || te.IsArray {
			a.errorf(source.TypeError, 9062, e.Args[1].Span(), "Expected an inline tuple, not an expression of a tuple type.")
			return
		}
		comps = te.Components
	} else {
		comps = []solidity.Expr{e.Args[1]}
	}
	// asExternallyCallableFunction: calldata parameters take memory.
	params := make([]Type, len(ft.Params))
	for i, p := range ft.Params {
		params[i] = p
		if p != nil && location(p) == LocCallData {
			params[i] = withLoc(p, LocMemory, true)
		}
	}
	if len(params) != len(comps) {
		if isTuple {
			a.errorf(source.TypeError, 7788, e.Loc, "Expected %d instead of %d components for the tuple parameter.", len(params), len(comps))
		} else {
			a.errorf(source.TypeError, 7515, e.Loc, "Expected a tuple with %d components instead of a single non-tuple parameter.", len(params))
		}
	}
	for i := 0; i < len(params) && i < len(comps); i++ {
		if comps[i] == nil {
			continue
		}
		t := a.exprTypes[comps[i]]
		if t == nil || params[i] == nil {
			continue
		}
		if _, null := t.(*NullType); null {
			continue
		}
		if !implicit(t, params[i]) {
			a.errorf(source.TypeError, 5407, comps[i].Span(), "Cannot implicitly convert component at position %d from \"%s\" to \"%s\".", i, t, params[i])
		}
	}
}

// oldCoderDecode is the ABI coder v1 part of solc's
// typeCheckABIDecodeAndRetrieveReturnType: each decoded type must be
// supported by the old decoder (9611).
func (a *analyzer) oldCoderDecode(arg solidity.Expr, t Type) {
	exprs := []solidity.Expr{arg}
	types := []Type{t}
	if te, ok := arg.(*solidity.TupleExpression); ok && !te.IsArray {
		if tt, ok := t.(*TupleType); ok && len(tt.Elems) == len(te.Components) {
			exprs, types = te.Components, tt.Elems
		} else if len(te.Components) == 1 {
			exprs = te.Components
		}
	}
	for i, x := range types {
		tt, ok := x.(*TypeType)
		if !ok || exprs[i] == nil {
			continue
		}
		actual := withLoc(tt.T, LocMemory, true)
		if !oldEncoderSupports(actual) {
			a.errorf(source.TypeError, 9611, exprs[i].Span(), "Decoding type %s not supported.", actual)
		}
	}
}

// concatArgs is solc's typeCheckBytesConcatFunction and
// typeCheckStringConcatFunction: every argument must convert to bytes
// (or a fixed-size bytes type, but not a number literal) or to string.
func (a *analyzer) concatArgs(e *solidity.FunctionCall, builtin string, args []Type) {
	for i, t := range args {
		if i >= len(e.Args) || t == nil {
			continue
		}
		if _, null := t.(*NullType); null {
			continue
		}
		if builtin == "string.concat" {
			if !implicit(t, stringType(LocMemory, true)) {
				a.errorf(source.TypeError, 9977, e.Args[i].Span(), "Invalid type for argument in the string.concat function call. string type is required, but %s provided.", t.ID())
			}
			continue
		}
		_, literal := t.(*RationalType)
		if literal || !implicit(t, tBytes32) && !implicit(t, bytesType(LocMemory, true)) {
			a.errorf(source.TypeError, 8015, e.Args[i].Span(), "Invalid type for argument in the bytes.concat function call. bytes or fixed bytes type is required, but %s provided.", t)
		}
	}
}
