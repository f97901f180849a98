package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// checkSignatureTypes is the part of solc's TypeChecker::visit
// (FunctionDefinition) about parameter and return types: a public or
// external function's must cross the ABI (4103), and no memory or
// calldata variable may contain a mapping (4061).
func (a *analyzer) checkSignatureTypes(fd *solidity.FunctionDefinition) {
	vis := a.visibility(fd)
	inLib := false
	if c := a.container[fd]; c != nil && c.Def.Kind == solidity.KindLibrary {
		inLib = true
	}
	var vars []*solidity.VariableDeclaration
	vars = append(vars, fd.Params.Params...)
	if fd.Returns != nil {
		vars = append(vars, fd.Returns.Params...)
	}
	suffix := ""
	checked := vars
	if fd.Kind == solidity.KindConstructor {
		suffix = " You can make the contract abstract to avoid this problem."
		checked = fd.Params.Params
		if c := a.container[fd]; c == nil || c.Def.Abstract {
			checked = nil
		}
	} else if vis != solidity.VisPublic && vis != solidity.VisExternal {
		checked = nil
	}
	for _, v := range checked {
		if fd.Kind == solidity.KindConstructor && v.Location == solidity.LocStorage {
			a.errorf(source.TypeError, 3644, v.Loc, "This parameter has a type that can only be used internally. You can make the contract abstract to avoid this problem.")
			continue
		}
		t := a.varType(v)
		if _, null := t.(*NullType); null {
			continue
		}
		if inLib && location(t) == LocStorage && containsInternalFunction(t, map[*Struct]bool{}) {
			a.errorf(source.TypeError, 4103, v.Loc, "Internal type is not allowed for public or external functions.%s", suffix)
			continue
		}
		if recursiveType(t, map[*Struct]bool{}) {
			if !(inLib && location(t) == LocStorage) {
				a.errorf(source.TypeError, 4103, v.Loc, "Recursive type not allowed for public or external contract functions.%s", suffix)
			}
			continue
		}
		if interfaceType(t, inLib) != nil {
			if abiCoderV1(a.unitOf[fd]) && !oldCoderSupports(t, inLib) {
				alt := ""
				if fd.Kind == solidity.KindConstructor {
					alt = " Alternatively, make the contract abstract and supply the constructor arguments from a derived contract."
				}
				a.errorf(source.TypeError, 4957, v.Loc, "This type is only supported in ABI coder v2. Use \"pragma abicoder v2;\" to enable the feature.%s", alt)
			}
			continue
		}
		switch {
		case containsMapping(t):
			if !inLib {
				a.errorf(source.TypeError, 4103, v.Loc, "Types containing (nested) mappings can only be parameters or return variables of internal or library functions.%s", suffix)
			}
		case containsInternalFunction(t, map[*Struct]bool{}):
			a.errorf(source.TypeError, 4103, v.Loc, "Internal type is not allowed for public or external functions.%s", suffix)
		}
	}
	for _, v := range vars {
		a.checkMappingLocation(v)
		a.checkTypeSize(v, fd.Kind == solidity.KindConstructor || vis == solidity.VisPublic || vis == solidity.VisExternal)
	}
}

// checkMappingLocation is solc's 4061: a memory or calldata variable
// whose type contains a mapping.
func (a *analyzer) checkMappingLocation(v *solidity.VariableDeclaration) {
	t := a.varType(v)
	declared := v.Location == solidity.LocMemory || v.Location == solidity.LocCallData
	if l := location(t); (declared || l == LocMemory || l == LocCallData) && containsMapping(t) {
		a.errorf(source.TypeError, 4061, v.Loc, "Type %s is only valid in storage because it contains a (nested) mapping.", t)
	}
}

// recursiveType reports a struct that reaches itself through its members
// (arrays included).
func recursiveType(t Type, path map[*Struct]bool) bool {
	switch t := t.(type) {
	case *ArrayType:
		return recursiveType(t.Base, path)
	case *StructType:
		if path[t.S] {
			return true
		}
		path[t.S] = true
		defer delete(path, t.S)
		for _, m := range t.S.Members {
			if recursiveType(m.Type, path) {
				return true
			}
		}
	}
	return false
}

func containsInternalFunction(t Type, seen map[*Struct]bool) bool {
	switch t := t.(type) {
	case *FunctionType:
		return t.Kind != FuncExternal
	case *ArrayType:
		return containsInternalFunction(t.Base, seen)
	case *StructType:
		if seen[t.S] {
			return false
		}
		seen[t.S] = true
		for _, m := range t.S.Members {
			if containsInternalFunction(m.Type, seen) {
				return true
			}
		}
	}
	return false
}
