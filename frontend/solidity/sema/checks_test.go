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
	cases := []firstErrorCase{
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
		{"pragma abicoder v1; contract C { function f() public pure returns (uint[][] memory) {} }", 4957, 67, 82},
		{"contract D {} contract C { function f() public { new D{value: 1}(); } }", 7006, 49, 64},
		{"contract C { function g() internal {} function f() public { g{gas: 1}(); } }", 2193, 60, 69},
		{"contract C { function g(int) public {} function f() public { abi.encodeCall(this.g, (\"x\")); } }", 5407, 84, 89},
		{"contract C { function g() public {} function f() public { abi.encodeCall(g, ()); } }", 3509, 73, 74},
		{"contract C { function f() public pure { bytes.concat(true); } }", 8015, 53, 57},
		{"contract C { function f() public pure { string.concat(1); } }", 9977, 54, 55},
		{"abstract contract A {} contract C { function f() public { new A(); } }", 4614, 58, 63},
		{"contract C { mapping(uint => uint) m; mapping(uint => uint) n; function f() public { m = n; } }", 9214, 85, 86},
		{"contract C { function g(uint a, uint b) public {} function f() public { g({a: 1, a: 2}); } }", 6995, 78, 79},
		{"contract C { function g(uint a) public {} function f() public { g({b: 1}); } }", 4974, 64, 73},
		{"pragma abicoder v1; contract C { struct S { uint x; } function f() public pure { abi.decode(\"\", (S)); } }", 9611, 97, 98},
		{"contract C { constructor() internal {} }", 1845, 13, 38},
		{"abstract contract C { constructor() public {} }", 8295, 22, 45},
		{"contract C { constructor() external {} }", 9239, 13, 38},
		{"contract C { constructor() view {} }", 1558, 13, 34},
		{"contract C { constructor() virtual {} }", 7001, 13, 37},
		{"library L { function f() internal pure virtual {} }", 7801, 12, 49},
		{"library L { function f() public payable {} }", 7708, 12, 42},
		{"contract C { function f() internal payable {} }", 5587, 13, 45},
		{"function f() payable {}", 9559, 0, 23},
		{"abstract contract C { function f() private virtual; }", 3942, 22, 51},
		{"contract C { uint constant x; }", 4266, 13, 28},
		{"contract C { uint[] immutable x; }", 6377, 13, 31},
		{"contract C { string s; function f() public view { s[0]; } }", 9961, 50, 54},
		{"contract C { function f() public pure { bytes32 b; b[32]; } }", 1859, 51, 56},
		{"contract C { function f() public pure { uint[2] memory a; a[2]; } }", 3383, 58, 62},
		{"contract C { event E(); function f() public { E(); } }", 3132, 46, 49},
		{"error E(); function f() pure { E(); }", 7757, 31, 34},
		{"error E(); function f(bool b) pure { require(b, E()); }", 0, 0, 0},
	}
	checkFirstErrors(t, cases)
}

// TestMemberAndAssemblyChecks checks `using for` binding, members of
// functions, types and meta types, 1834 and inline assembly references.
func TestMemberAndAssemblyChecks(t *testing.T) {
	cases := []firstErrorCase{
		{"library D { function d(uint s) internal pure returns (uint) { return s; } }\ncontract C { using D for uint; function f(uint16 a) public pure returns (uint) { return a.d(); } }", 9582, 164, 167},
		{"library D { function d(uint s) internal pure returns (uint) { return s; } }\ncontract C { using D for *; function f(uint16 a) public pure returns (uint) { return a.d(); } }", 0, 0, 0},
		{"library D { function d(bytes32 s) internal pure returns (uint) { return uint(s); } }\ncontract C { using D for *; function f(uint a) public pure returns (uint) { return a.d(); } }", 9582, 168, 171},
		{"contract C { function f() public view returns (bytes4) { return f.selector; } }", 9582, 64, 74},
		{"contract C { string s; function f() public { s.pop(); } }", 9582, 45, 50},
		{"contract C { function f() public pure { type(int).name; } }", 9582, 40, 54},
		{"contract A { function f() internal {} }\ncontract B { function g() external { A.f; } }", 9582, 77, 80},
		{"contract A { function b() public {} }\ncontract B is A { function f() public { super.f(); } }", 9582, 78, 85},
		{"contract C { function f() public pure { keccak256.value; } }", 8820, 40, 55},
		{"contract C { function f() public { fixed x; x; } }", 1834, 35, 40},
		{"contract C { uint x; function f() public { assembly { x := 2 } } }", 1408, 54, 55},
		{"contract C { function f() public pure { assembly { let a.b := 2 } } }", 3927, 55, 58},
		{"contract C { function f() public pure { uint a; assembly { let a := 2 } } }", 3859, 63, 64},
		{"contract C { function f() public pure returns (uint x) { assembly { function g() { x := 1 } } } }", 6578, 83, 84},
		{"contract C { function f() public pure { assembly { k() } } }", 4619, 51, 52},
		{"contract C { uint x; function f() public view returns (uint r) { assembly { r := sload(x.slot) } } }", 0, 0, 0},
	}
	checkFirstErrors(t, cases)
}

// TestLValueUsingAndOperatorChecks checks lvalues, `using … for`
// directives, user-defined operators and explicit conversions.
func TestLValueUsingAndOperatorChecks(t *testing.T) {
	cases := []firstErrorCase{
		{"contract C { function f() public pure { f = f; } }", 4247, 40, 41},
		{"contract C { uint constant x = 1; function f() public pure { x = 2; } }", 6520, 61, 62},
		{"contract C { function f(uint[] calldata a) external pure { a[0] = 1; } }", 6182, 59, 63},
		{"contract C { function f(bytes2 b) public pure { b[0] = 0; } }", 4360, 48, 52},
		{"contract C { uint[] a; function f() public { a.length = 2; } }", 7567, 45, 53},
		{"contract C { uint[] a; function f() public { uint[] storage x = a; delete x; } }", 9767, 67, 75},
		{"contract C { function f(bool c, uint a, uint b) public pure { (c ? a : b) = 1; } }", 2212, 63, 72},
		{"contract C { uint[] a; function f() public { a.push() = 1; delete a; (a[0], ) = (1, 2); } }", 0, 0, 0},
		{"type Int is int;\nusing {add as +} for Int;\nfunction add(Int, Int) pure returns (Int) {}", 3320, 24, 27},
		{"type Int is int;\nusing {add as +} for Int global;\nfunction add(Int, Int) view returns (Int) {}", 7775, 24, 27},
		{"type Int is int;\nusing {add as +} for Int global;\nfunction add(Int, Int) pure returns (int) {}", 7743, 86, 91},
		{"type Int is int;\nusing {add as +} for Int global;\nfunction add(Int) pure returns (Int) {}", 1884, 24, 27},
		{"type Int is int;\nfunction f() pure { Int.wrap(0) + Int.wrap(0); }", 2271, 37, 62},
		{"type Int is int;\nusing {add as +} for Int global;\nfunction add(Int, Int) pure returns (Int) {}\nfunction f() pure { Int.wrap(0) + Int.wrap(0); }", 0, 0, 0},
		{"library L {}\ncontract C { L x; }", 1130, 26, 27},
		{"contract C { using C for uint; }", 4357, 19, 20},
		{"function f(uint) {}\nusing {f} for * ;", 8118, 20, 37},
		{"interface I { using L for uint; }\nlibrary L {}", 9088, 14, 31},
		{"contract C { function g(uint) public {} using {g} for uint; }", 4167, 47, 48},
		{"function f() pure { int16(uint8(1)); }", 9640, 20, 35},
		{"contract C { function f() public view { address(this.f); } }", 5030, 40, 55},
		{"contract C { uint constant a = b; uint constant b = a; }", 6161, 13, 32},
		{"uint constant c = 1;\ncontract C { uint constant a = c + 1; }", 0, 0, 0},
	}
	checkFirstErrors(t, cases)
}

// TestSyntaxAndCallChecks checks the SyntaxChecker, base constructor and
// modifier arguments, special functions, type sizes, overload
// resolution, immutables and ABI encoding arguments.
func TestSyntaxAndCallChecks(t *testing.T) {
	cases := []firstErrorCase{
		{"contract C { function f() {} }", 4937, 13, 28},
		{"contract C { function f(uint x) public pure { if (x > 0) uint y; } }", 9079, 57, 63},
		{"contract C { function f() public pure { break; } }", 6102, 40, 45},
		{"contract C { modifier m() { } }", 2883, 26, 29},
		{"contract C { struct S {} }", 5306, 13, 24},
		{"contract A { constructor(uint) {} }\nabstract contract B is A() {}", 7927, 59, 62},
		{"contract A { constructor(uint8) {} }\ncontract B is A(300) {}", 9827, 53, 56},
		{"contract A { modifier m(uint) { _; } function f() public m() {} }", 2973, 57, 60},
		{"contract C { fallback(uint) external {} }", 5570, 37, 37},
		{"contract C { receive() external {} }", 7793, 13, 34},
		{"library L { function f() internal; }", 9231, 12, 34},
		{"interface I { function f() public; }", 1560, 14, 34},
		{"contract C { function f() public pure { bytes32[2**40] memory x; x; } }", 1534, 40, 63},
		{"contract C { function f(uint8) internal {} function f(uint) internal {} function g() internal { f(1); } }", 4487, 96, 97},
		{"contract C { function f(uint) internal {} function f(bool) internal {} function g() internal { f(\"\"); } }", 9322, 95, 96},
		{"contract C { uint immutable x; function f() public { x = 1; } }", 1581, 53, 54},
		{"contract C { uint immutable x; constructor() { x = 1; } }", 0, 0, 0},
		{"contract C { function f() public pure { type(bool); } }", 4259, 45, 49},
		{"contract C { function f() public pure { f[0]; } }", 2614, 40, 41},
		{"contract C { function f() public { string storage x = \"abc\"; x; } }", 9574, 35, 59},
		{"contract C { function f() public pure { abi.encodePacked(1); } }", 7279, 57, 58},
		{"contract C { function f() public pure { abi.encode(f); } }", 2056, 51, 52},
		{"contract C { function f() public pure { msg(1); } }", 5704, 40, 46},
		{"contract C { event E(uint indexed, uint indexed, uint indexed, uint indexed); }", 7249, 13, 77},
		{"contract C { event E(function() internal f); }", 3417, 21, 42},
		{"function f() pure { super; }", 7576, 20, 25},
		{"interface I { function f() external {} }", 4726, 14, 38},
		{"contract A { function f() public virtual; }", 3656, 0, 43},
	}
	checkFirstErrors(t, cases)
}

type firstErrorCase struct {
	src        string
	code       int
	start, end int // relative to the source after the prelude
}

// checkFirstErrors analyzes each case and compares the first error with
// the expected code and span (code 0: no error).
func checkFirstErrors(t *testing.T, cases []firstErrorCase) {
	t.Helper()
	const pre = "// SPDX-License-Identifier: GPL-3.0\npragma solidity >=0.0;\n"
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
		switch {
		case c.code == 0 && first != nil:
			t.Errorf("%s: unexpected error %d: %s", c.src, first.Code, first.Message)
		case c.code == 0:
		case first == nil:
			t.Errorf("%s: accepted, want error %d", c.src, c.code)
		case first.Code != c.code || first.Span.Start-len(pre) != c.start || first.Span.End-len(pre) != c.end:
			t.Errorf("%s: got %d (%d-%d) %s; want %d (%d-%d)", c.src, first.Code, first.Span.Start-len(pre), first.Span.End-len(pre), first.Message, c.code, c.start, c.end)
		}
	}
}
