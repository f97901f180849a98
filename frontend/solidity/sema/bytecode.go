package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's check for circular bytecode references (7813): a
// contract whose code creates a contract (`new`, type(X).creationCode,
// type(X).runtimeCode) that, directly or through others, needs the
// first one's bytecode.

type bytecodeDep struct {
	c  *Contract
	at source.Span
}

// bytecodeDeps lists the contracts c's code needs the bytecode of, with
// the first expression needing each, following calls to free functions
// and internal library functions.
func (a *analyzer) bytecodeDeps(c *Contract) []bytecodeDep {
	if d, ok := a.bcDeps[c]; ok {
		return d
	}
	var deps []bytecodeDep
	seenDep := map[*Contract]bool{}
	visited := map[solidity.Node]bool{}
	var visitDecl func(d solidity.Node)
	addDep := func(x *Contract, at source.Span) {
		if x != nil && !seenDep[x] {
			seenDep[x] = true
			deps = append(deps, bytecodeDep{x, at})
		}
	}
	onExpr := func(e solidity.Expr) {
		switch e := e.(type) {
		case *solidity.NewExpression:
			if ut, ok := e.Type.(*solidity.UserDefinedTypeName); ok {
				if cd, ok := a.refs[ut.Path].(*solidity.ContractDefinition); ok {
					addDep(a.contracts[cd], e.Loc)
				}
			}
		case *solidity.MemberAccess:
			if e.Member.Name == "creationCode" || e.Member.Name == "runtimeCode" {
				if mt, ok := a.exprTypes[e.X].(*MagicType); ok && mt.Kind == "meta" {
					if ct, ok := mt.Arg.(*ContractType); ok {
						addDep(ct.C, e.Loc)
					}
				}
			}
			if fd, ok := a.refs[e].(*solidity.FunctionDefinition); ok {
				visitDecl(fd)
			}
		case *solidity.IdentifierExpr:
			if fd, ok := a.refs[e].(*solidity.FunctionDefinition); ok {
				visitDecl(fd)
			}
		}
	}
	visitDecl = func(d solidity.Node) {
		if visited[d] {
			return
		}
		if fd, ok := d.(*solidity.FunctionDefinition); ok && !fd.Free {
			owner := a.container[fd]
			if owner == nil || owner.Def.Kind != solidity.KindLibrary && !containsContract(c.Linear, owner) {
				return
			}
			if owner.Def.Kind == solidity.KindLibrary && a.visibility(fd) >= solidity.VisPublic {
				return
			}
		}
		visited[d] = true
		walkDeclExprs(d, onExpr)
		if fd, ok := d.(*solidity.FunctionDefinition); ok {
			for _, m := range fd.Modifiers {
				if md, ok := a.refs[m.Name].(*solidity.ModifierDefinition); ok {
					visitDecl(md)
				}
			}
		}
	}
	// Entry points: what is callable from outside, the constructor,
	// fallback and receive functions and state variable initializers;
	// internal functions count when code reachable from there uses them.
	for _, b := range c.Linear {
		for _, m := range b.Def.Members {
			switch m := m.(type) {
			case *solidity.FunctionDefinition:
				if m.Kind != solidity.KindFunction || a.visibility(m) >= solidity.VisPublic {
					visitDecl(m)
				}
			case *solidity.VariableDeclaration:
				visitDecl(m)
			}
		}
		for _, spec := range b.Def.Bases {
			for _, x := range spec.Args {
				walkExpr(x, onExpr)
			}
		}
	}
	a.bcDeps[c] = deps
	return deps
}

// walkDeclExprs calls f on every expression in a declaration's code.
func walkDeclExprs(d solidity.Node, f func(solidity.Expr)) {
	switch d := d.(type) {
	case *solidity.VariableDeclaration:
		walkExpr(d.Value, f)
	case *solidity.FunctionDefinition:
		for _, m := range d.Modifiers {
			for _, x := range m.Args {
				walkExpr(x, f)
			}
		}
		if d.Body != nil {
			walkStmtExprs(d.Body, f)
		}
	case *solidity.ModifierDefinition:
		if d.Body != nil {
			walkStmtExprs(d.Body, f)
		}
	}
}

// walkStmtExprs calls walkExpr(x, f) for the expressions x of every
// statement in s, statement by statement (a statement's own expressions,
// such as a loop condition, before the statements nested in it).
func walkStmtExprs(s solidity.Stmt, f func(solidity.Expr)) {
	walkStmts(s, func(s solidity.Stmt) {
		childExprs(s, func(x solidity.Expr) { walkExpr(x, f) })
	})
}

// bytecodeCycles reports 7813 for every contract whose bytecode
// dependencies contain a cycle, at its first dependency leading there.
func (a *analyzer) bytecodeCycles() {
	for _, c := range a.prog.Contracts {
		if !c.linearDone {
			continue
		}
		for _, d := range a.bytecodeDeps(c) {
			if a.reachesCycle(d.c, map[*Contract]bool{c: true}, map[*Contract]bool{}) {
				a.errorf(source.TypeError, 7813, d.at, "Circular reference to contract bytecode either via \"new\" or \"type(...).creationCode\" / \"type(...).runtimeCode\".")
				break
			}
		}
	}
}

func (a *analyzer) reachesCycle(c *Contract, stack, done map[*Contract]bool) bool {
	if stack[c] {
		return true
	}
	if done[c] || !c.linearDone {
		return false
	}
	stack[c] = true
	defer delete(stack, c)
	for _, d := range a.bytecodeDeps(c) {
		if a.reachesCycle(d.c, stack, done) {
			return true
		}
	}
	done[c] = true
	return false
}
