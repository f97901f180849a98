package ewasm

import (
	"context"
	"encoding/binary"
	"math/bits"
	"math/rand"
	"sync"
	"testing"

	"github.com/holiman/uint256"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"golang.org/x/crypto/sha3"
)

// The 256-bit runtime, differentially against holiman/uint256: a test
// module exports a wrapper per helper that stores R0..R3 at resultAddr.

const resultAddr = 4096

type rtOp struct {
	name  string
	nargs int
	cmp   bool // i32 result
	ref   func(a, b, c *uint256.Int) *uint256.Int
}

func u256bool(b bool) *uint256.Int {
	if b {
		return uint256.NewInt(1)
	}
	return new(uint256.Int)
}

var rtOps = []rtOp{
	{"add", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Add(a, b) }},
	{"sub", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Sub(a, b) }},
	{"mul", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Mul(a, b) }},
	{"div", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Div(a, b) }},
	{"mod", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Mod(a, b) }},
	{"sdiv", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).SDiv(a, b) }},
	{"smod", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).SMod(a, b) }},
	{"exp", 2, false, func(a, b, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Exp(a, b) }},
	{"addmod", 3, false, func(a, b, c *uint256.Int) *uint256.Int { return new(uint256.Int).AddMod(a, b, c) }},
	{"mulmod", 3, false, func(a, b, c *uint256.Int) *uint256.Int { return new(uint256.Int).MulMod(a, b, c) }},
	{"shl", 2, false, func(s, x, _ *uint256.Int) *uint256.Int {
		if !s.LtUint64(256) {
			return new(uint256.Int)
		}
		return new(uint256.Int).Lsh(x, uint(s.Uint64()))
	}},
	{"shr", 2, false, func(s, x, _ *uint256.Int) *uint256.Int {
		if !s.LtUint64(256) {
			return new(uint256.Int)
		}
		return new(uint256.Int).Rsh(x, uint(s.Uint64()))
	}},
	{"sar", 2, false, func(s, x, _ *uint256.Int) *uint256.Int {
		if !s.LtUint64(256) {
			if x.Sign() < 0 {
				return new(uint256.Int).SetAllOne()
			}
			return new(uint256.Int)
		}
		return new(uint256.Int).SRsh(x, uint(s.Uint64()))
	}},
	{"signextend", 2, false, func(k, x, _ *uint256.Int) *uint256.Int { return new(uint256.Int).ExtendSign(x, k) }},
	{"byte", 2, false, func(i, x, _ *uint256.Int) *uint256.Int { return new(uint256.Int).Set(x).Byte(i) }},
	{"lt", 2, true, func(a, b, _ *uint256.Int) *uint256.Int { return u256bool(a.Lt(b)) }},
	{"slt", 2, true, func(a, b, _ *uint256.Int) *uint256.Int { return u256bool(a.Slt(b)) }},
	// t.storeBE stores x big-endian at resultAddr; t.loadBE stores x
	// little-endian at beAddr and loads it big-endian: both reverse the
	// 32 bytes (rtModule builds them specially)
	{"storeBE", 1, false, reverseBytes},
	{"loadBE", 1, false, reverseBytes},
}

// reverseBytes is x with its 32 bytes in reverse order.
func reverseBytes(x, _, _ *uint256.Int) *uint256.Int {
	var z uint256.Int
	for i := range z {
		z[i] = bits.ReverseBytes64(x[3-i])
	}
	return &z
}

// beAddr is where t.loadBE puts its operand.
const beAddr = 2048

// rtModule builds the test module once.
var rtModule = sync.OnceValue(func() []byte {
	m := newModule()
	m.memBase = immutableBase
	main := newFunc(m, "main", nil, nil)
	_ = main
	for _, op := range rtOps {
		h := m.helper(op.name)
		if op.cmp {
			m.testExports = append(m.testExports, h)
			continue
		}
		b := newFunc(m, "t."+op.name, wordParams(op.nargs), nil)
		switch op.name {
		case "storeBE":
			b.i32c(resultAddr)
			b.getW(wordParam(0))
			b.call(h)
			m.testExports = append(m.testExports, b.f)
			continue
		case "loadBE":
			for i := 0; i < 4; i++ {
				b.i32c(beAddr)
				b.get(i)
				b.store(opI64Store, 8*i)
			}
			b.i32c(beAddr)
			b.call(h)
		default:
			for i := 0; i < 4*op.nargs; i++ {
				b.get(i)
			}
			b.call(h)
		}
		// the result word to resultAddr
		for i := 0; i < 4; i++ {
			b.i32c(resultAddr)
			b.gget(m.result(i))
			b.store(opI64Store, 8*i)
		}
		m.testExports = append(m.testExports, b.f)
	}
	// keccak over memory: t.keccak(p, n) writes the digest at resultAddr
	k := m.helper("keccakMem")
	b := newFunc(m, "t.keccak", []valType{i32, i32}, nil)
	b.get(0)
	b.get(1)
	b.i32c(resultAddr)
	b.call(k)
	m.testExports = append(m.testExports, b.f)
	// the clean-up passes of compileObject (prune.go, locals.go)
	m.pruneResults()
	m.pruneParams()
	m.cleanZeros()
	m.optimizeLocals()
	bin, _, err := m.encode(func(*instr, *layout) (int64, error) { return 0, nil })
	if err != nil {
		panic(err)
	}
	return bin
})

type rtRunner struct {
	mod api.Module
	fns map[string]api.Function
}

func newRTRunner(t testing.TB) *rtRunner {
	ctx := context.Background()
	r := newRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	mod, err := r.Instantiate(ctx, rtModule())
	if err != nil {
		t.Fatalf("instantiate runtime test module: %v", err)
	}
	rr := &rtRunner{mod: mod, fns: map[string]api.Function{}}
	for _, op := range rtOps {
		name := "t." + op.name
		if op.cmp {
			name = op.name
		}
		rr.fns[op.name] = mod.ExportedFunction(name)
	}
	rr.fns["keccak"] = mod.ExportedFunction("t.keccak")
	return rr
}

func (rr *rtRunner) eval(t testing.TB, op rtOp, args ...*uint256.Int) *uint256.Int {
	var in []uint64
	for _, a := range args[:op.nargs] {
		in = append(in, a[0], a[1], a[2], a[3])
	}
	res, err := rr.fns[op.name].Call(context.Background(), in...)
	if err != nil {
		t.Fatalf("%s%v: trap: %v", op.name, args[:op.nargs], err)
	}
	if op.cmp {
		return uint256.NewInt(uint64(uint32(res[0])))
	}
	buf, _ := rr.mod.Memory().Read(resultAddr, 32)
	var z uint256.Int
	for i := 0; i < 4; i++ {
		z[i] = binary.LittleEndian.Uint64(buf[8*i:])
	}
	return &z
}

func (rr *rtRunner) check(t testing.TB, op rtOp, a, b, c *uint256.Int) bool {
	got := rr.eval(t, op, a, b, c)
	want := op.ref(new(uint256.Int).Set(a), new(uint256.Int).Set(b), new(uint256.Int).Set(c))
	if !got.Eq(want) {
		t.Errorf("%s(%s, %s, %s) = %s, want %s", op.name, a.Hex(), b.Hex(), c.Hex(), got.Hex(), want.Hex())
		return false
	}
	return true
}

func edgeValues() []*uint256.Int {
	var out []*uint256.Int
	for _, v := range []uint64{0, 1, 2, 3, 7, 31, 32, 63, 64, 65, 127, 128, 191, 192, 255, 256, 257, 1 << 32, 1<<63 - 1, 1 << 63, ^uint64(0)} {
		out = append(out, uint256.NewInt(v))
	}
	for _, s := range []uint{64, 127, 128, 192, 255} {
		out = append(out, new(uint256.Int).Lsh(uint256.NewInt(1), s))
	}
	max := new(uint256.Int).SetAllOne()
	out = append(out, max, new(uint256.Int).Sub(max, uint256.NewInt(1)))
	minInt := new(uint256.Int).Lsh(uint256.NewInt(1), 255)
	out = append(out, new(uint256.Int).Sub(minInt, uint256.NewInt(1)))
	out = append(out, uint256.MustFromHex("0x102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"))
	out = append(out, uint256.MustFromHex("0xffffffffffffffff0000000000000000ffffffffffffffff0000000000000001"))
	return out
}

func TestRuntimeEdges(t *testing.T) {
	checkModuleRaw(t, rtModule())
	rr := newRTRunner(t)
	vals := edgeValues()
	n := 0
	for _, op := range rtOps {
		fails := 0
		for _, a := range vals {
			for _, b := range vals {
				if op.nargs == 3 {
					for _, c := range vals[:12] {
						n++
						if !rr.check(t, op, a, b, c) {
							fails++
						}
					}
					for _, c := range vals[len(vals)-5:] {
						n++
						if !rr.check(t, op, a, b, c) {
							fails++
						}
					}
					continue
				}
				n++
				if !rr.check(t, op, a, b, a) {
					fails++
				}
			}
			if fails > 5 {
				t.Fatalf("%s: too many failures", op.name)
			}
		}
	}
	t.Logf("%d edge cases", n)
}

func randWord(r *rand.Rand) *uint256.Int {
	var z uint256.Int
	switch r.Intn(6) {
	case 0:
		z[0] = r.Uint64() % 300
	case 1:
		z[0] = r.Uint64()
	case 2:
		z[0], z[1] = r.Uint64(), r.Uint64()
	default:
		for i := range z {
			z[i] = r.Uint64()
		}
		if r.Intn(4) == 0 {
			z[3] = ^uint64(0) // negative
		}
	}
	return &z
}

func TestRuntimeRandom(t *testing.T) {
	rr := newRTRunner(t)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		op := rtOps[i%len(rtOps)]
		if !rr.check(t, op, randWord(r), randWord(r), randWord(r)) {
			if t.Failed() && i > 100 {
				t.FailNow()
			}
		}
	}
}

func TestKeccakInModule(t *testing.T) {
	rr := newRTRunner(t)
	data := make([]byte, 600)
	for i := range data {
		data[i] = byte(i*7 + 3)
	}
	for _, n := range []int{0, 1, 31, 32, 135, 136, 137, 271, 272, 273, 500, 600} {
		rr.mod.Memory().Write(8192, data[:n])
		if _, err := rr.fns["keccak"].Call(context.Background(), 8192, uint64(n)); err != nil {
			t.Fatalf("keccak(%d): %v", n, err)
		}
		got, _ := rr.mod.Memory().Read(resultAddr, 32)
		h := sha3.NewLegacyKeccak256()
		h.Write(data[:n])
		if want := h.Sum(nil); string(got) != string(want) {
			t.Errorf("keccak of %d bytes = %x, want %x", n, got, want)
		}
	}
}

// FuzzRuntime compares every 256-bit helper with holiman/uint256. mode
// selects small operands (shift amounts, byte indices, edge limbs).
func FuzzRuntime(f *testing.F) {
	f.Add(byte(0), byte(0), []byte{1, 2, 3})
	f.Add(byte(10), byte(1), []byte{64, 0xff})
	f.Add(byte(12), byte(1), []byte{255, 0x80})
	f.Add(byte(13), byte(1), []byte{31, 0x80})
	rr := newRTRunner(f)
	f.Fuzz(func(t *testing.T, opi, mode byte, data []byte) {
		op := rtOps[int(opi)%len(rtOps)]
		var w [3]*uint256.Int
		for i := range w {
			var buf [32]byte
			if len(data) > 0 {
				n := copy(buf[:], data)
				data = data[n:]
			}
			w[i] = new(uint256.Int).SetBytes(buf[:])
			if mode&(1<<i) != 0 {
				w[i].SetUint64(uint64(buf[0]) | uint64(buf[1]&1)<<8)
			}
			if mode&(8<<i) != 0 {
				w[i].Not(w[i])
			}
		}
		rr.check(t, op, w[0], w[1], w[2])
	})
}

// checkModuleRaw validates a module that may have extra exports (the test
// module) with wazero and wabt.
func checkModuleRaw(t testing.TB, bin []byte) {
	t.Helper()
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV1))
	defer r.Close(ctx)
	if _, err := r.CompileModule(ctx, bin); err != nil {
		t.Fatalf("wazero rejects: %v", err)
	}
	wabtValidate(t, bin)
}
