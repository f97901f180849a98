package compiler

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/soll-dev/soll/tests/isoltest"
)

// corpusIR returns up to n of the corpus's IR files (unoptimized and
// optimized), spread over the corpus.
func corpusIR(t *testing.T, n int) []Source {
	dir, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("corpus not found (../shared/corpus or $SOLL_CORPUS)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "semantic", "*", "*.ir", "*.yul"))
	sort.Strings(files)
	var out []Source
	step := max(len(files)/n, 1)
	for i := 0; i < len(files) && len(out) < n; i += step {
		b, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Source{Name: files[i], Content: b})
	}
	return out
}

// TestDeterministic compiles the same sources twice, sequentially and in
// parallel, for both targets, and requires byte-identical artifacts. A
// quarter of the corpus's IR files is used (map-order bugs in colouring and
// jump threading showed up on only one file of the corpus).
func TestDeterministic(t *testing.T) {
	srcs := corpusIR(t, 600)
	for _, target := range []Target{EVM, Ewasm} {
		opts := DefaultOptions()
		opts.Lang = Yul
		opts.Target = target
		opts.Jobs = 1
		a := Compile(srcs, opts)
		opts.Jobs = 8
		b := Compile(srcs, opts)
		if len(a.Contracts) != len(b.Contracts) || len(a.Contracts) < len(srcs)*9/10 {
			t.Fatalf("%d vs %d contracts of %d sources", len(a.Contracts), len(b.Contracts), len(srcs))
		}
		for i := range a.Contracts {
			ca, cb := a.Contracts[i], b.Contracts[i]
			if ca.Key != cb.Key || !bytes.Equal(ca.DeployCode(nil), cb.DeployCode(nil)) || (target == EVM && ca.LLVM() != cb.LLVM()) {
				t.Errorf("%s (%v): output differs between -j1 and -j8", ca.Key, target)
			}
		}
	}
}

func llvmAs(t *testing.T) string {
	for _, p := range []string{"llvm-as", "/usr/lib/llvm-14/bin/llvm-as", "/usr/lib/llvm-15/bin/llvm-as", "/usr/lib/llvm-16/bin/llvm-as"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("llvm-as not found: .ci/run installs Debian's llvm package")
	}
	t.Skip("llvm-as not found (install Debian's llvm package)")
	return ""
}

// TestEmittedLLVMAssembles checks that LLVM's own llvm-as accepts the .ll
// soll emits, at -O0 and -O2.
func TestEmittedLLVMAssembles(t *testing.T) {
	as := llvmAs(t)
	srcs := corpusIR(t, 12)
	dir := t.TempDir()
	for _, level := range []string{"O0", "O2"} {
		opts := DefaultOptions()
		opts.Lang = Yul
		if level == "O0" {
			opts.Opt = 0
		}
		res := Compile(srcs, opts)
		if res.HasErrors() {
			t.Fatal(res.Diagnostics[0].Short())
		}
		n := 0
		for _, c := range res.Contracts {
			for path, text := range c.LLVMModules() {
				f := filepath.Join(dir, level+"-"+filepath.Base(path)+".ll")
				if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(as, "-o", os.DevNull, f).CombinedOutput()
				if err != nil {
					t.Errorf("%s %s: llvm-as rejects the IR: %v\n%s", level, path, err, out)
				}
				n++
			}
		}
		t.Logf("%s: llvm-as accepted %d modules", level, n)
	}
}
