package solidity

import (
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// Node is any AST node. Span is the byte range solc gives the same node
// (its ASTNodeFactory rules), so that diagnostics of later stages point
// where solc's do.
type Node interface {
	Span() source.Span
}

// Decl is a source-unit or contract member: a directive or a definition.
type Decl interface {
	Node
	decl()
}

// Stmt is a statement.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression.
type Expr interface {
	Node
	expr()
}

// TypeName is a type as written.
type TypeName interface {
	Node
	typeName()
}

// Doc is a NatSpec documentation comment (`/// …` lines or `/** … */`) with
// solc's text: comment markers, the first blank and leading `*`s removed,
// lines joined by "\n".
type Doc struct {
	Text string
	Loc  source.Span
}

// Ident is a name and where it was written.
type Ident struct {
	Name string
	Loc  source.Span
}

// SourceUnit is one parsed source file.
type SourceUnit struct {
	// Name is the source unit name (what imports refer to).
	Name  string
	File  *source.File
	Decls []Decl
	// License is the SPDX license identifier, "" when there is none (or it
	// is invalid or repeated, which is a ParserError).
	License string
	// Experimental reports `pragma experimental solidity;`.
	Experimental bool
	Loc          source.Span
}

// PragmaDirective is `pragma …;`. Literals are the tokens after `pragma`
// as solc records them (the text of each token).
type PragmaDirective struct {
	Literals []string
	Loc      source.Span
}

// ImportDirective is any of the import forms:
//
//	import "path" [as Alias];
//	import * as Alias from "path";
//	import {a as b, c} from "path";
type ImportDirective struct {
	Path     string // the path as written (decoded)
	PathLoc  source.Span
	Alias    *Ident // unit alias (`as X`, `* as X`), nil when absent
	Symbols  []*ImportSymbol
	Wildcard bool // `* as X`
	// Resolved is the source unit name the path refers to, after
	// relative-path resolution and remapping (solc's absolutePath).
	Resolved string
	Loc      source.Span
}

// ImportSymbol is `a` or `a as b` in `import {…} from "…"`.
type ImportSymbol struct {
	Symbol *Ident
	Alias  *Ident // nil when absent
}

// ContractKind says what a ContractDefinition is.
type ContractKind uint8

const (
	KindContract ContractKind = iota
	KindInterface
	KindLibrary
)

func (k ContractKind) String() string {
	return [...]string{"contract", "interface", "library"}[k]
}

// ContractDefinition is a contract, abstract contract, interface or library.
type ContractDefinition struct {
	Doc      *Doc
	Kind     ContractKind
	Abstract bool
	Name     *Ident
	Bases    []*InheritanceSpecifier
	Members  []Decl
	Loc      source.Span
}

// InheritanceSpecifier is `Base` or `Base(args)` after `is`. Args is nil
// without parentheses and empty for `Base()`.
type InheritanceSpecifier struct {
	Name *IdentifierPath
	Args []Expr
	Loc  source.Span
}

// IdentifierPath is `a.b.c` where a type or contract is named.
type IdentifierPath struct {
	Parts []*Ident
	Loc   source.Span
}

// Visibility of a function or state variable.
type Visibility uint8

const (
	VisDefault Visibility = iota
	VisPrivate
	VisInternal
	VisPublic
	VisExternal
)

func (v Visibility) String() string {
	return [...]string{"default", "private", "internal", "public", "external"}[v]
}

// Mutability is a function's state mutability.
type Mutability uint8

const (
	MutNonPayable Mutability = iota
	MutPure
	MutView
	MutPayable
)

func (m Mutability) String() string {
	return [...]string{"nonpayable", "pure", "view", "payable"}[m]
}

// FunctionKind distinguishes functions from the special functions.
type FunctionKind uint8

const (
	KindFunction FunctionKind = iota
	KindConstructor
	KindFallback
	KindReceive
)

func (k FunctionKind) String() string {
	return [...]string{"function", "constructor", "fallback", "receive"}[k]
}

// FunctionDefinition is a function, constructor, fallback or receive
// function, in a contract or at file level (Free).
type FunctionDefinition struct {
	Doc        *Doc
	Kind       FunctionKind
	Name       *Ident // nil for constructor/fallback/receive
	Params     *ParameterList
	Returns    *ParameterList // empty (not nil) without `returns`
	Visibility Visibility
	Mutability Mutability
	Virtual    bool
	Overrides  *OverrideSpecifier
	Modifiers  []*ModifierInvocation
	Body       *Block // nil when not implemented
	Free       bool
	// ReturnExpr is the `-> T` of experimental Solidity.
	ReturnExpr Expr
	Loc        source.Span
}

// ParameterList is `(a, b)` of a function, event, error, modifier or
// function type; an absent list has an empty span.
type ParameterList struct {
	Params []*VariableDeclaration
	Loc    source.Span
}

// OverrideSpecifier is `override` or `override(A, B)`.
type OverrideSpecifier struct {
	Overrides []*IdentifierPath
	Loc       source.Span
}

// ModifierInvocation is `m` or `m(args)` in a function header (also base
// constructor calls). Args is nil without parentheses.
type ModifierInvocation struct {
	Name *IdentifierPath
	Args []Expr
	Loc  source.Span
}

// ModifierDefinition is `modifier m(…) virtual override { … }`.
type ModifierDefinition struct {
	Doc       *Doc
	Name      *Ident
	Params    *ParameterList
	Virtual   bool
	Overrides *OverrideSpecifier
	Body      *Block // nil when not implemented
	Loc       source.Span
}

// VarMutability says whether a variable is constant or immutable.
type VarMutability uint8

const (
	VarMutable VarMutability = iota
	VarConstant
	VarImmutable
)

func (m VarMutability) String() string {
	return [...]string{"mutable", "constant", "immutable"}[m]
}

// DataLocation of a variable.
type DataLocation uint8

const (
	LocUnspecified DataLocation = iota
	LocStorage
	LocMemory
	LocCallData
	LocTransient
)

func (l DataLocation) String() string {
	return [...]string{"", "storage", "memory", "calldata", "transient"}[l]
}

// VariableDeclaration is a state variable, file-level constant, parameter,
// struct member, event/error parameter or local variable.
type VariableDeclaration struct {
	Doc        *Doc
	Type       TypeName
	Name       *Ident // nil for an unnamed parameter
	Value      Expr   // initial value, nil when absent
	Visibility Visibility
	Mutability VarMutability
	Location   DataLocation
	Indexed    bool
	Overrides  *OverrideSpecifier
	// TypeExpr is the type of a declaration `x: T` of experimental
	// Solidity (Type is nil then).
	TypeExpr Expr
	Loc      source.Span
}

// StructDefinition is `struct S { members }`.
type StructDefinition struct {
	Doc     *Doc
	Name    *Ident
	Members []*VariableDeclaration
	Loc     source.Span
}

// EnumDefinition is `enum E { A, B }`.
type EnumDefinition struct {
	Doc    *Doc
	Name   *Ident
	Values []*EnumValue
	Loc    source.Span
}

// EnumValue is one member of an enum.
type EnumValue struct {
	Doc  *Doc
	Name *Ident
	Loc  source.Span
}

// EventDefinition is `event E(…) [anonymous];`.
type EventDefinition struct {
	Doc       *Doc
	Name      *Ident
	Params    *ParameterList
	Anonymous bool
	Loc       source.Span
}

// ErrorDefinition is `error E(…);`.
type ErrorDefinition struct {
	Doc    *Doc
	Name   *Ident
	Params *ParameterList
	Loc    source.Span
}

// UserDefinedValueTypeDefinition is `type T is uint256;`.
type UserDefinedValueTypeDefinition struct {
	Name       *Ident
	Underlying TypeName
	Loc        source.Span
}

// UsingForDirective is `using L for T;`, `using {f, g as +} for T global;`
// or `using L for *;` (Type nil).
type UsingForDirective struct {
	Functions []*UsingFunction
	Braces    bool
	Type      TypeName // nil for `*`
	Global    bool
	Loc       source.Span
}

// UsingFunction is one library or function in a using directive, with the
// operator it is bound to (Operator is 0 when none).
type UsingFunction struct {
	Path     *IdentifierPath
	Operator Token
}

// ElementaryTypeName is a built-in type: `uint256`, `address payable`,
// `bytes`, `string`, `bool`, … Name is the canonical spelling (`uint`
// stays `uint`); Payable is set for `address payable`.
type ElementaryTypeName struct {
	Name    string
	Token   Token
	M, N    int // sizes of intM/uintM/bytesM/fixedMxN/ufixedMxN
	Payable bool
	// Mutability is a state mutability written after the type (only valid
	// for address; other types get a ParserError).
	Mutability Mutability
	Loc        source.Span
}

// UserDefinedTypeName is a struct, enum, contract or value type by name.
type UserDefinedTypeName struct {
	Path *IdentifierPath
	Loc  source.Span
}

// FunctionTypeName is `function (…) visibility mutability returns (…)`.
type FunctionTypeName struct {
	Params     *ParameterList
	Returns    *ParameterList
	Visibility Visibility
	Mutability Mutability
	Loc        source.Span
}

// MappingType is `mapping(K [name] => V [name])`.
type MappingType struct {
	Key       TypeName
	KeyName   *Ident
	Value     TypeName
	ValueName *Ident
	Loc       source.Span
}

// ArrayTypeName is `T[]` or `T[len]`.
type ArrayTypeName struct {
	Base   TypeName
	Length Expr // nil for a dynamic array
	Loc    source.Span
}

// Block is `{ … }` or `unchecked { … }`.
type Block struct {
	Doc       *Doc
	Unchecked bool
	Stmts     []Stmt
	Loc       source.Span
}

// PlaceholderStatement is `_;` in a modifier.
type PlaceholderStatement struct {
	Doc *Doc
	Loc source.Span
}

// IfStatement is `if (c) s [else s]`.
type IfStatement struct {
	Doc  *Doc
	Cond Expr
	Then Stmt
	Else Stmt
	Loc  source.Span
}

// WhileStatement is `while (c) s` or `do s while (c);` (DoWhile).
type WhileStatement struct {
	Doc     *Doc
	Cond    Expr
	Body    Stmt
	DoWhile bool
	Loc     source.Span
}

// ForStatement is `for (init; cond; post) body`; any part may be nil.
type ForStatement struct {
	Doc  *Doc
	Init Stmt
	Cond Expr
	Post *ExpressionStatement
	Body Stmt
	Loc  source.Span
}

// ContinueStatement is `continue;`.
type ContinueStatement struct {
	Doc *Doc
	Loc source.Span
}

// BreakStatement is `break;`.
type BreakStatement struct {
	Doc *Doc
	Loc source.Span
}

// ReturnStatement is `return [x];`.
type ReturnStatement struct {
	Doc   *Doc
	Value Expr
	Loc   source.Span
}

// ThrowStatement is the removed `throw;` (kept for solc's later error).
type ThrowStatement struct {
	Doc *Doc
	Loc source.Span
}

// EmitStatement is `emit E(…);`.
type EmitStatement struct {
	Doc  *Doc
	Call *FunctionCall
	Loc  source.Span
}

// RevertStatement is `revert E(…);` (a custom error).
type RevertStatement struct {
	Doc  *Doc
	Call *FunctionCall
	Loc  source.Span
}

// TryStatement is `try call returns (…) { … } catch … { … }`. The first
// clause is the success clause.
type TryStatement struct {
	Doc     *Doc
	Call    Expr
	Clauses []*CatchClause
	Loc     source.Span
}

// CatchClause is the success clause of a try (ErrorName "", Params the
// `returns` list or nil) or `catch [Name][(…)] { … }`.
type CatchClause struct {
	ErrorName string
	Params    *ParameterList
	Body      *Block
	Loc       source.Span
}

// InlineAssembly is `assembly ["evmasm"] [("flag", …)] { yul }`, its body
// parsed by the Yul frontend.
type InlineAssembly struct {
	Doc     *Doc
	Dialect string // "evmasm" when written, else ""
	Flags   []string
	Body    *yul.Block
	Loc     source.Span
}

// VariableDeclarationStatement is `T x = v;` or `(T a, , T b) = v;`; a nil
// entry in Vars is a gap.
type VariableDeclarationStatement struct {
	Doc   *Doc
	Vars  []*VariableDeclaration
	Value Expr
	Loc   source.Span
}

// ExpressionStatement is an expression used as a statement.
type ExpressionStatement struct {
	Doc *Doc
	X   Expr
	Loc source.Span
}

// IdentifierExpr is a name used in an expression.
type IdentifierExpr struct {
	Name string
	Loc  source.Span
}

// LiteralKind is the kind of a literal.
type LiteralKind uint8

const (
	NumberLiteral LiteralKind = iota
	BoolLiteral
	StringLit
	UnicodeLit
	HexLit
)

func (k LiteralKind) String() string {
	return [...]string{"number", "bool", "string", "unicode", "hex"}[k]
}

// Literal is a number, boolean, string, unicode or hex literal. Adjacent
// string literals of the same kind are one Literal (solc concatenates them).
type Literal struct {
	Kind LiteralKind
	// Value is a number as written (with '_' separators), "true"/"false",
	// or a string's bytes (escapes and hex decoded, parts concatenated).
	Value string
	// SubDenom is the unit after a number (`ether`, `days`, …), 0 if none.
	SubDenom Token
	Loc      source.Span
}

// TupleExpression is `(a, , b)` (nil entries are gaps) or an inline array
// `[a, b]` (IsArray).
type TupleExpression struct {
	Components []Expr
	IsArray    bool
	Loc        source.Span
}

// UnaryOperation is `op x` (Prefix) or `x op` (`++`, `--`).
type UnaryOperation struct {
	Op     Token
	X      Expr
	Prefix bool
	Loc    source.Span
}

// BinaryOperation is `x op y`.
type BinaryOperation struct {
	Op   Token
	X, Y Expr
	Loc  source.Span
}

// Assignment is `x op= y`.
type Assignment struct {
	Op   Token
	X, Y Expr
	Loc  source.Span
}

// ConditionalExpression is `c ? a : b`.
type ConditionalExpression struct {
	Cond, Then, Else Expr
	Loc              source.Span
}

// FunctionCall is `f(args)` or `f({name: arg, …})` (Names set).
type FunctionCall struct {
	Fn    Expr
	Args  []Expr
	Names []*Ident
	Loc   source.Span
}

// FunctionCallOptions is `f{value: 1, gas: 2}`.
type FunctionCallOptions struct {
	X      Expr
	Names  []*Ident
	Values []Expr
	Loc    source.Span
}

// MemberAccess is `x.member`.
type MemberAccess struct {
	X      Expr
	Member *Ident
	Loc    source.Span
}

// IndexAccess is `x[i]` (Index nil for `x[]`, a type expression).
type IndexAccess struct {
	X     Expr
	Index Expr
	Loc   source.Span
}

// IndexRangeAccess is the slice `x[start:end]`; either bound may be nil.
type IndexRangeAccess struct {
	X          Expr
	Start, End Expr
	Loc        source.Span
}

// NewExpression is `new T` (called as `new T(args)`).
type NewExpression struct {
	Type TypeName
	Loc  source.Span
}

// ElementaryTypeNameExpression is an elementary type used as an
// expression (a conversion `uint8(x)`, `payable(a)`, `abi.decode(d, (uint))`).
type ElementaryTypeNameExpression struct {
	Type *ElementaryTypeName
	Loc  source.Span
}

// Experimental Solidity (`pragma experimental solidity;`) only.

// TypeDefinition is `type T[(args)] [= value];`.
type TypeDefinition struct {
	Name  *Ident
	Args  *ParameterList
	Value Expr // may be a *BuiltinExpr
	Loc   source.Span
}

// BuiltinExpr is `__builtin("name")`.
type BuiltinExpr struct {
	Name string
	Loc  source.Span
}

// TypeClassDefinition is `class Self: Name { function …; }`.
type TypeClassDefinition struct {
	Doc     *Doc
	TypeVar *VariableDeclaration
	Name    *Ident
	Members []Decl
	Loc     source.Span
}

// TypeClassName names a type class: a built-in one by its token
// (`Integer`, `+`, `==`, …) or a user-defined one by path.
type TypeClassName struct {
	Builtin Token
	Path    *IdentifierPath
	Loc     source.Span
}

// TypeClassInstantiation is `instantiation T[(sorts)]: Class { … }`.
type TypeClassInstantiation struct {
	Type     TypeName
	ArgSorts *ParameterList
	Class    *TypeClassName
	Members  []Decl
	Loc      source.Span
}

// ForAllQuantifier is `forall (A, B) function …`.
type ForAllQuantifier struct {
	TypeVars *ParameterList
	Fn       *FunctionDefinition
	Loc      source.Span
}

func (n *TypeDefinition) Span() source.Span         { return n.Loc }
func (n *BuiltinExpr) Span() source.Span            { return n.Loc }
func (n *TypeClassDefinition) Span() source.Span    { return n.Loc }
func (n *TypeClassName) Span() source.Span          { return n.Loc }
func (n *TypeClassInstantiation) Span() source.Span { return n.Loc }
func (n *ForAllQuantifier) Span() source.Span       { return n.Loc }
func (*TypeDefinition) decl()                       {}
func (*TypeClassDefinition) decl()                  {}
func (*TypeClassInstantiation) decl()               {}
func (*ForAllQuantifier) decl()                     {}
func (*BuiltinExpr) expr()                          {}

func (n *SourceUnit) Span() source.Span                     { return n.Loc }
func (n *PragmaDirective) Span() source.Span                { return n.Loc }
func (n *ImportDirective) Span() source.Span                { return n.Loc }
func (n *ContractDefinition) Span() source.Span             { return n.Loc }
func (n *InheritanceSpecifier) Span() source.Span           { return n.Loc }
func (n *IdentifierPath) Span() source.Span                 { return n.Loc }
func (n *FunctionDefinition) Span() source.Span             { return n.Loc }
func (n *ParameterList) Span() source.Span                  { return n.Loc }
func (n *OverrideSpecifier) Span() source.Span              { return n.Loc }
func (n *ModifierInvocation) Span() source.Span             { return n.Loc }
func (n *ModifierDefinition) Span() source.Span             { return n.Loc }
func (n *VariableDeclaration) Span() source.Span            { return n.Loc }
func (n *StructDefinition) Span() source.Span               { return n.Loc }
func (n *EnumDefinition) Span() source.Span                 { return n.Loc }
func (n *EnumValue) Span() source.Span                      { return n.Loc }
func (n *EventDefinition) Span() source.Span                { return n.Loc }
func (n *ErrorDefinition) Span() source.Span                { return n.Loc }
func (n *UserDefinedValueTypeDefinition) Span() source.Span { return n.Loc }
func (n *UsingForDirective) Span() source.Span              { return n.Loc }
func (n *ElementaryTypeName) Span() source.Span             { return n.Loc }
func (n *UserDefinedTypeName) Span() source.Span            { return n.Loc }
func (n *FunctionTypeName) Span() source.Span               { return n.Loc }
func (n *MappingType) Span() source.Span                    { return n.Loc }
func (n *ArrayTypeName) Span() source.Span                  { return n.Loc }
func (n *Block) Span() source.Span                          { return n.Loc }
func (n *PlaceholderStatement) Span() source.Span           { return n.Loc }
func (n *IfStatement) Span() source.Span                    { return n.Loc }
func (n *WhileStatement) Span() source.Span                 { return n.Loc }
func (n *ForStatement) Span() source.Span                   { return n.Loc }
func (n *ContinueStatement) Span() source.Span              { return n.Loc }
func (n *BreakStatement) Span() source.Span                 { return n.Loc }
func (n *ReturnStatement) Span() source.Span                { return n.Loc }
func (n *ThrowStatement) Span() source.Span                 { return n.Loc }
func (n *EmitStatement) Span() source.Span                  { return n.Loc }
func (n *RevertStatement) Span() source.Span                { return n.Loc }
func (n *TryStatement) Span() source.Span                   { return n.Loc }
func (n *CatchClause) Span() source.Span                    { return n.Loc }
func (n *InlineAssembly) Span() source.Span                 { return n.Loc }
func (n *VariableDeclarationStatement) Span() source.Span   { return n.Loc }
func (n *ExpressionStatement) Span() source.Span            { return n.Loc }
func (n *IdentifierExpr) Span() source.Span                 { return n.Loc }
func (n *Literal) Span() source.Span                        { return n.Loc }
func (n *TupleExpression) Span() source.Span                { return n.Loc }
func (n *UnaryOperation) Span() source.Span                 { return n.Loc }
func (n *BinaryOperation) Span() source.Span                { return n.Loc }
func (n *Assignment) Span() source.Span                     { return n.Loc }
func (n *ConditionalExpression) Span() source.Span          { return n.Loc }
func (n *FunctionCall) Span() source.Span                   { return n.Loc }
func (n *FunctionCallOptions) Span() source.Span            { return n.Loc }
func (n *MemberAccess) Span() source.Span                   { return n.Loc }
func (n *IndexAccess) Span() source.Span                    { return n.Loc }
func (n *IndexRangeAccess) Span() source.Span               { return n.Loc }
func (n *NewExpression) Span() source.Span                  { return n.Loc }
func (n *ElementaryTypeNameExpression) Span() source.Span   { return n.Loc }
func (n *Ident) Span() source.Span                          { return n.Loc }
func (n *Doc) Span() source.Span                            { return n.Loc }

func (*PragmaDirective) decl()                {}
func (*ImportDirective) decl()                {}
func (*ContractDefinition) decl()             {}
func (*FunctionDefinition) decl()             {}
func (*ModifierDefinition) decl()             {}
func (*VariableDeclaration) decl()            {}
func (*StructDefinition) decl()               {}
func (*EnumDefinition) decl()                 {}
func (*EventDefinition) decl()                {}
func (*ErrorDefinition) decl()                {}
func (*UserDefinedValueTypeDefinition) decl() {}
func (*UsingForDirective) decl()              {}

func (*Block) stmt()                        {}
func (*PlaceholderStatement) stmt()         {}
func (*IfStatement) stmt()                  {}
func (*WhileStatement) stmt()               {}
func (*ForStatement) stmt()                 {}
func (*ContinueStatement) stmt()            {}
func (*BreakStatement) stmt()               {}
func (*ReturnStatement) stmt()              {}
func (*ThrowStatement) stmt()               {}
func (*EmitStatement) stmt()                {}
func (*RevertStatement) stmt()              {}
func (*TryStatement) stmt()                 {}
func (*InlineAssembly) stmt()               {}
func (*VariableDeclarationStatement) stmt() {}
func (*ExpressionStatement) stmt()          {}

func (*IdentifierExpr) expr()               {}
func (*Literal) expr()                      {}
func (*TupleExpression) expr()              {}
func (*UnaryOperation) expr()               {}
func (*BinaryOperation) expr()              {}
func (*Assignment) expr()                   {}
func (*ConditionalExpression) expr()        {}
func (*FunctionCall) expr()                 {}
func (*FunctionCallOptions) expr()          {}
func (*MemberAccess) expr()                 {}
func (*IndexAccess) expr()                  {}
func (*IndexRangeAccess) expr()             {}
func (*NewExpression) expr()                {}
func (*ElementaryTypeNameExpression) expr() {}

func (*ElementaryTypeName) typeName()  {}
func (*UserDefinedTypeName) typeName() {}
func (*FunctionTypeName) typeName()    {}
func (*MappingType) typeName()         {}
func (*ArrayTypeName) typeName()       {}
