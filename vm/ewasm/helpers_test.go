package ewasm

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

var (
	acct0 = vm.TestAccount(0)
	acct1 = vm.TestAccount(1)
)

// load reads testdata/<name>.wasm.
func load(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// deployData is the generic deployer with runtime as its constructor
// argument (runtime ‖ u32 LE length, see testdata/deployer.wat).
func deployData(t *testing.T, runtime []byte) []byte {
	t.Helper()
	arg := binary.LittleEndian.AppendUint32(append([]byte(nil), runtime...), uint32(len(runtime)))
	return AppendCtorArgs(load(t, "deployer"), arg)
}

func newChain(t *testing.T, cfg Config) *Chain {
	t.Helper()
	if cfg.Version == 0 {
		cfg.Version = evmversion.Cancun
	}
	c := New(cfg)
	t.Cleanup(func() { c.Close() })
	return c
}

// deploy deploys runtime through the generic deployer from account 0.
func deploy(t *testing.T, c *Chain, runtime string) common.Address {
	t.Helper()
	return deployValue(t, c, runtime, nil)
}

func deployValue(t *testing.T, c *Chain, runtime string, value *uint256.Int) common.Address {
	t.Helper()
	code := load(t, runtime)
	r := c.Deploy(acct0, deployData(t, code), value)
	if r.Status != vm.Success {
		t.Fatalf("deploy %s: %v %s", runtime, r.Status, r.Err)
	}
	if !bytes.Equal(c.Code(r.Created), code) {
		t.Fatalf("deploy %s: stored code differs from the runtime module", runtime)
	}
	return r.Created
}

// call sends input from account 0 and requires status want.
func call(t *testing.T, c *Chain, to common.Address, input []byte, value *uint256.Int, want vm.Status) vm.Result {
	t.Helper()
	r := c.Call(acct0, to, input, value)
	if r.Status != want {
		t.Fatalf("call: got %v (%s), want %v; output %x", r.Status, r.Err, want, r.Output)
	}
	return r
}

func wantFailure(t *testing.T, r vm.Result, errPart string) {
	t.Helper()
	if r.Status != vm.Failure {
		t.Fatalf("got %v (output %x), want failure %q", r.Status, r.Output, errPart)
	}
	if !strings.Contains(r.Err, errPart) {
		t.Fatalf("error %q does not mention %q", r.Err, errPart)
	}
	if r.GasUsed != evm.DefaultTxGas {
		t.Errorf("failure used %d gas, want all %d", r.GasUsed, evm.DefaultTxGas)
	}
}

func word(n uint64) []byte {
	b := uint256.NewInt(n).Bytes32()
	return b[:]
}

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// le128 is v as 16 bytes little-endian.
func le128(v uint64) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint64(b, v)
	return b
}

// proxyInput builds proxy.wat's call data.
func proxyInput(kind byte, target common.Address, value uint64, input []byte) []byte {
	return cat([]byte{kind}, target[:], le128(value), input)
}

// proxyOutput splits proxy.wat's output into the EEI status and return data.
func proxyOutput(t *testing.T, out []byte) (uint32, []byte) {
	t.Helper()
	if len(out) < 4 {
		t.Fatalf("proxy output %x too short", out)
	}
	return binary.LittleEndian.Uint32(out), out[4:]
}

// intrinsic is the transaction's intrinsic gas on the test chains.
func intrinsic(data []byte, creation bool) uint64 {
	return evm.IntrinsicGas(evmversion.Cancun, data, creation)
}

func uint256New(n uint64) *uint256.Int { return uint256.NewInt(n) }

const versionLondon = evmversion.London
