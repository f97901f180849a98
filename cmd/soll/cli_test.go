package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// soll runs the soll command line and returns its exit status and output.
func soll(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"soll"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestBuildBinIsDeterministic(t *testing.T) {
	code, out1, errs := soll("build", "--bin", "testdata/add.yul")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out1, "======= testdata/add.yul:Add =======\nBinary:\n") {
		t.Fatalf("unexpected output:\n%s", out1)
	}
	_, out2, _ := soll("build", "--bin", "-j", "1", "testdata/add.yul")
	if out1 != out2 {
		t.Fatal("two builds differ")
	}
	golden(t, "add.bin.golden", out1)
}

func TestBuildCombinedJSON(t *testing.T) {
	code, out, errs := soll("build", "--combined-json", "bin,bin-runtime", "testdata/add.yul")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "add.combined.golden", out)
}

func TestBuildErrorHuman(t *testing.T) {
	code, out, errs := soll("build", "--bin", "testdata/bad.yul")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if out != "" {
		t.Fatalf("artifact written despite errors: %q", out)
	}
	golden(t, "bad.human.golden", errs)
}

func TestBuildErrorJSON(t *testing.T) {
	code, out, _ := soll("build", "--bin", "--error-format", "json", "testdata/bad.yul")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	golden(t, "bad.json.golden", out)
}

func TestTestCommand(t *testing.T) {
	code, out, errs := soll("test", "testdata/add_test.yul")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !strings.HasSuffix(out, "1 passed, 0 failed\n") {
		t.Fatalf("unexpected output: %q", out)
	}
}

func TestRunCommand(t *testing.T) {
	code, out, errs := soll("run", "testdata/add.yul", "--call", "add(uint256,uint256)(uint256)", "40", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !strings.Contains(strings.ToLower(out), "deployed testdata/add.yul:add at 0xc06afe3a8444fc0004668591e8306bfb9968e79e") ||
		!strings.Contains(out, "  result: 42\n") {
		t.Fatalf("unexpected output:\n%s", out)
	}
	code, out, _ = soll("run", "testdata/add.yul", "--call", "nope()")
	if code != 1 || !strings.Contains(out, "reverted: (no data)") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
}

// TestExamples runs every example's expectation files at -O0 and -O2: the
// examples are the project's end-to-end tests.
func TestExamples(t *testing.T) {
	for _, level := range []string{"--O0", "--O2"} {
		code, out, errs := soll("test", level, "../../examples")
		if code != 0 {
			t.Fatalf("%s: exit %d:\n%s%s", level, code, out, errs)
		}
		if !strings.HasSuffix(out, "4 passed, 0 failed\n") {
			t.Fatalf("%s: unexpected summary: %q", level, out)
		}
	}
}

// TestExamplesEwasm runs the examples on the Ewasm VM too (the factory,
// which appends constructor arguments to a sub-object for CREATE, needs a
// convention ewasm.md does not have yet).
func TestExamplesEwasm(t *testing.T) {
	code, out, errs := soll("test", "--target", "all", "../../examples/erc20", "../../examples/math", "../../examples/multisig/MultiSig.yul")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	if !strings.HasSuffix(out, "6 passed, 0 failed\n") {
		t.Fatalf("unexpected summary: %q", out)
	}
	code, out, errs = soll("run", "--target", "ewasm", "../../examples/erc20/ERC20.yul", "--args", "uint256=1000",
		"--call", "balanceOf(address)(uint256)", "0x1212121212121212121212121212120000000012")
	if code != 0 || !strings.Contains(out, "  result: 1000\n") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
}

func TestBuildEwasm(t *testing.T) {
	code, out, errs := soll("build", "--target", "ewasm", "--combined-json", "bin,bin-runtime", "testdata/add.yul")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"bin":"0061736d01000000`) || !strings.Contains(out, `"bin-runtime":"0061736d01000000`) {
		t.Fatalf("no wasm modules in %s", out)
	}
	code, out, _ = soll("build", "--target", "ewasm", "--emit", "wat", "testdata/add.yul")
	if code != 0 || !strings.Contains(out, "(module") || !strings.Contains(out, `(export "main"`) {
		t.Fatalf("exit %d, wat:\n%s", code, out)
	}
	if code, _, errs := soll("build", "--emit", "wat", "testdata/add.yul"); code == 0 || !strings.Contains(errs, "--target ewasm") {
		t.Fatalf("--emit wat without --target ewasm: exit %d, %s", code, errs)
	}
}

func TestRunConstructorArrayArgs(t *testing.T) {
	code, out, errs := soll("run", "../../examples/multisig/MultiSig.yul",
		"--args", "address[]=[0x1212121212121212121212121212120000000012,0x1212121212121212121212121212120000001012]",
		"--args", "uint256=2", "--call", "threshold()(uint256)")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !strings.Contains(out, "  result: 2\n") {
		t.Fatalf("unexpected output:\n%s", out)
	}
}

func TestStopAfterParsing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.sol")
	os.WriteFile(bad, []byte("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract C { function f() public { uint x = 1 } }\n"), 0o644)
	code, out, errs := soll("build", "--stop-after", "parsing", "--error-format", "json", bad)
	if code != 1 || !strings.Contains(out, `"errorCode": "2314"`) || !strings.Contains(out, `"start": 102`) {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	good := filepath.Join(dir, "good.sol")
	os.WriteFile(good, []byte("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport \"./lib.sol\";\ncontract C is L {}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "lib.sol"), []byte("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract L {}\n"), 0o644)
	if code, out, errs := soll("build", "--stop-after", "parsing", good); code != 0 || out != "" || errs != "" {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	missing := filepath.Join(dir, "missing.sol")
	os.WriteFile(missing, []byte("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport \"./nope.sol\";\n"), 0o644)
	if code, _, errs := soll("build", "--stop-after", "parsing", missing); code != 1 || !strings.Contains(errs, "error[6275]") {
		t.Fatalf("missing import: exit %d, %s", code, errs)
	}
}

func TestStandardJSON(t *testing.T) {
	src, _ := os.ReadFile("testdata/add.yul")
	in, _ := json.Marshal(map[string]any{"language": "Yul",
		"sources":  map[string]any{"add.yul": map[string]string{"content": string(src)}},
		"settings": map[string]any{"optimizer": map[string]bool{"enabled": true}}})
	var out, errb bytes.Buffer
	if code := run([]string{"soll", "build", "--standard-json"}, bytes.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res struct {
		Contracts map[string]map[string]struct {
			EVM struct {
				Bytecode, DeployedBytecode struct{ Object string }
			} `json:"evm"`
		}
		Errors []any
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	_, bin, _ := soll("build", "--bin", "testdata/add.yul")
	add := res.Contracts["add.yul"]["Add"]
	if add.EVM.Bytecode.Object == "" || !strings.Contains(bin, add.EVM.Bytecode.Object) || add.EVM.DeployedBytecode.Object == "" {
		t.Fatalf("bytecode %q not the one --bin prints:\n%s", add.EVM.Bytecode.Object, bin)
	}
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	out.Reset()
	run([]string{"soll", "build", "--standard-json"}, strings.NewReader(`{"language":"Yul","sources":{"b.yul":{"content":"{ mstore(0, y) }"}}}`), &out, &errb)
	if !strings.Contains(out.String(), `"errorCode":"8198"`) || !strings.Contains(out.String(), `"contracts":{}`) {
		t.Fatalf("error output: %s", out.String())
	}
	out.Reset()
	run([]string{"soll", "build", "--standard-json"}, strings.NewReader(`not json`), &out, &errb)
	if !strings.Contains(out.String(), `"type":"JSONError"`) {
		t.Fatalf("bad input output: %s", out.String())
	}
}

// TestLibraryPlaceholders: an unlinked library address is solc's
// placeholder __$<34 hex digits of keccak256("lib.sol:L")>$__; --libraries
// puts the address in its place.
func TestLibraryPlaceholders(t *testing.T) {
	code, out, errs := soll("build", "--bin", "testdata/linked.yul")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// keccak256("lib.sol:L") starts with these 34 hex digits.
	const ph = "__$" + "7658e08c4e23aceed01ae97f6c6f1bccc3" + "$__"
	if !strings.Contains(out, "73"+ph) {
		t.Fatalf("no placeholder %s after PUSH20 in:\n%s", ph, out)
	}
	code, out, errs = soll("build", "--bin", "--libraries", "lib.sol:L=0x1234567890123456789012345678901234567890", "testdata/linked.yul")
	if code != 0 || !strings.Contains(out, "731234567890123456789012345678901234567890") || strings.Contains(out, "__$") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
}
