package isoltest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func corpusOrSkip(t *testing.T) string {
	t.Helper()
	dir, ok := CorpusDir()
	if !ok {
		t.Skip("conformance corpus not found (set SOLL_CORPUS or put it at ../shared/corpus)")
	}
	return dir
}

// TestParseCorpus parses every semantic test of the corpus and checks the
// counts against the manifest.
func TestParseCorpus(t *testing.T) {
	dir := corpusOrSkip(t)
	var manifest struct {
		Tests []struct {
			Path             string            `json:"path"`
			Kind             string            `json:"kind"`
			Settings         map[string]string `json:"settings"`
			ExpectationLines int               `json:"expectationLines"`
		} `json:"tests"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	files := 0
	for _, m := range manifest.Tests {
		if m.Kind != "semantic" {
			continue
		}
		files++
		path := filepath.Join(dir, m.Path)
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		test, err := Parse(path, content)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if len(test.Settings) != len(m.Settings) {
			t.Errorf("%s: settings %v, manifest %v", m.Path, test.Settings, m.Settings)
		}
		for k, v := range m.Settings {
			if test.Settings[k] != v {
				t.Errorf("%s: setting %s = %q, manifest %q", m.Path, k, test.Settings[k], v)
			}
		}
		// Every non-empty expectation line belongs to exactly one entry, side
		// effect or gas line (lines holding only "//" count as non-empty too).
		lines := 0
		for _, e := range test.Entries {
			lines += e.EndLine - e.Line + 1 + len(e.SideEffects) + len(e.Gas) + len(e.GasCode)
			counts[e.Kind.String()]++
			counts["side effects"] += len(e.SideEffects)
			counts["gas lines"] += len(e.Gas) + len(e.GasCode)
			if e.Failure {
				counts["FAILURE"]++
			}
			if len(e.Comments) > 0 {
				counts["with comments"]++
			}
			if e.EndLine > e.Line {
				counts["multi-line"]++
			}
			if e.Value != nil {
				counts["with value"]++
			}
		}
		if lines > m.ExpectationLines {
			t.Errorf("%s: entries span %d lines, manifest has %d expectation lines", m.Path, lines, m.ExpectationLines)
		}
		if test.IsYul() {
			t.Errorf("%s: Solidity test taken for Yul", m.Path)
		}
	}
	t.Logf("%d semantic files; %v", files, counts)
	// Figures of the dev split at solc a83ea40827; a parser change that
	// loses or invents lines shows here.
	if files < 1000 || counts["call"] < 3500 || counts["library"] != 37 || counts["side effects"] < 60 || counts["gas lines"] < 1000 {
		t.Errorf("unexpected counts: %d files, %v", files, counts)
	}
}

func TestParseSourcesAndSettings(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "_ext"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_ext", "lib.sol"), []byte("library L {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := strings.Join([]string{
		"==== ExternalSource: ./_ext//lib.sol ====",
		"==== ExternalSource: other=_ext/lib.sol ====",
		"==== Source: a.sol ====",
		"contract A {}",
		"==== Source: b.sol ====",
		"import \"a.sol\";",
		"contract B {}",
		"// ====",
		"// compileViaYul: true",
		"// EVMVersion: >=byzantium",
		"// ----",
		"// library: \"a.sol\":L",
		"// f(uint256,bool), 2 ether: 1, true -> 2 # c #",
		"// ~ emit E(uint256): 0x05",
		"// gas irOptimized: 1234",
		"// gas irOptimized code: 5600",
		"// g() -> FAILURE, hex\"4e487b71\", 0x11",
		"// h(bytes):",
		"//   0x20,",
		"//   3, \"abc\"",
		"//   # comment #",
		"//   ->",
		"//   0x01",
		"//",
		"// (): 7 ->",
		"// i()",
		"// balance: 0x1212121212121212121212121212120000000012 -> 0",
		"// account: 1 -> 0x1212121212121212121212121212120000001012",
		"// j() ->",
		"// k() -> left(0x01), right(true), -1, \"a\\x00\"",
	}, "\n") + "\n"
	test, err := Parse(filepath.Join(dir, "t.sol"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range test.Sources {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, "|"); got != "./_ext//lib.sol|other|a.sol|b.sol" || test.MainSource != "b.sol" {
		t.Errorf("sources %s, main %q", got, test.MainSource)
	}
	if s, _ := test.Source("other"); s.Content != "library L {}\n" {
		t.Errorf("external source content %q", s.Content)
	}
	if s, _ := test.Source("b.sol"); s.Content != "import \"a.sol\";\ncontract B {}\n" {
		t.Errorf("b.sol content %q", s.Content)
	}
	if test.Settings["compileViaYul"] != "true" || test.Settings["EVMVersion"] != ">=byzantium" || test.ExpectationLine != 11 {
		t.Errorf("settings %v line %d", test.Settings, test.ExpectationLine)
	}
	want := []struct {
		kind      EntryKind
		sig       string
		line, end int
		args      int
		results   int
		failure   bool
	}{
		{Library, "a.sol:L", 12, 12, 0, 0, false},
		{Call, "f(uint256,bool)", 13, 13, 2, 1, false},
		{Call, "g()", 17, 17, 0, 2, true},
		{Call, "h(bytes)", 18, 23, 3, 1, false},
		{LowLevel, "", 25, 25, 1, 0, false},
		{Call, "i()", 26, 26, 0, 0, false},
		{Builtin, "balance", 27, 27, 1, 1, false},
		{Builtin, "account", 28, 28, 1, 1, false},
		{Call, "j()", 29, 29, 0, 0, false},
		{Call, "k()", 30, 30, 0, 4, false},
	}
	if len(test.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(test.Entries), len(want))
	}
	for i, w := range want {
		e := test.Entries[i]
		if e.Kind != w.kind || e.Signature != w.sig || e.Line != w.line || e.EndLine != w.end || len(e.Args) != w.args ||
			len(e.Results) != w.results || e.Failure != w.failure {
			t.Errorf("entry %d = %v %q lines %d-%d args %d results %d failure %v; want %+v", i, e.Kind, e.Signature,
				e.Line, e.EndLine, len(e.Args), len(e.Results), e.Failure, w)
		}
	}
	f := test.Entries[1]
	if f.Value.String() != "2000000000000000000" || f.Gas["irOptimized"] != 1234 || f.GasCode["irOptimized"] != 5600 ||
		len(f.SideEffects) != 1 || f.SideEffects[0] != "emit E(uint256): 0x05" || len(f.Comments) != 1 {
		t.Errorf("f entry %+v", f)
	}
	if h := test.Entries[3]; h.Text != "h(bytes):\n  0x20,\n  3, \"abc\"\n  # comment #\n  ->\n  0x01" || !h.HasArrow {
		t.Errorf("h text %q", h.Text)
	}
	if test.Entries[5].HasArrow || !test.Entries[8].HasArrow {
		t.Error("arrow detection")
	}
}

func TestParseErrors(t *testing.T) {
	for _, exp := range []string{
		"// f(",
		"// f(): ->",
		"// f() -> 1 2",
		"// f() -> 1, FAILURE",
		"// f(): FAILURE",
		"// ~ emit E()",
		"// gas irOptimized: 12",
		"// f() -> \"unterminated",
		"// f() -> # open comment",
		"// f(), 1 dollar ->",
		"// f() -> -0x01",
		"// f() -> left(\"abc\")",
		"// f() -> 0x" + strings.Repeat("11", 33),
		"// f() -> \"" + strings.Repeat("a", 33) + "\"",
		"f() -> 1",
		"// f() -> 1 % 2",
		"// library: 12",
	} {
		if _, err := Parse("x.sol", []byte("contract C {}\n// ----\n"+exp+"\n")); err == nil {
			t.Errorf("Parse accepted %q", exp)
		}
	}
	if _, err := Parse("x.sol", []byte("==== Source: a ====\n==== Source: a ====\n// ----\n")); err == nil {
		t.Error("duplicate source accepted")
	}
	if _, err := Parse("x.sol", []byte("contract C {}\n// ====\n// broken\n// ----\n")); err == nil {
		t.Error("setting without colon accepted")
	}
}

func TestYulSource(t *testing.T) {
	test, err := Parse("y.yul", []byte("// a Yul object\nobject \"C\" {\n code { }\n}\n// ----\n// f() -> 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !test.IsYul() || len(test.Entries) != 1 {
		t.Errorf("IsYul %v entries %d", test.IsYul(), len(test.Entries))
	}
}
