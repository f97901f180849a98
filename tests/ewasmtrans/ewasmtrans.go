// Package ewasmtrans runs the corpus's yul/ewasmTranslationTests (solc's
// tests of its retired Ewasm translator, ewasm.md §6.1) on soll's Ewasm
// pipeline: each program is compiled to an Ewasm module, which runs in
// vm/ewasm as the code of a contract called with empty call data, in the
// environment solc's Ewasm test interpreter modelled (address 0x11111111,
// balance 0x22222222 for itself and address 0, origin 0x33333333, caller 0x44444444, gas price
// 0x66666666, coinbase 0x77777777, timestamp 0x88888888, block 1024,
// difficulty 0x9999999, gas limit 4,000,000, block hashes for 768 ≤ n <
// 1024). The call value is 0: no test reads it, and moving value would
// change the balance the balance test reads.
//
// What is compared, against the state when the program ends (before a
// failure or revert rolls anything back, as the interpreter dumps it):
//
//   - the trace: the host calls with an EVM side effect (CALL(), LOG2(),
//     SELFDESTRUCT(), RETURN() [data], …) and INVALID() when the module
//     traps;
//   - the memory dump: solc's rows are raw wasm memory, EVM memory shifted
//     by 0x40 behind a scratch area; the scratch rows are dropped and the
//     rest shifted back, and soll's EVM memory is read from its own base
//     (backend/ewasm's Artifact.DeployerMemBase);
//   - the storage dump.
//
// The interpreter invents results for some builtins (ewasm.md §6.1). The
// host answers those it can the interpreter's way (interpreterAnswer): gas
// left is 0x99, the code is the 20 bytes "codecodecodecodecode", call*
// succeed exactly when their gas is odd and run nothing, the call value is
// 0x55555555, return data is empty, external code size is hash-derived.
// What a host cannot model — datasize/dataoffset are compile-time
// constants the interpreter replaces by hashes, create's made-up address,
// external code hashes and copies — and the builtins solc's translator
// compiled to unreachable (keccak256, msize, selfbalance, create2, …:
// INVALID() in the trace) make a test whose dumps differ skip with the
// reason; see excuse.
package ewasmtrans

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/yulinterp"
	"github.com/soll-dev/soll/vm"
	ewasmvm "github.com/soll-dev/soll/vm/ewasm"
)

// The interpreter's fixed environment (ewasm.md §6.1).
var (
	selfAddr   = common.HexToAddress("0x11111111")
	callerAddr = common.HexToAddress("0x44444444")
	env        = ewasmvm.Env{
		Origin:     common.HexToAddress("0x33333333"),
		Coinbase:   common.HexToAddress("0x77777777"),
		GasPrice:   0x66666666,
		Number:     1024,
		Timestamp:  0x88888888,
		GasLimit:   4_000_000,
		Difficulty: uint256.NewInt(0x9999999),
		BlockHash: func(n uint64) common.Hash {
			if n >= 768 && n < 1024 {
				return common.Hash(uint256.NewInt(0xaaaaaaaa + n - 1280).Bytes32())
			}
			return common.Hash{}
		},
	}
)

// solcScratch is the size of solc's scratch area in front of EVM memory in
// the expected memory dumps (ewasm.md §5.2).
const solcScratch = 0x40

// Parse reads a translation test; the format is the interpreter tests'.
func Parse(path string) (*yulinterp.Test, error) { return yulinterp.Parse(path) }

// Result of one test: Status "ok", "fail" or "skip".
type Result = yulinterp.Result

// Dumps are what a run leaves, in the expectation's format.
type Dumps struct {
	Trace, Memory, Storage []string
}

// Run compiles and runs one test at optimization level level, on EVM
// version v or the nearest one the test allows.
func Run(t *yulinterp.Test, level opt.Level, v evmversion.Version) Result {
	v, err := yulinterp.Version(t, v)
	if err != nil {
		return Result{Status: "fail", Reason: err.Error()}
	}
	opts := compiler.DefaultOptions()
	opts.Lang = compiler.Yul
	opts.Target = compiler.Ewasm
	opts.Opt = level
	opts.EVMVersion = v
	res := compiler.Compile([]compiler.Source{{Name: t.Path, Content: []byte(t.Source)}}, opts)
	if res.HasErrors() {
		var msgs []string
		for _, d := range res.Diagnostics {
			msgs = append(msgs, d.Short())
		}
		return Result{Status: "fail", Reason: "compile: " + strings.Join(msgs, "; ")}
	}
	art := res.Contracts[0].Ewasm
	got := Execute(art.Deployer, art.DeployerMemBase, v)

	var diffs []string
	cmp := func(what string, want, have []string) {
		if strings.Join(want, "\n") != strings.Join(have, "\n") {
			diffs = append(diffs, fmt.Sprintf("%s differs:\n  want:\n    %s\n  got:\n    %s", what,
				strings.Join(want, "\n    "), strings.Join(have, "\n    ")))
		}
	}
	want, err := evmMemory(t.Memory)
	if err != nil {
		return Result{Status: "fail", Reason: err.Error()}
	}
	cmp("trace", trimAll(t.Trace), got.Trace)
	cmp("memory dump", want, got.Memory)
	cmp("storage dump", t.Storage, got.Storage)
	if len(diffs) > 0 {
		if why := excuse(t); why != "" {
			return Result{Status: "skip", Reason: why}
		}
		return Result{Status: "fail", Reason: strings.Join(diffs, "\n")}
	}
	return Result{Status: "ok"}
}

func trimAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

// evmMemory turns solc's raw wasm memory dump into a dump of EVM memory:
// rows of the scratch area dropped, the others moved down by 0x40.
func evmMemory(lines []string) ([]string, error) {
	var out []string
	for _, l := range lines {
		off, row, ok := strings.Cut(strings.TrimSpace(l), ":")
		if !ok {
			return nil, fmt.Errorf("bad memory dump line %q", l)
		}
		n, err := strconv.ParseUint(off, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("bad memory dump offset in %q", l)
		}
		if n < solcScratch {
			continue
		}
		out = append(out, memRow(n-solcScratch, strings.TrimSpace(row)))
	}
	return out, nil
}

func memRow(off uint64, hexRow string) string { return fmt.Sprintf("  %4X: %s", off, hexRow) }

// Execute runs module as the code of selfAddr, called by callerAddr with
// no call data in the interpreter's environment, and returns the trace and
// the dumps as the program left them (EVM memory read from wasm address
// memBase on).
func Execute(module []byte, memBase uint32, v evmversion.Version) *Dumps {
	d := &Dumps{}
	var chain *ewasmvm.Chain
	halt := ""
	hooks := &ewasmvm.Hooks{
		Answer: interpreterAnswer,
		OnHostCall: func(depth int, name string, args []uint64) {
			if depth != 0 {
				return
			}
			switch name {
			case "finish", "revert":
				halt = name
			default:
				if e, ok := traceNames[name]; ok {
					d.Trace = append(d.Trace, e)
				} else if name == "log" {
					d.Trace = append(d.Trace, fmt.Sprintf("LOG%d()", uint32(args[2])))
				}
			}
		},
		OnExit: func(depth int, status vm.Status, output, memory []byte) {
			if depth != 0 {
				return
			}
			switch {
			case halt != "":
				e := "RETURN()"
				if halt == "revert" {
					e = "REVERT()"
				}
				if len(output) > 0 {
					e += fmt.Sprintf(" [%x]", output)
				}
				d.Trace = append(d.Trace, e)
			case status == vm.Failure:
				d.Trace = append(d.Trace, "INVALID()")
			}
			if int(memBase) < len(memory) {
				mem := memory[memBase:]
				for off := 0; off < len(mem); off += 32 {
					row := mem[off:min(off+32, len(mem))]
					if !allZero(row) {
						d.Memory = append(d.Memory, memRow(uint64(off), fmt.Sprintf("%x", row)))
					}
				}
			}
			// Storage now, before a failure rolls it back: the
			// interpreter dumps the state as the program left it.
			for _, k := range chain.StorageKeys(selfAddr) {
				if val := chain.Storage(selfAddr, k); val != (common.Hash{}) {
					d.Storage = append(d.Storage, fmt.Sprintf("  %x: %x", k, val))
				}
			}
		},
	}
	e := env
	chain = ewasmvm.New(ewasmvm.Config{Version: v, Env: &e, Hooks: hooks})
	defer chain.Close()
	// every account's balance is 0x22222222 to the interpreter; the tests
	// ask for their own and for address 0's
	chain.SetAccount(selfAddr, module, uint256.NewInt(0x22222222))
	chain.SetAccount(common.Address{}, nil, uint256.NewInt(0x22222222))
	chain.Call(callerAddr, selfAddr, nil, nil)
	return d
}

// interpCode is the code every account has to the interpreter.
var interpCode = []byte("codecodecodecodecode")

// interpreterAnswer answers, for the test's own frame, the EEI functions
// whose results solc's test interpreter makes up, the way it does (see
// the package comment); the chain answers everything else.
func interpreterAnswer(depth int, name string, s []uint64, mem ewasmvm.Memory) bool {
	if depth != 0 {
		return false
	}
	switch name {
	case "getGasLeft":
		s[0] = 0x99
	case "getCodeSize":
		s[0] = uint64(len(interpCode))
	case "codeCopy":
		// zero-extended past the end of the code
		dst, off, n := uint32(s[0]), uint32(s[1]), uint32(s[2])
		buf := make([]byte, n)
		if off < uint32(len(interpCode)) {
			copy(buf, interpCode[off:])
		}
		// outside memory: the chain's own codeCopy fails the same way
		return mem.Write(dst, buf)
	case "getExternalCodeSize":
		// the low 12 bits of keccak256 of the address, left-aligned in 32
		// bytes (fitted to extcodesize.yul's expectation)
		a, ok := mem.Read(uint32(s[0]), 20)
		if !ok {
			return false
		}
		h := crypto.Keccak256(append(append([]byte(nil), a...), make([]byte, 12)...))
		s[0] = uint64(h[30]&0x0f)<<8 | uint64(h[31])
	case "call", "callCode", "callDelegate", "callStatic":
		// the EVM-level result is gas & 1; EEI status 0 is success
		s[0] = 1 - s[0]&1
	case "getCallValue":
		// a 128-bit little-endian value
		v := make([]byte, 16)
		binary.LittleEndian.PutUint32(v, 0x55555555)
		return mem.Write(uint32(s[0]), v)
	case "getReturnDataSize":
		// the interpreter's return data is the (empty) call data
		s[0] = 0
	default:
		return false
	}
	return true
}

// traceNames are the EEI calls the interpreter traces (without finish,
// revert and log, which carry data).
var traceNames = map[string]string{
	"call":         "CALL()",
	"callCode":     "CALLCODE()",
	"callDelegate": "DELEGATECALL()",
	"callStatic":   "STATICCALL()",
	"create":       "CREATE()",
	"create2":      "CREATE2()",
	"selfDestruct": "SELFDESTRUCT()",
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

var (
	// builtins whose interpreter results are invented (ewasm.md §6.1)
	madeUp = regexp.MustCompile(`\b(create|extcodehash|extcodecopy|datasize|dataoffset|datacopy)\s*\(`)
	// builtins solc's translator compiled to unreachable (ewasm.md §5.8,
	// §7 item 23)
	untranslated = regexp.MustCompile(`\b(keccak256|msize|selfbalance|create2|chainid|extcodehash|basefee|prevrandao)\s*\(`)
)

// excuse says why a test whose dumps differ may be skipped: its outcome
// depends on a result the interpreter makes up, or on a builtin solc's
// translator could not compile. "" means the difference is a real failure.
func excuse(t *yulinterp.Test) string {
	if m := untranslated.FindStringSubmatch(t.Source); m != nil && hasInvalid(t.Trace) {
		return fmt.Sprintf("solc's translator compiled %s() to unreachable (INVALID() in the expected trace); soll implements it", m[1])
	}
	if m := madeUp.FindStringSubmatch(t.Source); m != nil {
		return fmt.Sprintf("depends on the interpreter's made-up result of %s()", m[1])
	}
	return ""
}

func hasInvalid(trace []string) bool {
	for _, l := range trace {
		if strings.TrimSpace(l) == "INVALID()" {
			return true
		}
	}
	return false
}
