package solidity

import (
	"runtime"
	"sort"
	"sync"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// Source is one input source unit: its source unit name (what imports
// refer to) and its text.
type Source struct {
	Name    string
	Content []byte
}

// Options configure parsing and import resolution. The zero value parses
// for solc 0.8.28's default EVM version, resolves imports against the
// inputs and the host file system relative to the working directory, and
// uses every core.
type Options struct {
	// EVMVersion selects the Yul builtins of inline assembly; nil means
	// evmversion.Default.
	EVMVersion *evmversion.Version
	// BasePath and IncludePaths are solc's --base-path and --include-path:
	// where the host file system loader looks for imported source units,
	// and the prefixes stripped from command-line paths (ParseFiles).
	BasePath     string
	IncludePaths []string
	// Remappings are solc's `[context:]prefix=target` import remappings.
	Remappings []Remapping
	// ReadFile loads an imported source unit that is not among the inputs.
	// nil means the host file system loader (NewFileLoader); set
	// NoImportCallback to load nothing (solc's --no-import-callback).
	ReadFile         func(unitName string) ([]byte, error)
	NoImportCallback bool
	// Jobs bounds how many files are parsed at once (0: GOMAXPROCS).
	Jobs int
	// NoLicenseWarning and NoPragmaWarning silence the warnings for a
	// missing SPDX line (1878) and a missing `pragma solidity` (3420).
	NoLicenseWarning bool
	NoPragmaWarning  bool
}

func (o *Options) evm() evmversion.Version {
	if o.EVMVersion != nil {
		return *o.EVMVersion
	}
	return evmversion.Default
}

// Program is a set of parsed source units: the inputs and everything they
// import, each parsed once.
type Program struct {
	// Units are sorted by source unit name.
	Units  []*SourceUnit
	byName map[string]*SourceUnit
}

// Unit returns the source unit called name, nil if there is none.
func (p *Program) Unit(name string) *SourceUnit { return p.byName[name] }

// ParseFile parses one file into a SourceUnit (imports are not followed;
// their Resolved names are filled in). Diagnostics go to log. It never
// panics: a syntax error is a diagnostic, and the returned unit holds
// whatever could be parsed around it.
func ParseFile(f *source.File, opts Options, log *source.Log) *SourceUnit {
	u := parseUnit(f, f.Name, &opts, log)
	resolveImportNames(u, &opts)
	return u
}

// parseUnit runs the parser on one file.
func parseUnit(f *source.File, name string, opts *Options, log *source.Log) *SourceUnit {
	u := &SourceUnit{Name: name, File: f, Loc: source.Span{File: f, Start: 0, End: len(f.Content)}}
	p := newParser(f, string(f.Content), opts.evm(), log)
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(bailout); !ok {
					panic(r)
				}
			}
		}()
		p.sourceUnit(u)
		if p.errors == 0 {
			p.license(u)
		}
	}()
	if p.errors == 0 && !opts.NoPragmaWarning && !hasVersionPragma(u) {
		p.warning(3420, fileSpan(f), "Source file does not specify required compiler version! "+
			"Consider adding \"pragma solidity ^"+LanguageVersion+";\"")
	}
	return u
}

func hasVersionPragma(u *SourceUnit) bool {
	for _, d := range u.Decls {
		if pd, ok := d.(*PragmaDirective); ok && len(pd.Literals) > 0 && pd.Literals[0] == "solidity" {
			return true
		}
	}
	return false
}

// Parse parses the sources and, transitively, every source unit they
// import (inputs first, then the import callback), each unit once, files
// in parallel. It returns the program and all diagnostics, sorted by
// source unit name and offset. A unit that fails to parse is still in the
// program with what could be parsed.
func Parse(sources []Source, opts Options) (*Program, []source.Diagnostic) {
	log := &source.Log{}
	prog := ParseInto(sources, opts, log)
	diags := log.Diagnostics()
	if opts.NoLicenseWarning {
		diags = dropCode(diags, 1878)
	}
	return prog, diags
}

func dropCode(ds []source.Diagnostic, code int) []source.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		if !(d.Severity == source.Warning && d.Code == code) {
			out = append(out, d)
		}
	}
	return out
}

// ParseInto is Parse reporting into an existing log.
func ParseInto(sources []Source, opts Options, log *source.Log) *Program {
	prog := &Program{byName: map[string]*SourceUnit{}}
	read := opts.ReadFile
	if read == nil && !opts.NoImportCallback {
		read = NewFileLoader(opts.BasePath, opts.IncludePaths)
	}

	// The first wave is the inputs; every later wave is the imports the
	// previous wave found missing.
	wave := make([]Source, 0, len(sources))
	seen := map[string]bool{}
	failed := map[string]error{}
	for _, s := range sources {
		if !seen[s.Name] {
			seen[s.Name] = true
			wave = append(wave, s)
		}
	}
	for len(wave) > 0 {
		units := parseAll(wave, &opts, log)
		var missing []string
		for _, u := range units {
			prog.byName[u.Name] = u
			resolveImportNames(u, &opts)
			for _, d := range u.Decls {
				if imp, ok := d.(*ImportDirective); ok && !seen[imp.Resolved] {
					seen[imp.Resolved] = true
					missing = append(missing, imp.Resolved)
				}
			}
		}
		sort.Strings(missing)
		wave = wave[:0:0]
		for _, name := range missing {
			var content []byte
			var err error
			if read == nil {
				err = errNotSupplied
			} else {
				content, err = read(name)
			}
			if err != nil {
				failed[name] = err
				continue
			}
			wave = append(wave, Source{Name: name, Content: content})
		}
	}
	for _, u := range prog.byName {
		prog.Units = append(prog.Units, u)
	}
	sort.Slice(prog.Units, func(i, j int) bool { return prog.Units[i].Name < prog.Units[j].Name })
	// solc's 6275 at every import of a unit that could not be loaded.
	for _, u := range prog.Units {
		for _, d := range u.Decls {
			if imp, ok := d.(*ImportDirective); ok {
				if err := failed[imp.Resolved]; err != nil {
					log.Errorf(source.ParserError, 6275, imp.Loc, "Source \"%s\" not found: %s", imp.Resolved, err.Error())
				}
			}
		}
	}
	checkExperimental(prog, log)
	return prog
}

// parseAll parses a wave of sources in parallel; the result is in the
// order of the sources.
func parseAll(srcs []Source, opts *Options, log *source.Log) []*SourceUnit {
	units := make([]*SourceUnit, len(srcs))
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if jobs > len(srcs) {
		jobs = len(srcs)
	}
	if jobs <= 1 {
		for i, s := range srcs {
			units[i] = parseUnit(source.NewFile(s.Name, s.Content), s.Name, opts, log)
		}
		return units
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := srcs[i]
				units[i] = parseUnit(source.NewFile(s.Name, s.Content), s.Name, opts, log)
			}
		}()
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return units
}

// checkExperimental reports solc's 2141 when some but not all units enable
// experimental Solidity.
func checkExperimental(prog *Program, log *source.Log) {
	n := 0
	for _, u := range prog.Units {
		if u.Experimental {
			n++
		}
	}
	if n == 0 || n == len(prog.Units) {
		return
	}
	for _, u := range prog.Units {
		if !u.Experimental {
			continue
		}
		for _, d := range u.Decls {
			if pd, ok := d.(*PragmaDirective); ok && len(pd.Literals) >= 2 && pd.Literals[0] == "experimental" && pd.Literals[1] == "solidity" {
				log.Errorf(source.ParserError, 2141, pd.Loc, "File declares \"pragma experimental solidity\". If you want to enable the experimental mode, all source units must include the pragma.")
				break
			}
		}
	}
}
