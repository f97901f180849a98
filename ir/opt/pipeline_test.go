package opt

import (
	"bytes"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir"
)

const smallModule = `
declare void @evm.sstore(i256, i256)
define void @main() {
entry:
  %x = alloca i256
  store i256 3, i256* %x
  %v = load i256, i256* %x
  %w = add i256 %v, 4
  call void @evm.sstore(i256 0, i256 %w)
  ret void
}
`

func parseObject(t *testing.T, src string) *ir.Object {
	t.Helper()
	m, err := asm.ParseString("test.ll", src)
	if err != nil {
		t.Fatal(err)
	}
	return &ir.Object{Name: "C", Code: m}
}

func TestVerifyEachNamesTheBrokenPass(t *testing.T) {
	obj := parseObject(t, smallModule)
	breaker := pass{name: "breaker", required: true, fn: func(f *llvm.Func, _ *Context) bool {
		f.Blocks[0].Insts = f.Blocks[0].Insts[1:] // drops the definition of %w
		return true
	}}
	list := []pass{passes[0], breaker, passes[1]}
	err := runObject(obj, Options{Level: O2, VerifyEach: true}, list)
	if err == nil {
		t.Fatal("broken IR was not caught")
	}
	msg := err.Error()
	if !strings.Contains(msg, `object "C": pass "breaker" broke the IR`) || !strings.Contains(msg, "not in this function") {
		t.Fatalf("error does not name the pass and the problem: %v", err)
	}
}

func TestVerifyEachRejectsBadInput(t *testing.T) {
	obj := parseObject(t, "define void @main() {\nentry:\n  ret i256 1\n}")
	err := Run(obj, Options{Level: O0, VerifyEach: true})
	if err == nil || !strings.Contains(err.Error(), "invalid IR before optimization") {
		t.Fatalf("got %v", err)
	}
}

func TestPrintAfter(t *testing.T) {
	obj := parseObject(t, smallModule)
	var buf bytes.Buffer
	if err := Run(obj, Options{Level: O2, PrintAfter: "fold", Out: &buf}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, name := range []string{"early fold", "fold", "late fold"} {
		if !strings.Contains(out, `; *** IR of object "C" after `+name+" ***") {
			t.Errorf("no dump after %q", name)
		}
	}
	if strings.Contains(out, "after mem2reg") {
		t.Errorf("dumped after a pass that was not asked for")
	}
	// After early fold the sstore stores the constant 7.
	if !strings.Contains(out, "call void @evm.sstore(i256 0, i256 7)") {
		t.Errorf("fold did not produce 7:\n%s", out)
	}
}

func TestLevelsRunTheirPasses(t *testing.T) {
	for _, tc := range []struct {
		level Level
		want  string
	}{
		{O0, "%w = add i256 3, 4"},
		{O1, "call void @evm.sstore(i256 0, i256 7)"},
		{O2, "call void @evm.sstore(i256 0, i256 7)"},
		{Os, "call void @evm.sstore(i256 0, i256 7)"},
	} {
		obj := parseObject(t, smallModule)
		if err := Run(obj, Options{Level: tc.level, VerifyEach: true}); err != nil {
			t.Fatal(err)
		}
		got := obj.Code.String()
		if !strings.Contains(got, tc.want) || strings.Contains(got, "alloca") {
			t.Errorf("%v: want %q and no alloca, got\n%s", tc.level, tc.want, got)
		}
	}
}

func TestRunWalksSubObjects(t *testing.T) {
	root := parseObject(t, smallModule)
	sub := parseObject(t, smallModule)
	sub.Name = "C_deployed"
	root.Subs = []*ir.Object{sub, {Name: "meta", Data: []byte("x")}}
	if err := Run(root, Options{Level: O0, VerifyEach: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sub.Code.String(), "alloca") {
		t.Fatal("sub-object was not optimized")
	}
}

func TestParseLevel(t *testing.T) {
	for s, want := range map[string]Level{"-O0": O0, "O1": O1, "2": O2, "-Os": Os, "": O2} {
		got, err := ParseLevel(s)
		if err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseLevel("-O3"); err == nil {
		t.Error("-O3 accepted")
	}
}

func TestEVMVersionGatesNewOpcodes(t *testing.T) {
	const src = `
declare i256 @evm.calldataload(i256)
declare i256 @evm.exp(i256, i256)
declare void @evm.sstore(i256, i256)
define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  %e = call i256 @evm.exp(i256 2, i256 %x)
  call void @evm.sstore(i256 0, i256 %e)
  ret void
}
`
	for _, tc := range []struct {
		v    evmversion.Version
		want string
	}{
		{evmversion.Byzantium, "@evm.exp(i256 2, i256 %x)"},
		{evmversion.Constantinople, "@evm.shl(i256 %x, i256 1)"},
	} {
		obj := parseObject(t, src)
		if err := Run(obj, Options{Level: O2, VerifyEach: true, EVMVersion: tc.v}); err != nil {
			t.Fatal(err)
		}
		if got := obj.Code.String(); !strings.Contains(got, tc.want) {
			t.Errorf("%v: want %s in\n%s", tc.v, tc.want, got)
		}
	}
}
