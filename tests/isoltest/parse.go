// Package isoltest reads and runs solc's semantic-test files ("isoltest"
// format, see the corpus README: "Semantic test files", "Expectations",
// "Literals", "Side effects", "library:", "Builtins"): Solidity or Yul
// sources followed by the calls to make and the results, events and gas to
// expect. Parse splits a file; Run executes its expectations on a vm.Chain.
package isoltest

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
)

// Test is one parsed test file.
type Test struct {
	// Name is the file's path as given to Parse.
	Name string
	// Sources are the file's source units in the order the file defines
	// them (an open unit is added when it is closed).
	Sources []Source
	// MainSource is the name of the unit still open when the source part
	// ended; the deployed contract is its last contract.
	MainSource string
	// Settings is the `// ====` block; SettingKeys keeps the file's order.
	Settings    map[string]string
	SettingKeys []string
	// Entries are the expectation lines, one per call, builtin, library or
	// constructor line; side-effect and gas lines hang off the entry above.
	Entries []*Entry
	// ExpectationLine is the 1-based line number of `// ----` (0: absent).
	ExpectationLine int
}

// Source is one source unit.
type Source struct {
	Name    string
	Content string
	// Path is the file an ExternalSource unit was read from ("" otherwise).
	Path string
}

// Source returns the unit called name.
func (t *Test) Source(name string) (Source, bool) {
	for _, s := range t.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

// IsYul reports whether the main source is Yul rather than Solidity: a Yul
// object (`object "X" { … }`) or a bare Yul block (`{ … }`).
func (t *Test) IsYul() bool {
	s, _ := t.Source(t.MainSource)
	text := stripLeadingComments(s.Content)
	return strings.HasPrefix(text, "{") || strings.HasPrefix(text, "object")
}

func stripLeadingComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "//"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s, "*/")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		default:
			return s
		}
	}
}

// EntryKind says what an expectation entry does.
type EntryKind int

const (
	// Call is a transaction to the deployed contract: selector + arguments.
	Call EntryKind = iota
	// Constructor is the `constructor()` line: the deployment itself.
	Constructor
	// LowLevel is a raw call `()`: the calldata is just the arguments.
	LowLevel
	// Builtin is answered by the test framework (balance, storageEmpty,
	// account, isoltest_builtin_test, isoltest_side_effects_test).
	Builtin
	// Library deploys a library before the contract.
	Library
)

func (k EntryKind) String() string {
	return [...]string{"call", "constructor", "low-level call", "builtin", "library"}[k]
}

// Builtins are the names answered by the framework.
var Builtins = map[string]bool{
	"balance": true, "storageEmpty": true, "account": true,
	"isoltest_builtin_test": true, "isoltest_side_effects_test": true,
}

// Entry is one call-like expectation with its side effects and gas lines.
type Entry struct {
	Kind EntryKind
	// Line and EndLine are the 1-based file lines the entry spans (without
	// its `~` and gas lines).
	Line, EndLine int
	// Text is the entry as written, its lines joined by "\n", without the
	// leading "// ".
	Text string
	// Signature is the called signature ("f(uint256)", "" for a raw call,
	// the builtin's name for builtins); for Library the
	// library's key "<file>:<Name>" (":L" for `library: L`).
	Signature string
	// Value is the wei sent with the call (nil: none).
	Value *big.Int
	// ValueText is the value as written ("2 ether").
	ValueText string
	Args      []Literal
	// HasArrow is false for a line without `->` (expects success and no output).
	HasArrow bool
	// Failure is set for `-> FAILURE…`; Results then is the revert data.
	Failure bool
	Results []Literal
	// SideEffects are the texts after "~ " of the entry's `~` lines.
	SideEffects []string
	// Gas maps a run kind ("irOptimized", "legacy", …) to the gas the line
	// states; GasCode the same for `gas <kind> code:` lines.
	Gas, GasCode map[string]uint64
	// Comments are the `# … #` comments attached to the entry.
	Comments []string
}

// ArgBytes is the concatenation of the argument literals.
func (e *Entry) ArgBytes() []byte { return concat(e.Args) }

// ResultBytes is the concatenation of the result literals (without FAILURE).
func (e *Entry) ResultBytes() []byte { return concat(e.Results) }

func concat(ls []Literal) []byte {
	var b []byte
	for _, l := range ls {
		b = append(b, l.Bytes...)
	}
	return b
}

// Parse splits a test file into sources, settings and expectations. name
// is the file's path: ExternalSource paths are resolved against its folder
// and read from disk.
func Parse(name string, content []byte) (*Test, error) {
	t := &Test{Name: name, Settings: map[string]string{}}
	lines := strings.Split(string(content), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var (
		cur        strings.Builder
		curName    string
		inSettings bool
		seen       = map[string]bool{}
	)
	closeUnit := func() error {
		if curName == "" && cur.Len() == 0 {
			return nil
		}
		if seen[curName] {
			return fmt.Errorf("%s: multiple definitions of source %q", name, curName)
		}
		seen[curName] = true
		t.Sources = append(t.Sources, Source{Name: curName, Content: cur.String()})
		return nil
	}
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimSuffix(lines[i], "\r")
		switch {
		case strings.HasPrefix(line, "// ----"):
			t.ExpectationLine = i + 1
		case strings.HasPrefix(line, "// ===="):
			inSettings = true
			continue
		case inSettings:
			rest, ok := strings.CutPrefix(line, "// ")
			key, value, hasColon := strings.Cut(rest, ":")
			if !ok || !hasColon {
				return nil, fmt.Errorf("%s:%d: expected `// key: value` in settings", name, i+1)
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			if _, dup := t.Settings[key]; !dup {
				t.SettingKeys = append(t.SettingKeys, key)
			}
			t.Settings[key] = value
			continue
		case strings.HasPrefix(line, "==== Source:") && strings.HasSuffix(line, "===="):
			if err := closeUnit(); err != nil {
				return nil, err
			}
			cur.Reset()
			curName = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "==== Source:"), "===="))
			if seen[curName] {
				return nil, fmt.Errorf("%s:%d: multiple definitions of source %q", name, i+1, curName)
			}
			continue
		case strings.HasPrefix(line, "==== ExternalSource:") && strings.HasSuffix(line, "===="):
			spec := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "==== ExternalSource:"), "===="))
			srcName, path := spec, spec
			if k := strings.IndexByte(spec, '='); k >= 0 {
				srcName, path = strings.TrimSpace(spec[:k]), strings.TrimSpace(spec[k+1:])
			}
			if srcName == "" || path == "" || filepath.IsAbs(path) {
				return nil, fmt.Errorf("%s:%d: bad ExternalSource %q (paths are relative to the test's folder)", name, i+1, spec)
			}
			full := filepath.Join(filepath.Dir(name), filepath.FromSlash(path))
			data, err := os.ReadFile(full)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: external source: %v", name, i+1, err)
			}
			if seen[srcName] {
				return nil, fmt.Errorf("%s:%d: multiple definitions of source %q", name, i+1, srcName)
			}
			seen[srcName] = true
			t.Sources = append(t.Sources, Source{Name: srcName, Content: string(data), Path: full})
			continue
		default:
			cur.WriteString(line)
			cur.WriteByte('\n')
			continue
		}
		break
	}
	// The open unit is the main source; it exists even when empty.
	if seen[curName] {
		return nil, fmt.Errorf("%s: multiple definitions of source %q", name, curName)
	}
	t.Sources = append(t.Sources, Source{Name: curName, Content: cur.String()})
	t.MainSource = curName
	if t.ExpectationLine == 0 {
		return t, nil
	}
	entries, err := parseExpectations(lines[i+1:], i+2)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	t.Entries = entries
	return t, nil
}
