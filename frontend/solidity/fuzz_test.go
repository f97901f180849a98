package solidity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
)

// FuzzParse checks that no input makes the parser panic or hang, that
// every diagnostic lies inside the file, and that the spans of the AST's
// top-level nodes are well formed. Seeds: the golden inputs and a sample
// of the corpus' syntax tests when present.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.sol")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	if dir := os.Getenv("SOLL_CORPUS"); dir != "" {
		n := 0
		_ = filepath.Walk(filepath.Join(dir, "syntax", "syntaxTests"), func(p string, info os.FileInfo, err error) error {
			if err == nil && strings.HasSuffix(p, ".sol") && n < 400 {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
					n++
				}
			}
			return nil
		})
	}
	f.Add([]byte("contract C { function f() public { assembly { let x := 1 } } }"))
	f.Add([]byte("pragma experimental solidity;\nforall (A) function f(x: A) -> A { return x; }"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := source.NewFile("fuzz.sol", data)
		log := &source.Log{}
		u := ParseFile(file, Options{}, log)
		for _, d := range log.Diagnostics() {
			s := d.Span
			if s.File == nil || s.Start == -1 && s.End == -1 {
				continue
			}
			if s.Start < 0 || s.End < s.Start || s.End > len(data) {
				t.Fatalf("diagnostic span %d-%d outside the file (%d bytes): %s", s.Start, s.End, len(data), d.Short())
			}
			_ = d.Human()
		}
		for _, n := range u.Decls {
			s := n.Span()
			if s.Start < 0 || s.End < s.Start || s.End > len(data) {
				t.Fatalf("node span %d-%d outside the file (%d bytes)", s.Start, s.End, len(data))
			}
		}
		_ = Dump(u)
	})
}
