// Package opt holds soll's optimization passes and the pass pipeline of each
// -O level (DESIGN.md §1). Like Go's cmd/compile/internal/ssa/compile.go, the
// pipeline is one table: every entry has a name, a function and a required
// flag; the levels differ only by which entries run; --print-after and
// --verify-ir hang off the table, not off each pass.
package opt

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir"
)

// Level is an optimization level.
type Level int

const (
	// O0 runs the required passes only: mem2reg (the backends take no
	// allocas), dce and deadfunc (dead code may need linking).
	O0 Level = iota
	// O1 runs cheap local cleanups.
	O1
	// O2 is the default: everything, inlining with a speed-oriented size limit.
	O2
	// Os is O2 with a smaller inlining limit.
	Os
)

func (l Level) String() string {
	switch l {
	case O0:
		return "-O0"
	case O1:
		return "-O1"
	case O2:
		return "-O2"
	case Os:
		return "-Os"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel reads "0", "1", "2", "s" (with or without a leading "-O" or "O").
func ParseLevel(s string) (Level, error) {
	switch strings.TrimPrefix(strings.TrimPrefix(s, "-"), "O") {
	case "0":
		return O0, nil
	case "1":
		return O1, nil
	case "2", "":
		return O2, nil
	case "s":
		return Os, nil
	}
	return O2, fmt.Errorf("unknown optimization level %q (want -O0, -O1, -O2 or -Os)", s)
}

// Options configure Run.
type Options struct {
	Level Level
	// VerifyEach runs ir.Verify on the input and after every pass; an error
	// names the pass that broke the IR.
	VerifyEach bool
	// PrintAfter prints the module after the named pass ("fold" matches
	// "early fold", "fold" and "late fold"; "all" matches every pass) to Out.
	PrintAfter string
	Out        io.Writer
	// EVMVersion is the target: passes only introduce intrinsics it has
	// (fold rewrites exp(2, x) to shl only from constantinople on). The
	// zero value, homestead, is the conservative choice.
	EVMVersion evmversion.Version
}

// Context is what a pass sees besides the function it works on.
type Context struct {
	Obj    *ir.Object
	Module *llvm.Module
	Level  Level
	// EVMVersion is the target (see Options.EVMVersion).
	EVMVersion evmversion.Version
	// UsesMsize is set when the code reads msize: removing or adding a
	// memory access then changes an observable value, so passes keep every
	// memory access (solc's optimizer has the same rule).
	UsesMsize bool

	funcs map[*llvm.Func]*funcInfo // summaries of user functions, per pass run

	cfgs    map[*llvm.Func]*cachedCFG // CFGs kept across passes (cfgcache.go)
	succBuf []*llvm.Block

	dirty    map[*llvm.Func]bool // changed since the last renumbering
	live     map[*llvm.Func]bool // reachable from main after the last module pass; nil: all
	allDirty bool
}

// copyLoc gives the span of from to to, a fresh clone without one.
func (c *Context) copyLoc(from, to any) {
	if c.Obj != nil {
		c.Obj.CopyLoc(from, to)
	}
}

// moveLoc carries the source span of from over to its replacement.
func (c *Context) moveLoc(from, to any) {
	if c.Obj != nil {
		c.Obj.MoveLoc(from, to)
	}
}

type levelSet uint8

func (s levelSet) has(l Level) bool { return s&(1<<uint(l)) != 0 }

const (
	atO1 levelSet = 1 << O1
	atO2 levelSet = 1 << O2
	atOs levelSet = 1 << Os
)

// pass is one entry of the pipeline: either fn (run on every function
// definition) or module (run once per module) is set.
type pass struct {
	name     string
	fn       func(*llvm.Func, *Context) bool
	module   func(*Context) bool
	required bool
	levels   levelSet
}

// passes is the pipeline, in order. A pass may appear several times under
// different names (Go's ssa does the same with "early deadcode" and
// "deadcode").
var passes = [...]pass{
	{name: "mem2reg", fn: mem2reg, required: true},
	{name: "early fold", fn: fold, levels: atO1 | atO2 | atOs},
	{name: "sccp", fn: sccp, levels: atO2 | atOs},
	{name: "early simplifycfg", fn: simplifyCFG, levels: atO1 | atO2 | atOs},
	{name: "early dce", fn: deadcode, levels: atO2 | atOs},
	{name: "inline", module: inline, levels: atO2 | atOs},
	{name: "fold", fn: fold, levels: atO2 | atOs},
	{name: "late sccp", fn: sccp, levels: atO2 | atOs},
	{name: "simplifycfg", fn: simplifyCFG, levels: atO2 | atOs},
	{name: "cse", fn: cse, levels: atO2 | atOs},
	{name: "loadelim", fn: loadElim, levels: atO2 | atOs},
	{name: "deadstore", fn: deadStore, levels: atO2 | atOs},
	{name: "domcond", fn: domConds, levels: atO2 | atOs},
	{name: "late fold", fn: fold, levels: atO2 | atOs},
	// Required: an unused linkersymbol must not need linking, and every
	// dead value costs the EVM backend a stack slot.
	{name: "dce", fn: deadcode, required: true},
	{name: "late simplifycfg", fn: simplifyCFG, levels: atO1 | atO2 | atOs},
	// Required: code main cannot reach must not reach the backend either
	// (an unused library function would still need linking).
	{name: "deadfunc", module: deadFuncs, required: true},
}

// passOrder lists constraints "a must run before b", checked at init like
// Go's ssa passOrder.
var passOrder = [...][2]string{
	// Every pass assumes SSA form for locals.
	{"mem2reg", "early fold"},
	{"mem2reg", "sccp"},
	{"mem2reg", "inline"},
	// Inlining clones only SSA bodies without allocas.
	{"mem2reg", "cse"},
	// Functions inlined everywhere become dead only after inlining.
	{"inline", "deadfunc"},
	// dce removes the calls that keep functions alive.
	{"dce", "deadfunc"},
	// cse and loadelim leave dead instructions for dce.
	{"cse", "dce"},
	{"loadelim", "dce"},
	{"deadstore", "dce"},
}

func init() {
	index := make(map[string]int, len(passes))
	for i, p := range passes {
		if _, dup := index[p.name]; dup {
			panic("opt: duplicate pass name " + p.name)
		}
		if (p.fn == nil) == (p.module == nil) {
			panic("opt: pass " + p.name + " needs exactly one of fn and module")
		}
		index[p.name] = i
	}
	if !passes[0].required || passes[0].name != "mem2reg" {
		panic("opt: mem2reg must be the first pass")
	}
	for _, c := range passOrder {
		a, okA := index[c[0]]
		b, okB := index[c[1]]
		if !okA || !okB {
			panic(fmt.Sprintf("opt: pass order names an unknown pass: %q before %q", c[0], c[1]))
		}
		if a >= b {
			panic(fmt.Sprintf("opt: pass %q must come before %q", c[0], c[1]))
		}
	}
}

// PassNames lists the pipeline's entries in order (for --print-after help).
func PassNames() []string {
	out := make([]string, len(passes))
	for i, p := range passes {
		out[i] = p.name
	}
	return out
}

func (p *pass) enabled(l Level) bool { return p.required || p.levels.has(l) }

func (p *pass) matches(name string) bool {
	return name == "all" || name == p.name || strings.HasSuffix(p.name, " "+name)
}

// Run optimizes the code of obj and of every object below it at opts.Level.
// Objects are independent modules, so they are optimized in parallel (one
// after the other when PrintAfter writes the IR, to keep that output in
// order); the first error in object order is returned.
func Run(obj *ir.Object, opts Options) error {
	var objs []*ir.Object
	obj.Walk(func(o *ir.Object) {
		if o.Code != nil {
			objs = append(objs, o)
		}
	})
	errs := make([]error, len(objs))
	if opts.PrintAfter != "" || len(objs) == 1 {
		for i, o := range objs {
			if errs[i] = runObject(o, opts, passes[:]); errs[i] != nil {
				return errs[i]
			}
		}
		return nil
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, o := range objs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = runObject(o, opts, passes[:])
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func runObject(o *ir.Object, opts Options, passes []pass) (err error) {
	ctx := &Context{Obj: o, Module: o.Code, Level: opts.Level, EVMVersion: opts.EVMVersion, UsesMsize: usesMsize(o.Code)}
	if opts.VerifyEach {
		if errs := ir.Verify(o.Code); len(errs) > 0 {
			return fmt.Errorf("object %q: invalid IR before optimization: %w", o.Name, errors.Join(errs...))
		}
	}
	for i := range passes {
		p := &passes[i]
		if !p.enabled(opts.Level) {
			continue
		}
		if err := runPass(p, ctx); err != nil {
			return fmt.Errorf("object %q: %w", o.Name, err)
		}
		if opts.VerifyEach || (opts.PrintAfter != "" && p.matches(opts.PrintAfter) && opts.Out != nil) {
			if err := ctx.renumber(); err != nil {
				return fmt.Errorf("object %q: pass %q: %w", o.Name, p.name, err)
			}
		}
		if opts.VerifyEach {
			if errs := ir.Verify(o.Code); len(errs) > 0 {
				return fmt.Errorf("object %q: pass %q broke the IR: %w", o.Name, p.name, errors.Join(errs...))
			}
		}
		if opts.PrintAfter != "" && p.matches(opts.PrintAfter) && opts.Out != nil {
			fmt.Fprintf(opts.Out, "; *** IR of object %q after %s ***\n%s\n", o.Name, p.name, o.Code)
		}
	}
	if err := ctx.renumber(); err != nil {
		return fmt.Errorf("object %q: %w", o.Name, err)
	}
	return nil
}

// runPass runs one pipeline entry on the module of ctx and notes the
// functions it changed: their unnamed locals are renumbered (so that the
// module prints) once, by renumber, not after every pass. Numbering depends
// only on the final code, and no pass reads the numbers.
func runPass(p *pass, ctx *Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pass %q panicked: %v", p.name, r)
		}
	}()
	ctx.funcs = nil
	if p.module != nil {
		if p.module(ctx) {
			ctx.allDirty = true
			// After inlining, functions main no longer reaches stay
			// unreachable (passes add no calls to user functions) and
			// deadfunc deletes them: the function passes skip them.
			ctx.live = liveFuncs(ctx.Module)
		}
		return nil
	}
	for _, f := range ctx.Module.Funcs {
		if len(f.Blocks) == 0 || (ctx.live != nil && !ctx.live[f]) {
			continue
		}
		if p.fn(f, ctx) {
			ctx.funcs = nil // summaries may have changed
			ctx.markDirty(f)
		}
	}
	return nil
}

func (c *Context) markDirty(f *llvm.Func) {
	if c.dirty == nil {
		c.dirty = make(map[*llvm.Func]bool)
	}
	c.dirty[f] = true
}

// renumber renumbers the unnamed locals of the functions changed since the
// last call.
func (c *Context) renumber() error {
	if !c.allDirty && len(c.dirty) == 0 {
		return nil
	}
	for _, f := range c.Module.Funcs {
		if c.allDirty || c.dirty[f] {
			if err := ir.RenumberLocals(f); err != nil {
				return err
			}
		}
	}
	c.allDirty = false
	clear(c.dirty)
	return nil
}

// RunPass runs one pass by name on the code of obj (not its sub-objects) at
// -O2 for the default EVM version, for tests and tools.
func RunPass(name string, obj *ir.Object) (bool, error) {
	for i := range passes {
		if passes[i].name == name {
			return runNamed(&passes[i], obj)
		}
	}
	return false, fmt.Errorf("unknown pass %q", name)
}

func runNamed(p *pass, obj *ir.Object) (changed bool, err error) {
	ctx := &Context{Obj: obj, Module: obj.Code, Level: O2, EVMVersion: evmversion.Default, UsesMsize: usesMsize(obj.Code)}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pass %q panicked: %v", p.name, r)
		}
	}()
	if p.module != nil {
		changed = p.module(ctx)
	} else {
		for _, f := range ctx.Module.Funcs {
			if len(f.Blocks) > 0 && p.fn(f, ctx) {
				changed = true
				ctx.funcs = nil
			}
		}
	}
	for _, f := range ctx.Module.Funcs {
		if err := ir.RenumberLocals(f); err != nil {
			return changed, err
		}
	}
	return changed, nil
}

func usesMsize(m *llvm.Module) bool { return usesIntrinsic(m, "evm.msize") }
