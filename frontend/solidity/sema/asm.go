package sema

import (
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/yul"
	"github.com/soll-dev/soll/ir"
)

// asmRef is what an identifier of an inline assembly block refers to
// outside the block (solc's ExternalIdentifierInfo).
type asmRef struct {
	decl   solidity.Node
	suffix string
}

// resolveAssembly is solc's ReferencesResolver on an inline assembly
// block: names declared in the block are checked (3927, 4113, 3859), and
// identifiers are bound to Solidity declarations of sc (4718, 9467, 6578).
func (a *analyzer) resolveAssembly(s *solidity.InlineAssembly, sc *scope) {
	if s.Body == nil {
		return
	}
	if a.asmRefs == nil {
		a.asmRefs = map[*yul.Ident]asmRef{}
	}
	r := &asmResolver{a: a, sc: sc}
	r.block(s.Body)
}

type asmResolver struct {
	a          *analyzer
	sc         *scope
	inFunction bool
}

func (r *asmResolver) validName(name string, n yul.Node) {
	if strings.Contains(name, ".") {
		r.a.errorf("DeclarationError", 3927, n.Span(), "User-defined identifiers in inline assembly cannot contain '.'.")
	}
	switch name {
	case "this", "super", "_":
		r.a.errorf("DeclarationError", 4113, n.Span(), "The identifier name \"%s\" is reserved.", name)
	}
}

func (r *asmResolver) block(b *yul.Block) {
	if b == nil {
		return
	}
	for _, st := range b.Stmts {
		r.stmt(st)
	}
}

func (r *asmResolver) stmt(st yul.Stmt) {
	switch st := st.(type) {
	case *yul.Block:
		r.block(st)
	case *yul.VarDecl:
		for _, n := range st.Names {
			r.validName(n.Name, n)
			if len(r.sc.lookup(n.Name)) > 0 {
				r.a.errorf("DeclarationError", 3859, n.Loc, "This declaration shadows a declaration outside the inline assembly block.")
			}
		}
		r.expr(st.Value)
	case *yul.Assign:
		for _, t := range st.Targets {
			r.ident(t)
		}
		r.expr(st.Value)
	case *yul.ExprStmt:
		r.expr(st.X)
	case *yul.If:
		r.expr(st.Cond)
		r.block(st.Body)
	case *yul.Switch:
		r.expr(st.X)
		for _, c := range st.Cases {
			r.block(c.Body)
		}
	case *yul.For:
		r.block(st.Init)
		r.expr(st.Cond)
		r.block(st.Post)
		r.block(st.Body)
	case *yul.FuncDef:
		r.validName(st.Name, st)
		for _, n := range st.Params {
			r.validName(n.Name, n)
		}
		for _, n := range st.Results {
			r.validName(n.Name, n)
		}
		outer := r.inFunction
		r.inFunction = true
		r.block(st.Body)
		r.inFunction = outer
	}
}

func (r *asmResolver) expr(e yul.Expr) {
	switch e := e.(type) {
	case *yul.Ident:
		r.ident(e)
	case *yul.Call:
		for _, x := range e.Args {
			r.expr(x)
		}
	}
}

func (r *asmResolver) ident(id *yul.Ident) {
	name := id.Name
	suffix := ""
	for _, s := range []string{"slot", "offset", "length", "address", "selector"} {
		if strings.HasSuffix(name, "."+s) {
			suffix = s
		}
	}
	ds := r.sc.lookup(name)
	if suffix != "" {
		if len(ds) > 0 {
			return
		}
		ds = r.sc.lookup(name[:len(name)-len(suffix)-1])
	}
	switch {
	case len(ds) > 1:
		r.a.errorf("DeclarationError", 4718, id.Loc, "Multiple matching identifiers. Resolving overloaded identifiers is not supported.")
		return
	case len(ds) == 0:
		if strings.HasSuffix(name, "_slot") || strings.HasSuffix(name, "_offset") {
			r.a.errorf("DeclarationError", 9467, id.Loc, "Identifier not found. Use \".slot\" and \".offset\" to access storage or transient storage variables.")
		}
		return
	}
	if v, ok := ds[0].(*solidity.VariableDeclaration); ok && r.inFunction && !r.a.isTopLevelVar(v) {
		r.a.errorf("DeclarationError", 6578, id.Loc, "Cannot access local Solidity variables from inside an inline assembly function.")
		return
	}
	r.a.asmRefs[id] = asmRef{decl: ds[0], suffix: suffix}
}

// isTopLevelVar reports state variables and file-level constants.
func (a *analyzer) isTopLevelVar(v *solidity.VariableDeclaration) bool {
	if a.topVars == nil {
		a.topVars = map[*solidity.VariableDeclaration]bool{}
		for _, u := range a.ast.Units {
			for _, d := range u.Decls {
				switch d := d.(type) {
				case *solidity.VariableDeclaration:
					a.topVars[d] = true
				case *solidity.ContractDefinition:
					for _, m := range d.Members {
						if mv, ok := m.(*solidity.VariableDeclaration); ok {
							a.topVars[mv] = true
						}
					}
				}
			}
		}
	}
	return a.topVars[v]
}

// asmScope is a Yul block scope of the type checking walk.
type asmScope struct {
	parent   *asmScope
	vars     map[string]bool
	funcs    map[string]bool
	boundary bool // a function body: outer variables are invisible
}

func (s *asmScope) hasVar(name string) bool {
	for ; s != nil; s = s.parent {
		if s.vars[name] {
			return true
		}
		if s.boundary {
			return false
		}
	}
	return false
}

func (s *asmScope) hasFunc(name string) bool {
	for ; s != nil; s = s.parent {
		if s.funcs[name] {
			return true
		}
	}
	return false
}

// checkAssembly is the part of solc's AsmAnalyzer and of the TypeChecker's
// identifier access callback that soll implements: unknown functions
// (4619) and the rules for Solidity variables used in the block.
func (a *analyzer) checkAssembly(s *solidity.InlineAssembly) {
	if s.Body == nil {
		return
	}
	a.asmBlock(s.Body, nil, false)
}

func (a *analyzer) asmBlock(b *yul.Block, parent *asmScope, boundary bool) *asmScope {
	if b == nil {
		return parent
	}
	sc := &asmScope{parent: parent, vars: map[string]bool{}, funcs: map[string]bool{}, boundary: boundary}
	for _, st := range b.Stmts {
		if f, ok := st.(*yul.FuncDef); ok {
			sc.funcs[f.Name] = true
		}
	}
	for _, st := range b.Stmts {
		a.asmStmt(st, sc)
	}
	return sc
}

func (a *analyzer) asmStmt(st yul.Stmt, sc *asmScope) {
	switch st := st.(type) {
	case *yul.Block:
		a.asmBlock(st, sc, false)
	case *yul.VarDecl:
		a.asmExpr(st.Value, sc)
		for _, n := range st.Names {
			sc.vars[n.Name] = true
		}
	case *yul.Assign:
		a.asmExpr(st.Value, sc)
		for _, t := range st.Targets {
			a.asmIdent(t, sc, true)
		}
	case *yul.ExprStmt:
		a.asmExpr(st.X, sc)
	case *yul.If:
		a.asmExpr(st.Cond, sc)
		a.asmBlock(st.Body, sc, false)
	case *yul.Switch:
		a.asmExpr(st.X, sc)
		for _, c := range st.Cases {
			a.asmBlock(c.Body, sc, false)
		}
	case *yul.For:
		init := a.asmBlock(st.Init, sc, false)
		a.asmExpr(st.Cond, init)
		a.asmBlock(st.Body, init, false)
		a.asmBlock(st.Post, init, false)
	case *yul.FuncDef:
		fs := &asmScope{parent: sc, vars: map[string]bool{}, funcs: map[string]bool{}, boundary: true}
		for _, n := range st.Params {
			fs.vars[n.Name] = true
		}
		for _, n := range st.Results {
			fs.vars[n.Name] = true
		}
		a.asmBlock(st.Body, fs, false)
	}
}

func (a *analyzer) asmExpr(e yul.Expr, sc *asmScope) {
	switch e := e.(type) {
	case *yul.Ident:
		a.asmIdent(e, sc, false)
	case *yul.Call:
		for _, x := range e.Args {
			a.asmExpr(x, sc)
		}
		if e.Fn == nil || sc.hasFunc(e.Fn.Name) {
			return
		}
		name := e.Fn.Name
		b, ok := ir.LookupBuiltin(name)
		ok = ok && b.HasOpcode()
		switch {
		case name == "pc":
			a.errorf("SyntaxError", 2450, e.Fn.Loc, "PC instruction is a low-level EVM feature. Because of that PC is disallowed in strict assembly.")
		case ok && (b.AvailableIn(a.evm) || name == "revert"):
		case sc.hasVar(name):
			a.errorf("TypeError", 4202, e.Fn.Loc, "Attempt to call variable instead of function.")
		case ok && asmVersionGated[name].code != 0:
			g := asmVersionGated[name]
			a.errorf("TypeError", g.code, e.Fn.Loc, "The \"%s\" instruction is only available for %s-compatible VMs (you are currently compiling for \"%s\").", name, g.since, a.evm)
		default:
			a.errorf("DeclarationError", 4619, e.Fn.Loc, "Function \"%s\" not found.", name)
		}
	}
}

func (a *analyzer) asmIdent(id *yul.Ident, sc *asmScope, lvalue bool) {
	if sc.hasVar(id.Name) {
		return
	}
	ref, ok := a.asmRefs[id]
	if !ok {
		return
	}
	v, isVar := ref.decl.(*solidity.VariableDeclaration)
	if !isVar {
		switch {
		case ref.suffix != "":
			a.errorf("TypeError", 7944, id.Loc, "The suffixes \".offset\", \".slot\" and \".length\" can only be used with variables.")
		case lvalue:
			if _, magic := ref.decl.(*Builtin); !magic {
				a.errorf("TypeError", 1990, id.Loc, "Only local variables can be assigned to in inline assembly.")
			}
		default:
			if _, fn := ref.decl.(*solidity.FunctionDefinition); fn {
				a.errorf("DeclarationError", 2025, id.Loc, "Access to functions is not allowed in inline assembly.")
			}
		}
		return
	}
	t := a.varTypes[v]
	if t == nil {
		return
	}
	state := a.isTopLevelVar(v) && a.container[v] != nil
	switch {
	case v.Mutability == solidity.VarImmutable:
		a.errorf("TypeError", 3773, id.Loc, "Assembly access to immutable variables is not supported.")
		return
	case v.Mutability == solidity.VarConstant:
		if lvalue {
			a.errorf("TypeError", 6252, id.Loc, "Constant variables cannot be assigned to.")
		} else if ref.suffix != "" {
			a.errorf("TypeError", 6617, id.Loc, "The suffixes .offset, .slot and .length can only be used with non-constant storage variables.")
		}
		return
	}
	loc := location(t)
	if ref.suffix != "" {
		at, _ := t.(*ArrayType)
		ft, _ := t.(*FunctionType)
		switch {
		case state || loc == LocStorage || loc == LocTransient:
			if ref.suffix != "slot" && ref.suffix != "offset" {
				a.errorf("TypeError", 4656, id.Loc, "State variables only support \".slot\" and \".offset\".")
			} else if lvalue && state {
				a.errorf("TypeError", 4713, id.Loc, "State variables cannot be assigned to - you have to use \"sstore()\".")
			} else if lvalue && ref.suffix != "slot" {
				a.errorf("TypeError", 9739, id.Loc, "Only .slot can be assigned to.")
			}
		case at != nil && at.Len == nil && at.Loc == LocCallData:
			if ref.suffix != "offset" && ref.suffix != "length" {
				a.errorf("TypeError", 1536, id.Loc, "Calldata variables only support \".offset\" and \".length\".")
			}
		case ft != nil && ft.Kind == FuncExternal:
			if ref.suffix != "selector" && ref.suffix != "address" {
				a.errorf("TypeError", 9272, id.Loc, "Variables of type function pointer only support \".selector\" and \".address\".")
			}
		default:
			a.errorf("TypeError", 3622, id.Loc, "The suffix \".%s\" is not supported by this variable or type.", ref.suffix)
		}
		return
	}
	switch {
	case state:
		a.errorf("TypeError", 1408, id.Loc, "Only local variables are supported. To access state variables, use the \".slot\" and \".offset\" suffixes.")
	case loc == LocStorage || loc == LocTransient:
		a.errorf("TypeError", 9068, id.Loc, "You have to use the \".slot\" or \".offset\" suffix to access storage reference variables.")
	default:
		if at, ok := t.(*ArrayType); ok && at.Len == nil && at.Loc == LocCallData {
			a.errorf("TypeError", 1397, id.Loc, "Call data elements cannot be accessed directly. Use \".offset\" and \".length\" to access the calldata offset and length of this array and then use \"calldatacopy\".")
		} else if ft, ok := t.(*FunctionType); ok && ft.Kind == FuncExternal {
			a.errorf("TypeError", 9857, id.Loc, "Only types that use one stack slot are supported.")
		}
	}
}

// asmVersionGated are solc's errors for instructions newer than the
// selected EVM version (AsmAnalyzer::validateInstructions).
var asmVersionGated = map[string]struct {
	code  int
	since string
}{
	"returndatacopy": {7756, "Byzantium"}, "returndatasize": {4778, "Byzantium"}, "staticcall": {1503, "Byzantium"},
	"shl": {6612, "Constantinople"}, "shr": {7458, "Constantinople"}, "sar": {2054, "Constantinople"},
	"create2": {6166, "Constantinople"}, "extcodehash": {7110, "Constantinople"},
	"chainid": {1561, "Istanbul"}, "selfbalance": {7721, "Istanbul"}, "basefee": {5430, "London"},
	"blobbasefee": {6679, "Cancun"}, "blobhash": {8314, "Cancun"}, "mcopy": {7755, "Cancun"},
	"tstore": {6243, "Cancun"}, "tload": {6243, "Cancun"},
}
