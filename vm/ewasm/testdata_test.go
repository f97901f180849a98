package ewasm

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/soll-dev/soll/vm"
)

// mvpFlags make wabt accept WebAssembly 1.0 + mutable globals only
// (ewasm.md §1.4).
var mvpFlags = []string{
	"--disable-sign-extension", "--disable-bulk-memory", "--disable-reference-types",
	"--disable-multi-value", "--disable-saturating-float-to-int", "--disable-simd",
}

func watFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.wat"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .wat files: %v", err)
	}
	return files
}

// TestTestdataUpToDate checks that every committed .wasm is what wat2wasm
// makes of its .wat (regenerate with `wat2wasm --no-check X.wat -o X.wasm`;
// --no-check because bad_type_error.wat is invalid on purpose).
func TestTestdataUpToDate(t *testing.T) {
	wat2wasm, err := exec.LookPath("wat2wasm")
	if err != nil {
		t.Skip("wat2wasm (wabt) not installed")
	}
	dir := t.TempDir()
	for _, wat := range watFiles(t) {
		out := filepath.Join(dir, "out.wasm")
		if b, err := exec.Command(wat2wasm, "--no-check", wat, "-o", out).CombinedOutput(); err != nil {
			t.Fatalf("wat2wasm %s: %v\n%s", wat, err, b)
		}
		want, _ := os.ReadFile(out)
		got, err := os.ReadFile(strings.TrimSuffix(wat, ".wat") + ".wasm")
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s.wasm is stale or missing: regenerate it with wat2wasm", strings.TrimSuffix(wat, ".wat"))
		}
	}
}

// TestMeteredCopiesValidate runs every valid test module and its metered
// copy through wabt's validator with post-MVP features off, and checks that
// the copy keeps the module's exports and adds only the gas counter.
func TestMeteredCopiesValidate(t *testing.T) {
	validate, err := exec.LookPath("wasm-validate")
	if err != nil {
		t.Log("wasm-validate (wabt) not installed: checking with wazero only")
	}
	dir := t.TempDir()
	for _, wat := range watFiles(t) {
		name := strings.TrimSuffix(filepath.Base(wat), ".wat")
		if strings.HasPrefix(name, "bad_") {
			continue
		}
		code := load(t, name)
		m, err := decodeModule(code)
		if err == nil {
			err = m.checkEwasm(false)
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		metered, err := meter(m)
		if err != nil {
			t.Errorf("meter %s: %v", name, err)
			continue
		}
		mm, err := decodeModule(metered)
		if err != nil {
			t.Errorf("metered %s does not decode: %v", name, err)
			continue
		}
		var exports []string
		for _, e := range mm.exports {
			exports = append(exports, e.name)
		}
		if want := []string{meterGlobal, "memory", "main"}; !reflect.DeepEqual(exports, want) {
			t.Errorf("metered %s exports %v, want %v", name, exports, want)
		}
		if validate == "" {
			continue
		}
		for label, bin := range map[string][]byte{"": code, "metered ": metered} {
			path := filepath.Join(dir, name+".wasm")
			if err := os.WriteFile(path, bin, 0o644); err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command(validate, append(mvpFlags, path)...).CombinedOutput(); err != nil {
				t.Errorf("wasm-validate %s%s: %v\n%s", label, name, err, b)
			}
		}
	}
}

// TestMeterRenumbers runs indirect.wat (table, elements, call_indirect,
// own global, memory.grow, no useGas import) metered and unmetered: same
// results, and the metered run pays for the page memory.grow adds.
func TestMeterRenumbers(t *testing.T) {
	var used []uint64
	for _, cfg := range []Config{{}, {NoMetering: true}} {
		c := newChain(t, cfg)
		addr := deploy(t, c, "indirect")
		r := call(t, c, addr, nil, nil, vm.Success)
		if got := r.Output; len(got) != 8 || binary.LittleEndian.Uint32(got) != 64 || binary.LittleEndian.Uint32(got[4:]) != 1 {
			t.Errorf("metering=%v: output %x, want 64 and old size 1", !cfg.NoMetering, got)
		}
		used = append(used, r.GasUsed)
	}
	// Two pages (initial and grown) plus the executed instructions: main's
	// single segment of 19, double once and square twice at 8 each.
	if d := used[0] - used[1]; d != 2*PageGas+19+3*8 {
		t.Errorf("metering added %d gas, want %d", d, 2*PageGas+19+3*8)
	}
}

// TestDeterminism runs one scenario on two fresh chains and compares every
// result, state included.
func TestDeterminism(t *testing.T) {
	run := func() []any {
		c := newChain(t, Config{})
		var out []any
		factory := deploy(t, c, "factory")
		proxy := deploy(t, c, "proxy")
		logger := deploy(t, c, "logger")
		r := c.Call(acct0, factory, cat([]byte{0}, le128(0), make([]byte, 32), deployData(t, load(t, "store"))), nil)
		out = append(out, r)
		store := common.BytesToAddress(r.Output[4:24])
		out = append(out, c.Call(acct1, proxy, proxyInput(kindCallByte, store, 0, cat(word(3), word(4))), nil))
		out = append(out, c.Call(acct1, proxy, proxyInput(kindCallByte, logger, 0, []byte{0, 1, 2}), nil))
		out = append(out, c.Call(acct0, deploy(t, c, "loop"), nil, nil))
		out = append(out, c.Storage(store, common.BytesToHash([]byte{3})), c.Balance(acct1), c.Nonce(factory))
		return out
	}
	a, b := run(), run()
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs differ:\n%+v\n%+v", a, b)
	}
}

// TestCompileCache: a module is compiled once per chain, and a deployer
// once whatever its constructor arguments.
func TestCompileCache(t *testing.T) {
	c := newChain(t, Config{})
	deploy(t, c, "store")
	deploy(t, c, "store")
	deploy(t, c, "env")
	// deployer, store, env.
	if n := len(c.programs); n != 3 {
		t.Errorf("%d compiled programs, want 3", n)
	}
}
