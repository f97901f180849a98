package evm

import (
	"fmt"
	"sort"
	"strings"
)

// Halting code shared between branches.
//
// Every `if cond { revert(…) }` of the source becomes its own block, so a
// contract carries many byte-identical copies of the same revert or panic
// sequence. mergeTails keeps one copy of each and points the others at it.
//
// It works on straight runs: the items from a label, a JUMPI or the start of
// the code up to a halting opcode (STOP, RETURN, REVERT, INVALID,
// SELFDESTRUCT), with no label or jump inside. Two runs with the same items
// behave the same on any stack, whatever function they belong to, so
// control may enter either. A duplicate run is
//
//   - deleted, its label becoming an alias of the kept copy's, when nothing
//     falls into it (free in gas);
//   - or, when it is the fall-through side of `PUSH L JUMPI` and L follows
//     it, deleted by branching on the negated condition to the kept copy
//     and falling into L instead (an ISZERO computing the condition is
//     dropped, else one is added);
//   - or, for reverts only (gas on failure paths matters little), replaced
//     by a jump to the kept copy when that is shorter.
//
// Runs containing PC or verbatim bytes are left alone (their behaviour may
// depend on where they are).
func (g *objGen) mergeTails(items []item) ([]item, bool) {
	type run struct {
		label      int // index of the entry label item, -1 if none
		start, end int // items[start..end], end is the halting opcode
		fallIn     bool
		jumpi      int // index of the JUMPI the run follows, -1 if none
	}
	var runs []run
	var gotos []run // runs that are just `PUSH X JUMP`
	start, label, jumpi := 0, -1, -1
	fallIn := true // the code's start is entered by falling in
	dead := false
	for i := range items {
		it := &items[i]
		switch {
		case it.kind == kLabel:
			fallIn = !dead
			start, label, jumpi, dead = i+1, i, -1, false
		case it.kind == kOp && it.op == opJUMPI:
			start, label, jumpi, fallIn, dead = i+1, -1, i, true, false
		case it.kind == kOp && (it.op == opJUMP || halts(it.op)):
			if halts(it.op) && !dead && start <= i && mergeable(items[start:i+1]) {
				runs = append(runs, run{label: label, start: start, end: i, fallIn: fallIn, jumpi: jumpi})
			}
			if it.op == opJUMP && !dead && start == i-1 && items[start].kind == kPushLabel {
				gotos = append(gotos, run{label: label, start: start, end: i, fallIn: fallIn, jumpi: jumpi})
			}
			start, label, jumpi, dead = i+1, -1, -1, true
		}
	}
	// A branch inversion makes the code before the label L fall into it:
	// the run L starts is then not safe to delete.
	byLabel := map[int]*run{} // index of an entry label → run
	for q := range runs {
		if runs[q].label >= 0 {
			byLabel[runs[q].label] = &runs[q]
		}
	}
	for q := range gotos {
		if gotos[q].label >= 0 {
			byLabel[gotos[q].label] = &gotos[q]
		}
	}
	for _, rs := range [][]run{runs, gotos} {
		for _, r := range rs {
			if r.jumpi >= 1 && items[r.jumpi-1].kind == kPushLabel && r.end+1 < len(items) && items[r.end+1].kind == kLabel {
				if q, ok := byLabel[r.end+1]; ok {
					q.fallIn = true
				}
			}
		}
	}
	groups := map[string][]int{}
	var order []string
	for r := range runs {
		k := runKey(items[runs[r].start : runs[r].end+1])
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	const w = 2 // label width assumed when weighing a jump
	drop := make([]bool, len(items))
	insert := map[int][]item{} // items to insert before index
	alias := map[int]int{}     // label → label
	changed := false
	for _, k := range order {
		rs := groups[k]
		if len(rs) < 2 {
			continue
		}
		m := -1 // the kept copy: a labelled one if there is any
		for _, r := range rs {
			if runs[r].label >= 0 {
				m = r
				break
			}
		}
		size := 0
		for _, it := range items[runs[rs[0]].start : runs[rs[0]].end+1] {
			size += itemSize(it)
		}
		halt := items[runs[rs[0]].end].op
		var target int
		newLabel := false
		if m >= 0 {
			target = items[runs[m].label].label
		} else {
			m = rs[0]
			target = g.newLabel()
			newLabel = true
		}
		used := false
		for _, r := range rs {
			if r == m {
				continue
			}
			ru := runs[r]
			inv := ru.jumpi >= 1 && items[ru.jumpi-1].kind == kPushLabel && ru.end+1 < len(items) &&
				items[ru.end+1].kind == kLabel && items[ru.end+1].label == items[ru.jumpi-1].label
			switch {
			case !ru.fallIn && ru.label >= 0:
				// nothing falls in: only jumps reach the run
			case inv:
				// `c PUSH L JUMPI run L:` → `iszero(c) PUSH target JUMPI L:`
				if j := ru.jumpi - 2; j >= 0 && items[j].kind == kOp && items[j].op == opISZERO && !drop[j] {
					drop[j] = true
				} else {
					insert[ru.jumpi-1] = append(insert[ru.jumpi-1], item{kind: kOp, op: opISZERO})
				}
				items[ru.jumpi-1].label = target
			case ru.label >= 0 || halt != opREVERT && halt != opINVALID || size <= w+2:
				continue
			default:
				insert[ru.start] = append(insert[ru.start], item{kind: kPushLabel, label: target}, item{kind: kOp, op: opJUMP})
			}
			used, changed = true, true
			if ru.label >= 0 {
				alias[items[ru.label].label] = target
				drop[ru.label] = true
			}
			for i := ru.start; i <= ru.end; i++ {
				drop[i] = true
			}
		}
		if used && newLabel {
			insert[runs[m].start] = append([]item{{kind: kLabel, label: target}}, insert[runs[m].start]...)
		}
	}
	// A label right before another one is an alias of it.
	for i := 0; i+1 < len(items); i++ {
		if items[i].kind == kLabel && items[i+1].kind == kLabel {
			alias[items[i].label] = items[i+1].label
			drop[i] = true
			changed = true
		}
	}
	// Jump threading: a label whose code is `PUSH X JUMP` becomes an alias
	// of X (unless that makes a cycle of aliases: an empty infinite loop);
	// the code goes when nothing falls into it. `c PUSH L JUMPI PUSH X JUMP
	// L:` becomes `iszero(c) PUSH X JUMPI L:`.
	thread := map[int]int{}
	for _, r := range gotos {
		if r.label >= 0 {
			thread[items[r.label].label] = items[r.start].label
		}
	}
	// Sorted: which label of a cycle is dropped must not depend on map order.
	labels := make([]int, 0, len(thread))
	for l := range thread {
		labels = append(labels, l)
	}
	sort.Ints(labels)
	for _, l := range labels {
		if _, ok := thread[l]; !ok {
			continue
		}
		seen := map[int]bool{}
		for cur, ok := l, true; ok; cur, ok = thread[cur] {
			if seen[cur] {
				delete(thread, l)
				break
			}
			seen[cur] = true
		}
	}
	for _, r := range gotos {
		if r.label >= 0 {
			if _, ok := thread[items[r.label].label]; !ok {
				continue
			}
			alias[items[r.label].label] = thread[items[r.label].label]
			drop[r.label] = true
			changed = true
			if !r.fallIn {
				drop[r.start], drop[r.end] = true, true
			}
			continue
		}
		if r.jumpi >= 1 && items[r.jumpi-1].kind == kPushLabel && r.end+1 < len(items) &&
			items[r.end+1].kind == kLabel && items[r.end+1].label == items[r.jumpi-1].label {
			if j := r.jumpi - 2; j >= 0 && items[j].kind == kOp && items[j].op == opISZERO && !drop[j] {
				drop[j] = true
			} else {
				insert[r.jumpi-1] = append(insert[r.jumpi-1], item{kind: kOp, op: opISZERO})
			}
			items[r.jumpi-1].label = items[r.start].label
			drop[r.start], drop[r.end] = true, true
			changed = true
		}
	}
	if !changed {
		return items, false
	}
	resolve := func(l int) int {
		for n := 0; n < len(alias)+1; n++ {
			a, ok := alias[l]
			if !ok {
				return l
			}
			l = a
		}
		return l
	}
	out := make([]item, 0, len(items))
	for i, it := range items {
		out = append(out, insert[i]...)
		if drop[i] {
			continue
		}
		if it.kind == kPushLabel {
			it.label = resolve(it.label)
		}
		out = append(out, it)
	}
	return out, true
}

const (
	opRETURN       = 0xf3
	opREVERT       = 0xfd
	opSELFDESTRUCT = 0xff
	opPC           = 0x58
)

func halts(op byte) bool {
	switch op {
	case opSTOP, opRETURN, opREVERT, opINVALID, opSELFDESTRUCT:
		return true
	}
	return false
}

// mergeable reports whether a run's behaviour is independent of its place.
func mergeable(run []item) bool {
	for _, it := range run {
		switch it.kind {
		case kVerbatim, kLabel:
			return false
		case kOp:
			if it.op == opPC || it.op == opJUMPI || it.op == opJUMP {
				return false
			}
		}
	}
	return true
}

func runKey(run []item) string {
	var b strings.Builder
	for _, it := range run {
		fmt.Fprintf(&b, "%d/%d/%d/%s/", it.kind, it.op, it.label, it.name)
		if it.val != nil {
			b.WriteString(it.val.Hex())
		}
		b.WriteByte(';')
	}
	return b.String()
}

// itemSize estimates an item's size in bytes (labels 2 bytes wide).
func itemSize(it item) int {
	switch it.kind {
	case kOp, kLabel:
		return 1
	case kPush, kPushMemGuard:
		return len(constCode(it.val, Features{Push0: true, Shifts: true}))
	case kPushLabel, kPushDataOffset, kPushDataSize:
		return 3
	case kPushImmutable:
		return 33
	case kPushLinker:
		return 21
	}
	return 8
}
