// Command conformance runs the corpus's semantic tests (solc's isoltest
// files) through soll's pipeline or through solc's own bytecode, on the
// embedded EVM or the embedded Ewasm VM, and checks the result against a
// ratchet of tests that passed before.
//
//	go run ./tests/conformance -corpus ../shared/corpus -target evm|ewasm -input yul|solcbin \
//	    [-variant unopt|opt] [-O 0|1|2|s] [-filter GLOB] [-v] [-j N] [-ratchet FILE] [-update-ratchet]
//
// With -target ewasm, soll compiles solc's IR to Ewasm modules and runs them
// in vm/ewasm (solc's bytecode, -input solcbin, is EVM only); gas is not
// compared (wasm gas cannot match the EVM's) and the summary gives the size
// of the Ewasm runtime modules against solc's EVM runtime code instead. The
// Yul sets run are then the Ewasm translation tests (tests/ewasmtrans).
//
// The last line printed is "N passed, M failed, K skipped"; the exit status
// is 1 when a test listed in the ratchet file fails.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir/opt"
	"github.com/soll-dev/soll/tests/isoltest"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
	ewasmvm "github.com/soll-dev/soll/vm/ewasm"
)

type options struct {
	corpus        string
	target        string
	input         string
	variant       string
	optLevel      string
	filter        string
	verbose       bool
	jobs          int
	ratchet       string
	updateRatchet bool
	gasDiff       bool
	warm          bool
	// compile replaces the Yul pipeline (tests); nil: newYulCompiler.
	compile YulCompiler
}

func main() {
	var o options
	flag.StringVar(&o.corpus, "corpus", "", "corpus folder (default: $SOLL_CORPUS or ../shared/corpus next to the repository)")
	flag.StringVar(&o.target, "target", "evm", "target: evm or ewasm")
	flag.StringVar(&o.input, "input", "yul", "what to run: yul (soll compiles solc's IR) or solcbin (solc's own via-IR bytecode)")
	flag.StringVar(&o.variant, "variant", "unopt", "IR variant for -input yul: unopt (ir) or opt (irOptimized)")
	flag.StringVar(&o.optLevel, "O", "2", "soll's optimization level for -input yul: 0, 1, 2 or s")
	flag.StringVar(&o.filter, "filter", "", "run only tests whose path below semantic/ matches GLOB (* matches across /)")
	flag.BoolVar(&o.verbose, "v", false, "print every test and every failing line")
	flag.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "tests run in parallel")
	flag.StringVar(&o.ratchet, "ratchet", "", "file listing tests that must pass (one path per line)")
	flag.BoolVar(&o.gasDiff, "gas-diff", false, "print every call whose gas differs from solc's irOptimized line")
	flag.BoolVar(&o.warm, "warm", false, "run every test twice and report the second run (the Ewasm compilation cache warm)")
	flag.BoolVar(&o.updateRatchet, "update-ratchet", false, "add newly passing tests to the ratchet file")
	flag.Parse()
	code, err := run(o, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

type manifestTest struct {
	Path       string            `json:"path"`
	Kind       string            `json:"kind"`
	Status     string            `json:"status"`
	Settings   map[string]string `json:"settings"`
	EVMVersion string            `json:"evmVersion"`
}

// job is one test to run; result what came of it.
type job struct {
	key  string // path below semantic/
	path string // full path of the .sol file
	evm  evmversion.Version
}

type result struct {
	key     string
	passed  bool
	problem string // first reason of failure
	details []string
	// lineRatios: our gas / solc's `gas irOptimized` line, for lines that
	// solc's own bytecode reproduces on our chain (stale lines, which solc
	// does not check below 100,000 gas, are left out). refRatios: our gas /
	// the gas of solc's bytecode, for every call both ran successfully.
	lineRatios, refRatios []float64
	gasDiffs              []string
	// ourSize and solcSize are runtime code sizes (0: unknown).
	ourSize, solcSize int
	// vmTime is the wall time spent in the VM's Deploy and Call.
	vmTime time.Duration
}

func run(o options, out io.Writer) (int, error) {
	if o.target != "evm" && o.target != "ewasm" {
		return 0, fmt.Errorf("-target must be evm or ewasm, not %q", o.target)
	}
	if o.input != "yul" && o.input != "solcbin" {
		return 0, fmt.Errorf("-input must be yul or solcbin, not %q", o.input)
	}
	if o.target == "ewasm" && o.input != "yul" {
		return 0, fmt.Errorf("-target ewasm needs -input yul (solc's bytecode is EVM code)")
	}
	if o.variant != "unopt" && o.variant != "opt" {
		return 0, fmt.Errorf("-variant must be unopt or opt, not %q", o.variant)
	}
	if o.corpus == "" {
		dir, ok := isoltest.CorpusDir()
		if !ok {
			return 0, fmt.Errorf("corpus not found: pass -corpus or set SOLL_CORPUS")
		}
		o.corpus = dir
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	var filter *regexp.Regexp
	if o.filter != "" {
		filter = globRegexp(o.filter)
	}
	data, err := os.ReadFile(filepath.Join(o.corpus, "manifest.json"))
	if err != nil {
		return 0, err
	}
	var manifest struct {
		Tests []manifestTest `json:"tests"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		return 0, fmt.Errorf("manifest.json: %v", err)
	}

	skips := map[string]int{}
	var jobs []job
	for _, m := range manifest.Tests {
		if m.Kind != "semantic" {
			continue
		}
		key := strings.TrimPrefix(m.Path, "semantic/")
		if filter != nil && !filter.MatchString(key) {
			continue
		}
		v, reason := skipReason(m)
		if reason != "" {
			skips[reason]++
			continue
		}
		jobs = append(jobs, job{key: key, path: filepath.Join(o.corpus, m.Path), evm: v})
	}

	level, err := opt.ParseLevel(o.optLevel)
	if err != nil {
		return 0, err
	}
	compile := o.compile
	if compile == nil {
		target := compiler.EVM
		if o.target == "ewasm" {
			target = compiler.Ewasm
		}
		compile = newYulCompiler(level, target)
	}
	results := make([]*result, len(jobs))
	done := make([]chan struct{}, len(jobs))
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < o.jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if o.warm {
					runOne(o, jobs[i], compile)
				}
				results[i] = runOne(o, jobs[i], compile)
				close(done[i])
			}
		}()
	}
	go func() {
		for i := range jobs {
			next <- i
		}
		close(next)
	}()

	passed, failed := 0, 0
	var ratios, refRatios []float64
	ourSize, solcSize, sized := 0, 0, 0
	var vmTime time.Duration
	for i := range jobs {
		<-done[i]
		r := results[i]
		if r.passed {
			passed++
			if o.verbose {
				fmt.Fprintf(out, "PASS %s\n", r.key)
			}
		} else {
			failed++
			fmt.Fprintf(out, "FAIL %s: %s\n", r.key, r.problem)
			if o.verbose {
				for _, d := range r.details {
					if d == r.problem {
						continue
					}
					fmt.Fprintf(out, "    %s\n", strings.ReplaceAll(strings.TrimRight(d, "\n"), "\n", "\n    "))
				}
			}
		}
		ratios = append(ratios, r.lineRatios...)
		refRatios = append(refRatios, r.refRatios...)
		if o.gasDiff {
			for _, d := range r.gasDiffs {
				fmt.Fprintf(out, "GAS %s:%s\n", r.key, d)
			}
		}
		vmTime += r.vmTime
		if r.ourSize > 0 && r.solcSize > 0 {
			ourSize += r.ourSize
			solcSize += r.solcSize
			sized++
		}
	}
	wg.Wait()

	if len(skips) > 0 {
		reasons := make([]string, 0, len(skips))
		for k := range skips {
			reasons = append(reasons, k)
		}
		sort.Strings(reasons)
		parts := make([]string, len(reasons))
		for i, k := range reasons {
			parts[i] = fmt.Sprintf("%s: %d", k, skips[k])
		}
		fmt.Fprintf(out, "skipped: %s\n", strings.Join(parts, ", "))
	}
	sizeText := "n/a"
	if sized > 0 {
		sizeText = fmt.Sprintf("%d vs solc %d bytes (%.4f) over %d contracts", ourSize, solcSize, float64(ourSize)/float64(solcSize), sized)
	}
	if o.target == "ewasm" {
		// Wasm gas (metered instructions, Hera's EEI prices) cannot match
		// the EVM's: only sizes are summarised.
		fmt.Fprintf(out, "gas: not compared on Ewasm; runtime size (our Ewasm modules vs solc's EVM bin-runtime via IR): %s\n", sizeText)
	} else {
		gasText := "n/a"
		if len(ratios) > 0 {
			gasText = fmt.Sprintf("%.4f over %d gas lines", geomean(ratios), len(ratios))
		}
		if len(refRatios) > 0 {
			gasText += fmt.Sprintf(" (%.4f over all %d calls, against solc's bytecode on the same chain)", geomean(refRatios), len(refRatios))
		}
		fmt.Fprintf(out, "gas (ours/solc irOptimized, geometric mean): %s; runtime size: %s\n", gasText, sizeText)
	}

	// the same tests on either target give comparable totals (solc's
	// reference runs on the EVM are not counted)
	warm := ""
	if o.warm {
		warm = ", second run of each test"
	}
	fmt.Fprintf(out, "execution time in %s VM calls (deploy and call, summed over tests%s): %s over %d tests\n", o.target, warm, vmTime.Round(time.Millisecond), len(jobs))
	exit := 0
	if o.ratchet != "" {
		code, err := checkRatchet(o, results, out)
		if err != nil {
			return 0, err
		}
		exit = code
	}
	if o.input == "yul" && o.compile == nil {
		sets := runYulSets
		if o.target == "ewasm" {
			sets = runEwasmSets
		}
		bad, err := sets(o, level, out)
		if err != nil {
			return 0, err
		}
		if bad > 0 {
			exit = 1
		}
	}
	skipped := 0
	for _, n := range skips {
		skipped += n
	}
	fmt.Fprintf(out, "%d passed, %d failed, %d skipped\n", passed, failed, skipped)
	return exit, nil
}

// skipReason says why a test is not run ("" to run it) and at which EVM version.
func skipReason(m manifestTest) (evmversion.Version, string) {
	if m.Status != "ok" && m.Status != "legacy-error" {
		return 0, "status " + m.Status
	}
	if m.Settings["compileViaYul"] == "false" {
		return 0, "legacy only (compileViaYul: false)"
	}
	if m.Settings["ABIEncoderV1Only"] == "true" {
		return 0, "ABIEncoderV1Only"
	}
	name := m.EVMVersion
	if name == "" {
		name = evmversion.Default.String()
	}
	v, err := evmversion.Parse(name)
	if err != nil {
		return 0, "unknown EVM version"
	}
	if ok, err := isoltest.EVMVersionAllows(m.Settings["EVMVersion"], v); err != nil || !ok {
		return 0, "EVMVersion excludes " + name
	}
	return v, ""
}

// runOne runs one test; a panic anywhere below is reported as its failure.
func runOne(o options, j job, compile YulCompiler) (res *result) {
	res = &result{key: j.key}
	defer func() {
		if p := recover(); p != nil {
			res.passed = false
			res.problem = fmt.Sprintf("panic: %v", p)
		}
	}()
	content, err := os.ReadFile(j.path)
	if err != nil {
		res.problem = err.Error()
		return res
	}
	test, err := isoltest.Parse(j.path, content)
	if err != nil {
		res.problem = "parse: " + err.Error()
		return res
	}
	solc, err := isoltest.LoadSolcOutput(strings.TrimSuffix(j.path, ".sol") + ".solc.json")
	if err != nil {
		res.problem = err.Error()
		return res
	}
	raw := newChain(o.target, j.evm)
	defer closeChain(raw)
	chain := &timedChain{Chain: raw}
	defer func() { res.vmTime = chain.spent }()
	env, err := makeEnv(o, solc, chain, j.evm, compile)
	if err != nil {
		res.problem = err.Error()
		return res
	}
	rep := isoltest.Run(test, env)
	res.passed = rep.Passed()
	res.problem = rep.FirstProblem()
	for _, f := range rep.Failures {
		res.details = append(res.details, f.String())
	}
	if o.target == "evm" {
		ref := rep
		if o.input != "solcbin" {
			ref = referenceRun(test, solc, j.evm)
		}
		res.gasRatios(rep, ref)
	}
	if rep.Contract != (common.Address{}) {
		res.ourSize = len(chain.Code(rep.Contract))
		if c := solc.Contracts[solc.Deploy]; c != nil && c.BinRuntimeViaIR != nil {
			res.solcSize = len(*c.BinRuntimeViaIR) / 2
		}
	}
	return res
}

// newChain is a fresh chain of the target's VM (the corpus's chain).
func newChain(target string, v evmversion.Version) vm.Chain {
	if target == "ewasm" {
		return ewasmvm.New(ewasmvm.Config{Version: v})
	}
	return evm.New(evm.Config{Version: v})
}

// timedChain adds up the wall time a test spends in the VM.
type timedChain struct {
	vm.Chain
	spent time.Duration
}

func (c *timedChain) Deploy(from common.Address, code []byte, value *uint256.Int) vm.Result {
	start := time.Now()
	defer func() { c.spent += time.Since(start) }()
	return c.Chain.Deploy(from, code, value)
}

func (c *timedChain) Call(from, to common.Address, input []byte, value *uint256.Int) vm.Result {
	start := time.Now()
	defer func() { c.spent += time.Since(start) }()
	return c.Chain.Call(from, to, input, value)
}

// closeChain releases a chain's resources when it has any (wazero's).
func closeChain(ch vm.Chain) {
	if c, ok := ch.(interface{ Close() error }); ok {
		c.Close()
	}
}

// referenceRun runs solc's own via-IR bytecode of the test (nil when that
// cannot be set up).
func referenceRun(test *isoltest.Test, solc *isoltest.SolcOutput, v evmversion.Version) *isoltest.Report {
	env, err := solc.ViaIREnv(evm.New(evm.Config{Version: v}), v)
	if err != nil {
		return nil
	}
	return isoltest.Run(test, env)
}

func (res *result) gasRatios(rep, ref *isoltest.Report) {
	refGas := map[int]isoltest.GasRecord{}
	if ref != nil {
		for _, g := range ref.Gas {
			refGas[g.Line] = g
		}
	}
	for _, g := range rep.Gas {
		r, ok := refGas[g.Line]
		if !ok || !g.Succeeded || !r.Succeeded || g.Used == 0 || r.Used == 0 {
			continue
		}
		res.refRatios = append(res.refRatios, float64(g.Used)/float64(r.Used))
		if !g.HasSolc || r.Used != g.Solc || r.CodeDeposit != g.SolcCode {
			continue
		}
		res.lineRatios = append(res.lineRatios, float64(g.Used)/float64(g.Solc))
		if g.Used != g.Solc || g.CodeDeposit != g.SolcCode {
			res.gasDiffs = append(res.gasDiffs, fmt.Sprintf("%d %s: ours %d (code %d), solc %d (code %d), %+d",
				g.Line, g.Signature, g.Used, g.CodeDeposit, g.Solc, g.SolcCode, int64(g.Used)-int64(g.Solc)))
		}
	}
}

func geomean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

func makeEnv(o options, solc *isoltest.SolcOutput, chain vm.Chain, v evmversion.Version, compile YulCompiler) (isoltest.Env, error) {
	if o.input == "solcbin" {
		return solc.ViaIREnv(chain, v)
	}
	irOf := func(key string) (string, error) {
		c, ok := solc.Contracts[key]
		if !ok {
			return "", fmt.Errorf("contract %s not in solc output", key)
		}
		f := c.IR
		if o.variant == "opt" {
			f = c.IROptimized
		}
		if f == "" {
			return "", fmt.Errorf("no IR for %s (interface or abstract contract)", key)
		}
		return filepath.Join(o.corpus, filepath.FromSlash(f)), nil
	}
	// deployed is the contract CreationCode compiled last: WithArgs frames
	// its constructor arguments (Ewasm: in the soll.ctor-args section).
	var deployed *compiler.Contract
	env := isoltest.Env{
		Chain:      chain,
		EVMVersion: v,
		Events:     solc.EventDecls(),
		CreationCode: func(libs map[string]common.Address) ([]byte, error) {
			f, err := irOf(solc.Deploy)
			if err != nil {
				return nil, err
			}
			c, err := compile(f, v, libs)
			if err != nil {
				return nil, err
			}
			deployed = c
			return c.DeployCode(nil), nil
		},
		LibraryCode: func(name string, libs map[string]common.Address) ([]byte, error) {
			key, ok := solc.LibraryContract(name)
			if !ok {
				return nil, fmt.Errorf("library %s not in solc output", name)
			}
			f, err := irOf(key)
			if err != nil {
				return nil, err
			}
			c, err := compile(f, v, libs)
			if err != nil {
				return nil, err
			}
			return c.DeployCode(nil), nil
		},
	}
	if o.target == "ewasm" {
		env.WithArgs = func(code, args []byte) []byte {
			if deployed == nil {
				return append(append([]byte(nil), code...), args...)
			}
			return deployed.DeployCode(args)
		}
	}
	return env, nil
}

// globRegexp turns GLOB into a regexp in which * matches any run of
// characters (also /) and ? one character.
func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, c := range glob {
		switch c {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// checkRatchet reports listed tests that failed (exit status 1) and, with
// -update-ratchet, adds the tests that passed.
func checkRatchet(o options, results []*result, out io.Writer) (int, error) {
	listed := map[string]bool{}
	data, err := os.ReadFile(o.ratchet)
	if err != nil && !(os.IsNotExist(err) && o.updateRatchet) {
		return 0, err
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			listed[l] = true
		}
	}
	exit := 0
	regressions := 0
	added := 0
	for _, r := range results {
		switch {
		case listed[r.key] && !r.passed:
			regressions++
			fmt.Fprintf(out, "RATCHET %s: listed in %s but failed\n", r.key, o.ratchet)
			exit = 1
		case !listed[r.key] && r.passed:
			added++
			if o.updateRatchet {
				listed[r.key] = true
			}
		}
	}
	if o.updateRatchet {
		keys := make([]string, 0, len(listed))
		for k := range listed {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		text := strings.Join(keys, "\n")
		if text != "" {
			text += "\n"
		}
		if err := os.WriteFile(o.ratchet, []byte(text), 0o644); err != nil {
			return 0, err
		}
		fmt.Fprintf(out, "ratchet %s: %d tests (%d added)\n", o.ratchet, len(keys), added)
	} else if added > 0 {
		fmt.Fprintf(out, "ratchet %s: %d passing tests not listed (use -update-ratchet)\n", o.ratchet, added)
	}
	if regressions > 0 {
		fmt.Fprintf(out, "ratchet: %d listed tests failed\n", regressions)
	}
	return exit, nil
}
