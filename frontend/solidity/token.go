package solidity

import "strconv"

// Token is the kind of a lexical token. The order and grouping follow solc's
// TOKEN_LIST (liblangutil/Token.h) so that the range predicates below and
// the names in diagnostics ("Expected ';' but got '}'") are solc's.
type Token uint8

const (
	EOS Token = iota

	// Punctuators.
	LParen
	RParen
	LBrack
	RBrack
	LBrace
	RBrace
	Colon
	Semicolon
	Period
	Conditional
	DoubleArrow
	RightArrow

	// Assignment operators (contiguous, same order as the binary operators
	// they combine with).
	Assign
	AssignBitOr
	AssignBitXor
	AssignBitAnd
	AssignShl
	AssignSar
	AssignShr
	AssignAdd
	AssignSub
	AssignMul
	AssignDiv
	AssignMod

	// Binary operators sorted by precedence.
	Comma
	Or
	And
	BitOr
	BitXor
	BitAnd
	SHL
	SAR
	SHR
	Add
	Sub
	Mul
	Div
	Mod
	Exp

	// Comparison operators.
	Equal
	NotEqual
	LessThan
	GreaterThan
	LessThanOrEqual
	GreaterThanOrEqual

	// Unary operators.
	Not
	BitNot
	Inc
	Dec
	Delete

	AssemblyAssign

	// Keywords.
	Abstract
	Anonymous
	As
	Assembly
	Break
	Catch
	Constant
	Constructor
	Continue
	Contract
	Do
	Else
	Enum
	Emit
	Event
	External
	Fallback
	For
	Function
	Hex
	If
	Indexed
	Interface
	Internal
	Immutable
	Import
	Is
	Library
	Mapping
	Memory
	Modifier
	New
	Override
	Payable
	Public
	Pragma
	Private
	Pure
	Receive
	Return
	Returns
	Storage
	CallData
	Struct
	Throw
	Try
	Type
	Unchecked
	Unicode
	Using
	View
	Virtual
	While

	// Ether and time subdenominations.
	SubWei
	SubGwei
	SubEther
	SubSecond
	SubMinute
	SubHour
	SubDay
	SubWeek
	SubYear

	// Elementary type names.
	Int
	UInt
	Bytes
	String
	Address
	Bool
	Fixed
	UFixed
	IntM
	UIntM
	BytesM
	FixedMxN
	UFixedMxN
	TypesEnd

	// Literals.
	TrueLiteral
	FalseLiteral
	Number
	StringLiteral
	UnicodeStringLiteral
	HexStringLiteral
	CommentLiteral

	Identifier

	// Keywords reserved for future use.
	After
	Alias
	Apply
	Auto
	Byte
	Case
	CopyOf
	Default
	Define
	Final
	Implements
	In
	Inline
	Let
	Macro
	Match
	Mutable
	NullLiteral
	Of
	Partial
	Promise
	Reference
	Relocatable
	Sealed
	Sizeof
	Static
	Supports
	Switch
	Typedef
	TypeOf
	Var

	// Keywords of experimental Solidity only (identifiers otherwise).
	Class
	Instantiation
	Integer
	Itself
	StaticAssert
	Builtin
	ForAll

	Illegal

	numTokens
)

// tokenInfo is a token's text (empty for literals and identifiers), solc's
// C++ name (used when it has no text), its binary precedence, and whether
// it is a keyword.
type tokenInfo struct {
	text    string
	name    string
	prec    int8
	keyword bool
}

var tokens = [numTokens]tokenInfo{
	EOS: {"EOS", "EOS", 0, false},

	LParen:      {"(", "LParen", 0, false},
	RParen:      {")", "RParen", 0, false},
	LBrack:      {"[", "LBrack", 0, false},
	RBrack:      {"]", "RBrack", 0, false},
	LBrace:      {"{", "LBrace", 0, false},
	RBrace:      {"}", "RBrace", 0, false},
	Colon:       {":", "Colon", 0, false},
	Semicolon:   {";", "Semicolon", 0, false},
	Period:      {".", "Period", 0, false},
	Conditional: {"?", "Conditional", 3, false},
	DoubleArrow: {"=>", "DoubleArrow", 0, false},
	RightArrow:  {"->", "RightArrow", 0, false},

	Assign:       {"=", "Assign", 2, false},
	AssignBitOr:  {"|=", "AssignBitOr", 2, false},
	AssignBitXor: {"^=", "AssignBitXor", 2, false},
	AssignBitAnd: {"&=", "AssignBitAnd", 2, false},
	AssignShl:    {"<<=", "AssignShl", 2, false},
	AssignSar:    {">>=", "AssignSar", 2, false},
	AssignShr:    {">>>=", "AssignShr", 2, false},
	AssignAdd:    {"+=", "AssignAdd", 2, false},
	AssignSub:    {"-=", "AssignSub", 2, false},
	AssignMul:    {"*=", "AssignMul", 2, false},
	AssignDiv:    {"/=", "AssignDiv", 2, false},
	AssignMod:    {"%=", "AssignMod", 2, false},

	Comma:  {",", "Comma", 1, false},
	Or:     {"||", "Or", 4, false},
	And:    {"&&", "And", 5, false},
	BitOr:  {"|", "BitOr", 8, false},
	BitXor: {"^", "BitXor", 9, false},
	BitAnd: {"&", "BitAnd", 10, false},
	SHL:    {"<<", "SHL", 11, false},
	SAR:    {">>", "SAR", 11, false},
	SHR:    {">>>", "SHR", 11, false},
	Add:    {"+", "Add", 12, false},
	Sub:    {"-", "Sub", 12, false},
	Mul:    {"*", "Mul", 13, false},
	Div:    {"/", "Div", 13, false},
	Mod:    {"%", "Mod", 13, false},
	Exp:    {"**", "Exp", 14, false},

	Equal:              {"==", "Equal", 6, false},
	NotEqual:           {"!=", "NotEqual", 6, false},
	LessThan:           {"<", "LessThan", 7, false},
	GreaterThan:        {">", "GreaterThan", 7, false},
	LessThanOrEqual:    {"<=", "LessThanOrEqual", 7, false},
	GreaterThanOrEqual: {">=", "GreaterThanOrEqual", 7, false},

	Not:    {"!", "Not", 0, false},
	BitNot: {"~", "BitNot", 0, false},
	Inc:    {"++", "Inc", 0, false},
	Dec:    {"--", "Dec", 0, false},
	Delete: {"delete", "Delete", 0, true},

	AssemblyAssign: {":=", "AssemblyAssign", 2, false},

	Abstract:    {"abstract", "Abstract", 0, true},
	Anonymous:   {"anonymous", "Anonymous", 0, true},
	As:          {"as", "As", 0, true},
	Assembly:    {"assembly", "Assembly", 0, true},
	Break:       {"break", "Break", 0, true},
	Catch:       {"catch", "Catch", 0, true},
	Constant:    {"constant", "Constant", 0, true},
	Constructor: {"constructor", "Constructor", 0, true},
	Continue:    {"continue", "Continue", 0, true},
	Contract:    {"contract", "Contract", 0, true},
	Do:          {"do", "Do", 0, true},
	Else:        {"else", "Else", 0, true},
	Enum:        {"enum", "Enum", 0, true},
	Emit:        {"emit", "Emit", 0, true},
	Event:       {"event", "Event", 0, true},
	External:    {"external", "External", 0, true},
	Fallback:    {"fallback", "Fallback", 0, true},
	For:         {"for", "For", 0, true},
	Function:    {"function", "Function", 0, true},
	Hex:         {"hex", "Hex", 0, true},
	If:          {"if", "If", 0, true},
	Indexed:     {"indexed", "Indexed", 0, true},
	Interface:   {"interface", "Interface", 0, true},
	Internal:    {"internal", "Internal", 0, true},
	Immutable:   {"immutable", "Immutable", 0, true},
	Import:      {"import", "Import", 0, true},
	Is:          {"is", "Is", 0, true},
	Library:     {"library", "Library", 0, true},
	Mapping:     {"mapping", "Mapping", 0, true},
	Memory:      {"memory", "Memory", 0, true},
	Modifier:    {"modifier", "Modifier", 0, true},
	New:         {"new", "New", 0, true},
	Override:    {"override", "Override", 0, true},
	Payable:     {"payable", "Payable", 0, true},
	Public:      {"public", "Public", 0, true},
	Pragma:      {"pragma", "Pragma", 0, true},
	Private:     {"private", "Private", 0, true},
	Pure:        {"pure", "Pure", 0, true},
	Receive:     {"receive", "Receive", 0, true},
	Return:      {"return", "Return", 0, true},
	Returns:     {"returns", "Returns", 0, true},
	Storage:     {"storage", "Storage", 0, true},
	CallData:    {"calldata", "CallData", 0, true},
	Struct:      {"struct", "Struct", 0, true},
	Throw:       {"throw", "Throw", 0, true},
	Try:         {"try", "Try", 0, true},
	Type:        {"type", "Type", 0, true},
	Unchecked:   {"unchecked", "Unchecked", 0, true},
	Unicode:     {"unicode", "Unicode", 0, true},
	Using:       {"using", "Using", 0, true},
	View:        {"view", "View", 0, true},
	Virtual:     {"virtual", "Virtual", 0, true},
	While:       {"while", "While", 0, true},

	SubWei:    {"wei", "SubWei", 0, true},
	SubGwei:   {"gwei", "SubGwei", 0, true},
	SubEther:  {"ether", "SubEther", 0, true},
	SubSecond: {"seconds", "SubSecond", 0, true},
	SubMinute: {"minutes", "SubMinute", 0, true},
	SubHour:   {"hours", "SubHour", 0, true},
	SubDay:    {"days", "SubDay", 0, true},
	SubWeek:   {"weeks", "SubWeek", 0, true},
	SubYear:   {"years", "SubYear", 0, true},

	Int:       {"int", "Int", 0, true},
	UInt:      {"uint", "UInt", 0, true},
	Bytes:     {"bytes", "Bytes", 0, true},
	String:    {"string", "String", 0, true},
	Address:   {"address", "Address", 0, true},
	Bool:      {"bool", "Bool", 0, true},
	Fixed:     {"fixed", "Fixed", 0, true},
	UFixed:    {"ufixed", "UFixed", 0, true},
	IntM:      {"intM", "IntM", 0, false},
	UIntM:     {"uintM", "UIntM", 0, false},
	BytesM:    {"bytesM", "BytesM", 0, false},
	FixedMxN:  {"fixedMxN", "FixedMxN", 0, false},
	UFixedMxN: {"ufixedMxN", "UFixedMxN", 0, false},
	TypesEnd:  {"", "TypesEnd", 0, false},

	TrueLiteral:          {"true", "TrueLiteral", 0, true},
	FalseLiteral:         {"false", "FalseLiteral", 0, true},
	Number:               {"", "Number", 0, false},
	StringLiteral:        {"", "StringLiteral", 0, false},
	UnicodeStringLiteral: {"", "UnicodeStringLiteral", 0, false},
	HexStringLiteral:     {"", "HexStringLiteral", 0, false},
	CommentLiteral:       {"", "CommentLiteral", 0, false},

	Identifier: {"", "Identifier", 0, false},

	After:       {"after", "After", 0, true},
	Alias:       {"alias", "Alias", 0, true},
	Apply:       {"apply", "Apply", 0, true},
	Auto:        {"auto", "Auto", 0, true},
	Byte:        {"byte", "Byte", 0, true},
	Case:        {"case", "Case", 0, true},
	CopyOf:      {"copyof", "CopyOf", 0, true},
	Default:     {"default", "Default", 0, true},
	Define:      {"define", "Define", 0, true},
	Final:       {"final", "Final", 0, true},
	Implements:  {"implements", "Implements", 0, true},
	In:          {"in", "In", 0, true},
	Inline:      {"inline", "Inline", 0, true},
	Let:         {"let", "Let", 0, true},
	Macro:       {"macro", "Macro", 0, true},
	Match:       {"match", "Match", 0, true},
	Mutable:     {"mutable", "Mutable", 0, true},
	NullLiteral: {"null", "NullLiteral", 0, true},
	Of:          {"of", "Of", 0, true},
	Partial:     {"partial", "Partial", 0, true},
	Promise:     {"promise", "Promise", 0, true},
	Reference:   {"reference", "Reference", 0, true},
	Relocatable: {"relocatable", "Relocatable", 0, true},
	Sealed:      {"sealed", "Sealed", 0, true},
	Sizeof:      {"sizeof", "Sizeof", 0, true},
	Static:      {"static", "Static", 0, true},
	Supports:    {"supports", "Supports", 0, true},
	Switch:      {"switch", "Switch", 0, true},
	Typedef:     {"typedef", "Typedef", 0, true},
	TypeOf:      {"typeof", "TypeOf", 0, true},
	Var:         {"var", "Var", 0, true},

	Class:         {"class", "Class", 0, true},
	Instantiation: {"instantiation", "Instantiation", 0, true},
	Integer:       {"Integer", "Integer", 0, true},
	Itself:        {"itself", "Itself", 0, true},
	StaticAssert:  {"static_assert", "StaticAssert", 0, true},
	Builtin:       {"__builtin", "Builtin", 0, true},
	ForAll:        {"forall", "ForAll", 0, true},

	Illegal: {"ILLEGAL", "Illegal", 0, false},
}

// String is the token's text, or solc's name for tokens without one
// ("Number", "StringLiteral", "Identifier").
func (t Token) String() string {
	if t >= numTokens {
		return "Token(" + strconv.Itoa(int(t)) + ")"
	}
	if s := tokens[t].text; s != "" {
		return s
	}
	return tokens[t].name
}

// Precedence is the binary precedence of t (solc's TokenTraits::precedence),
// 0 for tokens that are not binary operators.
func (t Token) Precedence() int {
	if t >= numTokens {
		return 0
	}
	return int(tokens[t].prec)
}

// Token class predicates (solc's TokenTraits).
func (t Token) IsElementaryTypeName() bool { return t >= Int && t < TypesEnd }
func (t Token) IsAssignmentOp() bool       { return t >= Assign && t <= AssignMod }
func (t Token) IsBinaryOp() bool           { return t >= Comma && t <= Exp }
func (t Token) IsCompareOp() bool          { return t >= Equal && t <= GreaterThanOrEqual }
func (t Token) IsUnaryOp() bool            { return t >= Not && t <= Delete || t == Sub }
func (t Token) IsCountOp() bool            { return t == Inc || t == Dec }
func (t Token) IsReservedKeyword() bool    { return t >= After && t <= Var }
func (t Token) IsVisibilitySpecifier() bool {
	return t.IsVariableVisibilitySpecifier() || t == External
}
func (t Token) IsVariableVisibilitySpecifier() bool {
	return t == Public || t == Private || t == Internal
}
func (t Token) IsLocationSpecifier() bool { return t == Memory || t == Storage || t == CallData }
func (t Token) IsStateMutabilitySpecifier() bool {
	return t == Pure || t == View || t == Payable
}
func (t Token) IsEtherSubdenomination() bool { return t >= SubWei && t <= SubEther }
func (t Token) IsTimeSubdenomination() bool  { return t >= SubSecond && t <= SubYear }

// IsExperimentalOnlyKeyword reports keywords of experimental Solidity that
// are identifiers in Solidity.
func (t Token) IsExperimentalOnlyKeyword() bool { return t >= Class && t <= ForAll }

// isExperimentalKeyword reports the tokens that stay keywords in
// experimental Solidity (solc's isExperimentalSolidityKeyword).
func (t Token) isExperimentalKeyword() bool {
	switch t {
	case Assembly, Contract, External, Fallback, Pragma, Import, As, Function, Let, Return, Type,
		If, Else, Do, While, For, Continue, Break:
		return true
	}
	return t.IsExperimentalOnlyKeyword()
}

// isBuiltinTypeClassName reports the tokens that name a built-in type
// class in experimental Solidity.
func (t Token) isBuiltinTypeClassName() bool {
	return t == Integer || t.IsBinaryOp() && t != Comma || t.IsCompareOp() || t.IsUnaryOp() ||
		t.IsAssignmentOp() && t != Assign
}

// BinaryOpOf maps a compound assignment operator to its binary operator
// (`+=` → `+`).
func (t Token) BinaryOpOf() Token {
	if t > Assign && t <= AssignMod {
		return t - AssignBitOr + BitOr
	}
	return t
}

// keywords maps keyword text to its token. It is built once and never
// written afterwards.
var keywords = func() map[string]Token {
	m := make(map[string]Token, 128)
	for t := Token(0); t < numTokens; t++ {
		if tokens[t].keyword {
			m[tokens[t].text] = t
		}
	}
	return m
}()

// userDefinableOperators are the operators `using {f as op} for T` may bind
// (solc's UserDefinableOperators.h), in solc's order.
var userDefinableOperators = []Token{
	BitOr, BitAnd, BitXor, BitNot, Add, Sub, Mul, Div, Mod,
	Equal, NotEqual, LessThan, GreaterThan, LessThanOrEqual, GreaterThanOrEqual,
}
