package ewasm

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/backend/evm"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	sir "github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
)

// End-to-end: the same Yul through the EVM backend (run in go-ethereum)
// and through this backend (run in wazero with the fake host); return data,
// outcome, storage and logs must agree.

func lower(t testing.TB, src string, level opt.Level) *sir.Object {
	t.Helper()
	var log source.Log
	obj := yul.Compile(source.NewFile("t.yul", []byte(src)), evmversion.Cancun, &log)
	if log.HasErrors() {
		t.Fatalf("yul: %v", log.Diagnostics())
	}
	if err := opt.Run(obj, opt.Options{Level: level, EVMVersion: evmversion.Cancun}); err != nil {
		t.Fatalf("opt: %v", err)
	}
	return obj
}

type outcome struct {
	status  string // success, revert, failure
	out     []byte
	storage map[[32]byte][32]byte
	logs    []string
}

func (o outcome) String() string {
	var ks []string
	for k, v := range o.storage {
		if v != ([32]byte{}) {
			ks = append(ks, fmt.Sprintf("%x=%x", k, v))
		}
	}
	sort.Strings(ks)
	return fmt.Sprintf("%s out=%x storage=%v logs=%v", o.status, o.out, ks, o.logs)
}

func (o outcome) equal(p outcome) bool { return o.String() == p.String() }

var contractAddr = common.BytesToAddress([]byte("contract"))

// runEVM deploys (when the object has a runtime) and calls.
func runEVM(t testing.TB, src string, calldata []byte) outcome {
	return runEVMArgs(t, src, calldata, nil)
}

func runEVMArgs(t testing.TB, src string, calldata, ctorArgs []byte) outcome {
	t.Helper()
	obj := lower(t, src, opt.O2)
	var log source.Log
	art := evm.Compile(obj, evm.Options{EVMVersion: evmversion.Cancun}, &log)
	if log.HasErrors() {
		t.Fatalf("evm backend: %v", log.Diagnostics())
	}
	touched := map[common.Hash]bool{}
	cfg := &runtime.Config{EVMConfig: vm.Config{Tracer: &tracing.Hooks{
		OnOpcode: func(_ uint64, op byte, _, _ uint64, scope tracing.OpContext, _ []byte, _ int, _ error) {
			if op == byte(vm.SSTORE) {
				st := scope.StackData()
				touched[common.Hash(st[len(st)-1].Bytes32())] = true
			}
		},
	}}}
	var ret []byte
	var err error
	if art.Runtime != nil {
		ret, _, err = runtime.Execute(append(append([]byte(nil), art.Creation.Code...), ctorArgs...), nil, cfg)
		if err != nil {
			t.Fatalf("EVM deployment failed: %v", err)
		}
		cfg.State.SetCode(contractAddr, ret, tracing.CodeChangeUnspecified)
		ret, _, err = runtime.Call(contractAddr, calldata, cfg)
	} else {
		ret, _, err = runtime.Execute(art.Creation.Code, calldata, cfg)
	}
	o := outcome{status: "success", out: ret, storage: map[[32]byte][32]byte{}}
	switch {
	case errors.Is(err, vm.ErrExecutionReverted):
		o.status = "revert"
	case err != nil:
		o.status, o.out = "failure", nil
	}
	for k := range touched {
		o.storage[k] = cfg.State.GetState(contractAddr, k)
	}
	if o.status == "success" {
		for _, l := range cfg.State.Logs() {
			var ts []string
			for _, tp := range l.Topics {
				ts = append(ts, hex.EncodeToString(tp[:]))
			}
			o.logs = append(o.logs, fmt.Sprintf("%v:%x", ts, l.Data))
		}
	}
	return o
}

// runEwasm compiles and runs the same program on the fake host.
func runEwasm(t testing.TB, src string, calldata []byte, opts Options) (outcome, *Artifact) {
	return runEwasmAt(t, src, calldata, opts, opt.O2)
}

func runEwasmAt(t testing.TB, src string, calldata []byte, opts Options, level opt.Level) (outcome, *Artifact) {
	return runEwasmArgs(t, src, calldata, nil, opts, level)
}

func runEwasmArgs(t testing.TB, src string, calldata, ctorArgs []byte, opts Options, level opt.Level) (outcome, *Artifact) {
	t.Helper()
	obj := lower(t, src, level)
	var log source.Log
	art := Compile(obj, opts, &log)
	if log.HasErrors() {
		t.Fatalf("ewasm backend: %v", log.Diagnostics())
	}
	checkModule(t, art.Deployer, opts.Strict)
	h := newHost()
	h.address = contractAddr
	if art.Runtime != nil {
		checkModule(t, art.Runtime, opts.Strict)
		h.code = append(append([]byte(nil), art.Deployer...), CtorArgsSection(ctorArgs)...)
		h.run(t, art.Deployer)
		// the returned module is the runtime, with immutables filled in
		if h.status != "finish" || len(h.out) != len(art.Runtime) ||
			!strings.Contains(src, "setimmutable") && !bytes.Equal(h.out, art.Runtime) {
			t.Fatalf("deployment: status %s (%v), returned %d bytes, runtime is %d bytes", h.status, h.trapErr, len(h.out), len(art.Runtime))
		}
		deployed := h.out
		checkModule(t, deployed, opts.Strict)
		// keep the constructor's logs: the EVM side reports both
		h.code = deployed
		h.calldata = calldata
		h.run(t, deployed)
	} else {
		h.code = art.Deployer
		h.calldata = calldata
		h.run(t, art.Deployer)
	}
	o := outcome{out: h.out, storage: h.storage}
	switch h.status {
	case "stop", "finish", "selfdestruct":
		o.status = "success"
	case "revert":
		o.status = "revert"
	default:
		o.status = "failure"
		o.out = nil
		t.Logf("trap: %v", h.trapErr)
	}
	if o.status == "success" {
		for _, l := range h.logs {
			var ts []string
			for _, tp := range l.topics {
				ts = append(ts, hex.EncodeToString(tp[:]))
			}
			o.logs = append(o.logs, fmt.Sprintf("%v:%x", ts, l.data))
		}
	}
	return o, art
}

func words(vs ...any) []byte {
	var out []byte
	for _, v := range vs {
		b := make([]byte, 32)
		switch v := v.(type) {
		case int:
			big.NewInt(int64(v)).FillBytes(b)
		case string:
			n, _ := new(big.Int).SetString(v, 0)
			if n.Sign() < 0 {
				n.Add(n, new(big.Int).Lsh(big.NewInt(1), 256))
			}
			n.FillBytes(b)
		}
		out = append(out, b...)
	}
	return out
}

type e2eCase struct {
	name  string
	src   string
	calls [][]byte
	// want, when set, is the expected return data of the first call (a
	// check independent of the EVM backend).
	want []byte
}

var e2eCases = []e2eCase{
	{name: "arith", src: `{
		let a := calldataload(0)
		let b := calldataload(32)
		mstore(0, add(a, b))
		mstore(32, sub(a, b))
		mstore(64, mul(a, b))
		mstore(96, div(a, b))
		mstore(128, sdiv(a, b))
		mstore(160, mod(a, b))
		mstore(192, smod(a, b))
		mstore(224, exp(a, b))
		mstore(256, addmod(a, b, 7))
		mstore(288, mulmod(a, b, 1000000007))
		mstore(320, signextend(0, a))
		mstore(352, byte(31, a))
		mstore(384, shl(b, a))
		mstore(416, shr(b, a))
		mstore(448, sar(b, a))
		mstore(480, lt(a, b))
		mstore(512, slt(a, b))
		mstore(544, gt(a, b))
		mstore(576, sgt(a, b))
		mstore(608, eq(a, b))
		mstore(640, iszero(a))
		mstore(672, and(a, not(b)))
		mstore(704, xor(a, or(b, 0xff)))
		return(0, 736)
	}`, calls: [][]byte{words(7, 3), words(-7, 3), words("0x8000000000000000000000000000000000000000000000000000000000000000", -1), words(0, 0), words(12345678901234567, 200), words(-1, 255)},
		want: nil},
	{name: "memory", src: `{
		mstore(3, 0x0102030405060708091011121314151617181920212223242526272829303132)
		mstore8(100, 0xabcd)
		let x := mload(1)
		let y := mload(90)
		let s := msize()
		mcopy(200, 0, 64)
		mcopy(10, 5, 40)
		mstore(400, x)
		mstore(432, y)
		mstore(464, s)
		mstore(496, msize())
		let g := memoryguard(0x220)
		mstore(g, 7)
		return(0, add(g, 32))
	}`, calls: [][]byte{nil}},
	{name: "control", src: `{
		let n := calldataload(0)
		let acc := 0
		for { let i := 0 } lt(i, n) { i := add(i, 1) } {
			if eq(i, 5) { continue }
			if gt(i, 50) { break }
			switch mod(i, 3)
			case 0 { acc := add(acc, i) }
			case 1 { acc := mul(acc, 3) }
			default { acc := sub(acc, 1) }
		}
		mstore(0, acc)
		return(0, 32)
	}`, calls: [][]byte{words(0), words(1), words(10), words(100)}},
	{name: "loops", src: `{
		let a := 1
		let b := 2
		let n := calldataload(0)
		let total := 0
		for { let i := 0 } lt(i, n) { i := add(i, 1) } {
			let t := a
			a := b
			b := t
			for { let j := 0 } 1 { j := add(j, 1) } {
				if gt(j, i) { break }
				if eq(j, 2) { continue }
				total := add(total, mul(j, a))
			}
		}
		mstore(0, a) mstore(32, b) mstore(64, total)
		return(0, 96)
	}`, calls: [][]byte{words(0), words(1), words(7)}},
	{name: "functions", src: `{
		function divmod(a, b) -> q, r { q := div(a, b) r := mod(a, b) }
		function fib(n) -> f {
			switch lt(n, 2)
			case 1 { f := n }
			default { f := add(fib(sub(n, 1)), fib(sub(n, 2))) }
		}
		function three() -> a, b, c { a := 1 b := 2 c := 3 }
		function swap(a, b) -> x, y { x := b y := a }
		let q, r := divmod(calldataload(0), 7)
		let a, b, c := three()
		let x, y := swap(q, r)
		mstore(0, q) mstore(32, r) mstore(64, fib(calldataload(32)))
		mstore(96, add(mul(a, 100), add(mul(b, 10), c)))
		mstore(128, x) mstore(160, y)
		return(0, 192)
	}`, calls: [][]byte{words(100, 10), words(5, 15)}},
	{name: "storage", src: `{
		sstore(1, calldataload(0))
		sstore(calldataload(0), 0x1122334455667788990011223344556677889900112233445566778899001122)
		sstore(2, add(sload(1), sload(7)))
		sstore(3, 0)
		mstore(0, sload(1))
		return(0, 32)
	}`, calls: [][]byte{words(5), words("0xdeadbeef00000000000000000000000000000000000000000000000000000001")}},
	{name: "calldata", src: `{
		mstore(0, calldatasize())
		mstore(32, calldataload(4))
		mstore(64, calldataload(calldatasize()))
		mstore(96, calldataload(not(0)))
		calldatacopy(128, 2, 50)
		calldatacopy(200, 0x100000000000000000000, 20)
		return(0, 256)
	}`, calls: [][]byte{nil, []byte{1, 2, 3}, words(1, 2, 3)}},
	{name: "revert", src: `{
		if calldataload(0) { mstore(0, 0x42) revert(31, 1) }
		if eq(calldatasize(), 1) { invalid() }
		if eq(calldatasize(), 2) { stop() }
		sstore(0, 1)
		return(0, 0)
	}`, calls: [][]byte{words(1), words(0), {0}, {0, 0}}},
	{name: "keccak", src: `{
		mstore(0, calldataload(0))
		mstore(32, 1)
		mstore(64, keccak256(0, 64))
		mstore(96, keccak256(0, 0))
		mstore(128, keccak256(5, 200))
		return(64, 96)
	}`, calls: [][]byte{words(1), words(0)}},
	{name: "logs", src: `{
		mstore(0, 0xaabbcc)
		log0(0, 32)
		log1(29, 3, 1)
		log2(0, 0, 2, 3)
		log4(0, 32, 4, 5, 6, calldataload(0))
		return(0, 0)
	}`, calls: [][]byte{words(9)}},
	{name: "deploy", src: `object "C" {
		code {
			sstore(0, 0x1234)
			let s := datasize("C_deployed")
			datacopy(0, dataoffset("C_deployed"), s)
			return(0, s)
		}
		object "C_deployed" {
			code {
				mstore(0, sload(0))
				mstore(32, add(calldataload(0), 1))
				let d := datasize("blob")
				datacopy(64, dataoffset("blob"), d)
				mstore(128, d)
				return(0, 160)
			}
			data "blob" hex"cafebabe"
		}
	}`, calls: [][]byte{words(41)}},
	{name: "immutables", src: `object "C" {
		code {
			let s := datasize("C_deployed")
			datacopy(0, dataoffset("C_deployed"), s)
			setimmutable(0, "x", 0x1122334455667788990011223344556677889900aabbccddeeff001122334455)
			setimmutable(0, "y", caller())
			return(0, s)
		}
		object "C_deployed" {
			code {
				mstore(0, loadimmutable("x"))
				mstore(32, loadimmutable("y"))
				return(0, 64)
			}
		}
	}`, calls: [][]byte{nil}},
	{name: "env", src: `{
		mstore(0, address())
		mstore(32, callvalue())
		mstore(64, gt(codesize(), 20))
		mstore(96, returndatasize())
		mstore(128, gt(gas(), 0))
		mstore(160, selfbalance())
		return(0, 192)
	}`, calls: [][]byte{nil}},
}

func TestEndToEnd(t *testing.T) { runE2ECases(t, e2eCases) }

// runE2ECases runs every call of every case on both targets.
func runE2ECases(t *testing.T, cases []e2eCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i, cd := range c.calls {
				agreeAtLevels(t, c.src, cd, fmt.Sprintf("call %d (%x)", i, cd))
			}
		})
	}
}

// agreeAtLevels runs src with calldata on the EVM and on Ewasm at -O2 and
// -O0, reports any difference (what names the run), and returns the Ewasm
// artifacts by level.
func agreeAtLevels(t *testing.T, src string, calldata []byte, what string) map[opt.Level]*Artifact {
	t.Helper()
	want := runEVM(t, src, calldata)
	arts := map[opt.Level]*Artifact{}
	for _, level := range []opt.Level{opt.O2, opt.O0} {
		got, art := runEwasmAt(t, src, calldata, Options{}, level)
		if !got.equal(want) {
			t.Errorf("%s at %v:\newasm %s\n  evm %s", what, level, got, want)
		}
		arts[level] = art
	}
	return arts
}

// TestDeterministic: compiling twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, c := range e2eCases {
		var bins [2][]byte
		for i := range bins {
			var log source.Log
			art := Compile(lower(t, c.src, opt.O2), Options{}, &log)
			bins[i] = append(append([]byte(nil), art.Deployer...), art.Runtime...)
		}
		if !bytes.Equal(bins[0], bins[1]) {
			t.Errorf("%s: two compilations differ", c.name)
		}
	}
}

// TestIrreducible: a CFG wasm cannot express is a diagnostic, not a module.
func TestIrreducible(t *testing.T) {
	m, err := asm.ParseString("irr.ll", `
define void @main() {
entry:
	%c = call i256 @evm.calldataload(i256 0)
	%b = icmp eq i256 %c, 0
	br i1 %b, label %x, label %y
x:
	call void @evm.sstore(i256 0, i256 1)
	br label %y
y:
	call void @evm.sstore(i256 1, i256 1)
	br label %x
}
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)
`)
	if err != nil {
		t.Fatal(err)
	}
	f := source.NewFile("irr.yul", []byte("object \"irr\" { code { } }"))
	obj := &sir.Object{Name: "irr", Code: m, Span: source.Span{File: f, Start: 0, End: 10}}
	var log source.Log
	if art := Compile(obj, Options{}, &log); art != nil {
		t.Fatal("irreducible CFG compiled")
	}
	ds := log.Diagnostics()
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "irreducible") || ds[0].Span != obj.Span {
		t.Errorf("diagnostics %v, want one about irreducible control flow at the object", ds)
	}
}

// TestStrict: the keccak program without ethereum_ext imports.
func TestStrict(t *testing.T) {
	for _, c := range e2eCases {
		if c.name != "keccak" && c.name != "storage" {
			continue
		}
		for _, cd := range c.calls {
			want := runEVM(t, c.src, cd)
			got, _ := runEwasm(t, c.src, cd, Options{Strict: true})
			if !got.equal(want) {
				t.Errorf("%s strict:\newasm %s\n  evm %s", c.name, got, want)
			}
		}
	}
}

func TestDiagnostics(t *testing.T) {
	cases := []struct {
		src, want string
		strict    bool
	}{
		{`{ mstore(0, linkersymbol("a.sol:L")) }`, `library "a.sol:L" is not linked`, false},
		{`{ mstore(0, chainid()) }`, "--ewasm-strict", true},
		{`{ tstore(0, 1) }`, "--ewasm-strict", true},
	}
	for _, c := range cases {
		obj := lower(t, c.src, opt.O0)
		var log source.Log
		if art := Compile(obj, Options{Strict: c.strict}, &log); art != nil {
			t.Errorf("%s: compiled, want diagnostic", c.src)
			continue
		}
		ds := log.Diagnostics()
		if len(ds) != 1 || !strings.Contains(ds[0].Message, c.want) {
			t.Errorf("%s: diagnostics %v, want one containing %q", c.src, ds, c.want)
			continue
		}
		if !ds[0].Span.IsValid() || ds[0].Span.Start == 0 && ds[0].Span.End == len(c.src) {
			t.Errorf("%s: diagnostic span %v does not point at the instruction", c.src, ds[0].Span)
		}
	}
}

// TestCallMarshalling checks the byte orders at the EEI boundary for the
// call family (ewasm.md §2.1, §5.4, §7 items 1, 2, 7, 9): address verbatim,
// value u128 LE at the pointer, gas clamped, status inverted, output copied.
func TestCallMarshalling(t *testing.T) {
	src := `{
		mstore(0, 0x11223344)
		let ok := call(not(0), 0xffff0102030405060708090a0b0c0d0e0f1011121314, 0x0102030405060708090a0b0c0d0e0f10, 28, 4, 100, 64)
		mstore(200, ok)
		mstore(232, returndatasize())
		mstore(264, staticcall(1000, 9, 0, 0, 0, 0))
		mstore(296, create(0x0a0b, 28, 4))
		mstore(328, call(0, 1, shl(128, 1), 0, 0, 0, 0))
		return(100, 260)
	}`
	obj := lower(t, src, opt.O2)
	var log source.Log
	art := Compile(obj, Options{}, &log)
	if art == nil {
		t.Fatal(log.Diagnostics())
	}
	checkModule(t, art.Deployer, false)
	h := newHost()
	h.callRet = []byte("return data of forty bytes, exactly 40!!")
	for i := range h.createAddr {
		h.createAddr[i] = byte(0xa0 + i)
	}
	h.code = art.Deployer
	h.run(t, art.Deployer)
	if h.status != "finish" {
		t.Fatalf("status %s: %v", h.status, h.trapErr)
	}
	if len(h.calls) != 3 {
		t.Fatalf("%d calls recorded, want 3 (a value ≥ 2^128 must not call)", len(h.calls))
	}
	c := h.calls[0]
	wantAddr, _ := hex.DecodeString("0102030405060708090a0b0c0d0e0f1011121314")
	wantValue, _ := hex.DecodeString("100f0e0d0c0b0a090807060504030201")
	if c.kind != "call" || c.gas != 1<<63-1 || !bytes.Equal(c.addr, wantAddr) || !bytes.Equal(c.value, wantValue) || !bytes.Equal(c.input, []byte{0x11, 0x22, 0x33, 0x44}) {
		t.Errorf("call: %+v", c)
	}
	if s := h.calls[1]; s.kind != "callStatic" || s.gas != 1000 || s.addr[19] != 9 || s.input != nil {
		t.Errorf("staticcall: %+v", s)
	}
	if cr := h.calls[2]; cr.kind != "create" || cr.value[0] != 0x0b || cr.value[1] != 0x0a {
		t.Errorf("create: %+v", cr)
	}
	out := h.out
	want := append([]byte(nil), h.callRet...)
	want = append(want, make([]byte, 64-40)...)
	want = append(want, make([]byte, 200-164)...)
	want = append(want, words(1, 40, 1)...)
	addrWord := make([]byte, 32)
	copy(addrWord[12:], h.createAddr[:])
	want = append(want, addrWord...)
	want = append(want, words(0)...)
	if !bytes.Equal(out, want) {
		t.Errorf("output\n got %x\nwant %x", out, want)
	}
}

func selector(sel uint32, args ...any) []byte {
	out := []byte{byte(sel >> 24), byte(sel >> 16), byte(sel >> 8), byte(sel)}
	return append(out, words(args...)...)
}

// TestExamplesDifferential runs the repository's Yul examples on both
// targets: MathLib (recursion, loops, several results, checked arithmetic)
// and ERC20 (constructor argument, keccak storage slots, events, reverts).
func TestExamplesDifferential(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Skip(err)
		}
		return string(b)
	}
	other := "0x00000000000000000000000000000000000000000000000000000000000000aa"
	cases := []struct {
		file  string
		args  []byte
		calls [][]byte
	}{
		{"../../examples/math/MathLib.yul", nil, [][]byte{
			selector(0xb9650dac, 1071, 462), selector(0x1349c918, 240, 46), selector(0x56464884, "0xffffffffffffffffffffffffffffffffffffffff"),
			selector(0x2e4c697f, 3, 100), selector(0x2e4c697f, 3, 200), selector(0xc6c2ea17, 20), selector(0xdfe5adc1, 370),
			selector(0xdfe5adc1, 371), selector(0x8efe1b6c, 100, 7), selector(0x8efe1b6c, 1, 0), selector(0xaa04375c, 32, 3, 5, 1, 9),
			selector(0xaa04375c, 32, 0), selector(0x1e523f43, 27), selector(0x42703494, 7919), selector(0x2a2e1320, 101),
			selector(0x2839e928, 2, 3), selector(0x5e3aea12, 4), selector(0x5e3aea12, 12), selector(0xacc03e5a, 50), selector(0x12345678),
		}},
		{"../../examples/erc20/ERC20.yul", words(1000), [][]byte{
			selector(0x06fdde03), selector(0x18160ddd), selector(0x70a08231, 0), selector(0x8da5cb5b),
			selector(0xa9059cbb, other, 10), selector(0xa9059cbb, other, 1001), selector(0x095ea7b3, other, 5),
			selector(0x40c10f19, other, 7), selector(0x42966c68, 1), selector(0x42966c68, 2000), {1, 2},
		}},
	}
	for _, c := range cases {
		src := read(c.file)
		for i, cd := range c.calls {
			want := runEVMArgs(t, src, cd, c.args)
			for _, strict := range []bool{false, true} {
				got, _ := runEwasmArgs(t, src, cd, c.args, Options{Strict: strict}, opt.O2)
				if !got.equal(want) {
					t.Errorf("%s call %d (%x) strict=%v:\newasm %s\n  evm %s", filepath.Base(c.file), i, cd, strict, got, want)
				}
			}
		}
	}
}

// TestLinkerSymbol: a linked library's address is a constant word.
func TestLinkerSymbol(t *testing.T) {
	addr := common.HexToAddress("0x0102030405060708090a0b0c0d0e0f1011121314")
	o, _ := runEwasm(t, `{ sstore(0, linkersymbol("a.sol:L")) }`, nil, Options{Libraries: map[string]common.Address{"a.sol:L": addr}})
	if got := o.storage[[32]byte{}]; got != common.BytesToHash(addr[:]) {
		t.Errorf("slot 0 = %x, want %x", got, addr)
	}
}
