// Package ir holds soll's IR conventions on top of llir/llvm (DESIGN.md §2):
// every EVM word is i256, EVM semantics that LLVM lacks are calls to the
// declared intrinsics @evm.<builtin> listed in one table (intrinsics.go), and
// a compiled unit is a tree of Objects (the Yul object model).
package ir

import (
	"fmt"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/frontend/source"
)

// Word is the type of every EVM word.
var Word = types.NewInt(256)

// Bool is the type of conditions.
var Bool = types.I1

// EntryName is the name of each object's entry function: no parameters, void
// result; the code of the object starts there.
const EntryName = "main"

// Object is one node of the object tree: Code is the object's code (nil for
// a data object), Subs its sub-objects and data objects in declaration
// order, Data the bytes of a data object.
//
// This refines DESIGN.md's Data map into ordered data objects so that the
// order in which a backend appends sub-objects and data is deterministic and
// follows the source (recorded in ARCHITECTURE.md).
type Object struct {
	Name string
	Code *ir.Module
	Subs []*Object
	Data []byte
	// Locs maps instructions and terminators (*ir.InstX, *ir.TermX) to the
	// source span they were lowered from. Passes that replace an instruction
	// carry its span over with MoveLoc.
	Locs map[any]source.Span
	// Span is the span of the object's definition, for diagnostics.
	Span source.Span
}

// IsData reports whether o is a data object.
func (o *Object) IsData() bool { return o.Code == nil }

// Sub finds a direct sub-object (or data object) by name.
func (o *Object) Sub(name string) *Object {
	for _, s := range o.Subs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Lookup resolves a dotted path as datasize/dataoffset see it: the object's
// own name, or "A.B.C" through its sub-objects (the first segment may be a
// direct sub-object or the object itself).
func (o *Object) Lookup(path string) *Object {
	if path == o.Name {
		return o
	}
	if s := o.Sub(path); s != nil {
		return s
	}
	parts := strings.Split(path, ".")
	cur := o
	for i, p := range parts {
		if i == 0 && p == o.Name {
			continue
		}
		next := cur.Sub(p)
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

// Entry returns the object's entry function.
func (o *Object) Entry() *ir.Func {
	if o.Code == nil {
		return nil
	}
	for _, f := range o.Code.Funcs {
		if f.GlobalName == EntryName {
			return f
		}
	}
	return nil
}

// SetLoc records the source span of an instruction or terminator.
func (o *Object) SetLoc(inst any, span source.Span) {
	if !span.IsValid() {
		return
	}
	if o.Locs == nil {
		o.Locs = make(map[any]source.Span)
	}
	o.Locs[inst] = span
}

// Loc returns the span recorded for inst (invalid when none).
func (o *Object) Loc(inst any) source.Span { return o.Locs[inst] }

// MoveLoc gives to the span of from, when to has none.
func (o *Object) MoveLoc(from, to any) {
	s, ok := o.Locs[from]
	if !ok || !s.IsValid() {
		return
	}
	if _, has := o.Locs[to]; !has {
		o.Locs[to] = s
	}
}

// CopyLoc gives the span of from to to, a new instruction or terminator
// that has none yet (a clone): one map lookup less than MoveLoc.
func (o *Object) CopyLoc(from, to any) {
	if s, ok := o.Locs[from]; ok && s.IsValid() {
		o.Locs[to] = s
	}
}

// Walk calls fn for o and every object below it, parents first.
func (o *Object) Walk(fn func(*Object)) {
	fn(o)
	for _, s := range o.Subs {
		s.Walk(fn)
	}
}

// Declare returns the declaration of builtin b's intrinsic in module m,
// declaring it on first use. Literal arguments are pointers (see StringArg);
// several results come back as a literal struct of i256.
func Declare(m *ir.Module, b *Builtin) *ir.Func {
	name := b.IntrinsicName()
	for _, f := range m.Funcs {
		// GlobalName, not Name(): Name() re-parses numeric names each call.
		if f.GlobalName == name {
			return f
		}
	}
	var params []*ir.Param
	for i := 0; i < b.Args; i++ {
		var t types.Type = Word
		if b.ArgIsString(i) {
			t = types.NewPointer(types.I8)
		}
		params = append(params, ir.NewParam("", t))
	}
	f := m.NewFunc(name, ResultType(b.Rets), params...)
	if b.Terminates() {
		f.FuncAttrs = append(f.FuncAttrs, enum.FuncAttrNoReturn)
	}
	return f
}

type noreturn struct{}

func (noreturn) String() string   { return "noreturn" }
func (noreturn) IsFuncAttribute() {}

// ResultType is void for 0 results, i256 for one and {i256, …} for more.
func ResultType(n int) types.Type {
	switch n {
	case 0:
		return types.Void
	case 1:
		return Word
	}
	fields := make([]types.Type, n)
	for i := range fields {
		fields[i] = Word
	}
	return types.NewStruct(fields...)
}

// StringArg returns the i8* argument for a literal argument of an
// object-access intrinsic: a bitcast of a private constant holding s
// (datasize("x") becomes call @evm.datasize(i8* bitcast ([1 x i8]* @str.0
// to i8*))), so that the .ll stays valid for LLVM's own tools. Equal
// strings share one global.
func StringArg(m *ir.Module, s string) constant.Constant {
	ptr := types.NewPointer(types.I8)
	for _, g := range m.Globals {
		if strings.HasPrefix(g.Name(), "str.") {
			if got, ok := globalString(g); ok && got == s {
				return constant.NewBitCast(g, ptr)
			}
		}
	}
	g := m.NewGlobalDef(fmt.Sprintf("str.%d", len(m.Globals)), constant.NewCharArrayFromString(s))
	g.Immutable = true
	g.Linkage = enum.LinkagePrivate
	return constant.NewBitCast(g, ptr)
}

// StringOf returns the string behind a literal argument made by StringArg
// (a bitcast of a string global, or the global itself).
func StringOf(v value.Value) (string, bool) {
	if bc, ok := v.(*constant.ExprBitCast); ok {
		v = bc.From
	}
	g, ok := v.(*ir.Global)
	if !ok {
		return "", false
	}
	return globalString(g)
}

func globalString(g *ir.Global) (string, bool) {
	arr, ok := g.Init.(*constant.CharArray)
	if !ok {
		return "", false
	}
	return string(arr.X), true
}
