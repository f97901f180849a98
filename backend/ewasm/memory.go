package ewasm

// EVM memory on wasm linear memory (ewasm.md §5.2). The module's private
// area comes first; EVM address p lives at wasm address base + p, where base
// (module.memBase) follows the private area and the immutable slots. Every
// access of non-zero length grows the wasm memory as needed and raises msize;
// an offset that cannot be addressed traps (the EVM would run out of gas).

// The private area (wasm addresses).
const (
	scratchShift  = 0   // 64 bytes: shift/byte helpers
	scratchA      = 64  // 32 bytes: a word or an address at +12
	scratchB      = 96  // 32 bytes: a word, u128/u256 results
	scratchV      = 128 // 32 bytes: u128 values
	scratchR      = 160 // 32 bytes: create's address result
	scratchTopics = 192 // 4 × 32 bytes: log topics
	keccakState   = 320 // 200 bytes: keccak-f[1600] state
	keccakBuf     = 520 // 136 bytes: the last, padded block
	keccakRC      = 656 // 24 × 8 bytes: round constants (data segment)
	immutableBase = 1024
)

var memHelpers = map[string]func(m *module) *function{
	"u32":     buildU32,
	"sat32":   buildSat32,
	"mem":     buildMem,
	"range":   buildRange,
	"loadBE":  buildLoadBE,
	"storeBE": buildStoreBE,
	"mload":   buildMload,
	"mstore":  buildMstore,
	"mstore8": buildMstore8,
	"msize":   buildMsize,
	"zero":    buildZero,
	"memmove": buildMemmove,
	"mcopy":   buildMcopy,
	// createframe.go
	"frameCreate":   buildFrameCreate,
	"unframeCreate": buildUnframeCreate,
}

// buildU32 converts a word to i32, trapping when it does not fit: used for
// memory offsets and lengths, where the EVM would run out of gas.
func buildU32(m *module) *function {
	b := newFunc(m, "u32", wordParams(1), []valType{i32})
	b.highZero(wordParam(0))
	b.get(0)
	b.i64c(32)
	b.op(opI64ShrU, opI64Eqz, opI32And, opI32Eqz)
	b.ifElse(noType, func() { b.op(opUnreachable) }, nil)
	b.get(0)
	b.op(opI32WrapI64)
	return b.f
}

// buildSat32 converts a word to i32, saturating at 2^32 − 1: used for
// offsets into call data and code, where the EVM reads zeros past the end.
func buildSat32(m *module) *function {
	b := newFunc(m, "sat32", wordParams(1), []valType{i32})
	b.get(0)
	b.op(opI32WrapI64)
	b.i32c(-1)
	b.highZero(wordParam(0))
	b.get(0)
	b.i64c(32)
	b.op(opI64ShrU, opI64Eqz, opI32And)
	b.op(opSelect)
	return b.f
}

// buildMem(p, n i32) -> i32: makes EVM memory [p, p+n) addressable, raises
// msize and returns the wasm address of p. n = 0 touches nothing.
func buildMem(m *module) *function {
	b := newFunc(m, "mem", []valType{i32, i32}, []valType{i32})
	const p, n = 0, 1
	end, need := b.local(i64), b.local(i32)
	b.block(noType, func(done label) {
		b.get(n)
		b.op(opI32Eqz)
		b.brIf(done)
		b.get(p)
		b.op(opI64ExtendU)
		b.get(n)
		b.op(opI64ExtendU)
		b.op(opI64Add)
		b.tee(end)
		b.i64c(int64(1)<<32 - int64(m.memBase))
		b.op(opI64GtU)
		b.ifElse(noType, func() { b.op(opUnreachable) }, nil)
		// pages needed = ceil((base + end) / 65536)
		b.get(end)
		b.i64c(int64(m.memBase) + 65535)
		b.op(opI64Add)
		b.i64c(16)
		b.op(opI64ShrU, opI32WrapI64)
		b.tee(need)
		b.op(opMemorySize)
		b.op(opI32GtU)
		b.ifElse(noType, func() {
			b.get(need)
			b.op(opMemorySize)
			b.op(opI32Sub, opMemoryGrow)
			b.i32c(-1)
			b.op(opI32Eq)
			b.ifElse(noType, func() { b.op(opUnreachable) }, nil)
		}, nil)
		// msize = max(msize, ceil32(end))
		b.get(end)
		b.i64c(31)
		b.op(opI64Add)
		b.i64c(-32)
		b.op(opI64And, opI32WrapI64)
		b.tee(need)
		b.gget(m.msizeGlobal())
		b.op(opI32GtU)
		b.ifElse(noType, func() {
			b.get(need)
			b.gset(m.msizeGlobal())
		}, nil)
	})
	b.get(p)
	b.i32c(int32(m.memBase))
	b.op(opI32Add)
	return b.f
}

func (m *module) msizeGlobal() *global {
	if m.msize == nil {
		m.msize = m.newGlobal(i32)
	}
	return m.msize
}

// buildRange(p, n words) -> i32: the wasm address of EVM range [p, p+n)
// after expanding memory; 0 for an empty range (the offset is ignored, as in
// the EVM, and 0 is what the EEI wants for empty ranges, ewasm.md §2.3).
func buildRange(m *module) *function {
	u32, mem := m.helper("u32"), m.helper("mem")
	b := newFunc(m, "range", wordParams(2), []valType{i32})
	n := b.local(i32)
	b.getW(wordParam(4))
	b.call(u32)
	b.tee(n)
	b.op(opI32Eqz)
	b.ifElse(i32, func() { b.i32c(0) }, func() {
		b.getW(wordParam(0))
		b.call(u32)
		b.get(n)
		b.call(mem)
	})
	return b.f
}

// buildLoadBE(addr i32) reads the big-endian word at addr into R.
func buildLoadBE(m *module) *function {
	sw := m.helper("bswap64")
	b := newFunc(m, "loadBE", []valType{i32}, nil)
	for i := 0; i < 4; i++ {
		b.get(0)
		b.load(opI64Load, 24-8*i)
		b.call(sw)
		b.gset(m.result(i))
	}
	return b.f
}

// buildStoreBE(addr i32, v word) writes v big-endian at addr.
func buildStoreBE(m *module) *function {
	sw := m.helper("bswap64")
	b := newFunc(m, "storeBE", append([]valType{i32}, wordParams(1)...), nil)
	for i := 0; i < 4; i++ {
		b.get(0)
		b.get(1 + i)
		b.call(sw)
		b.store(opI64Store, 24-8*i)
	}
	return b.f
}

func buildMload(m *module) *function {
	u32, mem, ld := m.helper("u32"), m.helper("mem"), m.helper("loadBE")
	b := newFunc(m, "mload", wordParams(1), nil)
	b.getW(wordParam(0))
	b.call(u32)
	b.i32c(32)
	b.call(mem)
	b.call(ld)
	return b.f
}

func buildMstore(m *module) *function {
	u32, mem, st := m.helper("u32"), m.helper("mem"), m.helper("storeBE")
	b := newFunc(m, "mstore", wordParams(2), nil)
	b.getW(wordParam(0))
	b.call(u32)
	b.i32c(32)
	b.call(mem)
	b.getW(wordParam(4))
	b.call(st)
	return b.f
}

func buildMstore8(m *module) *function {
	u32, mem := m.helper("u32"), m.helper("mem")
	b := newFunc(m, "mstore8", wordParams(2), nil)
	b.getW(wordParam(0))
	b.call(u32)
	b.i32c(1)
	b.call(mem)
	b.get(4)
	b.store(opI64Store8, 0)
	return b.f
}

func buildMsize(m *module) *function {
	b := newFunc(m, "msize", nil, nil)
	b.gget(m.msizeGlobal())
	b.op(opI64ExtendU)
	b.gset(m.result(0))
	for i := 1; i < 4; i++ {
		b.i64c(0)
		b.gset(m.result(i))
	}
	return b.f
}

// buildZero(addr, n i32) zero-fills wasm memory.
func buildZero(m *module) *function {
	b := newFunc(m, "zero", []valType{i32, i32}, nil)
	const p, n = 0, 1
	b.block(noType, func(out label) {
		b.loop(func(again label) {
			b.get(n)
			b.op(opI32Eqz)
			b.brIf(out)
			b.get(p)
			b.i32c(0)
			b.store(opI32Store8, 0)
			b.get(p)
			b.i32c(1)
			b.op(opI32Add)
			b.set(p)
			b.get(n)
			b.i32c(1)
			b.op(opI32Sub)
			b.set(n)
			b.br(again)
		})
	})
	return b.f
}

// buildMemmove(dst, src, n i32) copies bytes, correct for overlap.
func buildMemmove(m *module) *function {
	b := newFunc(m, "memmove", []valType{i32, i32, i32}, nil)
	const d, s, n = 0, 1, 2
	i := b.local(i32)
	b.get(d)
	b.get(s)
	b.op(opI32LeU)
	b.ifElse(noType, func() {
		b.block(noType, func(out label) {
			b.loop(func(again label) {
				b.get(i)
				b.get(n)
				b.op(opI32GeU)
				b.brIf(out)
				b.get(d)
				b.get(i)
				b.op(opI32Add)
				b.get(s)
				b.get(i)
				b.op(opI32Add)
				b.load(opI32Load8U, 0)
				b.store(opI32Store8, 0)
				b.get(i)
				b.i32c(1)
				b.op(opI32Add)
				b.set(i)
				b.br(again)
			})
		})
	}, func() {
		b.get(n)
		b.set(i)
		b.block(noType, func(out label) {
			b.loop(func(again label) {
				b.get(i)
				b.op(opI32Eqz)
				b.brIf(out)
				b.get(i)
				b.i32c(1)
				b.op(opI32Sub)
				b.set(i)
				b.get(d)
				b.get(i)
				b.op(opI32Add)
				b.get(s)
				b.get(i)
				b.op(opI32Add)
				b.load(opI32Load8U, 0)
				b.store(opI32Store8, 0)
				b.br(again)
			})
		})
	})
	return b.f
}

// buildMcopy: mcopy(dst, src, n) expands memory for both ranges, then moves.
func buildMcopy(m *module) *function {
	rng, mv := m.helper("range"), m.helper("memmove")
	b := newFunc(m, "mcopy", wordParams(3), nil)
	d, s := b.local(i32), b.local(i32)
	b.getW(wordParam(0))
	b.getW(wordParam(8))
	b.call(rng)
	b.set(d)
	b.getW(wordParam(4))
	b.getW(wordParam(8))
	b.call(rng)
	b.set(s)
	b.get(d)
	b.get(s)
	b.get(8)
	b.op(opI32WrapI64) // range succeeded, so n < 2^32
	b.call(mv)
	return b.f
}
