package ewasm

import (
	"bytes"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/soll-dev/soll/vm"
)

func TestDeployAddressesAndCode(t *testing.T) {
	c := newChain(t, Config{})
	store := load(t, "store")
	data := deployData(t, store)
	r := c.Deploy(acct0, data, nil)
	if r.Status != vm.Success {
		t.Fatalf("deploy: %v %s", r.Status, r.Err)
	}
	// The corpus README's addresses: account 0's first and second contract.
	if want := common.HexToAddress("0xc06afe3a8444fc0004668591e8306bfb9968e79e"); r.Created != want {
		t.Errorf("first contract at %s, want %s", r.Created, want)
	}
	if !bytes.Equal(r.Output, store) || !bytes.Equal(c.Code(r.Created), store) {
		t.Errorf("stored code is not the runtime module exactly")
	}
	if want := uint64(200 * len(store)); r.CodeDeposit != want {
		t.Errorf("code deposit %d, want %d", r.CodeDeposit, want)
	}
	r2 := c.Deploy(acct0, data, nil)
	if want := common.HexToAddress("0xe1e163b29f5bccb3764b5534ce0e2c02bd4fe650"); r2.Created != want {
		t.Errorf("second contract at %s, want %s", r2.Created, want)
	}
	if n := c.Nonce(acct0); n != 2 {
		t.Errorf("nonce of account 0 = %d, want 2", n)
	}
	if c.BlockNumber() != 2 {
		t.Errorf("block %d, want 2", c.BlockNumber())
	}
}

// TestDeployGas checks the deployment's gas to the unit: intrinsic gas, the
// deployer's EEI charges (ewasm.md §2.4), the code deposit and, when
// metering, 14336 for the initial page plus 25 executed instructions.
func TestDeployGas(t *testing.T) {
	store := load(t, "store")
	data := deployData(t, store)
	eei := uint64(2 + (3 + 3) + (3 + 3*words(uint32(len(store))))) // getCodeSize, codeCopy(4), codeCopy(n)
	want := intrinsic(data, true) + eei
	plain := newChain(t, Config{NoMetering: true}).Deploy(acct0, data, nil)
	if plain.GasUsed != want {
		t.Errorf("unmetered deployment used %d gas, want %d", plain.GasUsed, want)
	}
	metered := newChain(t, Config{}).Deploy(acct0, data, nil)
	if d := metered.GasUsed - plain.GasUsed; d != PageGas+25 {
		t.Errorf("metering added %d gas, want %d", d, PageGas+25)
	}
	if metered.CodeDeposit != plain.CodeDeposit || plain.CodeDeposit != uint64(200*len(store)) {
		t.Errorf("code deposits %d, %d, want %d", metered.CodeDeposit, plain.CodeDeposit, 200*len(store))
	}
}

func TestStorageAndCallData(t *testing.T) {
	c := newChain(t, Config{NoMetering: true})
	addr := deploy(t, c, "store")
	key := cat(bytes.Repeat([]byte{0}, 31), []byte{7})
	val := common.HexToHash("0x0102030405060708091011121314151617181920212223242526272829303132")

	if !c.StorageEmpty(addr) {
		t.Fatal("fresh contract has storage")
	}
	in := cat(key, val[:])
	r := call(t, c, addr, in, nil, vm.Success)
	// getCallDataSize 2, callDataCopy(64) 3+3·2, storageStore zero→non-zero 20000.
	if want := intrinsic(in, false) + 2 + 9 + 20000; r.GasUsed != want {
		t.Errorf("first store used %d gas, want %d", r.GasUsed, want)
	}
	if len(r.Output) != 0 {
		t.Errorf("store returned %x", r.Output)
	}
	// Keys and values are bytes32, stored verbatim (BE words).
	if got := c.Storage(addr, common.BytesToHash(key)); got != val {
		t.Errorf("slot 7 = %s, want %s", got, val)
	}
	if c.StorageEmpty(addr) {
		t.Error("StorageEmpty after a store")
	}
	r = call(t, c, addr, in, nil, vm.Success)
	if want := intrinsic(in, false) + 2 + 9 + 5000; r.GasUsed != want {
		t.Errorf("second store used %d gas, want %d", r.GasUsed, want)
	}
	r = call(t, c, addr, key, nil, vm.Success)
	if !bytes.Equal(r.Output, val[:]) {
		t.Errorf("load returned %x, want %x", r.Output, val)
	}
	// getCallDataSize 2, callDataCopy(32) 6, storageLoad 200, finish 0.
	if want := intrinsic(key, false) + 2 + 6 + 200; r.GasUsed != want {
		t.Errorf("load used %d gas, want %d", r.GasUsed, want)
	}
	// Anything else reverts with data; state is unchanged.
	r = call(t, c, addr, []byte{1, 2, 3}, nil, vm.Revert)
	if string(r.Output) != "bad input" {
		t.Errorf("revert data %q", r.Output)
	}
	if want := intrinsic([]byte{1, 2, 3}, false) + 2; r.GasUsed != want {
		t.Errorf("revert used %d gas, want %d (a revert returns the remaining gas)", r.GasUsed, want)
	}
	// Clearing the slot empties the storage.
	call(t, c, addr, cat(key, make([]byte, 32)), nil, vm.Success)
	if !c.StorageEmpty(addr) {
		t.Error("storage not empty after clearing the only slot")
	}
}

func TestCtorArgs(t *testing.T) {
	c := newChain(t, Config{})
	ctor := load(t, "ctor")
	arg := common.HexToHash("0xa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf")
	data := AppendCtorArgs(ctor, arg[:])
	if len(data) != len(ctor)+CtorArgsOverhead+32 {
		t.Fatalf("deploy data has %d bytes, want %d", len(data), len(ctor)+CtorArgsOverhead+32)
	}
	// The section header is exactly §3.3's: id 0, 5-byte padded LEB size, name.
	hdr := data[len(ctor) : len(ctor)+CtorArgsOverhead]
	if want := append([]byte{0, 0xaf, 0x80, 0x80, 0x80, 0x00, 14}, "soll.ctor-args"...); !bytes.Equal(hdr, want) {
		t.Errorf("section header %x, want %x", hdr, want)
	}
	if d, a, ok := SplitCtorArgs(data); !ok || !bytes.Equal(d, ctor) || !bytes.Equal(a, arg[:]) {
		t.Errorf("SplitCtorArgs = %x, %x, %v", d, a, ok)
	}
	if _, _, ok := SplitCtorArgs(ctor); ok {
		t.Error("SplitCtorArgs found arguments in a plain module")
	}
	r := c.Deploy(acct0, data, uint256New(77))
	if r.Status != vm.Success {
		t.Fatalf("deploy: %v %s", r.Status, r.Err)
	}
	if len(c.Code(r.Created)) != 0 {
		t.Errorf("constructor without finish stored %d bytes of code", len(c.Code(r.Created)))
	}
	slot := func(n byte) common.Hash { return c.Storage(r.Created, common.BytesToHash([]byte{n})) }
	if slot(0) != arg {
		t.Errorf("slot 0 = %s, want the argument %s", slot(0), arg)
	}
	if slot(1) != (common.Hash{}) {
		t.Errorf("slot 1 (call data size in the constructor) = %s, want 0", slot(1))
	}
	if want := common.BytesToHash(cat(le128(77), make([]byte, 16))); slot(2) != want {
		t.Errorf("slot 2 (call value, u128 LE) = %s, want %s", slot(2), want)
	}
	if got := c.Balance(r.Created); got.Uint64() != 77 {
		t.Errorf("contract balance %d, want 77", got.Uint64())
	}

	// An empty soll.ctor-args section at the very end (no arguments) is the
	// wazero debug-info pitfall of ewasm.md §8.10: it must deploy.
	r = c.Deploy(acct0, AppendCtorArgs(load(t, "count"), nil), nil)
	if r.Status != vm.Success || len(r.Output) != 8 {
		t.Errorf("deployer with empty ctor-args: %v %s, code %x", r.Status, r.Err, r.Output)
	}
}
