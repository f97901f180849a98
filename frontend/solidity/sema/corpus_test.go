package sema

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/tests/isoltest"
)

// Committed thresholds (percent of the corpus's contracts) for the
// artifacts solc derives from analysis. The test fails below them.
const (
	minABIPct    = 99.0
	minHashesPct = 99.0
	minLayoutPct = 99.0
)

func corpusDir(t testing.TB) string {
	d, ok := isoltest.CorpusDir()
	if !ok {
		t.Skip("corpus not found; set SOLL_CORPUS")
	}
	return d
}

// solcJSON is the part of a semantic test's .solc.json this package
// checks against.
type solcJSON struct {
	EVMVersion string                     `json:"evmVersion"`
	Preamble   map[string]string          `json:"preamble"`
	Contracts  map[string]json.RawMessage `json:"contracts"`
}

type solcContract struct {
	ABI           any               `json:"abi"`
	Hashes        map[string]string `json:"hashes"`
	StorageLayout any               `json:"storageLayout"`
}

// semanticTest is one semantic test compiled as solc's framework does.
type semanticTest struct {
	path string
	srcs []solidity.Source
	evm  evmversion.Version
	solc solcJSON
}

func loadSemanticTests(t testing.TB) []semanticTest {
	root := filepath.Join(corpusDir(t), "semantic")
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), "_") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".sol") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var out []semanticTest
	for _, p := range paths {
		js, err := os.ReadFile(strings.TrimSuffix(p, ".sol") + ".solc.json")
		if err != nil {
			continue
		}
		var sj solcJSON
		if err := json.Unmarshal(js, &sj); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		content, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		tst, err := isoltest.Parse(p, content)
		if err != nil || tst.IsYul() {
			continue
		}
		st := semanticTest{path: p, solc: sj, evm: evmversion.Default}
		if v, err := evmversion.Parse(sj.EVMVersion); err == nil {
			st.evm = v
		}
		for _, s := range tst.Sources {
			st.srcs = append(st.srcs, solidity.Source{Name: s.Name, Content: []byte(sj.Preamble[s.Name] + s.Content)})
		}
		out = append(out, st)
	}
	if len(out) == 0 {
		t.Skip("no semantic tests in the corpus")
	}
	return out
}

func analyzeSources(srcs []solidity.Source, evm evmversion.Version) (*Program, []source.Diagnostic) {
	prog, pd := solidity.Parse(srcs, solidity.Options{EVMVersion: &evm, NoImportCallback: true, NoPragmaWarning: true, Jobs: 1})
	p, sd := Analyze(prog, Options{EVMVersion: &evm})
	return p, append(pd, sd...)
}

var astIDRe = regexp.MustCompile(`(t_(?:struct|enum|contract|userDefinedValueType|super)\([^()]*\))\d+`)

// normalizeLayout drops AST ids: astId fields and the ids inside type
// identifiers.
func normalizeLayout(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if k == "astId" {
				continue
			}
			out[astIDRe.ReplaceAllString(k, "$1")] = normalizeLayout(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeLayout(x)
		}
		return out
	case string:
		return astIDRe.ReplaceAllString(v, "$1")
	}
	return v
}

// jsonValue round-trips through encoding/json so that Go values compare
// with decoded solc JSON.
func jsonValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func TestCorpusArtifacts(t *testing.T) {
	tests := loadSemanticTests(t)
	var nABI, okABI, nHash, okHash, nLayout, okLayout, failed int
	var report []string
	for _, st := range tests {
		p, diags := analyzeSources(st.srcs, st.evm)
		for _, d := range diags {
			if d.Severity == source.Error {
				failed++
				report = append(report, fmt.Sprintf("ERROR %s: %s", st.path, d.Short()))
				break
			}
		}
		byKey := map[string]*Contract{}
		for _, c := range p.Contracts {
			byKey[c.Key()] = c
		}
		keys := make([]string, 0, len(st.solc.Contracts))
		for k := range st.solc.Contracts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var sc solcContract
			if err := json.Unmarshal(st.solc.Contracts[k], &sc); err != nil {
				t.Fatal(err)
			}
			if sc.ABI == nil {
				continue // experimental Solidity: solc gives no ABI
			}
			c := byKey[k]
			nABI++
			nHash++
			nLayout++
			if c == nil {
				report = append(report, fmt.Sprintf("MISSING %s %s", st.path, k))
				continue
			}
			if got := jsonValue(p.ABI(c)); reflect.DeepEqual(got, sc.ABI) {
				okABI++
			} else {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(sc.ABI)
				report = append(report, fmt.Sprintf("ABI %s %s\n  got  %s\n  want %s", st.path, k, g, w))
			}
			if got := p.Hashes(c); reflect.DeepEqual(got, sc.Hashes) || len(got) == 0 && len(sc.Hashes) == 0 {
				okHash++
			} else {
				report = append(report, fmt.Sprintf("HASHES %s %s\n  got  %v\n  want %v", st.path, k, got, sc.Hashes))
			}
			got := normalizeLayout(jsonValue(p.StorageLayout(c)))
			want := normalizeLayout(sc.StorageLayout)
			if reflect.DeepEqual(got, want) {
				okLayout++
			} else {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(want)
				report = append(report, fmt.Sprintf("LAYOUT %s %s\n  got  %s\n  want %s", st.path, k, g, w))
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("%d test files, %d rejected with an error", len(tests), failed)
	t.Logf("ABI %d/%d (%.2f%%), hashes %d/%d (%.2f%%), storage layout %d/%d (%.2f%%)",
		okABI, nABI, pct(okABI, nABI), okHash, nHash, pct(okHash, nHash), okLayout, nLayout, pct(okLayout, nLayout))
	if out := os.Getenv("SOLL_SEMA_REPORT"); out != "" {
		_ = os.WriteFile(out, []byte(strings.Join(report, "\n")+"\n"), 0o644)
	}
	// Every semantic test compiles with solc: soll must accept all of
	// them (the two experimental-Solidity tests are not analyzed).
	if failed > 0 {
		t.Errorf("%d valid semantic tests rejected", failed)
	}
	if pct(okABI, nABI) < minABIPct || pct(okHash, nHash) < minHashesPct || pct(okLayout, nLayout) < minLayoutPct {
		for i, l := range report {
			if i >= 40 {
				break
			}
			t.Log(l)
		}
		t.Errorf("below the committed thresholds (ABI ≥ %.1f%%, hashes ≥ %.1f%%, layout ≥ %.1f%%)", minABIPct, minHashesPct, minLayoutPct)
	}
}
