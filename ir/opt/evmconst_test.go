package opt

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/holiman/uint256"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"

	"github.com/soll-dev/soll/ir"
)

// refEVM computes the EVM's arithmetic from the Yellow Paper's definitions
// with math/big, independently of holiman/uint256.
func refEVM(name string, a []*big.Int) *big.Int {
	mod := new(big.Int).Lsh(big.NewInt(1), 256)
	half := new(big.Int).Lsh(big.NewInt(1), 255)
	s := func(x *big.Int) *big.Int { // two's complement value
		if x.Cmp(half) >= 0 {
			return new(big.Int).Sub(x, mod)
		}
		return new(big.Int).Set(x)
	}
	u := func(x *big.Int) *big.Int { return new(big.Int).Mod(x, mod) }
	z := new(big.Int)
	switch name {
	case "div":
		if a[1].Sign() == 0 {
			return z
		}
		return z.Quo(a[0], a[1])
	case "sdiv":
		if a[1].Sign() == 0 {
			return z
		}
		return u(z.Quo(s(a[0]), s(a[1])))
	case "mod":
		if a[1].Sign() == 0 {
			return z
		}
		return z.Rem(a[0], a[1])
	case "smod":
		if a[1].Sign() == 0 {
			return z
		}
		return u(z.Rem(s(a[0]), s(a[1])))
	case "addmod":
		if a[2].Sign() == 0 {
			return z
		}
		return z.Mod(z.Add(a[0], a[1]), a[2])
	case "mulmod":
		if a[2].Sign() == 0 {
			return z
		}
		return z.Mod(z.Mul(a[0], a[1]), a[2])
	case "exp":
		return z.Exp(a[0], a[1], mod)
	case "signextend":
		if a[0].Cmp(big.NewInt(31)) >= 0 {
			return new(big.Int).Set(a[1])
		}
		bit := int(a[0].Int64())*8 + 7
		low := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bit+1)), big.NewInt(1))
		v := new(big.Int).And(a[1], low)
		if a[1].Bit(bit) == 1 {
			v.Or(v, new(big.Int).Xor(new(big.Int).Sub(mod, big.NewInt(1)), low))
		}
		return v
	case "byte":
		if a[0].Cmp(big.NewInt(32)) >= 0 {
			return z
		}
		return z.And(z.Rsh(a[1], uint(8*(31-a[0].Int64()))), big.NewInt(255))
	case "shl":
		if a[0].Cmp(big.NewInt(256)) >= 0 {
			return z
		}
		return u(z.Lsh(a[1], uint(a[0].Int64())))
	case "shr":
		if a[0].Cmp(big.NewInt(256)) >= 0 {
			return z
		}
		return z.Rsh(a[1], uint(a[0].Int64()))
	case "sar":
		n := uint(256)
		if a[0].Cmp(big.NewInt(256)) < 0 {
			n = uint(a[0].Int64())
		}
		return u(z.Rsh(s(a[1]), n)) // Rsh floors negative numbers
	}
	panic(name)
}

func interestingWord(r *rand.Rand) *big.Int {
	mod := new(big.Int).Lsh(big.NewInt(1), 256)
	switch r.Intn(10) {
	case 0:
		return big.NewInt(int64(r.Intn(4)))
	case 1:
		return big.NewInt([]int64{31, 32, 33, 255, 256, 257, 300}[r.Intn(7)])
	case 2:
		return new(big.Int).Sub(mod, big.NewInt(int64(1+r.Intn(3))))
	case 3:
		h := new(big.Int).Lsh(big.NewInt(1), 255)
		return h.Add(h, big.NewInt(int64(r.Intn(3)-1)))
	case 4, 5:
		return big.NewInt(r.Int63n(1 << 20))
	}
	b := make([]byte, 32)
	r.Read(b)
	return new(big.Int).SetBytes(b[:1+r.Intn(32)])
}

// TestEvalIntrinsicMatchesReference checks the folder's EVM semantics on
// edge values (0, 1, 2^255, 2^256-1, shifts around 256, …) and random words.
func TestEvalIntrinsicMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(42))
	arity := map[string]int{"div": 2, "sdiv": 2, "mod": 2, "smod": 2, "addmod": 3, "mulmod": 3,
		"exp": 2, "signextend": 2, "byte": 2, "shl": 2, "shr": 2, "sar": 2}
	for name, n := range arity {
		for i := 0; i < 3000; i++ {
			args := make([]*big.Int, n)
			ws := make([]*uint256.Int, n)
			for j := range args {
				args[j] = interestingWord(r)
				ws[j], _ = uint256.FromBig(args[j])
			}
			got, ok := evalIntrinsic(name, ws)
			if !ok {
				t.Fatalf("%s not evaluated", name)
			}
			want := refEVM(name, args)
			if got.ToBig().Cmp(want) != 0 {
				t.Fatalf("%s%v = %s, want %s", name, args, got.ToBig(), want)
			}
		}
	}
}

func TestCompareMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	half := new(big.Int).Lsh(big.NewInt(1), 255)
	mod := new(big.Int).Lsh(big.NewInt(1), 256)
	signed := func(x *big.Int) *big.Int {
		if x.Cmp(half) >= 0 {
			return new(big.Int).Sub(x, mod)
		}
		return x
	}
	for i := 0; i < 5000; i++ {
		x, y := interestingWord(r), interestingWord(r)
		cx, cy := ir.IntConst(ir.Word, x), ir.IntConst(ir.Word, y)
		checks := map[enum.IPred]bool{
			enum.IPredULT: x.Cmp(y) < 0, enum.IPredUGT: x.Cmp(y) > 0,
			enum.IPredSLT: signed(x).Cmp(signed(y)) < 0, enum.IPredSGE: signed(x).Cmp(signed(y)) >= 0,
			enum.IPredEQ: x.Cmp(y) == 0,
		}
		for p, want := range checks {
			if compare(p, cx, cy) != want {
				t.Fatalf("icmp %s %s, %s: got %v", p, x, y, !want)
			}
			// The inverse predicate is the negation.
			if compare(inverse(p), cx, cy) == want {
				t.Fatalf("inverse(%s) is not the negation", p)
			}
		}
	}
	// Wrapping native arithmetic.
	got := evaluate(nil, intConst)
	if got != nil {
		t.Fatal("evaluate(nil) folded")
	}
	m1 := ir.IntConst(ir.Word, big.NewInt(-1))
	if c := evalBinary(m1, constant.NewInt(ir.Word, 1), intConst, addBig); c.X.Sign() != 0 {
		t.Fatalf("-1 + 1 = %s", c.X)
	}
}
