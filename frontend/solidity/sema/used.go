package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
)

// collectUsed records, per contract, the events its code emits and the
// errors it uses (solc's call-graph emittedEvents and usedErrors): in the
// functions and modifiers of the contract and its bases, and in the free
// and library functions they call.
func (a *analyzer) collectUsed() {
	for _, c := range a.prog.Contracts {
		if !c.linearDone {
			continue
		}
		u := &usedWalker{a: a, seen: map[solidity.Node]bool{}, events: map[*solidity.EventDefinition]bool{}, errors: map[*solidity.ErrorDefinition]bool{}}
		for _, b := range c.Linear {
			for _, m := range b.Def.Members {
				u.decl(m)
			}
		}
		for e := range u.events {
			a.usedEvents[c] = append(a.usedEvents[c], e)
		}
		for e := range u.errors {
			a.usedErrors[c] = append(a.usedErrors[c], e)
		}
	}
}

type usedWalker struct {
	a      *analyzer
	seen   map[solidity.Node]bool
	events map[*solidity.EventDefinition]bool
	errors map[*solidity.ErrorDefinition]bool
}

func (u *usedWalker) decl(d solidity.Node) {
	if u.seen[d] {
		return
	}
	u.seen[d] = true
	switch d := d.(type) {
	case *solidity.FunctionDefinition:
		for _, m := range d.Modifiers {
			for _, x := range m.Args {
				u.expr(x)
			}
		}
		if d.Body != nil {
			u.stmt(d.Body)
		}
	case *solidity.ModifierDefinition:
		if d.Body != nil {
			u.stmt(d.Body)
		}
	case *solidity.VariableDeclaration:
		if d.Value != nil {
			u.expr(d.Value)
		}
	}
}

func (u *usedWalker) stmt(s solidity.Stmt) {
	walkStmts(s, func(s solidity.Stmt) {
		switch s := s.(type) {
		case *solidity.EmitStatement:
			if s.Call != nil {
				for _, d := range u.callees(s.Call) {
					if e, ok := d.(*solidity.EventDefinition); ok {
						u.events[e] = true
					}
				}
				u.args(s.Call)
			}
		case *solidity.RevertStatement:
			if s.Call != nil {
				for _, d := range u.callees(s.Call) {
					if e, ok := d.(*solidity.ErrorDefinition); ok {
						u.errors[e] = true
					}
				}
				u.args(s.Call)
			}
		default:
			// The statement's own expressions; walkStmts visits the
			// statements inside it.
			childExprs(s, u.expr)
		}
	})
}

func (u *usedWalker) args(c *solidity.FunctionCall) {
	for _, x := range c.Args {
		u.expr(x)
	}
}

// callees resolves the function of a call to its candidate declarations,
// narrowed by the number of arguments.
func (u *usedWalker) callees(c *solidity.FunctionCall) []solidity.Node {
	ds := u.a.exprDecls(c.Fn)
	var out []solidity.Node
	for _, d := range ds {
		n := -1
		switch d := d.(type) {
		case *solidity.EventDefinition:
			n = len(d.Params.Params)
		case *solidity.ErrorDefinition:
			n = len(d.Params.Params)
		case *solidity.FunctionDefinition:
			n = len(d.Params.Params)
		}
		if n == len(c.Args) || len(ds) == 1 {
			out = append(out, d)
		}
	}
	return out
}

func (u *usedWalker) expr(e solidity.Expr) {
	walkExpr(e, func(e solidity.Expr) {
		c, ok := e.(*solidity.FunctionCall)
		if !ok {
			return
		}
		for _, d := range u.callees(c) {
			switch d := d.(type) {
			case *solidity.ErrorDefinition:
				u.errors[d] = true
			case *solidity.FunctionDefinition:
				if d.Free || u.a.container[d] != nil && u.a.container[d].Def.Kind == solidity.KindLibrary && u.a.visibility(d) <= solidity.VisInternal {
					u.decl(d)
				}
			}
		}
	})
}

// exprDecls resolves a name or a member access path (a.b.c) to its
// declarations without types.
func (a *analyzer) exprDecls(e solidity.Expr) []solidity.Node {
	switch e := e.(type) {
	case *solidity.IdentifierExpr:
		if ds, ok := a.overloads[e]; ok {
			return ds
		}
		if d := a.refs[e]; d != nil {
			return []solidity.Node{d}
		}
	case *solidity.MemberAccess:
		if d := a.refs[e]; d != nil {
			return []solidity.Node{d}
		}
		base := a.exprDecls(e.X)
		if len(base) == 1 {
			return a.memberDecls(base[0], e.Member.Name)
		}
	}
	return nil
}

// walkExpr calls f on e and every expression inside it, parents first.
// It does not descend into type names (the length of `new T[n]`).
func walkExpr(e solidity.Expr, f func(solidity.Expr)) {
	solidity.Inspect(e, func(n solidity.Node) bool {
		x, ok := n.(solidity.Expr)
		if ok {
			f(x)
		}
		return ok
	})
}

// childExprs calls f on the expressions directly below n (the operands of
// an expression, the condition or value of a statement, …), in source
// order; nested statements, type names and declarations are left out.
func childExprs(n solidity.Node, f func(solidity.Expr)) {
	solidity.EachChild(n, func(c solidity.Node) {
		if x, ok := c.(solidity.Expr); ok {
			f(x)
		}
	})
}
