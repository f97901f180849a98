package solidity

import (
	"fmt"
	"strconv"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// The parser is a recursive-descent parser that follows solc's
// libsolidity/parsing/Parser.cpp function by function: the same grammar,
// the same lookahead decisions (e.g. telling `a.b[2] x;` from `a.b[2] = x;`),
// the same node spans (solc's ASTNodeFactory rules) and the same
// diagnostics with solc's error codes. Expressions use precedence climbing
// (parseBinary). solc stops at its first fatal error; this parser reports
// it, skips to the next statement, member or top-level definition, and
// goes on, so one run reports every broken construct.

// maxDepth is solc's parser recursion limit (ParserBase's RecursionGuard).
const maxDepth = 1200

// maxErrors bounds the errors one file reports before the parse gives up
// (solc's ErrorReporter stops at 256 as well).
const maxErrors = 256

// bailout unwinds the parser after a fatal error, to the innermost
// recovery point, or (all) out of the file.
type bailout struct{ all bool }

type parser struct {
	file *source.File
	src  string
	lex  lexer
	tok  token    // current token
	la   [2]token // lookahead tokens already scanned
	nla  int
	prev int32 // end of the previous token
	log  *source.Log
	evm  evmversion.Version

	depth          int
	errors         int
	aborting       bool // a bailout{all: true} is unwinding
	insideModifier bool
	experimental   bool
}

func newParser(f *source.File, src string, evm evmversion.Version, log *source.Log) *parser {
	p := &parser{file: f, src: src, lex: lexer{src: src}, log: log, evm: evm}
	p.tok = p.lex.next()
	return p
}

func (p *parser) advance() {
	p.prev = p.tok.end
	if p.nla > 0 {
		p.tok = p.la[0]
		p.la[0] = p.la[1]
		p.nla--
		return
	}
	p.tok = p.lex.next()
}

// peek returns the token after the current one; peek2 the one after that.
func (p *parser) peek() Token {
	if p.nla < 1 {
		p.la[0] = p.lex.next()
		p.nla = 1
	}
	return p.la[0].kind
}

func (p *parser) peek2() Token {
	p.peek()
	if p.nla < 2 {
		p.la[1] = p.lex.next()
		p.nla = 2
	}
	return p.la[1].kind
}

// resetTo discards the lookahead and continues lexing at offset pos.
func (p *parser) resetTo(pos int) {
	p.nla = 0
	p.lex.pos = pos
	p.prev = int32(pos)
	p.tok = p.lex.next()
}

func (p *parser) text(t token) string { return p.src[t.start:t.end] }

func (p *parser) span(start, end int32) source.Span {
	return source.Span{File: p.file, Start: int(start), End: int(end)}
}

func (p *parser) tokSpan() source.Span { return p.span(p.tok.start, p.tok.end) }

func (p *parser) ident() *Ident {
	return &Ident{Name: p.text(p.tok), Loc: p.tokSpan()}
}

// report logs an error of the given kind.
func (p *parser) report(kind string, code int, span source.Span, msg string) {
	p.errors++
	p.log.Add(source.Diagnostic{Severity: source.Error, Kind: kind, Code: code, Span: span, Message: msg})
	if p.errors >= maxErrors {
		p.abort()
	}
}

// parserError reports a non-fatal ParserError at the current token.
func (p *parser) parserError(code int, format string, args ...any) {
	p.parserErrorAt(code, p.tokSpan(), format, args...)
}

func (p *parser) parserErrorAt(code int, span source.Span, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	p.report(source.ParserError, code, span, msg)
}

func (p *parser) warning(code int, span source.Span, msg string) {
	p.log.Add(source.Diagnostic{Severity: source.Warning, Kind: source.WarningKind, Code: code, Span: span, Message: msg})
}

// fatal reports a ParserError at the current token and abandons the
// construct being parsed (solc's fatalParserError).
func (p *parser) fatal(code int, format string, args ...any) {
	p.fatalAt(code, p.tokSpan(), format, args...)
}

func (p *parser) fatalAt(code int, span source.Span, format string, args ...any) {
	p.parserErrorAt(code, span, format, args...)
	panic(bailout{})
}

// enter is solc's RecursionGuard; leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth >= maxDepth {
		p.parserError(7319, "Maximum recursion depth reached during parsing.")
		p.abort()
	}
}

func (p *parser) leave() { p.depth-- }

// abort abandons the whole file. The recovery points let the panic pass
// without recovering it (re-panicking at each of them would make the
// unwinding quadratic in the nesting depth).
func (p *parser) abort() {
	p.aborting = true
	panic(bailout{all: true})
}

// tokenName names the current token as solc's ParserBase::tokenName does.
func (p *parser) tokenName(t token) string {
	switch {
	case t.kind == Identifier:
		return "identifier"
	case t.kind == EOS:
		return "end of source"
	case t.kind.IsReservedKeyword():
		return "reserved keyword '" + t.kind.String() + "'"
	case t.kind.IsElementaryTypeName():
		return "'" + elementaryName(t) + "'"
	}
	return "'" + t.kind.String() + "'"
}

// expectedName names an expected token kind.
func expectedName(k Token) string {
	switch {
	case k == Identifier:
		return "identifier"
	case k == EOS:
		return "end of source"
	case k.IsReservedKeyword():
		return "reserved keyword '" + k.String() + "'"
	}
	return "'" + k.String() + "'"
}

// elementaryName is the spelling of an elementary type name token.
func elementaryName(t token) string {
	name := t.kind.String()
	if t.m == 0 && t.n == 0 {
		return name
	}
	switch t.kind {
	case FixedMxN, UFixedMxN:
		return name[:len(name)-3] + strconv.Itoa(int(t.m)) + "x" + strconv.Itoa(int(t.n))
	}
	return name[:len(name)-1] + strconv.Itoa(int(t.m))
}

// expect consumes a token of kind k or fails with solc's 2314.
func (p *parser) expect(k Token) token {
	t := p.tok
	if t.kind != k {
		p.fatal(2314, "Expected %s but got %s", expectedName(k), p.tokenName(t))
	}
	p.advance()
	return t
}

// check is expect without consuming.
func (p *parser) check(k Token) {
	if p.tok.kind != k {
		p.fatal(2314, "Expected %s but got %s", expectedName(k), p.tokenName(p.tok))
	}
}

// expectIdent consumes an identifier.
func (p *parser) expectIdent() *Ident {
	p.check(Identifier)
	id := p.ident()
	p.advance()
	return id
}

// literal returns solc's currentLiteral() for the current token: the text
// of identifiers, keywords and numbers, the value of string literals, and
// "" for punctuation.
func (p *parser) literal(t token) string {
	switch {
	case t.kind == StringLiteral || t.kind == UnicodeStringLiteral:
		return decodeString(p.text(t)[stringPrefix(t.kind):])
	case t.kind == HexStringLiteral:
		return decodeHex(p.text(t)[3:])
	case t.kind == Number || t.kind == Identifier || tokens[t.kind].keyword || t.kind.IsElementaryTypeName():
		return p.text(t)
	}
	return ""
}

func stringPrefix(k Token) int {
	if k == UnicodeStringLiteral {
		return 7
	}
	return 0
}

// docAt returns the documentation comment before token t, nil if none or
// empty (solc's parseStructuredDocumentation).
func (p *parser) docAt(t token) *Doc {
	if t.docStart < 0 {
		return nil
	}
	text := docText(p.src[t.docStart:t.docEnd])
	if text == "" {
		return nil
	}
	return &Doc{Text: text, Loc: p.span(t.docStart, t.docEnd)}
}

// recovery says where parsing resumes after a fatal error.
type recovery uint8

const (
	atTopLevel recovery = iota
	atMember
	atStatement
)

// guarded parses one construct of the given level with parse; a fatal
// error in it is swallowed after skipping to the next construct of that
// level. It reports whether parse finished without a fatal error. (A
// method with a switch rather than closures: this runs once per
// statement, and closures would allocate.)
func (p *parser) guarded(level recovery, parse func(p *parser, x any), x any) (ok bool) {
	depth, inMod := p.depth, p.insideModifier
	start := p.tok.start
	defer func() {
		if p.aborting {
			return
		}
		if r := recover(); r != nil {
			b, isBailout := r.(bailout)
			if !isBailout || b.all {
				panic(r)
			}
			p.depth, p.insideModifier = depth, inMod
			switch level {
			case atTopLevel:
				p.syncTopLevel(start)
			case atMember:
				p.syncMember(start)
			default:
				p.syncStatement(start)
			}
			ok = false
		}
	}()
	parse(p, x)
	return true
}

// skipTo skips tokens after a fatal error: up to and including a ';' at
// nesting level 0, up to and including the '}' that closes a group opened
// while skipping, or up to (not including) a '}' that closes the enclosing
// block or a token for which stop returns true. It always makes progress
// when the construct failed on its first token.
func (p *parser) skipTo(start int32, stop func(Token) bool) {
	if p.tok.start == start && p.tok.kind != RBrace && p.tok.kind != EOS {
		p.advance()
		if p.tok.kind == Semicolon {
			p.advance()
			return
		}
	}
	nest := 0
	for {
		switch k := p.tok.kind; k {
		case EOS:
			return
		case LBrace:
			nest++
		case RBrace:
			if nest == 0 {
				return
			}
			nest--
			if nest == 0 {
				p.advance()
				return
			}
		case Semicolon:
			if nest == 0 {
				p.advance()
				return
			}
		default:
			if nest == 0 && stop != nil && stop(k) {
				return
			}
		}
		p.advance()
	}
}

func memberStart(k Token) bool {
	switch k {
	case Function, Modifier, Event, Struct, Enum, Constructor, Fallback, Receive, Using:
		return true
	}
	return false
}

func topLevelStart(k Token) bool {
	switch k {
	case Pragma, Import, Contract, Interface, Library, Abstract, Struct, Enum, Function, Using, Event:
		return true
	}
	return false
}
