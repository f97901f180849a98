package ewasm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/vm/evm"
)

// Gas of the ethereum_ext functions: the Istanbul schedule where ewasm.md
// §8.3 fixes it, otherwise the EVM opcode's cost (§5.8).
const (
	gasKeccak        = 30
	gasKeccakWord    = 6
	gasExtCodeHash   = 700
	gasTransient     = 100
	gasSelfBalance   = 5
	gasBlobHash      = 3
	gasEnvironmental = 2 // chainid, basefee, blobbasefee
)

// extFuncs is module ethereum_ext: the [EXT] functions of ewasm.md §5.8,
// with exactly the names and types of its normative table. Numbers are LE,
// hashes and keys bytes32, addresses 20 bytes, statuses 0/1/2.
var extFuncs []hostFunc

// The tables are filled in init: their functions refer back to the
// validator, which reads the tables.
func init() {
	extFuncs = []hostFunc{
		{"keccak256", sig("iii", ""), func(f *frame, s []uint64) {
			n := u32(s[1])
			f.charge(gasKeccak + gasKeccakWord*words(n))
			h := crypto.Keccak256Hash(f.read(u32(s[0]), n))
			f.write(u32(s[2]), h[:])
		}},
		{"getChainId", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasEnvironmental)
			f.writeU256(u32(s[0]), uint256.NewInt(evm.ChainID))
		}},
		{"getSelfBalance", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasSelfBalance)
			f.writeU128(u32(s[0]), f.c.state.GetBalance(f.address))
		}},
		{"getExternalCodeHash", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasExtCodeHash)
			// 0 for an account that is empty in the EIP-161 sense, keccak256 of
			// the code otherwise (ewasm.md §8.4).
			a := f.readAddress(u32(s[0]))
			var h common.Hash
			if !f.c.state.Empty(a) {
				h = crypto.Keccak256Hash(f.c.state.GetCode(a))
			}
			f.write(u32(s[1]), h[:])
		}},
		{"create2", sig("iiiii", "i"), func(f *frame, s []uint64) {
			eeiCreate(f, u32(s[0]), u32(s[1]), u32(s[2]), u32(s[4]), true, u32(s[3]), s)
		}},
		{"getBlockBaseFee", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasEnvironmental)
			f.writeU128(u32(s[0]), uint256.NewInt(evm.BaseFee))
		}},
		{"transientStorageLoad", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasTransient)
			v := f.c.state.GetTransientState(f.address, f.readBytes32(u32(s[0])))
			f.write(u32(s[1]), v[:])
		}},
		{"transientStorageStore", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasTransient)
			f.checkStatic("transientStorageStore")
			f.c.state.SetTransientState(f.address, f.readBytes32(u32(s[0])), f.readBytes32(u32(s[1])))
		}},
		{"getBlobHash", sig("Ii", "i"), func(f *frame, s []uint64) {
			f.charge(gasBlobHash)
			// 1 (and nothing written) when there is no such blob (§8.5).
			if s[0] >= uint64(len(evm.BlobHashes)) {
				s[0] = 1
				return
			}
			f.write(u32(s[1]), evm.BlobHashes[s[0]][:])
			s[0] = 0
		}},
		{"getBlobBaseFee", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasEnvironmental)
			f.writeU128(u32(s[0]), uint256.NewInt(evm.BlobBaseFee))
		}},
	}
}

// extSignature is the type of ethereum_ext function name.
func extSignature(name string) (funcType, bool) {
	return lookup(extFuncs, name)
}
