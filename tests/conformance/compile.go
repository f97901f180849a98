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
// with its sub-objects) for evmVersion into creation bytecode. libraries
// maps "<source>:<Library>" (the argument of linkersymbol) to the address
// the library was deployed at.
type YulCompiler func(irFile string, evmVersion evmversion.Version, libraries map[string]common.Address) ([]byte, error)

// newYulCompiler returns the compiler behind `-input yul`: soll's whole
// pipeline (Yul frontend, optimizer at level, EVM backend).
func newYulCompiler(level opt.Level) YulCompiler {
	return func(irFile string, v evmversion.Version, libs map[string]common.Address) ([]byte, error) {
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
		if len(c.EVM.Creation.LinkRefs) > 0 {
			for name := range c.EVM.Creation.LinkRefs {
				return nil, fmt.Errorf("compile: library %q is not linked", name)
			}
		}
		return c.EVM.Creation.Code, nil
	}
}
