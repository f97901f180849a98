package yul

// The lexer follows solc's scanner in Yul mode (liblangutil/Scanner.cpp):
// identifiers may contain '.' and '$', only Yul's keywords (including
// leave and hex) are keywords,
// string literals may hold printable ASCII and escapes only, and a lexing
// error becomes an Illegal token that the parser reports (as solc does) only
// when it reaches it.

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tNumber
	tString    // "…" or '…'
	tHexString // hex"…"
	tLBrace
	tRBrace
	tLParen
	tRParen
	tComma
	tAssign // :=
	tArrow  // ->
	tColon
	tLet
	tFunction
	tIf
	tSwitch
	tCase
	tDefault
	tFor
	tBreak
	tContinue
	tTrue
	tFalse
	tLeave
	tHex     // "hex" not followed by a quote
	tOther   // any other operator or punctuation; shown by its text
	tIllegal // a lexing error; token.err says which
)

// scanErr is one of solc's scanner errors (ScannerError).
type scanErr uint8

const (
	errNone scanErr = iota
	errInvalidToken
	errHexString
	errCommentTerminator
	errEscape
	errStringEndQuote
	errCharInString
	errNumberEnd
	errOctal
	errHexNumber
)

var scanErrText = [...]string{
	errNone:              "",
	errInvalidToken:      "Invalid token.",
	errHexString:         "Expected even number of hex-nibbles.",
	errCommentTerminator: "Expected multi-line comment-terminator.",
	errEscape:            "Invalid escape sequence.",
	errStringEndQuote:    "Expected string end-quote.",
	errCharInString:      "Invalid character in string.",
	errNumberEnd:         "Identifier-start is not allowed at end of a number.",
	errOctal:             "Octal numbers not allowed.",
	errHexNumber:         "Invalid hex number.",
}

func (e scanErr) String() string { return scanErrText[e] }

// token is one token: its kind and byte range; tIllegal tokens carry the
// scanner error.
type token struct {
	kind       tokKind
	err        scanErr
	start, end int32
}

// lexer produces tokens on demand from src, starting at pos.
type lexer struct {
	src string
	pos int
}

// keyword returns the keyword kind of word, or tIdent.
func keyword(word string) tokKind {
	switch word {
	case "let":
		return tLet
	case "function":
		return tFunction
	case "if":
		return tIf
	case "switch":
		return tSwitch
	case "case":
		return tCase
	case "default":
		return tDefault
	case "for":
		return tFor
	case "break":
		return tBreak
	case "continue":
		return tContinue
	case "true":
		return tTrue
	case "false":
		return tFalse
	case "leave":
		return tLeave
	case "hex":
		return tHex
	}
	return tIdent
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || isDigit(c) || c == '.'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// next scans the next token, skipping white space and comments.
func (l *lexer) next() token {
	src := l.src
	for {
		// White space (solc: space, tab, newline, carriage return).
		for l.pos < len(src) {
			c := src[l.pos]
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				l.pos++
				continue
			}
			break
		}
		if l.pos+1 < len(src) && src[l.pos] == '/' {
			if src[l.pos+1] == '/' {
				i := l.pos + 2
				for i < len(src) && src[i] != '\n' {
					i++
				}
				l.pos = i
				continue
			}
			if src[l.pos+1] == '*' {
				start := l.pos
				i := l.pos + 2
				for {
					if i+1 >= len(src) {
						l.pos = len(src)
						return token{kind: tIllegal, err: errCommentTerminator, start: int32(start), end: int32(len(src))}
					}
					if src[i] == '*' && src[i+1] == '/' {
						break
					}
					i++
				}
				l.pos = i + 2
				continue
			}
		}
		break
	}
	start := l.pos
	if start >= len(src) {
		return token{kind: tEOF, start: int32(start), end: int32(start)}
	}
	c := src[start]
	switch {
	case isIdentStart(c):
		i := start + 1
		for i < len(src) && isIdentPart(src[i]) {
			i++
		}
		l.pos = i
		word := src[start:i]
		if word == "hex" && i < len(src) && (src[i] == '"' || src[i] == '\'') {
			return l.hexString(start)
		}
		return token{kind: keyword(word), start: int32(start), end: int32(i)}
	case isDigit(c) || c == '.' && start+1 < len(src) && isDigit(src[start+1]):
		return l.number(start)
	case c == '"' || c == '\'':
		return l.string(start)
	}
	l.pos = start + 1
	k := tOther
	switch c {
	case '{':
		k = tLBrace
	case '}':
		k = tRBrace
	case '(':
		k = tLParen
	case ')':
		k = tRParen
	case ',':
		k = tComma
	case ':':
		k = tColon
		if l.pos < len(src) && src[l.pos] == '=' {
			l.pos++
			k = tAssign
		}
	case '-':
		if l.pos < len(src) && src[l.pos] == '>' {
			l.pos++
			k = tArrow
		}
	case '=', '<', '>', '!', '+', '*', '/', '%', '&', '|', '^', '~', '.', ';', '[', ']', '?', '@', '#', '`':
		// Single-character punctuation solc's scanner knows; shown by text.
		// (Multi-character operators such as "==" are not needed for Yul's
		// error messages, which only ever name the first token.)
	default:
		k = tIllegal
		if c >= 0x80 {
			// Skip the whole UTF-8 sequence so the error covers one character.
			for l.pos < len(src) && src[l.pos]&0xc0 == 0x80 {
				l.pos++
			}
		}
		return token{kind: k, err: errInvalidToken, start: int32(start), end: int32(l.pos)}
	}
	return token{kind: k, start: int32(start), end: int32(l.pos)}
}

// number scans a number the way solc's scanner does; whether it is a valid
// Yul number literal (decimal or 0x-hex integer) is the parser's business
// (ParserError 4828), so 1e5, 67.235 and .1 are Number tokens here.
func (l *lexer) number(start int) token {
	src := l.src
	i := start
	illegal := func(e scanErr, end int) token {
		l.pos = end
		return token{kind: tIllegal, err: e, start: int32(start), end: int32(end)}
	}
	if src[i] == '0' && i+1 < len(src) && src[i+1] == 'x' {
		i += 2
		j := i
		for i < len(src) && (isHexDigit(src[i]) || src[i] == '_') {
			i++
		}
		if i == j {
			return illegal(errHexNumber, i)
		}
	} else {
		if src[i] == '0' && i+1 < len(src) && isDigit(src[i+1]) {
			return illegal(errOctal, start+1)
		}
		for i < len(src) && (isDigit(src[i]) || src[i] == '_') {
			i++
		}
		if i < len(src) && src[i] == '.' && i+1 < len(src) && isDigit(src[i+1]) {
			i++
			for i < len(src) && (isDigit(src[i]) || src[i] == '_') {
				i++
			}
		}
		if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
			j := i + 1
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
			if j < len(src) && isDigit(src[j]) {
				i = j
				for i < len(src) && (isDigit(src[i]) || src[i] == '_') {
					i++
				}
			}
		}
	}
	if i < len(src) && (isIdentStart(src[i]) || isDigit(src[i])) {
		return illegal(errNumberEnd, i+1)
	}
	l.pos = i
	return token{kind: tNumber, start: int32(start), end: int32(i)}
}

// string scans a quoted string literal. solc's Yul scanner rejects control
// characters and non-ASCII bytes in (non-unicode) string literals.
func (l *lexer) string(start int) token {
	src := l.src
	quote := src[start]
	i := start + 1
	for i < len(src) {
		c := src[i]
		if c == quote {
			l.pos = i + 1
			return token{kind: tString, start: int32(start), end: int32(i + 1)}
		}
		if c == '\\' {
			n, ok := escapeLen(src, i)
			if !ok {
				l.pos = i + 1
				if l.pos < len(src) {
					l.pos++
				}
				return token{kind: tIllegal, err: errEscape, start: int32(start), end: int32(l.pos)}
			}
			i += n
			continue
		}
		if c <= 0x1f || c >= 0x7f {
			if c == '\n' || c == '\r' {
				l.pos = i
				return token{kind: tIllegal, err: errStringEndQuote, start: int32(start), end: int32(i)}
			}
			l.pos = i + 1
			return token{kind: tIllegal, err: errCharInString, start: int32(start), end: int32(i + 1)}
		}
		i++
	}
	l.pos = i
	return token{kind: tIllegal, err: errStringEndQuote, start: int32(start), end: int32(i)}
}

// escapeLen returns the length of the escape sequence at src[i] ('\\').
func escapeLen(src string, i int) (int, bool) {
	if i+1 >= len(src) {
		return 0, false
	}
	switch src[i+1] {
	case '\'', '"', '\\', 'n', 'r', 't':
		return 2, true
	case 'x':
		if i+3 < len(src) && isHexDigit(src[i+2]) && isHexDigit(src[i+3]) {
			return 4, true
		}
	case 'u':
		if i+5 < len(src) && isHexDigit(src[i+2]) && isHexDigit(src[i+3]) &&
			isHexDigit(src[i+4]) && isHexDigit(src[i+5]) {
			return 6, true
		}
	}
	return 0, false
}

// hexString scans hex"…" (start is the 'h'): pairs of hex digits, optionally
// separated by single underscores between pairs.
func (l *lexer) hexString(start int) token {
	src := l.src
	quote := src[start+3]
	i := start + 4
	illegal := func(end int) token {
		l.pos = end
		return token{kind: tIllegal, err: errHexString, start: int32(start), end: int32(end)}
	}
	for {
		if i >= len(src) {
			return illegal(i)
		}
		c := src[i]
		if c == quote {
			l.pos = i + 1
			return token{kind: tHexString, start: int32(start), end: int32(i + 1)}
		}
		if c == '_' && i > start+4 && src[i-1] != '_' && i+1 < len(src) && src[i+1] != quote {
			i++
			continue
		}
		if !isHexDigit(c) {
			return illegal(i)
		}
		if i+1 >= len(src) || !isHexDigit(src[i+1]) {
			// An odd number of nibbles: solc's token ends before the lone one.
			return illegal(i)
		}
		i += 2
	}
}

// decodeString decodes the body of a string token (quotes included) that
// the lexer accepted.
func decodeString(raw string) string {
	body := raw[1 : len(raw)-1]
	if !containsByte(body, '\\') {
		return body
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		switch body[i] {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'x':
			out = append(out, hexVal(body[i+1])<<4|hexVal(body[i+2]))
			i += 2
		case 'u':
			r := rune(hexVal(body[i+1]))<<12 | rune(hexVal(body[i+2]))<<8 |
				rune(hexVal(body[i+3]))<<4 | rune(hexVal(body[i+4]))
			out = appendUTF8(out, r)
			i += 4
		default: // ' " \
			out = append(out, body[i])
		}
	}
	return string(out)
}

// appendUTF8 appends r encoded as UTF-8 (as solc's addUnicodeAsUTF8 does,
// surrogates included).
func appendUTF8(b []byte, r rune) []byte {
	switch {
	case r <= 0x7f:
		return append(b, byte(r))
	case r <= 0x7ff:
		return append(b, 0xc0|byte(r>>6), 0x80|byte(r&0x3f))
	default:
		return append(b, 0xe0|byte(r>>12), 0x80|byte(r>>6&0x3f), 0x80|byte(r&0x3f))
	}
}

// decodeHexString decodes a hex"…" token the lexer accepted.
func decodeHexString(raw string) string {
	body := raw[4 : len(raw)-1]
	out := make([]byte, 0, len(body)/2)
	for i := 0; i < len(body); i++ {
		if body[i] == '_' {
			continue
		}
		out = append(out, hexVal(body[i])<<4|hexVal(body[i+1]))
		i++
	}
	return string(out)
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
