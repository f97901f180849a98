package ewasm

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

// TestFailures: traps and EEI errors are failures that consume all gas
// (ewasm.md §1.5) and undo the frame's state changes.
func TestFailures(t *testing.T) {
	c := newChain(t, Config{})
	traps := deploy(t, c, "traps")
	for _, tc := range []struct {
		input []byte
		err   string
	}{
		{[]byte{0}, "wasm trap: unreachable"},
		{[]byte{1}, "wasm trap: integer divide by zero"},
		{[]byte{2}, "wasm trap: out of bounds memory access"},
		{[]byte{3}, "invalid memory access: [65530, 65530+100) outside memory of 65536 bytes"},
		{[]byte{4}, "argument out of range: useGas(-1)"},
		{[]byte{5}, "out of gas"},
		{[]byte{6}, "invalid memory access: call data [1, 1+1) outside 1 bytes"},
	} {
		wantFailure(t, c.Call(acct0, traps, tc.input, nil), tc.err)
	}
	// Code that is not a wasm module fails when called (evm1mode reject).
	addr := deployRaw(t, c, []byte{0x60, 0x00, 0x60, 0x00, 0xf3})
	wantFailure(t, c.Call(acct0, addr, nil, nil), "code is not an Ewasm module")
}

// deployRaw stores code as is: a deployer finishing with non-wasm bytes.
func deployRaw(t *testing.T, c *Chain, code []byte) [20]byte {
	t.Helper()
	r := c.Deploy(acct0, deployData(t, code), nil)
	if r.Status != vm.Success || !bytes.Equal(r.Output, code) {
		t.Fatalf("deploy raw: %v %s %x", r.Status, r.Err, r.Output)
	}
	return r.Created
}

// TestMetering: the injector charges 1 per instruction and 14336 per page
// (ewasm.md §8.2) and ends runaway loops; stored code stays unmetered.
func TestMetering(t *testing.T) {
	metered := newChain(t, Config{})
	plain := newChain(t, Config{NoMetering: true})

	r := metered.Deploy(acct0, deployData(t, load(t, "loop")), nil)
	if r.Status != vm.Success {
		t.Fatal(r.Err)
	}
	loop := r.Created
	if !bytes.Equal(metered.Code(loop), load(t, "loop")) {
		t.Error("stored code was metered")
	}
	wantFailure(t, metered.Call(acct0, loop, nil, nil), "out of gas")

	// Called from another contract, the loop burns the gas it was given
	// (all but 1/64, EIP-150) and the caller carries on with the rest.
	proxy := deploy(t, metered, "proxy")
	r = call(t, metered, proxy, proxyInput(kindCallByte, loop, 0, nil), nil, vm.Success)
	if s, rd := proxyOutput(t, r.Output); s != 1 || len(rd) != 0 {
		t.Errorf("call to the loop: status %d, return data %x; want 1", s, rd)
	}
	if left := evm.DefaultTxGas - r.GasUsed; left < evm.DefaultTxGas/64-100_000 || left > evm.DefaultTxGas/64 {
		t.Errorf("%d gas left after the loop, want about 1/64 of %d", left, evm.DefaultTxGas)
	}

	// A tighter budget ends the loop just the same.
	small := newChain(t, Config{TxGas: 100_000})
	loop2 := small.Deploy(acct0, deployData(t, load(t, "loop")), nil).Created
	r = small.Call(acct0, loop2, nil, nil)
	if r.Status != vm.Failure || r.GasUsed != 100_000 {
		t.Errorf("loop with 100000 gas: %v %s, used %d", r.Status, r.Err, r.GasUsed)
	}

	gasOf := func(c *Chain, name string) (uint64, uint64) {
		addr := deploy(t, c, name)
		r := call(t, c, addr, nil, nil, vm.Success)
		return binary.LittleEndian.Uint64(r.Output), r.GasUsed
	}
	mCount, mUsed := gasOf(metered, "count")
	pCount, pUsed := gasOf(plain, "count")
	if mCount != 92 || pCount != 2 {
		t.Errorf("gas between the getGasLeft calls: metered %d, unmetered %d; want 92, 2", mCount, pCount)
	}
	// The whole call: 93 instructions and the initial page.
	if d := mUsed - pUsed; d != 93+PageGas {
		t.Errorf("metering added %d gas to count, want %d", d, 93+PageGas)
	}

	grow := deploy(t, metered, "grow")
	r0 := call(t, metered, grow, []byte{0}, nil, vm.Success)
	r3 := call(t, metered, grow, []byte{3}, nil, vm.Success)
	if got := r3.Output; binary.LittleEndian.Uint32(got) != 1 || binary.LittleEndian.Uint32(got[4:]) != 4 {
		t.Errorf("grow(3) returned %x, want old size 1, new size 4", got)
	}
	if d := r3.GasUsed - r0.GasUsed; d != 3*PageGas+(16-4) {
		// 16-4: call data bytes 03 vs 00 in the intrinsic gas.
		t.Errorf("grow(3) cost %d more than grow(0), want %d", d, 3*PageGas+12)
	}
	// Beyond the memory limit memory.grow returns -1.
	limited := newChain(t, Config{MemoryLimitPages: 2})
	g := deploy(t, limited, "grow")
	if got := call(t, limited, g, []byte{3}, nil, vm.Success).Output; binary.LittleEndian.Uint32(got) != 0xffffffff {
		t.Errorf("grow past the limit returned %x", got)
	}
	// Pages beyond the gas: out of gas.
	tight := newChain(t, Config{TxGas: 200_000})
	g = deploy(t, tight, "grow")
	wantFailureGas(t, tight.Call(acct0, g, []byte{20}, nil), "out of gas", 200_000)
}

func wantFailureGas(t *testing.T, r vm.Result, errPart string, gas uint64) {
	t.Helper()
	if r.Status != vm.Failure || !bytesContains(r.Err, errPart) || r.GasUsed != gas {
		t.Errorf("got %v %q used %d, want failure %q using %d", r.Status, r.Err, r.GasUsed, errPart, gas)
	}
}

func bytesContains(s, part string) bool { return bytes.Contains([]byte(s), []byte(part)) }

// TestInvalidModules: deployment of a module that breaks the rules of
// ewasm.md §1 is a failure with a clear error, never a panic.
func TestInvalidModules(t *testing.T) {
	c := newChain(t, Config{})
	for _, tc := range []struct {
		name string
		err  string
	}{
		{"bad_start", "a start function is not allowed"},
		{"bad_float", "floating-point instruction 0x44"},
		{"bad_exports", `export "__heap_base": only memory and main may be exported`},
		{"bad_import_module", `import env.__multi3: module "env" is not ethereum or ethereum_ext`},
		{"bad_import_type", "import ethereum.finish has type (i32, i64) -> (), want (i32, i32) -> ()"},
		{"bad_import_name", "import ethereum.returnDataSize: no such function"},
		{"bad_main_type", "export main has type (i32) -> (), want () -> ()"},
		{"bad_no_memory", "exactly one memory, found 0"},
		{"bad_sign_ext", "opcode 0xc0 is not a wasm 1.0 instruction"},
		{"bad_type_error", "contract validation failure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := load(t, tc.name)
			wantFailure(t, c.Deploy(acct0, code, nil), tc.err)
			// The same module as the runtime a deployer returns.
			wantFailure(t, c.Deploy(acct0, deployData(t, code), nil), "deployed code: contract validation failure")
		})
	}
	store := load(t, "store")
	for name, code := range map[string][]byte{
		"version 2":  append([]byte{0, 'a', 's', 'm', 2, 0, 0, 0}, store[8:]...),
		"truncated":  store[:len(store)-3],
		"magic only": {0, 'a', 's', 'm'},
	} {
		t.Run(name, func(t *testing.T) {
			wantFailure(t, c.Deploy(acct0, code, nil), "contract validation failure")
		})
	}
	// Init code without the magic is EVM code: rejected (evm1mode reject).
	wantFailure(t, c.Deploy(acct0, []byte{0x60, 0x00, 0x60, 0x00}, nil), "code is not an Ewasm module")
	// Strict mode rejects ethereum_ext imports.
	strict := newChain(t, Config{Strict: true})
	wantFailure(t, strict.Deploy(acct0, deployData(t, load(t, "hash")), nil), "ethereum_ext imports are not allowed in strict mode")
	// Empty init code deploys an empty account (ewasm.md §8.8).
	r := c.Deploy(acct0, nil, nil)
	if r.Status != vm.Success || len(c.Code(r.Created)) != 0 || r.GasUsed != evm.IntrinsicGas(c.Version(), nil, true) {
		t.Errorf("empty init code: %v %s, used %d", r.Status, r.Err, r.GasUsed)
	}
}
