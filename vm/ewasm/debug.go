package ewasm

import (
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

// Env replaces the corpus's block and transaction environment, for tests
// written against another host (solc's Ewasm test interpreter, ewasm.md
// §6.1). Every field is what the EEI getter of the same name reports.
type Env struct {
	Origin, Coinbase common.Address
	GasPrice         uint64
	// Number is the block number every transaction runs in; Timestamp its
	// time.
	Number, Timestamp, GasLimit uint64
	// Difficulty is what getBlockDifficulty reports (at every EVM version).
	Difficulty *uint256.Int
	// BlockHash answers getBlockHash; the zero hash means "no such block".
	BlockHash func(n uint64) common.Hash
}

// Hooks let a test or a debugger watch execution (nil fields: off).
type Hooks struct {
	// OnHostCall runs before each ethereum/ethereum_ext function, with the
	// depth of the calling frame (0: the transaction's), the function's
	// name and its arguments as wasm passes them.
	OnHostCall func(depth int, name string, args []uint64)
	// OnExit runs when a frame that ran wasm code ends: its depth, how it
	// ended, its output and a copy of the module's whole linear memory
	// at that moment.
	OnExit func(depth int, status vm.Status, output, memory []byte)
	// Answer, when set, runs before each ethereum/ethereum_ext function
	// (after OnHostCall) and may answer the call itself, standing in for
	// the chain: a test that models another host (solc's Ewasm test
	// interpreter, tests/ewasmtrans) answers some functions its way. It
	// gets the depth, the function's name, the wasm stack (arguments in,
	// a result goes to stack[0]) and the module's memory; true means
	// answered, and the chain neither runs the function nor charges gas
	// for it.
	Answer func(depth int, name string, stack []uint64, mem Memory) bool
}

// Memory is a module's linear memory as a host function sees it (wazero's
// api.Memory satisfies it).
type Memory interface {
	Read(offset, n uint32) ([]byte, bool)
	Write(offset uint32, b []byte) bool
}

// SetAccount gives addr code and a balance directly, outside any
// transaction (test setup: a contract whose code runs without a
// deployment).
func (c *Chain) SetAccount(addr common.Address, code []byte, balance *uint256.Int) {
	if !c.state.Exist(addr) {
		c.state.CreateAccount(addr)
	}
	c.state.SetCode(addr, common.CopyBytes(code), tracing.CodeChangeUnspecified)
	if balance != nil {
		c.state.SetBalance(addr, balance, tracing.BalanceChangeUnspecified)
	}
}

// The environment the EEI getters report: Config.Env, else the corpus's.

func (c *Chain) origin() common.Address {
	if e := c.cfg.Env; e != nil {
		return e.Origin
	}
	return evm.Origin
}

func (c *Chain) coinbase() common.Address {
	if e := c.cfg.Env; e != nil {
		return e.Coinbase
	}
	return evm.Coinbase
}

func (c *Chain) gasPrice() uint64 {
	if e := c.cfg.Env; e != nil {
		return e.GasPrice
	}
	return evm.GasPrice
}

func (c *Chain) number() uint64 {
	if e := c.cfg.Env; e != nil {
		return e.Number
	}
	return c.block
}

func (c *Chain) timestamp() uint64 {
	if e := c.cfg.Env; e != nil {
		return e.Timestamp
	}
	return c.block * evm.BlockTime
}

func (c *Chain) gasLimit() uint64 {
	if e := c.cfg.Env; e != nil {
		return e.GasLimit
	}
	return evm.BlockGasLimit
}

// difficulty is DIFFICULTY before paris, PREVRANDAO from paris on.
func (c *Chain) difficulty() *uint256.Int {
	if e := c.cfg.Env; e != nil && e.Difficulty != nil {
		return new(uint256.Int).Set(e.Difficulty)
	}
	v := uint256.NewInt(evm.Difficulty)
	if c.cfg.Version >= evmversion.Paris {
		v.SetBytes(evm.PrevRandao[:])
	}
	return v
}

// blockHash is the hash of block n, zero when it has none: only the 256
// blocks before the current one do.
func (c *Chain) blockHash(n uint64) common.Hash {
	if e := c.cfg.Env; e != nil {
		if e.BlockHash == nil {
			return common.Hash{}
		}
		return e.BlockHash(n)
	}
	cur := c.block
	if n >= cur || cur-n > 256 {
		return common.Hash{}
	}
	return evm.BlockHash(n)
}

// StorageKeys lists, in ascending order, every storage slot of addr that
// has been written (whatever its value now); inside an OnExit hook, writes
// the frame is about to lose are still there.
func (c *Chain) StorageKeys(addr common.Address) []common.Hash {
	keys := make([]common.Hash, 0, len(c.slots[addr]))
	for k := range c.slots[addr] {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Cmp(keys[j]) < 0 })
	return keys
}
