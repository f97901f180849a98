package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/solidity/sema"
)

// analysisKeys are the --combined-json keys the semantic analysis
// produces without code generation.
var analysisKeys = map[string]bool{"abi": true, "hashes": true, "storage-layout": true}

// analysisFlags are the per-contract outputs of the analysis.
var analysisFlags = []string{"abi", "hashes", "storage-layout"}

// onlyAnalysis reports whether the build asks for nothing that needs code
// generation: --stop-after analysis, or only analysis outputs.
func onlyAnalysis(c *cli.Context, keys []string) bool {
	if c.String("stop-after") == "analysis" {
		return true
	}
	if c.Bool("bin") || c.Bool("bin-runtime") || c.String("emit") != "" {
		return false
	}
	asked := false
	for _, k := range keys {
		if !analysisKeys[k] {
			return false
		}
		asked = true
	}
	for _, f := range analysisFlags {
		if c.Bool(f) {
			asked = true
		}
	}
	return asked
}

// analysisAction is `soll build` for Solidity when only analysis results
// are asked for: parse, analyze, report, and print the ABI, method
// identifiers and storage layouts solc-style. Arguments of the form
// [context:]prefix=target are import remappings.
func analysisAction(c *cli.Context, opts compiler.Options, keys []string) error {
	ao := compiler.AnalyzeOptions{Options: opts, BasePath: c.String("base-path"), IncludePaths: c.StringSlice("include-path")}
	files, remaps, err := solidityArgs(c, opts, "abi, hashes, storage-layout and --stop-after analysis are")
	if err != nil {
		return err
	}
	ao.Remappings = remaps
	prog, diags := compiler.AnalyzeFiles(files, ao)
	if err := report(c, diags); err != nil {
		return err
	}
	if c.String("stop-after") == "analysis" {
		return nil
	}
	w := &writer{dir: c.String("o"), overwrite: c.Bool("overwrite"), c: c}
	cs := append([]*sema.Contract(nil), prog.Contracts...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Key() < cs[j].Key() })
	if keys != nil {
		contracts := map[string]map[string]any{}
		for _, ct := range cs {
			m := map[string]any{}
			for _, k := range keys {
				switch k {
				case "abi":
					m[k] = prog.ABI(ct)
				case "hashes":
					m[k] = prog.Hashes(ct)
				case "storage-layout":
					m[k] = prog.StorageLayout(ct)
				}
			}
			contracts[ct.Key()] = m
		}
		b, _ := json.Marshal(map[string]any{"contracts": contracts, "version": Version})
		if w.dir != "" {
			w.file("combined.json", string(b)+"\n")
		} else {
			fmt.Fprintln(c.App.Writer, string(b))
		}
	}
	for _, ct := range cs {
		if c.Bool("hashes") {
			hs := prog.Hashes(ct)
			sigs := make([]string, 0, len(hs))
			for s := range hs {
				sigs = append(sigs, s)
			}
			sort.Strings(sigs)
			var b strings.Builder
			for _, s := range sigs {
				fmt.Fprintf(&b, "%s: %s\n", hs[s], s)
			}
			analysisArtifact(w, ct, "Function signatures", ".signatures", b.String())
		}
		if c.Bool("abi") {
			b, _ := json.Marshal(prog.ABI(ct))
			analysisArtifact(w, ct, "Contract JSON ABI", ".abi", string(b))
		}
		if c.Bool("storage-layout") {
			b, _ := json.Marshal(prog.StorageLayout(ct))
			analysisArtifact(w, ct, "Contract Storage Layout", "_storage.json", string(b))
		}
	}
	return w.err
}

// analysisArtifact prints an artifact under solc's "======= file:C ======="
// header, or writes <C><ext> into the -o directory.
func analysisArtifact(w *writer, ct *sema.Contract, title, ext, content string) {
	w.artifact(&compiler.Contract{Key: ct.Key(), Name: ct.Name()}, title, ext, content)
}

// solidityArgs splits the command line of a Solidity-only action into
// source files and import remappings; a Yul file is an error naming what
// (“… are for Solidity sources”), and so is an empty file list.
func solidityArgs(c *cli.Context, opts compiler.Options, what string) (files []string, remaps []solidity.Remapping, err error) {
	for _, a := range c.Args().Slice() {
		if solidity.IsRemapping(a) {
			r, err := solidity.ParseRemapping(a)
			if err != nil {
				return nil, nil, err
			}
			remaps = append(remaps, r)
			continue
		}
		if langOfFile(a, opts.Lang) == compiler.Yul {
			return nil, nil, fmt.Errorf("%s for Solidity sources; %s is Yul", what, a)
		}
		files = append(files, a)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("no input files")
	}
	return files, remaps, nil
}
