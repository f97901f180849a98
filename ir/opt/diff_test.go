package opt

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llir/llvm/asm"
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// calldatas are the inputs every differential test runs main on.
func calldatas(r *rand.Rand) [][]byte {
	out := [][]byte{
		nil,
		{0xa0, 0x8a, 0x5b, 0x8e},
		make([]byte, 100),
	}
	ff := make([]byte, 100)
	for i := range ff {
		ff[i] = 0xff
	}
	out = append(out, ff)
	for i := 0; i < 6; i++ {
		b := make([]byte, 4+32*3)
		for j := range b {
			// Small words are more interesting than random 256-bit ones.
			if j%32 >= 28 || r.Intn(8) == 0 {
				b[j] = byte(r.Intn(256))
			}
		}
		out = append(out, b)
	}
	return out
}

// TestGoldenInputsBehaveTheSame runs every golden input with a main
// function through its own pass and through each -O level, and compares
// what the interpreter observes before and after.
func TestGoldenInputsBehaveTheSame(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.ll")
	r := rand.New(rand.NewSource(1))
	inputs := calldatas(r)
	for _, file := range files {
		if strings.HasSuffix(file, ".out.ll") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "define void @main()") {
			continue
		}
		dir := filepath.Base(filepath.Dir(file))
		variants := []string{"O0", "O1", "O2", "Os"}
		if !strings.HasPrefix(dir, "O") {
			variants = append(variants, dir)
		}
		for _, v := range variants {
			t.Run(file+"/"+v, func(t *testing.T) {
				before := parseMust(t, string(src))
				after := parseMust(t, string(src))
				obj := &ir.Object{Name: "t", Code: after}
				if strings.HasPrefix(v, "O") {
					level, _ := ParseLevel(v)
					if err := Run(obj, Options{Level: level, VerifyEach: true}); err != nil {
						t.Fatal(err)
					}
				} else if _, err := RunPass(v, obj); err != nil {
					t.Fatal(err)
				}
				for _, cd := range inputs {
					want := newMachine(cd).run(before)
					got := newMachine(cd).run(after)
					if got != want {
						t.Fatalf("calldata %x:\nbefore:\n%s\nafter:\n%s\noptimized IR:\n%s", cd, want, got, after)
					}
				}
			})
		}
	}
}

func parseMust(t *testing.T, src string) *llvm.Module {
	t.Helper()
	m, err := asm.ParseString("t.ll", src)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
