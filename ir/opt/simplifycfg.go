package opt

import (
	"fmt"
	"strings"

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
	// preds[b][p] counts the edges p→b; order[b] lists b's predecessors in
	// the order they were found, for a deterministic result.
	preds := make(map[*llvm.Block]map[*llvm.Block]int, len(f.Blocks))
	order := make(map[*llvm.Block][]*llvm.Block, len(f.Blocks))
	addEdge := func(p, s *llvm.Block, n int) {
		m := preds[s]
		if m == nil {
			m = make(map[*llvm.Block]int)
			preds[s] = m
		}
		if m[p] == 0 {
			order[s] = append(order[s], p)
		}
		m[p] += n
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
		if !ok || len(e.Insts) != 0 || len(preds[e]) == 0 {
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
		if len(phis) > 0 {
			for p := range preds[e] {
				if preds[t][p] == 0 {
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
		for _, p := range order[e] {
			if preds[e][p] == 0 {
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
		delete(preds[t], e)
		preds[e], order[e] = nil, nil
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
	seen := make(map[string]*llvm.Block)
	replace := make(map[*llvm.Block]*llvm.Block)
	for _, b := range f.Blocks[1:] {
		key, ok := exitKey(b)
		if !ok {
			continue
		}
		if first, dup := seen[key]; dup {
			replace[b] = first
		} else {
			seen[key] = b
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

// exitKey describes an exit block for mergeIdenticalExits.
func exitKey(b *llvm.Block) (string, bool) {
	if len(ir.Succs(b.Term)) != 0 {
		return "", false
	}
	var sb strings.Builder
	token := func(v value.Value) {
		if c := intConst(v); c != nil {
			fmt.Fprintf(&sb, " c%d:%s", c.Typ.BitSize, ir.Unsigned(c))
			return
		}
		fmt.Fprintf(&sb, " v%p", v)
	}
	for _, inst := range b.Insts {
		call, ok := inst.(*llvm.InstCall)
		if !ok || !isVoid(call) {
			return "", false
		}
		fn, isFunc := call.Callee.(*llvm.Func)
		if !isFunc {
			return "", false
		}
		fmt.Fprintf(&sb, "call %p", fn)
		for _, a := range call.Args {
			token(a)
		}
		sb.WriteString(";")
	}
	switch t := b.Term.(type) {
	case *llvm.TermUnreachable:
		sb.WriteString("unreachable")
	case *llvm.TermRet:
		sb.WriteString("ret")
		if t.X != nil {
			token(t.X)
		}
	default:
		return "", false
	}
	return sb.String(), true
}
