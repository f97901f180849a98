package ewasm

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// This file decodes just enough of a WebAssembly 1.0 binary to check the
// Ewasm module rules (ewasm.md §1.2–§1.4, §1.6) and to meter a copy of it
// (meter.go). Full validation (typing, limits, MVP feature set) is left to
// wazero compiling with api.CoreFeaturesV1.

// Wasm value types and section ids.
const (
	typeI32 = 0x7f
	typeI64 = 0x7e
	typeF32 = 0x7d
	typeF64 = 0x7c

	secCustom   = 0
	secType     = 1
	secImport   = 2
	secFunction = 3
	secMemory   = 5
	secGlobal   = 6
	secExport   = 7
	secStart    = 8
	secElement  = 9
	secCode     = 10
)

// wasmMagic is the first eight bytes of every wasm 1.0 binary.
var wasmMagic = []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}

// IsWasm reports whether code starts with the wasm magic 00 61 73 6D — the
// test ewasm.md §1.1 and §3.4 use to tell Ewasm code from EVM code.
func IsWasm(code []byte) bool {
	return len(code) >= 4 && bytes.Equal(code[:4], wasmMagic[:4])
}

// funcType is a function signature.
type funcType struct {
	params, results []byte
}

func (t funcType) equal(u funcType) bool {
	return bytes.Equal(t.params, u.params) && bytes.Equal(t.results, u.results)
}

func (t funcType) String() string {
	name := func(vs []byte) string {
		var b bytes.Buffer
		b.WriteByte('(')
		for i, v := range vs {
			if i > 0 {
				b.WriteString(", ")
			}
			switch v {
			case typeI32:
				b.WriteString("i32")
			case typeI64:
				b.WriteString("i64")
			case typeF32:
				b.WriteString("f32")
			case typeF64:
				b.WriteString("f64")
			default:
				fmt.Fprintf(&b, "0x%02x", v)
			}
		}
		b.WriteByte(')')
		return b.String()
	}
	return name(t.params) + " -> " + name(t.results)
}

// sig builds a funcType from type letters: sig("ii", "") = (i32, i32) -> ().
func sig(params, results string) funcType {
	conv := func(s string) []byte {
		out := make([]byte, 0, len(s))
		for _, c := range s {
			switch c {
			case 'i':
				out = append(out, typeI32)
			case 'I':
				out = append(out, typeI64)
			default:
				panic("ewasm: bad signature letter " + string(c))
			}
		}
		return out
	}
	return funcType{params: conv(params), results: conv(results)}
}

type section struct {
	id      byte
	payload []byte
}

type importEntry struct {
	module, name string
	kind         byte
	typeIdx      uint32 // for kind 0 (function)
}

type exportEntry struct {
	name  string
	kind  byte
	index uint32
}

// elemSegment is an MVP active element segment of table 0.
type elemSegment struct {
	offset []byte // the constant expression, including its end
	funcs  []uint32
}

// module is a decoded wasm binary.
type module struct {
	sections   []section
	types      []funcType
	imports    []importEntry
	funcs      []uint32 // type index of each defined function
	memories   int      // defined memories
	globals    uint32   // defined globals
	minPages   uint32   // initial pages of the defined memory
	exports    []exportEntry
	hasStart   bool
	elems      []elemSegment
	codes      [][]byte // function bodies (locals and instructions)
	importFunc uint32   // number of imported functions
}

// ErrValidation marks a module that breaks the wasm or Ewasm rules.
var ErrValidation = errors.New("contract validation failure")

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrValidation}, args...)...)
}

// reader reads the binary encoding.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = invalidf(format, args...)
	}
	r.pos = len(r.b)
}

func (r *reader) eof() bool { return r.pos >= len(r.b) }

func (r *reader) byte() byte {
	if r.pos >= len(r.b) {
		r.fail("unexpected end of module")
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) bytes(n uint32) []byte {
	if uint64(n) > uint64(len(r.b)-r.pos) {
		r.fail("unexpected end of module")
		return nil
	}
	out := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return out
}

// u32 reads an unsigned LEB128 of at most 5 bytes.
func (r *reader) u32() uint32 {
	var v uint64
	for i := 0; i < 5; i++ {
		c := r.byte()
		v |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			if v > 0xffffffff {
				r.fail("integer too large")
			}
			return uint32(v)
		}
	}
	r.fail("integer representation too long")
	return 0
}

// sleb skips a signed LEB128 of at most max bytes.
func (r *reader) sleb(max int) {
	for i := 0; i < max; i++ {
		if r.byte()&0x80 == 0 {
			return
		}
	}
	r.fail("integer representation too long")
}

func (r *reader) name() string {
	return string(r.bytes(r.u32()))
}

func (r *reader) valType() byte {
	t := r.byte()
	switch t {
	case typeI32, typeI64:
	case typeF32, typeF64:
		r.fail("floating-point types are not allowed (ewasm.md §1.4)")
	default:
		r.fail("invalid value type 0x%02x", t)
	}
	return t
}

// decodeModule splits a binary into sections and decodes those the Ewasm
// rules and the metering injector need. Float value types are rejected here;
// float instructions when the code is scanned (scanBody).
func decodeModule(bin []byte) (*module, error) {
	if len(bin) < 8 || !bytes.Equal(bin[:4], wasmMagic[:4]) {
		return nil, invalidf("code is not a wasm module (no 00 61 73 6D magic)")
	}
	if !bytes.Equal(bin[4:8], wasmMagic[4:8]) {
		return nil, invalidf("unsupported wasm version %x (want 01000000)", bin[4:8])
	}
	m := &module{}
	r := &reader{b: bin, pos: 8}
	for !r.eof() && r.err == nil {
		id := r.byte()
		payload := r.bytes(r.u32())
		if r.err != nil {
			break
		}
		m.sections = append(m.sections, section{id: id, payload: payload})
		if err := m.decodeSection(id, payload); err != nil {
			return nil, err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

func (m *module) decodeSection(id byte, payload []byte) error {
	r := &reader{b: payload}
	switch id {
	case secType:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			if f := r.byte(); f != 0x60 {
				r.fail("invalid function type form 0x%02x", f)
			}
			var t funcType
			for k := r.u32(); k > 0 && r.err == nil; k-- {
				t.params = append(t.params, r.valType())
			}
			for k := r.u32(); k > 0 && r.err == nil; k-- {
				t.results = append(t.results, r.valType())
			}
			m.types = append(m.types, t)
		}
	case secImport:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			e := importEntry{module: r.name(), name: r.name(), kind: r.byte()}
			switch e.kind {
			case 0:
				e.typeIdx = r.u32()
				m.importFunc++
			case 1: // table: elemtype, limits
				r.byte()
				r.limits()
			case 2:
				r.limits()
			case 3:
				r.valType()
				r.byte()
			default:
				r.fail("invalid import kind %d", e.kind)
			}
			m.imports = append(m.imports, e)
		}
	case secFunction:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			m.funcs = append(m.funcs, r.u32())
		}
	case secMemory:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			min := r.limits()
			if m.memories == 0 {
				m.minPages = min
			}
			m.memories++
		}
	case secGlobal:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			m.globals++
			r.valType()
			r.byte() // mutability
			r.constExpr()
		}
	case secExport:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			m.exports = append(m.exports, exportEntry{name: r.name(), kind: r.byte(), index: r.u32()})
		}
	case secStart:
		m.hasStart = true
		r.u32()
	case secElement:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			if flags := r.u32(); flags != 0 {
				r.fail("element segment kind %d is not wasm 1.0", flags)
				break
			}
			var e elemSegment
			e.offset = r.constExpr()
			for k := r.u32(); k > 0 && r.err == nil; k-- {
				e.funcs = append(e.funcs, r.u32())
			}
			m.elems = append(m.elems, e)
		}
	case secCode:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			m.codes = append(m.codes, r.bytes(r.u32()))
		}
	default:
		// Custom, table and data sections need nothing here; unknown ids
		// are for wazero to reject.
		return nil
	}
	if r.err == nil && !r.eof() {
		r.fail("section %d has %d trailing bytes", id, len(r.b)-r.pos)
	}
	return r.err
}

// limits reads memory or table limits and returns the minimum.
func (r *reader) limits() uint32 {
	switch flag := r.byte(); flag {
	case 0:
		return r.u32()
	case 1:
		min := r.u32()
		r.u32()
		return min
	default:
		r.fail("invalid limits flag 0x%02x", flag)
		return 0
	}
}

// constExpr reads a constant expression up to and including its end and
// returns its bytes.
func (r *reader) constExpr() []byte {
	start := r.pos
	for r.err == nil {
		op := r.byte()
		if op == opEnd {
			break
		}
		r.immediates(op)
	}
	return r.b[start:r.pos]
}

// funcType returns the type of function index i (imports first).
func (m *module) funcType(i uint32) (funcType, bool) {
	var ti uint32
	if i < m.importFunc {
		var k uint32
		for _, imp := range m.imports {
			if imp.kind != 0 {
				continue
			}
			if k == i {
				ti = imp.typeIdx
				break
			}
			k++
		}
	} else if j := i - m.importFunc; int(j) < len(m.funcs) {
		ti = m.funcs[j]
	} else {
		return funcType{}, false
	}
	if int(ti) >= len(m.types) {
		return funcType{}, false
	}
	return m.types[ti], true
}

// checkEwasm enforces the Ewasm module interface (ewasm.md §1.2–§1.4, §1.6):
// exactly the exports memory and main (of type () -> ()), one defined memory,
// no start function, only function imports from ethereum (and ethereum_ext
// unless strict) with exactly the listed signatures, no floats.
func (m *module) checkEwasm(strict bool) error {
	if m.hasStart {
		return invalidf("a start function is not allowed (ewasm.md §1.4)")
	}
	for _, imp := range m.imports {
		where := imp.module + "." + imp.name
		if imp.kind != 0 {
			return invalidf("import %s: only functions may be imported (ewasm.md §1.3)", where)
		}
		var want funcType
		var ok bool
		switch imp.module {
		case "ethereum":
			want, ok = eeiSignature(imp.name)
		case "ethereum_ext":
			if strict {
				return invalidf("import %s: ethereum_ext imports are not allowed in strict mode (ewasm.md §5.8)", where)
			}
			want, ok = extSignature(imp.name)
		default:
			return invalidf("import %s: module %q is not ethereum or ethereum_ext (ewasm.md §1.3)", where, imp.module)
		}
		if !ok {
			return invalidf("import %s: no such function in the %s table (ewasm.md §2.2, §5.8)", where, imp.module)
		}
		if int(imp.typeIdx) >= len(m.types) {
			return invalidf("import %s: type index %d out of range", where, imp.typeIdx)
		}
		if got := m.types[imp.typeIdx]; !got.equal(want) {
			return invalidf("import %s has type %v, want %v", where, got, want)
		}
	}
	if m.memories != 1 {
		return invalidf("the module must define exactly one memory, found %d (ewasm.md §1.4)", m.memories)
	}
	var haveMemory, haveMain bool
	for _, e := range m.exports {
		switch {
		case e.name == "memory" && e.kind == 2:
			haveMemory = true
		case e.name == "main" && e.kind == 0:
			t, ok := m.funcType(e.index)
			if !ok {
				return invalidf("export main: function index %d out of range", e.index)
			}
			if len(t.params) != 0 || len(t.results) != 0 {
				return invalidf("export main has type %v, want () -> () (ewasm.md §1.2)", t)
			}
			haveMain = true
		default:
			return invalidf("export %q: only memory and main may be exported (ewasm.md §1.2)", e.name)
		}
	}
	if !haveMemory {
		return invalidf("no memory export named \"memory\" (ewasm.md §1.2)")
	}
	if !haveMain {
		return invalidf("no function export named \"main\" (ewasm.md §1.2)")
	}
	if len(m.codes) != len(m.funcs) {
		return invalidf("%d function bodies for %d functions", len(m.codes), len(m.funcs))
	}
	for i, body := range m.codes {
		if err := scanBody(body, nil); err != nil {
			msg := strings.TrimPrefix(err.Error(), ErrValidation.Error()+": ")
			return invalidf("function %d: %s", int(m.importFunc)+i, msg)
		}
	}
	return nil
}
