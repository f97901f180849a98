package evm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// The helpers below let another VM (vm/ewasm) present exactly this chain:
// the same genesis, fork rules, precompiles and block hashes.

// PrecompileAddresses lists the addresses of set in ascending order.
func PrecompileAddresses(set gethvm.PrecompiledContracts) []common.Address {
	return precompileAddresses(set)
}

// BlockHash is the recorded host's hash of block n: 0x3737…37 + n. Callers
// answer it only for the 256 blocks before the current one.
func BlockHash(n uint64) common.Hash { return blockHash(n) }

// Genesis returns a fresh in-memory state holding the genesis accounts:
// test accounts 0–9 with 2^100 wei, addresses 1–8 with 1 wei each.
//
// Test accounts start at nonce 1: go-ethereum derives a CREATE address from
// the nonce before incrementing it, the recorded host from the nonce after,
// so every account is kept one ahead of the host's count (contracts start at
// 1 in go-ethereum and at 0 in the host).
func Genesis(v evmversion.Version) *state.StateDB {
	st, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		// An empty in-memory state cannot fail to open.
		panic("evm: cannot create in-memory state: " + err.Error())
	}
	funds := new(uint256.Int).Lsh(uint256.NewInt(1), 100)
	for i := 0; i < 10; i++ {
		a := vm.TestAccount(i)
		st.AddBalance(a, funds, tracing.BalanceChangeUnspecified)
		st.SetNonce(a, 1, tracing.NonceChangeGenesis)
	}
	for i := byte(1); i <= 8; i++ {
		st.AddBalance(common.BytesToAddress([]byte{i}), uint256.NewInt(1), tracing.BalanceChangeUnspecified)
	}
	cfg := chainConfig(v)
	st.Finalise(cfg.Rules(common.Big0, v >= evmversion.Paris, 0))
	return st
}
