package sema

import (
	"sort"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// contractLevelChecks is solc's ContractLevelChecker over every source
// unit: duplicate definitions, overrides, base constructor arguments,
// abstract contracts and library rules. It reports false when any error
// was reported so far.
func (a *analyzer) contractLevelChecks() bool {
	for _, u := range a.order {
		// Free functions and events, also those imported (solc's
		// exportedSymbols).
		sc := a.unitScope[u]
		names := make([]string, 0, len(sc.names))
		for n := range sc.names {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			var free []*solidity.FunctionDefinition
			var evs []*solidity.EventDefinition
			for _, d := range sc.names[n] {
				switch d := d.(type) {
				case *solidity.FunctionDefinition:
					free = append(free, d)
				case *solidity.EventDefinition:
					evs = append(evs, d)
				}
			}
			a.duplicateFunctions(free, n)
			a.duplicateEventList(evs)
		}
		for _, d := range u.Decls {
			if cd, ok := d.(*solidity.ContractDefinition); ok {
				if c := a.contracts[cd]; c != nil && c.linearDone {
					a.checkContract(c)
				}
			}
		}
	}
	return a.errors == 0
}

func (a *analyzer) checkContract(c *Contract) {
	var fns []*solidity.FunctionDefinition
	var ctor, fallback, receive *solidity.FunctionDefinition
	for _, m := range c.Def.Members {
		fd, ok := m.(*solidity.FunctionDefinition)
		if !ok {
			continue
		}
		switch fd.Kind {
		case solidity.KindConstructor:
			if ctor != nil {
				a.errorf(source.DeclarationError, 7997, fd.Loc, "More than one constructor defined.")
			}
			ctor = fd
		case solidity.KindFallback:
			if fallback != nil {
				a.errorf(source.DeclarationError, 7301, fd.Loc, "Only one fallback function is allowed.")
			}
			fallback = fd
		case solidity.KindReceive:
			if receive != nil {
				a.errorf(source.DeclarationError, 4046, fd.Loc, "Only one receive function is allowed.")
			}
			receive = fd
		default:
			if fd.Name != nil {
				fns = append(fns, fd)
			}
		}
	}
	a.duplicateFunctions(fns, "")
	a.duplicateEvents(c)
	a.checkOverrides(c)
	unimplemented := a.baseConstructorArguments(c)
	a.abstractDefinitions(c, unimplemented)
	a.libraryRequirements(c)
	a.baseABICompatibility(c)
}

// baseABICompatibility is solc's checkBaseABICompatibility: a contract
// in a `pragma abicoder v1;` unit cannot inherit an interface function,
// declared in an ABI coder v2 unit, whose types need coder v2.
func (a *analyzer) baseABICompatibility(c *Contract) {
	if !abiCoderV1(c.Unit) || c.Def.Kind == solidity.KindLibrary {
		return
	}
	for _, f := range a.interfaceFunctions(c) {
		if abiCoderV1(a.unitOf[f.decl]) {
			continue
		}
		for _, t := range append(append([]Type{}, f.ext.Params...), f.ext.Returns...) {
			if !oldCoderSupports(t, false) {
				a.errorf(source.TypeError, 6594, c.Def.Loc, "Contract \"%s\" does not use ABI coder v2 but wants to inherit from a contract which uses types that require it. Use \"pragma abicoder v2;\" for the inheriting contract as well to enable the feature.", c.Name())
				return
			}
		}
	}
}

// duplicateFunctions is findDuplicateDefinitions for functions: two
// functions with one name and the same external parameter types.
func (a *analyzer) duplicateFunctions(fns []*solidity.FunctionDefinition, alias string) {
	keys := make([]string, len(fns))
	for i, f := range fns {
		name := alias
		if name == "" {
			name = f.Name.Name
		}
		keys[i] = name + "(" + strings.Join(externalTypes(a.funcType(f).Params), ",") + ")"
	}
	a.duplicates(len(fns), func(i, j int) bool { return keys[i] == keys[j] }, func(i int) {
		a.errorf(source.DeclarationError, 1686, fns[i].Loc, "Function with same name and parameter types defined twice.")
	})
}

// duplicateEvents: events of the contract and its bases with one name
// and the same parameter types.
func (a *analyzer) duplicateEvents(c *Contract) {
	var evs []*solidity.EventDefinition
	for _, b := range c.Linear {
		for _, m := range b.Def.Members {
			if e, ok := m.(*solidity.EventDefinition); ok {
				evs = append(evs, e)
			}
		}
	}
	a.duplicateEventList(evs)
}

func (a *analyzer) duplicateEventList(evs []*solidity.EventDefinition) {
	keys := make([]string, len(evs))
	for i, e := range evs {
		keys[i] = e.Name.Name + "(" + strings.Join(a.paramIDs(e.Params), ",") + ")"
	}
	a.duplicates(len(evs), func(i, j int) bool { return keys[i] == keys[j] }, func(i int) {
		a.errorf(source.DeclarationError, 5883, evs[i].Loc, "Event with same name and parameter types defined twice.")
	})
}

// duplicates is the loop of solc's findDuplicateDefinitions (which stops
// at the first definition already reported as a duplicate).
func (a *analyzer) duplicates(n int, equal func(i, j int) bool, report func(i int)) {
	reported := map[int]bool{}
	for i := 0; i < n && !reported[i]; i++ {
		found := false
		for j := i + 1; j < n; j++ {
			if equal(i, j) {
				found = true
				reported[j] = true
			}
		}
		if found {
			report(i)
		}
	}
}

// baseConstructorArguments is checkBaseConstructorArguments: arguments
// for a base constructor given twice (3364), modifier-style calls
// without arguments (1563). It returns the base constructors that get
// no arguments (the contract is then not fully implemented).
func (a *analyzer) baseConstructorArguments(c *Contract) []solidity.Node {
	given := map[*solidity.FunctionDefinition]solidity.Node{}
	annotate := func(ctor *solidity.FunctionDefinition, n solidity.Node) {
		prev, ok := given[ctor]
		if !ok {
			given[ctor] = n
			return
		}
		if spanContains(c.Def.Loc, prev.Span()) || spanContains(c.Def.Loc, n.Span()) {
			a.errorf(source.DeclarationError, 3364, prev.Span(), "Base constructor arguments given twice.")
		} else {
			a.errorf(source.DeclarationError, 3364, c.Def.Loc, "Base constructor arguments given twice.")
		}
	}
	for _, b := range c.Linear {
		if ctor := ownSpecial(b.Def, solidity.KindConstructor); ctor != nil {
			for _, m := range ctor.Modifiers {
				base, ok := a.refs[m.Name].(*solidity.ContractDefinition)
				if !ok {
					continue
				}
				if m.Args == nil {
					a.errorf(source.DeclarationError, 1563, m.Loc, "Modifier-style base constructor call without arguments.")
					continue
				}
				if bc := ownSpecial(base, solidity.KindConstructor); bc != nil {
					annotate(bc, m)
				}
			}
		}
		for _, spec := range b.Def.Bases {
			base, ok := a.refs[spec.Name].(*solidity.ContractDefinition)
			if !ok {
				continue
			}
			if bc := ownSpecial(base, solidity.KindConstructor); bc != nil && len(spec.Args) > 0 {
				annotate(bc, spec)
			}
		}
	}
	var missing []solidity.Node
	for _, b := range c.Linear {
		if b == c {
			continue
		}
		if ctor := ownSpecial(b.Def, solidity.KindConstructor); ctor != nil && len(ctor.Params.Params) > 0 {
			if _, ok := given[ctor]; !ok {
				if c.Def.Kind == solidity.KindContract && !c.Def.Abstract {
					a.errorf(source.TypeError, 3415, c.Def.Loc, "No arguments passed to the base constructor. Specify the arguments or mark \"%s\" as abstract.", c.Name())
				}
				missing = append(missing, ctor)
			}
		}
	}
	return missing
}

// spanContains is SourceLocation::contains.
func spanContains(outer, inner source.Span) bool {
	return outer.File == inner.File && outer.Start <= inner.Start && inner.End <= outer.End
}

// abstractDefinitions is checkAbstractDefinitions.
func (a *analyzer) abstractDefinitions(c *Contract, unimplemented []solidity.Node) {
	nCtors := len(unimplemented)
	type entry struct {
		p    callable
		impl bool
	}
	bySig := map[string]entry{}
	var order []string
	register := func(p callable) {
		sig := a.signature(p)
		e, ok := bySig[sig]
		if !ok {
			order = append(order, sig)
		}
		if !ok || !p.unimplemented() {
			e = entry{p: p, impl: !p.unimplemented()}
		}
		bySig[sig] = e
	}
	for i := len(c.Linear) - 1; i >= 0; i-- {
		b := c.Linear[i]
		for _, p := range ownCallables(b, false) {
			register(p)
		}
		for _, p := range ownCallables(b, true) {
			register(p)
		}
	}
	for _, sig := range order {
		if e := bySig[sig]; !e.impl {
			unimplemented = append(unimplemented, e.p.node())
		}
	}
	if c.Def.Abstract {
		switch c.Def.Kind {
		case solidity.KindInterface:
			a.errorf(source.TypeError, 9348, c.Def.Loc, "Interfaces do not need the \"abstract\" keyword, they are abstract implicitly.")
		case solidity.KindLibrary:
			a.errorf(source.TypeError, 9571, c.Def.Loc, "Libraries cannot be abstract.")
		}
	}
	if c.Def.Kind == solidity.KindContract && !c.Def.Abstract && len(unimplemented) > nCtors {
		a.errorf(source.TypeError, 3656, c.Def.Loc, "Contract \"%s\" should be marked as abstract.", c.Name())
	}
	if c.Def.Abstract || c.Def.Kind == solidity.KindInterface || len(unimplemented) > 0 {
		c.Abstract = true
	}
}

// libraryRequirements is checkLibraryRequirements.
func (a *analyzer) libraryRequirements(c *Contract) {
	if c.Def.Kind != solidity.KindLibrary {
		return
	}
	if len(c.Def.Bases) > 0 {
		a.errorf(source.TypeError, 9469, c.Def.Loc, "Library is not allowed to inherit.")
	}
	for _, m := range c.Def.Members {
		if v, ok := m.(*solidity.VariableDeclaration); ok && v.Mutability != solidity.VarConstant {
			a.errorf(source.TypeError, 9957, v.Loc, "Library cannot have non-constant state variables")
		}
	}
}

// importInherited is solc's NameAndTypeResolver::importInheritedScope for
// every proper base of c: an inherited declaration that conflicts with
// one already visible in c is solc's 9097.
func (a *analyzer) importInherited(c *Contract) {
	names := map[string][]solidity.Node{}
	for n, ds := range c.own {
		names[n] = append([]solidity.Node(nil), ds...)
	}
	for _, b := range c.Linear[1:] {
		for _, m := range b.Def.Members {
			d := solidity.Node(m)
			name := declName(d)
			if name == "" || !visibleInDerived(a, d) {
				continue
			}
			prev := conflicting(names[name], d)
			if prev == nil {
				names[name] = append(names[name], d)
				continue
			}
			if _, ok := d.(*solidity.ModifierDefinition); ok {
				if _, ok := prev.(*solidity.ModifierDefinition); ok {
					continue
				}
			}
			if v, ok := prev.(*solidity.VariableDeclaration); ok && a.container[v] != nil && v.Visibility == solidity.VisPublic {
				if _, ok := d.(*solidity.FunctionDefinition); ok {
					continue
				}
			}
			second := d.Span()
			if d.Span().Start < prev.Span().Start {
				second = prev.Span()
			}
			a.errorf(source.DeclarationError, 9097, second, "Identifier already declared.")
		}
	}
}

// visibleInDerived is Declaration::isVisibleInDerivedContracts.
func visibleInDerived(a *analyzer, d solidity.Node) bool {
	switch d := d.(type) {
	case *solidity.FunctionDefinition:
		if d.Kind != solidity.KindFunction {
			return false
		}
		v := a.visibility(d)
		return v == solidity.VisInternal || v == solidity.VisPublic
	case *solidity.VariableDeclaration:
		return d.Visibility != solidity.VisPrivate
	case *solidity.UsingForDirective:
		return false
	}
	return true
}
