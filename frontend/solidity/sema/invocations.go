package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's TypeChecker::endVisit(InheritanceSpecifier) and
// TypeChecker::visitManually(ModifierInvocation): the arguments of base
// constructor calls and modifier invocations against the parameters.

// inheritanceSpecifier checks `is Base(args)` of contract c.
func (a *analyzer) inheritanceSpecifier(c *Contract, spec *solidity.InheritanceSpecifier, ctx *fnCtx) {
	var argTypes []Type
	for _, x := range spec.Args {
		argTypes = append(argTypes, a.expr(x, ctx))
	}
	base, ok := a.refs[spec.Name].(*solidity.ContractDefinition)
	if !ok {
		return
	}
	if c.Def.Kind == solidity.KindInterface && base.Kind != solidity.KindInterface {
		a.errorf(source.TypeError, 6536, spec.Loc, "Interfaces can only inherit from other interfaces.")
	}
	// `Base` and `Base()` differ only in the span.
	if spec.Loc.End <= spec.Name.Loc.End {
		return
	}
	var params []*solidity.VariableDeclaration
	if base.Kind != solidity.KindInterface {
		if ctor := ownSpecial(base, solidity.KindConstructor); ctor != nil && ctor.Params != nil {
			params = ctor.Params.Params
		}
	}
	if len(params) != len(spec.Args) {
		hint := ""
		if len(spec.Args) == 0 {
			hint = ". Remove parentheses if you do not want to provide arguments here."
		}
		a.errorf(source.TypeError, 7927, spec.Loc, "Wrong argument count for constructor call: %d arguments given but expected %d%s", len(spec.Args), len(params), hint)
	}
	for i := 0; i < len(params) && i < len(argTypes); i++ {
		want := a.varType(params[i])
		if argTypes[i] == nil || want == nil || implicit(argTypes[i], want) {
			continue
		}
		a.errorf(source.TypeError, 9827, spec.Args[i].Span(), "Invalid type for argument in constructor call. Invalid implicit conversion from %s to %s requested.", argTypes[i], want)
	}
}

// modifierInvocation checks `m(args)` on function fd of contract c (nil
// for free functions). Only constructors may name a base contract.
func (a *analyzer) modifierInvocation(c *Contract, fd *solidity.FunctionDefinition, m *solidity.ModifierInvocation, argTypes []Type) {
	var params []*solidity.VariableDeclaration
	found := false
	switch d := a.refs[m.Name].(type) {
	case *solidity.ModifierDefinition:
		found = true
		if d.Params != nil {
			params = d.Params.Params
		}
		if mc := a.container[d]; mc != nil && c != nil && !inLinear(c, mc) {
			a.errorf(source.TypeError, 9428, m.Loc, "Can only use modifiers defined in the current contract or in base contracts.")
		}
	case *solidity.ContractDefinition:
		if c == nil || fd.Kind != solidity.KindConstructor {
			break
		}
		for _, b := range c.Linear[1:] {
			if b.Def != d {
				continue
			}
			found = true
			if ctor := ownSpecial(d, solidity.KindConstructor); ctor != nil && ctor.Params != nil {
				params = ctor.Params.Params
			}
			break
		}
	default:
		return
	}
	if !found {
		a.errorf(source.TypeError, 4659, m.Loc, "Referenced declaration is neither modifier nor base class.")
		return
	}
	if len(params) != len(m.Args) {
		a.errorf(source.TypeError, 2973, m.Loc, "Wrong argument count for modifier invocation: %d arguments given but expected %d.", len(m.Args), len(params))
		return
	}
	for i := range params {
		if i >= len(argTypes) {
			break
		}
		want := a.varType(params[i])
		if argTypes[i] == nil || want == nil || implicit(argTypes[i], want) {
			continue
		}
		a.errorf(source.TypeError, 4649, m.Args[i].Span(), "Invalid type for argument in modifier invocation. Invalid implicit conversion from %s to %s requested.", argTypes[i], want)
	}
}

// inLinear reports whether b is c or one of its bases.
func inLinear(c, b *Contract) bool {
	for _, x := range c.Linear {
		if x == b {
			return true
		}
	}
	return false
}

// specialFunction is solc's TypeChecker::typeCheckFallbackFunction and
// typeCheckReceiveFunction.
func (a *analyzer) specialFunction(fd *solidity.FunctionDefinition, c *Contract) {
	inLib := c != nil && c.Def.Kind == solidity.KindLibrary
	vis := a.visibility(fd)
	switch fd.Kind {
	case solidity.KindFallback:
		if inLib {
			a.errorf(source.TypeError, 5982, fd.Loc, "Libraries cannot have fallback functions.")
		}
		if fd.Mutability != solidity.MutNonPayable && fd.Mutability != solidity.MutPayable {
			a.errorf(source.TypeError, 4575, fd.Loc, "Fallback function must be payable or non-payable, but is \"%s\".", fd.Mutability)
		}
		if vis != solidity.VisExternal {
			a.errorf(source.TypeError, 1159, fd.Loc, "Fallback function must be defined as \"external\".")
		}
		nParams, nRets := len(fd.Params.Params), 0
		if fd.Returns != nil {
			nRets = len(fd.Returns.Params)
		}
		if nParams == 0 && nRets == 0 {
			return
		}
		if nParams != 1 || nRets != 1 || !isBytesAt(a.varType(fd.Params.Params[0]), LocCallData) || !isBytesAt(a.varType(fd.Returns.Params[0]), LocMemory) {
			a.errorf(source.TypeError, 5570, a.returnListSpan(fd), "Fallback function either has to have the signature \"fallback()\" or \"fallback(bytes calldata) returns (bytes memory)\".")
		}
	case solidity.KindReceive:
		if inLib {
			a.errorf(source.DeclarationError, 4549, fd.Loc, "Libraries cannot have receive ether functions.")
		}
		if fd.Mutability != solidity.MutPayable {
			a.errorf(source.DeclarationError, 7793, fd.Loc, "Receive ether function must be payable, but is \"%s\".", fd.Mutability)
		}
		if vis != solidity.VisExternal {
			a.errorf(source.DeclarationError, 4095, fd.Loc, "Receive ether function must be defined as \"external\".")
		}
		if fd.Returns != nil && len(fd.Returns.Params) > 0 {
			a.errorf(source.DeclarationError, 6899, fd.Returns.Loc, "Receive ether function cannot return values.")
		}
		if len(fd.Params.Params) > 0 {
			a.errorf(source.DeclarationError, 6857, fd.Params.Loc, "Receive ether function cannot take parameters.")
		}
	}
}

// returnListSpan is the span of fd's return parameter list; an absent
// list is empty, where the body (or `;`) starts.
func (a *analyzer) returnListSpan(fd *solidity.FunctionDefinition) source.Span {
	if fd.Returns != nil && len(fd.Returns.Params) > 0 {
		return fd.Returns.Loc
	}
	sp := fd.Loc
	if fd.Body != nil {
		sp.Start = fd.Body.Loc.Start
	} else {
		sp.Start = sp.End - 1
	}
	sp.End = sp.Start
	return sp
}

// isBytesAt reports `bytes` in data location loc.
func isBytesAt(t Type, loc Loc) bool {
	at, ok := t.(*ArrayType)
	return ok && at.Kind == BytesArray && at.Loc == loc
}

// functionShape is the part of solc's TypeChecker::visit
// (FunctionDefinition) about where functions may be (un)implemented.
func (a *analyzer) functionShape(fd *solidity.FunctionDefinition, c *Contract) {
	if c != nil && c.Def.Kind == solidity.KindInterface {
		if fd.Body != nil {
			a.errorf(source.TypeError, 4726, fd.Loc, "Functions in interfaces cannot have an implementation.")
		}
		if fd.Visibility != solidity.VisDefault && fd.Visibility != solidity.VisExternal {
			a.errorf(source.TypeError, 1560, fd.Loc, "Functions in interfaces must be declared external.")
		}
		if fd.Kind == solidity.KindConstructor {
			a.errorf(source.TypeError, 6482, fd.Loc, "Constructor cannot be defined in interfaces.")
		}
	} else if c != nil && c.Def.Kind == solidity.KindLibrary && fd.Kind == solidity.KindConstructor {
		a.errorf(source.TypeError, 7634, fd.Loc, "Constructor cannot be defined in libraries.")
	}
	if fd.Body != nil {
		return
	}
	switch {
	case fd.Kind == solidity.KindConstructor:
		a.errorf(source.TypeError, 5700, fd.Loc, "Constructor must be implemented if declared.")
	case c != nil && c.Def.Kind == solidity.KindLibrary:
		a.errorf(source.TypeError, 9231, fd.Loc, "Library functions must be implemented if declared.")
	case c != nil && !fd.Virtual && c.Def.Kind != solidity.KindInterface:
		a.errorf(source.TypeError, 5424, fd.Loc, "Functions without implementation must be marked virtual.")
	}
}
