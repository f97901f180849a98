package evm

// Cross-jumping.
//
// mergeTails shares halting runs that are identical as a whole; runs that
// only end alike (reverts with different messages, returns of different
// data, blocks ending in the same jump) still repeat their common end.
// crossJump replaces the common end of such a run by a jump into an
// earlier run that ends the same way. Runs are straight-line code without
// labels, jumps (but the final one) or PC, ending in REVERT, RETURN or a
// JUMP; code falling into a label L counts as ending in `PUSH L JUMP`
// (it can be jumped into from anywhere, but is never shortened). Executing the shared end
// from either run does the same thing. A run is shortened only when that
// saves bytes: the common end must be longer than the jump (PUSH label
// JUMP) plus the new JUMPDEST; the jump costs gas, which matters little on
// these paths (failures, the end of a call, a block's exit).
func (g *objGen) crossJump(items []item) []item {
	type elem struct {
		key  string
		idx  int // index in items, -1 for the implied `PUSH L JUMP` of a fall-through
		size int
	}
	type run struct {
		elems    []elem
		fallThru bool
	}
	mk := func(start, end int) []elem {
		es := make([]elem, 0, end-start+1)
		for i := start; i <= end; i++ {
			es = append(es, elem{runKey(items[i : i+1]), i, itemSize(items[i])})
		}
		return es
	}
	var runs []run
	start, dead := 0, false
	for i := range items {
		it := &items[i]
		switch {
		case it.kind == kLabel:
			if !dead && start < i && mergeable(items[start:i]) {
				es := mk(start, i-1)
				pl := item{kind: kPushLabel, label: it.label}
				jp := item{kind: kOp, op: opJUMP}
				es = append(es, elem{runKey([]item{pl}), -1, 3}, elem{runKey([]item{jp}), -1, 1})
				runs = append(runs, run{es, true})
			}
			start, dead = i+1, false
		case it.kind == kOp && it.op == opJUMPI:
			start, dead = i+1, false
		case it.kind == kOp && (it.op == opJUMP || halts(it.op)):
			if halts(it.op) && !dead && start < i && mergeable(items[start:i+1]) ||
				it.op == opJUMP && !dead && start < i && mergeable(items[start:i]) {
				runs = append(runs, run{mk(start, i), false})
			}
			start, dead = i+1, true
		}
	}
	if len(runs) < 2 {
		return items
	}
	const jump = 4 // PUSH2 label, JUMP
	var targets []run
	labelAt := map[int]int{} // item index → label placed right before it
	insert := map[int][]item{}
	drop := make([]bool, len(items))
	changed := false
	// entry returns the label already standing right before items[p] when
	// it starts its run, else -1.
	entry := func(q run, p int) int {
		if l, ok := labelAt[p]; ok {
			return l
		}
		if p == q.elems[0].idx && p > 0 && items[p-1].kind == kLabel {
			return items[p-1].label
		}
		return -1
	}
	for _, r := range runs {
		if r.fallThru {
			targets = append(targets, r)
		}
	}
	for _, r := range runs {
		if r.fallThru {
			continue
		}
		bestSave, bestN, bestQ := 0, 0, -1
		for qi, q := range targets {
			n, b := 0, 0
			for n < len(r.elems) && n < len(q.elems) && r.elems[len(r.elems)-1-n].key == q.elems[len(q.elems)-1-n].key {
				b += r.elems[len(r.elems)-1-n].size
				n++
			}
			if n == 0 {
				continue
			}
			p := q.elems[len(q.elems)-n].idx
			if p < 0 {
				continue
			}
			cost := jump
			if entry(q, p) < 0 {
				cost++
			}
			if b-cost > bestSave {
				bestSave, bestN, bestQ = b-cost, n, qi
			}
		}
		if bestQ < 0 {
			targets = append(targets, r)
			continue
		}
		q := targets[bestQ]
		p := q.elems[len(q.elems)-bestN].idx
		l := entry(q, p)
		if l < 0 {
			l = g.newLabel()
			insert[p] = append(insert[p], item{kind: kLabel, label: l})
		}
		labelAt[p] = l
		s := r.elems[len(r.elems)-bestN].idx
		insert[s] = append(insert[s], item{kind: kPushLabel, label: l}, item{kind: kOp, op: opJUMP})
		for _, e := range r.elems[len(r.elems)-bestN:] {
			drop[e.idx] = true
		}
		// What is left of r now ends in `PUSH l JUMP`: later runs may
		// share that end too.
		pl := item{kind: kPushLabel, label: l}
		jp := item{kind: kOp, op: opJUMP}
		rest := append(r.elems[:len(r.elems)-bestN:len(r.elems)-bestN],
			elem{runKey([]item{pl}), -1, 3}, elem{runKey([]item{jp}), -1, 1})
		if len(rest) > 2 {
			targets = append(targets, run{rest, true})
		}
		changed = true
	}
	if !changed {
		return items
	}
	out := make([]item, 0, len(items))
	for i, it := range items {
		out = append(out, insert[i]...)
		if !drop[i] {
			out = append(out, it)
		}
	}
	return out
}

// moveColdRuns moves halting runs out of the way: `c ISZERO PUSH L JUMPI
// run L:` (an `if c { revert(…) }` whose block was placed right after the
// branch) becomes `c PUSH R JUMPI L:` with `R: run` after the end of the
// code. The ISZERO goes, and so does the JUMPDEST of L unless something
// else jumps there; R reuses the run's own label if it has one. The path
// that goes on is cheaper in gas (no ISZERO, no JUMPDEST).
func (g *objGen) moveColdRuns(items []item) []item {
	n := len(items)
	if n == 0 || items[n-1].kind != kOp || items[n-1].op != opJUMP && !halts(items[n-1].op) {
		return items // the code falls off its end: nothing may follow it
	}
	drop := make([]bool, n)
	var tail []item
	for j := 2; j < n; j++ {
		if items[j].kind != kOp || items[j].op != opJUMPI || items[j-1].kind != kPushLabel ||
			items[j-2].kind != kOp || items[j-2].op != opISZERO || drop[j-2] {
			continue
		}
		k := j + 1
		entry := -1
		if k < n && items[k].kind == kLabel {
			entry = k
			k++
		}
		e := k
		for e < n && items[e].kind != kLabel && !(items[e].kind == kOp && (items[e].op == opJUMP || items[e].op == opJUMPI || halts(items[e].op))) {
			e++
		}
		if e >= n-1 || e == k || items[e].kind != kOp || !halts(items[e].op) || !mergeable(items[k:e+1]) ||
			items[e+1].kind != kLabel || items[e+1].label != items[j-1].label {
			continue
		}
		var r int
		if entry >= 0 {
			r = items[entry].label
			tail = append(tail, items[entry])
		} else {
			r = g.newLabel()
			tail = append(tail, item{kind: kLabel, label: r})
		}
		tail = append(tail, items[k:e+1]...)
		drop[j-2] = true
		items[j-1].label = r
		for i := j + 1; i <= e; i++ {
			drop[i] = true
		}
		j = e
	}
	if len(tail) == 0 {
		return items
	}
	out := make([]item, 0, n+len(tail))
	for i, it := range items {
		if !drop[i] {
			out = append(out, it)
		}
	}
	return append(out, tail...)
}
