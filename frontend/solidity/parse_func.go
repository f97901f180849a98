package solidity

// Functions, modifiers and their headers and parameter lists.

// functionHeader is what solc's parseFunctionHeader returns.
type functionHeader struct {
	params     *ParameterList
	returns    *ParameterList
	visibility Visibility
	mutability Mutability
	virtual    bool
	overrides  *OverrideSpecifier
	modifiers  []*ModifierInvocation
	returnExpr Expr
}

func (p *parser) visibility() Visibility {
	var v Visibility
	switch p.tok.kind {
	case Public:
		v = VisPublic
	case Internal:
		v = VisInternal
	case Private:
		v = VisPrivate
	case External:
		v = VisExternal
	}
	p.advance()
	return v
}

func (p *parser) stateMutability() Mutability {
	var m Mutability
	switch p.tok.kind {
	case Payable:
		m = MutPayable
	case View:
		m = MutView
	case Pure:
		m = MutPure
	}
	p.advance()
	return m
}

func (p *parser) overrideSpecifier() *OverrideSpecifier {
	start, end := p.tok.start, p.tok.end
	o := &OverrideSpecifier{}
	p.advance()
	if p.tok.kind == LParen {
		p.advance()
		for {
			o.Overrides = append(o.Overrides, p.identifierPath())
			if p.tok.kind == RParen {
				break
			}
			p.expect(Comma)
		}
		end = p.tok.end
		p.expect(RParen)
	}
	o.Loc = p.span(start, end)
	return o
}

func (p *parser) functionHeader(isStateVariable bool) functionHeader {
	p.enter()
	defer p.leave()
	var h functionHeader
	h.params = p.parameterList(varOptions{allowLocationSpecifier: true}, true)
	for {
		k := p.tok.kind
		switch {
		case !isStateVariable && k == Identifier:
			h.modifiers = append(h.modifiers, p.modifierInvocation())
			continue
		case k.IsVisibilitySpecifier():
			if h.visibility != VisDefault {
				// A public state variable of function type:
				// `function() internal public f;`.
				if isStateVariable && (h.visibility == VisExternal || h.visibility == VisInternal) {
					goto done
				}
				p.parserError(9439, "Visibility already specified as \"%s\".", h.visibility)
				p.advance()
			} else {
				h.visibility = p.visibility()
			}
			continue
		case k.IsStateMutabilitySpecifier():
			if h.mutability != MutNonPayable {
				p.parserError(9680, "State mutability already specified as \"%s\".", h.mutability)
				p.advance()
			} else {
				h.mutability = p.stateMutability()
			}
			continue
		case !isStateVariable && k == Override:
			if h.overrides != nil {
				p.parserError(1827, "Override already specified.")
			}
			h.overrides = p.overrideSpecifier()
			continue
		case !isStateVariable && k == Virtual:
			if h.virtual {
				p.parserError(6879, "Virtual already specified.")
			}
			h.virtual = true
			p.advance()
			continue
		}
		break
	}
done:
	if p.experimental {
		if p.tok.kind == RightArrow {
			p.advance()
			h.returnExpr = p.binary(4, nil)
		}
		return h
	}
	if p.tok.kind == Returns {
		p.advance()
		h.returns = p.parameterList(varOptions{allowLocationSpecifier: true}, false)
	} else {
		h.returns = p.emptyParameterList()
	}
	return h
}

// functionDefinition parses a function; allowBody is false for the
// declarations of a type class (experimental Solidity).
func (p *parser) functionDefinition(free, allowBody bool) *FunctionDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	f := &FunctionDefinition{Doc: p.docAt(p.tok), Free: free}
	switch p.tok.kind {
	case Function:
		p.advance()
		switch k := p.tok.kind; k {
		case Constructor, Fallback, Receive:
			expected := map[Token]string{Constructor: "constructor", Fallback: "fallback function", Receive: "receive function"}[k]
			name := k.String()
			f.Name = &Ident{Name: name, Loc: p.tokSpan()}
			msg := "This function is named \"" + name + "\" but is not the " + expected + " of the contract. " +
				"If you intend this to be a " + expected + ", use \"" + name + "(...) { ... }\" without " +
				"the \"function\" keyword to define it."
			if k == Constructor {
				p.parserError(3323, "%s", msg)
			} else {
				p.warning(3445, p.tokSpan(), msg)
			}
			p.advance()
		default:
			f.Name = p.expectIdent()
		}
	case Constructor:
		f.Kind = KindConstructor
		p.advance()
	case Fallback:
		f.Kind = KindFallback
		p.advance()
	case Receive:
		f.Kind = KindReceive
		p.advance()
	}
	h := p.functionHeader(false)
	f.Params, f.Returns = h.params, h.returns
	f.Visibility, f.Mutability, f.Virtual = h.visibility, h.mutability, h.virtual
	f.Overrides, f.Modifiers, f.ReturnExpr = h.overrides, h.modifiers, h.returnExpr
	end := p.tok.end
	if !allowBody {
		p.expect(Semicolon)
	} else if p.tok.kind == Semicolon {
		p.advance()
	} else {
		f.Body = p.block(false, nil)
		end = int32(f.Body.Loc.End)
	}
	f.Loc = p.span(start, end)
	return f
}

func (p *parser) modifierDefinition() *ModifierDefinition {
	p.enter()
	defer p.leave()
	outer := p.insideModifier
	p.insideModifier = true
	defer func() { p.insideModifier = outer }()
	start := p.tok.start
	m := &ModifierDefinition{Doc: p.docAt(p.tok)}
	p.expect(Modifier)
	m.Name = p.expectIdent()
	if p.tok.kind == LParen {
		m.Params = p.parameterList(varOptions{allowLocationSpecifier: true}, true)
	} else {
		m.Params = p.emptyParameterList()
	}
	for {
		if p.tok.kind == Override {
			if m.Overrides != nil {
				p.parserError(9102, "Override already specified.")
			}
			m.Overrides = p.overrideSpecifier()
		} else if p.tok.kind == Virtual {
			if m.Virtual {
				p.parserError(2662, "Virtual already specified.")
			}
			m.Virtual = true
			p.advance()
		} else {
			break
		}
	}
	end := p.tok.end
	if p.tok.kind != Semicolon {
		m.Body = p.block(false, nil)
		end = int32(m.Body.Loc.End)
	} else {
		p.advance()
	}
	m.Loc = p.span(start, end)
	return m
}

func (p *parser) modifierInvocation() *ModifierInvocation {
	p.enter()
	defer p.leave()
	start := p.tok.start
	m := &ModifierInvocation{Name: p.identifierPath()}
	if p.tok.kind == LParen {
		p.advance()
		m.Args = p.callListArguments()
		if m.Args == nil {
			m.Args = []Expr{}
		}
		m.Loc = p.span(start, p.tok.end)
		p.expect(RParen)
	} else {
		m.Loc = p.span(start, int32(m.Name.Loc.End))
	}
	return m
}

// parameterList parses `(…)`; allowEmpty permits `()` (solc allows it
// everywhere except after `returns` and in a catch clause's error
// parameters).
func (p *parser) parameterList(opts varOptions, allowEmpty bool) *ParameterList {
	p.enter()
	defer p.leave()
	start := p.tok.start
	l := &ParameterList{}
	opts.allowEmptyName = true
	if p.experimental && p.tok.kind == Identifier {
		// A single parameter without parentheses.
		v := p.postfixVariableDeclaration()
		l.Params = []*VariableDeclaration{v}
		l.Loc = p.span(start, int32(v.Loc.End))
		return l
	}
	param := func() *VariableDeclaration {
		if p.experimental {
			return p.postfixVariableDeclaration()
		}
		return p.variableDeclaration(opts, nil)
	}
	p.expect(LParen)
	if !allowEmpty || p.tok.kind != RParen {
		l.Params = append(l.Params, param())
		for p.tok.kind != RParen {
			if p.tok.kind == Comma && p.peek() == RParen {
				p.fatal(7591, "Unexpected trailing comma in parameter list.")
			}
			p.expect(Comma)
			l.Params = append(l.Params, param())
		}
	}
	l.Loc = p.span(start, p.tok.end)
	p.advance()
	return l
}

// emptyParameterList is the list of a function without `returns`: an
// empty span at the current token (solc's createEmptyParameterList).
func (p *parser) emptyParameterList() *ParameterList {
	p.enter()
	defer p.leave()
	return &ParameterList{Loc: p.span(p.tok.start, p.tok.start)}
}
