package opt

import (
	"math/big"
	"testing"

	"github.com/holiman/uint256"
)

// The identity behind mulCheck, checked with the EVM's arithmetic: for
// every constant c ≠ 0, iszero(x) || div(x*c, x) == c  ⇔  x ≤ ⌊MAX/c⌋, at
// the boundary and around it.
func TestMulCheckIdentity(t *testing.T) {
	max := new(uint256.Int).SetAllOne()
	var cs []*uint256.Int
	for _, v := range []uint64{1, 2, 3, 7, 10, 255, 256, 1 << 32, 1<<63 + 5} {
		cs = append(cs, uint256.NewInt(v))
	}
	for _, k := range []uint{64, 127, 128, 200, 255} {
		cs = append(cs, new(uint256.Int).Lsh(uint256.NewInt(1), k), new(uint256.Int).Add(new(uint256.Int).Lsh(uint256.NewInt(1), k), uint256.NewInt(3)))
	}
	cs = append(cs, max, new(uint256.Int).Sub(max, uint256.NewInt(1)))
	for _, c := range cs {
		limit := new(uint256.Int).Div(max, c)
		var xs []*uint256.Int
		for _, d := range []int64{-2, -1, 0, 1, 2} {
			x, _ := uint256.FromBig(new(big.Int).Add(limit.ToBig(), big.NewInt(d)))
			if x != nil {
				xs = append(xs, x)
			}
		}
		xs = append(xs, uint256.NewInt(0), uint256.NewInt(1), uint256.NewInt(2), max)
		for _, x := range xs {
			p := new(uint256.Int).Mul(x, c)
			q := new(uint256.Int).Div(p, x) // 0 for x = 0, as the EVM's DIV
			checked := x.IsZero() || q.Eq(c)
			if folded := !x.Gt(limit); checked != folded {
				t.Errorf("c=%s x=%s: division check %v, x <= MAX/c %v", c.Hex(), x.Hex(), checked, folded)
			}
		}
	}
}
