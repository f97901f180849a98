package ewasm

import (
	"fmt"
	"strings"
)

// narrowCalls shrinks the word arguments of calls when a callee is called
// often enough with the same shape of arguments. Each word argument is one
// of
//
//	argWide: four limbs, pushed at the call site;
//	argZero: below 2^64, the three high limbs pushed as i64.const 0;
//	argOnes: the three high limbs pushed as i64.const -1 (a small negative
//	         constant such as not(3));
//	argTop:  the three low limbs pushed as i64.const 0 (a selector shifted
//	         to the top, as in mstore(0, shl(224, selector)));
//	argRes:  the four result globals R0..R3, read in order right before
//	         the call (a result passed straight on to the next call).
//
// Such calls go to a small wrapper that takes the one limb that varies of
// a zero-, ones- or top-only argument as one i64 and pushes the constant
// limbs itself, and reads the result globals itself: 6 bytes saved per
// such argument and call site, 8 per argument from the result globals.
//
// The arguments of a call are recognised by stack discipline alone: the
// code before a call of a function with 4n i64 parameters is cut into 4n
// straight-line pieces that each push one value (pushSlice).
func (m *module) narrowCalls() {
	type key struct {
		f     *function
		kinds string
	}
	type site struct {
		caller *function
		at     int
		starts []int // where each parameter's value starts
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
			if nw == 0 || nw > 16 {
				continue
			}
			starts, ok := argStarts(c.body, at, 4*nw)
			if !ok {
				continue
			}
			kinds := make([]byte, nw)
			narrow := false
			for a := range kinds {
				kinds[a] = m.argKind(c.body, at, starts, a)
				if kinds[a] == argRes && m.helpers[in.fn.name] != in.fn {
					// a wrapper of an IR function would add a call to every
					// call of it, recursive ones included (fib): results
					// are only passed straight on to runtime helpers
					kinds[a] = argWide
				}
				narrow = narrow || kinds[a] != argWide
			}
			if !narrow {
				continue
			}
			k := key{in.fn, string(kinds)}
			if _, seen := sites[k]; !seen {
				keys = append(keys, k)
			}
			sites[k] = append(sites[k], site{c, at, starts})
		}
	}
	// the function types of the module (wrappers add theirs)
	_, types := m.types()
	// drop marks the instructions to delete, per caller
	drop := map[*function]map[int]bool{}
	for _, k := range keys {
		ss := sites[k]
		nw := len(k.kinds)
		// the wrapper: 8 bytes of pushes per argument, a call, the body's
		// framing and its function entry, and a type with its parameters
		// unless the module has it already
		t := wrapperType(k.f, k.kinds)
		cost := 8*nw + 6
		if !hasKey(types, t.key()) {
			cost += 3 + len(t.params) + len(t.results)
		}
		res := strings.Count(k.kinds, string(rune(argRes)))
		if len(ss)*(6*(nw-res-strings.Count(k.kinds, string(rune(argWide))))+8*res) <= cost {
			continue
		}
		types[t.key()] = 0
		w := m.narrowWrapper(k.f, k.kinds)
		for _, s := range ss {
			d := drop[s.caller]
			if d == nil {
				d = map[int]bool{}
				drop[s.caller] = d
			}
			for a := 0; a < nw; a++ {
				switch k.kinds[a] {
				case argZero, argOnes:
					for i := 1; i < 4; i++ {
						d[s.starts[4*a+i]] = true
					}
				case argTop:
					for i := 0; i < 3; i++ {
						d[s.starts[4*a+i]] = true
					}
				case argRes:
					for i := 0; i < 4; i++ {
						d[s.starts[4*a+i]] = true
					}
				}
			}
			s.caller.body[s.at].fn = w
		}
	}
	for c, d := range drop {
		c.body = deleteMarked(c.body, d)
	}
}

// The kinds of word arguments of narrowCalls.
const (
	argWide = 'w'
	argZero = 'z'
	argOnes = 'o'
	argTop  = 't'
	argRes  = 'r'
)

// argStarts cuts the code before the call at into n pieces that each push
// one value, and returns where each starts.
func argStarts(body []instr, at, n int) ([]int, bool) {
	starts := make([]int, n)
	end := at
	for k := n - 1; k >= 0; k-- {
		s := pushSlice(body, 0, end)
		if s < 0 {
			return nil, false
		}
		starts[k] = s
		end = s
	}
	return starts, true
}

// argKind classifies word argument a of the call at (parameters 4a…4a+3).
func (m *module) argKind(body []instr, at int, starts []int, a int) byte {
	single := func(p int) bool {
		next := at
		if p+1 < len(starts) {
			next = starts[p+1]
		}
		return next == starts[p]+1
	}
	res := true
	for i := 0; i < 4; i++ {
		p := starts[4*a+i]
		if !single(4*a+i) || body[p].op != opGlobalGet || len(m.resultGlobals) <= i || body[p].global != m.resultGlobals[i] {
			res = false
			break
		}
	}
	if res {
		// the wrapper reads the globals after the later arguments are
		// pushed: they must not write them
		for j := starts[4*a+3] + 1; j < at; j++ {
			if body[j].op == opCall || body[j].op == opGlobalSet {
				res = false
				break
			}
		}
	}
	if res {
		return argRes
	}
	// constLimbs: limbs lo…hi-1 are each one i64.const v
	constLimbs := func(lo, hi int, v int64) bool {
		for i := lo; i < hi; i++ {
			in := body[starts[4*a+i]]
			if !single(4*a+i) || in.op != opI64Const || in.sym != symNone || in.imm != v {
				return false
			}
		}
		return true
	}
	switch {
	case constLimbs(1, 4, 0):
		return argZero
	case constLimbs(0, 3, 0):
		return argTop
	case constLimbs(1, 4, -1):
		return argOnes
	}
	return argWide
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

// wrapperType is the type of f's wrapper for the argument kinds.
func wrapperType(f *function, kinds string) funcType {
	var ps []valType
	for _, k := range []byte(kinds) {
		switch k {
		case argWide:
			ps = append(ps, i64, i64, i64, i64)
		case argZero, argOnes, argTop:
			ps = append(ps, i64)
		}
	}
	return funcType{params: ps, results: f.typ.results}
}

// narrowWrapper builds f's wrapper for the argument kinds.
func (m *module) narrowWrapper(f *function, kinds string) *function {
	t := wrapperType(f, kinds)
	b := newFunc(m, fmt.Sprintf("%s/%s", f.name, kinds), t.params, t.results)
	p := 0
	for _, k := range []byte(kinds) {
		switch k {
		case argWide:
			for i := 0; i < 4; i++ {
				b.get(p)
				p++
			}
		case argZero, argOnes:
			b.get(p)
			c := int64(0)
			if k == argOnes {
				c = -1
			}
			b.i64c(c)
			b.i64c(c)
			b.i64c(c)
			p++
		case argTop:
			b.i64c(0)
			b.i64c(0)
			b.i64c(0)
			b.get(p)
			p++
		case argRes:
			for i := 0; i < 4; i++ {
				b.gget(m.result(i))
			}
		}
	}
	b.call(f)
	return b.f
}
