package solidity

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
)

// semanticSources reads a semantic test's source units as solc's test
// framework compiles them: split, ExternalSource files read, and the
// preamble (corpus README, "Sources") in front of each unit.
func semanticSources(path string) ([]Source, map[string]string, bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, false, err
	}
	tf := splitTestFile(string(b))
	var srcs []Source
	for name, rel := range tf.external {
		c, err := os.ReadFile(filepath.Join(filepath.Dir(path), filepath.Clean(rel)))
		if err != nil {
			return nil, nil, false, err
		}
		srcs = append(srcs, Source{Name: name, Content: c})
	}
	srcs = append(srcs, tf.sources...)
	v1 := tf.settings["ABIEncoderV1Only"] == "true"
	yulMain := false
	for i, s := range srcs {
		text := string(s.Content)
		if i == len(srcs)-1 {
			t := strings.TrimSpace(stripComments(text))
			yulMain = strings.HasPrefix(t, "{") || strings.HasPrefix(t, "object")
		}
		p := preamble(text)
		if v1 && !strings.Contains(text, "pragma abicoder") && !strings.Contains(text, "pragma experimental ABIEncoderV2;") {
			p += "pragma abicoder v1;\n"
		}
		srcs[i].Content = append([]byte(p), s.Content...)
	}
	return srcs, tf.settings, yulMain, nil
}

func stripComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "//"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s, "*/")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		default:
			return s
		}
	}
}

// semanticTests lists the semantic test files (not the helper sources in
// `_` folders).
func semanticTests(t testing.TB) []string {
	root := filepath.Join(corpusDir(t), "semantic")
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), "_") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".sol") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil || len(paths) == 0 {
		t.Skipf("no semantic tests under %s (%v)", root, err)
	}
	sort.Strings(paths)
	return paths
}

// TestSemanticCorpusParses parses every source of every semantic test (with
// its external sources and the test framework's preamble): solc compiled
// all of them, so none may have a syntax error.
func TestSemanticCorpusParses(t *testing.T) {
	paths := semanticTests(t)
	units, files, yulFiles := 0, 0, 0
	for _, p := range paths {
		srcs, settings, yulMain, err := semanticSources(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if yulMain {
			yulFiles++
			continue
		}
		files++
		evm := testEVMVersion(settings["EVMVersion"])
		prog, diags := Parse(srcs, Options{EVMVersion: &evm, NoImportCallback: true, NoPragmaWarning: true, Jobs: 1})
		units += len(prog.Units)
		for _, d := range diags {
			if d.Severity == source.Error {
				t.Errorf("%s: %s", p, d.Short())
			}
		}
	}
	t.Logf("semantic corpus: %d test files (%d source units) parsed, %d Yul tests skipped", files, units, yulFiles)
}
