package ewasm

import (
	"context"
	"testing"
)

// inlineModule: a(x) sums f(x) over two loop iterations; f counts its
// local c from its implicit zero to 3 and returns early for x = 0.
func inlineModule() (m *module, a, f *function) {
	m = newModule()
	newFunc(m, "main", nil, nil)
	fb := newFunc(m, "f", []valType{i64}, []valType{i64})
	fb.f.locals = []valType{i32}
	i32c := func(v int32) instr { return instr{op: opI32Const, imm: int64(v)} }
	fb.f.body = []instr{
		blk(opLoop), lg(1), i32c(1), op(opI32Add), {op: opLocalTee, imm: 1}, i32c(3), op(opI32LtU), brIf(0), op(opEnd),
		lg(0), op(opI64Eqz), blk(opIf), c64(7), op(opReturn), op(opEnd),
		lg(0), lg(1), op(opI64ExtendU), op(opI64Add),
	}
	// a(x, y) ignores y: its type is not f's, which would be kept anyway
	ab := newFunc(m, "a", []valType{i64, i64}, []valType{i64})
	ab.f.locals = []valType{i64, i32}
	ab.f.body = []instr{
		blk(opLoop), lg(2), lg(0), {op: opCall, fn: fb.f}, op(opI64Add), {op: opLocalSet, imm: 2},
		lg(3), i32c(1), op(opI32Add), {op: opLocalTee, imm: 3}, i32c(2), op(opI32Ne), brIf(0), op(opEnd),
		lg(2),
	}
	m.testExports = []*function{ab.f}
	return m, ab.f, fb.f
}

func TestInlineSmall(t *testing.T) {
	m, a, f := inlineModule()
	m.inlineSmall()
	for _, g := range m.funcs {
		if g == f {
			t.Fatal("f is still a function")
		}
	}
	if n := count(a.body, opCall); n != 0 {
		t.Fatalf("a still makes %d calls: %v", n, a.body)
	}
	if n := count(a.body, opReturn); n != 0 {
		t.Fatalf("a returns from inside the copy: %v", a.body)
	}
	mod := instantiate(t, m)
	ctx := context.Background()
	for _, c := range [][2]uint64{{0, 14}, {5, 16}, {1 << 40, 2<<40 + 6}} {
		res, err := mod.ExportedFunction("a").Call(ctx, c[0], 0)
		if err != nil {
			t.Fatal(err)
		}
		if res[0] != c[1] {
			t.Errorf("a(%d) = %d, want %d (f's counter must start at 0 on each copy)", c[0], res[0], c[1])
		}
	}
}

// A function called from several places stays when copies cost more.
func TestInlineSmallKeepsShared(t *testing.T) {
	m, a, f := inlineModule()
	call := a.body[3]
	a.body = append([]instr{lg(0), call, op(opDrop), lg(0), call, op(opDrop)}, a.body...)
	m.inlineSmall()
	if n := count(a.body, opCall); n != 3 || len(m.funcs) != 3 || m.funcs[1] != f {
		t.Fatalf("%d calls left, funcs %d", n, len(m.funcs))
	}
}

// A body that starts by pushing its parameters in order takes the
// arguments where they are; one that returns early is wrapped in a block,
// which cannot reach values below it, so it stores them first.
func TestInlineArgumentsInPlace(t *testing.T) {
	m := newModule()
	newFunc(m, "main", nil, nil)
	g := newFunc(m, "g", []valType{i64, i64, i64}, []valType{i64})
	g.f.body = []instr{lg(0), lg(1), op(opI64Sub), lg(2), op(opI64Mul)}
	w := newFunc(m, "w", []valType{i64, i64}, []valType{i64}) // g(x, y, 3)
	w.f.body = []instr{lg(0), lg(1), c64(3), {op: opCall, fn: g.f}}
	early := newFunc(m, "early", []valType{i64, i64}, []valType{i64})
	early.f.body = []instr{lg(0), lg(1), op(opI64LtU), blk(opIf), c64(7), op(opReturn), op(opEnd), c64(9)}
	a := newFunc(m, "a", []valType{i64, i64, i32}, []valType{i64})
	a.f.body = []instr{lg(0), lg(1), {op: opCall, fn: w.f}, lg(0), lg(1), {op: opCall, fn: early.f}, op(opI64Add)}
	m.testExports = []*function{a.f, g.f}
	m.inlineSmall()
	if len(m.funcs) != 3 {
		t.Fatalf("%d functions left, want main, g and a", len(m.funcs))
	}
	// w's copy needs no locals, early's two (its arguments)
	if len(a.f.locals) > 2 {
		t.Errorf("a has %d locals, want at most 2: %v", len(a.f.locals), a.f.body)
	}
	mod := instantiate(t, m)
	ctx := context.Background()
	for _, c := range [][3]uint64{{10, 4, 18 + 9}, {4, 10, 1<<64 - 18 + 7}} {
		res, err := mod.ExportedFunction("a").Call(ctx, c[0], c[1], 0)
		if err != nil {
			t.Fatal(err)
		}
		if res[0] != c[2] {
			t.Errorf("a(%d, %d) = %d, want %d", c[0], c[1], res[0], c[2])
		}
	}
}
