package evm

import (
	"math/bits"

	"github.com/holiman/uint256"
)

// Features are the opcode families the assembler may use.
type Features struct {
	Push0  bool // PUSH0 (shanghai)
	Shifts bool // SHL/SHR (constantinople)
}

// pushBytes is the plain PUSH of v with the minimal width.
func pushBytes(v *uint256.Int, f Features) []byte {
	if v.IsZero() {
		if f.Push0 {
			return []byte{opPUSH0}
		}
		return []byte{opPUSH1, 0}
	}
	n := (v.BitLen() + 7) / 8
	b := v.Bytes32()
	return append([]byte{byte(opPUSH1 - 1 + n)}, b[32-n:]...)
}

// constCode returns the cheapest code that pushes v: a plain PUSH, or for
// wide constants NOT of a small one (~3 is 0xff…fc), a small value shifted
// left (0x4e487b71 << 224 is Panic's selector word), or NOT of that. Costs
// weigh one byte of code like one gas of execution, as solc's constant
// optimizer does for its default of 200 runs; ties keep the plain PUSH.
func constCode(v *uint256.Int, f Features) []byte {
	best := pushBytes(v, f)
	bestCost := len(best) + 3
	try := func(code []byte, gas int) {
		if c := len(code) + gas; c < bestCost {
			best, bestCost = code, c
		}
	}
	if len(best) <= 4 {
		return best
	}
	not := new(uint256.Int).Not(v)
	try(append(pushBytes(not, f), opNOT), 6)
	if f.Shifts {
		for _, x := range []*uint256.Int{v, not} {
			s := trailingZeros(x)
			if s < 8 || x.IsZero() {
				continue
			}
			small := new(uint256.Int).Rsh(x, uint(s))
			code := append(pushBytes(small, f), pushBytes(uint256.NewInt(uint64(s)), f)...)
			code = append(code, 0x1b) // SHL
			gas := 9
			if x == not {
				code = append(code, opNOT)
				gas += 3
			}
			try(code, gas)
		}
		// v = (small << s) - 1, as solc writes address masks:
		// PUSH 1, small, s, SHL, SUB.
		if p := new(uint256.Int).AddUint64(v, 1); !p.IsZero() {
			if s := trailingZeros(p); s >= 8 {
				small := new(uint256.Int).Rsh(p, uint(s))
				code := pushBytes(uint256.NewInt(1), f)
				code = append(code, pushBytes(small, f)...)
				code = append(code, pushBytes(uint256.NewInt(uint64(s)), f)...)
				code = append(code, 0x1b, opSUB) // SHL SUB
				try(code, 15)
			}
		}
	}
	return best
}

func trailingZeros(x *uint256.Int) int {
	for i, w := range x {
		if w != 0 {
			return 64*i + bits.TrailingZeros64(w)
		}
	}
	return 256
}
