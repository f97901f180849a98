package isoltest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm/evm"
)

// runWithSolcBytecode runs a corpus test with solc's own via-IR bytecode on
// the embedded EVM.
func runWithSolcBytecode(t *testing.T, dir, path, content string, v evmversion.Version) *Report {
	t.Helper()
	full := filepath.Join(dir, path)
	test, err := Parse(full, []byte(content))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	solc, err := LoadSolcOutput(strings.TrimSuffix(full, ".sol") + ".solc.json")
	if err != nil {
		t.Fatal(err)
	}
	env, err := solc.ViaIREnv(evm.New(evm.Config{Version: v}), v)
	if err != nil {
		t.Fatal(err)
	}
	return Run(test, env)
}

// TestSolcBytecode runs every semantic test that solc runs via IR with
// solc's own bytecode: runner and chain together must reproduce solc's
// expectations (outputs, revert data, events, builtins, libraries).
func TestSolcBytecode(t *testing.T) {
	dir := corpusOrSkip(t)
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Tests []struct {
			Path       string            `json:"path"`
			Kind       string            `json:"kind"`
			Status     string            `json:"status"`
			Settings   map[string]string `json:"settings"`
			EVMVersion string            `json:"evmVersion"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatal(err)
	}
	ran, passed, gasLines, gasEqual := 0, 0, 0, 0
	for _, m := range manifest.Tests {
		if m.Kind != "semantic" || m.Settings["compileViaYul"] == "false" || (m.Status != "ok" && m.Status != "legacy-error") {
			continue
		}
		if testing.Short() && ran >= 100 {
			break
		}
		v, err := evmversion.Parse(m.EVMVersion)
		if err != nil {
			t.Fatal(err)
		}
		content, err := os.ReadFile(filepath.Join(dir, m.Path))
		if err != nil {
			t.Fatal(err)
		}
		ran++
		rep := runWithSolcBytecode(t, dir, m.Path, string(content), v)
		if !rep.Passed() {
			t.Errorf("%s: %s", m.Path, rep.FirstProblem())
			continue
		}
		passed++
		for _, g := range rep.Gas {
			// solc checks gas lines for calls of at least 100,000 gas.
			if g.HasSolc && g.Used+g.CodeDeposit >= 100_000 {
				gasLines++
				if g.Used == g.Solc && g.CodeDeposit == g.SolcCode {
					gasEqual++
				} else {
					t.Errorf("%s:%d: gas %d (code %d), solc %d (code %d)", m.Path, g.Line, g.Used, g.CodeDeposit, g.Solc, g.SolcCode)
				}
			}
		}
	}
	t.Logf("%d/%d tests pass with solc's bytecode; %d/%d enforced gas lines equal", passed, ran, gasEqual, gasLines)
	if ran < 100 || gasLines == 0 && !testing.Short() {
		t.Errorf("ran %d tests, %d gas lines: corpus incomplete?", ran, gasLines)
	}
}

// TestSolcBytecodeDetectsMismatch: a wrong expectation must fail, at its
// line, with both sides printed.
func TestSolcBytecodeDetectsMismatch(t *testing.T) {
	dir := corpusOrSkip(t)
	path := "semantic/isoltestTesting/account.sol"
	content, err := os.ReadFile(filepath.Join(dir, path))
	if err != nil {
		t.Fatal(err)
	}
	good := "// who_am_i() -> 0x1212121212121212121212121212120000001012\n"
	bad := strings.Replace(string(content), good, "// who_am_i() -> 0x1212121212121212121212121212120000002012\n", 1)
	if bad == string(content) {
		t.Fatal("test file changed")
	}
	line := strings.Count(string(content)[:strings.Index(string(content), good)], "\n") + 1
	rep := runWithSolcBytecode(t, dir, path, bad, evmversion.Cancun)
	want := "wrong result: expected `who_am_i() -> 0x1212121212121212121212121212120000002012`, " +
		"got `who_am_i() -> 0x1212121212121212121212121212120000001012`"
	if len(rep.Failures) != 1 || rep.Failures[0].Line != line || !strings.HasSuffix(rep.Failures[0].OneLine(), want) {
		t.Errorf("failures %v, want one at line %d ending %s", rep.Failures, line, want)
	}
	// Events: drop a `~ emit` line of an events test.
	path = "semantic/events/event_indexed_mixed.sol"
	content, err = os.ReadFile(filepath.Join(dir, path))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(content), "\n")
	var kept []string
	dropped := false
	for _, l := range lines {
		if !dropped && strings.HasPrefix(l, "// ~ emit") {
			dropped = true
			continue
		}
		kept = append(kept, l)
	}
	if !dropped {
		t.Fatalf("%s has no ~ emit line", path)
	}
	rep = runWithSolcBytecode(t, dir, path, strings.Join(kept, "\n"), evmversion.Cancun)
	if len(rep.Failures) != 1 || rep.Failures[0].Reason != "side effects differ" || rep.Failures[0].Expected != "(none)" {
		t.Errorf("failures %v", rep.Failures)
	}
}
