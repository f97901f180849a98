// Package evm is soll's EVM backend (DESIGN.md §4): optimized IR objects in,
// EVM assembly and bytecode out.
package evm

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	sir "github.com/soll-dev/soll/ir"
)

// Options configure code generation.
type Options struct {
	EVMVersion evmversion.Version
	// Libraries maps fully qualified library names ("file:L") to their
	// addresses; linkersymbol of a library not listed leaves a placeholder.
	Libraries map[string]common.Address
}

// Artifact is the result of compiling one object tree.
type Artifact struct {
	Name     string
	Assembly *Assembly
	// Creation is the object's bytecode with its sub-objects appended.
	Creation *Bytecode
	// Runtime is the bytecode of the deployed sub-object (named
	// "<Name>_deployed" as solc names it, else the first code sub-object),
	// nil when there is none.
	Runtime *Bytecode
}

// Compile generates EVM code for an object tree. Problems the backend cannot
// handle (stack too deep without memoryguard, an opcode missing in the
// chosen EVM version, …) are reported to log with the object's span.
func Compile(obj *sir.Object, opts Options, log *source.Log) *Artifact {
	a, err := assemble(obj, opts)
	if err != nil {
		log.Errorf(source.CodeGenerationError, 0, obj.Span, "%v", err)
		return nil
	}
	bc, err := a.Assemble(featuresOf(opts.EVMVersion), opts.Libraries)
	if err != nil {
		log.Errorf(source.CodeGenerationError, 0, obj.Span, "%v", err)
		return nil
	}
	art := &Artifact{Name: obj.Name, Assembly: a, Creation: bc}
	if rt := runtimeSub(a); rt != nil {
		rbc, err := rt.Assemble(featuresOf(opts.EVMVersion), opts.Libraries)
		if err != nil {
			log.Errorf(source.CodeGenerationError, 0, obj.Span, "%v", err)
			return nil
		}
		art.Runtime = rbc
	}
	return art
}

func featuresOf(v evmversion.Version) Features {
	return Features{Push0: v.HasPush0(), Shifts: v >= evmversion.Constantinople}
}

func runtimeSub(a *Assembly) *Assembly {
	for _, s := range a.Subs {
		if s.Name == a.Name+"_deployed" && !s.data {
			return s
		}
	}
	for _, s := range a.Subs {
		if !s.data {
			return s
		}
	}
	return nil
}

// objGen generates the assembly of one object's code.
type objGen struct {
	obj       *sir.Object
	opts      Options
	nextLabel int
	funcLabel map[*ir.Func]int
	guardBase *uint256.Int // memoryguard's literal; nil when absent or ambiguous
	spillNext int          // next free spill word
	recursive map[*ir.Func]bool
}

func (g *objGen) newLabel() int {
	g.nextLabel++
	return g.nextLabel
}

func assemble(obj *sir.Object, opts Options) (*Assembly, error) {
	if obj.IsData() {
		return &Assembly{Name: obj.Name, Data: obj.Data, data: true}, nil
	}
	a := &Assembly{Name: obj.Name}
	g := &objGen{obj: obj, opts: opts, funcLabel: map[*ir.Func]int{}}
	items, err := g.code()
	if err != nil {
		return nil, fmt.Errorf("object %q: %w", obj.Name, err)
	}
	a.Items = items
	a.spill = 32 * g.spillNext
	for _, s := range obj.Subs {
		sa, err := assemble(s, opts)
		if err != nil {
			return nil, err
		}
		a.Subs = append(a.Subs, sa)
	}
	return a, nil
}

// code generates the items of the object's code: main first, then every
// function reachable from it.
func (g *objGen) code() ([]item, error) {
	m := g.obj.Code
	main := g.obj.Entry()
	if main == nil {
		return nil, fmt.Errorf("no entry function %q", sir.EntryName)
	}
	funcs := sir.ReachableFuncs(main)
	g.findGuard(funcs)
	g.findRecursion(funcs)
	for _, f := range funcs[1:] {
		g.funcLabel[f] = g.newLabel()
	}
	_ = m
	var items []item
	for i, f := range funcs {
		its, err := g.function(f, i == 0)
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	items = peephole(items)
	for i := 0; i < 8; i++ {
		var changed bool
		if items, changed = g.mergeTails(items); !changed {
			break
		}
		items = peephole(items)
	}
	items = peephole(g.crossJump(g.moveColdRuns(items)))
	return items, nil
}

func (g *objGen) findGuard(funcs []*ir.Func) {
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				c, ok := inst.(*ir.InstCall)
				if !ok {
					continue
				}
				if bi, ok := calleeBuiltin(c); ok && bi.Name == "memoryguard" {
					ci, ok := c.Args[0].(*constant.Int)
					if !ok {
						continue
					}
					v := constWord(ci)
					if g.guardBase != nil && !g.guardBase.Eq(v) {
						g.guardBase = nil
						return
					}
					g.guardBase = v
				}
			}
		}
	}
}

// findRecursion marks functions on a cycle of the call graph (their frames
// can be live several times at once, so they cannot spill to fixed memory).
func (g *objGen) findRecursion(funcs []*ir.Func) {
	g.recursive = map[*ir.Func]bool{}
	callees := map[*ir.Func][]*ir.Func{}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				if c, ok := inst.(*ir.InstCall); ok {
					if cf, ok := c.Callee.(*ir.Func); ok && len(cf.Blocks) > 0 {
						callees[f] = append(callees[f], cf)
					}
				}
			}
		}
	}
	// Tarjan's strongly connected components.
	index := map[*ir.Func]int{}
	low := map[*ir.Func]int{}
	on := map[*ir.Func]bool{}
	var stack []*ir.Func
	n := 0
	var visit func(f *ir.Func)
	visit = func(f *ir.Func) {
		index[f] = n
		low[f] = n
		n++
		stack = append(stack, f)
		on[f] = true
		for _, c := range callees[f] {
			if _, ok := index[c]; !ok {
				visit(c)
				low[f] = min(low[f], low[c])
			} else if on[c] {
				low[f] = min(low[f], index[c])
			}
		}
		if low[f] == index[f] {
			var comp []*ir.Func
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[top] = false
				comp = append(comp, top)
				if top == f {
					break
				}
			}
			self := false
			for _, c := range callees[f] {
				if c == f {
					self = true
				}
			}
			if len(comp) > 1 || self {
				for _, c := range comp {
					g.recursive[c] = true
				}
			}
		}
	}
	for _, f := range funcs {
		if _, ok := index[f]; !ok {
			visit(f)
		}
	}
}

// function generates one function, spilling slots to memory until every
// DUP and SWAP is within reach.
func (g *objGen) function(f *ir.Func, isMain bool) ([]item, error) {
	x, err := g.analyse(f, isMain)
	if err != nil {
		return nil, err
	}
	blockLabel := map[*ir.Block]int{}
	for _, b := range x.blocks[1:] {
		blockLabel[b] = g.newLabel()
	}
	for {
		e := &emitter{x: x, blockLabel: blockLabel}
		e.rank = make([]int, x.nColors)
		for _, c := range x.rankOrder() {
			if x.spilled[c] {
				e.rank[c] = -1
			} else {
				e.rank[c] = e.S
				e.S++
			}
		}
		saved := g.nextLabel
		e.function(isMain, g.funcLabel[f])
		if e.err == errLazy && e.blame != nil && !x.noAdopt[e.blame] {
			x.noAdopt[e.blame] = true
			g.nextLabel = saved
			continue
		}
		if e.err == errLazy && !x.noLazy {
			x.noLazy = true
			g.nextLabel = saved
			continue
		}
		if e.err == errSwapIn && !x.noSwapIn {
			x.noSwapIn = true
			g.nextLabel = saved
			continue
		}
		if e.err == errPrePush && !x.noPrePush {
			x.noPrePush = true
			x.planPrePush()
			g.nextLabel = saved
			continue
		}
		if e.err != nil {
			return nil, e.err
		}
		if e.deep == 0 {
			return e.items, nil
		}
		g.nextLabel = saved
		if !x.noPrePush && (g.guardBase == nil || g.recursive[f]) {
			// Early pushes deepen the stack; without room to spill, try
			// without them first.
			x.noPrePush = true
			x.planPrePush()
			continue
		}
		cands := x.spillCandidates()
		if len(cands) == 0 || g.guardBase == nil || g.recursive[f] {
			why := "no memoryguard reserves memory to move variables to"
			if g.guardBase != nil && g.recursive[f] {
				why = "the function is recursive, so its variables cannot move to fixed memory"
			} else if len(cands) == 0 {
				why = "too many parameters and return values"
			}
			name := f.Name()
			if isMain {
				name = "the object's code"
			}
			return nil, fmt.Errorf("stack too deep in %s: a value is %d slots beyond the reach of DUP16/SWAP16, and %s", name, e.deep, why)
		}
		n := e.deep
		if n > len(cands) {
			n = len(cands)
		}
		for _, c := range cands[:n] {
			x.spilled[c] = true
			x.spillIdx[c] = g.spillNext
			g.spillNext++
		}
	}
}

// peephole removes JUMPDESTs that nothing jumps to, unreachable code after
// an unconditional jump or halt, jumps to the next instruction, SWAP1 before
// a commutative operation (or mirrors a comparison instead) and a double
// ISZERO before JUMPI.
func peephole(items []item) []item {
	for {
		n := len(items)
		if items = peephole1(items); len(items) == n {
			return items
		}
	}
}

func peephole1(items []item) []item {
	isOp := func(i int, o byte) bool {
		return i >= 0 && i < len(items) && items[i].kind == kOp && items[i].op == o
	}
	drop := make([]bool, len(items))
	for i := 0; i+1 < len(items); i++ {
		if drop[i] {
			continue
		}
		if isOp(i, opSWAP1) && items[i+1].kind == kOp {
			switch o := items[i+1].op; o {
			case opADD, opMUL, opAND, opOR, opXOR, opEQ:
				drop[i] = true
			case opLT, opGT, opSLT, opSGT:
				drop[i] = true
				items[i+1].op = map[byte]byte{opLT: opGT, opGT: opLT, opSLT: opSGT, opSGT: opSLT}[o]
			}
		}
		if isOp(i, opJUMP) || isOp(i, opSTOP) || isOp(i, opRETURN) || isOp(i, opREVERT) || isOp(i, opINVALID) || isOp(i, opSELFDESTRUCT) {
			// unreachable code up to the next label
			for j := i + 1; j < len(items) && items[j].kind != kLabel && items[j].kind != kVerbatim; j++ {
				drop[j] = true
			}
		}
		if items[i].kind == kPushLabel && isOp(i+1, opJUMP) && i+2 < len(items) && items[i+2].kind == kLabel && items[i+2].label == items[i].label {
			// a jump to the next instruction
			drop[i], drop[i+1] = true, true
			i++
			continue
		}
		if isOp(i, opISZERO) && isOp(i+1, opISZERO) && i+3 < len(items) && items[i+2].kind == kPushLabel && isOp(i+3, opJUMPI) {
			drop[i], drop[i+1] = true, true
			i++
		}
	}
	used := map[int]bool{}
	for _, it := range items {
		if it.kind == kPushLabel {
			used[it.label] = true
		}
	}
	out := items[:0]
	for i, it := range items {
		if drop[i] || it.kind == kLabel && !used[it.label] {
			continue
		}
		out = append(out, it)
	}
	return out
}
