package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/ewasmtrans"
	"github.com/soll-dev/soll/tests/syntaxtest"
	"github.com/soll-dev/soll/tests/yulinterp"
)

// runYulSets runs the corpus's Yul test sets with soll's pipeline:
// yulInterpreterTests (compiled, run on the EVM, dumps compared) and
// yulSyntaxTests (accept/reject and first error code). It prints one line
// per failure and a summary line per set, and returns the failures.
func runYulSets(o options, level opt.Level, out io.Writer) (int, error) {
	if o.filter != "" {
		return 0, nil // -filter selects semantic tests only
	}
	failed, err := runDumpSet(o, "yulInterpreterTests", out, func(t *yulinterp.Test) yulinterp.Result {
		return yulinterp.Run(t, level, evmversion.Default)
	})
	if err != nil {
		return 0, err
	}
	var files []string
	filepath.WalkDir(filepath.Join(o.corpus, "yul", "yulSyntaxTests"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".yul" {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	var sp, sf, ss int
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return 0, err
		}
		rel, _ := filepath.Rel(o.corpus, p)
		f := syntaxtest.Parse(rel, data)
		if why := syntaxtest.SkipYul(f); why != "" {
			ss++
			continue
		}
		oc, err := syntaxtest.RunYul(f)
		if err != nil {
			return 0, err
		}
		if oc.Agrees() && (!oc.SolcRejects || oc.CodeAgrees) {
			sp++
			continue
		}
		sf++
		got := "accepts"
		if oc.SollRejects {
			got = syntaxtest.Format(oc.Got[0])
		}
		want := "accepts"
		if oc.Want != nil {
			want = oc.Want.String()
		}
		fmt.Fprintf(out, "FAIL %s: solc %s; soll %s\n", rel, firstLine(want), firstLine(got))
	}
	fmt.Fprintf(out, "yulSyntaxTests: %d passed, %d failed, %d skipped\n", sp, sf, ss)
	return failed + sf, nil
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}

// runEwasmSets runs the Yul test set of the Ewasm target:
// ewasmTranslationTests (compiled to Ewasm, run in vm/ewasm, trace and
// dumps compared). It prints one line per failure and a summary line, and
// returns the failures.
func runEwasmSets(o options, level opt.Level, out io.Writer) (int, error) {
	if o.filter != "" {
		return 0, nil // -filter selects semantic tests only
	}
	return runDumpSet(o, "ewasmTranslationTests", out, func(t *yulinterp.Test) yulinterp.Result {
		return ewasmtrans.Run(t, level, evmversion.Default)
	})
}

// runDumpSet runs the tests of the corpus folder yul/<set> (the
// interpreter's format: trace and dumps) with run, prints a line per
// failure (and per skip with -v) and the summary line, and returns the
// failures.
func runDumpSet(o options, set string, out io.Writer, run func(*yulinterp.Test) yulinterp.Result) (int, error) {
	files, _ := filepath.Glob(filepath.Join(o.corpus, "yul", set, "*.yul"))
	sort.Strings(files)
	var passed, failed, skipped int
	for _, f := range files {
		t, err := yulinterp.Parse(f)
		if err != nil {
			return 0, err
		}
		r := run(t)
		rel, _ := filepath.Rel(o.corpus, f)
		switch r.Status {
		case "ok":
			passed++
		case "skip":
			skipped++
			if o.verbose {
				fmt.Fprintf(out, "SKIP %s: %s\n", rel, r.Reason)
			}
		default:
			failed++
			fmt.Fprintf(out, "FAIL %s: %s\n", rel, firstLine(r.Reason))
		}
	}
	fmt.Fprintf(out, "%s: %d passed, %d failed, %d skipped\n", set, passed, failed, skipped)
	return failed, nil
}
