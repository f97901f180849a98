package ewasm

// pruneResults drops result-global limbs that a function always returns as
// zero (ARCHITECTURE.md "Ewasm code size"):
//   - a function whose every return writes i64.const 0 to result global r
//     (in the straight-line epilogue before the return) is known to leave
//     r = 0; a global.get r after a call of it, with no control flow, call
//     of a defined function or write of r in between, becomes i64.const 0;
//   - when every remaining global.get r in the module reads a value written
//     by a known writer (a global.set in the same straight line, or a call
//     of a function that writes r on every return), the const-0 writes of r
//     in the epilogues are removed: nothing observes them any more.
//
// Locals then written only with i64.const 0 read as that constant
// (zeroLocals), and zero operands are folded (foldZeros), so pruneParams
// can remove the constant arguments that result.
func (m *module) pruneResults() {
	nr := len(m.resultGlobals)
	if nr == 0 {
		return
	}
	resIdx := map[*global]int{}
	for i, g := range m.resultGlobals {
		resIdx[g] = i
	}
	// touches[f]: f or a function it calls may write a result global
	touches := map[*function]bool{}
	for more := true; more; {
		more = false
		for _, f := range m.funcs {
			if f.isImport() || touches[f] {
				continue
			}
			for _, in := range f.body {
				_, res := resIdx[in.global]
				if (in.op == opGlobalSet && res) || (in.op == opCall && touches[in.fn]) {
					touches[f], more = true, true
					break
				}
			}
		}
	}
	// removed[f][r]: f's const-0 writes of r were removed; f still leaves
	// r = 0 as far as its callers are concerned
	removed := map[*function][]bool{}
	for round := 0; round < 4; round++ {
		zero := map[*function][]bool{}
		writes := map[*function][]bool{}
		for _, f := range m.funcs {
			if !f.isImport() {
				zero[f], writes[f] = make([]bool, nr), make([]bool, nr)
			}
		}
		// facts pass through tail calls: iterate from "nothing known"
		for more := true; more; {
			more = false
			for _, f := range m.funcs {
				if f.isImport() {
					continue
				}
				z, w := epilogueFacts(f, resIdx, nr, zero, writes, touches)
				if rm := removed[f]; rm != nil {
					for r := range z {
						if rm[r] {
							z[r], w[r] = true, true
						}
					}
				}
				for r := range z {
					if z[r] != zero[f][r] || w[r] != writes[f][r] {
						more = true
					}
				}
				zero[f], writes[f] = z, w
			}
		}
		// reads after calls that leave zero
		changed := false
		for _, f := range m.funcs {
			if f.isImport() {
				continue
			}
			known := make([]bool, nr)
			clear := func() {
				for r := range known {
					known[r] = false
				}
			}
			for i := range f.body {
				in := &f.body[i]
				switch in.op {
				case opCall:
					if touches[in.fn] {
						copy(known, zero[in.fn])
					}
				case opGlobalSet:
					if r, ok := resIdx[in.global]; ok {
						known[r] = i > 0 && isZeroConst(f.body[i-1])
					}
				case opGlobalGet:
					if r, ok := resIdx[in.global]; ok && known[r] {
						*in = instr{op: opI64Const}
						changed = true
					}
				case opBlock, opLoop, opIf, opElse, opEnd, opBr, opBrIf, opBrTable, opReturn, opUnreachable:
					clear()
				}
			}
		}
		// which result globals every remaining read gets from a known writer
		unsafe := make([]bool, nr)
		for _, f := range m.funcs {
			if f.isImport() {
				continue
			}
			for i, in := range f.body {
				if in.op != opGlobalGet {
					continue
				}
				r, ok := resIdx[in.global]
				if !ok || unsafe[r] {
					continue
				}
				safe := false
			scan:
				for j := i - 1; j >= 0; j-- {
					p := f.body[j]
					switch p.op {
					case opGlobalSet:
						if p.global == in.global {
							safe = true
							break scan
						}
					case opCall:
						if !touches[p.fn] {
							continue
						}
						safe = writes[p.fn][r]
						break scan
					case opBlock, opLoop, opIf, opElse, opEnd, opBr, opBrIf, opBrTable, opReturn, opUnreachable:
						break scan
					}
				}
				if !safe {
					unsafe[r] = true
				}
			}
		}
		for _, f := range m.funcs {
			if f.isImport() || f == m.funcs[0] {
				continue
			}
			del := map[int]bool{}
			for _, e := range epilogues(f, resIdx, nr, touches) {
				for r := 0; r < nr; r++ {
					if unsafe[r] || e.via[r] != nil || e.count[r] != 1 || !e.zero[r] || e.constAt[r] < 0 {
						continue
					}
					del[e.constAt[r]] = true
					del[e.setAt[r]] = true
					if removed[f] == nil {
						removed[f] = make([]bool, nr)
					}
					removed[f][r] = true
				}
			}
			if len(del) == 0 {
				continue
			}
			changed = true
			f.body = deleteMarked(f.body, del)
		}
		if !changed {
			break
		}
	}
	m.cleanZeros()
}

// cleanZeros runs zeroLocals and foldZeros on every defined function.
func (m *module) cleanZeros() {
	for _, f := range m.funcs {
		if !f.isImport() {
			zeroLocals(f)
			foldZeros(f, m.helpers["bswap64"])
		}
	}
}

// epilogue is what one return point writes to the result globals in the
// straight line before it.
type epilogue struct {
	count   []int  // global.sets of each result global
	zero    []bool // the last one stores i64.const 0
	constAt []int  // index of that constant inside the run, or -1
	setAt   []int  // index of the last global.set
	// via: the last call of a defined function after the last global.set,
	// which leaves the result global as that function does
	via []*function
}

// epilogues lists every return point of f: each return and, when it is
// reachable, the end of the body.
func epilogues(f *function, resIdx map[*global]int, nr int, touches map[*function]bool) []epilogue {
	var out []epilogue
	at := func(end int) {
		start := end
		for start > 0 {
			if _, _, ok := stackEffect(f.body[start-1]); !ok {
				break
			}
			start--
		}
		e := epilogue{count: make([]int, nr), zero: make([]bool, nr), constAt: make([]int, nr), setAt: make([]int, nr), via: make([]*function, nr)}
		type ent struct {
			zero bool
			at   int
		}
		var stack []ent
		for i := start; i < end; i++ {
			in := f.body[i]
			switch in.op {
			case opGlobalSet:
				var top ent
				if len(stack) > 0 {
					top = stack[len(stack)-1]
					stack = stack[:len(stack)-1]
				} else {
					top = ent{at: -1}
				}
				if r, ok := resIdx[in.global]; ok {
					e.count[r]++
					e.zero[r] = top.zero
					e.constAt[r] = top.at
					e.setAt[r] = i
					e.via[r] = nil
				}
			default:
				if in.op == opCall && touches[in.fn] {
					for r := range e.via {
						e.via[r] = in.fn
					}
				}
				pop, push, _ := stackEffect(in)
				if pop > len(stack) {
					pop = len(stack)
				}
				stack = stack[:len(stack)-pop]
				for k := 0; k < push; k++ {
					stack = append(stack, ent{zero: isZeroConst(in), at: i})
				}
			}
		}
		out = append(out, e)
	}
	for i, in := range f.body {
		if in.op == opReturn {
			at(i)
		}
	}
	switch reach, branched := endReachable(f.body); {
	case branched:
		// a branch to the function's label returns with whatever the
		// results are at that point: nothing is known
		out = append(out, epilogue{count: make([]int, nr), zero: make([]bool, nr),
			constAt: make([]int, nr), setAt: make([]int, nr), via: make([]*function, nr)})
	case reach:
		at(len(f.body))
	}
	return out
}

// epilogueFacts: zero[r] when every return point leaves r = 0, writes[r]
// when every return point writes r.
func epilogueFacts(f *function, resIdx map[*global]int, nr int, fz, fw map[*function][]bool, touches map[*function]bool) (zero, writes []bool) {
	zero = make([]bool, nr)
	writes = make([]bool, nr)
	es := epilogues(f, resIdx, nr, touches)
	if len(es) == 0 {
		return
	}
	for r := 0; r < nr; r++ {
		zero[r], writes[r] = true, true
		for _, e := range es {
			if g := e.via[r]; g != nil {
				zero[r] = zero[r] && fz[g][r]
				writes[r] = writes[r] && fw[g][r]
			} else if e.count[r] == 0 {
				zero[r], writes[r] = false, false
			} else if !e.zero[r] {
				zero[r] = false
			}
		}
	}
	return
}

// endReachable reports whether control can fall off the end of body, and
// whether a branch targets the function's own label.
func endReachable(body []instr) (reach, branched bool) {
	type frame struct {
		op        opcode
		targeted  bool
		entryLive bool
		thenLive  bool
		els       bool
	}
	live := true
	stack := []*frame{{op: opBlock}}
	target := func(d int64) {
		k := len(stack) - 1 - int(d)
		if k >= 0 && stack[k].op != opLoop {
			stack[k].targeted = true
		}
	}
	for _, in := range body {
		switch in.op {
		case opBlock, opLoop, opIf:
			stack = append(stack, &frame{op: in.op, entryLive: live})
		case opElse:
			fr := stack[len(stack)-1]
			fr.thenLive, fr.els = live, true
			live = fr.entryLive
		case opEnd:
			fr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case fr.op == opIf && fr.els:
				live = live || fr.thenLive || fr.targeted
			case fr.op == opIf:
				live = live || fr.entryLive || fr.targeted
			default:
				live = live || fr.targeted
			}
		case opBr:
			if live {
				target(in.imm)
			}
			live = false
		case opBrIf:
			if live {
				target(in.imm)
			}
		case opBrTable:
			if live {
				for _, t := range in.table {
					target(int64(t))
				}
			}
			live = false
		case opReturn, opUnreachable:
			live = false
		}
	}
	return live || stack[0].targeted, stack[0].targeted
}

// zeroLocals replaces the reads of a local that is only ever written with
// a zero constant of its type (it starts as zero too) by that constant and
// drops the writes.
func zeroLocals(f *function) {
	np := len(f.typ.params)
	n := np + len(f.locals)
	onlyZero := make([]bool, n)
	for x := np; x < n; x++ {
		onlyZero[x] = true
	}
	zeroOf := func(in instr, t valType) bool {
		return in.sym == symNone && in.imm == 0 &&
			((t == i64 && in.op == opI64Const) || (t == i32 && in.op == opI32Const))
	}
	for i, in := range f.body {
		if in.op == opLocalSet || in.op == opLocalTee {
			x := int(in.imm)
			if x < np || i == 0 || !zeroOf(f.body[i-1], localType(f, x)) {
				onlyZero[x] = false
			}
		}
	}
	body := f.body[:0]
	for i := 0; i < len(f.body); i++ {
		in := f.body[i]
		if i+1 < len(f.body) && f.body[i+1].op == opLocalSet && onlyZero[f.body[i+1].imm] {
			i++ // const; local.set
			continue
		}
		if in.op == opLocalTee && onlyZero[in.imm] {
			continue // the constant stays as the value
		}
		if in.op == opLocalGet && onlyZero[in.imm] {
			c := opI64Const
			if localType(f, int(in.imm)) == i32 {
				c = opI32Const
			}
			in = instr{op: c}
		}
		body = append(body, in)
	}
	f.body = body
}

// stackEffect is the number of operands an instruction pops and pushes;
// ok is false for control and unknown instructions.
func stackEffect(in instr) (pop, push int, ok bool) {
	switch in.op {
	case opI32Const, opI64Const, opLocalGet, opGlobalGet, opMemorySize:
		return 0, 1, true
	case opLocalSet, opGlobalSet, opDrop:
		return 1, 0, true
	case opLocalTee, opI32Eqz, opI64Eqz, opI64Clz, opI32WrapI64, opI64ExtendU,
		opI32Load, opI64Load, opI32Load8U, opI64Load8U, opMemoryGrow:
		return 1, 1, true
	case opI32Store, opI64Store, opI32Store8, opI64Store8:
		return 2, 0, true
	case opSelect:
		return 3, 1, true
	case opCall:
		return len(in.fn.typ.params), len(in.fn.typ.results), true
	case opI32Eq, opI32Ne, opI32LtU, opI32GtU, opI32LeU, opI32GeU,
		opI64Eq, opI64Ne, opI64LtS, opI64LtU, opI64GtS, opI64GtU, opI64LeU, opI64GeS, opI64GeU,
		opI32Add, opI32Sub, opI32Mul, opI32And, opI32Or, opI32Xor, opI32Shl, opI32ShrU,
		opI64Add, opI64Sub, opI64Mul, opI64DivU, opI64RemU, opI64And, opI64Or, opI64Xor,
		opI64Shl, opI64ShrS, opI64ShrU, opI64Rotl:
		return 2, 1, true
	}
	return 0, 0, false
}

// consumer finds the instruction that pops the value pushed at p and which
// operand (0 = left) it is; -1 when it is not found in straight-line code.
func consumer(body []instr, p int) (int, int) {
	d := 0
	for j := p + 1; j < len(body); j++ {
		pop, push, ok := stackEffect(body[j])
		if !ok {
			return -1, 0
		}
		if d < pop {
			return j, pop - 1 - d
		}
		d += push - pop
	}
	return -1, 0
}

// foldZeros folds i64.const 0 operands: x|0, x^0, x+0, 0+x, x-0, x<<0 and
// x>>0 are x; x==0 is i64.eqz; x!=0, 0<x and x>0 are i64.eqz; i32.eqz (so
// that no i64.const 0 stays the left operand of i64.lt_u, see
// ARCHITECTURE.md).
func foldZeros(f *function, bswap *function) {
	for {
		del := map[int]bool{}
		var repl []int // consumers turned into eqz; eqz
		lastQ := -1    // folds do not overlap
		for p, in := range f.body {
			one := in.op == opI32Const && in.sym == symNone && in.imm == 1
			if !(isZeroConst(in) || one) || p <= lastQ {
				continue
			}
			q, k := consumer(f.body, p)
			if q < 0 {
				continue
			}
			n := len(del)
			if one {
				// 1 & b is b for a boolean b
				other := q - 1
				if k == 1 {
					other = p - 1
				}
				if f.body[q].op == opI32And && other >= 0 && isBoolOp(f.body[other].op) {
					del[p], del[q] = true, true
					lastQ = q
				}
				continue
			}
			switch op := f.body[q].op; {
			case op == opCall && bswap != nil && f.body[q].fn == bswap:
				// bswap64(0) = 0
				del[p] = true
				f.body[q] = instr{op: opI64Const}
			case op == opI64Or || op == opI64Xor || op == opI64Add,
				k == 1 && (op == opI64Sub || op == opI64Shl || op == opI64ShrU || op == opI64ShrS):
				del[p], del[q] = true, true
			case op == opI64Eqz:
				del[p] = true
				f.body[q] = instr{op: opI32Const, imm: 1}
			case op == opI64Eq:
				del[p] = true
				f.body[q] = instr{op: opI64Eqz}
			case op == opI64Ne, op == opI64LtU && k == 0, op == opI64GtU && k == 1:
				del[p] = true
				f.body[q] = instr{op: opI64Eqz}
				repl = append(repl, q)
			}
			if len(del) > n {
				lastQ = q
			}
		}
		if len(del) == 0 {
			return
		}
		isRepl := map[int]bool{}
		for _, q := range repl {
			isRepl[q] = true
		}
		body := make([]instr, 0, len(f.body)+len(repl))
		for i, in := range f.body {
			if del[i] {
				continue
			}
			body = append(body, in)
			if isRepl[i] {
				body = append(body, instr{op: opI32Eqz})
			}
		}
		f.body = body
	}
}

// swapIfs turns i32.eqz; if A else B end into if B else A end, and drops
// an empty else; local.tee x; drop becomes local.set x.
func swapIfs(f *function) {
	body := f.body
	n := len(body)
	elseOf, endOf := blockEnds(body)
	out := make([]instr, 0, n)
	var emit func(lo, hi int)
	emit = func(lo, hi int) {
		for i := lo; i < hi; i++ {
			in := body[i]
			switch {
			case in.op == opLocalTee && i+1 < hi && body[i+1].op == opDrop:
				in.op = opLocalSet
				out = append(out, in)
				i++
			case in.op == opIf && endOf[i] >= 0:
				e, end := elseOf[i], endOf[i]
				thenLo, thenHi := i+1, end
				elseLo, elseHi := end, end
				if e >= 0 {
					thenHi, elseLo = e, e+1
				}
				if e >= 0 && len(out) > 0 && out[len(out)-1].op == opI32Eqz && elseHi > elseLo {
					out = out[:len(out)-1]
					thenLo, thenHi, elseLo, elseHi = elseLo, elseHi, thenLo, thenHi
				}
				out = append(out, in)
				emit(thenLo, thenHi)
				if elseHi > elseLo {
					out = append(out, instr{op: opElse})
					emit(elseLo, elseHi)
				}
				out = append(out, body[end])
				i = end
			default:
				out = append(out, in)
			}
		}
	}
	emit(0, n)
	f.body = out
}

// isBoolOp: the instruction pushes 0 or 1.
func isBoolOp(o opcode) bool {
	switch o {
	case opI32Eqz, opI32Eq, opI32Ne, opI32LtU, opI32GtU, opI32LeU, opI32GeU,
		opI64Eqz, opI64Eq, opI64Ne, opI64LtS, opI64LtU, opI64GtS, opI64GtU, opI64LeU, opI64GeS, opI64GeU:
		return true
	}
	return false
}
