package evm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	sir "github.com/soll-dev/soll/ir"
)

func parseLL(ll string) (*sir.Object, error) {
	m, err := asm.ParseString("test.ll", ll)
	if err != nil {
		return nil, err
	}
	return &sir.Object{Name: "test", Code: m}, nil
}

// deepLL builds a function with n values live at once, summed at the end,
// called from main; with a memoryguard the backend must spill.
func deepLL(n int, guard bool) string {
	var b strings.Builder
	b.WriteString("declare void @evm.mstore(i256, i256)\ndeclare void @evm.return(i256, i256) noreturn\ndeclare i256 @evm.memoryguard(i256)\ndeclare i256 @evm.calldatasize()\n")
	b.WriteString("define i256 @deep(i256 %p, i256 %q) {\nentry:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  %%v%d = add i256 %%p, %d\n", i, i)
	}
	b.WriteString("  %s0 = add i256 %q, 0\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  %%s%d = add i256 %%s%d, %%v%d\n", i+1, i, i)
	}
	fmt.Fprintf(&b, "  ret i256 %%s%d\n}\n", n)
	b.WriteString("define void @main() {\nentry:\n")
	if guard {
		b.WriteString("  %g = call i256 @evm.memoryguard(i256 128)\n  call void @evm.mstore(i256 64, i256 %g)\n")
	}
	b.WriteString("  %c = call i256 @evm.calldatasize()\n  %r = call i256 @deep(i256 %c, i256 1000)\n  call void @evm.mstore(i256 0, i256 %r)\n  call void @evm.return(i256 0, i256 32)\n  unreachable\n}\n")
	return b.String()
}

func TestSpill(t *testing.T) {
	const n = 30
	out, err := runLL(t, deepLL(n, true), nil)
	if err != nil {
		t.Fatal(err)
	}
	// sum of i for i < n plus 1000 (p = calldatasize = 0)
	want := word(int64(1000 + n*(n-1)/2))
	if got := fmt.Sprintf("%x", out); got != want {
		t.Fatalf("got %s want %s", got, want)
	}
}

func TestStackTooDeepWithoutGuard(t *testing.T) {
	m, err := parseLL(deepLL(30, false))
	if err != nil {
		t.Fatal(err)
	}
	var log source.Log
	if art := Compile(m, Options{EVMVersion: evmversion.Cancun}, &log); art != nil {
		t.Fatal("expected failure")
	}
	errs := log.Errors()
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "stack too deep in deep") || !strings.Contains(errs[0].Message, "no memoryguard") {
		t.Fatalf("unexpected diagnostics: %v", errs)
	}
}
