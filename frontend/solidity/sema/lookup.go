package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// Contract returns the contract with solc's key "<unit>:<Name>", nil if
// there is none.
func (p *Program) Contract(key string) *Contract {
	for _, c := range p.Contracts {
		if c.Key() == key {
			return c
		}
	}
	return nil
}

// TypeOf is the type the analysis gave an expression, nil when it was not
// typed (not reached, or after an error).
func (p *Program) TypeOf(e solidity.Expr) Type { return p.a.exprTypes[e] }

// VarType is the type of a declared variable (with its data location).
func (p *Program) VarType(v *solidity.VariableDeclaration) Type { return p.a.varTypes[v] }

// DeclarationOf is the declaration a name refers to: an identifier, a
// member access, an identifier path or one of its parts. nil when the
// node refers to nothing the analysis resolved.
func (p *Program) DeclarationOf(n solidity.Node) solidity.Node { return p.a.refs[n] }

func contains(s source.Span, unit string, offset int) bool {
	return s.File != nil && s.File.Name == unit && s.Start <= offset && offset <= s.End
}

// DefinitionAt is go-to-definition: the declaration referred to by the
// name at byte offset in the source unit, and the span of that name.
// For x.m the name is m; for a.b.c in a type, the part under the offset.
func (p *Program) DefinitionAt(unit string, offset int) (decl solidity.Node, name source.Span, ok bool) {
	best := -1
	for n, d := range p.a.refs {
		var s source.Span
		switch n := n.(type) {
		case *solidity.MemberAccess:
			s = n.Member.Loc
		case *solidity.IdentifierPath:
			continue // its parts are recorded one by one
		default:
			s = n.Span()
		}
		if !contains(s, unit, offset) {
			continue
		}
		if w := s.End - s.Start; best < 0 || w < best {
			best, decl, name = w, d, s
		}
	}
	return decl, name, best >= 0
}

// TypeAt is hover: the innermost typed expression containing byte offset
// in the source unit, and its type.
func (p *Program) TypeAt(unit string, offset int) (solidity.Expr, Type, bool) {
	var found solidity.Expr
	var typ Type
	best := -1
	for n, t := range p.a.exprTypes {
		e, ok := n.(solidity.Expr)
		if !ok || !contains(e.Span(), unit, offset) {
			continue
		}
		if _, null := t.(*NullType); null {
			continue
		}
		s := e.Span()
		if w := s.End - s.Start; best < 0 || w < best {
			best, found, typ = w, e, t
		}
	}
	return found, typ, best >= 0
}
