package sema

import (
	"sort"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// constantCycles is solc's ConstStateVarCircularReferenceChecker (part
// of the PostTypeChecker): a constant whose value depends, through other
// constants, on itself is 6161, reported with the dependency the cycle
// was found through.
func (a *analyzer) constantCycles() {
	var consts []*solidity.VariableDeclaration
	deps := map[*solidity.VariableDeclaration][]*solidity.VariableDeclaration{}
	collect := func(v *solidity.VariableDeclaration) {
		if v.Mutability != solidity.VarConstant {
			return
		}
		consts = append(consts, v)
		seen := map[*solidity.VariableDeclaration]bool{}
		walkExpr(v.Value, func(e solidity.Expr) {
			switch e.(type) {
			case *solidity.IdentifierExpr, *solidity.MemberAccess:
				if d, ok := a.refs[e].(*solidity.VariableDeclaration); ok && d.Mutability == solidity.VarConstant && !seen[d] {
					seen[d] = true
					deps[v] = append(deps[v], d)
				}
			}
		})
		sort.SliceStable(deps[v], func(i, j int) bool { return a.nodeIDs[deps[v][i]] < a.nodeIDs[deps[v][j]] })
	}
	for _, u := range a.order {
		for _, d := range u.Decls {
			switch d := d.(type) {
			case *solidity.VariableDeclaration:
				collect(d)
			case *solidity.ContractDefinition:
				for _, m := range d.Members {
					if v, ok := m.(*solidity.VariableDeclaration); ok {
						collect(v)
					}
				}
			}
		}
	}
	for _, v := range consts {
		if via := findConstCycle(v, deps); via != nil {
			a.errorf(source.TypeError, 6161, v.Loc, "The value of the constant %s has a cyclic dependency via %s.", identName(v.Name), identName(via.Name))
		}
	}
}

// findConstCycle is solc's CycleDetector run from start: the vertex at
// depth one through which a cycle was found (or the cycle vertex itself).
func findConstCycle(start *solidity.VariableDeclaration, deps map[*solidity.VariableDeclaration][]*solidity.VariableDeclaration) *solidity.VariableDeclaration {
	processing := map[*solidity.VariableDeclaration]bool{}
	processed := map[*solidity.VariableDeclaration]bool{}
	var first *solidity.VariableDeclaration
	depth := 0
	var run func(v *solidity.VariableDeclaration)
	run = func(v *solidity.VariableDeclaration) {
		if first != nil || depth > 256 || processed[v] {
			return
		}
		if processing[v] {
			first = v
			return
		}
		processing[v] = true
		depth++
		for _, d := range deps[v] {
			run(d)
			if first != nil {
				break
			}
		}
		depth--
		if first != nil && depth == 1 {
			first = v
		}
		delete(processing, v)
		processed[v] = true
	}
	run(start)
	return first
}
