package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// resolveUnit is solc's NameAndTypeResolver::resolveNamesAndTypes for one
// source unit: inheritance and linearization of its contracts, then the
// references of every name (ReferencesResolver), with block scoping.
func (a *analyzer) resolveUnit(u *solidity.SourceUnit) {
	sc := a.unitScope[u]
	for _, d := range u.Decls {
		if a.fatal {
			return
		}
		switch d := d.(type) {
		case *solidity.ContractDefinition:
			c := a.contracts[d]
			a.resolveBases(c)
			if a.fatal {
				return
			}
			// Headers first: overload sets compare parameter types.
			for _, m := range d.Members {
				a.resolveHeader(m, c.scope)
			}
			for _, m := range d.Members {
				a.resolveMember(m, c.scope)
				if a.fatal {
					return
				}
			}
		default:
			a.resolveMember(d, sc)
		}
	}
}

// resolveBases resolves `is A, B` and computes the C3 linearization.
func (a *analyzer) resolveBases(c *Contract) {
	unit := a.unitScope[c.Unit]
	for _, b := range c.Def.Bases {
		d := a.resolvePath(b.Name, unit)
		if d == nil {
			return
		}
		bd, ok := d.(*solidity.ContractDefinition)
		if !ok {
			a.errorf(source.TypeError, 8758, b.Name.Loc, "Contract expected.")
			a.fatal = true
			return
		}
		base := a.contracts[bd]
		if !base.linearDone {
			a.errorf(source.TypeError, 2449, b.Name.Loc, "Definition of base has to precede definition of derived contract")
			a.fatal = true
			return
		}
		c.Bases = append(c.Bases, base)
		for _, arg := range b.Args {
			a.resolveExpr(arg, unit)
		}
	}
	// solc's linearizeBaseContracts: the input lists are the bases'
	// linearizations (last base first) and [C, last base, …, first base].
	var input [][]*Contract
	direct := []*Contract{c}
	for i := len(c.Bases) - 1; i >= 0; i-- {
		direct = append(direct, c.Bases[i])
	}
	for i := len(c.Bases) - 1; i >= 0; i-- {
		input = append(input, append([]*Contract(nil), c.Bases[i].Linear...))
	}
	input = append(input, direct)
	lin := c3Merge(input)
	if lin == nil {
		a.errorf(source.TypeError, 5005, c.Def.Loc, "Linearization of inheritance graph impossible")
		a.fatal = true
		return
	}
	c.Linear = lin
	c.linearDone = true
	c.memberCache = nil
	a.importInherited(c)
}

// c3Merge is solc's cThreeMerge.
func c3Merge(lists [][]*Contract) []*Contract {
	var ls [][]*Contract
	for _, l := range lists {
		if len(l) > 0 {
			ls = append(ls, l)
		}
	}
	var out []*Contract
	onlyAtHead := func(c *Contract) bool {
		for _, l := range ls {
			for _, x := range l[1:] {
				if x == c {
					return false
				}
			}
		}
		return true
	}
	for len(ls) > 0 {
		var cand *Contract
		for _, l := range ls {
			if onlyAtHead(l[0]) {
				cand = l[0]
				break
			}
		}
		if cand == nil {
			return nil
		}
		out = append(out, cand)
		var next [][]*Contract
		for _, l := range ls {
			var nl []*Contract
			for _, x := range l {
				if x != cand {
					nl = append(nl, x)
				}
			}
			if len(nl) > 0 {
				next = append(next, nl)
			}
		}
		ls = next
	}
	return out
}

// resolvePath resolves a.b.c (solc's NameAndTypeResolver::pathFromCurrentScope)
// and records each part's declaration; nil (after solc's fatal 7920) when
// it names nothing or more than one thing.
func (a *analyzer) resolvePath(p *solidity.IdentifierPath, sc *scope) solidity.Node {
	if p == nil || len(p.Parts) == 0 {
		return nil
	}
	if d, ok := a.refs[p]; ok {
		return d
	}
	ds := sc.lookup(p.Parts[0].Name)
	for i, part := range p.Parts {
		if i > 0 {
			ds = a.memberDecls(ds[0], part.Name)
		}
		if len(ds) != 1 {
			a.errorf(source.DeclarationError, 7920, p.Loc, "Identifier not found or not unique.")
			a.fatal = true
			return nil
		}
		a.refs[part] = ds[0]
	}
	a.refs[p] = ds[0]
	return ds[0]
}

// memberDecls is the lookup of name inside a declaration used as a scope
// (a contract, an imported module).
func (a *analyzer) memberDecls(d solidity.Node, name string) []solidity.Node {
	switch d := d.(type) {
	case *solidity.ContractDefinition:
		if c := a.contracts[d]; c != nil {
			return c.members(name)
		}
	case *ModuleDecl:
		return a.unitScope[d.Unit].names[name]
	case *solidity.EnumDefinition:
		for _, v := range d.Values {
			if v.Name.Name == name {
				return []solidity.Node{v}
			}
		}
	}
	return nil
}

// resolveHeader resolves the parameter types of a function.
func (a *analyzer) resolveHeader(d solidity.Decl, sc *scope) {
	if fd, ok := d.(*solidity.FunctionDefinition); ok {
		a.resolveParams(fd.Params, sc)
	}
}

// resolveMember resolves the names in a contract member or file-level
// declaration.
func (a *analyzer) resolveMember(d solidity.Decl, sc *scope) {
	switch d := d.(type) {
	case *solidity.StructDefinition:
		for _, m := range d.Members {
			a.resolveTypeName(m.Type, sc)
		}
	case *solidity.UserDefinedValueTypeDefinition:
		a.resolveTypeName(d.Underlying, sc)
	case *solidity.VariableDeclaration:
		a.resolveTypeName(d.Type, sc)
		a.resolveOverrides(d.Overrides, sc)
		if d.Value != nil {
			a.resolveExpr(d.Value, sc)
		}
	case *solidity.EventDefinition:
		a.resolveParams(d.Params, sc)
	case *solidity.ErrorDefinition:
		a.resolveParams(d.Params, sc)
	case *solidity.FunctionDefinition:
		a.resolveFunction(d, sc)
	case *solidity.ModifierDefinition:
		fs := newScope(sc)
		a.resolveParams(d.Params, sc)
		a.resolveOverrides(d.Overrides, sc)
		a.declareParams(fs, d.Params)
		if d.Body != nil {
			a.resolveBlock(d.Body, fs)
		}
	case *solidity.UsingForDirective:
		for _, f := range d.Functions {
			a.resolveUsingPath(f.Path, sc)
			if a.fatal {
				return
			}
		}
		if d.Type != nil {
			a.resolveTypeName(d.Type, sc)
		}
	}
}

func (a *analyzer) resolveOverrides(o *solidity.OverrideSpecifier, sc *scope) {
	if o == nil {
		return
	}
	for _, p := range o.Overrides {
		a.resolvePath(p, sc)
	}
}

func (a *analyzer) resolveParams(pl *solidity.ParameterList, sc *scope) {
	if pl == nil {
		return
	}
	for _, p := range pl.Params {
		a.resolveTypeName(p.Type, sc)
	}
}

func (a *analyzer) declareParams(sc *scope, pl *solidity.ParameterList) {
	if pl == nil {
		return
	}
	for _, p := range pl.Params {
		if p.Name != nil {
			a.declareLocal(sc, p)
		}
	}
}

func (a *analyzer) resolveFunction(fd *solidity.FunctionDefinition, sc *scope) {
	if a.contracts[a.containerDef(fd)] == nil {
		a.resolveParams(fd.Params, sc)
	}
	a.resolveParams(fd.Returns, sc)
	a.resolveOverrides(fd.Overrides, sc)
	fs := newScope(sc)
	fs.fn = fd
	a.declareParams(fs, fd.Params)
	a.declareParams(fs, fd.Returns)
	for _, m := range fd.Modifiers {
		a.resolvePath(m.Name, sc)
		for _, arg := range m.Args {
			a.resolveExpr(arg, fs)
		}
	}
	if fd.Body != nil {
		a.resolveBlock(fd.Body, fs)
	}
}

// declareLocal declares a parameter or local variable in sc, with solc's
// 2333 for a name already declared in the same scope.
func (a *analyzer) declareLocal(sc *scope, v *solidity.VariableDeclaration) {
	name := v.Name.Name
	a.reservedName(v, name, v.Loc)
	if len(sc.names[name]) > 0 {
		a.errorf(source.DeclarationError, 2333, v.Loc, "Identifier already declared.")
		return
	}
	sc.names[name] = append(sc.names[name], v)
}

// resolveTypeName resolves the user-defined names in a type.
func (a *analyzer) resolveTypeName(t solidity.TypeName, sc *scope) {
	switch t := t.(type) {
	case *solidity.UserDefinedTypeName:
		a.resolvePath(t.Path, sc)
	case *solidity.ArrayTypeName:
		a.resolveTypeName(t.Base, sc)
		if t.Length != nil {
			a.resolveExpr(t.Length, sc)
		}
	case *solidity.MappingType:
		a.resolveTypeName(t.Key, sc)
		a.resolveTypeName(t.Value, sc)
	case *solidity.FunctionTypeName:
		a.resolveParams(t.Params, sc)
		a.resolveParams(t.Returns, sc)
	}
}

func (a *analyzer) resolveBlock(b *solidity.Block, sc *scope) {
	bs := newScope(sc)
	bs.fn = sc.fn
	for _, s := range b.Stmts {
		a.resolveStmt(s, bs)
		if a.fatal {
			return
		}
	}
}

// resolveStmt resolves a statement; variables declared by a statement are
// visible from the next statement on (solc's C99 scoping).
func (a *analyzer) resolveStmt(s solidity.Stmt, sc *scope) {
	switch s := s.(type) {
	case *solidity.Block:
		a.resolveBlock(s, sc)
	case *solidity.IfStatement:
		a.resolveExpr(s.Cond, sc)
		a.resolveScoped(s.Then, sc)
		if s.Else != nil {
			a.resolveScoped(s.Else, sc)
		}
	case *solidity.WhileStatement:
		a.resolveExpr(s.Cond, sc)
		a.resolveScoped(s.Body, sc)
	case *solidity.ForStatement:
		fs := newScope(sc)
		fs.fn = sc.fn
		if s.Init != nil {
			a.resolveStmt(s.Init, fs)
		}
		if s.Cond != nil {
			a.resolveExpr(s.Cond, fs)
		}
		if s.Post != nil {
			a.resolveExpr(s.Post.X, fs)
		}
		a.resolveScoped(s.Body, fs)
	case *solidity.ReturnStatement:
		if s.Value != nil {
			a.resolveExpr(s.Value, sc)
		}
	case *solidity.EmitStatement:
		if s.Call != nil {
			a.resolveExpr(s.Call, sc)
		}
	case *solidity.RevertStatement:
		if s.Call != nil {
			a.resolveExpr(s.Call, sc)
		}
	case *solidity.TryStatement:
		a.resolveExpr(s.Call, sc)
		for _, cl := range s.Clauses {
			cs := newScope(sc)
			cs.fn = sc.fn
			if cl.Params != nil {
				a.resolveParams(cl.Params, sc)
				a.declareParams(cs, cl.Params)
			}
			if cl.Body != nil {
				a.resolveBlock(cl.Body, cs)
			}
		}
	case *solidity.VariableDeclarationStatement:
		for _, v := range s.Vars {
			if v != nil {
				a.resolveTypeName(v.Type, sc)
			}
		}
		if s.Value != nil {
			a.resolveExpr(s.Value, sc)
		}
		for _, v := range s.Vars {
			if v != nil && v.Name != nil {
				a.declareLocal(sc, v)
			}
		}
	case *solidity.ExpressionStatement:
		a.resolveExpr(s.X, sc)
	case *solidity.InlineAssembly:
		a.resolveAssembly(s, sc)
	}
}

// resolveScoped resolves the body of an if/while/for: a statement that is
// not a block still gets its own scope.
func (a *analyzer) resolveScoped(s solidity.Stmt, sc *scope) {
	if s == nil {
		return
	}
	if b, ok := s.(*solidity.Block); ok {
		a.resolveBlock(b, sc)
		return
	}
	ns := newScope(sc)
	ns.fn = sc.fn
	a.resolveStmt(s, ns)
}

// resolveExpr resolves the identifiers of an expression. Member accesses
// are left to the type checker.
func (a *analyzer) resolveExpr(e solidity.Expr, sc *scope) {
	switch e := e.(type) {
	case nil:
	case *solidity.IdentifierExpr:
		ds := sc.lookup(e.Name)
		if len(ds) == 0 {
			a.errorf(source.DeclarationError, 7576, e.Loc, "Undeclared identifier.")
			return
		}
		if b, ok := ds[0].(*Builtin); ok && !magicVisible(b.Name, sc) {
			a.errorf(source.DeclarationError, 7576, e.Loc, "Undeclared identifier. \"%s\" is not (or not yet) visible at this point.", b.Name)
			return
		}
		a.refs[e] = ds[0]
		if len(ds) > 1 {
			a.overloads[e] = ds
		}
	case *solidity.NewExpression:
		a.resolveTypeName(e.Type, sc)
	default:
		// Operands, in source order (the member name of x.m is left to
		// the type checker, the names of named arguments to the call).
		childExprs(e, func(x solidity.Expr) { a.resolveExpr(x, sc) })
	}
}

// magicVisible reports whether the global `this` or `super` is visible
// in sc: only inside a contract, and `super` not in a library.
func magicVisible(name string, sc *scope) bool {
	if name != "this" && name != "super" {
		return true
	}
	for s := sc; s != nil; s = s.parent {
		if s.contract != nil {
			return name == "this" || s.contract.Def.Kind != solidity.KindLibrary
		}
	}
	return false
}
