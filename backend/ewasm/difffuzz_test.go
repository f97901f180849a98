package ewasm

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/soll-dev/soll/backend/evm"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir/opt"
)

// FuzzTargetsAgree generates a random Yul program from the fuzz input —
// arithmetic on interesting constants and call data, memory and storage
// writes, branches, switches, bounded loops, functions — compiles it for
// the EVM (-O2) and for Ewasm (-O0 and -O2), runs both and compares status,
// return data, storage and logs. The EVM is the reference; any difference
// is a miscompile on one side.
//
//	go test -run '^$' -fuzz FuzzTargetsAgree -fuzztime 5m ./backend/ewasm
func FuzzTargetsAgree(f *testing.F) {
	for _, seed := range []string{
		"",
		"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f",
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xef\xee",
		"\x10\x31\x52\x73\x94\xb5\xd6\xf7\x18\x39\x5a\x7b\x9c\xbd\xde\xff\x20\x41",
		"\x44\x03\x07\x11\x29\x80\x05\x63\x21\x02\x09\x13\x45\x66\x01\x88\x9a\x30\x31\x32",
		"\x83\x12\x04\x55\x90\x21\x33\x06\x07\x70\x02\x81\x44\x19\x28\x37\x46\x55\x64\x73\x82\x91",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkTargetsAgree(t, data, "")
	})
}

// TestTargetsAgreeSmoke runs the generator over a fixed set of inputs, so
// the differential check runs in every test run, not only when fuzzing.
func TestTargetsAgreeSmoke(t *testing.T) {
	for i := 0; i < 60; i++ {
		data := make([]byte, 128)
		x := uint32(2166136261 + i*16777619)
		for j := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[j] = byte(x)
		}
		checkTargetsAgree(t, data, fmt.Sprintf("input %d, ", i))
	}
}

// checkTargetsAgree runs the program genProgram makes of data on the EVM
// (-O2) and on Ewasm (-O2, and -O0 unless the program reads msize, which
// depends on the memory accesses the optimizer keeps).
func checkTargetsAgree(t *testing.T, data []byte, what string) {
	t.Helper()
	src, calldata := genProgram(data)
	levels := []opt.Level{opt.O2, opt.O0}
	if strings.Contains(src, "msize") {
		levels = levels[:1]
	}
	if evmStackTooDeep(t, src) {
		// the reference cannot compile it (no memoryguard to move
		// variables to): Ewasm, which has no such limit, must still
		// compile and run it
		for _, level := range levels {
			runEwasmAt(t, src, calldata, Options{}, level)
		}
		return
	}
	want := runEVM(t, src, calldata)
	// a failed call leaves no storage on the EVM; the test host of the
	// Ewasm side keeps what was written, so only successes compare it
	settle := func(o outcome) outcome {
		if o.status != "success" {
			o.storage = nil
		}
		return o
	}
	want = settle(want)
	for _, level := range levels {
		got, _ := runEwasmAt(t, src, calldata, Options{}, level)
		if got = settle(got); !got.equal(want) {
			t.Fatalf("%s%v: targets disagree\nprogram:\n%s\ncall data %x\newasm %s\n  evm %s", what, level, src, calldata, got, want)
		}
	}
}

// evmStackTooDeep reports whether the EVM backend refuses src as "stack
// too deep" (a diagnostic of the reference, not a difference of targets);
// any other error is left to runEVM.
func evmStackTooDeep(t *testing.T, src string) bool {
	t.Helper()
	var log source.Log
	evm.Compile(lower(t, src, opt.O2), evm.Options{EVMVersion: evmversion.Cancun}, &log)
	for _, d := range log.Diagnostics() {
		if strings.Contains(d.Message, "stack too deep") {
			return true
		}
	}
	return false
}

// progGen turns bytes into a Yul program. Every choice reads one byte;
// past the end of the input every byte is 0, which always picks the
// simplest option, so generation terminates.
type progGen struct {
	data  []byte
	pos   int
	sb    strings.Builder
	vars  []string // variables in scope
	ro    []string // loop counters in scope: read, never assigned
	next  int      // next variable number (names are unique: no shadowing)
	funcs []genFunc
	stmts int // statements left
}

type genFunc struct {
	name   string
	params int
}

func (g *progGen) byte() byte {
	if g.pos >= len(g.data) {
		return 0
	}
	b := g.data[g.pos]
	g.pos++
	return b
}

func (g *progGen) pick(n int) int { return int(g.byte()) % n }

// interesting 256-bit constants: limb and sign boundaries, small values.
var genConsts = []string{
	"0", "1", "2", "3", "7", "31", "32", "255", "256",
	"0xffffffffffffffff", "0x10000000000000000", "0xffffffffffffffffffffffffffffffff",
	"0x100000000000000000000000000000000", "0x8000000000000000000000000000000000000000000000000000000000000000",
	"0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
	"0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	"0xdeadbeef", "0xffffffff", "0x100000000", "1000000007", "0xff00ff00ff00ff00ff00ff",
}

var (
	genUnary   = []string{"not", "iszero"}
	genBinary  = []string{"add", "sub", "mul", "div", "sdiv", "mod", "smod", "lt", "gt", "slt", "sgt", "eq", "and", "or", "xor", "byte", "shl", "shr", "sar", "signextend", "exp"}
	genTernary = []string{"addmod", "mulmod"}
)

func (g *progGen) expr(depth int) string {
	k := g.pick(12)
	if depth <= 0 && k >= 5 {
		k %= 5
	}
	switch k {
	case 0, 1:
		if n := len(g.vars) + len(g.ro); n > 0 {
			k := g.pick(n)
			if k < len(g.vars) {
				return g.vars[k]
			}
			return g.ro[k-len(g.vars)]
		}
		return genConsts[g.pick(len(genConsts))]
	case 2:
		return genConsts[g.pick(len(genConsts))]
	case 3:
		return fmt.Sprintf("calldataload(%d)", []int{0, 4, 31, 32, 64}[g.pick(5)])
	case 4:
		switch g.pick(4) {
		case 0:
			return fmt.Sprintf("mload(%d)", g.pick(8)*13)
		case 1:
			return fmt.Sprintf("sload(%d)", g.pick(4))
		case 2:
			// msize depends on which memory accesses the optimizer keeps:
			// only programs compiled from the same IR are compared
			return "msize()"
		default:
			return "calldatasize()"
		}
	case 5:
		return fmt.Sprintf("%s(%s)", genUnary[g.pick(len(genUnary))], g.expr(depth-1))
	case 6, 7, 8, 9:
		op := genBinary[g.pick(len(genBinary))]
		return fmt.Sprintf("%s(%s, %s)", op, g.expr(depth-1), g.expr(depth-1))
	case 10:
		op := genTernary[g.pick(len(genTernary))]
		return fmt.Sprintf("%s(%s, %s, %s)", op, g.expr(depth-1), g.expr(depth-1), g.expr(depth-1))
	default:
		if len(g.funcs) > 0 {
			fn := g.funcs[g.pick(len(g.funcs))]
			args := make([]string, fn.params)
			for i := range args {
				args[i] = g.expr(depth - 1)
			}
			return fmt.Sprintf("%s(%s)", fn.name, strings.Join(args, ", "))
		}
		return fmt.Sprintf("keccak256(%d, %d)", g.pick(4)*16, g.pick(3)*32)
	}
}

func (g *progGen) line(indent int, format string, args ...any) {
	g.sb.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&g.sb, format, args...)
	g.sb.WriteByte('\n')
}

func (g *progGen) newVar() string {
	g.next++
	return fmt.Sprintf("v%d", g.next)
}

// block writes up to n statements; variables declared inside go out of
// scope at its end. inLoop allows break/continue.
func (g *progGen) block(indent, n int, inLoop bool) {
	scope := len(g.vars)
	for i := 0; i < n && g.stmts > 0; i++ {
		g.stmts--
		g.stmt(indent, inLoop)
	}
	g.vars = g.vars[:scope]
}

// genBounds are the limits guards compare with: limb and byte boundaries,
// where code generation may narrow a value after the check.
var genBounds = []string{"0", "1", "31", "0xff", "0xffff", "0xffffffff", "0xfffffffffffffffe", "0xffffffffffffffff", "0x10000000000000000", "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}

func (g *progGen) stmt(indent int, inLoop bool) {
	switch g.pick(14) {
	case 11:
		// a guard, as solc's ABI decoders and allocators write them; the
		// value is narrow after it
		x := g.expr(1)
		if len(g.vars) > 0 {
			x = g.vars[g.pick(len(g.vars))]
		}
		bd := genBounds[g.pick(len(genBounds))]
		switch g.pick(4) {
		case 0:
			g.line(indent, "if gt(%s, %s) { revert(0, 0) }", x, bd)
		case 1:
			g.line(indent, "if iszero(lt(%s, %s)) { sstore(15, 1) stop() }", x, bd)
		case 2:
			g.line(indent, "if or(gt(%s, %s), lt(%s, %s)) { revert(0, 32) }", x, bd, x, genBounds[g.pick(len(genBounds))])
		default:
			g.line(indent, "if slt(%s, %s) { revert(0, 0) }", x, bd)
		}
	case 12:
		// a loop bounded by a value, accumulating into a variable
		i := g.newVar()
		lim := fmt.Sprintf("and(%s, %d)", g.expr(1), 1+g.pick(7))
		acc := ""
		if len(g.vars) > 0 {
			acc = g.vars[g.pick(len(g.vars))]
		}
		g.line(indent, "for { let %s := 0 } lt(%s, %s) { %s := add(%s, 1) } {", i, i, lim, i, i)
		g.ro = append(g.ro, i)
		if acc != "" {
			g.line(indent+1, "%s := add(%s, %s)", acc, acc, g.expr(1))
		}
		g.block(indent+1, 1+g.pick(2), true)
		g.ro = g.ro[:len(g.ro)-1]
		g.line(indent, "}")
	case 13:
		// memory at a computed offset: the offset is small after it
		off := fmt.Sprintf("and(%s, %s)", g.expr(1), []string{"0x3ff", "0x1f", "0xffe0"}[g.pick(3)])
		if g.pick(2) == 0 {
			g.line(indent, "mstore(%s, %s)", off, g.expr(2))
		} else {
			v := g.newVar()
			g.line(indent, "let %s := mload(%s)", v, off)
			g.vars = append(g.vars, v)
		}
	case 0, 1:
		v := g.newVar()
		g.line(indent, "let %s := %s", v, g.expr(3))
		g.vars = append(g.vars, v)
	case 2:
		if len(g.vars) > 0 {
			g.line(indent, "%s := %s", g.vars[g.pick(len(g.vars))], g.expr(3))
		} else {
			g.line(indent, "sstore(%d, %s)", g.pick(8), g.expr(3))
		}
	case 3, 4:
		g.line(indent, "sstore(%d, %s)", g.pick(8), g.expr(3))
	case 5:
		if g.pick(4) == 0 {
			g.line(indent, "mstore8(%d, %s)", g.pick(64), g.expr(3))
		} else {
			g.line(indent, "mstore(%d, %s)", g.pick(16)*9, g.expr(3))
		}
	case 6:
		g.line(indent, "if %s {", g.expr(2))
		g.block(indent+1, 1+g.pick(3), inLoop)
		g.line(indent, "}")
	case 7:
		g.line(indent, "switch %s", g.expr(2))
		used := map[string]bool{}
		for c := 0; c < 1+g.pick(3); c++ {
			lit := genConsts[g.pick(len(genConsts))]
			if used[lit] {
				continue
			}
			used[lit] = true
			g.line(indent, "case %s {", lit)
			g.block(indent+1, 1+g.pick(2), inLoop)
			g.line(indent, "}")
		}
		g.line(indent, "default {")
		g.block(indent+1, 1+g.pick(2), inLoop)
		g.line(indent, "}")
	case 8:
		i := g.newVar()
		g.line(indent, "for { let %s := 0 } lt(%s, %d) { %s := add(%s, 1) } {", i, i, 1+g.pick(4), i, i)
		// the counter is never assigned in the body: every loop ends
		g.ro = append(g.ro, i)
		g.block(indent+1, 1+g.pick(3), true)
		g.ro = g.ro[:len(g.ro)-1]
		g.line(indent, "}")
	case 9:
		if inLoop {
			g.line(indent, "if %s { %s }", g.expr(1), []string{"break", "continue"}[g.pick(2)])
		} else {
			g.line(indent, "log1(%d, %d, %s)", g.pick(4)*32, g.pick(3)*32, g.expr(2))
		}
	default:
		if len(g.funcs) > 0 {
			fn := g.funcs[g.pick(len(g.funcs))]
			args := make([]string, fn.params)
			for i := range args {
				args[i] = g.expr(2)
			}
			g.line(indent, "sstore(%d, %s(%s))", 8+g.pick(4), fn.name, strings.Join(args, ", "))
		} else {
			g.line(indent, "mstore(%d, %s)", g.pick(16)*32, g.expr(3))
		}
	}
}

// genProgram returns a plain Yul block and the call data to run it with.
func genProgram(data []byte) (string, []byte) {
	g := &progGen{data: data}
	// call data: a 4-byte prefix and three words, each an interesting
	// constant or a byte pattern, cut to one of several lengths
	calldata := []byte{g.byte(), g.byte(), g.byte(), g.byte()}
	for i := 0; i < 3; i++ {
		w := make([]byte, 32)
		if k := g.pick(len(genConsts) + 1); k < len(genConsts) {
			n, _ := new(big.Int).SetString(genConsts[k], 0)
			n.FillBytes(w)
		} else {
			b := g.byte()
			for j := range w {
				w[j] = b + byte(j)*0x3b
			}
		}
		calldata = append(calldata, w...)
	}
	calldata = calldata[:4+g.pick(3)*32+g.pick(2)*17]
	g.line(0, "{")
	// functions first: each sees its parameters and the functions before it
	for n := g.pick(3); n > 0; n-- {
		fn := genFunc{name: fmt.Sprintf("f%d", len(g.funcs)), params: g.pick(3)}
		var ps []string
		outer := g.vars
		g.vars = nil
		g.ro = nil
		for i := 0; i < fn.params; i++ {
			p := g.newVar()
			ps = append(ps, p)
			g.vars = append(g.vars, p)
		}
		r := g.newVar()
		g.line(1, "function %s(%s) -> %s {", fn.name, strings.Join(ps, ", "), r)
		g.vars = append(g.vars, r)
		g.stmts = 4
		g.block(2, 1+g.pick(4), false)
		g.line(2, "%s := %s", r, g.expr(3))
		g.line(1, "}")
		g.vars = outer
		g.funcs = append(g.funcs, fn)
	}
	g.stmts = 24
	g.block(1, 4+g.pick(12), false)
	g.line(1, "return(0, 0x120)")
	g.line(0, "}")
	return g.sb.String(), calldata
}
