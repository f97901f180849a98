package ewasm

// cleanResultWrites cleans up result-global traffic that inlining leaves in
// a caller: a copied helper body writes all four result globals, the
// caller reads one or two of them right away (calldataload's selector
// limb, callvalue's two limbs for its test, calldatasize).
//
// A liveness analysis of the result globals over each function's
// structured body (controlSuccs) finds
//   - writes no path reads before the next write, a trap or the end of
//     main: the value is dropped instead (and its producer with it when
//     that is a constant or a load from the private area);
//   - writes whose value is read once, in the same straight line, and
//     dead after that read: the pair goes through a fresh local, which
//     optimizeLocals then folds into the stack when the order allows.
//
// Calls are summarised per function: the result globals it may read
// before writing them (a wrapper that passes results straight on reads
// them on entry) and those every return of it has written. Imports never
// touch them. At the end of a function other than main every result
// global is live (its callers read its results).
func (m *module) cleanResultWrites() {
	nr := len(m.resultGlobals)
	if nr == 0 || nr > 64 {
		return
	}
	bit := map[*global]uint64{}
	for i, g := range m.resultGlobals {
		bit[g] = 1 << i
	}
	all := uint64(1)<<nr - 1 // 1<<64 is 0 in Go: all ones for 64
	main := m.funcs[0]

	mustWrite := map[*function]uint64{}
	for more := true; more; {
		more = false
		for _, f := range m.funcs {
			if w := topWrites(f, bit, mustWrite); w != mustWrite[f] {
				mustWrite[f], more = w, true
			}
		}
	}
	entryReads := map[*function]uint64{}
	for more := true; more; {
		more = false
		for _, f := range m.funcs {
			in, _ := resultLiveness(f, bit, 0, entryReads, mustWrite)
			r := uint64(0)
			if len(in) > 0 {
				r = in[0]
			}
			if r|entryReads[f] != entryReads[f] {
				entryReads[f] |= r
				more = true
			}
		}
	}
	for _, f := range m.funcs {
		exit := all
		if f == main {
			exit = 0
		}
		if forwardIn(f, bit, exit, entryReads, mustWrite) {
			f.localsDone = false
		}
	}
}

// topWrites is the set of result globals every return of f has written:
// writes outside every block (and those of functions called there) before
// the first instruction that can leave f early.
func topWrites(f *function, bit map[*global]uint64, mustWrite map[*function]uint64) uint64 {
	w := uint64(0)
	walkDepth(f.body, func(in instr, depth int) bool {
		if leavesFunc(in, depth) {
			return false
		}
		if depth == 0 {
			switch in.op {
			case opGlobalSet:
				w |= bit[in.global]
			case opCall:
				w |= mustWrite[in.fn]
			}
		}
		return true
	})
	return w
}

// resultLiveness computes, for each instruction of f, the result globals
// live before it (in) and after it (out), given those live at f's end.
func resultLiveness(f *function, bit map[*global]uint64, exit uint64, entryReads, mustWrite map[*function]uint64) (in, out []uint64) {
	body := f.body
	n := len(body)
	succs := controlSuccs(body)
	in, out = make([]uint64, n), make([]uint64, n)
	liveAt := func(j int) uint64 {
		if j >= n {
			return exit
		}
		return in[j]
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			x := &body[i]
			var o uint64
			if x.op == opReturn {
				o = exit // controlSuccs gives return no successor
			} else if isControl(x.op) {
				for _, s := range succs[i] {
					o |= liveAt(s)
				}
			} else {
				o = liveAt(i + 1)
			}
			v := o
			switch x.op {
			case opGlobalGet:
				v |= bit[x.global]
			case opGlobalSet:
				v &^= bit[x.global]
			case opCall:
				if !x.fn.isImport() {
					v = v&^mustWrite[x.fn] | entryReads[x.fn]
				}
			}
			if o != out[i] || v != in[i] {
				out[i], in[i], changed = o, v, true
			}
		}
	}
	return in, out
}

// forwardIn rewrites f's dead and read-once result-global writes and
// reports whether anything changed.
func forwardIn(f *function, bit map[*global]uint64, exit uint64, entryReads, mustWrite map[*function]uint64) bool {
	_, out := resultLiveness(f, bit, exit, entryReads, mustWrite)
	body := f.body
	changed := false
	for i := range body {
		in := &body[i]
		b, ok := bit[in.global]
		if in.op != opGlobalSet || !ok {
			continue
		}
		if out[i]&b == 0 {
			*in = instr{op: opDrop}
			changed = true
			continue
		}
		// the one read, in the same straight line
		j := i + 1
		for ; j < len(body); j++ {
			x := body[j]
			if isControl(x.op) || x.op == opCall && !x.fn.isImport() || x.global == in.global && x.op == opGlobalSet {
				j = len(body)
				break
			}
			if x.op == opGlobalGet && x.global == in.global {
				break
			}
		}
		if j >= len(body) || out[j]&b != 0 {
			continue
		}
		l := int64(len(f.typ.params) + len(f.locals))
		f.locals = append(f.locals, i64)
		*in = instr{op: opLocalSet, imm: l}
		body[j] = instr{op: opLocalGet, imm: l}
		changed = true
	}
	if changed {
		f.body = dropPure(body)
	}
	return changed
}

// dropPure removes drop together with the value it drops when that was
// pushed by a constant, a local.get or global.get, or a load from the
// private area (which cannot trap: the first page always exists).
func dropPure(body []instr) []instr {
	out := make([]instr, 0, len(body))
	for _, in := range body {
		if in.op == opDrop && len(out) > 0 {
			p := out[len(out)-1]
			switch {
			case p.sym == symNone && (p.op == opI32Const || p.op == opI64Const || p.op == opLocalGet || p.op == opGlobalGet):
				out = out[:len(out)-1]
				continue
			case len(out) > 1 && isLoad(p.op) && out[len(out)-2].op == opI32Const &&
				out[len(out)-2].sym == symNone && out[len(out)-2].imm >= 0 &&
				out[len(out)-2].imm+int64(p.offset)+8 <= immutableBase:
				out = out[:len(out)-2]
				continue
			}
		}
		out = append(out, in)
	}
	return out
}

func isLoad(o opcode) bool {
	switch o {
	case opI32Load, opI64Load, opI32Load8U, opI64Load8U:
		return true
	}
	return false
}

// dropUnusedGlobals removes the globals no instruction mentions any more
// (result limbs whose every write went) and renumbers the rest.
func (m *module) dropUnusedGlobals() {
	used := map[*global]bool{}
	for _, f := range m.funcs {
		for _, in := range f.body {
			if in.global != nil {
				used[in.global] = true
			}
		}
	}
	kept := m.globals[:0]
	for _, g := range m.globals {
		if used[g] {
			g.index = uint32(len(kept))
			kept = append(kept, g)
		}
	}
	m.globals = kept
}
