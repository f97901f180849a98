package ewasm

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/tetratelabs/wazero/api"

	"github.com/soll-dev/soll/vm"
)

// frame is one execution of a module: a call or a creation (ewasm.md §1.5).
// The host functions find it in the context of the wasm call.
type frame struct {
	c      *Chain
	depth  int // 0 for the transaction's own frame
	static bool
	// caller is EVMC's sender, address the recipient (whose storage and
	// balance the frame acts on), value the call value as getCallValue
	// reports it (ewasm.md §2.3: callDelegate passes the caller's on).
	caller, address common.Address
	value           *uint256.Int
	input           []byte
	// code is the code as stored in the state (for a creation the init code
	// as sent), which codeCopy and getCodeSize see (ewasm.md §3.5, §8.1).
	code []byte
	// codeHash is keccak256 of code when the state knows it (a call), else
	// zero (a creation's init code).
	codeHash common.Hash
	gas      uint64
	// returnData is the buffer of the last call*/create (ewasm.md §5.5).
	returnData []byte
	mem        api.Memory
	// meter is the gas counter of a metered module (meter.go); the gas is
	// in it while wasm code runs, in the gas field while the host runs.
	meter api.MutableGlobal

	// How the frame ended, once halted is set by finish, revert,
	// selfDestruct or a host-detected failure.
	halted bool
	status vm.Status
	output []byte
	err    error
}

// errHalt is the panic value host functions use to stop the module; the
// outcome is in the frame.
var errHalt = errors.New("ewasm: execution halted")

// Failure kinds of ewasm.md §1.5; each ends the frame and consumes its gas.
var (
	ErrOutOfGas          = errors.New("out of gas")
	ErrInvalidMemory     = errors.New("invalid memory access")
	ErrArgumentRange     = errors.New("argument out of range")
	ErrStaticViolation   = errors.New("static mode violation")
	ErrNotWasm           = errors.New("code is not an Ewasm module")
	ErrTrap              = errors.New("wasm trap")
	ErrInsufficientFunds = errors.New("insufficient balance for transfer")
	ErrAddressCollision  = errors.New("contract address collision")
)

// halt ends the frame with status and output.
func (f *frame) halt(status vm.Status, output []byte) {
	f.halted, f.status, f.output = true, status, output
	panic(errHalt)
}

// fail ends the frame with a failure: all its gas is gone (ewasm.md §1.5).
func (f *frame) fail(kind error, format string, args ...any) {
	f.halted, f.status, f.gas = true, vm.Failure, 0
	if format == "" {
		f.err = kind
	} else {
		f.err = fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, args...))
	}
	panic(errHalt)
}

// syncIn moves the gas from the module's counter into the frame when a
// host function starts; a negative counter is the metered code running out
// of gas.
func (f *frame) syncIn() {
	if f.meter == nil {
		return
	}
	g := int64(f.meter.Get())
	if g < 0 {
		f.meter = nil
		f.fail(ErrOutOfGas, "")
	}
	f.gas = uint64(g)
}

// syncOut moves the gas back into the module's counter when a host
// function returns.
func (f *frame) syncOut() {
	if f.meter != nil {
		f.meter.Set(f.gas)
	}
}

// charge takes n gas or fails with out of gas.
func (f *frame) charge(n uint64) {
	if n > f.gas {
		f.fail(ErrOutOfGas, "")
	}
	f.gas -= n
}

// words is ⌈n/32⌉, the w(n) of ewasm.md §2.2.
func words(n uint32) uint64 { return (uint64(n) + 31) / 32 }

// read returns a view of memory[ptr, ptr+n); like Hera, a range that leaves
// the memory fails even when n is 0 (ewasm.md §2.3).
func (f *frame) read(ptr, n uint32) []byte {
	b, ok := f.mem.Read(ptr, n)
	if !ok {
		f.fail(ErrInvalidMemory, "[%d, %d+%d) outside memory of %d bytes", ptr, ptr, n, f.mem.Size())
	}
	return b
}

// readCopy is read, copied out of the module's memory.
func (f *frame) readCopy(ptr, n uint32) []byte {
	return append([]byte(nil), f.read(ptr, n)...)
}

func (f *frame) write(ptr uint32, b []byte) {
	if !f.mem.Write(ptr, b) {
		f.fail(ErrInvalidMemory, "[%d, %d+%d) outside memory of %d bytes", ptr, ptr, len(b), f.mem.Size())
	}
}

// readAddress reads 20 verbatim bytes (ewasm.md §2.1).
func (f *frame) readAddress(ptr uint32) common.Address {
	return common.BytesToAddress(f.read(ptr, 20))
}

// readBytes32 reads 32 verbatim bytes: storage keys and values, topics.
func (f *frame) readBytes32(ptr uint32) common.Hash {
	return common.BytesToHash(f.read(ptr, 32))
}

// readU128 reads a 16-byte little-endian unsigned integer.
func (f *frame) readU128(ptr uint32) *uint256.Int {
	return new(uint256.Int).SetBytes(reverse(f.read(ptr, 16)))
}

// writeU128 writes v as 16 bytes little-endian; v ≥ 2^128 is an argument
// out of range (ewasm.md §2.3).
func (f *frame) writeU128(ptr uint32, v *uint256.Int) {
	if v.BitLen() > 128 {
		f.fail(ErrArgumentRange, "value %s does not fit 128 bits", v.Hex())
	}
	b := v.Bytes32()
	f.write(ptr, reverse(b[16:]))
}

// writeU256 writes v as 32 bytes little-endian.
func (f *frame) writeU256(ptr uint32, v *uint256.Int) {
	b := v.Bytes32()
	f.write(ptr, reverse(b[:]))
}

// reverse returns a reversed copy of b.
func reverse(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[len(b)-1-i] = c
	}
	return out
}
