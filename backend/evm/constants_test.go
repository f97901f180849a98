package evm

import (
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/holiman/uint256"
)

func TestConstCode(t *testing.T) {
	all := Features{Push0: true, Shifts: true}
	cases := []struct {
		v    string
		f    Features
		want string
	}{
		{"0x0", all, "5f"},
		{"0x0", Features{}, "6000"},
		{"0x1234", all, "611234"},
		// not(3)
		{"0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc", all, "600319"},
		// Panic selector word: 0x4e487b71 << 224
		{"0x4e487b7100000000000000000000000000000000000000000000000000000000", all, "634e487b7160e01b"},
		// address mask: (1 << 160) - 1
		{"0xffffffffffffffffffffffffffffffffffffffff", all, "6001600160a01b03"},
		// a 64-bit mask stays a PUSH8
		{"0xffffffffffffffff", all, "67ffffffffffffffff"},
		// without SHL it stays a PUSH32
		{"0x4e487b7100000000000000000000000000000000000000000000000000000000", Features{}, "7f4e487b7100000000000000000000000000000000000000000000000000000000"},
	}
	for _, c := range cases {
		v := uint256.MustFromHex(c.v)
		got := hex.EncodeToString(constCode(v, c.f))
		if got != c.want {
			t.Errorf("constCode(%s) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestConstCodeValues runs the chosen code for many constants and checks the
// value it leaves on the stack.
func TestConstCodeValues(t *testing.T) {
	f := Features{Push0: true, Shifts: true}
	vals := []*uint256.Int{uint256.NewInt(0), uint256.NewInt(255), new(uint256.Int).Not(uint256.NewInt(0))}
	for s := uint(0); s < 256; s += 7 {
		x := new(uint256.Int).Lsh(uint256.NewInt(0xabcdef), s)
		vals = append(vals, x, new(uint256.Int).Not(x), new(uint256.Int).SubUint64(x, 1))
	}
	for _, v := range vals {
		code := append(constCode(v, f), 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3) // PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
		out, _, err := runtime.Execute(code, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", v.Hex(), err)
		}
		if got := new(uint256.Int).SetBytes(out); !got.Eq(v) {
			t.Errorf("code for %s pushes %s", v.Hex(), got.Hex())
		}
	}
}
