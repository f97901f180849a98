package opt

import (
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// cachedCFG is a CFG with the shape it was computed from: the blocks of
// the function and the targets of their terminators, in order.
type cachedCFG struct {
	cfg     *ir.CFG
	blocks  []*llvm.Block
	targets []*llvm.Block // the successors of every block, concatenated
	ends    []int         // ends[i] is the end of block i's targets
}

// cfg returns the CFG and dominator tree of f, reusing the one computed by
// an earlier pass while f's blocks and branch targets are unchanged. The
// check compares pointers only, so a pass never has to invalidate the
// cache: any edit of the control flow makes the next call recompute.
// The result is a snapshot: a pass that edits the control flow must not
// use it afterwards.
func (c *Context) cfg(f *llvm.Func) *ir.CFG {
	if e, ok := c.cfgs[f]; ok && e.matches(f, c) {
		e.cfg.Blocks = f.Blocks
		return e.cfg
	}
	e := c.cfgs[f]
	if e == nil {
		e = &cachedCFG{}
		if c.cfgs == nil {
			c.cfgs = make(map[*llvm.Func]*cachedCFG)
		}
		c.cfgs[f] = e
	}
	// A miss means f's control flow changed: the old snapshot is stale, and
	// no pass may still use it (see above), so its index map is recycled.
	e.cfg = ir.NewCFGReusing(f, e.cfg)
	e.blocks = append(e.blocks[:0], f.Blocks...)
	e.targets = e.targets[:0]
	e.ends = e.ends[:0]
	for _, b := range f.Blocks {
		e.targets = ir.AppendSuccs(e.targets, b.Term)
		e.ends = append(e.ends, len(e.targets))
	}
	return e.cfg
}

func (e *cachedCFG) matches(f *llvm.Func, c *Context) bool {
	if len(f.Blocks) != len(e.blocks) {
		return false
	}
	buf := c.succBuf[:0]
	start := 0
	for i, b := range f.Blocks {
		if b != e.blocks[i] {
			return false
		}
		buf = ir.AppendSuccs(buf[:0], b.Term)
		end := e.ends[i]
		if len(buf) != end-start {
			return false
		}
		for k, s := range buf {
			if s != e.targets[start+k] {
				return false
			}
		}
		start = end
	}
	c.succBuf = buf
	return true
}
