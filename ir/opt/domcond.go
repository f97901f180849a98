package opt

import (
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// domConds decides conditions that a dominating branch already decided.
// solc's dispatcher branches on calldatasize() < 4, and a function without
// parameters then checks slt(add(calldatasize(), not(3)), 0), which the
// range rule (ranges.go) makes the same compare: in the function's block
// the dispatcher's branch has settled it. Walking the dominator tree, a
// block that the true (false) edge of a conditional branch alone enters
// learns that the condition is true (false), and so do the blocks it
// dominates; there, a branch on the same condition, or on a compare of the
// same operands with the same or the inverse predicate, becomes a branch
// on a constant for simplifycfg to fold, and such a compare becomes the
// constant.
func domConds(f *llvm.Func, ctx *Context) bool {
	if len(f.Blocks) < 3 {
		return false
	}
	cfg := ctx.cfg(f)
	subst := map[value.Value]value.Value{}
	changed := false
	// a compare's key: constants by value (constKey), other operands by
	// identity
	type key struct {
		pred enum.IPred
		x, y any
	}
	operand := func(v value.Value) any {
		if c, ok := v.(*constant.Int); ok {
			return constKey(c)
		}
		return v
	}
	keyOf := func(v value.Value) (key, bool) {
		c, ok := v.(*llvm.InstICmp)
		if !ok {
			return key{}, false
		}
		return key{c.Pred, operand(c.X), operand(c.Y)}, true
	}
	// facts: what a region knows, conditions by value and compares by key
	type facts struct {
		vals map[value.Value]bool
		cmps map[key]bool
	}
	lookup := func(fs *facts, v value.Value) (bool, bool) {
		if b, ok := fs.vals[v]; ok {
			return b, true
		}
		if k, ok := keyOf(v); ok {
			if b, ok := fs.cmps[k]; ok {
				return b, true
			}
			if b, ok := fs.cmps[key{inverse(k.pred), k.x, k.y}]; ok {
				return !b, true
			}
		}
		return false, false
	}
	with := func(fs *facts, v value.Value, b bool) *facts {
		n := &facts{vals: map[value.Value]bool{v: b}, cmps: map[key]bool{}}
		for k, x := range fs.vals {
			n.vals[k] = x
		}
		for k, x := range fs.cmps {
			n.cmps[k] = x
		}
		if k, ok := keyOf(v); ok {
			n.cmps[k] = b
		}
		return n
	}
	var walk func(bi int, fs *facts)
	walk = func(bi int, fs *facts) {
		blk := cfg.Blocks[bi]
		if len(fs.vals) > 0 {
			for _, inst := range blk.Insts {
				if c, ok := inst.(*llvm.InstICmp); ok {
					if b, ok := lookup(fs, c); ok {
						subst[c] = constant.NewBool(b)
						changed = true
					}
				}
			}
		}
		t, isCond := blk.Term.(*llvm.TermCondBr)
		if isCond && len(fs.vals) > 0 {
			if b, ok := lookup(fs, t.Cond); ok {
				t.Cond = constant.NewBool(b)
				changed = true
			}
		}
		for _, c := range cfg.DomChildren[bi] {
			cf := fs
			if isCond && t.TargetTrue != t.TargetFalse {
				if _, isConst := t.Cond.(*constant.Int); !isConst && len(cfg.Preds[c]) == 1 {
					switch cfg.Blocks[c] {
					case t.TargetTrue:
						cf = with(fs, t.Cond, true)
					case t.TargetFalse:
						cf = with(fs, t.Cond, false)
					}
				}
			}
			walk(c, cf)
		}
	}
	walk(0, &facts{vals: map[value.Value]bool{}, cmps: map[key]bool{}})
	if len(subst) > 0 {
		ir.ReplaceValues(f, subst)
	}
	return changed
}
