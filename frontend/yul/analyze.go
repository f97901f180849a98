package yul

import (
	"strings"

	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

// Analysis follows solc 0.8.28's ScopeFiller and AsmAnalyzer (libyul):
//
//  1. Scope filling registers every variable and function in the scope of
//     its block (functions first: they are visible in their whole block)
//     and reports names that are already visible (1395, 6052). Yul has no
//     shadowing: a name may not be declared where it is already visible,
//     even across a function boundary. When filling fails, solc stops, and
//     so does Analyze.
//  2. The analyzer then walks the code in order: it resolves identifiers
//     (variables are not visible across a function boundary; a variable is
//     "active" only after its declaration), counts the values expressions
//     produce, checks arities, literal arguments, object names, reserved
//     and malformed identifiers, EVM version availability and switch cases.

// Analyze checks an object tree (the code of every object in it) for EVM
// version v, reporting solc's diagnostics to log. It reports whether the
// tree is free of errors.
func Analyze(obj *Object, v evmversion.Version, log *source.Log) bool {
	a := &analyzer{v: v, log: log}
	a.object(obj)
	return a.errors == 0
}

type analyzer struct {
	v          evmversion.Version
	log        *source.Log
	errors     int
	warned2394 bool

	dataNames map[string]bool // names datasize/dataoffset may use here

	scopes     map[*Block]*scope
	funcScopes map[*FuncDef]*scope
	cur        *scope
}

// scope is the names declared in one block, or a function's parameters and
// return variables (function set).
type scope struct {
	super    *scope
	function bool
	names    map[string]*entity
}

// entity is a declared variable or function.
type entity struct {
	isFunc       bool
	params, rets int
	active       bool // a variable whose declaration has been analyzed
}

func (a *analyzer) errorf(kind string, code int, span source.Span, format string, args ...any) {
	a.errors++
	a.log.Errorf(kind, code, span, format, args...)
}

func (a *analyzer) object(obj *Object) {
	if obj.IsData {
		return
	}
	if obj.Code != nil {
		a.dataNames = qualifiedDataNames(obj)
		a.code(obj.Code)
	}
	for _, s := range obj.Subs {
		a.object(s)
	}
}

// qualifiedDataNames lists the names datasize and dataoffset accept in the
// code of obj (solc's Object::qualifiedDataNames): the object itself, its
// sub-objects and data, and their sub-objects as "Sub.Name", recursively.
// Names containing a dot are not accessible.
func qualifiedDataNames(obj *Object) map[string]bool {
	names := make(map[string]bool)
	if obj.Name != "" && !strings.Contains(obj.Name, ".") {
		names[obj.Name] = true
	}
	for _, s := range obj.Subs {
		if strings.Contains(s.Name, ".") {
			continue
		}
		names[s.Name] = true
		if !s.IsData {
			for n := range qualifiedDataNames(s) {
				if n != s.Name {
					names[s.Name+"."+n] = true
				}
			}
		}
	}
	return names
}

// code analyzes one object's code block.
func (a *analyzer) code(b *Block) {
	a.scopes = make(map[*Block]*scope)
	a.funcScopes = make(map[*FuncDef]*scope)
	before := a.errors
	a.fillBlock(b, nil)
	if a.errors > before {
		return
	}
	a.cur = nil
	a.block(b)
}

// --- scope filling ---

func (s *scope) exists(name string) bool {
	for ; s != nil; s = s.super {
		if _, ok := s.names[name]; ok {
			return true
		}
	}
	return false
}

func (s *scope) add(name string, e *entity) {
	if s.names == nil {
		s.names = make(map[string]*entity)
	}
	s.names[name] = e
}

func (a *analyzer) fillBlock(b *Block, super *scope) *scope {
	s := &scope{super: super}
	a.scopes[b] = s
	for _, st := range b.Stmts {
		if d, ok := st.(*FuncDef); ok {
			if s.exists(d.Name) {
				a.errorf(source.DeclarationError, 6052, d.Loc, "Function name %s already taken in this scope.", d.Name)
				continue
			}
			s.add(d.Name, &entity{isFunc: true, params: len(d.Params), rets: len(d.Results)})
		}
	}
	for _, st := range b.Stmts {
		a.fillStmt(st, s)
	}
	return s
}

func (a *analyzer) fillVar(s *scope, n *Name, span source.Span) bool {
	if s.exists(n.Name) {
		a.errorf(source.DeclarationError, 1395, span, "Variable name %s already taken in this scope.", n.Name)
		return false
	}
	s.add(n.Name, &entity{})
	return true
}

func (a *analyzer) fillStmt(st Stmt, s *scope) {
	switch st := st.(type) {
	case *VarDecl:
		for _, n := range st.Names {
			if !a.fillVar(s, n, st.Loc) {
				break
			}
		}
	case *FuncDef:
		fs := &scope{super: s, function: true}
		a.funcScopes[st] = fs
		for _, n := range st.Params {
			a.fillVar(fs, n, st.Loc)
		}
		for _, n := range st.Results {
			a.fillVar(fs, n, st.Loc)
		}
		a.fillBlock(st.Body, fs)
	case *Block:
		a.fillBlock(st, s)
	case *If:
		a.fillBlock(st.Body, s)
	case *Switch:
		for _, c := range st.Cases {
			a.fillBlock(c.Body, s)
		}
	case *For:
		init := a.fillBlock(st.Init, s)
		a.fillBlock(st.Body, init)
		a.fillBlock(st.Post, init)
	}
}

// lookup finds name from the current scope outwards; a variable of an
// enclosing function is not visible.
func (a *analyzer) lookup(name string) *entity {
	crossed := false
	for s := a.cur; s != nil; s = s.super {
		if e, ok := s.names[name]; ok {
			if crossed && !e.isFunc {
				return nil
			}
			return e
		}
		if s.function {
			crossed = true
		}
	}
	return nil
}

// --- analysis ---

func (a *analyzer) block(b *Block) {
	outer := a.cur
	a.cur = a.scopes[b]
	for _, s := range b.Stmts {
		a.stmt(s)
	}
	a.cur = outer
}

func (a *analyzer) stmt(st Stmt) {
	switch st := st.(type) {
	case *Block:
		a.block(st)
	case *ExprStmt:
		before := a.errors
		n := a.expr(st.X)
		if a.errors == before && n > 0 {
			s := "s"
			if n == 1 {
				s = ""
			}
			a.errorf(source.TypeError, 3083, st.Loc, "Top-level expressions are not supposed to return values (this expression returns %d value%s). Use ``pop()`` or assign them.", n, s)
		}
	case *Assign:
		a.assign(st)
	case *VarDecl:
		a.varDecl(st)
	case *FuncDef:
		a.funcDef(st)
	case *If:
		a.expectExpression(st.Cond)
		a.block(st.Body)
	case *Switch:
		a.switchStmt(st)
	case *For:
		outer := a.cur
		a.block(st.Init)
		a.cur = a.scopes[st.Init]
		a.expectExpression(st.Cond)
		a.block(st.Body)
		a.block(st.Post)
		a.cur = outer
	case *Break, *Continue, *Leave:
		// Their placement is checked by the parser.
	}
}

func (a *analyzer) assign(st *Assign) {
	seen := make(map[string]bool, len(st.Targets))
	for _, t := range st.Targets {
		if seen[t.Name] {
			a.errorf(source.DeclarationError, 9005, st.Loc, "Variable %s occurs multiple times on the left-hand side of the assignment.", t.Name)
		}
		seen[t.Name] = true
	}
	n := a.expr(st.Value)
	if n != len(st.Targets) {
		a.errorf(source.DeclarationError, 8678, st.Loc, "Variable count for assignment to \"%s\" does not match number of values (%d vs. %d)", joinIdents(st.Targets), len(st.Targets), n)
	}
	for _, t := range st.Targets {
		e := a.lookup(t.Name)
		switch {
		case e == nil:
			a.errorf(source.DeclarationError, 4634, t.Loc, "Variable not found or variable not lvalue.")
		case e.isFunc:
			a.errorf(source.TypeError, 2657, t.Loc, "Assignment requires variable.")
		case !e.active:
			a.errorf(source.DeclarationError, 1133, t.Loc, "Variable %s used before it was declared.", t.Name)
		}
	}
}

func (a *analyzer) varDecl(st *VarDecl) {
	for _, n := range st.Names {
		a.validIdentifier(n.Name, n.Loc)
	}
	if st.Value != nil {
		n := a.expr(st.Value)
		if n != len(st.Names) {
			a.errorf(source.DeclarationError, 3812, st.Loc, "Variable count mismatch for declaration of \"%s\": %d variables and %d values.", joinNames(st.Names), len(st.Names), n)
		}
	}
	for _, n := range st.Names {
		if e := a.cur.names[n.Name]; e != nil {
			e.active = true
		}
	}
}

func (a *analyzer) funcDef(d *FuncDef) {
	a.validIdentifier(d.Name, d.Loc)
	fs := a.funcScopes[d]
	for _, list := range [][]*Name{d.Params, d.Results} {
		for _, n := range list {
			a.validIdentifier(n.Name, n.Loc)
			if e := fs.names[n.Name]; e != nil {
				e.active = true
			}
		}
	}
	outer := a.cur
	a.cur = fs
	a.block(d.Body)
	a.cur = outer
}

func (a *analyzer) switchStmt(st *Switch) {
	if len(st.Cases) == 1 && st.Cases[0].Value == nil {
		a.log.Warnf(9592, st.Loc, "\"switch\" statement with only a default case.")
	}
	a.expectExpression(st.X)
	seen := make(map[uint256.Int]bool, len(st.Cases))
	for _, c := range st.Cases {
		if c.Value != nil {
			before := a.errors
			a.literal(c.Value, false)
			if a.errors == before {
				w := c.Value.Word()
				if seen[w] {
					a.errorf(source.DeclarationError, 6792, c.Loc, "Duplicate case \"%s\" defined.", c.Value.Format())
				}
				seen[w] = true
			}
		}
		a.block(c.Body)
	}
}

// validIdentifier is solc's expectValidIdentifier.
func (a *analyzer) validIdentifier(name string, span source.Span) {
	if strings.HasSuffix(name, ".") {
		a.errorf(source.SyntaxError, 3384, span, "\"%s\" is not a valid identifier (ends with a dot).", name)
	}
	if strings.Contains(name, "..") {
		a.errorf(source.SyntaxError, 7771, span, "\"%s\" is not a valid identifier (contains consecutive dots).", name)
	}
	if reserved(name, a.v) {
		a.errorf(source.DeclarationError, 5017, span, "The identifier \"%s\" is reserved and can not be used.", name)
	}
}

// expectExpression checks that e yields exactly one value.
func (a *analyzer) expectExpression(e Expr) {
	if n := a.expr(e); n != 1 {
		a.errorf(source.TypeError, 3950, e.Span(), "Expected expression to evaluate to one value, but got %d values instead.", n)
	}
}

// expr analyzes an expression and returns the number of values it yields.
func (a *analyzer) expr(e Expr) int {
	switch e := e.(type) {
	case *Literal:
		a.literal(e, false)
		return 1
	case *Ident:
		ent := a.lookup(e.Name)
		switch {
		case ent == nil:
			a.errorf(source.DeclarationError, 8198, e.Loc, "Identifier \"%s\" not found.", e.Name)
		case ent.isFunc:
			a.errorf(source.TypeError, 6041, e.Loc, "Function %s used without being called.", e.Name)
		case !ent.active:
			a.errorf(source.DeclarationError, 4990, e.Loc, "Variable %s used before it was declared.", e.Name)
		}
		return 1
	case *Call:
		return a.call(e)
	}
	return 0
}

// literal checks a literal's value; string literals that are a builtin's
// literal argument have no length limit.
func (a *analyzer) literal(l *Literal, unlimited bool) {
	switch {
	case l.Kind == StringLit && !unlimited && len(l.Str) > 32:
		a.errorf(source.TypeError, 3069, l.Loc, "String literal too long (%d > 32)", len(l.Str))
	case l.Kind == NumberLit && l.TooLarge:
		a.errorf(source.TypeError, 6708, l.Loc, "Number literal too large (> 256 bits)")
	}
}

// call analyzes a function call (solc's AsmAnalyzer::operator()(FunctionCall)).
func (a *analyzer) call(c *Call) int {
	before := a.errors
	name := c.Fn.Name
	params, rets := -1, -1
	var b *ir.Builtin
	if b = builtin(name, a.v); b != nil {
		switch {
		case name == "selfdestruct":
			a.log.Warnf(1699, c.Fn.Loc, "\"selfdestruct\" has been deprecated. "+
				"Note that, starting from the Cancun hard fork, the underlying opcode no longer deletes the code and "+
				"data associated with an account and only transfers its Ether to the beneficiary, "+
				"unless executed in the same transaction in which the contract was created (see EIP-6780). "+
				"Any use in newly deployed contracts is strongly discouraged even if the new behavior is taken into account. "+
				"Future changes to the EVM might further reduce the functionality of the opcode.")
		case name == "tstore" && !a.warned2394:
			a.warned2394 = true
			a.log.Warnf(2394, c.Fn.Loc, "Transient storage as defined by EIP-1153 can break the composability of smart contracts: "+
				"Since transient storage is cleared only at the end of the transaction and not at the end of the outermost call frame to the contract within a transaction, "+
				"your contract may unintentionally misbehave when invoked multiple times in a complex transaction. "+
				"To avoid this, be sure to clear all transient storage at the end of any call to your contract. "+
				"The use of transient storage for reentrancy guards that are cleared at the end of the call is safe.")
		}
		params, rets = b.Args, b.Rets
		a.validateInstruction(name, c.Fn.Loc)
	} else if e := a.lookup(name); e != nil {
		if e.isFunc {
			params, rets = e.params, e.rets
		} else {
			a.errorf(source.TypeError, 4202, c.Fn.Loc, "Attempt to call variable instead of function.")
		}
	} else if !a.validateInstruction(name, c.Fn.Loc) {
		a.errorf(source.DeclarationError, 4619, c.Fn.Loc, "Function \"%s\" not found.", name)
	}
	if params >= 0 && len(c.Args) != params {
		a.errorf(source.TypeError, 7000, c.Fn.Loc, "Function \"%s\" expects %d arguments but got %d.", name, params, len(c.Args))
	}
	for i := len(c.Args) - 1; i >= 0; i-- {
		arg := c.Args[i]
		if b != nil && literalArg(b, i) {
			lit, ok := arg.(*Literal)
			want := StringLit
			if b.Name == "memoryguard" {
				want = NumberLit
			}
			switch {
			case !ok:
				a.errorf(source.TypeError, 9114, c.Fn.Loc, "Function expects direct literals as arguments.")
			case lit.Kind != want:
				a.errorf(source.TypeError, 5859, lit.Loc, "Function expects %s literal.", want)
			case want == StringLit:
				if (name == "datasize" || name == "dataoffset") && !a.dataNames[lit.Str] {
					a.errorf(source.TypeError, 3517, lit.Loc, "Unknown data object \"%s\".", lit.Str)
				}
				if b.IsVerbatim() && lit.Str == "" {
					a.errorf(source.TypeError, 1844, lit.Loc, "The \"verbatim_*\" builtins cannot be used with empty bytecode.")
				}
				continue
			}
		}
		a.expectExpression(arg)
	}
	if a.errors == before || rets >= 0 {
		if rets < 0 {
			return 0
		}
		return rets
	}
	return 0
}

// literalArg reports whether argument i of b must be a literal.
func literalArg(b *ir.Builtin, i int) bool {
	for _, j := range b.LiteralArgs {
		if j == i {
			return true
		}
	}
	return false
}

// validateInstruction reports a builtin of solc's default EVM version that
// the selected version lacks, and the disallowed pc (solc's
// AsmAnalyzer::validateInstructions). It reports whether it reported
// anything.
func (a *analyzer) validateInstruction(name string, span source.Span) bool {
	b := anyVersionBuiltin(name)
	if b == nil || !b.HasOpcode() {
		return false
	}
	var code int
	var since string
	switch name {
	case "returndatacopy":
		code, since = 7756, "Byzantium"
	case "returndatasize":
		code, since = 4778, "Byzantium"
	case "staticcall":
		code, since = 1503, "Byzantium"
	case "shl":
		code, since = 6612, "Constantinople"
	case "shr":
		code, since = 7458, "Constantinople"
	case "sar":
		code, since = 2054, "Constantinople"
	case "create2":
		code, since = 6166, "Constantinople"
	case "extcodehash":
		code, since = 7110, "Constantinople"
	case "chainid":
		code, since = 1561, "Istanbul"
	case "selfbalance":
		code, since = 7721, "Istanbul"
	case "basefee":
		code, since = 5430, "London"
	case "blobbasefee":
		code, since = 6679, "Cancun"
	case "blobhash":
		code, since = 8314, "Cancun"
	case "mcopy":
		code, since = 7755, "Cancun"
	case "tstore", "tload":
		code, since = 6243, "Cancun"
	case "pc":
		a.errorf(source.SyntaxError, 2450, span, "PC instruction is a low-level EVM feature. Because of that PC is disallowed in strict assembly.")
		return true
	default:
		return false
	}
	if b.AvailableIn(a.v) {
		return false
	}
	a.errorf(source.TypeError, code, span, "The \"%s\" instruction is only available for %s-compatible VMs (you are currently compiling for \"%s\").", name, since, a.v)
	return true
}

func joinNames(ns []*Name) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.Name
	}
	return strings.Join(parts, ", ")
}

func joinIdents(ids []*Ident) string {
	parts := make([]string, len(ids))
	for i, n := range ids {
		parts[i] = n.Name
	}
	return strings.Join(parts, ", ")
}
