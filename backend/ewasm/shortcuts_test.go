package ewasm

import "testing"

// callvalueModule is main calling evm.callvalue n times: the first k calls
// test it for non-zero (call; R0; R1; i64.or; i64.eqz; i32.eqz; br_if), the
// rest keep the value.
func callvalueModule(n, k int) (*module, *function, *function) {
	m := newModule()
	main := newFunc(m, "main", nil, nil)
	cv := m.intrinsic("callvalue", 0)
	r0, r1 := m.result(0), m.result(1)
	x := main.local(i64)
	main.emit(blk(opBlock))
	for i := 0; i < n; i++ {
		main.call(cv)
		main.gget(r0)
		main.gget(r1)
		if i < k {
			main.op(opI64Or, opI64Eqz, opI32Eqz)
			main.emit(brIf(0))
		} else {
			main.op(opI64Or)
			main.set(x)
		}
	}
	main.op(opEnd)
	return m, main.f, cv
}

func TestCallvalueTests(t *testing.T) {
	// every call a test: evm.callvalue returns the test itself
	m, main, cv := callvalueModule(3, 3)
	nf := len(m.funcs)
	m.shortcuts()
	if len(m.funcs) != nf || len(cv.typ.results) != 1 || count(main.body, opGlobalGet) != 0 || count(main.body, opI32Eqz) != 0 {
		t.Fatalf("all tests: %d funcs (want %d), callvalue %v, main %v", len(m.funcs), nf, cv.typ, main.body)
	}
	// too few tests besides other uses: nothing changes
	m, main, cv = callvalueModule(3, 1)
	before := len(main.body)
	m.shortcuts()
	if len(main.body) != before || len(cv.typ.results) != 0 {
		t.Fatalf("one test: main %v, callvalue %v", main.body, cv.typ)
	}
	// enough tests besides other uses: a wrapper
	m, main, cv = callvalueModule(6, 4)
	m.shortcuts()
	w := m.funcs[len(m.funcs)-1]
	if w.name != "evm.callvalue/nz" || len(cv.typ.results) != 0 || count(main.body, opGlobalGet) != 4 {
		t.Fatalf("wrapper: last func %s, callvalue %v, main %v", w.name, cv.typ, main.body)
	}
}

func TestDropForwarders(t *testing.T) {
	m := newModule()
	main := newFunc(m, "main", nil, nil)
	g := newFunc(m, "g", []valType{i64, i64}, nil)
	g.get(1)
	g.op(opDrop)
	f1 := newFunc(m, "f1", []valType{i64, i64}, nil)
	f1.get(0)
	f1.get(1)
	f1.call(g.f)
	f2 := newFunc(m, "f2", []valType{i64, i64}, nil) // forwards to f1
	f2.get(0)
	f2.get(1)
	f2.call(f1.f)
	swap := newFunc(m, "swap", []valType{i64, i64}, nil) // not in order
	swap.get(1)
	swap.get(0)
	swap.call(g.f)
	for _, f := range []*function{f1.f, f2.f, swap.f} {
		main.i64c(1)
		main.i64c(2)
		main.call(f)
	}
	m.dropForwarders()
	if len(m.funcs) != 3 || m.funcs[2] != swap.f {
		t.Fatalf("funcs %v", m.funcs)
	}
	for i, want := range []*function{g.f, g.f, swap.f} {
		if got := main.f.body[3*i+2].fn; got != want {
			t.Fatalf("call %d goes to %s, want %s", i, got.name, want.name)
		}
	}
}

func TestConstWraps(t *testing.T) {
	f := &function{body: []instr{c64(-1), op(opI32WrapI64), c64(1 << 33), op(opI32WrapI64), lg(0), op(opI32WrapI64)}}
	constWraps(f)
	want := []int64{-1, 0}
	if len(f.body) != 4 || f.body[0].op != opI32Const || f.body[0].imm != want[0] || f.body[1].op != opI32Const || f.body[1].imm != want[1] || f.body[3].op != opI32WrapI64 {
		t.Fatalf("%v", f.body)
	}
}
