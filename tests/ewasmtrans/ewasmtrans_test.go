package ewasmtrans

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/isoltest"
	"github.com/soll-dev/soll/tests/yulinterp"
)

func corpusFiles(t *testing.T) []string {
	t.Helper()
	dir, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("conformance corpus not found (set SOLL_CORPUS or put it at ../shared/corpus)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "yul", "ewasmTranslationTests", "*.yul"))
	if len(files) == 0 {
		t.Skip("no ewasmTranslationTests in the corpus")
	}
	sort.Strings(files)
	return files
}

// TestCorpus runs every translation test at -O0 and -O2.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	for _, level := range []opt.Level{opt.O0, opt.O2} {
		passed, skipped := 0, 0
		for _, f := range files {
			test, err := Parse(f)
			if err != nil {
				t.Fatal(err)
			}
			r := Run(test, level, evmversion.Default)
			switch r.Status {
			case "ok":
				passed++
			case "skip":
				skipped++
				t.Logf("skip %s: %s", filepath.Base(f), r.Reason)
			default:
				t.Errorf("%v %s: %s", level, filepath.Base(f), r.Reason)
			}
		}
		t.Logf("%v: %d passed, %d skipped of %d", level, passed, skipped, len(files))
		if passed*10 < len(files)*9 {
			t.Errorf("%v: %d of %d passed, want at least 90%%", level, passed, len(files))
		}
	}
}

// TestExecute checks the dumps of a small program exactly: the state is
// taken before the failure rolls it back, EVM memory starts at its base.
func TestExecute(t *testing.T) {
	src := `{ mstore(0x20, 0x1234) sstore(1, 2) log1(0, 0, 7) sstore(3, origin()) invalid() }`
	test := &yulinterp.Test{Path: "t.yul", Source: src,
		Trace:  []string{"  LOG1()", "  INVALID()"},
		Memory: []string{"     0: 00000000000000000000000000000000000000000000000000000000000000ff", "    60: 0000000000000000000000000000000000000000000000000000000000001234"},
		Storage: []string{
			"  0000000000000000000000000000000000000000000000000000000000000001: 0000000000000000000000000000000000000000000000000000000000000002",
			"  0000000000000000000000000000000000000000000000000000000000000003: 0000000000000000000000000000000000000000000000000000000033333333",
		}}
	if r := Run(test, opt.O0, evmversion.Default); r.Status != "ok" {
		t.Errorf("run: %s %s", r.Status, r.Reason)
	}
	test.Storage = test.Storage[:1]
	if r := Run(test, opt.O0, evmversion.Default); r.Status != "fail" || !strings.Contains(r.Reason, "storage dump differs") {
		t.Errorf("wrong storage expectation: %s %s", r.Status, r.Reason)
	}
}

func TestEVMMemory(t *testing.T) {
	got, err := evmMemory([]string{"  20: 01", "  40: 02", " 1A0: 03"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"     0: 02", "   160: 03"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("evmMemory = %q, want %q", got, want)
	}
}

// TestInterpreterAnswers checks the host's model of the interpreter's
// made-up results: gas left, code, call results (gas & 1, nothing runs),
// call value, return data size, external code size.
func TestInterpreterAnswers(t *testing.T) {
	src := `{
		sstore(1, gas())
		sstore(2, codesize())
		codecopy(0, 16, 8)
		sstore(3, mload(0))
		sstore(4, staticcall(7, 0x1234, 0, 0, 0, 0))
		sstore(5, call(6, 0x1234, 0, 0, 0, 0, 0))
		sstore(6, callvalue())
		sstore(7, returndatasize())
		sstore(8, extcodesize(address()))
	}`
	slot := func(k, v string) string {
		return fmt.Sprintf("  %064s: %064s", k, v)
	}
	test := &yulinterp.Test{Path: "t.yul", Source: src,
		Trace:  []string{"STATICCALL()", "CALL()"},
		Memory: []string{"    40: 636f646500000000000000000000000000000000000000000000000000000000"},
		Storage: []string{
			slot("1", "99"),
			slot("2", "14"),
			slot("3", "636f646500000000000000000000000000000000000000000000000000000000"),
			slot("4", "1"),
			slot("6", "55555555"),
			slot("8", "77b"),
		}}
	for _, level := range []opt.Level{opt.O0, opt.O2} {
		if r := Run(test, level, evmversion.Default); r.Status != "ok" {
			t.Errorf("%v: %s %s", level, r.Status, r.Reason)
		}
	}
}
