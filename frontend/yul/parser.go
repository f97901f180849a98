package yul

import (
	"fmt"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// The parser is a recursive-descent parser over the lexer's token stream.
// It reproduces solc's Yul parser (libyul/AsmParser.cpp, ObjectParser.cpp):
// the same grammar, the same diagnostics with solc's error codes and
// locations, and the same nesting limit. Where solc stops at the first
// fatal error, this parser reports it, skips to the next statement of the
// innermost block and goes on, so one run reports every broken statement.

// Parse parses a Yul source: an object (`object "N" { code { … } … }`) or a
// bare block, which becomes an object named "object". It returns nil when
// the source has any syntax error; the errors are in log. The builtins are
// those of solc's default EVM version (see ParseVersion).
func Parse(f *source.File, log *source.Log) *Object {
	return ParseVersion(f, evmversion.Default, log)
}

// ParseVersion is Parse for EVM version v: builtin names (which cannot be
// used as identifiers) depend on the version.
func ParseVersion(f *source.File, v evmversion.Version, log *source.Log) (obj *Object) {
	p := newParser(f, 0, v, log)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			obj = nil
		}
	}()
	obj = p.sourceUnit()
	if p.errors > 0 {
		return nil
	}
	return obj
}

// ParseBlock parses one Yul block that starts at byte offset start of f
// (inline assembly inside a Solidity file: the offset of its '{'). It
// returns the block and the offset just after its closing '}', or nil when
// the block has syntax errors.
func ParseBlock(f *source.File, start int, v evmversion.Version, log *source.Log) (b *Block, end int) {
	p := newParser(f, start, v, log)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			b, end = nil, int(p.tok.end)
		}
	}()
	b = p.block()
	end = b.Loc.End
	if p.errors > 0 {
		return nil, end
	}
	return b, end
}

// maxDepth is solc's parser recursion limit (ParserBase::RecursionGuard).
const maxDepth = 1200

// forPart says which part of a for loop the parser is in, for solc's
// break/continue/function placement rules.
type forPart uint8

const (
	forNone forPart = iota
	forInit
	forPost
	forBody
)

type parser struct {
	file       *source.File
	src        string
	lex        lexer
	tok        token
	log        *source.Log
	v          evmversion.Version
	depth      int
	inFunction bool
	forPart    forPart
	errors     int
}

// bailout unwinds the parser after a fatal error: to the innermost block's
// statement loop, or (all) out of the parse.
type bailout struct{ all bool }

func newParser(f *source.File, start int, v evmversion.Version, log *source.Log) *parser {
	src := string(f.Content)
	p := &parser{file: f, src: src, lex: lexer{src: src, pos: start}, log: log, v: v}
	p.advance()
	return p
}

func (p *parser) advance() { p.tok = p.lex.next() }

func (p *parser) text(t token) string { return p.src[t.start:t.end] }

func (p *parser) span(start, end int32) source.Span {
	return source.Span{File: p.file, Start: int(start), End: int(end)}
}

func (p *parser) tokSpan() source.Span { return p.span(p.tok.start, p.tok.end) }

// errorAt reports a non-fatal error.
func (p *parser) errorAt(kind string, code int, span source.Span, format string, args ...any) {
	p.errors++
	p.log.Errorf(kind, code, span, format, args...)
}

// fatal reports a ParserError at span and abandons the current statement.
func (p *parser) fatal(code int, span source.Span, format string, args ...any) {
	p.errorAt(source.ParserError, code, span, format, args...)
	panic(bailout{})
}

// fatalAll reports a ParserError and abandons the whole parse.
func (p *parser) fatalAll(code int, span source.Span, format string, args ...any) {
	p.errorAt(source.ParserError, code, span, format, args...)
	panic(bailout{all: true})
}

func (p *parser) enter() {
	p.depth++
	if p.depth >= maxDepth {
		p.fatalAll(7319, p.tokSpan(), "Maximum recursion depth reached during parsing.")
	}
}

// tokenName names a token in "Expected … but got …" as solc does.
func (p *parser) tokenName(t token) string {
	switch t.kind {
	case tIdent:
		return "identifier"
	case tEOF:
		return "end of source"
	case tLet, tCase, tDefault, tSwitch:
		return "reserved keyword '" + p.text(t) + "'"
	case tOther:
		return "'" + p.text(t) + "'"
	}
	return kindName(t.kind)
}

// kindName is the quoted name of a token kind (for expected tokens).
func kindName(k tokKind) string {
	switch k {
	case tIdent:
		return "identifier"
	case tEOF:
		return "end of source"
	case tNumber:
		return "'Number'"
	case tString:
		return "'StringLiteral'"
	case tHexString:
		return "'HexStringLiteral'"
	case tIllegal:
		return "'ILLEGAL'"
	case tLBrace:
		return "'{'"
	case tRBrace:
		return "'}'"
	case tLParen:
		return "'('"
	case tRParen:
		return "')'"
	case tComma:
		return "','"
	case tAssign:
		return "':='"
	case tArrow:
		return "'->'"
	case tColon:
		return "':'"
	case tLet:
		return "reserved keyword 'let'"
	case tCase:
		return "reserved keyword 'case'"
	case tDefault:
		return "reserved keyword 'default'"
	case tSwitch:
		return "reserved keyword 'switch'"
	case tFunction:
		return "'function'"
	case tIf:
		return "'if'"
	case tFor:
		return "'for'"
	case tBreak:
		return "'break'"
	case tContinue:
		return "'continue'"
	case tTrue:
		return "'true'"
	case tFalse:
		return "'false'"
	case tLeave:
		return "'leave'"
	case tHex:
		return "'hex'"
	}
	return "'?'"
}

// expect consumes a token of kind k or fails with solc's 2314.
func (p *parser) expect(k tokKind) token {
	t := p.tok
	if t.kind != k {
		p.fatal(2314, p.tokSpan(), "Expected %s but got %s", kindName(k), p.tokenName(t))
	}
	p.advance()
	return t
}

// sourceUnit parses a whole source: one object or a bare block, then the end.
func (p *parser) sourceUnit() *Object {
	var obj *Object
	if p.tok.kind == tLBrace {
		obj = &Object{Name: "object", Bare: true}
		obj.Code = p.codeBlock()
		obj.Loc = obj.Code.Loc
	} else {
		obj = p.object(nil)
	}
	p.expectAll(tEOF)
	return obj
}

// expectAll is expect for the object level, where solc does not recover.
func (p *parser) expectAll(k tokKind) token {
	t := p.tok
	if t.kind != k {
		p.fatalAll(2314, p.tokSpan(), "Expected %s but got %s", kindName(k), p.tokenName(t))
	}
	p.advance()
	return t
}

// codeBlock parses an object's code block: statement-level errors are
// recovered inside; an error at the block's own braces ends the parse.
func (p *parser) codeBlock() *Block {
	p.depth = 0
	var b *Block
	func() {
		defer func() {
			if r := recover(); r != nil {
				if bo, ok := r.(bailout); ok && !bo.all {
					panic(bailout{all: true})
				}
				panic(r)
			}
		}()
		b = p.block()
	}()
	return b
}

// object parses `object "Name" { code { … } (object … | data …)* }`.
func (p *parser) object(parent *Object) *Object {
	start := p.tok.start
	if p.tok.kind != tIdent || p.text(p.tok) != "object" {
		p.fatalAll(4294, p.tokSpan(), "Expected keyword \"object\".")
	}
	p.advance()
	obj := &Object{}
	obj.Name, obj.NameSpan = p.uniqueName(parent)
	p.expectAll(tLBrace)
	if p.tok.kind != tIdent || p.text(p.tok) != "code" {
		p.fatalAll(4846, p.tokSpan(), "Expected keyword \"code\".")
	}
	p.advance()
	obj.Code = p.codeBlock()
	for p.tok.kind != tRBrace {
		if p.tok.kind == tIdent && p.text(p.tok) == "object" {
			obj.Subs = append(obj.Subs, p.object(obj))
		} else if p.tok.kind == tIdent && p.text(p.tok) == "data" {
			obj.Subs = append(obj.Subs, p.data(obj))
		} else {
			p.fatalAll(8143, p.tokSpan(), "Expected keyword \"data\" or \"object\" or \"}\".")
		}
	}
	obj.Loc = p.span(start, p.tok.end)
	p.advance()
	return obj
}

// data parses `data "Name" "…"` or `data "Name" hex"…"`.
func (p *parser) data(parent *Object) *Object {
	start := p.tok.start
	p.advance()
	obj := &Object{IsData: true}
	obj.Name, obj.NameSpan = p.uniqueName(parent)
	switch p.tok.kind {
	case tHexString:
		obj.Data = []byte(decodeHexString(p.text(p.tok)))
	case tString:
		obj.Data = []byte(decodeString(p.text(p.tok)))
	default:
		p.expectAll(tString)
	}
	obj.Loc = p.span(start, p.tok.end)
	p.advance()
	return obj
}

// uniqueName parses an object's or data object's name (solc's
// ObjectParser::parseUniqueName).
func (p *parser) uniqueName(parent *Object) (string, source.Span) {
	t := p.tok
	if t.kind != tString {
		p.expectAll(tString)
	}
	name := decodeString(p.text(t))
	span := p.tokSpan()
	switch {
	case name == "":
		p.errorAt(source.ParserError, 3287, span, "Object name cannot be empty.")
	case parent != nil && parent.Name == name:
		p.errorAt(source.ParserError, 8311, span, "Object name cannot be the same as the name of the containing object.")
	case parent != nil && parent.Sub(name) != nil:
		p.errorAt(source.ParserError, 8794, span, "Object name \"%s\" already exists inside the containing object.", name)
	}
	p.advance()
	return name, span
}

// block parses `{ statements }`.
func (p *parser) block() *Block {
	p.enter()
	start := p.tok.start
	p.expect(tLBrace)
	b := &Block{}
	for p.tok.kind != tRBrace {
		if p.tok.kind == tEOF {
			if p.errors > 0 {
				panic(bailout{all: true}) // already reported what went wrong
			}
			p.fatalAll(1856, p.tokSpan(), "Literal or identifier expected.")
		}
		if s := p.statementOrSkip(); s != nil {
			b.Stmts = append(b.Stmts, s)
		}
	}
	b.Loc = p.span(start, p.tok.end)
	p.advance()
	p.depth--
	return b
}

// statementOrSkip parses a statement; after a fatal error in it, it skips
// to the next statement of this block and returns nil.
func (p *parser) statementOrSkip() (s Stmt) {
	depth, inFunction, part := p.depth, p.inFunction, p.forPart
	start := p.tok.start
	defer func() {
		if r := recover(); r != nil {
			if bo, ok := r.(bailout); !ok || bo.all {
				panic(r)
			}
			p.depth, p.inFunction, p.forPart = depth, inFunction, part
			p.skipStatement(start)
			s = nil
		}
	}()
	return p.statement()
}

// skipStatement skips tokens up to the next token that starts a statement
// of the current block, or its closing brace; braces in between are skipped
// balanced. A statement is taken to start at a keyword, or at an identifier
// followed by '(', ':=' or ',', that begins a line or follows a '}'. (Yul
// code has one statement a line; requiring it avoids cascades of errors
// within the broken statement.) It always makes progress.
func (p *parser) skipStatement(start int32) {
	if p.tok.start == start && p.tok.kind != tRBrace && p.tok.kind != tEOF {
		p.advance()
	}
	nest := 0
	afterBrace := false
	for {
		boundary := nest == 0 && (afterBrace || p.startsLine(p.tok))
		afterBrace = false
		switch p.tok.kind {
		case tEOF:
			return
		case tLBrace:
			nest++
		case tRBrace:
			if nest == 0 {
				return
			}
			nest--
			afterBrace = nest == 0
		case tLet, tFunction, tIf, tSwitch, tFor, tBreak, tContinue, tLeave:
			if boundary {
				return
			}
		case tIdent:
			if boundary {
				peek := p.lex
				switch peek.next().kind {
				case tLParen, tAssign, tComma:
					return
				}
			}
		}
		p.advance()
	}
}

// startsLine reports whether t is the first token on its line.
func (p *parser) startsLine(t token) bool {
	for i := int(t.start) - 1; i >= 0; i-- {
		switch p.src[i] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// statement parses one statement (solc's Parser::parseStatement).
func (p *parser) statement() Stmt {
	p.enter()
	defer func() { p.depth-- }()
	t := p.tok
	switch t.kind {
	case tLet:
		return p.varDecl()
	case tFunction:
		return p.funcDef()
	case tLBrace:
		return p.block()
	case tIf:
		p.advance()
		s := &If{Cond: p.expression()}
		s.Body = p.block()
		s.Loc = p.span(t.start, int32(s.Body.Loc.End))
		return s
	case tSwitch:
		return p.switchStmt()
	case tFor:
		return p.forStmt()
	case tBreak:
		p.checkBreakContinue("break")
		p.advance()
		return &Break{Loc: p.span(t.start, t.end)}
	case tContinue:
		p.checkBreakContinue("continue")
		p.advance()
		return &Continue{Loc: p.span(t.start, t.end)}
	case tLeave:
		if !p.inFunction {
			p.errorAt(source.SyntaxError, 8149, p.tokSpan(), "Keyword \"leave\" can only be used inside a function.")
		}
		p.advance()
		return &Leave{Loc: p.span(t.start, t.end)}
	}

	// A call or an assignment.
	elem := p.literalOrIdent()
	switch p.tok.kind {
	case tLParen:
		id, ok := elem.(*Ident)
		if !ok {
			p.fatal(9980, p.tokSpan(), "Function name expected.")
		}
		c := p.call(id)
		return &ExprStmt{X: c, Loc: c.Loc}
	case tComma, tAssign:
		a := &Assign{}
		for {
			id, ok := elem.(*Ident)
			if !ok {
				if p.tok.kind == tComma {
					p.fatal(2856, p.tokSpan(), "Variable name must precede \",\" in multiple assignment.")
				}
				p.fatal(2856, p.tokSpan(), "Variable name must precede \":=\" in assignment.")
			}
			if builtin(id.Name, p.v) != nil {
				p.fatal(6272, p.tokSpan(), "Cannot assign to builtin function \"%s\".", id.Name)
			}
			a.Targets = append(a.Targets, id)
			if p.tok.kind != tComma {
				break
			}
			p.advance()
			elem = p.literalOrIdent()
		}
		p.expect(tAssign)
		a.Value = p.expression()
		a.Loc = p.span(t.start, int32(a.Value.Span().End))
		return a
	}
	p.fatal(6913, p.tokSpan(), "Call or assignment expected.")
	return nil
}

func (p *parser) checkBreakContinue(which string) {
	switch p.forPart {
	case forNone:
		p.errorAt(source.SyntaxError, 2592, p.tokSpan(), "Keyword \"%s\" needs to be inside a for-loop body.", which)
	case forInit:
		p.errorAt(source.SyntaxError, 9615, p.tokSpan(), "Keyword \"%s\" in for-loop init block is not allowed.", which)
	case forPost:
		p.errorAt(source.SyntaxError, 2461, p.tokSpan(), "Keyword \"%s\" in for-loop post block is not allowed.", which)
	}
}

func (p *parser) switchStmt() *Switch {
	start := p.tok.start
	p.advance()
	s := &Switch{X: p.expression()}
	for p.tok.kind == tCase {
		s.Cases = append(s.Cases, p.caseClause())
	}
	if p.tok.kind == tDefault {
		s.Cases = append(s.Cases, p.caseClause())
	}
	switch {
	case p.tok.kind == tDefault:
		p.fatal(6931, p.tokSpan(), "Only one default case allowed.")
	case p.tok.kind == tCase:
		p.fatal(4904, p.tokSpan(), "Case not allowed after default case.")
	case len(s.Cases) == 0:
		p.fatal(2418, p.tokSpan(), "Switch statement without any cases.")
	}
	s.Loc = p.span(start, int32(s.Cases[len(s.Cases)-1].Loc.End))
	return s
}

func (p *parser) caseClause() *Case {
	p.enter()
	start := p.tok.start
	c := &Case{}
	if p.tok.kind == tCase {
		p.advance()
		lit, ok := p.literalOrIdent().(*Literal)
		if !ok {
			p.fatal(4805, p.tokSpan(), "Literal expected.")
		}
		c.Value = lit
	} else {
		p.advance() // default
	}
	c.Body = p.block()
	c.Loc = p.span(start, int32(c.Body.Loc.End))
	p.depth--
	return c
}

func (p *parser) forStmt() *For {
	p.enter()
	outer := p.forPart
	start := p.tok.start
	p.advance()
	s := &For{}
	p.forPart = forInit
	s.Init = p.block()
	p.forPart = forNone
	s.Cond = p.expression()
	p.forPart = forPost
	s.Post = p.block()
	p.forPart = forBody
	s.Body = p.block()
	p.forPart = outer
	s.Loc = p.span(start, int32(s.Body.Loc.End))
	p.depth--
	return s
}

func (p *parser) varDecl() *VarDecl {
	p.enter()
	start := p.tok.start
	p.advance()
	s := &VarDecl{}
	for {
		s.Names = append(s.Names, p.typedName())
		if p.tok.kind != tComma {
			break
		}
		p.advance()
	}
	end := int32(s.Names[len(s.Names)-1].Loc.End)
	if p.tok.kind == tAssign {
		p.advance()
		s.Value = p.expression()
		end = int32(s.Value.Span().End)
	}
	s.Loc = p.span(start, end)
	p.depth--
	return s
}

func (p *parser) funcDef() *FuncDef {
	p.enter()
	if p.forPart == forInit {
		p.errorAt(source.SyntaxError, 3441, p.tokSpan(), "Functions cannot be defined inside a for-loop init block.")
	}
	outer := p.forPart
	p.forPart = forNone
	start := p.tok.start
	p.advance()
	f := &FuncDef{NameSpan: p.tokSpan()}
	f.Name = p.asmIdentifier()
	p.expect(tLParen)
	for p.tok.kind != tRParen {
		f.Params = append(f.Params, p.typedName())
		if p.tok.kind == tRParen {
			break
		}
		p.expect(tComma)
	}
	p.advance()
	if p.tok.kind == tArrow {
		p.advance()
		for {
			f.Results = append(f.Results, p.typedName())
			if p.tok.kind == tLBrace {
				break
			}
			p.expect(tComma)
		}
	}
	inFunction := p.inFunction
	p.inFunction = true
	f.Body = p.block()
	p.inFunction = inFunction
	p.forPart = outer
	f.Loc = p.span(start, int32(f.Body.Loc.End))
	p.depth--
	return f
}

// asmIdentifier consumes an identifier that is being declared (solc's
// expectAsmIdentifier): builtin names are rejected.
func (p *parser) asmIdentifier() string {
	if p.tok.kind == tIdent {
		name := p.text(p.tok)
		if builtin(name, p.v) != nil {
			p.fatal(5568, p.tokSpan(), "Cannot use builtin function name \"%s\" as identifier name.", name)
		}
	}
	return p.text(p.expect(tIdent))
}

// typedName parses a declared name; a type annotation (`x: u256`) is an
// error in the EVM dialect but does not stop the parse.
func (p *parser) typedName() *Name {
	p.enter()
	start := p.tok.start
	n := &Name{Loc: p.tokSpan()}
	n.Name = p.asmIdentifier()
	if p.tok.kind == tColon {
		p.advance()
		end := p.tok.end
		p.asmIdentifier()
		p.errorAt(source.ParserError, 5473, p.span(start, end), "Types are not supported in untyped Yul.")
	}
	p.depth--
	return n
}

// expression parses a literal, an identifier or a call.
func (p *parser) expression() Expr {
	p.enter()
	e := p.literalOrIdent()
	if id, ok := e.(*Ident); ok {
		if p.tok.kind == tLParen {
			e = p.call(id)
		} else if builtin(id.Name, p.v) != nil {
			p.fatal(7104, id.Loc, "Builtin function \"%s\" must be called.", id.Name)
		}
	}
	p.depth--
	return e
}

// call parses the argument list of a call to fn.
func (p *parser) call(fn *Ident) *Call {
	p.enter()
	c := &Call{Fn: fn}
	p.expect(tLParen)
	if p.tok.kind != tRParen {
		c.Args = append(c.Args, p.expression())
		for p.tok.kind != tRParen {
			p.expect(tComma)
			c.Args = append(c.Args, p.expression())
		}
	}
	c.Loc = p.span(int32(fn.Loc.Start), p.tok.end)
	p.advance()
	p.depth--
	return c
}

// literalOrIdent parses an identifier or a literal (solc's
// parseLiteralOrIdentifier).
func (p *parser) literalOrIdent() Expr {
	p.enter()
	defer func() { p.depth-- }()
	t := p.tok
	switch t.kind {
	case tIdent:
		p.advance()
		return &Ident{Name: p.text(t), Loc: p.span(t.start, t.end)}
	case tNumber, tString, tHexString, tTrue, tFalse:
		lit := p.literal(t)
		p.advance()
		if p.tok.kind == tColon {
			p.advance()
			end := p.tok.end
			p.asmIdentifier()
			p.errorAt(source.ParserError, 5473, p.span(t.start, end), "Types are not supported in untyped Yul.")
		}
		return lit
	case tIllegal:
		p.fatal(1465, p.tokSpan(), "Illegal token: %s", t.err)
	}
	p.fatal(1856, p.tokSpan(), "Literal or identifier expected.")
	return nil
}

// literal builds the literal for token t.
func (p *parser) literal(t token) *Literal {
	raw := p.text(t)
	lit := &Literal{Raw: raw, Loc: p.span(t.start, t.end)}
	switch t.kind {
	case tNumber:
		lit.Kind = NumberLit
		ok, tooLarge := parseNumber(raw, &lit.Num)
		if !ok {
			p.fatal(4828, p.tokSpan(), "Invalid number literal.")
		}
		lit.TooLarge = tooLarge
	case tTrue:
		lit.Kind = BoolLit
		lit.Num.SetOne()
	case tFalse:
		lit.Kind = BoolLit
	case tString:
		lit.Kind = StringLit
		lit.Str = decodeString(raw)
	case tHexString:
		lit.Kind = StringLit
		lit.Hex = true
		lit.Str = decodeHexString(raw)
	default:
		panic(fmt.Sprintf("yul: literal of token kind %d", t.kind))
	}
	return lit
}
