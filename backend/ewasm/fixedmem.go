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
// reads msize: mload(a) is loadBE at base+a, return/revert(a, n) the EEI
// call itself (offset 0 for an empty range, through one shared helper per
// EEI function, so a zero-length revert stays a 3-byte call). In the small
// contracts solc's optimizer leaves, whose reverts are empty and whose
// returned word sits at a constant address, range and often u32 and mem
// leave the module. mstore(a, v) keeps its helper: storeBE takes v as four
// limbs, where the narrowed mstore wrappers take one (measured over the
// corpus, storing directly made modules larger).

// readsMsize reports whether some function calls msize().
func readsMsize(funcs []*ir.Func) bool {
	for _, f := range funcs {
		for _, blk := range f.Blocks {
			for _, inst := range blk.Insts {
				if c, ok := inst.(*ir.InstCall); ok {
					if _, b := sir.CallTarget(c); b != nil && b.Name == "msize" {
						return true
					}
				}
			}
		}
	}
	return false
}

// fixedAddr is the wasm address of EVM range [v, v+n) when v is a constant
// and the range ends inside the first page.
func (g *funcGen) fixedAddr(v value.Value, n uint64) (int32, bool) {
	m := g.b.m
	if g.g.msizeRead {
		return 0, false
	}
	// memoryguard(c) is c (solc's allocation start)
	if call, ok := v.(*ir.InstCall); ok && len(call.Args) == 1 {
		if _, b := sir.CallTarget(call); b != nil && b.Name == "memoryguard" {
			v = call.Args[0]
		}
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
		nc, ok := c.Args[1].(*constant.Int)
		if !ok {
			return false
		}
		n := sir.Unsigned(nc)
		if !n.IsUint64() {
			return false
		}
		if n.Sign() == 0 {
			b.call(m.helper("halt0/" + eei))
			return true
		}
		a, ok := g.fixedAddr(c.Args[0], n.Uint64())
		if !ok {
			return false
		}
		b.i32c(a)
		b.i32c(int32(n.Uint64()))
		b.call(m.eeiFn(eei)) // never returns; the block's terminator follows
		return true
	}
	return false
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
