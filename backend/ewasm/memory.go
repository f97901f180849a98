package ewasm

// EVM memory on wasm linear memory (ewasm.md §5.2). The module's private
// area comes first; EVM address p lives at wasm address base + p, where base
// (module.memBase) follows the private area and the immutable slots. Every
// access of non-zero length grows the wasm memory as needed and raises msize;
// an offset that cannot be addressed traps (the EVM would run out of gas).

// The private area (wasm addresses). Addresses below 64 encode as a
// one-byte i32.const, so the two most used EEI scratch slots live there,
// sharing the bytes of scratchShift: the shift and byte helpers are leaves
// that fill and read their scratch without calling anything in between,
// and no EEI helper calls them while its scratch is live. scratchLE is
// only live inside loadBE/storeBE (and their inlined copies); zeroWord is
// never written, so copying it zero-fills (the shift core's reads past its
// scratch land in scratchLE and are discarded).
const (
	scratchShift  = 0   // 64 bytes: shift/byte helpers
	scratchA      = 0   // 32 bytes: a word or an address at +12 (not loadBE's)
	scratchB      = 32  // 32 bytes: a word, u128/u256 results
	scratchLE     = 64  // 32 bytes: loadBE/storeBE's little-endian copy
	zeroWord      = 96  // 32 bytes never written: always zero
	scratchV      = 128 // 32 bytes: create's u128 value
	scratchR      = 160 // 32 bytes: create's address result
	scratchTopics = 192 // 4 × 32 bytes: log topics
	keccakState   = 320 // 200 bytes: keccak-f[1600] state
	keccakBuf     = 520 // 136 bytes: the last, padded block
	keccakRC      = 656 // 24 × 8 bytes: round constants (data segment)
	immutableBase = 1024
)

// Opcodes only the memory and EEI helpers use (the shared list is in
// wasm.go); init registers their text names and alignments.
const (
	opI32GtS     opcode = 0x4a
	opI32DivU    opcode = 0x6e
	opI32Store16 opcode = 0x3b
)

func init() {
	opNames[opI32GtS] = "i32.gt_s"
	opNames[opI32DivU] = "i32.div_u"
	opNames[opI32Store16] = "i32.store16"
	memAlign[opI32Store16] = 1
}

var memHelpers = map[string]func(m *module) *function{
	"u32":     buildU32,
	"sat32":   buildSat32,
	"mem":     buildMem,
	"range":   buildRange,
	"rev32":   buildRev32,
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
	// fixedmem.go
	"halt0/finish": buildHalt0("finish"),
	"halt0/revert": buildHalt0("revert"),
}

// buildU32 converts a word to i32, trapping when it is 2^30 or more: used
// for memory offsets and lengths (and the return data offset, which fails
// past the buffer's end), where the EVM would run out of gas — touching
// 2^30 bytes of memory costs over 2·10^12 gas — and small enough that
// mem adds offset, length and its page rounding in i32 without wrapping.
//
// The trap is a division: wrap(x0) / ((x0>>30 | x1 | x2 | x3) == 0) is
// wrap(x0) when the word fits and divides by zero otherwise, which is
// shorter than an if … unreachable and leaves the result on the stack.
func buildU32(m *module) *function {
	b := newFunc(m, "u32", wordParams(1), []valType{i32})
	b.get(0)
	b.op(opI32WrapI64)
	b.get(0)
	b.i64c(30)
	b.op(opI64ShrU)
	for i := 1; i < 4; i++ {
		b.get(i)
		b.op(opI64Or)
	}
	b.op(opI64Eqz, opI32DivU)
	return b.f
}

// buildSat32 converts a word to i32, saturating at 2^32 − 1: used for
// offsets into call data and code, where the EVM reads zeros past the end.
func buildSat32(m *module) *function {
	b := newFunc(m, "sat32", wordParams(1), []valType{i32})
	b.get(0)
	b.op(opI32WrapI64)
	b.i32c(-1)
	b.get(0)
	b.i64c(32)
	b.op(opI64ShrU)
	for i := 1; i < 4; i++ {
		b.get(i)
		b.op(opI64Or)
	}
	b.op(opI64Eqz)
	b.op(opSelect)
	return b.f
}

// buildMem(p, n i32) -> i32: makes EVM memory [p, p+n) addressable, raises
// msize and returns the wasm address of p. Callers guarantee n > 0 (an
// empty range touches nothing and never gets here: range, the copies and
// mload/mstore check or know their length), and p, n < 2^30 (u32; p may
// carry a small constant more, an immutable's offset in a module).
//
// The wasm memory must reach base + end, i.e. need = ceil((base+end) /
// 64Ki) pages, all in i32: base + p + n + 65535 < 2^32. It grows by need −
// memory.size when that is positive. memory.grow may still refuse (−1, a
// host's memory limit); the −1 is turned into a trap by loading the byte at
// address −1 + 1 = 2^32, always out of bounds; on success the old page
// count + 1 is a valid address (the memory has at least a page).
//
// msize is only tracked in a module that reads it: the corpus never does,
// and the global and its update cost ~20 bytes a module. All helpers are
// built before any later pass looks at bodies, so buildMsize can rebuild
// an existing mem with the update (fillMem); a mem built after msize has
// it from the start.
func buildMem(m *module) *function {
	b := newFunc(m, "mem", []valType{i32, i32}, []valType{i32})
	fillMem(b, m.msize)
	return b.f
}

// fillMem emits mem's body; ms is the msize global, or nil. The pages to
// grow by go to the parameter n, which is no longer needed then:
//
//	local.get p  local.get n  i32.add  [local.tee end]
//	i32.const base+65535  i32.add  i32.const 16  i32.shr_u
//	memory.size  i32.sub  local.tee n  i32.const 0  i32.gt_s
//	if  local.get n  memory.grow  i32.load8_u offset=1  drop  end
//	[local.get end  i64.extend_i32_u  global.get ms  i64.gt_u
//	 if  local.get end  i64.extend_i32_u  global.set ms  end]
//	local.get p  i32.const base  i32.add
//
// The msize global keeps the largest end, not rounded: ceil32 is
// monotonic, so msize() rounds when it is read (buildMsize).
func fillMem(b *fb, ms *global) {
	const p, n = 0, 1
	end := -1
	if ms != nil {
		end = b.local(i32)
	}
	b.get(p)
	b.get(n)
	b.op(opI32Add)
	if ms != nil {
		b.tee(end)
	}
	b.i32c(int32(b.m.memBase) + 65535)
	b.op(opI32Add)
	b.i32c(16)
	b.op(opI32ShrU)
	b.op(opMemorySize)
	b.op(opI32Sub)
	b.tee(n) // pages to grow by (negative when memory is large enough)
	b.i32c(0)
	b.op(opI32GtS)
	b.ifElse(noType, func() {
		b.get(n)
		b.op(opMemoryGrow)
		b.load(opI32Load8U, 1) // traps when memory.grow returned −1
		b.op(opDrop)
	}, nil)
	if ms != nil {
		// msize = max(msize, end)
		b.get(end)
		b.op(opI64ExtendU)
		b.gget(ms)
		b.op(opI64GtU)
		b.ifElse(noType, func() {
			b.get(end)
			b.op(opI64ExtendU)
			b.gset(ms)
		}, nil)
	}
	b.get(p)
	b.i32c(int32(b.m.memBase))
	b.op(opI32Add)
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
	b.ifElse(i32, func() {
		b.getW(wordParam(0))
		b.call(u32)
		b.get(n)
		b.call(mem)
	}, func() { b.i32c(0) })
	return b.f
}

// buildRev32(d, s i32) copies the 32 bytes at s to d in reverse order,
// d[j] = s[31−j]: a big-endian word becomes its little-endian form (four
// limbs, least significant first) and back. wasm 1.0 has no byte swap, and
// one byte loop is much shorter than swapping each limb with shifts and
// masks:
//
//	loop  local.get d  local.get j  i32.add
//	      local.get s  local.get j  i32.sub  i32.load8_u offset=31
//	      i32.store8
//	      local.get j  i32.const 1  i32.add  local.tee j
//	      i32.const 32  i32.ne  br_if 0  end
//
// (j, a local, starts at 0). s − j must not wrap around, so s ≥ 31: every
// source is scratchLE, zeroWord, or a loadBE address (see there). The
// ranges must not overlap.
func buildRev32(m *module) *function {
	b := newFunc(m, "rev32", []valType{i32, i32}, nil)
	const d, s = 0, 1
	j := b.local(i32)
	b.loop(func(again label) {
		b.get(d)
		b.get(j)
		b.op(opI32Add)
		b.get(s)
		b.get(j)
		b.op(opI32Sub)
		b.load(opI32Load8U, 31)
		b.store(opI32Store8, 0)
		b.get(j)
		b.i32c(1)
		b.op(opI32Add)
		b.tee(j)
		b.i32c(32)
		b.op(opI32Ne)
		b.brIf(again)
	})
	return b.f
}

// buildLoadBE(addr i32) reads the big-endian word at addr into R: rev32
// puts it little-endian at scratchLE, then each limb is one load there
// (i32.const 0  i64.load offset=scratchLE+8i: the offset is a one-byte
// LEB128, the constant 64 would take two). addr ≥ 31 (rev32): EVM memory,
// immutables, or a scratch word other than scratchA.
//
// calldataload, in almost every module, and often loadBE's only caller,
// has the body inlined while loadBE does not exist (inlineLoadBE); the
// first other user builds loadBE, which rebuilds calldataload to call it.
// The same goes for mstore and storeBE. All helpers are built before any
// later pass looks at bodies, so the rebuilt body is the one they see.
func buildLoadBE(m *module) *function {
	b := newFunc(m, "loadBE", []valType{i32}, nil)
	b.i32c(scratchLE)
	b.get(0)
	b.call(m.helper("rev32"))
	b.readScratchLE()
	m.helpers["loadBE"] = b.f
	m.rebuild("evm.calldataload", func(c *fb) { lowerCallDataLoad(m, c) })
	return b.f
}

// loadBEAt reads the big-endian word at private address addr into R:
// a call of loadBE when it exists, else its body inline.
func (b *fb) loadBEAt(addr int32) {
	if ld := b.m.helpers["loadBE"]; ld != nil {
		b.i32c(addr)
		b.call(ld)
		return
	}
	b.i32c(scratchLE)
	b.i32c(addr)
	b.call(b.m.helper("rev32"))
	b.readScratchLE()
}

// readScratchLE sets R from the little-endian word at scratchLE.
func (b *fb) readScratchLE() {
	for i := 0; i < 4; i++ {
		b.i32c(0)
		b.load(opI64Load, scratchLE+8*i)
		b.gset(b.m.result(i))
	}
}

// rebuild empties the body of helper name, when it exists, and fills it
// again with fill.
func (m *module) rebuild(name string, fill func(b *fb)) {
	f := m.helpers[name]
	if f == nil {
		return
	}
	f.body, f.locals = nil, nil
	fill(&fb{m: m, f: f})
}

// buildStoreBE(addr i32, v word) writes v big-endian at addr: the limbs go
// to scratchLE, rev32 copies them reversed to addr. mstore inlines this
// while it is the only user (buildLoadBE).
func buildStoreBE(m *module) *function {
	b := newFunc(m, "storeBE", append([]valType{i32}, wordParams(1)...), nil)
	b.writeScratchLE(wordParam(1))
	b.get(0)
	b.i32c(scratchLE)
	b.call(m.helper("rev32"))
	m.helpers["storeBE"] = b.f
	m.rebuild("mstore", func(c *fb) { fillMstore(c) })
	return b.f
}

// writeScratchLE stores word w little-endian at scratchLE.
func (b *fb) writeScratchLE(w word) {
	for i := 0; i < 4; i++ {
		b.i32c(0)
		b.get(w[i])
		b.store(opI64Store, scratchLE+8*i)
	}
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
	b := newFunc(m, "mstore", wordParams(2), nil)
	fillMstore(b)
	return b.f
}

// fillMstore emits mstore(p, v): with storeBE
//
//	p  call u32  i32.const 32  call mem  v  call storeBE
//
// and without it (mstore is its only user, buildLoadBE) storeBE's body
// inline, the limbs written to scratchLE first so that the address needs
// no local:
//
//	(i32.const 0  local.get v_i  i64.store offset=scratchLE+8i)×4
//	p  call u32  i32.const 32  call mem  i32.const scratchLE  call rev32
func fillMstore(b *fb) {
	m := b.m
	u32, mem := m.helper("u32"), m.helper("mem")
	st := m.helpers["storeBE"]
	if st == nil {
		b.writeScratchLE(wordParam(4))
	}
	b.getW(wordParam(0))
	b.call(u32)
	b.i32c(32)
	b.call(mem)
	if st != nil {
		b.getW(wordParam(4))
		b.call(st)
		return
	}
	b.i32c(scratchLE)
	b.call(m.helper("rev32"))
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
	ms := m.newGlobal(i64)
	m.msize = ms
	if f := m.helpers["mem"]; f != nil {
		// mem was built without msize: rebuild it with the update
		f.body, f.locals = nil, nil
		fillMem(&fb{m: m, f: f}, ms)
	}
	b := newFunc(m, "msize", nil, nil)
	// the global holds the largest end touched; msize is it rounded up to
	// a multiple of 32
	b.gget(ms)
	b.i64c(31)
	b.op(opI64Add)
	b.i64c(-32)
	b.op(opI64And)
	b.gset(m.result(0))
	for i := 1; i < 4; i++ {
		b.i64c(0)
		b.gset(m.result(i))
	}
	return b.f
}

// buildZero(addr, n i32) zero-fills wasm memory, from the last byte down:
//
//	loop  local.get n  if
//	        local.get p  local.get n  i32.const 1  i32.sub  local.tee n
//	        i32.add  i32.const 0  i32.store8  br 1
//	      end  end
func buildZero(m *module) *function {
	b := newFunc(m, "zero", []valType{i32, i32}, nil)
	const p, n = 0, 1
	b.loop(func(again label) {
		b.get(n)
		b.ifElse(noType, func() {
			b.get(p)
			b.get(n)
			b.i32c(1)
			b.op(opI32Sub)
			b.tee(n)
			b.op(opI32Add)
			b.i32c(0)
			b.store(opI32Store8, 0)
			b.br(again)
		}, nil)
	})
	return b.f
}

// buildMemmove(dst, src, n i32) copies bytes, correct for overlap: forward
// when dst ≤ src, backward otherwise. One loop serves both directions: step
// k = 0, 1, …, n−1 copies byte i = back ? n−1−k : k.
func buildMemmove(m *module) *function {
	b := newFunc(m, "memmove", []valType{i32, i32, i32}, nil)
	const d, s, n = 0, 1, 2
	back, k, i := b.local(i32), b.local(i32), b.local(i32)
	b.get(d)
	b.get(s)
	b.op(opI32GtU)
	b.set(back)
	b.loop(func(again label) {
		b.get(k)
		b.get(n)
		b.op(opI32LtU)
		b.ifElse(noType, func() {
			b.get(n)
			b.get(k)
			b.op(opI32Sub)
			b.i32c(1)
			b.op(opI32Sub)
			b.get(k)
			b.get(back)
			b.op(opSelect)
			b.tee(i)
			b.get(d)
			b.op(opI32Add)
			b.get(i)
			b.get(s)
			b.op(opI32Add)
			b.load(opI32Load8U, 0)
			b.store(opI32Store8, 0)
			b.get(k)
			b.i32c(1)
			b.op(opI32Add)
			b.set(k)
			b.br(again)
		}, nil)
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
