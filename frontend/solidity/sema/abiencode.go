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
