package opt_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
)

const corpusHashFile = "testdata/corpus_hashes.txt"

// TestCorpusHashes pins the optimizer's output on a sample of the corpus
// (every 7th unoptimized IR file, as in compiler's BenchmarkPhases): the
// printed modules of every object after each -O level are hashed and
// compared with testdata/corpus_hashes.txt, so that a change meant to be
// pure refactoring or speed-up cannot change the output unnoticed.
// Refresh the file with -update after an intended change of behaviour.
// With -corpus-all every file is checked, against a file in $TMPDIR.
func TestCorpusHashes(t *testing.T) {
	root := os.Getenv("SOLL_CORPUS")
	if root == "" {
		root = "../../../shared/corpus"
	}
	files, _ := filepath.Glob(filepath.Join(root, "semantic", "*", "*.ir", "*.yul"))
	var inputs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".opt.yul") {
			inputs = append(inputs, f)
		}
	}
	if len(inputs) == 0 {
		t.Skip("no corpus at " + root)
	}
	sort.Strings(inputs)
	type run struct {
		level   opt.Level
		version evmversion.Version
	}
	runs := []run{{opt.O0, evmversion.Default}, {opt.O1, evmversion.Default}, {opt.O2, evmversion.Default}, {opt.Os, evmversion.Default}, {opt.O2, evmversion.Homestead}}
	stride, hashFile := 7, corpusHashFile
	if *corpusAll {
		// Every file, against a file that is not kept in the repository:
		// generate it with -update -corpus-all before a change.
		stride, hashFile = 1, filepath.Join(os.TempDir(), "soll_corpus_hashes_all.txt")
	}
	var lines []string
	for i := 0; i < len(inputs); i += stride {
		file := inputs[i]
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, file)
		for _, r := range runs {
			var log source.Log
			obj := yul.Compile(source.NewFile(rel, src), r.version, &log) // rel: hashes must not depend on where the corpus is
			if obj == nil || log.HasErrors() {
				continue
			}
			h := sha256.New()
			if err := opt.Run(obj, opt.Options{Level: r.level, EVMVersion: r.version}); err != nil {
				fmt.Fprintf(h, "error: %v", err)
			} else {
				obj.Walk(func(o *ir.Object) {
					if o.Code != nil {
						fmt.Fprintf(h, "object %q\n%s\n", o.Name, o.Code)
					}
				})
			}
			lines = append(lines, fmt.Sprintf("%s %v %v %s", rel, r.level, r.version, hex.EncodeToString(h.Sum(nil))[:20]))
		}
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(hashFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(hashFile)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		want = append(want, sc.Text())
	}
	wantSet := make(map[string]bool, len(want))
	for _, l := range want {
		wantSet[l] = true
	}
	bad := 0
	for _, l := range lines {
		if !wantSet[l] {
			bad++
			if bad <= 20 {
				t.Errorf("output changed: %s", l)
			}
		}
	}
	if len(lines) != len(want) {
		t.Errorf("%d results, golden file has %d", len(lines), len(want))
	}
	if bad > 0 {
		t.Errorf("%d of %d outputs differ from %s", bad, len(lines), hashFile)
	}
}
