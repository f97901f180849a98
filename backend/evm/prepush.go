package evm

import (
	"errors"
	"sort"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"
)

// errPrePush is reported by the emitter when a planned early push does not
// end up where its instruction expects it (the block's instructions are not
// in the nested order planPrePush assumes); the function is then generated
// again without early pushes.
var errPrePush = errors.New("early push out of order")

// errLazy is reported when the entry block cannot create its slots lazily
// (a slot is needed while other values sit above the frame); the function
// is then generated again with every slot created at entry.
var errLazy = errors.New("lazy slot creation not possible")

// planPrePush decides which non-temp operands to push early.
//
// An instruction wants its operands on the stack with the first on top.
// Its temps are computed before it, deepest first; a constant or slot
// operand that must sit *below* a temp would otherwise be pushed after the
// temps and moved down with SWAPs. Instead it is pushed right before the
// first instruction of that temp's expression tree, so that everything
// arrives in order (Yul's right-to-left evaluation order, kept by the
// lowering, makes this the order the source wrote).
func (x *fn) planPrePush() {
	x.prePush = map[ir.Instruction][]value.Value{}
	x.present = map[ir.Instruction][]bool{}
	x.prePushFor = map[ir.Instruction][]ir.Instruction{}
	if x.noPrePush {
		return
	}
	for _, b := range x.blocks {
		pos := map[ir.Instruction]int{}
		for i, inst := range b.Insts {
			pos[inst] = i
		}
		// start[id]: the first instruction of temp id's expression tree.
		start := map[int]ir.Instruction{}
		type early struct {
			at    ir.Instruction
			order int // instruction index of the consumer (later goes deeper)
			k     int
			v     value.Value
		}
		var plan []early
		// load[i]: early-pushed items on the stack while instruction i runs;
		// capped so that long left-nested chains do not pile up operands.
		load := make([]int, len(b.Insts)+1)
		const maxLoad = 3
		fits := func(from, to int) bool {
			for i := from; i < to; i++ {
				if load[i] >= maxLoad {
					return false
				}
			}
			return true
		}
		for _, inst := range b.Insts {
			switch inst.(type) {
			case *ir.InstPhi, *ir.InstExtractValue, *ir.InstInsertValue:
				continue
			}
			ops := x.evmOperands(inst)
			first := inst // start of this instruction's own tree
			var present []bool
			deepestTemp := -1
			for k := len(ops) - 1; k >= 0; k-- {
				id, ok := x.ids[ops[k]]
				if ok && x.temp[id] {
					if deepestTemp < 0 {
						if s, ok := start[id]; ok {
							first = s
						}
					}
					if k > deepestTemp {
						deepestTemp = k
					}
					continue
				}
			}
			for k := len(ops) - 1; k >= 0; k-- {
				if id, ok := x.ids[ops[k]]; ok && x.temp[id] {
					continue
				}
				if !isData(ops[k]) {
					continue
				}
				// The nearest temp operand above ops[k] (smaller index).
				above := -1
				for j := k - 1; j >= 0; j-- {
					if id, ok := x.ids[ops[j]]; ok && x.temp[id] {
						above = j
						break
					}
				}
				if above < 0 {
					continue
				}
				s, ok := start[x.ids[ops[above]]]
				if !ok {
					continue
				}
				// The value must exist at s: defined in an earlier block, or
				// earlier in this one.
				if def, ok := ops[k].(ir.Instruction); ok {
					if dp, inBlock := pos[def]; inBlock && dp >= pos[s] {
						continue
					}
				}
				// Calls get all their operands early so that gas() is the
				// last thing computed before the CALL: before tangerine
				// whistle a call asking for more gas than is left fails, and
				// solc's IR asks for gas() minus a small allowance.
				if !gasFirst(inst) && !fits(pos[s], pos[inst]) {
					continue
				}
				for i := pos[s]; i < pos[inst]; i++ {
					load[i]++
				}
				if present == nil {
					present = make([]bool, len(ops))
				}
				present[k] = true
				plan = append(plan, early{at: s, order: pos[inst], k: k, v: ops[k]})
			}
			if present != nil {
				x.present[inst] = present
			}
			if v, ok := inst.(value.Value); ok {
				if id, ok := x.ids[v]; ok && x.temp[id] {
					start[id] = first
				}
			}
		}
		sort.SliceStable(plan, func(i, j int) bool {
			if pos[plan[i].at] != pos[plan[j].at] {
				return pos[plan[i].at] < pos[plan[j].at]
			}
			if plan[i].order != plan[j].order {
				return plan[i].order > plan[j].order
			}
			return plan[i].k > plan[j].k
		})
		for _, p := range plan {
			x.prePush[p.at] = append(x.prePush[p.at], p.v)
			x.prePushFor[p.at] = append(x.prePushFor[p.at], b.Insts[p.order])
		}
	}
}

// gasFirst reports whether inst is a call whose first operand is the gas to
// forward.
func gasFirst(inst ir.Instruction) bool {
	c, ok := inst.(*ir.InstCall)
	if !ok {
		return false
	}
	b, ok := calleeBuiltin(c)
	if !ok {
		return false
	}
	switch b.Name {
	case "call", "callcode", "delegatecall", "staticcall":
		return true
	}
	return false
}
