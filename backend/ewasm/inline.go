package ewasm

// inlineSmall replaces the calls of a defined function by its body where
// that makes the module smaller: a function called once (a dispatch
// branch's external_fun, a helper with one user) costs its call, its
// function and code entries and perhaps a type; a tiny one (a single EEI
// call and a conversion) costs more as a function than as copies.
//
// The arguments, on the stack at the call site, go to fresh locals of the
// caller (local.set, last parameter first), and so do the callee's own
// locals. wasm zeroes locals on every entry, and a copy inside a loop of
// its caller would not: a local that may be read before it is written is
// set to zero first. The callers' locals are then optimized again
// (locals.go), which merges the new ones and drops needless stores. A body that returns, or
// branches to its function's label, is wrapped in a block of the
// function's result type: its branches keep their depths (the block takes
// the function label's place) and return becomes a branch out of it.
// Runs on final bodies (after optimizeLocals and shortcuts), twice, with
// pruneParams between; cleanResultWrites follows (globalfwd.go).
func (m *module) inlineSmall() {
	keep := map[*function]bool{m.funcs[0]: true}
	for _, f := range m.testExports {
		keep[f] = true
	}
	for changed := true; changed; {
		changed = false
		calls := map[*function]int{}
		for _, g := range m.funcs {
			for _, in := range g.body {
				if in.op == opCall && in.fn != g {
					calls[in.fn]++
				}
			}
		}
		typeUsers := map[string]int{}
		for _, f := range m.imports {
			typeUsers[f.typ.key()]++
		}
		for _, f := range m.funcs {
			typeUsers[f.typ.key()]++
		}
		for _, f := range m.funcs {
			n := calls[f]
			if keep[f] || n == 0 || len(f.typ.results) > 1 || callsFn(f, f) {
				continue
			}
			body, err := encodeBody(f, func(*instr) (int64, error) { return 0, nil })
			if err != nil {
				continue
			}
			// as a function: code entry (size, body), function entry,
			// perhaps its type, and 2 bytes per call
			keepCost := len(appendU32(nil, uint32(len(body)))) + len(body) + 1 + 2*n
			if typeUsers[f.typ.key()] == 1 {
				keepCost += 3 + len(f.typ.params) + len(f.typ.results)
			}
			// as copies: the instructions (no locals vector, no end), the
			// argument stores (none when the body starts by pushing its
			// parameters in order and never reads them again: the
			// arguments are already there), the zeroing of locals, the new
			// locals' declarations (a guess), the wrapping block
			copyCost := len(body) - len(appendU32(nil, uint32(len(localGroups(f.locals))))) - 1 +
				4*len(zeroedLocals(f)) + len(f.locals)
			if paramsInOrder(f) && !needsWrap(f) {
				copyCost -= 2 * len(f.typ.params)
			} else {
				copyCost += 3 * len(f.typ.params)
			}
			for _, g := range localGroups(f.locals) {
				copyCost -= len(appendU32(nil, uint32(g[0]))) + 1
			}
			if needsWrap(f) {
				copyCost += 3
			}
			if n*copyCost >= keepCost {
				continue
			}
			for _, g := range m.funcs {
				if g != f && callsFn(g, f) {
					g.body = inlineCalls(g, f)
					g.localsDone = false
				}
			}
			m.removeFunc(f)
			changed = true
			break
		}
	}
	m.optimizeLocals()
}

func callsFn(g, f *function) bool {
	for _, in := range g.body {
		if in.op == opCall && in.fn == f {
			return true
		}
	}
	return false
}

// zeroedLocals lists the declared locals of f (as local indices) that
// some path may read before writing (locals.go's definite assignment).
func zeroedLocals(f *function) []int {
	np, n := len(f.typ.params), len(f.typ.params)+len(f.locals)
	pinned := newBitset(n)
	uninitReads(f, n, pinned)
	var out []int
	for l := np; l < n; l++ {
		if pinned.has(l) {
			out = append(out, l)
		}
	}
	return out
}

// paramsInOrder reports whether f's body starts by pushing its parameters
// in order (local.get 0, 1, …) and never mentions them again, as the
// narrowing wrappers do: a copy then needs neither locals nor stores for
// them.
func paramsInOrder(f *function) bool {
	np := len(f.typ.params)
	if len(f.body) < np {
		return false
	}
	for i := 0; i < np; i++ {
		if in := f.body[i]; in.op != opLocalGet || in.imm != int64(i) {
			return false
		}
	}
	for _, in := range f.body[np:] {
		if isLocalOp(in.op) && int(in.imm) < np {
			return false
		}
	}
	return true
}

// needsWrap reports whether f's body leaves through its function label
// other than by falling off the end.
func needsWrap(f *function) bool {
	found := false
	walkDepth(f.body, func(in instr, depth int) bool {
		found = leavesFunc(in, depth)
		return !found
	})
	return found
}

// walkDepth calls visit with every instruction of body and the number of
// blocks open around it (an end is visited outside the block it closes),
// until visit returns false.
func walkDepth(body []instr, visit func(in instr, depth int) bool) {
	depth := 0
	for _, in := range body {
		switch in.op {
		case opBlock, opLoop, opIf:
			depth++
		case opEnd:
			depth--
		}
		if !visit(in, depth) {
			return
		}
	}
}

// leavesFunc reports whether in, depth blocks deep, leaves the function:
// a return, or a branch to the function's label.
func leavesFunc(in instr, depth int) bool {
	switch in.op {
	case opReturn:
		return true
	case opBr, opBrIf:
		return int(in.imm) == depth
	case opBrTable:
		for _, t := range in.table {
			if int(t) == depth {
				return true
			}
		}
	}
	return false
}

// inlineCalls returns g's body with every call of f replaced by f's body.
func inlineCalls(g, f *function) []instr {
	var out []instr
	wrap := needsWrap(f)
	zeroed := zeroedLocals(f)
	// (a wrapping block could not reach arguments left below it)
	inOrder := paramsInOrder(f) && !wrap
	// a body that ends in unreachable makes the one after the call dead
	halts := !wrap && len(f.body) > 0 && f.body[len(f.body)-1].op == opUnreachable
	for k, in := range g.body {
		if in.op == opUnreachable && halts && k > 0 && g.body[k-1].op == opCall && g.body[k-1].fn == f {
			continue
		}
		if in.op != opCall || in.fn != f {
			out = append(out, in)
			continue
		}
		np := len(f.typ.params)
		all := append(append([]valType(nil), f.typ.params...), f.locals...)
		local := make([]int64, len(all))
		for i, t := range all {
			if i < np && inOrder {
				continue // the parameters stay on the stack
			}
			local[i] = int64(len(g.typ.params) + len(g.locals))
			g.locals = append(g.locals, t)
		}
		body := f.body
		if inOrder {
			body = body[np:]
		} else {
			for i := np - 1; i >= 0; i-- {
				out = append(out, instr{op: opLocalSet, imm: local[i]})
			}
		}
		for _, l := range zeroed {
			c := opI64Const
			if all[l] == i32 {
				c = opI32Const
			}
			out = append(out, instr{op: c}, instr{op: opLocalSet, imm: local[l]})
		}
		if wrap {
			bt := noType
			if len(f.typ.results) == 1 {
				bt = f.typ.results[0]
			}
			out = append(out, instr{op: opBlock, bt: bt})
		}
		walkDepth(body, func(c instr, depth int) bool {
			switch c.op {
			case opLocalGet, opLocalSet, opLocalTee:
				c.imm = local[c.imm]
			case opReturn:
				c = instr{op: opBr, imm: int64(depth)}
			}
			out = append(out, c)
			return true
		})
		if wrap {
			out = append(out, instr{op: opEnd})
		}
	}
	return out
}

// removeFunc drops f from the module (it has no calls left).
func (m *module) removeFunc(f *function) {
	out := m.funcs[:0]
	for _, g := range m.funcs {
		if g != f {
			out = append(out, g)
		}
	}
	m.funcs = out
	for k, g := range m.helpers {
		if g == f {
			delete(m.helpers, k)
		}
	}
}
