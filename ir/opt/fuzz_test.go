package opt

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/ir"
)

// progGen writes random programs in the shape the Yul frontend produces
// (variables as allocas, icmp+zext conditions, switch, loops, helpers
// returning words, terminating intrinsics followed by unreachable), for
// differential tests of the whole pipeline against the interpreter.
type progGen struct {
	r       *rand.Rand
	body    strings.Builder
	tmp     int
	blk     int
	vars    []string // user variables
	allocas []string // every alloca of the function, counters included
	nvars   int
	helpers []helper
	inLoop  []loopLabels
	isMain  bool
	isPair  bool
}

type helper struct {
	name string
	pure bool
	pair bool // returns {i256, i256}
}

type loopLabels struct{ latch, exit string }

var intrinsics2 = []string{"div", "sdiv", "mod", "smod", "exp", "shl", "shr", "sar", "byte", "signextend"}

const genDecls = `declare i256 @evm.calldataload(i256)
declare i256 @evm.calldatasize()
declare i256 @evm.caller()
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.tload(i256)
declare void @evm.tstore(i256, i256)
declare i256 @evm.mload(i256)
declare void @evm.mstore(i256, i256)
declare void @evm.mstore8(i256, i256)
declare i256 @evm.keccak256(i256, i256)
declare void @evm.log1(i256, i256, i256)
declare i256 @evm.call(i256, i256, i256, i256, i256, i256, i256)
declare void @evm.return(i256, i256) noreturn
declare void @evm.stop() noreturn
declare void @evm.revert(i256, i256) noreturn
declare i256 @evm.div(i256, i256)
declare i256 @evm.sdiv(i256, i256)
declare i256 @evm.mod(i256, i256)
declare i256 @evm.smod(i256, i256)
declare i256 @evm.exp(i256, i256)
declare i256 @evm.shl(i256, i256)
declare i256 @evm.shr(i256, i256)
declare i256 @evm.sar(i256, i256)
declare i256 @evm.byte(i256, i256)
declare i256 @evm.signextend(i256, i256)
declare i256 @evm.addmod(i256, i256, i256)
declare i256 @evm.mulmod(i256, i256, i256)
`

func genProgram(seed int64) string {
	g := &progGen{r: rand.New(rand.NewSource(seed))}
	var out strings.Builder
	out.WriteString(genDecls)
	nh := g.r.Intn(4)
	for i := 0; i < nh; i++ {
		name := fmt.Sprintf("h%d", i)
		pure := g.r.Intn(2) == 0
		g.isPair = g.r.Intn(3) == 0
		out.WriteString(g.function(name, false, pure))
		g.helpers = append(g.helpers, helper{name, pure, g.isPair})
	}
	g.isPair = false
	out.WriteString(g.function("main", true, false))
	return out.String()
}

func (g *progGen) function(name string, isMain, pure bool) string {
	g.body.Reset()
	g.tmp, g.blk, g.vars, g.allocas, g.nvars, g.isMain = 0, 0, nil, nil, 3+g.r.Intn(4), isMain
	for i := 0; i < g.nvars; i++ {
		v := fmt.Sprintf("%%v%d", i)
		g.vars = append(g.vars, v)
		g.allocas = append(g.allocas, v)
	}
	// Initialize some variables (the others read as 0 through mem2reg).
	for i, v := range g.vars {
		switch {
		case !isMain && i == 0:
			g.emit("store i256 %%a, i256* %s", v)
		case !isMain && i == 1:
			g.emit("store i256 %%b, i256* %s", v)
		case isMain && g.r.Intn(2) == 0:
			g.emit("store i256 %s, i256* %s", g.calldata(), v)
		case g.r.Intn(2) == 0:
			g.emit("store i256 %s, i256* %s", g.constant(), v)
		}
	}
	terminated := g.stmts(2+g.r.Intn(6), 0, pure)
	if !terminated {
		if isMain {
			if g.r.Intn(2) == 0 {
				e := g.expr(1, pure)
				g.emit("call void @evm.mstore(i256 0, i256 %s)", e)
				g.emit("call void @evm.return(i256 0, i256 32)")
				g.emit("unreachable")
			} else {
				g.emit("ret void")
			}
		} else {
			g.ret(pure)
		}
	}
	var head strings.Builder
	switch {
	case isMain:
		fmt.Fprintf(&head, "\ndefine void @main() {\nentry:\n")
	case g.isPair:
		fmt.Fprintf(&head, "\ndefine { i256, i256 } @%s(i256 %%a, i256 %%b) {\nentry:\n", name)
	default:
		fmt.Fprintf(&head, "\ndefine i256 @%s(i256 %%a, i256 %%b) {\nentry:\n", name)
	}
	for _, v := range g.allocas {
		fmt.Fprintf(&head, "  %s = alloca i256\n", v)
	}
	return head.String() + g.body.String() + "}\n"
}

// ret leaves the current function (Yul's leave, or the end of a body).
func (g *progGen) ret(pure bool) {
	switch {
	case g.isMain:
		g.emit("ret void")
	case g.isPair:
		x, y := g.expr(2, pure), g.expr(2, pure)
		t1, t2 := g.newTmp(), g.newTmp()
		g.emit("%s = insertvalue { i256, i256 } undef, i256 %s, 0", t1, x)
		g.emit("%s = insertvalue { i256, i256 } %s, i256 %s, 1", t2, t1, y)
		g.emit("ret { i256, i256 } %s", t2)
	default:
		g.emit("ret i256 %s", g.expr(2, pure))
	}
}

func (g *progGen) emit(format string, args ...any) {
	fmt.Fprintf(&g.body, "  "+format+"\n", args...)
}

func (g *progGen) label(l string) { fmt.Fprintf(&g.body, "%s:\n", l) }

func (g *progGen) newTmp() string {
	g.tmp++
	return fmt.Sprintf("%%t%d", g.tmp)
}

func (g *progGen) newBlock(kind string) string {
	g.blk++
	return fmt.Sprintf("%s%d", kind, g.blk)
}

func (g *progGen) constant() string {
	switch g.r.Intn(8) {
	case 0:
		return "0"
	case 1:
		return "1"
	case 2:
		return "-1"
	case 3:
		return []string{"255", "256", "31", "32", "-57896044618658097711785492504343953926634992332820282019728792003956564819968"}[g.r.Intn(5)]
	}
	return fmt.Sprint(g.r.Intn(70))
}

func (g *progGen) calldata() string {
	t := g.newTmp()
	g.emit("%s = call i256 @evm.calldataload(i256 %d)", t, 4+32*g.r.Intn(3))
	return t
}

// small masks a value into a small range (slots, memory offsets).
func (g *progGen) small(x string, m int) string {
	t := g.newTmp()
	g.emit("%s = and i256 %s, %d", t, x, m)
	return t
}

func (g *progGen) expr(depth int, pure bool) string {
	if depth > 2 {
		switch g.r.Intn(3) {
		case 0:
			return g.constant()
		default:
			t := g.newTmp()
			g.emit("%s = load i256, i256* %s", t, g.vars[g.r.Intn(len(g.vars))])
			return t
		}
	}
	t := g.newTmp()
	switch g.r.Intn(14) {
	case 0:
		return g.constant()
	case 1, 2:
		g.emit("%s = load i256, i256* %s", t, g.vars[g.r.Intn(len(g.vars))])
	case 3:
		if !g.isMain {
			return g.expr(depth+1, pure)
		}
		return g.calldata()
	case 4:
		if pure {
			return g.expr(depth+1, pure)
		}
		a := g.small(g.expr(depth+1, pure), 7)
		op := []string{"sload", "tload", "mload"}[g.r.Intn(3)]
		if op == "mload" {
			a = g.small(a, 127)
		}
		g.emit("%s = call i256 @evm.%s(i256 %s)", t, op, a)
	case 5, 6, 7:
		op := []string{"add", "sub", "mul", "and", "or", "xor"}[g.r.Intn(6)]
		x, y := g.expr(depth+1, pure), g.expr(depth+1, pure)
		g.emit("%s = %s i256 %s, %s", t, op, x, y)
	case 8, 9:
		op := intrinsics2[g.r.Intn(len(intrinsics2))]
		x, y := g.expr(depth+1, pure), g.expr(depth+1, pure)
		g.emit("%s = call i256 @evm.%s(i256 %s, i256 %s)", t, op, x, y)
	case 10:
		op := []string{"addmod", "mulmod"}[g.r.Intn(2)]
		x, y, z := g.expr(depth+1, pure), g.expr(depth+1, pure), g.expr(depth+1, pure)
		g.emit("%s = call i256 @evm.%s(i256 %s, i256 %s, i256 %s)", t, op, x, y, z)
	case 11:
		c := g.cond(depth+1, pure)
		g.emit("%s = zext i1 %s to i256", t, c)
	case 12:
		if len(g.helpers) == 0 {
			return g.expr(depth+1, pure)
		}
		h := g.helpers[g.r.Intn(len(g.helpers))]
		if pure && !h.pure {
			return g.expr(depth+1, pure)
		}
		x, y := g.expr(depth+1, pure), g.expr(depth+1, pure)
		if h.pair {
			p := g.newTmp()
			g.emit("%s = call { i256, i256 } @%s(i256 %s, i256 %s)", p, h.name, x, y)
			g.emit("%s = extractvalue { i256, i256 } %s, %d", t, p, g.r.Intn(2))
			break
		}
		g.emit("%s = call i256 @%s(i256 %s, i256 %s)", t, h.name, x, y)
	case 13:
		if pure {
			return g.expr(depth+1, pure)
		}
		a := g.small(g.expr(depth+1, pure), 63)
		g.emit("%s = call i256 @evm.keccak256(i256 %s, i256 32)", t, a)
	}
	return t
}

func (g *progGen) cond(depth int, pure bool) string {
	t := g.newTmp()
	if g.r.Intn(3) == 0 {
		// iszero(x) as the frontend writes it, tested with icmp ne 0.
		x := g.expr(depth+1, pure)
		c, z := g.newTmp(), g.newTmp()
		g.emit("%s = icmp eq i256 %s, 0", c, x)
		g.emit("%s = zext i1 %s to i256", z, c)
		g.emit("%s = icmp ne i256 %s, 0", t, z)
		return t
	}
	pred := []string{"eq", "ne", "ult", "ugt", "slt", "sgt", "ule", "sge"}[g.r.Intn(8)]
	x, y := g.expr(depth+1, pure), g.expr(depth+1, pure)
	g.emit("%s = icmp %s i256 %s, %s", t, pred, x, y)
	return t
}

// stmts emits n statements and reports whether control left the list
// (the current block is terminated).
func (g *progGen) stmts(n, depth int, pure bool) bool {
	for i := 0; i < n; i++ {
		if g.stmt(depth, pure, i == n-1) {
			return true
		}
	}
	return false
}

func (g *progGen) stmt(depth int, pure, last bool) bool {
	k := g.r.Intn(16)
	if depth > 2 && k >= 6 {
		k = g.r.Intn(6)
	}
	switch k {
	case 0, 1, 2:
		v := g.vars[g.r.Intn(len(g.vars))]
		g.emit("store i256 %s, i256* %s", g.expr(0, pure), v)
	case 3:
		if pure {
			return false
		}
		slot := fmt.Sprint(g.r.Intn(4) * 32) // a constant slot, half of the time
		if g.r.Intn(2) == 0 {
			slot = g.small(g.expr(1, pure), 7)
		}
		op := []string{"sstore", "tstore", "mstore", "mstore8"}[g.r.Intn(4)]
		if op == "mstore" || op == "mstore8" {
			slot = g.small(slot, 127)
		}
		g.emit("call void @evm.%s(i256 %s, i256 %s)", op, slot, g.expr(0, pure))
	case 4:
		if pure {
			return false
		}
		g.emit("call void @evm.log1(i256 0, i256 64, i256 %s)", g.expr(1, pure))
	case 5:
		if pure || !g.isMain {
			return false
		}
		t := g.newTmp()
		g.emit("%s = call i256 @evm.call(i256 0, i256 %s, i256 0, i256 0, i256 0, i256 0, i256 0)", t, g.expr(2, pure))
		g.emit("store i256 %s, i256* %s", t, g.vars[g.r.Intn(len(g.vars))])
	case 6, 7, 8:
		c := g.cond(0, pure)
		then, els, join := g.newBlock("then"), g.newBlock("else"), g.newBlock("join")
		g.emit("br i1 %s, label %%%s, label %%%s", c, then, els)
		g.label(then)
		t1 := g.stmts(1+g.r.Intn(3), depth+1, pure)
		if !t1 {
			g.emit("br label %%%s", join)
		}
		g.label(els)
		t2 := false
		if g.r.Intn(2) == 0 {
			t2 = g.stmts(1+g.r.Intn(2), depth+1, pure)
		}
		if !t2 {
			g.emit("br label %%%s", join)
		}
		if t1 && t2 {
			return true
		}
		g.label(join)
	case 9, 10:
		g.loop(depth, pure)
	case 11:
		x := g.small(g.expr(1, pure), 3)
		join := g.newBlock("sjoin")
		cases := []string{g.newBlock("case"), g.newBlock("case")}
		def := g.newBlock("default")
		g.emit("switch i256 %s, label %%%s [ i256 0, label %%%s\n    i256 2, label %%%s ]", x, def, cases[0], cases[1])
		all := true
		for _, c := range append(cases, def) {
			g.label(c)
			if !g.stmts(1+g.r.Intn(2), depth+1, pure) {
				g.emit("br label %%%s", join)
				all = false
			}
		}
		if all {
			return true
		}
		g.label(join)
	case 12:
		if len(g.inLoop) == 0 {
			return false
		}
		l := g.inLoop[len(g.inLoop)-1]
		target := l.exit
		if g.r.Intn(2) == 0 {
			target = l.latch
		}
		c := g.cond(1, pure)
		cont := g.newBlock("cont")
		g.emit("br i1 %s, label %%%s, label %%%s", c, target, cont)
		g.label(cont)
	case 13:
		if !last {
			return false
		}
		if pure || g.r.Intn(3) == 0 {
			g.ret(pure)
			return true
		}
		switch g.r.Intn(5) {
		case 0:
			g.emit("call void @evm.stop()")
		default:
			op := []string{"revert", "return"}[g.r.Intn(2)]
			off := g.small(g.expr(2, pure), 63)
			g.emit("call void @evm.%s(i256 %s, i256 32)", op, off)
		}
		g.emit("unreachable")
		return true
	default:
		v := g.vars[g.r.Intn(len(g.vars))]
		g.emit("store i256 %s, i256* %s", g.expr(0, pure), v)
	}
	return false
}

// loop emits "for { let i := 0 } lt(i, n) { i := add(i, 1) } { … }" with a
// fresh counter variable.
func (g *progGen) loop(depth int, pure bool) {
	cnt := fmt.Sprintf("%%c%d", len(g.allocas))
	g.allocas = append(g.allocas, cnt)
	head, body, latch, exit := g.newBlock("head"), g.newBlock("body"), g.newBlock("latch"), g.newBlock("exit")
	g.emit("store i256 0, i256* %s", cnt)
	g.emit("br label %%%s", head)
	g.label(head)
	c, t := g.newTmp(), g.newTmp()
	g.emit("%s = load i256, i256* %s", c, cnt)
	g.emit("%s = icmp ult i256 %s, %d", t, c, 1+g.r.Intn(4))
	g.emit("br i1 %s, label %%%s, label %%%s", t, body, exit)
	g.label(body)
	g.inLoop = append(g.inLoop, loopLabels{latch, exit})
	term := g.stmts(1+g.r.Intn(3), depth+1, pure)
	g.inLoop = g.inLoop[:len(g.inLoop)-1]
	if !term {
		g.emit("br label %%%s", latch)
	}
	g.label(latch)
	c2, c3 := g.newTmp(), g.newTmp()
	g.emit("%s = load i256, i256* %s", c2, cnt)
	g.emit("%s = add i256 %s, 1", c3, c2)
	g.emit("store i256 %s, i256* %s", c3, cnt)
	g.emit("br label %%%s", head)
	g.label(exit)
}

// TestRandomProgramsBehaveTheSame compiles random frontend-shaped programs
// at every level (verifying after each pass) and compares the interpreter's
// observations with the unoptimized program's.
func TestRandomProgramsBehaveTheSame(t *testing.T) {
	n := 80
	if testing.Short() {
		n = 20
	}
	if v, err := strconv.Atoi(os.Getenv("SOLL_FUZZ_N")); err == nil {
		n = v // a longer hunt: SOLL_FUZZ_N=5000 go test ./ir/opt -run Random
	}
	r := rand.New(rand.NewSource(7))
	inputs := calldatas(r)
	for seed := int64(0); seed < int64(n); seed++ {
		src := genProgram(seed)
		before, err := asm.ParseString("gen.ll", src)
		if err != nil {
			t.Fatalf("seed %d: generated program does not parse: %v\n%s", seed, err, src)
		}
		if errs := ir.Verify(before); len(errs) > 0 {
			t.Fatalf("seed %d: generated program does not verify: %v\n%s", seed, errs, src)
		}
		want := make([]string, len(inputs))
		for i, cd := range inputs {
			want[i] = newMachine(cd).run(before)
		}
		// Every level, then every pass alone after mem2reg (so that passes
		// also see calls that -O2 would have inlined).
		type variant struct {
			name   string
			level  Level
			passes []pass
		}
		variants := []variant{{"-O0", O0, passes[:]}, {"-O1", O1, passes[:]}, {"-O2", O2, passes[:]}, {"-Os", Os, passes[:]}}
		for _, p := range passes[1:] {
			if p.fn != nil || p.name == "inline" {
				only := p
				only.required = true
				variants = append(variants, variant{"mem2reg+" + p.name, O0, []pass{passes[0], only}})
			}
		}
		for _, v := range variants {
			after, _ := asm.ParseString("gen.ll", src)
			if err := runObject(&ir.Object{Name: "gen", Code: after}, Options{Level: v.level, VerifyEach: true}, v.passes); err != nil {
				t.Fatalf("seed %d %s: %v\n%s", seed, v.name, err, src)
			}
			for i, cd := range inputs {
				got := newMachine(cd).run(after)
				if got != want[i] && !strings.Contains(want[i], "status limit") {
					t.Fatalf("seed %d %s calldata %x:\nbefore:\n%s\nafter:\n%s\nsource:\n%s\noptimized:\n%s",
						seed, v.name, cd, want[i], got, src, after)
				}
			}
		}
	}
}
