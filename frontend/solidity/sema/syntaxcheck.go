package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's SyntaxChecker: checks on the shape of the AST that
// need no names or types. Its errors do not stop the analysis.

// syntaxChecker is the state of one walk over a source unit.
type syntaxChecker struct {
	a           *analyzer
	contract    *solidity.ContractDefinition
	loopDepth   int
	unchecked   bool
	placeholder bool
}

// syntaxChecks runs the SyntaxChecker over every source unit; false
// means an error was reported.
func (a *analyzer) syntaxChecks() bool {
	before := a.errors
	for _, u := range a.order {
		s := &syntaxChecker{a: a}
		for _, d := range u.Decls {
			s.decl(d)
		}
	}
	return a.errors == before
}

func (s *syntaxChecker) errorf(code int, span source.Span, format string, args ...any) {
	s.a.errorf(source.SyntaxError, code, span, format, args...)
}

func (s *syntaxChecker) decl(d solidity.Decl) {
	switch d := d.(type) {
	case *solidity.ContractDefinition:
		s.contract = d
		for _, m := range d.Members {
			if fd, ok := m.(*solidity.FunctionDefinition); ok && fd.Kind == solidity.KindFunction && fd.Name != nil && fd.Name.Name == d.Name.Name {
				s.errorf(5796, fd.Loc, "Functions are not allowed to have the same name as the contract. If you intend this to be a constructor, use \"constructor(...) { ... }\" to define it.")
			}
		}
		for _, m := range d.Members {
			s.decl(m)
		}
		s.contract = nil
	case *solidity.UsingForDirective:
		s.a.usingSyntax(d, s.contract)
	case *solidity.StructDefinition:
		if len(d.Members) == 0 {
			s.errorf(5306, d.Loc, "Defining empty structs is disallowed.")
		}
		for _, m := range d.Members {
			s.typeName(m.Type)
		}
	case *solidity.VariableDeclaration:
		s.typeName(d.Type)
	case *solidity.EventDefinition:
		s.params(d.Params)
	case *solidity.ErrorDefinition:
		if d.Name != nil && (d.Name.Name == "Error" || d.Name.Name == "Panic") {
			s.errorf(1855, d.Loc, "The built-in errors \"Error\" and \"Panic\" cannot be re-defined.")
		}
		s.params(d.Params)
	case *solidity.ModifierDefinition:
		s.params(d.Params)
		s.placeholder = false
		if d.Body != nil {
			s.stmt(d.Body)
			if !s.placeholder {
				s.errorf(2883, d.Body.Loc, "Modifier body does not contain '_'.")
			}
		}
		s.placeholder = false
	case *solidity.FunctionDefinition:
		s.function(d)
	}
}

func (s *syntaxChecker) function(fd *solidity.FunctionDefinition) {
	if !fd.Free && fd.Kind != solidity.KindConstructor && fd.Visibility == solidity.VisDefault {
		suggested := "public"
		if fd.Kind == solidity.KindFallback || fd.Kind == solidity.KindReceive || s.contract != nil && s.contract.Kind == solidity.KindInterface {
			suggested = "external"
		}
		s.errorf(4937, fd.Loc, "No visibility specified. Did you intend to add \"%s\"?", suggested)
	}
	if fd.Free {
		if fd.Visibility != solidity.VisDefault {
			s.errorf(4126, fd.Loc, "Free functions cannot have visibility.")
		}
		if fd.Virtual {
			s.errorf(4493, fd.Loc, "Free functions cannot be virtual.")
		}
		if fd.Overrides != nil {
			s.errorf(1750, fd.Loc, "Free functions cannot override.")
		}
		if len(fd.Modifiers) > 0 {
			s.errorf(5811, fd.Loc, "Free functions cannot have modifiers.")
		}
	}
	if s.contract != nil && s.contract.Kind == solidity.KindInterface && len(fd.Modifiers) > 0 {
		s.errorf(5842, fd.Loc, "Functions in interfaces cannot have modifiers.")
	} else if fd.Body == nil && len(fd.Modifiers) > 0 {
		s.errorf(2668, fd.Loc, "Functions without implementation cannot have modifiers.")
	}
	s.params(fd.Params)
	s.params(fd.Returns)
	if fd.Body != nil {
		s.stmt(fd.Body)
	}
}

func (s *syntaxChecker) params(pl *solidity.ParameterList) {
	if pl == nil {
		return
	}
	for _, p := range pl.Params {
		s.typeName(p.Type)
	}
}

// typeName finds the function types in t (7304).
func (s *syntaxChecker) typeName(t solidity.TypeName) {
	switch t := t.(type) {
	case *solidity.FunctionTypeName:
		s.params(t.Params)
		if t.Returns != nil {
			for _, r := range t.Returns.Params {
				if r.Name != nil && r.Name.Name != "" {
					s.errorf(7304, r.Loc, "Return parameters in function types may not be named.")
				}
			}
		}
		s.params(t.Returns)
	case *solidity.ArrayTypeName:
		s.typeName(t.Base)
	case *solidity.MappingType:
		s.typeName(t.Key)
		s.typeName(t.Value)
	}
}

// singleStatement is checkSingleStatementVariableDeclaration.
func (s *syntaxChecker) singleStatement(st solidity.Stmt) {
	if v, ok := st.(*solidity.VariableDeclarationStatement); ok {
		s.errorf(9079, v.Loc, "Variable declarations can only be used inside blocks.")
	}
}

func (s *syntaxChecker) stmt(st solidity.Stmt) {
	switch st := st.(type) {
	case *solidity.Block:
		if st == nil {
			return
		}
		was := s.unchecked
		if st.Unchecked {
			if s.unchecked {
				s.errorf(1941, st.Loc, "\"unchecked\" blocks cannot be nested.")
			}
			s.unchecked = true
		}
		for _, x := range st.Stmts {
			s.stmt(x)
		}
		s.unchecked = was
	case *solidity.PlaceholderStatement:
		if s.unchecked {
			s.errorf(2573, st.Loc, "The placeholder statement \"_\" cannot be used inside an \"unchecked\" block.")
		}
		s.placeholder = true
	case *solidity.IfStatement:
		s.singleStatement(st.Then)
		s.stmt(st.Then)
		if st.Else != nil {
			s.singleStatement(st.Else)
			s.stmt(st.Else)
		}
	case *solidity.WhileStatement:
		s.loopDepth++
		s.singleStatement(st.Body)
		s.stmt(st.Body)
		s.loopDepth--
	case *solidity.ForStatement:
		s.loopDepth++
		if st.Init != nil {
			s.stmt(st.Init)
		}
		s.singleStatement(st.Body)
		s.stmt(st.Body)
		s.loopDepth--
	case *solidity.ContinueStatement:
		if s.loopDepth <= 0 {
			s.errorf(4123, st.Loc, "\"continue\" has to be in a \"for\" or \"while\" loop.")
		}
	case *solidity.BreakStatement:
		if s.loopDepth <= 0 {
			s.errorf(6102, st.Loc, "\"break\" has to be in a \"for\" or \"while\" loop.")
		}
	case *solidity.ThrowStatement:
		s.errorf(4538, st.Loc, "\"throw\" is deprecated in favour of \"revert()\", \"require()\" and \"assert()\".")
	case *solidity.TryStatement:
		for _, c := range st.Clauses {
			s.params(c.Params)
			if c.Body != nil {
				s.stmt(c.Body)
			}
		}
	case *solidity.VariableDeclarationStatement:
		for _, v := range st.Vars {
			if v != nil {
				s.typeName(v.Type)
			}
		}
	case *solidity.InlineAssembly:
		safe := false
		for _, f := range st.Flags {
			if f == "memory-safe" {
				if safe {
					s.errorf(7026, st.Loc, "Inline assembly marked memory-safe multiple times.")
				}
				safe = true
			}
		}
	}
}
