package yul

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

// addSeeds seeds a fuzz target with the golden inputs and a few snippets
// that exercise the lexer's error paths.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yul"))
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"{}", "{ let x := 0x1g }", `{ let s := "a\q" }`, `{ let h := hex"abc" }`, "{ /* open",
		"object \"A\" { code { } data \"d\" hex\"00\" }", "{ for {} 1 {} { break } }",
		"{ function f(a, b) -> c, d { leave } let x, y := f(1, 2) }", "{ switch 1 case 1 {} default {} }",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse: the parser never panics, and it returns an object exactly
// when it reports no error.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var log source.Log
		obj := Parse(source.NewFile("fuzz.yul", data), &log)
		if (obj == nil) != log.HasErrors() {
			t.Fatalf("Parse returned %v with errors=%v", obj != nil, log.HasErrors())
		}
	})
}

// FuzzLower: parse, analyze and lower never panic; when there is no error,
// the IR passes the verifier and its text parses back with llir's asm.
func FuzzLower(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var log source.Log
		obj := Compile(source.NewFile("fuzz.yul", data), evmversion.Default, &log)
		if obj == nil {
			if !log.HasErrors() {
				t.Fatal("Compile returned nil without an error")
			}
			return
		}
		for _, err := range ir.VerifyObject(obj) {
			t.Errorf("verifier: %v", err)
		}
		obj.Walk(func(o *ir.Object) {
			if o.Code == nil {
				return
			}
			if _, err := asm.ParseString("fuzz.ll", o.Code.String()); err != nil {
				t.Errorf("object %q: IR does not parse back: %v\n%s", o.Name, err, o.Code)
			}
		})
	})
}
