package sema

import (
	"fmt"
	"sort"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// Options configure the analysis.
type Options struct {
	// EVMVersion gates version-dependent members (block.prevrandao,
	// block.blobbasefee, …); nil means evmversion.Default.
	EVMVersion *evmversion.Version
}

// Program is an analyzed program: the AST and everything the analysis
// derived from it. It is read-only once Analyze returns.
type Program struct {
	AST *solidity.Program
	// Contracts are every contract, interface and library, by source unit
	// (in the order of AST.Units) and then in source order.
	Contracts []*Contract
	// Complete reports that every phase ran (no error stopped the
	// analysis): only then are types and artifacts complete.
	Complete bool

	a *analyzer
}

// Contract is an analyzed contract, interface or library.
type Contract struct {
	Def  *solidity.ContractDefinition
	Unit *solidity.SourceUnit
	// Bases are the direct bases in the order written; Linear is solc's
	// C3 linearization, most derived (the contract itself) first.
	Bases  []*Contract
	Linear []*Contract
	// Abstract is set for abstract contracts, interfaces and contracts
	// with unimplemented functions.
	Abstract bool
	NodeID   int

	own         map[string][]solidity.Node
	scope       *scope
	memberCache map[string][]solidity.Node
	linearDone  bool
	a           *analyzer
}

// Name is the contract's name.
func (c *Contract) Name() string { return c.Def.Name.Name }

// Key is solc's "<source unit>:<Name>" contract key.
func (c *Contract) Key() string { return c.Unit.Name + ":" + c.Def.Name.Name }

// analyzer holds the state of one Analyze call.
type analyzer struct {
	prog *Program
	ast  *solidity.Program
	evm  evmversion.Version

	diags     []source.Diagnostic
	errors    int
	fatal     bool
	global    *scope
	unitScope map[*solidity.SourceUnit]*scope
	order     []*solidity.SourceUnit // solc's source order: imports first

	contracts map[*solidity.ContractDefinition]*Contract
	structs   map[*solidity.StructDefinition]*Struct
	enums     map[*solidity.EnumDefinition]*Enum
	udvts     map[*solidity.UserDefinedValueTypeDefinition]*UserType
	// container is the contract a declaration is a member of (nil at
	// file level); unitOf the source unit it is in.
	container map[solidity.Node]*Contract
	unitOf    map[solidity.Node]*solidity.SourceUnit
	nodeIDs   map[solidity.Node]int
	nextID    int

	varTypes   map[*solidity.VariableDeclaration]Type
	roles      map[*solidity.VariableDeclaration]varRole
	typeNames  map[solidity.TypeName]Type
	evaluating map[*solidity.VariableDeclaration]bool
	constVals  map[*solidity.VariableDeclaration]*constResult

	// exprTypes and refs are the expression checker's results.
	exprTypes map[solidity.Node]Type
	// asmRefs binds identifiers of inline assembly to Solidity
	// declarations; topVars are the state and file-level variables.
	asmRefs map[*yul.Ident]asmRef
	topVars map[*solidity.VariableDeclaration]bool
	refs    map[solidity.Node]solidity.Node
	// overloads holds every candidate of an overloaded name.
	overloads map[solidity.Node][]solidity.Node
	// usedEvents / usedErrors per contract (emit / revert targets).
	usedEvents map[*Contract][]*solidity.EventDefinition
	usedErrors map[*Contract][]*solidity.ErrorDefinition

	// Contract-level checks (override.go).
	sigCache      map[solidity.Node]string
	inheritedFns  map[*Contract][]callable
	inheritedMods map[*Contract][]callable
	baseCallables map[solidity.Node][]callable
	// modMut is the inferred mutability of modifiers (mutability.go).
	modMut map[*solidity.ModifierDefinition]int
	// bcDeps are the contracts whose bytecode a contract needs (bytecode.go).
	bcDeps map[*Contract][]bytecodeDep
}

// Analyze runs the semantic analysis of a parsed program. Diagnostics
// come in the order solc reports them (phase by phase); the program is
// returned even when there are errors, with what could be analyzed.
// Analyze never panics on any input: an internal failure becomes a
// diagnostic.
func Analyze(prog *solidity.Program, opts Options) (p *Program, diags []source.Diagnostic) {
	a := &analyzer{
		ast:        prog,
		evm:        evmversion.Default,
		unitScope:  map[*solidity.SourceUnit]*scope{},
		contracts:  map[*solidity.ContractDefinition]*Contract{},
		structs:    map[*solidity.StructDefinition]*Struct{},
		enums:      map[*solidity.EnumDefinition]*Enum{},
		udvts:      map[*solidity.UserDefinedValueTypeDefinition]*UserType{},
		container:  map[solidity.Node]*Contract{},
		unitOf:     map[solidity.Node]*solidity.SourceUnit{},
		nodeIDs:    map[solidity.Node]int{},
		varTypes:   map[*solidity.VariableDeclaration]Type{},
		typeNames:  map[solidity.TypeName]Type{},
		evaluating: map[*solidity.VariableDeclaration]bool{},
		constVals:  map[*solidity.VariableDeclaration]*constResult{},
		exprTypes:  map[solidity.Node]Type{},
		refs:       map[solidity.Node]solidity.Node{},
		overloads:  map[solidity.Node][]solidity.Node{},
		usedEvents: map[*Contract][]*solidity.EventDefinition{},
		usedErrors: map[*Contract][]*solidity.ErrorDefinition{},

		inheritedFns:  map[*Contract][]callable{},
		inheritedMods: map[*Contract][]callable{},
		baseCallables: map[solidity.Node][]callable{},
		bcDeps:        map[*Contract][]bytecodeDep{},
	}
	if opts.EVMVersion != nil {
		a.evm = *opts.EVMVersion
	}
	a.prog = &Program{AST: prog, a: a}
	defer func() {
		if r := recover(); r != nil {
			a.diags = append(a.diags, source.Diagnostic{Severity: source.Error, Kind: source.CompilerError,
				Message: fmt.Sprintf("internal error in semantic analysis: %v", r)})
			p, diags = a.prog, a.diags
		}
	}()
	a.run()
	return a.prog, a.diags
}

func (a *analyzer) errorf(kind string, code int, span source.Span, format string, args ...any) {
	a.errors++
	a.diags = append(a.diags, source.Diagnostic{Severity: source.Error, Kind: kind, Code: code, Span: span, Message: fmt.Sprintf(format, args...)})
}

func (a *analyzer) warnf(code int, span source.Span, format string, args ...any) {
	a.diags = append(a.diags, source.Diagnostic{Severity: source.Warning, Kind: source.WarningKind, Code: code, Span: span, Message: fmt.Sprintf(format, args...)})
}

func (a *analyzer) infof(code int, span source.Span, format string, args ...any) {
	a.diags = append(a.diags, source.Diagnostic{Severity: source.Info, Kind: source.InfoKind, Code: code, Span: span, Message: fmt.Sprintf(format, args...)})
}

// run is solc's CompilerStack::analyzeLegacy, phase by phase.
func (a *analyzer) run() {
	for _, u := range a.ast.Units {
		if u.Experimental {
			// Experimental Solidity has its own analysis, which soll
			// does not implement.
			return
		}
	}
	a.sourceOrder()
	a.global = a.globalScope()
	a.assignIDs()
	// Syntax checks (SyntaxChecker) do not stop the analysis.
	syntaxOK := a.syntaxChecks()
	// Declaration registration, then imports: an error stops here.
	for _, u := range a.order {
		a.registerUnit(u)
	}
	if a.errors > 0 {
		return
	}
	for _, u := range a.order {
		a.performImports(u)
	}
	if a.errors > 0 {
		return
	}
	// Names and types of declarations, inheritance.
	for _, u := range a.order {
		a.resolveUnit(u)
		if a.fatal {
			return
		}
	}
	if a.errors > 0 {
		return
	}
	a.declarationTypes()
	if a.errors > 0 {
		return
	}
	ok := syntaxOK
	if !a.contractLevelChecks() {
		ok = false
	}
	if !a.typeCheck() {
		ok = false
	}
	if !ok || a.errors > 0 {
		return
	}
	a.postTypeChecks()
	if a.errors > 0 || !a.unimplementedFeatures() {
		return
	}
	a.prog.Complete = true
}

// sourceOrder is solc's CompilerStack::sourceOrder: units by name, each
// after the units it imports.
func (a *analyzer) sourceOrder() {
	seen := map[*solidity.SourceUnit]bool{}
	var visit func(u *solidity.SourceUnit)
	visit = func(u *solidity.SourceUnit) {
		if seen[u] {
			return
		}
		seen[u] = true
		for _, d := range u.Decls {
			if imp, ok := d.(*solidity.ImportDirective); ok {
				if t := a.ast.Unit(imp.Resolved); t != nil {
					visit(t)
				}
			}
		}
		a.order = append(a.order, u)
	}
	units := append([]*solidity.SourceUnit(nil), a.ast.Units...)
	sort.Slice(units, func(i, j int) bool { return units[i].Name < units[j].Name })
	for _, u := range units {
		visit(u)
	}
}

// assignIDs numbers the definitions (for type identifiers such as
// t_struct(S)12_storage) in source order.
func (a *analyzer) assignIDs() {
	for _, u := range a.ast.Units {
		for _, d := range u.Decls {
			a.id(d)
			if c, ok := d.(*solidity.ContractDefinition); ok {
				for _, m := range c.Members {
					a.id(m)
				}
			}
		}
	}
}

func (a *analyzer) id(n solidity.Node) int {
	if id, ok := a.nodeIDs[n]; ok {
		return id
	}
	a.nextID++
	a.nodeIDs[n] = a.nextID
	return a.nextID
}

// registerUnit registers the declarations of a source unit and of its
// contracts (solc's DeclarationRegistrationHelper).
func (a *analyzer) registerUnit(u *solidity.SourceUnit) {
	sc := newScope(a.global)
	sc.unit = u
	a.unitScope[u] = sc
	for _, d := range u.Decls {
		a.unitOf[d] = u
		switch d := d.(type) {
		case *solidity.ContractDefinition:
			a.register(sc.names, d)
			a.registerContract(u, d, sc)
		case *solidity.StructDefinition:
			a.register(sc.names, d)
			a.newStruct(d, nil)
		case *solidity.EnumDefinition:
			a.register(sc.names, d)
			a.enums[d] = &Enum{Def: d, Canonical: d.Name.Name, NodeID: a.id(d)}
			a.registerEnumValues(d)
		case *solidity.UserDefinedValueTypeDefinition:
			a.register(sc.names, d)
			a.udvts[d] = &UserType{Def: d, Canonical: d.Name.Name, NodeID: a.id(d)}
		case *solidity.FunctionDefinition, *solidity.EventDefinition, *solidity.ErrorDefinition:
			a.register(sc.names, d)
		case *solidity.VariableDeclaration:
			if d.Name != nil {
				a.register(sc.names, d)
			}
		}
	}
}

func (a *analyzer) registerEnumValues(d *solidity.EnumDefinition) {
	seen := map[string]bool{}
	for _, v := range d.Values {
		a.reservedName(v, v.Name.Name, v.Loc)
		if seen[v.Name.Name] {
			a.errorf(source.DeclarationError, 2333, v.Loc, "Identifier already declared.")
		}
		seen[v.Name.Name] = true
	}
}

func (a *analyzer) newStruct(d *solidity.StructDefinition, c *Contract) {
	canon := d.Name.Name
	if c != nil {
		canon = c.Def.Name.Name + "." + canon
	}
	a.structs[d] = &Struct{Def: d, Canonical: canon, NodeID: a.id(d)}
	seen := map[string]bool{}
	for _, m := range d.Members {
		if m.Name == nil {
			continue
		}
		a.reservedName(m, m.Name.Name, m.Loc)
		if seen[m.Name.Name] {
			a.errorf(source.DeclarationError, 2333, m.Loc, "Identifier already declared.")
		}
		seen[m.Name.Name] = true
	}
}

// register adds d to names, reporting solc's 2333 for a conflicting
// earlier declaration (functions and events overload).
func (a *analyzer) register(names map[string][]solidity.Node, d solidity.Node) {
	name := declName(d)
	if name == "" {
		return
	}
	a.reservedName(d, name, d.Span())
	if prev := conflicting(names[name], d); prev != nil {
		a.errorf(source.DeclarationError, 2333, d.Span(), "Identifier already declared.")
		return
	}
	names[name] = append(names[name], d)
}

// conflicting is solc's DeclarationContainer::conflictingDeclaration.
func conflicting(prev []solidity.Node, d solidity.Node) solidity.Node {
	switch d.(type) {
	case *solidity.FunctionDefinition:
		for _, p := range prev {
			if _, ok := p.(*solidity.FunctionDefinition); !ok {
				return p
			}
		}
		return nil
	case *solidity.EventDefinition:
		for _, p := range prev {
			if _, ok := p.(*solidity.EventDefinition); !ok {
				return p
			}
		}
		return nil
	}
	for _, p := range prev {
		if p != d {
			return p
		}
	}
	return nil
}

func (a *analyzer) registerContract(u *solidity.SourceUnit, d *solidity.ContractDefinition, unitScope *scope) {
	c := &Contract{Def: d, Unit: u, NodeID: a.id(d), own: map[string][]solidity.Node{}, a: a}
	a.contracts[d] = c
	a.prog.Contracts = append(a.prog.Contracts, c)
	c.scope = newScope(unitScope)
	c.scope.contract = c
	for _, m := range d.Members {
		a.container[m] = c
		a.unitOf[m] = u
		switch m := m.(type) {
		case *solidity.StructDefinition:
			a.register(c.own, m)
			a.newStruct(m, c)
		case *solidity.EnumDefinition:
			a.register(c.own, m)
			a.enums[m] = &Enum{Def: m, Canonical: d.Name.Name + "." + m.Name.Name, NodeID: a.id(m)}
			a.registerEnumValues(m)
		case *solidity.UserDefinedValueTypeDefinition:
			a.register(c.own, m)
			a.udvts[m] = &UserType{Def: m, Canonical: d.Name.Name + "." + m.Name.Name, NodeID: a.id(m)}
		case *solidity.FunctionDefinition:
			if m.Name != nil && m.Kind == solidity.KindFunction {
				a.register(c.own, m)
			}
		case *solidity.ModifierDefinition, *solidity.EventDefinition, *solidity.ErrorDefinition:
			a.register(c.own, m)
		case *solidity.VariableDeclaration:
			if m.Name != nil {
				a.register(c.own, m)
			}
		}
	}
}

// performImports binds imported names (solc's NameAndTypeResolver::
// performImports). Units are processed imports-first, so `import "x";`
// sees everything x itself imported.
func (a *analyzer) performImports(u *solidity.SourceUnit) {
	sc := a.unitScope[u]
	for _, d := range u.Decls {
		imp, ok := d.(*solidity.ImportDirective)
		if !ok {
			continue
		}
		target := a.ast.Unit(imp.Resolved)
		if target == nil {
			continue
		}
		ts := a.unitScope[target]
		switch {
		case len(imp.Symbols) > 0:
			for _, s := range imp.Symbols {
				ds := ts.names[s.Symbol.Name]
				if len(ds) == 0 {
					a.errorf(source.DeclarationError, 2904, imp.Loc, "Declaration \"%s\" not found in \"%s\" (referenced as \"%s\").", s.Symbol.Name, imp.Resolved, imp.Path)
					continue
				}
				name := s.Symbol.Name
				if s.Alias != nil {
					name = s.Alias.Name
				}
				for _, x := range ds {
					a.importDecl(sc, name, x, imp)
				}
			}
		case imp.Alias != nil:
			a.importDecl(sc, imp.Alias.Name, &ModuleDecl{Alias: imp.Alias, Unit: target}, imp)
		default:
			names := make([]string, 0, len(ts.names))
			for n := range ts.names {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				for _, x := range ts.names[n] {
					a.importDecl(sc, n, x, imp)
				}
			}
		}
	}
}

func (a *analyzer) importDecl(sc *scope, name string, d solidity.Node, imp *solidity.ImportDirective) {
	prev := sc.names[name]
	for _, p := range prev {
		if p == d {
			return
		}
		if m1, ok := p.(*ModuleDecl); ok {
			if m2, ok := d.(*ModuleDecl); ok && m1.Unit == m2.Unit {
				return
			}
		}
	}
	if conflicting(prev, d) != nil {
		a.errorf(source.DeclarationError, 2333, imp.Loc, "Identifier already declared.")
		return
	}
	sc.names[name] = append(sc.names[name], d)
}

// reservedName is solc's 3726 for declarations called "_", "super" or
// "this" (public contract functions and events excepted).
func (a *analyzer) reservedName(d solidity.Node, name string, at source.Span) {
	if name != "_" && name != "super" && name != "this" {
		return
	}
	switch d := d.(type) {
	case *solidity.FunctionDefinition:
		if !d.Free && (d.Visibility == solidity.VisPublic || d.Visibility == solidity.VisExternal || d.Visibility == solidity.VisDefault) {
			return
		}
	case *solidity.EventDefinition:
		return
	}
	a.errorf(source.DeclarationError, 3726, at, "The name \"%s\" is reserved.", name)
}

// postTypeChecks are solc's checks after type checking, each run only
// when the previous ones found no error: the control flow analysis, then
// the state mutability checks.
func (a *analyzer) postTypeChecks() {
	a.constantCycles()
	a.eventsAndErrorsOutside()
	if a.errors > 0 {
		return
	}
	a.bytecodeCycles()
	if a.errors > 0 {
		return
	}
	a.controlFlowChecks()
	if a.errors > 0 {
		return
	}
	a.mutabilityChecks()
}
