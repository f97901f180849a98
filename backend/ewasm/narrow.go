package ewasm

import (
	"fmt"
	"math/bits"
)

// narrowCalls shrinks calls whose word arguments are below 2^64: the three
// high limbs of such an argument are pushed as i64.const 0. When a callee
// is called often enough with the same such arguments, those calls go to a
// small wrapper that takes each of them as one i64 and pushes the zeros
// itself (6 bytes saved per argument and call site).
//
// The arguments of a call are recognised by stack discipline alone: when
// the 4n instructions before a call of a function with 4n i64 parameters
// each push one value and pop none, they are its arguments.
func (m *module) narrowCalls() {
	type key struct {
		f    *function
		mask uint32
	}
	type site struct {
		caller *function
		at     int
	}
	sites := map[key][]site{}
	var keys []key
	callers := append([]*function(nil), m.funcs...)
	for _, c := range callers {
		for at, in := range c.body {
			if in.op != opCall || in.fn.isImport() {
				continue
			}
			nw := wordArity(in.fn)
			if nw == 0 || nw > 16 || at < 4*nw {
				continue
			}
			args := c.body[at-4*nw : at]
			simple := true
			for _, a := range args {
				switch a.op {
				case opLocalGet, opGlobalGet, opI64Const:
				default:
					simple = false
				}
			}
			if !simple {
				continue
			}
			var mask uint32
			for k := 0; k < nw; k++ {
				if isZeroConst(args[4*k+1]) && isZeroConst(args[4*k+2]) && isZeroConst(args[4*k+3]) {
					mask |= 1 << k
				}
			}
			if mask == 0 {
				continue
			}
			k := key{in.fn, mask}
			if _, seen := sites[k]; !seen {
				keys = append(keys, k)
			}
			sites[k] = append(sites[k], site{c, at})
		}
	}
	// drop marks the instructions to delete, per caller
	drop := map[*function]map[int]bool{}
	for _, k := range keys {
		ss := sites[k]
		nw := wordArity(k.f)
		narrow := bits.OnesCount32(k.mask)
		cost := 8*nw + 12 + (4*nw - 3*narrow)
		if len(ss)*6*narrow <= cost {
			continue
		}
		w := m.narrowWrapper(k.f, nw, k.mask)
		for _, s := range ss {
			d := drop[s.caller]
			if d == nil {
				d = map[int]bool{}
				drop[s.caller] = d
			}
			for a := 0; a < nw; a++ {
				if k.mask&(1<<a) != 0 {
					base := s.at - 4*nw + 4*a
					d[base+1], d[base+2], d[base+3] = true, true, true
				}
			}
			s.caller.body[s.at].fn = w
		}
	}
	for c, d := range drop {
		out := c.body[:0]
		for i, in := range c.body {
			if !d[i] {
				out = append(out, in)
			}
		}
		c.body = out
	}
}

// wordArity is the number of words a function takes when its parameters
// are all i64 in groups of four; 0 otherwise.
func wordArity(f *function) int {
	ps := f.typ.params
	if len(ps) == 0 || len(ps)%4 != 0 {
		return 0
	}
	for _, p := range ps {
		if p != i64 {
			return 0
		}
	}
	return len(ps) / 4
}

func isZeroConst(in instr) bool {
	return in.op == opI64Const && in.sym == symNone && in.imm == 0
}

// narrowWrapper builds f's wrapper for the arguments in mask.
func (m *module) narrowWrapper(f *function, nw int, mask uint32) *function {
	var ps []valType
	for a := 0; a < nw; a++ {
		if mask&(1<<a) != 0 {
			ps = append(ps, i64)
		} else {
			ps = append(ps, i64, i64, i64, i64)
		}
	}
	b := newFunc(m, fmt.Sprintf("%s/%b", f.name, mask), ps, f.typ.results)
	p := 0
	for a := 0; a < nw; a++ {
		if mask&(1<<a) != 0 {
			b.get(p)
			b.i64c(0)
			b.i64c(0)
			b.i64c(0)
			p++
		} else {
			for i := 0; i < 4; i++ {
				b.get(p)
				p++
			}
		}
	}
	b.call(f)
	return b.f
}
