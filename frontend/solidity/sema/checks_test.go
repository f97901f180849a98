package sema

import (
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// TestContractAndFlowChecks checks the first error of small programs
// against solc's code and span for the checks after name resolution.
func TestContractAndFlowChecks(t *testing.T) {
	const pre = "// SPDX-License-Identifier: GPL-3.0\npragma solidity >=0.0;\n"
	cases := []struct {
		src        string
		code       int
		start, end int // relative to the source after pre
	}{
		{"contract A { function f() public virtual {} }\ncontract B is A { function f() public {} }", 9456, 64, 86},
		{"contract A { function f() public {} }\ncontract B is A { function f() public override {} }", 4334, 13, 35},
		{"contract C { function f() public {} function f() public {} }", 1686, 13, 35},
		{"contract C { uint x; function f() public pure returns (uint) { return x; } }", 2527, 70, 71},
		{"contract C { uint x; function f() public view { x = 1; } }", 8961, 48, 49},
		{"contract C { function f() public { uint[] storage x; x; } }", 3464, 53, 54},
		{"contract C { constructor() { new C(); } }", 7813, 29, 34},
		{"contract C { uint this; }", 3726, 13, 22},
		{"contract C { function f(mapping(uint => uint) storage) public {} }", 6651, 24, 53},
		{"contract C { function f() public { uint[] storage x; x = x; } }", 0, 0, 0},
	}
	evm := evmversion.Default
	for _, c := range cases {
		prog, pd := solidity.Parse([]solidity.Source{{Name: "a.sol", Content: []byte(pre + c.src)}}, solidity.Options{EVMVersion: &evm, NoImportCallback: true, NoPragmaWarning: true, Jobs: 1})
		if hasError(pd) {
			t.Fatalf("%s: parse error %v", c.src, pd)
		}
		_, diags := Analyze(prog, Options{EVMVersion: &evm})
		var first *source.Diagnostic
		for i := range diags {
			if diags[i].Severity == source.Error {
				first = &diags[i]
				break
			}
		}
		if c.code == 0 {
			if first != nil {
				t.Errorf("%s: unexpected error %d: %s", c.src, first.Code, first.Message)
			}
			continue
		}
		if first == nil {
			t.Errorf("%s: accepted, want error %d", c.src, c.code)
			continue
		}
		if first.Code != c.code || first.Span.Start-len(pre) != c.start || first.Span.End-len(pre) != c.end {
			t.Errorf("%s: got %d (%d-%d) %s; want %d (%d-%d)", c.src, first.Code, first.Span.Start-len(pre), first.Span.End-len(pre), first.Message, c.code, c.start, c.end)
		}
	}
}
