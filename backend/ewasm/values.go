package ewasm

import (
	"math/bits"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/value"

	sir "github.com/soll-dev/soll/ir"
)

// Value analysis for smaller code (ARCHITECTURE.md, "Ewasm"):
//
//   - width: an upper bound on the significant bits of every word value, so
//     a value below 2^64 lives in one i64 local and the limbs above its
//     width are the constant 0 (cheap operations on such values are single
//     i64 instructions);
//   - deferred results: a word a helper or function returns in the result
//     globals and that is only read before the next call stays there
//     instead of being copied to locals;
//   - stacked conditions: an i1 used once, right away, as the first operand
//     pushed by its user stays on the wasm operand stack.

// intrinsicBits bounds the results of builtins that do not fill a word.
var intrinsicBits = map[string]int{
	"calldatasize": 32, "codesize": 32, "returndatasize": 32, "msize": 32,
	"extcodesize": 32, "datasize": 32, "dataoffset": 32,
	"timestamp": 64, "number": 64, "gaslimit": 64, "gas": 64,
	"callvalue": 128, "gasprice": 128, "basefee": 128, "blobbasefee": 128,
	"balance": 128, "selfbalance": 128,
	"address": 160, "caller": 160, "origin": 160, "coinbase": 160,
	"create": 160, "create2": 160,
	"call": 1, "callcode": 1, "delegatecall": 1, "staticcall": 1,
	"byte": 8,
}

// constBits is the bit length of a constant word (mod 2^256).
func constBits(c *constant.Int) int {
	l := limbs(c)
	for i := 3; i >= 0; i-- {
		if l[i] != 0 {
			return 64*i + bits.Len64(l[i])
		}
	}
	return 0
}

// bitsOf is the width bound of a word operand at the current program
// point g.at (its definition's bound narrowed by the facts holding there);
// 256 when unknown.
func (g *funcGen) bitsOf(v value.Value) int { return g.boundOf(v).bits }

// defBits is the width bound of a word value where it is defined: the
// number of limbs it is stored in.
func (g *funcGen) defBits(v value.Value) int {
	switch c := v.(type) {
	case *constant.Int:
		return constBits(c)
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		return 0
	}
	if b, ok := g.bds[v]; ok {
		return b.bits
	}
	return 256
}

// nlimbs is the number of limbs a word value keeps (at least 1).
func nlimbsOf(b int) int {
	n := (b + 63) / 64
	if n < 1 {
		n = 1
	}
	return n
}

// constShift returns a constant shift amount, capped at 256.
func constShift(v value.Value) (int, bool) {
	c, ok := v.(*constant.Int)
	if !ok {
		return 0, false
	}
	if constBits(c) > 9 {
		return 256, true
	}
	n := int(limbs(c)[0])
	if n > 256 {
		n = 256
	}
	return n, true
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// shiftOf recognises a shift, as an LLVM instruction or as the shl/shr/sar
// intrinsic: the shifted value, the amount and the kind.
func shiftOf(inst ir.Instruction) (x, amt value.Value, kind string, ok bool) {
	switch in := inst.(type) {
	case *ir.InstShl:
		return in.X, in.Y, "shl", true
	case *ir.InstLShr:
		return in.X, in.Y, "shr", true
	case *ir.InstAShr:
		return in.X, in.Y, "sar", true
	case *ir.InstCall:
		callee, isFn := in.Callee.(*ir.Func)
		if !isFn || len(in.Args) != 2 {
			return nil, nil, "", false
		}
		bi, isBi := sir.LookupIntrinsic(callee.Name())
		if !isBi {
			return nil, nil, "", false
		}
		switch bi.Name {
		case "shl", "shr", "sar":
			return in.Args[1], in.Args[0], bi.Name, true
		}
	}
	return nil, nil, "", false
}

// computeBound bounds the word an instruction defines, from the bounds of
// its operands at its own position (g.at). Phis are bounded by analyze.
func (g *funcGen) computeBound(inst ir.Instruction) bound {
	if x, amt, kind, ok := shiftOf(inst); ok {
		bx := g.boundOf(x)
		switch kind {
		case "shl":
			c, ok := constShift(amt)
			switch {
			case !ok:
				return bitsBound(256)
			case c >= 256:
				return bound{}
			case c == 0:
				return bx
			case bx.narrow() && c < 64 && bx.max>>(64-c) == 0:
				return maxBound(bx.max << c)
			}
			return bitsBound(bx.bits + c)
		case "shr":
			return shrBound(bx, amt)
		default:
			if bx.bits < 256 {
				return shrBound(bx, amt)
			}
			return bitsBound(256)
		}
	}
	switch in := inst.(type) {
	case *ir.InstAdd:
		bx, by := g.boundOf(in.X), g.boundOf(in.Y)
		if bx.narrow() && by.narrow() {
			if s, carry := bits.Add64(bx.max, by.max, 0); carry == 0 {
				return maxBound(s)
			}
		}
		return bitsBound(maxInt(bx.bits, by.bits) + 1)
	case *ir.InstMul:
		bx, by := g.boundOf(in.X), g.boundOf(in.Y)
		if bx.bits == 0 || by.bits == 0 {
			return bound{}
		}
		if bx.narrow() && by.narrow() {
			if hi, lo := bits.Mul64(bx.max, by.max); hi == 0 {
				return maxBound(lo)
			}
		}
		return bitsBound(bx.bits + by.bits)
	case *ir.InstAnd:
		// x & y ≤ min(x, y)
		return meet(g.boundOf(in.X), g.boundOf(in.Y))
	case *ir.InstOr, *ir.InstXor:
		ops := inst.Operands()
		return bitsBound(maxInt(g.bitsOf(*ops[0]), g.bitsOf(*ops[1])))
	case *ir.InstZExt:
		return maxBound(1)
	case *ir.InstSelect:
		return join(g.boundOf(in.ValueTrue), g.boundOf(in.ValueFalse))
	case *ir.InstCall:
		callee, ok := in.Callee.(*ir.Func)
		if !ok {
			break
		}
		bi, ok := sir.LookupIntrinsic(callee.Name())
		if !ok {
			break
		}
		switch bi.Name {
		case "memoryguard", "div":
			// div(x, y) ≤ x (0 when y = 0)
			return g.boundOf(in.Args[0])
		case "mod":
			// mod(x, y) ≤ x, and < y (0 when y = 0)
			return meet(g.boundOf(in.Args[0]), g.boundOf(in.Args[1]))
		}
		if b, ok := intrinsicBits[bi.Name]; ok {
			return bitsBound(b)
		}
	}
	return bitsBound(256)
}

func shrBound(bx bound, s value.Value) bound {
	c, ok := constShift(s)
	switch {
	case !ok:
		return bx
	case c >= bx.bits:
		return bound{}
	case bx.narrow():
		return maxBound(bx.max >> c)
	}
	return bitsBound(bx.bits - c)
}

// analyze computes widths, deferred results and stacked conditions.
func (g *funcGen) analyze() {
	g.bounds()
	// uses: block and position (len(Insts) for the terminator and the phi
	// copies at its end); bad marks uses that cannot read a deferred result.
	type use struct{ block, pos int }
	uses := map[value.Value][]use{}
	bad := map[value.Value]bool{}
	note := func(v value.Value, u use, ok bool) {
		uses[v] = append(uses[v], u)
		if !ok {
			bad[v] = true
		}
	}
	for _, bi := range g.cfg.RPO {
		blk := g.cfg.Blocks[bi]
		end := len(blk.Insts)
		for j, inst := range blk.Insts {
			switch in := inst.(type) {
			case *ir.InstPhi:
				for _, inc := range in.Incs {
					pb, ok := inc.Pred.(*ir.Block)
					if !ok {
						continue
					}
					pi, ok := g.cfg.Index[pb]
					if !ok {
						continue
					}
					_, br := pb.Term.(*ir.TermBr)
					note(inc.X, use{pi, len(pb.Insts)}, br)
				}
				continue
			case *ir.InstInsertValue:
				note(in.X, use{bi, j}, false)
				note(in.Elem, use{bi, j}, false)
				continue
			case *ir.InstCall:
				if callee, ok := in.Callee.(*ir.Func); ok {
					if b, ok := sir.LookupIntrinsic(callee.Name()); ok && b.Name == "setimmutable" {
						for _, a := range in.Args {
							note(a, use{bi, j}, false)
						}
						continue
					}
				}
			}
			for _, op := range inst.Operands() {
				note(*op, use{bi, j}, true)
			}
		}
		switch t := blk.Term.(type) {
		case *ir.TermRet:
			if t.X != nil {
				n, _ := resultWords(t.X.Type())
				note(t.X, use{bi, end}, n == 1)
			}
		case *ir.TermCondBr:
			note(t.Cond, use{bi, end}, true)
		case *ir.TermSwitch:
			note(t.X, use{bi, end}, false)
		}
	}
	g.deferred = map[value.Value]bool{}
	g.stacked = map[value.Value]bool{}
	for _, bi := range g.cfg.RPO {
		blk := g.cfg.Blocks[bi]
		for k, inst := range blk.Insts {
			v, ok := inst.(value.Value)
			if !ok {
				continue
			}
			if _, isPhi := inst.(*ir.InstPhi); isPhi {
				continue
			}
			us := uses[v]
			if isWord(v.Type()) {
				g.at = point{bi, k}
				if bad[v] || !g.resultInGlobals(inst) || len(us) == 0 {
					continue
				}
				last := k
				okAll := true
				for _, u := range us {
					if u.block != bi || u.pos <= k {
						okAll = false
						break
					}
					last = maxInt(last, u.pos)
				}
				if !okAll {
					continue
				}
				for j := k + 1; j < last && j < len(blk.Insts); j++ {
					g.at = point{bi, j}
					if g.mayCall(blk.Insts[j]) {
						okAll = false
						break
					}
				}
				if okAll {
					g.deferred[v] = true
				}
				continue
			}
			if !isBool(v.Type()) || len(us) != 1 || us[0].block != bi {
				continue
			}
			u := us[0]
			switch {
			case u.pos == len(blk.Insts) && k == len(blk.Insts)-1:
				if t, ok := blk.Term.(*ir.TermCondBr); ok && t.Cond == v {
					g.stacked[v] = true
				}
			case u.pos == k+1 && u.pos < len(blk.Insts):
				if firstPushed(blk.Insts[u.pos]) == v {
					g.stacked[v] = true
				}
			}
		}
	}
}

// firstPushed is the i1 operand an instruction pushes first, if any.
func firstPushed(inst ir.Instruction) value.Value {
	switch in := inst.(type) {
	case *ir.InstZExt:
		return in.From
	case *ir.InstAnd:
		if isBool(in.Typ) && in.X != in.Y {
			return in.X
		}
	case *ir.InstOr:
		if isBool(in.Typ) && in.X != in.Y {
			return in.X
		}
	case *ir.InstXor:
		if isBool(in.Typ) && in.X != in.Y {
			return in.X
		}
	case *ir.InstICmp:
		if isBool(in.X.Type()) && in.X != in.Y {
			return in.X
		}
	}
	return nil
}

// resultInGlobals reports whether the emission of inst leaves its word in
// the result globals (and copies it to locals unless deferred).
func (g *funcGen) resultInGlobals(inst ir.Instruction) bool {
	if _, _, _, ok := shiftOf(inst); ok {
		return !g.inlineArith(inst)
	}
	switch in := inst.(type) {
	case *ir.InstAdd, *ir.InstSub, *ir.InstMul, *ir.InstShl, *ir.InstLShr, *ir.InstAShr:
		return !g.inlineArith(inst)
	case *ir.InstCall:
		callee, ok := in.Callee.(*ir.Func)
		if !ok {
			return false
		}
		if bi, ok := sir.LookupIntrinsic(callee.Name()); ok {
			switch bi.Name {
			case "memoryguard", "datasize", "dataoffset", "linkersymbol", "setimmutable", "pop":
				return false
			}
			return bi.Rets == 1
		}
		n, _ := resultWords(callee.Sig.RetType)
		return n == 1
	}
	return false
}

// mayCall reports whether the emission of inst may call a function (and
// so overwrite the result globals).
func (g *funcGen) mayCall(inst ir.Instruction) bool {
	if _, _, _, ok := shiftOf(inst); ok {
		return !g.inlineArith(inst)
	}
	switch in := inst.(type) {
	case *ir.InstCall:
		return true
	case *ir.InstAdd, *ir.InstSub, *ir.InstMul, *ir.InstShl, *ir.InstLShr, *ir.InstAShr:
		return !g.inlineArith(inst)
	case *ir.InstICmp:
		if !isWord(in.X.Type()) {
			return false
		}
		return !g.inlineCmp(in)
	}
	return false
}

// inlineArith reports whether an arithmetic instruction is emitted without
// a helper call.
func (g *funcGen) inlineArith(inst ir.Instruction) bool {
	v, ok := inst.(value.Value)
	if !ok || !isWord(v.Type()) {
		return false
	}
	if x, amt, kind, ok := shiftOf(inst); ok {
		_, isConst := constShift(amt)
		return isConst && (kind != "sar" || g.bitsOf(x) < 256)
	}
	switch inst.(type) {
	case *ir.InstAdd, *ir.InstMul:
		return g.bitsOf(v) <= 64
	}
	return false
}

// inlineCmp reports whether a word comparison is emitted without a helper.
func (g *funcGen) inlineCmp(in *ir.InstICmp) bool {
	switch in.Pred {
	case enum.IPredEQ, enum.IPredNE:
		return true
	}
	_, _, _, _, inline := g.cmpPlan(in)
	return inline
}

// cmpPlan normalises an ordered comparison to x < y (possibly negated):
// signed comparisons of values below 2^255 are unsigned ones.
func (g *funcGen) cmpPlan(in *ir.InstICmp) (x, y value.Value, negate, signed, inline bool) {
	x, y = in.X, in.Y
	swap := false
	switch in.Pred {
	case enum.IPredUGT, enum.IPredSGT:
		swap = true
	case enum.IPredULE, enum.IPredSLE:
		swap, negate = true, true
	case enum.IPredUGE, enum.IPredSGE:
		negate = true
	}
	if swap {
		x, y = y, x
	}
	switch in.Pred {
	case enum.IPredSLT, enum.IPredSGT, enum.IPredSLE, enum.IPredSGE:
		signed = g.bitsOf(x) >= 256 || g.bitsOf(y) >= 256
	}
	if signed {
		c, ok := y.(*constant.Int)
		inline = ok && constBits(c) == 0
		return
	}
	inline = g.bitsOf(x) <= 64 || g.bitsOf(y) <= 64
	return
}

// Word bounds. Every word value gets an upper bound where it is defined,
// computed from the bounds of its operands there (computeBound). Facts
// narrow the bound of an existing value in the part of the function that
// an event dominates, so that, for instance, a pointer loaded from memory
// (a full word where it is defined) is one limb wherever it is known to be
// small, and sums computed from it there are one-limb values:
//
//   - a conditional branch: in a successor whose only predecessor is the
//     branching block, the condition is known. solc's checks are the
//     sources: icmp ugt %x, 0xFFFFFFFFFFFFFFFF false (%x < 2^64, ABI
//     decoders and allocators), icmp ult %i, %n true (loop conditions),
//     and or-ed zexts of such conditions compared with 0 (all false);
//   - a memory access: after mload(p), mstore(p, v) or mstore8(p, v)
//     returns, p < 2^32: the helpers trap on larger offsets (u32 in
//     memory.go; a wasm memory cannot reach them anyway).
//
// A fact never changes how a value is stored: a wide value stays in four
// locals, its known-zero high limbs are pushed as constants (which the
// call wrappers of narrow.go and the i64 forms of arithmetic and
// comparisons then use). The bound of a value is only valid at points its
// facts hold at, so code generation asks with the current point g.at.
//
// Loop phis are bounded optimistically: a phi of a loop header first gets
// the bound of its incoming values from outside the loop (level 0), then
// 2^64 − 1 (level 1), then nothing (level 2); the whole function is
// analysed again until every value coming in over a back edge is within
// its phi's bound. The bounds are then an inductive invariant: each value
// is within its bound when its operands are and the facts hold, and each
// phi receives values within its bound over every edge.

// bound is an upper bound on a word value: at most bits significant bits
// and, when bits ≤ 64, at most max (≤ 2^bits − 1). Wide bounds have max
// all ones.
type bound struct {
	bits int
	max  uint64
}

// bitsBound is the bound "below 2^b".
func bitsBound(b int) bound {
	switch {
	case b <= 0:
		return bound{}
	case b >= 64:
		return bound{bits: minInt(b, 256), max: ^uint64(0)}
	}
	return bound{bits: b, max: 1<<uint(b) - 1}
}

// maxBound is the bound "at most m".
func maxBound(m uint64) bound { return bound{bits: bits.Len64(m), max: m} }

func (b bound) narrow() bool { return b.bits <= 64 }

// meet is the bound of a value within both a and b.
func meet(a, b bound) bound {
	if a.narrow() && b.narrow() {
		if b.max < a.max {
			return b
		}
		return a
	}
	if a.bits < b.bits {
		return a
	}
	return b
}

// join is the bound of a value within a or within b.
func join(a, b bound) bound {
	if a.narrow() && b.narrow() {
		if b.max > a.max {
			return b
		}
		return a
	}
	return bitsBound(maxInt(a.bits, b.bits))
}

// within reports whether every value within a is within b.
func within(a, b bound) bool {
	if b.narrow() {
		return a.narrow() && a.max <= b.max
	}
	return a.bits <= b.bits
}

func constBound(c *constant.Int) bound {
	if n := constBits(c); n > 64 {
		return bitsBound(n)
	}
	return maxBound(limbs(c)[0])
}

// point is a program point: before instruction pos of block blk (pos is
// len(Insts) for the terminator and the phi copies at the end of a block,
// −1 for the entry of a block, in facts).
type point struct{ blk, pos int }

// fact: a value is within bd at the points after at that at dominates.
type fact struct {
	at point
	bd bound
}

func (g *funcGen) holds(f fact) bool {
	if f.at.blk == g.at.blk {
		return g.at.pos > f.at.pos
	}
	return g.cfg.Dominates(f.at.blk, g.at.blk)
}

// boundOf is the bound of a word operand at the current point g.at.
func (g *funcGen) boundOf(v value.Value) bound {
	switch c := v.(type) {
	case *constant.Int:
		return constBound(c)
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		return bound{}
	}
	b, ok := g.bds[v]
	if !ok {
		b = bitsBound(256)
	}
	for _, f := range g.facts[v] {
		if g.holds(f) {
			b = meet(b, f.bd)
		}
	}
	return b
}

// boundAfter is the bound of v right after point at (with the facts
// recorded at at).
func (g *funcGen) boundAfter(v value.Value, at point) bound {
	return g.boundAt(v, point{at.blk, at.pos + 1})
}

// boundAt is boundOf at another point.
func (g *funcGen) boundAt(v value.Value, at point) bound {
	saved := g.at
	g.at = at
	b := g.boundOf(v)
	g.at = saved
	return b
}

// addFact records that v is within bd after at (where at dominates), and
// what that proves about the operands of v and about the values computed
// from v before at.
func (g *funcGen) addFact(v value.Value, at point, bd bound) {
	g.addFactDepth(v, at, bd, 0)
}

// maxFactDepth limits how far addFact follows operands and users, and
// factBudgetPerInst the work it does in a pass (per instruction).
const (
	maxFactDepth      = 4
	factBudgetPerInst = 32
)

func (g *funcGen) addFactDepth(v value.Value, at point, bd bound, depth int) {
	if g.factBudget <= 0 {
		// fewer facts are always sound: wide fan-outs stop here
		return
	}
	g.factBudget--
	switch v.(type) {
	case *constant.Int, *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		return
	}
	if !isWord(v.Type()) {
		return
	}
	cur := g.boundAfter(v, at)
	if within(cur, bd) {
		return
	}
	bd = meet(cur, bd)
	g.facts[v] = append(g.facts[v], fact{at, bd})
	if depth >= maxFactDepth {
		return
	}
	// backwards: operands of v
	switch in := v.(type) {
	case *ir.InstAdd:
		// an addition that cannot wrap (its bound, from its operands', is
		// below 2^256) is at least each operand, and a constant operand
		// can be taken off the bound
		if g.defBits(in) < 256 {
			g.addFactDepth(in.X, at, minus(bd, in.Y), depth+1)
			g.addFactDepth(in.Y, at, minus(bd, in.X), depth+1)
		}
	case *ir.InstOr:
		g.addFactDepth(in.X, at, bd, depth+1)
		g.addFactDepth(in.Y, at, bd, depth+1)
	case *ir.InstAnd:
		// x & c with c all ones above bit 63 (such as not(31)): x is at
		// most x & c plus the low bits c clears
		for _, xc := range [][2]value.Value{{in.X, in.Y}, {in.Y, in.X}} {
			if c, ok := xc[1].(*constant.Int); ok && bd.narrow() {
				l := limbs(c)
				if l[1]&l[2]&l[3] == ^uint64(0) {
					if m, carry := bits.Add64(bd.max, ^l[0], 0); carry == 0 {
						g.addFactDepth(xc[0], at, maxBound(m), depth+1)
					}
				}
			}
		}
	}
	// forwards: a value computed from v where at is bounded again with
	// v's new bound (its definition dominates at, else it sees the fact)
	for _, u := range g.users[v] {
		if !g.definedBefore(u, at) {
			continue
		}
		saved := g.at
		g.at = point{at.blk, at.pos + 1}
		nb := g.computeBound(u)
		g.at = saved
		g.addFactDepth(u.(value.Value), at, nb, depth+1)
	}
}

// definedBefore reports whether inst is defined at a point that strictly
// dominates at.
func (g *funcGen) definedBefore(inst ir.Instruction, at point) bool {
	d, ok := g.instAt[inst]
	if !ok {
		return false
	}
	if d.blk == at.blk {
		return d.pos < at.pos
	}
	return g.cfg.Dominates(d.blk, at.blk)
}

// minus is the bound of x where x + y is within bd and does not wrap.
func minus(bd bound, y value.Value) bound {
	c, ok := y.(*constant.Int)
	if !ok || !bd.narrow() || constBits(c) > 64 {
		return bd
	}
	k := limbs(c)[0]
	if k > bd.max {
		// x + k ≤ bd.max < k cannot hold: the point is unreachable
		return bound{}
	}
	return maxBound(bd.max - k)
}

// Optimism levels of loop phis (bounds).
const (
	phiForward = iota // the bound of the values from outside the loop
	phi64             // also below 2^64
	phiWide           // no bound
)

// maxBoundPasses caps the analyses of a function before loop phis that
// are still being widened are given up (made wide, which needs no check).
const maxBoundPasses = 6

// bounds computes g.bds and g.facts.
func (g *funcGen) bounds() {
	c := g.cfg
	rpoNum := make([]int, len(c.Blocks))
	for i := range rpoNum {
		rpoNum[i] = -1
	}
	for k, b := range c.RPO {
		rpoNum[b] = k
	}
	// back reports whether the edge pred → b is a back edge (the control
	// flow is reducible: structure rejects the rest).
	back := func(pred, b int) bool { return rpoNum[pred] >= rpoNum[b] }
	predEnd := func(pred int) point { return point{pred, len(c.Blocks[pred].Insts)} }
	// the word phis of loop headers, in RPO
	predOf := func(inc *ir.Incoming) (int, bool) {
		pb, ok := inc.Pred.(*ir.Block)
		if !ok {
			return 0, false
		}
		pi, ok := c.Index[pb]
		return pi, ok
	}
	type loopPhi struct {
		p  *ir.InstPhi
		bi int
	}
	level := map[*ir.InstPhi]int{}
	var loopPhis []loopPhi
	for _, bi := range c.RPO {
		for _, inst := range c.Blocks[bi].Insts {
			p, ok := inst.(*ir.InstPhi)
			if !ok || !isWord(p.Typ) {
				continue
			}
			for _, inc := range p.Incs {
				if pi, ok := predOf(inc); ok && rpoNum[pi] >= 0 && back(pi, bi) {
					loopPhis = append(loopPhis, loopPhi{p, bi})
					level[p] = phiForward
					break
				}
			}
		}
	}
	// phiBound bounds a phi of block bi from its incoming values at the
	// ends of their (reachable) predecessors; loop phis by their level.
	phiBound := func(bi int, p *ir.InstPhi) bound {
		lv, isLoop := level[p]
		if isLoop && lv == phiWide {
			return bitsBound(256)
		}
		var b bound
		for _, inc := range p.Incs {
			pi, ok := predOf(inc)
			if !ok {
				return bitsBound(256)
			}
			if rpoNum[pi] < 0 || back(pi, bi) {
				// never taken, or checked after the pass
				continue
			}
			b = join(b, g.boundAt(inc.X, predEnd(pi)))
		}
		if isLoop && lv == phi64 {
			b = join(b, bitsBound(64))
		}
		return b
	}
	// where instructions are, and the word instructions (not phis) that
	// use each value, for facts
	g.instAt = map[ir.Instruction]point{}
	g.users = map[value.Value][]ir.Instruction{}
	for _, bi := range c.RPO {
		for j, inst := range c.Blocks[bi].Insts {
			g.instAt[inst] = point{bi, j}
			v, ok := inst.(value.Value)
			if _, isPhi := inst.(*ir.InstPhi); isPhi || !ok || !isWord(v.Type()) {
				continue
			}
			for k, op := range inst.Operands() {
				if k > 0 && *op == *inst.Operands()[k-1] {
					continue // add x, x: one user
				}
				g.users[*op] = append(g.users[*op], inst)
			}
		}
	}
	for pass := 1; ; pass++ {
		g.bds = map[value.Value]bound{}
		g.facts = map[value.Value][]fact{}
		g.factBudget = factBudgetPerInst*len(g.instAt) + 1024
		for _, bi := range c.RPO {
			blk := c.Blocks[bi]
			for j, inst := range blk.Insts {
				g.at = point{bi, j}
				if v, ok := inst.(value.Value); ok && isWord(v.Type()) {
					if p, isPhi := inst.(*ir.InstPhi); isPhi {
						g.bds[v] = phiBound(bi, p)
					} else {
						g.bds[v] = g.computeBound(inst)
					}
				}
				g.instFacts(inst)
			}
			g.at = predEnd(bi)
			g.edgeFacts(bi)
		}
		// every value coming in over a back edge must be within the bound
		// its phi was given
		widened := false
		for _, lp := range loopPhis {
			p := lp.p
			if level[p] == phiWide {
				continue
			}
			for _, inc := range p.Incs {
				pi, ok := predOf(inc)
				if !ok || rpoNum[pi] < 0 || !back(pi, lp.bi) {
					continue
				}
				if !within(g.boundAt(inc.X, predEnd(pi)), g.bds[p]) {
					level[p]++
					if pass >= maxBoundPasses {
						level[p] = phiWide
					}
					widened = true
					break
				}
			}
		}
		if !widened {
			break
		}
		if pass >= maxBoundPasses {
			// give up on all optimism: a last pass without assumptions
			for _, lp := range loopPhis {
				level[lp.p] = phiWide
			}
		}
	}
	g.at = point{}
}

// instFacts records what an instruction that returns proves.
func (g *funcGen) instFacts(inst ir.Instruction) {
	call, ok := inst.(*ir.InstCall)
	if !ok {
		return
	}
	callee, ok := call.Callee.(*ir.Func)
	if !ok {
		return
	}
	bi, ok := sir.LookupIntrinsic(callee.Name())
	if !ok {
		return
	}
	switch bi.Name {
	case "mload", "mstore", "mstore8":
		// the offset went through u32, which traps from 2^32 on
		g.addFact(call.Args[0], g.at, bitsBound(32))
	}
}

// edgeFacts records what the branch at the end of block bi proves in the
// successors every path to which takes the edge from bi: the edge is the
// only one from bi, a forward edge, and the successor's other predecessors
// are dominated by it (back edges of a loop it heads) or unreachable. The
// values the facts are about are defined outside such a loop: they keep
// the values they had on the edge. g.at is the end of bi.
func (g *funcGen) edgeFacts(bi int) {
	c := g.cfg
	only := func(to int) bool {
		if c.Dominates(to, bi) {
			return false
		}
		n := 0
		for _, p := range c.Preds[to] {
			switch {
			case p == bi:
				n++
			case c.Reachable(p) && !c.Dominates(to, p):
				return false
			}
		}
		return n == 1
	}
	switch t := c.Blocks[bi].Term.(type) {
	case *ir.TermCondBr:
		tt, ok1 := c.Index[t.TargetTrue.(*ir.Block)]
		ff, ok2 := c.Index[t.TargetFalse.(*ir.Block)]
		if !ok1 || !ok2 || tt == ff {
			return
		}
		for round := 0; round < 2; round++ {
			if only(tt) {
				g.assume(t.Cond, true, point{tt, -1}, 0)
			}
			if only(ff) {
				g.assume(t.Cond, false, point{ff, -1}, 0)
			}
		}
	case *ir.TermSwitch:
		if !isWord(t.X.Type()) {
			return
		}
		for _, cs := range t.Cases {
			ci, ok := cs.X.(*constant.Int)
			to, ok2 := c.Index[cs.Target.(*ir.Block)]
			if ok && ok2 && only(to) {
				g.addFact(t.X, point{to, -1}, constBound(ci))
			}
		}
	}
}

// maxAssumeDepth limits the conditions assume looks through.
const maxAssumeDepth = 8

// assume records the facts that hold after at when the i1 value cond is
// truth. Bounds of other operands are taken at at, facts recorded so far
// included (edgeFacts calls it twice, so that the order of the parts of a
// condition does not matter).
func (g *funcGen) assume(cond value.Value, truth bool, at point, depth int) {
	if depth > maxAssumeDepth {
		return
	}
	switch in := cond.(type) {
	case *ir.InstICmp:
		if !isWord(in.X.Type()) {
			return
		}
		x, y := in.X, in.Y
		pred := in.Pred
		if g.boundAfter(x, at).bits < 256 && g.boundAfter(y, at).bits < 256 {
			// both below 2^255: signed comparisons are unsigned ones
			switch pred {
			case enum.IPredSLT:
				pred = enum.IPredULT
			case enum.IPredSLE:
				pred = enum.IPredULE
			case enum.IPredSGT:
				pred = enum.IPredUGT
			case enum.IPredSGE:
				pred = enum.IPredUGE
			}
		}
		if !truth {
			switch pred {
			case enum.IPredEQ:
				pred = enum.IPredNE
			case enum.IPredNE:
				pred = enum.IPredEQ
			case enum.IPredULT:
				pred = enum.IPredUGE
			case enum.IPredUGE:
				pred = enum.IPredULT
			case enum.IPredULE:
				pred = enum.IPredUGT
			case enum.IPredUGT:
				pred = enum.IPredULE
			default:
				return // signed comparisons bound nothing unsigned
			}
		}
		switch pred {
		case enum.IPredEQ:
			g.addFact(x, at, g.boundAfter(y, at))
			g.addFact(y, at, g.boundAfter(x, at))
			if isZero(y) {
				g.assumeZero(x, at, depth+1)
			}
			if isZero(x) {
				g.assumeZero(y, at, depth+1)
			}
		case enum.IPredNE:
			if isZero(y) {
				g.assumeNonZero(x, at, depth+1)
			}
			if isZero(x) {
				g.assumeNonZero(y, at, depth+1)
			}
		case enum.IPredULT:
			g.addFact(x, at, below(g.boundAfter(y, at)))
		case enum.IPredULE:
			g.addFact(x, at, g.boundAfter(y, at))
		case enum.IPredUGT:
			g.addFact(y, at, below(g.boundAfter(x, at)))
		case enum.IPredUGE:
			g.addFact(y, at, g.boundAfter(x, at))
		}
	case *ir.InstXor:
		// not c is xor c, true
		if !isBool(in.Typ) {
			return
		}
		if isTrue(in.Y) {
			g.assume(in.X, !truth, at, depth+1)
		} else if isTrue(in.X) {
			g.assume(in.Y, !truth, at, depth+1)
		}
	case *ir.InstAnd:
		if isBool(in.Typ) && truth {
			g.assume(in.X, true, at, depth+1)
			g.assume(in.Y, true, at, depth+1)
		}
	case *ir.InstOr:
		if isBool(in.Typ) && !truth {
			g.assume(in.X, false, at, depth+1)
			g.assume(in.Y, false, at, depth+1)
		}
	}
}

// assumeZero records that the word w is 0 after at.
func (g *funcGen) assumeZero(w value.Value, at point, depth int) {
	if depth > maxAssumeDepth {
		return
	}
	g.addFact(w, at, bound{})
	switch in := w.(type) {
	case *ir.InstOr:
		// x | y = 0: both are 0
		g.assumeZero(in.X, at, depth+1)
		g.assumeZero(in.Y, at, depth+1)
	case *ir.InstZExt:
		if isBool(in.From.Type()) {
			g.assume(in.From, false, at, depth+1)
		}
	}
}

// assumeNonZero records what w ≠ 0 proves after at.
func (g *funcGen) assumeNonZero(w value.Value, at point, depth int) {
	if in, ok := w.(*ir.InstZExt); ok && isBool(in.From.Type()) {
		g.assume(in.From, true, at, depth+1)
	}
}

// below is the bound of a value less than a value within b.
func below(b bound) bound {
	switch {
	case !b.narrow():
		return b
	case b.max == 0:
		// x < 0 never holds: the code after it is unreachable
		return bound{}
	}
	return maxBound(b.max - 1)
}

func isZero(v value.Value) bool {
	c, ok := v.(*constant.Int)
	return ok && c.X.Sign() == 0
}

func isTrue(v value.Value) bool {
	c, ok := v.(*constant.Int)
	return ok && isBool(c.Typ) && c.X.Sign() != 0
}
