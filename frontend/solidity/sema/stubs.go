package sema

import (
	"math/big"

	"github.com/soll-dev/soll/frontend/solidity"
)

func bigInt(n int) *big.Int { return big.NewInt(int64(n)) }

// paramSignature identifies a function by name and parameter types (for
// overriding and overload sets).
func (a *analyzer) paramSignature(fd *solidity.FunctionDefinition) string {
	s := identName(fd.Name) + "("
	for i, p := range fd.Params.Params {
		if i > 0 {
			s += ","
		}
		s += a.plainType(p.Type).Label()
	}
	return s + ")"
}

func (a *analyzer) globalScope() *scope {
	g := newScope(nil)
	for _, n := range []string{"abi", "addmod", "assert", "block", "blobhash", "blockhash", "ecrecover", "gasleft", "keccak256", "msg", "mulmod", "require", "revert", "ripemd160", "selfdestruct", "sha256", "super", "this", "tx", "type"} {
		g.add(n, &Builtin{Name: n})
	}
	return g
}

func (a *analyzer) containerDef(d solidity.Node) *solidity.ContractDefinition {
	if c := a.container[d]; c != nil {
		return c.Def
	}
	return nil
}
