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

// bitsOf is the width bound of a word operand; 256 when unknown.
func (g *funcGen) bitsOf(v value.Value) int {
	switch c := v.(type) {
	case *constant.Int:
		return constBits(c)
	case *constant.Undef, *constant.Poison, *constant.ZeroInitializer:
		return 0
	}
	if b, ok := g.bits[v]; ok {
		return b
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

// computeBits bounds the width of the word an instruction defines.
func (g *funcGen) computeBits(inst ir.Instruction) int {
	if x, amt, kind, ok := shiftOf(inst); ok {
		bx := g.bitsOf(x)
		switch kind {
		case "shl":
			if c, ok := constShift(amt); ok {
				if c >= 256 {
					return 0
				}
				return minInt(256, bx+c)
			}
			return 256
		case "shr":
			return shrBits(bx, amt)
		default:
			if bx < 256 {
				return shrBits(bx, amt)
			}
			return 256
		}
	}
	switch in := inst.(type) {
	case *ir.InstAdd:
		return minInt(256, maxInt(g.bitsOf(in.X), g.bitsOf(in.Y))+1)
	case *ir.InstMul:
		bx, by := g.bitsOf(in.X), g.bitsOf(in.Y)
		if bx == 0 || by == 0 {
			return 0
		}
		return minInt(256, bx+by)
	case *ir.InstAnd:
		return minInt(g.bitsOf(in.X), g.bitsOf(in.Y))
	case *ir.InstOr:
		return maxInt(g.bitsOf(in.X), g.bitsOf(in.Y))
	case *ir.InstXor:
		return maxInt(g.bitsOf(in.X), g.bitsOf(in.Y))
	case *ir.InstZExt:
		return 1
	case *ir.InstSelect:
		return maxInt(g.bitsOf(in.ValueTrue), g.bitsOf(in.ValueFalse))
	case *ir.InstPhi:
		b := 0
		for _, inc := range in.Incs {
			b = maxInt(b, g.bitsOf(inc.X))
		}
		return b
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
		case "memoryguard":
			return g.bitsOf(in.Args[0])
		case "div":
			return g.bitsOf(in.Args[0])
		case "mod":
			return minInt(g.bitsOf(in.Args[0]), g.bitsOf(in.Args[1]))
		}
		if b, ok := intrinsicBits[bi.Name]; ok {
			return b
		}
	}
	return 256
}

func shrBits(bx int, s value.Value) int {
	if c, ok := constShift(s); ok {
		if c >= bx {
			return 0
		}
		return bx - c
	}
	return bx
}

// analyze computes widths, deferred results and stacked conditions.
func (g *funcGen) analyze() {
	g.bits = map[value.Value]int{}
	for _, bi := range g.cfg.RPO {
		for _, inst := range g.cfg.Blocks[bi].Insts {
			v, ok := inst.(value.Value)
			if ok && isWord(v.Type()) {
				g.bits[v] = g.computeBits(inst)
			}
		}
	}
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
