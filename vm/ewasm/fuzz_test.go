package ewasm

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzModule feeds arbitrary bytes to the decoder, the Ewasm checks and the
// metering injector: none may panic, and a module that passes the checks
// must meter into a module that decodes again.
func FuzzModule(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.wasm"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		m, err := decodeModule(code)
		if err != nil {
			return
		}
		if m.checkEwasm(false) != nil {
			return
		}
		metered, err := meter(m)
		if err != nil {
			return
		}
		if _, err := decodeModule(metered); err != nil {
			t.Fatalf("metered copy does not decode: %v", err)
		}
	})
}
