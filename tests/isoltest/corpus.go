package isoltest

import (
	"os"
	"path/filepath"
)

// CorpusDir finds the conformance corpus: $SOLL_CORPUS, else
// ../shared/corpus next to the repository root (the folder holding go.mod),
// searched upwards from the working directory. ok is false when absent.
func CorpusDir() (dir string, ok bool) {
	if d := os.Getenv("SOLL_CORPUS"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "manifest.json")); err == nil {
			return d, true
		}
		return d, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(d, "..", "shared", "corpus")
			if _, err := os.Stat(filepath.Join(c, "manifest.json")); err == nil {
				return filepath.Clean(c), true
			}
			return "", false
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}
