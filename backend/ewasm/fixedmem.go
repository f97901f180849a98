package ewasm

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/value"

	sir "github.com/soll-dev/soll/ir"
)

// Memory accesses at constant EVM ranges inside the first wasm page.
//
// The memory helpers (u32, mem, range) check an offset, grow the memory
// and raise msize. A range [a, a+n) known at compile time to end inside the
// page every module starts with needs none of that when the module never
// reads msize:
//   - mload(a) is loadBE at base+a;
//   - return/revert(a, n) is the EEI call itself (an empty range goes
//     through one shared helper per EEI function, so a zero-length revert
//     stays a 3-byte call);
//   - a deployer's codecopy(a, dataoffset("X"), datasize("X")) of a whole
//     sub-object is the EEI codeCopy, without the padding a copy past the
//     end of the code would need.
//
// n may be datasize of a sub-object (its length is known once the
// sub-objects are compiled) and a may be memoryguard(c). In the small
// contracts solc's optimizer leaves, whose reverts are empty and whose
// returned word sits at a constant address, range and often u32 and mem
// leave the module. mstore(a, v) keeps its helper: storeBE takes v as four
// limbs, where the narrowed mstore wrappers take one (measured over the
// corpus, storing directly made modules larger).

// fixedAddr is the wasm address of EVM range [v, v+n) when v is a constant
// and the range ends inside the first page.
func (g *funcGen) fixedAddr(v value.Value, n uint64) (int32, bool) {
	m := g.b.m
	if g.g.msizeRead {
		return 0, false
	}
	// memoryguard(c) is c (solc's allocation start)
	if call, ok := builtinCall(v, "memoryguard"); ok {
		v = call.Args[0]
	}
	c, ok := v.(*constant.Int)
	if !ok {
		return 0, false
	}
	a := sir.Unsigned(c)
	limit := uint64(m.pages)*65536 - uint64(m.memBase)
	if !a.IsUint64() || a.Uint64() > limit || n > limit-a.Uint64() {
		return 0, false
	}
	return int32(uint64(m.memBase) + a.Uint64()), true
}

// fixedMemAccess lowers c when it is such an access, and reports whether it
// did.
func (g *funcGen) fixedMemAccess(c *ir.InstCall, bi *sir.Builtin) bool {
	b := g.b
	m := b.m
	switch bi.Name {
	case "mload":
		a, ok := g.fixedAddr(c.Args[0], 32)
		if !ok {
			return false
		}
		b.i32c(a)
		b.call(m.helper("loadBE"))
		g.fromGlobals(c)
		return true
	case "return", "revert":
		eei := map[string]string{"return": "finish", "revert": "revert"}[bi.Name]
		n, ok := g.knownSize(c.Args[1])
		if !ok {
			return false
		}
		if n == 0 {
			b.call(m.helper("halt0/" + eei))
			return true
		}
		a, ok := g.fixedAddr(c.Args[0], n)
		if !ok {
			return false
		}
		b.i32c(a)
		b.i32c(int32(n))
		b.call(m.eeiFn(eei)) // never returns; the block's terminator follows
		return true
	case "codecopy", "datacopy":
		// a sub-object of this module copied whole: its bytes lie inside
		// the code, so the copy needs no bound check and no zero padding
		name, ok := g.dataRef(c.Args[1], "dataoffset")
		if !ok {
			return false
		}
		if sz, ok := g.dataRef(c.Args[2], "datasize"); !ok || sz != name {
			return false
		}
		n := uint64(len(g.g.subs[name].bin))
		a, ok := g.fixedAddr(c.Args[0], n)
		if !ok || n == 0 {
			return false
		}
		b.i32c(a)
		b.emit(instr{op: opI32Const, sym: symDataOffset, name: name})
		b.i32c(int32(n))
		b.call(m.eeiFn("codeCopy"))
		return true
	}
	return false
}

// knownSize is the value of v when it is known while code is generated: a
// constant below 2^32, or the length of a sub-object of this module.
func (g *funcGen) knownSize(v value.Value) (uint64, bool) {
	if c, ok := v.(*constant.Int); ok {
		if n := sir.Unsigned(c); n.IsUint64() && n.Uint64() < 1<<32 {
			return n.Uint64(), true
		}
		return 0, false
	}
	if name, ok := g.dataRef(v, "datasize"); ok {
		return uint64(len(g.g.subs[name].bin)), true
	}
	return 0, false
}

// dataRef returns X when v is the call kind("X") (dataoffset or datasize)
// of a direct sub-object X of this module (the module's own size is not
// known before it is encoded).
func (g *funcGen) dataRef(v value.Value, kind string) (string, bool) {
	call, ok := builtinCall(v, kind)
	if !ok {
		return "", false
	}
	name, ok := sir.StringOf(call.Args[0])
	if !ok || g.g.subs[name] == nil {
		return "", false
	}
	return name, true
}

// buildHalt0 returns a builder of the helper that ends execution with an
// empty range: eei(0, 0), unreachable.
func buildHalt0(eei string) func(m *module) *function {
	return func(m *module) *function {
		b := newFunc(m, "halt0/"+eei, nil, nil)
		b.i32c(0)
		b.i32c(0)
		b.call(m.eeiFn(eei))
		b.op(opUnreachable)
		return b.f
	}
}
