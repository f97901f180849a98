// Package vm is the small interface behind which soll's embedded virtual
// machines sit (DESIGN.md §5): the EVM on go-ethereum (package vm/evm) and
// the Ewasm VM on wazero. `soll test`, `soll run` and the conformance suite
// talk to a Chain and do not care which target runs the code.
package vm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Status is how a transaction ended.
type Status int

const (
	// Success: the call returned (RETURN/STOP).
	Success Status = iota
	// Revert: the call ended with REVERT; Output holds the revert data.
	Revert
	// Failure: any other exceptional halt (invalid opcode, out of gas, stack
	// error, bad jump, failed deployment); Output is empty.
	Failure
)

func (s Status) String() string {
	switch s {
	case Success:
		return "success"
	case Revert:
		return "revert"
	default:
		return "failure"
	}
}

// Log is one log entry a transaction emitted.
type Log struct {
	Address common.Address
	Topics  []common.Hash
	Data    []byte
}

// Result is the outcome of one transaction.
type Result struct {
	Status Status
	// Output is the return data on success, the revert data on Revert.
	Output []byte
	// GasUsed is as the corpus's gas lines count it: the transaction's total
	// gas after the refund, minus CodeDeposit.
	GasUsed uint64
	// CodeDeposit is the 200 gas per byte of code stored by every CREATE of
	// the transaction (including the deployment itself).
	CodeDeposit uint64
	Logs        []Log
	// Created is the new contract's address for a successful Deploy.
	Created common.Address
	// Err describes a Failure (e.g. "out of gas", "invalid opcode: INVALID").
	Err string
}

// Chain is one blockchain state on which transactions run one after the
// other, each in its own block (corpus README, "The chain the expectations
// were recorded on").
type Chain interface {
	// Deploy runs code as creation code sent by from with value (nil: 0).
	Deploy(from common.Address, code []byte, value *uint256.Int) Result
	// Call sends a transaction from → to with input and value (nil: 0).
	Call(from, to common.Address, input []byte, value *uint256.Int) Result
	// Balance is the balance of addr in wei.
	Balance(addr common.Address) *uint256.Int
	// Storage reads one storage slot of addr.
	Storage(addr common.Address, slot common.Hash) common.Hash
	// StorageEmpty reports whether every storage slot of addr is zero.
	StorageEmpty(addr common.Address) bool
	// Code returns the deployed code at addr.
	Code(addr common.Address) []byte
}

// TestAccount is test account n of the corpus's chain:
// 0x1212121212121212121212121212120000000012 + n·0x1000.
func TestAccount(n int) common.Address {
	base := new(uint256.Int).SetBytes(common.FromHex("0x1212121212121212121212121212120000000012"))
	base.Add(base, uint256.NewInt(uint64(n)*0x1000))
	return common.Address(base.Bytes20())
}
