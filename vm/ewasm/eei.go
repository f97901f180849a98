package ewasm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// hostFunc is one function of a host module: its name, exact wasm type and
// implementation. Arguments arrive in stack (i32 in the low 32 bits), the
// result, if any, goes to stack[0].
type hostFunc struct {
	name string
	sig  funcType
	fn   func(f *frame, stack []uint64)
}

// Gas schedule of ewasm.md §2.4 (Hera's GasSchedule).
const (
	gasBase          = 2
	gasVeryLow       = 3
	gasCopyWord      = 3
	gasStorageLoad   = 200
	gasStorageChange = 5000
	gasStorageCreate = 15000 // on top of gasStorageChange: 20000 in total
	gasLog           = 375
	gasLogTopic      = 375
	gasLogByte       = 8
	gasCreate        = 32000
	gasCall          = 700
	gasCallValue     = 9000
	gasCallStipend   = 2300
	gasNewAccount    = 25000
	gasBalance       = 400
	gasExtCode       = 700
	gasBlockHash     = 800
	gasSelfDestruct  = 5000
	// maxDepth: a frame at this depth cannot call or create (ewasm.md §2.3).
	maxDepth = 1024
)

// eeiFuncs is module ethereum: the 33 functions of ewasm.md §2.2 with their
// exact types, semantics of §2.3 and gas of §2.4.
var eeiFuncs []hostFunc

// The tables are filled in init: their functions refer back to the
// validator, which reads the tables.
func init() {
	eeiFuncs = []hostFunc{
		{"useGas", sig("I", ""), func(f *frame, s []uint64) {
			if int64(s[0]) < 0 {
				f.fail(ErrArgumentRange, "useGas(%d)", int64(s[0]))
			}
			f.charge(s[0])
		}},
		{"getGasLeft", sig("", "I"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = f.gas
		}},
		{"getAddress", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			f.write(u32(s[0]), f.address[:])
		}},
		{"getExternalBalance", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasBalance)
			a := f.readAddress(u32(s[0]))
			f.writeU128(u32(s[1]), f.c.state.GetBalance(a))
		}},
		{"getBlockHash", sig("Ii", "i"), func(f *frame, s []uint64) {
			f.charge(gasBlockHash)
			// Only the 256 blocks before the current one have a hash; otherwise
			// return 1 and write nothing (ewasm.md §2.3).
			h := f.c.blockHash(s[0])
			if h == (common.Hash{}) {
				s[0] = 1
				return
			}
			f.write(u32(s[1]), h[:])
			s[0] = 0
		}},
		{"getCallDataSize", sig("", "i"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = uint64(len(f.input))
		}},
		{"callDataCopy", sig("iii", ""), func(f *frame, s []uint64) {
			f.copyFrom(f.input, "call data", u32(s[0]), u32(s[1]), u32(s[2]))
		}},
		{"getCaller", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			f.write(u32(s[0]), f.caller[:])
		}},
		{"getCallValue", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			f.writeU128(u32(s[0]), f.value)
		}},
		{"codeCopy", sig("iii", ""), func(f *frame, s []uint64) {
			f.copyFrom(f.code, "code", u32(s[0]), u32(s[1]), u32(s[2]))
		}},
		{"getCodeSize", sig("", "i"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = uint64(len(f.code))
		}},
		{"externalCodeCopy", sig("iiii", ""), func(f *frame, s []uint64) {
			f.charge(gasExtCode - gasVeryLow) // copyFrom adds 3 + 3·w(len)
			code := f.c.state.GetCode(f.readAddress(u32(s[0])))
			f.copyFrom(code, "external code", u32(s[1]), u32(s[2]), u32(s[3]))
		}},
		{"getExternalCodeSize", sig("i", "i"), func(f *frame, s []uint64) {
			f.charge(gasExtCode)
			s[0] = uint64(f.c.state.GetCodeSize(f.readAddress(u32(s[0]))))
		}},
		{"getBlockCoinbase", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			cb := f.c.coinbase()
			f.write(u32(s[0]), cb[:])
		}},
		{"getBlockDifficulty", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			// u256 LE of DIFFICULTY before paris, PREVRANDAO from paris on.
			f.writeU256(u32(s[0]), f.c.difficulty())
		}},
		{"getBlockGasLimit", sig("", "I"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = f.c.gasLimit()
		}},
		{"getTxGasPrice", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			f.writeU128(u32(s[0]), uint256.NewInt(f.c.gasPrice()))
		}},
		{"log", sig("iiiiiii", ""), eeiLog},
		{"getBlockNumber", sig("", "I"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = f.c.number()
		}},
		{"getBlockTimestamp", sig("", "I"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = f.c.timestamp()
		}},
		{"getTxOrigin", sig("i", ""), func(f *frame, s []uint64) {
			f.charge(gasBase)
			o := f.c.origin()
			f.write(u32(s[0]), o[:])
		}},
		{"storageStore", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasStorageChange)
			f.checkStatic("storageStore")
			key, val := f.readBytes32(u32(s[0])), f.readBytes32(u32(s[1]))
			if f.c.state.GetState(f.address, key) == (common.Hash{}) && val != (common.Hash{}) {
				f.charge(gasStorageCreate)
			}
			f.c.setState(f.address, key, val)
		}},
		{"storageLoad", sig("ii", ""), func(f *frame, s []uint64) {
			f.charge(gasStorageLoad)
			v := f.c.state.GetState(f.address, f.readBytes32(u32(s[0])))
			f.write(u32(s[1]), v[:])
		}},
		{"finish", sig("ii", ""), func(f *frame, s []uint64) {
			f.halt(vm.Success, f.readCopy(u32(s[0]), u32(s[1])))
		}},
		{"revert", sig("ii", ""), func(f *frame, s []uint64) {
			f.halt(vm.Revert, f.readCopy(u32(s[0]), u32(s[1])))
		}},
		{"getReturnDataSize", sig("", "i"), func(f *frame, s []uint64) {
			f.charge(gasBase)
			s[0] = uint64(len(f.returnData))
		}},
		{"returnDataCopy", sig("iii", ""), func(f *frame, s []uint64) {
			f.copyFrom(f.returnData, "return data", u32(s[0]), u32(s[1]), u32(s[2]))
		}},
		{"call", sig("Iiiii", "i"), func(f *frame, s []uint64) { eeiCall(f, s, kindCall) }},
		{"callCode", sig("Iiiii", "i"), func(f *frame, s []uint64) { eeiCall(f, s, kindCallCode) }},
		{"callDelegate", sig("Iiii", "i"), func(f *frame, s []uint64) { eeiCall(f, s, kindDelegate) }},
		{"callStatic", sig("Iiii", "i"), func(f *frame, s []uint64) { eeiCall(f, s, kindStatic) }},
		{"create", sig("iiii", "i"), func(f *frame, s []uint64) {
			eeiCreate(f, u32(s[0]), u32(s[1]), u32(s[2]), u32(s[3]), false, 0, s)
		}},
		{"selfDestruct", sig("i", ""), eeiSelfDestruct},
	}
}

func u32(v uint64) uint32 { return uint32(v) }

// eeiSignature is the type of EEI function name.
func eeiSignature(name string) (funcType, bool) {
	return lookup(eeiFuncs, name)
}

func lookup(table []hostFunc, name string) (funcType, bool) {
	for _, h := range table {
		if h.name == name {
			return h.sig, true
		}
	}
	return funcType{}, false
}

// checkStatic fails the frame if it runs in a static context (ewasm.md §2.5).
func (f *frame) checkStatic(what string) {
	if f.static {
		f.fail(ErrStaticViolation, "%s", what)
	}
}

// copyFrom implements the three copies into memory: 3 + 3·w(len) gas, the
// source range must lie inside src (no zero padding, ewasm.md §2.3), the
// destination inside memory.
func (f *frame) copyFrom(src []byte, what string, dest, off, n uint32) {
	f.charge(gasVeryLow + gasCopyWord*words(n))
	if uint64(off)+uint64(n) > uint64(len(src)) {
		f.fail(ErrInvalidMemory, "%s [%d, %d+%d) outside %d bytes", what, off, off, n, len(src))
	}
	f.write(dest, src[off:off+n])
}

// eeiLog: charge first, then static check, topic count, topics and data
// (ewasm.md §2.3); only the first n topic pointers are read (§8.9).
func eeiLog(f *frame, s []uint64) {
	data, n, count := u32(s[0]), u32(s[1]), u32(s[2])
	f.charge(gasLog + gasLogTopic*uint64(count) + gasLogByte*uint64(n))
	f.checkStatic("log")
	if count > 4 {
		f.fail(ErrValidation, "log with %d topics", count)
	}
	topics := make([]common.Hash, count)
	for i := range topics {
		topics[i] = f.readBytes32(u32(s[3+i]))
	}
	f.c.state.AddLog(&types.Log{
		Address:     f.address,
		Topics:      topics,
		Data:        f.readCopy(data, n),
		BlockNumber: f.c.block,
	})
}

// eeiSelfDestruct: 5000 gas, static check, +25000 if the beneficiary does
// not exist (Hera, regardless of the balance), then a successful halt
// (ewasm.md §2.3, §8.9). From cancun on EIP-6780 applies: the account is
// removed only if it was created in this transaction.
func eeiSelfDestruct(f *frame, s []uint64) {
	f.charge(gasSelfDestruct)
	f.checkStatic("selfDestruct")
	ben := f.readAddress(u32(s[0]))
	st := f.c.state
	if !st.Exist(ben) {
		f.charge(gasNewAccount)
	}
	self := f.address
	bal := new(uint256.Int).Set(st.GetBalance(self))
	destroy := f.c.cfg.Version < evmversion.Cancun || st.IsNewContract(self)
	if self != ben {
		st.AddBalance(ben, bal, tracing.BalanceIncreaseSelfdestruct)
		st.SubBalance(self, bal, tracing.BalanceDecreaseSelfdestruct)
	} else if destroy {
		// Self-destructing to oneself burns the balance.
		st.SubBalance(self, bal, tracing.BalanceDecreaseSelfdestruct)
	}
	if destroy {
		st.SelfDestruct(self)
	}
	f.halt(vm.Success, nil)
}

// eeiCall is call, callCode, callDelegate and callStatic, in Hera's order
// (ewasm.md §2.3), with soll's corrections: recipient and code address per
// call kind, and the return data cleared by every attempt (§8.6).
func eeiCall(f *frame, s []uint64, kind callKind) {
	gas := int64(s[0])
	if gas < 0 {
		f.fail(ErrArgumentRange, "negative gas %d", gas)
	}
	target := f.readAddress(u32(s[1]))
	value := new(uint256.Int)
	dataAt := 2
	if kind == kindCall || kind == kindCallCode {
		value = f.readU128(u32(s[2]))
		dataAt = 3
		if kind == kindCall && f.static && !value.IsZero() {
			f.fail(ErrStaticViolation, "call with value")
		}
	}
	var input []byte
	if n := u32(s[dataAt+1]); n > 0 {
		input = f.readCopy(u32(s[dataAt]), n)
	}
	f.charge(gasCall)
	f.returnData = nil
	if f.depth >= maxDepth {
		s[0] = 1
		return
	}
	if !value.IsZero() {
		f.charge(gasCallValue)
		if f.c.state.GetBalance(f.address).Cmp(value) < 0 {
			s[0] = 1
			return
		}
		if kind == kindCall && !f.c.state.Exist(target) {
			f.charge(gasNewAccount)
		}
	}
	fwd := min(uint64(gas), f.gas-f.gas/64) // EIP-150
	f.charge(fwd)
	if !value.IsZero() {
		fwd += gasCallStipend
	}
	m := message{depth: f.depth + 1, static: f.static, input: input, gas: fwd, codeAddr: target}
	switch kind {
	case kindCall:
		m.caller, m.to, m.value, m.transfer = f.address, target, value, true
	case kindCallCode:
		m.caller, m.to, m.value, m.transfer = f.address, f.address, value, true
	case kindDelegate:
		m.caller, m.to, m.value = f.caller, f.address, f.value
	case kindStatic:
		m.caller, m.to, m.value, m.static = f.address, target, value, true
	}
	out := f.c.runCall(m)
	f.gas += out.gasLeft
	f.returnData = out.output
	s[0] = out.code()
}

// eeiCreate is create and ethereum_ext.create2: charge, static
// check, value, depth and balance (→ 1), init code, all but 1/64 of the gas;
// on success the address is written and the return data cleared, otherwise
// the return data is the creation's output (ewasm.md §2.3, §5.5).
func eeiCreate(f *frame, valuePtr, data, n, result uint32, create2 bool, saltPtr uint32, s []uint64) {
	cost := uint64(gasCreate)
	if create2 {
		cost += 6 * words(n) // hashing the init code (ewasm.md §8.3)
	}
	f.charge(cost)
	f.checkStatic("create")
	value := f.readU128(valuePtr)
	var salt *common.Hash
	if create2 {
		h := f.readBytes32(saltPtr)
		salt = &h
	}
	var init []byte
	if n > 0 {
		init = f.readCopy(data, n)
	}
	f.returnData = nil
	if f.depth >= maxDepth || f.c.state.GetBalance(f.address).Cmp(value) < 0 {
		s[0] = 1
		return
	}
	fwd := f.gas - f.gas/64
	f.charge(fwd)
	out := f.c.runCreate(creation{depth: f.depth + 1, caller: f.address, value: value, init: init, gas: fwd, salt: salt})
	f.gas += out.gasLeft
	if out.status == vm.Success {
		f.write(result, out.created[:])
	} else {
		f.returnData = out.output
	}
	s[0] = out.code()
}
