// Package ewasm is soll's Ewasm backend (DESIGN.md §4, ewasm.md): optimized
// IR objects in, WebAssembly 1.0 modules out.
//
// Conventions of the generated code:
//   - A 256-bit word is four i64 locals, least significant limb first.
//   - Functions (IR functions and the 256-bit runtime) take words as four
//     i64 parameters and return words through mutable globals R0, R1, …
//     (four per word), read by the caller right after the call: wasm 1.0 has
//     no multi-value results (ewasm.md §1.4).
//   - Linear memory holds a private area (scratch for the runtime and the
//     EEI, keccak state, immutable slots) below EVM memory, which starts at
//     a per-module base (memory.go).
//   - Sub-objects and data objects are custom sections named after them,
//     placed before the code section; dataoffset is the payload's offset in
//     the module, datasize its length (ewasm.md §3.2). datasize of the
//     module itself counts the constructor-argument section header (§3.3).
//   - Immutables live in a data segment of the module that reads them;
//     setimmutable in the parent writes into the copy of that module in
//     memory, before it is returned.
package ewasm

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/frontend/source"
	sir "github.com/soll-dev/soll/ir"
)

type bigInt = big.Int

var twoTo256 = new(big.Int).Lsh(big.NewInt(1), 256)

// Options configure code generation.
type Options struct {
	// Strict forbids ethereum_ext imports (--ewasm-strict): keccak256 is
	// computed in the module, features without an EEI function are
	// diagnostics (ewasm.md §5.8).
	Strict bool
	// Libraries maps fully qualified library names ("file:L") to their
	// addresses, which linkersymbol compiles to; a library not listed is a
	// diagnostic (there are no placeholders in a module).
	Libraries map[string]common.Address
}

// Artifact is the result of compiling one object tree.
type Artifact struct {
	Name string
	// Deployer is the creation module: its main runs the object's code,
	// which finishes with the runtime module's bytes. Deploy it followed by
	// CtorArgsSection(args) (ewasm.md §3.3).
	Deployer []byte
	// Runtime is the module of the deployed sub-object ("<Name>_deployed",
	// else the first code sub-object); nil when there is none.
	Runtime []byte
	// WAT prints the deployer and runtime modules in the text format.
	WAT func() string
	// DeployerMemBase and RuntimeMemBase are the wasm addresses of EVM
	// memory offset 0 in each module (memory.go), for debuggers and tests
	// that read EVM memory out of linear memory.
	DeployerMemBase, RuntimeMemBase uint32
}

// CtorArgsName is the name of the custom section carrying constructor
// arguments after the deployer module (ewasm.md §3.3).
const CtorArgsName = "soll.ctor-args"

// CtorArgsSection is what deploy tooling appends to the deployer module: a
// custom section with a 5-byte padded size, so that codesize() −
// datasize(self) is exactly len(args).
func CtorArgsSection(args []byte) []byte {
	out := []byte{0}
	out = appendU32Fixed(out, uint32(1+len(CtorArgsName)+len(args)))
	out = append(out, byte(len(CtorArgsName)))
	out = append(out, CtorArgsName...)
	return append(out, args...)
}

// ctorHeaderLen is the length of CtorArgsSection(nil).
var ctorHeaderLen = len(CtorArgsSection(nil))

// Compile generates Ewasm modules for an object tree. Anything the target
// cannot express is reported to log at the source position of the
// instruction (or the object), and Compile returns nil.
func Compile(obj *sir.Object, opts Options, log *source.Log) *Artifact {
	enc, err := compileObject(obj, opts)
	if err != nil {
		if d, ok := err.(*diagError); ok {
			log.Errorf(source.CodeGenerationError, 0, d.span, "%s", d.msg)
		} else {
			log.Errorf(source.CodeGenerationError, 0, obj.Span, "%v", err)
		}
		return nil
	}
	art := &Artifact{Name: obj.Name, Deployer: enc.bin, DeployerMemBase: enc.mod.memBase}
	var rt *encoded
	for _, s := range obj.Subs {
		if s.Name == obj.Name+"_deployed" && !s.IsData() {
			rt = enc.subs[s.Name]
		}
	}
	if rt == nil {
		for _, s := range obj.Subs {
			if !s.IsData() {
				rt = enc.subs[s.Name]
				break
			}
		}
	}
	if rt != nil {
		art.Runtime = rt.bin
		art.RuntimeMemBase = rt.mod.memBase
	}
	art.WAT = func() string {
		out := "(; deployer " + obj.Name + " ;)\n" + enc.mod.wat()
		if rt != nil {
			out += "(; runtime " + rt.name + " ;)\n" + rt.mod.wat()
		}
		return out
	}
	return art
}

// encoded is one compiled object.
type encoded struct {
	name    string
	bin     []byte
	mod     *module // nil for data
	subs    map[string]*encoded
	payload map[string]int // offset of each sub's payload in bin
	imm     map[string]int // offset of each immutable's 32 bytes in bin
}

// objGen compiles one object's code.
type objGen struct {
	obj        *sir.Object
	m          *module
	opts       Options
	funcs      map[*ir.Func]*function
	callFields map[*ir.InstCall][]word
	immIndex   map[string]int
	subs       map[string]*encoded
	msizeRead  bool // some code calls msize() (fixedmem.go)
}

func (og *objGen) immutableAddr(name string) uint32 {
	return immutableBase + 32*uint32(og.immIndex[name])
}

// immutableOwner is the direct code sub-object that reads immutable name.
func (og *objGen) immutableOwner(name string) *encoded {
	for _, s := range og.obj.Subs {
		if e := og.subs[s.Name]; e != nil && e.mod != nil {
			if _, ok := e.imm[name]; ok {
				return e
			}
		}
	}
	return nil
}

func compileObject(obj *sir.Object, opts Options) (*encoded, error) {
	return compileIn(obj, opts, namedData(obj))
}

// namedData finds the data objects of a tree that some code names in
// dataoffset or datasize (directly or by a path through sub-objects).
// Only those become custom sections: nothing can read the bytes of the
// others (solc's ".metadata") but a copy of the whole module.
func namedData(root *sir.Object) map[*sir.Object]bool {
	named := map[*sir.Object]bool{}
	root.Walk(func(o *sir.Object) {
		main := o.Entry()
		if main == nil {
			return
		}
		eachBuiltinCall(sir.ReachableFuncs(main), func(c *ir.InstCall, b *sir.Builtin) {
			if b.Name != "dataoffset" && b.Name != "datasize" || len(c.Args) != 1 {
				return
			}
			if name, ok := sir.StringOf(c.Args[0]); ok {
				if t := o.Lookup(name); t != nil {
					named[t] = true
				}
			}
		})
	})
	return named
}

// eachBuiltinCall calls fn with every call of a builtin in funcs.
func eachBuiltinCall(funcs []*ir.Func, fn func(c *ir.InstCall, b *sir.Builtin)) {
	for _, f := range funcs {
		for _, blk := range f.Blocks {
			for _, inst := range blk.Insts {
				if c, ok := inst.(*ir.InstCall); ok {
					if _, b := sir.CallTarget(c); b != nil {
						fn(c, b)
					}
				}
			}
		}
	}
}

// builtinCall returns v as a call of the builtin name with one argument.
func builtinCall(v value.Value, name string) (*ir.InstCall, bool) {
	c, ok := v.(*ir.InstCall)
	if !ok || len(c.Args) != 1 {
		return nil, false
	}
	if _, b := sir.CallTarget(c); b == nil || b.Name != name {
		return nil, false
	}
	return c, true
}

func compileIn(obj *sir.Object, opts Options, named map[*sir.Object]bool) (*encoded, error) {
	if obj.IsData() {
		return &encoded{name: obj.Name, bin: obj.Data}, nil
	}
	og := &objGen{obj: obj, opts: opts, m: newModule(), funcs: map[*ir.Func]*function{},
		callFields: map[*ir.InstCall][]word{}, immIndex: map[string]int{}, subs: map[string]*encoded{}}
	m := og.m
	m.strict = opts.Strict
	for _, s := range obj.Subs {
		if s.IsData() && !named[s] {
			continue
		}
		e, err := compileIn(s, opts, named)
		if err != nil {
			return nil, err
		}
		og.subs[s.Name] = e
		m.customs = append(m.customs, customSection{name: s.Name, payload: e.bin})
	}
	main := obj.Entry()
	if main == nil {
		return nil, &diagError{span: obj.Span, msg: fmt.Sprintf("object %q has no entry function", obj.Name)}
	}
	funcs := sir.ReachableFuncs(main)
	og.findImmutables(funcs)
	eachBuiltinCall(funcs, func(_ *ir.InstCall, b *sir.Builtin) {
		og.msizeRead = og.msizeRead || b.Name == "msize"
	})
	m.memBase = immutableBase + 32*uint32(len(og.immIndex))
	immSeg := -1
	if len(og.immIndex) > 0 {
		immSeg = len(m.data)
		m.data = append(m.data, dataSegment{addr: immutableBase, bytes: make([]byte, 32*len(og.immIndex))})
	}
	newFunc(m, "main", nil, nil)
	for i, f := range funcs {
		if err := og.declare(f, i == 0); err != nil {
			return nil, &diagError{span: obj.Span, msg: err.Error()}
		}
	}
	for _, f := range funcs {
		if err := og.genFunc(f); err != nil {
			return nil, err
		}
	}
	m.pruneResults()
	m.narrowCalls()
	m.pruneParams()
	m.cleanZeros()
	m.optimizeLocals()
	m.shortcuts()
	m.inlineSmall()
	m.pruneParams()
	m.inlineSmall()
	m.cleanResultWrites()
	m.optimizeLocals()
	m.dropUnusedGlobals()
	m.sortImports()
	// two passes: datasize of the module itself depends on its length
	selfLen := 0
	var bin []byte
	var lay *layout
	for pass := 0; pass < 2; pass++ {
		var err error
		bin, lay, err = m.encode(func(in *instr, l *layout) (int64, error) {
			return og.resolve(in, l, selfLen)
		})
		if err != nil {
			return nil, &diagError{span: obj.Span, msg: err.Error()}
		}
		selfLen = len(bin)
	}
	e := &encoded{name: obj.Name, bin: bin, mod: m, subs: og.subs, payload: lay.payloadOffset, imm: map[string]int{}}
	if immSeg >= 0 {
		base := lay.dataOffset[immSeg]
		for name, i := range og.immIndex {
			e.imm[name] = base + 32*i
		}
	}
	return e, nil
}

// resolve answers symbolic constants.
func (og *objGen) resolve(in *instr, l *layout, selfLen int) (int64, error) {
	switch in.sym {
	case symImmutable:
		// relative to where the owner's bytes were copied (setimmutable's
		// offset operand), not to this module
		owner := og.immutableOwner(in.name)
		return int64(owner.imm[in.name]), nil
	case symDataOffset, symDataSize:
		off, size, ok := og.locate(in.name, l, selfLen)
		if !ok {
			return 0, fmt.Errorf("no object or data %q in object %q", in.name, og.obj.Name)
		}
		if in.sym == symDataOffset {
			return int64(off), nil
		}
		return int64(size), nil
	}
	return 0, fmt.Errorf("unknown symbol kind")
}

// locate finds an object path's payload offset and length in this module.
func (og *objGen) locate(path string, l *layout, selfLen int) (off, size int, ok bool) {
	if path == og.obj.Name {
		return 0, selfLen + ctorHeaderLen, true
	}
	if e, found := og.subs[path]; found {
		return l.payloadOffset[path], len(e.bin), true
	}
	segs := splitPath(path)
	if len(segs) > 0 && segs[0] == og.obj.Name {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return 0, 0, false
	}
	cur, found := og.subs[segs[0]]
	if !found {
		return 0, 0, false
	}
	off = l.payloadOffset[segs[0]]
	for _, s := range segs[1:] {
		next, found := cur.subs[s]
		if !found {
			return 0, 0, false
		}
		off += cur.payload[s]
		cur = next
	}
	return off, len(cur.bin), true
}

func splitPath(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		if p[i] == '.' {
			out = append(out, p[start:i])
			start = i + 1
		}
	}
	return append(out, p[start:])
}

// findImmutables numbers the immutables this object's code reads.
func (og *objGen) findImmutables(funcs []*ir.Func) {
	var names []string
	seen := map[string]bool{}
	eachBuiltinCall(funcs, func(c *ir.InstCall, b *sir.Builtin) {
		if b.Name != "loadimmutable" {
			return
		}
		if s, ok := sir.StringOf(c.Args[0]); ok && !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	})
	sort.Strings(names)
	for i, n := range names {
		og.immIndex[n] = i
	}
}
