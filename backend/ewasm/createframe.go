package ewasm

import "encoding/binary"

// Creating a sub-object with constructor arguments (ewasm.md §3.3, §5.6).
//
// Solidity's `new C(args)` copies C's creation code with
// datacopy(p, dataoffset("C"), datasize("C")), ABI-encodes the arguments
// right after it and calls create(v, p, datasize("C") + argsize). On the
// EVM that is init code ‖ arguments; in Ewasm module ‖ raw bytes is not a
// module. So:
//
//   - every module soll writes starts (right after the wasm header) with a
//     custom section "soll" whose payload is the module's own length as a
//     u32 LE: a fixed 19-byte prefix (header, section id, size, name,
//     length), the same for every module but for those 4 bytes;
//   - create and create2 look at the memory range they are given: when it
//     starts with that prefix and is longer than the recorded length L,
//     and the bytes after L are not already a soll.ctor-args section, the
//     range is re-framed in place as module ‖ the soll.ctor-args section
//     of the bytes after L before the EEI call, and restored afterwards
//     (EVM memory is unchanged, as a CREATE leaves it). A module without
//     arguments is passed on alone, so that its constructor's codecopy of
//     itself sees exactly type(C).creationCode (a constructor with
//     parameters always has arguments to read).
//
// Any other data is passed on as is. vm/ewasm computes create2 addresses
// from the init code with the section unframed again (deployer ‖
// arguments), so an address predicted from keccak256(creationCode ‖ args)
// holds.

// LengthSectionName names the leading custom section of every module
// (short: every module carries it).
const LengthSectionName = "soll"

// lengthPrefix is the module header plus the length section up to its
// payload: 8 + 1 + 1 + 1 + len(name) bytes.
var lengthPrefix = func() []byte {
	b := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00}
	b = appendU32(b, uint32(1+len(LengthSectionName)+4))
	b = append(b, byte(len(LengthSectionName)))
	return append(b, LengthSectionName...)
}()

// lengthAt is where the module length sits; the whole prefix is
// lengthAt+4 bytes.
var lengthAt = len(lengthPrefix)

// ModuleLength reads the length a module records in its leading
// "soll" section (ok false when bin does not start with one).
func ModuleLength(bin []byte) (int, bool) {
	if len(bin) < lengthAt+4 || string(bin[:lengthAt]) != string(lengthPrefix) {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(bin[lengthAt:])), true
}

// ctorHeaderTail is the soll.ctor-args header after its id and size bytes.
var ctorHeaderTail = append([]byte{byte(len(CtorArgsName))}, CtorArgsName...)

// scratchFrame holds the 32 bytes that re-framing moves aside.
const scratchFrame = 848

// opI32Load16U is only used here (the shared opcode list is in wasm.go).
const opI32Load16U opcode = 0x2f

func init() {
	opNames[opI32Load16U] = "i32.load16_u"
	memAlign[opI32Load16U] = 1
}

// chunks splits a byte string into the widest little-endian pieces a
// single load or store can move (8, 4, 2, 1 bytes): a 15-byte name is four
// accesses instead of fifteen. Unaligned accesses are valid wasm; the
// alignment hint only has to be at most natural.
func chunks(tmpl []byte, each func(off, size int, v uint64)) {
	for k := 0; k < len(tmpl); {
		size := 8
		for size > len(tmpl)-k {
			size /= 2
		}
		var v uint64
		for i := size - 1; i >= 0; i-- {
			v = v<<8 | uint64(tmpl[k+i])
		}
		each(k, size, v)
		k += size
	}
}

// equalAt pushes (i32) whether memory at local addr + off holds tmpl.
func (b *fb) equalAt(addr, off int, tmpl []byte) {
	first := true
	chunks(tmpl, func(k, size int, v uint64) {
		b.get(addr)
		switch size {
		case 8:
			b.load(opI64Load, off+k)
			b.i64c(int64(v))
			b.op(opI64Eq)
		default:
			b.load(map[int]opcode{4: opI32Load, 2: opI32Load16U, 1: opI32Load8U}[size], off+k)
			b.i32c(int32(uint32(v)))
			b.op(opI32Eq)
		}
		if !first {
			b.op(opI32And)
		}
		first = false
	})
}

// storeAt writes tmpl to memory at local addr + off.
func (b *fb) storeAt(addr, off int, tmpl []byte) {
	chunks(tmpl, func(k, size int, v uint64) {
		b.get(addr)
		if size == 8 {
			b.i64c(int64(v))
			b.store(opI64Store, off+k)
			return
		}
		b.i32c(int32(uint32(v)))
		b.store(map[int]opcode{4: opI32Store, 2: opI32Store16, 1: opI32Store8}[size], off+k)
	})
}

// buildFrameCreate(addr, n i32) -> i32: re-frames create's init code at
// wasm address addr, n bytes long, as module ‖ soll.ctor-args section when
// it is a module followed by raw arguments; returns the new length (n when
// nothing changed). The ctorHeaderLen bytes past the range are saved at
// scratchFrame for unframeCreate.
func buildFrameCreate(m *module) *function {
	b := newFunc(m, "frameCreate", []valType{i32, i32}, []valType{i32})
	const addr, n = 0, 1
	modLen, tail, need, p := b.local(i32), b.local(i32), b.local(i32), b.local(i32)
	h := int32(ctorHeaderLen)
	b.block(noType, func(asIs label) {
		b.get(n)
		b.i32c(int32(lengthAt + 4))
		b.op(opI32LtU)
		b.brIf(asIs)
		b.equalAt(addr, 0, lengthPrefix)
		b.op(opI32Eqz)
		b.brIf(asIs)
		b.get(addr)
		b.load(opI32Load, lengthAt)
		b.tee(modLen)
		b.get(n)
		b.op(opI32GeU) // no arguments: the module alone, as on the EVM
		b.brIf(asIs)
		b.get(n)
		b.get(modLen)
		b.op(opI32Sub)
		b.set(tail)
		// already framed: the bytes after the module are a soll.ctor-args
		// section (deploy data handed over whole, e.g. from call data)
		b.get(tail)
		b.i32c(h)
		b.op(opI32GeU)
		b.ifElse(noType, func() {
			b.get(addr)
			b.get(modLen)
			b.op(opI32Add)
			b.set(need)
			b.get(need)
			b.load(opI32Load8U, 0)
			b.op(opI32Eqz)
			b.equalAt(need, 6, ctorHeaderTail)
			b.op(opI32And)
			b.brIf(asIs)
		}, nil)
		// wasm memory must reach addr + n + h; growing it does not change
		// EVM memory (msize is tracked apart, new pages are zero). As in
		// mem: grow by the missing pages when positive; a failed grow
		// (−1) traps on the load of byte 2^32.
		b.get(addr)
		b.op(opI64ExtendU)
		b.get(n)
		b.op(opI64ExtendU)
		b.op(opI64Add)
		b.i64c(int64(h) + 65535)
		b.op(opI64Add)
		b.i64c(16)
		b.op(opI64ShrU, opI32WrapI64)
		b.op(opMemorySize)
		b.op(opI32Sub)
		b.tee(need)
		b.i32c(0)
		b.op(opI32GtS)
		b.ifElse(noType, func() {
			b.get(need)
			b.op(opMemoryGrow)
			b.load(opI32Load8U, 1)
			b.op(opDrop)
		}, nil)
		// save the h bytes past the range, move the arguments up by h
		b.i32c(scratchFrame)
		b.get(addr)
		b.get(n)
		b.op(opI32Add)
		b.i32c(h)
		b.call(m.helper("memmove"))
		b.get(addr)
		b.get(modLen)
		b.op(opI32Add)
		b.tee(need)
		b.i32c(h)
		b.op(opI32Add)
		b.get(need)
		b.get(tail)
		b.call(m.helper("memmove"))
		// the header: id 0, size 1 + len(name) + tail as a 5-byte LEB128,
		// the name. The name goes first (wide stores), the LEB128 bytes
		// after it; the first four carry the continuation bit, and a
		// store8 keeps only the low byte, so byte i is (size >> 7i) | 0x80:
		//
		//	loop  local.get p  local.get x  i32.const 0x80  i32.or
		//	      i32.store8 offset=1
		//	      local.get x  i32.const 7  i32.shr_u  local.set x
		//	      local.get p  i32.const 1  i32.add  local.tee p
		//	      local.get need  i32.sub  i32.const 4  i32.ne  br_if 0  end
		//	local.get p  local.get x  i32.store8 offset=1
		b.storeAt(need, 6, ctorHeaderTail)
		b.get(need)
		b.i32c(0)
		b.store(opI32Store8, 0)
		b.get(tail)
		b.i32c(int32(len(ctorHeaderTail)))
		b.op(opI32Add)
		b.set(tail) // x: the section size, shifted as bytes are written
		b.get(need)
		b.set(p)
		b.loop(func(again label) {
			b.get(p)
			b.get(tail)
			b.i32c(0x80)
			b.op(opI32Or)
			b.store(opI32Store8, 1)
			b.get(tail)
			b.i32c(7)
			b.op(opI32ShrU)
			b.set(tail)
			b.get(p)
			b.i32c(1)
			b.op(opI32Add)
			b.tee(p)
			b.get(need)
			b.op(opI32Sub)
			b.i32c(4)
			b.op(opI32Ne)
			b.brIf(again)
		})
		b.get(p)
		b.get(tail)
		b.store(opI32Store8, 1)
		b.get(n)
		b.i32c(h)
		b.op(opI32Add)
		b.op(opReturn)
	})
	b.get(n)
	return b.f
}

// buildUnframeCreate(addr, n, framed i32): undoes frameCreate once the
// EEI has copied the init code (nothing when framed == n).
func buildUnframeCreate(m *module) *function {
	b := newFunc(m, "unframeCreate", []valType{i32, i32, i32}, nil)
	const addr, n, framed = 0, 1, 2
	at := b.local(i32)
	h := int32(ctorHeaderLen)
	b.get(framed)
	b.get(n)
	b.op(opI32Eq)
	b.ifElse(noType, func() { b.op(opReturn) }, nil)
	b.get(addr)
	b.get(addr)
	b.load(opI32Load, lengthAt)
	b.op(opI32Add)
	b.tee(at)
	b.get(at)
	b.i32c(h)
	b.op(opI32Add)
	b.get(addr)
	b.get(n)
	b.op(opI32Add)
	b.get(at)
	b.op(opI32Sub)
	b.call(m.helper("memmove"))
	b.get(addr)
	b.get(n)
	b.op(opI32Add)
	b.i32c(scratchFrame)
	b.i32c(h)
	b.call(m.helper("memmove"))
	return b.f
}
