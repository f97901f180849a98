package ewasm

// Liveness of locals over a structured function body, for the register
// allocation of optimizeLocals: two locals interfere when one is written
// while the other is live, and only locals that do not interfere can share
// an index.

// isControl reports whether an instruction starts, ends or leaves a
// structured block (a basic block boundary).
func isControl(o opcode) bool {
	switch o {
	case opBlock, opLoop, opIf, opElse, opEnd, opBr, opBrIf, opBrTable, opReturn, opUnreachable:
		return true
	}
	return false
}

// blockEnds matches the structured instructions of body: for the block,
// loop or if at i, endOf[i] is the index of its end and elseOf[i] that of
// its else (-1 for none, and for every other instruction).
func blockEnds(body []instr) (elseOf, endOf []int) {
	elseOf, endOf = make([]int, len(body)), make([]int, len(body))
	var stack []int
	for i, in := range body {
		elseOf[i], endOf[i] = -1, -1
		switch in.op {
		case opBlock, opLoop, opIf:
			stack = append(stack, i)
		case opElse:
			if len(stack) > 0 {
				elseOf[stack[len(stack)-1]] = i
			}
		case opEnd:
			if len(stack) > 0 {
				endOf[stack[len(stack)-1]] = i
				stack = stack[:len(stack)-1]
			}
		}
	}
	return elseOf, endOf
}

// controlSuccs gives, for every control instruction of body, the
// instructions control may go to next (len(body) is the function's exit).
// Other instructions go on to the next one.
func controlSuccs(body []instr) [][]int {
	n := len(body)
	succs := make([][]int, n)
	elseOf, endOf := blockEnds(body)
	ifOf := make([]int, n) // the if of an else
	for i, e := range elseOf {
		if e >= 0 {
			ifOf[e] = i
		}
	}
	var stack []int
	// target of a branch of depth d from inside the current stack
	target := func(d int) int {
		k := len(stack) - 1 - d
		if k < 0 {
			return n // the function body's label: return
		}
		h := stack[k]
		if body[h].op == opLoop {
			return h
		}
		if endOf[h] < 0 {
			return n
		}
		return endOf[h]
	}
	next := func(i int) int { return i + 1 }
	for i, in := range body {
		switch in.op {
		case opBlock, opLoop:
			stack = append(stack, i)
			succs[i] = []int{next(i)}
		case opIf:
			stack = append(stack, i)
			switch {
			case elseOf[i] >= 0:
				succs[i] = []int{next(i), elseOf[i] + 1}
			case endOf[i] >= 0:
				succs[i] = []int{next(i), endOf[i]}
			default:
				succs[i] = []int{next(i), n}
			}
		case opElse:
			// the end of the then arm
			if end := endOf[ifOf[i]]; end >= 0 {
				succs[i] = []int{end}
			} else {
				succs[i] = []int{n}
			}
		case opEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			succs[i] = []int{next(i)}
		case opBr:
			succs[i] = []int{target(int(in.imm))}
		case opBrIf:
			succs[i] = []int{target(int(in.imm)), next(i)}
		case opBrTable:
			for _, t := range in.table {
				succs[i] = append(succs[i], target(int(t)))
			}
		case opReturn, opUnreachable:
			succs[i] = nil
		}
	}
	return succs
}

// interference returns, for each of the n locals of f, the set of locals
// it interferes with: y is in row x when x is written while y is live, or
// the other way round. Parameters (written on entry) interfere with the
// locals live on entry.
func interference(f *function, n int) []bitset {
	body := f.body
	N := len(body)
	succs := controlSuccs(body)
	// basic blocks: control instructions alone, straight-line runs between
	start := []int{}
	blockOf := make([]int, N+1)
	for i := 0; i < N; i++ {
		if i == 0 || isControl(body[i].op) || isControl(body[i-1].op) {
			start = append(start, i)
		}
		blockOf[i] = len(start) - 1
	}
	nb := len(start)
	blockOf[N] = nb // the exit
	endOf := func(b int) int {
		if b+1 < nb {
			return start[b+1]
		}
		return N
	}
	bsucc := make([][]int, nb)
	for b := 0; b < nb; b++ {
		last := endOf(b) - 1
		if isControl(body[last].op) {
			for _, s := range succs[last] {
				bsucc[b] = append(bsucc[b], blockOf[s])
			}
		} else {
			bsucc[b] = []int{blockOf[last+1]}
		}
	}
	// gen and kill of each block
	gen := make([]bitset, nb)
	kill := make([]bitset, nb)
	for b := 0; b < nb; b++ {
		gen[b], kill[b] = newBitset(n), newBitset(n)
		for i := endOf(b) - 1; i >= start[b]; i-- {
			in := &body[i]
			switch in.op {
			case opLocalGet:
				gen[b].add(localIndex(in))
			case opLocalSet:
				x := localIndex(in)
				kill[b].add(x)
				gen[b].remove(x)
			case opLocalTee:
				// the tee writes x; the value it writes is not a read
				x := localIndex(in)
				kill[b].add(x)
				gen[b].remove(x)
			}
		}
	}
	liveIn := make([]bitset, nb+1)
	liveOut := make([]bitset, nb)
	for b := 0; b <= nb; b++ {
		liveIn[b] = newBitset(n)
	}
	for b := 0; b < nb; b++ {
		liveOut[b] = newBitset(n)
	}
	tmp := newBitset(n)
	for changed := true; changed; {
		changed = false
		for b := nb - 1; b >= 0; b-- {
			for _, s := range bsucc[b] {
				liveOut[b].or(liveIn[s])
			}
			copy(tmp, liveOut[b])
			tmp.andNot(kill[b])
			tmp.or(gen[b])
			if !tmp.equal(liveIn[b]) {
				copy(liveIn[b], tmp)
				changed = true
			}
		}
	}
	rows := make([]bitset, n)
	for x := range rows {
		rows[x] = newBitset(n)
	}
	conflict := func(x int, live bitset) {
		live.each(func(y int) {
			if y != x {
				rows[x].add(y)
				rows[y].add(x)
			}
		})
	}
	live := newBitset(n)
	for b := 0; b < nb; b++ {
		copy(live, liveOut[b])
		for i := endOf(b) - 1; i >= start[b]; i-- {
			in := &body[i]
			switch in.op {
			case opLocalGet:
				live.add(localIndex(in))
			case opLocalSet, opLocalTee:
				x := localIndex(in)
				conflict(x, live)
				live.remove(x)
			}
		}
	}
	np := len(f.typ.params)
	if nb > 0 {
		for p := 0; p < np; p++ {
			conflict(p, liveIn[0])
			for q := 0; q < np; q++ {
				if q != p {
					rows[p].add(q)
				}
			}
		}
	}
	return rows
}
