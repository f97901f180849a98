package ewasm

// The 256-bit runtime (ewasm.md §5.3), written once as wasm functions and
// emitted only when a module uses them. A word is four i64 limbs, least
// significant first, passed as four parameters; a helper returns words
// through the module's result globals (R0..R3, R4..R7 for a second word),
// and booleans as an i32 result. EVM argument order is kept: shl(s, x) takes
// the shift first.
//
// Wasm shifts take the count mod 64: every intra-limb shift whose count may
// be 0 is guarded (the bug §5.3 describes in solc's polyfill).

// helperBuilders maps a helper name to the function that builds it.
var helperBuilders map[string]func(m *module) *function

func init() {
	helperBuilders = map[string]func(m *module) *function{
		"add":        buildAdd,
		"sub":        buildSub,
		"mul":        buildMul,
		"mul64hi":    buildMul64Hi,
		"udivmod":    buildUDivMod,
		"div":        buildDiv,
		"mod":        buildMod,
		"sdiv":       buildSDiv,
		"smod":       buildSMod,
		"addmod":     buildAddMod,
		"mulmod":     buildMulMod,
		"exp":        buildExp,
		"shift":      buildShiftCore,
		"shl":        func(m *module) *function { return shiftVia(m, "shl") },
		"shr":        func(m *module) *function { return shiftVia(m, "shr") },
		"sar":        func(m *module) *function { return shiftVia(m, "sar") },
		"signextend": buildSignExtend,
		"byte":       buildByte,
		"lt":         func(m *module) *function { return buildCmp(m, "lt", false) },
		"slt":        func(m *module) *function { return buildCmp(m, "slt", true) },
		"keccakF":    buildKeccakF,
		"keccakMem":  buildKeccakMem,
	}
	for k, v := range memHelpers {
		helperBuilders[k] = v
	}
}

// helper returns the named runtime function, building it on first use.
func (m *module) helper(name string) *function {
	if f, ok := m.helpers[name]; ok {
		return f
	}
	build, ok := helperBuilders[name]
	if !ok {
		panic("ewasm: invariant broken: no runtime helper " + name)
	}
	f := build(m)
	m.helpers[name] = f
	return f
}

// wordParams is the parameter list of n words.
func wordParams(n int, extra ...valType) []valType {
	ps := make([]valType, 0, 4*n+len(extra))
	for i := 0; i < 4*n; i++ {
		ps = append(ps, i64)
	}
	return append(ps, extra...)
}

// --- inline emitters (used inside helpers) ---

// addW sets dst = x + y + carryIn and leaves the carry out (0/1) in c. dst
// may alias x or y.
func (b *fb) addW(dst, x, y word, carryIn int64, c, t int) {
	b.i64c(carryIn)
	b.set(c)
	for i := 0; i < 4; i++ {
		// t = x + c; c = t < c; dst = t + y; c |= dst < y
		b.get(x[i])
		b.get(c)
		b.op(opI64Add)
		b.set(t)
		b.get(t)
		b.get(c)
		b.op(opI64LtU, opI64ExtendU)
		b.set(c)
		b.get(y[i])
		b.get(t)
		b.op(opI64Add)
		b.tee(dst[i])
		b.get(t) // overflow iff dst < t (dst may alias y)
		b.op(opI64LtU, opI64ExtendU)
		b.get(c)
		b.op(opI64Or)
		b.set(c)
	}
}

// negW sets x = −x (two's complement).
func (b *fb) negW(x word, c int) {
	b.i64c(1)
	b.set(c)
	for i := 0; i < 4; i++ {
		b.get(x[i])
		b.i64c(-1)
		b.op(opI64Xor)
		b.get(c)
		b.op(opI64Add)
		b.tee(x[i])
		b.get(c)
		b.op(opI64LtU, opI64ExtendU)
		b.set(c)
	}
}

// ltW pushes x < y (unsigned, or signed when signed) as i32. From the
// lowest limb up, each limb's comparison decides unless the limbs are
// equal: acc = select(acc, x[k] < y[k], x[k] == y[k]) (11 bytes a limb).
func (b *fb) ltW(x, y word, signed bool) {
	for k := 0; k < 4; k++ {
		b.get(x[k])
		b.get(y[k])
		if k == 3 && signed {
			b.op(opI64LtS)
		} else {
			b.op(opI64LtU)
		}
		if k == 0 {
			continue
		}
		b.get(x[k])
		b.get(y[k])
		b.op(opI64Eq, opSelect)
	}
}

// shl1W sets x = x<<1 | in, where in is an i64 local holding 0 or 1 (or −1
// for none).
func (b *fb) shl1W(x word, in int) {
	for i := 3; i >= 1; i-- {
		b.get(x[i])
		b.i64c(1)
		b.op(opI64Shl)
		b.get(x[i-1])
		b.i64c(63)
		b.op(opI64ShrU, opI64Or)
		b.set(x[i])
	}
	b.get(x[0])
	b.i64c(1)
	b.op(opI64Shl)
	if in >= 0 {
		b.get(in)
		b.op(opI64Or)
	}
	b.set(x[0])
}

// shr1W sets x = x>>1 (logical).
func (b *fb) shr1W(x word) {
	for i := 0; i < 3; i++ {
		b.get(x[i])
		b.i64c(1)
		b.op(opI64ShrU)
		b.get(x[i+1])
		b.i64c(63)
		b.op(opI64Shl, opI64Or)
		b.set(x[i])
	}
	b.get(x[3])
	b.i64c(1)
	b.op(opI64ShrU)
	b.set(x[3])
}

// --- helpers ---

// buildAdd writes the sum limb by limb straight into the result globals:
// with t = x + y and r = t + c, the carry out is t < x or r < t.
func buildAdd(m *module) *function {
	b := newFunc(m, "add", wordParams(2), nil)
	x, y := wordParam(0), wordParam(4)
	c, t := b.local(i64), b.local(i64)
	for i := 0; i < 4; i++ {
		r := m.result(i)
		b.get(x[i])
		b.get(y[i])
		b.op(opI64Add)
		if i == 0 {
			b.gset(r)
			b.gget(r)
			b.get(x[0])
			b.op(opI64LtU, opI64ExtendU)
			b.set(c)
			continue
		}
		if i < 3 {
			b.tee(t)
		}
		b.get(c)
		b.op(opI64Add)
		b.gset(r)
		if i < 3 {
			b.get(t)
			b.get(x[i])
			b.op(opI64LtU)
			b.gget(r)
			b.get(t)
			b.op(opI64LtU, opI32Or, opI64ExtendU)
			b.set(c)
		}
	}
	return b.f
}

// buildSub writes the difference limb by limb straight into the result
// globals, as buildAdd does: with v = x − y, the borrow out is x < y or
// v < c (v wrapped to 0 under an incoming borrow c), and the limb is v − c.
// (^(^x + y) through the add helper would be 20 bytes shorter, but costs a
// second call on every subtraction: ~25% on call-heavy code such as fib.)
func buildSub(m *module) *function {
	b := newFunc(m, "sub", wordParams(2), nil)
	x, y := wordParam(0), wordParam(4)
	c, v := b.local(i64), b.local(i64)
	for i := 0; i < 4; i++ {
		b.get(x[i])
		b.get(y[i])
		b.op(opI64Sub)
		switch i {
		case 0:
			b.gset(m.result(0))
			b.get(x[0])
			b.get(y[0])
			b.op(opI64LtU, opI64ExtendU)
			b.set(c)
		case 3:
			b.get(c)
			b.op(opI64Sub)
			b.gset(m.result(3))
		default:
			b.tee(v)
			b.get(c)
			b.op(opI64LtU)
			b.get(x[i])
			b.get(y[i])
			b.op(opI64LtU, opI32Or, opI64ExtendU)
			b.get(v)
			b.get(c)
			b.op(opI64Sub)
			b.gset(m.result(i))
			b.set(c)
		}
	}
	return b.f
}

// buildMul64Hi: the high 64 bits of a 64×64 product from 32-bit halves.
func buildMul64Hi(m *module) *function {
	b := newFunc(m, "mul64hi", []valType{i64, i64}, []valType{i64})
	const x, y = 0, 1
	p00, p01, p10, p11 := b.local(i64), b.local(i64), b.local(i64), b.local(i64)
	half := func(v int, hi bool) {
		b.get(v)
		if hi {
			b.i64c(32)
			b.op(opI64ShrU)
		} else {
			b.i64c(0xffffffff)
			b.op(opI64And)
		}
	}
	prod := func(dst int, xh, yh bool) {
		half(x, xh)
		half(y, yh)
		b.op(opI64Mul)
		b.set(dst)
	}
	prod(p00, false, false)
	prod(p01, false, true)
	prod(p10, true, false)
	prod(p11, true, true)
	// mid = (p00>>32) + lo32(p01) + lo32(p10)
	// hi = p11 + (p01>>32) + (p10>>32) + (mid>>32)
	b.get(p11)
	half(p01, true)
	b.op(opI64Add)
	half(p10, true)
	b.op(opI64Add)
	half(p00, true)
	half(p01, false)
	b.op(opI64Add)
	half(p10, false)
	b.op(opI64Add)
	b.i64c(32)
	b.op(opI64ShrU, opI64Add)
	return b.f
}

// buildMul: the product mod 2^256, schoolbook by rows: for each limb x[i],
// carry:r[k] = x[i]·y[j] + r[k] + carry along k = i+j < 3 (this never
// overflows 128 bits), and limb 3 takes only the low 64 bits. The carry
// alternates between two locals: a cell reads one and writes the other.
func buildMul(m *module) *function {
	hi := m.helper("mul64hi")
	b := newFunc(m, "mul", wordParams(2), nil)
	x, y := wordParam(0), wordParam(4)
	r := b.newWord()
	h := [2]int{b.local(i64), b.local(i64)}
	lo := b.local(i64)
	// addTo adds local v to the low half on the stack, counting the carry
	// out into the high half h[out]: lo += v; h[out] += lo < v.
	addTo := func(v, out int) {
		b.get(v)
		b.op(opI64Add)
		b.tee(lo)
		b.get(v)
		b.op(opI64LtU, opI64ExtendU)
		b.get(h[out])
		b.op(opI64Add)
		b.set(h[out])
		b.get(lo)
	}
	for i := 0; i < 4; i++ {
		in := 0 // h[in] holds the carry from the cell before (j > 0)
		for j := 0; i+j < 4; j++ {
			k := i + j
			if k == 3 {
				// r[3] (+)= x[i]·y[j] + carry mod 2^64
				if i > 0 {
					b.get(r[3])
				}
				b.get(x[i])
				b.get(y[j])
				b.op(opI64Mul)
				if i > 0 {
					b.op(opI64Add)
				}
				if j > 0 {
					b.get(h[in])
					b.op(opI64Add)
				}
				b.set(r[3])
				break
			}
			out := 1 - in
			b.get(x[i])
			b.get(y[j])
			b.call(hi)
			b.set(h[out])
			b.get(x[i])
			b.get(y[j])
			b.op(opI64Mul)
			if i > 0 {
				addTo(r[k], out)
			}
			if j > 0 {
				addTo(h[in], out)
			}
			b.set(r[k])
			in = out
		}
	}
	b.retW(r)
	return b.f
}

// buildUDivMod: quotient in R0..R3, remainder in R4..R7; a divisor of 0
// gives 0 and 0 (EVM semantics). Restoring binary long division over the
// significant bits of the dividend a, with the quotient bits shifted into
// a's vacated low bits: each step shifts the 512-bit r:a left by one, and
// once the top bits of a are used up, a holds the quotient.
func buildUDivMod(m *module) *function {
	b := newFunc(m, "udivmod", wordParams(2), nil)
	a, d := wordParam(0), wordParam(4)
	r, t := b.newWord(), b.newWord()
	cnt, top, c := b.local(i64), b.local(i64), b.local(i64)
	b.zeroW(r)
	b.block(noType, func(done label) {
		b.isZeroW(d)
		b.ifElse(noType, func() {
			b.zeroW(a)
			b.br(done)
		}, nil)
		// fast path: both fit 64 bits
		b.highZero(a)
		b.highZero(d)
		b.op(opI32And)
		b.ifElse(noType, func() {
			b.get(a[0])
			b.get(d[0])
			b.op(opI64RemU)
			b.set(r[0])
			b.get(a[0])
			b.get(d[0])
			b.op(opI64DivU)
			b.set(a[0])
			b.br(done)
		}, nil)
		b.i64c(256)
		b.set(cnt)
		b.skipZeroTopLimbs(a, cnt)
		b.block(noType, func(out label) {
			b.loop(func(again label) {
				b.get(cnt)
				b.op(opI64Eqz)
				b.brIf(out)
				// top:r:a <<= 1
				b.get(r[3])
				b.i64c(63)
				b.op(opI64ShrU)
				b.set(top)
				w := [8]int{a[0], a[1], a[2], a[3], r[0], r[1], r[2], r[3]}
				for i := 7; i >= 0; i-- {
					b.get(w[i])
					b.i64c(1)
					b.op(opI64Shl)
					if i > 0 {
						b.get(w[i-1])
						b.i64c(63)
						b.op(opI64ShrU, opI64Or)
					}
					b.set(w[i])
				}
				// t = r − d with borrow c; if top:r ≥ d (the borrow does
				// not exceed top): r = t and the quotient bit is 1
				b.borrowSub(t, r, d, c)
				b.get(c)
				b.get(top)
				b.op(opI64LeU)
				b.ifElse(noType, func() {
					b.copyW(r, t)
					b.get(a[0])
					b.i64c(1)
					b.op(opI64Or)
					b.set(a[0])
				}, nil)
				b.get(cnt)
				b.i64c(1)
				b.op(opI64Sub)
				b.set(cnt)
				b.br(again)
			})
		})
	})
	b.retW(a)
	for i, l := range r {
		b.get(l)
		b.gset(m.result(4 + i))
	}
	return b.f
}

// borrowSub sets dst = x − y (dst must not alias x or y) and leaves the
// borrow out (0/1) in c. Per limb, with v = x − y: the borrow is x < y or
// v < c (v wrapped to 0 under an incoming borrow), and dst = v − c.
func (b *fb) borrowSub(dst, x, y word, c int) {
	for i := 0; i < 4; i++ {
		b.get(x[i])
		b.get(y[i])
		b.op(opI64Sub)
		if i == 0 {
			b.set(dst[i])
		} else {
			b.tee(dst[i])
			b.get(c)
			b.op(opI64LtU)
		}
		b.get(x[i])
		b.get(y[i])
		b.op(opI64LtU)
		if i > 0 {
			b.op(opI32Or)
		}
		b.op(opI64ExtendU)
		if i > 0 {
			b.get(dst[i])
			b.get(c)
			b.op(opI64Sub)
			b.set(dst[i])
		}
		b.set(c)
	}
}

func buildDiv(m *module) *function {
	dm := m.helper("udivmod")
	b := newFunc(m, "div", wordParams(2), nil)
	b.getW(wordParam(0))
	b.getW(wordParam(4))
	b.call(dm)
	return b.f
}

func buildMod(m *module) *function {
	dm := m.helper("udivmod")
	b := newFunc(m, "mod", wordParams(2), nil)
	b.getW(wordParam(0))
	b.getW(wordParam(4))
	b.call(dm)
	for i := 0; i < 4; i++ {
		b.gget(m.result(4 + i))
		b.gset(m.result(i))
	}
	return b.f
}

// signedDivMod divides |a| by |d|; the quotient is negated when the signs
// differ, the remainder when a is negative. MIN / −1 = MIN falls out.
func signedDivMod(m *module, name string, wantMod bool) *function {
	dm := m.helper("udivmod")
	b := newFunc(m, name, wordParams(2), nil)
	a, d := wordParam(0), wordParam(4)
	sa, sd, c := b.local(i64), b.local(i64), b.local(i64)
	r := b.newWord()
	b.get(a[3])
	b.i64c(63)
	b.op(opI64ShrU)
	b.set(sa)
	b.get(d[3])
	b.i64c(63)
	b.op(opI64ShrU)
	b.set(sd)
	b.get(sa)
	b.op(opI32WrapI64)
	b.ifElse(noType, func() { b.negW(a, c) }, nil)
	b.get(sd)
	b.op(opI32WrapI64)
	b.ifElse(noType, func() { b.negW(d, c) }, nil)
	b.getW(a)
	b.getW(d)
	b.call(dm)
	off := 0
	if wantMod {
		off = 4
	}
	for i, l := range r {
		b.gget(m.result(off + i))
		b.set(l)
	}
	if wantMod {
		b.get(sa)
	} else {
		b.get(sa)
		b.get(sd)
		b.op(opI64Xor)
	}
	b.op(opI32WrapI64)
	b.ifElse(noType, func() { b.negW(r, c) }, nil)
	b.retW(r)
	return b.f
}

func buildSDiv(m *module) *function { return signedDivMod(m, "sdiv", false) }
func buildSMod(m *module) *function { return signedDivMod(m, "smod", true) }

// modAddW sets x = (x + y) mod n for x, y < n; tw is a scratch word. The
// sum is c:x (c the carry); when the borrow of x − n does not exceed c,
// c:x ≥ n and x − n is the result.
func (b *fb) modAddW(x, y, n, tw word, c, t int) {
	b.addW(x, x, y, 0, c, t)
	b.borrowSub(tw, x, n, t)
	b.get(t)
	b.get(c)
	b.op(opI64LeU)
	b.ifElse(noType, func() { b.copyW(x, tw) }, nil)
}

// reduceW sets x = x mod n via the mod helper.
// skipZeroTopLimbs shifts w left by whole limbs while its top limb is zero,
// taking 64 from the bit counter cnt each time (stops at cnt = 0): the
// bit-serial loops of divmod and mulmod then skip leading zero limbs.
func (b *fb) skipZeroTopLimbs(w word, cnt int) {
	b.block(noType, func(out label) {
		b.loop(func(again label) {
			b.get(w[3])
			b.op(opI64Eqz, opI32Eqz)
			b.brIf(out)
			b.get(cnt)
			b.op(opI64Eqz)
			b.brIf(out)
			b.get(w[2])
			b.set(w[3])
			b.get(w[1])
			b.set(w[2])
			b.get(w[0])
			b.set(w[1])
			b.i64c(0)
			b.set(w[0])
			b.get(cnt)
			b.i64c(64)
			b.op(opI64Sub)
			b.set(cnt)
			b.br(again)
		})
	})
}

func (b *fb) reduceW(x, n word) {
	b.getW(x)
	b.getW(n)
	b.call(b.m.helper("mod"))
	b.resW(x)
}

func buildAddMod(m *module) *function {
	m.helper("mod")
	b := newFunc(m, "addmod", wordParams(3), nil)
	x, y, n := wordParam(0), wordParam(4), wordParam(8)
	c, t, tw := b.local(i64), b.local(i64), b.newWord()
	b.isZeroW(n)
	b.ifElse(noType, func() {
		b.zeroW(x)
	}, func() {
		b.reduceW(x, n)
		b.reduceW(y, n)
		b.modAddW(x, y, n, tw, c, t)
	})
	b.retW(x)
	return b.f
}

// buildMulMod: double-and-add over the bits of y, every step reduced mod n,
// so no 512-bit product is needed.
func buildMulMod(m *module) *function {
	m.helper("mod")
	b := newFunc(m, "mulmod", wordParams(3), nil)
	x, y, n := wordParam(0), wordParam(4), wordParam(8)
	r := b.newWord()
	c, t, cnt, tw := b.local(i64), b.local(i64), b.local(i64), b.newWord()
	b.zeroW(r)
	b.isZeroW(n)
	b.op(opI32Eqz)
	b.ifElse(noType, func() {
		b.reduceW(x, n)
		b.reduceW(y, n)
		b.i64c(256)
		b.set(cnt)
		b.skipZeroTopLimbs(y, cnt)
		b.block(noType, func(out label) {
			b.loop(func(again label) {
				b.get(cnt)
				b.op(opI64Eqz)
				b.brIf(out)
				b.modAddW(r, r, n, tw, c, t)
				b.get(y[3])
				b.i64c(0)
				b.op(opI64LtS)
				b.ifElse(noType, func() { b.modAddW(r, x, n, tw, c, t) }, nil)
				b.shl1W(y, -1)
				b.get(cnt)
				b.i64c(1)
				b.op(opI64Sub)
				b.set(cnt)
				b.br(again)
			})
		})
	}, nil)
	b.retW(r)
	return b.f
}

// buildExp: square-and-multiply from the least significant exponent bit.
func buildExp(m *module) *function {
	mul := m.helper("mul")
	b := newFunc(m, "exp", wordParams(2), nil)
	x, e := wordParam(0), wordParam(4)
	r := b.newWord()
	b.zeroW(r)
	b.i64c(1)
	b.set(r[0])
	b.block(noType, func(out label) {
		b.loop(func(again label) {
			b.isZeroW(e)
			b.brIf(out)
			b.get(e[0])
			b.i64c(1)
			b.op(opI64And, opI32WrapI64)
			b.ifElse(noType, func() {
				b.getW(r)
				b.getW(x)
				b.call(mul)
				b.resW(r)
			}, nil)
			b.shr1W(e)
			b.isZeroW(e)
			b.brIf(out)
			b.getW(x)
			b.getW(x)
			b.call(mul)
			b.resW(x)
			b.br(again)
		})
	})
	b.retW(r)
	return b.f
}

// The shifts share one core, "shift", and are small wrappers around it.
// The core takes (s word, x word, fill i64, left i32): it lays out the
// 512-bit value V = hi:lo in the 64-byte scratch at scratchShift (x at byte
// offset left, i.e. 32 for shl and 0 for shr/sar, the fill limbs in the
// other half) and returns the low 256 bits of V >> a, where
//
//	shr/sar: V = fill:x, a = min(s, 256) (s ≥ 256 gives the fill);
//	shl:     V = x:0,    a = 256 − min(s, 256) (x << s = (x·2^256) >> a).
//
// With kb = 8·(a/64) (a byte offset) and bs = a mod 64, result limb i is
// L[i+kb] >> bs | (L[i+kb+1] << 1) << (63 − bs): the double shift needs no
// guard for bs = 0 (wasm shifts take the count mod 64, so 63 − bs is ~a
// and a >> bs is a >> a), and the whole-limb offset kb is the load's
// dynamic address, the limb index its static offset. For a = 256 (kb = 32)
// the hi loads read 8 bytes past the scratch, which << 1 << 63 discards.

// buildShiftCore builds the core described above.
func buildShiftCore(m *module) *function {
	b := newFunc(m, "shift", wordParams(2, i64, i32), nil)
	s, x := wordParam(0), wordParam(4)
	const fill, left = 8, 9
	a, ns, kb, other := b.local(i64), b.local(i64), b.local(i32), b.local(i32)
	// a = s < 256 ? s : 256, where s < 256 is (s0>>8 | s1 | s2 | s3) = 0
	b.get(s[0])
	b.i64c(256)
	b.get(s[0])
	b.i64c(8)
	b.op(opI64ShrU)
	for _, l := range s[1:] {
		b.get(l)
		b.op(opI64Or)
	}
	b.op(opI64Eqz, opSelect)
	b.set(a)
	b.get(left)
	b.ifElse(noType, func() {
		b.i64c(256)
		b.get(a)
		b.op(opI64Sub)
		b.set(a)
	}, nil)
	b.get(left)
	b.i32c(32)
	b.op(opI32Xor)
	b.set(other) // where the fill limbs go
	for i := 0; i < 4; i++ {
		b.get(left)
		b.get(x[i])
		b.store(opI64Store, scratchShift+8*i)
		b.get(other)
		b.get(fill)
		b.store(opI64Store, scratchShift+8*i)
	}
	b.get(a)
	b.i64c(-1)
	b.op(opI64Xor)
	b.set(ns)
	b.get(a)
	b.op(opI32WrapI64)
	b.i32c(3)
	b.op(opI32ShrU)
	b.i32c(-8)
	b.op(opI32And)
	b.set(kb)
	for i := 0; i < 4; i++ {
		b.get(kb)
		b.load(opI64Load, scratchShift+8*i)
		b.get(a)
		b.op(opI64ShrU)
		b.get(kb)
		b.load(opI64Load, scratchShift+8*i+8)
		b.i64c(1)
		b.op(opI64Shl)
		b.get(ns)
		b.op(opI64Shl, opI64Or)
		b.gset(m.result(i))
	}
	return b.f
}

// shiftVia builds shl, shr or sar as a call of the core.
func shiftVia(m *module, name string) *function {
	core := m.helper("shift")
	b := newFunc(m, name, wordParams(2), nil)
	b.getW(wordParam(0))
	b.getW(wordParam(4))
	if name == "sar" {
		b.get(7) // the sign of x, in every fill bit
		b.i64c(63)
		b.op(opI64ShrS)
	} else {
		b.i64c(0)
	}
	if name == "shl" {
		b.i32c(32)
	} else {
		b.i32c(0)
	}
	b.call(core)
	return b.f
}

// buildSignExtend: signextend(k, x) = sar(s, shl(s, x)) with s = 248 − 8k
// for k < 31, else x.
func buildSignExtend(m *module) *function {
	shl, sar := m.helper("shl"), m.helper("sar")
	b := newFunc(m, "signextend", wordParams(2), nil)
	k, x := wordParam(0), wordParam(4)
	s := b.local(i64)
	b.highZero(k)
	b.get(k[0])
	b.i64c(31)
	b.op(opI64LtU, opI32And)
	b.ifElse(noType, func() {
		b.i64c(248)
		b.get(k[0])
		b.i64c(3)
		b.op(opI64Shl, opI64Sub)
		b.set(s)
		b.get(s)
		b.i64c(0)
		b.i64c(0)
		b.i64c(0)
		b.getW(x)
		b.call(shl)
		b.get(s)
		b.i64c(0)
		b.i64c(0)
		b.i64c(0)
		for i := 0; i < 4; i++ {
			b.gget(m.result(i))
		}
		b.call(sar)
	}, func() {
		b.retW(x)
	})
	return b.f
}

// buildByte: byte(i, x) is byte i of the big-endian word, 0 for i ≥ 32.
// The limbs are stored little-endian, so BE byte i sits at LE offset 31 − i.
func buildByte(m *module) *function {
	b := newFunc(m, "byte", wordParams(2), nil)
	i, x := wordParam(0), wordParam(4)
	r := b.newWord()
	b.zeroW(r)
	b.highZero(i)
	b.get(i[0])
	b.i64c(32)
	b.op(opI64LtU, opI32And)
	b.ifElse(noType, func() {
		for j := 0; j < 4; j++ {
			b.i32c(scratchShift)
			b.get(x[j])
			b.store(opI64Store, 8*j)
		}
		b.i32c(scratchShift + 31)
		b.get(i[0])
		b.op(opI32WrapI64, opI32Sub)
		b.load(opI64Load8U, 0)
		b.set(r[0])
	}, nil)
	b.retW(r)
	return b.f
}

func buildCmp(m *module, name string, signed bool) *function {
	b := newFunc(m, name, wordParams(2), []valType{i32})
	b.ltW(wordParam(0), wordParam(4), signed)
	return b.f
}
