package abi

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
)

// Selectors of the two revert payloads solc generates itself.
var (
	ErrorSelector = [4]byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
	PanicSelector = [4]byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256)
)

// PanicReason is the meaning of a Panic(uint256) code, as documented by
// solc ("Panic via assert and Error via require"); "" for unknown codes.
func PanicReason(code uint64) string {
	switch code {
	case 0x00:
		return "generic compiler panic"
	case 0x01:
		return "assertion failed"
	case 0x11:
		return "arithmetic overflow or underflow"
	case 0x12:
		return "division or modulo by zero"
	case 0x21:
		return "invalid enum conversion"
	case 0x22:
		return "incorrectly encoded storage byte array"
	case 0x31:
		return "pop() on an empty array"
	case 0x32:
		return "array index out of bounds"
	case 0x41:
		return "too much memory allocated"
	case 0x51:
		return "call to a zero-initialized internal function"
	}
	return ""
}

// Revert is decoded revert data.
type Revert struct {
	Kind    string // "Error", "Panic", "" (other data) or "empty"
	Message string // Error's reason string
	Code    uint64 // Panic's code (when it fits 64 bits)
	Data    []byte
}

// DecodeRevert recognises Error(string) and Panic(uint256) revert data.
func DecodeRevert(data []byte) Revert {
	r := Revert{Data: data}
	if len(data) == 0 {
		r.Kind = "empty"
		return r
	}
	if len(data) < 4 {
		return r
	}
	switch [4]byte(data[:4]) {
	case ErrorSelector:
		vs, err := Decode([]Type{{Kind: String}}, data[4:])
		if err == nil {
			r.Kind = "Error"
			r.Message = string(vs[0].Bytes)
		}
	case PanicSelector:
		if len(data) == 36 && allZero(data[4:28]) {
			r.Kind = "Panic"
			for _, b := range data[28:] {
				r.Code = r.Code<<8 | uint64(b)
			}
		}
	}
	return r
}

// String prints r for humans: `Error("reason")`, `Panic(0x11): arithmetic
// overflow or underflow`, `(no data)` or the raw data in hex.
func (r Revert) String() string {
	switch r.Kind {
	case "empty":
		return "(no data)"
	case "Error":
		return "Error(" + strconv.Quote(r.Message) + ")"
	case "Panic":
		s := fmt.Sprintf("Panic(0x%02x)", r.Code)
		if why := PanicReason(r.Code); why != "" {
			s += ": " + why
		}
		return s
	}
	return "0x" + hex.EncodeToString(r.Data)
}

// FormatRevert is DecodeRevert(data).String().
func FormatRevert(data []byte) string { return DecodeRevert(data).String() }

// IsPanic reports whether data is Panic(code).
func IsPanic(data []byte, code uint64) bool {
	r := DecodeRevert(data)
	return r.Kind == "Panic" && r.Code == code && bytes.Equal(r.Data, data)
}
