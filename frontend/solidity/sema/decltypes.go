package sema

import (
	"math/big"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// plainType is the type a type name denotes, before a data location is
// applied (solc's DeclarationTypeChecker on TypeName nodes). Errors are
// reported once per type name.
func (a *analyzer) plainType(tn solidity.TypeName) Type {
	if tn == nil {
		return tNull
	}
	if t, ok := a.typeNames[tn]; ok {
		return t
	}
	if ut, ok := tn.(*solidity.UserDefinedTypeName); ok && a.refs[ut.Path] == nil {
		return tNull // not resolved (yet): do not remember
	}
	a.typeNames[tn] = tNull // breaks cycles through constants
	t := a.computePlainType(tn)
	a.typeNames[tn] = t
	return t
}

func (a *analyzer) computePlainType(tn solidity.TypeName) Type {
	switch tn := tn.(type) {
	case *solidity.ElementaryTypeName:
		return elementaryType(tn)
	case *solidity.UserDefinedTypeName:
		d := a.refs[tn.Path]
		switch d := d.(type) {
		case *solidity.ContractDefinition:
			if d.Kind == solidity.KindLibrary {
				a.errorf(source.TypeError, 1130, tn.Loc, "Invalid use of a library name.")
			}
			return &ContractType{C: a.contracts[d]}
		case *solidity.StructDefinition:
			return &StructType{S: a.structs[d], Loc: LocStorage}
		case *solidity.EnumDefinition:
			return &EnumType{E: a.enums[d]}
		case *solidity.UserDefinedValueTypeDefinition:
			return &UDVType{U: a.udvt(d)}
		case nil:
			return tNull
		}
		a.errorf(source.TypeError, 5172, tn.Loc, "Name has to refer to a user-defined type.")
		a.fatal = true
		return tNull
	case *solidity.MappingType:
		if tn.KeyName != nil {
			for v := tn.Value; ; {
				inner, ok := v.(*solidity.MappingType)
				var n *solidity.Ident
				if ok {
					n = inner.KeyName
				} else {
					n = tn.ValueName
					if last, ok := lastMapping(tn); ok {
						n = last.ValueName
					}
				}
				if n != nil && n.Name == tn.KeyName.Name {
					a.errorf(source.DeclarationError, 1809, tn.Loc, "Conflicting parameter name \"%s\" in mapping.", n.Name)
				}
				if !ok {
					break
				}
				v = inner.Value
			}
		}
		key := a.plainType(tn.Key)
		switch k := key.(type) {
		case *IntType, *BoolType, *AddressType, *FixedBytesType, *FixedPointType, *EnumType, *UDVType, *ContractType, *NullType:
		case *ArrayType:
			if !k.IsByteArray() {
				a.errorf(source.TypeError, 7804, tn.Key.Span(), "Only elementary types, user defined value types, contract types or enums are allowed as mapping keys.")
			}
		default:
			a.errorf(source.TypeError, 7804, tn.Key.Span(), "Only elementary types, user defined value types, contract types or enums are allowed as mapping keys.")
		}
		key = withLoc(key, LocMemory, true)
		val := withLoc(a.plainType(tn.Value), LocStorage, false)
		return &MappingType{Key: key, Value: val, Loc: LocStorage}
	case *solidity.ArrayTypeName:
		base := a.plainType(tn.Base)
		if _, ok := base.(*NullType); ok {
			return tNull
		}
		at := &ArrayType{Kind: OrdinaryArray, Base: withLoc(base, LocStorage, false), Loc: LocStorage}
		if tn.Length != nil {
			at.Len = a.arrayLength(tn.Length)
			if at.Len == nil {
				return tNull
			}
		}
		return at
	case *solidity.FunctionTypeName:
		ft := &FunctionType{Kind: FuncInternal, Mut: tn.Mutability}
		if tn.Visibility == solidity.VisExternal {
			ft.Kind = FuncExternal
		}
		r := varRole{callable: true, funcType: true, internal: ft.Kind == FuncInternal, external: ft.Kind == FuncExternal}
		for _, p := range tn.Params.Params {
			a.setRole(p, r)
			ft.Params = append(ft.Params, a.varType(p))
			ft.ParamNames = append(ft.ParamNames, "")
		}
		if tn.Returns != nil {
			r.ret = true
			for _, p := range tn.Returns.Params {
				a.setRole(p, r)
				ft.Returns = append(ft.Returns, a.varType(p))
				ft.ReturnNames = append(ft.ReturnNames, "")
			}
		}
		return ft
	}
	return tNull
}

func (a *analyzer) udvt(d *solidity.UserDefinedValueTypeDefinition) *UserType {
	u := a.udvts[d]
	if u.Underlying == nil {
		u.Underlying = tNull
		u.Underlying = a.plainType(d.Underlying)
	}
	return u
}

// elementaryType is the type of an elementary type name.
func elementaryType(et *solidity.ElementaryTypeName) Type {
	switch et.Token {
	case solidity.Int:
		return tInt256
	case solidity.UInt:
		return tUint256
	case solidity.IntM:
		return &IntType{Bits: et.M, Signed: true}
	case solidity.UIntM:
		return &IntType{Bits: et.M}
	case solidity.Bytes:
		return bytesType(LocStorage, false)
	case solidity.String:
		return stringType(LocStorage, false)
	case solidity.BytesM:
		return &FixedBytesType{N: et.M}
	case solidity.Address:
		if et.Payable || et.Mutability == solidity.MutPayable {
			return tPayable
		}
		return tAddress
	case solidity.Bool:
		return tBool
	case solidity.Fixed:
		return &FixedPointType{Bits: 128, Frac: 18, Signed: true}
	case solidity.UFixed:
		return &FixedPointType{Bits: 128, Frac: 18}
	case solidity.FixedMxN:
		return &FixedPointType{Bits: et.M, Frac: et.N, Signed: true}
	case solidity.UFixedMxN:
		return &FixedPointType{Bits: et.M, Frac: et.N}
	}
	return tNull
}

// arrayLength evaluates T[len] as solc's DeclarationTypeChecker does.
func (a *analyzer) arrayLength(e solidity.Expr) *big.Int {
	r := a.constEval(e)
	switch {
	case r == nil:
		a.errorf(source.TypeError, 5462, e.Span(), "Invalid array length, expected integer literal or constant expression.")
	case r.v.Sign() == 0:
		a.errorf(source.TypeError, 1220, e.Span(), "Array with zero length specified.")
	case !r.v.IsInt():
		a.errorf(source.TypeError, 3208, e.Span(), "Array with fractional length specified.")
	case r.v.Sign() < 0:
		a.errorf(source.TypeError, 3658, e.Span(), "Array with negative length specified.")
	case r.v.Num().BitLen() > 256:
		a.errorf(source.TypeError, 1847, e.Span(), "Array length too large, maximum is 2**256 - 1.")
	default:
		return new(big.Int).Set(r.v.Num())
	}
	return nil
}

// varRole says where a variable is declared, which decides its allowed
// data locations (solc's VariableDeclaration::allowedDataLocations).
type varRole struct {
	state, fileLevel, member, eventParam, callable, ret, catch, local bool
	constructor, internal, library, external, funcType                bool
}

// roles records each variable declaration's role during declarationTypes.
func (a *analyzer) setRole(v *solidity.VariableDeclaration, r varRole) {
	if a.roles == nil {
		a.roles = map[*solidity.VariableDeclaration]varRole{}
	}
	a.roles[v] = r
}

// varType is the type of a variable declaration with its data location
// (solc's DeclarationTypeChecker::endVisit(VariableDeclaration)).
func (a *analyzer) varType(v *solidity.VariableDeclaration) Type {
	if t, ok := a.varTypes[v]; ok {
		return t
	}
	a.varTypes[v] = tNull
	t := a.computeVarType(v)
	a.varTypes[v] = t
	return t
}

func (a *analyzer) computeVarType(v *solidity.VariableDeclaration) Type {
	r := a.roles[v]
	pt := a.plainType(v.Type)
	if v.Type == nil {
		return tNull
	}
	if r.fileLevel && v.Mutability != solidity.VarConstant {
		a.errorf(source.DeclarationError, 8342, v.Loc, "Only constant variables are allowed at file level.")
	}
	if v.Mutability == solidity.VarConstant && !r.state && !r.fileLevel {
		a.errorf(source.DeclarationError, 1788, v.Loc, "The \"constant\" keyword can only be used for state variables or variables at file level.")
	}
	if v.Mutability == solidity.VarImmutable && !r.state {
		a.errorf(source.DeclarationError, 8297, v.Loc, "The \"immutable\" keyword can only be used for state variables.")
	}
	isRef := isReference(pt)
	var allowed []solidity.DataLocation
	switch {
	case r.state:
		allowed = []solidity.DataLocation{solidity.LocUnspecified, solidity.LocTransient}
	case !isRef || r.eventParam:
		allowed = []solidity.DataLocation{solidity.LocUnspecified}
	case r.callable || r.catch:
		allowed = []solidity.DataLocation{}
		if r.constructor || r.internal || r.library {
			allowed = append(allowed, solidity.LocStorage)
		}
		allowed = append(allowed, solidity.LocMemory)
		if !r.catch && !r.constructor {
			allowed = append(allowed, solidity.LocCallData)
		}
	case r.local:
		allowed = []solidity.DataLocation{solidity.LocStorage, solidity.LocMemory, solidity.LocCallData}
	default:
		allowed = []solidity.DataLocation{solidity.LocUnspecified}
	}
	loc := v.Location
	ok := false
	for _, l := range allowed {
		if l == loc {
			ok = true
		}
	}
	if !ok {
		name := func(l solidity.DataLocation) string {
			if l == solidity.LocUnspecified {
				return "none"
			}
			return "\"" + l.String() + "\""
		}
		var msg string
		if !isRef {
			msg = "Data location can only be specified for array, struct or mapping types"
		} else {
			parts := make([]string, len(allowed))
			for i, l := range allowed {
				parts[i] = name(l)
			}
			msg = "Data location must be " + joinHuman(parts)
			switch {
			case r.constructor:
				msg += " for constructor parameter"
			case r.callable || r.catch:
				msg += " for "
				if r.ret {
					msg += "return "
				}
				msg += "parameter in"
				if r.external {
					msg += " external"
				}
				msg += " function"
			default:
				msg += " for variable"
			}
		}
		msg += ", but " + name(loc) + " was given."
		a.errorf(source.TypeError, 6651, v.Loc, "%s", msg)
		loc = allowed[0]
	}
	var tl Loc
	switch {
	case r.eventParam, r.fileLevel:
		tl = LocMemory
	case r.state:
		tl = LocStorage
		if loc == solidity.LocTransient {
			tl = LocTransient
		}
	case r.member:
		tl = LocStorage
	default:
		tl = fromAST(loc)
	}
	t := pt
	if isRef && tl != LocNone {
		t = withLoc(pt, tl, !r.state && !r.member)
	}
	if v.Mutability == solidity.VarConstant && !isValueType(t) {
		if at, ok := t.(*ArrayType); !ok || !at.IsByteArray() {
			if _, null := t.(*NullType); !null {
				a.errorf(source.TypeError, 9259, v.Loc, "Only constants of value type and byte array type are implemented.")
				a.fatal = true
			}
		}
	}
	return t
}

// joinHuman is solc's joinHumanReadable(…, ", ", " or ").
func joinHuman(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// declarationTypes gives every declared variable its type, resolves
// struct members and checks recursive structs (solc's
// DeclarationTypeChecker over all source units).
func (a *analyzer) declarationTypes() {
	for _, u := range a.order {
		for _, d := range u.Decls {
			a.declTypes(d, nil)
			if a.fatal {
				return
			}
		}
	}
}

func (a *analyzer) declTypes(d solidity.Decl, c *Contract) {
	inLib := c != nil && c.Def.Kind == solidity.KindLibrary
	switch d := d.(type) {
	case *solidity.ContractDefinition:
		cc := a.contracts[d]
		for _, m := range d.Members {
			a.declTypes(m, cc)
			if a.fatal {
				return
			}
		}
	case *solidity.StructDefinition:
		s := a.structs[d]
		a.structMembers(s)
		a.checkRecursive(s)
	case *solidity.EnumDefinition:
	case *solidity.UsingForDirective:
		a.usingDeclTypes(d)
	case *solidity.UserDefinedValueTypeDefinition:
		u := a.udvt(d)
		if !isValueType(u.Underlying) || isUDVorContractOrEnum(u.Underlying) {
			if _, null := u.Underlying.(*NullType); !null {
				a.errorf(source.TypeError, 8129, d.Underlying.Span(), "The underlying type for a user defined value type has to be an elementary value type.")
			}
		}
	case *solidity.VariableDeclaration:
		if c == nil {
			a.setRole(d, varRole{fileLevel: true})
		} else {
			a.setRole(d, varRole{state: true})
		}
		a.varType(d)
	case *solidity.EventDefinition:
		a.paramTypes(d.Params, varRole{eventParam: true})
	case *solidity.ErrorDefinition:
		a.paramTypes(d.Params, varRole{eventParam: true})
	case *solidity.ModifierDefinition:
		a.paramTypes(d.Params, varRole{callable: true, internal: true, library: inLib})
		if d.Body != nil {
			a.localTypes(d.Body)
		}
	case *solidity.FunctionDefinition:
		vis := a.visibility(d)
		r := varRole{callable: true,
			constructor: d.Kind == solidity.KindConstructor,
			internal:    vis == solidity.VisInternal || vis == solidity.VisPrivate,
			library:     inLib,
			external:    vis == solidity.VisExternal}
		a.paramTypes(d.Params, r)
		r.ret = true
		r.constructor = false
		a.paramTypes(d.Returns, r)
		if d.Body != nil {
			a.localTypes(d.Body)
		}
	}
}

func isUDVorContractOrEnum(t Type) bool {
	switch t.(type) {
	case *UDVType, *ContractType, *EnumType, *FunctionType:
		return true
	}
	return false
}

// visibility is a function's effective visibility: free functions are
// internal, interface functions external, and a missing visibility
// (a SyntaxError) counts as public.
func (a *analyzer) visibility(fd *solidity.FunctionDefinition) solidity.Visibility {
	if fd.Visibility != solidity.VisDefault {
		return fd.Visibility
	}
	if fd.Free {
		return solidity.VisInternal
	}
	if c := a.container[fd]; c != nil && c.Def.Kind == solidity.KindInterface {
		return solidity.VisExternal
	}
	return solidity.VisPublic
}

func (a *analyzer) paramTypes(pl *solidity.ParameterList, r varRole) {
	if pl == nil {
		return
	}
	for _, p := range pl.Params {
		a.setRole(p, r)
		a.varType(p)
	}
}

// localTypes types the local variables of a body (and the parameters of
// function types and catch clauses in it).
func (a *analyzer) localTypes(b *solidity.Block) {
	walkStmts(b, func(s solidity.Stmt) {
		switch s := s.(type) {
		case *solidity.VariableDeclarationStatement:
			for _, v := range s.Vars {
				if v != nil {
					a.setRole(v, varRole{local: true})
					a.varType(v)
				}
			}
		case *solidity.TryStatement:
			for _, cl := range s.Clauses {
				if cl.Params != nil {
					a.paramTypes(cl.Params, varRole{catch: true})
				}
			}
		}
	})
}

// walkStmts calls f on every statement of s (s included), depth first,
// in source order. It does not descend into expressions, type names or
// declarations (no statement is inside them), only into statements and
// catch clauses.
func walkStmts(s solidity.Stmt, f func(solidity.Stmt)) {
	solidity.Inspect(s, func(n solidity.Node) bool {
		switch n := n.(type) {
		case solidity.Stmt:
			f(n)
			return true
		case *solidity.CatchClause:
			return true
		}
		return false
	})
}

// structMembers resolves a struct's member types (in storage).
func (a *analyzer) structMembers(s *Struct) []Member {
	if s.resolved {
		return s.Members
	}
	s.resolved = true
	for _, m := range s.Def.Members {
		a.setRole(m, varRole{member: true})
		t := a.varType(m)
		name := ""
		if m.Name != nil {
			name = m.Name.Name
		}
		s.Members = append(s.Members, Member{Name: name, Type: t, Decl: m})
	}
	return s.Members
}

// checkRecursive reports solc's 2046 for a struct that contains itself
// other than through a mapping or a dynamic array.
func (a *analyzer) checkRecursive(s *Struct) {
	var visit func(t Type, path map[*Struct]bool) bool
	visit = func(t Type, path map[*Struct]bool) bool {
		switch t := t.(type) {
		case *StructType:
			if t.S == s && len(path) > 0 {
				return true
			}
			if path[t.S] {
				return false
			}
			path[t.S] = true
			defer delete(path, t.S)
			for _, m := range a.structMembers(t.S) {
				if visit(m.Type, path) {
					return true
				}
			}
		case *ArrayType:
			if t.Len != nil && t.Kind == OrdinaryArray {
				return visit(t.Base, path)
			}
		}
		return false
	}
	if visit(&StructType{S: s}, map[*Struct]bool{}) {
		s.Recursive = true
		a.errorf(source.TypeError, 2046, s.Def.Loc, "Recursive struct definition.")
		a.fatal = true
	}
}

// lastMapping is the innermost mapping of a mapping's value chain.
func lastMapping(m *solidity.MappingType) (*solidity.MappingType, bool) {
	for {
		inner, ok := m.Value.(*solidity.MappingType)
		if !ok {
			return m, true
		}
		m = inner
	}
}
