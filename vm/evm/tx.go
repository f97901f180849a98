package evm

import (
	"encoding/binary"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// Deploy runs code as creation code sent by from with value (nil: 0), in a
// new block.
func (c *Chain) Deploy(from common.Address, code []byte, value *uint256.Int) vm.Result {
	return c.transact(from, nil, code, value)
}

// Call sends a transaction from → to with input and value (nil: 0), in a
// new block.
func (c *Chain) Call(from, to common.Address, input []byte, value *uint256.Int) vm.Result {
	return c.transact(from, &to, input, value)
}

// IntrinsicGas is what the recorded host charges before execution: 21,000
// (53,000 for a creation) plus 4 per zero byte and 16 per non-zero byte of
// data (68 before istanbul). No EIP-3860 initcode charge, no EIP-7623 floor.
func IntrinsicGas(v evmversion.Version, data []byte, creation bool) uint64 {
	gas := uint64(21_000)
	if creation {
		gas = 53_000
	}
	nonZero := uint64(16)
	if v < evmversion.Istanbul {
		nonZero = 68
	}
	for _, b := range data {
		if b == 0 {
			gas += 4
		} else {
			gas += nonZero
		}
	}
	return gas
}

// transact runs one transaction (a creation when to is nil) in a new block.
func (c *Chain) transact(from common.Address, to *common.Address, data []byte, value *uint256.Int) vm.Result {
	if value == nil {
		value = new(uint256.Int)
	}
	c.block++
	number := c.block
	rules := c.rules(number)

	blockCtx := gethvm.BlockContext{
		CanTransfer: canTransfer,
		Transfer:    transfer,
		GetHash:     blockHash,
		Coinbase:    Coinbase,
		GasLimit:    BlockGasLimit,
		BlockNumber: new(big.Int).SetUint64(number),
		Time:        number * BlockTime,
		Difficulty:  big.NewInt(Difficulty),
		BaseFee:     big.NewInt(BaseFee),
		BlobBaseFee: big.NewInt(BlobBaseFee),
	}
	if c.cfg.Version >= evmversion.Paris {
		random := PrevRandao
		blockCtx.Random = &random
		blockCtx.Difficulty = new(big.Int)
	}

	c.frames = c.frames[:0]
	c.codeDeposit, c.revertDeposit = 0, 0
	evm := gethvm.NewEVM(blockCtx, c.host, c.chainConfig, gethvm.Config{Tracer: c.hooks()})
	evm.SetPrecompiles(c.precompiles)
	evm.SetTxContext(gethvm.TxContext{
		Origin:     Origin,
		GasPrice:   uint256.NewInt(GasPrice),
		BlobHashes: BlobHashes,
	})

	txHash := crypto.Keccak256Hash(binary.BigEndian.AppendUint64([]byte("soll-tx"), number))
	c.state.SetTxContext(txHash, 0, 0)
	// Warm sender, recipient, precompiles (berlin) and coinbase (shanghai);
	// clears transient storage (EIP-1153).
	c.state.Prepare(rules, from, Coinbase, to, precompileAddresses(c.precompiles), nil)

	intrinsic := IntrinsicGas(c.cfg.Version, data, to == nil)
	if intrinsic > c.cfg.TxGas {
		c.state.Finalise(rules)
		return vm.Result{Status: vm.Failure, GasUsed: c.cfg.TxGas, Err: "intrinsic gas too low"}
	}
	budget := gethvm.NewGasBudget(c.cfg.TxGas-intrinsic, 0)

	var (
		ret     []byte
		created common.Address
		left    gethvm.GasBudget
		err     error
	)
	if to == nil {
		if c.state.GetNonce(from) == 0 {
			// Keep the sender one ahead of the host's count (see New).
			c.state.SetNonce(from, 1, tracing.NonceChangeUnspecified)
		}
		ret, created, left, err = evm.Create(from, data, budget, value)
	} else {
		ret, left, err = evm.Call(from, *to, data, budget, value)
	}

	// The host charges the code deposit on a reverted creation's output too,
	// and counts it as code deposit (see the package comment).
	used := c.cfg.TxGas - left.ExecutionGas + c.revertDeposit
	quotient := uint64(2)
	if c.cfg.Version >= evmversion.London {
		quotient = 5
	}
	refund := min(c.state.GetRefund(), used/quotient)
	total := used - refund
	deposit := c.codeDeposit + c.revertDeposit

	res := vm.Result{CodeDeposit: deposit, GasUsed: total - deposit}
	switch {
	case err == nil:
		res.Status = vm.Success
		// For a creation, ret is the deployed code.
		res.Output = common.CopyBytes(ret)
		if to == nil {
			res.Created = created
		}
	case errors.Is(err, gethvm.ErrExecutionReverted):
		res.Status = vm.Revert
		res.Output = common.CopyBytes(ret)
	default:
		res.Status = vm.Failure
		res.Err = err.Error()
	}
	for _, l := range c.state.GetLogs(txHash, number, common.Hash{}, number*BlockTime) {
		res.Logs = append(res.Logs, vm.Log{
			Address: l.Address,
			Topics:  append([]common.Hash(nil), l.Topics...),
			Data:    common.CopyBytes(l.Data),
		})
	}
	// Ends the transaction: removes self-destructed accounts (and empty
	// touched ones from spuriousDragon on), clears the journal and refund.
	c.state.Finalise(rules)
	return res
}

// hooks are the tracing hooks of one transaction: they count the code
// deposit of every creation frame, and forward everything to the
// configured tracer.
func (c *Chain) hooks() *tracing.Hooks {
	h := &tracing.Hooks{}
	user := c.cfg.Tracer
	if user != nil {
		*h = *user
	}
	h.OnEnter = nil
	h.OnExit = nil
	h.OnEnterV2 = func(depth int, typ byte, from, to common.Address, input []byte, gas tracing.Gas, value *big.Int) {
		c.frames = append(c.frames, frame{typ: gethvm.OpCode(typ), from: from, gas: gas.Execution})
		switch {
		case user == nil:
		case user.OnEnterV2 != nil:
			user.OnEnterV2(depth, typ, from, to, input, gas, value)
		case user.OnEnter != nil:
			user.OnEnter(depth, typ, from, to, input, gas.Execution, value)
		}
	}
	h.OnExitV2 = func(depth int, output []byte, gasLeft tracing.Gas, err error, reverted bool) {
		f := c.frames[len(c.frames)-1]
		c.frames = c.frames[:len(c.frames)-1]
		if f.typ == gethvm.CREATE || f.typ == gethvm.CREATE2 {
			c.exitCreate(f, output, err)
		}
		switch {
		case user == nil:
		case user.OnExitV2 != nil:
			user.OnExitV2(depth, output, gasLeft, err, reverted)
		case user.OnExit != nil:
			var used uint64
			if f.gas > gasLeft.Execution {
				used = f.gas - gasLeft.Execution
			}
			user.OnExit(depth, output, used, err, reverted)
		}
	}
	return h
}

// frame is one call or creation frame of the running transaction.
type frame struct {
	typ  gethvm.OpCode
	from common.Address
	gas  uint64 // the frame's gas at entry
}

// exitCreate does the recorded host's bookkeeping at the end of a creation
// frame: the code deposit, and the creator's nonce. The host bumps the
// creator's nonce only for CREATE, and restores it when the creation fails;
// go-ethereum bumps it for CREATE and CREATE2 once the frame's pre-checks
// passed, whatever the outcome. Undo the bumps the host does not make.
func (c *Chain) exitCreate(f frame, output []byte, err error) {
	switch {
	case err == nil:
		c.codeDeposit += CodeDepositGas * uint64(len(output))
	case errors.Is(err, gethvm.ErrExecutionReverted):
		c.revertDeposit += CodeDepositGas * uint64(len(output))
	}
	bumped := !errors.Is(err, gethvm.ErrDepth) && !errors.Is(err, gethvm.ErrInsufficientBalance) &&
		!errors.Is(err, gethvm.ErrNonceUintOverflow)
	if bumped && (f.typ == gethvm.CREATE2 || err != nil) {
		c.state.SetNonce(f.from, c.state.GetNonce(f.from)-1, tracing.NonceChangeRevert)
	}
}

func canTransfer(db gethvm.StateDB, addr common.Address, amount *uint256.Int) bool {
	return db.GetBalance(addr).Cmp(amount) >= 0
}

func transfer(db gethvm.StateDB, from, to common.Address, amount *uint256.Int, _ *params.Rules) {
	db.SubBalance(from, amount, tracing.BalanceChangeTransfer)
	db.AddBalance(to, amount, tracing.BalanceChangeTransfer)
}

// blockHash is the host's BLOCKHASH: 0x3737…37 + n (the EVM asks only for
// the last 256 blocks).
func blockHash(n uint64) common.Hash {
	h := new(uint256.Int).SetBytes(blockHashes[:])
	h.Add(h, uint256.NewInt(n))
	return h.Bytes32()
}
