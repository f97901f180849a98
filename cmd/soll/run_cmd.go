package main

import (
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"

	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/vm"
)

func runCommand() *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "deploy a contract in the embedded VM and call it",
		ArgsUsage: "FILE [ARGS...]",
		Description: `Compiles FILE, deploys it from test account 0 and, with --call, calls it.
ARGS are the call's arguments, in the order of the signature: numbers
(decimal or 0x hex, negative for intN), true/false, addresses, 0x bytes,
strings, arrays [1,2] and tuples (1,true).

Example: soll run examples/erc20/ERC20.yul --call 'balanceOf(address)(uint256)' 0x1212121212121212121212121212120000000012`,
		Flags: append(compileFlags(),
			&cli.StringFlag{Name: "call", Usage: "`SIGNATURE` to call, with the result types to decode: 'f(uint256)(bool)'"},
			&cli.StringFlag{Name: "value", Usage: "wei to send with the call (`AMOUNT`: 5, 5wei, 2ether, 3gwei)"},
			&cli.StringFlag{Name: "deploy-value", Usage: "wei to send with the deployment"},
			&cli.StringSliceFlag{Name: "args", Usage: "constructor argument as `TYPE=VALUE` (repeatable, in order)"},
			&cli.IntFlag{Name: "from", Usage: "send from test account `N`"},
		),
		Action: runAction,
	}
}

func parseWei(s string) (*uint256.Int, error) {
	if s == "" {
		return nil, nil
	}
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	mult := big.NewInt(1)
	for _, u := range []struct {
		suffix string
		exp    int64
	}{{"ether", 18}, {"gwei", 9}, {"wei", 0}} {
		if strings.HasSuffix(s, u.suffix) {
			s = strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			mult.Exp(big.NewInt(10), big.NewInt(u.exp), nil)
			break
		}
	}
	n, ok := new(big.Int).SetString(s, 0)
	if !ok || n.Sign() < 0 {
		return nil, fmt.Errorf("bad amount %q", s)
	}
	n.Mul(n, mult)
	v, overflow := uint256.FromBig(n)
	if overflow {
		return nil, fmt.Errorf("amount %q does not fit 256 bits", s)
	}
	return v, nil
}

func runAction(c *cli.Context) error {
	opts, err := optionsFrom(c)
	if err != nil {
		return err
	}
	if c.NArg() < 1 {
		return fmt.Errorf("usage: soll run FILE [--call SIG ARGS...]")
	}
	file := c.Args().First()
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	res := compiler.Compile([]compiler.Source{{Name: file, Content: src}}, opts)
	if err := report(c, res.Diagnostics); err != nil {
		return err
	}
	if len(res.Contracts) == 0 {
		return fmt.Errorf("%s: nothing to deploy", file)
	}
	ct := res.Contracts[len(res.Contracts)-1]
	if libs := ct.Unlinked(); len(libs) > 0 {
		return fmt.Errorf("%s: libraries %s are not linked (use --libraries)", ct.Key, strings.Join(libs, ", "))
	}
	var ctorArgs []byte
	if specs := c.StringSlice("args"); len(specs) > 0 {
		var types []abi.Type
		var vals []string
		for _, s := range specs {
			t, v, ok := strings.Cut(s, "=")
			if !ok {
				return fmt.Errorf("--args %q: want TYPE=VALUE", s)
			}
			typ, err := abi.ParseType(strings.TrimSpace(t))
			if err != nil {
				return fmt.Errorf("--args %q: %v", s, err)
			}
			types = append(types, typ)
			vals = append(vals, v)
		}
		enc, err := abi.EncodeArgs(types, vals)
		if err != nil {
			return fmt.Errorf("--args: %v", err)
		}
		ctorArgs = enc
	}
	code := ct.DeployCode(ctorArgs)
	deployValue, err := parseWei(c.String("deploy-value"))
	if err != nil {
		return fmt.Errorf("--deploy-value: %v", err)
	}
	value, err := parseWei(c.String("value"))
	if err != nil {
		return fmt.Errorf("--value: %v", err)
	}
	var sig abi.Signature
	var calldata []byte
	if s := c.String("call"); s != "" {
		if sig, err = abi.ParseSignature(s); err != nil {
			return fmt.Errorf("--call: %v", err)
		}
		if calldata, err = sig.EncodeCall(c.Args().Tail()); err != nil {
			return fmt.Errorf("--call %s: %v", s, err)
		}
	} else if c.NArg() > 1 {
		return fmt.Errorf("arguments given but no --call")
	}

	w := c.App.Writer
	chain := newChain(opts)
	defer closeChain(chain)
	from := vm.TestAccount(c.Int("from"))
	dep := chain.Deploy(from, code, deployValue)
	if dep.Status != vm.Success {
		fmt.Fprintf(w, "deployment of %s failed: %s\n", ct.Key, outcome(dep))
		return exitError{1}
	}
	fmt.Fprintf(w, "deployed %s at %s\n  gas: %d (+ %d code deposit), runtime code: %d bytes\n",
		ct.Key, dep.Created.Hex(), dep.GasUsed, dep.CodeDeposit, len(chain.Code(dep.Created)))
	printLogs(w, dep.Logs)
	if calldata == nil {
		return nil
	}
	r := chain.Call(from, dep.Created, calldata, value)
	fmt.Fprintf(w, "call %s\n", sig.Canonical())
	printLogs(w, r.Logs)
	fmt.Fprintf(w, "  gas: %d\n", r.GasUsed)
	if r.Status != vm.Success {
		fmt.Fprintf(w, "  %s\n", outcome(r))
		return exitError{1}
	}
	switch {
	case sig.Outputs != nil:
		vals, err := abi.Decode(sig.Outputs, r.Output)
		if err != nil {
			fmt.Fprintf(w, "  output: 0x%s (does not decode as %s: %v)\n", hex.EncodeToString(r.Output), sig.Outputs, err)
			return exitError{1}
		}
		fmt.Fprintf(w, "  result: %s\n", abi.FormatValues(vals))
	case len(r.Output) > 0:
		fmt.Fprintf(w, "  output: 0x%s\n", hex.EncodeToString(r.Output))
	default:
		fmt.Fprintln(w, "  output: (none)")
	}
	return nil
}

func outcome(r vm.Result) string {
	switch r.Status {
	case vm.Revert:
		return "reverted: " + abi.FormatRevert(r.Output)
	case vm.Failure:
		if r.Err != "" {
			return "failed: " + r.Err
		}
		return "failed"
	}
	return "succeeded"
}

func printLogs(w io.Writer, logs []vm.Log) {
	for _, l := range logs {
		var topics []string
		for _, t := range l.Topics {
			topics = append(topics, t.Hex())
		}
		fmt.Fprintf(w, "  log from %s: topics [%s] data 0x%s\n", l.Address.Hex(), strings.Join(topics, ", "), hex.EncodeToString(l.Data))
	}
}
