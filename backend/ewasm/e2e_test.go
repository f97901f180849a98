package ewasm

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/runtime"

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
		ret, _, err = runtime.Execute(art.Creation.Code, nil, cfg)
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
	t.Helper()
	obj := lower(t, src, opt.O2)
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
		h.code = append(append([]byte(nil), art.Deployer...), CtorArgsSection(nil)...)
		h.run(t, art.Deployer)
		// the returned module is the runtime, with immutables filled in
		if h.status != "finish" || len(h.out) != len(art.Runtime) ||
			!strings.Contains(src, "setimmutable") && !bytes.Equal(h.out, art.Runtime) {
			t.Fatalf("deployment: status %s (%v), returned %d bytes, runtime is %d bytes", h.status, h.trapErr, len(h.out), len(art.Runtime))
		}
		deployed := h.out
		checkModule(t, deployed, opts.Strict)
		h.logs = nil
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
		return(0, 528)
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

func TestEndToEnd(t *testing.T) {
	for _, c := range e2eCases {
		t.Run(c.name, func(t *testing.T) {
			for i, cd := range c.calls {
				want := runEVM(t, c.src, cd)
				got, _ := runEwasm(t, c.src, cd, Options{})
				if !got.equal(want) {
					t.Errorf("call %d (%x):\newasm %s\n  evm %s", i, cd, got, want)
				}
			}
		})
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
		{`{ mstore(0, linkersymbol("a.sol:L")) }`, "linkersymbol", false},
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
