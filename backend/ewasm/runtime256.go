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
		"shl":        buildShl,
		"shr":        func(m *module) *function { return buildShr(m, false) },
		"sar":        func(m *module) *function { return buildShr(m, true) },
		"signextend": buildSignExtend,
		"byte":       buildByte,
		"lt":         func(m *module) *function { return buildCmp(m, "lt", false) },
		"slt":        func(m *module) *function { return buildCmp(m, "slt", true) },
		"bswap64":    buildBswap64,
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

// subW sets dst = x − y and leaves the borrow (0/1) in c. dst may alias x.
func (b *fb) subW(dst, x, y word, c, t int) {
	b.i64c(0)
	b.set(c)
	for i := 0; i < 4; i++ {
		// t = x − c; c1 = x < c; dst = t − y; c = c1 | t < y
		b.get(x[i])
		b.get(c)
		b.op(opI64Sub)
		b.set(t)
		b.get(x[i])
		b.get(c)
		b.op(opI64LtU, opI64ExtendU)
		b.set(c)
		b.get(t)
		b.get(y[i])
		b.op(opI64LtU, opI64ExtendU)
		b.get(c)
		b.op(opI64Or)
		b.get(t)
		b.get(y[i])
		b.op(opI64Sub)
		b.set(dst[i])
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

// ltW pushes x < y (unsigned, or signed when signed) as i32.
func (b *fb) ltW(x, y word, signed bool) {
	var rec func(k int)
	rec = func(k int) {
		b.get(x[k])
		b.get(y[k])
		if k == 3 && signed {
			b.op(opI64LtS)
		} else {
			b.op(opI64LtU)
		}
		if k == 0 {
			return
		}
		b.get(x[k])
		b.get(y[k])
		b.op(opI64Eq)
		rec(k - 1)
		b.op(opI32And, opI32Or)
	}
	rec(3)
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

func buildSub(m *module) *function {
	b := newFunc(m, "sub", wordParams(2), nil)
	r := b.newWord()
	c, t := b.local(i64), b.local(i64)
	b.subW(r, wordParam(0), wordParam(4), c, t)
	b.retW(r)
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

// buildMul: the product mod 2^256, schoolbook over 64-bit limbs.
func buildMul(m *module) *function {
	hi := m.helper("mul64hi")
	b := newFunc(m, "mul", wordParams(2), nil)
	x, y := wordParam(0), wordParam(4)
	r := b.newWord()
	c := b.local(i64)
	b.zeroW(r)
	for i := 0; i < 4; i++ {
		for j := 0; i+j < 4; j++ {
			k := i + j
			// lo
			b.get(x[i])
			b.get(y[j])
			b.op(opI64Mul)
			b.set(c)
			b.emitAddCarry(r, k, c)
			if k+1 < 4 {
				b.get(x[i])
				b.get(y[j])
				b.call(hi)
				b.set(c)
				b.emitAddCarry(r, k+1, c)
			}
		}
	}
	b.retW(r)
	return b.f
}

// emitAddCarry adds local v to limb k of r and propagates the carry up to
// limb 3 (mod 2^256). v is clobbered.
func (b *fb) emitAddCarry(r word, k int, v int) {
	for ; k < 4; k++ {
		b.get(r[k])
		b.get(v)
		b.op(opI64Add)
		b.tee(r[k])
		if k == 3 {
			b.op(opDrop)
			return
		}
		b.get(v)
		b.op(opI64LtU, opI64ExtendU)
		b.set(v)
	}
}

// buildUDivMod: quotient in R0..R3, remainder in R4..R7; a divisor of 0
// gives 0 and 0 (EVM semantics). Restoring binary long division over the
// significant bits of the dividend.
func buildUDivMod(m *module) *function {
	b := newFunc(m, "udivmod", wordParams(2), nil)
	a, d := wordParam(0), wordParam(4)
	q, r := b.newWord(), b.newWord()
	cnt, top, c, t := b.local(i64), b.local(i64), b.local(i64), b.local(i64)
	b.zeroW(q)
	b.zeroW(r)
	b.block(noType, func(done label) {
		b.isZeroW(d)
		b.brIf(done)
		// fast path: both fit 64 bits
		b.highZero(a)
		b.highZero(d)
		b.op(opI32And)
		b.ifElse(noType, func() {
			b.get(a[0])
			b.get(d[0])
			b.op(opI64DivU)
			b.set(q[0])
			b.get(a[0])
			b.get(d[0])
			b.op(opI64RemU)
			b.set(r[0])
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
				b.get(r[3])
				b.i64c(63)
				b.op(opI64ShrU)
				b.set(top)
				b.get(a[3])
				b.i64c(63)
				b.op(opI64ShrU)
				b.set(t)
				b.shl1W(r, t)
				b.shl1W(a, -1)
				b.shl1W(q, -1)
				// if top or r >= d: r -= d; q |= 1
				b.get(top)
				b.op(opI64Eqz, opI32Eqz)
				b.ltW(r, d, false)
				b.op(opI32Eqz, opI32Or)
				b.ifElse(noType, func() {
					b.subW(r, r, d, c, t)
					b.get(q[0])
					b.i64c(1)
					b.op(opI64Or)
					b.set(q[0])
				}, nil)
				b.get(cnt)
				b.i64c(1)
				b.op(opI64Sub)
				b.set(cnt)
				b.br(again)
			})
		})
	})
	b.retW(q)
	for i, l := range r {
		b.get(l)
		b.gset(m.result(4 + i))
	}
	return b.f
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

// modAddW sets x = (x + y) mod n for x, y < n.
func (b *fb) modAddW(x, y, n word, c, t int) {
	b.addW(x, x, y, 0, c, t)
	b.get(c)
	b.op(opI64Eqz, opI32Eqz)
	b.ltW(x, n, false)
	b.op(opI32Eqz, opI32Or)
	b.ifElse(noType, func() { b.subW(x, x, n, c, t) }, nil)
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
	c, t := b.local(i64), b.local(i64)
	b.isZeroW(n)
	b.ifElse(noType, func() {
		b.zeroW(x)
	}, func() {
		b.reduceW(x, n)
		b.reduceW(y, n)
		b.modAddW(x, y, n, c, t)
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
	c, t, cnt := b.local(i64), b.local(i64), b.local(i64)
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
				b.modAddW(r, r, n, c, t)
				b.get(y[3])
				b.i64c(0)
				b.op(opI64LtS)
				b.ifElse(noType, func() { b.modAddW(r, x, n, c, t) }, nil)
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

// Shifts go through the 64-byte scratch at address scratchShift: the value's
// limbs next to four fill limbs, so a whole-limb shift is an address offset.

// buildShl: shl(s, x) = x << s; 0 for s ≥ 256.
func buildShl(m *module) *function {
	b := newFunc(m, "shl", wordParams(2), nil)
	s, x := wordParam(0), wordParam(4)
	r := b.newWord()
	k, bs := b.local(i32), b.local(i64)
	b.zeroW(r)
	b.highZero(s)
	b.get(s[0])
	b.i64c(256)
	b.op(opI64LtU, opI32And)
	b.ifElse(noType, func() {
		for i := 0; i < 4; i++ {
			b.i32c(scratchShift)
			b.i64c(0)
			b.store(opI64Store, 8*i)
			b.i32c(scratchShift)
			b.get(x[i])
			b.store(opI64Store, 32+8*i)
		}
		b.get(s[0])
		b.i64c(63)
		b.op(opI64And)
		b.set(bs)
		b.get(s[0])
		b.i64c(3)
		b.op(opI64ShrU, opI32WrapI64)
		b.set(k) // 8 * (s / 64)
		b.get(k)
		b.i32c(-8)
		b.op(opI32And)
		b.set(k)
		for i := 0; i < 4; i++ {
			// hi = L[4+i-k], lo = L[3+i-k]
			b.i32c(scratchShift + 32 + 8*int32(i))
			b.get(k)
			b.op(opI32Sub)
			b.load(opI64Load, 0)
			b.tee(r[i])
			b.get(bs)
			b.op(opI64Shl)
			b.i32c(scratchShift + 24 + 8*int32(i))
			b.get(k)
			b.op(opI32Sub)
			b.load(opI64Load, 0)
			b.i64c(64)
			b.get(bs)
			b.op(opI64Sub, opI64ShrU, opI64Or)
			b.get(r[i])
			b.get(bs)
			b.op(opI64Eqz, opI32Eqz) // bs ≠ 0 picks the combined limbs
			b.op(opSelect)
			b.set(r[i])
		}
	}, nil)
	b.retW(r)
	return b.f
}

// buildShr: shr(s, x) (logical) or sar(s, x) (arithmetic: the fill limbs
// hold the sign).
func buildShr(m *module, arith bool) *function {
	name := "shr"
	if arith {
		name = "sar"
	}
	b := newFunc(m, name, wordParams(2), nil)
	s, x := wordParam(0), wordParam(4)
	r := b.newWord()
	k, bs, fill := b.local(i32), b.local(i64), b.local(i64)
	if arith {
		b.get(x[3])
		b.i64c(63)
		b.op(opI64ShrS)
		b.set(fill)
	}
	for i := range r {
		b.get(fill)
		b.set(r[i])
	}
	b.highZero(s)
	b.get(s[0])
	b.i64c(256)
	b.op(opI64LtU, opI32And)
	b.ifElse(noType, func() {
		for i := 0; i < 4; i++ {
			b.i32c(scratchShift)
			b.get(x[i])
			b.store(opI64Store, 8*i)
			b.i32c(scratchShift)
			b.get(fill)
			b.store(opI64Store, 32+8*i)
		}
		b.get(s[0])
		b.i64c(63)
		b.op(opI64And)
		b.set(bs)
		b.get(s[0])
		b.i64c(3)
		b.op(opI64ShrU, opI32WrapI64)
		b.i32c(-8)
		b.op(opI32And)
		b.set(k)
		for i := 0; i < 4; i++ {
			// lo = L[i+k], hi = L[i+k+1]
			b.i32c(scratchShift + 8*int32(i))
			b.get(k)
			b.op(opI32Add)
			b.load(opI64Load, 0)
			b.tee(r[i])
			b.get(bs)
			b.op(opI64ShrU)
			b.i32c(scratchShift + 8 + 8*int32(i))
			b.get(k)
			b.op(opI32Add)
			b.load(opI64Load, 0)
			b.i64c(64)
			b.get(bs)
			b.op(opI64Sub, opI64Shl, opI64Or)
			b.get(r[i])
			b.get(bs)
			b.op(opI64Eqz, opI32Eqz) // bs ≠ 0 picks the combined limbs
			b.op(opSelect)
			b.set(r[i])
		}
	}, nil)
	b.retW(r)
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

// buildBswap64 reverses the bytes of an i64 (wasm 1.0 has no byte swap).
func buildBswap64(m *module) *function {
	b := newFunc(m, "bswap64", []valType{i64}, []valType{i64})
	step := func(mask int64, sh int64) {
		b.get(0)
		b.i64c(sh)
		b.op(opI64ShrU)
		b.i64c(mask)
		b.op(opI64And)
		b.get(0)
		b.i64c(mask)
		b.op(opI64And)
		b.i64c(sh)
		b.op(opI64Shl, opI64Or)
		b.set(0)
	}
	step(0x00ff00ff00ff00ff, 8)
	step(0x0000ffff0000ffff, 16)
	b.get(0)
	b.i64c(32)
	b.op(opI64Rotl)
	return b.f
}
