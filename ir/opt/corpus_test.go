package opt_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
)

var corpusAll = flag.Bool("corpus-all", false, "run TestCorpus on every file of the corpus, not a sample")

// TestCorpus lowers solc's unoptimized Yul IR from the shared corpus with
// the Yul frontend and runs every -O level with verification after each
// pass. It checks a sample (every 15th file) unless -corpus-all is given,
// and skips when the corpus is absent.
func TestCorpus(t *testing.T) {
	root := os.Getenv("SOLL_CORPUS")
	if root == "" {
		root = "../../../shared/corpus"
	}
	files, _ := filepath.Glob(filepath.Join(root, "semantic", "*", "*.ir", "*.yul"))
	more, _ := filepath.Glob(filepath.Join(root, "semantic", "*.ir", "*.yul"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no corpus at " + root)
	}
	var inputs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".opt.yul") {
			inputs = append(inputs, f)
		}
	}
	if !*corpusAll {
		var sample []string
		for i := 0; i < len(inputs); i += 15 {
			sample = append(sample, inputs[i])
		}
		inputs = sample
	}
	skipped := 0
	var slowest time.Duration
	var slowFile string
	for _, file := range inputs {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, level := range []opt.Level{opt.O0, opt.O2} {
			var log source.Log
			obj := yul.Compile(source.NewFile(file, src), evmversion.Default, &log)
			if obj == nil || log.HasErrors() {
				skipped++ // a frontend limitation, not ours
				continue
			}
			if errs := ir.VerifyObject(obj); len(errs) > 0 {
				t.Logf("%s: the frontend's output does not verify: %v", file, errs[0])
				skipped++
				continue
			}
			start := time.Now()
			if err := opt.Run(obj, opt.Options{Level: level, VerifyEach: true}); err != nil {
				t.Errorf("%s %v: %v", file, level, err)
				continue
			}
			if d := time.Since(start); d > slowest {
				slowest, slowFile = d, file
			}
		}
	}
	t.Logf("%d files, %d compilations skipped; slowest %v (%s)", len(inputs), skipped, slowest, slowFile)
}
