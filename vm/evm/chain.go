// Package evm is soll's embedded EVM: go-ethereum's core/vm over an
// in-memory core/state StateDB, set up to reproduce the chain solc's semantic
// tests were recorded on (the corpus README, "The chain the expectations were
// recorded on"): solc's EVMHost test host driving evmone.
//
// Where that host differs from a real chain, this package follows the host,
// because the corpus's expectations (addresses, gas, balances) come from it:
//
//   - test accounts 0–9 start with 2^100 wei; addresses 1–8 hold 1 wei;
//   - a CREATE address uses the creator's nonce after it was incremented, and
//     only creations count (calls do not bump an account's nonce);
//   - every transaction opens its own block (numbers 1, 2, …; timestamps 15,
//     30, …) and gets 100,000,000 gas; gas is never paid for;
//   - the intrinsic cost is charged without the EIP-3860 initcode part and
//     without the EIP-7623 calldata floor;
//   - the precompiles are 1–9 only: modexp (5) and blake2f (9) always fail,
//     the bn256 ones cost their Istanbul prices on every fork, and 0x0a
//     (point evaluation, cancun) and the BLS12-381 ones (prague) do not
//     exist: calls to them reach an empty account;
//   - only CREATE bumps the creator's nonce, and only when it succeeds
//     (CREATE2 and failed creations leave it as it was);
//   - a CREATE whose init code reverts is still charged 200 gas per byte of
//     its revert data as "code deposit" (the host charges the deposit on the
//     output of every creation frame).
//
// Known differences from the host, none of which the corpus's dev split
// exercises: go-ethereum enforces the EIP-170 code size limit and (london on)
// EIP-3541's 0xEF rule, which the host does not; it forgets the EIP-2929
// accounts a reverted frame warmed, which the host keeps warm; it removes a
// self-destructed account at the end of the transaction instead of the start
// of the next one; and value sent to a precompile reaches it.
//
// A Chain is not safe for concurrent use.
package evm

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// DefaultTxGas is the gas every transaction gets (solc's InitialGas).
const DefaultTxGas = 100_000_000

// Block and transaction environment of the recorded chain.
var (
	Coinbase    = common.HexToAddress("0x7878787878787878787878787878787878787878")
	Origin      = common.HexToAddress("0x9292929292929292929292929292929292929292")
	PrevRandao  = common.HexToHash("0xa86c2e601b6c44eb4848f7d23d9df3113fbcac42041c49cbed5000cb4f118777")
	BlobHashes  = []common.Hash{common.HexToHash("0x0100000000000000000000000000000000000000000000000000000000000001"), common.HexToHash("0x0100000000000000000000000000000000000000000000000000000000000002")}
	blockHashes = common.HexToHash("0x3737373737373737373737373737373737373737373737373737373737373737")
)

const (
	// BlockGasLimit is what GASLIMIT returns.
	BlockGasLimit = 20_000_000
	// GasPrice is what GASPRICE returns.
	GasPrice = 3_000_000_000
	// BaseFee is what BASEFEE returns (london on).
	BaseFee = 7
	// BlobBaseFee is what BLOBBASEFEE returns (cancun on).
	BlobBaseFee = 1
	// Difficulty is what DIFFICULTY returns before paris.
	Difficulty = 200_000_000
	// BlockTime is the number of seconds between two blocks.
	BlockTime = 15
	// ChainID is what CHAINID returns.
	ChainID = 1
	// CodeDepositGas is the gas per byte of code a CREATE stores.
	CodeDepositGas = 200
)

// Config selects the rules a Chain runs by.
type Config struct {
	// Version is the EVM version (hard fork) every block runs on.
	Version evmversion.Version
	// TxGas overrides the gas each transaction gets (0: DefaultTxGas).
	TxGas uint64
	// Tracer, if set, receives go-ethereum's tracing hooks of every
	// transaction (OnOpcode, OnEnter, OnExit, OnLog, …); for debugging.
	// State-change hooks (OnBalanceChange, OnStorageChange, …) are not emitted.
	Tracer *tracing.Hooks
}

// Chain is one blockchain state on which transactions run one after the
// other, each in its own block. It implements vm.Chain.
type Chain struct {
	cfg         Config
	chainConfig *params.ChainConfig
	state       *state.StateDB
	host        *hostState
	precompiles gethvm.PrecompiledContracts
	// block is the number of the last block; the next transaction runs in
	// block+1.
	block uint64
	// slots lists, per account, every storage slot ever written, so that
	// StorageEmpty can look at all of them (the StateDB cannot enumerate an
	// account's storage before a commit).
	slots map[common.Address]map[common.Hash]struct{}
	// frames and the counters below live for one transaction.
	frames        []frame
	codeDeposit   uint64
	revertDeposit uint64
}

var _ vm.Chain = (*Chain)(nil)

// New returns a fresh chain at block 0 holding only the genesis accounts.
func New(cfg Config) *Chain {
	if cfg.TxGas == 0 {
		cfg.TxGas = DefaultTxGas
	}
	st := Genesis(cfg.Version)
	c := &Chain{
		cfg:         cfg,
		chainConfig: chainConfig(cfg.Version),
		state:       st,
		precompiles: precompiles(cfg.Version),
		slots:       map[common.Address]map[common.Hash]struct{}{},
	}
	c.host = &hostState{StateDB: st, chain: c}
	return c
}

// Version is the EVM version the chain runs on.
func (c *Chain) Version() evmversion.Version { return c.cfg.Version }

// BlockNumber is the number of the last block (0 before any transaction);
// the next transaction runs in BlockNumber()+1.
func (c *Chain) BlockNumber() uint64 { return c.block }

// Balance is the balance of addr in wei.
func (c *Chain) Balance(addr common.Address) *uint256.Int {
	return new(uint256.Int).Set(c.state.GetBalance(addr))
}

// Storage reads one storage slot of addr.
func (c *Chain) Storage(addr common.Address, slot common.Hash) common.Hash {
	return c.state.GetState(addr, slot)
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
// contracts addr has created (go-ethereum's nonce minus one, see New).
func (c *Chain) Nonce(addr common.Address) uint64 {
	if n := c.state.GetNonce(addr); n > 0 {
		return n - 1
	}
	return 0
}

// rules are the go-ethereum rules of block number n.
func (c *Chain) rules(n uint64) params.Rules {
	return c.chainConfig.Rules(new(big.Int).SetUint64(n), c.cfg.Version >= evmversion.Paris, n*BlockTime)
}

// hostState is the StateDB the EVM sees: go-ethereum's, plus what the
// recorded host does differently or what this package needs to observe.
type hostState struct {
	*state.StateDB
	chain *Chain
}

// CreateContract gives a new contract nonce 1 on every fork (go-ethereum
// does so only from EIP-158 on), keeping the "one ahead of the host" nonce
// invariant that makes CREATE addresses come out as the host's.
func (s *hostState) CreateContract(addr common.Address) {
	s.StateDB.CreateContract(addr)
	if s.StateDB.GetNonce(addr) == 0 {
		s.StateDB.SetNonce(addr, 1, tracing.NonceChangeNewContract)
	}
}

// SetState records the written slot for StorageEmpty.
func (s *hostState) SetState(addr common.Address, key, value common.Hash) common.Hash {
	m := s.chain.slots[addr]
	if m == nil {
		m = map[common.Hash]struct{}{}
		s.chain.slots[addr] = m
	}
	m[key] = struct{}{}
	return s.StateDB.SetState(addr, key, value)
}
