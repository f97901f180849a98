package ewasm

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// This file is soll's own model of a WebAssembly 1.0 module (MVP plus
// mutable globals, ewasm.md §1.4) and its binary encoder. Only what the
// backend emits is modelled: function imports, one defined memory, mutable
// i32/i64 globals, two exports, custom sections, data segments.

// valType is a wasm value type; only the integer ones exist here (no
// floats, ewasm.md §1.4).
type valType byte

const (
	i32 valType = 0x7f
	i64 valType = 0x7e
	// noType is the empty block type.
	noType valType = 0x40
)

func (t valType) String() string {
	switch t {
	case i32:
		return "i32"
	case i64:
		return "i64"
	}
	return "none"
}

// funcType is a signature with at most one result (no multi-value).
type funcType struct {
	params  []valType
	results []valType
}

func (t funcType) key() string { return fmt.Sprint(t.params, "->", t.results) }

// function is an imported or defined function. Calls refer to it by pointer;
// indices are assigned when the module is encoded (imports first).
type function struct {
	name    string // helper or IR name, for the WAT printer's comments
	typ     funcType
	module  string // import module; empty for a defined function
	field   string // import name
	locals  []valType
	body    []instr
	index   uint32
	defined bool
	// localsDone: optimizeLocals has run (locals.go)
	localsDone bool
}

func (f *function) isImport() bool { return f.module != "" }

// global is a module-level mutable integer global initialised to 0.
type global struct {
	typ   valType
	index uint32
}

// dataSegment is an active data segment at a constant address.
type dataSegment struct {
	addr  uint32
	bytes []byte
}

// customSection is a custom section (id 0): a sub-object or data object
// embedded in its parent (ewasm.md §3.2, the solc layout).
type customSection struct {
	name    string
	payload []byte
}

// module is a module under construction.
type module struct {
	imports []*function
	funcs   []*function // defined functions; funcs[0] is main
	globals []*global
	data    []dataSegment
	customs []customSection
	pages   uint32

	helpers map[string]*function
	eei     map[string]*function
	// resultGlobals carry the limbs of word results back from helpers and
	// user functions (wasm 1.0 has one result at most, ewasm.md §1.4).
	resultGlobals []*global
	msize         *global
	// memBase is the wasm address of EVM memory offset 0.
	memBase uint32
	// strict: no ethereum_ext imports (--ewasm-strict, ewasm.md §5.8).
	strict bool
	// testExports are extra exported functions, only for the runtime's unit
	// tests (a contract exports exactly memory and main).
	testExports []*function
}

func newModule() *module {
	return &module{pages: 1, helpers: map[string]*function{}, eei: map[string]*function{}}
}

func (m *module) newGlobal(t valType) *global {
	g := &global{typ: t, index: uint32(len(m.globals))}
	m.globals = append(m.globals, g)
	return g
}

// result returns the global that carries limb i of returned words.
func (m *module) result(i int) *global {
	for len(m.resultGlobals) <= i {
		m.resultGlobals = append(m.resultGlobals, m.newGlobal(i64))
	}
	return m.resultGlobals[i]
}

// importFunc imports module.field with type t once.
func (m *module) importFunc(mod, field string, t funcType) *function {
	key := mod + "." + field
	if f, ok := m.eei[key]; ok {
		return f
	}
	f := &function{name: key, typ: t, module: mod, field: field}
	m.eei[key] = f
	m.imports = append(m.imports, f)
	return f
}

// --- instructions ---

type opcode uint16

const (
	opUnreachable opcode = 0x00
	opNop         opcode = 0x01
	opBlock       opcode = 0x02
	opLoop        opcode = 0x03
	opIf          opcode = 0x04
	opElse        opcode = 0x05
	opEnd         opcode = 0x0b
	opBr          opcode = 0x0c
	opBrIf        opcode = 0x0d
	opBrTable     opcode = 0x0e
	opReturn      opcode = 0x0f
	opCall        opcode = 0x10
	opDrop        opcode = 0x1a
	opSelect      opcode = 0x1b
	opLocalGet    opcode = 0x20
	opLocalSet    opcode = 0x21
	opLocalTee    opcode = 0x22
	opGlobalGet   opcode = 0x23
	opGlobalSet   opcode = 0x24
	opI32Load     opcode = 0x28
	opI64Load     opcode = 0x29
	opI32Load8U   opcode = 0x2d
	opI64Load8U   opcode = 0x31
	opI32Store    opcode = 0x36
	opI64Store    opcode = 0x37
	opI32Store8   opcode = 0x3a
	opI64Store8   opcode = 0x3c
	opMemorySize  opcode = 0x3f
	opMemoryGrow  opcode = 0x40
	opI32Const    opcode = 0x41
	opI64Const    opcode = 0x42
	opI32Eqz      opcode = 0x45
	opI32Eq       opcode = 0x46
	opI32Ne       opcode = 0x47
	opI32LtU      opcode = 0x49
	opI32GtU      opcode = 0x4b
	opI32LeU      opcode = 0x4d
	opI32GeU      opcode = 0x4f
	opI64Eqz      opcode = 0x50
	opI64Eq       opcode = 0x51
	opI64Ne       opcode = 0x52
	opI64LtS      opcode = 0x53
	opI64LtU      opcode = 0x54
	opI64GtS      opcode = 0x55
	opI64GtU      opcode = 0x56
	opI64LeU      opcode = 0x58
	opI64GeS      opcode = 0x59
	opI64GeU      opcode = 0x5a
	opI32Add      opcode = 0x6a
	opI32Sub      opcode = 0x6b
	opI32Mul      opcode = 0x6c
	opI32And      opcode = 0x71
	opI32Or       opcode = 0x72
	opI32Xor      opcode = 0x73
	opI32Shl      opcode = 0x74
	opI32ShrU     opcode = 0x76
	opI64Clz      opcode = 0x79
	opI64Add      opcode = 0x7c
	opI64Sub      opcode = 0x7d
	opI64Mul      opcode = 0x7e
	opI64DivU     opcode = 0x80
	opI64RemU     opcode = 0x82
	opI64And      opcode = 0x83
	opI64Or       opcode = 0x84
	opI64Xor      opcode = 0x85
	opI64Shl      opcode = 0x86
	opI64ShrS     opcode = 0x87
	opI64ShrU     opcode = 0x88
	opI64Rotl     opcode = 0x89
	opI32WrapI64  opcode = 0xa7
	opI64ExtendU  opcode = 0xad
)

// opNames are the text-format names (as wasm2wat prints them).
var opNames = map[opcode]string{
	opUnreachable: "unreachable", opNop: "nop", opBlock: "block", opLoop: "loop",
	opIf: "if", opElse: "else", opEnd: "end", opBr: "br", opBrIf: "br_if",
	opBrTable: "br_table", opReturn: "return", opCall: "call", opDrop: "drop",
	opSelect: "select", opLocalGet: "local.get", opLocalSet: "local.set",
	opLocalTee: "local.tee", opGlobalGet: "global.get", opGlobalSet: "global.set",
	opI32Load: "i32.load", opI64Load: "i64.load", opI32Load8U: "i32.load8_u",
	opI64Load8U: "i64.load8_u", opI32Store: "i32.store", opI64Store: "i64.store",
	opI32Store8: "i32.store8", opI64Store8: "i64.store8", opMemorySize: "memory.size",
	opMemoryGrow: "memory.grow", opI32Const: "i32.const", opI64Const: "i64.const",
	opI32Eqz: "i32.eqz", opI32Eq: "i32.eq", opI32Ne: "i32.ne", opI32LtU: "i32.lt_u",
	opI32GtU: "i32.gt_u", opI32LeU: "i32.le_u", opI32GeU: "i32.ge_u",
	opI64Eqz: "i64.eqz", opI64Eq: "i64.eq", opI64Ne: "i64.ne", opI64LtS: "i64.lt_s",
	opI64LtU: "i64.lt_u", opI64GtS: "i64.gt_s", opI64GtU: "i64.gt_u",
	opI64LeU: "i64.le_u", opI64GeS: "i64.ge_s", opI64GeU: "i64.ge_u", opI32Add: "i32.add",
	opI32Sub: "i32.sub", opI32Mul: "i32.mul", opI32And: "i32.and", opI32Or: "i32.or",
	opI32Xor: "i32.xor", opI32Shl: "i32.shl", opI32ShrU: "i32.shr_u",
	opI64Clz: "i64.clz", opI64Add: "i64.add", opI64Sub: "i64.sub", opI64Mul: "i64.mul",
	opI64DivU: "i64.div_u", opI64RemU: "i64.rem_u", opI64And: "i64.and",
	opI64Or: "i64.or", opI64Xor: "i64.xor", opI64Shl: "i64.shl", opI64ShrS: "i64.shr_s",
	opI64ShrU: "i64.shr_u", opI64Rotl: "i64.rotl", opI32WrapI64: "i32.wrap_i64",
	opI64ExtendU: "i64.extend_i32_u",
}

// memory access: natural alignment exponent per opcode.
var memAlign = map[opcode]uint32{
	opI32Load: 2, opI64Load: 3, opI32Load8U: 0, opI64Load8U: 0,
	opI32Store: 2, opI64Store: 3, opI32Store8: 0, opI64Store8: 0,
}

// symKind marks an i32/i64.const whose value is known only at encoding time.
type symKind int

const (
	symNone       symKind = iota
	symDataOffset         // offset of a sub-object's payload in this module
	symDataSize           // length of a sub-object (or of this module, §3.3)
	symImmutable          // offset of an immutable's 32-byte slot in a sub-object
)

// instr is one instruction with its immediates.
type instr struct {
	op     opcode
	imm    int64     // const value, local/global index, label depth
	fn     *function // call target
	global *global   // global.get/set target
	bt     valType   // block type
	offset uint32    // memory offset
	table  []uint32  // br_table targets (the last is the default)
	sym    symKind   // const resolved at encoding time
	name   string    // sub-object path or immutable name for sym
}

// --- binary encoding ---

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

// appendU32Fixed writes v as a 5-byte padded unsigned LEB128.
func appendU32Fixed(b []byte, v uint32) []byte {
	for i := 0; i < 4; i++ {
		b = append(b, byte(v&0x7f)|0x80)
		v >>= 7
	}
	return append(b, byte(v&0x7f))
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

// appendS64Fixed writes v (0 ≤ v < 2^34) as a 5-byte padded signed LEB128,
// so that constants patched after layout keep the module's length.
func appendS64Fixed(b []byte, v int64) []byte {
	if v < 0 || v >= 1<<34 {
		panic("ewasm: invariant broken: fixed-width constant out of range")
	}
	for i := 0; i < 4; i++ {
		b = append(b, byte(v&0x7f)|0x80)
		v >>= 7
	}
	return append(b, byte(v&0x7f))
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}

func appendSection(b []byte, id byte, content []byte) []byte {
	b = append(b, id)
	b = appendU32(b, uint32(len(content)))
	return append(b, content...)
}

// resolver answers the symbolic constants of a module being encoded.
type resolver func(in *instr) (int64, error)

// layout is what encoding learnt about the module: where each custom
// section's payload starts.
type layout struct {
	payloadOffset map[string]int
	dataOffset    []int // offset of each data segment's bytes
}

// types returns the module's distinct function types in first-use order
// and each function's type index.
func (m *module) types() ([]funcType, map[string]uint32) {
	var list []funcType
	idx := map[string]uint32{}
	add := func(t funcType) {
		if _, ok := idx[t.key()]; !ok {
			idx[t.key()] = uint32(len(list))
			list = append(list, t)
		}
	}
	for _, f := range m.imports {
		add(f.typ)
	}
	for _, f := range m.funcs {
		add(f.typ)
	}
	return list, idx
}

func (m *module) assignIndices() {
	for i, f := range m.imports {
		f.index = uint32(i)
	}
	for i, f := range m.funcs {
		f.index = uint32(len(m.imports) + i)
	}
}

// sortImports puts imports in a deterministic order (module, then name).
func (m *module) sortImports() {
	sort.SliceStable(m.imports, func(i, j int) bool {
		a, b := m.imports[i], m.imports[j]
		if a.module != b.module {
			return a.module < b.module
		}
		return a.field < b.field
	})
}

// encode writes the binary. Section order: type, import, function, memory,
// global, export, the custom sections of sub-objects (before the code, so
// their offsets are known when constants are encoded), code, data.
func (m *module) encode(resolve func(in *instr, l *layout) (int64, error)) ([]byte, *layout, error) {
	m.assignIndices()
	types, tidx := m.types()
	// header and the "soll" length section (createframe.go); the
	// length is patched in at the end
	out := append([]byte(nil), lengthPrefix...)
	out = append(out, 0, 0, 0, 0)

	var sec []byte
	sec = appendU32(sec, uint32(len(types)))
	for _, t := range types {
		sec = append(sec, 0x60)
		sec = appendU32(sec, uint32(len(t.params)))
		for _, p := range t.params {
			sec = append(sec, byte(p))
		}
		sec = appendU32(sec, uint32(len(t.results)))
		for _, r := range t.results {
			sec = append(sec, byte(r))
		}
	}
	out = appendSection(out, 1, sec)

	if len(m.imports) > 0 {
		sec = appendU32(nil, uint32(len(m.imports)))
		for _, f := range m.imports {
			sec = appendName(sec, f.module)
			sec = appendName(sec, f.field)
			sec = append(sec, 0x00)
			sec = appendU32(sec, tidx[f.typ.key()])
		}
		out = appendSection(out, 2, sec)
	}

	sec = appendU32(nil, uint32(len(m.funcs)))
	for _, f := range m.funcs {
		sec = appendU32(sec, tidx[f.typ.key()])
	}
	out = appendSection(out, 3, sec)

	sec = appendU32(nil, 1)
	sec = append(sec, 0x00)
	sec = appendU32(sec, m.pages)
	out = appendSection(out, 5, sec)

	if len(m.globals) > 0 {
		sec = appendU32(nil, uint32(len(m.globals)))
		for _, g := range m.globals {
			sec = append(sec, byte(g.typ), 0x01) // mutable
			if g.typ == i32 {
				sec = append(sec, byte(opI32Const), 0x00, byte(opEnd))
			} else {
				sec = append(sec, byte(opI64Const), 0x00, byte(opEnd))
			}
		}
		out = appendSection(out, 6, sec)
	}

	sec = appendU32(nil, uint32(2+len(m.testExports)))
	sec = appendName(sec, "memory")
	sec = append(sec, 0x02, 0x00)
	sec = appendName(sec, "main")
	sec = append(sec, 0x00)
	sec = appendU32(sec, m.funcs[0].index)
	for _, f := range m.testExports {
		sec = appendName(sec, f.name)
		sec = append(sec, 0x00)
		sec = appendU32(sec, f.index)
	}
	out = appendSection(out, 7, sec)

	l := &layout{payloadOffset: map[string]int{}}
	for _, c := range m.customs {
		var body []byte
		body = appendName(body, c.name)
		out = append(out, 0)
		out = appendU32(out, uint32(len(body)+len(c.payload)))
		out = append(out, body...)
		l.payloadOffset[c.name] = len(out)
		out = append(out, c.payload...)
	}

	sec = appendU32(nil, uint32(len(m.funcs)))
	for _, f := range m.funcs {
		body, err := encodeBody(f, func(in *instr) (int64, error) { return resolve(in, l) })
		if err != nil {
			return nil, nil, err
		}
		sec = appendU32(sec, uint32(len(body)))
		sec = append(sec, body...)
	}
	out = appendSection(out, 10, sec)

	if len(m.data) > 0 {
		sec = appendU32(nil, uint32(len(m.data)))
		var pos []int
		for _, d := range m.data {
			sec = append(sec, 0x00, byte(opI32Const))
			sec = appendS64(sec, int64(int32(d.addr)))
			sec = append(sec, byte(opEnd))
			sec = appendU32(sec, uint32(len(d.bytes)))
			pos = append(pos, len(sec))
			sec = append(sec, d.bytes...)
		}
		out = append(out, 11)
		out = appendU32(out, uint32(len(sec)))
		for _, p := range pos {
			l.dataOffset = append(l.dataOffset, len(out)+p)
		}
		out = append(out, sec...)
	}
	binary.LittleEndian.PutUint32(out[lengthAt:], uint32(len(out)))
	return out, l, nil
}

// localGroups run-length encodes a function's declared locals.
func localGroups(ls []valType) [][2]int {
	var g [][2]int
	for _, t := range ls {
		if len(g) > 0 && valType(g[len(g)-1][1]) == t {
			g[len(g)-1][0]++
			continue
		}
		g = append(g, [2]int{1, int(t)})
	}
	return g
}

func encodeBody(f *function, resolve resolver) ([]byte, error) {
	groups := localGroups(f.locals)
	b := appendU32(nil, uint32(len(groups)))
	for _, g := range groups {
		b = appendU32(b, uint32(g[0]))
		b = append(b, byte(g[1]))
	}
	for i := range f.body {
		in := &f.body[i]
		b = append(b, byte(in.op))
		switch in.op {
		case opBlock, opLoop, opIf:
			b = append(b, byte(in.bt))
		case opBr, opBrIf:
			b = appendU32(b, uint32(in.imm))
		case opBrTable:
			b = appendU32(b, uint32(len(in.table)-1))
			for _, t := range in.table {
				b = appendU32(b, t)
			}
		case opCall:
			b = appendU32(b, in.fn.index)
		case opLocalGet, opLocalSet, opLocalTee:
			b = appendU32(b, uint32(in.imm))
		case opGlobalGet, opGlobalSet:
			b = appendU32(b, in.global.index)
		case opMemorySize, opMemoryGrow:
			b = append(b, 0x00)
		case opI32Const, opI64Const:
			if in.sym != symNone {
				v, err := resolve(in)
				if err != nil {
					return nil, err
				}
				in.imm = v // for the text printer
				b = appendS64Fixed(b, v)
			} else if in.op == opI32Const {
				b = appendS64(b, int64(int32(in.imm)))
			} else {
				b = appendS64(b, in.imm)
			}
		default:
			if a, ok := memAlign[in.op]; ok {
				b = appendU32(b, a)
				b = appendU32(b, in.offset)
			}
		}
	}
	return append(b, byte(opEnd)), nil
}
