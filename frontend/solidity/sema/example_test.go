package sema_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/solidity/sema"
)

// Analyze a contract, print its method identifiers and storage slots, and
// answer the two questions an editor asks: where is the name under the
// cursor defined, and what is the type of the expression under it.
func ExampleAnalyze() {
	src := `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Bank {
    mapping(address => uint256) public balanceOf;
    uint64 public count;
    bool open;
    function deposit() external payable {
        balanceOf[msg.sender] += msg.value;
    }
}
`
	prog, diags := solidity.Parse([]solidity.Source{{Name: "bank.sol", Content: []byte(src)}}, solidity.Options{NoImportCallback: true})
	p, more := sema.Analyze(prog, sema.Options{})
	diags = append(diags, more...)
	fmt.Println("diagnostics:", len(diags))

	c := p.Contract("bank.sol:Bank")
	h, _ := json.Marshal(p.Hashes(c))
	fmt.Println(string(h))
	for _, v := range p.StorageLayout(c)["storage"].([]any) {
		e := v.(map[string]any)
		fmt.Printf("%s: slot %s offset %d %s\n", e["label"], e["slot"], e["offset"], e["type"])
	}

	at := strings.Index(src, "balanceOf[msg")
	d, _, _ := p.DefinitionAt("bank.sol", at)
	l, _ := d.Span().File.Position(d.Span().Start)
	fmt.Println("balanceOf is declared on line", l)
	_, t, _ := p.TypeAt("bank.sol", strings.Index(src, "sender"))
	fmt.Println("msg.sender:", t)
	// Output:
	// diagnostics: 0
	// {"balanceOf(address)":"70a08231","count()":"06661abd","deposit()":"d0e30db0"}
	// balanceOf: slot 0 offset 0 t_mapping(t_address,t_uint256)
	// count: slot 1 offset 0 t_uint64
	// open: slot 1 offset 8 t_bool
	// balanceOf is declared on line 4
	// msg.sender: address
}
