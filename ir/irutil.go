package ir

import (
	"math/big"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// This file holds the small helpers that the verifier, the optimizer and the
// backends share: successors read from the terminator's fields (llir caches
// Succs() and never invalidates the cache), value replacement, local
// renumbering and constants.

// Succs returns the successors of a terminator, one entry per edge, read from
// its target fields (llir's Succs() caches its answer).
func Succs(t ir.Terminator) []*ir.Block {
	switch t := t.(type) {
	case *ir.TermBr:
		return []*ir.Block{t.Target.(*ir.Block)}
	case *ir.TermCondBr:
		return []*ir.Block{t.TargetTrue.(*ir.Block), t.TargetFalse.(*ir.Block)}
	case *ir.TermSwitch:
		out := make([]*ir.Block, 0, 1+len(t.Cases))
		out = append(out, t.TargetDefault.(*ir.Block))
		for _, c := range t.Cases {
			out = append(out, c.Target.(*ir.Block))
		}
		return out
	case nil:
		return nil
	}
	return t.Succs()
}

// ResetSuccs drops llir's cached successor list of t; call it after editing
// the targets of a terminator in place.
func ResetSuccs(t ir.Terminator) {
	switch t := t.(type) {
	case *ir.TermBr:
		t.Successors = nil
	case *ir.TermCondBr:
		t.Successors = nil
	case *ir.TermSwitch:
		t.Successors = nil
	}
}

// ReplaceValues rewrites every operand of f's instructions and terminators
// through subst, following chains (a→b, b→c gives a→c).
func ReplaceValues(f *ir.Func, subst map[value.Value]value.Value) {
	if len(subst) == 0 {
		return
	}
	var ops []*value.Value
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			ops = AppendOperands(ops[:0], inst)
			for _, op := range ops {
				if r, ok := Resolve(subst, *op); ok {
					*op = r
				}
			}
		}
		if b.Term != nil {
			ops = AppendOperands(ops[:0], b.Term)
			for _, op := range ops {
				if r, ok := Resolve(subst, *op); ok {
					*op = r
				}
			}
		}
	}
}

// Resolve follows v through subst to its final replacement; ok is false when
// v is not replaced. Chains are compressed in place.
func Resolve(subst map[value.Value]value.Value, v value.Value) (value.Value, bool) {
	if v == nil {
		return nil, false
	}
	r, ok := subst[v]
	if !ok {
		return v, false
	}
	for {
		next, more := subst[r]
		if !more {
			break
		}
		r = next
	}
	if subst[v] != r {
		subst[v] = r
	}
	return r, true
}

// RenumberLocals clears the IDs of f's unnamed locals and assigns them
// again, so that f prints after passes removed or added unnamed values.
func RenumberLocals(f *ir.Func) error {
	type ided interface {
		IsUnnamed() bool
		SetID(int64)
	}
	clear := func(v any) {
		if n, ok := v.(ided); ok && n.IsUnnamed() {
			n.SetID(0)
		}
	}
	for _, p := range f.Params {
		clear(p)
	}
	for _, b := range f.Blocks {
		clear(b)
		for _, inst := range b.Insts {
			clear(inst)
		}
		clear(b.Term)
	}
	return f.AssignIDs()
}

// IntConst makes an integer constant of type t from v, reduced modulo 2^bits.
// Words with the top bit set print as negative numbers (LLVM reads both).
func IntConst(t *types.IntType, v *big.Int) *constant.Int {
	bits := uint(t.BitSize)
	x := new(big.Int).Set(v)
	mod := new(big.Int).Lsh(big.NewInt(1), bits)
	x.Mod(x, mod)
	if bits > 1 && x.Bit(int(bits)-1) == 1 {
		x.Sub(x, mod)
	}
	return &constant.Int{Typ: t, X: x}
}

// Unsigned returns the value of an integer constant as an unsigned number in
// [0, 2^bits).
func Unsigned(c *constant.Int) *big.Int {
	x := new(big.Int).Set(c.X)
	if x.Sign() < 0 {
		x.Add(x, new(big.Int).Lsh(big.NewInt(1), uint(c.Typ.BitSize)))
	}
	return x
}

// ZeroOf is the zero value of a first-class type (0 for integers,
// zeroinitializer otherwise).
func ZeroOf(t types.Type) constant.Constant {
	if it, ok := t.(*types.IntType); ok {
		return constant.NewInt(it, 0)
	}
	return constant.NewZeroInitializer(t)
}

// CallTarget returns the function a call instruction calls directly (nil for
// an indirect call) and, when that is an intrinsic @evm.<name>, its builtin.
func CallTarget(c *ir.InstCall) (*ir.Func, *Builtin) {
	f, ok := c.Callee.(*ir.Func)
	if !ok {
		return nil, nil
	}
	// GlobalName, not Name(): Name() re-parses the identifier on every call,
	// and this runs for every call instruction in every pass.
	if !strings.HasPrefix(f.GlobalName, "evm.") {
		return f, nil
	}
	b, _ := LookupIntrinsic(f.GlobalName)
	return f, b
}

// IsTerminatingCall reports whether inst calls an intrinsic that never returns
// (return, revert, stop, invalid, selfdestruct).
func IsTerminatingCall(inst ir.Instruction) bool {
	c, ok := inst.(*ir.InstCall)
	if !ok {
		return false
	}
	_, b := CallTarget(c)
	return b != nil && b.Terminates()
}

// RemovePhiIncoming removes n incoming entries for pred from the phis at the
// start of b (n is the number of edges pred→b that disappeared).
func RemovePhiIncoming(b, pred *ir.Block, n int) {
	for _, inst := range b.Insts {
		phi, ok := inst.(*ir.InstPhi)
		if !ok {
			break
		}
		left := n
		out := phi.Incs[:0]
		for _, inc := range phi.Incs {
			if left > 0 && inc.Pred == pred {
				left--
				continue
			}
			out = append(out, inc)
		}
		for i := len(out); i < len(phi.Incs); i++ {
			phi.Incs[i] = nil
		}
		phi.Incs = out
	}
}

// ReplacePhiPred renames the incoming block old to new in the phis of b.
func ReplacePhiPred(b, old, new *ir.Block) {
	for _, inst := range b.Insts {
		phi, ok := inst.(*ir.InstPhi)
		if !ok {
			break
		}
		for _, inc := range phi.Incs {
			if inc.Pred == old {
				inc.Pred = new
			}
		}
	}
}

// RemoveUnreachableBlocks deletes the blocks of f that the entry block does
// not reach, removes their entries from the phis of reachable blocks, and
// reports whether it removed anything. A phi left with a single incoming
// value stays a phi (later passes fold it).
func RemoveUnreachableBlocks(f *ir.Func) bool {
	if len(f.Blocks) == 0 {
		return false
	}
	seen := make(map[*ir.Block]bool, len(f.Blocks))
	stack := []*ir.Block{f.Blocks[0]}
	seen[f.Blocks[0]] = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range Succs(b.Term) {
			if !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	if len(seen) == len(f.Blocks) {
		return false
	}
	kept := f.Blocks[:0]
	var dead []*ir.Block
	for _, b := range f.Blocks {
		if seen[b] {
			kept = append(kept, b)
		} else {
			dead = append(dead, b)
		}
	}
	for i := len(kept); i < len(f.Blocks); i++ {
		f.Blocks[i] = nil
	}
	f.Blocks = kept
	for _, d := range dead {
		for _, s := range Succs(d.Term) {
			if seen[s] {
				RemovePhiIncoming(s, d, 1)
			}
		}
	}
	// Values defined in dead blocks can still be named by phis of live
	// blocks only through dead edges, which are gone now; other uses would
	// break dominance and cannot exist in verified IR.
	return true
}

// AppendOperands appends the operand pointers of an instruction or
// terminator to buf, in the order of llir's Operands(), without allocating
// a new slice for the common instructions (Operands() allocates on every
// call, and the passes call it for every instruction).
func AppendOperands(buf []*value.Value, x any) []*value.Value {
	switch x := x.(type) {
	case *ir.InstAdd:
		return append(buf, &x.X, &x.Y)
	case *ir.InstSub:
		return append(buf, &x.X, &x.Y)
	case *ir.InstMul:
		return append(buf, &x.X, &x.Y)
	case *ir.InstAnd:
		return append(buf, &x.X, &x.Y)
	case *ir.InstOr:
		return append(buf, &x.X, &x.Y)
	case *ir.InstXor:
		return append(buf, &x.X, &x.Y)
	case *ir.InstICmp:
		return append(buf, &x.X, &x.Y)
	case *ir.InstZExt:
		return append(buf, &x.From)
	case *ir.InstTrunc:
		return append(buf, &x.From)
	case *ir.InstSelect:
		return append(buf, &x.Cond, &x.ValueTrue, &x.ValueFalse)
	case *ir.InstExtractValue:
		return append(buf, &x.X)
	case *ir.InstInsertValue:
		return append(buf, &x.X, &x.Elem)
	case *ir.InstLoad:
		return append(buf, &x.Src)
	case *ir.InstStore:
		return append(buf, &x.Src, &x.Dst)
	case *ir.InstCall:
		buf = append(buf, &x.Callee)
		for i := range x.Args {
			buf = append(buf, &x.Args[i])
		}
		return buf
	case *ir.InstPhi:
		for i := range x.Incs {
			buf = append(buf, &x.Incs[i].X, &x.Incs[i].Pred)
		}
		return buf
	case *ir.TermBr:
		return append(buf, &x.Target)
	case *ir.TermCondBr:
		return append(buf, &x.Cond, &x.TargetTrue, &x.TargetFalse)
	case *ir.TermSwitch:
		buf = append(buf, &x.X, &x.TargetDefault)
		for i := range x.Cases {
			buf = append(buf, &x.Cases[i].X, &x.Cases[i].Target)
		}
		return buf
	case *ir.TermRet:
		if x.X != nil {
			buf = append(buf, &x.X)
		}
		return buf
	case *ir.TermUnreachable:
		return buf
	case nil:
		return buf
	case interface{ Operands() []*value.Value }:
		return append(buf, x.Operands()...)
	}
	return buf
}

// AppendSuccs appends the successors of a terminator to buf, one entry per
// edge, like Succs but without allocating.
func AppendSuccs(buf []*ir.Block, t ir.Terminator) []*ir.Block {
	switch t := t.(type) {
	case *ir.TermBr:
		return append(buf, t.Target.(*ir.Block))
	case *ir.TermCondBr:
		return append(buf, t.TargetTrue.(*ir.Block), t.TargetFalse.(*ir.Block))
	case *ir.TermSwitch:
		buf = append(buf, t.TargetDefault.(*ir.Block))
		for _, c := range t.Cases {
			buf = append(buf, c.Target.(*ir.Block))
		}
		return buf
	case nil:
		return buf
	}
	return append(buf, t.Succs()...)
}

// ReachableFuncs lists main and every defined function it calls, directly
// or not, main first, then in the order calls are first met (deterministic:
// both backends lay functions out in this order).
func ReachableFuncs(main *ir.Func) []*ir.Func {
	seen := map[*ir.Func]bool{main: true}
	order := []*ir.Func{main}
	for i := 0; i < len(order); i++ {
		for _, b := range order[i].Blocks {
			for _, inst := range b.Insts {
				c, ok := inst.(*ir.InstCall)
				if !ok {
					continue
				}
				f, ok := c.Callee.(*ir.Func)
				if !ok || len(f.Blocks) == 0 || seen[f] {
					continue
				}
				seen[f] = true
				order = append(order, f)
			}
		}
	}
	return order
}
