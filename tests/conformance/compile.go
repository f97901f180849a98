package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir/opt"
)

// YulCompiler compiles the Yul IR file irFile (solc's IR of one contract,
// with its sub-objects) for evmVersion. libraries maps
// "<source>:<Library>" (the argument of linkersymbol) to the address the
// library was deployed at. The contract's DeployCode is what is deployed.
type YulCompiler func(irFile string, evmVersion evmversion.Version, libraries map[string]common.Address) (*compiler.Contract, error)

// newYulCompiler returns the compiler behind `-input yul`: soll's whole
// pipeline (Yul frontend, optimizer at level, the target's backend).
func newYulCompiler(level opt.Level, target compiler.Target) YulCompiler {
	return func(irFile string, v evmversion.Version, libs map[string]common.Address) (*compiler.Contract, error) {
		src, err := os.ReadFile(irFile)
		if err != nil {
			return nil, err
		}
		var log source.Log
		f := source.NewFile(irFile, src)
		obj := yul.Compile(f, v, &log)
		var c *compiler.Contract
		if obj != nil && !log.HasErrors() {
			opts := compiler.DefaultOptions()
			opts.Target = target
			opts.EVMVersion = v
			opts.Opt = level
			opts.Libraries = libs
			c = compiler.Build(irFile, obj, opts, &log)
		}
		if errs := log.Errors(); len(errs) > 0 {
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Short())
			}
			return nil, fmt.Errorf("compile: %s", strings.Join(msgs, "; "))
		}
		if c == nil {
			return nil, fmt.Errorf("compile: no output")
		}
		for _, name := range c.Unlinked() {
			return nil, fmt.Errorf("compile: library %q is not linked", name)
		}
		return c, nil
	}
}
