package solidity

import "fmt"

// LanguageVersion is the Solidity version soll speaks: `pragma solidity`
// is checked against it as solc 0.8.28 checks against its own version.
const LanguageVersion = "0.8.28"

var languageVersion = [3]uint32{0, 8, 28}

// wildcard marks a version part written as x, X or *.
const wildcard = ^uint32(0)

// semverComponent is one `^0.8.0`-like component (solc's MatchComponent).
type semverComponent struct {
	prefix  Token // BitXor, BitNot, LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual, Assign
	version [3]uint32
	levels  int
}

func (c semverComponent) matches(v [3]uint32) bool {
	switch c.prefix {
	case BitNot:
		d := c
		d.prefix = GreaterThanOrEqual
		if !d.matches(v) {
			return false
		}
		if c.levels >= 2 {
			d.levels = 2
		} else {
			d.levels = 1
		}
		d.prefix = LessThanOrEqual
		return d.matches(v)
	case BitXor:
		d := c
		d.prefix = GreaterThanOrEqual
		if !d.matches(v) {
			return false
		}
		if d.version[0] == 0 && d.levels != 1 {
			d.levels = 2
		} else {
			d.levels = 1
		}
		d.prefix = LessThanOrEqual
		return d.matches(v)
	}
	cmp := 0
	for i := 0; i < c.levels && cmp == 0; i++ {
		if c.version[i] == wildcard {
			continue
		}
		switch {
		case v[i] < c.version[i]:
			cmp = -1
		case v[i] > c.version[i]:
			cmp = 1
		}
	}
	switch c.prefix {
	case Assign:
		return cmp == 0
	case LessThan:
		return cmp < 0
	case LessThanOrEqual:
		return cmp <= 0
	case GreaterThan:
		return cmp > 0
	case GreaterThanOrEqual:
		return cmp >= 0
	}
	return false
}

// semverParser is solc's SemVerMatchExpressionParser: it reads the
// characters of the pragma's token literals, across token boundaries.
type semverParser struct {
	kinds    []Token
	literals []string
	pos      int
	inside   int
}

type semverError string

func (p *semverParser) char() int {
	if p.pos >= len(p.literals) || p.inside >= len(p.literals[p.pos]) {
		return -1
	}
	return int(p.literals[p.pos][p.inside])
}

func (p *semverParser) nextChar() {
	if p.pos < len(p.literals) {
		if p.inside+1 >= len(p.literals[p.pos]) {
			p.nextToken()
		} else {
			p.inside++
		}
	}
}

func (p *semverParser) token() Token {
	if p.pos < len(p.kinds) {
		return p.kinds[p.pos]
	}
	return Illegal
}

func (p *semverParser) nextToken() {
	p.pos++
	p.inside = 0
}

func (p *semverParser) versionPart() uint32 {
	start := p.pos
	c := p.char()
	p.nextChar()
	switch {
	case c == 'x' || c == 'X' || c == '*':
		return wildcard
	case c == '0':
		return 0
	case c >= '1' && c <= '9':
		v := uint32(c - '0')
		for p.pos == start && p.char() >= '0' && p.char() <= '9' {
			d := uint32(p.char() - '0')
			if v*10 < v || v*10+d < v*10 {
				panic(semverError("Integer too large to be used in a version number."))
			}
			v = v*10 + d
			p.nextChar()
		}
		return v
	case c == -1:
		panic(semverError("Expected version number but reached end of pragma."))
	}
	panic(semverError(fmt.Sprintf("Expected the start of a version number but instead found character '%s'. "+
		"Version number is invalid or the pragma is not terminated with a semicolon.", []byte{byte(c)})))
}

func (p *semverParser) component() semverComponent {
	var c semverComponent
	switch k := p.token(); k {
	case BitXor, BitNot, LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual, Assign:
		c.prefix = k
		p.nextToken()
	default:
		c.prefix = Assign
	}
	for c.levels < 3 {
		c.version[c.levels] = p.versionPart()
		c.levels++
		if p.char() == '.' {
			p.nextChar()
		} else {
			break
		}
	}
	return c
}

// parse returns the disjunction of conjunctions of the expression.
func (p *semverParser) parse() (ranges [][]semverComponent) {
	if len(p.kinds) == 0 {
		panic(semverError("Empty version pragma."))
	}
	for {
		var r []semverComponent
		r = append(r, p.component())
		if p.token() == Sub {
			r[0].prefix = GreaterThanOrEqual
			p.nextToken()
			r = append(r, p.component())
			r[1].prefix = LessThanOrEqual
		} else {
			for p.token() != Or && p.token() != Illegal {
				r = append(r, p.component())
			}
		}
		ranges = append(ranges, r)
		if p.pos >= len(p.kinds) {
			return ranges
		}
		if p.token() != Or {
			panic(semverError("You can only combine version ranges using the || operator."))
		}
		p.nextToken()
	}
}

// checkVersionPragma checks `pragma solidity <expr>` (the tokens after
// `solidity`). ok is false for a malformed expression (msg says why); a
// well-formed expression that excludes LanguageVersion gives ok and solc's
// message.
func checkVersionPragma(kinds []Token, literals []string) (msg string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			e, isErr := r.(semverError)
			if !isErr {
				panic(r)
			}
			msg, ok = string(e), false
		}
	}()
	p := &semverParser{kinds: kinds, literals: literals}
	for _, r := range p.parse() {
		all := true
		for _, c := range r {
			if !c.matches(languageVersion) {
				all = false
				break
			}
		}
		if all {
			return "", true
		}
	}
	return "Source file requires different compiler version (current compiler is " + LanguageVersion +
		"+commit.7893614a.soll) - note that nightly builds are considered to be strictly less than the released version", true
}
