package solidity

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/soll-dev/soll/frontend/source"
)

// corpusSources collects every source unit of the corpus (semantic tests
// with their external sources, and syntax tests), as they are compiled.
func corpusSources(b *testing.B) []Source {
	var all []Source
	for _, p := range semanticTests(b) {
		srcs, _, yulMain, err := semanticSources(p)
		if err != nil || yulMain {
			continue
		}
		all = append(all, srcs...)
	}
	root := filepath.Join(corpusDir(b), "syntax", "syntaxTests")
	_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Ext(p) != ".sol" {
			return nil
		}
		c, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		tf := splitTestFile(string(c))
		for _, s := range tf.sources {
			all = append(all, Source{Name: s.Name, Content: append([]byte(preamble(string(s.Content))), s.Content...)})
		}
		return nil
	})
	return all
}

// BenchmarkParse parses every corpus source once per iteration on one
// core; the scaled variants parse each source repeated 4 and 16 times, as
// one larger file, to show that time is linear in the input.
func BenchmarkParse(b *testing.B) {
	srcs := corpusSources(b)
	for _, scale := range []int{1, 4, 16} {
		scaled := make([]*source.File, len(srcs))
		total := 0
		for i, s := range srcs {
			c := bytes.Repeat(s.Content, scale)
			scaled[i] = source.NewFile(s.Name, c)
			total += len(c)
		}
		b.Run("x"+itoa(scale), func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				for _, f := range scaled {
					log := &source.Log{}
					ParseFile(f, Options{}, log)
				}
			}
			reportCPUThroughput(b, cpu0, total)
		})
	}
}

// BenchmarkParseParallel parses the corpus through Parse, which spreads
// independent files over all cores.
func BenchmarkParseParallel(b *testing.B) {
	srcs := corpusSources(b)
	total := 0
	for _, s := range srcs {
		total += len(s.Content)
	}
	// Distinct names: the corpus reuses names like "a.sol".
	named := make([]Source, len(srcs))
	for i, s := range srcs {
		named[i] = Source{Name: itoa(i) + "/" + s.Name, Content: s.Content}
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Parse(named, Options{NoImportCallback: true})
	}
	reportCPUThroughput(b, cpu0, total)
}

// cpuTime is the CPU time the process has used (user + system). On a
// machine shared with other jobs, MB per CPU-second is a steadier measure
// than wall-clock MB/s.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPUThroughput(b *testing.B, cpu0 time.Duration, bytesPerOp int) {
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var d []byte
	for ; i > 0; i /= 10 {
		d = append([]byte{byte('0' + i%10)}, d...)
	}
	return string(d)
}
