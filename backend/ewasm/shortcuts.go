package ewasm

// Module-level clean-ups after optimizeLocals, on the final bodies:
//
//   - callvalueTests: the test callvalue() != 0 of every non-payable
//     function, call evm.callvalue; global.get R0; global.get R1; i64.or;
//     i64.eqz; i32.eqz, becomes one call of a function returning it as an
//     i32 (evm.callvalue itself when every call is such a test, else a
//     wrapper when there are enough of them);
//   - dropForwarders: a function whose body only passes its parameters on,
//     in order, to a function of the same type (a wrapper that pruning left
//     with nothing to add) is replaced by that function at its call sites
//     and removed.

func (m *module) shortcuts() {
	m.callvalueTests()
	m.dropForwarders()
}

// callvalueTest reports whether body[i:] starts with a call of cv whose two
// result limbs are or-ed and compared with zero, and whether an i32.eqz
// follows.
func (m *module) callvalueTest(body []instr, i int, cv *function) (match, nz bool) {
	if i+4 >= len(body) || body[i].op != opCall || body[i].fn != cv {
		return false, false
	}
	g1, g2 := body[i+1], body[i+2]
	if g1.op != opGlobalGet || g2.op != opGlobalGet || body[i+3].op != opI64Or || body[i+4].op != opI64Eqz {
		return false, false
	}
	r0, r1 := m.resultGlobals[0], m.resultGlobals[1]
	if !(g1.global == r0 && g2.global == r1) && !(g1.global == r1 && g2.global == r0) {
		return false, false
	}
	return true, i+5 < len(body) && body[i+5].op == opI32Eqz
}

func (m *module) callvalueTests() {
	cv := m.helpers["evm.callvalue"]
	if cv == nil || cv.isImport() || len(cv.typ.params) != 0 || len(cv.typ.results) != 0 || len(m.resultGlobals) < 2 {
		return
	}
	calls, tests, saved := 0, 0, 0
	for _, f := range m.funcs {
		for i, in := range f.body {
			if in.op != opCall || in.fn != cv {
				continue
			}
			calls++
			if ok, nz := m.callvalueTest(f.body, i, cv); ok {
				tests++
				saved += 5
				if nz {
					saved += 2
				}
			}
		}
	}
	if tests == 0 {
		return
	}
	var target *function
	if tests == calls {
		// evm.callvalue still sets the result globals, and then returns
		// the test
		cv.body = append(cv.body,
			instr{op: opGlobalGet, global: m.resultGlobals[0]},
			instr{op: opGlobalGet, global: m.resultGlobals[1]},
			instr{op: opI64Or}, instr{op: opI64Eqz}, instr{op: opI32Eqz})
		cv.typ = funcType{results: []valType{i32}}
		target = cv
	} else {
		// a wrapper: its body, function entry and perhaps a type
		cost := 13
		t := funcType{results: []valType{i32}}
		if _, types := m.types(); !hasKey(types, t.key()) {
			cost += 3
		}
		if saved <= cost {
			return
		}
		b := newFunc(m, "evm.callvalue/nz", nil, t.results)
		b.call(cv)
		b.gget(m.resultGlobals[0])
		b.gget(m.resultGlobals[1])
		b.op(opI64Or, opI64Eqz, opI32Eqz)
		b.f.localsDone = true
		target = b.f
	}
	for _, f := range m.funcs {
		if f == target {
			continue
		}
		var out []instr
		changed := false
		for i := 0; i < len(f.body); i++ {
			ok, nz := m.callvalueTest(f.body, i, cv)
			if !ok {
				out = append(out, f.body[i])
				continue
			}
			changed = true
			out = append(out, instr{op: opCall, fn: target})
			if nz {
				i += 5
			} else {
				out = append(out, instr{op: opI32Eqz})
				i += 4
			}
		}
		if changed {
			f.body = out
		}
	}
}

// forwardsTo returns the function f only passes its parameters on to, in
// order and with the same type; nil when there is none.
func forwardsTo(f *function) *function {
	np := len(f.typ.params)
	if !f.defined || f.isImport() || len(f.body) != np+1 {
		return nil
	}
	for i := 0; i < np; i++ {
		if in := f.body[i]; in.op != opLocalGet || in.imm != int64(i) {
			return nil
		}
	}
	c := f.body[np]
	if c.op != opCall || c.fn == f || c.fn.typ.key() != f.typ.key() {
		return nil
	}
	return c.fn
}

func (m *module) dropForwarders() {
	keep := map[*function]bool{}
	for _, f := range m.testExports {
		keep[f] = true
	}
	if len(m.funcs) > 0 {
		keep[m.funcs[0]] = true // main
	}
	to := map[*function]*function{}
	for _, f := range m.funcs {
		if keep[f] {
			continue
		}
		if g := forwardsTo(f); g != nil {
			to[f] = g
		}
	}
	if len(to) == 0 {
		return
	}
	// final resolves chains of forwarders; a cycle (which would never
	// return) is left alone
	final := func(f *function) *function {
		for n := 0; n <= len(to); n++ {
			g, ok := to[f]
			if !ok {
				return f
			}
			f = g
		}
		return nil
	}
	var cyclic []*function
	for f := range to {
		if final(f) == nil {
			cyclic = append(cyclic, f)
		}
	}
	for _, f := range cyclic {
		delete(to, f)
	}
	for _, f := range m.funcs {
		if to[f] != nil {
			continue
		}
		for i := range f.body {
			if in := &f.body[i]; in.op == opCall {
				if _, ok := to[in.fn]; ok {
					in.fn = final(in.fn)
				}
			}
		}
	}
	out := m.funcs[:0]
	for _, f := range m.funcs {
		if _, ok := to[f]; !ok {
			out = append(out, f)
		}
	}
	m.funcs = out
	for k, f := range m.helpers {
		if _, ok := to[f]; ok {
			delete(m.helpers, k)
		}
	}
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
