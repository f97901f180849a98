package solidity

// expression parses an expression, continuing partial when the statement
// lookahead already parsed its start (solc's parseExpression).
func (p *parser) expression(partial Expr) Expr {
	p.enter()
	defer p.leave()
	x := p.binary(4, partial)
	if k := p.tok.kind; k.IsAssignmentOp() {
		p.advance()
		y := p.expression(nil)
		return &Assignment{Op: k, X: x, Y: y, Loc: p.span(int32(x.Span().Start), int32(y.Span().End))}
	}
	if p.tok.kind == Conditional {
		p.advance()
		t := p.expression(nil)
		p.expect(Colon)
		f := p.expression(nil)
		return &ConditionalExpression{Cond: x, Then: t, Else: f, Loc: p.span(int32(x.Span().Start), int32(f.Span().End))}
	}
	return x
}

// binary is precedence climbing over solc's precedence table: operators of
// precedence ≥ minPrec are folded left-associatively, `**` to the right.
func (p *parser) binary(minPrec int, partial Expr) Expr {
	p.enter()
	defer p.leave()
	x := p.unary(partial)
	start := int32(x.Span().Start)
	for prec := p.precedence(p.tok.kind); prec >= minPrec; prec-- {
		for p.precedence(p.tok.kind) == prec {
			op := p.tok.kind
			p.advance()
			var y Expr
			if op == Exp {
				y = p.binary(prec, nil)
			} else {
				y = p.binary(prec+1, nil)
			}
			x = &BinaryOperation{Op: op, X: x, Y: y, Loc: p.span(start, int32(y.Span().End))}
		}
	}
	return x
}

// precedence is solc's tokenPrecedence: in experimental Solidity `:` and
// `->` are type operators binding tighter than anything else.
func (p *parser) precedence(k Token) int {
	if p.experimental {
		switch k {
		case Colon:
			return 1000
		case RightArrow:
			return 999
		}
	}
	return k.Precedence()
}

func (p *parser) unary(partial Expr) Expr {
	p.enter()
	defer p.leave()
	start := p.tok.start
	if partial != nil {
		start = int32(partial.Span().Start)
	}
	k := p.tok.kind
	if partial == nil && k == Add {
		p.fatal(9636, "Use of unary + is disallowed.")
	}
	if partial == nil && (k.IsUnaryOp() || k.IsCountOp()) {
		p.advance()
		x := p.unary(nil)
		return &UnaryOperation{Op: k, X: x, Prefix: true, Loc: p.span(start, int32(x.Span().End))}
	}
	x := p.leftHandSide(partial)
	if k := p.tok.kind; k.IsCountOp() {
		end := p.tok.end
		p.advance()
		return &UnaryOperation{Op: k, X: x, Loc: p.span(start, end)}
	}
	return x
}

// leftHandSide parses a primary expression and its postfix operations:
// index, slice, member, call and call options.
func (p *parser) leftHandSide(partial Expr) Expr {
	p.enter()
	defer p.leave()
	var x Expr
	var start int32
	switch {
	case partial != nil:
		x = partial
		start = int32(partial.Span().Start)
	case p.tok.kind == New:
		start = p.tok.start
		p.advance()
		t := p.typeName()
		x = &NewExpression{Type: t, Loc: p.span(start, int32(t.Span().End))}
	case p.tok.kind == Payable:
		// `payable(x)`: solc's node ends at the token after `payable`.
		start = p.tok.start
		p.advance()
		loc := p.span(start, p.tok.end)
		et := &ElementaryTypeName{Name: "address", Token: Address, Payable: true, Mutability: MutPayable, Loc: loc}
		x = &ElementaryTypeNameExpression{Type: et, Loc: loc}
		p.check(LParen)
	default:
		start = p.tok.start
		x = p.primary()
	}
	for {
		switch p.tok.kind {
		case LBrack:
			p.advance()
			var index, end Expr
			if p.tok.kind != RBrack && p.tok.kind != Colon {
				index = p.expression(nil)
			}
			if p.tok.kind == Colon {
				p.advance()
				if p.tok.kind != RBrack {
					end = p.expression(nil)
				}
				loc := p.span(start, p.tok.end)
				p.expect(RBrack)
				x = &IndexRangeAccess{X: x, Start: index, End: end, Loc: loc}
			} else {
				loc := p.span(start, p.tok.end)
				p.expect(RBrack)
				x = &IndexAccess{X: x, Index: index, Loc: loc}
			}
		case Period:
			p.advance()
			end := p.tok.end
			x = &MemberAccess{X: x, Member: p.identOrAddress(), Loc: p.span(start, end)}
		case LParen:
			p.advance()
			c := &FunctionCall{Fn: x}
			c.Args, c.Names = p.functionCallArguments()
			c.Loc = p.span(start, p.tok.end)
			p.expect(RParen)
			x = c
		case LBrace:
			// `f{value: 1}`: call options, unless this is the block of a
			// try statement.
			if p.peek() != Identifier || p.peek2() != Colon {
				return x
			}
			p.advance()
			o := &FunctionCallOptions{X: x}
			o.Values, o.Names = p.namedArguments()
			o.Loc = p.span(start, p.tok.end)
			p.expect(RBrace)
			x = o
		default:
			return x
		}
	}
}

// identOrAddress is a member name, where `address` is allowed too.
func (p *parser) identOrAddress() *Ident {
	if p.tok.kind == Address {
		id := &Ident{Name: "address", Loc: p.tokSpan()}
		p.advance()
		return id
	}
	return p.expectIdent()
}

// identifierExpr parses an identifier as an expression (parseIdentifier).
func (p *parser) identifierExpr() Expr {
	p.enter()
	defer p.leave()
	id := p.expectIdent()
	return &IdentifierExpr{Name: id.Name, Loc: id.Loc}
}

func (p *parser) identifierOrAddressExpr() Expr {
	p.enter()
	defer p.leave()
	id := p.identOrAddress()
	return &IdentifierExpr{Name: id.Name, Loc: id.Loc}
}

func (p *parser) primary() Expr {
	p.enter()
	defer p.leave()
	t := p.tok
	switch t.kind {
	case TrueLiteral, FalseLiteral, Number, StringLiteral, UnicodeStringLiteral, HexStringLiteral:
		return p.literalExpr()
	case Identifier:
		p.advance()
		return &IdentifierExpr{Name: p.text(t), Loc: p.span(t.start, t.end)}
	case Type:
		// `type(X)`: "type" is a global function in expressions.
		p.advance()
		return &IdentifierExpr{Name: "type", Loc: p.span(t.start, t.end)}
	case LParen, LBrack:
		p.advance()
		closing, isArray := RParen, t.kind == LBrack
		if isArray {
			closing = RBrack
		}
		tuple := &TupleExpression{IsArray: isArray}
		if p.tok.kind != closing {
			for {
				if p.tok.kind != Comma && p.tok.kind != closing {
					tuple.Components = append(tuple.Components, p.expression(nil))
				} else if isArray {
					p.parserError(4799, "Expected expression (inline array elements cannot be omitted).")
				} else {
					tuple.Components = append(tuple.Components, nil)
				}
				if p.tok.kind == closing {
					break
				}
				p.expect(Comma)
			}
		}
		tuple.Loc = p.span(t.start, p.tok.end)
		p.expect(closing)
		return tuple
	case Illegal:
		p.fatal(8936, "%s", t.err.String())
	}
	if t.kind.IsElementaryTypeName() {
		p.advance()
		loc := p.span(t.start, t.end)
		return &ElementaryTypeNameExpression{Type: p.elementaryTypeName(t), Loc: loc}
	}
	p.fatal(6933, "Expected primary expression.")
	return nil
}

// literalExpr parses a literal; adjacent string literals of one kind are
// concatenated, and a number may carry a unit.
func (p *parser) literalExpr() Expr {
	p.enter()
	defer p.leave()
	t := p.tok
	lit := &Literal{}
	end := t.end
	switch t.kind {
	case TrueLiteral, FalseLiteral, Number:
		lit.Kind = NumberLiteral
		if t.kind != Number {
			lit.Kind = BoolLiteral
		}
		lit.Value = p.text(t)
		p.advance()
	default:
		switch t.kind {
		case StringLiteral:
			lit.Kind = StringLit
		case UnicodeStringLiteral:
			lit.Kind = UnicodeLit
		default:
			lit.Kind = HexLit
		}
		value := p.literal(t)
		for p.peek() == t.kind {
			p.advance()
			value += p.literal(p.tok)
		}
		lit.Value = value
		end = p.tok.end
		p.advance()
		if p.tok.kind == Illegal {
			p.fatal(5428, "%s", p.tok.err.String())
		}
	}
	if t.kind == Number && (p.tok.kind.IsEtherSubdenomination() || p.tok.kind.IsTimeSubdenomination()) {
		end = p.tok.end
		lit.SubDenom = p.tok.kind
		p.advance()
	}
	lit.Loc = p.span(t.start, end)
	return lit
}

// functionCallArguments parses `a, b` or `{x: a, y: b}` up to the ')'.
func (p *parser) functionCallArguments() ([]Expr, []*Ident) {
	p.enter()
	defer p.leave()
	if p.tok.kind == LBrace {
		p.advance()
		args, names := p.namedArguments()
		p.expect(RBrace)
		if names == nil {
			names = []*Ident{}
		}
		return args, names
	}
	return p.callListArguments(), nil
}

func (p *parser) callListArguments() []Expr {
	p.enter()
	defer p.leave()
	var args []Expr
	if p.tok.kind != RParen {
		args = append(args, p.expression(nil))
		for p.tok.kind != RParen {
			p.expect(Comma)
			args = append(args, p.expression(nil))
		}
	}
	return args
}

func (p *parser) namedArguments() ([]Expr, []*Ident) {
	var args []Expr
	var names []*Ident
	first := true
	for p.tok.kind != RBrace {
		if !first {
			p.expect(Comma)
		}
		names = append(names, p.expectIdent())
		p.expect(Colon)
		args = append(args, p.expression(nil))
		if p.tok.kind == Comma && p.peek() == RBrace {
			p.parserError(2074, "Unexpected trailing comma.")
			p.advance()
		}
		first = false
	}
	return args, names
}

// elementaryTypeName makes the type name for an elementary type token.
func (p *parser) elementaryTypeName(t token) *ElementaryTypeName {
	return &ElementaryTypeName{Name: elementaryName(t), Token: t.kind, M: int(t.m), N: int(t.n), Loc: p.span(t.start, t.end)}
}

// typeName parses a type (solc's parseTypeName).
func (p *parser) typeName() TypeName {
	p.enter()
	defer p.leave()
	start := p.tok.start
	var t TypeName
	switch k := p.tok.kind; {
	case k.IsElementaryTypeName():
		et := p.elementaryTypeName(p.tok)
		end := p.tok.end
		p.advance()
		if p.tok.kind.IsStateMutabilitySpecifier() {
			if k == Address {
				end = p.tok.end
				et.Mutability = p.stateMutability()
				et.Payable = et.Mutability == MutPayable
			} else {
				p.parserError(9106, "State mutability can only be specified for address types.")
				p.advance()
			}
		}
		et.Loc = p.span(start, end)
		t = et
	case k == Function:
		t = p.functionType()
	case k == Mapping:
		t = p.mapping()
	case k == Identifier:
		t = p.userDefinedTypeName()
	default:
		p.fatal(3546, "Expected type name")
	}
	return p.typeNameSuffix(t, start)
}

// typeNameSuffix parses the `[…]` suffixes of an array type.
func (p *parser) typeNameSuffix(t TypeName, start int32) TypeName {
	p.enter()
	defer p.leave()
	for p.tok.kind == LBrack {
		p.advance()
		var length Expr
		if p.tok.kind != RBrack {
			length = p.expression(nil)
		}
		end := p.tok.end
		p.expect(RBrack)
		t = &ArrayTypeName{Base: t, Length: length, Loc: p.span(start, end)}
	}
	return t
}

func (p *parser) userDefinedTypeName() *UserDefinedTypeName {
	start := p.tok.start
	path := p.identifierPath()
	return &UserDefinedTypeName{Path: path, Loc: p.span(start, int32(path.Loc.End))}
}

// functionType parses `function (…) … returns (…)`. As in solc, the node
// ends at the end of the token after the header.
func (p *parser) functionType() *FunctionTypeName {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Function)
	h := p.functionHeader(true)
	return &FunctionTypeName{Params: h.params, Returns: h.returns, Visibility: h.visibility,
		Mutability: h.mutability, Loc: p.span(start, p.tok.end)}
}

func (p *parser) mapping() *MappingType {
	p.enter()
	defer p.leave()
	start := p.tok.start
	m := &MappingType{}
	p.expect(Mapping)
	p.expect(LParen)
	switch k := p.tok.kind; {
	case k == Identifier:
		m.Key = p.userDefinedTypeName()
	case k.IsElementaryTypeName():
		m.Key = p.elementaryTypeName(p.tok)
		p.advance()
	default:
		p.fatal(1005, "Expected elementary type name or identifier for mapping key type")
	}
	if p.tok.kind == Identifier {
		m.KeyName = p.expectIdent()
	}
	p.expect(DoubleArrow)
	m.Value = p.typeName()
	if p.tok.kind == Identifier {
		m.ValueName = p.expectIdent()
	}
	m.Loc = p.span(start, p.tok.end)
	p.expect(RParen)
	return m
}
