package solidity_test

import (
	"fmt"

	"github.com/soll-dev/soll/frontend/solidity"
)

// Parse a source unit and its import, walk the AST, and print the
// diagnostics solc would print.
func ExampleParse() {
	srcs := []solidity.Source{
		{Name: "main.sol", Content: []byte(`// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./lib.sol";
contract C is L {
    function f(uint x) public pure returns (uint) { return x * 2 }
}
`)},
		{Name: "lib.sol", Content: []byte("// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nabstract contract L {}\n")},
	}
	prog, diags := solidity.Parse(srcs, solidity.Options{NoImportCallback: true})
	for _, u := range prog.Units {
		for _, d := range u.Decls {
			if c, ok := d.(*solidity.ContractDefinition); ok {
				fmt.Printf("%s: %s %s with %d members\n", u.Name, c.Kind, c.Name.Name, len(c.Members))
			}
		}
	}
	for _, d := range diags {
		fmt.Print(d.Human())
	}
	// Output:
	// lib.sol: contract L with 0 members
	// main.sol: contract C with 1 members
	// main.sol:5:66: error[2314]: Expected ';' but got '}'
	//      5 |     function f(uint x) public pure returns (uint) { return x * 2 }
	//        |                                                                  ^
}
