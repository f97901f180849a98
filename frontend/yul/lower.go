package yul

import (
	"strconv"
	"strings"

	lir "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

// Lowering turns each Yul object into an ir.Object whose module holds
// @main (the object's code) and one IR function per Yul function, following
// DESIGN.md §2:
//
//   - every Yul variable, parameter and return variable is an `alloca i256`
//     in its function's entry block, stored on definition (zero when it has
//     no value) and loaded on use; mem2reg turns them into SSA values;
//   - call arguments are evaluated right to left (the last argument's IR
//     comes first), for builtins and user functions alike;
//   - native builtins become LLVM instructions, the rest calls to @evm.<name>;
//   - code after a terminating builtin, break, continue or leave is dropped
//     (function definitions there are still lowered: they are hoisted).
//
// Lowering files: lower.go (objects, functions, names), lower_stmt.go
// (statements and control flow), lower_expr.go (expressions and builtins).

// Compile parses, analyzes and lowers a Yul source for EVM version v. It
// returns nil when there is any error; the errors are in log.
func Compile(f *source.File, v evmversion.Version, log *source.Log) *ir.Object {
	obj := ParseVersion(f, v, log)
	if obj == nil {
		return nil
	}
	if !Analyze(obj, v, log) {
		return nil
	}
	return Lower(obj, log)
}

// Lower lowers an object tree to IR. The tree should have passed Analyze;
// on an unanalyzed tree, whatever cannot be lowered is reported to log and
// Lower returns nil.
func Lower(obj *Object, log *source.Log) *ir.Object {
	errors := 0
	out := lowerObject(obj, log, &errors)
	if errors > 0 {
		return nil
	}
	return out
}

func lowerObject(obj *Object, log *source.Log, errors *int) *ir.Object {
	if obj.IsData {
		return &ir.Object{Name: obj.Name, Data: append([]byte{}, obj.Data...), Span: obj.Loc}
	}
	out := &ir.Object{Name: obj.Name, Span: obj.Loc}
	out.Code = lir.NewModule()
	if obj.Code != nil {
		// Roughly one instruction per 16 bytes of Yul: sizing the span
		// table up front saves most of its growth.
		out.Locs = make(map[any]source.Span, (obj.Code.Loc.End-obj.Code.Loc.Start)/16)
		out.Code.SourceFilename = obj.Code.Loc.File.Name
		l := &lowerer{
			obj:    out,
			mod:    out.Code,
			log:    log,
			decls:  make(map[string]*lir.Func),
			strs:   make(map[string]value.Value),
			scope:  make(map[string]*binding),
			irName: funcNames(obj.Code),
		}
		l.lowerMain(obj.Code)
		*errors += l.errors
	}
	for _, s := range obj.Subs {
		out.Subs = append(out.Subs, lowerObject(s, log, errors))
	}
	return out
}

// lowerer lowers the code of one object into one module.
type lowerer struct {
	obj    *ir.Object
	mod    *lir.Module
	log    *source.Log
	errors int

	decls map[string]*lir.Func   // intrinsic declarations by builtin name
	strs  map[string]value.Value // literal-argument strings (i8* bitcasts of globals)

	// irName is the IR function name of each Yul function.
	irName map[*FuncDef]string

	// scope maps a name to its innermost binding; undo lists the names
	// bound since the start, so a block can unbind its own.
	scope map[string]*binding
	undo  []string

	fn *function // the function being lowered
}

// binding is what a name stands for: a variable or a function.
type binding struct {
	prev *binding
	// a variable
	ptr   *lir.InstAlloca
	owner *function
	// a function
	def *FuncDef
	fn  *lir.Func
}

// function is the state of the IR function being lowered.
type function struct {
	f       *lir.Func
	entry   *lir.Block
	allocas []lir.Instruction
	cur     *lir.Block // nil after a terminator: code is unreachable
	preds   map[*lir.Block]int
	ret     *lir.Block        // the return block of a Yul function
	results []*lir.InstAlloca // its return variables
	loops   []loop
	n       int            // construct counter for block names
	names   map[string]int // local names in use
}

// loop is the branch targets of the innermost for loop.
type loop struct{ brk, cont *lir.Block }

func (l *lowerer) errorf(kind string, code int, span source.Span, format string, args ...any) {
	l.errors++
	l.log.Errorf(kind, code, span, format, args...)
}

// bind binds name in the current scope.
func (l *lowerer) bind(name string, b *binding) {
	b.prev = l.scope[name]
	l.scope[name] = b
	l.undo = append(l.undo, name)
}

// unbindTo removes the bindings made since mark.
func (l *lowerer) unbindTo(mark int) {
	for i := len(l.undo) - 1; i >= mark; i-- {
		name := l.undo[i]
		if prev := l.scope[name].prev; prev != nil {
			l.scope[name] = prev
		} else {
			delete(l.scope, name)
		}
	}
	l.undo = l.undo[:mark]
}

// funcNames gives each Yul function its IR name: the Yul name when it is
// unique in the object, else name.1, name.2, … in source order; names that
// would clash with @main, an intrinsic (@evm.*) or a string constant
// (@str.*) get the prefix "u.".
func funcNames(code *Block) map[*FuncDef]string {
	var defs []*FuncDef
	walkFuncDefs(code, func(d *FuncDef) { defs = append(defs, d) })
	count := make(map[string]int, len(defs))
	for _, d := range defs {
		count[d.Name]++
	}
	reservedIR := func(n string) bool {
		return n == ir.EntryName || strings.HasPrefix(n, "evm.") || strings.HasPrefix(n, "str.")
	}
	// Unique names that need no change are claimed first, so that the
	// numbered names of the others cannot take them.
	taken := make(map[string]bool, len(defs))
	for _, d := range defs {
		if count[d.Name] == 1 && !reservedIR(d.Name) {
			taken[d.Name] = true
		}
	}
	names := make(map[*FuncDef]string, len(defs))
	next := make(map[string]int)
	for _, d := range defs {
		if count[d.Name] == 1 && !reservedIR(d.Name) {
			names[d] = d.Name
			continue
		}
		base := d.Name
		if reservedIR(base) {
			base = "u." + base
			if count[d.Name] == 1 && !taken[base] {
				taken[base] = true
				names[d] = base
				continue
			}
		}
		for {
			next[base]++
			cand := base + "." + strconv.Itoa(next[base])
			if !taken[cand] {
				taken[cand] = true
				names[d] = cand
				break
			}
		}
	}
	return names
}

// walkFuncDefs calls fn for every function definition in b, in source
// order (outer before nested).
func walkFuncDefs(b *Block, fn func(*FuncDef)) {
	for _, s := range b.Stmts {
		walkStmtFuncDefs(s, fn)
	}
}

func walkStmtFuncDefs(s Stmt, fn func(*FuncDef)) {
	switch s := s.(type) {
	case *Block:
		walkFuncDefs(s, fn)
	case *FuncDef:
		fn(s)
		walkFuncDefs(s.Body, fn)
	case *If:
		walkFuncDefs(s.Body, fn)
	case *Switch:
		for _, c := range s.Cases {
			walkFuncDefs(c.Body, fn)
		}
	case *For:
		walkFuncDefs(s.Init, fn)
		walkFuncDefs(s.Post, fn)
		walkFuncDefs(s.Body, fn)
	}
}

// newFunction starts lowering into f.
func (l *lowerer) newFunction(f *lir.Func) *function {
	fs := &function{f: f, preds: make(map[*lir.Block]int), names: make(map[string]int)}
	fs.entry = namedBlock("entry")
	fs.names["entry"] = 1
	fs.start(fs.entry)
	return fs
}

// lowerMain lowers an object's code block into @main.
func (l *lowerer) lowerMain(code *Block) {
	f := l.mod.NewFunc(ir.EntryName, types.Void)
	fs := l.newFunction(f)
	l.fn = fs
	l.block(code)
	if fs.cur != nil {
		l.loc(fs.cur.NewRet(nil), endSpan(code.Loc))
	}
	l.finish(fs)
}

// declareFunc creates the IR function of a Yul function (at the start of
// the block that defines it: Yul functions are visible in their whole
// block).
func (l *lowerer) declareFunc(d *FuncDef) *lir.Func {
	params := make([]*lir.Param, len(d.Params))
	for i := range d.Params {
		params[i] = lir.NewParam("", ir.Word)
	}
	return l.mod.NewFunc(l.irName[d], ir.ResultType(len(d.Results)), params...)
}

// lowerFunc lowers the body of Yul function d into its IR function f.
func (l *lowerer) lowerFunc(d *FuncDef, f *lir.Func) {
	outer := l.fn
	fs := l.newFunction(f)
	l.fn = fs
	mark := len(l.undo)
	for i, p := range d.Params {
		f.Params[i].SetName(fs.local(p.Name))
		ptr := l.alloca(p.Name+".addr", p.Loc)
		l.loc(fs.cur.NewStore(f.Params[i], ptr), p.Loc)
		l.bind(p.Name, &binding{ptr: ptr, owner: fs})
	}
	for _, r := range d.Results {
		ptr := l.alloca(r.Name, r.Loc)
		l.loc(fs.cur.NewStore(l.zero(), ptr), r.Loc)
		fs.results = append(fs.results, ptr)
		l.bind(r.Name, &binding{ptr: ptr, owner: fs})
	}
	fs.ret = namedBlock(fs.local("return"))
	l.block(d.Body)
	end := endSpan(d.Body.Loc)
	switch {
	case fs.cur != nil && fs.preds[fs.ret] == 0:
		l.emitReturn(end) // no leave: return where the body ends
	case fs.cur != nil:
		l.br(fs.ret, end)
		fallthrough
	case fs.preds[fs.ret] > 0:
		fs.start(fs.ret)
		l.emitReturn(end)
	}
	l.unbindTo(mark)
	l.finish(fs)
	l.fn = outer
}

// emitReturn loads the return variables and returns them.
func (l *lowerer) emitReturn(span source.Span) {
	fs := l.fn
	switch len(fs.results) {
	case 0:
		l.loc(fs.cur.NewRet(nil), span)
	case 1:
		v := l.loc(fs.cur.NewLoad(ir.Word, fs.results[0]), span).(value.Value)
		l.loc(fs.cur.NewRet(v), span)
	default:
		typ := ir.ResultType(len(fs.results))
		var agg value.Value = undef(typ)
		for i, r := range fs.results {
			v := l.loc(fs.cur.NewLoad(ir.Word, r), span).(value.Value)
			agg = l.loc(fs.cur.NewInsertValue(agg, v, uint64(i)), span).(value.Value)
		}
		l.loc(fs.cur.NewRet(agg), span)
	}
}

// finish puts the allocas at the start of the entry block.
func (l *lowerer) finish(fs *function) {
	if len(fs.allocas) > 0 {
		fs.entry.Insts = append(fs.allocas, fs.entry.Insts...)
	}
}

// alloca makes the stack slot of a variable in the entry block.
func (l *lowerer) alloca(name string, span source.Span) *lir.InstAlloca {
	fs := l.fn
	a := lir.NewAlloca(ir.Word)
	a.SetName(fs.local(name))
	fs.allocas = append(fs.allocas, a)
	l.obj.SetLoc(a, span)
	return a
}

// local returns a function-unique local name based on name.
func (fs *function) local(name string) string {
	n := fs.names[name]
	fs.names[name] = n + 1
	if n == 0 {
		return name
	}
	for {
		cand := name + "." + strconv.Itoa(n)
		if fs.names[cand] == 0 {
			fs.names[cand] = 1
			return cand
		}
		n++
	}
}

// next numbers a control-flow construct, for its block names.
func (fs *function) next() int {
	fs.n++
	return fs.n
}

// newBlock makes a (not yet started) block named like "if.then.3".
func (fs *function) newBlock(base string, n int) *lir.Block {
	return namedBlock(fs.local(base + "." + strconv.Itoa(n)))
}

// namedBlock makes a block named name (never a number: llir's NewBlock
// would try to parse it as one, which is slow).
func namedBlock(name string) *lir.Block {
	b := lir.NewBlock("")
	b.SetName(name)
	return b
}

// start makes b the current block, appending it to the function.
func (fs *function) start(b *lir.Block) {
	b.Parent = fs.f
	fs.f.Blocks = append(fs.f.Blocks, b)
	fs.cur = b
}

// loc records span for inst and returns inst.
func (l *lowerer) loc(inst any, span source.Span) any {
	l.obj.SetLoc(inst, span)
	return inst
}

// br ends the current block with a branch to target.
func (l *lowerer) br(target *lir.Block, span source.Span) {
	fs := l.fn
	fs.preds[target]++
	l.loc(fs.cur.NewBr(target), span)
	fs.cur = nil
}

// endSpan is the last byte of s (the closing brace of a block).
func endSpan(s source.Span) source.Span {
	if s.End > s.Start {
		s.Start = s.End - 1
	}
	return s
}
