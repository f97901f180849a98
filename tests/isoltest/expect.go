package isoltest

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// The expectation part is read as one token stream in which every `//` at
// the start of a line is a newline token: a call may continue on the next
// lines (after `:` or `,`, before `#` comments and `->`), as in solc's
// TestFileParser.

type tokKind int

const (
	tNewline tokKind = iota
	tIdent
	tNumber    // 123, 1.5
	tHexNumber // 0x1234
	tString    // "…" (Text holds the raw body, escapes unprocessed)
	tHexString // hex"…" (Text holds the body)
	tLParen
	tRParen
	tLBracket
	tRBracket
	tComma
	tColon
	tArrow
	tMinus
	tComment    // # … # (Text holds the body)
	tSideEffect // ~ rest-of-line (Text holds the trimmed rest)
	tEOF
)

type token struct {
	kind tokKind
	text string
	line int
}

func lexExpectations(lines []string, firstLine int) ([]token, error) {
	var toks []token
	for n, raw := range lines {
		lineNo := firstLine + n
		line := strings.TrimSuffix(raw, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		rest, ok := strings.CutPrefix(line, "//")
		if !ok {
			return nil, fmt.Errorf("%d: expectation line does not start with //: %q", lineNo, line)
		}
		toks = append(toks, token{kind: tNewline, line: lineNo})
		if t := strings.TrimSpace(rest); strings.HasPrefix(t, "~") {
			toks = append(toks, token{kind: tSideEffect, text: strings.TrimSpace(t[1:]), line: lineNo})
			continue
		}
		s := rest
		for i := 0; i < len(s); {
			c := s[i]
			emit := func(k tokKind, text string, n int) {
				toks = append(toks, token{kind: k, text: text, line: lineNo})
				i += n
			}
			switch {
			case c == ' ' || c == '\t':
				i++
			case c == '(':
				emit(tLParen, "(", 1)
			case c == ')':
				emit(tRParen, ")", 1)
			case c == '[':
				emit(tLBracket, "[", 1)
			case c == ']':
				emit(tRBracket, "]", 1)
			case c == ',':
				emit(tComma, ",", 1)
			case c == ':':
				emit(tColon, ":", 1)
			case c == '-' && i+1 < len(s) && s[i+1] == '>':
				emit(tArrow, "->", 2)
			case c == '-':
				emit(tMinus, "-", 1)
			case c == '#':
				end := strings.IndexByte(s[i+1:], '#')
				if end < 0 {
					return nil, fmt.Errorf("%d: unterminated comment", lineNo)
				}
				emit(tComment, strings.TrimSpace(s[i+1:i+1+end]), end+2)
			case c == '"':
				body, n, err := scanString(s[i:])
				if err != nil {
					return nil, fmt.Errorf("%d: %v", lineNo, err)
				}
				emit(tString, body, n)
			case c == '0' && i+1 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X'):
				j := i + 2
				for j < len(s) && isHexDigit(s[j]) {
					j++
				}
				if j == i+2 {
					return nil, fmt.Errorf("%d: bad hex number", lineNo)
				}
				emit(tHexNumber, s[i:j], j-i)
			case c >= '0' && c <= '9':
				j := i
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
					j++
				}
				emit(tNumber, s[i:j], j-i)
			case isIdentStart(c):
				j := i
				for j < len(s) && (isIdentStart(s[j]) || s[j] >= '0' && s[j] <= '9') {
					j++
				}
				word := s[i:j]
				if word == "hex" && j < len(s) && s[j] == '"' {
					body, n, err := scanString(s[j:])
					if err != nil {
						return nil, fmt.Errorf("%d: %v", lineNo, err)
					}
					emit(tHexString, body, j-i+n)
					break
				}
				emit(tIdent, word, j-i)
			default:
				return nil, fmt.Errorf("%d: unexpected character %q", lineNo, c)
			}
		}
	}
	return append(toks, token{kind: tEOF}), nil
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scanString reads a "…" literal at the start of s and returns its raw
// body and the bytes consumed.
func scanString(s string) (string, int, error) {
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return s[1:j], j + 1, nil
		}
	}
	return "", 0, fmt.Errorf("unterminated string")
}

type exParser struct {
	toks  []token
	pos   int
	lines []string // the expectation lines, for Entry.Text
	first int      // file line number of lines[0]
}

func (p *exParser) peek() token { return p.toks[p.pos] }

// peekPastNewlines returns the first token that is not a newline, and its index.
func (p *exParser) peekPastNewlines() (token, int) {
	i := p.pos
	for p.toks[i].kind == tNewline {
		i++
	}
	return p.toks[i], i
}

func (p *exParser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *exParser) errorf(tok token, format string, args ...any) error {
	return fmt.Errorf("%d: %s", tok.line, fmt.Sprintf(format, args...))
}

func (p *exParser) expect(k tokKind, what string) (token, error) {
	t := p.next()
	if t.kind != k {
		return t, p.errorf(t, "expected %s, found %s", what, describe(t))
	}
	return t, nil
}

func describe(t token) string {
	switch t.kind {
	case tNewline:
		return "end of line"
	case tEOF:
		return "end of expectations"
	}
	return strconv.Quote(t.text)
}

func parseExpectations(lines []string, firstLine int) ([]*Entry, error) {
	toks, err := lexExpectations(lines, firstLine)
	if err != nil {
		return nil, err
	}
	p := &exParser{toks: toks, lines: lines, first: firstLine}
	var entries []*Entry
	for {
		t, i := p.peekPastNewlines()
		p.pos = i
		if t.kind == tEOF {
			return entries, nil
		}
		switch {
		case t.kind == tSideEffect:
			p.next()
			if len(entries) == 0 {
				return nil, p.errorf(t, "side effect before any call")
			}
			last := entries[len(entries)-1]
			last.SideEffects = append(last.SideEffects, t.text)
		case t.kind == tIdent && t.text == "gas" && p.toks[i+1].kind == tIdent:
			if len(entries) == 0 {
				return nil, p.errorf(t, "gas line before any call")
			}
			if err := p.gasLine(entries[len(entries)-1]); err != nil {
				return nil, err
			}
		default:
			e, err := p.entry()
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
	}
}

func (p *exParser) gasLine(e *Entry) error {
	p.next() // gas
	kind := p.next().text
	code := false
	if t := p.peek(); t.kind == tIdent && t.text == "code" {
		p.next()
		code = true
	}
	if _, err := p.expect(tColon, "':' in gas line"); err != nil {
		return err
	}
	n, err := p.expect(tNumber, "gas amount")
	if err != nil {
		return err
	}
	v, perr := strconv.ParseUint(n.text, 10, 64)
	if perr != nil {
		return p.errorf(n, "bad gas amount %q", n.text)
	}
	if code {
		if e.GasCode == nil {
			e.GasCode = map[string]uint64{}
		}
		e.GasCode[kind] = v
	} else {
		if e.Gas == nil {
			e.Gas = map[string]uint64{}
		}
		e.Gas[kind] = v
	}
	return nil
}

func (p *exParser) entry() (*Entry, error) {
	start := p.peek()
	e := &Entry{Line: start.line}
	defer func() {
		end := p.toks[max(p.pos-1, 0)].line
		if end < e.Line {
			end = e.Line
		}
		e.EndLine = end
		var text []string
		for l := e.Line; l <= end; l++ {
			s := strings.TrimSuffix(p.lines[l-p.first], "\r")
			s = strings.TrimPrefix(s, "//")
			s = strings.TrimPrefix(s, " ")
			text = append(text, s)
		}
		e.Text = strings.Join(text, "\n")
	}()

	// library: L | library: :L | library: "file.sol":L
	if start.kind == tIdent && start.text == "library" && p.toks[p.pos+1].kind == tColon {
		p.next()
		p.next()
		e.Kind = Library
		file := ""
		switch t := p.peek(); t.kind {
		case tString:
			file = p.next().text
			if _, err := p.expect(tColon, "':' after library file"); err != nil {
				return nil, err
			}
		case tColon:
			p.next()
		}
		name, err := p.expect(tIdent, "library name")
		if err != nil {
			return nil, err
		}
		e.Signature = file + ":" + name.text
		return e, nil
	}

	sig, err := p.signature()
	if err != nil {
		return nil, err
	}
	e.Signature = sig
	switch {
	case sig == "":
		e.Kind = LowLevel
	case sig == "constructor()":
		e.Kind = Constructor
	case Builtins[sig]:
		// Only without parentheses: `balance()` calls the contract's own
		// balance() (smoke/fallback.sol), as in solc's TestFileParser.
		e.Kind = Builtin
	}
	if p.peek().kind == tComma {
		p.next()
		if err := p.value(e); err != nil {
			return nil, err
		}
	}
	if p.peek().kind == tColon {
		p.next()
		if e.Args, err = p.literals(true); err != nil {
			return nil, err
		}
	}
	p.comments(e)
	if t, i := p.peekPastNewlines(); t.kind == tArrow {
		p.pos = i + 1
		e.HasArrow = true
		if e.Results, err = p.literals(false); err != nil {
			return nil, err
		}
		if len(e.Results) > 0 && e.Results[0].Kind == LitFailure {
			e.Failure = true
			e.Results = e.Results[1:]
		}
		for _, r := range e.Results {
			if r.Kind == LitFailure {
				return nil, fmt.Errorf("%d: FAILURE must be the first result", e.Line)
			}
		}
		p.comments(e)
	}
	for _, a := range e.Args {
		if a.Kind == LitFailure {
			return nil, fmt.Errorf("%d: FAILURE is not an argument", e.Line)
		}
	}
	if t := p.peek(); t.kind != tNewline && t.kind != tEOF {
		return nil, p.errorf(t, "unexpected %s", describe(t))
	}
	return e, nil
}

// comments consumes `# … #` comments, which may stand on following lines.
func (p *exParser) comments(e *Entry) {
	for {
		t, i := p.peekPastNewlines()
		if t.kind != tComment {
			return
		}
		p.pos = i + 1
		e.Comments = append(e.Comments, t.text)
	}
}

// signature reads `name`, `name(types)` or `()`, returning the text
// without spaces.
func (p *exParser) signature() (string, error) {
	var b strings.Builder
	t := p.peek()
	switch t.kind {
	case tIdent:
		b.WriteString(p.next().text)
		if p.peek().kind != tLParen {
			return b.String(), nil
		}
	case tLParen:
	default:
		return "", p.errorf(t, "expected a call, found %s", describe(t))
	}
	depth := 0
	for {
		t := p.next()
		switch t.kind {
		case tLParen:
			depth++
		case tRParen:
			depth--
		case tIdent, tNumber, tComma, tLBracket, tRBracket:
		default:
			return "", p.errorf(t, "unexpected %s in signature", describe(t))
		}
		b.WriteString(t.text)
		if depth == 0 {
			break
		}
	}
	sig := b.String()
	if sig == "()" {
		return "", nil
	}
	return sig, nil
}

// value reads `N ether` or `N wei` after the signature's comma.
func (p *exParser) value(e *Entry) error {
	n := p.next()
	if n.kind != tNumber && n.kind != tHexNumber {
		return p.errorf(n, "expected a value, found %s", describe(n))
	}
	v, ok := new(big.Int).SetString(n.text, 0)
	if !ok {
		return p.errorf(n, "bad value %q", n.text)
	}
	unit, err := p.expect(tIdent, "unit (wei or ether)")
	if err != nil {
		return err
	}
	switch unit.text {
	case "wei":
	case "gwei":
		v.Mul(v, big.NewInt(1e9))
	case "ether":
		v.Mul(v, big.NewInt(1e18))
	default:
		return p.errorf(unit, "unknown unit %q", unit.text)
	}
	e.Value, e.ValueText = v, n.text+" "+unit.text
	return nil
}

// literals reads a comma-separated list of literals; a literal may stand on
// the next line. afterColon says the list must not be empty.
func (p *exParser) literals(afterColon bool) ([]Literal, error) {
	var out []Literal
	for {
		t, i := p.peekPastNewlines()
		if !p.literalStartsAt(i) {
			if len(out) == 0 && !afterColon {
				return nil, nil
			}
			return nil, p.errorf(t, "expected a literal, found %s", describe(t))
		}
		p.pos = i
		l, err := p.literal()
		if err != nil {
			return nil, err
		}
		out = append(out, l)
		if p.peek().kind != tComma {
			return out, nil
		}
		p.next()
	}
}

func (p *exParser) literalStartsAt(i int) bool {
	t := p.toks[i]
	switch t.kind {
	case tNumber, tHexNumber, tString, tHexString, tMinus:
		return true
	case tIdent:
		switch t.text {
		case "true", "false", "FAILURE":
			return true
		case "left", "right":
			if p.toks[i+1].kind != tLParen {
				return false
			}
			switch n := p.toks[i+2]; n.kind {
			case tNumber, tHexNumber, tString, tHexString, tMinus, tRParen:
				return true
			case tIdent:
				return n.text == "true" || n.text == "false"
			}
		}
	}
	return false
}

func (p *exParser) literal() (Literal, error) {
	align := AlignNone
	var raw strings.Builder
	t := p.peek()
	if t.kind == tIdent && (t.text == "left" || t.text == "right") {
		p.next()
		p.next() // (
		align = AlignLeft
		if t.text == "right" {
			align = AlignRight
		}
		raw.WriteString(t.text + "(")
	}
	neg := false
	if p.peek().kind == tMinus {
		p.next()
		neg = true
	}
	t = p.next()
	var (
		l   Literal
		err error
	)
	switch {
	case t.kind == tRParen && align != AlignNone:
		// left() / right(): nothing, padded to a word.
		p.pos--
		l = Literal{Kind: LitHex}
	case t.kind == tNumber:
		l, err = numberLiteral(t.text, neg)
	case neg:
		return Literal{}, p.errorf(t, "only decimal numbers can be negative")
	case t.kind == tHexNumber:
		l, err = hexNumberLiteral(t.text)
	case t.kind == tHexString:
		l, err = hexStringLiteral(t.text)
	case t.kind == tString:
		l, err = stringLiteral(t.text)
	case t.kind == tIdent && (t.text == "true" || t.text == "false"):
		l = boolLiteral(t.text == "true")
	case t.kind == tIdent && t.text == "FAILURE" && align == AlignNone:
		l = Literal{Kind: LitFailure}
	default:
		return Literal{}, p.errorf(t, "expected a literal, found %s", describe(t))
	}
	if err != nil {
		return Literal{}, p.errorf(t, "%v", err)
	}
	raw.WriteString(l.Text)
	if align != AlignNone {
		if l.Kind == LitString || l.Kind == LitHexString {
			return Literal{}, p.errorf(t, "string literals cannot be aligned")
		}
		if _, err := p.expect(tRParen, "')'"); err != nil {
			return Literal{}, err
		}
		raw.WriteString(")")
		if l.Bytes, err = aligned(l.compact, align); err != nil {
			return Literal{}, p.errorf(t, "%v", err)
		}
		l.Align = align
	}
	l.Text = raw.String()
	return l, nil
}
