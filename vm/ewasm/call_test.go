package ewasm

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/vm"
)

const (
	kindCallByte     = 0
	kindCallCodeByte = 1
	kindDelegateByte = 2
	kindStaticByte   = 3
)

// TestCallBetweenContracts runs proxy.wat → store.wat with each call kind.
func TestCallBetweenContracts(t *testing.T) {
	c := newChain(t, Config{})
	proxy := deploy(t, c, "proxy")
	store := deploy(t, c, "store")
	key := common.BytesToHash([]byte{9})
	val := common.HexToHash("0x00000000000000000000000000000000000000000000000000000000cafebabe")
	write := cat(key[:], val[:])

	via := func(kind byte, target common.Address, value uint64, input []byte) (uint32, []byte) {
		t.Helper()
		r := call(t, c, proxy, proxyInput(kind, target, value, input), nil, vm.Success)
		return proxyOutput(t, r.Output)
	}

	// call: the callee's storage changes; success is status 0, no data.
	if s, rd := via(kindCallByte, store, 0, write); s != 0 || len(rd) != 0 {
		t.Fatalf("call store: status %d, return data %x", s, rd)
	}
	if got := c.Storage(store, key); got != val {
		t.Errorf("store's slot = %s, want %s", got, val)
	}
	// Return data of a successful call.
	if s, rd := via(kindCallByte, store, 0, key[:]); s != 0 || !bytes.Equal(rd, val[:]) {
		t.Errorf("call store (read): status %d, return data %x", s, rd)
	}
	// A revert: status 2 and the revert data as return data.
	if s, rd := via(kindCallByte, store, 0, []byte{1}); s != 2 || string(rd) != "bad input" {
		t.Errorf("call reverting: status %d, return data %q", s, rd)
	}
	// callStatic may read …
	if s, rd := via(kindStaticByte, store, 0, key[:]); s != 0 || !bytes.Equal(rd, val[:]) {
		t.Errorf("callStatic (read): status %d, return data %x", s, rd)
	}
	// … but a storageStore under it is a static mode violation: status 1,
	// no return data, nothing written.
	other := cat(common.BytesToHash([]byte{10}).Bytes(), val[:])
	if s, rd := via(kindStaticByte, store, 0, other); s != 1 || len(rd) != 0 {
		t.Errorf("callStatic (write): status %d, return data %x", s, rd)
	}
	if got := c.Storage(store, common.BytesToHash([]byte{10})); got != (common.Hash{}) {
		t.Errorf("static write reached storage: %s", got)
	}
	// callDelegate and callCode run store's code on the proxy's storage.
	if s, _ := via(kindDelegateByte, store, 0, cat(common.BytesToHash([]byte{11}).Bytes(), val[:])); s != 0 {
		t.Errorf("callDelegate: status %d", s)
	}
	if s, _ := via(kindCallCodeByte, store, 0, cat(common.BytesToHash([]byte{12}).Bytes(), val[:])); s != 0 {
		t.Errorf("callCode: status %d", s)
	}
	for _, slot := range []byte{11, 12} {
		if got := c.Storage(proxy, common.BytesToHash([]byte{slot})); got != val {
			t.Errorf("proxy slot %d = %s, want %s", slot, got, val)
		}
		if got := c.Storage(store, common.BytesToHash([]byte{slot})); got != (common.Hash{}) {
			t.Errorf("store slot %d = %s, want 0", slot, got)
		}
	}
	// A call to an account without code succeeds with no return data.
	if s, rd := via(kindCallByte, common.HexToAddress("0x0abc"), 0, []byte("x")); s != 0 || len(rd) != 0 {
		t.Errorf("call to empty account: status %d, return data %x", s, rd)
	}
}

// TestStaticViolations: every state change under callStatic fails the
// callee (ewasm.md §2.5) and leaves the caller running.
func TestStaticViolations(t *testing.T) {
	c := newChain(t, Config{})
	proxy := deploy(t, c, "proxy")
	logger := deploy(t, c, "logger")
	transient := deploy(t, c, "transient")
	traps := deploy(t, c, "traps")
	factory := deploy(t, c, "factory")
	proxy2 := deploy(t, c, "proxy")
	for _, tc := range []struct {
		name   string
		target common.Address
		input  []byte
	}{
		{"log", logger, []byte{0}},
		{"transientStorageStore", transient, cat([]byte{0}, make([]byte, 32))},
		{"selfDestruct", traps, cat([]byte{7}, acct1[:])},
		{"create", factory, cat([]byte{0}, le128(0), make([]byte, 32))},
		{"call with value", proxy2, proxyInput(kindCallByte, acct1, 1, nil)},
	} {
		r := call(t, c, proxy, proxyInput(kindStaticByte, tc.target, 0, tc.input), nil, vm.Success)
		if s, rd := proxyOutput(t, r.Output); s != 1 || len(rd) != 0 {
			t.Errorf("%s under callStatic: status %d, return data %x; want 1", tc.name, s, rd)
		}
		if len(r.Logs) != 0 {
			t.Errorf("%s under callStatic left logs %+v", tc.name, r.Logs)
		}
	}
	// Reading transient storage is allowed.
	r := call(t, c, proxy, proxyInput(kindStaticByte, transient, 0, []byte{1}), nil, vm.Success)
	if s, rd := proxyOutput(t, r.Output); s != 0 || len(rd) != 32 {
		t.Errorf("tload under callStatic: status %d, return data %x", s, rd)
	}
	if c.Code(traps) == nil || c.Balance(traps).Sign() != 0 {
		t.Error("static selfDestruct changed the account")
	}
}

func TestValueTransfer(t *testing.T) {
	c := newChain(t, Config{NoMetering: true})
	proxy := deploy(t, c, "proxy")
	store := deploy(t, c, "store")
	fresh := common.HexToAddress("0x00000000000000000000000000000000000f00d5")
	before := c.Balance(acct0)

	// The transaction sends 1000 wei to proxy, which sends 300 on to store
	// (whose code runs with that call value) …
	r := call(t, c, proxy, proxyInput(kindCallByte, store, 300, []byte{1}), uint256.NewInt(1000), vm.Success)
	if s, _ := proxyOutput(t, r.Output); s != 2 {
		t.Fatalf("status %d, want 2 (store reverts on 1 byte)", s)
	}
	// … but store reverted, so its 300 stay with proxy.
	if got := c.Balance(proxy).Uint64(); got != 1000 {
		t.Errorf("proxy balance %d, want 1000", got)
	}
	r = call(t, c, proxy, proxyInput(kindCallByte, store, 300, cat(make([]byte, 32), word(1))), nil, vm.Success)
	if s, _ := proxyOutput(t, r.Output); s != 0 {
		t.Fatalf("status %d", s)
	}
	if p, s := c.Balance(proxy).Uint64(), c.Balance(store).Uint64(); p != 700 || s != 300 {
		t.Errorf("balances proxy %d, store %d; want 700, 300", p, s)
	}
	// Value to an account that does not exist creates it.
	call(t, c, proxy, proxyInput(kindCallByte, fresh, 7, nil), nil, vm.Success)
	if got := c.Balance(fresh).Uint64(); got != 7 {
		t.Errorf("fresh account balance %d, want 7", got)
	}
	// More than the balance: status 1, nothing moves.
	r = call(t, c, proxy, proxyInput(kindCallByte, fresh, 10_000, nil), nil, vm.Success)
	if s, _ := proxyOutput(t, r.Output); s != 1 {
		t.Errorf("overdraft: status %d, want 1", s)
	}
	if got := c.Balance(proxy).Uint64(); got != 693 {
		t.Errorf("proxy balance %d, want 693", got)
	}
	// Gas is never paid for: account 0 lost exactly the 1000 wei it sent.
	if d := new(uint256.Int).Sub(before, c.Balance(acct0)); d.Uint64() != 1000 {
		t.Errorf("account 0 spent %d wei, want 1000", d.Uint64())
	}
	// Transaction-level overdraft.
	r = c.Call(acct0, proxy, nil, new(uint256.Int).Lsh(uint256.NewInt(1), 101))
	if r.Status != vm.Failure || r.Err != ErrInsufficientFunds.Error() {
		t.Errorf("overdraft transaction: %v %q", r.Status, r.Err)
	}
}

func TestPrecompiles(t *testing.T) {
	c := newChain(t, Config{})
	proxy := deploy(t, c, "proxy")
	pre := func(b byte) common.Address { return common.BytesToAddress([]byte{b}) }
	r := call(t, c, proxy, proxyInput(kindCallByte, pre(4), 0, []byte("hello")), nil, vm.Success)
	if s, rd := proxyOutput(t, r.Output); s != 0 || string(rd) != "hello" {
		t.Errorf("identity: status %d, %q", s, rd)
	}
	r = call(t, c, proxy, proxyInput(kindStaticByte, pre(2), 0, []byte("hello")), nil, vm.Success)
	if s, rd := proxyOutput(t, r.Output); s != 0 || !bytes.Equal(rd, sha256Sum([]byte("hello"))) {
		t.Errorf("sha256: status %d, %x", s, rd)
	}
	// 0x09 is BLAKE2F (failing in the corpus host), not keccak (§8.7).
	r = call(t, c, proxy, proxyInput(kindCallByte, pre(9), 0, []byte("hello")), nil, vm.Success)
	if s, _ := proxyOutput(t, r.Output); s != 1 {
		t.Errorf("0x09: status %d, want 1", s)
	}
	// 0x0a is a plain account.
	r = call(t, c, proxy, proxyInput(kindCallByte, pre(10), 0, []byte("hello")), nil, vm.Success)
	if s, rd := proxyOutput(t, r.Output); s != 0 || len(rd) != 0 {
		t.Errorf("0x0a: status %d, %x", s, rd)
	}
}

func sha256Sum(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}

func TestCreateFromContract(t *testing.T) {
	c := newChain(t, Config{})
	factory := deploy(t, c, "factory")
	if want := common.HexToAddress("0xc06afe3a8444fc0004668591e8306bfb9968e79e"); factory != want {
		t.Fatalf("factory at %s", factory)
	}
	store := load(t, "store")
	init := deployData(t, store)
	salt := common.HexToHash("0x5a17")
	create := func(kind byte, value uint64, init []byte, txValue uint64) (uint32, common.Address, []byte, vm.Result) {
		t.Helper()
		r := call(t, c, factory, cat([]byte{kind}, le128(value), salt[:], init), uint256.NewInt(txValue), vm.Success)
		if len(r.Output) < 24 {
			t.Fatalf("factory output %x", r.Output)
		}
		return uint32(r.Output[0]) | uint32(r.Output[1])<<8, common.BytesToAddress(r.Output[4:24]), r.Output[24:], r
	}

	// The corpus README: the first contract that contract creates.
	s, addr, rd, r := create(0, 50, init, 100)
	if want := common.HexToAddress("0x137aa4dfc0911524504fcd4d98501f179bc13b4a"); s != 0 || addr != want {
		t.Fatalf("create: status %d at %s, want 0 at %s", s, addr, want)
	}
	if len(rd) != 0 {
		t.Errorf("return data after a successful create: %x", rd)
	}
	if !bytes.Equal(c.Code(addr), store) {
		t.Error("created contract's code is not the runtime module")
	}
	if r.CodeDeposit != uint64(200*len(store)) {
		t.Errorf("code deposit %d, want %d", r.CodeDeposit, 200*len(store))
	}
	if b := c.Balance(addr).Uint64(); b != 50 {
		t.Errorf("created contract balance %d, want 50", b)
	}
	if n := c.Nonce(factory); n != 1 {
		t.Errorf("factory nonce %d, want 1", n)
	}
	// The created contract works.
	call(t, c, addr, cat(word(1), word(2)), nil, vm.Success)
	if got := c.Storage(addr, common.BytesToHash([]byte{1})); got != common.BytesToHash([]byte{2}) {
		t.Errorf("created store's slot 1 = %s", got)
	}

	// A reverting constructor (store.wasm with no call data): status 2, the
	// revert data as return data, no address, no nonce bump.
	s, addr, rd, _ = create(0, 0, store, 0)
	if s != 2 || addr != (common.Address{}) || string(rd) != "bad input" {
		t.Errorf("reverting create: status %d, address %s, return data %q", s, addr, rd)
	}
	// An invalid init module: status 1, no return data.
	s, addr, rd, _ = create(0, 0, load(t, "bad_start"), 0)
	if s != 1 || addr != (common.Address{}) || len(rd) != 0 {
		t.Errorf("invalid create: status %d, address %s, return data %x", s, addr, rd)
	}
	// A deployer whose runtime is invalid fails too (§3.1 step 4).
	s, _, _, _ = create(0, 0, deployData(t, load(t, "bad_float")), 0)
	if s != 1 {
		t.Errorf("create of an invalid runtime: status %d, want 1", s)
	}
	if n := c.Nonce(factory); n != 1 {
		t.Errorf("factory nonce %d after failed creates, want 1", n)
	}
	// Value beyond the balance: status 1.
	s, _, _, _ = create(0, 1_000_000, init, 0)
	if s != 1 {
		t.Errorf("create with too much value: status %d", s)
	}

	// The second successful create uses the next nonce.
	s, addr, _, _ = create(0, 0, init, 0)
	if want := crypto.CreateAddress(factory, 2); s != 0 || addr != want {
		t.Errorf("second create: status %d at %s, want %s", s, addr, want)
	}
	// create2: the standard address over the init code as the EVM would
	// see it (deployer ‖ raw arguments, the soll.ctor-args framing taken
	// off); no nonce bump; the same salt again collides.
	s, addr, _, _ = create(1, 0, init, 0)
	deployer, args, _ := SplitCtorArgs(init)
	if len(args) == 0 {
		t.Fatal("create2 test needs constructor arguments")
	}
	if want := crypto.CreateAddress2(factory, salt, crypto.Keccak256(deployer, args)); s != 0 || addr != want {
		t.Errorf("create2: status %d at %s, want %s", s, addr, want)
	}
	if n := c.Nonce(factory); n != 2 {
		t.Errorf("factory nonce %d after create2, want 2", n)
	}
	s, _, _, _ = create(1, 0, init, 0)
	if s != 1 {
		t.Errorf("create2 collision: status %d, want 1", s)
	}
	// Empty init code creates an empty account (§8.8).
	s, addr, _, _ = create(0, 0, nil, 0)
	if s != 0 || addr != crypto.CreateAddress(factory, 3) || len(c.Code(addr)) != 0 {
		t.Errorf("empty create: status %d at %s", s, addr)
	}
}

func TestSelfDestruct(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cfg     Config
		removed bool
	}{{"cancun", Config{}, false}, {"london", Config{Version: versionLondon}, true}} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t, tc.cfg)
			traps := deployValue(t, c, "traps", uint256.NewInt(1000))
			ben := common.HexToAddress("0x00000000000000000000000000000000000be4ef")
			r := call(t, c, traps, cat([]byte{7}, ben[:]), nil, vm.Success)
			if len(r.Output) != 0 {
				t.Errorf("selfDestruct output %x", r.Output)
			}
			if b := c.Balance(ben).Uint64(); b != 1000 {
				t.Errorf("beneficiary got %d, want 1000", b)
			}
			if b := c.Balance(traps).Uint64(); b != 0 {
				t.Errorf("destructed account keeps %d", b)
			}
			// EIP-6780 from cancun on: not created in this transaction, so
			// the code stays; before cancun the account is gone.
			if gone := len(c.Code(traps)) == 0; gone != tc.removed {
				t.Errorf("code removed = %v, want %v", gone, tc.removed)
			}
		})
	}
}

// TestCallGas accounts a proxied call to the unit (ewasm.md §2.3, §2.4):
// the proxy's EEI charges, the callee's, and for a value transfer 9000
// minus the 2300 stipend the callee hands back unused.
func TestCallGas(t *testing.T) {
	c := newChain(t, Config{NoMetering: true})
	proxy := deploy(t, c, "proxy")
	store := deploy(t, c, "store")
	// Fund the proxy (with a call that forwards nothing).
	call(t, c, proxy, proxyInput(kindCallByte, common.HexToAddress("0x0abc"), 0, nil), uint256.NewInt(1000), vm.Success)
	// proxy: getCallDataSize ×2, callDataCopy(101 bytes) 3+3·4, getGasLeft,
	// call 700, getReturnDataSize, returnDataCopy(0) 3.
	const proxyGas = 2*2 + 15 + 2 + 700 + 2 + 3
	// store: getCallDataSize, callDataCopy(64) 3+3·2, storageStore 20000.
	const storeGas = 2 + 9 + 20000
	in := proxyInput(kindCallByte, store, 0, cat(word(5), word(6)))
	if r := call(t, c, proxy, in, nil, vm.Success); r.GasUsed != intrinsic(in, false)+proxyGas+storeGas {
		t.Errorf("call used %d gas, want %d", r.GasUsed, intrinsic(in, false)+proxyGas+storeGas)
	}
	in = proxyInput(kindCallByte, store, 300, cat(word(7), word(8)))
	r := call(t, c, proxy, in, nil, vm.Success)
	if s, _ := proxyOutput(t, r.Output); s != 0 || c.Balance(store).Uint64() != 300 {
		t.Fatalf("call with value: status %d, store balance %d", s, c.Balance(store).Uint64())
	}
	if r.GasUsed != intrinsic(in, false)+proxyGas+9000-2300+storeGas {
		t.Errorf("call with value used %d gas, want %d", r.GasUsed, intrinsic(in, false)+proxyGas+9000-2300+storeGas)
	}
}

// TestHostTables: module ethereum has exactly the 33 EEI functions of
// ewasm.md §2.2 and ethereum_ext the ten of §5.8, with their types.
func TestHostTables(t *testing.T) {
	if len(eeiFuncs) != 33 {
		t.Errorf("%d EEI functions, want 33", len(eeiFuncs))
	}
	for name, want := range map[string]string{
		"useGas": "(i64) -> ()", "getBlockHash": "(i64, i32) -> (i32)", "log": "(i32, i32, i32, i32, i32, i32, i32) -> ()",
		"call": "(i64, i32, i32, i32, i32) -> (i32)", "callStatic": "(i64, i32, i32, i32) -> (i32)",
		"create": "(i32, i32, i32, i32) -> (i32)", "getGasLeft": "() -> (i64)", "externalCodeCopy": "(i32, i32, i32, i32) -> ()",
	} {
		if got, ok := eeiSignature(name); !ok || got.String() != want {
			t.Errorf("ethereum.%s: %v, want %s", name, got, want)
		}
	}
	var ext []string
	for _, h := range extFuncs {
		ext = append(ext, h.name+" "+h.sig.String())
	}
	want := []string{
		"keccak256 (i32, i32, i32) -> ()", "getChainId (i32) -> ()", "getSelfBalance (i32) -> ()",
		"getExternalCodeHash (i32, i32) -> ()", "create2 (i32, i32, i32, i32, i32) -> (i32)",
		"getBlockBaseFee (i32) -> ()", "transientStorageLoad (i32, i32) -> ()",
		"transientStorageStore (i32, i32) -> ()", "getBlobHash (i64, i32) -> (i32)", "getBlobBaseFee (i32) -> ()",
	}
	if strings.Join(ext, "\n") != strings.Join(want, "\n") {
		t.Errorf("ethereum_ext table:\n%s\nwant:\n%s", strings.Join(ext, "\n"), strings.Join(want, "\n"))
	}
}
