package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// Header checks of solc's TypeChecker: the attributes of a function
// (virtual, payable), of a constructor, and of a constant or immutable
// variable, each independent of the body.

// functionHeader is the start of solc's TypeChecker::visit(
// FunctionDefinition): `virtual` (7001, 3942, 7801; 4493 of free
// functions is a syntax check) and `payable` (7708, 9559, 5587).
func (a *analyzer) functionHeader(fd *solidity.FunctionDefinition, c *Contract) {
	inLib := c != nil && c.Def.Kind == solidity.KindLibrary
	if fd.Virtual && !fd.Free {
		switch {
		case fd.Kind == solidity.KindConstructor:
			a.errorf(source.TypeError, 7001, fd.Loc, "Constructors cannot be virtual.")
		case c != nil && c.Def.Kind == solidity.KindInterface:
			a.warnf(5815, fd.Loc, "Interface functions are implicitly \"virtual\"")
		case fd.Visibility == solidity.VisPrivate:
			a.errorf(source.TypeError, 3942, fd.Loc, "\"virtual\" and \"private\" cannot be used together.")
		case inLib:
			a.errorf(source.TypeError, 7801, fd.Loc, "Library functions cannot be \"virtual\".")
		}
	}
	if fd.Mutability != solidity.MutPayable {
		return
	}
	switch {
	case inLib:
		a.errorf(source.TypeError, 7708, fd.Loc, "Library functions cannot be payable.")
	case fd.Free:
		a.errorf(source.TypeError, 9559, fd.Loc, "Free functions cannot be payable.")
	case fd.Kind == solidity.KindFunction:
		if vis := a.visibility(fd); vis != solidity.VisPublic && vis != solidity.VisExternal {
			a.errorf(source.TypeError, 5587, fd.Loc, "\"internal\" and \"private\" functions cannot be payable.")
		}
	}
}

// constructorHeader is solc's TypeChecker::typeCheckConstructor (after
// the body): 1209, 9712, 1558 and the visibility of a constructor (9239,
// 8295, 1845, warning 2462).
func (a *analyzer) constructorHeader(fd *solidity.FunctionDefinition, c *Contract) {
	if fd.Kind != solidity.KindConstructor || c == nil {
		return
	}
	if fd.Overrides != nil {
		a.errorf(source.TypeError, 1209, fd.Loc, "Constructors cannot override.")
	}
	if fd.Returns != nil && len(fd.Returns.Params) > 0 {
		a.errorf(source.TypeError, 9712, fd.Returns.Loc, "Non-empty \"returns\" directive for constructor.")
	}
	if fd.Mutability != solidity.MutNonPayable && fd.Mutability != solidity.MutPayable {
		a.errorf(source.TypeError, 1558, fd.Loc, "Constructor must be payable or non-payable, but is \"%s\".", fd.Mutability)
	}
	switch fd.Visibility {
	case solidity.VisDefault:
	case solidity.VisPrivate, solidity.VisExternal:
		a.errorf(source.TypeError, 9239, fd.Loc, "Constructor cannot have visibility.")
	case solidity.VisPublic:
		if c.Def.Abstract {
			a.errorf(source.DeclarationError, 8295, fd.Loc, "Abstract contracts cannot have public constructors. Remove the \"public\" keyword to fix this.")
		} else {
			a.warnf(2462, fd.Loc, "Visibility for constructor is ignored. If you want the contract to be non-deployable, making it \"abstract\" is sufficient.")
		}
	case solidity.VisInternal:
		if !c.Def.Abstract {
			a.errorf(source.DeclarationError, 1845, fd.Loc, "Non-abstract contracts cannot have internal constructors. Remove the \"internal\" keyword and make the contract abstract to fix this.")
		} else {
			a.warnf(2462, fd.Loc, "Visibility for constructor is ignored. If you want the contract to be non-deployable, making it \"abstract\" is sufficient.")
		}
	}
}

// variableHeader is solc's check of a constant (4266) or immutable
// (6377, 3366) state or file-level variable, after its value.
func (a *analyzer) variableHeader(v *solidity.VariableDeclaration) {
	switch v.Mutability {
	case solidity.VarConstant:
		if v.Value == nil {
			a.errorf(source.TypeError, 4266, v.Loc, "Uninitialized \"constant\" variable.")
		}
	case solidity.VarImmutable:
		t := a.varType(v)
		if t == nil {
			return
		}
		if !isValueType(t) {
			a.errorf(source.TypeError, 6377, v.Loc, "Immutable variables cannot have a non-value type.")
		}
		if ft, ok := t.(*FunctionType); ok && ft.Kind == FuncExternal {
			a.errorf(source.TypeError, 3366, v.Loc, "Immutable variables of external function type are not yet supported.")
		}
	}
}
