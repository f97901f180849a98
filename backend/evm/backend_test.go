package evm

import (
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	sir "github.com/soll-dev/soll/ir"
)

// runLL compiles a one-object module written as .ll text and runs its code
// in go-ethereum's runtime, returning the output.
func runLL(t *testing.T, ll string, input []byte) ([]byte, error) {
	t.Helper()
	m, err := asm.ParseString("test.ll", ll)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	obj := &sir.Object{Name: "test", Code: m}
	var log source.Log
	art := Compile(obj, Options{EVMVersion: evmversion.Cancun}, &log)
	if log.HasErrors() {
		t.Fatalf("compile: %v", log.Diagnostics())
	}
	out, _, err := runtime.Execute(art.Creation.Code, input, nil)
	return out, err
}

func word(v int64) string {
	b := make([]byte, 32)
	new(big.Int).SetInt64(v).FillBytes(b)
	return hex.EncodeToString(b)
}

// The cases live in testdata/*.ll; the first line of each is a comment
// "; expect: <hex output>" (words joined).
func TestRunLL(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ll")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			want, ok := strings.CutPrefix(first, "; expect: ")
			if !ok {
				t.Fatalf("%s: first line must be '; expect: <words>'", f)
			}
			var wantHex strings.Builder
			for _, w := range strings.Fields(want) {
				n, ok := new(big.Int).SetString(w, 0)
				if !ok {
					t.Fatalf("bad expected word %q", w)
				}
				b := make([]byte, 32)
				n.FillBytes(b)
				wantHex.WriteString(hex.EncodeToString(b))
			}
			out, err := runLL(t, string(src), nil)
			if err != nil {
				t.Fatalf("execution failed: %v", err)
			}
			if got := hex.EncodeToString(out); got != wantHex.String() {
				t.Errorf("output\n got %s\nwant %s", got, wantHex.String())
			}
		})
	}
}
