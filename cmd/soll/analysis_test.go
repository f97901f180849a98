package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestBuildCombinedJSONAnalysis(t *testing.T) {
	code, out, errs := soll("build", "--combined-json", "abi,hashes,storage-layout", "testdata/token.sol")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Contracts map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if _, ok := v.Contracts["testdata/token.sol:IERC20"]; !ok {
		t.Errorf("no entry for the interface: %v", v.Contracts)
	}
	var hashes map[string]string
	_ = json.Unmarshal(v.Contracts["testdata/token.sol:Token"]["hashes"], &hashes)
	if hashes["transfer(address,uint256)"] != "a9059cbb" {
		t.Errorf("hashes: %v", hashes)
	}
	golden(t, "token.combined.golden", out)
}

func TestBuildHashesABIStorageLayoutFiles(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := soll("build", "--abi", "--hashes", "--storage-layout", "-o", dir, "testdata/token.sol")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"Token.abi", "Token.signatures", "Token_storage.json", "IERC20.abi"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	sigs, _ := os.ReadFile(filepath.Join(dir, "Token.signatures"))
	golden(t, "token.signatures.golden", string(sigs))
}

func TestBuildStopAfterAnalysisJSON(t *testing.T) {
	code, out, _ := soll("build", "--stop-after", "analysis", "--error-format", "json", "testdata/undeclared.sol")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	golden(t, "undeclared.json.golden", out)
	if code, _, errs := soll("build", "--stop-after", "analysis", "testdata/token.sol"); code != 0 {
		t.Errorf("exit %d: %s", code, errs)
	}
}
