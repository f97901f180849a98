package ewasm

import (
	"context"
	"math/rand"
	"testing"

	"github.com/tetratelabs/wazero/api"
)

// The clean-up passes of optimizeLocals (locals.go, peephole.go,
// liveness.go) on hand-written bodies: each case runs in wazero before and
// after the passes on random arguments, and the results must agree.

type bodyCase struct {
	name    string
	params  []valType
	results []valType
	locals  []valType
	body    []instr
	// build, when set, makes the body in the module (for globals)
	build func(m *module) []instr
	// check inspects the optimized body
	check func(t *testing.T, body []instr)
}

func lg(x int) instr     { return instr{op: opLocalGet, imm: int64(x)} }
func ls(x int) instr     { return instr{op: opLocalSet, imm: int64(x)} }
func lt(x int) instr     { return instr{op: opLocalTee, imm: int64(x)} }
func c64(v int64) instr  { return instr{op: opI64Const, imm: v} }
func op(o opcode) instr  { return instr{op: o} }
func br(d int) instr     { return instr{op: opBr, imm: int64(d)} }
func brIf(d int) instr   { return instr{op: opBrIf, imm: int64(d)} }
func blk(o opcode) instr { return instr{op: o, bt: noType} }

func count(body []instr, o opcode) int {
	n := 0
	for _, in := range body {
		if in.op == o {
			n++
		}
	}
	return n
}

var bodyCases = []bodyCase{
	{
		// local.set x; const; local.get x; op: the operands exchanged, the
		// store and the read meet and the local goes (twice: eq and an
		// ordered compare, whose operator flips)
		name:    "commuteReads",
		params:  []valType{i64},
		results: []valType{i32},
		locals:  []valType{i64, i64},
		body: []instr{
			lg(0), c64(3), op(opI64Add), ls(1), c64(10), lg(1), op(opI64LtU),
			lg(0), c64(1), op(opI64Xor), ls(2), c64(6), lg(2), op(opI64Eq),
			op(opI32Or),
		},
		check: func(t *testing.T, body []instr) {
			if n := count(body, opLocalSet) + count(body, opLocalTee); n != 0 {
				t.Errorf("%d local writes left, want 0: %v", n, body)
			}
		},
	},
	{
		// if br else … end and if … else br end become br_if; the
		// branches in the arm that stays are renumbered
		name:    "branchIfs",
		params:  []valType{i64, i64},
		results: []valType{i64},
		locals:  []valType{i64},
		body: []instr{
			blk(opBlock),
			lg(0), op(opI64Eqz),
			blk(opIf), br(1), op(opElse),
			lg(1), ls(2),
			blk(opBlock),
			lg(1), c64(5), op(opI64GtU),
			blk(opIf),
			lg(2), c64(1), op(opI64Add), ls(2),
			op(opElse), br(3), op(opEnd),
			op(opEnd),
			lg(1), c64(100), op(opI64LtU),
			blk(opIf), lg(2), c64(3), op(opI64Mul), ls(2), op(opElse), br(2), op(opEnd),
			lg(2), op(opReturn),
			op(opEnd),
			op(opEnd),
			c64(99),
		},
		check: func(t *testing.T, body []instr) {
			if n := count(body, opIf); n != 0 {
				t.Errorf("%d ifs left, want 0", n)
			}
		},
	},
	{
		// stores read back in order after code that leaves the stack
		// alone stay on the stack
		name:    "teeRuns",
		params:  []valType{i64, i64},
		results: []valType{i64},
		locals:  []valType{i64, i64, i64},
		body: []instr{
			lg(0), c64(3), op(opI64Mul), ls(2),
			lg(1), c64(1), op(opI64Add), ls(3),
			lg(0), lg(1), op(opI64Xor), ls(4),
			lg(2), lg(3), op(opI64Sub),
			lg(4), op(opI64Add),
		},
		check: func(t *testing.T, body []instr) {
			// the parameters are read four times, the xor once
			if n := count(body, opLocalGet); n > 5 {
				t.Errorf("%d local.gets, want at most 5", n)
			}
		},
	},
	{
		// a phi's copy from a local that dies there disappears
		name:    "coalesce",
		params:  []valType{i64},
		results: []valType{i64},
		locals:  []valType{i64, i64},
		body: []instr{
			lg(0), c64(1), op(opI64Add), ls(1),
			lg(1), ls(2),
			lg(2), c64(2), op(opI64Mul),
		},
		check: func(t *testing.T, body []instr) {
			if n := count(body, opLocalSet) + count(body, opLocalTee); n > 1 {
				t.Errorf("%d local writes, want at most 1", n)
			}
		},
	},
	{
		// the zero initialisation of a loop counter goes; the reset inside
		// the outer loop stays
		name:    "dropZeroInits",
		params:  []valType{i64},
		results: []valType{i64},
		locals:  []valType{i64, i64, i64},
		body: []instr{
			c64(0), ls(1), // sum = 0 (redundant)
			c64(0), ls(2), // i = 0 (redundant)
			blk(opBlock), blk(opLoop),
			lg(2), c64(3), op(opI64GeU), brIf(1),
			c64(0), ls(3), // j = 0 (needed from the second round on)
			blk(opBlock), blk(opLoop),
			lg(3), lg(0), c64(7), op(opI64And), op(opI64GeU), brIf(1),
			lg(1), lg(3), op(opI64Add), lg(2), op(opI64Add), ls(1),
			lg(3), c64(1), op(opI64Add), ls(3),
			br(0),
			op(opEnd), op(opEnd),
			lg(2), c64(1), op(opI64Add), ls(2),
			br(0),
			op(opEnd), op(opEnd),
			lg(1),
		},
		check: func(t *testing.T, body []instr) {
			zeros := 0
			for i, in := range body {
				if isZeroConst(in) && i+1 < len(body) && body[i+1].op == opLocalSet {
					zeros++
				}
			}
			if zeros != 1 {
				t.Errorf("%d zero initialisations, want 1", zeros)
			}
		},
	},
	{
		// a local copied from a global and read once before anything can
		// change the global reads the global; a local set once to a small
		// constant reads the constant
		name:    "forwardResults",
		params:  []valType{i64, i64},
		results: []valType{i64},
		locals:  []valType{i64, i64},
		build: func(m *module) []instr {
			r := m.result(0)
			return []instr{
				c64(5), ls(3),
				lg(0), c64(3), op(opI64Add), {op: opGlobalSet, global: r},
				{op: opGlobalGet, global: r}, ls(2),
				lg(1), lg(3), op(opI64Add), lg(2), op(opI64Mul),
				lg(3), op(opI64Xor),
			}
		},
		check: func(t *testing.T, body []instr) {
			if n := count(body, opLocalSet) + count(body, opLocalTee) + count(body, opLocalGet); n != 2 {
				t.Errorf("%d local accesses, want 2 (the parameters)", n)
			}
		},
	},
	{
		// cmp; i32.eqz folds; constants with trailing zeros are shifted
		name:    "foldConds+shortConsts",
		params:  []valType{i64, i64},
		results: []valType{i64},
		body: []instr{
			lg(0), lg(1), op(opI64Eq), op(opI32Eqz),
			blk(opIf), c64(0x4e487b71 << 32), op(opReturn), op(opEnd),
			lg(0), c64(7), op(opI64LtU), op(opI64ExtendU), op(opI64Eqz), op(opI32Eqz), op(opI32Eqz),
			blk(opIf), c64(-1 << 56), op(opReturn), op(opEnd),
			lg(1),
		},
		check: func(t *testing.T, body []instr) {
			if n := count(body, opI32Eqz); n != 0 {
				t.Errorf("%d i32.eqz left, want 0", n)
			}
			for _, in := range body {
				if in.op == opI64Const && len(appendS64(nil, in.imm)) > 5 {
					t.Errorf("long constant %#x left", in.imm)
				}
			}
		},
	},
}

// instantiate encodes m (no symbolic constants), validates it with wabt
// and instantiates it in wazero for the rest of the test.
func instantiate(t *testing.T, m *module) api.Module {
	t.Helper()
	bin, _, err := m.encode(func(*instr, *layout) (int64, error) { return 0, nil })
	if err != nil {
		t.Fatal(err)
	}
	wabtValidate(t, bin)
	ctx := context.Background()
	r := newRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	mod, err := r.Instantiate(ctx, bin)
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	return mod
}

// runBodies builds a module exporting the case's body twice, as written
// ("a") and after optimizeLocals ("b").
func runBodies(t *testing.T, c bodyCase) (a, b func(args ...uint64) uint64, opt []instr) {
	m := newModule()
	newFunc(m, "main", nil, nil)
	body := c.body
	if c.build != nil {
		body = c.build(m)
	}
	mk := func(name string, done bool) *function {
		fb := newFunc(m, name, c.params, c.results)
		fb.f.locals = append([]valType(nil), c.locals...)
		fb.f.body = append([]instr(nil), body...)
		fb.f.localsDone = done
		m.testExports = append(m.testExports, fb.f)
		return fb.f
	}
	mk("a", true)
	fo := mk("b", false)
	m.optimizeLocals()
	mod := instantiate(t, m)
	ctx := context.Background()
	call := func(name string) func(args ...uint64) uint64 {
		fn := mod.ExportedFunction(name)
		return func(args ...uint64) uint64 {
			res, err := fn.Call(ctx, args...)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return res[0]
		}
	}
	return call("a"), call("b"), fo.body
}

func TestOptimizeLocalsBodies(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, c := range bodyCases {
		t.Run(c.name, func(t *testing.T) {
			a, b, body := runBodies(t, c)
			c.check(t, body)
			vals := []uint64{0, 1, 2, 3, 4, 5, 6, 7, 100, 1 << 63, ^uint64(0)}
			for k := 0; k < 200; k++ {
				args := make([]uint64, len(c.params))
				for i := range args {
					if k < 100 {
						args[i] = vals[rng.Intn(len(vals))]
					} else {
						args[i] = rng.Uint64()
					}
				}
				if x, y := a(args...), b(args...); x != y {
					t.Fatalf("args %v: %d before the passes, %d after", args, x, y)
				}
			}
		})
	}
}
