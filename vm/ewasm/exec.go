package ewasm

import (
	"context"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/soll-dev/soll/vm"
)

// callKind is the EEI function that started a frame.
type callKind int

const (
	kindCall callKind = iota
	kindCallCode
	kindDelegate
	kindStatic
)

// message is a call frame to run: CALL/STATICCALL have recipient = code
// address = target, CALLCODE/DELEGATECALL recipient = the calling account
// and code address = target (ewasm.md §2.3).
type message struct {
	depth      int
	static     bool
	caller, to common.Address
	codeAddr   common.Address
	value      *uint256.Int
	transfer   bool // value moves caller → to (the balance was checked)
	input      []byte
	gas        uint64
}

// creation is a creation frame to run; salt is nil for create.
type creation struct {
	depth  int
	caller common.Address
	value  *uint256.Int // the balance was checked
	init   []byte
	gas    uint64
	salt   *common.Hash
}

// outcome is how a frame ended.
type outcome struct {
	status  vm.Status
	output  []byte // return or revert data; empty on failure
	gasLeft uint64 // 0 on failure
	created common.Address
	err     error
}

// code is the EEI status of a call*/create: 0 success, 1 failure, 2 revert.
func (o outcome) code() uint64 {
	switch o.status {
	case vm.Success:
		return 0
	case vm.Revert:
		return 2
	}
	return 1
}

func failed(err error) outcome { return outcome{status: vm.Failure, err: err} }

// runCall runs a call frame inside a snapshot that a revert or failure
// rolls back.
func (c *Chain) runCall(m message) outcome {
	snap := c.state.Snapshot()
	if m.transfer && !m.value.IsZero() {
		c.transfer(m.caller, m.to, m.value)
	} else if !c.state.Exist(m.to) {
		// Touch the account (an empty one disappears at the end of the
		// transaction from spuriousDragon on, as in the EVM).
		c.state.AddBalance(m.to, new(uint256.Int), tracing.BalanceChangeTouchAccount)
	}
	var out outcome
	if p, ok := c.precompiles[m.codeAddr]; ok {
		out = runPrecompile(p, m.input, m.gas)
	} else if code := c.state.GetCode(m.codeAddr); len(code) == 0 {
		out = outcome{status: vm.Success, gasLeft: m.gas}
	} else {
		f := &frame{
			c: c, depth: m.depth, static: m.static,
			caller: m.caller, address: m.to, value: m.value,
			input: m.input, code: code, codeHash: c.state.GetCodeHash(m.codeAddr), gas: m.gas,
		}
		out = c.execute(f)
	}
	if out.status != vm.Success {
		c.state.RevertToSnapshot(snap)
	}
	return out
}

// runPrecompile runs a go-ethereum precompile with gas.
func runPrecompile(p interface {
	RequiredGas([]byte) uint64
	Run([]byte) ([]byte, error)
}, input []byte, gas uint64) outcome {
	cost := p.RequiredGas(input)
	if cost > gas {
		return failed(ErrOutOfGas)
	}
	out, err := p.Run(input)
	if err != nil {
		return failed(fmt.Errorf("precompile: %w", err))
	}
	return outcome{status: vm.Success, output: out, gasLeft: gas - cost}
}

// runCreate runs a creation frame (ewasm.md §3.1). The address comes from
// the creator's nonce as the recorded host counts it (create) or from the
// salt (create2); only a successful create bumps the creator's nonce.
func (c *Chain) runCreate(m creation) outcome {
	nonce := c.state.GetNonce(m.caller)
	var addr common.Address
	if m.salt != nil {
		addr = crypto.CreateAddress2(m.caller, *m.salt, initCodeHash(m.init))
	} else {
		addr = crypto.CreateAddress(m.caller, nonce)
	}
	snap := c.state.Snapshot()
	if m.salt == nil {
		c.state.SetNonce(m.caller, nonce+1, tracing.NonceChangeContractCreator)
	}
	if h := c.state.GetCodeHash(addr); c.state.GetNonce(addr) != 0 || (h != (common.Hash{}) && h != types.EmptyCodeHash) {
		c.state.RevertToSnapshot(snap)
		return failed(ErrAddressCollision)
	}
	if !c.state.Exist(addr) {
		c.state.CreateAccount(addr)
	}
	c.state.CreateContract(addr)
	// New contracts start at nonce 1 (the one-ahead count of evm.Genesis).
	c.state.SetNonce(addr, 1, tracing.NonceChangeNewContract)
	if !m.value.IsZero() {
		c.transfer(m.caller, addr, m.value)
	}

	out := outcome{status: vm.Success, gasLeft: m.gas}
	if len(m.init) > 0 { // empty init code creates an empty account (§8.8)
		out = c.execute(&frame{
			c: c, depth: m.depth, caller: m.caller, address: addr, value: m.value,
			code: m.init, gas: m.gas,
		})
	}
	if out.status == vm.Success {
		out = c.deposit(addr, out)
	}
	if out.status != vm.Success {
		c.state.RevertToSnapshot(snap)
		return out
	}
	out.created = addr
	return out
}

// initCodeHash is the init code hash of a create2 address (EIP-1014),
// taken over the deploy data as the EVM would see it: a trailing
// soll.ctor-args section (ewasm.md §3.3) counts as the raw arguments it
// carries, so that an address predicted from keccak256(creationCode ‖
// args) — what Solidity code computes — is the address created, however the
// arguments were framed.
func initCodeHash(init []byte) []byte {
	if deployer, args, ok := SplitCtorArgs(init); ok {
		return crypto.Keccak256(deployer, args)
	}
	return crypto.Keccak256(init)
}

// deposit stores a successful creation's output as the account's code:
// a wasm module must pass validation (§3.1 step 4), other output is stored
// as is; 200 gas per byte, no size limit (§8.8).
func (c *Chain) deposit(addr common.Address, out outcome) outcome {
	code := out.output
	if IsWasm(code) {
		if p := c.program(code, common.Hash{}); p.err != nil {
			return failed(fmt.Errorf("deployed code: %w", p.err))
		}
	}
	cost := CodeDepositGas * uint64(len(code))
	if cost > out.gasLeft {
		return failed(fmt.Errorf("%w: code deposit of %d bytes", ErrOutOfGas, len(code)))
	}
	out.gasLeft -= cost
	c.codeDeposit += cost
	c.state.SetCode(addr, code, tracing.CodeChangeContractCreation)
	return out
}

// CodeDepositGas is the gas per byte of code a creation stores.
const CodeDepositGas = 200

// program is a module ready to instantiate, or why it cannot run.
type program struct {
	compiled wazero.CompiledModule
	pages    uint32 // initial memory pages, charged when metering
	err      error
}

// program returns the compiled form of code, compiling it on first use:
// decode, check the Ewasm rules, meter a copy unless metering is off, and
// let wazero validate (CoreFeaturesV1) and compile it. Results, failures
// included, are cached by code hash; wazero's compilation cache shares the
// machine code between chains.
//
// A trailing soll.ctor-args section (§3.3) is cut off first: it does not
// change how the module runs (codeCopy reads the stored bytes), and a
// deployer is then compiled once whatever its arguments.
//
// hash, when not zero, is keccak256 of code as the state already knows it
// (an account's code hash), which saves hashing the module on every call.
func (c *Chain) program(code []byte, hash common.Hash) *program {
	key := hash
	if deployer, _, ok := SplitCtorArgs(code); ok {
		code = deployer
		key = common.Hash{}
	}
	if key == (common.Hash{}) {
		key = crypto.Keccak256Hash(code)
	}
	if p, ok := c.programs[key]; ok {
		return p
	}
	p := &program{}
	c.programs[key] = p
	m, err := decodeModule(code)
	if err == nil {
		err = m.checkEwasm(c.cfg.Strict)
	}
	if err != nil {
		p.err = err
		return p
	}
	p.pages = m.minPages
	bin := code
	if !c.cfg.NoMetering {
		if bin, err = meter(m); err != nil {
			p.err = err
			return p
		}
	}
	compiled, err := c.rt.CompileModule(context.Background(), bin)
	if err != nil {
		p.err = invalidf("%v", firstLine(err.Error()))
		return p
	}
	p.compiled = compiled
	return p
}

// execute runs f's code: instantiate, call main, and turn how it ended into
// an outcome (ewasm.md §1.5).
func (c *Chain) execute(f *frame) outcome {
	if !IsWasm(f.code) {
		return failed(ErrNotWasm)
	}
	p := c.program(f.code, f.codeHash)
	if p.err != nil {
		return failed(p.err)
	}
	if !c.cfg.NoMetering {
		// The initial pages are charged at instantiation (§8.2).
		cost := PageGas * uint64(p.pages)
		if cost > f.gas {
			return failed(fmt.Errorf("%w: %d initial memory pages", ErrOutOfGas, p.pages))
		}
		f.gas -= cost
	}
	ctx := experimental.WithMemoryAllocator(context.WithValue(context.Background(), frameKey{}, f), pooledAllocator)
	mod, err := c.rt.InstantiateModule(ctx, p.compiled, c.modCfg)
	if err != nil {
		return failed(fmt.Errorf("%w: instantiation: %s", ErrTrap, firstLine(err.Error())))
	}
	defer mod.Close(ctx)
	f.mem = mod.Memory()
	if !c.cfg.NoMetering {
		g, ok := mod.ExportedGlobal(meterGlobal).(api.MutableGlobal)
		if !ok {
			// The injector always adds the counter.
			panic("ewasm: metered module without its gas counter")
		}
		f.meter = g
		g.Set(f.gas)
	}
	_, err = mod.ExportedFunction("main").Call(ctx)
	if err == nil && !f.halted && f.meter != nil {
		if g := int64(f.meter.Get()); g >= 0 {
			f.gas = uint64(g)
		} else {
			return failed(ErrOutOfGas)
		}
	}
	var out outcome
	switch {
	case f.halted && f.status == vm.Failure:
		out = outcome{status: vm.Failure, err: f.err}
	case f.halted:
		out = outcome{status: f.status, output: f.output, gasLeft: f.gas}
	case err != nil:
		out = failed(fmt.Errorf("%w: %s", ErrTrap, trapMessage(err)))
	default: // main returned: success with empty output
		out = outcome{status: vm.Success, gasLeft: f.gas}
	}
	if hk := c.cfg.Hooks; hk != nil && hk.OnExit != nil {
		mem, _ := f.mem.Read(0, f.mem.Size())
		hk.OnExit(f.depth, out.status, common.CopyBytes(out.output), common.CopyBytes(mem))
	}
	return out
}

// trapMessage is wazero's error without the stack trace: "unreachable",
// "out of bounds memory access", "integer divide by zero", …
func trapMessage(err error) string {
	msg := firstLine(err.Error())
	return strings.TrimPrefix(msg, "wasm error: ")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
