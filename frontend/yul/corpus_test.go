package yul

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/tests/isoltest"
)

// corpusDir finds the conformance corpus (isoltest.CorpusDir: $SOLL_CORPUS
// or ../shared/corpus next to the repository) and skips the test when there
// is none.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("conformance corpus not found (../shared/corpus next to the repository, or set SOLL_CORPUS)")
	}
	return dir
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
