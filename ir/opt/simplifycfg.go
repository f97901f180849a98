package opt

import (
	"strconv"

	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// simplifyCFG folds constant branches and switches, turns branches whose
// targets are all the same block into br, removes unreachable blocks,
// forwards edges through empty blocks (a block holding only br), merges
// a block into its only predecessor when that predecessor only branches to
// it, and shares one copy of identical exit blocks (the many revert(0, 0)
// and Panic blocks of Solidity code). It repeats until nothing changes; phis are kept one entry per edge.
func simplifyCFG(f *llvm.Func, ctx *Context) bool {
	if len(f.Blocks) == 1 {
		switch f.Blocks[0].Term.(type) {
		case *llvm.TermRet, *llvm.TermUnreachable:
			return false // no edges: nothing to simplify
		}
	}
	changed := false
	for iter := 0; ; iter++ {
		c := foldBranches(f, ctx)
		c = ir.RemoveUnreachableBlocks(f) || c
		c = threadEmptyBlocks(f, ctx) || c
		c = mergeBlocks(f) || c
		c = mergeIdenticalExits(f) || c
		if !c {
			return changed
		}
		changed = true
		if iter > 100 {
			return changed // a safety net; each round shrinks the graph
		}
	}
}

// foldBranches rewrites conditional terminators that can only go one way.
func foldBranches(f *llvm.Func, ctx *Context) bool {
	changed := false
	for _, b := range f.Blocks {
		var target *llvm.Block
		switch t := b.Term.(type) {
		case *llvm.TermCondBr:
			if c := intConst(t.Cond); c != nil {
				if c.X.Sign() != 0 {
					target = t.TargetTrue.(*llvm.Block)
				} else {
					target = t.TargetFalse.(*llvm.Block)
				}
			} else if t.TargetTrue == t.TargetFalse {
				target = t.TargetTrue.(*llvm.Block)
			}
		case *llvm.TermSwitch:
			if c := intConst(t.X); c != nil {
				target = ir.Succs(t)[switchTarget(t, c)]
			} else if allSame(ir.Succs(t)) {
				target = t.TargetDefault.(*llvm.Block)
			} else if pruneCases(b, t) {
				changed = true
			}
		}
		if target != nil {
			replaceTerm(ctx, b, target)
			changed = true
		}
	}
	return changed
}

func allSame(bs []*llvm.Block) bool {
	for _, b := range bs[1:] {
		if b != bs[0] {
			return false
		}
	}
	return true
}

// pruneCases drops switch cases that go to the default block; the default
// block's phis lose one entry from b per dropped edge.
func pruneCases(b *llvm.Block, t *llvm.TermSwitch) bool {
	def := t.TargetDefault.(*llvm.Block)
	out := t.Cases[:0]
	dropped := 0
	for _, c := range t.Cases {
		if c.Target == def {
			dropped++
			continue
		}
		out = append(out, c)
	}
	if dropped == 0 {
		return false
	}
	for i := len(out); i < len(t.Cases); i++ {
		t.Cases[i] = nil
	}
	t.Cases = out
	ir.ResetSuccs(t)
	ir.RemovePhiIncoming(def, b, dropped)
	return true
}

// threadEmptyBlocks redirects the predecessors of a block E that holds
// nothing but "br T" straight to T, when T's phis allow it: each phi gets,
// for each redirected edge, the value it had for E. A predecessor already
// branching to T must agree with that value (LLVM allows several edges from
// one block only with equal phi values). The value for E dominates E, so it
// dominates the end of every predecessor of E.
func threadEmptyBlocks(f *llvm.Func, ctx *Context) bool {
	// Blocks get dense ids; cnt[edgeKey(p, b)] counts the edges p→b (a key
	// may be present with count 0), npreds[b] is the number of keys present
	// for b, and order[b] lists b's predecessors in the order they were
	// found, for a deterministic result.
	ids := make(map[*llvm.Block]uint32, len(f.Blocks))
	for i, b := range f.Blocks {
		ids[b] = uint32(i)
	}
	id := func(b *llvm.Block) uint32 {
		i, ok := ids[b]
		if !ok {
			i = uint32(len(ids))
			ids[b] = i
		}
		return i
	}
	var (
		cnt    = make(map[uint64]int, len(f.Blocks)*2)
		npreds = make([]int, len(f.Blocks))
		order  = make([][]*llvm.Block, len(f.Blocks))
	)
	key := func(p, s uint32) uint64 { return uint64(p)<<32 | uint64(s) }
	addEdge := func(p, s *llvm.Block, n int) {
		pi, si := id(p), id(s)
		for int(si) >= len(npreds) {
			npreds = append(npreds, 0)
			order = append(order, nil)
		}
		k := key(pi, si)
		c, present := cnt[k]
		if !present {
			npreds[si]++
		}
		if c == 0 {
			order[si] = append(order[si], p)
		}
		cnt[k] = c + n
	}
	for _, p := range f.Blocks {
		for _, s := range ir.Succs(p.Term) {
			addEdge(p, s, 1)
		}
	}
	changed := false
	for bi := 1; bi < len(f.Blocks); bi++ {
		e := f.Blocks[bi]
		br, ok := e.Term.(*llvm.TermBr)
		if !ok || len(e.Insts) != 0 || npreds[id(e)] == 0 {
			continue
		}
		t := br.Target.(*llvm.Block)
		if t == e {
			continue
		}
		phis := leadingPhis(t)
		fromE := make([]value.Value, len(phis))
		for i, phi := range phis {
			for _, inc := range phi.Incs {
				if inc.Pred == e {
					fromE[i] = inc.X
					break
				}
			}
		}
		agree := true
		ei, ti := id(e), id(t)
		if len(phis) > 0 {
			for _, p := range order[ei] {
				pi := id(p)
				if _, present := cnt[key(pi, ei)]; !present || cnt[key(pi, ti)] == 0 {
					continue
				}
				for i, phi := range phis {
					for _, inc := range phi.Incs {
						if inc.Pred == p && !sameConst(inc.X, fromE[i]) {
							agree = false
						}
					}
				}
			}
		}
		if !agree {
			continue
		}
		for _, p := range order[ei] {
			if cnt[key(id(p), ei)] == 0 {
				continue
			}
			n := retarget(p.Term, e, t)
			for i, phi := range phis {
				for k := 0; k < n; k++ {
					phi.Incs = append(phi.Incs, llvm.NewIncoming(fromE[i], p))
				}
			}
			addEdge(p, t, n)
		}
		// e has no predecessors left; its edge to t goes away with it.
		ir.RemovePhiIncoming(t, e, 1)
		if _, present := cnt[key(ei, ti)]; present {
			delete(cnt, key(ei, ti))
			npreds[ti]--
		}
		for _, p := range order[ei] {
			delete(cnt, key(id(p), ei))
		}
		npreds[ei], order[ei] = 0, nil
		changed = true
	}
	if changed {
		ir.RemoveUnreachableBlocks(f)
	}
	return changed
}

// retarget replaces the target old by new in t and returns how many edges
// it changed.
func retarget(t llvm.Terminator, old, new *llvm.Block) int {
	n := 0
	swap := func(v *value.Value) {
		if *v == old {
			*v = new
			n++
		}
	}
	switch t := t.(type) {
	case *llvm.TermBr:
		swap(&t.Target)
	case *llvm.TermCondBr:
		swap(&t.TargetTrue)
		swap(&t.TargetFalse)
	case *llvm.TermSwitch:
		swap(&t.TargetDefault)
		for _, c := range t.Cases {
			swap(&c.Target)
		}
	}
	ir.ResetSuccs(t)
	return n
}

func uniqueBlocks(bs []*llvm.Block) []*llvm.Block {
	var out []*llvm.Block
	for _, b := range bs {
		if !containsBlock(out, b) {
			out = append(out, b)
		}
	}
	return out
}

func containsBlock(bs []*llvm.Block, b *llvm.Block) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

func leadingPhis(b *llvm.Block) []*llvm.InstPhi {
	var out []*llvm.InstPhi
	for _, inst := range b.Insts {
		phi, ok := inst.(*llvm.InstPhi)
		if !ok {
			break
		}
		out = append(out, phi)
	}
	return out
}

// mergeBlocks appends a block to its only predecessor when that
// predecessor ends in "br" to it.
func mergeBlocks(f *llvm.Func) bool {
	preds := make(map[*llvm.Block]int)
	for _, b := range f.Blocks {
		for _, s := range ir.Succs(b.Term) {
			preds[s]++
		}
	}
	changed := false
	dead := make(map[*llvm.Block]bool)
	subst := make(map[value.Value]value.Value)
	for _, a := range f.Blocks {
		if dead[a] {
			continue
		}
		for {
			br, ok := a.Term.(*llvm.TermBr)
			if !ok {
				break
			}
			b := br.Target.(*llvm.Block)
			if b == a || b == f.Blocks[0] || preds[b] != 1 {
				break
			}
			// b's phis have a single entry, from a.
			rest := b.Insts
			for len(rest) > 0 {
				phi, ok := rest[0].(*llvm.InstPhi)
				if !ok {
					break
				}
				subst[phi] = phi.Incs[0].X
				rest = rest[1:]
			}
			a.Insts = append(a.Insts, rest...)
			a.Term = b.Term
			for _, s := range ir.Succs(b.Term) {
				ir.ReplacePhiPred(s, b, a)
			}
			b.Insts, b.Term = nil, &llvm.TermUnreachable{}
			dead[b] = true
			changed = true
		}
	}
	if !changed {
		return false
	}
	ir.ReplaceValues(f, subst)
	out := f.Blocks[:0]
	for _, b := range f.Blocks {
		if !dead[b] {
			out = append(out, b)
		}
	}
	for i := len(out); i < len(f.Blocks); i++ {
		f.Blocks[i] = nil
	}
	f.Blocks = out
	return true
}

// mergeIdenticalExits redirects the predecessors of an exit block (no
// successors, no phis, only calls without results) to an earlier exit block
// doing exactly the same: same callees, same arguments, same terminator.
// Arguments defined outside both blocks dominate both, so they dominate
// every predecessor of the merged block too.
func mergeIdenticalExits(f *llvm.Func) bool {
	var seen map[string]*llvm.Block
	var replace map[*llvm.Block]*llvm.Block
	var k exitKeyer
	for _, b := range f.Blocks[1:] {
		key, ok := k.key(b)
		if !ok {
			continue
		}
		if seen == nil {
			seen = make(map[string]*llvm.Block)
		}
		if first, dup := seen[string(key)]; dup {
			if replace == nil {
				replace = make(map[*llvm.Block]*llvm.Block)
			}
			replace[b] = first
		} else {
			seen[string(key)] = b
		}
	}
	if len(replace) == 0 {
		return false
	}
	for _, p := range f.Blocks {
		for _, s := range uniqueBlocks(ir.Succs(p.Term)) {
			if to, ok := replace[s]; ok {
				retarget(p.Term, s, to)
			}
		}
	}
	ir.RemoveUnreachableBlocks(f)
	return true
}

// exitKeyer describes exit blocks for mergeIdenticalExits: two blocks get
// the same key when they make the same calls with the same arguments and end
// the same way. Values other than integer constants are named by small ids
// given in order of appearance (the keys are compared within one function).
type exitKeyer struct {
	buf []byte
	ids map[value.Value]uint64
}

func (k *exitKeyer) value(v value.Value) {
	if c := intConst(v); c != nil {
		k.buf = append(k.buf, " c"...)
		k.buf = strconv.AppendUint(k.buf, c.Typ.BitSize, 10)
		k.buf = append(k.buf, ':')
		k.buf = ir.Unsigned(c).Append(k.buf, 16)
		return
	}
	if k.ids == nil {
		k.ids = make(map[value.Value]uint64)
	}
	n, ok := k.ids[v]
	if !ok {
		n = uint64(len(k.ids))
		k.ids[v] = n
	}
	k.buf = append(k.buf, " v"...)
	k.buf = strconv.AppendUint(k.buf, n, 10)
}

// key returns b's key (valid until the next call), or false when b is not
// an exit block made of calls without results.
func (k *exitKeyer) key(b *llvm.Block) ([]byte, bool) {
	switch b.Term.(type) {
	case *llvm.TermUnreachable, *llvm.TermRet:
	default:
		return nil, false
	}
	for _, inst := range b.Insts {
		call, ok := inst.(*llvm.InstCall)
		if !ok || !isVoid(call) {
			return nil, false
		}
		if _, isFunc := call.Callee.(*llvm.Func); !isFunc {
			return nil, false
		}
	}
	k.buf = k.buf[:0]
	for _, inst := range b.Insts {
		call := inst.(*llvm.InstCall)
		k.buf = append(k.buf, "call"...)
		k.value(call.Callee)
		for _, a := range call.Args {
			k.value(a)
		}
		k.buf = append(k.buf, ';')
	}
	switch t := b.Term.(type) {
	case *llvm.TermUnreachable:
		k.buf = append(k.buf, "unreachable"...)
	case *llvm.TermRet:
		k.buf = append(k.buf, "ret"...)
		if t.X != nil {
			k.value(t.X)
		}
	}
	return k.buf, true
}
