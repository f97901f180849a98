package yul

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/llir/llvm/asm"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// compileString compiles src and fails the test on any error.
func compileString(t testing.TB, name, src string) *ir.Object {
	t.Helper()
	var log source.Log
	obj := Compile(source.NewFile(name, []byte(src)), evmversion.Default, &log)
	for _, d := range log.Errors() {
		t.Errorf("%s", d.Human())
	}
	if obj == nil {
		t.Fatalf("%s: Compile returned nil", name)
	}
	return obj
}

// verify runs the IR verifier on every object of the tree.
func verify(t testing.TB, name string, obj *ir.Object) {
	t.Helper()
	for _, err := range ir.VerifyObject(obj) {
		t.Errorf("%s: %v", name, err)
	}
}

// render prints every object of the tree: its name, then its module (code)
// or its bytes (data).
func render(obj *ir.Object) string {
	var b strings.Builder
	obj.Walk(func(o *ir.Object) {
		if o.IsData() {
			b.WriteString("; data \"" + o.Name + "\": " + hexBytes(o.Data) + "\n")
			return
		}
		b.WriteString("; object \"" + o.Name + "\"\n")
		m := o.Code.String()
		b.WriteString(m)
		if !strings.HasSuffix(m, "\n") {
			b.WriteString("\n")
		}
	})
	return b.String()
}

func hexBytes(data []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(data))
	for _, c := range data {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// TestLowerGolden lowers testdata/*.yul and compares the printed modules
// with testdata/*.ll (go test -update rewrites them). Every module must
// pass the verifier and parse back with llir's asm package.
func TestLowerGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.yul"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			obj := compileString(t, filepath.Base(path), string(src))
			verify(t, path, obj)
			obj.Walk(func(o *ir.Object) {
				if o.Code == nil {
					return
				}
				if _, err := asm.ParseString(path, o.Code.String()); err != nil {
					t.Errorf("object %q does not parse back: %v", o.Name, err)
				}
				checkLocs(t, o)
			})
			got := render(obj)
			golden := strings.TrimSuffix(path, ".yul") + ".ll"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("lowering of %s differs from %s (run go test -update and review the diff):\n%s", path, golden, got)
			}
		})
	}
}

// TestLowerCorpusIR compiles every IR file of the corpus (parse, analyze,
// lower) without a diagnostic and verifies the result.
func TestLowerCorpusIR(t *testing.T) {
	files := corpusIRFiles(t)
	if testing.Short() {
		files = files[:len(files)/10]
	}
	var compileTime, verifyTime time.Duration
	total, failed := 0, 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		total += len(data)
		v := corpusEVMVersion(t, path)
		var log source.Log
		start := time.Now()
		obj := Compile(source.NewFile(path, data), v, &log)
		compileTime += time.Since(start)
		if obj == nil || len(log.Errors()) > 0 {
			failed++
			if failed <= 5 {
				for _, d := range log.Errors() {
					t.Errorf("%s", d.Human())
				}
			}
			continue
		}
		start = time.Now()
		errs := ir.VerifyObject(obj)
		verifyTime += time.Since(start)
		if len(errs) > 0 {
			failed++
			if failed <= 5 {
				t.Errorf("%s: %d verifier errors, first: %v", path, len(errs), errs[0])
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d files failed", failed, len(files))
	}
	mib := float64(total) / (1 << 20)
	t.Logf("compiled %d files, %.1f MiB in %v: %.1f MiB/s (parse+analyze+lower); verifier: %v",
		len(files), mib, compileTime.Round(time.Millisecond), mib/compileTime.Seconds(), verifyTime.Round(time.Millisecond))
}

// corpusEVMVersion is the EVM version solc compiled a corpus IR file for:
// the evmVersion of the test's .solc.json (x.ir/C.yul → x.solc.json).
func corpusEVMVersion(t testing.TB, irPath string) evmversion.Version {
	t.Helper()
	meta := strings.TrimSuffix(filepath.Dir(irPath), ".ir") + ".solc.json"
	data, err := os.ReadFile(meta)
	if err != nil {
		return evmversion.Default
	}
	var m struct {
		EVMVersion string `json:"evmVersion"`
	}
	if err := json.Unmarshal(data, &m); err != nil || m.EVMVersion == "" {
		return evmversion.Default
	}
	v, err := evmversion.Parse(m.EVMVersion)
	if err != nil {
		t.Fatalf("%s: %v", meta, err)
	}
	return v
}

// BenchmarkCompileCorpus compiles a sample of the corpus IR files.
func BenchmarkCompileCorpus(b *testing.B) {
	files := corpusIRFiles(b)
	var inputs [][]byte
	var names []string
	var versions []evmversion.Version
	size := 0
	for i := 0; i < len(files); i += 10 {
		data, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		names = append(names, files[i])
		versions = append(versions, corpusEVMVersion(b, files[i]))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range inputs {
			var log source.Log
			if Compile(source.NewFile(names[i], data), versions[i], &log) == nil {
				b.Fatalf("%s: %v", names[i], log.Errors())
			}
		}
	}
}

// checkLocs checks that every instruction and terminator of o's functions
// has a source span inside the file.
func checkLocs(t *testing.T, o *ir.Object) {
	t.Helper()
	for _, f := range o.Code.Funcs {
		for _, b := range f.Blocks {
			for _, inst := range b.Insts {
				if s := o.Loc(inst); !s.IsValid() || s.End > len(s.File.Content) || s.Start > s.End {
					t.Errorf("object %q, @%s, %%%s: no valid span for %s", o.Name, f.Name(), b.Name(), inst.LLString())
				}
			}
			if s := o.Loc(b.Term); !s.IsValid() {
				t.Errorf("object %q, @%s, %%%s: no span for %s", o.Name, f.Name(), b.Name(), b.Term.LLString())
			}
		}
	}
}
