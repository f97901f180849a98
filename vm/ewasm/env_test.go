package ewasm

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

// TestEnvironment checks every getter of env.wat against the corpus chain,
// with the byte orders of ewasm.md §2.1.
func TestEnvironment(t *testing.T) {
	for _, v := range []evmversion.Version{evmversion.London, evmversion.Cancun} {
		t.Run(v.String(), func(t *testing.T) {
			c := newChain(t, Config{Version: v})
			addr := deploy(t, c, "env")
			r := c.Call(acct1, addr, []byte("abc"), uint256.NewInt(5))
			if r.Status != vm.Success {
				t.Fatalf("call: %v %s", r.Status, r.Err)
			}
			out := r.Output
			if len(out) != 372 {
				t.Fatalf("output has %d bytes, want 372", len(out))
			}
			le := func(v *uint256.Int, n int) []byte {
				b := v.Bytes32()
				return reverse(b[32-n:])
			}
			u32 := func(off int) uint32 { return binary.LittleEndian.Uint32(out[off:]) }
			u64 := func(off int) uint64 { return binary.LittleEndian.Uint64(out[off:]) }
			check := func(what string, off int, want []byte) {
				t.Helper()
				if got := out[off : off+len(want)]; !bytes.Equal(got, want) {
					t.Errorf("%s = %x, want %x", what, got, want)
				}
			}
			check("address", 0, addr[:])
			check("caller", 20, acct1[:])
			check("origin", 40, evm.Origin[:])
			check("coinbase", 60, evm.Coinbase[:])
			check("call value", 80, le128(5))
			check("gas price", 96, le128(evm.GasPrice))
			difficulty := uint256.NewInt(evm.Difficulty)
			if v >= evmversion.Paris {
				difficulty.SetBytes(evm.PrevRandao[:])
			}
			check("difficulty/prevrandao", 112, le(difficulty, 32))
			if n := u64(144); n != 2 {
				t.Errorf("block number %d, want 2", n)
			}
			if ts := u64(152); ts != 30 {
				t.Errorf("timestamp %d, want 30", ts)
			}
			if gl := u64(160); gl != evm.BlockGasLimit {
				t.Errorf("gas limit %d", gl)
			}
			if n := u32(168); n != 3 {
				t.Errorf("call data size %d, want 3", n)
			}
			if n := u32(172); n != uint32(len(load(t, "env"))) {
				t.Errorf("code size %d, want %d", n, len(load(t, "env")))
			}
			if s := u32(176); s != 0 {
				t.Errorf("getBlockHash(1) status %d", s)
			}
			h1 := evm.BlockHash(1)
			check("blockhash(1)", 180, h1[:])
			if h1[31] != 0x38 || h1[0] != 0x37 {
				t.Errorf("blockhash(1) = %s, want 0x3737…38", h1)
			}
			if s := u32(212); s != 1 {
				t.Errorf("getBlockHash(current) status %d, want 1", s)
			}
			check("chain id", 216, le(uint256.NewInt(1), 32))
			check("base fee", 248, le128(evm.BaseFee))
			check("blob base fee", 264, le128(evm.BlobBaseFee))
			if s := u32(280); s != 0 {
				t.Errorf("getBlobHash(1) status %d", s)
			}
			check("blobhash(1)", 284, evm.BlobHashes[1][:])
			if s := u32(316); s != 1 {
				t.Errorf("getBlobHash(2) status %d, want 1", s)
			}
			check("self balance", 320, le128(5))
			// Both getGasLeft calls are in one metered segment: they differ by
			// getGasLeft's own charge.
			if d := u64(336) - u64(344); d != 2 {
				t.Errorf("consecutive getGasLeft differ by %d, want 2", d)
			}
			callerBal := new(uint256.Int).Lsh(uint256.NewInt(1), 100)
			callerBal.SubUint64(callerBal, 5)
			check("caller's balance", 352, le(callerBal, 16))
			if n := u32(368); n != uint32(len(load(t, "env"))) {
				t.Errorf("external code size of self %d", n)
			}
		})
	}
}

func TestLogs(t *testing.T) {
	c := newChain(t, Config{NoMetering: true})
	addr := deploy(t, c, "logger")
	t1 := common.HexToHash("0x1111111111111111111111111111111111111111111111111111111111111101")
	t2 := common.HexToHash("0x2222222222222222222222222222222222222222222222222222222222222202")
	in := cat([]byte{2}, t1[:], t2[:], []byte("data!"))
	r := call(t, c, addr, in, nil, vm.Success)
	want := []vm.Log{{Address: addr, Topics: []common.Hash{t1, t2}, Data: []byte("data!")}}
	if len(r.Logs) != 1 || r.Logs[0].Address != addr || len(r.Logs[0].Topics) != 2 ||
		r.Logs[0].Topics[0] != t1 || r.Logs[0].Topics[1] != t2 || string(r.Logs[0].Data) != "data!" {
		t.Fatalf("logs %+v, want %+v", r.Logs, want)
	}
	// getCallDataSize ×2, callDataCopy(70) 3+3·3, log 375 + 2·375 + 8·5.
	if want := intrinsic(in, false) + 2*2 + 12 + 375 + 750 + 40; r.GasUsed != want {
		t.Errorf("log used %d gas, want %d", r.GasUsed, want)
	}
	r = call(t, c, addr, []byte{0}, nil, vm.Success)
	if len(r.Logs) != 1 || len(r.Logs[0].Topics) != 0 || len(r.Logs[0].Data) != 0 {
		t.Errorf("log0 without data: %+v", r.Logs)
	}
	// Logs belong to their transaction only.
	r = call(t, c, addr, cat([]byte{4}, make([]byte, 128)), nil, vm.Success)
	if len(r.Logs) != 1 || len(r.Logs[0].Topics) != 4 {
		t.Errorf("log4: %+v", r.Logs)
	}
	wantFailure(t, c.Call(acct0, addr, cat([]byte{5}, make([]byte, 160)), nil), "log with 5 topics")
}

func TestKeccakAndCodeHash(t *testing.T) {
	c := newChain(t, Config{})
	addr := deploy(t, c, "hash")
	r := call(t, c, addr, cat([]byte{0}, []byte("hello")), nil, vm.Success)
	if want := crypto.Keccak256([]byte("hello")); !bytes.Equal(r.Output, want) {
		t.Errorf("keccak256(hello) = %x, want %x", r.Output, want)
	}
	r = call(t, c, addr, []byte{0}, nil, vm.Success)
	if want := crypto.Keccak256(nil); !bytes.Equal(r.Output, want) {
		t.Errorf("keccak256() = %x, want %x", r.Output, want)
	}
	codeHash := func(a common.Address) []byte {
		return call(t, c, addr, cat([]byte{1}, a[:]), nil, vm.Success).Output
	}
	if got, want := codeHash(addr), crypto.Keccak256(load(t, "hash")); !bytes.Equal(got, want) {
		t.Errorf("extcodehash(self) = %x, want %x", got, want)
	}
	// A funded account without code: keccak of the empty string; a
	// non-existent one: 0 (ewasm.md §8.4).
	if got, want := codeHash(vm.TestAccount(5)), crypto.Keccak256(nil); !bytes.Equal(got, want) {
		t.Errorf("extcodehash(account 5) = %x, want %x", got, want)
	}
	if got := codeHash(common.HexToAddress("0xdead")); !bytes.Equal(got, make([]byte, 32)) {
		t.Errorf("extcodehash(nobody) = %x, want 0", got)
	}
}

func TestTransientStorage(t *testing.T) {
	c := newChain(t, Config{})
	addr := deploy(t, c, "transient")
	val := common.HexToHash("0xfeedface00000000000000000000000000000000000000000000000000c0ffee")
	r := call(t, c, addr, cat([]byte{0}, val[:]), nil, vm.Success)
	if !bytes.Equal(r.Output, val[:]) {
		t.Errorf("tload after tstore = %x, want %x", r.Output, val)
	}
	if c.Storage(addr, common.Hash{}) != (common.Hash{}) {
		t.Error("transient store wrote persistent storage")
	}
	// Cleared at the start of the next transaction.
	r = call(t, c, addr, []byte{1}, nil, vm.Success)
	if !bytes.Equal(r.Output, make([]byte, 32)) {
		t.Errorf("tload in the next transaction = %x, want 0", r.Output)
	}
}
