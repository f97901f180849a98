package ir

import (
	"sort"
	"strconv"
	"strings"

	"github.com/soll-dev/soll/evmversion"
)

// Effect is a bit set describing what an intrinsic touches besides its
// arguments and results. The optimizer decides what it may remove, move or
// merge from these bits alone (STYLE.md point 5).
type Effect uint32

const (
	// ReadsEnv: reads facts fixed for the whole call frame (caller,
	// callvalue, calldata, code, block data). Mergeable and removable.
	ReadsEnv Effect = 1 << iota
	ReadsMemory
	WritesMemory
	ReadsStorage
	WritesStorage
	ReadsTransient
	WritesTransient
	// ReadsReturnData: depends on the last external call's return data.
	ReadsReturnData
	// ReadsWorld: reads other accounts (balance, extcode*), which calls change.
	ReadsWorld
	// Logs: emits a log entry.
	Logs
	// CallsOut: runs other code (call, create); treat as reading and writing
	// memory, storage, transient storage, return data and the world.
	CallsOut
	// Terminates: never returns to the next instruction (return, revert, …).
	Terminates
	// MayFail: can abort the call frame (returndatacopy out of bounds) and so
	// must not be removed even when its result is unused.
	MayFail
	// Volatile: result differs between two identical executions in the same
	// frame (gas, msize, pc); never merged, removable when unused.
	Volatile
)

// Pure is the empty effect set: the result depends only on the arguments.
const Pure Effect = 0

// Has reports whether all bits of f are set in e.
func (e Effect) Has(f Effect) bool { return e&f == f }

// Removable reports whether an unused call with these effects may be deleted.
func (e Effect) Removable() bool {
	return e&(WritesMemory|WritesStorage|WritesTransient|Logs|CallsOut|Terminates|MayFail) == 0
}

// Mergeable reports whether two identical calls with no intervening
// conflicting effect may be merged (common subexpression elimination).
func (e Effect) Mergeable() bool {
	return e&(WritesMemory|WritesStorage|WritesTransient|Logs|CallsOut|Terminates|MayFail|Volatile) == 0
}

// Writes reports the write and call effects of e (what may invalidate reads).
func (e Effect) Writes() Effect {
	w := e & (WritesMemory | WritesStorage | WritesTransient | Logs | CallsOut | Terminates)
	if e.Has(CallsOut) {
		w |= WritesMemory | WritesStorage | WritesTransient
	}
	return w
}

// Reads reports the read effects of e, including those implied by CallsOut.
func (e Effect) Reads() Effect {
	r := e & (ReadsEnv | ReadsMemory | ReadsStorage | ReadsTransient | ReadsReturnData | ReadsWorld)
	if e.Has(CallsOut) {
		r |= ReadsMemory | ReadsStorage | ReadsTransient | ReadsReturnData | ReadsWorld
	}
	return r
}

// Kind says how a Yul builtin is lowered.
type Kind int

const (
	// Native builtins become LLVM instructions (add, sub, mul, and, or, xor,
	// not, lt, gt, slt, sgt, eq, iszero), where LLVM and EVM agree.
	Native Kind = iota
	// Intrinsic builtins become calls to the declared function @evm.<name>.
	Intrinsic
	// ObjectAccess builtins (datasize, dataoffset, datacopy, setimmutable,
	// loadimmutable, linkersymbol, memoryguard) refer to the object tree or
	// the linker; they are intrinsics whose literal arguments are passed as
	// pointers to private string constants.
	ObjectAccess
)

// Builtin describes one builtin of solc's EVM Yul dialect and the intrinsic
// (@evm.<Name>) that represents it in the IR.
type Builtin struct {
	Name    string
	Args    int
	Rets    int
	Effects Effect
	Kind    Kind
	// Opcode is the EVM opcode a backend emits (0 for ObjectAccess builtins
	// and verbatim; stop really is 0x00, see HasOpcode).
	Opcode byte
	// Since is the first EVM version that has this builtin; Until, when
	// non-zero, the first version that no longer has it.
	Since, Until evmversion.Version
	// LiteralArgs lists the argument indices that must be string literals in
	// Yul (datasize's name, setimmutable's name, …).
	LiteralArgs []int
}

// HasOpcode reports whether the builtin maps to exactly one EVM opcode.
func (b *Builtin) HasOpcode() bool { return b.Kind != ObjectAccess && !b.IsVerbatim() }

// ArgIsString reports whether argument i is a string literal, passed in the
// IR as a pointer made by StringArg. memoryguard's literal is a number and
// stays an i256 constant.
func (b *Builtin) ArgIsString(i int) bool {
	if b.Name == "memoryguard" {
		return false
	}
	for _, j := range b.LiteralArgs {
		if j == i {
			return true
		}
	}
	return false
}

// IsVerbatim reports whether b is one of the verbatim_<n>i_<m>o builtins.
func (b *Builtin) IsVerbatim() bool { return strings.HasPrefix(b.Name, "verbatim_") }

// Terminates reports whether the builtin never returns.
func (b *Builtin) Terminates() bool { return b.Effects.Has(Terminates) }

// AvailableIn reports whether the builtin exists in EVM version v.
func (b *Builtin) AvailableIn(v evmversion.Version) bool {
	return v >= b.Since && (b.Until == 0 || v < b.Until)
}

// IntrinsicName is the IR function name, without the leading '@'.
func (b *Builtin) IntrinsicName() string { return "evm." + b.Name }

const (
	rMem  = ReadsMemory
	wMem  = WritesMemory
	env   = ReadsEnv
	term  = Terminates
	calls = CallsOut
)

// builtins is the one table (DESIGN.md §2): frontends, the optimizer and
// both backends read it. Opcodes and fork availability follow the Yellow
// Paper and the EIPs; the names and arities are solc's EVM dialect.
var builtins = []*Builtin{
	{Name: "stop", Opcode: 0x00, Effects: term, Kind: Intrinsic},
	{Name: "add", Args: 2, Rets: 1, Opcode: 0x01},
	{Name: "mul", Args: 2, Rets: 1, Opcode: 0x02},
	{Name: "sub", Args: 2, Rets: 1, Opcode: 0x03},
	{Name: "div", Args: 2, Rets: 1, Opcode: 0x04, Kind: Intrinsic},
	{Name: "sdiv", Args: 2, Rets: 1, Opcode: 0x05, Kind: Intrinsic},
	{Name: "mod", Args: 2, Rets: 1, Opcode: 0x06, Kind: Intrinsic},
	{Name: "smod", Args: 2, Rets: 1, Opcode: 0x07, Kind: Intrinsic},
	{Name: "addmod", Args: 3, Rets: 1, Opcode: 0x08, Kind: Intrinsic},
	{Name: "mulmod", Args: 3, Rets: 1, Opcode: 0x09, Kind: Intrinsic},
	{Name: "exp", Args: 2, Rets: 1, Opcode: 0x0a, Kind: Intrinsic},
	{Name: "signextend", Args: 2, Rets: 1, Opcode: 0x0b, Kind: Intrinsic},
	{Name: "lt", Args: 2, Rets: 1, Opcode: 0x10},
	{Name: "gt", Args: 2, Rets: 1, Opcode: 0x11},
	{Name: "slt", Args: 2, Rets: 1, Opcode: 0x12},
	{Name: "sgt", Args: 2, Rets: 1, Opcode: 0x13},
	{Name: "eq", Args: 2, Rets: 1, Opcode: 0x14},
	{Name: "iszero", Args: 1, Rets: 1, Opcode: 0x15},
	{Name: "and", Args: 2, Rets: 1, Opcode: 0x16},
	{Name: "or", Args: 2, Rets: 1, Opcode: 0x17},
	{Name: "xor", Args: 2, Rets: 1, Opcode: 0x18},
	{Name: "not", Args: 1, Rets: 1, Opcode: 0x19},
	{Name: "byte", Args: 2, Rets: 1, Opcode: 0x1a, Kind: Intrinsic},
	{Name: "shl", Args: 2, Rets: 1, Opcode: 0x1b, Kind: Intrinsic, Since: evmversion.Constantinople},
	{Name: "shr", Args: 2, Rets: 1, Opcode: 0x1c, Kind: Intrinsic, Since: evmversion.Constantinople},
	{Name: "sar", Args: 2, Rets: 1, Opcode: 0x1d, Kind: Intrinsic, Since: evmversion.Constantinople},
	{Name: "keccak256", Args: 2, Rets: 1, Opcode: 0x20, Kind: Intrinsic, Effects: rMem},
	{Name: "address", Rets: 1, Opcode: 0x30, Kind: Intrinsic, Effects: env},
	{Name: "balance", Args: 1, Rets: 1, Opcode: 0x31, Kind: Intrinsic, Effects: ReadsWorld},
	{Name: "origin", Rets: 1, Opcode: 0x32, Kind: Intrinsic, Effects: env},
	{Name: "caller", Rets: 1, Opcode: 0x33, Kind: Intrinsic, Effects: env},
	{Name: "callvalue", Rets: 1, Opcode: 0x34, Kind: Intrinsic, Effects: env},
	{Name: "calldataload", Args: 1, Rets: 1, Opcode: 0x35, Kind: Intrinsic, Effects: env},
	{Name: "calldatasize", Rets: 1, Opcode: 0x36, Kind: Intrinsic, Effects: env},
	{Name: "calldatacopy", Args: 3, Opcode: 0x37, Kind: Intrinsic, Effects: env | wMem},
	{Name: "codesize", Rets: 1, Opcode: 0x38, Kind: Intrinsic, Effects: env},
	{Name: "codecopy", Args: 3, Opcode: 0x39, Kind: Intrinsic, Effects: env | wMem},
	{Name: "gasprice", Rets: 1, Opcode: 0x3a, Kind: Intrinsic, Effects: env},
	{Name: "extcodesize", Args: 1, Rets: 1, Opcode: 0x3b, Kind: Intrinsic, Effects: ReadsWorld},
	{Name: "extcodecopy", Args: 4, Opcode: 0x3c, Kind: Intrinsic, Effects: ReadsWorld | wMem},
	{Name: "returndatasize", Rets: 1, Opcode: 0x3d, Kind: Intrinsic, Effects: ReadsReturnData, Since: evmversion.Byzantium},
	{Name: "returndatacopy", Args: 3, Opcode: 0x3e, Kind: Intrinsic, Effects: ReadsReturnData | wMem | MayFail, Since: evmversion.Byzantium},
	{Name: "extcodehash", Args: 1, Rets: 1, Opcode: 0x3f, Kind: Intrinsic, Effects: ReadsWorld, Since: evmversion.Constantinople},
	{Name: "blockhash", Args: 1, Rets: 1, Opcode: 0x40, Kind: Intrinsic, Effects: env},
	{Name: "coinbase", Rets: 1, Opcode: 0x41, Kind: Intrinsic, Effects: env},
	{Name: "timestamp", Rets: 1, Opcode: 0x42, Kind: Intrinsic, Effects: env},
	{Name: "number", Rets: 1, Opcode: 0x43, Kind: Intrinsic, Effects: env},
	{Name: "difficulty", Rets: 1, Opcode: 0x44, Kind: Intrinsic, Effects: env, Until: evmversion.Paris},
	{Name: "prevrandao", Rets: 1, Opcode: 0x44, Kind: Intrinsic, Effects: env, Since: evmversion.Paris},
	{Name: "gaslimit", Rets: 1, Opcode: 0x45, Kind: Intrinsic, Effects: env},
	{Name: "chainid", Rets: 1, Opcode: 0x46, Kind: Intrinsic, Effects: env, Since: evmversion.Istanbul},
	{Name: "selfbalance", Rets: 1, Opcode: 0x47, Kind: Intrinsic, Effects: ReadsWorld, Since: evmversion.Istanbul},
	{Name: "basefee", Rets: 1, Opcode: 0x48, Kind: Intrinsic, Effects: env, Since: evmversion.London},
	{Name: "blobhash", Args: 1, Rets: 1, Opcode: 0x49, Kind: Intrinsic, Effects: env, Since: evmversion.Cancun},
	{Name: "blobbasefee", Rets: 1, Opcode: 0x4a, Kind: Intrinsic, Effects: env, Since: evmversion.Cancun},
	{Name: "pop", Args: 1, Opcode: 0x50, Kind: Intrinsic},
	{Name: "mload", Args: 1, Rets: 1, Opcode: 0x51, Kind: Intrinsic, Effects: rMem},
	{Name: "mstore", Args: 2, Opcode: 0x52, Kind: Intrinsic, Effects: wMem},
	{Name: "mstore8", Args: 2, Opcode: 0x53, Kind: Intrinsic, Effects: wMem},
	{Name: "sload", Args: 1, Rets: 1, Opcode: 0x54, Kind: Intrinsic, Effects: ReadsStorage},
	{Name: "sstore", Args: 2, Opcode: 0x55, Kind: Intrinsic, Effects: WritesStorage},
	{Name: "pc", Rets: 1, Opcode: 0x58, Kind: Intrinsic, Effects: Volatile},
	{Name: "msize", Rets: 1, Opcode: 0x59, Kind: Intrinsic, Effects: rMem | Volatile},
	{Name: "gas", Rets: 1, Opcode: 0x5a, Kind: Intrinsic, Effects: Volatile},
	{Name: "tload", Args: 1, Rets: 1, Opcode: 0x5c, Kind: Intrinsic, Effects: ReadsTransient, Since: evmversion.Cancun},
	{Name: "tstore", Args: 2, Opcode: 0x5d, Kind: Intrinsic, Effects: WritesTransient, Since: evmversion.Cancun},
	{Name: "mcopy", Args: 3, Opcode: 0x5e, Kind: Intrinsic, Effects: rMem | wMem, Since: evmversion.Cancun},
	{Name: "log0", Args: 2, Opcode: 0xa0, Kind: Intrinsic, Effects: rMem | Logs},
	{Name: "log1", Args: 3, Opcode: 0xa1, Kind: Intrinsic, Effects: rMem | Logs},
	{Name: "log2", Args: 4, Opcode: 0xa2, Kind: Intrinsic, Effects: rMem | Logs},
	{Name: "log3", Args: 5, Opcode: 0xa3, Kind: Intrinsic, Effects: rMem | Logs},
	{Name: "log4", Args: 6, Opcode: 0xa4, Kind: Intrinsic, Effects: rMem | Logs},
	{Name: "create", Args: 3, Rets: 1, Opcode: 0xf0, Kind: Intrinsic, Effects: calls},
	{Name: "call", Args: 7, Rets: 1, Opcode: 0xf1, Kind: Intrinsic, Effects: calls},
	{Name: "callcode", Args: 7, Rets: 1, Opcode: 0xf2, Kind: Intrinsic, Effects: calls},
	{Name: "return", Args: 2, Opcode: 0xf3, Kind: Intrinsic, Effects: rMem | term},
	{Name: "delegatecall", Args: 6, Rets: 1, Opcode: 0xf4, Kind: Intrinsic, Effects: calls},
	{Name: "create2", Args: 4, Rets: 1, Opcode: 0xf5, Kind: Intrinsic, Effects: calls, Since: evmversion.Constantinople},
	{Name: "staticcall", Args: 6, Rets: 1, Opcode: 0xfa, Kind: Intrinsic, Effects: calls, Since: evmversion.Byzantium},
	// solc treats REVERT as available on every version (before byzantium the
	// opcode is undefined and aborts like INVALID), unlike RETURNDATA*.
	{Name: "revert", Args: 2, Opcode: 0xfd, Kind: Intrinsic, Effects: rMem | term},
	{Name: "invalid", Opcode: 0xfe, Kind: Intrinsic, Effects: term},
	{Name: "selfdestruct", Args: 1, Opcode: 0xff, Kind: Intrinsic, Effects: term | calls},

	// Object access and linking (solc's EVM dialect with objects).
	{Name: "datasize", Args: 1, Rets: 1, Kind: ObjectAccess, LiteralArgs: []int{0}},
	{Name: "dataoffset", Args: 1, Rets: 1, Kind: ObjectAccess, LiteralArgs: []int{0}},
	{Name: "datacopy", Args: 3, Kind: ObjectAccess, Effects: env | wMem},
	{Name: "setimmutable", Args: 3, Kind: ObjectAccess, Effects: wMem, LiteralArgs: []int{1}},
	{Name: "loadimmutable", Args: 1, Rets: 1, Kind: ObjectAccess, LiteralArgs: []int{0}},
	{Name: "linkersymbol", Args: 1, Rets: 1, Kind: ObjectAccess, LiteralArgs: []int{0}},
	{Name: "memoryguard", Args: 1, Rets: 1, Kind: ObjectAccess, LiteralArgs: []int{0}},
}

var byName = func() map[string]*Builtin {
	m := make(map[string]*Builtin, len(builtins))
	for _, b := range builtins {
		m[b.Name] = b
	}
	return m
}()

// LookupBuiltin finds a builtin of solc's EVM dialect by its Yul name,
// including the verbatim_<n>i_<m>o family (n, m ≤ 99). It does not check EVM
// version availability: see Builtin.AvailableIn.
func LookupBuiltin(name string) (*Builtin, bool) {
	if b, ok := byName[name]; ok {
		return b, true
	}
	if n, m, ok := parseVerbatim(name); ok {
		return &Builtin{Name: name, Args: n + 1, Rets: m, Kind: Intrinsic,
			Effects:     ReadsMemory | WritesMemory | ReadsStorage | WritesStorage | CallsOut | MayFail,
			LiteralArgs: []int{0}}, true
	}
	return nil, false
}

// LookupIntrinsic finds the builtin behind an IR function name such as
// "evm.mload" (with or without a leading '@').
func LookupIntrinsic(fn string) (*Builtin, bool) {
	fn = strings.TrimPrefix(fn, "@")
	if !strings.HasPrefix(fn, "evm.") {
		return nil, false
	}
	return LookupBuiltin(strings.TrimPrefix(fn, "evm."))
}

// Builtins returns the table in a stable order (by name).
func Builtins() []*Builtin {
	out := append([]*Builtin(nil), builtins...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// parseVerbatim parses "verbatim_<n>i_<m>o".
func parseVerbatim(name string) (n, m int, ok bool) {
	rest, found := strings.CutPrefix(name, "verbatim_")
	if !found {
		return 0, 0, false
	}
	in, out, found := strings.Cut(rest, "i_")
	if !found || !strings.HasSuffix(out, "o") {
		return 0, 0, false
	}
	out = strings.TrimSuffix(out, "o")
	a, err1 := strconv.Atoi(in)
	b, err2 := strconv.Atoi(out)
	if err1 != nil || err2 != nil || a < 0 || b < 0 || a > 99 || b > 99 ||
		strconv.Itoa(a) != in || strconv.Itoa(b) != out {
		return 0, 0, false
	}
	return a, b, true
}
