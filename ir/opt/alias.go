package opt

import (
	"math/big"

	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// This file describes the loads and stores of EVM state that loadelim and
// deadstore reason about, and when two addresses can touch the same bytes.

// space is a kind of EVM state addressed by a word.
type space int

const (
	memorySpace space = iota
	storageSpace
	transientSpace
)

// access is one load or store of a word (or a byte, for mstore8).
type access struct {
	space space
	addr  value.Value
	size  int64 // bytes for memory, 1 for a storage slot
	store bool
	val   value.Value // the stored value (nil for mstore8)
}

// accessOf describes the intrinsic call c if it is a plain load or store.
func accessOf(c *llvm.InstCall) (access, bool) {
	_, b := ir.CallTarget(c)
	if b == nil || len(c.Args) != b.Args {
		return access{}, false
	}
	switch b.Name {
	case "mload":
		return access{space: memorySpace, addr: c.Args[0], size: 32}, true
	case "mstore":
		return access{space: memorySpace, addr: c.Args[0], size: 32, store: true, val: c.Args[1]}, true
	case "mstore8":
		return access{space: memorySpace, addr: c.Args[0], size: 1, store: true}, true
	case "sload":
		return access{space: storageSpace, addr: c.Args[0], size: 1}, true
	case "sstore":
		return access{space: storageSpace, addr: c.Args[0], size: 1, store: true, val: c.Args[1]}, true
	case "tload":
		return access{space: transientSpace, addr: c.Args[0], size: 1}, true
	case "tstore":
		return access{space: transientSpace, addr: c.Args[0], size: 1, store: true, val: c.Args[1]}, true
	}
	return access{}, false
}

var two256 = new(big.Int).Lsh(big.NewInt(1), 256)

// split writes an address as base + offset, looking through additions of
// constants; base is nil for a constant address.
func split(v value.Value) (value.Value, *big.Int) {
	off := new(big.Int)
	for i := 0; i < 8; i++ {
		if c := intConst(v); c != nil {
			return nil, off.Add(off, ir.Unsigned(c)).Mod(off, two256)
		}
		add, ok := v.(*llvm.InstAdd)
		if !ok {
			break
		}
		x, y := commute(add.X, add.Y)
		c := intConst(y)
		if c == nil {
			break
		}
		off.Add(off, ir.Unsigned(c))
		v = x
	}
	return v, off.Mod(off, two256)
}

// distance returns b - a modulo 2^256 when both addresses have the same base.
func distance(a, b value.Value) (*big.Int, bool) {
	ba, oa := split(a)
	bb, ob := split(b)
	if ba != bb {
		return nil, false
	}
	d := new(big.Int).Sub(ob, oa)
	return d.Mod(d, two256), true
}

// sameAddr reports whether a and b are provably the same address.
func sameAddr(a, b value.Value) bool {
	d, ok := distance(a, b)
	return ok && d.Sign() == 0
}

// mayOverlap reports whether [a, a+as) and [b, b+bs) may share a byte (a
// slot, for storage). Only addresses with a common base are told apart.
func mayOverlap(a value.Value, as int64, b value.Value, bs int64) bool {
	d, ok := distance(a, b)
	if !ok {
		return !belowGuard(a, as, b) && !belowGuard(b, bs, a)
	}
	// b starts d bytes after a (mod 2^256).
	if d.Cmp(big.NewInt(as)) < 0 {
		return true
	}
	back := new(big.Int).Sub(two256, d) // a starts back bytes after b
	return back.Cmp(big.NewInt(bs)) < 0
}

// belowGuard reports whether the constant range [a, a+as) ends at or
// before b, an offset from memoryguard(lit): the guard is at least its
// literal (the EVM backend only adds its spill area), so b ≥ lit + offset
// (no wrap: the guard is below 2^62 + 2^40, offsets below 2^128). solc
// keeps its scratch words and free memory pointer below the guard and
// allocates above it.
func belowGuard(a value.Value, as int64, b value.Value) bool {
	ab, ao := split(a)
	bb, bo := split(b)
	if ab != nil || bo.Cmp(smallLimit) >= 0 {
		return false
	}
	lit := guardLiteral(bb)
	if lit == nil {
		return false
	}
	end := new(big.Int).Add(ao, big.NewInt(as))
	return end.Cmp(new(big.Int).Add(lit, bo)) <= 0
}

// copyDest describes the memory a copy intrinsic writes when its length is
// a constant: [dst, dst+n). The copies write nothing else (mcopy only
// reads its source).
func copyDest(c *llvm.InstCall) (value.Value, int64, bool) {
	_, b := ir.CallTarget(c)
	if b == nil || len(c.Args) != b.Args {
		return nil, 0, false
	}
	dst, n := 0, 2
	switch b.Name {
	case "calldatacopy", "codecopy", "returndatacopy", "datacopy", "mcopy":
	case "extcodecopy":
		dst, n = 1, 3
	default:
		return nil, 0, false
	}
	k := intConst(c.Args[n])
	if k == nil {
		return nil, 0, false
	}
	u := ir.Unsigned(k)
	if !u.IsInt64() || u.Int64() > 1<<20 {
		return nil, 0, false
	}
	return c.Args[dst], u.Int64(), true
}

// covers reports whether [a, a+as) contains all of [b, b+bs).
func covers(a value.Value, as int64, b value.Value, bs int64) bool {
	d, ok := distance(a, b)
	return ok && d.Cmp(big.NewInt(as-bs)) <= 0 && bs <= as
}

// clobbered reports which spaces an instruction's effects may write.
func writesSpace(e ir.Effect, s space) bool {
	if e.Has(ir.CallsOut) {
		return true
	}
	switch s {
	case memorySpace:
		return e&ir.WritesMemory != 0
	case storageSpace:
		return e&ir.WritesStorage != 0
	}
	return e&ir.WritesTransient != 0
}

// readsSpace reports whether effects e may read space s.
func readsSpace(e ir.Effect, s space) bool {
	r := e.Reads()
	switch s {
	case memorySpace:
		return r&ir.ReadsMemory != 0
	case storageSpace:
		return r&ir.ReadsStorage != 0
	}
	return r&ir.ReadsTransient != 0
}
