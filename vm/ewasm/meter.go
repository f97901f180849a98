package ewasm

// The metering injector: soll's VM playing the Sentinel's role (ewasm.md
// §4.4) on a copy of the module; stored code is never metered (§8.1).
//
// Each function body is cut into straight-line segments, each ending with an
// instruction after which control may arrive from elsewhere or not arrive
// at all (loop, if, else, end, br, br_if, br_table, return, unreachable).
// Every segment starts by charging the number of its instructions, so each
// instruction costs 1 gas, branches and end included (§8.2). Every
// memory.grow becomes a call to an added function that charges 14336 gas
// per requested page and then grows.
//
// The charge is not a host call per segment (§4.1's literal useGas
// insertion), which would make a tight loop cost a Go call per iteration:
// the frame's gas lives in an added mutable i64 global, exported as
// meterGlobal, that the segment decrements. The host loads it into the frame
// before every host function and stores it back after (frame.syncIn/
// syncOut). When it goes negative the segment calls useGas(0), whose
// syncIn ends the frame with out of gas. The useGas import (ethereum.useGas,
// §2.2) is added when the module lacks it, which shifts the indices of the
// module's own functions; calls, exports and element segments are
// renumbered. Custom sections are dropped from the copy (the stored code
// keeps them).

// meterGlobal is the export name of the gas counter in a metered copy.
const meterGlobal = "soll.gas"

// endsSegment reports whether op ends a straight-line segment.
func endsSegment(op byte) bool {
	switch op {
	case opLoop, opIf, opElse, opEnd, opBr, opBrIf, opBrTable, opReturn, opUnreachable:
		return true
	}
	return false
}

// meter returns the metered binary of m, which has passed checkEwasm.
func meter(m *module) ([]byte, error) {
	// The useGas import: reuse one the module has, else append one.
	useGas, found := uint32(0), false
	var k uint32
	for _, imp := range m.imports {
		if imp.kind != 0 {
			continue
		}
		if imp.module == "ethereum" && imp.name == "useGas" {
			useGas, found = k, true
			break
		}
		k++
	}
	types := append([]funcType(nil), m.types...)
	typeIndex := func(t funcType) uint32 {
		for i, u := range types {
			if u.equal(t) {
				return uint32(i)
			}
		}
		types = append(types, t)
		return uint32(len(types) - 1)
	}
	imports := m.imports
	shift := uint32(0)
	if !found {
		useGas = m.importFunc
		shift = 1
		imports = append(append([]importEntry(nil), m.imports...),
			importEntry{module: "ethereum", name: "useGas", kind: 0, typeIdx: typeIndex(sig("I", ""))})
	}
	remap := func(i uint32) uint32 {
		if i >= m.importFunc {
			return i + shift
		}
		return i
	}

	// Does any body grow memory? Then add the charging grow function.
	usesGrow := false
	for _, body := range m.codes {
		if err := scanBody(body, func(in instr) { usesGrow = usesGrow || in.op == opMemoryGrow }); err != nil {
			return nil, err
		}
	}
	funcs := m.funcs
	grow := int64(-1)
	if usesGrow {
		grow = int64(m.importFunc + shift + uint32(len(m.funcs)))
		funcs = append(append([]uint32(nil), m.funcs...), typeIndex(sig("i", "i")))
	}

	gasGlobal := m.globals
	var code []byte
	code = appendU32(code, uint32(len(funcs)))
	for _, body := range m.codes {
		b, err := meterBody(body, useGas, gasGlobal, grow, remap)
		if err != nil {
			return nil, err
		}
		code = appendU32(code, uint32(len(b)))
		code = append(code, b...)
	}
	if usesGrow {
		// (func (param $pages i32) (result i32)
		//   charge pages·14336, then memory.grow $pages)
		amount := []byte{opLocalGet, 0x00, opI64ExtendU, opI64Const}
		amount = appendS64(amount, PageGas)
		amount = append(amount, opI64Mul)
		b := appendCharge([]byte{0x00}, gasGlobal, useGas, amount)
		b = append(b, opLocalGet, 0x00, opMemoryGrow, 0x00, opEnd)
		code = appendU32(code, uint32(len(b)))
		code = append(code, b...)
	}

	out := append([]byte(nil), wasmMagic...)
	emit := func(id byte, payload []byte) {
		out = append(out, id)
		out = appendU32(out, uint32(len(payload)))
		out = append(out, payload...)
	}
	// The gas counter: (global (mut i64) (i64.const 0)), exported.
	newGlobal := []byte{typeI64, 0x01, opI64Const, 0x00, opEnd}
	wroteImports, wroteGlobals := false, false
	emitGlobals := func(entries []byte, n uint32) {
		wroteGlobals = true
		p := appendU32(nil, n+1)
		p = append(p, entries...)
		emit(secGlobal, append(p, newGlobal...))
	}
	emitImports := func() {
		wroteImports = true
		if len(imports) == 0 {
			return
		}
		p := appendU32(nil, uint32(len(imports)))
		for _, imp := range imports {
			p = appendName(p, imp.module)
			p = appendName(p, imp.name)
			p = append(p, 0)
			p = appendU32(p, imp.typeIdx)
		}
		emit(secImport, p)
	}
	for _, s := range m.sections {
		if !wroteImports && s.id > secImport && s.id != secCustom {
			emitImports()
		}
		if !wroteGlobals && s.id > secGlobal && s.id != secCustom {
			emitGlobals(nil, 0)
		}
		switch s.id {
		case secCustom:
		case secType:
			p := appendU32(nil, uint32(len(types)))
			for _, t := range types {
				p = append(p, 0x60)
				p = appendU32(p, uint32(len(t.params)))
				p = append(p, t.params...)
				p = appendU32(p, uint32(len(t.results)))
				p = append(p, t.results...)
			}
			emit(secType, p)
		case secImport:
			emitImports()
		case secFunction:
			p := appendU32(nil, uint32(len(funcs)))
			for _, t := range funcs {
				p = appendU32(p, t)
			}
			emit(secFunction, p)
		case secGlobal:
			r := &reader{b: s.payload}
			n := r.u32()
			emitGlobals(s.payload[r.pos:], n)
		case secExport:
			p := appendU32(nil, uint32(len(m.exports)+1))
			p = appendName(p, meterGlobal)
			p = append(p, 3)
			p = appendU32(p, gasGlobal)
			for _, e := range m.exports {
				p = appendName(p, e.name)
				p = append(p, e.kind)
				if e.kind == 0 {
					p = appendU32(p, remap(e.index))
				} else {
					p = appendU32(p, e.index)
				}
			}
			emit(secExport, p)
		case secElement:
			p := appendU32(nil, uint32(len(m.elems)))
			for _, e := range m.elems {
				p = append(p, 0x00)
				p = append(p, e.offset...)
				p = appendU32(p, uint32(len(e.funcs)))
				for _, fi := range e.funcs {
					p = appendU32(p, remap(fi))
				}
			}
			emit(secElement, p)
		case secCode:
			emit(secCode, code)
		default:
			emit(s.id, s.payload)
		}
	}
	if !wroteImports {
		emitImports()
	}
	return out, nil
}

// appendCharge appends code that subtracts the i64 that amount pushes from
// the gas global and calls useGas(0) — out of gas, see frame.syncIn — when
// the global went negative:
//
//	global.get $gas  <amount>  i64.sub  global.set $gas
//	global.get $gas  i64.const 0  i64.lt_s  if  i64.const 0  call $useGas  end
func appendCharge(b []byte, gasGlobal, useGas uint32, amount []byte) []byte {
	b = append(b, opGlobalGet)
	b = appendU32(b, gasGlobal)
	b = append(b, amount...)
	b = append(b, opI64Sub, opGlobalSet)
	b = appendU32(b, gasGlobal)
	b = append(b, opGlobalGet)
	b = appendU32(b, gasGlobal)
	b = append(b, opI64Const, 0x00, opI64LtS, opIf, 0x40, opI64Const, 0x00, opCall)
	b = appendU32(b, useGas)
	return append(b, opEnd)
}

// meterBody rewrites one function body: a charge at the start of
// every segment, calls renumbered, memory.grow replaced by a call to grow
// (when grow ≥ 0).
func meterBody(body []byte, useGas, gasGlobal uint32, grow int64, remap func(uint32) uint32) ([]byte, error) {
	var ins []instr
	header, err := scanBodyAt(body, func(in instr) { ins = append(ins, in) })
	if err != nil {
		return nil, err
	}
	out := append(make([]byte, 0, len(body)+len(body)/2), body[:header]...)
	for i := 0; i < len(ins); {
		j := i
		for j < len(ins)-1 && !endsSegment(ins[j].op) {
			j++
		}
		out = appendCharge(out, gasGlobal, useGas, appendS64([]byte{opI64Const}, int64(j-i+1)))
		for _, in := range ins[i : j+1] {
			switch {
			case in.op == opCall:
				out = append(out, opCall)
				out = appendU32(out, remap(in.index))
			case in.op == opMemoryGrow && grow >= 0:
				out = append(out, opCall)
				out = appendU32(out, uint32(grow))
			default:
				out = append(out, body[in.start:in.end]...)
			}
		}
		i = j + 1
	}
	return out, nil
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}
