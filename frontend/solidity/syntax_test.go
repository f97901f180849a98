package solidity

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
)

// The measure (corpus README, "Syntax and analysis tests"): a file whose
// first expected error is a ParserError must be rejected at the parsing
// stage, with the same first error code and start offset where possible;
// any other file must be accepted at the parsing stage (or rejected with
// exactly solc's first error, which solc's parser itself reports).
//
// Committed thresholds of the syntaxTests agreement (percent). Raise them
// when the parser improves; the test fails when a number drops below.
// Measured on the dev split: 235/235 rejected, 2267/2274 accepted (the 7
// others need experimental Solidity's built-in std library, or Yul's
// inline-assembly dialect without object builtins), 235/235 same code and
// start. The thresholds leave a little room for the holdout split.
const (
	minRejectPct    = 99.0 // files whose first error is a ParserError, rejected
	minAcceptPct    = 99.6 // other files, accepted at the parsing stage
	minSameCodePct  = 97.0 // of files both reject: same first error code
	minSameStartPct = 97.0 // of files both reject: same first error start
)

// syntaxResult is the outcome of one syntax test at the parsing stage.
type syntaxResult struct {
	path        string
	want        *expectation // nil: solc accepts (at parsing)
	got         *source.Diagnostic
	gotStart    int
	gotSrc      string
	wantParser  bool
	rejected    bool
	sameCode    bool
	sameStart   bool
	description string
}

// runSyntaxTest parses one syntax test as solc's test framework compiles
// it (every unit with the preamble, no import callback) and compares the
// first error with solc's.
func runSyntaxTest(path string, content []byte) syntaxResult {
	tf := splitTestFile(string(content))
	r := syntaxResult{path: path, want: tf.firstError()}
	r.wantParser = r.want != nil && r.want.kind == "ParserError"
	evm := testEVMVersion(tf.settings["EVMVersion"])
	pre := map[string]int{}
	var srcs []Source
	for _, s := range tf.sources {
		p := preamble(string(s.Content))
		pre[s.Name] = len(p)
		srcs = append(srcs, Source{Name: s.Name, Content: append([]byte(p), s.Content...)})
	}
	_, diags := Parse(srcs, Options{EVMVersion: &evm, NoImportCallback: true, NoPragmaWarning: true, Jobs: 1})
	for i := range diags {
		if diags[i].Severity == source.Error {
			r.got = &diags[i]
			break
		}
	}
	r.rejected = r.got != nil
	if r.got != nil {
		r.gotStart = -1
		if r.got.Span.File != nil {
			r.gotSrc = r.got.Span.File.Name
			if r.got.Span.Start >= 0 {
				r.gotStart = r.got.Span.Start - pre[r.gotSrc]
			}
		}
	}
	if r.want != nil && r.rejected {
		r.sameCode = r.got.Code == r.want.code && r.got.Kind == r.want.kind
		wantStart := -1
		if r.want.hasLoc {
			wantStart = r.want.start
		}
		r.sameStart = r.gotStart == wantStart && (r.want.src == "" || r.want.src == r.gotSrc)
	}
	if r.got != nil {
		r.description = fmt.Sprintf("got %s %d (%s:%d): %s", r.got.Kind, r.got.Code, r.gotSrc, r.gotStart, r.got.Message)
	} else {
		r.description = "got no error"
	}
	if r.want != nil {
		r.description += fmt.Sprintf("; want %s %d (%s:%d): %s", r.want.kind, r.want.code, r.want.src, r.want.start, r.want.message)
	}
	return r
}

func TestSyntaxTests(t *testing.T) {
	root := filepath.Join(corpusDir(t), "syntax", "syntaxTests")
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".sol") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil || len(paths) == 0 {
		t.Skipf("no syntax tests under %s (%v)", root, err)
	}
	sort.Strings(paths)
	var nParser, nReject, nOther, nAccept, nBoth, nCode, nStart int
	var report []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := runSyntaxTest(p, b)
		rel, _ := filepath.Rel(root, p)
		if r.wantParser {
			nParser++
			if r.rejected {
				nReject++
				nBoth++
				if r.sameCode {
					nCode++
				}
				if r.sameStart {
					nStart++
				}
				if !r.sameCode || !r.sameStart {
					report = append(report, "MISMATCH "+rel+": "+r.description)
				}
			} else {
				report = append(report, "ACCEPTED "+rel+": "+r.description)
			}
		} else {
			nOther++
			// solc's Yul parser reports some analysis errors (e.g. 8149
			// `leave` outside a function) while parsing; reporting the same
			// first error agrees with solc.
			if !r.rejected || r.sameCode && r.sameStart {
				nAccept++
			} else {
				report = append(report, "REJECTED "+rel+": "+r.description)
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	rejectPct, acceptPct := pct(nReject, nParser), pct(nAccept, nOther)
	codePct, startPct := pct(nCode, nBoth), pct(nStart, nBoth)
	t.Logf("syntaxTests: %d files", len(paths))
	t.Logf("rejected %d/%d files whose first error is a ParserError (%.1f%%)", nReject, nParser, rejectPct)
	t.Logf("accepted %d/%d other files at the parsing stage (%.2f%%)", nAccept, nOther, acceptPct)
	t.Logf("same first error code %d/%d (%.1f%%), same start offset %d/%d (%.1f%%)", nCode, nBoth, codePct, nStart, nBoth, startPct)
	if out := os.Getenv("SOLL_SYNTAX_REPORT"); out != "" {
		if err := os.WriteFile(out, []byte(strings.Join(report, "\n")+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
	if rejectPct < minRejectPct || acceptPct < minAcceptPct || codePct < minSameCodePct || startPct < minSameStartPct {
		for _, l := range report {
			t.Log(l)
		}
		t.Errorf("syntaxTests agreement below the committed thresholds (reject ≥ %.1f%%, accept ≥ %.1f%%, code ≥ %.1f%%, start ≥ %.1f%%)",
			minRejectPct, minAcceptPct, minSameCodePct, minSameStartPct)
	}
}
