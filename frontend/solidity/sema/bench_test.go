package sema

import (
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/soll-dev/soll/frontend/solidity"
)

// BenchmarkParseAnalyze parses and analyzes every semantic test of the
// corpus (with its preamble and external sources) on one core. The x4 and
// x16 runs analyze programs made of 4 and 16 copies of each test's source
// units (copies under other unit names), to show that time grows
// linearly with program size. Throughput is in source bytes.
func BenchmarkParseAnalyze(b *testing.B) {
	tests := loadSemanticTests(b)
	for _, scale := range []int{1, 4, 16} {
		progs := make([][]solidity.Source, len(tests))
		total := 0
		for i, st := range tests {
			for k := 0; k < scale; k++ {
				for _, s := range st.srcs {
					name := s.Name
					if k > 0 {
						name = "copy" + strconv.Itoa(k) + "/" + name
					}
					progs[i] = append(progs[i], solidity.Source{Name: name, Content: s.Content})
					total += len(s.Content)
				}
			}
		}
		b.Run("x"+strconv.Itoa(scale), func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			cpu0 := cpuTime()
			for n := 0; n < b.N; n++ {
				for i, srcs := range progs {
					p, _ := analyzeSources(srcs, tests[i].evm)
					for _, c := range p.Contracts {
						p.ABI(c)
						p.Hashes(c)
						p.StorageLayout(c)
					}
				}
			}
			// The machine is shared: CPU time gives the throughput of the
			// work itself, independent of waiting for a core.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/(1<<20), "MiB/cpu-s")
			}
		})
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
