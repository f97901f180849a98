package evm

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/holiman/uint256"
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	sir "github.com/soll-dev/soll/ir"
)

var maxWord = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// tooDeep is reported by the emitter when a DUP or SWAP would need to
// reach deeper than 16.
type tooDeep struct{ need int }

// emitter generates the assembly of one function for a given spill choice.
type emitter struct {
	x     *fn
	items []item
	// rank[c] is the stack position (0 = bottom of the frame) of colour c,
	// -1 when spilled; S is the number of stack slots.
	rank  []int
	S     int
	stack []value.Value // items above the frame (temps and operands); nil = anonymous
	deep  int           // worst excess depth seen (0 = fine)
	err   error
	// negated is the value whose code ended with the ISZERO at item
	// negatedAt (a branch on its negation drops that ISZERO).
	negated   value.Value
	negatedAt int
	// cur is the instruction being generated (nil for terminators).
	cur ir.Instruction
	// lazy: the entry block is being generated with only the first S
	// stack slots created (the frame and the slots defined so far in rank
	// order); the others are created when first stored to, or before the
	// entry block branches elsewhere. fullS is the frame's real size. In
	// any block, S also drops below fullS when a dying operand on top of
	// the frame is consumed in place (adopt); every block that branches
	// recreates the missing slots (createSlots), so blocks start with the
	// full frame.
	lazy  bool
	fullS int
	// uncreator[r]: the instruction that consumed the top slot r in place
	// (adopt), while r >= S; blame: the adoption to disable when the
	// emitter had to give up (errLazy).
	uncreator []ir.Instruction
	blame     ir.Instruction
	// labels
	blockLabel map[*ir.Block]int
	stubs      []stub
}

type stub struct {
	label    int
	from, to *ir.Block
}

func (e *emitter) op(o byte)                { e.items = append(e.items, item{kind: kOp, op: o}) }
func (e *emitter) pushConst(v *uint256.Int) { e.items = append(e.items, item{kind: kPush, val: v}) }
func (e *emitter) pushLabel(l int)          { e.items = append(e.items, item{kind: kPushLabel, label: l}) }
func (e *emitter) label(l int)              { e.items = append(e.items, item{kind: kLabel, label: l}) }

func (e *emitter) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *emitter) dup(n int) {
	if n > 16 {
		if n-16 > e.deep {
			e.deep = n - 16
		}
		n = 16
	}
	e.op(byte(opDUP1 + n - 1))
}

func (e *emitter) swap(n int) {
	if n < 1 {
		return
	}
	if n > 16 {
		if n-16 > e.deep {
			e.deep = n - 16
		}
		n = 16
	}
	e.op(byte(opSWAP1 + n - 1))
}

func (e *emitter) h() int { return len(e.stack) }

func (e *emitter) spillAddr(c int) *uint256.Int {
	a := new(uint256.Int).Set(e.x.g.guardBase)
	return a.AddUint64(a, uint64(32*e.x.spillIdx[c]))
}

func constWord(c *constant.Int) *uint256.Int {
	x := new(big.Int).Set(c.X)
	if x.Sign() < 0 {
		x.And(x, maxWord)
	}
	v, _ := uint256.FromBig(x)
	return v
}

// push puts a copy of v on top of the stack.
func (e *emitter) push(v value.Value) {
	switch v := v.(type) {
	case *constant.Int:
		e.pushConst(constWord(v))
		e.stack = append(e.stack, v)
		return
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		e.pushConst(new(uint256.Int))
		e.stack = append(e.stack, v)
		return
	}
	id, ok := e.x.ids[v]
	if !ok || !e.x.slot[id] {
		e.fail(fmt.Errorf("function %s: value %v is not available in a slot", e.x.f.Name(), v))
		e.stack = append(e.stack, v)
		return
	}
	c := e.x.color[id]
	if r := e.rank[c]; r >= e.S {
		// The slot was consumed in place, its value still sits on the
		// stack above the frame (adopted early, see arrange).
		if j := e.find(v); j >= 0 {
			e.dup(e.h() - j)
		} else {
			e.failLazy()
		}
	} else if r >= 0 {
		e.dup(e.S - r + e.h())
	} else {
		e.pushConst(e.spillAddr(c))
		e.op(opMLOAD)
	}
	e.stack = append(e.stack, v)
}

// pushRet pushes a copy of the return address.
func (e *emitter) pushRet() {
	c := e.x.color[e.x.retID]
	e.dup(e.S - e.rank[c] + e.h())
	e.stack = append(e.stack, nil)
}

// store pops the top of the stack into the slot of value id.
func (e *emitter) store(id int) {
	c := e.x.color[id]
	if r := e.rank[c]; r >= e.S {
		// Not created yet: the value becomes the slot, on top of zeros
		// standing for the uncreated slots below it.
		k := r - e.S
		if e.h() != 1 || k > 16 {
			e.failLazy()
		}
		for i := 0; i < k; i++ {
			e.pushConst(new(uint256.Int))
		}
		e.swap(k)
		e.S = r + 1
	} else if r >= 0 {
		e.swap(e.S - r + e.h() - 1)
		e.op(opPOP)
	} else {
		e.pushConst(e.spillAddr(c))
		e.op(opMSTORE)
	}
	e.stack = e.stack[:len(e.stack)-1]
}

// find returns the index in e.stack of the topmost copy of v, or -1.
func (e *emitter) find(v value.Value) int {
	for j := len(e.stack) - 1; j >= 0; j-- {
		if e.stack[j] == v {
			return j
		}
	}
	return -1
}

// failLazy gives up on the current slot layout: the most recent adoption
// whose slot is still uncreated is blamed (the function is regenerated
// without it), else lazy creation in the entry block as a whole.
func (e *emitter) failLazy() {
	for r := len(e.uncreator) - 1; r >= e.S; r-- {
		if e.uncreator[r] != nil {
			if e.blame == nil {
				e.blame = e.uncreator[r]
			}
			break
		}
	}
	e.fail(errLazy)
}

// adopt consumes the top slot of the frame in place when it holds v, v dies
// at the current instruction, and nothing but v's fellow operands sits above
// the frame: the slot's item becomes the bottom stack item (instead of
// being copied by a DUP and later overwritten by SWAP POP). The slot is
// uncreated until something is stored into it or the block ends.
func (e *emitter) adopt(v value.Value, at ir.Instruction) bool {
	x := e.x
	id, ok := x.ids[v]
	if !ok || !x.slot[id] || e.S == 0 || x.noAdopt[at] {
		return false
	}
	r := e.rank[x.color[id]]
	if r != e.S-1 {
		return false
	}
	dying := false
	for _, d := range x.dies[at] {
		if d == id {
			dying = true
		}
	}
	if !dying {
		return false
	}
	e.stack = append(e.stack, nil)
	copy(e.stack[1:], e.stack)
	e.stack[0] = v
	e.S--
	for len(e.uncreator) <= r {
		e.uncreator = append(e.uncreator, nil)
	}
	e.uncreator[r] = at
	return true
}

func (e *emitter) pop() {
	e.op(opPOP)
	e.stack = e.stack[:len(e.stack)-1]
}

// arrange makes the top len(ops) stack items equal ops, ops[0] on top.
// Temps among ops are already on the stack (fixTemps guarantees they are
// the topmost temps); the other operands are pushed.
func (e *emitter) arrange(ops []value.Value) {
	var early []bool
	if e.cur != nil {
		early = e.x.present[e.cur]
	}
	pushed := func(i int) bool {
		if id, ok := e.x.ids[ops[i]]; ok && e.x.temp[id] {
			return false
		}
		return early == nil || !early[i]
	}
	adopted := map[int]bool{}
	if e.cur != nil {
		n := 0
		for i := range ops {
			if pushed(i) {
				n++
			}
		}
		for more := e.h()+n == len(ops); more; {
			more = false
			for i := len(ops) - 1; i >= 0; i-- {
				if adopted[i] || !pushed(i) || count(ops, ops[i]) != 1 {
					continue
				}
				if e.adopt(ops[i], e.cur) {
					adopted[i] = true
					more = true
					break
				}
			}
		}
	}
	for i := len(ops) - 1; i >= 0; i-- {
		if adopted[i] || !pushed(i) {
			continue
		}
		e.push(ops[i])
	}
	p := len(ops)
	if p > e.h() {
		e.fail(fmt.Errorf("function %s: internal error: stack underflow arranging operands", e.x.f.Name()))
		return
	}
	cur := e.stack[len(e.stack)-p:]
	want := make([]value.Value, p)
	for j := range want {
		want[j] = ops[p-1-j]
	}
	// Selection by swaps: fix positions from the deepest up; the top falls
	// into place.
	for j := 0; j < p-1; j++ {
		if cur[j] == want[j] {
			continue
		}
		k := -1
		for i := j + 1; i < p; i++ {
			if cur[i] == want[j] && cur[i] != want[i] {
				k = i
				break
			}
		}
		if k < 0 {
			for i := j + 1; i < p; i++ {
				if cur[i] == want[j] {
					k = i
					break
				}
			}
		}
		if k < 0 {
			e.fail(errPrePush)
			return
		}
		if k != p-1 {
			e.swap(p - 1 - k)
			cur[k], cur[p-1] = cur[p-1], cur[k]
		}
		e.swap(p - 1 - j)
		cur[j], cur[p-1] = cur[p-1], cur[j]
	}
}

// consume replaces the top n stack items by m anonymous results.
func (e *emitter) consume(n, m int) {
	e.stack = e.stack[:len(e.stack)-n]
	for i := 0; i < m; i++ {
		e.stack = append(e.stack, nil)
	}
}

// produce deals with the value an instruction left on top of the stack.
func (e *emitter) produce(v value.Value) {
	id, ok := e.x.ids[v]
	if !ok {
		e.pop()
		return
	}
	e.stack[len(e.stack)-1] = v
	switch {
	case e.x.temp[id]:
	case e.x.slot[id]:
		e.store(id)
	default:
		e.pop()
	}
}

func (e *emitter) function(isMain bool, entryLabel int) {
	x := e.x
	if !isMain {
		e.label(entryLabel)
	}
	frame := x.nParams
	if x.retID >= 0 {
		frame++
	}
	e.fullS = e.S
	if x.noLazy {
		for c := frame; c < x.nColors; c++ {
			if e.rank[c] >= 0 {
				e.pushConst(new(uint256.Int))
			}
		}
	} else {
		e.lazy = true
		e.S = frame // params and return address are never spilled
	}
	for i, b := range x.blocks {
		if i > 0 {
			e.label(e.blockLabel[b])
		}
		e.block(b, i)
		e.lazy = false
		// Every block that branches creates its missing slots first.
		e.S = e.fullS
		e.uncreator = e.uncreator[:0]
		if e.err != nil {
			return
		}
	}
	for i := 0; i < len(e.stubs); i++ {
		s := e.stubs[i]
		e.label(s.label)
		e.copies(s.from, s.to)
		e.pushLabel(e.blockLabel[s.to])
		e.op(opJUMP)
	}
}

func (e *emitter) next(i int) *ir.Block {
	if i+1 < len(e.x.blocks) {
		return e.x.blocks[i+1]
	}
	return nil
}

func (e *emitter) block(b *ir.Block, i int) {
	x := e.x
	e.stack = e.stack[:0]
	for _, inst := range b.Insts {
		for j, v := range x.prePush[inst] {
			if j == 0 && e.h() == 0 && e.adopt(v, x.prePushFor[inst][j]) {
				continue
			}
			e.push(v)
		}
		e.cur = inst
		r, c, top := e.swapIn(inst)
		e.inst(inst)
		if r >= 0 {
			e.swapOut(r, c, top)
		}
		e.cur = nil
		if e.err != nil {
			return
		}
	}
	if e.S < e.fullS {
		switch b.Term.(type) {
		case *ir.TermBr, *ir.TermCondBr, *ir.TermSwitch:
			e.createSlots()
		}
	}
	switch t := b.Term.(type) {
	case *ir.TermRet:
		if x.isMain {
			e.op(opSTOP)
			return
		}
		var rets []value.Value
		if t.X != nil {
			if _, ok := t.X.Type().(*types.StructType); ok {
				n := len(t.X.Type().(*types.StructType).Fields)
				rets = make([]value.Value, n)
				v := t.X
				for {
					iv, ok := v.(*ir.InstInsertValue)
					if !ok {
						break
					}
					if rets[iv.Indices[0]] == nil {
						rets[iv.Indices[0]] = iv.Elem
					}
					v = iv.X
				}
				for j := range rets {
					if rets[j] == nil {
						rets[j] = constant.NewInt(sir.Word, 0)
					}
				}
			} else {
				rets = []value.Value{t.X}
			}
		}
		e.ret(rets)
	case *ir.TermBr:
		e.copies(b, blk(t.Target))
		if blk(t.Target) != e.next(i) {
			e.pushLabel(e.blockLabel[blk(t.Target)])
			e.op(opJUMP)
		}
	case *ir.TermCondBr:
		if blk(t.TargetTrue) == blk(t.TargetFalse) {
			e.arrange([]value.Value{t.Cond})
			e.pop()
			e.copies(b, blk(t.TargetFalse))
			e.pushLabel(e.blockLabel[blk(t.TargetFalse)])
			e.op(opJUMP)
			return
		}
		tt, ft := blk(t.TargetTrue), blk(t.TargetFalse)
		e.arrange([]value.Value{t.Cond})
		if tt == e.next(i) && ft != e.next(i) {
			// Fall through into the true branch: jump on the negation,
			// cancelling an ISZERO that computed the condition.
			if e.negated == t.Cond && e.negatedAt == len(e.items)-1 {
				e.items = e.items[:len(e.items)-1]
			} else {
				e.op(opISZERO)
			}
			tt, ft = ft, tt
		}
		e.pushLabel(e.target(b, tt))
		e.op(opJUMPI)
		e.consume(1, 0)
		e.copies(b, ft)
		if ft != e.next(i) {
			e.pushLabel(e.blockLabel[ft])
			e.op(opJUMP)
		}
	case *ir.TermSwitch:
		for _, c := range t.Cases {
			ci, ok := c.X.(*constant.Int)
			if !ok {
				e.fail(fmt.Errorf("function %s: switch case is not an integer constant", x.f.Name()))
				return
			}
			e.push(t.X)
			e.pushConst(constWord(ci))
			e.op(opEQ)
			e.pushLabel(e.target(b, blk(c.Target)))
			e.op(opJUMPI)
			e.consume(1, 0)
		}
		e.copies(b, blk(t.TargetDefault))
		if blk(t.TargetDefault) != e.next(i) || len(x.phisOf[blk(t.TargetDefault)]) > 0 {
			e.pushLabel(e.blockLabel[blk(t.TargetDefault)])
			e.op(opJUMP)
		}
	case *ir.TermUnreachable:
		if n := len(b.Insts); n > 0 {
			if c, ok := b.Insts[n-1].(*ir.InstCall); ok {
				if bi, ok := calleeBuiltin(c); ok && bi.Terminates() {
					return
				}
			}
		}
		e.op(opINVALID)
	default:
		e.fail(fmt.Errorf("function %s: unsupported terminator %s", x.f.Name(), b.Term.LLString()))
	}
}

// createSlots creates the stack slots the entry block has not created, under
// the condition of a branch if it is on the stack.
func (e *emitter) createSlots() {
	n := e.fullS - e.S
	if n == 0 {
		return
	}
	if e.h() > 1 || n > 16 && e.h() > 0 {
		e.failLazy()
		return
	}
	for i := 0; i < n; i++ {
		e.pushConst(new(uint256.Int))
	}
	if e.h() == 1 {
		e.swap(n)
	}
	e.S = e.fullS
}

// target returns the label to jump to for the edge from → to: the block
// itself, or a stub that first performs the phi copies of the edge.
func (e *emitter) target(from, to *ir.Block) int {
	if len(e.x.phisOf[to]) == 0 {
		return e.blockLabel[to]
	}
	l := e.x.g.newLabel()
	e.stubs = append(e.stubs, stub{label: l, from: from, to: to})
	return l
}

// copies performs the parallel copy of the phis of `to` for the edge from
// `from`: all sources are read before any phi slot is written.
func (e *emitter) copies(from, to *ir.Block) {
	x := e.x
	var dst []int
	for _, p := range x.phisOf[to] {
		pid := x.ids[p]
		if !x.slot[pid] {
			continue
		}
		var src value.Value
		for _, inc := range p.Incs {
			if inc.Pred == from {
				src = inc.X
				break
			}
		}
		if src == nil {
			e.fail(fmt.Errorf("function %s: phi without incoming value for a predecessor", x.f.Name()))
			return
		}
		if sid, ok := x.ids[src]; ok && x.slot[sid] && x.color[sid] == x.color[pid] {
			continue
		}
		e.push(src)
		dst = append(dst, pid)
	}
	for i := len(dst) - 1; i >= 0; i-- {
		e.store(dst[i])
	}
}

// ret returns from a non-main function: the frame (S stack slots) is
// replaced by the results, the first result on top, and control jumps to
// the return address.
//
// The block [r_m … r_1, ret] is pushed rotated, then each frame slot below
// it is removed with SWAP_t POP, which rotates the block right by one; the
// pre-rotation makes it come out in order.
func (e *emitter) ret(rets []value.Value) {
	m := len(rets)
	t := m + 1
	// Slots on top of the frame that hold neither a result nor the return
	// address are popped first.
	x := e.x
	needed := map[int]bool{x.color[x.retID]: true}
	for _, v := range rets {
		if id, ok := x.ids[v]; ok && x.slot[id] {
			needed[x.color[id]] = true
		}
	}
	colorAt := make([]int, e.S)
	for c, r := range e.rank {
		if r >= 0 && r < e.S {
			colorAt[r] = c
		}
	}
	for e.h() == 0 && e.S > 0 && !needed[colorAt[e.S-1]] {
		e.op(opPOP)
		e.S--
	}
	if m == 0 && e.h() == 0 && e.S > 0 && colorAt[e.S-1] == x.color[x.retID] {
		// Void function, return address on top: drop the slots below it.
		for i := 1; i < e.S; i++ {
			e.op(opSWAP1)
			e.op(opPOP)
		}
		e.op(opJUMP)
		e.stack = e.stack[:0]
		return
	}
	want := make([]value.Value, t) // nil marks the return address
	for j := 0; j < m; j++ {
		want[j] = rets[m-1-j]
	}
	// Frame slots on top that already hold the items the rotated block
	// would push there (slot rank ρ holding want[ρ mod t]) are taken as
	// the block's bottom items instead of being copied.
	holds := func(r int, v value.Value) bool {
		c := colorAt[r]
		if v == nil {
			return c == x.color[x.retID]
		}
		id, ok := x.ids[v]
		return ok && x.slot[id] && x.color[id] == c
	}
	a := 0
	for a < t && a < e.S && e.h() == 0 && e.S-1-a >= 0 && holds(e.S-1-a, want[(e.S-1-a)%t]) {
		a++
	}
	k := e.S - a
	for i := 0; i < a; i++ {
		e.stack = append(e.stack, want[(i+k)%t])
	}
	e.S = k
	for i := a; i < t; i++ {
		v := want[(i+k)%t]
		if v == nil {
			e.pushRet()
		} else {
			e.push(v)
		}
	}
	for i := 0; i < k; i++ {
		e.swap(t)
		e.op(opPOP)
	}
	e.op(opJUMP)
	e.stack = e.stack[:0]
}

func blk(v value.Value) *ir.Block { return v.(*ir.Block) }

func calleeBuiltin(c *ir.InstCall) (*sir.Builtin, bool) {
	f, ok := c.Callee.(*ir.Func)
	if !ok {
		return nil, false
	}
	return sir.LookupIntrinsic(f.Name())
}

func (e *emitter) inst(inst ir.Instruction) {
	x := e.x
	switch inst := inst.(type) {
	case *ir.InstPhi, *ir.InstExtractValue, *ir.InstInsertValue:
		return
	case *ir.InstAdd, *ir.InstSub, *ir.InstMul, *ir.InstAnd, *ir.InstOr, *ir.InstXor,
		*ir.InstShl, *ir.InstLShr, *ir.InstAShr:
		ops := x.evmOperands(inst)
		e.arrange(ops)
		var o byte
		switch inst.(type) {
		case *ir.InstAdd:
			o = opADD
		case *ir.InstSub:
			o = opSUB
		case *ir.InstMul:
			o = opMUL
		case *ir.InstAnd:
			o = opAND
		case *ir.InstOr:
			o = opOR
		case *ir.InstXor:
			o = opXOR
			if len(ops) == 1 {
				o = opNOT
			}
		case *ir.InstShl:
			o = 0x1b
		case *ir.InstLShr:
			o = 0x1c
		case *ir.InstAShr:
			o = 0x1d
		}
		if !inst.(value.Value).Type().Equal(sir.Word) {
			e.fail(fmt.Errorf("function %s: arithmetic on %s is not supported", x.f.Name(), inst.(value.Value).Type()))
			return
		}
		e.op(o)
		e.consume(len(ops), 1)
		e.produce(inst.(value.Value))
	case *ir.InstICmp:
		ops := x.evmOperands(inst)
		e.arrange(ops)
		if len(ops) == 1 {
			if inst.Pred == enum.IPredEQ {
				e.op(opISZERO)
			} else if !x.condTransparent[inst] {
				e.op(opISZERO)
				e.op(opISZERO)
			}
		} else {
			var seq []byte
			switch inst.Pred {
			case enum.IPredEQ:
				seq = []byte{opEQ}
			case enum.IPredNE:
				seq = []byte{opEQ, opISZERO}
			case enum.IPredULT:
				seq = []byte{opLT}
			case enum.IPredUGT:
				seq = []byte{opGT}
			case enum.IPredSLT:
				seq = []byte{opSLT}
			case enum.IPredSGT:
				seq = []byte{opSGT}
			case enum.IPredULE:
				seq = []byte{opGT, opISZERO}
			case enum.IPredUGE:
				seq = []byte{opLT, opISZERO}
			case enum.IPredSLE:
				seq = []byte{opSGT, opISZERO}
			case enum.IPredSGE:
				seq = []byte{opSLT, opISZERO}
			}
			for _, o := range seq {
				e.op(o)
			}
		}
		if n := len(e.items); n > 0 && e.items[n-1].kind == kOp && e.items[n-1].op == opISZERO {
			e.negated, e.negatedAt = inst, n-1
		}
		e.consume(len(ops), 1)
		e.produce(inst)
	case *ir.InstZExt:
		e.arrange(x.evmOperands(inst))
		e.consume(1, 1)
		e.produce(inst)
	case *ir.InstTrunc:
		if !inst.To.Equal(types.I1) {
			e.fail(fmt.Errorf("function %s: trunc to %s is not supported", x.f.Name(), inst.To))
			return
		}
		e.arrange(x.evmOperands(inst))
		e.pushConst(uint256.NewInt(1))
		e.op(opAND)
		e.consume(1, 1)
		e.produce(inst)
	case *ir.InstSelect:
		// [b, a, c] → b ^ (c * (a ^ b))
		e.arrange(x.evmOperands(inst))
		for _, o := range []byte{opSWAP1, opDUP1 + 2, opXOR, opMUL, opXOR} {
			e.op(o)
		}
		e.consume(3, 1)
		e.produce(inst)
	case *ir.InstCall:
		e.call(inst)
	default:
		e.fail(fmt.Errorf("function %s: instruction %s is not supported by the EVM backend", x.f.Name(), inst.LLString()))
	}
}

func (e *emitter) call(c *ir.InstCall) {
	x := e.x
	callee, ok := c.Callee.(*ir.Func)
	if !ok {
		e.fail(fmt.Errorf("function %s: indirect calls are not supported", x.f.Name()))
		return
	}
	ops := x.evmOperands(c)
	if b, ok := sir.LookupIntrinsic(callee.Name()); ok {
		e.intrinsic(c, b, ops)
		return
	}
	label, ok := x.g.funcLabel[callee]
	if !ok {
		e.fail(fmt.Errorf("function %s: call to unknown function %s", x.f.Name(), callee.Name()))
		return
	}
	e.arrange(ops)
	ret := x.g.newLabel()
	e.pushLabel(ret)
	e.pushLabel(label)
	e.op(opJUMP)
	e.label(ret)
	m := 0
	switch rt := callee.Sig.RetType.(type) {
	case *types.VoidType:
	case *types.StructType:
		m = len(rt.Fields)
	default:
		m = 1
	}
	e.consume(len(ops), m)
	if m == 1 {
		e.produce(c)
		return
	}
	groups := x.extracts[c]
	for i := 0; i < m; i++ {
		var target *ir.InstExtractValue
		if i < len(groups) {
			for _, ev := range groups[i] {
				if x.slot[x.ids[ev]] {
					target = ev
					break
				}
			}
		}
		if target == nil {
			e.pop()
			continue
		}
		e.stack[len(e.stack)-1] = target
		e.store(x.ids[target])
		// other extracts of the same index read the same slot
		for _, ev := range groups[i] {
			if ev != target && x.slot[x.ids[ev]] {
				e.push(target)
				e.store(x.ids[ev])
			}
		}
	}
}

func (e *emitter) intrinsic(c *ir.InstCall, b *sir.Builtin, ops []value.Value) {
	x := e.x
	str := func(i int) string {
		s, ok := sir.StringOf(c.Args[i])
		if !ok {
			e.fail(fmt.Errorf("function %s: %s needs a literal argument", x.f.Name(), b.Name))
		}
		return s
	}
	g := x.g
	switch b.Name {
	case "memoryguard":
		ci, ok := c.Args[0].(*constant.Int)
		if !ok {
			e.fail(fmt.Errorf("function %s: memoryguard needs a literal argument", x.f.Name()))
			return
		}
		e.items = append(e.items, item{kind: kPushMemGuard, val: constWord(ci)})
		e.stack = append(e.stack, nil)
		e.produce(c)
		return
	case "datasize", "dataoffset":
		name := str(0)
		if g.obj.Lookup(name) == nil {
			e.fail(fmt.Errorf("%s(%q): no object or data of that name in object %q", b.Name, name, g.obj.Name))
			return
		}
		k := kPushDataSize
		if b.Name == "dataoffset" {
			k = kPushDataOffset
		}
		e.items = append(e.items, item{kind: k, name: name})
		e.stack = append(e.stack, nil)
		e.produce(c)
		return
	case "loadimmutable":
		e.items = append(e.items, item{kind: kPushImmutable, name: str(0)})
		e.stack = append(e.stack, nil)
		e.produce(c)
		return
	case "linkersymbol":
		e.items = append(e.items, item{kind: kPushLinker, name: str(0)})
		e.stack = append(e.stack, nil)
		e.produce(c)
		return
	case "setimmutable":
		e.arrange(ops) // [value, offset]
		e.items = append(e.items, item{kind: kAssignImmutable, name: str(1)})
		e.consume(2, 0)
		return
	case "datacopy":
		e.arrange(ops)
		e.op(0x39) // CODECOPY
		e.consume(3, 0)
		return
	}
	if b.IsVerbatim() {
		raw := str(0)
		e.arrange(ops)
		e.items = append(e.items, item{kind: kVerbatim, raw: []byte(raw)})
		e.consume(len(ops), b.Rets)
		e.results(c, b.Rets)
		return
	}
	if !b.AvailableIn(g.opts.EVMVersion) {
		e.fail(fmt.Errorf("the %s instruction is not available in EVM version %s", b.Name, g.opts.EVMVersion))
		return
	}
	e.arrange(ops)
	e.op(b.Opcode)
	e.consume(len(ops), b.Rets)
	e.results(c, b.Rets)
}

func (e *emitter) results(c *ir.InstCall, n int) {
	switch n {
	case 0:
	case 1:
		e.produce(c)
	default:
		e.fail(fmt.Errorf("intrinsic %s with %d results is not supported", c.Callee.Ident(), n))
	}
}

func count(vs []value.Value, v value.Value) int {
	n := 0
	for _, w := range vs {
		if w == v {
			n++
		}
	}
	return n
}

// errSwapIn is reported when an update in place (swapIn) did not leave the
// frame as expected; the function is regenerated without them.
var errSwapIn = errors.New("update in place not possible")

// swapIn prepares `v = f(…, x, …)` where x dies at the instruction and v
// takes x's slot, which is not the top slot of the frame: instead of
// copying x (DUP), computing f and storing the result (SWAP POP), x's slot
// is exchanged with the top slot (SWAP), so that x is consumed in place
// (adopt) and the result lands on top, then exchanged back (swapOut). The
// ranks of the two slots are exchanged meanwhile, so other operands are
// found where they are. It returns x's rank, its colour and the top slot's
// colour, or -1 when it does not apply or would not pay: x must end up as
// the deepest operand without further SWAPs (or a SWAP1 the peephole
// removes before a commutative or mirrored opcode).
func (e *emitter) swapIn(inst ir.Instruction) (int, int, int) {
	x := e.x
	if x.noSwapIn || e.h() != 0 || e.S < 2 || x.noAdopt[inst] {
		return -1, 0, 0
	}
	v, ok := inst.(value.Value)
	if !ok {
		return -1, 0, 0
	}
	id, ok := x.ids[v]
	if !ok || !x.slot[id] || !v.Type().Equal(sir.Word) {
		return -1, 0, 0
	}
	c := x.color[id]
	r := e.rank[c]
	if r < 0 || r >= e.S-1 {
		return -1, 0, 0
	}
	swappable := false
	switch inst := inst.(type) {
	case *ir.InstAdd, *ir.InstMul, *ir.InstAnd, *ir.InstOr, *ir.InstXor, *ir.InstICmp:
		swappable = true
	case *ir.InstSub, *ir.InstShl, *ir.InstLShr, *ir.InstAShr, *ir.InstZExt:
	case *ir.InstCall:
		callee, ok := inst.Callee.(*ir.Func)
		if !ok {
			return -1, 0, 0
		}
		if b, ok := sir.LookupIntrinsic(callee.Name()); ok {
			if b.IsVerbatim() || b.Rets != 1 || !b.AvailableIn(x.g.opts.EVMVersion) {
				return -1, 0, 0
			}
			switch b.Name {
			case "memoryguard", "datasize", "dataoffset", "loadimmutable", "linkersymbol", "setimmutable", "datacopy":
				return -1, 0, 0
			}
		} else if _, ok := x.g.funcLabel[callee]; !ok {
			return -1, 0, 0
		}
	default:
		return -1, 0, 0
	}
	ops := x.evmOperands(inst)
	k := -1
	for i, o := range ops {
		oid, ok := x.ids[o]
		if !ok || !x.slot[oid] || x.color[oid] != c {
			continue
		}
		dying := false
		for _, d := range x.dies[inst] {
			if d == oid {
				dying = true
			}
		}
		if dying && count(ops, o) == 1 {
			k = i
		}
	}
	if k < 0 || !(k == len(ops)-1 || swappable && len(ops) == 2) {
		return -1, 0, 0
	}
	top := -1
	for cc, rr := range e.rank {
		if rr == e.S-1 {
			top = cc
		}
	}
	if top < 0 {
		return -1, 0, 0
	}
	e.swap(e.S - 1 - r)
	e.rank[c], e.rank[top] = e.S-1, r
	return r, c, top
}

// swapOut undoes swapIn once the result is stored.
func (e *emitter) swapOut(r, c, top int) {
	if e.err != nil {
		return
	}
	if e.h() != 0 || e.rank[c] != e.S-1 {
		e.fail(errSwapIn)
		return
	}
	e.swap(e.S - 1 - r)
	e.rank[c], e.rank[top] = r, e.S-1
}
