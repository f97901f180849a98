package solidity

// The lexer is a hand-written scanner over the source bytes that follows
// solc's Scanner (liblangutil/Scanner.cpp) rule by rule, so that token
// boundaries, the extent of illegal tokens and the scanner's error messages
// are solc's. It does not allocate: tokens are byte ranges into the source,
// and literal values are decoded by the parser only when it builds a node.

// scanError says why a token is Illegal (solc's ScannerError).
type scanError uint8

const (
	noScanError scanError = iota
	errIllegalToken
	errIllegalHexString
	errIllegalHexDigit
	errIllegalCommentTerminator
	errIllegalEscapeSequence
	errUnicodeInNonUnicodeString
	errIllegalStringEndQuote
	errIllegalNumberSeparator
	errIllegalExponent
	errIllegalNumberEnd
	errOctalNotAllowed
	errDirectionalOverrideUnderflow
	errDirectionalOverrideMismatch
)

var scanErrorText = [...]string{
	noScanError:                     "No error.",
	errIllegalToken:                 "Invalid token.",
	errIllegalHexString:             "Expected even number of hex-nibbles.",
	errIllegalHexDigit:              "Hexadecimal digit missing or invalid.",
	errIllegalCommentTerminator:     "Expected multi-line comment-terminator.",
	errIllegalEscapeSequence:        "Invalid escape sequence.",
	errUnicodeInNonUnicodeString:    "Invalid character in string. If you are trying to use Unicode characters, use a unicode\"...\" string literal.",
	errIllegalStringEndQuote:        "Expected string end-quote.",
	errIllegalNumberSeparator:       "Invalid use of number separator '_'.",
	errIllegalExponent:              "Invalid exponent.",
	errIllegalNumberEnd:             "Identifier-start is not allowed at end of a number.",
	errOctalNotAllowed:              "Octal numbers not allowed.",
	errDirectionalOverrideUnderflow: "Unicode direction override underflow in comment or string literal.",
	errDirectionalOverrideMismatch:  "Mismatching directional override markers in comment or string literal.",
}

func (e scanError) String() string { return scanErrorText[e] }

// token is one scanned token: its kind and byte range, the sizes of a
// sized elementary type name (uint8: m=8; fixed128x18: m=128, n=18), the
// scanner error of an Illegal token, and the range of the documentation
// comment (`///` or `/** */`) right before it (docStart < 0: none).
type token struct {
	kind             Token
	err              scanError
	m, n             uint16
	start, end       int32
	docStart, docEnd int32
}

type lexer struct {
	src string
	pos int
	// experimental selects the scanner of experimental Solidity: fewer
	// keywords, and ".5" is not a number.
	experimental bool
}

// at returns the byte at i, or 0 past the end (solc's CharStream yields 0
// there too; isPast tells the two apart).
func (l *lexer) at(i int) byte {
	if i < len(l.src) {
		return l.src[i]
	}
	return 0
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isWhite(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isUnicodeLinebreak reports a line break at i: LF, VT, FF, CR, NEL (C2 85),
// LS (E2 80 A8) or PS (E2 80 A9).
func (l *lexer) isUnicodeLinebreak(i int) bool {
	if i >= len(l.src) {
		return false
	}
	c := l.src[i]
	if c >= 0x0a && c <= 0x0d {
		return true
	}
	if c == 0xc2 {
		return i+1 < len(l.src) && l.src[i+1] == 0x85
	}
	if c == 0xe2 {
		return i+2 < len(l.src) && l.src[i+1] == 0x80 && (l.src[i+2] == 0xa8 || l.src[i+2] == 0xa9)
	}
	return false
}

// next scans the token at the current position, skipping white space and
// comments. A documentation comment is remembered on the token after it.
func (l *lexer) next() token {
	t := token{docStart: -1, docEnd: -1}
	src := l.src
	for {
		start := l.pos
		if start >= len(src) {
			t.kind, t.start, t.end = EOS, int32(start), int32(start)
			return t
		}
		c := src[start]
		if isWhite(c) {
			l.pos++
			for l.pos < len(src) && isWhite(src[l.pos]) {
				l.pos++
			}
			continue
		}
		if c == '/' {
			kind, err, isDoc, docEnd := l.slash()
			if kind == Illegal {
				t.kind, t.err, t.start, t.end = Illegal, err, int32(start), int32(l.pos)
				return t
			}
			if kind == CommentLiteral {
				if isDoc {
					t.docStart, t.docEnd = int32(start), int32(docEnd)
				}
				continue
			}
			t.kind, t.start, t.end = kind, int32(start), int32(l.pos)
			return t
		}
		t.start = int32(start)
		t.kind = l.scanToken(&t)
		t.end = int32(l.pos)
		return t
	}
}

// slash scans what starts with '/': a comment (kind CommentLiteral, isDoc
// for a documentation comment ending at docEnd), '/=', '/', or an Illegal
// token for a broken comment.
func (l *lexer) slash() (kind Token, err scanError, isDoc bool, docEnd int) {
	src := l.src
	first := l.pos
	l.pos++
	switch l.at(l.pos) {
	case '/':
		l.pos++
		if l.pos >= len(src) {
			return CommentLiteral, 0, false, 0
		}
		if src[l.pos] == '/' {
			l.pos++
			if l.at(l.pos) == '/' && l.pos < len(src) {
				return l.skipLineComment(l.pos)
			}
			end := l.lineDocComment()
			if e := bidiCheck(src[first:l.pos]); e != noScanError {
				return Illegal, e, false, 0
			}
			return CommentLiteral, 0, true, end
		}
		return l.skipLineComment(l.pos)
	case '*':
		l.pos++
		if l.pos >= len(src) {
			return Illegal, errIllegalCommentTerminator, false, 0
		}
		if src[l.pos] == '*' {
			l.pos++
			if l.at(l.pos) == '/' && l.pos < len(src) {
				l.pos++ // "/**/"
				return CommentLiteral, 0, false, 0
			}
			if l.at(l.pos) == '*' && l.pos < len(src) {
				return l.skipBlockComment(l.pos)
			}
			// A documentation comment `/** … */`.
			for l.pos < len(src) {
				if src[l.pos] == '*' && l.pos+1 < len(src) && src[l.pos+1] == '/' {
					l.pos += 2
					if e := bidiCheck(src[first:l.pos]); e != noScanError {
						return Illegal, e, false, 0
					}
					return CommentLiteral, 0, true, l.pos
				}
				l.pos++
			}
			return Illegal, errIllegalCommentTerminator, false, 0
		}
		return l.skipBlockComment(l.pos)
	case '=':
		l.pos++
		return AssignDiv, 0, false, 0
	}
	return Div, 0, false, 0
}

// skipLineComment skips a `//` comment whose text starts at from, up to
// (not including) the line break.
func (l *lexer) skipLineComment(from int) (Token, scanError, bool, int) {
	for l.pos < len(l.src) && !l.isUnicodeLinebreak(l.pos) {
		l.pos++
	}
	if e := bidiCheck(l.src[from:l.pos]); e != noScanError {
		return Illegal, e, false, 0
	}
	return CommentLiteral, 0, false, 0
}

// skipBlockComment skips a `/* … */` comment whose text starts at from.
func (l *lexer) skipBlockComment(from int) (Token, scanError, bool, int) {
	src := l.src
	// solc looks for "*/" starting with the character at from (so "/*/"
	// does not end the comment).
	for i := from; i+1 < len(src); i++ {
		if src[i] == '*' && src[i+1] == '/' {
			l.pos = i + 2
			if e := bidiCheck(src[from : i+1]); e != noScanError {
				l.pos = i + 1
				return Illegal, e, false, 0
			}
			return CommentLiteral, 0, false, 0
		}
	}
	l.pos = len(src)
	return Illegal, errIllegalCommentTerminator, false, 0
}

// lineDocComment scans the rest of a `///` comment and of the `///` lines
// directly below it (solc's scanSingleLineDocComment). It returns the end
// of the comment; the lexer stops at the line break after it.
func (l *lexer) lineDocComment() int {
	src := l.src
	for {
		for l.pos < len(src) && !l.isUnicodeLinebreak(l.pos) {
			l.pos++
		}
		end := l.pos
		if l.pos >= len(src) || (src[l.pos] != '\n' && src[l.pos] != '\r') {
			return end
		}
		// A following line that starts (after blanks) with exactly "///"
		// continues the comment.
		i := l.pos + 1
		if src[l.pos] == '\r' && i < len(src) && src[i] == '\n' {
			i++
		}
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i+2 < len(src) && src[i] == '/' && src[i+1] == '/' && src[i+2] == '/' && (i+3 >= len(src) || src[i+3] != '/') {
			l.pos = i + 3
			continue
		}
		return end
	}
}

// bidiCheck validates Unicode directional formatting in a comment or a
// unicode string literal (solc's validateBiDiMarkup): every override or
// isolate must be closed, and none closed more often than opened.
func bidiCheck(s string) scanError {
	depth := 0
	seen := false
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xe2 {
			continue
		}
		b1, b2 := s[i+1], s[i+2]
		switch {
		case b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae && b2 != 0xac,
			b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa8:
			depth++
			seen = true
		case b1 == 0x80 && b2 == 0xac, b1 == 0x81 && b2 == 0xa9:
			depth--
			seen = true
			if depth < 0 {
				return errDirectionalOverrideUnderflow
			}
		}
	}
	if seen && depth > 0 {
		return errDirectionalOverrideMismatch
	}
	return noScanError
}

// scanToken scans a token that is not white space or a comment.
func (l *lexer) scanToken(t *token) Token {
	src := l.src
	c := src[l.pos]
	// one, two: the token ends after 1 or 2 characters.
	one := func(k Token) Token { l.pos++; return k }
	two := func(k Token) Token { l.pos += 2; return k }
	c1 := l.at(l.pos + 1)
	switch c {
	case '"', '\'':
		return l.string(false, t)
	case '<':
		switch c1 {
		case '=':
			return two(LessThanOrEqual)
		case '<':
			if l.at(l.pos+2) == '=' {
				l.pos += 3
				return AssignShl
			}
			return two(SHL)
		}
		return one(LessThan)
	case '>':
		switch c1 {
		case '=':
			return two(GreaterThanOrEqual)
		case '>':
			switch l.at(l.pos + 2) {
			case '=':
				l.pos += 3
				return AssignSar
			case '>':
				if l.at(l.pos+3) == '=' {
					l.pos += 4
					return AssignShr
				}
				l.pos += 3
				return SHR
			}
			return two(SAR)
		}
		return one(GreaterThan)
	case '=':
		switch c1 {
		case '=':
			return two(Equal)
		case '>':
			return two(DoubleArrow)
		}
		return one(Assign)
	case '!':
		if c1 == '=' {
			return two(NotEqual)
		}
		return one(Not)
	case '+':
		switch c1 {
		case '+':
			return two(Inc)
		case '=':
			return two(AssignAdd)
		}
		return one(Add)
	case '-':
		switch c1 {
		case '-':
			return two(Dec)
		case '=':
			return two(AssignSub)
		case '>':
			return two(RightArrow)
		}
		return one(Sub)
	case '*':
		switch c1 {
		case '*':
			return two(Exp)
		case '=':
			return two(AssignMul)
		}
		return one(Mul)
	case '%':
		if c1 == '=' {
			return two(AssignMod)
		}
		return one(Mod)
	case '&':
		switch c1 {
		case '&':
			return two(And)
		case '=':
			return two(AssignBitAnd)
		}
		return one(BitAnd)
	case '|':
		switch c1 {
		case '|':
			return two(Or)
		case '=':
			return two(AssignBitOr)
		}
		return one(BitOr)
	case '^':
		if c1 == '=' {
			return two(AssignBitXor)
		}
		return one(BitXor)
	case '.':
		if isDigit(c1) && !l.experimental {
			return l.number(t)
		}
		return one(Period)
	case ':':
		if c1 == '=' {
			return two(AssemblyAssign)
		}
		return one(Colon)
	case ';':
		return one(Semicolon)
	case ',':
		return one(Comma)
	case '(':
		return one(LParen)
	case ')':
		return one(RParen)
	case '[':
		return one(LBrack)
	case ']':
		return one(RBrack)
	case '{':
		return one(LBrace)
	case '}':
		return one(RBrace)
	case '?':
		return one(Conditional)
	case '~':
		return one(BitNot)
	}
	if isIdentStart(c) {
		return l.identifier(t)
	}
	if isDigit(c) {
		return l.number(t)
	}
	// solc's selectErrorToken: the illegal character (one byte) is consumed.
	l.pos++
	t.err = errIllegalToken
	return Illegal
}

// identifier scans an identifier, keyword or sized type name, and the
// hex"…" and unicode"…" literals.
func (l *lexer) identifier(t *token) Token {
	src := l.src
	start := l.pos
	l.pos++
	for l.pos < len(src) && isIdentPart(src[l.pos]) {
		l.pos++
	}
	word := src[start:l.pos]
	k, m, n := identifierOrKeyword(word)
	if l.experimental {
		if k != Identifier && !k.isExperimentalKeyword() {
			k, m, n = Identifier, 0, 0
		}
	} else if k.IsExperimentalOnlyKeyword() {
		k = Identifier
	}
	switch k {
	case Hex:
		if q := l.at(l.pos); (q == '"' || q == '\'') && l.pos < len(src) {
			return l.hexString(t)
		}
		t.err = errIllegalToken
		return Illegal
	case Unicode:
		if q := l.at(l.pos); (q == '"' || q == '\'') && l.pos < len(src) {
			return l.string(true, t)
		}
		t.err = errIllegalToken
		return Illegal
	}
	t.m, t.n = m, n
	return k
}

// identifierOrKeyword classifies a word (solc's fromIdentifierOrKeyword):
// bytesM (1..32), uintM/intM (8..256, multiple of 8) and fixedMxN/ufixedMxN
// (M 8..256 multiple of 8, N 0..80), written without leading zeros, are
// sized type names; other words with digits are identifiers.
func identifierOrKeyword(word string) (Token, uint16, uint16) {
	firstDigit := -1
	for i := 0; i < len(word); i++ {
		if isDigit(word[i]) {
			firstDigit = i
			break
		}
	}
	if firstDigit < 0 {
		if k, ok := keywords[word]; ok {
			return k, 0, 0
		}
		return Identifier, 0, 0
	}
	base := word[:firstDigit]
	if base != "bytes" && base != "uint" && base != "int" && base != "fixed" && base != "ufixed" {
		return Identifier, 0, 0
	}
	i := firstDigit
	for i < len(word) && isDigit(word[i]) {
		i++
	}
	m := parseSize(word[firstDigit:i])
	switch base {
	case "bytes":
		if m > 0 && m <= 32 && i == len(word) {
			return BytesM, uint16(m), 0
		}
	case "uint", "int":
		if m > 0 && m <= 256 && m%8 == 0 && i == len(word) {
			if base == "uint" {
				return UIntM, uint16(m), 0
			}
			return IntM, uint16(m), 0
		}
	default:
		if i < len(word) && word[i] == 'x' {
			rest := word[i+1:]
			for j := 0; j < len(rest); j++ {
				if !isDigit(rest[j]) {
					return Identifier, 0, 0
				}
			}
			n := parseSize(rest)
			if m >= 8 && m <= 256 && m%8 == 0 && n >= 0 && n <= 80 {
				if base == "ufixed" {
					return UFixedMxN, uint16(m), uint16(n)
				}
				return FixedMxN, uint16(m), uint16(n)
			}
		}
	}
	return Identifier, 0, 0
}

// parseSize reads the M or N of a sized type name: -1 when empty, with a
// leading zero, or above 2559 (solc stops at 256 and more).
func parseSize(s string) int {
	if len(s) == 0 || len(s) > 1 && s[0] == '0' {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if v >= 256 {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// string scans a string literal whose quote is at the current position
// (after the `unicode` prefix when unicode is set).
func (l *lexer) string(unicode bool, t *token) Token {
	src := l.src
	quote := src[l.pos]
	l.pos++
	textStart := l.pos
	for l.pos < len(src) && src[l.pos] != quote && !l.isUnicodeLinebreak(l.pos) {
		c := src[l.pos]
		l.pos++
		if c == '\\' {
			if l.pos >= len(src) || !l.escape() {
				t.err = errIllegalEscapeSequence
				return Illegal
			}
			continue
		}
		if !unicode && (c <= 0x1f || c >= 0x7f) {
			t.err = errUnicodeInNonUnicodeString
			return Illegal
		}
	}
	if l.pos >= len(src) || src[l.pos] != quote {
		t.err = errIllegalStringEndQuote
		return Illegal
	}
	if unicode {
		if e := bidiCheck(src[textStart:l.pos]); e != noScanError {
			t.err = e
			return Illegal
		}
	}
	l.pos++
	if unicode {
		return UnicodeStringLiteral
	}
	return StringLiteral
}

// escape checks the escape sequence after a backslash (solc's scanEscape);
// it leaves the position where solc's scanner would stop.
func (l *lexer) escape() bool {
	src := l.src
	c := src[l.pos]
	// An escaped line break (\n, \r or \r\n) is skipped.
	if c == '\n' {
		l.pos++
		return true
	}
	if c == '\r' {
		l.pos++
		if l.pos < len(src) && src[l.pos] == '\n' {
			l.pos++
		}
		return true
	}
	l.pos++
	switch c {
	case '\'', '"', '\\', 'n', 'r', 't':
		return true
	case 'u':
		for i := 0; i < 4; i++ {
			if !isHexDigit(l.at(l.pos)) || l.pos >= len(src) {
				l.pos -= i
				return false
			}
			l.pos++
		}
		return true
	case 'x':
		for i := 0; i < 2; i++ {
			if !isHexDigit(l.at(l.pos)) || l.pos >= len(src) {
				l.pos -= i
				return false
			}
			l.pos++
		}
		return true
	}
	return false
}

// hexString scans hex"…" (the quote is at the current position).
func (l *lexer) hexString(t *token) Token {
	src := l.src
	quote := src[l.pos]
	l.pos++
	allowUnderscore := false
	for l.pos < len(src) && src[l.pos] != quote {
		c := src[l.pos]
		if isHexDigit(c) {
			if l.pos+1 < len(src) && isHexDigit(src[l.pos+1]) {
				l.pos += 2
				allowUnderscore = true
				continue
			}
			// solc's scanHexByte rolls back to the first nibble.
			t.err = errIllegalHexString
			return Illegal
		}
		if c == '_' {
			l.pos++
			if !allowUnderscore || l.at(l.pos) == quote && l.pos < len(src) {
				t.err = errIllegalNumberSeparator
				return Illegal
			}
			allowUnderscore = false
			continue
		}
		t.err = errIllegalHexString
		return Illegal
	}
	if l.pos >= len(src) {
		t.err = errIllegalStringEndQuote
		return Illegal
	}
	l.pos++
	return HexStringLiteral
}

// number scans a number literal (solc's scanNumber): decimal with optional
// fraction and exponent, or hex; '_' separators are kept for the syntax
// checker.
func (l *lexer) number(t *token) Token {
	src := l.src
	decimalDigits := func() {
		if l.pos < len(src) && isDigit(src[l.pos]) {
			l.pos++
			for l.pos < len(src) && (isDigit(src[l.pos]) || src[l.pos] == '_') {
				l.pos++
			}
		}
	}
	hex := false
	if src[l.pos] == '.' {
		l.pos++
		decimalDigits()
	} else {
		if src[l.pos] == '0' {
			l.pos++
			if l.at(l.pos) == 'x' {
				hex = true
				l.pos++
				if !isHexDigit(l.at(l.pos)) || l.pos >= len(src) {
					t.err = errIllegalHexDigit
					return Illegal
				}
				for l.pos < len(src) && (isHexDigit(src[l.pos]) || src[l.pos] == '_') {
					l.pos++
				}
			} else if isDigit(l.at(l.pos)) && l.pos < len(src) {
				t.err = errOctalNotAllowed
				return Illegal
			}
		}
		if !hex {
			decimalDigits()
			if l.at(l.pos) == '.' && l.pos < len(src) {
				if l.at(l.pos+1) == '_' && l.pos+1 < len(src) {
					// solc consumes ".", "_" and digits, then looks at the
					// character after the current one.
					l.pos += 2
					decimalDigits()
				}
				if l.pos >= len(src) || !(l.pos+1 < len(src) && isDigit(src[l.pos+1])) {
					return Number
				}
				l.pos++
				decimalDigits()
			}
		}
	}
	if c := l.at(l.pos); (c == 'e' || c == 'E') && l.pos < len(src) {
		if hex {
			t.err = errIllegalExponent
			return Illegal
		}
		if l.at(l.pos+1) == '_' && l.pos+1 < len(src) {
			l.pos += 2
			decimalDigits()
			return Number
		}
		l.pos++
		if c := l.at(l.pos); c == '+' || c == '-' {
			l.pos++
		}
		if !isDigit(l.at(l.pos)) || l.pos >= len(src) {
			t.err = errIllegalExponent
			return Illegal
		}
		decimalDigits()
	}
	if l.pos < len(src) && (isDigit(src[l.pos]) || isIdentStart(src[l.pos])) {
		t.err = errIllegalNumberEnd
		return Illegal
	}
	return Number
}
