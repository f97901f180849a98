package ewasm_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/soll-dev/soll/compiler"
)

// TestExamples compiles the repository's Yul examples for Ewasm through the
// library API and validates the modules.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yul")
	if len(files) == 0 {
		t.Skip("no Yul examples")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, strict := range []bool{false, true} {
			opts := compiler.DefaultOptions()
			opts.Target = compiler.Ewasm
			opts.EwasmStrict = strict
			res := compiler.Compile([]compiler.Source{{Name: f, Content: src}}, opts)
			if res.HasErrors() {
				t.Errorf("%s (strict %v): %v", f, strict, res.Diagnostics)
				continue
			}
			for _, c := range res.Contracts {
				if c.Ewasm == nil || len(c.Ewasm.Deployer) < 8 {
					t.Errorf("%s: no Ewasm artifact", c.Key)
					continue
				}
				t.Logf("%s strict=%v: deployer %d bytes, runtime %d bytes", c.Key, strict, len(c.Ewasm.Deployer), len(c.Ewasm.Runtime))
			}
		}
	}
}
