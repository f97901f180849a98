package yul

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/soll-dev/soll/frontend/source"
)

// TestParseCorpusIR parses every IR file solc produced for the semantic
// tests: all must parse without a diagnostic. It reports the throughput.
func TestParseCorpusIR(t *testing.T) {
	files := corpusIRFiles(t)
	type input struct {
		name string
		data []byte
	}
	inputs := make([]input, 0, len(files))
	total := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{path, data})
		total += len(data)
	}
	start := time.Now()
	failed := 0
	for _, in := range inputs {
		var log source.Log
		obj := Parse(source.NewFile(in.name, in.data), &log)
		if obj == nil || len(log.Diagnostics()) > 0 {
			failed++
			if failed <= 10 {
				for _, d := range log.Diagnostics() {
					t.Errorf("%s", d.Human())
				}
				if obj == nil && len(log.Diagnostics()) == 0 {
					t.Errorf("%s: nil object without diagnostics", in.name)
				}
			}
		}
	}
	elapsed := time.Since(start)
	if failed > 0 {
		t.Errorf("%d of %d files failed to parse", failed, len(inputs))
	}
	mib := float64(total) / (1 << 20)
	t.Logf("parsed %d files, %.1f MiB in %v: %.1f MiB/s", len(inputs), mib, elapsed.Round(time.Millisecond), mib/elapsed.Seconds())
}

// parseString parses src and returns the object and the rendered
// diagnostics ("Kind code: (start-end): message" per line).
func parseString(t *testing.T, src string) (*Object, string) {
	t.Helper()
	var log source.Log
	obj := Parse(source.NewFile("test.yul", []byte(src)), &log)
	return obj, renderDiags(log.Diagnostics())
}

func renderDiags(ds []source.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(solcDiag(d))
		b.WriteString("\n")
	}
	return b.String()
}

// solcDiag renders d as solc's test expectations do:
// "Kind code: (start-end): message".
func solcDiag(d source.Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Kind)
	if d.Code != 0 {
		b.WriteString(" ")
		b.WriteString(itoa(d.Code))
	}
	b.WriteString(": ")
	if d.Span.IsValid() {
		b.WriteString("(" + itoa(d.Span.Start) + "-" + itoa(d.Span.End) + "): ")
	}
	b.WriteString(d.Message)
	return b.String()
}
