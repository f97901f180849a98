package ewasm

import (
	"context"
	"testing"
)

func TestCleanResultWrites(t *testing.T) {
	m := newModule()
	mb := newFunc(m, "main", nil, nil)
	r := []*global{m.result(0), m.result(1), m.result(2), m.result(3)}
	gset := func(i int) instr { return instr{op: opGlobalSet, global: r[i]} }
	gget := func(i int) instr { return instr{op: opGlobalGet, global: r[i]} }
	h := newFunc(m, "h", nil, nil) // writes R2 on every return
	h.f.body = []instr{c64(7), gset(2), op(opReturn)}
	rd := newFunc(m, "rd", nil, nil) // reads R3 on entry, as an argRes wrapper
	rd.f.body = []instr{gget(3), gset(0)}
	mb.f.locals = []valType{i64}
	mb.f.body = []instr{
		c64(5), gset(0), c64(6), gset(1), // read once right below: locals
		gget(0), gget(1), op(opI64Add), ls(0),
		c64(99), gset(2), // dead: h writes R2 before anyone reads it
		{op: opCall, fn: h.f},
		c64(11), gset(3), // live: rd reads it
		{op: opCall, fn: rd.f},
		{op: opI32Const}, lg(0), gget(2), op(opI64Add), gget(0), op(opI64Add), {op: opI64Store},
	}
	m.cleanResultWrites()
	m.optimizeLocals()
	sets := map[*global]int{}
	for _, in := range mb.f.body {
		if in.op == opGlobalSet {
			sets[in.global]++
		}
		if in.op == opI64Const && in.imm == 99 {
			t.Errorf("the dead write's value is still pushed: %v", mb.f.body)
		}
	}
	if sets[r[0]] != 0 || sets[r[1]] != 0 || sets[r[2]] != 0 || sets[r[3]] != 1 {
		t.Errorf("main's writes of R0..R3: %d %d %d %d, want 0 0 0 1", sets[r[0]], sets[r[1]], sets[r[2]], sets[r[3]])
	}
	if count(h.f.body, opGlobalSet) != 1 || count(rd.f.body, opGlobalSet) != 1 {
		t.Errorf("a function's result writes went: h %v, rd %v", h.f.body, rd.f.body)
	}
	// R1 is no longer mentioned: it goes, the others are renumbered
	m.dropUnusedGlobals()
	if len(m.globals) != 3 || r[2].index != 1 || r[3].index != 2 {
		t.Errorf("globals after dropping: %d, R2 at %d, R3 at %d", len(m.globals), r[2].index, r[3].index)
	}
	mod := instantiate(t, m)
	ctx := context.Background()
	if _, err := mod.ExportedFunction("main").Call(ctx); err != nil {
		t.Fatal(err)
	}
	if v, _ := mod.Memory().ReadUint64Le(0); v != 11+7+11 {
		t.Errorf("main stored %d, want %d", v, 11+7+11)
	}
}
