package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/tests/isoltest"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
	ewasmvm "github.com/soll-dev/soll/vm/ewasm"
)

func testCommand() *cli.Command {
	return &cli.Command{
		Name:      "test",
		Usage:     "run isoltest expectation files in the embedded VM",
		ArgsUsage: "FILE|DIR...",
		Flags:     append(compileFlags(), &cli.BoolFlag{Name: "v", Usage: "print every test, not only failures"}),
		Description: `--target evm (default), ewasm, or all: each file runs on every target
named, and with all a file passes only where both VMs give the expected results.`,
		Action: testAction,
	}
}

// expectationFiles expands the arguments: files as given, directories
// walked for .yul and .sol files that hold a `// ----` expectation block.
func expectationFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), "_") && p != a {
					return filepath.SkipDir // helper sources, not tests
				}
				return nil
			}
			ext := filepath.Ext(p)
			if ext != ".yul" && ext != ".sol" {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if strings.Contains(string(b), "\n// ----") {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// targetsOf expands --target for soll test: evm, ewasm, or all (both).
func targetsOf(c *cli.Context) ([]compiler.Target, error) {
	if c.String("target") == "all" {
		return []compiler.Target{compiler.EVM, compiler.Ewasm}, nil
	}
	t, err := compiler.ParseTarget(c.String("target"))
	return []compiler.Target{t}, err
}

func testAction(c *cli.Context) error {
	targets, err := targetsOf(c)
	if err != nil {
		return err
	}
	if c.String("target") == "all" {
		c.Set("target", "evm") // optionsFrom parses one target; each run sets its own
	}
	opts, err := optionsFrom(c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return fmt.Errorf("no test files or directories given")
	}
	files, err := expectationFiles(c.Args().Slice())
	if err != nil {
		return err
	}
	w := c.App.Writer
	passed, failed, skipped := 0, 0, 0
	for _, path := range files {
		for _, target := range targets {
			o := opts
			o.Target = target
			name := path
			if len(targets) > 1 {
				name = fmt.Sprintf("%s [%s]", path, targetName(target))
			}
			status, detail := runTestFile(path, o)
			switch status {
			case "ok":
				passed++
				if c.Bool("v") {
					fmt.Fprintf(w, "ok   %s\n", name)
				}
			case "skip":
				skipped++
				if c.Bool("v") {
					fmt.Fprintf(w, "skip %s: %s\n", name, detail)
				}
			default:
				failed++
				fmt.Fprintf(w, "FAIL %s\n%s", name, indent(detail))
			}
		}
	}
	line := fmt.Sprintf("%d passed, %d failed", passed, failed)
	if skipped > 0 {
		line += fmt.Sprintf(", %d skipped", skipped)
	}
	fmt.Fprintln(w, line)
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func targetName(t compiler.Target) string {
	if t == compiler.Ewasm {
		return "ewasm"
	}
	return "evm"
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ") + "\n"
}

// newChain makes a fresh chain of the target's VM (the corpus's chain).
func newChain(opts compiler.Options) vm.Chain {
	if opts.Target == compiler.Ewasm {
		return ewasmvm.New(ewasmvm.Config{Version: opts.EVMVersion, Strict: opts.EwasmStrict})
	}
	return evm.New(evm.Config{Version: opts.EVMVersion})
}

// closeChain releases a chain's resources when it has any (wazero's).
func closeChain(ch vm.Chain) {
	if c, ok := ch.(interface{ Close() error }); ok {
		c.Close()
	}
}

// runTestFile runs one expectation file: "ok", "skip" or "fail" with a
// description.
func runTestFile(path string, opts compiler.Options) (status, detail string) {
	content, err := os.ReadFile(path)
	if err != nil {
		return "fail", err.Error()
	}
	t, err := isoltest.Parse(path, content)
	if err != nil {
		return "fail", err.Error()
	}
	if cons, ok := t.Settings["EVMVersion"]; ok {
		allowed, err := isoltest.EVMVersionAllows(cons, opts.EVMVersion)
		if err != nil {
			return "fail", err.Error()
		}
		if !allowed {
			return "skip", fmt.Sprintf("EVMVersion %s excludes %s", cons, opts.EVMVersion)
		}
	}
	if !t.IsYul() {
		return "fail", "Solidity test files need Solidity code generation, which soll does not have yet (Yul test files run)"
	}
	src, _ := t.Source(t.MainSource)
	var contract *compiler.Contract
	compile := func(libs map[string]common.Address) ([]byte, error) {
		o := opts
		o.Libraries = libs
		o.Lang = compiler.Yul
		res := compiler.Compile([]compiler.Source{{Name: path, Content: []byte(src.Content)}}, o)
		if res.HasErrors() {
			var b strings.Builder
			for _, d := range res.Diagnostics {
				b.WriteString(d.Human())
			}
			return nil, fmt.Errorf("%s", strings.TrimRight(b.String(), "\n"))
		}
		contract = res.Contracts[0]
		return contract.DeployCode(nil), nil
	}
	chain := newChain(opts)
	defer closeChain(chain)
	env := isoltest.Env{
		Chain:        chain,
		EVMVersion:   opts.EVMVersion,
		CreationCode: compile,
		LibraryCode: func(name string, libs map[string]common.Address) ([]byte, error) {
			return nil, fmt.Errorf("library %s: Yul test files cannot deploy libraries", name)
		},
		WithArgs: func(code, args []byte) []byte {
			if contract == nil || len(args) == 0 {
				return code
			}
			return contract.DeployCode(args)
		},
	}
	rep := isoltest.Run(t, env)
	if rep.Passed() {
		return "ok", ""
	}
	if rep.Err != nil {
		return "fail", rep.Err.Error()
	}
	var b strings.Builder
	for _, f := range rep.Failures {
		b.WriteString(f.String())
		b.WriteString("\n")
	}
	return "fail", b.String()
}
