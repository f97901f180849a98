package yul

import (
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// TestDiagnostics checks solc's codes, locations and messages on inputs
// beyond the corpus: recovery after syntax errors, EVM versions, objects.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name    string
		version evmversion.Version
		src     string
		want    string // one "Kind code: (start-end): message" per line
	}{
		{name: "recovers and reports every broken statement", src: "{\n let x := \n let y := 1 )\n sstore(0 y)\n let z := (\n}",
			want: "ParserError 1856: (14-17): Literal or identifier expected.\n" +
				"ParserError 1856: (25-26): Literal or identifier expected.\n" +
				"ParserError 2314: (37-38): Expected ',' but got identifier\n" +
				"ParserError 1856: (50-51): Literal or identifier expected."},
		{name: "error in a nested block resumes there", src: "{ { 1 } sstore(0, 0) { let } }",
			want: "ParserError 6913: (6-7): Call or assignment expected.\n" +
				"ParserError 2314: (27-28): Expected identifier but got '}'"},
		{name: "unterminated block", src: "{ let x := 1",
			want: "ParserError 1856: (12-12): Literal or identifier expected."},
		{name: "unterminated comment", src: "{ /* x }",
			want: "ParserError 1465: (2-8): Illegal token: Expected multi-line comment-terminator."},
		{name: "bad escape", src: `{ let s := "a\q" }`,
			want: "ParserError 1465: (11-15): Illegal token: Invalid escape sequence."},
		{name: "number followed by a letter", src: "{ let x := 0x1g }",
			want: "ParserError 1465: (11-15): Illegal token: Identifier-start is not allowed at end of a number."},
		{name: "case after default", src: "{ switch 1 default {} case 1 {} }",
			want: "ParserError 4904: (22-26): Case not allowed after default case."},
		{name: "leave outside a function", src: "{ leave }",
			want: "SyntaxError 8149: (2-7): Keyword \"leave\" can only be used inside a function."},
		{name: "leave is a keyword", src: "{ let leave := 1 }",
			want: "ParserError 2314: (6-11): Expected identifier but got 'leave'"},
		{name: "hex is a keyword", src: "{ function hex() {} }",
			want: "ParserError 2314: (11-14): Expected identifier but got 'hex'"},
		{name: "break inside a function inside a loop", src: "{ for {} 1 {} { function f() { break } } }",
			want: "SyntaxError 2592: (31-36): Keyword \"break\" needs to be inside a for-loop body."},
		{name: "empty object", src: "object \"A\" {\n}",
			want: "ParserError 4846: (13-14): Expected keyword \"code\"."},
		{name: "two root objects", src: "object \"A\" {\n  code { }\n}\nobject \"B\" {\n  code { }\n}",
			want: "ParserError 2314: (26-32): Expected end of source but got identifier"},
		{name: "duplicate sub-object", src: "object \"A\" { code {} object \"B\" { code {} } data \"B\" \"\" }",
			want: "ParserError 8794: (49-52): Object name \"B\" already exists inside the containing object."},
		{name: "nested data access", src: "object \"A\" { code { pop(datasize(\"B.C\")) pop(datasize(\"B.D\")) } object \"B\" { code {} data \"C\" \"\" } }",
			want: "TypeError 3517: (54-59): Unknown data object \"B.D\"."},
		{name: "chainid before istanbul", version: evmversion.Petersburg, src: "{ pop(chainid()) }",
			want: "TypeError 1561: (6-13): The \"chainid\" instruction is only available for Istanbul-compatible VMs (you are currently compiling for \"petersburg\").\n" +
				"TypeError 3950: (6-15): Expected expression to evaluate to one value, but got 0 values instead."},
		{name: "tload is an identifier before cancun", version: evmversion.Shanghai, src: "{ let tload := 1 pop(tload) }",
			want: ""},
		{name: "tload call before cancun", version: evmversion.Shanghai, src: "{ pop(tload(0)) }",
			want: "TypeError 6243: (6-11): The \"tload\" instruction is only available for Cancun-compatible VMs (you are currently compiling for \"shanghai\").\n" +
				"TypeError 3950: (6-14): Expected expression to evaluate to one value, but got 0 values instead."},
		{name: "difficulty after paris", src: "{ pop(difficulty()) }",
			want: "DeclarationError 4619: (6-16): Function \"difficulty\" not found.\n" +
				"TypeError 3950: (6-18): Expected expression to evaluate to one value, but got 0 values instead."},
		{name: "prevrandao before paris", version: evmversion.London, src: "{ pop(prevrandao()) pop(difficulty()) }",
			want: "DeclarationError 4619: (6-16): Function \"prevrandao\" not found.\n" +
				"TypeError 3950: (6-18): Expected expression to evaluate to one value, but got 0 values instead."},
		{name: "revert exists on homestead", version: evmversion.Homestead, src: "{ revert(0, 0) }", want: ""},
		{name: "reserved instruction names", src: "{ let jump := 1 function dup1() {} }",
			want: "DeclarationError 5017: (6-10): The identifier \"jump\" is reserved and can not be used.\n" +
				"DeclarationError 5017: (16-34): The identifier \"dup1\" is reserved and can not be used."},
		{name: "identifiers with dots", src: "{\n    function _...($..) {}\n    let a...\n    _...(a...)\n}",
			want: "SyntaxError 3384: (6-27): \"_...\" is not a valid identifier (ends with a dot).\n" +
				"SyntaxError 7771: (6-27): \"_...\" is not a valid identifier (contains consecutive dots).\n" +
				"SyntaxError 3384: (20-23): \"$..\" is not a valid identifier (ends with a dot).\n" +
				"SyntaxError 7771: (20-23): \"$..\" is not a valid identifier (contains consecutive dots).\n" +
				"SyntaxError 3384: (36-40): \"a...\" is not a valid identifier (ends with a dot).\n" +
				"SyntaxError 7771: (36-40): \"a...\" is not a valid identifier (contains consecutive dots)."},
		{name: "assignment to a function and an unknown name", src: "{ function f() {} f := 1 g := 2 }",
			want: "TypeError 2657: (18-19): Assignment requires variable.\n" +
				"DeclarationError 4634: (25-26): Variable not found or variable not lvalue."},
		{name: "call of a variable", src: "{ let x := 1 x() }",
			want: "TypeError 4202: (13-14): Attempt to call variable instead of function."},
		{name: "values from a void function", src: "{ function f() {} let x := f() }",
			want: "DeclarationError 3812: (18-30): Variable count mismatch for declaration of \"x\": 1 variables and 0 values."},
		{name: "multi-value in an argument", src: "{ function f() -> a, b {} sstore(0, f()) }",
			want: "TypeError 3950: (36-39): Expected expression to evaluate to one value, but got 2 values instead."},
		{name: "assignment count", src: "{ let x, y := 1 }",
			want: "DeclarationError 3812: (2-15): Variable count mismatch for declaration of \"x, y\": 2 variables and 1 values."},
		{name: "memoryguard wants a number", src: "{ pop(memoryguard(\"x\")) }",
			want: "TypeError 5859: (18-21): Function expects number literal."},
		{name: "long literal arguments are fine", src: "{ setimmutable(0, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", 1) }", want: ""},
		{name: "variable of an outer function", src: "{ function f(a) { function g() -> r { r := a } } }",
			want: "DeclarationError 8198: (43-44): Identifier \"a\" not found."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.version
			if v == 0 && !strings.Contains(tt.name, "homestead") {
				v = evmversion.Default
			}
			var log source.Log
			if obj := ParseVersion(source.NewFile("t.yul", []byte(tt.src)), v, &log); obj != nil {
				Analyze(obj, v, &log)
			}
			var got []string
			for _, d := range log.Diagnostics() {
				if d.Severity == source.Error {
					got = append(got, solcDiag(d))
				}
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("source %q\ngot:\n%s\nwant:\n%s", tt.src, g, tt.want)
			}
		})
	}
}

// TestParseAST checks the tree and spans of a small program.
func TestParseAST(t *testing.T) {
	src := `object "A" { code { let a, b := f(1, "x") function f(p, q) -> r, s { r := p } } data "d" hex"0aff" }`
	obj, diags := parseString(t, src)
	if obj == nil {
		t.Fatal(diags)
	}
	if obj.Name != "A" || len(obj.Subs) != 1 || !obj.Subs[0].IsData || string(obj.Subs[0].Data) != "\x0a\xff" {
		t.Fatalf("object: %+v", obj)
	}
	stmts := obj.Code.Stmts
	if len(stmts) != 2 {
		t.Fatalf("got %d statements", len(stmts))
	}
	decl := stmts[0].(*VarDecl)
	text := func(n Node) string { s := n.Span(); return src[s.Start:s.End] }
	if text(decl) != `let a, b := f(1, "x")` || len(decl.Names) != 2 || text(decl.Names[1]) != "b" {
		t.Errorf("declaration %q", text(decl))
	}
	call := decl.Value.(*Call)
	if text(call) != `f(1, "x")` || text(call.Fn) != "f" || call.Args[1].(*Literal).Str != "x" {
		t.Errorf("call %q", text(call))
	}
	def := stmts[1].(*FuncDef)
	if def.Name != "f" || len(def.Params) != 2 || len(def.Results) != 2 || text(def) != "function f(p, q) -> r, s { r := p }" {
		t.Errorf("function %q", text(def))
	}
	if a := def.Body.Stmts[0].(*Assign); text(a) != "r := p" {
		t.Errorf("assignment %q", text(a))
	}
}

// TestLiterals checks literal values and escapes.
func TestLiterals(t *testing.T) {
	tests := []struct {
		src, hex string
	}{
		{"0", "0"},
		{"0x00ff", "ff"},
		{"115792089237316195423570985008687907853269984665640564039457584007913129639935", strings.Repeat("f", 64)},
		{"true", "1"},
		{`"ab"`, "6162" + strings.Repeat("0", 60)},
		{`"\x41\u00e9\n"`, "41c3a90a" + strings.Repeat("0", 56)},
		{`hex"01_02"`, "0102" + strings.Repeat("0", 60)},
		{`'\''`, "27" + strings.Repeat("0", 62)},
	}
	for _, tt := range tests {
		obj, diags := parseString(t, "{ pop("+tt.src+") }")
		if obj == nil {
			t.Errorf("%s: %s", tt.src, diags)
			continue
		}
		lit := obj.Code.Stmts[0].(*ExprStmt).X.(*Call).Args[0].(*Literal)
		w := lit.Word()
		want := strings.Repeat("0", 64-len(tt.hex)) + tt.hex
		if got := hexBytes(w.PaddedBytes(32)); got != want {
			t.Errorf("%s: word %s, want %s", tt.src, got, want)
		}
	}
	obj, _ := parseString(t, "{ pop(0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff) }")
	if lit := obj.Code.Stmts[0].(*ExprStmt).X.(*Call).Args[0].(*Literal); !lit.TooLarge {
		t.Error("a 257-bit literal is not marked too large")
	}
}

// TestParseBlock parses inline assembly inside another file.
func TestParseBlock(t *testing.T) {
	src := "function f() { assembly { let x := 1 sstore(0, x) } }"
	start := strings.Index(src, "{ let")
	var log source.Log
	b, end := ParseBlock(source.NewFile("c.sol", []byte(src)), start, evmversion.Default, &log)
	if b == nil {
		t.Fatal(renderDiags(log.Diagnostics()))
	}
	if len(b.Stmts) != 2 || src[end:] != " }" || b.Loc.Start != start {
		t.Errorf("block %+v, end %d", b, end)
	}
}
