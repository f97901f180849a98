package ewasm

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
)

// Deploy runs code as init code sent by from with value (nil: 0), in a new
// block. On success Output is the stored code and Created its address.
func (c *Chain) Deploy(from common.Address, code []byte, value *uint256.Int) vm.Result {
	return c.transact(from, nil, code, value)
}

// Call sends a transaction from → to with input and value (nil: 0), in a
// new block.
func (c *Chain) Call(from, to common.Address, input []byte, value *uint256.Int) vm.Result {
	return c.transact(from, &to, input, value)
}

// transact runs one transaction (a creation when to is nil) in a new block,
// with evm.IntrinsicGas charged up front. GasUsed and CodeDeposit are as
// vm.Result defines them; there are no refunds (ewasm.md §2.4).
func (c *Chain) transact(from common.Address, to *common.Address, data []byte, value *uint256.Int) vm.Result {
	if value == nil {
		value = new(uint256.Int)
	}
	c.block++
	number := c.block
	rules := c.rules(number)
	c.codeDeposit = 0

	txHash := crypto.Keccak256Hash(binary.BigEndian.AppendUint64([]byte("soll-ewasm-tx"), number))
	c.state.SetTxContext(txHash, 0, 0)
	// Clears transient storage (EIP-1153) and warms what the EVM warms.
	c.state.Prepare(rules, from, evm.Coinbase, to, c.precompileAddrs, nil)
	defer c.state.Finalise(rules)

	txGas := c.cfg.TxGas
	intrinsic := evm.IntrinsicGas(c.cfg.Version, data, to == nil)
	if intrinsic > txGas {
		return vm.Result{Status: vm.Failure, GasUsed: txGas, Err: "intrinsic gas too low"}
	}
	gas := txGas - intrinsic

	var out outcome
	switch {
	case c.state.GetBalance(from).Cmp(value) < 0:
		out = outcome{status: vm.Failure, gasLeft: gas, err: ErrInsufficientFunds}
	case to == nil:
		if c.state.GetNonce(from) == 0 {
			// Keep the sender one ahead of the host's count (evm.Genesis).
			c.state.SetNonce(from, 1, tracing.NonceChangeUnspecified)
		}
		out = c.runCreate(creation{caller: from, value: value, init: data, gas: gas})
	default:
		out = c.runCall(message{caller: from, to: *to, codeAddr: *to, value: value, transfer: true, input: data, gas: gas})
	}

	total := txGas - out.gasLeft
	res := vm.Result{Status: out.status, CodeDeposit: c.codeDeposit, GasUsed: total - c.codeDeposit}
	switch out.status {
	case vm.Success:
		res.Output = common.CopyBytes(out.output)
		if to == nil {
			res.Created = out.created
			res.Output = c.Code(out.created)
		}
	case vm.Revert:
		res.Output = common.CopyBytes(out.output)
	default:
		if out.err != nil {
			res.Err = out.err.Error()
		}
	}
	for _, l := range c.state.GetLogs(txHash, number, common.Hash{}, number*evm.BlockTime) {
		res.Logs = append(res.Logs, vm.Log{
			Address: l.Address,
			Topics:  append([]common.Hash(nil), l.Topics...),
			Data:    common.CopyBytes(l.Data),
		})
	}
	return res
}
