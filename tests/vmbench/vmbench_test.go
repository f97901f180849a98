// Package vmbench compares the two embedded VMs on the same compiled
// contracts: execution time of compute-heavy calls and code size.
//
//	go test -run '^$' -bench . ./tests/vmbench
package vmbench

import (
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/compiler"
	"github.com/soll-dev/soll/vm"
	"github.com/soll-dev/soll/vm/evm"
	"github.com/soll-dev/soll/vm/ewasm"
)

// calls are compute-heavy calls of examples/math/MathLib.yul and their
// expected results.
var calls = []struct {
	name, sig string
	args      []string
	want      string
}{
	{"fib20", "fib(uint256)", []string{"20"}, "6765"},
	{"ackermann", "ackermann(uint256,uint256)", []string{"2", "3"}, "9"},
	{"isPrime", "isPrime(uint256)", []string{"1000003"}, "1"},
	{"collatz", "collatz(uint256)", []string{"837799"}, "524"},
}

func deploy(tb testing.TB, target compiler.Target) (vm.Chain, common.Address, int) {
	src, err := os.ReadFile("../../examples/math/MathLib.yul")
	if err != nil {
		tb.Fatal(err)
	}
	opts := compiler.DefaultOptions()
	opts.Target = target
	res := compiler.Compile([]compiler.Source{{Name: "MathLib.yul", Content: src}}, opts)
	if res.HasErrors() {
		tb.Fatal(res.Diagnostics[0].Short())
	}
	ct := res.Contracts[0]
	var chain vm.Chain
	if target == compiler.Ewasm {
		chain = ewasm.New(ewasm.Config{Version: opts.EVMVersion})
	} else {
		chain = evm.New(evm.Config{Version: opts.EVMVersion})
	}
	r := chain.Deploy(vm.TestAccount(0), ct.DeployCode(nil), nil)
	if r.Status != vm.Success {
		tb.Fatalf("deploy: %s %s", r.Status, r.Err)
	}
	return chain, r.Created, len(chain.Code(r.Created))
}

func BenchmarkCompute(b *testing.B) {
	for _, target := range []compiler.Target{compiler.EVM, compiler.Ewasm} {
		name := "evm"
		if target == compiler.Ewasm {
			name = "ewasm"
		}
		chain, addr, size := deploy(b, target)
		b.Logf("%s runtime code: %d bytes", name, size)
		for _, c := range calls {
			sig, err := abi.ParseSignature(c.sig)
			if err != nil {
				b.Fatal(err)
			}
			input, err := sig.EncodeCall(c.args)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(c.name+"/"+name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					r := chain.Call(vm.TestAccount(0), addr, input, nil)
					if r.Status != vm.Success {
						b.Fatalf("%s: %s %s", c.sig, r.Status, r.Err)
					}
					if got := new(big.Int).SetBytes(r.Output).String(); got != c.want {
						b.Fatalf("%s = %s, want %s", c.sig, got, c.want)
					}
				}
			})
		}
	}
}

// TestComputeResultsAgree checks the benchmark's calls on both VMs, so the
// benchmark measures correct code.
func TestComputeResultsAgree(t *testing.T) {
	for _, target := range []compiler.Target{compiler.EVM, compiler.Ewasm} {
		chain, addr, _ := deploy(t, target)
		for _, c := range calls {
			sig, _ := abi.ParseSignature(c.sig)
			input, _ := sig.EncodeCall(c.args)
			r := chain.Call(vm.TestAccount(0), addr, input, nil)
			if r.Status != vm.Success {
				t.Fatalf("%v %s: %s %s", target, c.sig, r.Status, r.Err)
			}
			if got := new(big.Int).SetBytes(r.Output).String(); got != c.want {
				t.Errorf("%v %s = %s, want %s", target, c.sig, got, c.want)
			}
		}
	}
}
