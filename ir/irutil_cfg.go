package ir

import (
	"github.com/llir/llvm/ir"
)

// CFG is the control-flow graph of one function with its dominator tree.
// Blocks are numbered by their position in Func.Blocks; block 0 is the entry.
// Build it with NewCFG after the last edit of the function's control flow: it
// is a snapshot.
type CFG struct {
	Blocks []*ir.Block
	Index  map[*ir.Block]int
	// Succs and Preds list one entry per edge (a switch with two cases to
	// the same block gives that block twice).
	Succs, Preds [][]int
	// RPO lists the blocks reachable from the entry in reverse postorder.
	RPO []int
	// Idom is the immediate dominator of each reachable block; -1 for the
	// entry and for unreachable blocks.
	Idom []int
	// DomChildren lists the blocks each block immediately dominates, in RPO.
	DomChildren [][]int

	rpoNum        []int // position in RPO, -1 when unreachable
	domIn, domOut []int // DFS interval of the dominator tree
}

// NewCFG computes the graph and the dominator tree of f (Cooper, Harvey and
// Kennedy, "A Simple, Fast Dominance Algorithm": iterative over reverse
// postorder, near-linear on the reducible graphs soll's frontends produce).
func NewCFG(f *ir.Func) *CFG { return NewCFGReusing(f, nil) }

// NewCFGReusing is NewCFG reusing the Index map of old, a CFG of the same
// function that its user no longer needs (nil: none): old.Index is cleared
// and belongs to the result.
func NewCFGReusing(f *ir.Func, old *CFG) *CFG {
	n := len(f.Blocks)
	var index map[*ir.Block]int
	if old != nil && old.Index != nil {
		index = old.Index
		clear(index)
		old.Index = nil
	} else {
		index = make(map[*ir.Block]int, n)
	}
	c := &CFG{
		Blocks: f.Blocks,
		Index:  index,
		Succs:  make([][]int, n),
		Preds:  make([][]int, n),
		Idom:   make([]int, n),
		rpoNum: make([]int, n),
	}
	for i, b := range f.Blocks {
		c.Index[b] = i
	}
	// Successor and predecessor lists are carved out of two flat arrays
	// (capacity-limited, so an append by a user copies).
	var targets []*ir.Block
	succEnd := make([]int, n)
	var flat []int
	nPreds := make([]int, n)
	for i, b := range f.Blocks {
		targets = AppendSuccs(targets[:0], b.Term)
		for _, s := range targets {
			j, ok := c.Index[s]
			if !ok {
				continue // a target outside f; the verifier reports it
			}
			flat = append(flat, j)
			nPreds[j]++
		}
		succEnd[i] = len(flat)
	}
	predFlat := make([]int, len(flat))
	predEnd := make([]int, n)
	off := 0
	for j := range nPreds {
		off += nPreds[j]
		predEnd[j] = off - nPreds[j] // fill position, ends at off
	}
	start := 0
	for i := range f.Blocks {
		if end := succEnd[i]; end > start {
			c.Succs[i] = flat[start:end:end]
			for _, j := range c.Succs[i] {
				predFlat[predEnd[j]] = i
				predEnd[j]++
			}
			start = end
		}
	}
	for j := range nPreds {
		if k := nPreds[j]; k > 0 {
			c.Preds[j] = predFlat[predEnd[j]-k : predEnd[j] : predEnd[j]]
		}
	}
	for i := range c.rpoNum {
		c.rpoNum[i] = -1
		c.Idom[i] = -1
	}
	if n == 0 {
		return c
	}
	// Iterative DFS postorder.
	post := make([]int, 0, n)
	visited := make([]bool, n)
	type frame struct{ b, next int }
	stack := []frame{{0, 0}}
	visited[0] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(c.Succs[top.b]) {
			s := c.Succs[top.b][top.next]
			top.next++
			if !visited[s] {
				visited[s] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		post = append(post, top.b)
		stack = stack[:len(stack)-1]
	}
	c.RPO = make([]int, len(post))
	for i, b := range post {
		c.RPO[len(post)-1-i] = b
	}
	for i, b := range c.RPO {
		c.rpoNum[b] = i
	}
	// Dominators.
	const undef = -1
	idom := c.Idom
	idom[0] = 0
	intersect := func(a, b int) int {
		for a != b {
			for c.rpoNum[a] > c.rpoNum[b] {
				a = idom[a]
			}
			for c.rpoNum[b] > c.rpoNum[a] {
				b = idom[b]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for _, b := range c.RPO[1:] {
			nd := undef
			for _, p := range c.Preds[b] {
				if c.rpoNum[p] < 0 || idom[p] == undef {
					continue
				}
				if nd == undef {
					nd = p
				} else {
					nd = intersect(p, nd)
				}
			}
			if idom[b] != nd {
				idom[b] = nd
				changed = true
			}
		}
	}
	idom[0] = -1
	c.DomChildren = make([][]int, n)
	for _, b := range c.RPO[1:] {
		c.DomChildren[idom[b]] = append(c.DomChildren[idom[b]], b)
	}
	// DFS numbering of the dominator tree for O(1) dominance queries.
	c.domIn = make([]int, n)
	c.domOut = make([]int, n)
	clock := 0
	type dframe struct{ b, next int }
	ds := []dframe{{0, 0}}
	c.domIn[0] = clock
	clock++
	for len(ds) > 0 {
		top := &ds[len(ds)-1]
		if top.next < len(c.DomChildren[top.b]) {
			ch := c.DomChildren[top.b][top.next]
			top.next++
			c.domIn[ch] = clock
			clock++
			ds = append(ds, dframe{ch, 0})
			continue
		}
		c.domOut[top.b] = clock
		clock++
		ds = ds[:len(ds)-1]
	}
	return c
}

// Reachable reports whether block i is reachable from the entry.
func (c *CFG) Reachable(i int) bool { return c.rpoNum[i] >= 0 }

// Dominates reports whether block a dominates block b (every block dominates
// itself). Both must be reachable.
func (c *CFG) Dominates(a, b int) bool {
	if !c.Reachable(a) || !c.Reachable(b) {
		return false
	}
	return c.domIn[a] <= c.domIn[b] && c.domOut[b] <= c.domOut[a]
}

// DomPreorder returns the reachable blocks in a preorder walk of the
// dominator tree (every block after its dominators).
func (c *CFG) DomPreorder() []int {
	if len(c.Blocks) == 0 {
		return nil
	}
	out := make([]int, 0, len(c.RPO))
	stack := []int{0}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, b)
		ch := c.DomChildren[b]
		for i := len(ch) - 1; i >= 0; i-- {
			stack = append(stack, ch[i])
		}
	}
	return out
}

// Frontiers computes the dominance frontier of every reachable block
// (Cooper, Harvey and Kennedy's runner algorithm). Each list has no
// duplicates.
func (c *CFG) Frontiers() [][]int {
	n := len(c.Blocks)
	df := make([][]int, n)
	last := make([]int, n) // last block added to df[runner], to avoid duplicates
	for i := range last {
		last[i] = -1
	}
	for _, b := range c.RPO {
		if len(c.Preds[b]) < 2 {
			continue
		}
		for _, p := range c.Preds[b] {
			if !c.Reachable(p) {
				continue
			}
			for r := p; r != c.Idom[b] && r >= 0; r = c.Idom[r] {
				if last[r] == b {
					break
				}
				last[r] = b
				df[r] = append(df[r], b)
			}
		}
	}
	return df
}
