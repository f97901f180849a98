package abi

import (
	"bytes"
	"fmt"
	"math/big"
)

var (
	two256 = new(big.Int).Lsh(big.NewInt(1), 256)
)

// Encode ABI-encodes vals as the tuple of types (function arguments,
// return values): heads first, then the tails of dynamic values.
func Encode(types []Type, vals []Value) ([]byte, error) {
	if len(types) != len(vals) {
		return nil, fmt.Errorf("abi: %d values for %d types", len(vals), len(types))
	}
	return encodeTuple(types, vals)
}

// EncodeArgs parses args with ParseValues and encodes them.
func EncodeArgs(types []Type, args []string) ([]byte, error) {
	vals, err := ParseValues(types, args)
	if err != nil {
		return nil, err
	}
	return Encode(types, vals)
}

// EncodeCall is the calldata of a call to sig with args written as on the
// command line: the selector followed by the encoded arguments.
func (s Signature) EncodeCall(args []string) ([]byte, error) {
	data, err := EncodeArgs(s.Inputs, args)
	if err != nil {
		return nil, err
	}
	sel := s.Selector()
	return append(sel[:], data...), nil
}

func encodeTuple(types []Type, vals []Value) ([]byte, error) {
	headLen := 0
	for _, t := range types {
		headLen += t.HeadSize()
	}
	head := make([]byte, 0, headLen)
	var tail []byte
	for i, t := range types {
		enc, err := encodeValue(t, vals[i])
		if err != nil {
			return nil, err
		}
		if t.IsDynamic() {
			head = append(head, wordOf(uint64(headLen+len(tail)))...)
			tail = append(tail, enc...)
		} else {
			head = append(head, enc...)
		}
	}
	return append(head, tail...), nil
}

func encodeValue(t Type, v Value) ([]byte, error) {
	if v.Type.Kind != t.Kind {
		return nil, fmt.Errorf("abi: value of type %s given for %s", v.Type, t)
	}
	switch t.Kind {
	case Uint, Int:
		if v.Int == nil || !fitsInt(t, v.Int) {
			return nil, fmt.Errorf("abi: value %v out of range for %s", v.Int, t)
		}
		return intWord(v.Int), nil
	case Bool:
		if v.Bool {
			return wordOf(1), nil
		}
		return wordOf(0), nil
	case Address:
		if len(v.Bytes) != 20 {
			return nil, fmt.Errorf("abi: address needs 20 bytes, got %d", len(v.Bytes))
		}
		return leftPad(v.Bytes), nil
	case FixedBytes, Function:
		n := t.Size
		if t.Kind == Function {
			n = 24
		}
		if len(v.Bytes) != n {
			return nil, fmt.Errorf("abi: %s needs %d bytes, got %d", t, n, len(v.Bytes))
		}
		return rightPad(v.Bytes), nil
	case Bytes, String:
		out := wordOf(uint64(len(v.Bytes)))
		return append(out, rightPad(v.Bytes)...), nil
	case Array, Slice:
		if t.Kind == Array && len(v.Elems) != t.Len {
			return nil, fmt.Errorf("abi: %s needs %d elements, got %d", t, t.Len, len(v.Elems))
		}
		types := make([]Type, len(v.Elems))
		for i := range types {
			types[i] = *t.Elem
		}
		body, err := encodeTuple(types, v.Elems)
		if err != nil {
			return nil, err
		}
		if t.Kind == Slice {
			return append(wordOf(uint64(len(v.Elems))), body...), nil
		}
		return body, nil
	case Tuple:
		if len(v.Elems) != len(t.Components) {
			return nil, fmt.Errorf("abi: %s needs %d components, got %d", t, len(t.Components), len(v.Elems))
		}
		return encodeTuple(t.Components, v.Elems)
	}
	return nil, fmt.Errorf("abi: cannot encode %s", t)
}

func wordOf(n uint64) []byte {
	w := make([]byte, 32)
	for i := 0; i < 8; i++ {
		w[31-i] = byte(n >> (8 * i))
	}
	return w
}

// intWord is n as a 32-byte two's complement word (n in [-2^255, 2^256)).
func intWord(n *big.Int) []byte {
	x := n
	if n.Sign() < 0 {
		x = new(big.Int).Add(n, two256)
	}
	w := make([]byte, 32)
	x.FillBytes(w)
	return w
}

func leftPad(b []byte) []byte {
	w := make([]byte, 32)
	copy(w[32-len(b):], b)
	return w
}

// rightPad pads b with zeros to a multiple of 32 bytes.
func rightPad(b []byte) []byte {
	n := (len(b) + 31) / 32 * 32
	out := make([]byte, n)
	copy(out, b)
	return out
}

// Decode decodes data as the tuple of types. It checks every offset and
// length against data and rejects values with dirty high-order bits, as
// solc's decoder does.
func Decode(types []Type, data []byte) ([]Value, error) {
	d := decoder{data: data}
	return d.tuple(types, 0)
}

type decoder struct {
	data []byte
}

func (d *decoder) word(at int) ([]byte, error) {
	if at < 0 || at+32 > len(d.data) {
		return nil, fmt.Errorf("abi: data too short: word at %d, length %d", at, len(d.data))
	}
	return d.data[at : at+32], nil
}

// offset reads a word that must be a small non-negative integer (an offset
// or a length).
func (d *decoder) offset(at int) (int, error) {
	w, err := d.word(at)
	if err != nil {
		return 0, err
	}
	for _, b := range w[:24] {
		if b != 0 {
			return 0, fmt.Errorf("abi: offset or length at %d too large", at)
		}
	}
	var n uint64
	for _, b := range w[24:] {
		n = n<<8 | uint64(b)
	}
	if n > uint64(len(d.data)) {
		return 0, fmt.Errorf("abi: offset or length %d at %d beyond data (%d bytes)", n, at, len(d.data))
	}
	return int(n), nil
}

func (d *decoder) tuple(types []Type, start int) ([]Value, error) {
	vals := make([]Value, len(types))
	pos := start
	for i, t := range types {
		at := pos
		if t.IsDynamic() {
			off, err := d.offset(pos)
			if err != nil {
				return nil, err
			}
			at = start + off
		}
		v, err := d.value(t, at)
		if err != nil {
			return nil, err
		}
		vals[i] = v
		pos += t.HeadSize()
	}
	return vals, nil
}

func (d *decoder) value(t Type, at int) (Value, error) {
	switch t.Kind {
	case Uint, Int, Bool, Address, FixedBytes, Function:
		w, err := d.word(at)
		if err != nil {
			return Value{}, err
		}
		return decodeWord(t, w)
	case Bytes, String:
		n, err := d.offset(at)
		if err != nil {
			return Value{}, err
		}
		if at+32+n > len(d.data) {
			return Value{}, fmt.Errorf("abi: %s of length %d at %d beyond data", t, n, at)
		}
		return Value{Type: t, Bytes: bytes.Clone(d.data[at+32 : at+32+n])}, nil
	case Array, Slice:
		n, start := t.Len, at
		if t.Kind == Slice {
			var err error
			if n, err = d.offset(at); err != nil {
				return Value{}, err
			}
			start = at + 32
		}
		// Every element takes at least one word of head: a cheap bound that
		// keeps a forged length from allocating without limit.
		if start+n*32 > len(d.data) && (t.Elem.HeadSize() > 0 || n > 1024) {
			return Value{}, fmt.Errorf("abi: %s of length %d at %d beyond data", t, n, at)
		}
		types := make([]Type, n)
		for i := range types {
			types[i] = *t.Elem
		}
		elems, err := d.tuple(types, start)
		if err != nil {
			return Value{}, err
		}
		return Value{Type: t, Elems: elems}, nil
	case Tuple:
		elems, err := d.tuple(t.Components, at)
		if err != nil {
			return Value{}, err
		}
		return Value{Type: t, Elems: elems}, nil
	}
	return Value{}, fmt.Errorf("abi: cannot decode %s", t)
}

func decodeWord(t Type, w []byte) (Value, error) {
	dirty := func() (Value, error) {
		return Value{}, fmt.Errorf("abi: word 0x%x is not a valid %s", w, t)
	}
	switch t.Kind {
	case Uint:
		n := new(big.Int).SetBytes(w)
		if n.BitLen() > t.Size {
			return dirty()
		}
		return Value{Type: t, Int: n}, nil
	case Int:
		n := new(big.Int).SetBytes(w)
		if w[0]&0x80 != 0 {
			n.Sub(n, two256)
		}
		if !fitsInt(t, n) {
			return dirty()
		}
		return Value{Type: t, Int: n}, nil
	case Bool:
		n := new(big.Int).SetBytes(w)
		if n.BitLen() > 1 {
			return dirty()
		}
		return Value{Type: t, Bool: n.Sign() != 0}, nil
	case Address:
		if !allZero(w[:12]) {
			return dirty()
		}
		return Value{Type: t, Bytes: bytes.Clone(w[12:])}, nil
	case FixedBytes, Function:
		n := t.Size
		if t.Kind == Function {
			n = 24
		}
		if !allZero(w[n:]) {
			return dirty()
		}
		return Value{Type: t, Bytes: bytes.Clone(w[:n])}, nil
	}
	return Value{}, fmt.Errorf("abi: %s is not a one-word type", t)
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// DecodeOutputs decodes return data with s's result types (as given in
// "f(uint256)(bool,string)"); it is an error when s states no results.
func (s Signature) DecodeOutputs(data []byte) ([]Value, error) {
	if s.Outputs == nil {
		return nil, fmt.Errorf("abi: %s states no result types", s.Canonical())
	}
	return Decode(s.Outputs, data)
}
