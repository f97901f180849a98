package evm

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// code assembles hex text; spaces and "|"-separated comments are ignored:
// code("43 | NUMBER", "6000 | PUSH1 0").
func code(parts ...string) []byte {
	var sb strings.Builder
	for _, p := range parts {
		if i := strings.Index(p, "|"); i >= 0 {
			p = p[:i]
		}
		sb.WriteString(strings.ReplaceAll(p, " ", ""))
	}
	b, err := hex.DecodeString(sb.String())
	if err != nil {
		panic(err)
	}
	return b
}

// deployer is creation code that returns runtime (< 256 bytes) as the
// contract's code. It uses PUSH1 only, so it runs on every version.
func deployer(runtime []byte) []byte {
	init := code(
		"60"+hex.EncodeToString([]byte{byte(len(runtime))}), // PUSH1 len
		"80",   // DUP1
		"600b", // PUSH1 11 (offset of runtime)
		"6000", // PUSH1 0
		"39",   // CODECOPY(0, 11, len)
		"6000", // PUSH1 0
		"f3",   // RETURN(0, len)
	)
	return append(init, runtime...)
}

// returnWords is runtime code (< 256 bytes) that evaluates each snippet (each leaves one
// word on the stack) and returns the words in order.
func returnWords(snippets ...string) []byte {
	var out []byte
	for i, s := range snippets {
		out = append(out, code(s)...)
		out = append(out, 0x61, byte(32*i>>8), byte(32*i), 0x52) // PUSH2 32i MSTORE
	}
	n := 32 * len(snippets)
	return append(out, 0x61, byte(n>>8), byte(n), 0x60, 0x00, 0xf3) // RETURN(0, 32n)
}

func word(t *testing.T, out []byte, i int) common.Hash {
	t.Helper()
	if len(out) < 32*(i+1) {
		t.Fatalf("output has %d bytes, want word %d", len(out), i)
	}
	return common.BytesToHash(out[32*i : 32*i+32])
}

func num(n uint64) common.Hash { return uint256.NewInt(n).Bytes32() }

func mustDeploy(t *testing.T, c *Chain, from common.Address, initCode []byte, value *uint256.Int) common.Address {
	t.Helper()
	r := c.Deploy(from, initCode, value)
	if r.Status != vm.Success {
		t.Fatalf("deploy: %v %s", r.Status, r.Err)
	}
	return r.Created
}

func mustCall(t *testing.T, c *Chain, from, to common.Address, input []byte, value *uint256.Int) vm.Result {
	t.Helper()
	r := c.Call(from, to, input, value)
	if r.Status != vm.Success {
		t.Fatalf("call: %v %s %x", r.Status, r.Err, r.Output)
	}
	return r
}

// createEmpty returns the address of an empty contract it creates with CREATE.
var createEmpty = returnWords("6000 6000 6000 f0 | CREATE(0, 0, 0)")

func TestCreateAddresses(t *testing.T) {
	want := []common.Address{
		common.HexToAddress("0xc06afe3a8444fc0004668591e8306bfb9968e79e"),
		common.HexToAddress("0xe1e163b29f5bccb3764b5534ce0e2c02bd4fe650"),
	}
	child := common.HexToAddress("0x137aa4dfc0911524504fcd4d98501f179bc13b4a")
	for _, v := range evmversion.All() {
		t.Run(v.String(), func(t *testing.T) {
			c := New(Config{Version: v})
			a0 := vm.TestAccount(0)
			first := mustDeploy(t, c, a0, deployer(createEmpty), nil)
			second := mustDeploy(t, c, a0, deployer(createEmpty), nil)
			if first != want[0] || second != want[1] {
				t.Fatalf("deployed at %s, %s; want %s, %s", first, second, want[0], want[1])
			}
			if got := common.BytesToAddress(mustCall(t, c, a0, first, nil, nil).Output); got != child {
				t.Errorf("first child at %s, want %s", got, child)
			}
			if got, want := common.BytesToAddress(mustCall(t, c, a0, first, nil, nil).Output), crypto.CreateAddress(first, 2); got != want {
				t.Errorf("second child at %s, want %s", got, want)
			}
			if n := c.Nonce(a0); n != 2 {
				t.Errorf("Nonce(account 0) = %d, want 2", n)
			}
			if n := c.Nonce(first); n != 2 {
				t.Errorf("Nonce(first) = %d, want 2", n)
			}
			if n := c.Nonce(vm.TestAccount(1)); n != 0 {
				t.Errorf("Nonce(account 1) = %d, want 0", n)
			}
		})
	}
}

func TestCreate2AndNonces(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	// CREATE2(0, 0, 0, salt 0x2a), then CREATE(0, 0, 0).
	factory := mustDeploy(t, c, a0, deployer(returnWords(
		"602a 6000 6000 6000 f5 | CREATE2(0, 0, 0, 0x2a)",
		"6000 6000 6000 f0      | CREATE(0, 0, 0)",
	)), nil)
	out := mustCall(t, c, a0, factory, nil, nil).Output
	var salt [32]byte
	salt[31] = 0x2a
	if got, want := common.BytesToAddress(word(t, out, 0).Bytes()), crypto.CreateAddress2(factory, salt, crypto.Keccak256(nil)); got != want {
		t.Errorf("CREATE2 address %s, want %s", got, want)
	}
	// The host does not count CREATE2 in the nonce: the CREATE after it
	// uses nonce 1.
	if got, want := common.BytesToAddress(word(t, out, 1).Bytes()), crypto.CreateAddress(factory, 1); got != want {
		t.Errorf("CREATE after CREATE2 at %s, want %s (nonce 1)", got, want)
	}
	if n := c.Nonce(factory); n != 1 {
		t.Errorf("Nonce(factory) = %d, want 1", n)
	}

	// A failed CREATE does not use up a nonce either: creation code
	// "REVERT(0, 0)" (60006000fd) stored at memory 0x200, then
	// CREATE(0, 0x21b, 5) (fails) and CREATE(0, 0, 0) (succeeds).
	failing := mustDeploy(t, c, a0, deployer(returnWords(
		"6460006000fd 610200 52 6000 | MSTORE(0x200, 0x60006000fd), then 0",
		"6005 61021b 6000 f0         | CREATE(0, 0x21b, 5)",
		"6000 6000 6000 f0           | CREATE(0, 0, 0)",
	)), nil)
	out = mustCall(t, c, a0, failing, nil, nil).Output
	if w := word(t, out, 1); w != (common.Hash{}) {
		t.Errorf("failing CREATE returned %s, want 0", w)
	}
	if got, want := common.BytesToAddress(word(t, out, 2).Bytes()), crypto.CreateAddress(failing, 1); got != want {
		t.Errorf("CREATE after a failed CREATE at %s, want %s (nonce 1)", got, want)
	}

	// A failed deployment does not use up the sender's nonce.
	a1 := vm.TestAccount(1)
	r := c.Deploy(a1, code("6000 6000 fd | REVERT(0, 0)"), nil)
	if r.Status != vm.Revert || r.Created != (common.Address{}) {
		t.Fatalf("failed deployment: %v at %s", r.Status, r.Created)
	}
	if got, want := mustDeploy(t, c, a1, deployer(nil), nil), crypto.CreateAddress(a1, 1); got != want {
		t.Errorf("deployment after a failed one at %s, want %s", got, want)
	}
}

func TestBlockEnvironment(t *testing.T) {
	for _, v := range []evmversion.Version{evmversion.Cancun, evmversion.Prague} {
		t.Run(v.String(), func(t *testing.T) {
			c := New(Config{Version: v})
			env := mustDeploy(t, c, vm.TestAccount(0), deployer(returnWords(
				"43         | NUMBER",
				"42         | TIMESTAMP",
				"41         | COINBASE",
				"32         | ORIGIN",
				"46         | CHAINID",
				"48         | BASEFEE",
				"44         | PREVRANDAO",
				"45         | GASLIMIT",
				"3a         | GASPRICE",
				"33         | CALLER",
				"6001 43 03 40 | BLOCKHASH(NUMBER - 1)",
				"43 40      | BLOCKHASH(NUMBER)",
				"6000 49    | BLOBHASH(0)",
				"6001 49    | BLOBHASH(1)",
				"6002 49    | BLOBHASH(2)",
				"4a         | BLOBBASEFEE",
			)), nil)
			if c.BlockNumber() != 1 {
				t.Fatalf("BlockNumber after deployment = %d, want 1", c.BlockNumber())
			}
			sender := vm.TestAccount(3)
			for block := uint64(2); block <= 3; block++ {
				out := mustCall(t, c, sender, env, nil, nil).Output
				want := []common.Hash{
					num(block),
					num(15 * block),
					common.BytesToHash(Coinbase[:]),
					common.HexToHash("0x9292929292929292929292929292929292929292"),
					num(1),
					num(7),
					PrevRandao,
					num(20_000_000),
					num(3_000_000_000),
					common.BytesToHash(sender[:]),
					common.HexToHash("0x3737373737373737373737373737373737373737373737373737373737373737"),
					{},
					common.HexToHash("0x0100000000000000000000000000000000000000000000000000000000000001"),
					common.HexToHash("0x0100000000000000000000000000000000000000000000000000000000000002"),
					{},
					num(1),
				}
				// blockhash(block-1) = 0x3737…37 + block-1.
				bh := new(uint256.Int).SetBytes(want[10][:])
				bh.AddUint64(bh, block-1)
				want[10] = bh.Bytes32()
				for i, w := range want {
					if got := word(t, out, i); got != w {
						t.Errorf("block %d, word %d: got %s, want %s", block, i, got, w)
					}
				}
			}
			if c.BlockNumber() != 3 {
				t.Errorf("BlockNumber = %d, want 3", c.BlockNumber())
			}
		})
	}
}

func TestBlockEnvironmentBeforeParis(t *testing.T) {
	c := New(Config{Version: evmversion.London})
	env := mustDeploy(t, c, vm.TestAccount(0), deployer(returnWords(
		"44 | DIFFICULTY",
		"48 | BASEFEE",
		"6000 6001 03 40 | BLOCKHASH(1 - 0)",
	)), nil)
	out := mustCall(t, c, vm.TestAccount(0), env, nil, nil).Output
	if got := word(t, out, 0).Big().Uint64(); got != 200_000_000 {
		t.Errorf("DIFFICULTY = %d, want 200000000", got)
	}
	if got := word(t, out, 1).Big().Uint64(); got != 7 {
		t.Errorf("BASEFEE = %d, want 7", got)
	}
	if got, want := word(t, out, 2), common.HexToHash("0x3737373737373737373737373737373737373737373737373737373737373738"); got != want {
		t.Errorf("BLOCKHASH(1) = %s, want %s", got, want)
	}
}

func TestValueTransfer(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0, a1 := vm.TestAccount(0), vm.TestAccount(1)
	start := new(uint256.Int).Lsh(uint256.NewInt(1), 100)
	if got := c.Balance(a0); !got.Eq(start) {
		t.Fatalf("initial balance %s, want 2^100", got)
	}
	for i := byte(1); i <= 8; i++ {
		if got := c.Balance(common.BytesToAddress([]byte{i})); !got.Eq(uint256.NewInt(1)) {
			t.Errorf("balance of precompile %d = %s, want 1", i, got)
		}
	}
	if got := c.Balance(common.BytesToAddress([]byte{9})); !got.IsZero() {
		t.Errorf("balance of address 9 = %s, want 0", got)
	}
	contract := mustDeploy(t, c, a0, deployer(returnWords("34 | CALLVALUE", "47 | SELFBALANCE")), uint256.NewInt(5))
	out := mustCall(t, c, a0, contract, nil, uint256.NewInt(1000)).Output
	if v, b := word(t, out, 0).Big().Uint64(), word(t, out, 1).Big().Uint64(); v != 1000 || b != 1005 {
		t.Errorf("callvalue %d selfbalance %d, want 1000 1005", v, b)
	}
	if got := c.Balance(contract); !got.Eq(uint256.NewInt(1005)) {
		t.Errorf("contract balance %s, want 1005", got)
	}
	// Gas is never paid for: only the transferred value left account 0.
	if got, want := c.Balance(a0), new(uint256.Int).Sub(start, uint256.NewInt(1005)); !got.Eq(want) {
		t.Errorf("sender balance %s, want %s", got, want)
	}
	// A plain transfer to an account without code.
	other := common.HexToAddress("0x1111111111111111111111111111111111111111")
	if r := c.Call(a1, other, nil, uint256.NewInt(42)); r.Status != vm.Success || r.GasUsed != 21_000 {
		t.Errorf("plain transfer: %v, gas %d", r.Status, r.GasUsed)
	}
	if got := c.Balance(other); !got.Eq(uint256.NewInt(42)) {
		t.Errorf("recipient balance %s, want 42", got)
	}
	// More than the sender has: fails, nothing moves.
	poor := common.HexToAddress("0x2222222222222222222222222222222222222222")
	if r := c.Call(poor, contract, nil, uint256.NewInt(1)); r.Status != vm.Failure || r.Err == "" {
		t.Errorf("transfer without funds: %v %q", r.Status, r.Err)
	}
	if got := c.Balance(contract); !got.Eq(uint256.NewInt(1005)) {
		t.Errorf("contract balance after failed transfer %s, want 1005", got)
	}
}

func TestRevertAndFailure(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	reverter := mustDeploy(t, c, a0, deployer(code(
		"63deadbeef 6000 52 | MSTORE(0, 0xdeadbeef)",
		"6004 601c fd       | REVERT(28, 4)",
	)), nil)
	r := c.Call(a0, reverter, nil, nil)
	if r.Status != vm.Revert || !bytes.Equal(r.Output, code("deadbeef")) {
		t.Errorf("revert: %v %x", r.Status, r.Output)
	}
	invalid := mustDeploy(t, c, a0, deployer(code("fe | INVALID")), nil)
	r = c.Call(a0, invalid, nil, nil)
	if r.Status != vm.Failure || len(r.Output) != 0 || !strings.Contains(r.Err, "invalid opcode") {
		t.Errorf("invalid: %v %x %q", r.Status, r.Output, r.Err)
	}
	// An exceptional halt consumes all the gas.
	if r.GasUsed != DefaultTxGas {
		t.Errorf("invalid used %d gas, want %d", r.GasUsed, DefaultTxGas)
	}
	// A failed deployment: no address, no code.
	r = c.Deploy(a0, code("fe"), nil)
	if r.Status != vm.Failure || r.Created != (common.Address{}) {
		t.Errorf("failed deployment: %v at %s", r.Status, r.Created)
	}
	if next := crypto.CreateAddress(a0, c.Nonce(a0)+1); len(c.Code(next)) != 0 {
		t.Errorf("code at %s after failed deployment", next)
	}
}

func TestRevertedCreationDeposit(t *testing.T) {
	// The recorded host charges the code deposit on a reverted creation's
	// revert data and reports it as code deposit.
	c := New(Config{Version: evmversion.Cancun})
	r := c.Deploy(vm.TestAccount(0), code("6003 6000 fd | REVERT(0, 3)"), nil)
	if r.Status != vm.Revert || !bytes.Equal(r.Output, []byte{0, 0, 0}) {
		t.Fatalf("deployment: %v %x", r.Status, r.Output)
	}
	// 53,000 + 4 non-zero bytes × 16 + 1 zero byte × 4, plus
	// PUSH1 PUSH1 (3 + 3) and memory expansion for one word (3).
	if want := uint64(53_000 + 4*16 + 4 + 9); r.CodeDeposit != 600 || r.GasUsed != want {
		t.Errorf("gas %d code %d, want %d code 600", r.GasUsed, r.CodeDeposit, want)
	}
}

func TestIntrinsicGas(t *testing.T) {
	for _, tc := range []struct {
		v    evmversion.Version
		data []byte
		want uint64
	}{
		{evmversion.Cancun, code("00 01 02"), 21_000 + 4 + 2*16},
		{evmversion.Petersburg, code("00 01 02"), 21_000 + 4 + 2*68},
	} {
		c := New(Config{Version: tc.v})
		stop := mustDeploy(t, c, vm.TestAccount(0), deployer(code("00 | STOP")), nil)
		if r := mustCall(t, c, vm.TestAccount(0), stop, tc.data, nil); r.GasUsed != tc.want || r.CodeDeposit != 0 {
			t.Errorf("%v: gas %d code %d, want %d", tc.v, r.GasUsed, r.CodeDeposit, tc.want)
		}
	}
	// Deployment: 53,000 + data; the deposit (200 per byte) is apart.
	c := New(Config{Version: evmversion.Cancun})
	init := deployer(code("00"))
	r := c.Deploy(vm.TestAccount(0), init, nil)
	want := IntrinsicGas(evmversion.Cancun, init, true) + 3 + 3 + 3 + 3 + (3 + 3 + 3) + 3 + 0
	if r.CodeDeposit != 200 || r.GasUsed != want {
		t.Errorf("deployment: gas %d code %d, want %d code 200", r.GasUsed, r.CodeDeposit, want)
	}
}

func TestLogs(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	// LOG1(0, 32, topic 0xaa) with memory word 0x11, then LOG2(0, 0, 0xbb, 0xcc).
	logger := mustDeploy(t, c, a0, deployer(code(
		"6011 6000 52         | MSTORE(0, 0x11)",
		"60aa 6020 6000 a1    | LOG1(0, 32, 0xaa)",
		"60cc 60bb 6000 6000 a2 | LOG2(0, 0, 0xbb, 0xcc)",
	)), nil)
	r := mustCall(t, c, a0, logger, nil, nil)
	want := []vm.Log{
		{Address: logger, Topics: []common.Hash{common.HexToHash("0xaa")}, Data: common.LeftPadBytes([]byte{0x11}, 32)},
		{Address: logger, Topics: []common.Hash{common.HexToHash("0xbb"), common.HexToHash("0xcc")}, Data: []byte{}},
	}
	if len(r.Logs) != 2 {
		t.Fatalf("%d logs, want 2", len(r.Logs))
	}
	for i := range want {
		if r.Logs[i].Address != want[i].Address || !reflect.DeepEqual(r.Logs[i].Topics, want[i].Topics) || !bytes.Equal(r.Logs[i].Data, want[i].Data) {
			t.Errorf("log %d = %+v, want %+v", i, r.Logs[i], want[i])
		}
	}
	// Logs are per transaction; a reverted call has none.
	stop := mustDeploy(t, c, a0, deployer(code("00")), nil)
	if r := mustCall(t, c, a0, stop, nil, nil); len(r.Logs) != 0 {
		t.Errorf("next transaction has %d logs", len(r.Logs))
	}
	revertingLogger := mustDeploy(t, c, a0, deployer(code("60aa 6000 6000 a1 | LOG1(0, 0, 0xaa)", "6000 6000 fd | REVERT(0, 0)")), nil)
	if r := c.Call(a0, revertingLogger, nil, nil); r.Status != vm.Revert || len(r.Logs) != 0 {
		t.Errorf("reverted call: %v with %d logs", r.Status, len(r.Logs))
	}
}

// storer stores calldata word 1 at the slot in calldata word 0.
var storer = code("6020 35 6000 35 55 | SSTORE(cd[0], cd[32])", "00")

func TestStorage(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	s := mustDeploy(t, c, a0, deployer(storer), nil)
	if !c.StorageEmpty(s) {
		t.Fatal("fresh contract has storage")
	}
	set := func(slot, value byte) vm.Result {
		return mustCall(t, c, a0, s, append(common.LeftPadBytes([]byte{slot}, 32), common.LeftPadBytes([]byte{value}, 32)...), nil)
	}
	r := set(5, 7)
	// 21,000 + calldata (62 zero bytes, 2 non-zero) + code (3+3+3+3) +
	// cold SSTORE 0 → 7 (2,100 + 20,000).
	if want := uint64(21_000 + 62*4 + 2*16 + 12 + 22_100); r.GasUsed != want {
		t.Errorf("SSTORE gas %d, want %d", r.GasUsed, want)
	}
	if got := c.Storage(s, common.HexToHash("0x05")); got != common.HexToHash("0x07") {
		t.Errorf("slot 5 = %s", got)
	}
	if c.StorageEmpty(s) {
		t.Error("StorageEmpty after a store")
	}
	set(6, 1)
	set(5, 0)
	if c.StorageEmpty(s) {
		t.Error("StorageEmpty with slot 6 set")
	}
	// Clearing a slot refunds 4,800: 21,000 + 268 (calldata) + 12 + cold
	// 2,100 + 2,900 = 26,280, minus 4,800 (below the cap of 26,280 / 5).
	if r := set(6, 0); r.GasUsed != 21_480 {
		t.Errorf("clearing SSTORE gas %d, want 21480", r.GasUsed)
	}
	if !c.StorageEmpty(s) {
		t.Error("StorageEmpty false after clearing every slot")
	}
	if c.StorageEmpty(s) != true || !c.StorageEmpty(common.HexToAddress("0x1234")) {
		t.Error("StorageEmpty of an unknown account")
	}
}

func TestTransientStorageCleared(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	// Returns TLOAD(0), then TSTORE(0, 1).
	ts := mustDeploy(t, c, a0, deployer(code(
		"6000 5c 6000 52 | MSTORE(0, TLOAD(0))",
		"6001 6000 5d    | TSTORE(0, 1)",
		"6020 6000 f3    | RETURN(0, 32)",
	)), nil)
	for i := 0; i < 2; i++ {
		if out := mustCall(t, c, a0, ts, nil, nil).Output; word(t, out, 0) != (common.Hash{}) {
			t.Errorf("call %d: TLOAD(0) = %x, want 0", i, out)
		}
	}
}

func TestSelfdestruct(t *testing.T) {
	// SELFDESTRUCT(0x1111…) in an existing contract: removed before cancun,
	// only the balance moves from cancun on (EIP-6780).
	beneficiary := common.HexToAddress("0x1111111111111111111111111111111111111111")
	for _, tc := range []struct {
		v       evmversion.Version
		removed bool
	}{{evmversion.Shanghai, true}, {evmversion.Cancun, false}} {
		c := New(Config{Version: tc.v})
		a0 := vm.TestAccount(0)
		// SSTORE(0, 1); selfdestruct if calldata word 0 is zero, else stop.
		runtime := code(
			"6001 6000 55      | 0: SSTORE(0, 1)",
			"6000 35 15 600d 57 | 5: JUMPI(13, iszero(cd[0]))",
			"00                 | 12: STOP",
			"5b 73"+strings.Repeat("11", 20)+" ff | 13: SELFDESTRUCT(0x1111…)",
		)
		sd := mustDeploy(t, c, a0, deployer(runtime), uint256.NewInt(9))
		mustCall(t, c, a0, sd, common.LeftPadBytes([]byte{1}, 32), nil)
		if c.StorageEmpty(sd) {
			t.Fatalf("%v: no storage before selfdestruct", tc.v)
		}
		mustCall(t, c, a0, sd, nil, nil)
		if got := c.Balance(beneficiary); !got.Eq(uint256.NewInt(9)) {
			t.Errorf("%v: beneficiary got %s, want 9", tc.v, got)
		}
		if removed := len(c.Code(sd)) == 0; removed != tc.removed {
			t.Errorf("%v: contract removed = %v, want %v", tc.v, removed, tc.removed)
		}
		if c.StorageEmpty(sd) != tc.removed {
			t.Errorf("%v: StorageEmpty = %v, want %v", tc.v, !tc.removed, tc.removed)
		}
	}
}

func TestPrecompiles(t *testing.T) {
	c := New(Config{Version: evmversion.Cancun})
	a0 := vm.TestAccount(0)
	input := []byte("abc")
	r := mustCall(t, c, a0, common.BytesToAddress([]byte{2}), input, nil)
	if hex.EncodeToString(r.Output) != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("sha256: %x", r.Output)
	}
	if r := mustCall(t, c, a0, common.BytesToAddress([]byte{4}), input, nil); !bytes.Equal(r.Output, input) {
		t.Errorf("identity: %x", r.Output)
	}
	for _, a := range []byte{5, 9} {
		if r := c.Call(a0, common.BytesToAddress([]byte{a}), input, nil); r.Status != vm.Failure || r.GasUsed != DefaultTxGas {
			t.Errorf("precompile %d: %v, gas %d; want failure using all gas", a, r.Status, r.GasUsed)
		}
	}
	// 0x0a (point evaluation) is not answered by the host: an empty account.
	if r := c.Call(a0, common.BytesToAddress([]byte{0x0a}), input, nil); r.Status != vm.Success || len(r.Output) != 0 {
		t.Errorf("0x0a: %v %x", r.Status, r.Output)
	}
	// bn256 add of (1, 2) + (1, 2).
	g := append(common.LeftPadBytes([]byte{1}, 32), common.LeftPadBytes([]byte{2}, 32)...)
	r = mustCall(t, c, a0, common.BytesToAddress([]byte{6}), append(g, g...), nil)
	if hex.EncodeToString(r.Output) != "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4" {
		t.Errorf("bn256 add: %x", r.Output)
	}
	// Before byzantium, 5–8 are plain accounts.
	old := New(Config{Version: evmversion.SpuriousDragon})
	if r := old.Call(a0, common.BytesToAddress([]byte{5}), input, nil); r.Status != vm.Success {
		t.Errorf("spuriousDragon 0x05: %v", r.Status)
	}
}

func TestDeterminism(t *testing.T) {
	run := func() []vm.Result {
		c := New(Config{Version: evmversion.Cancun})
		a0 := vm.TestAccount(0)
		var out []vm.Result
		r := c.Deploy(a0, deployer(storer), nil)
		out = append(out, r)
		for i := byte(0); i < 5; i++ {
			out = append(out, c.Call(a0, r.Created, append(common.LeftPadBytes([]byte{i}, 32), common.LeftPadBytes([]byte{i * 3}, 32)...), uint256.NewInt(uint64(i))))
		}
		out = append(out, c.Deploy(a0, deployer(createEmpty), nil))
		out = append(out, c.Call(a0, out[len(out)-1].Created, nil, nil))
		return out
	}
	if a, b := run(), run(); !reflect.DeepEqual(a, b) {
		t.Errorf("two runs differ:\n%+v\n%+v", a, b)
	}
}

func TestEveryVersionRuns(t *testing.T) {
	for _, v := range evmversion.All() {
		c := New(Config{Version: v})
		a0 := vm.TestAccount(0)
		s := mustDeploy(t, c, a0, deployer(storer), nil)
		mustCall(t, c, a0, s, append(common.LeftPadBytes([]byte{1}, 32), common.LeftPadBytes([]byte{2}, 32)...), nil)
		if got := c.Storage(s, common.HexToHash("0x01")); got != common.HexToHash("0x02") {
			t.Errorf("%v: slot 1 = %s", v, got)
		}
		if c.Version() != v {
			t.Errorf("Version() = %v, want %v", c.Version(), v)
		}
	}
}

func TestTracerAndTxGas(t *testing.T) {
	var enters, exits, ops int
	var topUsed uint64
	hooks := &tracing.Hooks{
		OnEnter: func(depth int, typ byte, from, to common.Address, input []byte, gas uint64, value *big.Int) { enters++ },
		OnExit: func(depth int, output []byte, gasUsed uint64, err error, reverted bool) {
			exits++
			if depth == 0 {
				topUsed = gasUsed
			}
		},
		OnOpcode: func(pc uint64, op byte, gas, cost uint64, scope tracing.OpContext, rData []byte, depth int, err error) {
			ops++
		},
	}
	c := New(Config{Version: evmversion.Cancun, Tracer: hooks, TxGas: 60_000})
	a0 := vm.TestAccount(0)
	factory := mustDeploy(t, c, a0, deployer(createEmpty), nil)
	r := mustCall(t, c, a0, factory, nil, nil)
	// Deployment: one frame; call: the call and the creation inside it.
	if enters != 3 || exits != 3 || ops == 0 {
		t.Errorf("tracer saw %d enters, %d exits, %d opcodes", enters, exits, ops)
	}
	if topUsed != r.GasUsed-21_000 {
		t.Errorf("OnExit gas used %d, want %d", topUsed, r.GasUsed-21_000)
	}
	invalid := mustDeploy(t, c, a0, deployer(code("fe")), nil)
	if r := c.Call(a0, invalid, nil, nil); r.Status != vm.Failure || r.GasUsed != 60_000 {
		t.Errorf("INVALID with TxGas 60000: %v, gas %d", r.Status, r.GasUsed)
	}
}
