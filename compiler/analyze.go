package compiler

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/solidity/sema"
	"github.com/soll-dev/soll/frontend/source"
)

// AnalyzeOptions configure Analyze: import resolution as solc's CLI does
// it (base path, include paths, remappings, or an in-memory loader).
type AnalyzeOptions struct {
	Options
	BasePath     string
	IncludePaths []string
	Remappings   []solidity.Remapping
	// ReadFile loads imported units that are not among the sources; nil
	// reads the host file system (see solidity.Options.ReadFile).
	ReadFile func(unitName string) ([]byte, error)
	// NoImportCallback loads nothing that is not among the sources.
	NoImportCallback bool
}

func (o AnalyzeOptions) parserOptions() solidity.Options {
	v := o.EVMVersion
	return solidity.Options{EVMVersion: &v, BasePath: o.BasePath, IncludePaths: o.IncludePaths,
		Remappings: o.Remappings, ReadFile: o.ReadFile, NoImportCallback: o.NoImportCallback, Jobs: o.Jobs}
}

// Analyze parses Solidity sources (and what they import) and runs the
// semantic analysis: the typed program (ABI, method identifiers, storage
// layout per contract; definitions and types for editors) and every
// diagnostic, parser's first. Analysis runs only when parsing succeeded;
// the program is never nil.
func Analyze(sources []Source, opts AnalyzeOptions) (*sema.Program, []source.Diagnostic) {
	srcs := make([]solidity.Source, len(sources))
	for i, s := range sources {
		srcs[i] = solidity.Source{Name: s.Name, Content: s.Content}
	}
	prog, diags := solidity.Parse(srcs, opts.parserOptions())
	return analyzeParsed(prog, diags, opts)
}

// AnalyzeFiles is Analyze for command-line paths (solc's source unit
// names: relative to the base path or an include path).
func AnalyzeFiles(paths []string, opts AnalyzeOptions) (*sema.Program, []source.Diagnostic) {
	prog, diags := solidity.ParseFiles(paths, opts.parserOptions())
	return analyzeParsed(prog, diags, opts)
}

func analyzeParsed(prog *solidity.Program, diags []source.Diagnostic, opts AnalyzeOptions) (*sema.Program, []source.Diagnostic) {
	for _, d := range diags {
		if d.Severity == source.Error {
			p, _ := sema.Analyze(&solidity.Program{}, sema.Options{})
			p.AST = prog
			return p, diags
		}
	}
	v := opts.EVMVersion
	p, sd := sema.Analyze(prog, sema.Options{EVMVersion: &v})
	return p, append(diags, sd...)
}
