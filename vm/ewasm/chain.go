// Package ewasm is soll's embedded Ewasm VM: contracts are WebAssembly
// modules run by wazero, with the host modules ethereum (the 33 EEI
// functions of ewasm.md §2) and ethereum_ext (the [EXT] functions of
// §5.8) implemented over go-ethereum's StateDB and precompiles.
//
// A Chain presents the same chain as package vm/evm (the corpus README, "The
// chain the expectations were recorded on"): the same genesis accounts,
// CREATE addresses, blocks (one per transaction, numbers 1, 2, …, 15 s
// apart), block hashes, coinbase, origin, chain id, base fee, prevrandao,
// gas limit and price, precompiles (vm/evm's set: 1–9, modexp and blake2f
// failing), 100,000,000 gas per transaction with vm/evm's intrinsic gas,
// and 200 gas per byte of stored code. EEI calls cost the gas of §2.4 (no
// refunds, no access lists); wasm instructions cost what the metering of
// §4/§8.2 charges, which cannot match the EVM's gas.
//
// Deployment follows §3: the init code (deployer module, optionally with
// the soll.ctor-args section of §3.3 appended) runs with empty call data;
// what it finishes with is stored as the contract's code — validated first
// if it is a wasm module, stored as is otherwise (empty output: an empty
// account). Code is stored exactly as deployed (§8.1).
//
// Metering (§4.4, §8.2) is on by default: before a module runs, a copy of it
// is rewritten so that every straight-line segment of instructions charges
// 1 gas per instruction (branches and end included) through useGas, and
// every memory.grow charges 14336 gas per page; the initial pages are
// charged at instantiation. Runaway loops end with out of gas. Set
// Config.NoMetering to run modules unmetered (then only EEI calls cost gas
// and a loop without them never ends).
//
// A Chain is not safe for concurrent use; separate Chains are.
package ewasm

import (
	"context"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

// DefaultMemoryLimitPages bounds a module's linear memory (64 KiB pages):
// 1024 pages = 64 MiB.
const DefaultMemoryLimitPages = 1024

// PageGas is what metering charges per 64 KiB page (ewasm.md §4.2, §8.2).
const PageGas = 14336

// Config selects the rules a Chain runs by.
type Config struct {
	// Version is the EVM version (hard fork) the chain's blocks follow:
	// it selects the precompiles, DIFFICULTY vs PREVRANDAO for
	// getBlockDifficulty, and EIP-6780 selfDestruct from cancun on.
	Version evmversion.Version
	// TxGas overrides the gas each transaction gets (0: evm.DefaultTxGas).
	TxGas uint64
	// NoMetering turns the metering injector off: wasm instructions and
	// memory are then free, as in Hera's default (ewasm.md §4.3).
	NoMetering bool
	// Strict rejects modules importing from ethereum_ext (--ewasm-strict,
	// ewasm.md §5.8).
	Strict bool
	// MemoryLimitPages caps linear memory (0: DefaultMemoryLimitPages); a
	// memory.grow beyond it returns -1.
	MemoryLimitPages uint32
	// Env, when set, replaces the corpus's block and transaction
	// environment (debug.go).
	Env *Env
	// Hooks watch execution (debug.go); nil: none.
	Hooks *Hooks
	// Cache is wazero's compilation cache. nil: one in-memory cache shared
	// by every Chain of the process, so a test suite compiles each distinct
	// module once.
	Cache wazero.CompilationCache
}

var (
	sharedCacheOnce sync.Once
	sharedCache     wazero.CompilationCache
)

// Chain is one blockchain state on which transactions run one after the
// other, each in its own block. It implements vm.Chain.
type Chain struct {
	cfg         Config
	chainConfig *params.ChainConfig
	state       *state.StateDB
	precompiles gethvm.PrecompiledContracts
	// precompileAddrs lists precompiles' addresses, warm in every
	// transaction.
	precompileAddrs []common.Address
	// block is the number of the last block; the running transaction's
	// block while one runs.
	block uint64
	// slots lists, per account, every storage slot ever written (the
	// StateDB cannot enumerate storage before a commit).
	slots map[common.Address]map[common.Hash]struct{}

	rt       wazero.Runtime
	modCfg   wazero.ModuleConfig
	programs map[common.Hash]*program

	// codeDeposit is the running transaction's code deposit.
	codeDeposit uint64
}

var _ vm.Chain = (*Chain)(nil)

// frameKey is the context key under which host functions find their frame.
type frameKey struct{}

// New returns a fresh chain at block 0 holding only the genesis accounts.
func New(cfg Config) *Chain {
	if cfg.TxGas == 0 {
		cfg.TxGas = evm.DefaultTxGas
	}
	if cfg.MemoryLimitPages == 0 {
		cfg.MemoryLimitPages = DefaultMemoryLimitPages
	}
	if cfg.Cache == nil {
		sharedCacheOnce.Do(func() { sharedCache = wazero.NewCompilationCache() })
		cfg.Cache = sharedCache
	}
	ctx := context.Background()
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV1). // MVP + mutable globals (ewasm.md §1.4)
		WithDebugInfoEnabled(false).          // ewasm.md §8.10
		WithMemoryLimitPages(cfg.MemoryLimitPages).
		WithCompilationCache(cfg.Cache)
	c := &Chain{
		cfg:         cfg,
		chainConfig: evm.ChainConfig(cfg.Version),
		state:       evm.Genesis(cfg.Version),
		precompiles: evm.Precompiles(cfg.Version),
		slots:       map[common.Address]map[common.Hash]struct{}{},
		rt:          wazero.NewRuntimeWithConfig(ctx, rc),
		// Ewasm modules import no WASI; a constant random source spares
		// wazero seeding a fake one per instantiation.
		modCfg:   wazero.NewModuleConfig().WithName("").WithStartFunctions().WithRandSource(zeroReader{}),
		programs: map[common.Hash]*program{},
	}
	for _, host := range []struct {
		name  string
		funcs []hostFunc
	}{{"ethereum", eeiFuncs}, {"ethereum_ext", extFuncs}} {
		b := c.rt.NewHostModuleBuilder(host.name)
		for _, h := range host.funcs {
			fn, name := h.fn, h.name
			if hk := cfg.Hooks; hk != nil && hk.Answer != nil {
				inner := fn
				fn = func(f *frame, s []uint64) {
					if !hk.Answer(f.depth, name, s, f.mem) {
						inner(f, s)
					}
				}
			}
			if hk := cfg.Hooks; hk != nil && hk.OnHostCall != nil {
				inner := fn
				fn = func(f *frame, s []uint64) {
					hk.OnHostCall(f.depth, name, append([]uint64(nil), s...))
					inner(f, s)
				}
			}
			b.NewFunctionBuilder().
				WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, mod api.Module, stack []uint64) {
					f := ctx.Value(frameKey{}).(*frame)
					f.syncIn()
					fn(f, stack)
					f.syncOut()
				}), h.sig.params, h.sig.results).
				Export(h.name)
		}
		if _, err := b.Instantiate(ctx); err != nil {
			// The host modules are fixed; failing to build them is a bug.
			panic("ewasm: cannot instantiate host module " + host.name + ": " + err.Error())
		}
	}
	c.precompileAddrs = evm.PrecompileAddresses(c.precompiles)
	return c
}

// zeroReader reads zeros.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Close releases the wazero runtime. The Chain must not be used afterwards.
func (c *Chain) Close() error {
	return c.rt.Close(context.Background())
}

// Version is the EVM version the chain's blocks follow.
func (c *Chain) Version() evmversion.Version { return c.cfg.Version }

// BlockNumber is the number of the last block (0 before any transaction).
func (c *Chain) BlockNumber() uint64 { return c.block }

// Balance is the balance of addr in wei.
func (c *Chain) Balance(addr common.Address) *uint256.Int {
	return new(uint256.Int).Set(c.state.GetBalance(addr))
}

// Storage reads one storage slot of addr.
func (c *Chain) Storage(addr common.Address, slot common.Hash) common.Hash {
	return c.state.GetState(addr, slot)
}

// TransientStorage reads one transient storage slot of addr; transient
// storage is cleared when the next transaction starts.
func (c *Chain) TransientStorage(addr common.Address, slot common.Hash) common.Hash {
	return c.state.GetTransientState(addr, slot)
}

// StorageEmpty reports whether every storage slot of addr is zero.
func (c *Chain) StorageEmpty(addr common.Address) bool {
	for slot := range c.slots[addr] {
		if c.state.GetState(addr, slot) != (common.Hash{}) {
			return false
		}
	}
	return true
}

// Code returns the deployed code at addr.
func (c *Chain) Code(addr common.Address) []byte {
	return common.CopyBytes(c.state.GetCode(addr))
}

// Nonce is addr's nonce as the recorded host counts it: the number of
// contracts addr has created (see evm.Genesis for the one-ahead count).
func (c *Chain) Nonce(addr common.Address) uint64 {
	if n := c.state.GetNonce(addr); n > 0 {
		return n - 1
	}
	return 0
}

// setState writes a storage slot and remembers it for StorageEmpty.
func (c *Chain) setState(addr common.Address, key, value common.Hash) {
	m := c.slots[addr]
	if m == nil {
		m = map[common.Hash]struct{}{}
		c.slots[addr] = m
	}
	m[key] = struct{}{}
	c.state.SetState(addr, key, value)
}

// rules are the go-ethereum rules of block number n.
func (c *Chain) rules(n uint64) params.Rules {
	return c.chainConfig.Rules(new(big.Int).SetUint64(n), c.cfg.Version >= evmversion.Paris, n*evm.BlockTime)
}

func (c *Chain) transfer(from, to common.Address, amount *uint256.Int) {
	c.state.SubBalance(from, amount, tracing.BalanceChangeTransfer)
	c.state.AddBalance(to, amount, tracing.BalanceChangeTransfer)
}
