package yul

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDir finds the conformance corpus: $SOLL_CORPUS, or ../shared/corpus
// next to the repository root (the directory holding go.mod). It skips the
// test when there is none.
func corpusDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("SOLL_CORPUS"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package directory; cannot locate the corpus")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(c); err != nil {
		t.Skipf("conformance corpus not found at %s (set SOLL_CORPUS)", c)
	}
	return c
}

// corpusIRFiles lists solc's IR files of the semantic tests
// (semantic/**/*.ir/*.yul), sorted.
func corpusIRFiles(t testing.TB) []string {
	root := filepath.Join(corpusDir(t), "semantic")
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".yul") && strings.HasSuffix(filepath.Dir(path), ".ir") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("corpus has no IR files")
	}
	return files
}
