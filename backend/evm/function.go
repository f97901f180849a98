package evm

import (
	"fmt"
	"sort"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	sir "github.com/soll-dev/soll/ir"
)

// fn holds the analysis of one IR function for stack code generation.
//
// The model (DESIGN.md §4, "out-of-SSA then stack scheduling"): every value
// that lives across instructions in a non-trivial way gets a *slot*; slots
// are fixed stack positions for the whole function (the function's frame,
// bottom to top: its parameters, last first, then the return address, then
// the other slots), or words in the memoryguard-reserved area when the frame
// would otherwise be deeper than DUP16/SWAP16 reach. Slots are shared by
// values that do not interfere (graph colouring on SSA liveness). A value
// used exactly once, later in its own block, in stack order, is a *temp*: it
// stays on the operand stack from its definition to its use, which is how
// Yul's nested expressions (evaluated right to left) compile to plain stack
// code.
type fn struct {
	g      *objGen
	f      *ir.Func
	isMain bool
	blocks []*ir.Block
	index  map[*ir.Block]int

	ids  map[value.Value]int
	vals []value.Value
	uses []int
	temp []bool
	// slot[id]: the value lives in a slot (color[id] says which).
	slot  []bool
	color []int
	// retID is the pseudo-value of the return address (-1 in main).
	retID   int
	nParams int
	nColors int

	// extracts[call][i]: the extractvalue instructions taking result i.
	extracts map[*ir.InstCall][][]*ir.InstExtractValue
	// noCode marks instructions that produce nothing (phi, extract/insert).
	phisOf map[*ir.Block][]*ir.InstPhi
	// condTransparent marks `icmp ne x, 0` whose only use is a conditional
	// branch: JUMPI tests non-zero itself, so no code is needed.
	condTransparent map[*ir.InstICmp]bool

	// prePush[inst]: operands of later instructions to push right before
	// inst; present[inst][k]: operand k of inst was pushed early.
	prePush map[ir.Instruction][]value.Value
	// prePushFor[inst][i]: the instruction prePush[inst][i] is for.
	prePushFor map[ir.Instruction][]ir.Instruction
	present    map[ir.Instruction][]bool
	noPrePush  bool
	// noLazy: create every slot at function entry (see emitter.lazy).
	noLazy bool
	// noSwapIn: no updates in place (see emitter.swapIn).
	noSwapIn bool

	// dies[inst]: slot values whose last use is inst (not live after it).
	dies map[ir.Instruction][]int
	// noAdopt[inst]: do not consume a dying slot operand of inst in place
	// (set when doing so left the frame in a state the emitter cannot
	// handle; see emitter.adopt).
	noAdopt map[ir.Instruction]bool

	spilled  []bool // per color
	spillIdx []int  // per color: index in the object's spill area
	useCnt   []int  // per color: static number of accesses
}

func (g *objGen) analyse(f *ir.Func, isMain bool) (*fn, error) {
	x := &fn{g: g, f: f, isMain: isMain, ids: map[value.Value]int{}, retID: -1,
		extracts: map[*ir.InstCall][][]*ir.InstExtractValue{}, phisOf: map[*ir.Block][]*ir.InstPhi{},
		condTransparent: map[*ir.InstICmp]bool{}, index: map[*ir.Block]int{}}
	if len(f.Blocks) == 0 {
		return nil, fmt.Errorf("function %s has no body", f.Name())
	}
	if err := sir.Legalize(f); err != nil {
		return nil, err
	}
	x.blocks = reachable(f)
	for i, b := range x.blocks {
		x.index[b] = i
	}
	add := func(v value.Value) int {
		id := len(x.vals)
		x.ids[v] = id
		x.vals = append(x.vals, v)
		return id
	}
	for _, p := range f.Params {
		if !p.Type().Equal(sir.Word) {
			return nil, fmt.Errorf("function %s: parameter %s is not i256", f.Name(), p.Ident())
		}
		add(p)
	}
	x.nParams = len(f.Params)
	if !isMain {
		x.retID = add(nil)
	}
	for _, b := range x.blocks {
		for _, inst := range b.Insts {
			switch inst := inst.(type) {
			case *ir.InstAlloca, *ir.InstLoad, *ir.InstStore:
				return nil, fmt.Errorf("function %s: %s left in the IR (mem2reg must run before code generation)", f.Name(), inst.LLString())
			case *ir.InstPhi:
				x.phisOf[b] = append(x.phisOf[b], inst)
			case *ir.InstExtractValue:
				call, ok := inst.X.(*ir.InstCall)
				if !ok || len(inst.Indices) != 1 {
					return nil, fmt.Errorf("function %s: extractvalue of something other than a call result is not supported", f.Name())
				}
				idx := int(inst.Indices[0])
				for len(x.extracts[call]) <= idx {
					x.extracts[call] = append(x.extracts[call], nil)
				}
				x.extracts[call][idx] = append(x.extracts[call][idx], inst)
			}
			if v, ok := inst.(value.Value); ok && isData(v) {
				add(v)
			}
		}
	}
	x.uses = make([]int, len(x.vals))
	useBlock := make([]*ir.Block, len(x.vals))
	badUse := make([]bool, len(x.vals)) // used by a phi, ret, switch or in another block
	note := func(v value.Value, b *ir.Block, strict bool) {
		id, ok := x.ids[v]
		if !ok {
			return
		}
		x.uses[id]++
		if useBlock[id] != nil && useBlock[id] != b {
			badUse[id] = true
		}
		useBlock[id] = b
		if strict {
			badUse[id] = true
		}
	}
	for _, b := range x.blocks {
		for _, inst := range b.Insts {
			_, isPhi := inst.(*ir.InstPhi)
			_, isIns := inst.(*ir.InstInsertValue)
			for _, v := range operands(inst.(value.User)) {
				note(v, b, isPhi || isIns)
			}
		}
		strict := true
		switch b.Term.(type) {
		case *ir.TermCondBr:
			strict = false
		}
		for _, v := range operands(b.Term.(value.User)) {
			note(v, b, strict)
		}
	}
	// Defining block of each instruction value.
	defBlock := make([]*ir.Block, len(x.vals))
	for _, b := range x.blocks {
		for _, inst := range b.Insts {
			if id, ok := x.ids[inst.(value.Value)]; ok {
				defBlock[id] = b
			}
		}
	}
	x.temp = make([]bool, len(x.vals))
	for id, v := range x.vals {
		switch v.(type) {
		case *ir.InstPhi, *ir.InstExtractValue, *ir.InstInsertValue, *ir.Param, nil:
			continue
		case *ir.InstCall:
			if _, isStruct := v.Type().(*types.StructType); isStruct {
				continue
			}
		}
		if x.uses[id] == 1 && !badUse[id] && useBlock[id] == defBlock[id] {
			x.temp[id] = true
		}
	}
	for _, b := range x.blocks {
		if cb, ok := b.Term.(*ir.TermCondBr); ok {
			if ic, ok := cb.Cond.(*ir.InstICmp); ok && ic.Pred == enum.IPredNE && isZero(ic.Y) {
				if id := x.ids[ic]; x.temp[id] {
					x.condTransparent[ic] = true
				}
			}
		}
	}
	x.fixTemps()
	x.planPrePush()
	x.slot = make([]bool, len(x.vals))
	for id, v := range x.vals {
		switch v.(type) {
		case *ir.Param, nil:
			x.slot[id] = true
			continue
		case *ir.InstInsertValue:
			continue
		case *ir.InstCall:
			if _, isStruct := v.Type().(*types.StructType); isStruct {
				continue
			}
		}
		x.slot[id] = !x.temp[id] && x.uses[id] > 0
	}
	x.colour()
	return x, nil
}

func isZero(v value.Value) bool {
	c, ok := v.(*constant.Int)
	return ok && c.X.Sign() == 0
}

// evmOperands lists an instruction's stack operands in EVM order: the first
// one is on top of the stack when the opcode runs.
func (x *fn) evmOperands(inst ir.Instruction) []value.Value {
	switch inst := inst.(type) {
	case *ir.InstAdd:
		return []value.Value{inst.X, inst.Y}
	case *ir.InstSub:
		return []value.Value{inst.X, inst.Y}
	case *ir.InstMul:
		return []value.Value{inst.X, inst.Y}
	case *ir.InstAnd:
		return []value.Value{inst.X, inst.Y}
	case *ir.InstOr:
		return []value.Value{inst.X, inst.Y}
	case *ir.InstXor:
		if isAllOnes(inst.Y) {
			return []value.Value{inst.X}
		}
		return []value.Value{inst.X, inst.Y}
	case *ir.InstShl:
		return []value.Value{inst.Y, inst.X}
	case *ir.InstLShr:
		return []value.Value{inst.Y, inst.X}
	case *ir.InstAShr:
		return []value.Value{inst.Y, inst.X}
	case *ir.InstICmp:
		if (inst.Pred == enum.IPredEQ || inst.Pred == enum.IPredNE) && isZero(inst.Y) {
			return []value.Value{inst.X}
		}
		return []value.Value{inst.X, inst.Y}
	case *ir.InstZExt:
		return []value.Value{inst.From}
	case *ir.InstTrunc:
		return []value.Value{inst.From}
	case *ir.InstSelect:
		return []value.Value{inst.Cond, inst.ValueTrue, inst.ValueFalse}
	case *ir.InstCall:
		var out []value.Value
		for _, a := range inst.Args {
			if isData(a) {
				out = append(out, a)
			}
		}
		return out
	}
	return nil
}

func isAllOnes(v value.Value) bool {
	c, ok := v.(*constant.Int)
	if !ok {
		return false
	}
	if c.X.Sign() < 0 {
		return c.X.BitLen() <= 1 // -1
	}
	return c.X.BitLen() == 256 && c.X.TrailingZeroBits() == 0 && c.X.Cmp(maxWord) == 0
}

// fixTemps checks that temps are consumed in stack order in every block and
// demotes (to slots) the temps that are not, until the order holds.
func (x *fn) fixTemps() {
	for _, b := range x.blocks {
		for {
			bad := x.checkTemps(b)
			if bad < 0 {
				break
			}
			x.temp[bad] = false
		}
	}
}

// checkTemps simulates the temp stack of block b; it returns the id of a
// temp to demote, or -1 when the block is consistent.
func (x *fn) checkTemps(b *ir.Block) int {
	var stack []int
	consume := func(ops []value.Value) int {
		var want []int
		for _, v := range ops {
			if id, ok := x.ids[v]; ok && x.temp[id] {
				want = append(want, id)
			}
		}
		q := len(want)
		if q > len(stack) {
			return want[0]
		}
		top := stack[len(stack)-q:]
		for _, id := range want {
			found := false
			for _, t := range top {
				if t == id {
					found = true
					break
				}
			}
			if !found {
				return id
			}
		}
		if q > 16 {
			return want[0]
		}
		stack = stack[:len(stack)-q]
		return -1
	}
	for _, inst := range b.Insts {
		switch inst.(type) {
		case *ir.InstPhi, *ir.InstExtractValue, *ir.InstInsertValue:
			continue
		}
		if bad := consume(x.evmOperands(inst)); bad >= 0 {
			return bad
		}
		if id, ok := x.ids[inst.(value.Value)]; ok && x.temp[id] {
			stack = append(stack, id)
		}
	}
	if cb, ok := b.Term.(*ir.TermCondBr); ok {
		if bad := consume([]value.Value{cb.Cond}); bad >= 0 {
			return bad
		}
	}
	if len(stack) > 0 {
		return stack[0]
	}
	return -1
}

// colour assigns slots by liveness and interference.
func (x *fn) colour() {
	n := len(x.vals)
	live := make(map[*ir.Block]bitset, len(x.blocks))
	liveOut := make(map[*ir.Block]bitset, len(x.blocks))
	for _, b := range x.blocks {
		live[b] = newBitset(n)
		liveOut[b] = newBitset(n)
	}
	slotUse := func(v value.Value, s bitset) {
		if id, ok := x.ids[v]; ok && x.slot[id] {
			s.set(id)
		}
	}
	// uses of a terminator, including the leaves of insertvalue chains.
	var termUses func(v value.Value, s bitset)
	termUses = func(v value.Value, s bitset) {
		if iv, ok := v.(*ir.InstInsertValue); ok {
			termUses(iv.X, s)
			termUses(iv.Elem, s)
			return
		}
		slotUse(v, s)
	}
	// transfer computes live-in from live-out, calling interfere for each
	// definition if non-nil.
	// onInst, if set, sees each instruction with the set live right after
	// it.
	var onInst func(inst ir.Instruction, live bitset)
	transfer := func(b *ir.Block, out bitset, interfere func(def int, live bitset)) bitset {
		cur := newBitset(n)
		cur.copyFrom(out)
		for _, v := range operands(b.Term.(value.User)) {
			termUses(v, cur)
		}
		if ret, ok := b.Term.(*ir.TermRet); ok && !x.isMain && ret != nil {
			cur.set(x.retID)
		}
		for i := len(b.Insts) - 1; i >= 0; i-- {
			inst := b.Insts[i]
			var defs []int
			switch inst := inst.(type) {
			case *ir.InstPhi:
				continue
			case *ir.InstExtractValue, *ir.InstInsertValue:
				continue
			case *ir.InstCall:
				for _, group := range x.extracts[inst] {
					for _, e := range group {
						if id := x.ids[e]; x.slot[id] {
							defs = append(defs, id)
						}
					}
				}
			}
			if id, ok := x.ids[inst.(value.Value)]; ok && x.slot[id] {
				defs = append(defs, id)
			}
			if onInst != nil {
				onInst(inst, cur)
			}
			for _, d := range defs {
				if interfere != nil {
					interfere(d, cur)
				}
			}
			for _, d := range defs {
				cur.clear(d)
			}
			for _, v := range operands(inst.(value.User)) {
				slotUse(v, cur)
			}
		}
		var defs []int
		for _, p := range x.phisOf[b] {
			if id := x.ids[p]; x.slot[id] {
				defs = append(defs, id)
			}
		}
		if b == x.blocks[0] {
			for id := 0; id < x.nParams; id++ {
				defs = append(defs, id)
			}
			if x.retID >= 0 {
				defs = append(defs, x.retID)
			}
		}
		for _, d := range defs {
			cur.set(d) // defined together: they interfere with each other
		}
		for _, d := range defs {
			if interfere != nil {
				interfere(d, cur)
			}
		}
		for _, d := range defs {
			cur.clear(d)
		}
		return cur
	}
	computeOut := func(b *ir.Block) bitset {
		out := newBitset(n)
		for _, s := range b.Term.Succs() {
			if _, ok := live[s]; !ok {
				continue
			}
			for w := range out {
				out[w] |= live[s][w]
			}
			for _, p := range x.phisOf[s] {
				for _, inc := range p.Incs {
					if inc.Pred == b {
						slotUse(inc.X, out)
					}
				}
			}
		}
		return out
	}
	for changed := true; changed; {
		changed = false
		for i := len(x.blocks) - 1; i >= 0; i-- {
			b := x.blocks[i]
			out := computeOut(b)
			in := transfer(b, out, nil)
			if !in.equal(live[b]) || !out.equal(liveOut[b]) {
				live[b] = in
				liveOut[b] = out
				changed = true
			}
		}
	}
	adj := make([]bitset, n)
	for i := range adj {
		if x.slot[i] {
			adj[i] = newBitset(n)
		}
	}
	x.dies = map[ir.Instruction][]int{}
	x.noAdopt = map[ir.Instruction]bool{}
	onInst = func(inst ir.Instruction, l bitset) {
		for _, v := range operands(inst.(value.User)) {
			if id, ok := x.ids[v]; ok && x.slot[id] && !l.has(id) {
				x.dies[inst] = append(x.dies[inst], id)
			}
		}
	}
	for _, b := range x.blocks {
		transfer(b, liveOut[b], func(d int, l bitset) {
			l.each(func(o int) {
				if o != d && x.slot[o] {
					adj[d].set(o)
					adj[o].set(d)
				}
			})
		})
	}
	// Colour: parameters and the return address are precoloured by their
	// position in the frame; the rest greedily in definition order,
	// preferring the colour of a phi they feed or are fed by.
	x.color = make([]int, n)
	for i := range x.color {
		x.color[i] = -1
	}
	for i := 0; i < x.nParams; i++ {
		x.color[i] = x.nParams - 1 - i
	}
	if x.retID >= 0 {
		x.color[x.retID] = x.nParams
	}
	x.nColors = x.nParams
	if x.retID >= 0 {
		x.nColors++
	}
	prefer := map[int][]int{}
	// In block order: map order would make the colouring, and so the
	// bytecode, differ from run to run.
	for _, b := range x.blocks {
		for _, p := range x.phisOf[b] {
			pid := x.ids[p]
			for _, inc := range p.Incs {
				if id, ok := x.ids[inc.X]; ok && x.slot[id] {
					prefer[pid] = append(prefer[pid], id)
					prefer[id] = append(prefer[id], pid)
				}
			}
		}
	}
	used := make([]bool, 0, 64)
	for id := range x.vals {
		if !x.slot[id] || x.color[id] >= 0 {
			continue
		}
		used = used[:0]
		for len(used) < x.nColors+1 {
			used = append(used, false)
		}
		adj[id].each(func(o int) {
			if c := x.color[o]; c >= 0 {
				used[c] = true
			}
		})
		c := -1
		for _, p := range prefer[id] {
			if pc := x.color[p]; pc >= 0 && !used[pc] {
				c = pc
				break
			}
		}
		if c < 0 {
			for i, u := range used {
				if !u {
					c = i
					break
				}
			}
		}
		x.color[id] = c
		if c >= x.nColors {
			x.nColors = c + 1
		}
	}
	x.spilled = make([]bool, x.nColors)
	x.spillIdx = make([]int, x.nColors)
	x.useCnt = make([]int, x.nColors)
	for id := range x.vals {
		if x.slot[id] {
			x.useCnt[x.color[id]] += x.uses[id] + 1
		}
	}
}

// spillCandidates returns colours that may move to memory, cheapest first.
func (x *fn) spillCandidates() []int {
	var out []int
	frame := x.nParams
	if x.retID >= 0 {
		frame++
	}
	for c := frame; c < x.nColors; c++ {
		if !x.spilled[c] {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return x.useCnt[out[i]] < x.useCnt[out[j]] })
	return out
}

// rankOrder lists the colours bottom to top of the frame: parameters and
// the return address first, then the locals, those whose values die at
// their uses most often nearest the top (an operand on top of the frame
// can be consumed in place, see emitter.adopt).
func (x *fn) rankOrder() []int {
	frame := x.nParams
	if x.retID >= 0 {
		frame++
	}
	score := make([]int, x.nColors)
	for _, ds := range x.dies {
		for _, d := range ds {
			score[x.color[d]]++
		}
	}
	out := make([]int, x.nColors)
	for c := range out {
		out[c] = c
	}
	loc := out[frame:]
	sort.SliceStable(loc, func(i, j int) bool { return score[loc[i]] < score[loc[j]] })
	return out
}
