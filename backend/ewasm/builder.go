package ewasm

// fb builds the body of one function. Structured control uses labels that
// remember their nesting depth, so a branch computes its relative depth
// itself; both the 256-bit runtime and the IR code generator use it.
type fb struct {
	m     *module
	f     *function
	depth int
}

// label is a branch target: a block (branching goes to its end) or a loop
// (branching goes to its start).
type label struct{ depth int }

// word is the four i64 locals of a 256-bit value, least significant first.
type word [4]int

func newFunc(m *module, name string, params []valType, results []valType) *fb {
	f := &function{name: name, typ: funcType{params: params, results: results}, defined: true}
	m.funcs = append(m.funcs, f)
	return &fb{m: m, f: f}
}

func (b *fb) emit(in instr) { b.f.body = append(b.f.body, in) }

func (b *fb) op(ops ...opcode) {
	for _, o := range ops {
		b.emit(instr{op: o})
	}
}

// local declares a new local of type t and returns its index.
func (b *fb) local(t valType) int {
	b.f.locals = append(b.f.locals, t)
	return len(b.f.typ.params) + len(b.f.locals) - 1
}

// newWord declares four i64 locals.
func (b *fb) newWord() word {
	var w word
	for i := range w {
		w[i] = b.local(i64)
	}
	return w
}

// param returns the index of parameter i; wordParam the word starting at i.
func wordParam(i int) word { return word{i, i + 1, i + 2, i + 3} }

func (b *fb) get(l int)              { b.emit(instr{op: opLocalGet, imm: int64(l)}) }
func (b *fb) set(l int)              { b.emit(instr{op: opLocalSet, imm: int64(l)}) }
func (b *fb) tee(l int)              { b.emit(instr{op: opLocalTee, imm: int64(l)}) }
func (b *fb) i32c(v int32)           { b.emit(instr{op: opI32Const, imm: int64(v)}) }
func (b *fb) i64c(v int64)           { b.emit(instr{op: opI64Const, imm: v}) }
func (b *fb) gget(g *global)         { b.emit(instr{op: opGlobalGet, global: g}) }
func (b *fb) gset(g *global)         { b.emit(instr{op: opGlobalSet, global: g}) }
func (b *fb) call(f *function)       { b.emit(instr{op: opCall, fn: f}) }
func (b *fb) load(o opcode, off int) { b.emit(instr{op: o, offset: uint32(off)}) }
func (b *fb) store(o opcode, off int) {
	b.emit(instr{op: o, offset: uint32(off)})
}

// getW pushes the four limbs of w; setW pops four limbs into w.
func (b *fb) getW(w word) {
	for _, l := range w {
		b.get(l)
	}
}

func (b *fb) setW(w word) {
	for i := 3; i >= 0; i-- {
		b.set(w[i])
	}
}

// constW pushes the limbs of a constant.
func (b *fb) constW(v [4]uint64) {
	for _, x := range v {
		b.i64c(int64(x))
	}
}

// retW stores w into the result globals (the helper calling convention).
func (b *fb) retW(w word) {
	for i, l := range w {
		b.get(l)
		b.gset(b.m.result(i))
	}
}

// resW reads the result globals into w (right after a call).
func (b *fb) resW(w word) {
	for i, l := range w {
		b.gget(b.m.result(i))
		b.set(l)
	}
}

// block, loop and ifElse emit structured control; body gets the label.
func (b *fb) block(bt valType, body func(l label)) {
	b.emit(instr{op: opBlock, bt: bt})
	b.depth++
	body(label{b.depth})
	b.depth--
	b.op(opEnd)
}

func (b *fb) loop(body func(l label)) {
	b.emit(instr{op: opLoop, bt: noType})
	b.depth++
	body(label{b.depth})
	b.depth--
	b.op(opEnd)
}

// ifElse pops an i32 condition; els may be nil.
func (b *fb) ifElse(bt valType, then, els func()) {
	b.emit(instr{op: opIf, bt: bt})
	b.depth++
	then()
	if els != nil {
		b.op(opElse)
		els()
	}
	b.depth--
	b.op(opEnd)
}

func (b *fb) br(l label)   { b.emit(instr{op: opBr, imm: int64(b.depth - l.depth)}) }
func (b *fb) brIf(l label) { b.emit(instr{op: opBrIf, imm: int64(b.depth - l.depth)}) }

// isZeroW pushes (w == 0) as i32.
func (b *fb) isZeroW(w word) {
	b.get(w[0])
	b.get(w[1])
	b.op(opI64Or)
	b.get(w[2])
	b.op(opI64Or)
	b.get(w[3])
	b.op(opI64Or)
	b.op(opI64Eqz)
}

// highZero pushes (w < 2^64) as i32.
func (b *fb) highZero(w word) {
	b.get(w[1])
	b.get(w[2])
	b.op(opI64Or)
	b.get(w[3])
	b.op(opI64Or)
	b.op(opI64Eqz)
}

// copyW copies src into dst.
func (b *fb) copyW(dst, src word) {
	for i := range dst {
		b.get(src[i])
		b.set(dst[i])
	}
}

// zeroW sets w to 0.
func (b *fb) zeroW(w word) {
	for _, l := range w {
		b.i64c(0)
		b.set(l)
	}
}
