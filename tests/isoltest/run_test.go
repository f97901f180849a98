package isoltest

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/vm"
)

// fakeChain answers calls from a script keyed by the hex calldata.
type fakeChain struct {
	script   map[string]vm.Result
	deploys  []string // hex of each deployed code, in order
	failCode string   // deployments of this hex fail
	sent     []string // "from to input value" of each call
	balance  map[common.Address]uint64
	empty    bool
}

var fakeAddrs = []common.Address{
	common.HexToAddress("0xc06afe3a8444fc0004668591e8306bfb9968e79e"),
	common.HexToAddress("0xe1e163b29f5bccb3764b5534ce0e2c02bd4fe650"),
}

func (c *fakeChain) Deploy(from common.Address, code []byte, value *uint256.Int) vm.Result {
	h := hex.EncodeToString(code)
	if h == c.failCode {
		return vm.Result{Status: vm.Revert, Output: []byte{1, 2}}
	}
	c.deploys = append(c.deploys, h)
	res := c.script["deploy:"+h]
	res.Created = fakeAddrs[len(c.deploys)-1]
	return res
}

func (c *fakeChain) Call(from, to common.Address, input []byte, value *uint256.Int) vm.Result {
	c.sent = append(c.sent, fmt.Sprintf("%x %x %x %v", from, to, input, value))
	res, ok := c.script[hex.EncodeToString(input)]
	if !ok {
		return vm.Result{Status: vm.Failure, Err: "no such function"}
	}
	return res
}

func (c *fakeChain) Balance(addr common.Address) *uint256.Int {
	return uint256.NewInt(c.balance[addr])
}
func (c *fakeChain) Storage(common.Address, common.Hash) common.Hash { return common.Hash{} }
func (c *fakeChain) StorageEmpty(common.Address) bool                { return c.empty }
func (c *fakeChain) Code(common.Address) []byte                      { return nil }

func word(n uint64) []byte { return common.LeftPadBytes(new(uint256.Int).SetUint64(n).Bytes(), 32) }

func sel(sig string) string { s := abi.Selector(sig); return hex.EncodeToString(s[:]) }

func cat(bs ...[]byte) []byte {
	var out []byte
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

func mustParse(t *testing.T, exp string) *Test {
	t.Helper()
	test, err := Parse("t.sol", []byte("contract C {}\n// ----\n"+exp))
	if err != nil {
		t.Fatal(err)
	}
	return test
}

func TestRunPasses(t *testing.T) {
	contract := fakeAddrs[1]
	other := common.HexToAddress("0x137aa4dfc0911524504fcd4d98501f179bc13b4a")
	panic11 := cat(common.FromHex("4e487b71"), word(0x11))
	topicE := common.Hash(abi.EventTopic("E(bool,uint256)"))
	chain := &fakeChain{
		balance: map[common.Address]uint64{contract: 5, vm.TestAccount(1): 7},
		script: map[string]vm.Result{
			"deploy:6001" + hex.EncodeToString(word(3)):     {GasUsed: 1000},
			sel("f(uint256)") + hex.EncodeToString(word(1)): {Output: cat(word(1), word(2)), GasUsed: 120000},
			sel("g()"): {Status: vm.Revert, Output: panic11},
			sel("h()"): {Logs: []vm.Log{
				{Address: contract, Topics: []common.Hash{topicE, common.BytesToHash(word(1))}, Data: word(0)},
				{Address: other, Topics: nil, Data: cat([]byte("abc"), make([]byte, 29))},
			}},
			"0102":       {Output: []byte{0xaa}},
			"":           {},
			sel("who()"): {Output: common.LeftPadBytes(vm.TestAccount(1).Bytes(), 32)},
		},
	}
	var gotLibs []string
	env := Env{
		Chain:      chain,
		EVMVersion: evmversion.Cancun,
		Events:     []string{"E(bool indexed,uint256)"},
		LibraryCode: func(name string, libs map[string]common.Address) ([]byte, error) {
			gotLibs = append(gotLibs, fmt.Sprint(name, len(libs)))
			return []byte{0x60, 0x00}, nil
		},
		CreationCode: func(libs map[string]common.Address) ([]byte, error) {
			if libs[":L"] != fakeAddrs[0] {
				return nil, fmt.Errorf("library not linked: %v", libs)
			}
			return []byte{0x60, 0x01}, nil
		},
	}
	test := mustParse(t, `// library: L
// constructor(), 2 wei: 3 ->
// f(uint256): 1 -> 1, 2
// gas irOptimized: 119000
// g() -> FAILURE, hex"4e487b71", 0x11
// h() ->
// ~ emit E(bool,uint256): #true, 0x00
// ~ emit <anonymous> from 0x137aa4dfc0911524504fcd4d98501f179bc13b4a: "abc"
// (): hex"0102" -> hex"aa"
// (), 1 ether
// balance -> 5
// storageEmpty -> 0
// isoltest_builtin_test -> 0x1234
// isoltest_side_effects_test: 0x12, hex"ab" -> 0x12, hex"ab"
// ~ 0000000000000000000000000000000000000000000000000000000000000012
// ~ ab
// account: 1 -> 0x1212121212121212121212121212120000001012
// who() -> 0x1212121212121212121212121212120000001012
// balance: 0x1212121212121212121212121212120000001012 -> 7
`)
	rep := Run(test, env)
	if !rep.Passed() {
		for _, f := range rep.Failures {
			t.Error(f.String())
		}
		t.Fatalf("failed: %v", rep.Err)
	}
	if rep.PassedEntries != len(test.Entries) || rep.Contract != contract {
		t.Errorf("passed %d of %d entries; contract %x", rep.PassedEntries, len(test.Entries), rep.Contract)
	}
	if strings.Join(gotLibs, ",") != ":L0" {
		t.Errorf("LibraryCode calls %v", gotLibs)
	}
	// The call after `account: 1` comes from account 1; value 1 ether is sent.
	if last := chain.sent[len(chain.sent)-1]; !strings.HasPrefix(last, "1212121212121212121212121212120000001012 ") {
		t.Errorf("sender after account: %s", last)
	}
	if !strings.HasSuffix(chain.sent[4], " 1000000000000000000") {
		t.Errorf("value call: %s", chain.sent[4])
	}
	// Gas records: constructor, f, g, h, two raw calls, who.
	if len(rep.Gas) != 7 || rep.Gas[1].Used != 120000 || rep.Gas[1].Solc != 119000 || !rep.Gas[1].HasSolc || !rep.Gas[1].Succeeded || rep.Gas[2].Succeeded {
		t.Errorf("gas records %+v", rep.Gas)
	}
}

func TestRunFailures(t *testing.T) {
	panic11 := cat(common.FromHex("4e487b71"), word(0x11))
	errData := cat(common.FromHex("08c379a0"), word(0x20), word(5), []byte("hello"), make([]byte, 27))
	chain := &fakeChain{script: map[string]vm.Result{
		sel("f()"): {Status: vm.Revert, Output: panic11},
		sel("g()"): {Output: cat(word(1), word(0x0111), []byte("ab"), make([]byte, 30))},
		sel("h()"): {Logs: []vm.Log{{Address: fakeAddrs[0], Topics: []common.Hash{common.BytesToHash(word(5))}}}},
		sel("i()"): {Status: vm.Revert, Output: errData},
		sel("j()"): {Output: word(7)},
		sel("k()"): {Status: vm.Failure, Err: "invalid opcode: INVALID"},
	}}
	env := Env{Chain: chain, EVMVersion: evmversion.Cancun,
		CreationCode: func(map[string]common.Address) ([]byte, error) { return []byte{1}, nil }}
	test := mustParse(t, `// f() -> 1, 2
// g() -> 2, 0x0112, "ac"
// h() ->
// i() -> FAILURE, hex"08c379a0", 0x20, 5, "hellO"
// j() -> FAILURE
// k() -> 1
`)
	rep := Run(test, env)
	want := []string{
		"line 3: call failed: reverted with Panic(0x11): arithmetic overflow or underflow: expected `f() -> 1, 2`, got `f() -> FAILURE, hex\"4e487b71\", 0x11`",
		"line 4: wrong result: expected `g() -> 2, 0x0112, \"ac\"`, got `g() -> 1, 0x0111, \"ab\"`",
		"line 5: side effects differ: expected `(none)`, got `~ emit <anonymous>: #0x05`",
		"line 6: wrong revert data: Error(\"hello\"): expected `i() -> FAILURE, hex\"08c379a0\", 0x20, 5, \"hellO\"`, got `i() -> FAILURE, hex\"08c379a0\", 0x20, 5, \"hello\"`",
		"line 7: expected failure, call succeeded: expected `j() -> FAILURE`, got `j() -> 7`",
		"line 8: call failed: invalid opcode: INVALID: expected `k() -> 1`, got `k() -> FAILURE`",
	}
	if len(rep.Failures) != len(want) {
		t.Fatalf("%d failures, want %d: %v", len(rep.Failures), len(want), rep.Failures)
	}
	for i, f := range rep.Failures {
		if f.OneLine() != want[i] {
			t.Errorf("failure %d:\n got %s\nwant %s", i, f.OneLine(), want[i])
		}
	}
	// Wrong revert reason text: the first mismatch is reported in FirstProblem.
	if rep.FirstProblem() != want[0] {
		t.Errorf("FirstProblem = %s", rep.FirstProblem())
	}
	// Multi-line Failure.String.
	if s := rep.Failures[2].String(); s != "line 5: side effects differ\n  expected: (none)\n  got:      ~ emit <anonymous>: #0x05\n" {
		t.Errorf("String() = %q", s)
	}
}

func TestRunDeployment(t *testing.T) {
	// A failing implicit deployment stops the test at the first line.
	chain := &fakeChain{failCode: "01"}
	env := Env{Chain: chain, EVMVersion: evmversion.Cancun,
		CreationCode: func(map[string]common.Address) ([]byte, error) { return []byte{1}, nil }}
	rep := Run(mustParse(t, "// f() -> 1\n"), env)
	if rep.Passed() || len(rep.Failures) != 1 || rep.Failures[0].Line != 3 ||
		rep.Failures[0].Reason != "deployment failed: reverted with 0x0102" {
		t.Errorf("failures %v", rep.Failures)
	}
	// A constructor expected to fail.
	chain = &fakeChain{failCode: "01" + hex.EncodeToString(word(9))}
	env.Chain = chain
	if rep := Run(mustParse(t, "// constructor(): 9 -> FAILURE, hex\"0102\"\n"), env); !rep.Passed() {
		t.Errorf("constructor failure: %v %v", rep.Failures, rep.Err)
	}
	// Before byzantium revert data is not compared.
	env.EVMVersion = evmversion.Homestead
	if rep := Run(mustParse(t, "// constructor(): 9 -> FAILURE\n"), env); !rep.Passed() {
		t.Errorf("homestead constructor failure: %v %v", rep.Failures, rep.Err)
	}
	// Compilation errors are reported as Err.
	env.CreationCode = func(map[string]common.Address) ([]byte, error) { return nil, fmt.Errorf("boom") }
	if rep := Run(mustParse(t, "// f() -> 1\n"), env); rep.Err == nil || rep.FirstProblem() != "compiling: boom" {
		t.Errorf("compile error: %v", rep.Err)
	}
	// No expectations: the contract is still deployed, and must deploy.
	env.CreationCode = func(map[string]common.Address) ([]byte, error) { return []byte{2}, nil }
	chain = &fakeChain{}
	env.Chain = chain
	if rep := Run(mustParse(t, ""), env); !rep.Passed() || len(chain.deploys) != 1 {
		t.Errorf("empty test: %v %v", rep.Failures, chain.deploys)
	}
}

func TestLiterals(t *testing.T) {
	w := func(s string) string { return strings.Repeat("0", 64-len(s)) + s }
	l := func(s string) string { return s + strings.Repeat("0", 64-len(s)) }
	for _, tc := range []struct{ in, want string }{
		{"123", w("7b")},
		{"0", w("")},
		{"115792089237316195423570985008687907853269984665640564039457584007913129639935", strings.Repeat("f", 64)},
		{"-5", strings.Repeat("f", 63) + "b"},
		{"-1", strings.Repeat("f", 64)},
		{"0x1234", w("1234")},
		{"0x123", w("0123")},
		{"0x1212121212121212121212121212120000000012", w("1212121212121212121212121212120000000012")},
		{"left(0x6162)", l("6162")},
		{"right(0x6162)", w("6162")},
		{"left(true)", l("01")},
		{"left(5)", l("05")},
		{"left(69)", l("45")},
		{"right(42)", w("2a")},
		{"true", w("1")},
		{"false", w("")},
		{`"abc"`, l("616263")},
		{`""`, w("")},
		{`"\n\r\t\0\\\x41\""`, l("0a0d09005c4122")},
		{`hex"4e487b71"`, "4e487b71"},
		{`hex""`, ""},
		{"1.5", w("f")},
		{`1, "a", hex"00"`, w("1") + l("61") + "00"},
	} {
		ls, err := ParseLiterals(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if got := hex.EncodeToString(concat(ls)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.in, got, tc.want)
		}
		var texts []string
		for _, x := range ls {
			texts = append(texts, x.Text)
		}
		if strings.Join(texts, ", ") != tc.in {
			t.Errorf("%s: texts %v", tc.in, texts)
		}
	}
	for _, bad := range []string{"-0x1", `-"a"`, "0x" + strings.Repeat("1", 65), `left("a")`, `"\q"`, `"\x4"`,
		"115792089237316195423570985008687907853269984665640564039457584007913129639936", "1, ", "-"} {
		if ls, err := ParseLiterals(bad); err == nil {
			t.Errorf("ParseLiterals(%s) = %v, want error", bad, ls)
		}
	}
}

func TestFormatEvents(t *testing.T) {
	contract := common.HexToAddress("0xc06afe3a8444fc0004668591e8306bfb9968e79e")
	other := common.HexToAddress("0x137aa4dfc0911524504fcd4d98501f179bc13b4a")
	table := newEventTable([]string{
		"Transfer(address indexed,address indexed,uint256)",
		"Ev(bool)",
		"Flags(bool indexed,bool)",
		"Deployed(address,bytes32)",
	})
	h := func(b []byte) common.Hash { return common.BytesToHash(b) }
	topic := func(sig string) common.Hash { return common.Hash(abi.EventTopic(sig)) }
	acct := common.LeftPadBytes(vm.TestAccount(0).Bytes(), 32)
	for _, tc := range []struct {
		log  vm.Log
		want string
	}{
		{vm.Log{Address: contract, Topics: []common.Hash{topic("Transfer(address,address,uint256)"), h(acct), h(word(0))}, Data: word(5)},
			"emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x00, 0x05"},
		{vm.Log{Address: contract, Topics: []common.Hash{topic("Ev(bool)")}, Data: word(1)}, "emit Ev(bool): true"},
		{vm.Log{Address: contract, Topics: []common.Hash{topic("Flags(bool,bool)"), h(word(0))}, Data: word(1)}, "emit Flags(bool,bool): #false, true"},
		{vm.Log{Address: contract, Topics: []common.Hash{topic("Ev(bool)")}, Data: word(2)}, "emit Ev(bool): 0x02"},
		{vm.Log{Address: contract}, "emit <anonymous>"},
		{vm.Log{Address: contract, Data: cat(word(0x0100), []byte("abc"), make([]byte, 29))}, `emit <anonymous>: 0x0100, "abc"`},
		{vm.Log{Address: contract, Topics: []common.Hash{h(word(0x1234))}, Data: cat([]byte("\x12\x34"), make([]byte, 30))},
			"emit <anonymous>: #0x1234, 0x1234000000000000000000000000000000000000000000000000000000000000"},
		{vm.Log{Address: other, Topics: []common.Hash{topic("Deployed(address,bytes32)")}, Data: cat(acct, []byte("ab\x00c"), make([]byte, 28))},
			`emit Deployed(address,bytes32) from 0x137aa4dfc0911524504fcd4d98501f179bc13b4a: 0x1212121212121212121212121212120000000012, "ab\0c"`},
		{vm.Log{Address: contract, Data: []byte{1, 2}}, `emit <anonymous>: hex"0102"`},
	} {
		if got := table.formatLog(tc.log, contract); got != tc.want {
			t.Errorf("formatLog:\n got %s\nwant %s", got, tc.want)
		}
	}
	if s := emittedSignature("emit Deployed(address,(bool,uint256)) from 0x12: 1"); s != "Deployed(address,(bool,uint256))" {
		t.Errorf("emittedSignature = %q", s)
	}
}

func TestEVMVersionAllows(t *testing.T) {
	for _, tc := range []struct {
		c    string
		v    evmversion.Version
		want bool
	}{
		{"", evmversion.Homestead, true},
		{">=byzantium", evmversion.Byzantium, true},
		{">=byzantium", evmversion.SpuriousDragon, false},
		{">homestead", evmversion.Homestead, false},
		{"<paris", evmversion.London, true},
		{"<=shanghai", evmversion.Cancun, false},
		{"=shanghai", evmversion.Shanghai, true},
		{"!cancun", evmversion.Cancun, false},
	} {
		if got, err := EVMVersionAllows(tc.c, tc.v); err != nil || got != tc.want {
			t.Errorf("EVMVersionAllows(%q, %v) = %v, %v", tc.c, tc.v, got, err)
		}
	}
	if _, err := EVMVersionAllows("~cancun", evmversion.Cancun); err == nil {
		t.Error("bad constraint accepted")
	}
}
