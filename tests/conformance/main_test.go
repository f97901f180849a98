package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/tests/isoltest"
)

func corpusOrSkip(t *testing.T) string {
	t.Helper()
	dir, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("conformance corpus not found (set SOLL_CORPUS or put it at ../shared/corpus)")
	}
	return dir
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestSolcbinAndRatchet(t *testing.T) {
	dir := corpusOrSkip(t)
	ratchet := filepath.Join(t.TempDir(), "r.txt")
	o := options{corpus: dir, target: "evm", input: "solcbin", variant: "unopt", optLevel: "2",
		filter: "isoltestTesting/*", jobs: 2, ratchet: ratchet, updateRatchet: true}
	var out strings.Builder
	code, err := run(o, &out)
	if err != nil || code != 0 {
		t.Fatalf("run: %d %v\n%s", code, err, out.String())
	}
	if got := lastLine(out.String()); got != "10 passed, 0 failed, 0 skipped" {
		t.Errorf("last line %q\n%s", got, out.String())
	}
	if !strings.Contains(out.String(), "gas (ours/solc irOptimized, geometric mean): 1.0000 over") {
		t.Errorf("gas summary missing:\n%s", out.String())
	}
	data, err := os.ReadFile(ratchet)
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(listed) != 10 || listed[0] != "isoltestTesting/account.sol" {
		t.Errorf("ratchet %q", data)
	}

	// With a compiler that fails, the listed tests regress: exit status 1,
	// and the ratchet is never shrunk.
	o.input = "yul"
	o.compile = func(string, evmversion.Version, map[string]common.Address) (*compiler.Contract, error) {
		return nil, errors.New("no compiler")
	}
	out.Reset()
	code, err = run(o, &out)
	if err != nil || code != 1 {
		t.Fatalf("run: %d %v\n%s", code, err, out.String())
	}
	if got := lastLine(out.String()); got != "0 passed, 10 failed, 0 skipped" {
		t.Errorf("last line %q", got)
	}
	if !strings.Contains(out.String(), "FAIL isoltestTesting/account.sol: compiling: no compiler\n") ||
		!strings.Contains(out.String(), "RATCHET isoltestTesting/account.sol: listed in") {
		t.Errorf("output:\n%s", out.String())
	}
	if again, _ := os.ReadFile(ratchet); string(again) != string(data) {
		t.Errorf("ratchet changed to %q", again)
	}
}

func TestSkips(t *testing.T) {
	dir := corpusOrSkip(t)
	o := options{corpus: dir, target: "evm", input: "solcbin", variant: "opt", optLevel: "2",
		filter: "abiEncoderV1/*", jobs: 1}
	var out strings.Builder
	if _, err := run(o, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "skipped: legacy only (compileViaYul: false): ") {
		t.Errorf("no skip line:\n%s", out.String())
	}
	if !strings.HasSuffix(lastLine(out.String()), " skipped") || strings.HasSuffix(lastLine(out.String()), " 0 skipped") {
		t.Errorf("last line %q", lastLine(out.String()))
	}
	for _, bad := range []options{{target: "ewasm", input: "solcbin", variant: "unopt"}, {target: "wasm", input: "yul", variant: "unopt"}, {target: "evm", input: "sol", variant: "unopt"},
		{target: "evm", input: "yul", variant: "max"}} {
		bad.corpus, bad.optLevel = dir, "2"
		if _, err := run(bad, &out); err == nil {
			t.Errorf("options %+v accepted", bad)
		}
	}
}

func TestGlob(t *testing.T) {
	re := globRegexp("array/*push*.sol")
	for s, want := range map[string]bool{"array/push/array_push.sol": true, "array/x.sol": false, "arrays/push.sol": false} {
		if re.MatchString(s) != want {
			t.Errorf("glob match %s = %v", s, !want)
		}
	}
}

// TestEwasmTarget: soll's Ewasm modules on vm/ewasm, same output format,
// sizes instead of gas, constructor arguments in the soll.ctor-args section.
func TestEwasmTarget(t *testing.T) {
	dir := corpusOrSkip(t)
	o := options{corpus: dir, target: "ewasm", input: "yul", variant: "opt", optLevel: "2",
		filter: "constructor/constructor_arguments_*", jobs: 2}
	var out strings.Builder
	code, err := run(o, &out)
	if err != nil || code != 0 {
		t.Fatalf("run: %d %v\n%s", code, err, out.String())
	}
	if got := lastLine(out.String()); got != "2 passed, 0 failed, 0 skipped" {
		t.Errorf("last line %q\n%s", got, out.String())
	}
	if !strings.Contains(out.String(), "gas: not compared on Ewasm; runtime size (our Ewasm modules vs solc's EVM bin-runtime via IR): ") ||
		strings.Contains(out.String(), "geometric mean") {
		t.Errorf("summary:\n%s", out.String())
	}
}
