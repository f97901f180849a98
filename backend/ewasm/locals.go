package ewasm

import "sort"

// Local clean-up before encoding (ARCHITECTURE.md "Ewasm code size"): the
// code generators declare a fresh local per value; this pass
//   - turns local.set x; local.get x into local.tee x and drops writes to
//     locals that are never read,
//   - gives locals whose live ranges do not overlap the same index
//     (linear-scan over conservative ranges), and
//   - numbers the remaining locals by use count, so that the most used ones
//     get one-byte indices.
//
// Ranges: a local's range runs from its first to its last access in the
// body, widened to every loop that contains an access. A local that may be
// read before it is written on some path (it relies on the zero a local
// starts with) keeps its own index, as do parameters.

func (m *module) optimizeLocals() {
	for _, f := range m.funcs {
		if f.defined && !f.isImport() && !f.localsDone {
			optimizeLocals(f)
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
	copyProp(f)
	np := len(f.typ.params)
	n := np + len(f.locals)
	if len(f.locals) == 0 {
		return
	}
	peepholeLocals(f, n)

	// maybe-uninitialised reads: definite assignment over the structured
	// body
	pinned := newBitset(n)
	uninitReads(f, n, pinned)

	// ranges
	first := make([]int, n)
	last := make([]int, n)
	uses := make([]int, n)
	for i := range first {
		first[i] = -1
	}
	// outermost enclosing loop of each instruction
	outerStart := make([]int, len(f.body))
	outerEnd := make([]int, len(f.body))
	type frame struct {
		loop  bool
		start int
	}
	var stack []frame
	cur := -1
	var pending []int // instructions waiting for the end of outermost loop
	for i := range f.body {
		in := &f.body[i]
		switch in.op {
		case opBlock, opIf:
			stack = append(stack, frame{})
		case opLoop:
			stack = append(stack, frame{loop: true, start: i})
			if cur < 0 {
				cur = i
			}
		case opEnd:
			if len(stack) > 0 {
				fr := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if fr.loop && fr.start == cur {
					outerStart[i], outerEnd[i] = cur, i
					for _, p := range pending {
						outerStart[p], outerEnd[p] = cur, i
					}
					pending = pending[:0]
					cur = -1
					continue
				}
			}
		}
		if cur >= 0 {
			pending = append(pending, i)
		} else {
			outerStart[i], outerEnd[i] = i, i
		}
	}
	for _, p := range pending {
		outerStart[p], outerEnd[p] = p, len(f.body)
	}
	for i := range f.body {
		in := &f.body[i]
		if !isLocalOp(in.op) {
			continue
		}
		x := localIndex(in)
		uses[x]++
		s, e := outerStart[i], outerEnd[i]
		if first[x] < 0 || s < first[x] {
			first[x] = s
		}
		if e > last[x] {
			last[x] = e
		}
	}

	// linear scan per type over the mergeable locals
	newIdx := make([]int, n)
	for i := range newIdx {
		newIdx[i] = i
	}
	var order []int
	for x := np; x < n; x++ {
		if uses[x] > 0 && !pinned.has(x) {
			order = append(order, x)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	type reg struct {
		end   int
		t     valType
		rep   int
		count int
	}
	var regs []*reg
	regOf := make([]int, n)
	for i := range regOf {
		regOf[i] = -1
	}
	for _, x := range order {
		t := localType(f, x)
		best := -1
		for r, rg := range regs {
			if rg.t == t && rg.end < first[x] {
				best = r
				break
			}
		}
		if best < 0 {
			regs = append(regs, &reg{end: last[x], t: t, rep: x})
			best = len(regs) - 1
		} else {
			regs[best].end = last[x]
		}
		regs[best].count += uses[x]
		regOf[x] = best
	}
	// the new local list: registers and pinned locals, by use count
	type slotT struct {
		t     valType
		count int
		order int
	}
	var slots []slotT
	pinSlot := make([]int, n)
	for r, rg := range regs {
		slots = append(slots, slotT{t: rg.t, count: rg.count, order: r})
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
		switch {
		case regOf[x] >= 0:
			newIdx[x] = np + pos[regOf[x]]
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

// peepholeLocals rewrites local.set x; local.get x into local.tee x and
// removes writes to locals that are never read.
func peepholeLocals(f *function, n int) {
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

// uninitReads marks the locals that some path may read before writing.
func uninitReads(f *function, n int, pinned bitset) {
	np := len(f.typ.params)
	type frame struct {
		kind  opcode
		entry bitset // state on entry (if: before the branches)
		br    bitset // intersection of the states branching to the end
		hasBr bool
		els   bool
	}
	state := newBitset(n)
	for i := 0; i < np; i++ {
		state.add(i)
	}
	dead := false
	top := newBitset(n)
	top.fill()
	meet := func(fr *frame, s bitset) {
		if !fr.hasBr {
			fr.br = s.clone()
			fr.hasBr = true
			return
		}
		fr.br.and(s)
	}
	cur := func() bitset {
		if dead {
			return top
		}
		return state
	}
	stack := []*frame{{kind: opBlock}} // the function body
	target := func(depth int64) *frame {
		k := len(stack) - 1 - int(depth)
		if k < 0 {
			return nil
		}
		return stack[k]
	}
	branch := func(depth int64) {
		fr := target(depth)
		if fr != nil && fr.kind != opLoop {
			meet(fr, cur())
		}
	}
	for i := range f.body {
		in := &f.body[i]
		switch in.op {
		case opBlock, opLoop:
			stack = append(stack, &frame{kind: in.op, entry: cur().clone()})
		case opIf:
			stack = append(stack, &frame{kind: opIf, entry: cur().clone()})
		case opElse:
			fr := stack[len(stack)-1]
			meet(fr, cur())
			fr.els = true
			state = fr.entry.clone()
			dead = false
		case opEnd:
			if len(stack) == 0 {
				break
			}
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			s := cur().clone()
			if fr.kind == opIf && !fr.els {
				s.and(fr.entry)
			}
			if fr.hasBr && fr.kind != opLoop {
				s.and(fr.br)
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
		case opLocalGet:
			if x := localIndex(in); !cur().has(x) {
				pinned.add(x)
			}
		case opLocalSet, opLocalTee:
			if !dead {
				state.add(localIndex(in))
			}
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
