// Command soll is the command-line interface of the soll compiler
// (DESIGN.md §6). It is thin: flags are turned into library calls
// (package compiler, tests/isoltest, vm) and results are printed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// Version is soll's version string.
const Version = "0.1.0-dev"

// exitError carries an exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:      "soll",
		Usage:     "compile Solidity and Yul to EVM bytecode and Ewasm, and run the result",
		Version:   Version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			buildCommand(),
			testCommand(),
			runCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
		// --args values may contain commas (arrays, tuples).
		DisableSliceFlagSeparator: true,
	}
	err := app.Run(interspersed(app, args))
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "soll: %v\n", err)
		return 2
	}
}

// interspersed moves a subcommand's flags that follow its positional
// arguments in front of them, so that `soll run FILE --call 'f()' 5` works
// as users write it. Tokens that are not flags of the command (such as the
// negative number -5) stay positional; "--" ends flag parsing.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var cmd *cli.Command
	for _, c := range app.Commands {
		if c.Name == args[1] {
			cmd = c
		}
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	takesValue["help"], takesValue["h"] = false, false
	var flags, pos []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		if t == "--" {
			pos = append(pos, rest[i+1:]...)
			break
		}
		name := strings.TrimLeft(t, "-")
		name, _, hasValue := strings.Cut(name, "=")
		val, known := takesValue[name]
		if !strings.HasPrefix(t, "-") || !known {
			pos = append(pos, t)
			continue
		}
		flags = append(flags, t)
		if val && !hasValue && i+1 < len(rest) {
			flags = append(flags, rest[i+1])
			i++
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(pos) > 0 {
		out = append(out, "--")
		out = append(out, pos...)
	}
	return out
}
