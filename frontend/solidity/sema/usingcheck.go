package sema

import (
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// The checks of `using … for` directives, one function per solc phase:
// SyntaxChecker, ReferencesResolver, DeclarationTypeChecker and
// TypeChecker.

// usingSyntax is SyntaxChecker::visit(UsingForDirective); c is the
// enclosing contract (nil at file level).
func (a *analyzer) usingSyntax(u *solidity.UsingForDirective, c *solidity.ContractDefinition) bool {
	before := a.errors
	switch {
	case c == nil && u.Type == nil:
		a.errorf(source.SyntaxError, 8118, u.Loc, "The type has to be specified explicitly at file level (cannot use '*').")
	case u.Braces && u.Type == nil:
		a.errorf(source.SyntaxError, 3349, u.Loc, "The type has to be specified explicitly when attaching specific functions.")
	}
	if u.Global && u.Type == nil {
		a.errorf(source.SyntaxError, 2854, u.Loc, "Can only globally attach functions to specific types.")
	}
	if u.Global && c != nil {
		a.errorf(source.SyntaxError, 3367, u.Loc, "\"global\" can only be used at file level.")
	}
	if c != nil && c.Kind == solidity.KindInterface {
		a.errorf(source.SyntaxError, 9088, u.Loc, "The \"using for\" directive is not allowed inside interfaces.")
	}
	return a.errors == before
}

// usingSyntaxChecks runs usingSyntax over every directive.
func (a *analyzer) usingSyntaxChecks() bool {
	ok := true
	for _, unit := range a.order {
		for _, d := range unit.Decls {
			switch d := d.(type) {
			case *solidity.UsingForDirective:
				ok = a.usingSyntax(d, nil) && ok
			case *solidity.ContractDefinition:
				for _, m := range d.Members {
					if u, isUsing := m.(*solidity.UsingForDirective); isUsing {
						ok = a.usingSyntax(u, d) && ok
					}
				}
			}
		}
	}
	return ok
}

// resolveUsingPath is ReferencesResolver::visit(UsingForDirective) for one
// path: a name that is not found or not unique is solc's fatal 9589.
func (a *analyzer) resolveUsingPath(p *solidity.IdentifierPath, sc *scope) {
	if p == nil || len(p.Parts) == 0 {
		return
	}
	ds := sc.lookup(p.Parts[0].Name)
	for i, part := range p.Parts {
		if i > 0 {
			prev := ds[0]
			ds = a.memberDecls(prev, part.Name)
			if cd, ok := prev.(*solidity.ContractDefinition); ok && a.contracts[cd] != nil && len(a.contracts[cd].own[part.Name]) > len(ds) {
				ds = a.contracts[cd].own[part.Name] // private overloads count
			}
		}
		if len(ds) == 1 {
			if b, ok := ds[0].(*Builtin); ok && b.Name == "revert" {
				ds = nil // revert() and revert(string)
			}
		}
		if len(ds) != 1 {
			a.errorf(source.DeclarationError, 9589, p.Loc, "Identifier is not a function name or not unique.")
			a.fatal = true
			return
		}
		a.refs[part] = ds[0]
	}
	a.refs[p] = ds[0]
}

// usingDeclTypes is DeclarationTypeChecker on a directive: its type name,
// then what its paths name.
func (a *analyzer) usingDeclTypes(u *solidity.UsingForDirective) {
	if u.Type != nil {
		a.plainType(u.Type)
	}
	if !u.Braces {
		if len(u.Functions) == 0 {
			return
		}
		p := u.Functions[0].Path
		if cd, ok := a.refs[p].(*solidity.ContractDefinition); !ok || cd.Kind != solidity.KindLibrary {
			a.errorf(source.TypeError, 4357, p.Loc, "Library name expected. If you want to attach a function, use '{...}'.")
			a.fatal = true
		}
		return
	}
	for _, f := range u.Functions {
		fd, ok := a.refs[f.Path].(*solidity.FunctionDefinition)
		if !ok {
			a.errorf(source.TypeError, 8187, f.Path.Loc, "Expected function name.")
			a.fatal = true
			return
		}
		if c := a.container[fd]; !fd.Free && (c == nil || c.Def.Kind != solidity.KindLibrary) {
			a.errorf(source.TypeError, 4167, f.Path.Loc, "Only file-level functions and library functions can be attached to a type in a \"using\" statement")
		}
	}
}

func pathString(p *solidity.IdentifierPath) string {
	parts := make([]string, len(p.Parts))
	for i, x := range p.Parts {
		parts[i] = x.Name
	}
	return strings.Join(parts, ".")
}

// checkUsing is TypeChecker::visit(UsingForDirective); c is the enclosing
// contract (nil at file level).
func (a *analyzer) checkUsing(u *solidity.UsingForDirective, c *Contract, unit *solidity.SourceUnit) {
	if u.Global {
		if c != nil || u.Type == nil {
			return
		}
		t := a.plainType(u.Type)
		if _, null := t.(*NullType); null {
			return
		}
		if _, isContract := t.(*ContractType); isContract {
			a.errorf(source.TypeError, 8841, u.Loc, "Can only use \"global\" with user-defined types.")
		} else if def := typeDefinition(t); def != nil {
			if a.container[def] != nil || a.unitOf[def] != unit {
				a.errorf(source.TypeError, 4117, u.Loc, "Can only use \"global\" with types defined in the same source unit at file level.")
			}
		} else {
			a.errorf(source.TypeError, 8841, u.Loc, "Can only use \"global\" with user-defined types.")
		}
	}
	if !u.Braces || u.Type == nil {
		return
	}
	ut := a.plainType(u.Type)
	if _, null := ut.(*NullType); null {
		return
	}
	norm := withLoc(ut, LocStorage, true)
	for _, f := range u.Functions {
		fd, ok := a.refs[f.Path].(*solidity.FunctionDefinition)
		if !ok {
			continue
		}
		if len(fd.Params.Params) == 0 {
			a.errorf(source.TypeError, 4731, f.Path.Loc, "The function \"%s\" does not have any parameters, and therefore cannot be attached to the type \"%s\".", pathString(f.Path), norm.Label())
			return
		}
		if fd.Visibility == solidity.VisPrivate && a.container[fd] != c {
			a.errorf(source.TypeError, 6772, f.Path.Loc, "Function \"%s\" is private and therefore cannot be attached to a type outside of the library where it is defined.", pathString(f.Path))
		}
		ft := a.funcType(fd)
		self := ft.Params[0]
		if _, null := self.(*NullType); null {
			continue
		}
		if !implicit(norm, withLoc(self, LocStorage, true)) {
			a.errorf(source.TypeError, 3100, f.Path.Loc, "The function \"%s\" cannot be attached to the type \"%s\" because the type cannot be implicitly converted to the first argument of the function (\"%s\").", pathString(f.Path), ut.Label(), self)
			continue
		}
		if f.Operator == 0 {
			continue
		}
		if !u.Global {
			a.errorf(source.TypeError, 3320, f.Path.Loc, "Operators can only be defined in a global 'using for' directive.")
		}
		if fd.Mutability != solidity.MutPure || !fd.Free {
			a.errorf(source.TypeError, 7775, f.Path.Loc, "Only pure free functions can be used to define operators.")
		}
		if _, isUDV := ut.(*UDVType); !isUDV {
			a.errorf(source.TypeError, 5332, f.Path.Loc, "Operators can only be implemented for user-defined value types.")
			continue
		}
		a.checkOperatorSignature(f, fd, ft, ut)
	}
}

// checkOperatorSignature is solc's 1884 and 7743 for a function bound to
// an operator.
func (a *analyzer) checkOperatorSignature(f *solidity.UsingFunction, fd *solidity.FunctionDefinition, ft *FunctionType, ut Type) {
	op := f.Operator
	params := ft.Params
	n := len(params)
	unaryOnly := !op.IsBinaryOp() && op.IsUnaryOp()
	binaryOnly := op.IsBinaryOp() && !op.IsUnaryOp()
	firstMatches := n == 0 || same(ut, params[0])
	identicalTwo := n >= 2 && same(params[0], params[1])
	name := ut.Label()
	var wrong string
	switch {
	case binaryOnly && (n != 2 || !identicalTwo):
		wrong = "two parameters of type " + name + " and the same data location"
	case unaryOnly && (n != 1 || !firstMatches):
		wrong = "exactly one parameter of type " + name
	case n >= 3 || !firstMatches || n == 2 && !identicalTwo:
		wrong = "one or two parameters of type " + name + " and the same data location"
	}
	if wrong != "" {
		a.errorf(source.TypeError, 1884, f.Path.Loc, "Wrong parameters in operator definition. The function \"%s\" needs to have %s to be used for the operator %s.", identName(fd.Name), wrong, op)
	}
	rets := ft.Returns
	var wrongRet string
	if !op.IsCompareOp() && op != solidity.Not {
		if len(rets) != 1 || !same(ut, rets[0]) {
			wrongRet = "exactly one value of type " + name
		} else if n > 0 && !same(rets[0], params[0]) {
			wrongRet = "a value of the same type and data location as its parameters"
		}
	} else if len(rets) != 1 || !same(rets[0], tBool) {
		wrongRet = "exactly one value of type bool"
	}
	if wrongRet != "" {
		var at source.Span
		switch {
		case fd.Returns != nil:
			at = fd.Returns.Loc
		case fd.Body != nil:
			at = source.Span{File: fd.Body.Loc.File, Start: fd.Body.Loc.Start, End: fd.Body.Loc.Start}
		default:
			at = fd.Loc
		}
		a.errorf(source.TypeError, 7743, at, "Wrong return parameters in operator definition. The function \"%s\" needs to return %s to be used for the operator %s.", identName(fd.Name), wrongRet, op)
	}
}
