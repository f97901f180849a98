package isoltest

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// Env is what Run needs from its caller: a chain and the compiled code.
type Env struct {
	// Chain is a fresh chain for this test (Run does not reset it).
	Chain vm.Chain
	// EVMVersion is the version the chain runs; before byzantium there is
	// no revert data and it is not compared.
	EVMVersion evmversion.Version
	// CreationCode returns the creation code of the contract the test
	// deploys, linked against the libraries deployed so far (keys
	// "<file>:<Name>", ":L" for a library of the unnamed source).
	CreationCode func(libraries map[string]common.Address) ([]byte, error)
	// LibraryCode returns the creation code of the library of a `library:`
	// line. name is its key as written ("<file>:<Name>", ":L" for
	// `library: L`); libraries are the ones deployed before it.
	LibraryCode func(name string, libraries map[string]common.Address) ([]byte, error)
	// WithArgs, when set, builds a deployment from creation code and the
	// ABI-encoded constructor arguments (Ewasm puts them in a custom
	// section); nil appends the arguments to the code, as on the EVM.
	WithArgs func(code, args []byte) []byte
	// Events are the event signatures known to the compiled contracts, used
	// to name logs. Each is canonical ("Transfer(address,address,uint256)")
	// or marks indexed parameters ("Transfer(address indexed,address
	// indexed,uint256)"), as EventDecls makes from a JSON ABI; only then
	// are bool parameters printed as true/false. The signatures in the
	// test's own `~ emit` lines are added by Run.
	Events []string
}

// Report is the outcome of running one test.
type Report struct {
	Test     *Test
	Failures []Failure
	// Gas has one record per call, constructor and low-level call that ran.
	Gas []GasRecord
	// Err is set when the test could not run (compilation failed, a library
	// could not be deployed); the entries were then not run.
	Err error
	// Entries and PassedEntries count expectation entries.
	Entries, PassedEntries int
	// Contract is the deployed contract's address (zero if not deployed).
	Contract common.Address
}

// Passed reports whether every expectation held.
func (r *Report) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// FirstProblem is a one-line description of the first reason the test
// failed ("" if it passed).
func (r *Report) FirstProblem() string {
	if r.Err != nil {
		return r.Err.Error()
	}
	if len(r.Failures) == 0 {
		return ""
	}
	return r.Failures[0].OneLine()
}

// Failure is one expectation that did not hold.
type Failure struct {
	Line   int    // 1-based line of the entry in the test file
	Entry  *Entry // nil for failures not tied to an entry
	Reason string
	// Expected and Got are printed in isoltest syntax.
	Expected, Got string
}

// String prints the failure on several lines: where, why, expected, got.
func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d: %s\n", f.Line, f.Reason)
	if f.Expected != "" || f.Got != "" {
		fmt.Fprintf(&b, "  expected: %s\n", strings.ReplaceAll(f.Expected, "\n", "\n            "))
		fmt.Fprintf(&b, "  got:      %s\n", strings.ReplaceAll(f.Got, "\n", "\n            "))
	}
	return b.String()
}

// OneLine prints the failure on one line.
func (f Failure) OneLine() string {
	s := fmt.Sprintf("line %d: %s", f.Line, f.Reason)
	if f.Expected != "" || f.Got != "" {
		s += fmt.Sprintf(": expected `%s`, got `%s`", oneLine(f.Expected), oneLine(f.Got))
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// GasRecord pairs the gas one transaction used with solc's figure for it.
type GasRecord struct {
	Line      int
	Kind      EntryKind
	Signature string
	// Used and CodeDeposit are ours (vm.Result).
	Used, CodeDeposit uint64
	// Solc and SolcCode are the `gas irOptimized` and `gas irOptimized
	// code` lines; HasSolc says the first is present.
	Solc, SolcCode uint64
	HasSolc        bool
	// Succeeded: the transaction succeeded and was expected to.
	Succeeded bool
}

type runner struct {
	t        *Test
	env      Env
	rep      *Report
	events   eventTable
	sender   common.Address
	contract common.Address
	libs     map[string]common.Address
}

// Run executes t's expectations on env.Chain and reports every mismatch.
func Run(t *Test, env Env) *Report {
	r := &runner{t: t, env: env, rep: &Report{Test: t}, sender: vm.TestAccount(0), libs: map[string]common.Address{}}
	decls := append([]string(nil), env.Events...)
	for _, e := range t.Entries {
		for _, se := range e.SideEffects {
			if sig := emittedSignature(se); sig != "" {
				decls = append(decls, sig)
			}
		}
	}
	r.events = newEventTable(decls)
	r.rep.Entries = len(t.Entries)
	deployed := false
	for _, e := range t.Entries {
		if e.Kind == Library {
			if deployed {
				r.fail(e, "library line after the contract was deployed", "", "")
				continue
			}
			if !r.deployLibrary(e) {
				return r.rep
			}
			r.rep.PassedEntries++
			continue
		}
		if !deployed {
			deployed = true
			if e.Kind == Constructor {
				r.constructor(e)
				continue
			}
			if !r.deployPlain(e.Line) {
				return r.rep
			}
		}
		if e.Kind == Constructor {
			r.fail(e, "constructor() must be the first line after library lines", "", "")
			continue
		}
		r.entry(e)
	}
	if !deployed {
		r.deployPlain(r.t.ExpectationLine)
	}
	return r.rep
}

func (r *runner) libsCopy() map[string]common.Address {
	m := make(map[string]common.Address, len(r.libs))
	for k, v := range r.libs {
		m[k] = v
	}
	return m
}

func (r *runner) fail(e *Entry, reason, expected, got string) {
	line := r.t.ExpectationLine
	if e != nil {
		line = e.Line
	}
	r.rep.Failures = append(r.rep.Failures, Failure{Line: line, Entry: e, Reason: reason, Expected: expected, Got: got})
}

func (r *runner) deployLibrary(e *Entry) bool {
	if r.env.LibraryCode == nil {
		r.rep.Err = fmt.Errorf("line %d: library %s: no LibraryCode callback", e.Line, e.Signature)
		return false
	}
	code, err := r.env.LibraryCode(e.Signature, r.libsCopy())
	if err != nil {
		r.rep.Err = fmt.Errorf("line %d: library %s: %v", e.Line, e.Signature, err)
		return false
	}
	res := r.env.Chain.Deploy(r.sender, code, nil)
	if res.Status != vm.Success {
		r.rep.Err = fmt.Errorf("line %d: deploying library %s failed: %s", e.Line, e.Signature, describeResult(res))
		return false
	}
	r.libs[e.Signature] = res.Created
	return true
}

func (r *runner) creationCode() ([]byte, bool) {
	if r.env.CreationCode == nil {
		r.rep.Err = fmt.Errorf("no CreationCode callback")
		return nil, false
	}
	code, err := r.env.CreationCode(r.libsCopy())
	if err != nil {
		r.rep.Err = fmt.Errorf("compiling: %v", err)
		return nil, false
	}
	return code, true
}

// deployPlain deploys with no value and no arguments; it must succeed.
// withArgs is a deployment's code: code with constructor arguments.
func (r *runner) withArgs(code, args []byte) []byte {
	if r.env.WithArgs != nil {
		return r.env.WithArgs(code, args)
	}
	return append(append([]byte(nil), code...), args...)
}

func (r *runner) deployPlain(line int) bool {
	code, ok := r.creationCode()
	if !ok {
		return false
	}
	res := r.env.Chain.Deploy(r.sender, r.withArgs(code, nil), nil)
	if res.Status != vm.Success {
		r.rep.Failures = append(r.rep.Failures, Failure{Line: line, Reason: "deployment failed: " + describeResult(res)})
		return false
	}
	r.contract = res.Created
	r.rep.Contract = res.Created
	return true
}

func (r *runner) constructor(e *Entry) {
	code, ok := r.creationCode()
	if !ok {
		return
	}
	value, err := weiValue(e.Value)
	if err != nil {
		r.fail(e, err.Error(), "", "")
		return
	}
	res := r.env.Chain.Deploy(r.sender, r.withArgs(code, e.ArgBytes()), value)
	if res.Status == vm.Success {
		r.contract = res.Created
		r.rep.Contract = res.Created
	}
	r.recordGas(e, res)
	// The deployment's output is its runtime code: only success or failure
	// (and revert data) are compared.
	out := res.Output
	if res.Status == vm.Success {
		out = nil
	}
	r.compare(e, res.Status == vm.Success, out, res)
}

func (r *runner) entry(e *Entry) {
	if e.Kind == Builtin {
		out, effects, err := r.builtin(e)
		if err != nil {
			r.fail(e, err.Error(), "", "")
			return
		}
		r.compareResult(e, true, out, vm.Result{}, effects)
		return
	}
	value, err := weiValue(e.Value)
	if err != nil {
		r.fail(e, err.Error(), "", "")
		return
	}
	input := e.ArgBytes()
	if e.Kind == Call {
		sel := abi.Selector(e.Signature)
		input = append(sel[:], input...)
	}
	res := r.env.Chain.Call(r.sender, r.contract, input, value)
	r.recordGas(e, res)
	r.compare(e, res.Status == vm.Success, res.Output, res)
}

func (r *runner) recordGas(e *Entry, res vm.Result) {
	g := GasRecord{Line: e.Line, Kind: e.Kind, Signature: e.Signature, Used: res.GasUsed, CodeDeposit: res.CodeDeposit,
		Succeeded: res.Status == vm.Success && !e.Failure}
	g.Solc, g.HasSolc = e.Gas["irOptimized"]
	g.SolcCode = e.GasCode["irOptimized"]
	r.rep.Gas = append(r.rep.Gas, g)
}

func (r *runner) compare(e *Entry, success bool, out []byte, res vm.Result) {
	effects := make([]string, len(res.Logs))
	for i, l := range res.Logs {
		effects[i] = r.events.formatLog(l, r.contract)
	}
	r.compareResult(e, success, out, res, effects)
}

func (r *runner) compareResult(e *Entry, success bool, out []byte, res vm.Result, effects []string) {
	want := e.ResultBytes()
	ok := success != e.Failure
	if ok && !bytes.Equal(out, want) {
		// Before byzantium a failure has no revert data to compare.
		ok = e.Failure && !r.env.EVMVersion.HasRevert()
	}
	if !ok {
		reason := "wrong result"
		switch {
		case success && e.Failure:
			reason = "expected failure, call succeeded"
		case !success && !e.Failure:
			reason = "call failed: " + describeResult(res)
		case !success:
			reason = "wrong revert data: " + abi.FormatRevert(out)
		}
		r.fail(e, reason, e.expectedText(), e.gotText(success, out))
		return
	}
	if !equalStrings(effects, e.SideEffects) {
		r.fail(e, "side effects differ", sideEffectText(e.SideEffects), sideEffectText(effects))
		return
	}
	r.rep.PassedEntries++
}

func sideEffectText(effects []string) string {
	if len(effects) == 0 {
		return "(none)"
	}
	return "~ " + strings.Join(effects, "\n~ ")
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func describeResult(res vm.Result) string {
	switch res.Status {
	case vm.Revert:
		return "reverted with " + abi.FormatRevert(res.Output)
	case vm.Failure:
		if res.Err != "" {
			return res.Err
		}
		return "failure"
	}
	return "success"
}

func weiValue(v *big.Int) (*uint256.Int, error) {
	if v == nil {
		return nil, nil
	}
	u, overflow := uint256.FromBig(v)
	if overflow {
		return nil, fmt.Errorf("value %s does not fit in 256 bits", v)
	}
	return u, nil
}

// builtin answers a builtin line: its output and side effects.
func (r *runner) builtin(e *Entry) ([]byte, []string, error) {
	word := func(n *uint256.Int) []byte { b := n.Bytes32(); return b[:] }
	switch e.Signature {
	case "balance":
		addr := r.contract
		if len(e.Args) > 0 {
			b := e.ArgBytes()
			if len(e.Args) != 1 || len(b) != 32 {
				return nil, nil, fmt.Errorf("balance takes one address")
			}
			addr = common.BytesToAddress(b)
		}
		return word(r.env.Chain.Balance(addr)), nil, nil
	case "storageEmpty":
		if r.env.Chain.StorageEmpty(r.contract) {
			return word(uint256.NewInt(1)), nil, nil
		}
		return word(uint256.NewInt(0)), nil, nil
	case "account":
		b := e.ArgBytes()
		if len(e.Args) != 1 || len(b) != 32 {
			return nil, nil, fmt.Errorf("account takes one number")
		}
		n := new(big.Int).SetBytes(b)
		if !n.IsInt64() || n.Int64() > 1<<20 {
			return nil, nil, fmt.Errorf("account %s out of range", n)
		}
		r.sender = vm.TestAccount(int(n.Int64()))
		return common.LeftPadBytes(r.sender[:], 32), nil, nil
	case "isoltest_builtin_test":
		return word(uint256.NewInt(0x1234)), nil, nil
	case "isoltest_side_effects_test":
		var effects []string
		for _, a := range e.Args {
			effects = append(effects, hex.EncodeToString(a.Bytes))
		}
		out := e.ArgBytes()
		if len(e.Args) == 0 {
			out = word(uint256.NewInt(0))
		}
		return out, effects, nil
	}
	return nil, nil, fmt.Errorf("unknown builtin %s", e.Signature)
}

// callText prints the call part of e: "sig, value: args".
func (e *Entry) callText() string {
	var b strings.Builder
	switch e.Kind {
	case LowLevel:
		b.WriteString("()")
	case Library:
		return "library: " + e.Signature
	default:
		b.WriteString(e.Signature)
	}
	if e.ValueText != "" {
		b.WriteString(", " + e.ValueText)
	}
	if len(e.Args) > 0 {
		texts := make([]string, len(e.Args))
		for i, a := range e.Args {
			texts[i] = a.Text
		}
		b.WriteString(": " + strings.Join(texts, ", "))
	}
	return b.String()
}

func (e *Entry) expectedText() string {
	var parts []string
	if e.Failure {
		parts = append(parts, "FAILURE")
	}
	for _, l := range e.Results {
		parts = append(parts, l.Text)
	}
	return strings.TrimRight(e.callText()+" -> "+strings.Join(parts, ", "), " ")
}

func (e *Entry) gotText(success bool, out []byte) string {
	var res string
	if success {
		res = FormatBytes(out, e.Results)
	} else {
		parts := []string{"FAILURE"}
		if len(out) > 0 {
			if len(out) == len(e.ResultBytes()) {
				parts = append(parts, FormatBytes(out, e.Results))
			} else {
				parts = append(parts, formatRevertData(out))
			}
		}
		res = strings.Join(parts, ", ")
	}
	return strings.TrimRight(e.callText()+" -> "+res, " ")
}

// EventDecls turns a contract's JSON ABI into Env.Events declarations that
// mark indexed parameters.
func EventDecls(entries []abi.Entry) []string {
	var out []string
	for _, en := range entries {
		if en.Type != "event" || en.Anonymous {
			continue
		}
		parts := make([]string, len(en.Inputs))
		for i, in := range en.Inputs {
			parts[i] = in.Canonical()
			if in.Indexed {
				parts[i] += " indexed"
			}
		}
		out = append(out, en.Name+"("+strings.Join(parts, ",")+")")
	}
	return out
}
