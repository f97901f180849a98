package ewasm

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/frontend/source"
	sir "github.com/soll-dev/soll/ir"
)

// diagError is a problem the target cannot express, at a source span.
type diagError struct {
	span source.Span
	msg  string
}

func (e *diagError) Error() string { return e.msg }

// slot is where an SSA value lives: n i64 locals for a word whose limbs
// above n are known to be zero, one i32 local for a condition (i1). A
// deferred word stays in the result globals; a stacked condition on the
// operand stack (values.go).
type slot struct {
	w     word
	n     int
	cond  int
	isW   bool
	glob  bool
	stack bool
}

// funcGen translates one IR function into one wasm function. Values live in
// locals; word results of calls come back in the result globals.
type funcGen struct {
	g     *objGen
	f     *ir.Func
	b     *fb
	cfg   *sir.CFG
	slots map[value.Value]slot
	// structured control (Ramsey, "Beyond Relooper", ICFP 2022)
	rpo      []int
	merge    []bool
	loopHead []bool
	labels   map[int]label // blocks that are branch targets in scope
	err      error
	// value analysis (values.go)
	bds      map[value.Value]bound  // bounds where values are defined
	facts    map[value.Value][]fact // narrower bounds after some points
	at       point                  // the point code is generated for
	deferred map[value.Value]bool
	stacked  map[value.Value]bool
	// for facts: where instructions are, the word instructions using each
	// value, and the addFact calls left in the current pass
	instAt     map[ir.Instruction]point
	users      map[value.Value][]ir.Instruction
	factBudget int
}

func (g *funcGen) fail(inst any, format string, args ...any) {
	if g.err != nil {
		return
	}
	span := g.g.obj.Loc(inst)
	if !span.IsValid() {
		span = g.g.obj.Span
	}
	g.err = &diagError{span: span, msg: fmt.Sprintf(format, args...)}
}

func isWord(t types.Type) bool { return t.Equal(sir.Word) }
func isBool(t types.Type) bool { return t.Equal(types.I1) }

// resultWords is the number of words a function returns.
func resultWords(t types.Type) (int, bool) {
	switch t := t.(type) {
	case *types.VoidType:
		return 0, true
	case *types.StructType:
		for _, f := range t.Fields {
			if !isWord(f) {
				return 0, false
			}
		}
		return len(t.Fields), true
	}
	if isWord(t) {
		return 1, true
	}
	return 0, false
}

// declare creates the wasm function shell of an IR function.
func (og *objGen) declare(f *ir.Func, isMain bool) error {
	if isMain {
		og.funcs[f] = og.m.funcs[0]
		return nil
	}
	var ps []valType
	for _, p := range f.Params {
		if !isWord(p.Type()) {
			return fmt.Errorf("function %s: parameter of type %s is not supported", f.Name(), p.Type())
		}
		ps = append(ps, i64, i64, i64, i64)
	}
	if _, ok := resultWords(f.Sig.RetType); !ok {
		return fmt.Errorf("function %s: result type %s is not supported", f.Name(), f.Sig.RetType)
	}
	b := newFunc(og.m, f.Name(), ps, nil)
	og.funcs[f] = b.f
	return nil
}

func (og *objGen) genFunc(f *ir.Func) error {
	if err := sir.Legalize(f); err != nil {
		return &diagError{span: og.obj.Span, msg: err.Error()}
	}
	wf := og.funcs[f]
	g := &funcGen{g: og, f: f, b: &fb{m: og.m, f: wf}, slots: map[value.Value]slot{}, labels: map[int]label{}}
	for i, p := range f.Params {
		g.slots[p] = slot{w: wordParam(4 * i), n: 4, isW: true}
	}
	g.cfg = sir.NewCFG(f)
	if err := g.structure(); err != nil {
		return err
	}
	g.analyze()
	g.allocate()
	if g.err != nil {
		return g.err
	}
	g.doTree(0)
	return g.err
}

// allocate gives every value-producing instruction its locals.
func (g *funcGen) allocate() {
	for _, i := range g.cfg.RPO {
		for _, inst := range g.cfg.Blocks[i].Insts {
			v, ok := inst.(value.Value)
			if !ok {
				continue
			}
			t := v.Type()
			switch {
			case isWord(t):
				n := nlimbsOf(g.defBits(v))
				if g.deferred[v] {
					g.slots[v] = slot{n: n, isW: true, glob: true}
					continue
				}
				var w word
				for k := 0; k < n; k++ {
					w[k] = g.b.local(i64)
				}
				g.slots[v] = slot{w: w, n: n, isW: true}
			case isBool(t):
				if g.stacked[v] {
					g.slots[v] = slot{stack: true}
				} else {
					g.slots[v] = slot{cond: g.b.local(i32)}
				}
			case t.Equal(types.Void):
			default:
				switch inst.(type) {
				case *ir.InstCall, *ir.InstInsertValue:
					// struct results: fields read through extractvalue
				default:
					g.fail(inst, "function %s: values of type %s are not supported by the Ewasm backend", g.f.Name(), t)
				}
			}
		}
	}
}

// structure classifies blocks for the structured translation and rejects
// irreducible control flow.
func (g *funcGen) structure() error {
	c := g.cfg
	n := len(c.Blocks)
	g.rpo = make([]int, n)
	for i := range g.rpo {
		g.rpo[i] = -1
	}
	for k, b := range c.RPO {
		g.rpo[b] = k
	}
	g.merge = make([]bool, n)
	g.loopHead = make([]bool, n)
	for _, b := range c.RPO {
		forward := 0
		for _, p := range c.Preds[b] {
			if g.rpo[p] < 0 {
				continue
			}
			if g.rpo[p] >= g.rpo[b] {
				if !c.Dominates(b, p) {
					return &diagError{span: g.g.obj.Span, msg: fmt.Sprintf("function %s: irreducible control flow cannot be expressed in WebAssembly", g.f.Name())}
				}
				g.loopHead[b] = true
				continue
			}
			forward++
		}
		g.merge[b] = forward >= 2
	}
	return nil
}

// doTree emits block x and the blocks it dominates.
func (g *funcGen) doTree(x int) {
	var merges []int
	for _, ch := range g.cfg.DomChildren[x] {
		if g.merge[ch] {
			merges = append(merges, ch)
		}
	}
	sort.Slice(merges, func(i, j int) bool { return g.rpo[merges[i]] > g.rpo[merges[j]] })
	if g.loopHead[x] {
		g.b.loop(func(l label) {
			g.labels[x] = l
			g.nodeWithin(x, merges)
			delete(g.labels, x)
		})
		return
	}
	g.nodeWithin(x, merges)
}

func (g *funcGen) nodeWithin(x int, merges []int) {
	if len(merges) == 0 {
		blk := g.cfg.Blocks[x]
		for j, inst := range blk.Insts {
			g.at = point{x, j}
			g.inst(inst)
		}
		g.at = point{x, len(blk.Insts)}
		g.term(x, blk.Term)
		return
	}
	y := merges[0]
	g.b.block(noType, func(l label) {
		g.labels[y] = l
		g.nodeWithin(x, merges[1:])
		delete(g.labels, y)
	})
	g.doTree(y)
}

func (g *funcGen) doBranch(from, to int) {
	// the bounds of the end of from hold for the phi copies and for what
	// the terminator emits after this branch (doTree moves g.at)
	end := point{from, len(g.cfg.Blocks[from].Insts)}
	g.at = end
	defer func() { g.at = end }()
	g.phiCopies(from, to)
	if g.rpo[to] <= g.rpo[from] || g.merge[to] {
		l, ok := g.labels[to]
		if !ok {
			g.fail(g.cfg.Blocks[from].Term, "function %s: internal error: branch target out of scope", g.f.Name())
			return
		}
		g.b.br(l)
		return
	}
	g.doTree(to)
}

// phiCopies assigns the phis of block to for the edge from → to: all
// incoming values are pushed first, then popped, so the copies act in
// parallel.
func (g *funcGen) phiCopies(from, to int) {
	src := g.cfg.Blocks[from]
	var phis []*ir.InstPhi
	for _, inst := range g.cfg.Blocks[to].Insts {
		if p, ok := inst.(*ir.InstPhi); ok {
			phis = append(phis, p)
		}
	}
	for _, p := range phis {
		var in value.Value
		for _, inc := range p.Incs {
			if inc.Pred == src {
				in = inc.X
				break
			}
		}
		if in == nil {
			g.fail(p, "function %s: phi without a value for a predecessor", g.f.Name())
			return
		}
		if isWord(p.Type()) {
			for i := 0; i < g.slots[p].n; i++ {
				g.pushLimb(in, i)
			}
		} else {
			g.push(in)
		}
	}
	for i := len(phis) - 1; i >= 0; i-- {
		g.pop(phis[i])
	}
}

// push pushes a value: four i64 limbs for a word, an i32 for a condition.
func (g *funcGen) push(v value.Value) {
	b := g.b
	switch c := v.(type) {
	case *constant.Int:
		if isBool(c.Typ) {
			if c.X.Sign() != 0 {
				b.i32c(1)
			} else {
				b.i32c(0)
			}
			return
		}
		b.constW(limbs(c))
		return
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		if isBool(v.Type()) {
			b.i32c(0)
		} else {
			b.constW([4]uint64{})
		}
		return
	}
	s, ok := g.slots[v]
	if !ok {
		g.fail(nil, "function %s: value %s has no location", g.f.Name(), v.Ident())
		return
	}
	switch {
	case s.isW:
		for i := 0; i < 4; i++ {
			g.pushLimb(v, i)
		}
	case !s.stack:
		b.get(s.cond)
	}
}

// limbConst returns limb i of v when it is known at compile time.
func (g *funcGen) limbConst(v value.Value, i int) (uint64, bool) {
	switch c := v.(type) {
	case *constant.Int:
		return limbs(c)[i], true
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		return 0, true
	}
	if i >= nlimbsOf(g.bitsOf(v)) {
		return 0, true
	}
	return 0, false
}

// limbZero reports whether limb i of v is known to be 0.
func (g *funcGen) limbZero(v value.Value, i int) bool {
	c, ok := g.limbConst(v, i)
	return ok && c == 0
}

// nl is the number of limbs a word value may have non-zero.
func (g *funcGen) nl(v value.Value) int { return nlimbsOf(g.bitsOf(v)) }

// setLimb pops limb i of the word v (dropped above the kept limbs, which
// the analysis proved zero).
func (g *funcGen) setLimb(v value.Value, i int) {
	s := g.slots[v]
	if s.glob {
		g.fail(nil, "function %s: internal error: deferred value %s written", g.f.Name(), v.Ident())
		return
	}
	if i >= s.n {
		g.b.op(opDrop)
		return
	}
	g.b.set(s.w[i])
}

// setCond pops the i32 condition v unless it stays on the stack.
func (g *funcGen) setCond(v value.Value) {
	if s := g.slots[v]; !s.stack {
		g.b.set(s.cond)
	}
}

// fromGlobals takes the word result of a call out of the result globals.
func (g *funcGen) fromGlobals(v value.Value) {
	s := g.slots[v]
	if s.glob {
		return
	}
	for i := 0; i < s.n; i++ {
		g.b.gget(g.b.m.result(i))
		g.b.set(s.w[i])
	}
}

// pushLimb pushes limb i of a word value.
func (g *funcGen) pushLimb(v value.Value, i int) {
	switch c := v.(type) {
	case *constant.Int:
		g.b.i64c(int64(limbs(c)[i]))
		return
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		g.b.i64c(0)
		return
	}
	s, ok := g.slots[v]
	if !ok || !s.isW {
		g.fail(nil, "function %s: value %s has no word location", g.f.Name(), v.Ident())
		return
	}
	switch {
	case i >= s.n, i >= g.nl(v):
		// above the stored limbs, or known zero here
		g.b.i64c(0)
	case s.glob:
		g.b.gget(g.b.m.result(i))
	default:
		g.b.get(s.w[i])
	}
}

// pop pops a phi's value (its kept limbs for a word).
func (g *funcGen) pop(v value.Value) {
	s := g.slots[v]
	if s.isW {
		for i := s.n - 1; i >= 0; i-- {
			g.setLimb(v, i)
		}
	} else {
		g.setCond(v)
	}
}

// limbs splits a constant into limbs, least significant first; negative
// i256 constants are taken mod 2^256.
func limbs(c *constant.Int) [4]uint64 {
	x := new(bigInt).Mod(c.X, twoTo256)
	var be [32]byte
	x.FillBytes(be[:])
	var out [4]uint64
	for i := range out {
		out[i] = binary.BigEndian.Uint64(be[24-8*i:])
	}
	return out
}

func (g *funcGen) inst(inst ir.Instruction) {
	if g.err != nil {
		return
	}
	b := g.b
	switch inst := inst.(type) {
	case *ir.InstPhi, *ir.InstInsertValue:
		return
	case *ir.InstExtractValue:
		c, ok := inst.X.(*ir.InstCall)
		if !ok || len(inst.Indices) != 1 {
			g.fail(inst, "function %s: extractvalue of a non-call", g.f.Name())
			return
		}
		// the call left its fields in the result globals' copies
		fields := g.g.callFields[c]
		k := int(inst.Indices[0])
		if k >= len(fields) {
			g.fail(inst, "function %s: extractvalue index out of range", g.f.Name())
			return
		}
		for i := 0; i < 4; i++ {
			b.get(fields[k][i])
			g.setLimb(inst, i)
		}
	case *ir.InstAdd:
		if g.inlineArith(inst) {
			g.binLimb(inst.X, inst.Y, 0, opI64Add)
			g.setLimb(inst, 0)
			return
		}
		g.binHelper(inst, "add", inst.X, inst.Y)
	case *ir.InstSub:
		g.binHelper(inst, "sub", inst.X, inst.Y)
	case *ir.InstMul:
		if g.inlineArith(inst) {
			g.binLimb(inst.X, inst.Y, 0, opI64Mul)
			g.setLimb(inst, 0)
			return
		}
		g.binHelper(inst, "mul", inst.X, inst.Y)
	case *ir.InstShl, *ir.InstLShr, *ir.InstAShr:
		x, amt, kind, _ := shiftOf(inst)
		if g.inlineArith(inst) {
			c, _ := constShift(amt)
			g.shiftConst(inst.(value.Value), x, c, kind == "shl")
			return
		}
		g.binHelper(inst, kind, amt, x)
	case *ir.InstAnd:
		g.bitwise(inst, inst.X, inst.Y, opI64And, opI32And)
	case *ir.InstOr:
		g.bitwise(inst, inst.X, inst.Y, opI64Or, opI32Or)
	case *ir.InstXor:
		g.bitwise(inst, inst.X, inst.Y, opI64Xor, opI32Xor)
	case *ir.InstICmp:
		g.icmp(inst)
	case *ir.InstZExt:
		if !isBool(inst.From.Type()) || !isWord(inst.To) {
			g.fail(inst, "function %s: zext from %s to %s is not supported", g.f.Name(), inst.From.Type(), inst.To)
			return
		}
		g.push(inst.From)
		b.op(opI64ExtendU)
		g.setLimb(inst, 0)
	case *ir.InstTrunc:
		if !isBool(inst.To) || !isWord(inst.From.Type()) {
			g.fail(inst, "function %s: trunc to %s is not supported", g.f.Name(), inst.To)
			return
		}
		g.pushLimb(inst.From, 0)
		b.op(opI32WrapI64)
		b.i32c(1)
		b.op(opI32And)
		g.setCond(inst)
	case *ir.InstSelect:
		if isBool(inst.Typ) {
			g.push(inst.ValueTrue)
			g.push(inst.ValueFalse)
			g.push(inst.Cond)
			b.op(opSelect)
			g.setCond(inst)
			return
		}
		for i := 0; i < g.slots[inst].n; i++ {
			g.pushLimb(inst.ValueTrue, i)
			g.pushLimb(inst.ValueFalse, i)
			g.push(inst.Cond)
			b.op(opSelect)
			g.setLimb(inst, i)
		}
	case *ir.InstCall:
		g.call(inst)
	default:
		g.fail(inst, "function %s: instruction %s is not supported by the Ewasm backend", g.f.Name(), inst.LLString())
	}
}

func (g *funcGen) binHelper(inst ir.Instruction, name string, x, y value.Value) {
	v := inst.(value.Value)
	if !isWord(v.Type()) {
		g.fail(inst, "function %s: arithmetic on %s is not supported", g.f.Name(), v.Type())
		return
	}
	g.push(x)
	g.push(y)
	g.b.call(g.b.m.helper(name))
	g.fromGlobals(v)
}

// binLimb pushes limb i of x op y, folding known limbs.
func (g *funcGen) binLimb(x, y value.Value, i int, op opcode) {
	cx, kx := g.limbConst(x, i)
	cy, ky := g.limbConst(y, i)
	switch op {
	case opI64And:
		switch {
		case kx && cx == 0, ky && cy == 0:
			g.b.i64c(0)
			return
		case ky && cy == ^uint64(0):
			g.pushLimb(x, i)
			return
		case kx && cx == ^uint64(0):
			g.pushLimb(y, i)
			return
		}
	case opI64Or, opI64Xor, opI64Add:
		switch {
		case ky && cy == 0:
			g.pushLimb(x, i)
			return
		case kx && cx == 0:
			g.pushLimb(y, i)
			return
		}
	}
	g.pushLimb(x, i)
	g.pushLimb(y, i)
	g.b.op(op)
}

// shiftConst emits x << c (left) or x >> c (logical; also arithmetic for
// x below 2^255) limb by limb.
func (g *funcGen) shiftConst(v, x value.Value, c int, left bool) {
	b := g.b
	k, s := c/64, int64(c%64)
	for i := 0; i < g.slots[v].n; i++ {
		pushed := false
		term := func(src int, op opcode, amount int64) {
			if src < 0 || src > 3 || g.limbZero(x, src) {
				return
			}
			g.pushLimb(x, src)
			if amount != 0 {
				b.i64c(amount)
				b.op(op)
			}
			if pushed {
				b.op(opI64Or)
			}
			pushed = true
		}
		if c < 256 {
			if left {
				term(i-k, opI64Shl, s)
				if s != 0 {
					term(i-k-1, opI64ShrU, 64-s)
				}
			} else {
				term(i+k, opI64ShrU, s)
				if s != 0 {
					term(i+k+1, opI64Shl, 64-s)
				}
			}
		}
		if !pushed {
			b.i64c(0)
		}
		g.setLimb(v, i)
	}
}

func (g *funcGen) bitwise(inst ir.Instruction, x, y value.Value, op64, op32 opcode) {
	v := inst.(value.Value)
	if isBool(v.Type()) {
		g.push(x)
		g.push(y)
		g.b.op(op32)
		g.setCond(v)
		return
	}
	if !isWord(v.Type()) {
		g.fail(inst, "function %s: bitwise operation on %s is not supported", g.f.Name(), v.Type())
		return
	}
	for i := 0; i < g.slots[v].n; i++ {
		g.binLimb(x, y, i, op64)
		g.setLimb(v, i)
	}
}

// eqW pushes x == y (or x != y) as i32.
func (g *funcGen) eqW(x, y value.Value, ne bool) {
	b := g.b
	n := maxInt(g.nl(x), g.nl(y))
	if n == 1 {
		switch {
		case g.limbZero(y, 0):
			g.pushLimb(x, 0)
			b.op(opI64Eqz)
		case g.limbZero(x, 0):
			g.pushLimb(y, 0)
			b.op(opI64Eqz)
		default:
			g.pushLimb(x, 0)
			g.pushLimb(y, 0)
			if ne {
				b.op(opI64Ne)
			} else {
				b.op(opI64Eq)
			}
			return
		}
		if ne {
			b.op(opI32Eqz)
		}
		return
	}
	terms := 0
	for i := 0; i < n; i++ {
		zx, zy := g.limbZero(x, i), g.limbZero(y, i)
		switch {
		case zx && zy:
			continue
		case zy:
			g.pushLimb(x, i)
		case zx:
			g.pushLimb(y, i)
		default:
			g.pushLimb(x, i)
			g.pushLimb(y, i)
			b.op(opI64Xor)
		}
		if terms > 0 {
			b.op(opI64Or)
		}
		terms++
	}
	if terms == 0 {
		b.i64c(0)
	}
	b.op(opI64Eqz)
	if ne {
		b.op(opI32Eqz)
	}
}

// hiOr pushes the or of limbs 1.. of v (v ≥ 2^64 iff it is non-zero).
func (g *funcGen) hiOr(v value.Value) {
	terms := 0
	for i := 1; i < 4; i++ {
		if g.limbZero(v, i) {
			continue
		}
		g.pushLimb(v, i)
		if terms > 0 {
			g.b.op(opI64Or)
		}
		terms++
	}
	if terms == 0 {
		g.b.i64c(0)
	}
}

func (g *funcGen) icmp(inst *ir.InstICmp) {
	b := g.b
	if isBool(inst.X.Type()) {
		g.push(inst.X)
		g.push(inst.Y)
		switch inst.Pred {
		case enum.IPredEQ:
			b.op(opI32Eq)
		case enum.IPredNE:
			b.op(opI32Ne)
		default:
			g.fail(inst, "function %s: comparison %s of i1 is not supported", g.f.Name(), inst.Pred)
			return
		}
		g.setCond(inst)
		return
	}
	if !isWord(inst.X.Type()) {
		g.fail(inst, "function %s: comparison of %s is not supported", g.f.Name(), inst.X.Type())
		return
	}
	switch inst.Pred {
	case enum.IPredEQ, enum.IPredNE:
		g.eqW(inst.X, inst.Y, inst.Pred == enum.IPredNE)
		g.setCond(inst)
		return
	}
	// x < y, possibly negated
	x, y, negate, signed, inline := g.cmpPlan(inst)
	switch {
	case inline && signed:
		// x < 0: the sign bit
		g.pushLimb(x, 3)
		b.i64c(0)
		b.op(opI64LtS)
	case inline:
		nx, ny := g.nl(x), g.nl(y)
		switch {
		case g.bitsOf(y) == 0:
			// x < 0 is false
			b.i32c(0)
		case g.bitsOf(x) == 0:
			// 0 < y is y ≠ 0 (never an i64.const 0 left operand of
			// i64.lt_u: wazero 1.12's optimizing compiler mishandles it in
			// some functions, e.g. PRBMath's pow)
			g.eqW(constant.NewInt(sir.Word, 0), y, true)
		case nx <= 1 && ny <= 1:
			g.pushLimb(x, 0)
			g.pushLimb(y, 0)
			b.op(opI64LtU)
		case ny <= 1:
			g.hiOr(x)
			b.op(opI64Eqz)
			g.pushLimb(x, 0)
			g.pushLimb(y, 0)
			b.op(opI64LtU, opI32And)
		default:
			g.hiOr(y)
			b.op(opI64Eqz, opI32Eqz)
			g.pushLimb(x, 0)
			g.pushLimb(y, 0)
			b.op(opI64LtU, opI32Or)
		}
	default:
		name := "lt"
		if signed {
			name = "slt"
		}
		g.push(x)
		g.push(y)
		b.call(b.m.helper(name))
	}
	if negate {
		b.op(opI32Eqz)
	}
	g.setCond(inst)
}

// call translates a call of a user function or of an @evm intrinsic.
func (g *funcGen) call(c *ir.InstCall) {
	b := g.b
	callee, ok := c.Callee.(*ir.Func)
	if !ok {
		g.fail(c, "function %s: indirect calls are not supported", g.f.Name())
		return
	}
	if bi, ok := sir.LookupIntrinsic(callee.Name()); ok {
		if x, amt, kind, isShift := shiftOf(c); isShift && g.inlineArith(c) {
			cnt, _ := constShift(amt)
			g.shiftConst(c, x, cnt, kind == "shl")
			return
		}
		g.intrinsic(c, bi)
		return
	}
	wf, ok := g.g.funcs[callee]
	if !ok {
		g.fail(c, "function %s: call of undefined function %s", g.f.Name(), callee.Name())
		return
	}
	for _, a := range c.Args {
		g.push(a)
	}
	b.call(wf)
	n, _ := resultWords(callee.Sig.RetType)
	switch {
	case n == 1:
		g.fromGlobals(c)
	case n > 1:
		// copy the fields out of the globals before any other call
		fields := make([]word, n)
		for k := range fields {
			fields[k] = b.newWord()
			for i := 0; i < 4; i++ {
				b.gget(b.m.result(4*k + i))
				b.set(fields[k][i])
			}
		}
		g.g.callFields[c] = fields
	}
}

func (g *funcGen) intrinsic(c *ir.InstCall, bi *sir.Builtin) {
	b := g.b
	m := b.m
	str := func(i int) (string, bool) {
		s, ok := sir.StringOf(c.Args[i])
		if !ok {
			g.fail(c, "%s needs a literal argument", bi.Name)
		}
		return s, ok
	}
	if why := m.unsupported(bi.Name); why != "" {
		g.fail(c, "%s", why)
		return
	}
	switch bi.Name {
	case "pop":
		return
	case "memoryguard":
		for i := 0; i < g.slots[c].n; i++ {
			g.pushLimb(c.Args[0], i)
			g.setLimb(c, i)
		}
		return
	case "datasize", "dataoffset":
		name, ok := str(0)
		if !ok {
			return
		}
		if g.g.obj.Lookup(name) == nil {
			g.fail(c, "%s(%q): no object or data of that name in object %q", bi.Name, name, g.g.obj.Name)
			return
		}
		k := symDataSize
		if bi.Name == "dataoffset" {
			k = symDataOffset
		}
		b.emit(instr{op: opI64Const, sym: k, name: name})
		g.setLimb(c, 0)
		return
	case "loadimmutable":
		name, ok := str(0)
		if !ok {
			return
		}
		b.i32c(int32(g.g.immutableAddr(name)))
		b.call(m.helper("loadBE"))
		g.fromGlobals(c)
		return
	case "linkersymbol":
		// the library's address, known at compile time (Options.Libraries):
		// an Ewasm module has no place for solc's placeholders
		name, ok := str(0)
		if !ok {
			return
		}
		addr, found := g.g.opts.Libraries[name]
		if !found {
			g.fail(c, "library %q is not linked: the Ewasm target needs library addresses at compile time", name)
			return
		}
		for i := 0; i < 4; i++ {
			var limb uint64
			for k := 0; k < 8; k++ {
				if at := 19 - 8*i - k; at >= 0 {
					limb |= uint64(addr[at]) << (8 * k)
				}
			}
			b.i64c(int64(limb))
			g.setLimb(c, i)
		}
		return
	case "setimmutable":
		// setimmutable(offset, name, value): the runtime module copied to
		// memory at offset holds the immutable's slot in a data segment
		name, ok := str(1)
		if !ok {
			return
		}
		if g.g.immutableOwner(name) == nil {
			// no sub-object reads it (e.g. library_deploy_address of a
			// library whose runtime dropped the check): nothing to patch,
			// as solc's assembler drops an assignment without references
			return
		}
		g.push(c.Args[0])
		b.call(m.helper("u32"))
		b.emit(instr{op: opI32Const, sym: symImmutable, name: name})
		b.op(opI32Add)
		b.i32c(32)
		b.call(m.helper("mem"))
		g.push(c.Args[2])
		b.call(m.helper("storeBE"))
		return
	}
	if g.fixedMemAccess(c, bi) {
		return
	}
	if bi.IsVerbatim() || bi.Kind == sir.ObjectAccess && bi.Name != "datacopy" {
		g.fail(c, "%s is not supported by the Ewasm backend", bi.Name)
		return
	}
	for _, a := range c.Args {
		if !isWord(a.Type()) {
			g.fail(c, "%s: operand of type %s", bi.Name, a.Type())
			return
		}
		g.push(a)
	}
	b.call(m.intrinsic(bi.Name, len(c.Args)))
	if bi.Rets == 1 {
		g.fromGlobals(c)
	} else if bi.Rets > 1 {
		g.fail(c, "%s: several results are not supported", bi.Name)
	}
}

// term translates a block's terminator.
func (g *funcGen) term(x int, t ir.Terminator) {
	if g.err != nil {
		return
	}
	b := g.b
	switch t := t.(type) {
	case *ir.TermRet:
		if t.X != nil {
			n, _ := resultWords(t.X.Type())
			if n == 1 {
				g.push(t.X)
				for i := 3; i >= 0; i-- {
					b.gset(b.m.result(i))
				}
			} else {
				fields := make([]value.Value, n)
				v := t.X
				for {
					iv, ok := v.(*ir.InstInsertValue)
					if !ok {
						break
					}
					k := int(iv.Indices[0])
					if fields[k] == nil {
						fields[k] = iv.Elem
					}
					v = iv.X
				}
				for k, f := range fields {
					if f == nil {
						f = constant.NewInt(sir.Word, 0)
					}
					for i := 0; i < 4; i++ {
						g.pushLimb(f, i)
						b.gset(b.m.result(4*k + i))
					}
				}
			}
		}
		b.op(opReturn)
	case *ir.TermBr:
		g.doBranch(x, g.cfg.Index[t.Target.(*ir.Block)])
	case *ir.TermCondBr:
		tt := g.cfg.Index[t.TargetTrue.(*ir.Block)]
		ff := g.cfg.Index[t.TargetFalse.(*ir.Block)]
		g.push(t.Cond)
		b.ifElse(noType, func() { g.doBranch(x, tt) }, func() { g.doBranch(x, ff) })
	case *ir.TermSwitch:
		g.switchChain(x, t, 0)
	case *ir.TermUnreachable:
		b.op(opUnreachable)
	default:
		g.fail(t, "function %s: terminator %s is not supported", g.f.Name(), t.LLString())
	}
}

// switchChain compares the scrutinee with case k and the rest in an
// if/else chain, the default last.
func (g *funcGen) switchChain(x int, t *ir.TermSwitch, k int) {
	if k == len(t.Cases) {
		g.doBranch(x, g.cfg.Index[t.TargetDefault.(*ir.Block)])
		return
	}
	cs := t.Cases[k]
	ci, ok := cs.X.(*constant.Int)
	if !ok {
		g.fail(t, "function %s: switch case is not an integer constant", g.f.Name())
		return
	}
	b := g.b
	if isBool(t.X.Type()) {
		g.push(t.X)
		g.push(ci)
		b.op(opI32Eq)
	} else {
		g.eqW(t.X, ci, false)
	}
	target := g.cfg.Index[cs.Target.(*ir.Block)]
	b.ifElse(noType, func() { g.doBranch(x, target) }, func() { g.switchChain(x, t, k+1) })
}
