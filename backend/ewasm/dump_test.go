package ewasm

import (
	"fmt"
	"testing"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir/opt"
)

func TestDumpTmp(t *testing.T) {
	src := `object "A" { code { let s := datasize("A_deployed") datacopy(0, dataoffset("A_deployed"), s) return(0, s) }
	object "A_deployed" { code {
		function f(a, b) -> x, y { x := add(a, b) y := mul(a, b) }
		function fib(n) -> r { switch lt(n, 2) case 1 { r := n } default { r := add(fib(sub(n,1)), fib(sub(n,2))) } }
		let a, b := f(calldataload(0), 3)
		for { let i := 0 } lt(i, calldataload(32)) { i := add(i, 1) } { sstore(i, add(a, div(b, i))) }
		mstore(0, fib(calldataload(4)))
		return(0, 32)
	} } }`
	var log source.Log
	f := source.NewFile("t.yul", []byte(src))
	obj := yul.Compile(f, evmversion.Cancun, &log)
	if log.HasErrors() { t.Fatal(log.Diagnostics()) }
	opt.Run(obj, opt.Options{Level: opt.O2})
	fmt.Println(obj.Code.String())
	fmt.Println(obj.Subs[0].Code.String())
}
