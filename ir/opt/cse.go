package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// cse is global value numbering over the dominator tree: an instruction
// equal to one that dominates it is replaced by it. Pure operations and
// Mergeable() intrinsics merge; an intrinsic that reads memory, storage,
// transient storage, return data or other accounts carries in its key the
// version of what it reads. A version changes at every write of that kind
// and at every join (a block whose only predecessor is not its immediate
// dominator starts fresh versions), so two reads merge only when no write
// can come between them.
func cse(f *llvm.Func, ctx *Context) bool {
	cfg := ctx.cfg(f)
	g := &gvn{
		ctx:    ctx,
		ids:    make(map[value.Value]int),
		consts: make(map[string]int),
		table:  make(map[gvnKey]value.Value),
		subst:  make(map[value.Value]value.Value),
		endVer: make([]versions, len(f.Blocks)),
	}
	type frame struct {
		b     int
		undo  int
		child int
	}
	var stack []frame
	enter := func(bi int) {
		stack = append(stack, frame{b: bi, undo: len(g.undo)})
		var ver versions
		if p := cfg.Preds[bi]; bi != 0 && len(p) == 1 && p[0] == cfg.Idom[bi] {
			ver = g.endVer[p[0]]
		} else {
			ver = g.fresh()
		}
		g.block(f.Blocks[bi], &ver)
		g.endVer[bi] = ver
	}
	enter(0)
	for len(stack) > 0 {
		fr := &stack[len(stack)-1]
		if fr.child < len(cfg.DomChildren[fr.b]) {
			c := cfg.DomChildren[fr.b][fr.child]
			fr.child++
			enter(c)
			continue
		}
		for i := len(g.undo) - 1; i >= fr.undo; i-- {
			delete(g.table, g.undo[i])
		}
		g.undo = g.undo[:fr.undo]
		stack = stack[:len(stack)-1]
	}
	if len(g.subst) == 0 {
		return false
	}
	ir.ReplaceValues(f, g.subst)
	// Drop the merged instructions (all pure or read-only).
	for _, b := range f.Blocks {
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			if v, ok := inst.(value.Value); ok {
				if _, gone := g.subst[v]; gone {
					continue
				}
			}
			out = append(out, inst)
		}
		for i := len(out); i < len(b.Insts); i++ {
			b.Insts[i] = nil
		}
		b.Insts = out
	}
	return true
}

// Classes of state a read may depend on.
const (
	verMemory = iota
	verStorage
	verTransient
	verReturnData
	verWorld
	numVersions
)

type versions [numVersions]int

type gvnKey struct {
	op     int // instruction kind, or -1 for calls
	aux    int // predicate, width, index
	callee *llvm.Func
	args   [3]int
	ver    versions
}

type gvn struct {
	ctx    *Context
	ids    map[value.Value]int
	consts map[string]int
	table  map[gvnKey]value.Value
	undo   []gvnKey
	subst  map[value.Value]value.Value
	endVer []versions
	next   int
}

func (g *gvn) fresh() versions {
	var v versions
	for i := range v {
		g.next++
		v[i] = g.next
	}
	return v
}

// constKey identifies an integer constant by type and value (every use of
// a constant is its own *constant.Int).
func constKey(c *constant.Int) string { return c.Typ.String() + ":" + ir.Unsigned(c).String() }

// id numbers a value; equal integer constants share a number.
func (g *gvn) id(v value.Value) int {
	if r, ok := ir.Resolve(g.subst, v); ok {
		v = r
	}
	if c, ok := v.(*constant.Int); ok {
		k := constKey(c)
		if n, ok := g.consts[k]; ok {
			return n
		}
		n := len(g.ids) + len(g.consts) + 1
		g.consts[k] = n
		return n
	}
	if n, ok := g.ids[v]; ok {
		return n
	}
	n := len(g.ids) + len(g.consts) + 1
	g.ids[v] = n
	return n
}

const (
	kAdd = iota + 1
	kSub
	kMul
	kAnd
	kOr
	kXor
	kICmp
	kZExt
	kTrunc
	kSelect
	kExtract
	kCall
)

func (g *gvn) block(b *llvm.Block, ver *versions) {
	for _, inst := range b.Insts {
		key, ok := g.key(inst, ver)
		if call, isCall := inst.(*llvm.InstCall); isCall {
			g.clobber(call, ver)
		}
		if !ok {
			continue
		}
		v := inst.(value.Value)
		if prev, found := g.table[key]; found {
			g.subst[v] = prev
			g.ctx.moveLoc(inst, prev)
			continue
		}
		g.table[key] = v
		g.undo = append(g.undo, key)
	}
}

// clobber starts new versions of the state a call may write.
func (g *gvn) clobber(call *llvm.InstCall, ver *versions) {
	e := g.ctx.callEffects(call)
	w := e.Writes()
	bump := func(i int) {
		g.next++
		ver[i] = g.next
	}
	if e.Has(ir.CallsOut) {
		for i := range ver {
			bump(i)
		}
		return
	}
	if w&ir.WritesMemory != 0 {
		bump(verMemory)
	}
	if w&ir.WritesStorage != 0 {
		bump(verStorage)
	}
	if w&ir.WritesTransient != 0 {
		bump(verTransient)
	}
}

func (g *gvn) key(inst llvm.Instruction, ver *versions) (gvnKey, bool) {
	bin := func(op int, x, y value.Value, commutative bool) (gvnKey, bool) {
		a, b := g.id(x), g.id(y)
		if commutative && a > b {
			a, b = b, a
		}
		return gvnKey{op: op, args: [3]int{a, b}}, true
	}
	switch inst := inst.(type) {
	case *llvm.InstAdd:
		return bin(kAdd, inst.X, inst.Y, true)
	case *llvm.InstSub:
		return bin(kSub, inst.X, inst.Y, false)
	case *llvm.InstMul:
		return bin(kMul, inst.X, inst.Y, true)
	case *llvm.InstAnd:
		return bin(kAnd, inst.X, inst.Y, true)
	case *llvm.InstOr:
		return bin(kOr, inst.X, inst.Y, true)
	case *llvm.InstXor:
		return bin(kXor, inst.X, inst.Y, true)
	case *llvm.InstICmp:
		k, _ := bin(kICmp, inst.X, inst.Y, inst.Pred == enum.IPredEQ || inst.Pred == enum.IPredNE)
		k.aux = int(inst.Pred)
		return k, true
	case *llvm.InstZExt:
		return gvnKey{op: kZExt, aux: width(inst.To), args: [3]int{g.id(inst.From)}}, true
	case *llvm.InstTrunc:
		return gvnKey{op: kTrunc, aux: width(inst.To), args: [3]int{g.id(inst.From)}}, true
	case *llvm.InstSelect:
		return gvnKey{op: kSelect, args: [3]int{g.id(inst.Cond), g.id(inst.ValueTrue), g.id(inst.ValueFalse)}}, true
	case *llvm.InstExtractValue:
		if len(inst.Indices) != 1 {
			return gvnKey{}, false
		}
		return gvnKey{op: kExtract, aux: int(inst.Indices[0]), args: [3]int{g.id(inst.X)}}, true
	case *llvm.InstCall:
		fn, b := ir.CallTarget(inst)
		if b == nil || !b.Effects.Mergeable() || b.Rets != 1 || len(inst.Args) > 3 {
			return gvnKey{}, false
		}
		k := gvnKey{op: kCall, callee: fn}
		for i, a := range inst.Args {
			k.args[i] = g.id(a)
		}
		r := b.Effects.Reads()
		if r&ir.ReadsMemory != 0 {
			k.ver[verMemory] = ver[verMemory]
		}
		if r&ir.ReadsStorage != 0 {
			k.ver[verStorage] = ver[verStorage]
		}
		if r&ir.ReadsTransient != 0 {
			k.ver[verTransient] = ver[verTransient]
		}
		if r&ir.ReadsReturnData != 0 {
			k.ver[verReturnData] = ver[verReturnData]
		}
		if r&ir.ReadsWorld != 0 {
			k.ver[verWorld] = ver[verWorld]
		}
		return k, true
	}
	return gvnKey{}, false
}

func width(t types.Type) int {
	if it, ok := t.(*types.IntType); ok {
		return int(it.BitSize)
	}
	return -1
}
