package ewasm

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir/opt"
)

// TestWATMatchesWasm2wat: our printer and wabt's disassembler agree token
// by token (comments aside) on every e2e program's modules.
func TestWATMatchesWasm2wat(t *testing.T) {
	tool, err := exec.LookPath("wasm2wat")
	if err != nil {
		t.Skip("wasm2wat not found; skipping the comparison with wabt")
	}
	for _, c := range e2eCases {
		obj := lower(t, c.src, opt.O2)
		var log source.Log
		art := Compile(obj, Options{}, &log)
		if art == nil {
			t.Fatalf("%s: %v", c.name, log.Diagnostics())
		}
		wat := art.WAT()
		parts := strings.Split(wat, "(; runtime ")
		bins := [][]byte{art.Deployer}
		if art.Runtime != nil {
			bins = append(bins, art.Runtime)
		}
		if len(parts) != len(bins) {
			t.Fatalf("%s: WAT has %d modules, want %d", c.name, len(parts), len(bins))
		}
		for i, bin := range bins {
			f := filepath.Join(t.TempDir(), "m.wasm")
			os.WriteFile(f, bin, 0o644)
			out, err := exec.Command(tool, f).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: wasm2wat: %v\n%s", c.name, err, out)
			}
			got := normalizeWAT(parts[i][strings.Index(parts[i], "(module"):])
			want := normalizeWAT(string(out))
			if got != want {
				g, w := strings.Fields(got), strings.Fields(want)
				for k := range g {
					if k >= len(w) || g[k] != w[k] {
						lo := max(0, k-8)
						t.Errorf("%s module %d: token %d differs:\n ours %v\nwabt %v", c.name, i, k, g[lo:min(len(g), k+8)], w[lo:min(len(w), k+8)])
						break
					}
				}
				if len(g) < len(w) {
					t.Errorf("%s module %d: ours is a prefix of wabt's", c.name, i)
				}
			}
		}
	}
}
