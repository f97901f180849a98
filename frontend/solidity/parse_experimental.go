package solidity

// Experimental Solidity (`pragma experimental solidity;`, solc 0.8.21+):
// after the top-level pragmas the rest of the file is scanned with fewer
// keywords and parsed with postfix types (`x: T`), `->` return types,
// `let` statements, type definitions, type classes, instantiations and
// `forall` quantifiers (solc's Parser.cpp, the
// m_experimentalSolidityEnabledInCurrentSourceUnit branches).

// postfixVariableDeclaration parses `name[: type]` (experimental Solidity).
func (p *parser) postfixVariableDeclaration() *VariableDeclaration {
	p.enter()
	defer p.leave()
	start := p.tok.start
	v := &VariableDeclaration{Doc: p.docAt(p.tok)}
	end := p.tok.end
	v.Name = p.expectIdent()
	if p.tok.kind == Colon {
		p.advance()
		v.TypeExpr = p.binary(4, nil)
		end = int32(v.TypeExpr.Span().End)
	}
	v.Loc = p.span(start, end)
	return v
}

// typeDefinition parses `type T[(args)] [= value | = __builtin("name")];`.
func (p *parser) typeDefinition() *TypeDefinition {
	start := p.tok.start
	p.expect(Type)
	d := &TypeDefinition{Name: p.expectIdent()}
	if p.tok.kind == LParen {
		d.Args = p.parameterList(varOptions{}, true)
	}
	if p.tok.kind == Assign {
		p.advance()
		if p.tok.kind != Builtin {
			d.Value = p.expression(nil)
		} else {
			p.advance()
			p.expect(LParen)
			d.Value = &BuiltinExpr{Name: p.literal(p.tok), Loc: p.tokSpan()}
			p.expect(StringLiteral)
			p.expect(RParen)
		}
	}
	d.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return d
}

// typeClassDefinition parses `class T: Name { function …; … }`.
func (p *parser) typeClassDefinition() *TypeClassDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	c := &TypeClassDefinition{Doc: p.docAt(p.tok)}
	p.expect(Class)
	tv := p.tokSpan()
	c.TypeVar = &VariableDeclaration{Name: p.expectIdent(), Loc: tv}
	p.expect(Colon)
	c.Name = p.expectIdent()
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		p.check(Function)
		c.Members = append(c.Members, p.functionDefinition(false, false))
	}
	c.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return c
}

func (p *parser) typeClassName() *TypeClassName {
	p.enter()
	defer p.leave()
	if p.tok.kind.isBuiltinTypeClassName() {
		n := &TypeClassName{Builtin: p.tok.kind, Loc: p.tokSpan()}
		p.advance()
		return n
	}
	path := p.identifierPath()
	return &TypeClassName{Path: path, Loc: path.Loc}
}

// typeClassInstantiation parses `instantiation T[(sorts)]: Class { … }`.
func (p *parser) typeClassInstantiation() *TypeClassInstantiation {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Instantiation)
	in := &TypeClassInstantiation{Type: p.typeName()}
	if p.tok.kind == LParen {
		in.ArgSorts = p.parameterList(varOptions{}, true)
	}
	p.expect(Colon)
	in.Class = p.typeClassName()
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		p.check(Function)
		in.Members = append(in.Members, p.functionDefinition(false, true))
	}
	in.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return in
}

// quantifiedFunction parses `forall (A, B) function …`.
func (p *parser) quantifiedFunction() *ForAllQuantifier {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(ForAll)
	q := &ForAllQuantifier{TypeVars: p.parameterList(varOptions{}, true)}
	end := p.tok.end // solc's node ends after the next token
	if p.tok.kind != Function {
		p.fatal(5709, "Expected a function definition.")
	}
	q.Fn = p.functionDefinition(true, true)
	q.Loc = p.span(start, end)
	return q
}

// letStatement parses `let x[: T] [= value]` (experimental Solidity).
func (p *parser) letStatement(doc *Doc) *VariableDeclarationStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Let)
	v := p.postfixVariableDeclaration()
	s := &VariableDeclarationStatement{Doc: doc, Vars: []*VariableDeclaration{v}}
	end := int32(v.Loc.End)
	if p.tok.kind == Assign {
		p.advance()
		s.Value = p.expression(nil)
		end = int32(s.Value.Span().End)
	}
	s.Loc = p.span(start, end)
	return s
}
