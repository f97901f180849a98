package ewasm

import "math/bits"

// Peephole passes over finished function bodies (run by optimizeLocals):
//
//   - teeRuns: a run of values stored to locals and then read back in the
//     same order keeps them on the stack with local.tee (the four limbs of
//     a word copied out of the result globals and pushed right away as an
//     argument);
//   - branchIfs: an if whose arm is a lone br becomes a br_if in front of
//     the other arm;
//   - foldConds: negated comparisons and double negations of conditions
//     are folded;
//   - shortConsts: constants with many trailing zero bits are built with a
//     shift when that is shorter.

// maxTeeRun bounds the number of stores teeRuns looks back over, maxTeeGap
// the length of the code between them and the reads.
const (
	maxTeeRun = 16
	maxTeeGap = 64
)

// balancedFrom reports whether body[j:q] is straight-line code that never
// pops below the stack it starts on and leaves it as high as it found it.
func balancedFrom(body []instr, j, q int) bool {
	d := 0
	for t := j; t < q; t++ {
		pop, push, ok := stackEffect(body[t])
		if !ok || d < pop {
			return false
		}
		d += push - pop
	}
	return d == 0
}

// pushSlice returns the start (not below floor) of the straight-line code
// that ends just before end and pushes exactly one value without popping
// anything it did not push itself; -1 when there is none.
func pushSlice(body []instr, floor, end int) int {
	need := 1
	for j := end - 1; j >= floor; j-- {
		pop, push, ok := stackEffect(body[j])
		if !ok || push > need {
			return -1
		}
		need += pop - push
		if need == 0 {
			return j
		}
	}
	return -1
}

// teeRuns rewrites
//
//	X0 local.set a0 … Xk local.set ak Y local.get a0 … local.get aj
//
// (each Xi straight-line code pushing one value, j ≤ k, Y straight-line
// code that leaves the stack as it found it and does not write a0…aj, such
// as a call with its arguments) into
//
//	X0 local.tee a0 … Xj local.tee aj X(j+1) local.set a(j+1) … Xk local.set ak Y
//
// the values read back stay on the stack below the later Xi and Y, which
// do not look at them. The locals keep their values, so later reads are
// unaffected; locals left without reads are removed by peepholeLocals.
func teeRuns(f *function) {
	for teeRunsOnce(f) {
	}
}

// teeRunsOnce does one pass of teeRuns and reports whether it changed
// anything.
func teeRunsOnce(f *function) bool {
	body := f.body
	del := make([]bool, len(body))
	changed := false
	// floor: the instructions below it may have been rewritten or deleted
	// in this pass, so no run looks back over them
	floor := 0
	type store struct{ at, x int }
	for q := 1; q < len(body); q++ {
		if body[q].op != opLocalGet || body[q-1].op == opLocalGet {
			continue
		}
		// y: the end of the stores; the code from y to q leaves the stack
		// as it found it (net 0, never below its start), so the values
		// can wait on the stack below it
		y := -1
		net := 0
		for j := q; j > floor && q-j <= maxTeeGap; j-- {
			if j < q {
				pop, push, ok := stackEffect(body[j])
				if !ok {
					break
				}
				net += push - pop
			}
			if net == 0 && balancedFrom(body, j, q) && body[j-1].op == opLocalSet {
				y = j
				break
			}
		}
		if y < 0 {
			continue
		}
		// the stores before y, latest first
		var run []store
		for p := y - 1; p >= floor && len(run) < maxTeeRun && body[p].op == opLocalSet; {
			run = append(run, store{p, int(body[p].imm)})
			s := pushSlice(body, floor, p)
			if s < 0 {
				break
			}
			p = s - 1
		}
		// the reads after the stores, in order
		var reads []int
		for r := q; r < len(body) && body[r].op == opLocalGet; r++ {
			reads = append(reads, int(body[r].imm))
		}
		// the earliest store i such that run i, i-1, … is read back as
		// reads 0, 1, …: the longest match wins
		best, bestLen := -1, 0
		for i := range run {
			n := 0
			for n < len(reads) && i-n >= 0 && run[i-n].x == reads[n] {
				n++
			}
			if n > bestLen {
				best, bestLen = i, n
			}
		}
		if best < 0 {
			continue
		}
		// the stores turned into tees must be the only writes of their
		// locals up to the reads, and distinct
		ok := true
		for n := 0; n < bestLen && ok; n++ {
			st := run[best-n]
			for p := st.at + 1; p < q; p++ {
				if (body[p].op == opLocalSet || body[p].op == opLocalTee) && int(body[p].imm) == st.x {
					ok = false
					break
				}
			}
		}
		if !ok {
			continue
		}
		for n := 0; n < bestLen; n++ {
			body[run[best-n].at].op = opLocalTee
			del[q+n] = true
		}
		changed = true
		floor = q + bestLen
		q = floor - 1
	}
	if !changed {
		return false
	}
	out := body[:0]
	for i, in := range body {
		if !del[i] {
			out = append(out, in)
		}
	}
	f.body = out
	return true
}

// branchIfs rewrites ifs (without results) that are not branch targets:
//
//	if br N else A end   →  br_if N-1 A
//	if br N end          →  br_if N-1
//	if A else br N end   →  i32.eqz br_if N-1 A
//
// The arm that stays loses a nesting level, so the branches in it that
// leave it are renumbered.
func branchIfs(f *function) {
	body := f.body
	n := len(body)
	elseOf, endOf := blockEnds(body)
	// targeted[i]: some branch goes to the block, loop or if at i
	targeted := make([]bool, n)
	var stack []int
	for i, in := range body {
		mark := func(d int) {
			if k := len(stack) - 1 - d; k >= 0 {
				targeted[stack[k]] = true
			}
		}
		switch in.op {
		case opBlock, opLoop, opIf:
			stack = append(stack, i)
		case opEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case opBr, opBrIf:
			mark(int(in.imm))
		case opBrTable:
			for _, t := range in.table {
				mark(int(t))
			}
		}
	}
	// loneBr: the arm [lo, hi) is a single br that leaves the if
	loneBr := func(lo, hi int) bool {
		return hi == lo+1 && body[lo].op == opBr && body[lo].imm >= 1
	}
	out := make([]instr, 0, n)
	// removed[k]: the k-th enclosing frame of the output was dissolved
	var removed []bool
	// depth renumbers a branch depth d seen inside the input's frames
	depth := func(d int64) int64 {
		nd := d
		for k := 0; k < int(d) && k < len(removed); k++ {
			if removed[len(removed)-1-k] {
				nd--
			}
		}
		return nd
	}
	var emit func(lo, hi int)
	emit = func(lo, hi int) {
		for i := lo; i < hi; i++ {
			in := body[i]
			switch in.op {
			case opIf:
				e, end := elseOf[i], endOf[i]
				if end < 0 {
					break
				}
				thenLo, thenHi, elseLo, elseHi := i+1, end, end, end
				if e >= 0 {
					thenHi, elseLo = e, e+1
				}
				if in.bt == noType && !targeted[i] {
					// the dissolved if's own level is accounted for by
					// taking one off the br's depth before renumbering
					switch {
					case loneBr(thenLo, thenHi):
						out = append(out, instr{op: opBrIf, imm: depth(body[thenLo].imm - 1)})
						removed = append(removed, true)
						emit(elseLo, elseHi)
						removed = removed[:len(removed)-1]
						i = end
						continue
					case loneBr(elseLo, elseHi):
						if k := len(out) - 1; k >= 0 && out[k].op == opI32Eqz {
							out = out[:k] // br_if only tests for non-zero
						} else {
							out = append(out, instr{op: opI32Eqz})
						}
						out = append(out, instr{op: opBrIf, imm: depth(body[elseLo].imm - 1)})
						removed = append(removed, true)
						emit(thenLo, thenHi)
						removed = removed[:len(removed)-1]
						i = end
						continue
					}
				}
				out = append(out, in)
				removed = append(removed, false)
				emit(thenLo, thenHi)
				if e >= 0 {
					out = append(out, body[e])
					emit(elseLo, elseHi)
				}
				removed = removed[:len(removed)-1]
				out = append(out, body[end])
				i = end
				continue
			case opBlock, opLoop:
				if end := endOf[i]; end >= 0 {
					out = append(out, in)
					removed = append(removed, false)
					emit(i+1, end)
					removed = removed[:len(removed)-1]
					out = append(out, body[end])
					i = end
					continue
				}
			case opBr, opBrIf:
				in.imm = depth(in.imm)
			case opBrTable:
				t := make([]uint32, len(in.table))
				for k, d := range in.table {
					t[k] = uint32(depth(int64(d)))
				}
				in.table = t
			}
			out = append(out, in)
		}
	}
	emit(0, n)
	f.body = out
}

// inverseCmp maps a comparison to its negation, for cmp; i32.eqz. An
// i64.lt_u is never produced: its left operand could be i64.const 0 (see
// foldZeros).
var inverseCmp = map[opcode]opcode{
	opI64Eq: opI64Ne, opI64Ne: opI64Eq, opI32Eq: opI32Ne, opI32Ne: opI32Eq,
	opI64LtU: opI64GeU, opI64GtU: opI64LeU, opI64LeU: opI64GtU,
	opI64LtS: opI64GeS,
	opI32LtU: opI32GeU, opI32GtU: opI32LeU, opI32LeU: opI32GtU, opI32GeU: opI32LtU,
}

// foldConds shortens condition code:
//
//	cmp i32.eqz                    →  inverse cmp
//	i64.extend_i32_u i64.eqz       →  i32.eqz
//	i32.eqz i32.eqz br_if/if/select →  br_if/if/select (they test for non-zero)
func foldConds(f *function) {
	out := f.body[:0]
	for _, in := range f.body {
		k := len(out)
		switch {
		case in.op == opI32Eqz && k > 0 && inverseCmp[out[k-1].op] != 0:
			out[k-1].op = inverseCmp[out[k-1].op]
			continue
		case in.op == opI64Eqz && k > 0 && out[k-1].op == opI64ExtendU:
			out[k-1] = instr{op: opI32Eqz}
			// an i32.eqz before it may fold in turn
			if k > 1 && inverseCmp[out[k-2].op] != 0 {
				out[k-2].op = inverseCmp[out[k-2].op]
				out = out[:k-1]
			}
			continue
		case (in.op == opBrIf || in.op == opIf || in.op == opSelect) && k > 1 &&
			out[k-1].op == opI32Eqz && out[k-2].op == opI32Eqz:
			out = out[:k-2]
		}
		out = append(out, in)
	}
	f.body = out
}

// constWraps folds i64.const N; i32.wrap_i64 into i32.const N (the length
// of a buffer whose parameter pruning made constant).
func constWraps(f *function) {
	out := f.body[:0]
	for _, in := range f.body {
		if k := len(out) - 1; in.op == opI32WrapI64 && k >= 0 && out[k].op == opI64Const && out[k].sym == symNone {
			out[k] = instr{op: opI32Const, imm: int64(int32(out[k].imm))}
			continue
		}
		out = append(out, in)
	}
	f.body = out
}

// shortConsts writes an i64 constant with many trailing zero bits, such as
// a selector shifted to the top of a limb or a mask like
// 0xffff000000000000, as i64.const s; i64.const k; i64.shl when that is
// shorter (the LEB128 encoding of a constant grows with its highest
// significant bit, not with its number of significant bits).
func shortConsts(f *function) {
	n := 0
	for _, in := range f.body {
		if shiftedConst(in) {
			n++
		}
	}
	if n == 0 {
		return
	}
	out := make([]instr, 0, len(f.body)+2*n)
	for _, in := range f.body {
		if !shiftedConst(in) {
			out = append(out, in)
			continue
		}
		k := int64(bits.TrailingZeros64(uint64(in.imm)))
		out = append(out, instr{op: opI64Const, imm: in.imm >> k}, instr{op: opI64Const, imm: k}, instr{op: opI64Shl})
	}
	f.body = out
}

// shiftedConst reports whether shortConsts rewrites in.
func shiftedConst(in instr) bool {
	if in.op != opI64Const || in.sym != symNone || in.imm == 0 {
		return false
	}
	k := bits.TrailingZeros64(uint64(in.imm))
	return len(appendS64(nil, in.imm>>k))+len(appendS64(nil, int64(k)))+3 < len(appendS64(nil, in.imm))+1
}

// forwardResults replaces the one read of a local that holds a result
// global's value, global.get R; local.set x … local.get x, by global.get R
// when only straight-line code without calls or global writes lies in
// between (nothing can change R), and drops the copy. It also replaces the
// reads of a local whose only write stores a constant by the constant when
// that is not longer. Locals read before written are left alone (pinned).
func forwardResults(f *function, n int, pinned bitset) {
	np := len(f.typ.params)
	writes := make([]int, n)
	reads := make([]int, n)
	writeAt := make([]int, n)
	for i, in := range f.body {
		switch in.op {
		case opLocalSet, opLocalTee:
			writes[in.imm]++
			writeAt[in.imm] = i
		case opLocalGet:
			reads[in.imm]++
		}
	}
	del := map[int]bool{}
	repl := map[int]instr{}
	for x := np; x < n; x++ {
		if writes[x] != 1 || pinned.has(x) || reads[x] == 0 {
			continue
		}
		w := writeAt[x]
		if f.body[w].op != opLocalSet || w == 0 {
			continue
		}
		src := f.body[w-1]
		switch {
		case src.op == opGlobalGet && reads[x] == 1:
			// the read must follow in straight-line code that leaves the
			// globals alone
			for j := w + 1; j < len(f.body); j++ {
				in := f.body[j]
				if in.op == opLocalGet && int(in.imm) == x {
					repl[j] = src
					del[w-1], del[w] = true, true
					break
				}
				if isControl(in.op) || in.op == opCall || in.op == opGlobalSet {
					break
				}
			}
		case (src.op == opI64Const || src.op == opI32Const) && src.sym == symNone:
			l := len(appendS64(nil, src.imm))
			if reads[x]*(l-1) >= l+3 {
				continue
			}
			for j, in := range f.body {
				if in.op == opLocalGet && int(in.imm) == x {
					repl[j] = src
				}
			}
			del[w-1], del[w] = true, true
		}
	}
	if len(del) == 0 {
		return
	}
	out := f.body[:0]
	for i, in := range f.body {
		if del[i] {
			continue
		}
		if r, ok := repl[i]; ok {
			in = r
		}
		out = append(out, in)
	}
	f.body = out
}
