package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir/opt"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "compile source files",
		ArgsUsage: "FILE...",
		Flags: append(compileFlags(),
			&cli.StringFlag{Name: "combined-json", Usage: "print solc's combined JSON with these comma-separated keys: bin,bin-runtime,asm,ir,abi,hashes,storage-layout"},
			&cli.BoolFlag{Name: "abi", Usage: "Solidity: output the JSON ABI of every contract"},
			&cli.BoolFlag{Name: "hashes", Usage: "Solidity: output the method identifiers (function selectors)"},
			&cli.BoolFlag{Name: "storage-layout", Usage: "Solidity: output the storage layout of every contract (JSON)"},
			&cli.BoolFlag{Name: "bin", Usage: "output the creation bytecode (hex)"},
			&cli.BoolFlag{Name: "bin-runtime", Usage: "output the runtime bytecode (hex)"},
			&cli.StringFlag{Name: "emit", Usage: "output an intermediate form: llvm (the optimized IR) or asm (EVM assembly)"},
			&cli.StringFlag{Name: "o", Aliases: []string{"output-dir"}, Usage: "write outputs to files in `DIR` instead of stdout"},
			&cli.BoolFlag{Name: "overwrite", Usage: "overwrite existing files in the output directory"},
			&cli.StringFlag{Name: "stop-after", Usage: "stop after a stage: parsing or analysis (Solidity)"},
			&cli.BoolFlag{Name: "standard-json", Usage: "read solc's standard-JSON input on stdin, write standard-JSON output"},
			&cli.StringFlag{Name: "base-path", Usage: "Solidity: the root of the source tree (solc's --base-path)"},
			&cli.StringSliceFlag{Name: "include-path", Usage: "Solidity: an extra root for imports (repeatable)"},
		),
		Action: buildAction,
	}
}

// compileFlags are shared by build, test and run.
func compileFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "lang", Usage: "source language: yul or solidity (default: from the file extension)"},
		&cli.StringFlag{Name: "target", Value: "evm", Usage: "code generation target: evm or ewasm (soll test also takes all)"},
		&cli.BoolFlag{Name: "ewasm-strict", Usage: "Ewasm: import only the ethereum EEI module (no ethereum_ext); features that need it are errors"},
		&cli.BoolFlag{Name: "O0", Usage: "no optimization (required passes only)"},
		&cli.BoolFlag{Name: "O1", Usage: "light optimization"},
		&cli.BoolFlag{Name: "O2", Usage: "full optimization (default)"},
		&cli.BoolFlag{Name: "Os", Usage: "optimize for size"},
		&cli.StringFlag{Name: "evm-version", Value: evmversion.Default.String(), Usage: "EVM version: homestead … prague"},
		&cli.StringSliceFlag{Name: "libraries", Usage: "library addresses as `file:Lib=0xADDRESS` (repeatable, or comma-separated)"},
		&cli.StringFlag{Name: "error-format", Value: "human", Usage: "diagnostics format: human (stderr) or json (stdout)"},
		&cli.BoolFlag{Name: "verify-ir", Usage: "verify the IR after lowering and after every optimization pass"},
		&cli.IntFlag{Name: "j", Usage: "compile up to `N` files in parallel (default: all)"},
	}
}

// optionsFrom reads the shared compile flags.
func optionsFrom(c *cli.Context) (compiler.Options, error) {
	o := compiler.DefaultOptions()
	var err error
	if o.Lang, err = compiler.ParseLang(c.String("lang")); err != nil {
		return o, err
	}
	if o.Target, err = compiler.ParseTarget(c.String("target")); err != nil {
		return o, err
	}
	levels := 0
	for _, l := range []struct {
		flag  string
		level opt.Level
	}{{"O0", opt.O0}, {"O1", opt.O1}, {"O2", opt.O2}, {"Os", opt.Os}} {
		if c.Bool(l.flag) {
			o.Opt = l.level
			levels++
		}
	}
	if levels > 1 {
		return o, fmt.Errorf("give at most one of -O0, -O1, -O2, -Os")
	}
	if o.EVMVersion, err = evmversion.Parse(c.String("evm-version")); err != nil {
		return o, err
	}
	if libs := c.StringSlice("libraries"); len(libs) > 0 {
		o.Libraries = map[string]common.Address{}
		for _, spec := range libs {
			for _, l := range strings.Split(spec, ",") {
				l = strings.TrimSpace(l)
				if l == "" {
					continue
				}
				i := strings.LastIndex(l, "=")
				if i < 0 || !common.IsHexAddress(l[i+1:]) {
					return o, fmt.Errorf("--libraries: %q is not file:Lib=0xADDRESS", l)
				}
				o.Libraries[l[:i]] = common.HexToAddress(l[i+1:])
			}
		}
	}
	switch f := c.String("error-format"); f {
	case "human", "json":
	default:
		return o, fmt.Errorf("--error-format: %q (want human or json)", f)
	}
	o.VerifyIR = c.Bool("verify-ir")
	o.EwasmStrict = c.Bool("ewasm-strict")
	o.Jobs = c.Int("j")
	return o, nil
}

// readSources reads the files named on the command line.
func readSources(c *cli.Context) ([]compiler.Source, error) {
	if c.NArg() == 0 {
		return nil, fmt.Errorf("no input files")
	}
	var srcs []compiler.Source
	for _, name := range c.Args().Slice() {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, compiler.Source{Name: name, Content: b})
	}
	return srcs, nil
}

// report prints diagnostics in the chosen format and returns the exit
// error when any of them is an error.
func report(c *cli.Context, ds []source.Diagnostic) error {
	failed := false
	for _, d := range ds {
		if d.Severity == source.Error {
			failed = true
		}
	}
	if c.String("error-format") == "json" {
		if len(ds) > 0 || failed {
			c.App.Writer.Write(source.MarshalJSONErrors(ds))
		}
	} else {
		for _, d := range ds {
			fmt.Fprint(c.App.ErrWriter, d.Human())
		}
	}
	if failed {
		return exitError{1}
	}
	return nil
}

func buildAction(c *cli.Context) error {
	if c.Bool("standard-json") {
		return standardJSON(c, c.App.Reader)
	}
	opts, err := optionsFrom(c)
	if err != nil {
		return err
	}
	if stage := c.String("stop-after"); stage != "" {
		switch stage {
		case "parsing":
			return parseOnly(c, opts)
		case "analysis":
			return analysisAction(c, opts, nil)
		}
		return fmt.Errorf("--stop-after: %q (want parsing or analysis)", stage)
	}
	srcs, err := readSources(c)
	if err != nil {
		return err
	}
	var keys []string
	if cj := c.String("combined-json"); cj != "" {
		for _, k := range strings.Split(cj, ",") {
			k = strings.TrimSpace(k)
			switch k {
			case "bin", "bin-runtime", "asm", "ir", "abi", "hashes", "storage-layout":
			default:
				return fmt.Errorf("--combined-json: unknown key %q (want bin, bin-runtime, asm, ir, abi, hashes, storage-layout)", k)
			}
			keys = append(keys, k)
		}
	}
	if onlyAnalysis(c, keys) {
		return analysisAction(c, opts, keys)
	}
	for _, k := range keys {
		if analysisKeys[k] {
			return fmt.Errorf("--combined-json %s: only available for Solidity input, whose code generation is not implemented yet: ask only for abi, hashes and storage-layout", k)
		}
	}
	emit := c.String("emit")
	switch emit {
	case "", "llvm", "asm":
	case "wat":
		if opts.Target != compiler.Ewasm {
			return fmt.Errorf("--emit wat needs --target ewasm")
		}
	default:
		return fmt.Errorf("--emit: %q (want llvm, asm or wat)", emit)
	}
	if emit == "asm" && opts.Target != compiler.EVM {
		return fmt.Errorf("--emit asm is EVM assembly: use --emit wat with --target ewasm")
	}
	res := compiler.Compile(srcs, opts)
	if err := report(c, res.Diagnostics); err != nil {
		return err // no artifact is written when there are errors
	}
	outDir := c.String("o")
	w := &writer{dir: outDir, overwrite: c.Bool("overwrite"), c: c}
	wrote := false
	if keys != nil {
		w.combined(res, keys)
		wrote = true
	}
	for _, ct := range res.Contracts {
		if c.Bool("bin") {
			w.artifact(ct, "Binary", ".bin", ct.CreationHex())
			wrote = true
		}
		if c.Bool("bin-runtime") {
			w.artifact(ct, "Binary of the runtime part", ".bin-runtime", ct.RuntimeHex())
			wrote = true
		}
		switch emit {
		case "llvm":
			if outDir == "" {
				w.artifact(ct, "LLVM IR", ".ll", ct.LLVM())
			} else {
				mods := ct.LLVMModules()
				paths := make([]string, 0, len(mods))
				for p := range mods {
					paths = append(paths, p)
				}
				sort.Strings(paths)
				for _, p := range paths {
					w.file(p+".ll", mods[p])
				}
			}
			wrote = true
		case "asm":
			w.artifact(ct, "EVM assembly", ".asm", ct.EVM.Assembly.String())
			wrote = true
		case "wat":
			w.artifact(ct, "WebAssembly text (deployer)", ".wat", ct.Ewasm.WAT())
			wrote = true
		}
	}
	if w.err != nil {
		return w.err
	}
	if !wrote {
		fmt.Fprintln(c.App.ErrWriter, "Compiler run successful, no output requested.")
	}
	return nil
}

type writer struct {
	dir       string
	overwrite bool
	c         *cli.Context
	err       error
}

func (w *writer) file(name, content string) {
	if w.err != nil {
		return
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		w.err = err
		return
	}
	p := filepath.Join(w.dir, name)
	if !w.overwrite {
		if _, err := os.Stat(p); err == nil {
			w.err = fmt.Errorf("refusing to overwrite %s (use --overwrite)", p)
			return
		}
	}
	w.err = os.WriteFile(p, []byte(content), 0o644)
}

// artifact prints one artifact solc-style, or writes <Name><ext> to -o DIR.
func (w *writer) artifact(ct *compiler.Contract, title, ext, content string) {
	if w.dir != "" {
		if !strings.HasSuffix(content, "\n") {
			content += "\n"
		}
		w.file(ct.Name+ext, content)
		return
	}
	fmt.Fprintf(w.c.App.Writer, "\n======= %s =======\n%s:\n%s", ct.Key, title, content)
	if !strings.HasSuffix(content, "\n") {
		fmt.Fprintln(w.c.App.Writer)
	}
}

// combined prints solc's --combined-json shape.
func (w *writer) combined(res *compiler.Result, keys []string) {
	contracts := map[string]map[string]any{}
	for _, ct := range res.Contracts {
		m := map[string]any{}
		for _, k := range keys {
			switch k {
			case "bin":
				m[k] = ct.CreationHex()
			case "bin-runtime":
				m[k] = ct.RuntimeHex()
			case "asm":
				if ct.EVM != nil {
					m[k] = ct.EVM.Assembly.String()
				} else {
					m[k] = ct.Ewasm.WAT()
				}
			case "ir":
				m[k] = ct.LLVM()
			}
		}
		contracts[ct.Key] = m
	}
	out := map[string]any{"contracts": contracts, "version": Version}
	b, _ := json.Marshal(out) // map keys are sorted: deterministic
	if w.dir != "" {
		w.file("combined.json", string(b)+"\n")
		return
	}
	fmt.Fprintln(w.c.App.Writer, string(b))
}

// parseOnly is `soll build --stop-after parsing`: parse the Solidity files
// and everything they import, report diagnostics, write nothing. Arguments
// of the form [context:]prefix=target are import remappings, as for solc.
func parseOnly(c *cli.Context, opts compiler.Options) error {
	po := solidity.Options{BasePath: c.String("base-path"), IncludePaths: c.StringSlice("include-path")}
	v := opts.EVMVersion
	po.EVMVersion = &v
	files, remaps, err := solidityArgs(c, opts, "--stop-after parsing is")
	if err != nil {
		return err
	}
	po.Remappings = remaps
	_, diags := solidity.ParseFiles(files, po)
	return report(c, diags)
}

func langOfFile(name string, l compiler.Lang) compiler.Lang {
	if l != compiler.Auto {
		return l
	}
	if strings.HasSuffix(strings.ToLower(name), ".yul") {
		return compiler.Yul
	}
	return compiler.Solidity
}
