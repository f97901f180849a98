package solidity

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
)

// corpusDir finds solc's conformance corpus: $SOLL_CORPUS, or
// ../shared/corpus next to the repository root (the directory holding
// go.mod). Tests that need it skip when it is absent.
func corpusDir(t testing.TB) string {
	if d := os.Getenv("SOLL_CORPUS"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		t.Skipf("SOLL_CORPUS=%s is not a directory", d)
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("no working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("corpus not found: no go.mod above the working directory; set SOLL_CORPUS")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if st, err := os.Stat(c); err != nil || !st.IsDir() {
		t.Skipf("corpus not found at %s; set SOLL_CORPUS to run corpus tests", c)
	}
	return c
}

// testFile is a solc test file split into its parts (corpus README,
// "Sources" and "Syntax and analysis tests").
type testFile struct {
	sources  []Source // in file order; "" is the unnamed unit
	external map[string]string
	settings map[string]string
	expect   []expectation
}

// expectation is one `// Kind code: (src:start-end): message` line.
type expectation struct {
	kind    string
	code    int
	src     string
	start   int
	end     int
	hasLoc  bool
	message string
}

var expectRe = regexp.MustCompile(`^// (\w+)(?: (\d+))?: (?:\((?:([^():]*):)?(-?\d+)-(-?\d+)\): )?(.*)$`)

// splitTestFile splits a test file. External sources are returned as
// name → path (relative to the test's folder), not read.
func splitTestFile(content string) testFile {
	tf := testFile{external: map[string]string{}, settings: map[string]string{}}
	lines := strings.SplitAfter(content, "\n")
	name := ""
	var cur strings.Builder
	open := false
	flush := func(last bool) {
		if open || cur.Len() > 0 || last {
			tf.sources = append(tf.sources, Source{Name: name, Content: []byte(cur.String())})
		}
		cur.Reset()
	}
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r\n")
		if line == "// ====" || line == "// ----" {
			break
		}
		switch {
		case strings.HasPrefix(line, "==== Source:") && strings.HasSuffix(line, "===="):
			flush(false)
			name = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "==== Source:"), "===="))
			open = true
			continue
		case strings.HasPrefix(line, "==== ExternalSource:") && strings.HasSuffix(line, "===="):
			spec := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "==== ExternalSource:"), "===="))
			n, p := spec, spec
			if eq := strings.IndexByte(spec, '='); eq >= 0 {
				n, p = spec[:eq], spec[eq+1:]
			}
			tf.external[n] = p
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
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
					tf.settings[strings.TrimSpace(kv[:c])] = strings.TrimSpace(kv[c+1:])
				}
			}
		}
	}
	for i++; i < len(lines); i++ {
		m := expectRe.FindStringSubmatch(strings.TrimRight(lines[i], "\r\n"))
		if m == nil {
			continue
		}
		e := expectation{kind: m[1], src: m[3], message: m[6]}
		e.code, _ = strconv.Atoi(m[2])
		if m[4] != "" {
			e.hasLoc = true
			e.start, _ = strconv.Atoi(m[4])
			e.end, _ = strconv.Atoi(m[5])
		}
		tf.expect = append(tf.expect, e)
	}
	return tf
}

var errorKinds = map[string]bool{
	"ParserError": true, "DeclarationError": true, "SyntaxError": true, "TypeError": true,
	"DocstringParsingError": true, "UnimplementedFeatureError": true, "CodeGenerationError": true,
}

// firstError is the first expected error-kind diagnostic, nil if solc
// accepts the file.
func (tf *testFile) firstError() *expectation {
	for i := range tf.expect {
		if errorKinds[tf.expect[i].kind] {
			return &tf.expect[i]
		}
	}
	return nil
}

// preamble is what solc's test framework puts before every source unit.
func preamble(src string) string {
	p := "pragma solidity >=0.0;\n"
	if !strings.Contains(src, "SPDX-License-Identifier:") {
		p += "// SPDX-License-Identifier: GPL-3.0\n"
	}
	return p
}

// testEVMVersion picks the EVM version a test ran on: solc's default
// unless the EVMVersion setting excludes it, then the nearest one that
// satisfies it (corpus README, "How the artifacts were compiled").
func testEVMVersion(setting string) evmversion.Version {
	if setting == "" {
		return evmversion.Default
	}
	op := strings.TrimRight(setting, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	v, err := evmversion.Parse(setting[len(op):])
	if err != nil {
		return evmversion.Default
	}
	ok := func(x evmversion.Version) bool {
		switch op {
		case ">=":
			return x >= v
		case ">":
			return x > v
		case "<":
			return x < v
		case "<=":
			return x <= v
		case "=":
			return x == v
		case "!":
			return x != v
		}
		return true
	}
	if ok(evmversion.Default) {
		return evmversion.Default
	}
	best, bestDist := evmversion.Default, 1<<30
	for _, x := range evmversion.All() {
		d := int(x) - int(evmversion.Default)
		if d < 0 {
			d = -d
		}
		if ok(x) && d < bestDist {
			best, bestDist = x, d
		}
	}
	return best
}
