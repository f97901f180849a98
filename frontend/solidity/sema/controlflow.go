package sema

import (
	"sort"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// This file is solc's ControlFlowAnalyzer::checkUninitializedAccess: a
// storage or calldata pointer (a local variable or a return variable)
// must not be read or returned on a path where it was never assigned
// (3464). The analysis is a forward data flow over the statements: the
// state is the set of pointers that may still be unassigned; nil means
// the point is unreachable.

// *flowState is what is known at a point: the pointers that may still be
// unassigned and the unassigned reads on the paths that reach it (solc
// reports only the reads on paths that reach the function's exit).
type flowState struct {
	unassigned map[*solidity.VariableDeclaration]bool
	reads      map[source.Span]*solidity.VariableDeclaration
}

func newFlowState() *flowState {
	return &flowState{unassigned: map[*solidity.VariableDeclaration]bool{}, reads: map[source.Span]*solidity.VariableDeclaration{}}
}

func (s *flowState) clone() *flowState {
	if s == nil {
		return nil
	}
	c := &flowState{unassigned: make(map[*solidity.VariableDeclaration]bool, len(s.unassigned)), reads: make(map[source.Span]*solidity.VariableDeclaration, len(s.reads))}
	for k := range s.unassigned {
		c.unassigned[k] = true
	}
	for k, v := range s.reads {
		c.reads[k] = v
	}
	return c
}

// join is the union of two states (nil: unreachable).
func join(x, y *flowState) *flowState {
	if x == nil {
		return y.clone()
	}
	if y == nil {
		return x.clone()
	}
	c := x.clone()
	for k := range y.unassigned {
		c.unassigned[k] = true
	}
	for k, v := range y.reads {
		c.reads[k] = v
	}
	return c
}

func sameState(x, y *flowState) bool {
	if (x == nil) != (y == nil) {
		return false
	}
	if x == nil {
		return true
	}
	if len(x.unassigned) != len(y.unassigned) || len(x.reads) != len(y.reads) {
		return false
	}
	for k := range x.unassigned {
		if !y.unassigned[k] {
			return false
		}
	}
	for k := range x.reads {
		if _, ok := y.reads[k]; !ok {
			return false
		}
	}
	return true
}

// read records a read of v.
func (s *flowState) read(v *solidity.VariableDeclaration, at source.Span) *flowState {
	if s == nil || !s.unassigned[v] {
		return s
	}
	if _, ok := s.reads[at]; ok {
		return s
	}
	c := s.clone()
	c.reads[at] = v
	return c
}

// assign records an assignment of v.
func (s *flowState) assign(v *solidity.VariableDeclaration) *flowState {
	if s == nil || !s.unassigned[v] {
		return s
	}
	c := s.clone()
	delete(c.unassigned, v)
	return c
}

type flow struct {
	a        *analyzer
	tracked  map[*solidity.VariableDeclaration]bool
	rets     []*solidity.VariableDeclaration
	accessed map[source.Span]*solidity.VariableDeclaration
	returned map[*solidity.VariableDeclaration]bool
	// breaks and continues collect the states of the innermost loop.
	breaks, continues []*flowState
}

// pointerKind is "storage" or "calldata" for a variable the analysis
// tracks, "" otherwise.
func (a *analyzer) pointerKind(v *solidity.VariableDeclaration) string {
	switch location(a.varType(v)) {
	case LocStorage:
		return "storage"
	case LocCallData:
		return "calldata"
	}
	return ""
}

// controlFlowChecks runs the analysis over every function and modifier.
func (a *analyzer) controlFlowChecks() {
	for _, u := range a.order {
		for _, d := range u.Decls {
			switch d := d.(type) {
			case *solidity.ContractDefinition:
				for _, m := range d.Members {
					a.flowMember(m)
				}
			default:
				a.flowMember(d)
			}
		}
	}
}

func (a *analyzer) flowMember(d solidity.Decl) {
	f := &flow{a: a, tracked: map[*solidity.VariableDeclaration]bool{}, accessed: map[source.Span]*solidity.VariableDeclaration{}, returned: map[*solidity.VariableDeclaration]bool{}}
	var body *solidity.Block
	st := newFlowState()
	switch d := d.(type) {
	case *solidity.FunctionDefinition:
		body = d.Body
		if len(d.Modifiers) == 0 && d.Returns != nil {
			for _, r := range d.Returns.Params {
				if a.pointerKind(r) != "" {
					f.tracked[r] = true
					f.rets = append(f.rets, r)
					st.unassigned[r] = true
				}
			}
		}
	case *solidity.ModifierDefinition:
		body = d.Body
	}
	if body == nil {
		return
	}
	end := f.stmt(body, st)
	f.exit(end)
	// Report in source order, accesses and returns alike.
	type report struct {
		at  source.Span
		msg string
	}
	var rs []report
	for at, v := range f.accessed {
		rs = append(rs, report{at, "This variable is of " + a.pointerKind(v) + " pointer type and can be accessed without prior assignment, which would lead to undefined behaviour."})
	}
	for _, r := range f.rets {
		if f.returned[r] {
			rs = append(rs, report{r.Loc, "This variable is of " + a.pointerKind(r) + " pointer type and can be returned without prior assignment, which would lead to undefined behaviour."})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].at.Start < rs[j].at.Start })
	for _, r := range rs {
		a.errorf(source.TypeError, 3464, r.at, "%s", r.msg)
	}
}

// exit records the return variables still unassigned where the function
// returns.
func (f *flow) exit(st *flowState) {
	if st == nil {
		return
	}
	for _, r := range f.rets {
		if st.unassigned[r] {
			f.returned[r] = true
		}
	}
	for at, v := range st.reads {
		f.accessed[at] = v
	}
}

func (f *flow) stmt(s solidity.Stmt, st *flowState) *flowState {
	if st == nil || s == nil {
		return st
	}
	switch s := s.(type) {
	case *solidity.Block:
		for _, x := range s.Stmts {
			st = f.stmt(x, st)
		}
		return st
	case *solidity.VariableDeclarationStatement:
		if s.Value != nil {
			st = f.expr(s.Value, st)
		}
		if st == nil {
			return nil
		}
		st = st.clone()
		for _, v := range s.Vars {
			if v == nil {
				continue
			}
			if s.Value == nil && f.a.pointerKind(v) != "" {
				f.tracked[v] = true
				st.unassigned[v] = true
			} else {
				delete(st.unassigned, v)
			}
		}
		return st
	case *solidity.ExpressionStatement:
		return f.expr(s.X, st)
	case *solidity.IfStatement:
		st = f.expr(s.Cond, st)
		return join(f.stmt(s.Then, st), f.stmt(s.Else, st))
	case *solidity.WhileStatement:
		if s.DoWhile {
			return f.loop(st, nil, s.Cond, nil, s.Body, true)
		}
		return f.loop(st, nil, s.Cond, nil, s.Body, false)
	case *solidity.ForStatement:
		st = f.stmt(s.Init, st)
		var post solidity.Expr
		if s.Post != nil {
			post = s.Post.X
		}
		return f.loop(st, nil, s.Cond, post, s.Body, false)
	case *solidity.BreakStatement:
		f.breaks = append(f.breaks, st)
		return nil
	case *solidity.ContinueStatement:
		f.continues = append(f.continues, st)
		return nil
	case *solidity.ReturnStatement:
		if s.Value != nil {
			st = f.expr(s.Value, st)
			if st == nil {
				return nil
			}
			for _, r := range f.rets {
				st = st.assign(r)
			}
		}
		f.exit(st)
		return nil
	case *solidity.RevertStatement:
		if s.Call != nil {
			f.expr(s.Call, st)
		}
		return nil
	case *solidity.ThrowStatement:
		return nil
	case *solidity.EmitStatement:
		if s.Call != nil {
			return f.expr(s.Call, st)
		}
	case *solidity.TryStatement:
		st = f.expr(s.Call, st)
		var out *flowState
		for _, cl := range s.Clauses {
			out = join(out, f.stmt(cl.Body, st))
		}
		return out
	case *solidity.InlineAssembly:
		if s.Body != nil {
			return f.yulBlock(s.Body, st)
		}
	}
	return st
}

// loop analyzes while, do-while and for loops to a fixed point. A loop
// without a condition only ends through break.
func (f *flow) loop(entry *flowState, _ solidity.Stmt, cond, post solidity.Expr, body solidity.Stmt, doWhile bool) *flowState {
	outerBreaks, outerContinues := f.breaks, f.continues
	defer func() { f.breaks, f.continues = outerBreaks, outerContinues }()
	head := entry.clone()
	var exit *flowState
	for iter := 0; iter < 64; iter++ {
		f.breaks, f.continues = nil, nil
		var afterCond *flowState
		var bodyEnd *flowState
		if doWhile {
			bodyEnd = f.stmt(body, head)
			for _, c := range f.continues {
				bodyEnd = join(bodyEnd, c)
			}
			afterCond = f.expr(cond, bodyEnd)
			exit = afterCond
		} else {
			afterCond = head
			if cond != nil {
				afterCond = f.expr(cond, head)
				exit = afterCond
			} else {
				// solc's graph lets a loop without condition end, too.
				exit = head
			}
			bodyEnd = f.stmt(body, afterCond)
			for _, c := range f.continues {
				bodyEnd = join(bodyEnd, c)
			}
			if post != nil {
				bodyEnd = f.expr(post, bodyEnd)
			}
		}
		for _, b := range f.breaks {
			exit = join(exit, b)
		}
		var next *flowState
		if doWhile {
			next = join(head, afterCond)
		} else {
			next = join(head, bodyEnd)
		}
		if sameState(next, head) {
			break
		}
		head = next
	}
	return exit
}

// expr follows an expression in evaluation order: reads of unassigned
// pointers are recorded, assignments to them clear them.
func (f *flow) expr(e solidity.Expr, st *flowState) *flowState {
	if st == nil || e == nil {
		return st
	}
	switch e := e.(type) {
	case *solidity.IdentifierExpr:
		if v, ok := f.a.refs[e].(*solidity.VariableDeclaration); ok {
			return st.read(v, e.Loc)
		}
		return st
	case *solidity.Assignment:
		// solc records the assignment before the right-hand side's
		// reads (`s = s;` is fine).
		if e.Op != solidity.Assign {
			st = f.expr(e.X, st)
		}
		st = f.assign(e.X, st)
		return f.expr(e.Y, st)
	case *solidity.BinaryOperation:
		st = f.expr(e.X, st)
		if e.Op == solidity.And || e.Op == solidity.Or {
			return join(st, f.expr(e.Y, st))
		}
		return f.expr(e.Y, st)
	case *solidity.ConditionalExpression:
		st = f.expr(e.Cond, st)
		return join(f.expr(e.Then, st), f.expr(e.Else, st))
	case *solidity.UnaryOperation:
		return f.expr(e.X, st)
	case *solidity.TupleExpression:
		for _, c := range e.Components {
			st = f.expr(c, st)
		}
		return st
	case *solidity.FunctionCall:
		st = f.expr(e.Fn, st)
		for _, x := range e.Args {
			st = f.expr(x, st)
		}
		if id, ok := e.Fn.(*solidity.IdentifierExpr); ok {
			if b, ok := f.a.refs[id].(*Builtin); ok && b.Name == "revert" {
				return nil
			}
		}
		return st
	case *solidity.FunctionCallOptions:
		st = f.expr(e.X, st)
		for _, x := range e.Values {
			st = f.expr(x, st)
		}
		return st
	case *solidity.MemberAccess:
		return f.expr(e.X, st)
	case *solidity.IndexAccess:
		st = f.expr(e.X, st)
		return f.expr(e.Index, st)
	case *solidity.IndexRangeAccess:
		st = f.expr(e.X, st)
		st = f.expr(e.Start, st)
		return f.expr(e.End, st)
	}
	return st
}

// assign follows the left-hand side of an assignment.
func (f *flow) assign(lhs solidity.Expr, st *flowState) *flowState {
	if st == nil {
		return nil
	}
	switch x := lhs.(type) {
	case *solidity.IdentifierExpr:
		if v, ok := f.a.refs[x].(*solidity.VariableDeclaration); ok {
			return st.assign(v)
		}
		return st
	case *solidity.TupleExpression:
		for _, c := range x.Components {
			if c != nil {
				st = f.assign(c, st)
			}
		}
		return st
	}
	return f.expr(lhs, st)
}

// yulBlock follows inline assembly: `x.slot := …` and `x.offset := …`
// assign x; terminating built-ins end the path.
func (f *flow) yulBlock(b *yul.Block, st *flowState) *flowState {
	for _, s := range b.Stmts {
		if st == nil {
			return nil
		}
		st = f.yulStmt(s, st)
	}
	return st
}

func (f *flow) yulStmt(s yul.Stmt, st *flowState) *flowState {
	switch s := s.(type) {
	case *yul.Assign:
		st = f.yulExpr(s.Value, st)
		for _, t := range s.Targets {
			if v := f.yulVar(t.Name, st); v != nil {
				st = st.assign(v)
			}
		}
		return st
	case *yul.VarDecl:
		return f.yulExpr(s.Value, st)
	case *yul.Block:
		return f.yulBlock(s, st)
	case *yul.If:
		st = f.yulExpr(s.Cond, st)
		return join(st, f.yulBlock(s.Body, st))
	case *yul.Switch:
		st = f.yulExpr(s.X, st)
		var out *flowState
		hasDefault := false
		for _, c := range s.Cases {
			if c.Value == nil {
				hasDefault = true
			}
			out = join(out, f.yulBlock(c.Body, st))
		}
		if !hasDefault {
			out = join(out, st)
		}
		return out
	case *yul.For:
		if s.Init != nil {
			st = f.yulBlock(s.Init, st)
		}
		return f.yulExpr(s.Cond, st)
	case *yul.ExprStmt:
		st = f.yulExpr(s.X, st)
		if c, ok := s.X.(*yul.Call); ok && c.Fn != nil {
			switch c.Fn.Name {
			case "return", "revert", "stop", "invalid", "selfdestruct":
				return nil
			}
		}
	}
	return st
}

// yulVar is the tracked variable a Yul name (x, x.slot, x.offset, …)
// refers to.
func (f *flow) yulVar(name string, st *flowState) *solidity.VariableDeclaration {
	if st == nil {
		return nil
	}
	base, _, _ := strings.Cut(name, ".")
	for v := range st.unassigned {
		if v.Name != nil && v.Name.Name == base {
			return v
		}
	}
	return nil
}

func (f *flow) yulExpr(e yul.Expr, st *flowState) *flowState {
	switch e := e.(type) {
	case *yul.Ident:
		if v := f.yulVar(e.Name, st); v != nil {
			return st.read(v, e.Loc)
		}
	case *yul.Call:
		for _, x := range e.Args {
			st = f.yulExpr(x, st)
		}
	}
	return st
}
