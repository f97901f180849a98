package solidity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with the file at path (rewriting it with -update).
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run with -update to accept):\n%s", path, diffLines(string(want), got))
	}
}

// diffLines shows the first differing lines.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, a, b)
		}
	}
	return ""
}

func parseText(name, text string) (*SourceUnit, []source.Diagnostic) {
	log := &source.Log{}
	u := ParseFile(source.NewFile(name, []byte(text)), Options{}, log)
	return u, log.Diagnostics()
}

// TestGoldenAST dumps the AST of representative files: every construct of
// the grammar, with solc's spans.
func TestGoldenAST(t *testing.T) {
	files, _ := filepath.Glob("testdata/ast/*.sol")
	if len(files) == 0 {
		t.Fatal("no testdata/ast/*.sol")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			u, diags := parseText(filepath.Base(f), string(b))
			var out strings.Builder
			for _, d := range diags {
				out.WriteString("// " + d.Short() + "\n")
				if d.Severity == source.Error {
					t.Errorf("unexpected error: %s", d.Short())
				}
			}
			out.WriteString(Dump(u))
			golden(t, strings.TrimSuffix(f, ".sol")+".golden", out.String())
		})
	}
}

// TestGoldenErrors renders the diagnostics of broken files as a user sees
// them: every syntax error of the file (recovery), with line, caret and
// solc's code.
func TestGoldenErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.sol")
	if len(files) == 0 {
		t.Fatal("no testdata/errors/*.sol")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, diags := parseText(filepath.Base(f), string(b))
			var out strings.Builder
			errors := 0
			for _, d := range diags {
				out.WriteString(d.Human())
				if d.Severity == source.Error {
					errors++
				}
			}
			if errors == 0 {
				t.Error("no errors reported")
			}
			golden(t, strings.TrimSuffix(f, ".sol")+".golden", out.String())
		})
	}
}
