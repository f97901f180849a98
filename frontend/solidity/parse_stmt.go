package solidity

import (
	"github.com/soll-dev/soll/frontend/yul"
)

func (p *parser) syncStatement(start int32) { p.skipTo(start, nil) }

// block parses `{ … }` or `unchecked { … }`.
func (p *parser) block(allowUnchecked bool, doc *Doc) *Block {
	p.enter()
	defer p.leave()
	start := p.tok.start
	b := &Block{Doc: doc}
	if p.tok.kind == Unchecked {
		b.Unchecked = true
		if !allowUnchecked {
			p.parserError(5296, "\"unchecked\" blocks can only be used inside regular blocks.")
		}
		p.advance()
	}
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		ok := p.guarded(atStatement, parseBlockStatement, b)
		if !ok && p.tok.kind == EOS {
			b.Loc = p.span(start, p.tok.end)
			return b
		}
	}
	b.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return b
}

func parseBlockStatement(p *parser, x any) {
	b := x.(*Block)
	if s := p.statement(true); s != nil {
		b.Stmts = append(b.Stmts, s)
	}
}

// statement parses one statement (solc's parseStatement).
func (p *parser) statement(allowUnchecked bool) Stmt {
	p.enter()
	defer p.leave()
	doc := p.docAt(p.tok)
	var s Stmt
	switch p.tok.kind {
	case If:
		return p.ifStatement(doc)
	case While:
		return p.whileStatement(doc)
	case Do:
		return p.doWhileStatement(doc)
	case For:
		return p.forStatement(doc)
	case Unchecked, LBrace:
		return p.block(allowUnchecked, doc)
	case Continue:
		s = &ContinueStatement{Doc: doc, Loc: p.tokSpan()}
		p.advance()
	case Break:
		s = &BreakStatement{Doc: doc, Loc: p.tokSpan()}
		p.advance()
	case Return:
		start := p.tok.start
		r := &ReturnStatement{Doc: doc}
		p.advance()
		if p.tok.kind != Semicolon {
			r.Value = p.expression(nil)
			r.Loc = p.span(start, int32(r.Value.Span().End))
		} else {
			r.Loc = p.span(start, p.tok.end)
		}
		s = r
	case Throw:
		s = &ThrowStatement{Doc: doc, Loc: p.tokSpan()}
		p.advance()
	case Try:
		return p.tryStatement(doc)
	case Assembly:
		return p.inlineAssembly(doc)
	case Emit:
		s = p.emitStatement(doc)
	case Identifier:
		switch {
		case p.text(p.tok) == "revert" && p.peek() == Identifier:
			s = p.revertStatement(doc)
		case p.insideModifier && p.text(p.tok) == "_":
			s = &PlaceholderStatement{Doc: doc, Loc: p.tokSpan()}
			p.advance()
		default:
			s = p.simpleStatement(doc)
		}
	default:
		s = p.simpleStatement(doc)
	}
	p.expect(Semicolon)
	return s
}

// inlineAssembly parses `assembly ["evmasm"] [(flags)] { … }`; the block is
// parsed by the Yul frontend.
func (p *parser) inlineAssembly(doc *Doc) *InlineAssembly {
	p.enter()
	defer p.leave()
	start := p.tok.start
	a := &InlineAssembly{Doc: doc}
	p.expect(Assembly)
	if p.tok.kind == StringLiteral {
		if p.literal(p.tok) != "evmasm" {
			p.fatal(4531, "Only \"evmasm\" supported.")
		}
		a.Dialect = "evmasm"
		p.advance()
	}
	if p.tok.kind == LParen {
		a.Flags = []string{}
		for {
			p.advance()
			p.check(StringLiteral)
			a.Flags = append(a.Flags, p.literal(p.tok))
			p.advance()
			if p.tok.kind != Comma {
				break
			}
		}
		p.expect(RParen)
	}
	blockStart := int(p.tok.start)
	body, _ := yul.ParseBlock(p.file, blockStart, p.evm, p.log)
	if body != nil {
		a.Body = body
		a.Loc = p.span(start, int32(body.Loc.End))
		p.resetTo(body.Loc.End)
		return a
	}
	// The Yul parser reported the errors; skip the block's braces.
	p.errors++
	p.resetTo(blockStart)
	if p.tok.kind == LBrace {
		p.skipBraces()
	}
	a.Loc = p.span(start, p.prev)
	return a
}

// skipBraces skips a balanced `{ … }` group starting at the current '{'.
func (p *parser) skipBraces() {
	nest := 0
	for p.tok.kind != EOS {
		switch p.tok.kind {
		case LBrace:
			nest++
		case RBrace:
			nest--
			if nest == 0 {
				p.advance()
				return
			}
		}
		p.advance()
	}
}

func (p *parser) ifStatement(doc *Doc) *IfStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &IfStatement{Doc: doc}
	p.expect(If)
	p.expect(LParen)
	s.Cond = p.expression(nil)
	p.expect(RParen)
	s.Then = p.statement(false)
	end := s.Then.Span().End
	if p.tok.kind == Else {
		p.advance()
		s.Else = p.statement(false)
		end = s.Else.Span().End
	}
	s.Loc = p.span(start, int32(end))
	return s
}

func (p *parser) tryStatement(doc *Doc) *TryStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &TryStatement{Doc: doc}
	p.expect(Try)
	s.Call = p.expression(nil)
	success := &CatchClause{}
	clauseStart := p.tok.start
	if p.tok.kind == Returns {
		p.advance()
		success.Params = p.parameterList(varOptions{allowEmptyName: true, allowLocationSpecifier: true}, false)
	}
	success.Body = p.block(false, nil)
	success.Loc = p.span(clauseStart, int32(success.Body.Loc.End))
	s.Clauses = append(s.Clauses, success)
	for {
		s.Clauses = append(s.Clauses, p.catchClause())
		if p.tok.kind != Catch {
			break
		}
	}
	s.Loc = p.span(start, int32(s.Clauses[len(s.Clauses)-1].Loc.End))
	return s
}

func (p *parser) catchClause() *CatchClause {
	p.enter()
	defer p.leave()
	start := p.tok.start
	c := &CatchClause{}
	p.expect(Catch)
	if p.tok.kind != LBrace {
		if p.tok.kind == Identifier {
			c.ErrorName = p.expectIdent().Name
		}
		c.Params = p.parameterList(varOptions{allowEmptyName: true, allowLocationSpecifier: true}, c.ErrorName != "")
	}
	c.Body = p.block(false, nil)
	c.Loc = p.span(start, int32(c.Body.Loc.End))
	return c
}

func (p *parser) whileStatement(doc *Doc) *WhileStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &WhileStatement{Doc: doc}
	p.expect(While)
	p.expect(LParen)
	s.Cond = p.expression(nil)
	p.expect(RParen)
	s.Body = p.statement(false)
	s.Loc = p.span(start, int32(s.Body.Span().End))
	return s
}

func (p *parser) doWhileStatement(doc *Doc) *WhileStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &WhileStatement{Doc: doc, DoWhile: true}
	p.expect(Do)
	s.Body = p.statement(false)
	p.expect(While)
	p.expect(LParen)
	s.Cond = p.expression(nil)
	p.expect(RParen)
	s.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return s
}

func (p *parser) forStatement(doc *Doc) *ForStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &ForStatement{Doc: doc}
	p.expect(For)
	p.expect(LParen)
	if p.tok.kind != Semicolon {
		s.Init = p.simpleStatement(nil)
	}
	p.expect(Semicolon)
	if p.tok.kind != Semicolon {
		s.Cond = p.expression(nil)
	}
	p.expect(Semicolon)
	if p.tok.kind != RParen {
		s.Post = p.expressionStatement(nil, nil)
	}
	p.expect(RParen)
	s.Body = p.statement(false)
	s.Loc = p.span(start, int32(s.Body.Span().End))
	return s
}

// eventOrErrorCall parses `Name(.Name)*(args)` after `emit` / `revert`.
func (p *parser) eventOrErrorCall() (*FunctionCall, int32) {
	callStart := p.tok.start
	var iap indexAccessedPath
	for {
		iap.path = append(iap.path, p.identifierExpr())
		if p.tok.kind != Period {
			break
		}
		p.advance()
	}
	name := p.expressionFromIAP(&iap)
	p.expect(LParen)
	call := &FunctionCall{Fn: name}
	call.Args, call.Names = p.functionCallArguments()
	end := p.tok.end
	call.Loc = p.span(callStart, end)
	p.expect(RParen)
	return call, end
}

func (p *parser) emitStatement(doc *Doc) *EmitStatement {
	start := p.tok.start
	p.advance() // emit
	if p.tok.kind != Identifier {
		p.fatal(5620, "Expected event name or path.")
	}
	call, end := p.eventOrErrorCall()
	return &EmitStatement{Doc: doc, Call: call, Loc: p.span(start, end)}
}

func (p *parser) revertStatement(doc *Doc) *RevertStatement {
	start := p.tok.start
	p.advance() // revert
	call, end := p.eventOrErrorCall()
	return &RevertStatement{Doc: doc, Call: call, Loc: p.span(start, end)}
}

// statementKind is solc's LookAheadInfo.
type statementKind uint8

const (
	lookIndexAccessStructure statementKind = iota
	lookVariableDeclaration
	lookExpression
)

// indexAccessedPath is `a.b.c[1][2:3]` or `uint[2]`, parsed before it is
// known whether it starts a declaration or an expression.
type indexAccessedPath struct {
	path    []Expr // *Identifier (or one *ElementaryTypeNameExpression)
	indices []iapIndex
}

type iapIndex struct {
	start, end Expr
	isRange    bool
	loc        [2]int32
}

func (iap *indexAccessedPath) empty() bool { return len(iap.path) == 0 && len(iap.indices) == 0 }

// simpleStatement parses a variable declaration statement or an
// expression statement (solc's parseSimpleStatement).
func (p *parser) simpleStatement(doc *Doc) Stmt {
	p.enter()
	defer p.leave()
	if p.experimental && p.tok.kind == Let {
		return p.letStatement(doc)
	}
	if p.tok.kind == LParen {
		start := p.tok.start
		empty := 0
		p.expect(LParen)
		for p.tok.kind == Comma {
			p.advance()
			empty++
		}
		kind, iap := p.tryIndexAccessedPath()
		if kind == lookVariableDeclaration {
			opts := varOptions{allowLocationSpecifier: true}
			s := &VariableDeclarationStatement{Doc: doc, Vars: make([]*VariableDeclaration, empty, empty+2)}
			s.Vars = append(s.Vars, p.variableDeclaration(opts, p.typeNameFromIAP(&iap)))
			for p.tok.kind != RParen {
				p.expect(Comma)
				if p.tok.kind == Comma || p.tok.kind == RParen {
					s.Vars = append(s.Vars, nil)
				} else {
					s.Vars = append(s.Vars, p.variableDeclaration(opts, nil))
				}
			}
			p.expect(RParen)
			p.expect(Assign)
			s.Value = p.expression(nil)
			s.Loc = p.span(start, int32(s.Value.Span().End))
			return s
		}
		comps := make([]Expr, empty, empty+2)
		comps = append(comps, p.expression(p.expressionFromIAP(&iap)))
		for p.tok.kind != RParen {
			p.expect(Comma)
			if p.tok.kind == Comma || p.tok.kind == RParen {
				comps = append(comps, nil)
			} else {
				comps = append(comps, p.expression(nil))
			}
		}
		tuple := &TupleExpression{Components: comps, Loc: p.span(start, p.tok.end)}
		p.expect(RParen)
		return p.expressionStatement(doc, tuple)
	}
	kind, iap := p.tryIndexAccessedPath()
	if kind == lookVariableDeclaration {
		return p.variableDeclarationStatement(doc, p.typeNameFromIAP(&iap))
	}
	return p.expressionStatement(doc, p.expressionFromIAP(&iap))
}

// tryIndexAccessedPath decides between a declaration and an expression,
// parsing an index-accessed path first when the tokens are ambiguous.
func (p *parser) tryIndexAccessedPath() (statementKind, indexAccessedPath) {
	var iap indexAccessedPath
	switch k := p.peekStatementKind(); k {
	case lookVariableDeclaration, lookExpression:
		if p.experimental {
			return lookExpression, iap
		}
		return k, iap
	}
	iap = p.indexAccessedPath()
	if p.experimental {
		return lookExpression, iap
	}
	if p.tok.kind == Identifier || p.tok.kind.IsLocationSpecifier() {
		return lookVariableDeclaration, iap
	}
	return lookExpression, iap
}

func (p *parser) peekStatementKind() statementKind {
	k := p.tok.kind
	if k == Mapping || k == Function {
		return lookVariableDeclaration
	}
	if k.IsElementaryTypeName() || k == Identifier {
		next := p.peek()
		if k.IsElementaryTypeName() && next.IsStateMutabilitySpecifier() {
			return lookVariableDeclaration
		}
		if next == Identifier || next.IsLocationSpecifier() {
			return lookVariableDeclaration
		}
		if next == LBrack || next == Period {
			return lookIndexAccessStructure
		}
	}
	return lookExpression
}

func (p *parser) indexAccessedPath() indexAccessedPath {
	var iap indexAccessedPath
	if p.tok.kind == Identifier {
		iap.path = append(iap.path, p.identifierExpr())
		for p.tok.kind == Period {
			p.advance()
			if p.experimental && p.tok.kind == Number {
				iap.path = append(iap.path, &IdentifierExpr{Name: p.text(p.tok), Loc: p.tokSpan()})
				p.advance()
				continue
			}
			iap.path = append(iap.path, p.identifierOrAddressExpr())
		}
	} else {
		iap.path = append(iap.path, &ElementaryTypeNameExpression{Type: p.elementaryTypeName(p.tok), Loc: p.tokSpan()})
		p.advance()
	}
	for p.tok.kind == LBrack {
		p.expect(LBrack)
		var idx iapIndex
		if p.tok.kind != RBrack && p.tok.kind != Colon {
			idx.start = p.expression(nil)
		}
		idx.loc[0] = int32(iap.path[0].Span().Start)
		if p.tok.kind == Colon {
			p.expect(Colon)
			idx.isRange = true
			if p.tok.kind != RBrack {
				idx.end = p.expression(nil)
			}
		}
		idx.loc[1] = p.tok.end
		iap.indices = append(iap.indices, idx)
		p.expect(RBrack)
	}
	return iap
}

// typeNameFromIAP turns an index-accessed path into the type of a
// declaration (solc's typeNameFromIndexAccessStructure).
func (p *parser) typeNameFromIAP(iap *indexAccessedPath) TypeName {
	if iap.empty() {
		return nil
	}
	p.enter()
	defer p.leave()
	loc := p.span(int32(iap.path[0].Span().Start), int32(iap.path[len(iap.path)-1].Span().End))
	var t TypeName
	if e, ok := iap.path[0].(*ElementaryTypeNameExpression); ok {
		et := *e.Type
		et.Loc = loc
		t = &et
	} else {
		ip := &IdentifierPath{Loc: loc}
		for _, x := range iap.path {
			id := x.(*IdentifierExpr)
			ip.Parts = append(ip.Parts, &Ident{Name: id.Name, Loc: id.Loc})
		}
		t = &UserDefinedTypeName{Path: ip, Loc: loc}
	}
	for _, idx := range iap.indices {
		l := p.span(idx.loc[0], idx.loc[1])
		if idx.isRange {
			p.parserErrorAt(5464, l, "Expected array length expression.")
		}
		t = &ArrayTypeName{Base: t, Length: idx.start, Loc: l}
	}
	return t
}

// expressionFromIAP turns an index-accessed path into an expression.
func (p *parser) expressionFromIAP(iap *indexAccessedPath) Expr {
	if iap.empty() {
		return nil
	}
	p.enter()
	defer p.leave()
	x := iap.path[0]
	start := int32(x.Span().Start)
	for _, m := range iap.path[1:] {
		id := m.(*IdentifierExpr)
		x = &MemberAccess{X: x, Member: &Ident{Name: id.Name, Loc: id.Loc}, Loc: p.span(start, int32(id.Loc.End))}
	}
	for _, idx := range iap.indices {
		l := p.span(idx.loc[0], idx.loc[1])
		if idx.isRange {
			x = &IndexRangeAccess{X: x, Start: idx.start, End: idx.end, Loc: l}
		} else {
			x = &IndexAccess{X: x, Index: idx.start, Loc: l}
		}
	}
	return x
}

func (p *parser) variableDeclarationStatement(doc *Doc, lookAheadType TypeName) *VariableDeclarationStatement {
	p.enter()
	defer p.leave()
	start := p.tok.start
	if lookAheadType != nil {
		start = int32(lookAheadType.Span().Start)
	}
	v := p.variableDeclaration(varOptions{allowLocationSpecifier: true}, lookAheadType)
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

func (p *parser) expressionStatement(doc *Doc, partial Expr) *ExpressionStatement {
	p.enter()
	defer p.leave()
	x := p.expression(partial)
	return &ExpressionStatement{Doc: doc, X: x, Loc: x.Span()}
}
