package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// Inlining limits, in instructions (terminators included) of the callee.
// An EVM internal call costs a return label, two jumps and stack shuffling,
// so inlining small callees shrinks code too. Measured on the corpus
// (runtime size against solc's optimized bytecode): a limit of 8 gave 1.29,
// 16 gave 1.14, 30 gave 1.18 with the lowest gas; larger limits grow code
// and push big functions past the EVM backend's stack limits.
const (
	inlineSizeO2 = 30
	inlineSizeOs = 16
	// inlineCopiesO2: at -O2 a callee above the -Os limit is copied only
	// where it has at most this many call sites (or one). Measured on the
	// corpus against the unlimited 30 (EVM gas over the heavy calls /
	// runtime size, optimized IR then unoptimized IR): 2 gave 0.9803 /
	// 1.0102 and 0.9915 / 0.9957, 6 gave 0.9796 / 1.0179 and 0.9871 /
	// 0.9994, 10 gave 0.9804 / 1.0207 and 0.9866 / 1.0038, no limit 0.9804
	// / 1.0214 and 0.9854 / 1.0069; Ewasm modules shrink with it.
	inlineCopiesO2 = 6
	// maxCallerSize stops inlining into a function that grew this large.
	maxCallerSize = 20000
)

// inline replaces calls to small user functions, and to functions called
// exactly once, by a copy of their body. Functions on a call-graph cycle
// (recursive ones) are never inlined. Callers are visited callees-first, so
// a callee is as small as inlining made it before it is copied. A function
// inlined at its only call site is left unused for deadfunc.
func inline(ctx *Context) bool {
	m := ctx.Module
	order, recursive := callGraphOrder(m)
	calls := make(map[*llvm.Func]int) // references of each function
	for _, f := range m.Funcs {
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				var opBuf [8]*value.Value
				for _, op := range ir.AppendOperands(opBuf[:0], inst) {
					if g, ok := (*op).(*llvm.Func); ok {
						calls[g]++
					}
				}
			}
		}
	}
	limit := inlineSizeO2
	if ctx.Level == Os {
		limit = inlineSizeOs
	}
	// Without memoryguard the EVM backend cannot move variables to memory,
	// so a function that grows too large is "stack too deep": inline only
	// callees small enough to save code.
	guarded := usesIntrinsic(m, "evm.memoryguard")
	if !guarded {
		limit = min(limit, inlineSizeOs)
	}
	changed := false
	for _, f := range order {
		size := funcSize(f)
		subst := make(map[value.Value]value.Value)
		for bi := 0; bi < len(f.Blocks); bi++ {
			b := f.Blocks[bi]
			for ii, inst := range b.Insts {
				call, ok := inst.(*llvm.InstCall)
				if !ok {
					continue
				}
				g, builtin := ir.CallTarget(call)
				if g == nil || builtin != nil || len(g.Blocks) == 0 || g == f || recursive[g] || !inlinable(g) {
					continue
				}
				gs := funcSize(g)
				if gs > limit && (calls[g] != 1 || !guarded) {
					continue
				}
				if gs > inlineSizeOs && calls[g] > inlineCopiesO2 {
					continue
				}
				if size+gs > maxCallerSize {
					continue
				}
				inlineCall(ctx, f, bi, ii, call, g, subst, calls)
				calls[g]--
				size += gs
				changed = true
				break // b was split; the rest of it is a new block, visited next
			}
		}
		if size != funcSize(f) || len(subst) > 0 {
			ir.ReplaceValues(f, subst)
			ir.RemoveUnreachableBlocks(f)
		}
	}
	return changed
}

// usesIntrinsic reports whether m declares the intrinsic name.
func usesIntrinsic(m *llvm.Module, name string) bool {
	for _, f := range m.Funcs {
		if f.GlobalName == name {
			return true
		}
	}
	return false
}

func funcSize(f *llvm.Func) int {
	n := 0
	for _, b := range f.Blocks {
		n += len(b.Insts) + 1
	}
	return n
}

// inlinable reports whether every instruction of g can be cloned (allocas
// would need moving to the caller's entry; mem2reg leaves none).
func inlinable(g *llvm.Func) bool {
	for _, b := range g.Blocks {
		for _, inst := range b.Insts {
			switch inst.(type) {
			case *llvm.InstAdd, *llvm.InstSub, *llvm.InstMul, *llvm.InstAnd, *llvm.InstOr, *llvm.InstXor,
				*llvm.InstICmp, *llvm.InstZExt, *llvm.InstTrunc, *llvm.InstSelect, *llvm.InstPhi,
				*llvm.InstCall, *llvm.InstExtractValue, *llvm.InstInsertValue:
			default:
				return false
			}
		}
		switch b.Term.(type) {
		case *llvm.TermRet, *llvm.TermBr, *llvm.TermCondBr, *llvm.TermSwitch, *llvm.TermUnreachable:
		default:
			return false
		}
	}
	return true
}

// inlineCall replaces the call at f.Blocks[bi].Insts[ii] by a copy of g:
// the block is split after the call into a continuation block, the copy's
// returns branch to it, and the call's value becomes the returned value (a
// phi when g returns from several blocks). subst collects the replacement
// of the call; the caller applies it once for all inlined calls.
func inlineCall(ctx *Context, f *llvm.Func, bi, ii int, call *llvm.InstCall, g *llvm.Func,
	subst map[value.Value]value.Value, calls map[*llvm.Func]int) {
	b := f.Blocks[bi]
	cont := &llvm.Block{Parent: f}
	cont.Insts = append([]llvm.Instruction(nil), b.Insts[ii+1:]...)
	cont.Term = b.Term // the same terminator: its span stays
	for _, s := range ir.Succs(cont.Term) {
		ir.ReplacePhiPred(s, b, cont)
	}
	b.Insts = b.Insts[:ii:ii]

	// Clone g's blocks and instructions; operands are remapped afterwards.
	vmap := make(map[value.Value]value.Value, len(g.Params)+funcSize(g))
	for i, p := range g.Params {
		vmap[p] = call.Args[i]
	}
	clones := make([]*llvm.Block, len(g.Blocks))
	storage := make([]llvm.Block, len(g.Blocks)) // one allocation for all clones
	for i, gb := range g.Blocks {
		nb := &storage[i]
		nb.Parent = f
		nb.Insts = make([]llvm.Instruction, 0, len(gb.Insts))
		clones[i] = nb
		vmap[gb] = nb
	}
	type ret struct {
		x     value.Value
		block *llvm.Block
	}
	var rets []ret
	for i, gb := range g.Blocks {
		nb := clones[i]
		for _, inst := range gb.Insts {
			c := cloneInst(inst)
			ctx.copyLoc(inst, c)
			if v, ok := inst.(value.Value); ok {
				vmap[v] = c.(value.Value)
			}
			if cc, ok := c.(*llvm.InstCall); ok {
				if callee, ok := cc.Callee.(*llvm.Func); ok {
					calls[callee]++
				}
			}
			nb.Insts = append(nb.Insts, c)
		}
		if r, ok := gb.Term.(*llvm.TermRet); ok {
			rets = append(rets, ret{r.X, nb})
			nb.Term = llvm.NewBr(cont)
		} else {
			nb.Term = cloneTerm(gb.Term)
		}
		ctx.copyLoc(gb.Term, nb.Term)
	}
	remap := func(op *value.Value) {
		if r, ok := vmap[*op]; ok {
			*op = r
		}
	}
	for _, nb := range clones {
		for _, inst := range nb.Insts {
			var opBuf [8]*value.Value
			for _, op := range ir.AppendOperands(opBuf[:0], inst) {
				remap(op)
			}
		}
		var opBuf [8]*value.Value
		for _, op := range ir.AppendOperands(opBuf[:0], nb.Term) {
			remap(op)
		}
		ir.ResetSuccs(nb.Term)
	}

	// The call's value.
	switch {
	case len(rets) == 0 || rets[0].x == nil:
		if len(rets) == 0 && !isVoid(call) {
			subst[call] = ir.ZeroOf(call.Type()) // cont is unreachable
		}
	case len(rets) == 1:
		x := rets[0].x
		if r, ok := vmap[x]; ok {
			x = r
		}
		subst[call] = x
	default:
		phi := &llvm.InstPhi{Typ: call.Type()}
		for _, r := range rets {
			x := r.x
			if v, ok := vmap[x]; ok {
				x = v
			}
			phi.Incs = append(phi.Incs, llvm.NewIncoming(x, r.block))
		}
		cont.Insts = append([]llvm.Instruction{phi}, cont.Insts...)
		subst[call] = phi
	}

	b.Term = llvm.NewBr(clones[0])
	blocks := make([]*llvm.Block, 0, len(f.Blocks)+len(clones)+1)
	blocks = append(blocks, f.Blocks[:bi+1]...)
	blocks = append(blocks, clones...)
	blocks = append(blocks, cont)
	blocks = append(blocks, f.Blocks[bi+1:]...)
	f.Blocks = blocks
}

// cloneInst copies an instruction with its operands unchanged (unnamed, so
// the copy never collides with a name of the caller).
func cloneInst(inst llvm.Instruction) llvm.Instruction {
	var c llvm.Instruction
	switch inst := inst.(type) {
	case *llvm.InstAdd:
		n := *inst
		c = &n
	case *llvm.InstSub:
		n := *inst
		c = &n
	case *llvm.InstMul:
		n := *inst
		c = &n
	case *llvm.InstAnd:
		n := *inst
		c = &n
	case *llvm.InstOr:
		n := *inst
		c = &n
	case *llvm.InstXor:
		n := *inst
		c = &n
	case *llvm.InstICmp:
		n := *inst
		c = &n
	case *llvm.InstZExt:
		n := *inst
		c = &n
	case *llvm.InstTrunc:
		n := *inst
		c = &n
	case *llvm.InstSelect:
		n := *inst
		c = &n
	case *llvm.InstExtractValue:
		n := *inst
		n.Indices = append([]uint64(nil), inst.Indices...)
		c = &n
	case *llvm.InstInsertValue:
		n := *inst
		n.Indices = append([]uint64(nil), inst.Indices...)
		c = &n
	case *llvm.InstCall:
		n := *inst
		n.Args = append([]value.Value(nil), inst.Args...)
		c = &n
	case *llvm.InstPhi:
		n := *inst
		n.Incs = make([]*llvm.Incoming, len(inst.Incs))
		for i, inc := range inst.Incs {
			n.Incs[i] = &llvm.Incoming{X: inc.X, Pred: inc.Pred}
		}
		c = &n
	default:
		panic("opt: cannot clone " + instName(inst))
	}
	if n, ok := c.(interface {
		SetName(string)
		SetID(int64)
	}); ok {
		n.SetName("")
		n.SetID(0)
	}
	return c
}

func cloneTerm(t llvm.Terminator) llvm.Terminator {
	switch t := t.(type) {
	case *llvm.TermBr:
		return &llvm.TermBr{Target: t.Target, Metadata: t.Metadata}
	case *llvm.TermCondBr:
		return &llvm.TermCondBr{Cond: t.Cond, TargetTrue: t.TargetTrue, TargetFalse: t.TargetFalse, Metadata: t.Metadata}
	case *llvm.TermSwitch:
		n := &llvm.TermSwitch{X: t.X, TargetDefault: t.TargetDefault, Metadata: t.Metadata}
		for _, c := range t.Cases {
			n.Cases = append(n.Cases, &llvm.Case{X: c.X, Target: c.Target})
		}
		return n
	case *llvm.TermUnreachable:
		return &llvm.TermUnreachable{Metadata: t.Metadata}
	}
	panic("opt: cannot clone terminator " + instName(t))
}

func instName(v any) string {
	if s, ok := v.(interface{ LLString() string }); ok {
		return s.LLString()
	}
	return "?"
}

// callGraphOrder returns the defined functions callees-first (Tarjan's
// strongly connected components come out in reverse topological order) and
// the set of functions on a call cycle.
func callGraphOrder(m *llvm.Module) ([]*llvm.Func, map[*llvm.Func]bool) {
	callees := make(map[*llvm.Func][]*llvm.Func)
	for _, f := range m.Funcs {
		seen := make(map[*llvm.Func]bool)
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				var opBuf [8]*value.Value
				for _, op := range ir.AppendOperands(opBuf[:0], inst) {
					if g, ok := (*op).(*llvm.Func); ok && len(g.Blocks) > 0 && !seen[g] {
						seen[g] = true
						callees[f] = append(callees[f], g)
					}
				}
			}
		}
	}
	index := make(map[*llvm.Func]int)
	low := make(map[*llvm.Func]int)
	onStack := make(map[*llvm.Func]bool)
	var stack, order []*llvm.Func
	recursive := make(map[*llvm.Func]bool)
	next := 0
	var visit func(f *llvm.Func)
	visit = func(f *llvm.Func) {
		index[f], low[f] = next, next
		next++
		stack = append(stack, f)
		onStack[f] = true
		for _, g := range callees[f] {
			if _, seen := index[g]; !seen {
				visit(g)
				low[f] = min(low[f], low[g])
			} else if onStack[g] {
				low[f] = min(low[f], index[g])
			}
			if g == f {
				recursive[f] = true
			}
		}
		if low[f] == index[f] {
			var scc []*llvm.Func
			for {
				g := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[g] = false
				scc = append(scc, g)
				if g == f {
					break
				}
			}
			if len(scc) > 1 {
				for _, g := range scc {
					recursive[g] = true
				}
			}
			order = append(order, scc...)
		}
	}
	for _, f := range m.Funcs {
		if len(f.Blocks) > 0 {
			if _, seen := index[f]; !seen {
				visit(f)
			}
		}
	}
	return order, recursive
}
