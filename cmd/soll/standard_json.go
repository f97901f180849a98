package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir/opt"
)

// stdInput is the subset of solc's standard-JSON input soll reads.
type stdInput struct {
	Language string `json:"language"`
	Sources  map[string]struct {
		Content *string  `json:"content"`
		URLs    []string `json:"urls"`
	} `json:"sources"`
	Settings struct {
		EVMVersion string `json:"evmVersion"`
		Optimizer  struct {
			Enabled bool `json:"enabled"`
		} `json:"optimizer"`
		Libraries       map[string]map[string]string   `json:"libraries"`
		OutputSelection map[string]map[string][]string `json:"outputSelection"`
	} `json:"settings"`
}

type stdLinkRef struct {
	Start  int `json:"start"`
	Length int `json:"length"`
}

// standardJSON reads solc's standard-JSON input from r and writes the
// standard-JSON output: what build pipelines that speak to solc send and
// expect. Problems with the input itself are errors in the output, as solc
// reports them, and the exit status stays 0.
func standardJSON(c *cli.Context, r io.Reader) error {
	out := map[string]any{}
	var errs []source.JSONError
	fail := func(kind, format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		errs = append(errs, source.JSONError{Type: kind, Component: "general", Severity: "error", Message: msg, FormattedMessage: kind + ": " + msg})
		out["errors"] = errs
		return writeJSON(c.App.Writer, out)
	}
	var in stdInput
	dec := json.NewDecoder(r)
	if err := dec.Decode(&in); err != nil {
		return fail("JSONError", "Input is not valid JSON: %v", err)
	}
	opts := compiler.DefaultOptions()
	switch in.Language {
	case "Yul":
		opts.Lang = compiler.Yul
	case "Solidity", "":
		return fail("UnimplementedFeatureError", "Solidity code generation is not implemented in soll yet; send language \"Yul\" (solc's IR)")
	default:
		return fail("JSONError", "Only \"Solidity\" or \"Yul\" is supported as a language, not %q.", in.Language)
	}
	if in.Settings.EVMVersion != "" {
		v, err := evmversion.Parse(in.Settings.EVMVersion)
		if err != nil {
			return fail("JSONError", "Invalid EVM version requested: %v", err)
		}
		opts.EVMVersion = v
	}
	opts.Opt = opt.O0
	if in.Settings.Optimizer.Enabled {
		opts.Opt = opt.O2
	}
	if len(in.Settings.Libraries) > 0 {
		opts.Libraries = map[string]common.Address{}
		for file, libs := range in.Settings.Libraries {
			for name, addr := range libs {
				if !common.IsHexAddress(addr) {
					return fail("JSONError", "Invalid address %q for library %s:%s", addr, file, name)
				}
				opts.Libraries[file+":"+name] = common.HexToAddress(addr)
			}
		}
	}
	var names []string
	for name, s := range in.Sources {
		if s.Content == nil {
			return fail("IOError", "Source %q: only \"content\" is supported, not \"urls\".", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fail("JSONError", "No input sources specified.")
	}
	var srcs []compiler.Source
	sources := map[string]any{}
	for i, name := range names {
		srcs = append(srcs, compiler.Source{Name: name, Content: []byte(*in.Sources[name].Content)})
		sources[name] = map[string]int{"id": i}
	}
	res := compiler.Compile(srcs, opts)
	for _, d := range res.Diagnostics {
		errs = append(errs, d.JSON())
	}
	contracts := map[string]map[string]any{}
	for _, ct := range res.Contracts {
		file := strings.TrimSuffix(ct.Key, ":"+ct.Name)
		if !selected(in.Settings.OutputSelection, file, ct.Name) {
			continue
		}
		entry := map[string]any{}
		evmOut := map[string]any{
			"bytecode":         bytecodeJSON(ct.CreationHex(), ct),
			"deployedBytecode": bytecodeJSON(ct.RuntimeHex(), ct),
		}
		if ct.EVM != nil {
			evmOut["assembly"] = ct.EVM.Assembly.String()
		}
		entry["evm"] = evmOut
		entry["ir"] = ct.LLVM()
		if contracts[file] == nil {
			contracts[file] = map[string]any{}
		}
		contracts[file][ct.Name] = entry
	}
	out["contracts"] = contracts
	out["sources"] = sources
	if len(errs) > 0 {
		out["errors"] = errs
	}
	return writeJSON(c.App.Writer, out)
}

// selected reports whether outputSelection asks for anything of file:name
// ("*" matches any file or contract; no selection means everything).
func selected(sel map[string]map[string][]string, file, name string) bool {
	if len(sel) == 0 {
		return true
	}
	for f, byName := range sel {
		if f != "*" && f != file {
			continue
		}
		for n, outs := range byName {
			if (n == "*" || n == name) && len(outs) > 0 {
				return true
			}
		}
	}
	return false
}

func bytecodeJSON(hexCode string, ct *compiler.Contract) map[string]any {
	refs := map[string]map[string][]stdLinkRef{}
	if ct.EVM != nil {
		for lib, offs := range ct.EVM.Creation.LinkRefs {
			file, name := "", lib
			if i := strings.LastIndex(lib, ":"); i >= 0 {
				file, name = lib[:i], lib[i+1:]
			}
			if refs[file] == nil {
				refs[file] = map[string][]stdLinkRef{}
			}
			for _, o := range offs {
				refs[file][name] = append(refs[file][name], stdLinkRef{Start: o, Length: 20})
			}
		}
	}
	return map[string]any{"object": hexCode, "linkReferences": refs}
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}
