package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// sccp is Wegman and Zadeck's sparse conditional constant propagation: it
// propagates constants through phis while only following edges that can
// execute, then replaces constant values, folds the branches it decided and
// deletes the blocks that never execute.
func sccp(f *llvm.Func, ctx *Context) bool {
	s := newSCCP(f, ctx)
	s.solve()
	return s.rewrite(ctx)
}

type latKind uint8

const (
	latTop    latKind = iota // not known yet (optimistic)
	latConst                 // one constant
	latBottom                // varies
)

type lattice struct {
	kind latKind
	c    *constant.Int
}

type sccpState struct {
	f   *llvm.Func
	cfg *ir.CFG
	// Instructions are numbered in block order: id maps an instruction to
	// its number, which indexes val, users and blockOf.
	id      map[llvm.Instruction]int32
	val     []lattice
	users   [][]llvm.Instruction
	blockOf []int32
	execB   []bool
	execE   [][]int // the blocks with an executable edge to each block
	edges   [][2]int
	insts   []llvm.Instruction
	terms   []int // blocks whose terminator must be revisited

	termIndex map[value.Value][]int // blocks whose terminator reads a value
}

func newSCCP(f *llvm.Func, ctx *Context) *sccpState {
	n := 0
	for _, b := range f.Blocks {
		n += len(b.Insts)
	}
	s := &sccpState{
		f:       f,
		cfg:     ctx.cfg(f),
		id:      make(map[llvm.Instruction]int32, n),
		val:     make([]lattice, n),
		users:   make([][]llvm.Instruction, n),
		blockOf: make([]int32, n),
		execB:   make([]bool, len(f.Blocks)),
		execE:   make([][]int, len(f.Blocks)),
	}
	for bi, b := range f.Blocks {
		for _, inst := range b.Insts {
			i := int32(len(s.id))
			s.id[inst] = i
			s.blockOf[i] = int32(bi)
		}
	}
	var opBuf []*value.Value
	for _, b := range f.Blocks {
		for _, inst := range b.Insts {
			opBuf = ir.AppendOperands(opBuf[:0], inst)
			for _, op := range opBuf {
				if d, ok := (*op).(llvm.Instruction); ok {
					if di, ok := s.id[d]; ok {
						s.users[di] = append(s.users[di], inst)
					}
				}
			}
		}
	}
	return s
}

// get returns the lattice value of an operand.
func (s *sccpState) get(v value.Value) lattice {
	switch v := v.(type) {
	case *constant.Int:
		return lattice{latConst, v}
	case llvm.Instruction:
		if i, ok := s.id[v]; ok {
			return s.val[i]
		}
		return lattice{}
	}
	return lattice{kind: latBottom}
}

func (s *sccpState) set(inst llvm.Instruction, l lattice) {
	v := inst.(value.Value)
	i, ok := s.id[inst]
	if !ok {
		return
	}
	old := s.val[i]
	if old.kind == l.kind && (l.kind != latConst || sameConst(old.c, l.c)) {
		return
	}
	if old.kind > l.kind || (old.kind == latConst && l.kind == latConst) {
		l = lattice{kind: latBottom} // keep the lattice monotone
	}
	s.val[i] = l
	s.insts = append(s.insts, s.users[i]...)
	s.terms = append(s.terms, s.termUsers(v)...)
}

// termUsers lists the blocks whose terminator reads v (computed lazily).
func (s *sccpState) termUsers(v value.Value) []int {
	if s.termIndex == nil {
		s.termIndex = make(map[value.Value][]int)
		for bi, b := range s.f.Blocks {
			var opBuf [8]*value.Value
			for _, op := range ir.AppendOperands(opBuf[:0], b.Term) {
				if _, ok := (*op).(llvm.Instruction); ok {
					s.termIndex[*op] = append(s.termIndex[*op], bi)
				}
			}
		}
	}
	return s.termIndex[v]
}

func (s *sccpState) markEdge(from, to int) {
	if s.edgeExecutable(from, to) {
		return
	}
	s.execE[to] = append(s.execE[to], from)
	s.edges = append(s.edges, [2]int{from, to})
}

func (s *sccpState) edgeExecutable(from, to int) bool {
	for _, p := range s.execE[to] {
		if p == from {
			return true
		}
	}
	return false
}

func (s *sccpState) solve() {
	s.visitBlock(0)
	for len(s.edges) > 0 || len(s.insts) > 0 || len(s.terms) > 0 {
		for len(s.edges) > 0 {
			e := s.edges[len(s.edges)-1]
			s.edges = s.edges[:len(s.edges)-1]
			to := e[1]
			if !s.execB[to] {
				s.visitBlock(to)
			} else {
				for _, inst := range s.f.Blocks[to].Insts {
					phi, ok := inst.(*llvm.InstPhi)
					if !ok {
						break
					}
					s.visitInst(phi)
				}
			}
		}
		for len(s.insts) > 0 {
			inst := s.insts[len(s.insts)-1]
			s.insts = s.insts[:len(s.insts)-1]
			if s.execB[s.blockOf[s.id[inst]]] {
				s.visitInst(inst)
			}
		}
		for len(s.terms) > 0 {
			b := s.terms[len(s.terms)-1]
			s.terms = s.terms[:len(s.terms)-1]
			if s.execB[b] {
				s.visitTerm(b)
			}
		}
	}
}

func (s *sccpState) visitBlock(bi int) {
	s.execB[bi] = true
	for _, inst := range s.f.Blocks[bi].Insts {
		s.visitInst(inst)
	}
	s.visitTerm(bi)
}

func (s *sccpState) visitInst(inst llvm.Instruction) {
	if _, ok := inst.(value.Value); !ok {
		return // store
	}
	if isVoid(inst) {
		return
	}
	if phi, ok := inst.(*llvm.InstPhi); ok {
		bi := int(s.blockOf[s.id[inst]])
		res := lattice{kind: latTop}
		for _, inc := range phi.Incs {
			pi, ok := s.cfg.Index[inc.Pred.(*llvm.Block)]
			if !ok || !s.edgeExecutable(pi, bi) {
				continue
			}
			res = meet(res, s.get(inc.X))
			if res.kind == latBottom {
				break
			}
		}
		s.set(inst, res)
		return
	}
	// An operand still unknown keeps the result unknown; a varying operand
	// makes it vary, unless the instruction folds anyway (select on a
	// constant condition).
	top := false
	c := evaluate(inst, func(v value.Value) *constant.Int {
		l := s.get(v)
		switch l.kind {
		case latConst:
			return l.c
		case latTop:
			top = true
		}
		return nil
	})
	switch {
	case c != nil:
		s.set(inst, lattice{latConst, c})
	case top && s.foldable(inst):
		// wait for the operands
	default:
		s.set(inst, lattice{kind: latBottom})
	}
}

// foldable reports whether evaluate may give a constant for inst.
func (s *sccpState) foldable(inst llvm.Instruction) bool {
	switch inst := inst.(type) {
	case *llvm.InstAdd, *llvm.InstSub, *llvm.InstMul, *llvm.InstAnd, *llvm.InstOr, *llvm.InstXor,
		*llvm.InstICmp, *llvm.InstZExt, *llvm.InstTrunc, *llvm.InstSelect:
		return true
	case *llvm.InstCall:
		return foldableIntrinsic(inst) != nil
	}
	return false
}

func meet(a, b lattice) lattice {
	switch {
	case a.kind == latTop:
		return b
	case b.kind == latTop:
		return a
	case a.kind == latBottom || b.kind == latBottom:
		return lattice{kind: latBottom}
	case sameConst(a.c, b.c):
		return a
	}
	return lattice{kind: latBottom}
}

func (s *sccpState) visitTerm(bi int) {
	b := s.f.Blocks[bi]
	succs := s.cfg.Succs[bi]
	switch t := b.Term.(type) {
	case *llvm.TermCondBr:
		l := s.get(t.Cond)
		switch l.kind {
		case latTop:
		case latConst:
			if l.c.X.Sign() != 0 {
				s.markEdge(bi, succs[0])
			} else {
				s.markEdge(bi, succs[1])
			}
		default:
			s.markEdge(bi, succs[0])
			s.markEdge(bi, succs[1])
		}
	case *llvm.TermSwitch:
		l := s.get(t.X)
		switch l.kind {
		case latTop:
		case latConst:
			s.markEdge(bi, succs[switchTarget(t, l.c)])
		default:
			for _, x := range succs {
				s.markEdge(bi, x)
			}
		}
	default:
		for _, x := range succs {
			s.markEdge(bi, x)
		}
	}
}

// switchTarget returns the index in Succs of the edge a switch on c takes.
func switchTarget(t *llvm.TermSwitch, c *constant.Int) int {
	for i, cs := range t.Cases {
		if sameConst(cs.X, c) {
			return i + 1
		}
	}
	return 0
}

// rewrite replaces constant values, folds decided branches and removes
// blocks that never execute.
func (s *sccpState) rewrite(ctx *Context) bool {
	changed := false
	subst := make(map[value.Value]value.Value)
	for bi, b := range s.f.Blocks {
		if !s.execB[bi] {
			continue
		}
		out := b.Insts[:0]
		for _, inst := range b.Insts {
			if v, ok := inst.(value.Value); ok {
				if l := s.get(v); l.kind == latConst && ctx.instRemovable(inst) {
					subst[v] = l.c
					changed = true
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
	for bi, b := range s.f.Blocks {
		if !s.execB[bi] {
			continue
		}
		var taken *llvm.Block
		switch t := b.Term.(type) {
		case *llvm.TermCondBr:
			if l := s.get(t.Cond); l.kind == latConst {
				if l.c.X.Sign() != 0 {
					taken = t.TargetTrue.(*llvm.Block)
				} else {
					taken = t.TargetFalse.(*llvm.Block)
				}
			}
		case *llvm.TermSwitch:
			if l := s.get(t.X); l.kind == latConst {
				taken = ir.Succs(t)[switchTarget(t, l.c)]
			}
		}
		if taken == nil {
			continue
		}
		replaceTerm(ctx, b, taken)
		changed = true
	}
	ir.ReplaceValues(s.f, subst)
	if ir.RemoveUnreachableBlocks(s.f) {
		changed = true
	}
	return changed
}

// replaceTerm makes b branch unconditionally to target, removing b's
// entries from the phis of the successors it no longer reaches (and the
// extra entries of target, which keeps one edge from b).
func replaceTerm(ctx *Context, b, target *llvm.Block) {
	kept := false
	for _, s := range ir.Succs(b.Term) {
		if s == target && !kept {
			kept = true
			continue
		}
		ir.RemovePhiIncoming(s, b, 1)
	}
	br := llvm.NewBr(target)
	ctx.moveLoc(b.Term, br)
	b.Term = br
}

func isVoid(inst llvm.Instruction) bool {
	v, ok := inst.(value.Value)
	return !ok || v.Type().Equal(types.Void)
}
