package ewasm

import (
	"fmt"
	"strings"
)

// wat prints the module in the WebAssembly text format, in the flat
// instruction style of wabt's wasm2wat (so the two can be compared token by
// token in tests), with comments naming functions and custom sections.
func (m *module) wat() string {
	m.assignIndices()
	types, tidx := m.types()
	var sb strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&sb, format, args...) }
	sig := func(t funcType) string {
		var s string
		if len(t.params) > 0 {
			s += " (param"
			for _, p := range t.params {
				s += " " + p.String()
			}
			s += ")"
		}
		if len(t.results) > 0 {
			s += " (result"
			for _, r := range t.results {
				s += " " + r.String()
			}
			s += ")"
		}
		return s
	}
	w("(module")
	for i, t := range types {
		w("\n  (type (;%d;) (func%s))", i, sig(t))
	}
	for _, f := range m.imports {
		w("\n  (import %q %q (func (;%d;) (type %d)))", f.module, f.field, f.index, tidx[f.typ.key()])
	}
	for _, f := range m.funcs {
		w("\n  (func (;%d;) (type %d)%s ;; %s", f.index, tidx[f.typ.key()], sig(f.typ), f.name)
		if len(f.locals) > 0 {
			w("\n    (local")
			for _, l := range f.locals {
				w(" %s", l)
			}
			w(")")
		}
		indent := 2
		depth := 0
		for _, in := range f.body {
			if in.op == opEnd || in.op == opElse {
				indent--
			}
			w("\n%s", strings.Repeat("  ", indent+1))
			w("%s", watInstr(in, &depth))
			if in.op == opBlock || in.op == opLoop || in.op == opIf || in.op == opElse {
				indent++
			}
		}
		w("\n  )") // on its own line: the last instruction may end in a comment
	}
	w("\n  (memory (;0;) %d)", m.pages)
	for i, g := range m.globals {
		w("\n  (global (;%d;) (mut %s) (%s.const 0))", i, g.typ, g.typ)
	}
	w("\n  (export \"memory\" (memory 0))")
	w("\n  (export \"main\" (func %d))", m.funcs[0].index)
	for _, c := range m.customs {
		w("\n  ;; custom section %q: %d bytes", c.name, len(c.payload))
	}
	for i, d := range m.data {
		w("\n  (data (;%d;) (i32.const %d) \"%s\")", i, int32(d.addr), watString(d.bytes))
	}
	w("\n)\n")
	return sb.String()
}

func watInstr(in instr, depth *int) string {
	name := opNames[in.op]
	bt := func() string {
		if in.bt == noType {
			return ""
		}
		return " (result " + in.bt.String() + ")"
	}
	switch in.op {
	case opBlock, opLoop, opIf:
		*depth++
		return fmt.Sprintf("%s%s  ;; label = @%d", name, bt(), *depth)
	case opEnd:
		*depth--
		return name
	case opBr, opBrIf:
		return fmt.Sprintf("%s %d (;@%d;)", name, in.imm, *depth-int(in.imm))
	case opBrTable:
		s := name
		for _, t := range in.table {
			s += fmt.Sprintf(" %d (;@%d;)", t, *depth-int(t))
		}
		return s
	case opCall:
		return fmt.Sprintf("%s %d ;; %s", name, in.fn.index, in.fn.name)
	case opLocalGet, opLocalSet, opLocalTee:
		return fmt.Sprintf("%s %d", name, in.imm)
	case opGlobalGet, opGlobalSet:
		return fmt.Sprintf("%s %d", name, in.global.index)
	case opI32Const:
		if in.sym != symNone {
			return fmt.Sprintf("%s %d ;; %s", name, in.imm, in.name)
		}
		return fmt.Sprintf("%s %d", name, int32(in.imm))
	case opI64Const:
		if in.sym != symNone {
			return fmt.Sprintf("%s %d ;; %s", name, in.imm, in.name)
		}
		return fmt.Sprintf("%s %d", name, in.imm)
	}
	if _, ok := memAlign[in.op]; ok && in.offset != 0 {
		return fmt.Sprintf("%s offset=%d", name, in.offset)
	}
	return name
}

// watString escapes bytes as wasm2wat does: printable ASCII as is, the
// rest (and quote, backslash) as \hh.
func watString(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, "\\%02x", c)
		}
	}
	return sb.String()
}
