package ewasm

import (
	"math/bits"
	"sort"
)

// Local clean-up before encoding (ARCHITECTURE.md "Ewasm code size"): the
// code generators declare a fresh local per value; this pass
//   - turns local.set x; local.get x into local.tee x (and longer runs of
//     stores read back in order, peephole.go) and drops writes to locals
//     that are never read,
//   - gives locals that do not interfere the same index (greedy colouring
//     of the interference graph from a liveness analysis, liveness.go),
//     preferring the index of a local it is copied from or to, so that the
//     copy disappears, and letting locals take over dead parameters, and
//   - numbers the remaining locals by use count, so that the most used ones
//     get one-byte indices.
//
// A local that may be read before it is written on some path (it relies
// on the zero a local starts with) keeps its own index, as do parameters.

func (m *module) optimizeLocals() {
	for _, f := range m.funcs {
		if f.defined && !f.isImport() && !f.localsDone {
			optimizeLocals(f)
			constWraps(f)
			shortConsts(f)
			f.localsDone = true
		}
	}
}

type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (s bitset) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s bitset) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s bitset) clone() bitset  { return append(bitset(nil), s...) }
func (s bitset) and(t bitset) {
	for i := range s {
		s[i] &= t[i]
	}
}
func (s bitset) remove(i int) { s[i/64] &^= 1 << (i % 64) }
func (s bitset) or(t bitset) {
	for i := range s {
		s[i] |= t[i]
	}
}
func (s bitset) andNot(t bitset) {
	for i := range s {
		s[i] &^= t[i]
	}
}
func (s bitset) intersects(t bitset) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}
func (s bitset) equal(t bitset) bool {
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// each calls fn for the members in increasing order.
func (s bitset) each(fn func(i int)) {
	for k, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			fn(64*k + b)
			w &= w - 1
		}
	}
}
func (s bitset) fill() {
	for i := range s {
		s[i] = ^uint64(0)
	}
}
func isLocalOp(o opcode) bool  { return o == opLocalGet || o == opLocalSet || o == opLocalTee }
func localIndex(in *instr) int { return int(in.imm) }
func localType(f *function, i int) valType {
	np := len(f.typ.params)
	if i < np {
		return f.typ.params[i]
	}
	return f.locals[i-np]
}

func optimizeLocals(f *function) {
	swapIfs(f)
	branchIfs(f)
	foldConds(f)
	copyProp(f)
	np := len(f.typ.params)
	n := np + len(f.locals)
	if len(f.locals) == 0 {
		return
	}
	peepholeLocals(f, n)
	dropZeroInits(f, n)

	// maybe-uninitialised reads: definite assignment over the structured
	// body
	pinned := newBitset(n)
	uninitReads(f, n, pinned)
	forwardResults(f, n, pinned)

	// first access and number of accesses of each local
	first := make([]int, n)
	uses := make([]int, n)
	for i := range first {
		first[i] = -1
	}
	for i := range f.body {
		in := &f.body[i]
		if !isLocalOp(in.op) {
			continue
		}
		x := localIndex(in)
		uses[x]++
		if first[x] < 0 {
			first[x] = i
		}
	}
	interf := interference(f, n)

	// coalescing: the locals of a copy (local.get a … local.set b) that do
	// not interfere share a group, so that the copy becomes local.get r …
	// local.set r, which removeSelfCopies deletes
	newIdx := make([]int, n)
	for i := range newIdx {
		newIdx[i] = i
	}
	mergeable := func(x int) bool { return x < np || uses[x] > 0 && !pinned.has(x) }
	group := make([]int, n) // union-find parent
	members := make([]bitset, n)
	ginterf := make([]bitset, n)
	for x := 0; x < n; x++ {
		group[x] = x
		if mergeable(x) {
			members[x] = newBitset(n)
			members[x].add(x)
			ginterf[x] = interf[x].clone()
		}
	}
	var find func(x int) int
	find = func(x int) int {
		for group[x] != x {
			group[x] = group[group[x]]
			x = group[x]
		}
		return x
	}
	// the parameter of a group, or -1
	paramOf := make([]int, n)
	for x := range paramOf {
		paramOf[x] = -1
		if x < np {
			paramOf[x] = x
		}
	}
	for _, c := range copyPairs(f) {
		a, b := c[0], c[1]
		if !mergeable(a) || !mergeable(b) || localType(f, a) != localType(f, b) {
			continue
		}
		ra, rb := find(a), find(b)
		if ra == rb || paramOf[ra] >= 0 && paramOf[rb] >= 0 || ginterf[ra].intersects(members[rb]) {
			continue
		}
		if paramOf[rb] >= 0 {
			ra, rb = rb, ra
		}
		group[rb] = ra
		members[ra].or(members[rb])
		ginterf[ra].or(ginterf[rb])
	}
	// greedy colouring of the groups per type, in order of first access
	gfirst := make([]int, n)
	for x := range gfirst {
		gfirst[x] = -1
	}
	var order []int
	for x := np; x < n; x++ {
		if !mergeable(x) {
			continue
		}
		r := find(x)
		if paramOf[r] >= 0 {
			continue
		}
		if gfirst[r] < 0 {
			order = append(order, r)
			gfirst[r] = first[x]
		} else if first[x] < gfirst[r] {
			gfirst[r] = first[x]
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return gfirst[order[a]] < gfirst[order[b]] })
	// param >= 0: the register is that parameter, whose index is fixed; a
	// local can take it over once the parameter is dead
	type reg struct {
		interf bitset // the locals that interfere with a member
		t      valType
		count  int
		param  int
	}
	var regs []*reg
	regOf := make([]int, n) // of each group
	for i := range regOf {
		regOf[i] = -1
	}
	for p := 0; p < np; p++ {
		r := find(p)
		regOf[r] = len(regs)
		regs = append(regs, &reg{interf: ginterf[r], t: localType(f, p), param: p})
	}
	gcount := make([]int, n)
	for x := np; x < n; x++ {
		if mergeable(x) {
			gcount[find(x)] += uses[x]
		}
	}
	for _, g := range order {
		t := localType(f, g)
		best := -1
		for r, rg := range regs {
			if rg.t == t && !rg.interf.intersects(members[g]) {
				best = r
				break
			}
		}
		if best < 0 {
			regs = append(regs, &reg{interf: ginterf[g].clone(), t: t, param: -1})
			best = len(regs) - 1
		} else {
			regs[best].interf.or(ginterf[g])
		}
		regs[best].count += gcount[g]
		regOf[g] = best
	}
	// the new local list: registers and pinned locals, by use count
	type slotT struct {
		t     valType
		count int
		order int
	}
	var slots []slotT
	pinSlot := make([]int, n)
	slotOf := make([]int, len(regs))
	for r, rg := range regs {
		slotOf[r] = -1
		if rg.param < 0 {
			slotOf[r] = len(slots)
			slots = append(slots, slotT{t: rg.t, count: rg.count, order: r})
		}
	}
	for x := np; x < n; x++ {
		pinSlot[x] = -1
		if uses[x] > 0 && pinned.has(x) {
			pinSlot[x] = len(slots)
			slots = append(slots, slotT{t: localType(f, x), count: uses[x], order: len(slots)})
		}
	}
	perm := make([]int, len(slots))
	for i := range perm {
		perm[i] = i
	}
	sort.SliceStable(perm, func(a, b int) bool {
		sa, sb := slots[perm[a]], slots[perm[b]]
		if sa.count != sb.count {
			return sa.count > sb.count
		}
		return sa.order < sb.order
	})
	pos := make([]int, len(slots))
	locals := make([]valType, len(slots))
	for k, s := range perm {
		pos[s] = k
		locals[k] = slots[s].t
	}
	for x := np; x < n; x++ {
		r := -1
		if mergeable(x) {
			r = regOf[find(x)]
		}
		switch {
		case r >= 0 && regs[r].param >= 0:
			newIdx[x] = regs[r].param
		case r >= 0:
			newIdx[x] = np + pos[slotOf[r]]
		case pinSlot[x] >= 0:
			newIdx[x] = np + pos[pinSlot[x]]
		}
	}
	for i := range f.body {
		in := &f.body[i]
		if isLocalOp(in.op) {
			in.imm = int64(newIdx[localIndex(in)])
		}
	}
	f.locals = locals
	// merged registers can make local.set x; local.get x adjacent again
	peepholeLocals(f, np+len(locals))
}

// swappedOp is the operator with its operands exchanged, for the
// commutative and ordered compares of i32 and i64.
var swappedOp = map[opcode]opcode{
	opI64Eq: opI64Eq, opI64Ne: opI64Ne, opI64Add: opI64Add, opI64Mul: opI64Mul,
	opI64And: opI64And, opI64Or: opI64Or, opI64Xor: opI64Xor,
	opI64LtU: opI64GtU, opI64GtU: opI64LtU,
	opI32Eq: opI32Eq, opI32Ne: opI32Ne, opI32Add: opI32Add, opI32And: opI32And,
	opI32Or: opI32Or, opI32Xor: opI32Xor, opI32LtU: opI32GtU, opI32GtU: opI32LtU,
}

// commuteReads turns local.set x; const; local.get x; op into local.set x;
// local.get x; const; op' (op' = op with its operands exchanged), so that
// the store and the read meet (solc compares selectors as eq(const, x)).
func commuteReads(f *function) {
	b := f.body
	for i := 0; i+3 < len(b); i++ {
		c, g := b[i+1], b[i+2]
		op, ok := swappedOp[b[i+3].op]
		if b[i].op != opLocalSet || (c.op != opI64Const && c.op != opI32Const) || c.sym != symNone ||
			g.op != opLocalGet || g.imm != b[i].imm || !ok {
			continue
		}
		b[i+1], b[i+2], b[i+3].op = g, c, op
	}
}

// peepholeLocals rewrites local.set x; local.get x into local.tee x and
// removes writes to locals that are never read.
func peepholeLocals(f *function, n int) {
	removeSelfCopies(f)
	commuteReads(f)
	teeRuns(f)
	np := len(f.typ.params)
	body := f.body[:0]
	for i := 0; i < len(f.body); i++ {
		in := f.body[i]
		if in.op == opLocalSet && i+1 < len(f.body) && f.body[i+1].op == opLocalGet && f.body[i+1].imm == in.imm {
			in.op = opLocalTee
			i++
		}
		body = append(body, in)
	}
	f.body = body
	reads := make([]int, n)
	for i := range f.body {
		if f.body[i].op == opLocalGet {
			reads[localIndex(&f.body[i])]++
		}
	}
	body = f.body[:0]
	for _, in := range f.body {
		if (in.op == opLocalSet || in.op == opLocalTee) && int(in.imm) >= np && reads[in.imm] == 0 {
			if in.op == opLocalTee {
				continue
			}
			in = instr{op: opDrop}
		}
		body = append(body, in)
	}
	f.body = body
}

// uninitReads marks the locals that some path may read before writing:
// the state is the set of locals written on every path (all of them where
// no path arrives), so paths meet by intersection.
func uninitReads(f *function, n int, pinned bitset) {
	state := newBitset(n)
	for i := 0; i < len(f.typ.params); i++ {
		state.add(i)
	}
	all := newBitset(n)
	all.fill()
	forwardFlow(f.body, state, all, bitset.and, nil, func(_ int, in *instr, s bitset, dead bool) {
		switch {
		case dead:
		case in.op == opLocalGet:
			if x := localIndex(in); !s.has(x) {
				pinned.add(x)
			}
		case in.op == opLocalSet || in.op == opLocalTee:
			s.add(localIndex(in))
		}
	})
}

// forwardFlow runs a forward analysis over a structured body in one pass:
// state is the set on entry, unreached the set of code no path reaches
// (the identity of join, which merges the sets of paths that meet: at the
// end of a block, if or loop, from its branches and its fall-through, and
// after an if without else, from the if). loopEntry, when not nil, may
// widen the state where a loop starts (back edges meet nothing here, so a
// may-analysis adds what the loop can change). step sees every other
// instruction with the current state, which it may change, and whether
// any path reaches it.
func forwardFlow(body []instr, state, unreached bitset, join func(dst, src bitset),
	loopEntry func(at int, s bitset), step func(i int, in *instr, s bitset, dead bool)) {
	type frame struct {
		kind  opcode
		entry bitset // state on entry (if: before the arms)
		br    bitset // the states of the branches to the end, joined
		els   bool
	}
	dead := false
	cur := func() bitset {
		if dead {
			return unreached
		}
		return state
	}
	stack := []*frame{{kind: opBlock, br: unreached.clone()}} // the body
	branch := func(depth int64) {
		if k := len(stack) - 1 - int(depth); k >= 0 && stack[k].kind != opLoop {
			join(stack[k].br, cur())
		}
	}
	for i := range body {
		in := &body[i]
		switch in.op {
		case opBlock, opIf:
			stack = append(stack, &frame{kind: in.op, entry: cur().clone(), br: unreached.clone()})
		case opLoop:
			stack = append(stack, &frame{kind: opLoop, br: unreached.clone()})
			if loopEntry != nil {
				loopEntry(i, state)
			}
		case opElse:
			fr := stack[len(stack)-1]
			join(fr.br, cur())
			fr.els = true
			state, dead = fr.entry.clone(), false
		case opEnd:
			if len(stack) == 1 {
				break
			}
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			s := cur().clone()
			if fr.kind != opLoop {
				join(s, fr.br)
			}
			if fr.kind == opIf && !fr.els {
				join(s, fr.entry)
			}
			state, dead = s, false
		case opBr:
			branch(in.imm)
			dead = true
		case opBrIf:
			branch(in.imm)
		case opBrTable:
			for _, t := range in.table {
				branch(int64(t))
			}
			dead = true
		case opReturn, opUnreachable:
			dead = true
		default:
			step(i, in, state, dead)
		}
	}
}

// copyProp removes copies between locals that each have one write (or are
// parameters that are never written): local.get a … local.set b, with the
// value pushed by the get taken by the set. The code generator writes every
// value's local once before its reads (a read that may see the initial zero
// is excluded), so b equals a wherever b is read and b's reads can read a.
func copyProp(f *function) {
	np := len(f.typ.params)
	n := np + len(f.locals)
	if n == 0 {
		return
	}
	writes := make([]int, n)
	writeAt := make([]int, n)
	for i, in := range f.body {
		if in.op == opLocalSet || in.op == opLocalTee {
			writes[in.imm]++
			writeAt[in.imm] = i
		}
	}
	pinned := newBitset(n)
	uninitReads(f, n, pinned)
	rep := make([]int, n)
	for i := range rep {
		rep[i] = i
	}
	del := map[int]bool{}
	for p, in := range f.body {
		if in.op != opLocalGet {
			continue
		}
		a := int(in.imm)
		if pinned.has(a) || !(a < np && writes[a] == 0 || a >= np && writes[a] == 1 && writeAt[a] < p) {
			continue
		}
		q, _ := consumer(f.body, p)
		if q < 0 || (f.body[q].op != opLocalSet && f.body[q].op != opLocalTee) {
			continue
		}
		b := int(f.body[q].imm)
		if b < np || b == a || writes[b] != 1 || pinned.has(b) || localType(f, a) != localType(f, b) {
			continue
		}
		rep[b] = rep[a]
		del[q] = true
		if f.body[q].op == opLocalSet {
			del[p] = true
		}
	}
	if len(del) == 0 {
		return
	}
	body := f.body[:0]
	for i, in := range f.body {
		if del[i] {
			continue
		}
		if in.op == opLocalGet {
			in.imm = int64(rep[in.imm])
		}
		body = append(body, in)
	}
	f.body = body
}

// copyPairs lists the copies between locals (local.get a whose value
// local.set b or local.tee b takes) as {a, b}, in body order.
func copyPairs(f *function) [][2]int {
	var pairs [][2]int
	for p, in := range f.body {
		if in.op != opLocalGet {
			continue
		}
		q, _ := consumer(f.body, p)
		if q < 0 || (f.body[q].op != opLocalSet && f.body[q].op != opLocalTee) {
			continue
		}
		a, b := int(in.imm), int(f.body[q].imm)
		if a != b {
			pairs = append(pairs, [2]int{a, b})
		}
	}
	return pairs
}

// removeSelfCopies deletes local.get x … local.set x where the set takes
// the value of the get and nothing in between writes x (the copies of a
// phi whose value and incoming value share a local); local.get x …
// local.tee x loses the tee.
func removeSelfCopies(f *function) {
	del := map[int]bool{}
	for p, in := range f.body {
		if in.op != opLocalGet || del[p] {
			continue
		}
		q, _ := consumer(f.body, p)
		if q < 0 || del[q] || (f.body[q].op != opLocalSet && f.body[q].op != opLocalTee) || f.body[q].imm != in.imm {
			continue
		}
		written := false
		for j := p + 1; j < q; j++ {
			if o := f.body[j].op; (o == opLocalSet || o == opLocalTee) && f.body[j].imm == in.imm && !del[j] {
				written = true
				break
			}
		}
		if written {
			continue
		}
		del[q] = true
		if f.body[q].op == opLocalSet {
			del[p] = true
		}
	}
	if len(del) > 0 {
		f.body = deleteMarked(f.body, del)
	}
}

// dropZeroInits removes writes of the constant 0 to a local that holds 0
// already on every path: locals start as 0, so the first write of a phi
// or variable initialised to 0 is redundant unless the local was written
// before (in a loop, for instance). The analysis walks the structured
// body with the set of locals that may be non-zero; a loop starts with the
// locals written non-zero anywhere in it.
func dropZeroInits(f *function, n int) {
	body := f.body
	np := len(f.typ.params)
	// zeroAt[q]: the local.set/tee at q stores a zero constant pushed at
	// constAt[q]
	zeroAt := map[int]int{}
	for p, in := range body {
		if !(in.op == opI64Const || in.op == opI32Const) || in.sym != symNone || in.imm != 0 {
			continue
		}
		if q, _ := consumer(body, p); q >= 0 && (body[q].op == opLocalSet || body[q].op == opLocalTee) {
			zeroAt[q] = p
		}
	}
	if len(zeroAt) == 0 {
		return
	}
	// the locals written non-zero inside each loop
	loopDirty := map[int]bitset{}
	var open []int
	for i, in := range body {
		switch in.op {
		case opBlock, opIf:
			open = append(open, -1)
		case opLoop:
			open = append(open, i)
			loopDirty[i] = newBitset(n)
		case opEnd:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case opLocalSet, opLocalTee:
			if _, zero := zeroAt[i]; zero {
				continue
			}
			for _, l := range open {
				if l >= 0 {
					loopDirty[l].add(localIndex(&body[i]))
				}
			}
		}
	}
	// the state: the locals that may be non-zero (none where no path
	// arrives), so paths meet by union
	state := newBitset(n)
	for p := 0; p < np; p++ {
		state.add(p)
	}
	del := map[int]bool{}
	grow := func(at int, s bitset) { s.or(loopDirty[at]) }
	forwardFlow(body, state, newBitset(n), bitset.or, grow, func(i int, in *instr, s bitset, dead bool) {
		if dead || (in.op != opLocalSet && in.op != opLocalTee) {
			return
		}
		x := localIndex(in)
		p, zero := zeroAt[i]
		switch {
		case zero && !s.has(x):
			del[i] = true
			if in.op == opLocalSet {
				del[p] = true
			}
		case zero:
			s.remove(x)
		default:
			s.add(x)
		}
	})
	if len(del) > 0 {
		f.body = deleteMarked(body, del)
	}
}

// deleteMarked returns body without the instructions whose index del
// marks, reusing its array.
func deleteMarked(body []instr, del map[int]bool) []instr {
	out := body[:0]
	for i, in := range body {
		if !del[i] {
			out = append(out, in)
		}
	}
	return out
}
