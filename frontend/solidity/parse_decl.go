package solidity

import (
	"strings"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// sourceUnit parses a whole file (solc's Parser::parse).
func (p *parser) sourceUnit(u *SourceUnit) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
		}
	}()
	for p.tok.kind == Pragma {
		p.guarded(atTopLevel, parseTopPragma, u)
	}
	if p.experimental {
		// The rest of the file is experimental Solidity, scanned anew.
		u.Experimental = true
		p.lex.experimental = true
		from := p.tok.start
		if p.tok.docStart >= 0 {
			from = p.tok.docStart
		}
		p.resetTo(int(from))
	}
	for p.tok.kind != EOS {
		p.guarded(atTopLevel, parseTopLevel, u)
	}
}

func parseTopPragma(p *parser, x any) {
	u := x.(*SourceUnit)
	u.Decls = append(u.Decls, p.pragmaDirective(false))
}

func parseTopLevel(p *parser, x any) {
	u := x.(*SourceUnit)
	if d := p.topLevel(); d != nil {
		u.Decls = append(u.Decls, d)
	}
}

func parseMember(p *parser, x any) {
	c := x.(*ContractDefinition)
	if m := p.contractMember(); m != nil {
		c.Members = append(c.Members, m)
	}
}

// syncTopLevel skips to the next top-level definition; a stray '}' is
// skipped too.
func (p *parser) syncTopLevel(start int32) {
	p.skipTo(start, topLevelStart)
	if p.tok.kind == RBrace && p.tok.start == start {
		p.advance()
	}
}

func (p *parser) syncMember(start int32) { p.skipTo(start, memberStart) }

// topLevel parses one top-level item.
func (p *parser) topLevel() Decl {
	switch p.tok.kind {
	case Pragma:
		return p.pragmaDirective(true)
	case Import:
		return p.importDirective()
	case Abstract, Interface, Contract, Library:
		return p.contractDefinition()
	case Struct:
		return p.structDefinition()
	case Enum:
		return p.enumDefinition()
	case Type:
		if p.experimental {
			return p.typeDefinition()
		}
		return p.userDefinedValueType()
	case Using:
		return p.usingDirective()
	case Function:
		return p.functionDefinition(true, true)
	case ForAll:
		return p.quantifiedFunction()
	case Event:
		return p.eventDefinition()
	case Class:
		return p.typeClassDefinition()
	case Instantiation:
		return p.typeClassInstantiation()
	case Illegal:
		p.fatal(1108, "%s", p.tok.err.String())
	}
	if p.isErrorDefinition() {
		return p.errorDefinition()
	}
	if p.variableDeclarationStart() && p.peek() != EOS {
		v := p.variableDeclaration(varOptions{kind: varFileLevel, allowInitialValue: true}, nil)
		p.expect(Semicolon)
		return v
	}
	p.fatal(7858, "Expected pragma, import directive or contract/interface/library/struct/enum/constant/function/error definition.")
	return nil
}

// isErrorDefinition reports `error Name(`: `error` is not a keyword.
func (p *parser) isErrorDefinition() bool {
	return p.tok.kind == Identifier && p.text(p.tok) == "error" && p.peek() == Identifier && p.peek2() == LParen
}

// pragmaDirective parses `pragma …;` and checks `pragma solidity`
// against soll's language version and `pragma experimental solidity`.
func (p *parser) pragmaDirective(afterTopLevelPragmas bool) *PragmaDirective {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Pragma)
	d := &PragmaDirective{}
	var kinds []Token
	for {
		t := p.tok
		if t.kind == Illegal {
			p.parserError(6281, "Token incompatible with Solidity parser as part of pragma directive.")
		} else {
			lit := p.literal(t)
			if lit == "" {
				lit = tokens[t.kind].text
			}
			d.Literals = append(d.Literals, lit)
			kinds = append(kinds, t.kind)
		}
		p.advance()
		if p.tok.kind == Semicolon || p.tok.kind == EOS {
			break
		}
	}
	end := p.tok.end
	d.Loc = p.span(start, end)
	p.expect(Semicolon)

	if len(d.Literals) >= 1 && d.Literals[0] == "solidity" {
		if msg, ok := checkVersionPragma(kinds[1:], d.Literals[1:]); !ok {
			p.fatalAt(1684, d.Loc, "Invalid version pragma. %s", msg)
		} else if msg != "" {
			p.fatalAt(5333, d.Loc, "%s", msg)
		}
	}
	if len(d.Literals) >= 2 && d.Literals[0] == "experimental" && d.Literals[1] == "solidity" {
		if p.evm < evmversion.Constantinople {
			p.fatal(7637, "Experimental solidity requires Constantinople EVM version at the minimum.")
		}
		if afterTopLevelPragmas {
			p.fatal(8185, "Experimental pragma \"solidity\" can only be set at the beginning of the source unit.")
		}
		p.experimental = true
	}
	return d
}

// importDirective parses the import forms.
func (p *parser) importDirective() *ImportDirective {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Import)
	d := &ImportDirective{}
	if p.tok.kind == StringLiteral || p.isStdlibPath() {
		d.Path, d.PathLoc = p.importPath()
		if p.tok.kind == As {
			p.advance()
			d.Alias = p.expectIdent()
		}
	} else {
		switch p.tok.kind {
		case LBrace:
			p.advance()
			for {
				sym := &ImportSymbol{Symbol: p.identifier()}
				if p.tok.kind == As {
					p.advance()
					sym.Alias = p.expectIdent()
				}
				d.Symbols = append(d.Symbols, sym)
				if p.tok.kind != Comma {
					break
				}
				p.advance()
			}
			p.expect(RBrace)
		case Mul:
			p.advance()
			p.expect(As)
			d.Wildcard = true
			d.Alias = p.expectIdent()
		default:
			p.fatal(9478, "Expected string literal (path), \"*\" or alias list.")
		}
		if p.tok.kind != Identifier || p.text(p.tok) != "from" {
			p.fatal(8208, "Expected \"from\".")
		}
		p.advance()
		if p.tok.kind != StringLiteral && !p.isStdlibPath() {
			p.fatal(6845, "Expected import path.")
		}
		d.Path, d.PathLoc = p.importPath()
	}
	if d.Path == "" {
		p.fatal(6326, "Import path cannot be empty.")
	}
	d.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return d
}

// isStdlibPath reports `std.name` (experimental Solidity's standard
// library imports).
func (p *parser) isStdlibPath() bool {
	return p.experimental && p.tok.kind == Identifier && p.text(p.tok) == "std"
}

// importPath consumes a quoted import path or `std.name`.
func (p *parser) importPath() (string, source.Span) {
	if p.tok.kind == StringLiteral {
		path, loc := p.literal(p.tok), p.tokSpan()
		p.advance()
		return path, loc
	}
	start := p.tok.start
	std := p.expectIdent()
	if p.tok.kind == Period {
		p.advance()
	}
	lib := p.expectIdent()
	return std.Name + "." + lib.Name, p.span(start, int32(lib.Loc.End))
}

// contractDefinition parses a contract, interface or library.
func (p *parser) contractDefinition() *ContractDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	c := &ContractDefinition{Doc: p.docAt(p.tok)}
	if p.tok.kind == Abstract {
		c.Abstract = true
		p.advance()
	}
	switch p.tok.kind {
	case Interface:
		c.Kind = KindInterface
		p.advance()
	case Contract:
		c.Kind = KindContract
		p.advance()
	case Library:
		c.Kind = KindLibrary
		p.advance()
	default:
		p.parserError(3515, "Expected keyword \"contract\", \"interface\" or \"library\".")
	}
	c.Name = p.expectIdent()
	if p.tok.kind == Is {
		for {
			p.advance()
			c.Bases = append(c.Bases, p.inheritanceSpecifier())
			if p.tok.kind != Comma {
				break
			}
		}
	}
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		ok := p.guarded(atMember, parseMember, c)
		if !ok && p.tok.kind == EOS {
			// The error is reported; do not add "Expected '}'".
			c.Loc = p.span(start, p.tok.end)
			return c
		}
	}
	c.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return c
}

// contractMember parses one member of a contract body.
func (p *parser) contractMember() Decl {
	k := p.tok.kind
	switch {
	case k == Function && p.peek() != LParen, k == Constructor, k == Receive, k == Fallback:
		return p.functionDefinition(false, true)
	case k == Struct:
		return p.structDefinition()
	case k == Enum:
		return p.enumDefinition()
	case k == Type:
		return p.userDefinedValueType()
	case p.isErrorDefinition():
		return p.errorDefinition()
	case p.variableDeclarationStart():
		v := p.variableDeclaration(varOptions{kind: varState, allowInitialValue: true}, nil)
		p.expect(Semicolon)
		return v
	case k == Modifier:
		return p.modifierDefinition()
	case k == Event:
		return p.eventDefinition()
	case k == Using:
		return p.usingDirective()
	case k == Illegal:
		p.fatal(1109, "%s", p.tok.err.String())
	}
	p.fatal(9182, "Function, variable, struct or modifier declaration expected.")
	return nil
}

func (p *parser) inheritanceSpecifier() *InheritanceSpecifier {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &InheritanceSpecifier{Name: p.identifierPath()}
	if p.tok.kind == LParen {
		p.advance()
		s.Args = p.callListArguments()
		s.Loc = p.span(start, p.tok.end)
		p.expect(RParen)
	} else {
		s.Loc = p.span(start, int32(s.Name.Loc.End))
	}
	return s
}

func (p *parser) structDefinition() *StructDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	s := &StructDefinition{Doc: p.docAt(p.tok)}
	p.expect(Struct)
	s.Name = p.expectIdent()
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		s.Members = append(s.Members, p.variableDeclaration(varOptions{}, nil))
		p.expect(Semicolon)
	}
	s.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return s
}

func (p *parser) enumValue() *EnumValue {
	p.enter()
	defer p.leave()
	v := &EnumValue{Doc: p.docAt(p.tok), Loc: p.tokSpan()}
	v.Name = p.expectIdent()
	return v
}

func (p *parser) enumDefinition() *EnumDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	e := &EnumDefinition{Doc: p.docAt(p.tok)}
	p.expect(Enum)
	e.Name = p.expectIdent()
	p.expect(LBrace)
	for p.tok.kind != RBrace {
		e.Values = append(e.Values, p.enumValue())
		if p.tok.kind == RBrace {
			break
		}
		p.expect(Comma)
		if p.tok.kind != Identifier {
			p.fatal(1612, "Expected identifier after ','")
		}
	}
	if len(e.Values) == 0 {
		p.parserError(3147, "Enum with no members is not allowed.")
	}
	e.Loc = p.span(start, p.tok.end)
	p.expect(RBrace)
	return e
}

// varKind says where a variable declaration appears.
type varKind uint8

const (
	varOther varKind = iota
	varFileLevel
	varState
)

// varOptions are solc's VarDeclParserOptions.
type varOptions struct {
	kind                   varKind
	allowIndexed           bool
	allowEmptyName         bool
	allowInitialValue      bool
	allowLocationSpecifier bool
}

// variableDeclaration parses `Type [specifiers] name [= value]`. When the
// type was already parsed by the statement lookahead, it is passed in
// and the declaration starts where it does.
func (p *parser) variableDeclaration(opts varOptions, lookAheadType TypeName) *VariableDeclaration {
	p.enter()
	defer p.leave()
	v := &VariableDeclaration{Doc: p.docAt(p.tok)}
	var start int32
	if lookAheadType == nil {
		start = p.tok.start
		v.Type = p.typeName()
	} else {
		start = int32(lookAheadType.Span().Start)
		v.Type = lookAheadType
	}
	end := int32(v.Type.Span().End)
	if _, ok := v.Type.(*FunctionTypeName); ok && opts.kind == varState && p.tok.kind == LBrace {
		p.fatal(2915, "Expected a state variable declaration. If you intended this as a fallback function "+
			"or a function to handle plain ether transactions, use the \"fallback\" keyword "+
			"or the \"receive\" keyword instead.")
	}
	for {
		k := p.tok.kind
		if opts.kind == varState && k.IsVariableVisibilitySpecifier() {
			end = p.tok.end
			if v.Visibility != VisDefault {
				p.parserError(4110, "Visibility already specified as \"%s\".", v.Visibility)
				p.advance()
			} else {
				v.Visibility = p.visibility()
			}
			continue
		}
		if opts.kind == varState && k == Override {
			if v.Overrides != nil {
				p.parserError(9125, "Override already specified.")
			}
			v.Overrides = p.overrideSpecifier()
			continue
		}
		switch {
		case opts.allowIndexed && k == Indexed:
			if v.Indexed {
				p.parserError(5399, "Indexed already specified.")
			}
			v.Indexed = true
		case k == Constant || k == Immutable:
			if v.Mutability != VarMutable {
				p.parserError(3109, "Mutability already set to \"%s\"", v.Mutability)
			} else if k == Constant {
				v.Mutability = VarConstant
			} else {
				v.Mutability = VarImmutable
			}
		case opts.allowLocationSpecifier && k.IsLocationSpecifier():
			if v.Location != LocUnspecified {
				p.parserError(3548, "Location already specified.")
			} else {
				switch k {
				case Storage:
					v.Location = LocStorage
				case Memory:
					v.Location = LocMemory
				default:
					v.Location = LocCallData
				}
			}
		case opts.kind == varState && k == Identifier && p.text(p.tok) == "transient" &&
			p.peek() != Assign && p.peek() != Semicolon:
			if v.Location != LocUnspecified {
				p.parserError(3548, "Location already specified.")
			} else {
				v.Location = LocTransient
			}
		default:
			goto specifiersDone
		}
		end = p.tok.end
		p.advance()
	}
specifiersDone:
	if opts.allowEmptyName && p.tok.kind != Identifier {
		// An unnamed parameter.
	} else {
		end = p.tok.end
		v.Name = p.expectIdent()
	}
	if opts.allowInitialValue && p.tok.kind == Assign {
		p.advance()
		v.Value = p.expression(nil)
		end = int32(v.Value.Span().End)
	}
	v.Loc = p.span(start, end)
	return v
}

func (p *parser) eventDefinition() *EventDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	e := &EventDefinition{Doc: p.docAt(p.tok)}
	p.expect(Event)
	e.Name = p.expectIdent()
	e.Params = p.parameterList(varOptions{allowIndexed: true}, true)
	if p.tok.kind == Anonymous {
		e.Anonymous = true
		p.advance()
	}
	e.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return e
}

func (p *parser) errorDefinition() *ErrorDefinition {
	p.enter()
	defer p.leave()
	start := p.tok.start
	e := &ErrorDefinition{Doc: p.docAt(p.tok)}
	p.advance() // "error"
	e.Name = p.expectIdent()
	e.Params = p.parameterList(varOptions{}, true)
	e.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return e
}

func (p *parser) usingDirective() *UsingForDirective {
	p.enter()
	defer p.leave()
	start := p.tok.start
	p.expect(Using)
	u := &UsingForDirective{}
	if p.tok.kind == LBrace {
		u.Braces = true
		for {
			p.advance()
			fn := &UsingFunction{Path: p.identifierPath()}
			if p.tok.kind == As {
				p.advance()
				op := p.tok.kind
				if !isUserDefinableOperator(op) {
					name := p.literal(p.tok)
					if name == "" {
						name = tokens[op].text
					}
					p.parserError(4403, "Not a user-definable operator: %s. Only the following operators can be user-defined: %s",
						name, userDefinableOperatorList())
				}
				fn.Operator = op
				p.advance()
			}
			u.Functions = append(u.Functions, fn)
			if p.tok.kind != Comma {
				break
			}
		}
		p.expect(RBrace)
	} else {
		u.Functions = append(u.Functions, &UsingFunction{Path: p.identifierPath()})
	}
	p.expect(For)
	if p.tok.kind == Mul {
		p.advance()
	} else {
		u.Type = p.typeName()
	}
	if p.tok.kind == Identifier && p.text(p.tok) == "global" {
		u.Global = true
		p.advance()
	}
	u.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return u
}

func isUserDefinableOperator(t Token) bool {
	for _, op := range userDefinableOperators {
		if op == t {
			return true
		}
	}
	return false
}

func userDefinableOperatorList() string {
	parts := make([]string, len(userDefinableOperators))
	for i, op := range userDefinableOperators {
		parts[i] = op.String()
	}
	return strings.Join(parts, ", ")
}

// identifier parses an identifier (solc's parseIdentifier).
func (p *parser) identifier() *Ident {
	p.enter()
	defer p.leave()
	return p.expectIdent()
}

func (p *parser) userDefinedValueType() *UserDefinedValueTypeDefinition {
	start := p.tok.start
	p.expect(Type)
	d := &UserDefinedValueTypeDefinition{Name: p.expectIdent()}
	p.expect(Is)
	d.Underlying = p.typeName()
	d.Loc = p.span(start, p.tok.end)
	p.expect(Semicolon)
	return d
}

func (p *parser) identifierPath() *IdentifierPath {
	p.enter()
	defer p.leave()
	start, end := p.tok.start, p.tok.end
	ip := &IdentifierPath{Parts: []*Ident{p.expectIdent()}}
	for p.tok.kind == Period {
		p.advance()
		end = p.tok.end
		ip.Parts = append(ip.Parts, p.expectIdent())
	}
	ip.Loc = p.span(start, end)
	return ip
}

// variableDeclarationStart is solc's variableDeclarationStart.
func (p *parser) variableDeclarationStart() bool {
	k := p.tok.kind
	return k == Identifier || k == Mapping || k.IsElementaryTypeName() || k == Function && p.peek() == LParen
}
