package sema

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugFile analyzes one semantic test ($SOLL_DEBUG_FILE) and prints
// its diagnostics.
func TestDebugFile(t *testing.T) {
	f := os.Getenv("SOLL_DEBUG_FILE")
	if f == "" {
		t.Skip("set SOLL_DEBUG_FILE")
	}
	for _, st := range loadSemanticTests(t) {
		if !strings.HasSuffix(st.path, f) {
			continue
		}
		_, diags := analyzeSources(st.srcs, st.evm)
		for _, d := range diags {
			fmt.Println(d.Short())
		}
	}
}
