package yul

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// Committed thresholds for solc's yulSyntaxTests (dev split): the test
// fails when agreement drops below them. Raise them when soll improves.
const (
	minAcceptRejectAgreement = 100.0 // percent of files
	minFirstErrorAgreement   = 100.0 // percent of rejected files
)

// expectedDiag is one line of a test's expectations.
type expectedDiag struct {
	kind       string
	code       int
	start, end int
	hasSpan    bool
	msg        string
}

func (d expectedDiag) isError() bool { return d.kind != "Warning" && d.kind != "Info" }

// syntaxTest is one file of yulSyntaxTests: its source, settings and
// expected diagnostics.
type syntaxTest struct {
	name     string
	src      []byte
	settings map[string]string
	expect   []expectedDiag
}

func parseSyntaxTest(name string, data []byte) syntaxTest {
	t := syntaxTest{name: name, src: data, settings: map[string]string{}}
	text := string(data)
	lines := strings.SplitAfter(text, "\n")
	mode := 0 // 0 source, 1 settings, 2 expectations
	for _, line := range lines {
		trimmed := strings.TrimRight(line, "\r\n")
		switch {
		case trimmed == "// ====" && mode == 0:
			mode = 1
			continue
		case trimmed == "// ----":
			mode = 2
			continue
		}
		switch mode {
		case 1:
			if k, v, ok := strings.Cut(strings.TrimPrefix(trimmed, "// "), ":"); ok {
				t.settings[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		case 2:
			body := strings.TrimPrefix(trimmed, "//")
			body = strings.TrimPrefix(body, " ")
			if d, ok := parseExpectation(body); ok {
				t.expect = append(t.expect, d)
			} else if len(t.expect) > 0 && body != "" {
				t.expect[len(t.expect)-1].msg += "\n" + body
			}
		}
	}
	return t
}

// parseExpectation parses "Kind code: (start-end): message".
func parseExpectation(s string) (expectedDiag, bool) {
	var d expectedDiag
	kind, rest, ok := strings.Cut(s, " ")
	if !ok {
		return d, false
	}
	switch kind {
	case "ParserError", "DeclarationError", "SyntaxError", "TypeError", "Warning", "Info",
		"DocstringParsingError", "UnimplementedFeatureError", "CodeGenerationError":
	default:
		return d, false
	}
	d.kind = kind
	codeStr, rest, ok := strings.Cut(rest, ": ")
	if !ok {
		return d, false
	}
	code, err := strconv.Atoi(codeStr)
	if err != nil {
		return d, false
	}
	d.code = code
	if strings.HasPrefix(rest, "(") {
		if span, msg, ok := strings.Cut(rest[1:], "): "); ok {
			a, b, _ := strings.Cut(span, "-")
			d.start, _ = strconv.Atoi(a)
			d.end, _ = strconv.Atoi(b)
			d.hasSpan = true
			rest = msg
		}
	}
	d.msg = rest
	return d, true
}

// versionFor picks the EVM version a test runs on: solc's default when
// the test's EVMVersion constraint allows it, else the newest version that
// satisfies it.
func versionFor(constraint string) (evmversion.Version, bool) {
	if constraint == "" {
		return evmversion.Default, true
	}
	op := ""
	for _, p := range []string{">=", "<=", ">", "<", "="} {
		if strings.HasPrefix(constraint, p) {
			op, constraint = p, strings.TrimSpace(constraint[len(p):])
			break
		}
	}
	v, err := evmversion.Parse(constraint)
	if err != nil {
		return 0, false
	}
	ok := func(x evmversion.Version) bool {
		switch op {
		case ">=":
			return x >= v
		case "<=":
			return x <= v
		case ">":
			return x > v
		case "<":
			return x < v
		}
		return x == v
	}
	if ok(evmversion.Default) {
		return evmversion.Default, true
	}
	all := evmversion.All()
	for i := len(all) - 1; i >= 0; i-- {
		if ok(all[i]) {
			return all[i], true
		}
	}
	return 0, false
}

// firstError is the error with the smallest start offset (ties: the first
// listed), so that solc's report order and soll's do not matter.
func firstExpectedError(ds []expectedDiag) *expectedDiag {
	var first *expectedDiag
	for i := range ds {
		d := &ds[i]
		if d.isError() && (first == nil || d.start < first.start) {
			first = d
		}
	}
	return first
}

// TestSyntaxTests runs solc's yulSyntaxTests through Parse + Analyze and
// measures agreement with solc: on accepting/rejecting each file, and on
// the code of the first error of rejected files.
func TestSyntaxTests(t *testing.T) {
	dir := filepath.Join(corpusDir(t), "yul", "yulSyntaxTests")
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yul") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no yulSyntaxTests in the corpus")
	}
	var run, agree, rejected, codeAgree, exact int
	skipped := map[string]int{}
	for _, path := range files {
		rel, _ := filepath.Rel(dir, path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		st := parseSyntaxTest(rel, data)
		if d := st.settings["dialect"]; d != "" && d != "evm" {
			skipped["dialect "+d]++
			continue
		}
		if f := st.settings["bytecodeFormat"]; strings.Contains(f, "EOF") {
			skipped["bytecodeFormat "+f]++
			continue
		}
		v, ok := versionFor(st.settings["EVMVersion"])
		if !ok {
			skipped["EVMVersion "+st.settings["EVMVersion"]]++
			continue
		}
		run++
		var log source.Log
		f := source.NewFile(rel, st.src)
		if obj := ParseVersion(f, v, &log); obj != nil {
			Analyze(obj, v, &log)
		}
		got := log.Errors()
		want := firstExpectedError(st.expect)
		if (want != nil) == (len(got) > 0) {
			agree++
		} else {
			t.Logf("%s: solc %s, soll %s\n  solc: %v\n  soll:\n%s", rel, verdict(want != nil), verdict(len(got) > 0), st.expect, renderDiags(log.Diagnostics()))
		}
		if want == nil {
			continue
		}
		rejected++
		if len(got) > 0 && got[0].Code == want.code {
			codeAgree++
			if got[0].Span.Start == want.start && got[0].Span.End == want.end {
				exact++
			} else {
				t.Logf("%s: first error %d at (%d-%d), solc at (%d-%d)", rel, want.code, got[0].Span.Start, got[0].Span.End, want.start, want.end)
			}
		} else if len(got) > 0 {
			t.Logf("%s: first error %s, solc %s %d: (%d-%d): %s", rel, solcDiag(got[0]), want.kind, want.code, want.start, want.end, want.msg)
		}
	}
	accept := 100 * float64(agree) / float64(run)
	code := 100 * float64(codeAgree) / float64(max(rejected, 1))
	t.Logf("yulSyntaxTests: %d files, %d run, skipped %v", len(files), run, skipped)
	t.Logf("accept/reject agreement: %d/%d = %.1f%%", agree, run, accept)
	t.Logf("first-error code agreement: %d/%d = %.1f%% (location too: %d)", codeAgree, rejected, code, exact)
	if accept < minAcceptRejectAgreement {
		t.Errorf("accept/reject agreement %.1f%% below the committed %.1f%%", accept, minAcceptRejectAgreement)
	}
	if code < minFirstErrorAgreement {
		t.Errorf("first-error agreement %.1f%% below the committed %.1f%%", code, minFirstErrorAgreement)
	}
}

func verdict(reject bool) string {
	if reject {
		return "rejects"
	}
	return "accepts"
}
