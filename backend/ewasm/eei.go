package ewasm

import "fmt"

// The Ethereum Environment Interface (ewasm.md §2.2) and soll's
// ethereum_ext extension (§5.8): names and exact signatures.

func sig(params []valType, results ...valType) funcType {
	return funcType{params: params, results: results}
}

var (
	none   []valType
	p1i32  = []valType{i32}
	p2i32  = []valType{i32, i32}
	p3i32  = []valType{i32, i32, i32}
	p4i32  = []valType{i32, i32, i32, i32}
	pCall  = []valType{i64, i32, i32, i32, i32}
	pCallD = []valType{i64, i32, i32, i32}
)

// eeiFuncs are the 33 functions of module "ethereum".
var eeiFuncs = map[string]funcType{
	"useGas":              sig([]valType{i64}),
	"getGasLeft":          sig(none, i64),
	"getAddress":          sig(p1i32),
	"getExternalBalance":  sig(p2i32),
	"getBlockHash":        sig([]valType{i64, i32}, i32),
	"getCallDataSize":     sig(none, i32),
	"callDataCopy":        sig(p3i32),
	"getCaller":           sig(p1i32),
	"getCallValue":        sig(p1i32),
	"codeCopy":            sig(p3i32),
	"getCodeSize":         sig(none, i32),
	"externalCodeCopy":    sig(p4i32),
	"getExternalCodeSize": sig(p1i32, i32),
	"getBlockCoinbase":    sig(p1i32),
	"getBlockDifficulty":  sig(p1i32),
	"getBlockGasLimit":    sig(none, i64),
	"getTxGasPrice":       sig(p1i32),
	"log":                 sig([]valType{i32, i32, i32, i32, i32, i32, i32}),
	"getBlockNumber":      sig(none, i64),
	"getBlockTimestamp":   sig(none, i64),
	"getTxOrigin":         sig(p1i32),
	"storageStore":        sig(p2i32),
	"storageLoad":         sig(p2i32),
	"finish":              sig(p2i32),
	"revert":              sig(p2i32),
	"getReturnDataSize":   sig(none, i32),
	"returnDataCopy":      sig(p3i32),
	"call":                sig(pCall, i32),
	"callCode":            sig(pCall, i32),
	"callDelegate":        sig(pCallD, i32),
	"callStatic":          sig(pCallD, i32),
	"create":              sig(p4i32, i32),
	"selfDestruct":        sig(p1i32),
}

// extFuncs are soll's [EXT] imports of module "ethereum_ext" (§5.8).
var extFuncs = map[string]funcType{
	"keccak256":             sig(p3i32),
	"getChainId":            sig(p1i32),
	"getExternalCodeHash":   sig(p2i32),
	"create2":               sig([]valType{i32, i32, i32, i32, i32}, i32),
	"getBlockBaseFee":       sig(p1i32),
	"transientStorageLoad":  sig(p2i32),
	"transientStorageStore": sig(p2i32),
	"getBlobHash":           sig([]valType{i64, i32}, i32),
	"getBlobBaseFee":        sig(p1i32),
}

// EEIImports returns the signature of an import, for checkers and hosts:
// ok is false for names outside both tables.
func EEIImports(module, name string) (params, results []string, ok bool) {
	var t funcType
	switch module {
	case "ethereum":
		t, ok = eeiFuncs[name]
	case "ethereum_ext":
		t, ok = extFuncs[name]
	}
	for _, p := range t.params {
		params = append(params, p.String())
	}
	for _, r := range t.results {
		results = append(results, r.String())
	}
	return params, results, ok
}

func (m *module) eeiFn(name string) *function {
	if t, ok := eeiFuncs[name]; ok {
		return m.importFunc("ethereum", name, t)
	}
	t, ok := extFuncs[name]
	if !ok || m.strict {
		panic("ewasm: invariant broken: import " + name + " not allowed")
	}
	return m.importFunc("ethereum_ext", name, t)
}

// extBuiltins need an ethereum_ext import (no in-module lowering).
var extBuiltins = map[string]bool{
	"chainid": true, "extcodehash": true, "create2": true, "basefee": true,
	"tload": true, "tstore": true, "blobhash": true, "blobbasefee": true,
}

// unsupported explains why builtin name cannot be compiled for this module,
// or returns "".
func (m *module) unsupported(name string) string {
	switch name {
	case "pc":
		return "pc has no meaning in an Ewasm module"
	}
	if len(name) > 9 && name[:9] == "verbatim_" {
		return "verbatim bytecode cannot be used in an Ewasm module"
	}
	if m.strict && extBuiltins[name] {
		return fmt.Sprintf("%s needs the ethereum_ext host interface, which --ewasm-strict excludes", name)
	}
	return ""
}

// intrinsicBuilders lower the EVM builtins that talk to the host or to
// memory (ewasm.md §5.4); each becomes a helper "evm.<name>" taking its
// operands as words (in Yul order) and returning a word in R0..R3.
var intrinsicBuilders = map[string]func(m *module, b *fb){
	"address":        addrGetter("getAddress"),
	"caller":         addrGetter("getCaller"),
	"origin":         addrGetter("getTxOrigin"),
	"coinbase":       addrGetter("getBlockCoinbase"),
	"callvalue":      u128Getter("getCallValue"),
	"gasprice":       u128Getter("getTxGasPrice"),
	"basefee":        u128Getter("getBlockBaseFee"),
	"blobbasefee":    u128Getter("getBlobBaseFee"),
	"difficulty":     u256Getter("getBlockDifficulty"),
	"prevrandao":     u256Getter("getBlockDifficulty"),
	"chainid":        u256Getter("getChainId"),
	"calldatasize":   i32Getter("getCallDataSize"),
	"codesize":       i32Getter("getCodeSize"),
	"returndatasize": i32Getter("getReturnDataSize"),
	"timestamp":      i64Getter("getBlockTimestamp"),
	"number":         i64Getter("getBlockNumber"),
	"gaslimit":       i64Getter("getBlockGasLimit"),
	"gas":            i64Getter("getGasLeft"),
	"balance":        lowerBalance,
	"selfbalance":    lowerSelfBalance,
	"extcodesize":    lowerExtCodeSize,
	"extcodehash":    lowerExtCodeHash,
	"blockhash":      hashByIndex("getBlockHash"),
	"blobhash":       hashByIndex("getBlobHash"),
	"calldataload":   lowerCallDataLoad,
	"calldatacopy":   paddedCopy("getCallDataSize", "callDataCopy", false),
	"codecopy":       paddedCopy("getCodeSize", "codeCopy", false),
	"datacopy":       paddedCopy("getCodeSize", "codeCopy", false),
	"extcodecopy":    paddedCopy("getExternalCodeSize", "externalCodeCopy", true),
	"returndatacopy": lowerReturnDataCopy,
	"sload":          keyLoad("storageLoad"),
	"tload":          keyLoad("transientStorageLoad"),
	"sstore":         keyStore("storageStore"),
	"tstore":         keyStore("transientStorageStore"),
	"keccak256":      lowerKeccak,
	"log0":           lowerLog(0),
	"log1":           lowerLog(1),
	"log2":           lowerLog(2),
	"log3":           lowerLog(3),
	"log4":           lowerLog(4),
	"call":           lowerCall("call", true),
	"callcode":       lowerCall("callCode", true),
	"delegatecall":   lowerCall("callDelegate", false),
	"staticcall":     lowerCall("callStatic", false),
	"create":         lowerCreate(false),
	"create2":        lowerCreate(true),
	"return":         lowerHalt("finish"),
	"revert":         lowerHalt("revert"),
	"stop":           lowerStop,
	"invalid":        func(m *module, b *fb) { b.op(opUnreachable) },
	"selfdestruct":   lowerSelfDestruct,
}

// intrinsic returns the helper implementing builtin name with nargs word
// operands.
func (m *module) intrinsic(name string, nargs int) *function {
	if _, ok := helperBuilders[name]; ok {
		return m.helper(name)
	}
	key := "evm." + name
	if f, ok := m.helpers[key]; ok {
		return f
	}
	build, ok := intrinsicBuilders[name]
	if !ok {
		panic("ewasm: invariant broken: no lowering for builtin " + name)
	}
	b := newFunc(m, key, wordParams(nargs), nil)
	m.helpers[key] = b.f
	build(m, b)
	return b.f
}

// setR sets the result globals from four pushes done by limb(i).
func (b *fb) setR(limb func(i int)) {
	for i := 0; i < 4; i++ {
		limb(i)
		b.gset(b.m.result(i))
	}
}

// zero32 zero-fills the 32 bytes at a private address by copying the
// always-zero word at zeroWord there (rev32 of zeros is zeros): 7 bytes
// against 23 for a loop of four i64 stores.
func (b *fb) zero32(addr int32) {
	b.i32c(addr)
	b.i32c(zeroWord)
	b.call(b.m.helper("rev32"))
}

// storeWordBE writes word param w big-endian at a private address.
func (b *fb) storeWordBE(addr int32, w word) {
	b.i32c(addr)
	b.getW(w)
	b.call(b.m.helper("storeBE"))
}

func (b *fb) loadWordBE(addr int32) {
	b.i32c(addr)
	b.call(b.m.helper("loadBE"))
}

// addrGetter: 20 address bytes (verbatim, §2.1) → the low 160 bits. The
// address lands at scratchB+12, so only bytes 0..11 need zeroing: two
// overlapping i64 stores at 0 and 4. (scratchB, not scratchA: loadBE
// needs an address ≥ 31.)
func addrGetter(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.zero12(scratchB)
		b.i32c(scratchB + 12)
		b.call(m.eeiFn(eei))
		b.loadWordBE(scratchB)
	}
}

// zero12 zero-fills the 12 bytes at a private address.
func (b *fb) zero12(addr int32) {
	for _, off := range []int{0, 4} {
		b.i32c(addr)
		b.i64c(0)
		b.store(opI64Store, off)
	}
}

// u128Getter: a u128 little-endian (§2.1) → word.
func u128Getter(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.i32c(scratchB)
		b.call(m.eeiFn(eei))
		b.readLE(scratchB, 2)
	}
}

// u256Getter: a u256 little-endian (getBlockDifficulty, getChainId) → word.
func u256Getter(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.i32c(scratchB)
		b.call(m.eeiFn(eei))
		b.readLE(scratchB, 4)
	}
}

// readLE sets R from n little-endian limbs at addr (the rest zero).
func (b *fb) readLE(addr int32, n int) {
	b.setR(func(i int) {
		if i < n {
			b.i32c(addr)
			b.load(opI64Load, 8*i)
		} else {
			b.i64c(0)
		}
	})
}

func i32Getter(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.setR(func(i int) {
			if i == 0 {
				b.call(m.eeiFn(eei))
				b.op(opI64ExtendU)
			} else {
				b.i64c(0)
			}
		})
	}
}

func i64Getter(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.setR(func(i int) {
			if i == 0 {
				b.call(m.eeiFn(eei))
			} else {
				b.i64c(0)
			}
		})
	}
}

// lowerBalance: the address is the word mod 2^160 (bytes 12..31 of its BE
// form, §5.4); the balance comes back as u128 LE.
func lowerBalance(m *module, b *fb) {
	b.storeWordBE(scratchA, wordParam(0))
	b.i32c(scratchA + 12)
	b.i32c(scratchB)
	b.call(m.eeiFn("getExternalBalance"))
	b.readLE(scratchB, 2)
}

// lowerSelfBalance: getAddress + getExternalBalance, valid on plain Ewasm.
func lowerSelfBalance(m *module, b *fb) {
	b.i32c(scratchA + 12)
	b.call(m.eeiFn("getAddress"))
	b.i32c(scratchA + 12)
	b.i32c(scratchB)
	b.call(m.eeiFn("getExternalBalance"))
	b.readLE(scratchB, 2)
}

func lowerExtCodeSize(m *module, b *fb) {
	b.storeWordBE(scratchA, wordParam(0))
	b.setR(func(i int) {
		if i == 0 {
			b.i32c(scratchA + 12)
			b.call(m.eeiFn("getExternalCodeSize"))
			b.op(opI64ExtendU)
		} else {
			b.i64c(0)
		}
	})
}

func lowerExtCodeHash(m *module, b *fb) {
	b.storeWordBE(scratchA, wordParam(0))
	b.i32c(scratchA + 12)
	b.i32c(scratchB)
	b.call(m.eeiFn("getExternalCodeHash"))
	b.loadWordBE(scratchB)
}

// hashByIndex: blockhash/blobhash; an index ≥ 2^63 or a status ≠ 0 gives 0.
func hashByIndex(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		n := wordParam(0)
		b.setR(func(int) { b.i64c(0) })
		b.highZero(n)
		b.get(n[0])
		b.i64c(0)
		b.op(opI64LtS, opI32Eqz, opI32And)
		b.ifElse(noType, func() {
			b.get(n[0])
			b.i32c(scratchB)
			b.call(m.eeiFn(eei))
			b.op(opI32Eqz)
			b.ifElse(noType, func() { b.loadWordBE(scratchB) }, nil)
		}, nil)
	}
}

// lowerCallDataLoad: 32 bytes from offset o, zero past the end; an offset
// beyond the data (even ≥ 2^32) reads 0 (§5.4). The word is read at
// scratchB (loadBE needs an address ≥ 31).
func lowerCallDataLoad(m *module, b *fb) {
	o := wordParam(0)
	size, avail := b.local(i32), b.local(i32)
	b.zero32(scratchB)
	b.call(m.eeiFn("getCallDataSize"))
	b.set(size)
	b.highZero(o)
	b.get(o[0])
	b.get(size)
	b.op(opI64ExtendU, opI64LtU, opI32And)
	b.ifElse(noType, func() {
		// callDataCopy(scratchB, o, min(size − o, 32)), the arguments
		// pushed in order (o wrapped twice: shorter than a local)
		b.i32c(scratchB)
		b.get(o[0])
		b.op(opI32WrapI64)
		b.get(size)
		b.get(o[0])
		b.op(opI32WrapI64)
		b.op(opI32Sub)
		b.tee(avail)
		b.i32c(32)
		b.get(avail)
		b.i32c(32)
		b.op(opI32LtU, opSelect)
		b.call(m.eeiFn("callDataCopy"))
	}, nil)
	b.loadBEAt(scratchB) // loadBE's body when calldataload is its only user
}

// paddedCopy: calldatacopy/codecopy/datacopy/extcodecopy. The EEI copies
// fail past the end of the source, the EVM zero-pads (§2.3, §5.4): copy the
// available part, zero the rest.
func paddedCopy(sizeFn, copyFn string, ext bool) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		first := 0
		if ext {
			first = 4
			b.storeWordBE(scratchA, wordParam(0))
		}
		d, o, n := wordParam(first), wordParam(first+4), wordParam(first+8)
		n32, dst, off, size, avail := b.local(i32), b.local(i32), b.local(i32), b.local(i32), b.local(i32)
		b.getW(n)
		b.call(m.helper("u32"))
		b.tee(n32)
		b.op(opI32Eqz)
		b.ifElse(noType, func() { b.op(opReturn) }, nil)
		b.getW(d)
		b.call(m.helper("u32"))
		b.get(n32)
		b.call(m.helper("mem"))
		b.set(dst)
		b.getW(o)
		b.call(m.helper("sat32"))
		b.set(off)
		if ext {
			b.i32c(scratchA + 12)
		}
		b.call(m.eeiFn(sizeFn))
		b.set(size)
		// avail = off < size ? min(n, size − off) : 0 (a wasm local
		// starts at 0)
		b.get(off)
		b.get(size)
		b.op(opI32LtU)
		b.ifElse(noType, func() {
			b.get(size)
			b.get(off)
			b.op(opI32Sub)
			b.tee(avail)
			b.get(n32)
			b.get(avail)
			b.get(n32)
			b.op(opI32LtU, opSelect)
			b.set(avail)
			if ext {
				b.i32c(scratchA + 12)
			}
			b.get(dst)
			b.get(off)
			b.get(avail)
			b.call(m.eeiFn(copyFn))
		}, nil)
		b.get(dst)
		b.get(avail)
		b.op(opI32Add)
		b.get(n32)
		b.get(avail)
		b.op(opI32Sub)
		b.call(m.helper("zero"))
	}
}

// lowerReturnDataCopy: fails past the end of the buffer, like the EVM.
// For n > 0 the host's own check of [o, o+n) does it (returnDataCopy fails
// past the end of the buffer, §2.3); an empty copy is not passed to the
// host, so its offset is checked here: o ≤ returndatasize, trapping with
// the division 1 / (o ≤ size) otherwise.
func lowerReturnDataCopy(m *module, b *fb) {
	d, o, n := wordParam(0), wordParam(4), wordParam(8)
	n32, o32 := b.local(i32), b.local(i32)
	b.getW(o)
	b.call(m.helper("u32"))
	b.set(o32)
	b.getW(n)
	b.call(m.helper("u32"))
	b.tee(n32)
	b.ifElse(noType, func() {
		b.getW(d)
		b.call(m.helper("u32"))
		b.get(n32)
		b.call(m.helper("mem"))
		b.get(o32)
		b.get(n32)
		b.call(m.eeiFn("returnDataCopy"))
	}, func() {
		b.i32c(1)
		b.get(o32)
		b.call(m.eeiFn("getReturnDataSize"))
		b.op(opI32LeU, opI32DivU, opDrop)
	})
}

// keyLoad: storage keys and values are bytes32, i.e. BE words (§2.1).
func keyLoad(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.storeWordBE(scratchA, wordParam(0))
		b.i32c(scratchA)
		b.i32c(scratchB)
		b.call(m.eeiFn(eei))
		b.loadWordBE(scratchB)
	}
}

func keyStore(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.storeWordBE(scratchA, wordParam(0))
		b.storeWordBE(scratchB, wordParam(4))
		b.i32c(scratchA)
		b.i32c(scratchB)
		b.call(m.eeiFn(eei))
	}
}

// rangeOf pushes the wasm address and then the i32 length of the EVM range
// (p, n); both are 0 for an empty range.
func (b *fb) rangeOf(p, n word) {
	b.getW(p)
	b.getW(n)
	b.call(b.m.helper("range"))
	b.get(n[0])
	b.op(opI32WrapI64) // range succeeded, so n < 2^32
}

// lowerKeccak: the ethereum_ext import, or keccak-f[1600] in the module
// under --ewasm-strict (§5.7). Never sha256.
func lowerKeccak(m *module, b *fb) {
	b.rangeOf(wordParam(0), wordParam(4))
	if m.strict {
		b.i32c(scratchB)
		b.call(m.helper("keccakMem"))
	} else {
		b.i32c(scratchB)
		b.call(m.eeiFn("keccak256"))
	}
	b.loadWordBE(scratchB)
}

func lowerLog(n int) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		for i := 0; i < n; i++ {
			b.storeWordBE(scratchTopics+32*int32(i), wordParam(8+4*i))
		}
		b.rangeOf(wordParam(0), wordParam(4))
		b.i32c(int32(n))
		for i := 0; i < 4; i++ {
			if i < n {
				b.i32c(scratchTopics + 32*int32(i))
			} else {
				b.i32c(0)
			}
		}
		b.call(m.eeiFn("log"))
	}
}

// pushGas pushes the gas operand clamped to 2^63 − 1 (Hera rejects negative
// i64 gas, §7 item 9).
func (b *fb) pushGas(g word) {
	b.get(g[0])
	// 2^63 − 1 as -1 >> 1: 5 bytes instead of a 10-byte i64.const
	b.i64c(-1)
	b.i64c(1)
	b.op(opI64ShrU)
	b.highZero(g)
	b.get(g[0])
	b.i64c(0)
	b.op(opI64GeS, opI32And, opSelect)
}

// lowerCall: call/callcode(g, a, v, in, insz, out, outsz) and
// delegatecall/staticcall(g, a, in, insz, out, outsz). Memory is expanded
// for both ranges first; the EEI status 0 means success (EVM pushes 1); the
// output area is filled from the return data (§5.4, §7 item 7).
func lowerCall(eei string, value bool) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		g, a := wordParam(0), wordParam(4)
		next := 8
		var v word
		if value {
			v = wordParam(8)
			next = 12
		}
		in, insz, out, outsz := wordParam(next), wordParam(next+4), wordParam(next+8), wordParam(next+12)
		inAddr, inLen, outAddr, outLen, n := b.local(i32), b.local(i32), b.local(i32), b.local(i32), b.local(i32)
		b.rangeOf(in, insz)
		b.set(inLen)
		b.set(inAddr)
		b.rangeOf(out, outsz)
		b.set(outLen)
		b.set(outAddr)
		// R0 is the status, set after the EEI call; only a call with value
		// can return before it
		for i := 0; i < 4; i++ {
			if i > 0 || value {
				b.i64c(0)
				b.gset(m.result(i))
			}
		}
		if value {
			// a value ≥ 2^128 exceeds any balance: EVM result 0, no call
			b.get(v[2])
			b.get(v[3])
			b.op(opI64Or, opI64Eqz, opI32Eqz)
			b.ifElse(noType, func() { b.op(opReturn) }, nil)
			// u128 LE at exactly the pointer passed (§7 item 2); scratchB
			// is free during a call and has a one-byte address
			b.i32c(scratchB)
			b.get(v[0])
			b.store(opI64Store, 0)
			b.i32c(scratchB)
			b.get(v[1])
			b.store(opI64Store, 8)
		}
		b.storeWordBE(scratchA, a)
		b.pushGas(g)
		b.i32c(scratchA + 12)
		if value {
			b.i32c(scratchB)
		}
		b.get(inAddr)
		b.get(inLen)
		b.call(m.eeiFn(eei))
		b.op(opI32Eqz, opI64ExtendU)
		b.gset(m.result(0))
		// copy min(outLen, returndatasize) bytes of output
		b.call(m.eeiFn("getReturnDataSize"))
		b.tee(n)
		b.get(outLen)
		b.get(n)
		b.get(outLen)
		b.op(opI32LtU, opSelect)
		b.tee(n)
		b.ifElse(noType, func() {
			b.get(outAddr)
			b.i32c(0)
			b.get(n)
			b.call(m.eeiFn("returnDataCopy"))
		}, nil)
	}
}

// lowerCreate: create(v, p, n) / create2(v, p, n, salt); the address is
// written only on success (§7 item 8).
func lowerCreate(salted bool) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		v, p, n := wordParam(0), wordParam(4), wordParam(8)
		b.setR(func(int) { b.i64c(0) })
		addr, ln := b.local(i32), b.local(i32)
		b.rangeOf(p, n)
		b.set(ln)
		b.set(addr)
		b.get(v[2])
		b.get(v[3])
		b.op(opI64Or, opI64Eqz, opI32Eqz)
		b.ifElse(noType, func() { b.op(opReturn) }, nil)
		b.i32c(scratchV)
		b.get(v[0])
		b.store(opI64Store, 0)
		b.i32c(scratchV)
		b.get(v[1])
		b.store(opI64Store, 8)
		if salted {
			b.storeWordBE(scratchB, wordParam(12))
		}
		b.zero12(scratchR)
		// module ‖ raw arguments → module ‖ soll.ctor-args (createframe.go)
		framed, status := b.local(i32), b.local(i32)
		b.get(addr)
		b.get(ln)
		b.call(m.helper("frameCreate"))
		b.set(framed)
		b.i32c(scratchV)
		b.get(addr)
		b.get(framed)
		name := "create"
		if salted {
			b.i32c(scratchB)
			name = "create2"
		}
		b.i32c(scratchR + 12)
		b.call(m.eeiFn(name))
		b.set(status)
		b.get(addr)
		b.get(ln)
		b.get(framed)
		b.call(m.helper("unframeCreate"))
		b.get(status)
		b.op(opI32Eqz)
		b.ifElse(noType, func() { b.loadWordBE(scratchR) }, nil)
	}
}

func lowerHalt(eei string) func(m *module, b *fb) {
	return func(m *module, b *fb) {
		b.rangeOf(wordParam(0), wordParam(4))
		b.call(m.eeiFn(eei))
		b.op(opUnreachable)
	}
}

func lowerStop(m *module, b *fb) {
	b.i32c(0)
	b.i32c(0)
	b.call(m.eeiFn("finish"))
	b.op(opUnreachable)
}

// lowerSelfDestruct: selfDestruct halts successfully (§2.3, Hera).
func lowerSelfDestruct(m *module, b *fb) {
	b.storeWordBE(scratchA, wordParam(0))
	b.i32c(scratchA + 12)
	b.call(m.eeiFn("selfDestruct"))
	b.op(opUnreachable)
}
