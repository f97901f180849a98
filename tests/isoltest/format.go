package isoltest

import (
	"encoding/hex"
	"math/big"
	"strings"

	"github.com/soll-dev/soll/abi"
)

// FormatBytes prints data as a list of isoltest literals. When the sizes of
// the expected literals add up to len(data), each piece is printed in the
// style of the literal it is compared with (decimal, hex, string, bool,
// hex"…", left(…)), so that expected and actual lines read alike; otherwise
// words are printed in decimal (small values) or hex.
func FormatBytes(data []byte, expected []Literal) string {
	var parts []string
	total := 0
	for _, l := range expected {
		total += len(l.Bytes)
	}
	if total == len(data) && len(expected) > 0 {
		at := 0
		for _, l := range expected {
			parts = append(parts, formatAs(data[at:at+len(l.Bytes)], l))
			at += len(l.Bytes)
		}
		return strings.Join(parts, ", ")
	}
	return formatDefault(data, false)
}

// formatDefault prints data as words; with selector, a leading 4-byte
// selector (revert data) is printed as hex"…" first.
func formatDefault(data []byte, selector bool) string {
	var parts []string
	if selector && len(data)%32 == 4 {
		parts = append(parts, `hex"`+hex.EncodeToString(data[:4])+`"`)
		data = data[4:]
	}
	for len(data) >= 32 {
		w := data[:32]
		data = data[32:]
		n := new(big.Int).SetBytes(w)
		if n.BitLen() <= 64 {
			parts = append(parts, n.String())
		} else {
			parts = append(parts, hexWord(w))
		}
	}
	if len(data) > 0 {
		parts = append(parts, `hex"`+hex.EncodeToString(data)+`"`)
	}
	return strings.Join(parts, ", ")
}

// formatRevertData prints revert data as isoltest writes it:
// `hex"4e487b71", 0x11` for a Panic, `hex"08c379a0", 0x20, 5, "hello"` for
// an Error, words otherwise.
func formatRevertData(data []byte) string {
	r := abi.DecodeRevert(data)
	switch r.Kind {
	case "Panic":
		return `hex"4e487b71", ` + hexWord(data[4:36])
	case "Error":
		parts := []string{`hex"08c379a0"`, hexWord(data[4:36]), new(big.Int).SetBytes(data[36:68]).String()}
		for i := 68; i+32 <= len(data); i += 32 {
			w := data[i : i+32]
			if s, ok := printableString(w); ok {
				parts = append(parts, s)
			} else {
				parts = append(parts, hexWord(w))
			}
		}
		if rest := (len(data) - 68) % 32; rest != 0 {
			parts = append(parts, `hex"`+hex.EncodeToString(data[len(data)-rest:])+`"`)
		}
		return strings.Join(parts, ", ")
	}
	return formatDefault(data, true)
}

func formatAs(chunk []byte, l Literal) string {
	if l.Kind == LitHexString || len(chunk) != 32 {
		return `hex"` + hex.EncodeToString(chunk) + `"`
	}
	switch l.Align {
	case AlignLeft:
		trimmed := strings.TrimRight(hex.EncodeToString(chunk), "0")
		if len(trimmed)%2 == 1 {
			trimmed += "0"
		}
		if trimmed == "" {
			trimmed = "00"
		}
		return "left(0x" + trimmed + ")"
	case AlignRight:
		return "right(" + formatWord(chunk, l.Kind) + ")"
	}
	return formatWord(chunk, l.Kind)
}

func formatWord(w []byte, kind LitKind) string {
	n := new(big.Int).SetBytes(w)
	switch kind {
	case LitDec:
		return n.String()
	case LitSignedDec:
		if w[0]&0x80 != 0 {
			n.Sub(n, two256)
		}
		return n.String()
	case LitBool:
		switch n.Int64() {
		case 0:
			if n.Sign() == 0 {
				return "false"
			}
		case 1:
			if n.IsInt64() {
				return "true"
			}
		}
	case LitString:
		if s, ok := printableString(w); ok {
			return s
		}
	}
	return hexWord(w)
}

// hexWord prints a word as 0x followed by its bytes without leading zero
// bytes, at least one byte: 0x00, 0x05, 0x0100.
func hexWord(w []byte) string {
	i := 0
	for i < len(w)-1 && w[i] == 0 {
		i++
	}
	return "0x" + hex.EncodeToString(w[i:])
}

// printableString prints w as a "…" literal when the bytes up to the first
// zero byte are non-empty printable ASCII; trailing zero bytes are dropped.
func printableString(w []byte) (string, bool) {
	end := len(w)
	for end > 0 && w[end-1] == 0 {
		end--
	}
	lead := 0
	for lead < end && w[lead] != 0 {
		if w[lead] < 0x20 || w[lead] > 0x7e {
			return "", false
		}
		lead++
	}
	if lead == 0 {
		return "", false
	}
	return quote(w[:end]), true
}

// quote writes b as a string literal with isoltest's escapes.
func quote(b []byte) string {
	var s strings.Builder
	s.WriteByte('"')
	for _, c := range b {
		switch {
		case c == 0:
			s.WriteString(`\0`)
		case c == '\n':
			s.WriteString(`\n`)
		case c == '"' || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c >= 0x20 && c <= 0x7e:
			s.WriteByte(c)
		default:
			s.WriteString(`\x` + hex.EncodeToString([]byte{c}))
		}
	}
	s.WriteByte('"')
	return s.String()
}

// FormatEventWord prints one 32-byte topic or data word of a log as the
// corpus README's "Side effects" section says: a string if it reads as
// one, else true/false for a bool parameter, else hex.
func FormatEventWord(w []byte, typ string) string {
	if s, ok := printableString(w); ok {
		return s
	}
	if typ == "bool" {
		n := new(big.Int).SetBytes(w)
		if n.Sign() == 0 {
			return "false"
		}
		if n.BitLen() == 1 {
			return "true"
		}
	}
	return hexWord(w)
}
