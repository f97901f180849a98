package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// A declaration is an AST definition (contract, struct, enum, value type,
// function, modifier, variable, event, error), an import alias
// (*ModuleDecl), or a built-in (*Builtin).

// ModuleDecl is `import "u" as M;` or `import * as M from "u";`.
type ModuleDecl struct {
	Alias *solidity.Ident
	Unit  *solidity.SourceUnit
}

// Span is where the alias is declared.
func (m *ModuleDecl) Span() source.Span { return m.Alias.Loc }

// Builtin is a global name: msg, block, keccak256, require, this, super…
type Builtin struct {
	Name string
	Type Type
}

// Span is the empty span: built-ins are declared nowhere.
func (b *Builtin) Span() source.Span { return source.Span{} }

// scope maps names to declarations. A contract's scope sees its own
// members first, then the visible members of its bases (see lookup).
type scope struct {
	parent   *scope
	names    map[string][]solidity.Node
	contract *Contract // set on a contract's scope
	unit     *solidity.SourceUnit
	// invisible holds names declared later in a block (solc's
	// "visible only after declaration" rule for locals).
	fn *solidity.FunctionDefinition
}

func newScope(parent *scope) *scope {
	return &scope{parent: parent, names: map[string][]solidity.Node{}}
}

func (s *scope) add(name string, d solidity.Node) {
	s.names[name] = append(s.names[name], d)
}

// lookup finds name from s outwards. In a contract scope, inherited
// members come after the contract's own ones; private members of bases
// are not inherited.
func (s *scope) lookup(name string) []solidity.Node {
	for sc := s; sc != nil; sc = sc.parent {
		if ds := sc.local(name); len(ds) > 0 {
			return ds
		}
	}
	return nil
}

// local looks name up in s alone (with inheritance for contracts).
func (s *scope) local(name string) []solidity.Node {
	if s.contract == nil {
		return s.names[name]
	}
	return s.contract.members(name)
}

// members returns the declarations called name visible in c: its own,
// then those inherited from its bases in linearization order. A function
// overridden in a more derived contract is left out.
func (c *Contract) members(name string) []solidity.Node {
	if ds, ok := c.memberCache[name]; ok {
		return ds
	}
	var out []solidity.Node
	seenSig := map[string]bool{}
	for i, b := range c.linearOrSelf() {
		for _, d := range b.own[name] {
			if i > 0 && isPrivate(d) {
				continue
			}
			if fd, ok := d.(*solidity.FunctionDefinition); ok && c.a != nil {
				sig := c.a.paramSignature(fd)
				if seenSig[sig] {
					continue
				}
				seenSig[sig] = true
			}
			if i > 0 {
				// A non-function member shadows the bases' (overriding
				// state variables / modifiers).
				if !isOverloadable(d) && len(out) > 0 && !isOverloadable(out[0]) {
					continue
				}
			}
			out = append(out, d)
		}
	}
	if c.memberCache == nil {
		c.memberCache = map[string][]solidity.Node{}
	}
	if c.linearDone {
		c.memberCache[name] = out
	}
	return out
}

func (c *Contract) linearOrSelf() []*Contract {
	if len(c.Linear) > 0 {
		return c.Linear
	}
	return []*Contract{c}
}

func isPrivate(d solidity.Node) bool {
	switch d := d.(type) {
	case *solidity.FunctionDefinition:
		return d.Visibility == solidity.VisPrivate
	case *solidity.VariableDeclaration:
		return d.Visibility == solidity.VisPrivate
	}
	return false
}

// declIdent is the identifier that names a declaration (nil when it has
// none: unnamed functions and variables, builtins).
func declIdent(d solidity.Node) *solidity.Ident {
	switch d := d.(type) {
	case *solidity.ContractDefinition:
		return d.Name
	case *solidity.StructDefinition:
		return d.Name
	case *solidity.EnumDefinition:
		return d.Name
	case *solidity.EnumValue:
		return d.Name
	case *solidity.UserDefinedValueTypeDefinition:
		return d.Name
	case *solidity.FunctionDefinition:
		return d.Name
	case *solidity.ModifierDefinition:
		return d.Name
	case *solidity.VariableDeclaration:
		return d.Name
	case *solidity.EventDefinition:
		return d.Name
	case *solidity.ErrorDefinition:
		return d.Name
	case *ModuleDecl:
		return d.Alias
	}
	return nil
}

// declName is the name a declaration is known by.
func declName(d solidity.Node) string {
	if b, ok := d.(*Builtin); ok {
		return b.Name
	}
	if id := declIdent(d); id != nil {
		return id.Name
	}
	return ""
}

// declNameLoc is the span of a declaration's name (where solc points for
// redeclarations), or the declaration's span when it has no name.
func declNameLoc(d solidity.Node) source.Span {
	if id := declIdent(d); id != nil {
		return id.Loc
	}
	return d.Span()
}

// isOverloadable reports functions and events, which share a name
// across overloads.
func isOverloadable(d solidity.Node) bool {
	switch d.(type) {
	case *solidity.FunctionDefinition, *solidity.EventDefinition:
		return true
	}
	return false
}
