// Package yul is soll's Yul frontend: lexer and parser (solc's grammar and
// error codes), analysis (scoping, arities, builtins, objects) and lowering
// to soll's IR (DESIGN.md §2).
//
// Every AST node carries the byte span it was parsed from (Loc, or Span()).
package yul

import (
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/frontend/source"
)

// Node is any AST node.
type Node interface {
	Span() source.Span
}

// Object is a Yul object: its code and its sub-objects and data objects in
// declaration order. A data object has IsData set, Data holds its bytes and
// Code is nil. A file that is a bare block `{ … }` parses to an Object named
// "object" (as solc names it) with Bare set.
type Object struct {
	Name     string
	NameSpan source.Span
	Code     *Block
	Subs     []*Object
	Data     []byte
	IsData   bool
	Bare     bool
	Loc      source.Span
}

func (o *Object) Span() source.Span { return o.Loc }

// Sub finds a direct sub-object or data object by name.
func (o *Object) Sub(name string) *Object {
	for _, s := range o.Subs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Stmt is a statement.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression: *Call, *Ident or *Literal.
type Expr interface {
	Node
	expr()
}

// Block is `{ statements }`.
type Block struct {
	Stmts []Stmt
	Loc   source.Span
}

// Name is a declared name: a variable, a parameter or a return variable.
type Name struct {
	Name string
	Loc  source.Span
}

// VarDecl is `let a, b := value` (Value nil for `let a, b`).
type VarDecl struct {
	Names []*Name
	Value Expr
	Loc   source.Span
}

// Assign is `a, b := value`.
type Assign struct {
	Targets []*Ident
	Value   Expr
	Loc     source.Span
}

// ExprStmt is an expression used as a statement (always a call after
// parsing).
type ExprStmt struct {
	X   Expr
	Loc source.Span
}

// If is `if cond { body }`.
type If struct {
	Cond Expr
	Body *Block
	Loc  source.Span
}

// Switch is `switch x case … default …`.
type Switch struct {
	X     Expr
	Cases []*Case
	Loc   source.Span
}

// Case is `case value { body }`, or `default { body }` when Value is nil.
type Case struct {
	Value *Literal
	Body  *Block
	Loc   source.Span
}

// For is `for { init } cond { post } { body }`.
type For struct {
	Init *Block
	Cond Expr
	Post *Block
	Body *Block
	Loc  source.Span
}

// Break is `break`.
type Break struct{ Loc source.Span }

// Continue is `continue`.
type Continue struct{ Loc source.Span }

// Leave is `leave`.
type Leave struct{ Loc source.Span }

// FuncDef is `function name(params) -> results { body }`.
type FuncDef struct {
	Name     string
	NameSpan source.Span
	Params   []*Name
	Results  []*Name
	Body     *Block
	Loc      source.Span
}

// Ident is a use of a name.
type Ident struct {
	Name string
	Loc  source.Span
}

// Call is `fn(args…)`. Loc covers the name through the closing parenthesis.
type Call struct {
	Fn   *Ident
	Args []Expr
	Loc  source.Span
}

// LitKind is the kind of a literal.
type LitKind uint8

const (
	NumberLit LitKind = iota
	BoolLit
	StringLit // "…" and hex"…"
)

func (k LitKind) String() string {
	switch k {
	case NumberLit:
		return "number"
	case BoolLit:
		return "boolean"
	default:
		return "string"
	}
}

// Literal is a number, true/false, or a string literal.
type Literal struct {
	Kind LitKind
	// Raw is the literal as written ("0x10", "true", `"a\n"`, `hex"00"`).
	Raw string
	// Str is a string literal's bytes (escapes decoded, hex decoded).
	Str string
	// Hex reports a hex"…" literal.
	Hex bool
	// Num is a number's value (NumberLit; valid unless TooLarge), or a
	// bool's (1 or 0).
	Num uint256.Int
	// TooLarge reports a number literal that does not fit 256 bits.
	TooLarge bool
	Loc      source.Span
}

// Word is the literal's value as a 256-bit word: a number's value, 1 or 0
// for a bool, and a string's bytes left-aligned (the first 32 bytes only;
// a longer string is an error the analysis reports).
func (l *Literal) Word() uint256.Int {
	if l.Kind != StringLit {
		return l.Num
	}
	var b [32]byte
	copy(b[:], l.Str)
	var w uint256.Int
	w.SetBytes32(b[:])
	return w
}

// Format is the literal as solc's formatLiteral prints it in messages: a
// number as written, a bool as true/false, a string's contents.
func (l *Literal) Format() string {
	if l.Kind == StringLit {
		return l.Str
	}
	return l.Raw
}

func (b *Block) Span() source.Span    { return b.Loc }
func (n *Name) Span() source.Span     { return n.Loc }
func (s *VarDecl) Span() source.Span  { return s.Loc }
func (s *Assign) Span() source.Span   { return s.Loc }
func (s *ExprStmt) Span() source.Span { return s.Loc }
func (s *If) Span() source.Span       { return s.Loc }
func (s *Switch) Span() source.Span   { return s.Loc }
func (c *Case) Span() source.Span     { return c.Loc }
func (s *For) Span() source.Span      { return s.Loc }
func (s *Break) Span() source.Span    { return s.Loc }
func (s *Continue) Span() source.Span { return s.Loc }
func (s *Leave) Span() source.Span    { return s.Loc }
func (s *FuncDef) Span() source.Span  { return s.Loc }
func (e *Ident) Span() source.Span    { return e.Loc }
func (e *Call) Span() source.Span     { return e.Loc }
func (e *Literal) Span() source.Span  { return e.Loc }

func (*Block) stmt()    {}
func (*VarDecl) stmt()  {}
func (*Assign) stmt()   {}
func (*ExprStmt) stmt() {}
func (*If) stmt()       {}
func (*Switch) stmt()   {}
func (*For) stmt()      {}
func (*Break) stmt()    {}
func (*Continue) stmt() {}
func (*Leave) stmt()    {}
func (*FuncDef) stmt()  {}

func (*Ident) expr()   {}
func (*Call) expr()    {}
func (*Literal) expr() {}
