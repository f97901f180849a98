package sema

import (
	"encoding/hex"
	"sort"
	"strings"

	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/frontend/solidity"
)

// funcType is the (internal) type of a function definition: its
// parameter and return types with their data locations.
func (a *analyzer) funcType(fd *solidity.FunctionDefinition) *FunctionType {
	ft := &FunctionType{Kind: FuncInternal, Mut: fd.Mutability, Decl: fd, HasDeclaration: true}
	if a.visibility(fd) == solidity.VisExternal {
		ft.Kind = FuncExternal
	}
	if c := a.container[fd]; c != nil && c.Def.Kind == solidity.KindLibrary {
		ft.InLibrary = true
	}
	for _, p := range fd.Params.Params {
		ft.Params = append(ft.Params, a.varType(p))
		ft.ParamNames = append(ft.ParamNames, identName(p.Name))
	}
	if fd.Returns != nil {
		for _, p := range fd.Returns.Params {
			ft.Returns = append(ft.Returns, a.varType(p))
			ft.ReturnNames = append(ft.ReturnNames, identName(p.Name))
		}
	}
	return ft
}

func identName(id *solidity.Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

// getterType is the type of a public state variable's getter (solc's
// FunctionType(VariableDeclaration)): mapping keys and array indices
// become parameters; a struct returns its members that are neither
// mappings nor arrays.
func (a *analyzer) getterType(v *solidity.VariableDeclaration) *FunctionType {
	ft := &FunctionType{Kind: FuncExternal, Mut: solidity.MutView, Decl: v, HasDeclaration: true}
	t := a.varType(v)
	tn := v.Type
	retName := ""
	for {
		if m, ok := t.(*MappingType); ok {
			ft.Params = append(ft.Params, m.Key)
			name := ""
			if mt, ok := tn.(*solidity.MappingType); ok {
				name = identName(mt.KeyName)
				retName = identName(mt.ValueName)
				tn = mt.Value
			}
			ft.ParamNames = append(ft.ParamNames, name)
			t = m.Value
			continue
		}
		if at, ok := t.(*ArrayType); ok && !at.IsByteArray() {
			ft.Params = append(ft.Params, tUint256)
			ft.ParamNames = append(ft.ParamNames, "")
			t = at.Base
			if an, ok := tn.(*solidity.ArrayTypeName); ok {
				tn = an.Base
			}
			continue
		}
		break
	}
	if st, ok := t.(*StructType); ok {
		for _, m := range a.structMembers(st.S) {
			if _, isMap := m.Type.(*MappingType); isMap {
				continue
			}
			if at, ok := m.Type.(*ArrayType); ok && !at.IsByteArray() {
				continue
			}
			ft.Returns = append(ft.Returns, withLoc(m.Type, LocMemory, true))
			ft.ReturnNames = append(ft.ReturnNames, m.Name)
		}
	} else {
		ft.Returns = append(ft.Returns, withLoc(t, LocMemory, true))
		ft.ReturnNames = append(ft.ReturnNames, retName)
	}
	return ft
}

// interfaceType is solc's Type::interfaceType: the type a value has in
// the ABI, nil when it cannot cross the ABI.
func interfaceType(t Type, inLib bool) Type {
	switch t := t.(type) {
	case *IntType, *BoolType, *AddressType, *FixedBytesType, *FixedPointType:
		return t
	case *ContractType:
		if t.Super {
			return nil
		}
		if inLib {
			return t
		}
		return tAddress
	case *EnumType:
		if inLib {
			return t
		}
		return tUint8
	case *UDVType:
		if t.U.Underlying == nil {
			return nil
		}
		return interfaceType(t.U.Underlying, inLib)
	case *FunctionType:
		if t.Kind == FuncExternal {
			return t
		}
		return nil
	case *ArrayType:
		if inLib && t.Loc == LocStorage {
			return t
		}
		if t.IsByteArray() {
			return withLoc(t, LocMemory, true)
		}
		if containsMapping(t.Base) {
			return nil
		}
		b := interfaceType(t.Base, inLib)
		if b == nil {
			return nil
		}
		return &ArrayType{Kind: OrdinaryArray, Base: b, Len: t.Len, Loc: LocMemory, Ptr: true}
	case *StructType:
		if inLib && t.Loc == LocStorage {
			return t
		}
		if t.S.Recursive || containsMapping(t) {
			return nil
		}
		for _, m := range t.S.Members {
			if interfaceType(m.Type, inLib) == nil {
				return nil
			}
		}
		return &StructType{S: t.S, Loc: LocMemory, Ptr: true}
	case *MappingType:
		if inLib {
			return t
		}
	}
	return nil
}

// canonicalName is solc's Type::canonicalName.
func canonicalName(t Type) string {
	switch t := t.(type) {
	case *AddressType:
		return "address"
	case *ArrayType:
		switch t.Kind {
		case BytesArray:
			return "bytes"
		case StringArray:
			return "string"
		}
		if t.Len == nil {
			return canonicalName(t.Base) + "[]"
		}
		return canonicalName(t.Base) + "[" + t.Len.String() + "]"
	case *StructType:
		return t.S.Canonical
	case *EnumType:
		return t.E.Canonical
	case *UDVType:
		return t.U.Canonical
	case *ContractType:
		return t.C.Def.Name.Name
	case *MappingType:
		return "mapping(" + canonicalName(t.Key) + " => " + canonicalName(t.Value) + ")"
	case *FunctionType:
		return "function"
	}
	return t.String()
}

// signatureType is solc's Type::signatureInExternalFunction.
func signatureType(t Type, structsByName bool) string {
	switch t := t.(type) {
	case *ArrayType:
		if t.IsByteArray() {
			return canonicalName(t)
		}
		l := ""
		if t.Len != nil {
			l = t.Len.String()
		}
		return signatureType(t.Base, structsByName) + "[" + l + "]"
	case *StructType:
		if structsByName {
			return t.S.Canonical
		}
		parts := []string{}
		for _, m := range t.S.Members {
			if _, ok := m.Type.(*MappingType); ok {
				continue
			}
			it := interfaceType(m.Type, structsByName)
			if it == nil {
				it = m.Type
			}
			parts = append(parts, signatureType(it, structsByName))
		}
		return "(" + strings.Join(parts, ",") + ")"
	}
	return canonicalName(t)
}

// externalFunction is one entry of a contract's external interface.
type externalFunction struct {
	sig  string
	decl solidity.Node
	ft   *FunctionType // declared types
	ext  *FunctionType // interface types
}

// interfaceFn is solc's FunctionType::interfaceFunctionType; nil when a
// parameter cannot cross the ABI.
func interfaceFn(ft *FunctionType, inLib bool) *FunctionType {
	ext := *ft
	ext.Params = make([]Type, len(ft.Params))
	ext.Returns = make([]Type, len(ft.Returns))
	for i, p := range ft.Params {
		if ext.Params[i] = interfaceType(p, inLib); ext.Params[i] == nil {
			return nil
		}
	}
	for i, r := range ft.Returns {
		if ext.Returns[i] = interfaceType(r, inLib); ext.Returns[i] == nil {
			return nil
		}
	}
	if _, isVar := ft.Decl.(*solidity.VariableDeclaration); isVar && len(ext.Returns) == 0 {
		return nil
	}
	return &ext
}

// externalSignature is solc's FunctionType::externalSignature.
func externalSignature(name string, ext *FunctionType, inLib bool) string {
	parts := make([]string, len(ext.Params))
	for i, p := range ext.Params {
		s := signatureType(p, inLib)
		if inLib && location(p) == LocStorage {
			s += " storage"
		}
		parts[i] = s
	}
	return name + "(" + strings.Join(parts, ",") + ")"
}

// interfaceFunctions is solc's ContractDefinition::interfaceFunctionList:
// public and external functions and public state variables of the
// contract and its bases, most derived first, one per signature.
func (a *analyzer) interfaceFunctions(c *Contract) []externalFunction {
	var out []externalFunction
	seen := map[string]bool{}
	inLib := c.Def.Kind == solidity.KindLibrary
	for _, b := range c.Linear {
		var fns []externalFunction
		for _, m := range b.Def.Members {
			switch m := m.(type) {
			case *solidity.FunctionDefinition:
				if m.Kind != solidity.KindFunction || m.Name == nil {
					continue
				}
				if v := a.visibility(m); v != solidity.VisPublic && v != solidity.VisExternal {
					continue
				}
				ft := a.funcType(m)
				fns = append(fns, externalFunction{decl: m, ft: ft})
			}
		}
		for _, m := range b.Def.Members {
			if v, ok := m.(*solidity.VariableDeclaration); ok && v.Visibility == solidity.VisPublic && v.Name != nil {
				fns = append(fns, externalFunction{decl: v, ft: a.getterType(v)})
			}
		}
		for _, f := range fns {
			f.ext = interfaceFn(f.ft, inLib)
			if f.ext == nil {
				continue
			}
			f.sig = externalSignature(declName(f.decl), f.ext, inLib)
			if seen[f.sig] {
				continue
			}
			seen[f.sig] = true
			out = append(out, f)
		}
	}
	return out
}

// Hashes is solc's method identifiers: every external signature of c
// and its 4-byte selector in hex.
func (p *Program) Hashes(c *Contract) map[string]string {
	out := map[string]string{}
	for _, f := range p.a.interfaceFunctions(c) {
		sel := abi.Selector(f.sig)
		out[f.sig] = hex.EncodeToString(sel[:])
	}
	return out
}

// formatType is solc's ABI::formatType.
func formatType(name string, enc, sol Type, forLib bool) map[string]any {
	ret := map[string]any{"name": name, "internalType": sol.Label()}
	suffix := ""
	storageLib := forLib && location(enc) == LocStorage
	if storageLib {
		suffix = " storage"
	}
	switch et := enc.(type) {
	case *ArrayType:
		if storageLib || et.IsByteArray() {
			ret["type"] = canonicalName(enc) + suffix
			return ret
		}
		l := "[]"
		if et.Len != nil {
			l = "[" + et.Len.String() + "]"
		}
		solBase := et.Base
		if sa, ok := sol.(*ArrayType); ok {
			solBase = sa.Base
		}
		sub := formatType("", et.Base, solBase, forLib)
		ret["type"] = sub["type"].(string) + l
		if comps, ok := sub["components"]; ok {
			ret["components"] = comps
		}
	case *StructType:
		if storageLib {
			ret["type"] = canonicalName(enc) + suffix
			return ret
		}
		ret["type"] = "tuple"
		comps := []any{}
		for _, m := range et.S.Members {
			t := interfaceType(m.Type, forLib)
			if t == nil {
				continue
			}
			comps = append(comps, formatType(m.Name, t, m.Type, forLib))
		}
		ret["components"] = comps
	default:
		ret["type"] = canonicalName(enc) + suffix
	}
	return ret
}

func formatTypeList(names []string, enc, sol []Type, forLib bool) []any {
	out := []any{}
	for i := range enc {
		out = append(out, formatType(names[i], enc[i], sol[i], forLib))
	}
	return out
}

// ABI is solc's JSON ABI of c (ABI::generate): functions, constructor,
// fallback and receive, events and errors, sorted by type and name.
func (p *Program) ABI(c *Contract) []any {
	a := p.a
	var out []map[string]any
	inLib := c.Def.Kind == solidity.KindLibrary
	fns := a.interfaceFunctions(c)
	sort.SliceStable(fns, func(i, j int) bool {
		si, sj := abi.Selector(fns[i].sig), abi.Selector(fns[j].sig)
		return string(si[:]) < string(sj[:])
	})
	for _, f := range fns {
		if inLib && (f.ft.Mut == solidity.MutPayable || f.ft.Mut == solidity.MutNonPayable || hasStorageParam(f.ext)) {
			continue
		}
		out = append(out, map[string]any{
			"type":            "function",
			"name":            declName(f.decl),
			"stateMutability": f.ext.Mut.String(),
			"inputs":          formatTypeList(f.ext.ParamNames, f.ext.Params, f.ft.Params, inLib),
			"outputs":         formatTypeList(f.ext.ReturnNames, f.ext.Returns, f.ft.Returns, inLib),
		})
	}
	if ctor := ownSpecial(c.Def, solidity.KindConstructor); ctor != nil && !c.Def.Abstract {
		ft := a.funcType(ctor)
		if ext := interfaceFn(ft, inLib); ext != nil {
			out = append(out, map[string]any{
				"type":            "constructor",
				"stateMutability": ext.Mut.String(),
				"inputs":          formatTypeList(ext.ParamNames, ext.Params, ft.Params, inLib),
			})
		}
	}
	for _, kind := range []solidity.FunctionKind{solidity.KindFallback, solidity.KindReceive} {
		for _, b := range c.Linear {
			if fd := ownSpecial(b.Def, kind); fd != nil {
				out = append(out, map[string]any{"type": kind.String(), "stateMutability": fd.Mutability.String()})
				break
			}
		}
	}
	for _, e := range a.interfaceEvents(c) {
		inputs := []any{}
		for _, prm := range e.Params.Params {
			t := a.varType(prm)
			it := interfaceType(t, false)
			if it == nil {
				it = t
			}
			f := formatType(identName(prm.Name), it, t, false)
			f["indexed"] = prm.Indexed
			inputs = append(inputs, f)
		}
		out = append(out, map[string]any{"type": "event", "name": e.Name.Name, "anonymous": e.Anonymous, "inputs": inputs})
	}
	for _, e := range a.interfaceErrors(c) {
		inputs := []any{}
		for _, prm := range e.Params.Params {
			t := a.varType(prm)
			it := interfaceType(t, false)
			if it == nil {
				it = t
			}
			inputs = append(inputs, formatType(identName(prm.Name), it, t, false))
		}
		out = append(out, map[string]any{"type": "error", "name": e.Name.Name, "inputs": inputs})
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := out[i]["type"].(string), out[j]["type"].(string)
		if ti != tj {
			return ti < tj
		}
		ni, _ := out[i]["name"].(string)
		nj, _ := out[j]["name"].(string)
		return ni < nj
	})
	res := make([]any, len(out))
	for i, e := range out {
		res[i] = e
	}
	return res
}

func hasStorageParam(ft *FunctionType) bool {
	for _, p := range ft.Params {
		if location(p) == LocStorage {
			return true
		}
	}
	return false
}

// ownSpecial finds the constructor, fallback or receive function defined
// in d itself.
func ownSpecial(d *solidity.ContractDefinition, kind solidity.FunctionKind) *solidity.FunctionDefinition {
	for _, m := range d.Members {
		if fd, ok := m.(*solidity.FunctionDefinition); ok && fd.Kind == kind {
			return fd
		}
	}
	return nil
}

// interfaceEvents is solc's ContractDefinition::interfaceEvents: the
// events defined in c and its bases and those its code emits, ordered by
// declaration (AST id).
func (a *analyzer) interfaceEvents(c *Contract) []*solidity.EventDefinition {
	set := map[*solidity.EventDefinition]bool{}
	for _, b := range c.Linear {
		for _, m := range b.Def.Members {
			if e, ok := m.(*solidity.EventDefinition); ok {
				set[e] = true
			}
		}
	}
	for _, e := range a.usedEvents[c] {
		set[e] = true
	}
	out := make([]*solidity.EventDefinition, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return a.nodeIDs[out[i]] < a.nodeIDs[out[j]] })
	return out
}

// interfaceErrors is solc's ContractDefinition::interfaceErrors.
func (a *analyzer) interfaceErrors(c *Contract) []*solidity.ErrorDefinition {
	set := map[*solidity.ErrorDefinition]bool{}
	for _, b := range c.Linear {
		for _, m := range b.Def.Members {
			if e, ok := m.(*solidity.ErrorDefinition); ok {
				set[e] = true
			}
		}
	}
	for _, e := range a.usedErrors[c] {
		set[e] = true
	}
	out := make([]*solidity.ErrorDefinition, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return a.nodeIDs[out[i]] < a.nodeIDs[out[j]] })
	return out
}

// stateVariables are c's state variables stored in loc (storage or
// transient), most basic contract first, with their slots and offsets.
func (a *analyzer) stateVariables(c *Contract, loc Loc) ([]*solidity.VariableDeclaration, []slotOffset) {
	var vars []*solidity.VariableDeclaration
	var types []Type
	for i := len(c.Linear) - 1; i >= 0; i-- {
		for _, m := range c.Linear[i].Def.Members {
			v, ok := m.(*solidity.VariableDeclaration)
			if !ok || v.Mutability != solidity.VarMutable {
				continue
			}
			t := a.varType(v)
			if location(t) == LocTransient || (v.Location == solidity.LocTransient) {
				if loc != LocTransient {
					continue
				}
			} else if loc == LocTransient {
				continue
			}
			vars = append(vars, v)
			types = append(types, t)
		}
	}
	offs, _ := computeOffsets(types)
	return vars, offs
}

// StorageLayout is solc's storage layout of c ("storage" and "types").
func (p *Program) StorageLayout(c *Contract) map[string]any {
	a := p.a
	vars, offs := a.stateVariables(c, LocStorage)
	types := map[string]any{}
	storage := []any{}
	key := c.Key()
	var entry func(v *solidity.VariableDeclaration, t Type, so slotOffset) map[string]any
	var gen func(t Type)
	entry = func(v *solidity.VariableDeclaration, t Type, so slotOffset) map[string]any {
		gen(t)
		return map[string]any{
			"label": identName(v.Name), "astId": a.id(v), "contract": key,
			"slot": so.slot.String(), "offset": so.offset, "type": t.ID(),
		}
	}
	gen = func(t Type) {
		id := t.ID()
		if _, ok := types[id]; ok {
			return
		}
		info := map[string]any{}
		types[id] = info
		info["label"] = t.Label()
		n := storageSize(t)
		n.Mul(n, bigInt(storageBytes(t)))
		info["numberOfBytes"] = n.String()
		switch t := t.(type) {
		case *StructType:
			offs, _ := structLayout(t.S)
			members := []any{}
			for i, m := range t.S.Members {
				if i < len(offs) {
					members = append(members, entry(m.Decl, m.Type, offs[i]))
				}
			}
			info["members"] = members
			info["encoding"] = "inplace"
		case *MappingType:
			info["key"] = t.Key.ID()
			info["value"] = t.Value.ID()
			gen(t.Key)
			gen(t.Value)
			info["encoding"] = "mapping"
		case *ArrayType:
			if t.IsByteArray() {
				info["encoding"] = "bytes"
			} else {
				info["base"] = t.Base.ID()
				gen(t.Base)
				if t.Len == nil {
					info["encoding"] = "dynamic_array"
				} else {
					info["encoding"] = "inplace"
				}
			}
		default:
			info["encoding"] = "inplace"
		}
	}
	for i, v := range vars {
		storage = append(storage, entry(v, a.varType(v), offs[i]))
	}
	out := map[string]any{"storage": storage, "types": nil}
	if len(types) > 0 {
		out["types"] = types
	}
	return out
}
