package evm

import (
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"

	"github.com/soll-dev/soll/evmversion"
)

// chainConfig activates, from genesis on, every fork up to and including v
// and none after it. Block-numbered forks up to london are switched on at
// block 0; paris is the merge flag of the block context (Random set);
// shanghai, cancun and prague are switched on at time 0.
func chainConfig(v evmversion.Version) *params.ChainConfig {
	zero := big.NewInt(0)
	never := new(big.Int).SetUint64(1 << 62)
	at := func(fork evmversion.Version) *big.Int {
		if v >= fork {
			return zero
		}
		return nil
	}
	atTime := func(fork evmversion.Version) *uint64 {
		if v >= fork {
			t := uint64(0)
			return &t
		}
		return nil
	}
	cfg := &params.ChainConfig{
		ChainID:             big.NewInt(ChainID),
		HomesteadBlock:      zero,
		EIP150Block:         at(evmversion.TangerineWhistle),
		EIP155Block:         at(evmversion.SpuriousDragon),
		EIP158Block:         at(evmversion.SpuriousDragon),
		ByzantiumBlock:      at(evmversion.Byzantium),
		ConstantinopleBlock: at(evmversion.Constantinople),
		PetersburgBlock:     at(evmversion.Petersburg),
		IstanbulBlock:       at(evmversion.Istanbul),
		MuirGlacierBlock:    at(evmversion.Istanbul),
		BerlinBlock:         at(evmversion.Berlin),
		LondonBlock:         at(evmversion.London),
		ShanghaiTime:        atTime(evmversion.Shanghai),
		CancunTime:          atTime(evmversion.Cancun),
		PragueTime:          atTime(evmversion.Prague),
	}
	if v == evmversion.Constantinople {
		// A nil Petersburg block means "together with Constantinople"; keep
		// Constantinople's EIP-1283 net gas metering by never reaching it.
		cfg.PetersburgBlock = never
	}
	if v >= evmversion.Paris {
		cfg.TerminalTotalDifficulty = zero
	}
	return cfg
}

// errUnsupportedPrecompile is how modexp and blake2f fail: the recorded host
// answers them with EVMC_FAILURE (all gas of the call is consumed).
var errUnsupportedPrecompile = errors.New("precompile not available in the test host")

// failingPrecompile costs nothing and always fails.
type failingPrecompile struct{ name string }

func (p failingPrecompile) RequiredGas([]byte) uint64  { return 0 }
func (p failingPrecompile) Run([]byte) ([]byte, error) { return nil, errUnsupportedPrecompile }
func (p failingPrecompile) Name() string               { return p.name }

// precompiles is the host's precompile set for v: 1–4 from homestead, 5–8
// from byzantium (5 failing; the bn256 ones at Istanbul prices on every fork,
// as the host charges them), 9 (failing) from istanbul. Nothing else: the
// host answers only 1–9.
func precompiles(v evmversion.Version) gethvm.PrecompiledContracts {
	addr := func(b byte) common.Address { return common.BytesToAddress([]byte{b}) }
	set := gethvm.PrecompiledContracts{}
	for b := byte(1); b <= 4; b++ {
		set[addr(b)] = gethvm.PrecompiledContractsHomestead[addr(b)]
	}
	if v >= evmversion.Byzantium {
		set[addr(5)] = failingPrecompile{"MODEXP"}
		for b := byte(6); b <= 8; b++ {
			set[addr(b)] = gethvm.PrecompiledContractsIstanbul[addr(b)]
		}
	}
	if v >= evmversion.Istanbul {
		set[addr(9)] = failingPrecompile{"BLAKE2F"}
	}
	return set
}

// precompileAddresses lists the keys of set in address order (they are warm
// from berlin on, EIP-2929).
func precompileAddresses(set gethvm.PrecompiledContracts) []common.Address {
	var out []common.Address
	for b := 1; b <= 255; b++ {
		a := common.BytesToAddress([]byte{byte(b)})
		if _, ok := set[a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// ChainConfig is the go-ethereum chain configuration soll uses for EVM
// version v (every fork up to v active from genesis), for callers that run
// go-ethereum's EVM in a context of their own (the Yul interpreter tests).
func ChainConfig(v evmversion.Version) *params.ChainConfig { return chainConfig(v) }

// Precompiles is the precompile set of EVM version v on the corpus's chain.
func Precompiles(v evmversion.Version) gethvm.PrecompiledContracts { return precompiles(v) }
