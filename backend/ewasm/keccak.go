package ewasm

import "encoding/binary"

// keccak256 inside the module, for --ewasm-strict where no host import may
// provide it (ewasm.md §5.7): the Keccak-f[1600] permutation of FIPS 202
// with the original Keccak padding (0x01 … 0x80), rate 136 bytes. The state
// lives in the private area; lanes are little-endian i64, so the first 32
// state bytes are the digest as the EVM writes it.

var keccakRoundConstants = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// keccakRotations[x][y] is the ρ rotation of lane (x, y).
var keccakRotations = [5][5]int64{
	{0, 36, 3, 41, 18},
	{1, 44, 10, 45, 2},
	{62, 6, 43, 15, 61},
	{28, 55, 25, 21, 56},
	{27, 20, 39, 8, 14},
}

const keccakRate = 136

// buildKeccakF permutes the state in memory: 24 rounds of θ, ρ, π, χ, ι
// over 25 lane locals.
func buildKeccakF(m *module) *function {
	rc := make([]byte, 8*len(keccakRoundConstants))
	for i, c := range keccakRoundConstants {
		binary.LittleEndian.PutUint64(rc[8*i:], c)
	}
	m.data = append(m.data, dataSegment{addr: keccakRC, bytes: rc})
	b := newFunc(m, "keccakF", nil, nil)
	var a, t [25]int
	var c [5]int
	for i := range a {
		a[i] = b.local(i64)
	}
	for i := range t {
		t[i] = b.local(i64)
	}
	for i := range c {
		c[i] = b.local(i64)
	}
	d := b.local(i64)
	round := b.local(i32)
	for i := range a {
		b.i32c(keccakState)
		b.load(opI64Load, 8*i)
		b.set(a[i])
	}
	b.block(noType, func(out label) {
		b.loop(func(again label) {
			// θ
			for x := 0; x < 5; x++ {
				b.get(a[x])
				for y := 1; y < 5; y++ {
					b.get(a[x+5*y])
					b.op(opI64Xor)
				}
				b.set(c[x])
			}
			for x := 0; x < 5; x++ {
				b.get(c[(x+4)%5])
				b.get(c[(x+1)%5])
				b.i64c(1)
				b.op(opI64Rotl, opI64Xor)
				b.set(d)
				for y := 0; y < 5; y++ {
					b.get(a[x+5*y])
					b.get(d)
					b.op(opI64Xor)
					b.set(a[x+5*y])
				}
			}
			// ρ and π: t[y, 2x+3y] = rotl(a[x, y], r[x][y])
			for x := 0; x < 5; x++ {
				for y := 0; y < 5; y++ {
					nx, ny := y, (2*x+3*y)%5
					b.get(a[x+5*y])
					if r := keccakRotations[x][y]; r != 0 {
						b.i64c(r)
						b.op(opI64Rotl)
					}
					b.set(t[nx+5*ny])
				}
			}
			// χ
			for y := 0; y < 5; y++ {
				for x := 0; x < 5; x++ {
					b.get(t[x+5*y])
					b.get(t[(x+1)%5+5*y])
					b.i64c(-1)
					b.op(opI64Xor)
					b.get(t[(x+2)%5+5*y])
					b.op(opI64And, opI64Xor)
					b.set(a[x+5*y])
				}
			}
			// ι
			b.get(a[0])
			b.get(round)
			b.i32c(3)
			b.op(opI32Shl)
			b.load(opI64Load, keccakRC)
			b.op(opI64Xor)
			b.set(a[0])
			b.get(round)
			b.i32c(1)
			b.op(opI32Add)
			b.tee(round)
			b.i32c(24)
			b.op(opI32LtU)
			b.brIf(again)
			b.br(out)
		})
	})
	for i := range a {
		b.i32c(keccakState)
		b.get(a[i])
		b.store(opI64Store, 8*i)
	}
	return b.f
}

// buildKeccakMem(p, n, out i32) hashes wasm memory [p, p+n) and writes the
// 32 digest bytes at out.
func buildKeccakMem(m *module) *function {
	perm := m.helper("keccakF")
	zero := m.helper("zero")
	mv := m.helper("memmove")
	b := newFunc(m, "keccakMem", []valType{i32, i32, i32}, nil)
	const p, n, out = 0, 1, 2
	// absorb xors 17 lanes from address src into the state and permutes.
	absorb := func(src func()) {
		for i := 0; i < keccakRate/8; i++ {
			b.i32c(keccakState)
			b.i32c(keccakState)
			b.load(opI64Load, 8*i)
			src()
			b.load(opI64Load, 8*i)
			b.op(opI64Xor)
			b.store(opI64Store, 8*i)
		}
		b.call(perm)
	}
	b.i32c(keccakState)
	b.i32c(200)
	b.call(zero)
	b.block(noType, func(done label) {
		b.loop(func(again label) {
			b.get(n)
			b.i32c(keccakRate)
			b.op(opI32LtU)
			b.brIf(done)
			absorb(func() { b.get(p) })
			b.get(p)
			b.i32c(keccakRate)
			b.op(opI32Add)
			b.set(p)
			b.get(n)
			b.i32c(keccakRate)
			b.op(opI32Sub)
			b.set(n)
			b.br(again)
		})
	})
	// last block: the rest, then 0x01, zeros, 0x80
	b.i32c(keccakBuf)
	b.i32c(keccakRate)
	b.call(zero)
	b.i32c(keccakBuf)
	b.get(p)
	b.get(n)
	b.call(mv)
	b.i32c(keccakBuf)
	b.get(n)
	b.op(opI32Add)
	b.i32c(0x01)
	b.store(opI32Store8, 0)
	b.i32c(keccakBuf + keccakRate - 1)
	b.i32c(keccakBuf + keccakRate - 1)
	b.load(opI32Load8U, 0)
	b.i32c(0x80)
	b.op(opI32Or)
	b.store(opI32Store8, 0)
	absorb(func() { b.i32c(keccakBuf) })
	b.get(out)
	b.i32c(keccakState)
	b.i32c(32)
	b.call(mv)
	return b.f
}
