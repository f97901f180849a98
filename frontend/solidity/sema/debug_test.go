package sema

import (
	"fmt"
	"os"
	"path/filepath"
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

// TestDebugSyntaxFile analyzes syntax tests whose path ends in
// $SOLL_SYNTAX_FILE and prints soll's first error next to solc's.
func TestDebugSyntaxFile(t *testing.T) {
	f := os.Getenv("SOLL_SYNTAX_FILE")
	if f == "" {
		t.Skip("set SOLL_SYNTAX_FILE")
	}
	for _, name := range strings.Fields(f) {
		p := filepath.Join(corpusDir(t), "syntax", "syntaxTests", name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sf := splitSyntaxFile(string(b))
		got := runSyntax(sf)
		if got.first == nil {
			fmt.Printf("%s: accepted\n", name)
		} else {
			fmt.Printf("%s: %d (%d): %s\n", name, got.first.Code, got.start, got.first.Message)
		}
		for _, e := range sf.expect {
			fmt.Printf("   want %s %d (%d)\n", e.kind, e.code, e.start)
		}
	}
}
