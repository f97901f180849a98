package yulinterp

import (
	"path/filepath"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/isoltest"
)

// TestInterpreterCorpus runs every yul/yulInterpreterTests file at -O0 and
// -O2. Every test that is not skipped must pass, and at most a third may be
// skipped.
func TestInterpreterCorpus(t *testing.T) {
	dir, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("corpus not found (../shared/corpus or $SOLL_CORPUS)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "yul", "yulInterpreterTests", "*.yul"))
	if len(files) == 0 {
		t.Fatal("no yulInterpreterTests in the corpus")
	}
	for _, level := range []opt.Level{opt.O0, opt.O2} {
		passed, failed, skipped := 0, 0, 0
		for _, f := range files {
			tc, err := Parse(f)
			if err != nil {
				t.Fatal(err)
			}
			r := Run(tc, level, evmversion.Default)
			switch r.Status {
			case "ok":
				passed++
			case "skip":
				skipped++
				t.Logf("%s %s: skipped: %s", level, filepath.Base(f), r.Reason)
			default:
				failed++
				t.Errorf("%s %s: %s", level, filepath.Base(f), r.Reason)
			}
		}
		t.Logf("%s: %d passed, %d failed, %d skipped of %d", level, passed, failed, skipped, len(files))
		if skipped*3 > len(files) {
			t.Errorf("%s: %d of %d tests skipped: more than a third", level, skipped, len(files))
		}
	}
}
