// Package abi implements the Solidity contract ABI: canonical types and
// signatures, selectors and event topics, the head/tail encoding and its
// decoding, and the readable forms `soll run` prints.
// (https://docs.soliditylang.org/en/latest/abi-spec.html)
package abi

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/sha3"
)

// Kind is the family of an ABI type.
type Kind int

const (
	Uint       Kind = iota // uint<M>, Size = M bits
	Int                    // int<M>, Size = M bits
	Address                // address
	Bool                   // bool
	FixedBytes             // bytes<M>, Size = M bytes
	Function               // function: address + selector, 24 bytes
	Bytes                  // bytes (dynamic)
	String                 // string (dynamic)
	Array                  // T[k]: Elem, Len
	Slice                  // T[]: Elem
	Tuple                  // (T1,…,Tn): Components
)

// Type is one ABI type.
type Type struct {
	Kind       Kind
	Size       int // bits for Uint/Int, bytes for FixedBytes
	Len        int // element count for Array
	Elem       *Type
	Components []Type
}

// String is the canonical spelling, as used in signatures.
func (t Type) String() string {
	switch t.Kind {
	case Uint:
		return "uint" + strconv.Itoa(t.Size)
	case Int:
		return "int" + strconv.Itoa(t.Size)
	case Address:
		return "address"
	case Bool:
		return "bool"
	case FixedBytes:
		return "bytes" + strconv.Itoa(t.Size)
	case Function:
		return "function"
	case Bytes:
		return "bytes"
	case String:
		return "string"
	case Array:
		return t.Elem.String() + "[" + strconv.Itoa(t.Len) + "]"
	case Slice:
		return t.Elem.String() + "[]"
	case Tuple:
		return "(" + joinTypes(t.Components) + ")"
	}
	return fmt.Sprintf("Kind(%d)", int(t.Kind))
}

func joinTypes(ts []Type) string {
	parts := make([]string, len(ts))
	for i, c := range ts {
		parts[i] = c.String()
	}
	return strings.Join(parts, ",")
}

// IsDynamic reports whether the encoding of t has a variable size (and so
// lives in the tail, reached through an offset in the head).
func (t Type) IsDynamic() bool {
	switch t.Kind {
	case Bytes, String, Slice:
		return true
	case Array:
		return t.Elem.IsDynamic()
	case Tuple:
		for _, c := range t.Components {
			if c.IsDynamic() {
				return true
			}
		}
	}
	return false
}

// HeadSize is the number of bytes t takes in the head of an enclosing
// encoding: 32 for dynamic types (the offset), the full size for static ones.
func (t Type) HeadSize() int {
	if t.IsDynamic() {
		return 32
	}
	switch t.Kind {
	case Array:
		return t.Len * t.Elem.HeadSize()
	case Tuple:
		n := 0
		for _, c := range t.Components {
			n += c.HeadSize()
		}
		return n
	}
	return 32
}

// maxArrayLen bounds fixed array lengths so that sizes cannot overflow.
const maxArrayLen = 1 << 24

// ParseType parses a canonical ABI type such as "uint256", "bytes32[]",
// "(uint256,(bool,bytes)[])[2]". The aliases "uint", "int" and "byte" are
// accepted and mean uint256, int256 and bytes1.
func ParseType(s string) (Type, error) {
	p := typeParser{s: s}
	t, err := p.parse()
	if err != nil {
		return Type{}, err
	}
	if p.pos != len(s) {
		return Type{}, fmt.Errorf("abi: unexpected %q after type in %q", s[p.pos:], s)
	}
	return t, nil
}

// ParseTypes parses a comma-separated list of types as found between the
// parentheses of a signature ("" is the empty list).
func ParseTypes(s string) ([]Type, error) {
	t, err := ParseType("(" + s + ")")
	if err != nil {
		return nil, err
	}
	return t.Components, nil
}

type typeParser struct {
	s   string
	pos int
}

func (p *typeParser) parse() (Type, error) {
	var t Type
	if p.pos < len(p.s) && p.s[p.pos] == '(' {
		p.pos++
		t.Kind = Tuple
		t.Components = []Type{}
		if p.pos < len(p.s) && p.s[p.pos] == ')' {
			p.pos++
		} else {
			for {
				c, err := p.parse()
				if err != nil {
					return Type{}, err
				}
				t.Components = append(t.Components, c)
				if p.pos >= len(p.s) {
					return Type{}, fmt.Errorf("abi: missing ')' in %q", p.s)
				}
				if p.s[p.pos] == ',' {
					p.pos++
					continue
				}
				if p.s[p.pos] == ')' {
					p.pos++
					break
				}
				return Type{}, fmt.Errorf("abi: unexpected %q in %q", p.s[p.pos], p.s)
			}
		}
	} else {
		start := p.pos
		for p.pos < len(p.s) && isIdentChar(p.s[p.pos]) {
			p.pos++
		}
		var err error
		t, err = elementary(p.s[start:p.pos])
		if err != nil {
			return Type{}, err
		}
	}
	for p.pos < len(p.s) && p.s[p.pos] == '[' {
		end := strings.IndexByte(p.s[p.pos:], ']')
		if end < 0 {
			return Type{}, fmt.Errorf("abi: missing ']' in %q", p.s)
		}
		inner := p.s[p.pos+1 : p.pos+end]
		p.pos += end + 1
		elem := t
		if inner == "" {
			t = Type{Kind: Slice, Elem: &elem}
			continue
		}
		n, err := strconv.Atoi(inner)
		if err != nil || n <= 0 || n > maxArrayLen || inner[0] == '+' {
			return Type{}, fmt.Errorf("abi: bad array length %q in %q", inner, p.s)
		}
		t = Type{Kind: Array, Len: n, Elem: &elem}
		if !t.IsDynamic() && t.HeadSize() > 1<<32 {
			return Type{}, fmt.Errorf("abi: type %s too large", t)
		}
	}
	return t, nil
}

func isIdentChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
}

func elementary(name string) (Type, error) {
	switch name {
	case "":
		return Type{}, fmt.Errorf("abi: missing type")
	case "address":
		return Type{Kind: Address}, nil
	case "bool":
		return Type{Kind: Bool}, nil
	case "string":
		return Type{Kind: String}, nil
	case "bytes":
		return Type{Kind: Bytes}, nil
	case "function":
		return Type{Kind: Function}, nil
	case "uint":
		return Type{Kind: Uint, Size: 256}, nil
	case "int":
		return Type{Kind: Int, Size: 256}, nil
	case "byte":
		return Type{Kind: FixedBytes, Size: 1}, nil
	}
	sized := func(prefix string) (int, bool) {
		if !strings.HasPrefix(name, prefix) {
			return 0, false
		}
		digits := name[len(prefix):]
		if digits == "" || digits[0] == '0' {
			return 0, false
		}
		n, err := strconv.Atoi(digits)
		return n, err == nil
	}
	if n, ok := sized("uint"); ok && n%8 == 0 && n <= 256 {
		return Type{Kind: Uint, Size: n}, nil
	}
	if n, ok := sized("int"); ok && n%8 == 0 && n <= 256 {
		return Type{Kind: Int, Size: n}, nil
	}
	if n, ok := sized("bytes"); ok && n <= 32 {
		return Type{Kind: FixedBytes, Size: n}, nil
	}
	return Type{}, fmt.Errorf("abi: unknown type %q", name)
}

// Signature is a function (or event, error) signature, optionally with the
// result types `soll run` accepts: "f(uint256)(bool,string)".
type Signature struct {
	Name    string
	Inputs  []Type
	Outputs []Type // nil when the signature states no results
}

// ParseSignature parses "name(types)" or "name(types)(results)". Spaces are
// ignored.
func ParseSignature(s string) (Signature, error) {
	s = strings.Join(strings.Fields(s), "")
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return Signature{}, fmt.Errorf("abi: signature %q has no parameter list", s)
	}
	name := s[:open]
	for i := 0; i < len(name); i++ {
		if !isIdentChar(name[i]) || i == 0 && name[i] >= '0' && name[i] <= '9' {
			return Signature{}, fmt.Errorf("abi: bad function name %q", name)
		}
	}
	p := typeParser{s: s, pos: open}
	in, err := p.parse()
	if err != nil {
		return Signature{}, err
	}
	if in.Kind != Tuple {
		return Signature{}, fmt.Errorf("abi: bad parameter list in %q", s)
	}
	sig := Signature{Name: name, Inputs: in.Components}
	if p.pos < len(s) {
		if s[p.pos] != '(' {
			return Signature{}, fmt.Errorf("abi: unexpected %q in %q", s[p.pos:], s)
		}
		out, err := p.parse()
		if err != nil {
			return Signature{}, err
		}
		if out.Kind != Tuple || p.pos != len(s) {
			return Signature{}, fmt.Errorf("abi: bad result list in %q", s)
		}
		sig.Outputs = out.Components
	}
	return sig, nil
}

// Canonical is "name(t1,…,tn)", the text hashed for selectors and topics.
func (s Signature) Canonical() string {
	return s.Name + "(" + joinTypes(s.Inputs) + ")"
}

// Selector is the first 4 bytes of the keccak256 of s's canonical form.
func (s Signature) Selector() [4]byte { return Selector(s.Canonical()) }

// Keccak256 hashes data with Ethereum's (legacy, pre-SHA-3) Keccak-256.
func Keccak256(data ...[]byte) [32]byte {
	h := sha3.NewLegacyKeccak256()
	for _, d := range data {
		h.Write(d)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// Selector is the first 4 bytes of keccak256(sig); sig is hashed as given.
func Selector(sig string) [4]byte {
	h := Keccak256([]byte(sig))
	return [4]byte(h[:4])
}

// EventTopic is keccak256(sig), topic 0 of a non-anonymous event's logs.
func EventTopic(sig string) [32]byte { return Keccak256([]byte(sig)) }
