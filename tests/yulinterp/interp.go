// Package yulinterp runs the corpus's yul/yulInterpreterTests on soll's
// whole pipeline: each program is compiled, deployed as the code of a
// contract in go-ethereum's EVM, called with empty calldata in an
// environment set to the values solc's Yul interpreter uses (corpus README,
// "yulInterpreterTests"), and the memory, storage and transient storage it
// leaves are compared with the interpreter's dumps.
//
// The interpreter invents results for some builtins (calls run nothing,
// create returns 0xcccccc + offset, extcodesize hashes its argument, code is
// a fixed text, gas() is 0x99 …) and models memory no EVM can reach. A test
// whose outcome depends on those is skipped with the reason; see skipReason.
package yulinterp

import (
	"crypto/sha256"
	"fmt"
	"math/big"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	gethvm "github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/isoltest"
	"github.com/soll-dev/soll/vm/evm"
)

// The interpreter's fixed environment.
var (
	selfAddr   = common.HexToAddress("0x11111111")
	callerAddr = common.HexToAddress("0x44444444")
	originAddr = common.HexToAddress("0x33333333")
	coinbase   = common.HexToAddress("0x77777777")
)

// Test is one parsed interpreter test.
type Test struct {
	Path     string
	Source   string
	Settings map[string]string
	// Expected dumps, one line each, without the "// " prefix.
	Trace, Memory, Storage, Transient []string
	HasTransient                      bool
}

// Parse reads an interpreter test file.
func Parse(path string) (*Test, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(b)
	src, exp, ok := strings.Cut(text, "\n// ----\n")
	if !ok {
		return nil, fmt.Errorf("%s: no // ---- expectation", path)
	}
	t := &Test{Path: path, Settings: map[string]string{}}
	if s, set, ok := strings.Cut(src, "\n// ====\n"); ok {
		src = s
		for _, l := range strings.Split(set, "\n") {
			if k, v, ok := strings.Cut(strings.TrimPrefix(l, "// "), ":"); ok {
				t.Settings[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	t.Source = src + "\n"
	var cur *[]string
	for _, l := range strings.Split(exp, "\n") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		switch strings.TrimSpace(l) {
		case "Trace:":
			cur = &t.Trace
			continue
		case "Memory dump:":
			cur = &t.Memory
			continue
		case "Storage dump:":
			cur = &t.Storage
			continue
		case "Transient storage dump:":
			cur = &t.Transient
			t.HasTransient = true
			continue
		}
		if strings.TrimSpace(l) == "" || cur == nil {
			continue
		}
		*cur = append(*cur, l)
	}
	return t, nil
}

// builtins whose interpreter results are invented (not what an EVM does).
var madeUp = regexp.MustCompile(`\b(call|callcode|delegatecall|staticcall|create|create2|extcodesize|extcodehash|extcodecopy|datasize|dataoffset|datacopy|codesize|codecopy|gas|pc|balance|selfdestruct)\s*\(`)

// excuse says why a failing test may still be skipped: its outcome
// depends on something the interpreter makes up, or it stops at one of the
// interpreter's limits, or it uses memory no EVM can reach. "" means the
// failure is real.
func excuse(t *Test) string {
	if m := madeUp.FindStringSubmatch(t.Source); m != nil {
		return fmt.Sprintf("depends on the interpreter's made-up result of %s()", m[1])
	}
	for _, l := range t.Trace {
		for _, limit := range []string{"Trace size limit reached", "Interpreter execution step limit reached", "Maximum expression nesting level reached"} {
			if strings.Contains(l, limit) {
				return "the interpreter stops at its limit (" + limit + ") where the EVM goes on"
			}
		}
	}
	for _, l := range t.Memory {
		if off, _, ok := strings.Cut(strings.TrimSpace(l), ":"); ok && len(off) > 8 {
			return "uses memory at offset 0x" + off + ", which no EVM can reach"
		}
	}
	return ""
}

// Version picks the EVM version a test runs on: v when the test's
// EVMVersion setting allows it, else the allowed version nearest to v
// (older ones first), as the corpus compiles tests.
func Version(t *Test, v evmversion.Version) (evmversion.Version, error) {
	c, ok := t.Settings["EVMVersion"]
	if !ok {
		return v, nil
	}
	var best evmversion.Version = -1
	for _, cand := range evmversion.All() {
		allowed, err := isoltest.EVMVersionAllows(c, cand)
		if err != nil {
			return v, err
		}
		if !allowed {
			continue
		}
		if cand <= v || best < 0 {
			best = cand
		}
	}
	if best < 0 {
		return v, fmt.Errorf("EVMVersion %s allows no version", c)
	}
	return best, nil
}

// Result of one test.
type Result struct {
	Status string // "ok", "fail", "skip"
	Reason string
}

// Run compiles and runs one test at optimization level level, on EVM
// version v or the nearest one the test allows.
func Run(t *Test, level opt.Level, v evmversion.Version) Result {
	v, err := Version(t, v)
	if err != nil {
		return Result{"fail", err.Error()}
	}
	if t.Settings["simulateExternalCall"] == "true" {
		return Result{"skip", "simulates external calls (made-up call results)"}
	}
	opts := compiler.DefaultOptions()
	opts.Lang = compiler.Yul
	opts.Opt = level
	opts.EVMVersion = v
	res := compiler.Compile([]compiler.Source{{Name: t.Path, Content: []byte(t.Source)}}, opts)
	if res.HasErrors() {
		var msgs []string
		for _, d := range res.Diagnostics {
			msgs = append(msgs, d.Short())
		}
		return Result{"fail", "compile: " + strings.Join(msgs, "; ")}
	}
	got, err := execute(res.Contracts[0].EVM.Creation.Code, v)
	if err != nil {
		return Result{"fail", err.Error()}
	}
	var diffs []string
	cmp := func(what string, want, have []string) {
		if strings.Join(want, "\n") != strings.Join(have, "\n") {
			diffs = append(diffs, fmt.Sprintf("%s dump differs:\n  want:\n    %s\n  got:\n    %s", what,
				strings.Join(want, "\n    "), strings.Join(have, "\n    ")))
		}
	}
	cmp("memory", t.Memory, got.memory)
	cmp("storage", t.Storage, got.storage)
	if t.HasTransient {
		cmp("transient storage", t.Transient, got.transient)
	}
	if len(diffs) > 0 {
		if why := excuse(t); why != "" {
			return Result{"skip", why}
		}
		return Result{"fail", strings.Join(diffs, "\n")}
	}
	return Result{"ok", ""}
}

type dumps struct{ memory, storage, transient []string }

func word(x *big.Int) common.Hash { return common.BigToHash(x) }

// execute runs code as the code of selfAddr, called by callerAddr with no
// calldata, and returns the dumps the interpreter would print.
func execute(code []byte, v evmversion.Version) (*dumps, error) {
	st, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		return nil, err
	}
	st.CreateAccount(selfAddr)
	st.SetCode(selfAddr, code, tracing.CodeChangeUnspecified)
	st.SetBalance(selfAddr, uint256.NewInt(0x22223333), tracing.BalanceChangeUnspecified)
	st.CreateAccount(callerAddr)

	blockCtx := gethvm.BlockContext{
		// callvalue() is 0x55555555 but selfbalance() stays 0x22223333:
		// value is not moved.
		CanTransfer: func(gethvm.StateDB, common.Address, *uint256.Int) bool { return true },
		Transfer:    func(gethvm.StateDB, common.Address, common.Address, *uint256.Int, *params.Rules) {},
		GetHash: func(n uint64) common.Hash {
			if n >= 768 && n < 1024 {
				return word(new(big.Int).SetUint64(0xaaaaaaaa + n - 1280))
			}
			return common.Hash{}
		},
		Coinbase:    coinbase,
		GasLimit:    4000000,
		BlockNumber: big.NewInt(1024),
		Time:        0x88888888,
		Difficulty:  big.NewInt(0x9999999),
		BaseFee:     big.NewInt(7),
		BlobBaseFee: big.NewInt(1),
	}
	if v >= evmversion.Paris {
		r := word(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1)))
		blockCtx.Random = &r
		blockCtx.Difficulty = new(big.Int)
	}
	var blobs []common.Hash
	for i := int64(1); i <= 2; i++ {
		w := word(big.NewInt(i))
		h := sha256.Sum256(w[:])
		h[0] = 0x01
		blobs = append(blobs, h)
	}
	d := &dumps{}
	var mem []byte
	slots := map[common.Hash]bool{}
	tslots := map[common.Hash]bool{}
	hooks := &tracing.Hooks{
		OnOpcode: func(pc uint64, op byte, gas, cost uint64, scope tracing.OpContext, rData []byte, depth int, err error) {
			if depth != 1 {
				return
			}
			switch gethvm.OpCode(op) {
			case gethvm.STOP, gethvm.RETURN, gethvm.REVERT, gethvm.INVALID:
				mem = append(mem[:0], scope.MemoryData()...)
			case gethvm.TSTORE, gethvm.SSTORE:
				s := scope.StackData()
				key := common.Hash(s[len(s)-1].Bytes32())
				if gethvm.OpCode(op) == gethvm.TSTORE {
					tslots[key] = true
				} else {
					slots[key] = true
				}
			}
		},
		OnFault: func(pc uint64, op byte, gas, cost uint64, scope tracing.OpContext, depth int, err error) {
			if depth == 1 {
				mem = append(mem[:0], scope.MemoryData()...)
			}
		},
	}
	machine := gethvm.NewEVM(blockCtx, st, evm.ChainConfig(v), gethvm.Config{Tracer: hooks})
	machine.SetPrecompiles(evm.Precompiles(v))
	machine.SetTxContext(gethvm.TxContext{Origin: originAddr, GasPrice: uint256.NewInt(0x66666666), BlobHashes: blobs})
	rules := machine.ChainConfig().Rules(blockCtx.BlockNumber, blockCtx.Random != nil, blockCtx.Time)
	st.Prepare(rules, callerAddr, coinbase, &selfAddr, nil, nil)
	_, _, err = machine.Call(callerAddr, selfAddr, nil, gethvm.NewGasBudget(100_000_000, 0), uint256.NewInt(0x55555555))
	_ = err // reverts and failures are outcomes the dumps show

	for off := 0; off+32 <= len(mem) || off < len(mem); off += 32 {
		w := make([]byte, 32)
		copy(w, mem[off:])
		if allZero(w) {
			continue
		}
		d.memory = append(d.memory, fmt.Sprintf("  %4X: %x", off, w))
	}
	d.storage = dumpSlots(slots, func(k common.Hash) common.Hash { return st.GetState(selfAddr, k) })
	d.transient = dumpSlots(tslots, func(k common.Hash) common.Hash { return st.GetTransientState(selfAddr, k) })
	return d, nil
}

func dumpSlots(keys map[common.Hash]bool, get func(common.Hash) common.Hash) []string {
	var ks []common.Hash
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].Cmp(ks[j]) < 0 })
	var out []string
	for _, k := range ks {
		v := get(k)
		if v == (common.Hash{}) {
			continue
		}
		out = append(out, fmt.Sprintf("  %x: %x", k, v))
	}
	return out
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
