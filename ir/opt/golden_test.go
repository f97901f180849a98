package opt

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/ir"
)

var update = flag.Bool("update", false, "rewrite the golden *.out.ll files")

// TestGolden runs every testdata/<pass>/*.ll through one pass (or, for
// testdata/O0 … testdata/Os, through the whole pipeline at that level),
// verifies the IR before and after, and compares the printed module with
// the matching *.out.ll.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("testdata", d.Name(), "*.ll"))
		for _, file := range files {
			if strings.HasSuffix(file, ".out.ll") {
				continue
			}
			t.Run(d.Name()+"/"+filepath.Base(file), func(t *testing.T) {
				runGolden(t, d.Name(), file)
			})
		}
	}
}

func runGolden(t *testing.T, pass, file string) {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := asm.ParseString(file, string(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if errs := ir.Verify(m); len(errs) > 0 {
		t.Fatalf("input does not verify: %v", errs)
	}
	obj := &ir.Object{Name: "test", Code: m}
	if strings.HasPrefix(pass, "O") {
		level, err := ParseLevel(pass)
		if err != nil {
			t.Fatal(err)
		}
		if err := Run(obj, Options{Level: level, VerifyEach: true}); err != nil {
			t.Fatal(err)
		}
	} else if _, err := RunPass(pass, obj); err != nil {
		t.Fatal(err)
	}
	if errs := ir.Verify(m); len(errs) > 0 {
		t.Fatalf("output does not verify: %v\n%s", errs, m)
	}
	got := m.String()
	// The output must parse back.
	if _, err := asm.ParseString("out.ll", got); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, got)
	}
	golden := strings.TrimSuffix(file, ".ll") + ".out.ll"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./ir/opt -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", file, golden, got, want)
	}
}
