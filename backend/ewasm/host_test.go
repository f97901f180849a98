package ewasm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"golang.org/x/crypto/sha3"
)

// A minimal fake EEI host for the backend's own tests (the real VM lives in
// vm/ewasm): enough of ewasm.md §2 to run single contracts, with Hera's
// bounds checks so that a module passing a bad range fails here too.

type halt struct {
	status string // "finish", "revert", "selfdestruct"
}

func (h *halt) Error() string { return "halt: " + h.status }

type fakeHost struct {
	calldata []byte
	code     []byte
	storage  map[[32]byte][32]byte
	tstorage map[[32]byte][32]byte
	address  [20]byte
	caller   [20]byte
	origin   [20]byte
	value    [16]byte // u128 LE
	logs     []fakeLog
	out      []byte
	status   string // "stop" (main returned), "finish", "revert", "trap"
	trapErr  error
	// calls records call*/create; each answers status 0 with callRet as
	// return data (create: address createAddr).
	calls      []fakeCall
	callRet    []byte
	returnData []byte
	createAddr [20]byte
}

type fakeCall struct {
	kind  string
	gas   int64
	addr  []byte
	value []byte
	input []byte
}

type fakeLog struct {
	topics [][32]byte
	data   []byte
}

func newHost() *fakeHost {
	return &fakeHost{storage: map[[32]byte][32]byte{}, tstorage: map[[32]byte][32]byte{}}
}

// mem returns memory [p, p+n) with Hera's checks (even for n = 0).
func mem(m api.Module, p, n uint32) []byte {
	end := uint64(p) + uint64(n)
	if end > uint64(m.Memory().Size()) {
		panic(fmt.Errorf("invalid memory access [%d, %d)", p, end))
	}
	b, _ := m.Memory().Read(p, n)
	return b
}

func copyOut(m api.Module, dst uint32, src []byte, off, n uint32) {
	if uint64(off)+uint64(n) > uint64(len(src)) {
		panic(fmt.Errorf("copy past the end of the source: %d+%d > %d", off, n, len(src)))
	}
	copy(mem(m, dst, n), src[off:off+n])
}

// compileCache lets the tests' many runtimes share compiled modules.
var compileCache = wazero.NewCompilationCache()

// newRuntime: MVP features only (ewasm.md §1.4); debug info off (§8 item 10).
func newRuntime(ctx context.Context) wazero.Runtime {
	return wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV1).WithDebugInfoEnabled(false).
		WithCompilationCache(compileCache))
}

// instantiateHost registers the ethereum and ethereum_ext modules.
func (h *fakeHost) instantiate(ctx context.Context, r wazero.Runtime) error {
	eth := r.NewHostModuleBuilder("ethereum")
	fn := func(name string, f any) { eth.NewFunctionBuilder().WithFunc(f).Export(name) }
	fn("useGas", func(int64) {})
	fn("getGasLeft", func() int64 { return 1000000 })
	fn("getAddress", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 20), h.address[:]) })
	fn("getCaller", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 20), h.caller[:]) })
	fn("getTxOrigin", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 20), h.origin[:]) })
	fn("getBlockCoinbase", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 20), make([]byte, 20)) })
	fn("getExternalBalance", func(_ context.Context, m api.Module, a, r uint32) {
		mem(m, a, 20)
		copy(mem(m, r, 16), make([]byte, 16))
	})
	fn("getBlockHash", func(_ context.Context, m api.Module, n int64, r uint32) uint32 { return 1 })
	fn("getCallDataSize", func() uint32 { return uint32(len(h.calldata)) })
	fn("callDataCopy", func(_ context.Context, m api.Module, d, o, n uint32) { copyOut(m, d, h.calldata, o, n) })
	fn("getCallValue", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 16), h.value[:]) })
	fn("codeCopy", func(_ context.Context, m api.Module, d, o, n uint32) { copyOut(m, d, h.code, o, n) })
	fn("getCodeSize", func() uint32 { return uint32(len(h.code)) })
	fn("externalCodeCopy", func(_ context.Context, m api.Module, a, d, o, n uint32) { copyOut(m, d, nil, o, n) })
	fn("getExternalCodeSize", func(_ context.Context, m api.Module, a uint32) uint32 { mem(m, a, 20); return 0 })
	fn("getBlockDifficulty", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 32), make([]byte, 32)) })
	fn("getBlockGasLimit", func() int64 { return 30000000 })
	fn("getTxGasPrice", func(_ context.Context, m api.Module, p uint32) { copy(mem(m, p, 16), make([]byte, 16)) })
	fn("log", func(_ context.Context, m api.Module, d, n, k, t1, t2, t3, t4 uint32) {
		if k > 4 {
			panic(errors.New("too many topics"))
		}
		l := fakeLog{data: append([]byte(nil), mem(m, d, n)...)}
		for _, t := range []uint32{t1, t2, t3, t4}[:k] {
			var w [32]byte
			copy(w[:], mem(m, t, 32))
			l.topics = append(l.topics, w)
		}
		h.logs = append(h.logs, l)
	})
	fn("getBlockNumber", func() int64 { return 0 })
	fn("getBlockTimestamp", func() int64 { return 0 })
	fn("storageStore", func(_ context.Context, m api.Module, k, v uint32) {
		var kk, vv [32]byte
		copy(kk[:], mem(m, k, 32))
		copy(vv[:], mem(m, v, 32))
		h.storage[kk] = vv
	})
	fn("storageLoad", func(_ context.Context, m api.Module, k, r uint32) {
		var kk [32]byte
		copy(kk[:], mem(m, k, 32))
		v := h.storage[kk]
		copy(mem(m, r, 32), v[:])
	})
	fn("finish", func(_ context.Context, m api.Module, p, n uint32) {
		h.out = append([]byte(nil), mem(m, p, n)...)
		panic(&halt{"finish"})
	})
	fn("revert", func(_ context.Context, m api.Module, p, n uint32) {
		h.out = append([]byte(nil), mem(m, p, n)...)
		panic(&halt{"revert"})
	})
	fn("getReturnDataSize", func() uint32 { return uint32(len(h.returnData)) })
	fn("returnDataCopy", func(_ context.Context, m api.Module, d, o, n uint32) { copyOut(m, d, h.returnData, o, n) })
	record := func(m api.Module, kind string, g int64, a, v, d, n uint32) uint32 {
		if g < 0 {
			panic(errors.New("negative gas"))
		}
		c := fakeCall{kind: kind, gas: g, addr: append([]byte(nil), mem(m, a, 20)...)}
		if v != ^uint32(0) {
			c.value = append([]byte(nil), mem(m, v, 16)...)
		}
		if n > 0 {
			c.input = append([]byte(nil), mem(m, d, n)...)
		}
		h.calls = append(h.calls, c)
		h.returnData = h.callRet
		return 0
	}
	fn("call", func(_ context.Context, m api.Module, g int64, a, v, d, n uint32) uint32 {
		return record(m, "call", g, a, v, d, n)
	})
	fn("callCode", func(_ context.Context, m api.Module, g int64, a, v, d, n uint32) uint32 {
		return record(m, "callCode", g, a, v, d, n)
	})
	fn("callDelegate", func(_ context.Context, m api.Module, g int64, a, d, n uint32) uint32 {
		return record(m, "callDelegate", g, a, ^uint32(0), d, n)
	})
	fn("callStatic", func(_ context.Context, m api.Module, g int64, a, d, n uint32) uint32 {
		return record(m, "callStatic", g, a, ^uint32(0), d, n)
	})
	fn("create", func(_ context.Context, m api.Module, v, d, n, r uint32) uint32 {
		c := fakeCall{kind: "create", value: append([]byte(nil), mem(m, v, 16)...)}
		if n > 0 {
			c.input = append([]byte(nil), mem(m, d, n)...)
		}
		h.calls = append(h.calls, c)
		h.returnData = nil
		copy(mem(m, r, 20), h.createAddr[:])
		return 0
	})
	fn("selfDestruct", func(_ context.Context, m api.Module, a uint32) {
		mem(m, a, 20)
		panic(&halt{"selfdestruct"})
	})
	if _, err := eth.Instantiate(ctx); err != nil {
		return err
	}
	ext := r.NewHostModuleBuilder("ethereum_ext")
	xfn := func(name string, f any) { ext.NewFunctionBuilder().WithFunc(f).Export(name) }
	xfn("keccak256", func(_ context.Context, m api.Module, d, n, r uint32) {
		hh := sha3.NewLegacyKeccak256()
		hh.Write(mem(m, d, n))
		copy(mem(m, r, 32), hh.Sum(nil))
	})
	xfn("getChainId", func(_ context.Context, m api.Module, p uint32) {
		b := mem(m, p, 32)
		for i := range b {
			b[i] = 0
		}
		b[0] = 1
	})
	xfn("transientStorageLoad", func(_ context.Context, m api.Module, k, r uint32) {
		var kk [32]byte
		copy(kk[:], mem(m, k, 32))
		v := h.tstorage[kk]
		copy(mem(m, r, 32), v[:])
	})
	xfn("transientStorageStore", func(_ context.Context, m api.Module, k, v uint32) {
		var kk, vv [32]byte
		copy(kk[:], mem(m, k, 32))
		copy(vv[:], mem(m, v, 32))
		h.tstorage[kk] = vv
	})
	_, err := ext.Instantiate(ctx)
	return err
}

// run executes module bin's main against h; h.status and h.out say how it
// ended.
func (h *fakeHost) run(t testing.TB, bin []byte) {
	t.Helper()
	ctx := context.Background()
	r := newRuntime(ctx)
	defer r.Close(ctx)
	if err := h.instantiate(ctx, r); err != nil {
		t.Fatal(err)
	}
	cm, err := r.CompileModule(ctx, bin)
	if err != nil {
		t.Fatalf("wazero rejects the module: %v", err)
	}
	mod, err := r.InstantiateModule(ctx, cm, wazero.NewModuleConfig().WithStartFunctions())
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	_, err = mod.ExportedFunction("main").Call(ctx)
	var hl *halt
	switch {
	case err == nil:
		h.status, h.out = "stop", nil
	case errors.As(err, &hl):
		h.status = hl.status
	default:
		h.status, h.trapErr, h.out = "trap", err, nil
	}
}

// checkModule validates bin against the Ewasm rules: wazero with MVP
// features, the export/import rules of ewasm.md §1.2–1.3, and wasm-validate
// (MVP only) when wabt is installed.
func checkModule(t testing.TB, bin []byte, strict bool) {
	t.Helper()
	ctx := context.Background()
	r := newRuntime(ctx)
	defer r.Close(ctx)
	cm, err := r.CompileModule(ctx, bin)
	if err != nil {
		t.Fatalf("wazero (CoreFeaturesV1) rejects the module: %v", err)
	}
	exp := cm.ExportedFunctions()
	if len(exp) != 1 || exp["main"] == nil {
		t.Errorf("exported functions: %v, want only main", keys(exp))
	} else if len(exp["main"].ParamTypes()) != 0 || len(exp["main"].ResultTypes()) != 0 {
		t.Errorf("main is not () -> ()")
	}
	if mems := cm.ExportedMemories(); len(mems) != 1 || mems["memory"] == nil {
		t.Errorf("exported memories: %v, want memory", len(mems))
	}
	for _, f := range cm.ImportedFunctions() {
		mod, name, _ := f.Import()
		ps, rs, ok := EEIImports(mod, name)
		if !ok || (strict && mod != "ethereum") {
			t.Errorf("import %s.%s is not allowed", mod, name)
			continue
		}
		if fmt.Sprint(ps) != fmt.Sprint(typeNames(f.ParamTypes())) || fmt.Sprint(rs) != fmt.Sprint(typeNames(f.ResultTypes())) {
			t.Errorf("import %s.%s has type %v -> %v, want %v -> %v", mod, name, f.ParamTypes(), f.ResultTypes(), ps, rs)
		}
	}
	wabtValidate(t, bin)
}

func typeNames(ts []api.ValueType) []string {
	var out []string
	for _, t := range ts {
		out = append(out, api.ValueTypeName(t))
	}
	return out
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

var wabtWarned bool

func wabtValidate(t testing.TB, bin []byte) {
	t.Helper()
	path, err := exec.LookPath("wasm-validate")
	if err != nil {
		if !wabtWarned {
			wabtWarned = true
			t.Log("wasm-validate not found; skipping wabt validation")
		}
		return
	}
	f := filepath.Join(t.TempDir(), "m.wasm")
	if err := os.WriteFile(f, bin, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append(mvpFlags(path), f)
	out, err := exec.Command(path, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("wasm-validate: %v\n%s", err, out)
	}
}

// mvpFlags turns off every post-MVP feature the installed wabt knows.
func mvpFlags(tool string) []string {
	help, _ := exec.Command(tool, "--help").CombinedOutput()
	var flags []string
	for _, f := range []string{"--disable-saturating-float-to-int", "--disable-sign-extension",
		"--disable-simd", "--disable-multi-value", "--disable-bulk-memory", "--disable-reference-types"} {
		if bytes.Contains(help, []byte(f)) {
			flags = append(flags, f)
		}
	}
	return flags
}

// normalizeWAT strips comments and folds whitespace, for comparing our
// printer with wasm2wat.
func normalizeWAT(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], ";;"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
			sb.WriteByte(' ')
		case strings.HasPrefix(s[i:], "(;"):
			j := strings.Index(s[i:], ";)")
			i += j + 1
			sb.WriteByte(' ')
		default:
			sb.WriteByte(s[i])
		}
	}
	out := strings.Join(strings.Fields(sb.String()), " ")
	out = strings.ReplaceAll(out, "( ", "(")
	return strings.ReplaceAll(out, " )", ")")
}
