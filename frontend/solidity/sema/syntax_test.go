package sema

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/tests/isoltest"
)

// Committed thresholds of the syntaxTests agreement at the analysis stage
// (percent). Raise them when the analysis improves.
const (
	minAgreePct     = 93.1 // same accept/reject as solc
	minFirstCodePct = 93.5 // of the files both reject: solc's first error code
)

// syntaxFile is a syntax test split into sources, settings and expected
// diagnostics.
type syntaxFile struct {
	sources  []solidity.Source
	settings map[string]string
	expect   []expectedDiag
}

type expectedDiag struct {
	kind  string
	code  int
	src   string
	start int
	loc   bool
}

var expectLine = regexp.MustCompile(`^// (\w+)(?: (\d+))?: (?:\((?:([^():]*):)?(-?\d+)-(-?\d+)\): )?`)

func splitSyntaxFile(content string) syntaxFile {
	sf := syntaxFile{settings: map[string]string{}}
	lines := strings.SplitAfter(content, "\n")
	name, open := "", false
	var cur strings.Builder
	flush := func(last bool) {
		if open || cur.Len() > 0 || last {
			sf.sources = append(sf.sources, solidity.Source{Name: name, Content: []byte(cur.String())})
		}
		cur.Reset()
	}
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r\n")
		if line == "// ====" || line == "// ----" {
			break
		}
		if strings.HasPrefix(line, "==== Source:") && strings.HasSuffix(line, "====") {
			flush(false)
			name = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "==== Source:"), "===="))
			open = true
			continue
		}
		cur.WriteString(line + "\n")
	}
	flush(true)
	if i < len(lines) && strings.TrimRight(lines[i], "\r\n") == "// ====" {
		for i++; i < len(lines); i++ {
			line := strings.TrimRight(lines[i], "\r\n")
			if line == "// ----" {
				break
			}
			if kv := strings.TrimPrefix(line, "// "); kv != line {
				if c := strings.Index(kv, ":"); c >= 0 {
					sf.settings[strings.TrimSpace(kv[:c])] = strings.TrimSpace(kv[c+1:])
				}
			}
		}
	}
	for i++; i < len(lines); i++ {
		m := expectLine.FindStringSubmatch(strings.TrimRight(lines[i], "\r\n"))
		if m == nil {
			continue
		}
		e := expectedDiag{kind: m[1], src: m[3]}
		e.code, _ = strconv.Atoi(m[2])
		if m[4] != "" {
			e.loc = true
			e.start, _ = strconv.Atoi(m[4])
		}
		sf.expect = append(sf.expect, e)
	}
	return sf
}

var errorKinds = map[string]bool{
	"ParserError": true, "DeclarationError": true, "SyntaxError": true, "TypeError": true,
	"DocstringParsingError": true, "UnimplementedFeatureError": true, "CodeGenerationError": true,
}

func syntaxPreamble(src string) string {
	p := "pragma solidity >=0.0;\n"
	if !strings.Contains(src, "SPDX-License-Identifier:") {
		p += "// SPDX-License-Identifier: GPL-3.0\n"
	}
	return p
}

// syntaxEVMVersion is the EVM version a syntax test runs on.
func syntaxEVMVersion(setting string) evmversion.Version {
	if setting == "" {
		return evmversion.Default
	}
	if ok, err := isoltest.EVMVersionAllows(setting, evmversion.Default); err == nil && ok {
		return evmversion.Default
	}
	best, dist := evmversion.Default, 1<<30
	for _, v := range evmversion.All() {
		if ok, err := isoltest.EVMVersionAllows(setting, v); err == nil && ok {
			d := int(v) - int(evmversion.Default)
			if d < 0 {
				d = -d
			}
			if d < dist {
				best, dist = v, d
			}
		}
	}
	return best
}

// syntaxOutcome is soll's first error on a syntax test (nil: accepted),
// with its start relative to the source without the preamble.
type syntaxOutcome struct {
	first *source.Diagnostic
	start int
	src   string
}

func runSyntax(sf syntaxFile) syntaxOutcome {
	evm := syntaxEVMVersion(sf.settings["EVMVersion"])
	pre := map[string]int{}
	var srcs []solidity.Source
	for _, s := range sf.sources {
		p := syntaxPreamble(string(s.Content))
		pre[s.Name] = len(p)
		srcs = append(srcs, solidity.Source{Name: s.Name, Content: append([]byte(p), s.Content...)})
	}
	prog, diags := solidity.Parse(srcs, solidity.Options{EVMVersion: &evm, NoImportCallback: true, NoPragmaWarning: true, Jobs: 1})
	if !hasError(diags) && sf.settings["stopAfter"] != "parsing" {
		_, sd := Analyze(prog, Options{EVMVersion: &evm})
		diags = append(diags, sd...)
	}
	var o syntaxOutcome
	for i := range diags {
		if diags[i].Severity == source.Error {
			o.first = &diags[i]
			o.start = -1
			if f := diags[i].Span.File; f != nil {
				o.src = f.Name
				o.start = diags[i].Span.Start - pre[f.Name]
			}
			break
		}
	}
	return o
}

func hasError(ds []source.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == source.Error {
			return true
		}
	}
	return false
}

func TestSyntaxTests(t *testing.T) {
	root := filepath.Join(corpusDir(t), "syntax", "syntaxTests")
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".sol") {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) == 0 {
		t.Skip("no syntax tests")
	}
	sort.Strings(paths)
	var agree, both, sameCode, sameStart, falseReject, falseAccept int
	var report []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sf := splitSyntaxFile(string(b))
		var want *expectedDiag
		for i := range sf.expect {
			if errorKinds[sf.expect[i].kind] {
				want = &sf.expect[i]
				break
			}
		}
		got := runSyntax(sf)
		if got.first != nil && got.first.Kind == source.CompilerError {
			t.Errorf("%s: internal error: %s", p, got.first.Message)
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case want == nil && got.first == nil:
			agree++
		case want != nil && got.first != nil:
			agree++
			both++
			if got.first.Code == want.code {
				sameCode++
				if !want.loc || want.start == got.start {
					sameStart++
				}
			} else {
				report = append(report, fmt.Sprintf("CODE %s: got %s %d (%d): %s; want %s %d (%d)", rel, got.first.Kind, got.first.Code, got.start, got.first.Message, want.kind, want.code, want.start))
			}
		case want == nil:
			falseReject++
			report = append(report, fmt.Sprintf("REJECTED %s: %s %d (%d): %s", rel, got.first.Kind, got.first.Code, got.start, got.first.Message))
		default:
			falseAccept++
			report = append(report, fmt.Sprintf("ACCEPTED %s: want %s %d (%d)", rel, want.kind, want.code, want.start))
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	agreePct, codePct := pct(agree, len(paths)), pct(sameCode, both)
	t.Logf("syntaxTests: %d files; same accept/reject %d (%.2f%%): %d wrongly rejected, %d wrongly accepted", len(paths), agree, agreePct, falseReject, falseAccept)
	t.Logf("both reject %d: same first code %d (%.2f%%), same code and start %d (%.2f%%)", both, sameCode, codePct, sameStart, pct(sameStart, both))
	if out := os.Getenv("SOLL_SYNTAX_REPORT"); out != "" {
		_ = os.WriteFile(out, []byte(strings.Join(report, "\n")+"\n"), 0o644)
	}
	if agreePct < minAgreePct || codePct < minFirstCodePct {
		t.Errorf("below the committed thresholds (agreement ≥ %.1f%%, first code ≥ %.1f%%)", minAgreePct, minFirstCodePct)
	}
}
