package abi

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Value is one ABI value of Type.
//
//   - Uint, Int: Int (always set, in range of the type)
//   - Bool: Bool
//   - Address (20 bytes), FixedBytes (Size bytes), Function (24 bytes),
//     Bytes, String: Bytes
//   - Array, Slice, Tuple: Elems
type Value struct {
	Type  Type
	Int   *big.Int
	Bool  bool
	Bytes []byte
	Elems []Value
}

// String prints v readably: numbers in decimal, addresses and bytes in hex,
// strings quoted, arrays as [a, b], tuples as (a, b).
func (v Value) String() string {
	var b strings.Builder
	v.format(&b)
	return b.String()
}

func (v Value) format(b *strings.Builder) {
	switch v.Type.Kind {
	case Uint, Int:
		if v.Int == nil {
			b.WriteString("0")
			return
		}
		b.WriteString(v.Int.String())
	case Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case Address, FixedBytes, Function, Bytes:
		b.WriteString("0x")
		b.WriteString(hex.EncodeToString(v.Bytes))
	case String:
		b.WriteString(strconv.Quote(string(v.Bytes)))
	case Array, Slice, Tuple:
		open, close := "[", "]"
		if v.Type.Kind == Tuple {
			open, close = "(", ")"
		}
		b.WriteString(open)
		for i, e := range v.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			e.format(b)
		}
		b.WriteString(close)
	}
}

// FormatValues prints a list of values separated by ", ".
func FormatValues(vs []Value) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	return strings.Join(parts, ", ")
}

// ParseValue reads a value of type t written as on soll's command line:
// decimal or 0x-hex numbers (negative for intN), true/false, 0x addresses,
// 0x hex for bytes and bytesN, strings (bare, or quoted with Go escapes),
// arrays as [1,2,3] and tuples as (1,true), nested as needed.
func ParseValue(t Type, s string) (Value, error) {
	s = strings.TrimSpace(s)
	switch t.Kind {
	case Uint, Int:
		n, err := parseNumber(s)
		if err != nil {
			return Value{}, err
		}
		if !fitsInt(t, n) {
			return Value{}, fmt.Errorf("abi: %s does not fit in %s", s, t)
		}
		return Value{Type: t, Int: n}, nil
	case Bool:
		switch s {
		case "true":
			return Value{Type: t, Bool: true}, nil
		case "false":
			return Value{Type: t, Bool: false}, nil
		}
		return Value{}, fmt.Errorf("abi: %q is not a bool (true or false)", s)
	case Address, Function, FixedBytes:
		want := 20
		if t.Kind == Function {
			want = 24
		} else if t.Kind == FixedBytes {
			want = t.Size
		}
		b, err := parseHex(s)
		if err != nil {
			return Value{}, err
		}
		if t.Kind == FixedBytes && len(b) < want {
			// bytesN literals may be shorter; they are padded on the right.
			b = append(b, make([]byte, want-len(b))...)
		}
		if len(b) != want {
			return Value{}, fmt.Errorf("abi: %s needs %d bytes, %q has %d", t, want, s, len(b))
		}
		return Value{Type: t, Bytes: b}, nil
	case Bytes:
		if strings.HasPrefix(s, `"`) {
			str, err := strconv.Unquote(s)
			if err != nil {
				return Value{}, fmt.Errorf("abi: bad quoted bytes %s: %v", s, err)
			}
			return Value{Type: t, Bytes: []byte(str)}, nil
		}
		b, err := parseHex(s)
		if err != nil {
			return Value{}, err
		}
		return Value{Type: t, Bytes: b}, nil
	case String:
		if strings.HasPrefix(s, `"`) {
			str, err := strconv.Unquote(s)
			if err != nil {
				return Value{}, fmt.Errorf("abi: bad quoted string %s: %v", s, err)
			}
			s = str
		}
		return Value{Type: t, Bytes: []byte(s)}, nil
	case Array, Slice:
		items, err := splitList(s, '[', ']')
		if err != nil {
			return Value{}, err
		}
		if t.Kind == Array && len(items) != t.Len {
			return Value{}, fmt.Errorf("abi: %s needs %d elements, %q has %d", t, t.Len, s, len(items))
		}
		v := Value{Type: t, Elems: make([]Value, len(items))}
		for i, it := range items {
			if v.Elems[i], err = ParseValue(*t.Elem, it); err != nil {
				return Value{}, err
			}
		}
		return v, nil
	case Tuple:
		items, err := splitList(s, '(', ')')
		if err != nil {
			return Value{}, err
		}
		if len(items) != len(t.Components) {
			return Value{}, fmt.Errorf("abi: %s needs %d components, %q has %d", t, len(t.Components), s, len(items))
		}
		v := Value{Type: t, Elems: make([]Value, len(items))}
		for i, it := range items {
			if v.Elems[i], err = ParseValue(t.Components[i], it); err != nil {
				return Value{}, err
			}
		}
		return v, nil
	}
	return Value{}, fmt.Errorf("abi: cannot parse values of type %s", t)
}

// ParseValues reads one argument per type.
func ParseValues(types []Type, args []string) ([]Value, error) {
	if len(args) != len(types) {
		return nil, fmt.Errorf("abi: %d arguments given, %d expected", len(args), len(types))
	}
	vs := make([]Value, len(args))
	for i, a := range args {
		v, err := ParseValue(types[i], a)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		vs[i] = v
	}
	return vs, nil
}

func parseNumber(s string) (*big.Int, error) {
	neg := false
	body := s
	if strings.HasPrefix(body, "-") {
		neg = true
		body = body[1:]
	}
	n := new(big.Int)
	ok := false
	switch {
	case strings.HasPrefix(body, "0x") || strings.HasPrefix(body, "0X"):
		if len(body) > 2 && !strings.HasPrefix(body[2:], "+") && !strings.HasPrefix(body[2:], "-") {
			_, ok = n.SetString(body[2:], 16)
		}
	case body != "" && body[0] >= '0' && body[0] <= '9':
		if mant, exp, found := strings.Cut(body, "e"); found {
			// 1e18, 15e17: integers in scientific notation.
			e, err := strconv.Atoi(exp)
			if err == nil && e >= 0 && e <= 77 {
				if _, ok = n.SetString(mant, 10); ok {
					n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
				}
			}
		} else {
			_, ok = n.SetString(body, 10)
		}
	}
	if !ok || strings.ContainsAny(body, "_") {
		return nil, fmt.Errorf("abi: %q is not a number", s)
	}
	if neg {
		n.Neg(n)
	}
	return n, nil
}

func fitsInt(t Type, n *big.Int) bool {
	if t.Kind == Uint {
		return n.Sign() >= 0 && n.BitLen() <= t.Size
	}
	lim := new(big.Int).Lsh(big.NewInt(1), uint(t.Size-1))
	if n.Sign() >= 0 {
		return n.Cmp(lim) < 0
	}
	return new(big.Int).Neg(n).Cmp(lim) <= 0
}

func parseHex(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, fmt.Errorf("abi: %q is not 0x-prefixed hex", s)
	}
	h := s[2:]
	if len(h)%2 == 1 {
		return nil, fmt.Errorf("abi: %q has an odd number of hex digits", s)
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("abi: %q is not hex", s)
	}
	return b, nil
}

// splitList splits "[a, (b,c), "d,e"]" into its top-level items.
func splitList(s string, open, close byte) ([]string, error) {
	if len(s) < 2 || s[0] != open || s[len(s)-1] != close {
		return nil, fmt.Errorf("abi: %q is not enclosed in %c%c", s, open, close)
	}
	inner := strings.TrimSpace(s[1 : len(s)-1])
	if inner == "" {
		return nil, nil
	}
	var items []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		if inQuote {
			if c == '\\' {
				i++
			} else if c == '"' {
				inQuote = false
			}
			continue
		}
		switch c {
		case '"':
			inQuote = true
		case '[', '(':
			depth++
		case ']', ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("abi: unbalanced %q", s)
			}
		case ',':
			if depth == 0 {
				items = append(items, strings.TrimSpace(inner[start:i]))
				start = i + 1
			}
		}
	}
	if depth != 0 || inQuote {
		return nil, fmt.Errorf("abi: unbalanced %q", s)
	}
	return append(items, strings.TrimSpace(inner[start:])), nil
}
