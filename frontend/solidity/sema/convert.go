package sema

import (
	"math/big"
	"unicode/utf8"

	"github.com/soll-dev/soll/frontend/solidity"
)

// implicit is solc's Type::isImplicitlyConvertibleTo. Where soll does not
// model a rule precisely it answers true: the checker must never reject a
// program solc accepts.
func implicit(from, to Type) bool {
	if from == nil || to == nil {
		return true
	}
	if _, ok := from.(*NullType); ok {
		return true
	}
	if _, ok := to.(*NullType); ok {
		return true
	}
	if same(from, to) {
		return true
	}
	switch f := from.(type) {
	case *RationalType:
		return rationalFits(f, to)
	case *StringLitType:
		switch t := to.(type) {
		case *FixedBytesType:
			return len(f.V) <= t.N
		case *ArrayType:
			if t.Loc == LocCallData || t.Loc == LocStorage && t.Ptr {
				return false
			}
			if t.Kind == BytesArray {
				return true
			}
			if t.Kind == StringArray {
				return isValidUTF8(f.V)
			}
		}
		return false
	case *IntType:
		t, ok := to.(*IntType)
		if !ok {
			return false
		}
		if f.Signed == t.Signed {
			return t.Bits >= f.Bits
		}
		return t.Signed && t.Bits > f.Bits
	case *FixedBytesType:
		t, ok := to.(*FixedBytesType)
		return ok && t.N >= f.N
	case *AddressType:
		t, ok := to.(*AddressType)
		return ok && (!t.Payable || f.Payable)
	case *ContractType:
		t, ok := to.(*ContractType)
		if !ok || f.Super || t.Super {
			return false
		}
		for _, b := range f.C.Linear {
			if b == t.C {
				return true
			}
		}
		return false
	case *BoolType, *EnumType, *UDVType, *FixedPointType:
		return false
	case *ArrayType:
		t, ok := to.(*ArrayType)
		if !ok {
			if s, ok := to.(*SliceType); ok {
				return implicit(from, s.Array)
			}
			return false
		}
		if f.Kind != t.Kind {
			return false
		}
		// A storage pointer only binds to storage of the same type.
		if t.Loc == LocStorage && t.Ptr && f.Loc != LocStorage {
			return false
		}
		if t.Loc == LocCallData && f.Loc != LocCallData {
			return false
		}
		if f.Kind != OrdinaryArray {
			return true
		}
		if t.Loc == LocStorage && !t.Ptr {
			// Copying into storage converts the elements and may grow.
			if t.Len != nil && (f.Len == nil || f.Len.Cmp(t.Len) > 0) {
				return false
			}
			return implicit(f.Base, t.Base) || implicitSameBase(f.Base, t.Base)
		}
		if (f.Len == nil) != (t.Len == nil) || f.Len != nil && f.Len.Cmp(t.Len) != 0 {
			return false
		}
		if t.Loc == LocStorage && t.Ptr || t.Loc == f.Loc {
			return same(withLoc(f.Base, LocNone, false), withLoc(t.Base, LocNone, false)) || implicitSameBase(f.Base, t.Base)
		}
		return implicitSameBase(f.Base, t.Base)
	case *SliceType:
		return implicit(f.Array, to)
	case *StructType:
		t, ok := to.(*StructType)
		if !ok || t.S != f.S {
			return false
		}
		if t.Loc == LocStorage && t.Ptr && f.Loc != LocStorage {
			return false
		}
		if t.Loc == LocCallData && f.Loc != LocCallData {
			return false
		}
		return true
	case *MappingType:
		_, ok := to.(*MappingType)
		return ok && f.Key.Label() == to.(*MappingType).Key.Label() && f.Value.Label() == to.(*MappingType).Value.Label()
	case *TupleType:
		t, ok := to.(*TupleType)
		if !ok || len(t.Elems) != len(f.Elems) {
			return false
		}
		for i := range f.Elems {
			if f.Elems[i] == nil && t.Elems[i] != nil {
				return false
			}
			if f.Elems[i] != nil && t.Elems[i] != nil && !implicit(f.Elems[i], t.Elems[i]) {
				return false
			}
		}
		return true
	case *FunctionType:
		t, ok := to.(*FunctionType)
		if !ok {
			return false
		}
		return functionConvertible(f, t)
	}
	return true
}

// implicitSameBase compares array element types ignoring data locations.
func implicitSameBase(a, b Type) bool {
	return a.Label() == b.Label()
}

// functionConvertible is solc's FunctionType::isImplicitlyConvertibleTo.
func functionConvertible(f, t *FunctionType) bool {
	fk, tk := f.Kind, t.Kind
	if fk == FuncDeclaration || fk == FuncEvent || fk == FuncError || fk == FuncBuiltin || fk == FuncCreation || fk == FuncBareCall || fk == FuncStructCtor || fk == FuncObjectNew {
		return false
	}
	if tk != FuncInternal && tk != FuncExternal {
		return false
	}
	if (fk == FuncExternal) != (tk == FuncExternal) {
		return false
	}
	if f.Bound != nil {
		return false
	}
	if len(f.Params) != len(t.Params) || len(f.Returns) != len(t.Returns) {
		return false
	}
	for i := range f.Params {
		if f.Params[i].ID() != t.Params[i].ID() {
			return false
		}
	}
	for i := range f.Returns {
		if f.Returns[i].ID() != t.Returns[i].ID() {
			return false
		}
	}
	// pure → view → nonpayable; payable → nonpayable.
	switch t.Mut {
	case f.Mut:
		return true
	case solidity.MutView:
		return f.Mut == solidity.MutPure
	case solidity.MutNonPayable:
		return f.Mut == solidity.MutPure || f.Mut == solidity.MutView || f.Mut == solidity.MutPayable
	}
	return false
}

// rationalFits is solc's RationalNumberType::isImplicitlyConvertibleTo.
func rationalFits(r *RationalType, to Type) bool {
	switch t := to.(type) {
	case *IntType:
		if !r.V.IsInt() {
			return false
		}
		n := r.V.Num()
		return n.Cmp(t.Min()) >= 0 && n.Cmp(t.Max()) <= 0
	case *FixedBytesType:
		if r.V.Sign() == 0 {
			return true
		}
		return r.HexDigits > 0 && r.HexDigits == 2*t.N && r.V.IsInt()
	case *FixedPointType:
		return true
	case *RationalType:
		return true
	}
	return false
}

// explicit is solc's Type::isExplicitlyConvertibleTo (permissive where
// soll does not model a rule).
func explicit(from, to Type) bool {
	switch f := from.(type) {
	case *IntType:
		if t, ok := to.(*IntType); ok {
			// Sign and size cannot both change (not even implicitly).
			return f.Bits == t.Bits || f.Signed == t.Signed
		}
	case *TypeType:
		if t, ok := to.(*AddressType); ok && !t.Payable {
			if c, ok := f.T.(*ContractType); ok {
				return c.C.Def.Kind == solidity.KindLibrary
			}
		}
		return same(from, to)
	}
	if implicit(from, to) {
		return true
	}
	switch f := from.(type) {
	case *RationalType:
		switch t := to.(type) {
		case *IntType:
			return f.V.IsInt() // wraps are errors only for literals out of range (checked by the caller)
		case *AddressType:
			return f.V.IsInt() && f.V.Sign() >= 0 && f.V.Num().BitLen() <= 160
		case *FixedBytesType:
			return f.V.Sign() == 0 || f.HexDigits == 2*t.N
		case *EnumType:
			return f.V.IsInt() && f.V.Sign() >= 0 && f.V.Num().Cmp(big.NewInt(int64(len(t.E.Def.Values)))) < 0
		case *ContractType:
			return false
		}
		return true
	case *StringLitType:
		switch t := to.(type) {
		case *FixedBytesType:
			return len(f.V) <= t.N
		case *ArrayType:
			return t.Kind == BytesArray || t.Kind == StringArray && isValidUTF8(f.V)
		}
		return false
	case *IntType:
		switch t := to.(type) {
		case *IntType:
			// Sign and size cannot both change.
			return f.Bits == t.Bits || f.Signed == t.Signed
		case *EnumType:
			return true
		case *AddressType:
			return !f.Signed && f.Bits == 160
		case *FixedBytesType:
			return f.Bits == t.N*8
		}
		return false
	case *FixedBytesType:
		switch t := to.(type) {
		case *FixedBytesType:
			return true
		case *IntType:
			return !t.Signed && t.Bits == f.N*8
		case *AddressType:
			return f.N == 20
		}
		return false
	case *AddressType:
		switch t := to.(type) {
		case *AddressType:
			return true
		case *IntType:
			return !t.Signed && t.Bits == 160
		case *FixedBytesType:
			return t.N == 20
		case *ContractType:
			return !t.Super
		}
		return false
	case *ContractType:
		switch t := to.(type) {
		case *AddressType:
			return !f.Super && f.C.Def.Kind != solidity.KindLibrary && (!t.Payable || f.C.payable())
		case *ContractType:
			if f.Super {
				return false
			}
			for _, b := range f.C.Linear {
				if b == t.C {
					return true
				}
			}
			return false
		}
		return false
	case *EnumType:
		_, ok := to.(*IntType)
		return ok
	case *BoolType:
		return false
	case *ArrayType:
		if t, ok := to.(*ArrayType); ok && f.IsByteArray() && t.IsByteArray() {
			return f.Loc == t.Loc || t.Loc == LocMemory && t.Kind == f.Kind
		}
		if t, ok := to.(*FixedBytesType); ok && f.Kind == BytesArray {
			_ = t
			return true
		}
		return false
	case *UDVType, *FunctionType, *TypeType, *TupleType, *ModuleType, *MagicType:
		return false
	}
	return true
}

// invalidUTF8At is the byte position of the first invalid UTF-8 sequence
// in s (-1 when s is valid).
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return -1
}

// payable reports a contract that can receive Ether (a receive function
// or a payable fallback).
func (c *Contract) payable() bool {
	for _, b := range c.Linear {
		for _, m := range b.Def.Members {
			if fd, ok := m.(*solidity.FunctionDefinition); ok {
				if fd.Kind == solidity.KindReceive || fd.Kind == solidity.KindFallback && fd.Mutability == solidity.MutPayable {
					return true
				}
			}
		}
	}
	return false
}

// mobileType is solc's Type::mobileType: the type a literal gets when it
// must be stored (the smallest integer type that holds it); nil when
// there is none.
func mobileType(t Type) Type {
	switch t := t.(type) {
	case *RationalType:
		if !t.V.IsInt() {
			return nil
		}
		n := t.V.Num()
		if n.Sign() >= 0 {
			bits := n.BitLen()
			if bits > 256 {
				return nil
			}
			b := (bits + 7) / 8 * 8
			if b == 0 {
				b = 8
			}
			return &IntType{Bits: b}
		}
		m := new(big.Int).Neg(n)
		m.Sub(m, big.NewInt(1))
		bits := m.BitLen() + 1
		if bits > 256 {
			return nil
		}
		b := (bits + 7) / 8 * 8
		return &IntType{Bits: b, Signed: true}
	case *StringLitType:
		return stringType(LocMemory, true)
	case *TupleType:
		out := &TupleType{Elems: make([]Type, len(t.Elems))}
		for i, e := range t.Elems {
			if e != nil {
				out.Elems[i] = mobileType(e)
				if out.Elems[i] == nil {
					return nil
				}
			}
		}
		return out
	case *ArrayType:
		if t.Loc == LocStorage && !t.Ptr {
			return withLoc(t, LocStorage, true)
		}
	case *StructType:
		if t.Loc == LocStorage && !t.Ptr {
			return withLoc(t, LocStorage, true)
		}
	case *FunctionType:
		// Special function types get no mobile type: they cannot be
		// used in complex expressions.
		if t.Bound != nil || t.GasSet || t.ValueSet || t.SaltSet {
			return nil
		}
		if t.Kind != FuncInternal && t.Kind != FuncExternal && t.Kind != FuncDelegateCall {
			return nil
		}
	case *MagicType, *TypeType:
		return nil
	}
	return t
}

// commonType is solc's Type::commonType: the type both operands convert
// to, nil if none.
func commonType(a, b Type) Type {
	ma, mb := mobileType(a), mobileType(b)
	if ma == nil || mb == nil {
		return nil
	}
	if implicit(b, ma) {
		return ma
	}
	if implicit(a, mb) {
		return mb
	}
	return nil
}

// isCompare reports ==, !=, <, >, <=, >=.
func isCompare(op solidity.Token) bool { return op.IsCompareOp() }

// binaryResult is solc's Type::binaryOperatorResult; nil when the
// operator does not apply.
func binaryResult(op solidity.Token, l, r Type) Type {
	if _, ok := l.(*NullType); ok {
		return tNull
	}
	if _, ok := r.(*NullType); ok {
		return tNull
	}
	// User-defined value types only have user-defined operators.
	switch op {
	case solidity.And, solidity.Or:
		if isBool(l) && isBool(r) {
			return tBool
		}
		return nil
	}
	if lr, ok := l.(*RationalType); ok {
		if rr, ok := r.(*RationalType); ok {
			if isCompare(op) {
				return tBool
			}
			v := rationalBinary(op, lr.V, rr.V)
			if v == nil {
				return nil
			}
			return &RationalType{V: v}
		}
	}
	switch lt := l.(type) {
	case *BoolType:
		if (op == solidity.Equal || op == solidity.NotEqual) && isBool(r) {
			return tBool
		}
		return nil
	case *IntType, *RationalType:
		return intBinary(op, l, r)
	case *FixedBytesType:
		if op == solidity.SHL || op == solidity.SHR || op == solidity.SAR {
			if isUnsignedInt(r) {
				return lt
			}
			return nil
		}
		c := commonType(l, r)
		if _, ok := c.(*FixedBytesType); !ok {
			return nil
		}
		if isCompare(op) {
			return tBool
		}
		if op == solidity.BitAnd || op == solidity.BitOr || op == solidity.BitXor {
			return c
		}
		return nil
	case *AddressType, *ContractType, *EnumType:
		if _, super := l.(*ContractType); super && l.(*ContractType).Super {
			return nil
		}
		if !isCompare(op) {
			return nil
		}
		if _, isAddr := l.(*AddressType); !isAddr {
			if op != solidity.Equal && op != solidity.NotEqual {
				if _, isEnum := l.(*EnumType); !isEnum {
					return nil
				}
			}
		}
		if commonType(l, r) == nil {
			return nil
		}
		return tBool
	case *FixedPointType:
		return tNull
	case *FunctionType:
		if (op == solidity.Equal || op == solidity.NotEqual) && (lt.Kind == FuncInternal || lt.Kind == FuncExternal) {
			if rt, ok := r.(*FunctionType); ok && rt.Kind == lt.Kind {
				return tBool
			}
		}
		return nil
	}
	return nil
}

func isBool(t Type) bool {
	switch t.(type) {
	case *BoolType, *NullType:
		return true
	}
	return false
}

func isUnsignedInt(t Type) bool {
	switch t := t.(type) {
	case *IntType:
		return !t.Signed
	case *RationalType:
		return t.V.IsInt() && t.V.Sign() >= 0
	case *NullType:
		return true
	}
	return false
}

// intBinary is IntegerType::binaryOperatorResult.
func intBinary(op solidity.Token, l, r Type) Type {
	if op == solidity.SHL || op == solidity.SHR || op == solidity.SAR {
		if !isUnsignedInt(r) {
			return nil
		}
		if _, ok := r.(*IntType); !ok {
			if _, ok := r.(*RationalType); !ok {
				return nil
			}
		}
		if lr, ok := l.(*RationalType); ok {
			return mobileType(lr)
		}
		return l
	}
	if op == solidity.Exp {
		if !isUnsignedInt(r) {
			if _, ok := r.(*RationalType); ok {
				return nil
			}
			return nil
		}
		if lr, ok := l.(*RationalType); ok {
			if _, ok := r.(*RationalType); ok {
				return nil
			}
			if lr.V.Sign() < 0 {
				return tInt256
			}
			return tUint256
		}
		return l
	}
	switch r.(type) {
	case *IntType, *RationalType:
	default:
		return nil
	}
	c := commonType(l, r)
	ci, ok := c.(*IntType)
	if !ok {
		return nil
	}
	if isCompare(op) {
		return tBool
	}
	switch op {
	case solidity.Add, solidity.Sub, solidity.Mul, solidity.Div, solidity.Mod, solidity.BitAnd, solidity.BitOr, solidity.BitXor:
		return ci
	}
	return nil
}
