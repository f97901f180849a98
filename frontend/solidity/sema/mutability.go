package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// This file is solc's ViewPureChecker: a function declared pure must not
// read the state or the environment (2527), one declared view or pure
// must not modify it (8961), and msg.value needs a payable function
// (5887). Every expression gets the mutability it requires; errors are
// reported where an expression requires more than the function allows,
// in solc's order (after the operands).

// Mutability ranks as solc's StateMutability.
const (
	rankPure = iota
	rankView
	rankNonPayable
	rankPayable
)

type mutChecker struct {
	a  *analyzer
	fn *solidity.FunctionDefinition
	// best is the highest mutability seen (the inferred mutability).
	best int
	at   source.Span
	// yulFuncs are the user-defined functions of the assembly block
	// being checked (they shadow built-ins).
	yulFuncs map[string]bool
}

func collectYulFuncs(b *yul.Block, out map[string]bool) {
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *yul.FuncDef:
			out[s.Name] = true
			collectYulFuncs(s.Body, out)
		case *yul.Block:
			collectYulFuncs(s, out)
		case *yul.If:
			collectYulFuncs(s.Body, out)
		case *yul.Switch:
			for _, c := range s.Cases {
				collectYulFuncs(c.Body, out)
			}
		case *yul.For:
			for _, x := range []*yul.Block{s.Init, s.Post, s.Body} {
				if x != nil {
					collectYulFuncs(x, out)
				}
			}
		}
	}
}

// mutabilityChecks runs the checker over every function (modifiers are
// inferred on demand).
func (a *analyzer) mutabilityChecks() {
	for _, u := range a.order {
		for _, d := range u.Decls {
			switch d := d.(type) {
			case *solidity.ContractDefinition:
				for _, m := range d.Members {
					if fd, ok := m.(*solidity.FunctionDefinition); ok {
						a.checkFunctionMutability(fd)
					}
				}
			case *solidity.FunctionDefinition:
				a.checkFunctionMutability(d)
			}
		}
	}
}

func (a *analyzer) checkFunctionMutability(fd *solidity.FunctionDefinition) {
	if fd.Body == nil {
		return
	}
	m := &mutChecker{a: a, fn: fd}
	for _, inv := range fd.Modifiers {
		for _, x := range inv.Args {
			m.expr(x, false)
		}
		if md, ok := a.refs[inv.Name].(*solidity.ModifierDefinition); ok {
			m.report(a.modifierMutability(md), inv.Loc)
		}
	}
	m.stmt(fd.Body)
}

// modifierMutability is the mutability a modifier's body requires.
func (a *analyzer) modifierMutability(md *solidity.ModifierDefinition) int {
	if r, ok := a.modMut[md]; ok {
		return r
	}
	if a.modMut == nil {
		a.modMut = map[*solidity.ModifierDefinition]int{}
	}
	a.modMut[md] = rankPure // breaks recursion
	m := &mutChecker{a: a}
	if md.Body != nil {
		m.stmt(md.Body)
	}
	a.modMut[md] = m.best
	return m.best
}

func fnRank(m solidity.Mutability) int {
	switch m {
	case solidity.MutPure:
		return rankPure
	case solidity.MutView:
		return rankView
	case solidity.MutPayable:
		return rankPayable
	}
	return rankNonPayable
}

func (m *mutChecker) report(mut int, at source.Span) {
	if mut > m.best {
		m.best, m.at = mut, at
	}
	if m.fn == nil {
		return
	}
	cur := fnRank(m.fn.Mutability)
	if mut <= cur {
		return
	}
	switch {
	case mut == rankView || mut == rankPayable && cur == rankPure:
		m.a.errorf(source.TypeError, 2527, at, "Function declared as %s, but this expression (potentially) reads from the environment or state and thus requires \"view\".", m.fn.Mutability)
	case mut == rankNonPayable:
		m.a.errorf(source.TypeError, 8961, at, "Function cannot be declared as %s because this expression (potentially) modifies the state.", m.fn.Mutability)
	case mut == rankPayable:
		lib := false
		if c := m.a.container[m.fn]; c != nil && c.Def.Kind == solidity.KindLibrary {
			lib = true
		}
		if lib {
			return
		}
		if m.fn.Kind == solidity.KindConstructor {
			m.a.errorf(source.TypeError, 7793, at, "\"msg.value\" and \"callvalue()\" can only be used in payable constructors. Make the constructor \"payable\" to avoid this error.")
		} else if v := m.a.visibility(m.fn); v == solidity.VisPublic || v == solidity.VisExternal {
			m.a.errorf(source.TypeError, 5887, at, "\"msg.value\" and \"callvalue()\" can only be used in payable public functions. Make the function \"payable\" or use an internal function to avoid this error.")
		}
	}
}

// stmt visits a statement's expressions and nested statements in solc's
// order (source order: the body of a do-while loop before its
// condition). The variables of a declaration statement (their types) and
// the parameters of catch clauses are not visited.
func (m *mutChecker) stmt(s solidity.Stmt) {
	switch s := s.(type) {
	case nil:
	case *solidity.InlineAssembly:
		if s.Body != nil {
			m.yulFuncs = map[string]bool{}
			collectYulFuncs(s.Body, m.yulFuncs)
			m.yulBlock(s.Body)
		}
	default:
		solidity.EachChild(s, func(c solidity.Node) {
			switch c := c.(type) {
			case solidity.Stmt:
				m.stmt(c)
			case solidity.Expr:
				m.read(c)
			case *solidity.CatchClause:
				if c.Body != nil {
					m.stmt(c.Body)
				}
			}
		})
	}
}

// read visits an expression whose value is read (not assigned to).
func (m *mutChecker) read(e solidity.Expr) { m.expr(e, false) }

// expr visits an expression; writes marks an lvalue that is assigned to.
func (m *mutChecker) expr(e solidity.Expr, writes bool) {
	a := m.a
	switch e := e.(type) {
	case nil:
	case *solidity.IdentifierExpr:
		mut := rankPure
		switch d := a.refs[e].(type) {
		case *solidity.VariableDeclaration:
			if d.Mutability == solidity.VarImmutable {
				if _, lit := a.exprTypes[d.Value].(*RationalType); d.Value == nil || !lit {
					mut = rankView
				}
			} else if a.container[d] != nil && a.roles[d].state && d.Mutability != solidity.VarConstant {
				mut = rankView
				if writes {
					mut = rankNonPayable
				}
			}
		case *Builtin:
			if d.Name == "this" {
				mut = rankView
			}
		}
		m.report(mut, e.Loc)
	case *solidity.TupleExpression:
		for _, c := range e.Components {
			m.expr(c, writes && !e.IsArray)
		}
	case *solidity.UnaryOperation:
		m.expr(e.X, e.Op == solidity.Inc || e.Op == solidity.Dec || e.Op == solidity.Delete)
	case *solidity.Assignment:
		m.expr(e.X, true)
		m.expr(e.Y, false)
	case *solidity.FunctionCall:
		childExprs(e, m.read)
		m.call(e)
	case *solidity.MemberAccess:
		// `this.f.selector` is pure.
		if inner, ok := e.X.(*solidity.MemberAccess); ok && e.Member.Name == "selector" {
			if id, ok := inner.X.(*solidity.IdentifierExpr); ok && id.Name == "this" {
				if _, isFn := a.exprTypes[e.X].(*FunctionType); isFn {
					return
				}
			}
		}
		m.expr(e.X, false)
		m.member(e, writes)
	case *solidity.IndexAccess:
		childExprs(e, m.read)
		if e.Index != nil && location(a.exprTypes[e.X]) == LocStorage {
			if writes {
				m.report(rankNonPayable, e.Loc)
			} else {
				m.report(rankView, e.Loc)
			}
		}
	default:
		// Operators, conditionals, call options, slices: operands only
		// read; literals and type expressions require nothing.
		childExprs(e, m.read)
	}
}

func (m *mutChecker) member(e *solidity.MemberAccess, writes bool) {
	a := m.a
	name := e.Member.Name
	mut := rankPure
	switch t := a.exprTypes[e.X].(type) {
	case *AddressType:
		if name == "balance" || name == "code" || name == "codehash" {
			mut = rankView
		}
	case *MagicType:
		switch t.Kind {
		case "message":
			switch name {
			case "value":
				mut = rankPayable
			case "data", "sig":
			default:
				mut = rankView
			}
		case "block", "transaction":
			mut = rankView
		}
	case *StructType:
		if t.Loc == LocStorage {
			mut = rankView
			if writes {
				mut = rankNonPayable
			}
		}
	case *ArrayType:
		if name == "length" && t.Len == nil && t.Loc == LocStorage {
			mut = rankView
		}
	default:
		if v, ok := a.refs[e].(*solidity.VariableDeclaration); ok && a.container[v] != nil && a.roles[v].state && v.Mutability != solidity.VarConstant {
			if _, isType := a.exprTypes[e.X].(*TypeType); isType {
				mut = rankView
				if writes {
					mut = rankNonPayable
				}
			}
		}
	}
	m.report(mut, e.Loc)
}

// call reports what calling a function requires (its declared
// mutability; payable only needs nonpayable).
func (m *mutChecker) call(e *solidity.FunctionCall) {
	a := m.a
	if ma, ok := e.Fn.(*solidity.MemberAccess); ok && (ma.Member.Name == "push" || ma.Member.Name == "pop") {
		if at, ok := a.exprTypes[ma.X].(*ArrayType); ok && at.Loc == LocStorage && at.Len == nil {
			m.report(rankNonPayable, e.Loc)
			return
		}
	}
	ft, ok := a.exprTypes[e.Fn].(*FunctionType)
	if !ok || ft.Arbitrary {
		return
	}
	var mut int
	switch ft.Kind {
	case FuncError, FuncObjectNew, FuncStructCtor:
		return
	case FuncEvent:
		mut = rankNonPayable
	case FuncBareCall:
		switch ft.Builtin {
		case "staticcall":
			mut = rankView
		default:
			mut = rankNonPayable
		}
	default:
		mut = fnRank(ft.Mut)
	}
	if mut == rankPayable {
		mut = rankNonPayable
	}
	m.report(mut, e.Loc)
}

func (m *mutChecker) yulBlock(b *yul.Block) {
	for _, s := range b.Stmts {
		m.yulStmt(s)
	}
}

func (m *mutChecker) yulStmt(s yul.Stmt) {
	switch s := s.(type) {
	case *yul.Block:
		m.yulBlock(s)
	case *yul.VarDecl:
		m.yulExpr(s.Value)
	case *yul.Assign:
		m.yulExpr(s.Value)
	case *yul.ExprStmt:
		m.yulExpr(s.X)
	case *yul.If:
		m.yulExpr(s.Cond)
		m.yulBlock(s.Body)
	case *yul.Switch:
		m.yulExpr(s.X)
		for _, c := range s.Cases {
			m.yulBlock(c.Body)
		}
	case *yul.For:
		if s.Init != nil {
			m.yulBlock(s.Init)
		}
		m.yulExpr(s.Cond)
		if s.Post != nil {
			m.yulBlock(s.Post)
		}
		m.yulBlock(s.Body)
	case *yul.FuncDef:
		m.yulBlock(s.Body)
	}
}

func (m *mutChecker) yulExpr(e yul.Expr) {
	c, ok := e.(*yul.Call)
	if !ok || c.Fn == nil {
		return
	}
	for _, x := range c.Args {
		m.yulExpr(x)
	}
	if m.yulFuncs[c.Fn.Name] {
		return
	}
	switch c.Fn.Name {
	case "address", "selfbalance", "balance", "origin", "caller", "chainid", "basefee", "blobbasefee",
		"gas", "gasprice", "extcodesize", "extcodecopy", "extcodehash", "blockhash", "blobhash", "coinbase",
		"timestamp", "number", "prevrandao", "difficulty", "gaslimit", "staticcall", "sload", "tload", "callvalue":
		m.report(rankView, c.Loc)
	case "sstore", "tstore", "log0", "log1", "log2", "log3", "log4", "create", "create2", "call",
		"callcode", "delegatecall", "selfdestruct":
		m.report(rankNonPayable, c.Loc)
	}
}
