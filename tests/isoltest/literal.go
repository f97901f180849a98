package isoltest

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// LitKind is the kind of an expectation literal; it also decides how the
// bytes we got are printed back in a report.
type LitKind int

const (
	LitDec       LitKind = iota // 123
	LitSignedDec                // -5
	LitHex                      // 0x1234
	LitHexString                // hex"4e487b71" (unpadded)
	LitString                   // "abc"
	LitBool                     // true, false
	LitFailure                  // FAILURE
)

// Align is the alignment a literal asked for with left(…)/right(…).
type Align int

const (
	AlignNone Align = iota
	AlignLeft
	AlignRight
)

// Literal is one argument or result literal.
type Literal struct {
	Kind  LitKind
	Align Align
	// Text is the literal as written (normalised spacing).
	Text string
	// Bytes is what the literal stands for (README "Literals").
	Bytes []byte
	// compact is the value before alignment (minimal big-endian bytes for
	// numbers, one byte for bools).
	compact []byte
}

var two256 = new(big.Int).Lsh(big.NewInt(1), 256)

func aligned(b []byte, a Align) ([]byte, error) {
	if len(b) > 32 {
		return nil, fmt.Errorf("literal of %d bytes does not fit in a word", len(b))
	}
	w := make([]byte, 32)
	if a == AlignLeft {
		copy(w, b)
	} else {
		copy(w[32-len(b):], b)
	}
	return w, nil
}

// numberLiteral: a decimal number (optionally with a point, which is
// dropped) as a right-aligned word; negative numbers in two's complement.
func numberLiteral(text string, neg bool) (Literal, error) {
	digits := strings.Replace(text, ".", "", 1)
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok || strings.Contains(digits, ".") {
		return Literal{}, fmt.Errorf("bad number %q", text)
	}
	kind := LitDec
	if neg {
		kind = LitSignedDec
		if n.Cmp(new(big.Int).Rsh(two256, 1)) > 0 {
			return Literal{}, fmt.Errorf("-%s does not fit in 256 bits", text)
		}
		n.Neg(n)
		if n.Sign() < 0 {
			n.Add(n, two256)
		}
		text = "-" + text
	}
	if n.BitLen() > 256 {
		return Literal{}, fmt.Errorf("%s does not fit in 256 bits", text)
	}
	l := Literal{Kind: kind, Text: text, compact: n.Bytes()}
	var err error
	l.Bytes, err = aligned(l.compact, AlignRight)
	return l, err
}

// fromHex decodes hex digits; an odd count gets a leading zero nibble (as
// solc's fromHex does).
func fromHex(digits string) ([]byte, error) {
	if len(digits)%2 == 1 {
		digits = "0" + digits
	}
	b, err := hex.DecodeString(digits)
	if err != nil {
		return nil, fmt.Errorf("bad hex %q", digits)
	}
	return b, nil
}

func hexNumberLiteral(text string) (Literal, error) {
	b, err := fromHex(text[2:])
	if err != nil {
		return Literal{}, err
	}
	l := Literal{Kind: LitHex, Text: text, compact: b}
	l.Bytes, err = aligned(b, AlignRight)
	return l, err
}

func hexStringLiteral(body string) (Literal, error) {
	b, err := fromHex(strings.ReplaceAll(body, "_", ""))
	if err != nil {
		return Literal{}, err
	}
	return Literal{Kind: LitHexString, Text: `hex"` + body + `"`, Bytes: b, compact: b}, nil
}

func boolLiteral(v bool) Literal {
	l := Literal{Kind: LitBool, Text: strconv.FormatBool(v), compact: []byte{0}}
	if v {
		l.compact = []byte{1}
	}
	l.Bytes, _ = aligned(l.compact, AlignRight)
	return l
}

// stringLiteral: the characters at the left of one word; escapes \n \r \t
// \0 \\ \" \' \xNN.
func stringLiteral(body string) (Literal, error) {
	b, err := unescape(body)
	if err != nil {
		return Literal{}, err
	}
	l := Literal{Kind: LitString, Text: `"` + body + `"`, compact: b}
	if len(b) > 32 {
		return Literal{}, fmt.Errorf("string literal %q longer than 32 bytes", body)
	}
	l.Bytes, _ = aligned(b, AlignLeft)
	return l, nil
}

func unescape(s string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(s) {
			return nil, fmt.Errorf("string ends in a backslash")
		}
		switch s[i] {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case '0':
			out = append(out, 0)
		case '\\', '"', '\'':
			out = append(out, s[i])
		case 'x':
			if i+3 > len(s) {
				return nil, fmt.Errorf("short \\x escape")
			}
			b, err := hex.DecodeString(s[i+1 : i+3])
			if err != nil {
				return nil, fmt.Errorf("bad \\x escape %q", s[i-1:i+3])
			}
			out = append(out, b[0])
			i += 2
		default:
			return nil, fmt.Errorf("unknown escape \\%c", s[i])
		}
	}
	return out, nil
}

// ParseLiterals parses a comma-separated list of literals written as in
// expectations ("1, -2, hex\"00\", left(0x01)").
func ParseLiterals(s string) ([]Literal, error) {
	toks, err := lexExpectations([]string{"// " + s}, 1)
	if err != nil {
		return nil, err
	}
	p := &exParser{toks: toks}
	p.next()
	ls, err := p.literals(false)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, fmt.Errorf("unexpected %s after literals", describe(t))
	}
	return ls, nil
}
