package sema

import "github.com/soll-dev/soll/frontend/solidity"

// attachedFn is a function attached to a type by `using … for`.
type attachedFn struct {
	Def  *solidity.FunctionDefinition
	Name string
}

// usingDirectives is solc's usingForDirectivesForType: the directives of
// the current contract (not inherited) and of the current source unit, and
// the `global` ones of the unit defining t, whose type is `*` or t (data
// locations normalized).
func (a *analyzer) usingDirectives(t Type, ctx *fnCtx) []*solidity.UsingForDirective {
	var ds []*solidity.UsingForDirective
	add := func(decls []solidity.Decl, globalOnly bool) {
		for _, d := range decls {
			if u, ok := d.(*solidity.UsingForDirective); ok && (!globalOnly || u.Global && u.Type != nil) {
				ds = append(ds, u)
			}
		}
	}
	if ctx != nil && ctx.contract != nil {
		add(ctx.contract.Def.Members, false)
	}
	if ctx != nil && ctx.unit != nil {
		add(ctx.unit.Decls, false)
	}
	if def := typeDefinition(t); def != nil && a.container[def] == nil {
		if u := a.unitOf[def]; u != nil {
			add(u.Decls, true)
		}
	}
	loc := LocStorage
	if isReference(t) {
		loc = location(t)
	}
	norm := withLoc(t, loc, true)
	out := ds[:0]
	for _, u := range ds {
		if u.Type == nil {
			out = append(out, u)
			continue
		}
		dt := a.plainType(u.Type)
		if dt == nil {
			continue
		}
		if _, null := dt.(*NullType); null || same(withLoc(dt, loc, true), norm) {
			out = append(out, u)
		}
	}
	return out
}

// typeDefinition is the declaration of a user-defined type.
func typeDefinition(t Type) solidity.Node {
	switch t := t.(type) {
	case *StructType:
		return t.S.Def
	case *EnumType:
		return t.E.Def
	case *UDVType:
		return t.U.Def
	case *ContractType:
		if !t.Super {
			return t.C.Def
		}
	}
	return nil
}

// attached is solc's Type::attachedFunctions restricted to name: the
// functions `using … for` attaches to t whose first parameter accepts t.
// unknown reports a directive soll could not resolve (then anything may
// be attached).
func (a *analyzer) attached(t Type, name string, ctx *fnCtx) (fns []attachedFn, unknown bool) {
	if t == nil {
		return nil, false
	}
	seen := map[*solidity.FunctionDefinition]bool{}
	try := func(fd *solidity.FunctionDefinition, as string) {
		if as != name || seen[fd] || len(fd.Params.Params) == 0 {
			return
		}
		ft := a.funcType(fd)
		if ft == nil || len(ft.Params) == 0 {
			return
		}
		if _, null := ft.Params[0].(*NullType); null {
			unknown = true
			return
		}
		if implicit(t, ft.Params[0]) {
			seen[fd] = true
			fns = append(fns, attachedFn{Def: fd, Name: as})
		}
	}
	for _, u := range a.usingDirectives(t, ctx) {
		for _, f := range u.Functions {
			if f.Operator != 0 {
				continue
			}
			switch r := a.refs[f.Path].(type) {
			case *solidity.ContractDefinition:
				c := a.contracts[r]
				if c == nil {
					unknown = true
					continue
				}
				for _, d := range c.own[name] {
					fd, ok := d.(*solidity.FunctionDefinition)
					if !ok || fd.Kind != solidity.KindFunction || a.visibility(fd) == solidity.VisPrivate {
						continue
					}
					try(fd, name)
				}
			case *solidity.FunctionDefinition:
				try(r, f.Path.Parts[len(f.Path.Parts)-1].Name)
			default:
				unknown = true
			}
		}
	}
	return fns, unknown
}

// usingBinds reports whether `using … for` attaches a function called
// name to t (or soll cannot tell).
func (a *analyzer) usingBinds(t Type, name string, ctx *fnCtx) bool {
	fns, unknown := a.attached(t, name, ctx)
	return unknown || len(fns) > 0
}
