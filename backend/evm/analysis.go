package evm

import (
	"math/bits"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// bitset is a fixed-size set of small integers.
type bitset []uint64

func newBitset(n int) bitset       { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)         { b[i/64] |= 1 << (uint(i) % 64) }
func (b bitset) clear(i int)       { b[i/64] &^= 1 << (uint(i) % 64) }
func (b bitset) has(i int) bool    { return b[i/64]&(1<<(uint(i)%64)) != 0 }
func (b bitset) copyFrom(o bitset) { copy(b, o) }
func (b bitset) equal(o bitset) bool {
	for i := range b {
		if b[i] != o[i] {
			return false
		}
	}
	return true
}
func (b bitset) each(fn func(int)) {
	for w, x := range b {
		for x != 0 {
			t := bits.TrailingZeros64(x)
			fn(w*64 + t)
			x &= x - 1
		}
	}
}

// operands returns the IR operands of an instruction or terminator that are
// values the code generator must materialise (not blocks, functions,
// globals or types).
func operands(u value.User) []value.Value {
	var out []value.Value
	for _, p := range u.Operands() {
		if isData(*p) {
			out = append(out, *p)
		}
	}
	return out
}

// isData reports whether v is a value that lives on the stack or is a
// constant word (as opposed to a block, callee or string global).
func isData(v value.Value) bool {
	if v == nil {
		return false
	}
	if _, ptr := v.Type().(*types.PointerType); ptr {
		return false // literal string arguments
	}
	switch v.(type) {
	case *ir.Block, *ir.Func, *ir.Global, nil:
		return false
	case *constant.Int, *ir.Param, constant.Constant:
		return true
	case ir.Instruction:
		_, void := v.Type().(*types.VoidType)
		return !void
	}
	return false
}

// reachable returns the blocks reachable from the entry block, in the
// function's block order.
func reachable(f *ir.Func) []*ir.Block {
	seen := map[*ir.Block]bool{}
	var walk func(b *ir.Block)
	stack := []*ir.Block{f.Blocks[0]}
	seen[f.Blocks[0]] = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.Term == nil {
			continue
		}
		for _, s := range b.Term.Succs() {
			if !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	_ = walk
	var out []*ir.Block
	for _, b := range f.Blocks {
		if seen[b] {
			out = append(out, b)
		}
	}
	return out
}
