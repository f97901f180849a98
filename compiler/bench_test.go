package compiler

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/soll-dev/soll/backend/evm"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/isoltest"
)

// benchInputs returns n of the corpus's unoptimized IR files (solc's IR is
// the Yul input the spine is measured on), repeating the list when n is
// larger than the corpus, so that 1×, 4× and 16× inputs can be compared.
func benchInputs(b *testing.B, n int) [][]byte {
	dir, ok := isoltest.CorpusDir()
	if !ok {
		b.Skip("corpus not found (../shared/corpus or $SOLL_CORPUS)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "semantic", "*", "*.ir", "*.yul"))
	var unopt []string
	for _, f := range files {
		if filepath.Ext(f[:len(f)-4]) != ".opt" {
			unopt = append(unopt, f)
		}
	}
	sort.Strings(unopt)
	if len(unopt) == 0 {
		b.Skip("no IR files in the corpus")
	}
	// Take every 7th file that compiles for the default EVM version (a few
	// need another version or do not fit the stack without memoryguard).
	var pool [][]byte
	opts := DefaultOptions()
	opts.Lang = Yul
	for i := 0; i < len(unopt) && len(pool) < 200; i += 7 {
		src, err := os.ReadFile(unopt[i])
		if err != nil {
			b.Fatal(err)
		}
		if Compile([]Source{{Name: "x.yul", Content: src}}, opts).HasErrors() {
			continue
		}
		pool = append(pool, src)
	}
	out := make([][]byte, 0, n)
	for i := 0; len(out) < n; i++ {
		out = append(out, pool[i%len(pool)])
	}
	return out
}

// BenchmarkPhases reports compile throughput (bytes of Yul per second) for
// each phase and end to end, at 1×, 4× and 16× input:
//
//	go test -run '^$' -bench Phases ./compiler
func BenchmarkPhases(b *testing.B) {
	for _, scale := range []int{1, 4, 16} {
		srcs := benchInputs(b, 25*scale)
		size := 0
		for _, s := range srcs {
			size += len(s)
		}
		v := evmversion.Default
		parse := func() []*yul.Object {
			var objs []*yul.Object
			for i, s := range srcs {
				var log source.Log
				objs = append(objs, yul.Parse(source.NewFile(fmt.Sprint(i), s), &log))
			}
			return objs
		}
		b.Run(fmt.Sprintf("parse/%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				parse()
			}
		})
		b.Run(fmt.Sprintf("analyze+lower/%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				objs := parse()
				b.StartTimer()
				for _, o := range objs {
					var log source.Log
					yul.Analyze(o, v, &log)
					yul.Lower(o, &log)
				}
			}
		})
		b.Run(fmt.Sprintf("optimize/%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				var irs = lowered(b, srcs, v)
				b.StartTimer()
				for _, o := range irs {
					if err := opt.Run(o, opt.Options{Level: opt.O2}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(fmt.Sprintf("codegen/%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				irs := lowered(b, srcs, v)
				for _, o := range irs {
					if err := opt.Run(o, opt.Options{Level: opt.O2}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				for _, o := range irs {
					var log source.Log
					if evm.Compile(o, evm.Options{EVMVersion: v}, &log) == nil {
						b.Fatal(log.Diagnostics())
					}
				}
			}
		})
		b.Run(fmt.Sprintf("all/%dx", scale), func(b *testing.B) {
			b.SetBytes(int64(size))
			opts := DefaultOptions()
			opts.Lang = Yul
			opts.Jobs = 1
			for i := 0; i < b.N; i++ {
				for j, s := range srcs {
					res := Compile([]Source{{Name: fmt.Sprint(j), Content: s}}, opts)
					if res.HasErrors() {
						b.Fatal(res.Diagnostics[0].Short())
					}
				}
			}
		})
	}
}

func lowered(b *testing.B, srcs [][]byte, v evmversion.Version) []*ir.Object {
	var out []*ir.Object
	for i, s := range srcs {
		var log source.Log
		o := yul.Compile(source.NewFile(fmt.Sprint(i), s), v, &log)
		if o == nil {
			b.Fatal(log.Diagnostics())
		}
		out = append(out, o)
	}
	return out
}
