// Package compiler is soll's library API (DESIGN.md §1, §6): sources in,
// artifacts and structured diagnostics out. The CLI (cmd/soll), the test
// runner and editor plugins all call it; it never prints.
package compiler

import (
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/soll-dev/soll/backend/evm"
	"github.com/soll-dev/soll/backend/ewasm"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
)

// Lang is a source language.
type Lang int

const (
	// Auto infers the language from the file name (.yul → Yul, .sol → Solidity).
	Auto Lang = iota
	Yul
	Solidity
)

// ParseLang reads "yul", "solidity" or "" (auto).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "yul":
		return Yul, nil
	case "solidity", "sol":
		return Solidity, nil
	}
	return Auto, fmt.Errorf("unknown language %q (want yul or solidity)", s)
}

// Target is a code generation target.
type Target int

const (
	EVM Target = iota
	Ewasm
)

// ParseTarget reads "evm" or "ewasm".
func ParseTarget(s string) (Target, error) {
	switch strings.ToLower(s) {
	case "", "evm":
		return EVM, nil
	case "ewasm", "wasm":
		return Ewasm, nil
	}
	return EVM, fmt.Errorf("unknown target %q (want evm or ewasm)", s)
}

// Options configure a compilation.
type Options struct {
	Lang       Lang
	Target     Target
	Opt        opt.Level
	EVMVersion evmversion.Version
	// Libraries maps "file:Library" to the address linked in.
	Libraries map[string]common.Address
	// VerifyIR runs the IR verifier after lowering and after every pass.
	VerifyIR bool
	// Jobs bounds how many sources compile in parallel (0: one per source).
	Jobs int
	// EwasmStrict (--ewasm-strict) keeps Ewasm modules to the 33 EEI
	// imports: no ethereum_ext (ewasm.md §5.8).
	EwasmStrict bool
}

// DefaultOptions are the CLI's defaults: EVM, -O2, cancun.
func DefaultOptions() Options {
	return Options{Target: EVM, Opt: opt.O2, EVMVersion: evmversion.Default}
}

// Source is one input file.
type Source struct {
	Name    string
	Content []byte
}

// Contract is one compiled unit: for Yul, a top-level object.
type Contract struct {
	// Key is "<file>:<name>", as solc's --combined-json names contracts.
	Key  string
	Name string
	// Object is the optimized IR object tree.
	Object *ir.Object
	// EVM holds the EVM artifacts (Target EVM).
	EVM *evm.Artifact
	// Ewasm holds the Ewasm modules (Target Ewasm).
	Ewasm *ewasm.Artifact
}

// Result of a compilation. Contracts are sorted by Key; a source with
// errors contributes no contract.
type Result struct {
	Contracts   []*Contract
	Diagnostics []source.Diagnostic
}

// HasErrors reports whether any diagnostic is an error.
func (r *Result) HasErrors() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == source.Error {
			return true
		}
	}
	return false
}

// Compile compiles every source independently (in parallel) and returns
// the artifacts and diagnostics in a deterministic order.
func Compile(sources []Source, opts Options) *Result {
	res := &Result{}
	out := make([]*Contract, len(sources))
	logs := make([]*source.Log, len(sources))
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = len(sources)
	}
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	for i, src := range sources {
		logs[i] = &source.Log{}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, src Source) {
			defer wg.Done()
			defer func() { <-sem }()
			out[i] = compileOne(src, opts, logs[i])
		}(i, src)
	}
	wg.Wait()
	for i := range sources {
		res.Diagnostics = append(res.Diagnostics, logs[i].Diagnostics()...)
		if out[i] != nil && !logs[i].HasErrors() {
			res.Contracts = append(res.Contracts, out[i])
		}
	}
	sort.SliceStable(res.Contracts, func(i, j int) bool { return res.Contracts[i].Key < res.Contracts[j].Key })
	return res
}

func langOf(name string, l Lang) Lang {
	if l != Auto {
		return l
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yul":
		return Yul
	case ".sol":
		return Solidity
	}
	return Auto
}

func compileOne(src Source, opts Options, log *source.Log) *Contract {
	f := source.NewFile(src.Name, src.Content)
	switch langOf(src.Name, opts.Lang) {
	case Yul:
	case Solidity:
		log.Errorf(source.CompilerError, 0, source.Span{File: f}, "Solidity code generation is not implemented yet; use --lang yul with solc's IR (solc --ir) as input")
		return nil
	default:
		log.Errorf(source.IOError, 0, source.Span{}, "%s: cannot infer the language from the file name; pass --lang yul or --lang solidity", src.Name)
		return nil
	}
	obj := yul.Compile(f, opts.EVMVersion, log)
	if obj == nil || log.HasErrors() {
		return nil
	}
	return Build(src.Name, obj, opts, log)
}

// Build runs the optimizer and the backend on a lowered object tree.
func Build(file string, obj *ir.Object, opts Options, log *source.Log) *Contract {
	if opts.VerifyIR {
		if errs := ir.VerifyObject(obj); len(errs) > 0 {
			for _, e := range errs {
				log.Errorf(source.CompilerError, 0, obj.Span, "IR verification failed after lowering: %v", e)
			}
			return nil
		}
	}
	if err := opt.Run(obj, opt.Options{Level: opts.Opt, VerifyEach: opts.VerifyIR, EVMVersion: opts.EVMVersion}); err != nil {
		log.Errorf(source.CompilerError, 0, obj.Span, "optimizer: %v", err)
		return nil
	}
	c := &Contract{Key: file + ":" + obj.Name, Name: obj.Name, Object: obj}
	switch opts.Target {
	case EVM:
		c.EVM = evm.Compile(obj, evm.Options{EVMVersion: opts.EVMVersion, Libraries: opts.Libraries}, log)
		if c.EVM == nil {
			return nil
		}
	case Ewasm:
		c.Ewasm = ewasm.Compile(obj, ewasm.Options{Strict: opts.EwasmStrict, Libraries: opts.Libraries}, log)
		if c.Ewasm == nil {
			return nil
		}
	}
	return c
}

// LLVM returns the IR of every object of the tree as LLVM assembly, one
// module per object, each introduced by a comment naming the object path.
func (c *Contract) LLVM() string {
	var b strings.Builder
	var walk func(o *ir.Object, path string)
	walk = func(o *ir.Object, path string) {
		if o.IsData() {
			return
		}
		fmt.Fprintf(&b, "; object %q\n%s\n", path, moduleText(o))
		for _, s := range o.Subs {
			walk(s, path+"."+s.Name)
		}
	}
	walk(c.Object, c.Object.Name)
	return b.String()
}

// LLVMModules returns each object's module as its own LLVM assembly text,
// keyed by the dotted object path (for writing one .ll file per object).
func (c *Contract) LLVMModules() map[string]string {
	out := map[string]string{}
	var walk func(o *ir.Object, path string)
	walk = func(o *ir.Object, path string) {
		if o.IsData() {
			return
		}
		out[path] = moduleText(o)
		for _, s := range o.Subs {
			walk(s, path+"."+s.Name)
		}
	}
	walk(c.Object, c.Object.Name)
	return out
}

// moduleText prints an object's module, numbering unnamed locals afresh
// (passes add and remove unnamed values).
func moduleText(o *ir.Object) string {
	for _, f := range o.Code.Funcs {
		if len(f.Blocks) > 0 {
			if err := ir.RenumberLocals(f); err != nil {
				return fmt.Sprintf("; cannot print IR: %v\n", err)
			}
		}
	}
	return o.Code.String()
}

// CreationHex is the creation code in hex: EVM bytecode with solc's
// library placeholders, or the Ewasm deployer module.
func (c *Contract) CreationHex() string {
	if c.Ewasm != nil {
		return hex.EncodeToString(c.Ewasm.Deployer)
	}
	return c.EVM.Creation.Hex()
}

// RuntimeHex is the deployed code in hex ("" when the object has none).
func (c *Contract) RuntimeHex() string {
	if c.Ewasm != nil {
		return hex.EncodeToString(c.Ewasm.Runtime)
	}
	if c.EVM.Runtime == nil {
		return ""
	}
	return c.EVM.Runtime.Hex()
}

// Unlinked lists the libraries whose addresses the code still needs.
func (c *Contract) Unlinked() []string {
	if c.EVM == nil {
		return nil
	}
	var out []string
	for name := range c.EVM.Creation.LinkRefs {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// DeployCode is what a deployment transaction carries: the creation code
// with the ABI-encoded constructor arguments appended as the target wants
// them (EVM: after the code; Ewasm: in the soll.ctor-args custom section,
// ewasm.md §3.3, present even without arguments).
func (c *Contract) DeployCode(args []byte) []byte {
	if c.Ewasm != nil {
		return append(append([]byte(nil), c.Ewasm.Deployer...), ewasm.CtorArgsSection(args)...)
	}
	return append(append([]byte(nil), c.EVM.Creation.Code...), args...)
}
