package solidity

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
)

func TestAbsolutePath(t *testing.T) {
	tests := []struct{ path, importer, want string }{
		{"a.sol", "dir/b.sol", "a.sol"},
		{"./a.sol", "dir/b.sol", "dir/a.sol"},
		{"../a.sol", "dir/sub/b.sol", "dir/a.sol"},
		{"./x/../y/a.sol", "d/b.sol", "d/y/a.sol"},
		{"../../a.sol", "b.sol", "a.sol"},
		{"./a.sol", "/abs/b.sol", "/abs/a.sol"},
		{".hidden/a.sol", "d/b.sol", ".hidden/a.sol"},
		{"@oz/contracts/A.sol", "d/b.sol", "@oz/contracts/A.sol"},
	}
	for _, tt := range tests {
		if got := AbsolutePath(tt.path, tt.importer); got != tt.want {
			t.Errorf("AbsolutePath(%q, %q) = %q, want %q", tt.path, tt.importer, got, tt.want)
		}
	}
}

func TestRemappings(t *testing.T) {
	var rs []Remapping
	for _, s := range []string{"@oz/=lib/oz/", "@oz/token/=lib/oz-token/", "ctx:@oz/=ctx/oz/", "x=y"} {
		r, err := ParseRemapping(s)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	if r, _ := ParseRemapping("ctx:@oz/=ctx/oz/"); r != (Remapping{"ctx", "@oz/", "ctx/oz/"}) {
		t.Errorf("ParseRemapping = %+v", r)
	}
	for _, bad := range []string{"noequals", "=target", "ctx:=t"} {
		if _, err := ParseRemapping(bad); err == nil {
			t.Errorf("ParseRemapping(%q) succeeded", bad)
		}
	}
	tests := []struct{ path, importer, want string }{
		{"@oz/A.sol", "main.sol", "lib/oz/A.sol"},
		{"@oz/token/T.sol", "main.sol", "lib/oz-token/T.sol"},
		{"@oz/A.sol", "ctx/main.sol", "ctx/oz/A.sol"},
		{"other/A.sol", "main.sol", "other/A.sol"},
		{"x/a.sol", "main.sol", "y/a.sol"},
	}
	for _, tt := range tests {
		if got := Remap(rs, tt.path, tt.importer); got != tt.want {
			t.Errorf("Remap(%q, %q) = %q, want %q", tt.path, tt.importer, got, tt.want)
		}
	}
}

const spdx = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n"

func TestParseFollowsImportsOnce(t *testing.T) {
	files := map[string]string{
		"lib/a.sol":  spdx + `import "./b.sol"; import "lib/b.sol" as B; contract A {}`,
		"lib/b.sol":  spdx + `import {X} from "../shared.sol"; contract Bc {}`,
		"shared.sol": spdx + `struct X { uint x; }`,
	}
	var calls atomic.Int32
	read := func(name string) ([]byte, error) {
		calls.Add(1)
		if c, ok := files[name]; ok {
			return []byte(c), nil
		}
		return nil, errors.New("no such unit")
	}
	main := Source{Name: "main.sol", Content: []byte(spdx + `import "lib/a.sol"; import "missing.sol"; contract M {}`)}
	prog, diags := Parse([]Source{main}, Options{ReadFile: read})
	var names []string
	for _, u := range prog.Units {
		names = append(names, u.Name)
	}
	if got := strings.Join(names, " "); got != "lib/a.sol lib/b.sol main.sol shared.sol" {
		t.Errorf("units = %s", got)
	}
	if calls.Load() != 4 { // lib/a.sol, missing.sol, lib/b.sol, shared.sol
		t.Errorf("ReadFile called %d times, want 4", calls.Load())
	}
	if len(diags) != 1 || diags[0].Code != 6275 || diags[0].Message != `Source "missing.sol" not found: no such unit` {
		t.Fatalf("diags = %v", diags)
	}
	if s := diags[0].Span; s.File.Name != "main.sol" || string(s.File.Content[s.Start:s.End]) != `import "missing.sol";` {
		t.Errorf("6275 span = %d-%d", s.Start, s.End)
	}
	imp := prog.Unit("lib/b.sol").Decls[1].(*ImportDirective)
	if imp.Resolved != "shared.sol" || imp.Symbols[0].Symbol.Name != "X" {
		t.Errorf("import in lib/b.sol = %+v", imp)
	}
}

func TestParseIsDeterministic(t *testing.T) {
	var srcs []Source
	for i := 0; i < 40; i++ {
		body := spdx + "contract C" + itoa(i) + " { function f() public { uint x = " + itoa(i) + " } }\n"
		srcs = append(srcs, Source{Name: "f" + itoa(i) + ".sol", Content: []byte(body)})
	}
	render := func(jobs int) string {
		prog, diags := Parse(srcs, Options{Jobs: jobs, NoImportCallback: true})
		var b strings.Builder
		for _, u := range prog.Units {
			b.WriteString(Dump(u))
		}
		b.Write(source.MarshalJSONErrors(diags))
		return b.String()
	}
	one := render(1)
	for i := 0; i < 3; i++ {
		if got := render(8); got != one {
			t.Fatal("parallel parse differs from the sequential one")
		}
	}
	if strings.Count(one, `"errorCode": "2314"`) != 40 {
		t.Errorf("want 40 errors 2314 in:\n%s", one)
	}
}

func TestParseFilesPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("project/src/main.sol", spdx+`import "./util.sol"; import "@lib/L.sol"; contract M {}`)
	write("project/src/util.sol", spdx+`library U {}`)
	write("deps/@lib/L.sol", spdx+`library L {}`)
	opts := Options{BasePath: filepath.Join(dir, "project"), IncludePaths: []string{filepath.Join(dir, "deps")}}
	prog, diags := ParseFiles([]string{filepath.Join(dir, "project/src/main.sol")}, opts)
	for _, d := range diags {
		t.Errorf("unexpected: %s", d.Short())
	}
	var names []string
	for _, u := range prog.Units {
		names = append(names, u.Name)
	}
	if got := strings.Join(names, " "); got != "@lib/L.sol src/main.sol src/util.sol" {
		t.Errorf("units = %s", got)
	}

	// Without the include path the import is missing, reported where it
	// is written.
	_, diags = ParseFiles([]string{filepath.Join(dir, "project/src/main.sol")}, Options{BasePath: filepath.Join(dir, "project")})
	if len(diags) != 1 || diags[0].Code != 6275 || !strings.Contains(diags[0].Message, `Source "@lib/L.sol" not found: File not found.`) {
		t.Errorf("diags = %v", diags)
	}
	_, diags = ParseFiles([]string{filepath.Join(dir, "nope.sol")}, opts)
	if len(diags) != 1 || diags[0].Kind != source.IOError {
		t.Errorf("missing input: %v", diags)
	}
}

func TestCLIPathToSourceUnitName(t *testing.T) {
	wd, _ := os.Getwd()
	if got := CLIPathToSourceUnitName("a/b.sol", "", nil); got != "a/b.sol" {
		t.Errorf("relative to cwd: %q", got)
	}
	if got := CLIPathToSourceUnitName("./a/../b.sol", "", nil); got != "b.sol" {
		t.Errorf("normalized: %q", got)
	}
	if got := CLIPathToSourceUnitName(filepath.Join(wd, "x", "c.sol"), filepath.Join(wd, "x"), nil); got != "c.sol" {
		t.Errorf("base path stripped: %q", got)
	}
	if got := CLIPathToSourceUnitName("/elsewhere/c.sol", wd, nil); got != "/elsewhere/c.sol" {
		t.Errorf("outside: %q", got)
	}
}

func TestVersionPragma(t *testing.T) {
	tests := []struct {
		pragma string
		code   int // 0: accepted
	}{
		{"^0.8.0", 0}, {"^0.8.28", 0}, {"^0.8.29", 5333}, {">=0.4.0 <0.9.0", 0}, {"0.8.28", 0},
		{"=0.8.28", 0}, {"0.8.27", 5333}, {"~0.8.1", 0}, {"~0.7.0", 5333}, {"0.8.x", 0}, {"*", 0},
		{">0.8.28", 5333}, {"0.7.0 - 0.8.28", 0}, {"^0.7.0 || ^0.8.0", 0}, {"^0.7.0 || ^0.6.0", 5333},
		{"", 1684}, {"v1", 1684}, {"4294967296", 1684}, {"0.4.1 - 0.6.2 0.8.17", 1684}, {">=0.8", 0},
	}
	for _, tt := range tests {
		_, diags := parseText("p.sol", "// SPDX-License-Identifier: MIT\npragma solidity "+tt.pragma+";\n")
		code := 0
		for _, d := range diags {
			if d.Severity == source.Error {
				code = d.Code
			}
		}
		if code != tt.code {
			t.Errorf("pragma solidity %s: code %d, want %d (%v)", tt.pragma, code, tt.code, diags)
		}
	}
}

func TestWarnings(t *testing.T) {
	_, diags := parseText("w.sol", "contract C {}")
	var codes []int
	for _, d := range diags {
		if d.Severity != source.Warning {
			t.Errorf("unexpected %s", d.Short())
		}
		codes = append(codes, d.Code)
	}
	if len(codes) != 2 || codes[0] != 1878 || codes[1] != 3420 {
		t.Errorf("warnings = %v, want 1878 (SPDX) and 3420 (pragma)", codes)
	}
	out := source.MarshalJSONErrors(diags)
	var j struct {
		Errors []struct {
			Type, ErrorCode string
			SourceLocation  struct {
				File       string
				Start, End int
			}
		}
	}
	if err := json.Unmarshal(out, &j); err != nil || len(j.Errors) != 2 || j.Errors[0].ErrorCode != "1878" ||
		j.Errors[0].SourceLocation.File != "w.sol" || j.Errors[0].SourceLocation.Start != -1 {
		t.Errorf("JSON = %s (%v)", out, err)
	}
}

func TestLimits(t *testing.T) {
	deep := "contract C { function f() public { uint x = " + strings.Repeat("(", 100000) + "1; } }"
	_, diags := parseText("deep.sol", deep)
	if len(diags) == 0 || diags[0].Code != 7319 {
		t.Errorf("deep nesting: %v", diags)
	}
	many := "contract C { function f() public {" + strings.Repeat(" x = ;", 1000) + " } }"
	_, diags = parseText("many.sol", many)
	if n := len(diags); n < 200 || n > maxErrors {
		t.Errorf("many errors: got %d diagnostics", n)
	}
}

func TestRecoveryReportsEveryBrokenStatement(t *testing.T) {
	src := `contract C {
    function f() public {
        uint a = ;
        a = 1;
        if (a == ) {}
        a += 2 3;
    }
    function g() public { return }
    uint payable x;
}
contract D { } }
`
	_, diags := parseText("r.sol", src)
	var got []string
	for _, d := range diags {
		l, c := d.Span.File.Position(d.Span.Start)
		got = append(got, itoa(d.Code)+"@"+itoa(l)+":"+itoa(c))
	}
	want := "6933@3:18 6933@5:18 2314@6:16 6933@8:34 9106@9:10 7858@11:16"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}
