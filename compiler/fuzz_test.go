package compiler

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/soll-dev/soll/ir/opt"
)

// FuzzCompile runs whole Yul compilations (parse, analyze, lower, optimize,
// EVM code generation) on arbitrary input: any outcome but a panic is fine,
// and a compilation without errors must produce bytecode.
//
//	go test -run '^$' -fuzz FuzzCompile ./compiler
func FuzzCompile(f *testing.F) {
	// Small seeds keep the fuzzer fast (it minimizes every new input).
	seeds, _ := filepath.Glob("../cmd/soll/testdata/*.yul")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("{ let x := calldataload(0) for {} lt(x, 10) { x := add(x, 1) } { sstore(x, x) } }"))
	f.Add([]byte("{ function f(a, b) -> c, d { c := b d := a } let p, q := f(1, 2) mstore(p, q) }"))
	f.Add([]byte("object \"A\" { code { datacopy(0, dataoffset(\"B\"), datasize(\"B\")) return(0, datasize(\"B\")) } object \"B\" { code { switch calldataload(0) case 1 { revert(0, 0) } default { return(0, msize()) } } } data \"D\" hex\"00ff\" }"))
	f.Add([]byte("{ mstore(0x40, memoryguard(0x80)) function r(n) -> m { if n { m := add(r(sub(n, 1)), 1) leave } m := 0 } sstore(0, r(calldataload(0))) }"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, level := range []opt.Level{opt.O0, opt.O2} {
			opts := DefaultOptions()
			opts.Lang = Yul
			opts.Opt = level
			opts.VerifyIR = true
			res := Compile([]Source{{Name: "fuzz.yul", Content: src}}, opts)
			if !res.HasErrors() && (len(res.Contracts) != 1 || len(res.Contracts[0].EVM.Creation.Code) == 0) {
				t.Fatalf("no errors but no bytecode")
			}
		}
	})
}
