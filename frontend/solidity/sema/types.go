package sema

import (
	"encoding/hex"
	"math/big"
	"strconv"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
)

// Type is the type of a declaration or an expression. Types are values:
// two types are the same type when their IDs are equal (solc's
// richIdentifier, which includes data locations).
type Type interface {
	// String is solc's toString(false): data locations included
	// ("uint256[] storage ref"), as in diagnostics.
	String() string
	// Label is solc's toString(true): without data locations, as in the
	// storage layout's "label" and the ABI's "internalType".
	Label() string
	// ID is solc's richIdentifier ("t_mapping(t_address,t_uint256)").
	ID() string
}

// Loc is the data location of a reference type.
type Loc uint8

const (
	LocNone Loc = iota
	LocStorage
	LocMemory
	LocCallData
	LocTransient
)

func (l Loc) String() string {
	return [...]string{"", "storage", "memory", "calldata", "transient"}[l]
}

// fromAST converts the parser's data location.
func fromAST(l solidity.DataLocation) Loc {
	switch l {
	case solidity.LocStorage:
		return LocStorage
	case solidity.LocMemory:
		return LocMemory
	case solidity.LocCallData:
		return LocCallData
	case solidity.LocTransient:
		return LocTransient
	}
	return LocNone
}

// IntType is intN / uintN.
type IntType struct {
	Bits   int
	Signed bool
}

func (t *IntType) String() string {
	if t.Signed {
		return "int" + strconv.Itoa(t.Bits)
	}
	return "uint" + strconv.Itoa(t.Bits)
}
func (t *IntType) Label() string { return t.String() }
func (t *IntType) ID() string    { return "t_" + t.String() }

// Min and Max are the range of the integer type.
func (t *IntType) Min() *big.Int {
	if !t.Signed {
		return new(big.Int)
	}
	return new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), uint(t.Bits-1)))
}

func (t *IntType) Max() *big.Int {
	b := t.Bits
	if t.Signed {
		b--
	}
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(b)), big.NewInt(1))
}

// BoolType is bool.
type BoolType struct{}

func (*BoolType) String() string { return "bool" }
func (*BoolType) Label() string  { return "bool" }
func (*BoolType) ID() string     { return "t_bool" }

// AddressType is address or address payable.
type AddressType struct{ Payable bool }

func (t *AddressType) String() string {
	if t.Payable {
		return "address payable"
	}
	return "address"
}
func (t *AddressType) Label() string { return t.String() }
func (t *AddressType) ID() string {
	if t.Payable {
		return "t_address_payable"
	}
	return "t_address"
}

// FixedBytesType is bytes1 … bytes32.
type FixedBytesType struct{ N int }

func (t *FixedBytesType) String() string { return "bytes" + strconv.Itoa(t.N) }
func (t *FixedBytesType) Label() string  { return t.String() }
func (t *FixedBytesType) ID() string     { return "t_" + t.String() }

// FixedPointType is fixedMxN / ufixedMxN (declarable, not usable).
type FixedPointType struct {
	Bits, Frac int
	Signed     bool
}

func (t *FixedPointType) String() string {
	s := "fixed"
	if !t.Signed {
		s = "ufixed"
	}
	return s + strconv.Itoa(t.Bits) + "x" + strconv.Itoa(t.Frac)
}
func (t *FixedPointType) Label() string { return t.String() }
func (t *FixedPointType) ID() string    { return "t_" + t.String() }

// ArrayKind distinguishes T[] from bytes and string.
type ArrayKind uint8

const (
	OrdinaryArray ArrayKind = iota
	BytesArray
	StringArray
)

// ArrayType is T[], T[N], bytes or string in a data location. Ptr marks a
// reference into the location (solc's isPointer) rather than the data
// itself.
type ArrayType struct {
	Kind ArrayKind
	Base Type     // element type; bytes1 for bytes and string
	Len  *big.Int // nil: dynamically sized
	Loc  Loc
	Ptr  bool
}

// IsByteArray reports bytes or string.
func (t *ArrayType) IsByteArray() bool { return t.Kind != OrdinaryArray }

func (t *ArrayType) body(withoutLoc bool) string {
	switch t.Kind {
	case BytesArray:
		return "bytes"
	case StringArray:
		return "string"
	}
	var base string
	if withoutLoc {
		base = t.Base.Label()
	} else {
		base = t.Base.String()
	}
	if t.Len == nil {
		return base + "[]"
	}
	return base + "[" + t.Len.String() + "]"
}

func (t *ArrayType) String() string { return t.body(false) + locSuffix(t.Loc, t.Ptr) }
func (t *ArrayType) Label() string  { return t.body(true) }
func (t *ArrayType) ID() string {
	var id string
	switch t.Kind {
	case BytesArray:
		id = "t_bytes"
	case StringArray:
		id = "t_string"
	default:
		id = "t_array(" + t.Base.ID() + ")"
		if t.Len == nil {
			id += "dyn"
		} else {
			id += t.Len.String()
		}
	}
	return id + locID(t.Loc, t.Ptr)
}

// locSuffix is solc's ReferenceType::stringForReferencePart.
func locSuffix(l Loc, ptr bool) string {
	switch l {
	case LocStorage:
		if ptr {
			return " storage pointer"
		}
		return " storage ref"
	case LocTransient:
		if ptr {
			return " transient pointer"
		}
		return " transient ref"
	case LocMemory:
		return " memory"
	case LocCallData:
		return " calldata"
	}
	return ""
}

// locID is solc's ReferenceType::identifierLocationSuffix.
func locID(l Loc, ptr bool) string {
	s := ""
	switch l {
	case LocStorage:
		s = "_storage"
	case LocTransient:
		s = "_transient"
	case LocMemory:
		s = "_memory"
	case LocCallData:
		s = "_calldata"
	}
	if ptr {
		s += "_ptr"
	}
	return s
}

// SliceType is a calldata array slice x[a:b].
type SliceType struct{ Array *ArrayType }

func (t *SliceType) String() string { return t.Array.String() + " slice" }
func (t *SliceType) Label() string  { return t.Array.Label() + " slice" }
func (t *SliceType) ID() string     { return "t_array_slice(" + t.Array.ID() + ")" }

// MappingType is mapping(K => V), in storage or transient storage.
type MappingType struct {
	Key, Value Type
	Loc        Loc
}

func (t *MappingType) String() string {
	return "mapping(" + t.Key.String() + " => " + t.Value.String() + ")"
}
func (t *MappingType) Label() string {
	return "mapping(" + t.Key.Label() + " => " + t.Value.Label() + ")"
}
func (t *MappingType) ID() string { return "t_mapping(" + t.Key.ID() + "," + t.Value.ID() + ")" }

// Struct is what the analysis knows about a struct definition.
type Struct struct {
	Def       *solidity.StructDefinition
	Canonical string // C.S or S
	NodeID    int
	Members   []Member
	resolved  bool
	resolving bool
	// Recursive reports a struct that contains itself other than through
	// a mapping or a dynamic array.
	Recursive bool
}

// Member is a struct member.
type Member struct {
	Name string
	Type Type
	Decl *solidity.VariableDeclaration
}

// StructType is a struct in a data location.
type StructType struct {
	S   *Struct
	Loc Loc
	Ptr bool
}

func (t *StructType) String() string { return "struct " + t.S.Canonical + locSuffix(t.Loc, t.Ptr) }
func (t *StructType) Label() string  { return "struct " + t.S.Canonical }
func (t *StructType) ID() string {
	return "t_struct(" + t.S.Def.Name.Name + ")" + strconv.Itoa(t.S.NodeID) + locID(t.Loc, t.Ptr)
}

// Enum is what the analysis knows about an enum definition.
type Enum struct {
	Def       *solidity.EnumDefinition
	Canonical string
	NodeID    int
}

// EnumType is an enum.
type EnumType struct{ E *Enum }

func (t *EnumType) String() string { return "enum " + t.E.Canonical }
func (t *EnumType) Label() string  { return t.String() }
func (t *EnumType) ID() string {
	return "t_enum(" + t.E.Def.Name.Name + ")" + strconv.Itoa(t.E.NodeID)
}

// UserType is what the analysis knows about a user-defined value type.
type UserType struct {
	Def        *solidity.UserDefinedValueTypeDefinition
	Canonical  string
	NodeID     int
	Underlying Type
}

// UDVType is a user-defined value type.
type UDVType struct{ U *UserType }

func (t *UDVType) String() string { return t.U.Canonical }
func (t *UDVType) Label() string  { return t.U.Canonical }
func (t *UDVType) ID() string {
	return "t_userDefinedValueType(" + t.U.Def.Name.Name + ")" + strconv.Itoa(t.U.NodeID)
}

// ContractType is a contract, interface or library (Super: the type of
// `super`).
type ContractType struct {
	C     *Contract
	Super bool
}

func (t *ContractType) String() string {
	if t.Super {
		return "type(contract super " + t.C.Def.Name.Name + ")"
	}
	if t.C.Def.Kind == solidity.KindLibrary {
		return "library " + t.C.Def.Name.Name
	}
	return "contract " + t.C.Def.Name.Name
}
func (t *ContractType) Label() string { return t.String() }
func (t *ContractType) ID() string {
	if t.Super {
		return "t_super(" + t.C.Def.Name.Name + ")" + strconv.Itoa(t.C.NodeID)
	}
	return "t_contract(" + t.C.Def.Name.Name + ")" + strconv.Itoa(t.C.NodeID)
}

// FuncKind is solc's FunctionType::Kind, reduced to what soll tells apart.
type FuncKind uint8

const (
	FuncInternal FuncKind = iota
	FuncExternal
	FuncDeclaration // a function referred to by name where it is not callable (C.f)
	FuncDelegateCall
	FuncEvent
	FuncError
	FuncCreation   // new C
	FuncBuiltin    // a global or member function (Builtin names it)
	FuncBareCall   // address.call etc.
	FuncObjectNew  // new T[](n)
	FuncStructCtor // S(…)
)

// FunctionType is a function, a function pointer, an event, an error or
// a built-in function.
type FunctionType struct {
	Kind        FuncKind
	Params      []Type
	Returns     []Type
	ParamNames  []string
	ReturnNames []string
	Mut         solidity.Mutability
	// Decl is the FunctionDefinition, VariableDeclaration (getter),
	// EventDefinition or ErrorDefinition, nil for function pointers.
	Decl solidity.Node
	// Builtin names a built-in ("keccak256", "abi.encode", "push", …).
	Builtin string
	// Arbitrary accepts any arguments (abi.encode, …); Variadic bytes.concat.
	Arbitrary bool
	// Bound is the type a function attached with `using for` is called
	// on, nil otherwise.
	Bound                      Type
	GasSet, ValueSet, SaltSet  bool
	HasDeclaration, InLibrary  bool
	LibraryStorageParamAllowed bool
}

func (t *FunctionType) list(ts []Type, withoutLoc bool) string {
	parts := make([]string, len(ts))
	for i, x := range ts {
		if x == nil {
			continue
		}
		if withoutLoc {
			parts[i] = x.Label()
		} else {
			parts[i] = x.String()
		}
	}
	return strings.Join(parts, ",")
}

func (t *FunctionType) str(withoutLoc bool) string {
	name := "function "
	if t.Kind == FuncDeclaration {
		if fd, ok := t.Decl.(*solidity.FunctionDefinition); ok && fd.Name != nil {
			name += fd.Name.Name
		}
	}
	name += "(" + t.list(t.Params, withoutLoc) + ")"
	if t.Mut != solidity.MutNonPayable {
		name += " " + t.Mut.String()
	}
	if t.Kind == FuncExternal {
		name += " external"
	}
	if len(t.Returns) > 0 {
		name += " returns (" + t.list(t.Returns, withoutLoc) + ")"
	}
	return name
}

func (t *FunctionType) String() string { return t.str(false) }
func (t *FunctionType) Label() string  { return t.str(true) }
func (t *FunctionType) ID() string {
	kind := [...]string{"internal", "external", "declaration", "delegatecall", "event", "error", "creation", "builtin", "barecall", "objectcreation", "structconstructor"}[t.Kind]
	id := "t_function_" + kind + "_" + t.Mut.String() + idList(t.Params) + "returns" + idList(t.Returns)
	if t.GasSet {
		id += "gas"
	}
	if t.ValueSet {
		id += "value"
	}
	if t.SaltSet {
		id += "salt"
	}
	if t.Bound != nil {
		id += "attached_to(" + t.Bound.ID() + ")"
	}
	return id
}

func idList(ts []Type) string {
	parts := make([]string, len(ts))
	for i, x := range ts {
		if x != nil {
			parts[i] = x.ID()
		}
	}
	return "(" + strings.Join(parts, ",") + ")"
}

// TupleType is the type of (a, b) and of a call with several results; a
// nil component is an empty slot.
type TupleType struct{ Elems []Type }

func (t *TupleType) String() string {
	parts := make([]string, len(t.Elems))
	for i, x := range t.Elems {
		if x != nil {
			parts[i] = x.String()
		}
	}
	return "tuple(" + strings.Join(parts, ",") + ")"
}
func (t *TupleType) Label() string { return t.String() }
func (t *TupleType) ID() string    { return "t_tuple" + idList(t.Elems) }

// RationalType is the type of a number literal or a constant expression
// of literals: an exact rational.
type RationalType struct {
	V *big.Rat
	// HexBytes is the number of hex digits / 2 of a hex literal (0 for
	// other literals): solc allows bytesN conversions for matching sizes.
	HexDigits int
}

func (t *RationalType) IsFractional() bool { return !t.V.IsInt() }

func (t *RationalType) String() string {
	if t.V.IsInt() {
		return "int_const " + abbreviate(t.V.Num().String())
	}
	return "rational_const " + abbreviate(t.V.Num().String()) + " / " + abbreviate(t.V.Denom().String())
}
func (t *RationalType) Label() string { return t.String() }
func (t *RationalType) ID() string {
	return "t_rational_" + strings.ReplaceAll(t.V.Num().String(), "-", "minus_") + "_by_" + t.V.Denom().String()
}

// abbreviate is solc's formatNumberReadable for long constants.
func abbreviate(s string) string {
	neg := strings.HasPrefix(s, "-")
	d := strings.TrimPrefix(s, "-")
	if len(d) <= 32 {
		return s
	}
	out := d[:4] + "..." + "(" + strconv.Itoa(len(d)-8) + " digits omitted)..." + d[len(d)-4:]
	if neg {
		out = "-" + out
	}
	return out
}

// StringLitType is the type of a string literal.
type StringLitType struct{ V string }

func (t *StringLitType) String() string {
	if isValidUTF8(t.V) && !strings.ContainsAny(t.V, "\n\r\"\\") {
		return "literal_string \"" + t.V + "\""
	}
	return "literal_string hex\"" + hex.EncodeToString([]byte(t.V)) + "\""
}
func (t *StringLitType) Label() string { return t.String() }
func (t *StringLitType) ID() string {
	return "t_stringliteral_" + hex.EncodeToString([]byte(t.V))
}

// TypeType is the type of a type name used as an expression (uint, S, C).
type TypeType struct{ T Type }

func (t *TypeType) String() string { return "type(" + t.T.String() + ")" }
func (t *TypeType) Label() string  { return "type(" + t.T.Label() + ")" }
func (t *TypeType) ID() string     { return "t_type(" + t.T.ID() + ")" }

// ModuleType is the type of an imported source unit alias.
type ModuleType struct{ Unit *solidity.SourceUnit }

func (t *ModuleType) String() string { return "module \"" + t.Unit.Name + "\"" }
func (t *ModuleType) Label() string  { return t.String() }
func (t *ModuleType) ID() string     { return "t_module_" + t.Unit.Name }

// MagicType is msg, block, tx, abi, type(X) and the other built-in
// objects.
type MagicType struct {
	Kind string // "message", "block", "transaction", "abi", "meta", "error", "bytes", "string"
	Arg  Type   // the X of type(X)
}

func (t *MagicType) String() string {
	switch t.Kind {
	case "message":
		return "msg"
	case "transaction":
		return "tx"
	case "meta":
		return "type(" + t.Arg.String() + ")"
	}
	return t.Kind
}
func (t *MagicType) Label() string { return t.String() }
func (t *MagicType) ID() string {
	if t.Kind == "meta" {
		return "t_magic_meta_type_" + t.Arg.ID()
	}
	return "t_magic_" + t.Kind
}

// ModifierType is the type of a modifier name.
type ModifierType struct{ Def *solidity.ModifierDefinition }

func (t *ModifierType) String() string { return "modifier (" + ")" }
func (t *ModifierType) Label() string  { return t.String() }
func (t *ModifierType) ID() string     { return "t_modifier" }

// InaccessibleType is the type of a dynamic return value of an old-style
// call that the EVM cannot read back.
type InaccessibleType struct{}

func (*InaccessibleType) String() string { return "inaccessible dynamic type" }
func (*InaccessibleType) Label() string  { return "inaccessible dynamic type" }
func (*InaccessibleType) ID() string     { return "t_inaccessible" }

// NullType is the type of an expression that could not be typed after an
// error: it converts to and from everything so one error is reported once.
type NullType struct{}

func (*NullType) String() string { return "<error>" }
func (*NullType) Label() string  { return "<error>" }
func (*NullType) ID() string     { return "t_error" }

func isValidUTF8(s string) bool {
	return strings.ToValidUTF8(s, "\uFFFD") == s && !strings.ContainsRune(s, '\uFFFD')
}

// Common types.
var (
	tUint256 = &IntType{Bits: 256}
	tInt256  = &IntType{Bits: 256, Signed: true}
	tUint8   = &IntType{Bits: 8}
	tBool    = &BoolType{}
	tAddress = &AddressType{}
	tPayable = &AddressType{Payable: true}
	tBytes32 = &FixedBytesType{N: 32}
	tBytes4  = &FixedBytesType{N: 4}
	tNull    = &NullType{}
)

func bytesType(loc Loc, ptr bool) *ArrayType {
	return &ArrayType{Kind: BytesArray, Base: &FixedBytesType{N: 1}, Loc: loc, Ptr: ptr}
}

func stringType(loc Loc, ptr bool) *ArrayType {
	return &ArrayType{Kind: StringArray, Base: &FixedBytesType{N: 1}, Loc: loc, Ptr: ptr}
}

// same reports whether two types are the same type.
func same(a, b Type) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || a.ID() == b.ID()
}

// withLoc is solc's TypeProvider::withLocationIfReference: the type with
// its (outermost and nested) reference types moved to loc.
func withLoc(t Type, loc Loc, ptr bool) Type {
	switch t := t.(type) {
	case *ArrayType:
		c := *t
		c.Loc, c.Ptr = loc, ptr
		if c.Kind == OrdinaryArray {
			c.Base = withLoc(c.Base, loc, false)
			if loc != LocStorage && loc != LocTransient {
				c.Base = withLoc(c.Base, loc, true)
			}
		}
		return &c
	case *StructType:
		return &StructType{S: t.S, Loc: loc, Ptr: ptr}
	case *SliceType:
		return t
	}
	return t
}

// isReference reports arrays, structs, mappings and slices.
func isReference(t Type) bool {
	switch t.(type) {
	case *ArrayType, *StructType, *MappingType, *SliceType:
		return true
	}
	return false
}

// isValueType is solc's Type::isValueType.
func isValueType(t Type) bool {
	switch t := t.(type) {
	case *IntType, *BoolType, *AddressType, *FixedBytesType, *FixedPointType, *EnumType, *UDVType, *ContractType:
		return true
	case *FunctionType:
		return t.Kind == FuncInternal || t.Kind == FuncExternal
	}
	return false
}

// location is the data location of a reference type (LocNone otherwise).
func location(t Type) Loc {
	switch t := t.(type) {
	case *ArrayType:
		return t.Loc
	case *StructType:
		return t.Loc
	case *MappingType:
		return t.Loc
	case *SliceType:
		return t.Array.Loc
	}
	return LocNone
}

// storageBytes is solc's Type::storageBytes.
func storageBytes(t Type) int {
	switch t := t.(type) {
	case *IntType:
		return t.Bits / 8
	case *BoolType:
		return 1
	case *AddressType, *ContractType:
		return 20
	case *FixedBytesType:
		return t.N
	case *FixedPointType:
		return t.Bits / 8
	case *EnumType:
		n := len(t.E.Def.Values)
		b := 1
		for n-1 >= 1<<(8*b) {
			b++
		}
		return b
	case *UDVType:
		if t.U.Underlying == nil {
			return 32
		}
		return storageBytes(t.U.Underlying)
	case *FunctionType:
		if t.Kind == FuncExternal {
			return 24
		}
		return 8
	}
	return 32
}

// storageSize is solc's Type::storageSize: the number of slots.
func storageSize(t Type) *big.Int {
	switch t := t.(type) {
	case *ArrayType:
		if t.IsByteArray() || t.Len == nil {
			return big.NewInt(1)
		}
		bb := storageBytes(t.Base)
		if bb == 0 {
			return big.NewInt(1)
		}
		if bb < 32 {
			per := int64(32 / bb)
			n := new(big.Int).Add(t.Len, big.NewInt(per-1))
			return n.Div(n, big.NewInt(per))
		}
		return new(big.Int).Mul(t.Len, storageSize(t.Base))
	case *StructType:
		_, slots := structLayout(t.S)
		return slots
	}
	return big.NewInt(1)
}

// slotOffset is a storage position.
type slotOffset struct {
	slot   *big.Int
	offset int
}

// computeOffsets is solc's StorageOffsets::computeOffsets: it packs the
// types into 32-byte slots in order and returns each one's slot and byte
// offset, and the number of slots used.
func computeOffsets(types []Type) ([]slotOffset, *big.Int) {
	slot := new(big.Int)
	byteOff := 0
	out := make([]slotOffset, len(types))
	for i, t := range types {
		sb := storageBytes(t)
		if byteOff+sb > 32 {
			slot = new(big.Int).Add(slot, big.NewInt(1))
			byteOff = 0
		}
		out[i] = slotOffset{slot: new(big.Int).Set(slot), offset: byteOff}
		size := storageSize(t)
		if size.Cmp(big.NewInt(1)) == 0 && byteOff+sb <= 32 {
			byteOff += sb
		} else {
			slot = new(big.Int).Add(slot, size)
			byteOff = 0
		}
	}
	if byteOff > 0 {
		slot = new(big.Int).Add(slot, big.NewInt(1))
	}
	return out, slot
}

// structLayout lays out a struct's members in storage (mappings and
// arrays included; solc skips nothing that can be stored).
func structLayout(s *Struct) ([]slotOffset, *big.Int) {
	if s.Recursive || s.resolving {
		return nil, big.NewInt(1)
	}
	types := make([]Type, len(s.Members))
	for i, m := range s.Members {
		types[i] = m.Type
	}
	s.resolving = true
	defer func() { s.resolving = false }()
	return computeOffsets(types)
}

// containsMapping reports a mapping anywhere inside t (not behind a
// dynamic array either: solc's containsNestedMapping).
func containsMapping(t Type) bool {
	return containsMappingSeen(t, map[*Struct]bool{})
}

func containsMappingSeen(t Type, seen map[*Struct]bool) bool {
	switch t := t.(type) {
	case *MappingType:
		return true
	case *ArrayType:
		if t.Kind == OrdinaryArray {
			return containsMappingSeen(t.Base, seen)
		}
	case *StructType:
		if seen[t.S] {
			return false
		}
		seen[t.S] = true
		for _, m := range t.S.Members {
			if containsMappingSeen(m.Type, seen) {
				return true
			}
		}
	}
	return false
}
