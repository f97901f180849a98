package syntaxtest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/tests/isoltest"
)

// Committed thresholds for solc's yulSyntaxTests (dev split): the test
// fails when agreement drops below them. Raise them when soll improves.
const (
	minYulAcceptReject = 100.0 // percent of files run
	minYulFirstCode    = 100.0 // percent of files both reject
)

// TestYulSyntaxTests runs solc's yulSyntaxTests through soll's Yul parser and
// analysis and measures agreement with solc: accepting/rejecting each file,
// and the code (and span) of the first error of rejected files.
func TestYulSyntaxTests(t *testing.T) {
	corpus, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("corpus not found (../shared/corpus or $SOLL_CORPUS)")
	}
	dir := filepath.Join(corpus, "yul", "yulSyntaxTests")
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yul") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no yulSyntaxTests in the corpus")
	}
	var run, agree, bothReject, code, span int
	skipped := map[string]int{}
	for _, p := range files {
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := Parse(rel, data)
		if why := SkipYul(f); why != "" {
			skipped[why]++
			continue
		}
		o, err := RunYul(f)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		run++
		if o.Agrees() {
			agree++
		} else {
			t.Logf("%s: solc rejects=%v, soll rejects=%v (solc: %v)", rel, o.SolcRejects, o.SollRejects, o.Want)
		}
		if o.SolcRejects && o.SollRejects {
			bothReject++
			if o.CodeAgrees {
				code++
			} else {
				t.Logf("%s: first error %s, solc %s", rel, Format(o.Got[0]), o.Want)
			}
			if o.SpanAgrees {
				span++
			}
		}
	}
	acc := 100 * float64(agree) / float64(max(run, 1))
	first := 100 * float64(code) / float64(max(bothReject, 1))
	t.Logf("yulSyntaxTests: %d files, %d run, skipped %v", len(files), run, skipped)
	t.Logf("accept/reject agreement %d/%d = %.1f%%; first error code %d/%d = %.1f%% (span too: %d)", agree, run, acc, code, bothReject, first, span)
	if acc < minYulAcceptReject {
		t.Errorf("accept/reject agreement %.1f%% below the committed %.1f%%", acc, minYulAcceptReject)
	}
	if first < minYulFirstCode {
		t.Errorf("first-error code agreement %.1f%% below the committed %.1f%%", first, minYulFirstCode)
	}
}

func TestParseExpect(t *testing.T) {
	f := Parse("x.sol", []byte("contract C {}\n// ====\n// EVMVersion: >=london\n// ----\n// TypeError 9574: (71-96): Type uint256 is not implicitly convertible.\n// Warning 2072: (a.sol:50-56): Unused local variable.\n// DeclarationError 7576: Undeclared.\n//   continued\n"))
	if f.Settings["EVMVersion"] != ">=london" || len(f.Expect) != 3 {
		t.Fatalf("parsed %+v", f)
	}
	want := []string{
		"TypeError 9574: (71-96): Type uint256 is not implicitly convertible.",
		"Warning 2072: (a.sol:50-56): Unused local variable.",
		"DeclarationError 7576: Undeclared.\n  continued",
	}
	for i, w := range want {
		if got := f.Expect[i].String(); got != w {
			t.Errorf("expect %d = %q, want %q", i, got, w)
		}
	}
	if fe := f.FirstError(); fe == nil || fe.Code != 7576 {
		t.Errorf("first error %v, want the span-less 7576 (offset 0)", fe)
	}
}
