package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// eventsAndErrorsOutside is solc's EventOutsideEmitErrorOutsideRevert
// checker (part of the PostTypeChecker): an event may only be called as
// the call of an emit statement (3132), an error as the call of a revert
// statement or as the error argument of require (7757).
func (a *analyzer) eventsAndErrorsOutside() {
	allowed := map[*solidity.FunctionCall]bool{}
	check := func(e solidity.Expr) {
		call, ok := e.(*solidity.FunctionCall)
		if !ok {
			return
		}
		ft, ok := a.exprTypes[call.Fn].(*FunctionType)
		if !ok {
			return
		}
		if ft.Kind == FuncBuiltin && ft.Builtin == "require" && len(call.Args) == 2 {
			if c, ok := call.Args[1].(*solidity.FunctionCall); ok {
				allowed[c] = true
			}
		}
		if allowed[call] {
			return
		}
		switch ft.Kind {
		case FuncEvent:
			a.errorf(source.TypeError, 3132, call.Loc, "Event invocations have to be prefixed by \"emit\".")
		case FuncError:
			a.errorf(source.TypeError, 7757, call.Loc, "Errors can only be used with revert statements: \"revert MyError(args);\", or require functions: \"require(condition, MyError(args))\".")
		}
	}
	visit := func(d solidity.Node) {
		var body *solidity.Block
		switch d := d.(type) {
		case *solidity.FunctionDefinition:
			body = d.Body
		case *solidity.ModifierDefinition:
			body = d.Body
		}
		if body != nil {
			walkStmts(body, func(s solidity.Stmt) {
				switch s := s.(type) {
				case *solidity.EmitStatement:
					if c := s.Call; c != nil {
						if ft, ok := a.exprTypes[c.Fn].(*FunctionType); ok && ft.Kind == FuncEvent {
							allowed[c] = true
						}
					}
				case *solidity.RevertStatement:
					if c := s.Call; c != nil {
						if ft, ok := a.exprTypes[c.Fn].(*FunctionType); ok && ft.Kind == FuncError {
							allowed[c] = true
						}
					}
				case *solidity.ForStatement:
					if s.Post != nil {
						walkExpr(s.Post.X, check)
					}
				}
			})
		}
		walkDeclExprs(d, check)
	}
	for _, u := range a.order {
		for _, d := range u.Decls {
			visit(d)
			if c, ok := d.(*solidity.ContractDefinition); ok {
				for _, m := range c.Members {
					visit(m)
				}
			}
		}
	}
}
