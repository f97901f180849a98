package sema

import (
	"math/big"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

type ratT = big.Rat
type intT = big.Int

// builtinFunc is a global function's signature.
func builtinFunc(name string) *FunctionType {
	b := func(params []Type, rets []Type, mut solidity.Mutability) *FunctionType {
		ft := &FunctionType{Kind: FuncBuiltin, Builtin: name, Params: params, Returns: rets, Mut: mut}
		ft.ParamNames = make([]string, len(params))
		ft.ReturnNames = make([]string, len(rets))
		return ft
	}
	mem := bytesType(LocMemory, true)
	switch name {
	case "keccak256", "sha256":
		return b([]Type{mem}, []Type{tBytes32}, solidity.MutPure)
	case "ripemd160":
		return b([]Type{mem}, []Type{&FixedBytesType{N: 20}}, solidity.MutPure)
	case "ecrecover":
		return b([]Type{tBytes32, tUint8, tBytes32, tBytes32}, []Type{tAddress}, solidity.MutPure)
	case "addmod", "mulmod":
		return b([]Type{tUint256, tUint256, tUint256}, []Type{tUint256}, solidity.MutPure)
	case "gasleft":
		return b(nil, []Type{tUint256}, solidity.MutView)
	case "blockhash", "blobhash":
		return b([]Type{tUint256}, []Type{tBytes32}, solidity.MutView)
	case "selfdestruct":
		return b([]Type{tPayable}, nil, solidity.MutNonPayable)
	case "assert":
		return b([]Type{tBool}, nil, solidity.MutPure)
	}
	return &FunctionType{Kind: FuncBuiltin, Builtin: name, Arbitrary: true, Mut: solidity.MutPure}
}

// call types a function call, a type conversion or a struct constructor.
func (a *analyzer) call(e *solidity.FunctionCall, ctx *fnCtx) Type {
	// Overloaded names: argument-dependent lookup.
	if cands := a.exprOverloads(e.Fn); len(cands) > 1 {
		return a.overloadedCall(e, cands, ctx)
	}
	ft := a.expr(e.Fn, ctx)
	args := make([]Type, len(e.Args))
	for i, x := range e.Args {
		args[i] = a.expr(x, ctx)
	}
	if ct, ok := ft.(*ContractType); ok && ct.Super {
		return tNull
	}
	switch f := ft.(type) {
	case *NullType:
		return tNull
	case *TypeType:
		return a.conversion(e, f.T, args)
	case *FunctionType:
		return a.callFunction(e, f, args, ctx)
	case *IntType, *BoolType, *RationalType, *AddressType, *StringLitType, *ArrayType, *MappingType, *StructType, *FixedBytesType, *EnumType,
		*MagicType, *ModifierType, *ModuleType, *ContractType:
		a.errorf(source.TypeError, 5704, e.Loc, "This expression is not callable.")
		return tNull
	}
	return tNull
}

// exprOverloads returns the overload candidates of a name or member.
func (a *analyzer) exprOverloads(e solidity.Expr) []solidity.Node {
	if id, ok := e.(*solidity.IdentifierExpr); ok {
		return a.overloads[id]
	}
	return nil
}

func (a *analyzer) overloadedCall(e *solidity.FunctionCall, cands []solidity.Node, ctx *fnCtx) Type {
	args := make([]Type, len(e.Args))
	for i, x := range e.Args {
		args[i] = a.expr(x, ctx)
	}
	var names []string
	for _, n := range e.Names {
		names = append(names, identName(n))
	}
	unknown := false
	for _, t := range args {
		if _, null := t.(*NullType); null || t == nil {
			unknown = true
		}
	}
	var match []*FunctionType
	for _, c := range cands {
		var ft *FunctionType
		switch d := c.(type) {
		case *solidity.FunctionDefinition:
			ft = a.funcType(d)
		case *solidity.EventDefinition:
			ft = a.eventType(d)
		default:
			return tNull
		}
		if canTakeArguments(ft, args, names) {
			match = append(match, ft)
		}
	}
	if len(match) == 1 {
		a.setType(e.Fn, match[0])
		if fd, ok := match[0].Decl.(*solidity.FunctionDefinition); ok {
			a.refs[e.Fn] = fd
		}
		return returnType(match[0])
	}
	if unknown {
		return tNull
	}
	if len(match) == 0 {
		a.errorf(source.TypeError, 9322, e.Fn.Span(), "No matching declaration found after argument-dependent lookup.")
	} else {
		a.errorf(source.TypeError, 4487, e.Fn.Span(), "No unique declaration found after argument-dependent lookup.")
	}
	return tNull
}

// canTakeArguments is solc's FunctionType::canTakeArguments (without
// an attached receiver): positional or named arguments.
func canTakeArguments(ft *FunctionType, args []Type, names []string) bool {
	if ft.Arbitrary {
		return true
	}
	if len(args) != len(ft.Params) {
		return false
	}
	if len(names) == 0 {
		for i := range args {
			if !implicit(args[i], ft.Params[i]) {
				return false
			}
		}
		return true
	}
	if len(ft.ParamNames) != len(names) {
		return false
	}
	matched := 0
	for i, n := range names {
		for j, p := range ft.ParamNames {
			if n == p {
				matched++
				if !implicit(args[i], ft.Params[j]) {
					return false
				}
			}
		}
	}
	return matched == len(names)
}

func (a *analyzer) eventType(d *solidity.EventDefinition) *FunctionType {
	ft := &FunctionType{Kind: FuncEvent, Decl: d}
	for _, p := range d.Params.Params {
		ft.Params = append(ft.Params, a.varType(p))
		ft.ParamNames = append(ft.ParamNames, identName(p.Name))
	}
	return ft
}

func (a *analyzer) errorType(d *solidity.ErrorDefinition) *FunctionType {
	ft := &FunctionType{Kind: FuncError, Decl: d}
	for _, p := range d.Params.Params {
		ft.Params = append(ft.Params, a.varType(p))
		ft.ParamNames = append(ft.ParamNames, identName(p.Name))
	}
	return ft
}

func returnType(ft *FunctionType) Type {
	if len(ft.Returns) == 1 {
		return ft.Returns[0]
	}
	return &TupleType{Elems: ft.Returns}
}

// conversion types T(x) and S(members…).
func (a *analyzer) conversion(e *solidity.FunctionCall, to Type, args []Type) Type {
	if st, ok := to.(*StructType); ok {
		return &StructType{S: st.S, Loc: LocMemory, Ptr: true}
	}
	if len(args) != 1 || len(e.Names) > 0 {
		return tNull
	}
	from := args[0]
	target := to
	if isReference(to) {
		target = withLoc(to, location(from), true)
		if location(from) == LocNone {
			target = withLoc(to, LocMemory, true)
		}
	}
	if _, null := from.(*NullType); null {
		return target
	}
	if r, ok := from.(*RationalType); ok {
		if it, ok := target.(*IntType); ok && (!r.V.IsInt() || !rationalFits(r, it)) {
			a.errorf(source.TypeError, 9640, e.Loc, "Explicit type conversion not allowed from \"%s\" to \"%s\".", from, target)
			return target
		}
	}
	if !explicit(from, target) {
		if ft, ok := from.(*FunctionType); ok && ft.Kind == FuncExternal {
			if _, toAddr := target.(*AddressType); toAddr {
				a.errorf(source.TypeError, 5030, e.Loc, "Explicit type conversion not allowed from \"%s\" to \"%s\". To obtain the address of the contract of the function, you can use the .address member of the function.", from, target)
				return target
			}
		}
		if sl, ok := from.(*StringLitType); ok {
			if at, isArr := target.(*ArrayType); isArr && at.Kind == StringArray {
				if pos := invalidUTF8At(sl.V); pos >= 0 {
					a.errorf(source.TypeError, 9640, e.Loc, "Explicit type conversion not allowed from \"%s\" to \"%s\". Contains invalid UTF-8 sequence at position %d.", from, target, pos)
					return target
				}
			}
		}
		a.errorf(source.TypeError, 9640, e.Loc, "Explicit type conversion not allowed from \"%s\" to \"%s\".", from, target)
	}
	return target
}

// callFunction checks a call of a function type.
func (a *analyzer) callFunction(e *solidity.FunctionCall, f *FunctionType, args []Type, ctx *fnCtx) Type {
	switch f.Kind {
	case FuncEvent:
		if d, ok := f.Decl.(*solidity.EventDefinition); ok {
			f = a.eventType(d)
		}
	case FuncError:
		if d, ok := f.Decl.(*solidity.ErrorDefinition); ok {
			f = a.errorType(d)
		}
	case FuncBuiltin:
		return a.builtinCall(e, f, args, ctx)
	}
	if f.Arbitrary {
		return returnType(f)
	}
	params := f.Params
	if f.Bound != nil && len(params) > 0 {
		params = params[1:]
	}
	if len(args) != len(params) {
		a.errorf(source.TypeError, 6160, e.Loc, "Wrong argument count for function call: %d arguments given but expected %d.", len(args), len(params))
		return returnType(f)
	}
	argOf, ok := a.mapArguments(e, f, len(params))
	if !ok {
		return returnType(f)
	}
	for i, j := range argOf {
		if !implicit(args[j], params[i]) {
			a.errorf(source.TypeError, 9553, e.Args[j].Span(), "Invalid type for argument in function call. Invalid implicit conversion from %s to %s requested.", args[j], params[i])
		}
	}
	a.oldCoderCall(e, f, params, argOf, ctx)
	if f.Kind == FuncEvent || f.Kind == FuncError {
		return &TupleType{}
	}
	return returnType(f)
}

// mapArguments is the parameter-to-argument map of solc's
// typeCheckFunctionGeneralChecks: argOf[i] is the index of the argument
// for parameter i. Named arguments must be unique (6995) and name a
// parameter (4974).
func (a *analyzer) mapArguments(e *solidity.FunctionCall, f *FunctionType, n int) ([]int, bool) {
	argOf := make([]int, n)
	if len(e.Names) == 0 {
		for i := range argOf {
			argOf[i] = i
		}
		return argOf, true
	}
	names := f.ParamNames
	if f.Bound != nil && len(names) > 0 {
		names = names[1:]
	}
	if len(names) != n || len(e.Names) != n {
		return nil, false
	}
	dup := false
	for i := range e.Names {
		for j := i + 1; j < len(e.Names); j++ {
			if identName(e.Names[i]) == identName(e.Names[j]) {
				dup = true
				a.errorf(source.TypeError, 6995, e.Args[i].Span(), "Duplicate named argument \"%s\".", identName(e.Names[i]))
			}
		}
	}
	if dup {
		return nil, false
	}
	all := true
	for i, nm := range e.Names {
		j := 0
		for j < n && names[j] != identName(nm) {
			j++
		}
		if j < n {
			argOf[j] = i
		} else {
			all = false
			a.errorf(source.TypeError, 4974, e.Loc, "Named argument \"%s\" does not match function declaration.", identName(nm))
		}
	}
	return argOf, all
}

// oldCoderCall is the end of solc's typeCheckFunctionGeneralChecks: in a
// source unit with `pragma abicoder v1;`, a call that ABI-encodes its
// arguments cannot take (2443) or return (2428) types only ABI coder v2
// supports.
func (a *analyzer) oldCoderCall(e *solidity.FunctionCall, f *FunctionType, params []Type, argOf []int, ctx *fnCtx) {
	switch f.Kind {
	case FuncDelegateCall, FuncExternal, FuncCreation, FuncEvent, FuncError:
	default:
		return
	}
	if ctx == nil || !abiCoderV1(ctx.unit) {
		return
	}
	lib := f.Kind == FuncDelegateCall
	for i, p := range params {
		if !oldCoderSupports(p, lib) {
			a.errorf(source.TypeError, 2443, e.Args[argOf[i]].Span(), "The type of this parameter, %s, is only supported in ABI coder v2. Use \"pragma abicoder v2;\" to enable the feature.", p)
		}
	}
	if f.Kind == FuncEvent || f.Kind == FuncError {
		return
	}
	for i, r := range f.Returns {
		if !oldCoderSupports(r, lib) {
			a.errorf(source.TypeError, 2428, e.Loc, "The type of return parameter %d, %s, is only supported in ABI coder v2. Use \"pragma abicoder v2;\" to enable the feature.", i+1, r)
		}
	}
}

func (a *analyzer) builtinCall(e *solidity.FunctionCall, f *FunctionType, args []Type, ctx *fnCtx) Type {
	switch f.Builtin {
	case "require":
		if len(args) < 1 || len(args) > 2 {
			return &TupleType{}
		}
		if !implicit(args[0], tBool) {
			a.errorf(source.TypeError, 9553, e.Args[0].Span(), "Invalid type for argument in function call. Invalid implicit conversion from %s to bool requested.", args[0])
		}
		return &TupleType{}
	case "revert":
		return &TupleType{}
	case "type":
		if len(args) == 1 {
			if !metaTypeArg(args[0]) {
				a.errorf(source.TypeError, 4259, e.Args[0].Span(), "Invalid type for argument in the function call. An enum type, contract type or an integer type is required, but %s provided.", args[0])
				return tNull
			}
			if tt, ok := args[0].(*TypeType); ok {
				return &MagicType{Kind: "meta", Arg: tt.T}
			}
		}
		return tNull
	case "abi.decode":
		if len(args) == 2 && ctx != nil && abiCoderV1(ctx.unit) {
			a.oldCoderDecode(e.Args[1], args[1])
		}
		if len(args) == 2 {
			switch t := args[1].(type) {
			case *TypeType:
				if _, isAddr := t.T.(*AddressType); isAddr {
					return tNull // `address payable` is not told apart here
				}
				return withLoc(t.T, LocMemory, true)
			case *TupleType:
				out := &TupleType{}
				for _, x := range t.Elems {
					if tt, ok := x.(*TypeType); ok {
						if _, isAddr := tt.T.(*AddressType); isAddr {
							out.Elems = append(out.Elems, tNull)
							continue
						}
						out.Elems = append(out.Elems, withLoc(tt.T, LocMemory, true))
					} else {
						return tNull
					}
				}
				return out
			}
		}
		return tNull
	}
	if f.Arbitrary {
		switch f.Builtin {
		case "abi.encodeCall":
			a.abiEncodeCall(e, args, ctx)
		case "bytes.concat", "string.concat":
			a.concatArgs(e, f.Builtin, args)
		}
		a.abiEncodeArgs(e, f, args, ctx)
		if len(f.Returns) > 0 {
			return returnType(f)
		}
		switch f.Builtin {
		case "abi.encode", "abi.encodePacked", "abi.encodeWithSelector", "abi.encodeWithSignature", "abi.encodeCall", "bytes.concat":
			return bytesType(LocMemory, true)
		case "string.concat":
			return stringType(LocMemory, true)
		}
		return tNull
	}
	if len(args) != len(f.Params) {
		a.errorf(source.TypeError, 6160, e.Loc, "Wrong argument count for function call: %d arguments given but expected %d.", len(args), len(f.Params))
		return returnType(f)
	}
	for i, arg := range args {
		if !implicit(arg, f.Params[i]) {
			a.errorf(source.TypeError, 9553, e.Args[i].Span(), "Invalid type for argument in function call. Invalid implicit conversion from %s to %s requested.", arg, f.Params[i])
		}
	}
	return returnType(f)
}

// member types x.m.
func (a *analyzer) member(e *solidity.MemberAccess, ctx *fnCtx) Type {
	t := a.expr(e.X, ctx)
	name := e.Member.Name
	notFound := func() Type {
		if a.usingBinds(t, name, ctx) {
			return tNull
		}
		a.errorf(source.TypeError, 9582, e.Loc, "Member \"%s\" not found or not visible after argument-dependent lookup in %s.", name, t)
		return tNull
	}
	switch t := t.(type) {
	case *NullType:
		return tNull
	case *MagicType:
		if r := a.magicMember(t, name); r != nil {
			return r
		}
		return notFound()
	case *AddressType:
		switch name {
		case "balance":
			return tUint256
		case "code":
			return bytesType(LocMemory, true)
		case "codehash":
			return tBytes32
		case "call", "delegatecall", "staticcall":
			return &FunctionType{Kind: FuncBareCall, Builtin: name, Params: []Type{bytesType(LocMemory, true)}, ParamNames: []string{""},
				Returns: []Type{tBool, bytesType(LocMemory, true)}, ReturnNames: []string{"", ""}, Mut: solidity.MutPayable}
		case "transfer", "send":
			if t.Payable {
				ft := builtinFunc(name)
				ft.Arbitrary = false
				ft.Params, ft.ParamNames = []Type{tUint256}, []string{""}
				if name == "send" {
					ft.Returns, ft.ReturnNames = []Type{tBool}, []string{""}
				}
				ft.Mut = solidity.MutNonPayable
				return ft
			}
		}
		return notFound()
	case *ContractType:
		return a.contractMember(e, t, ctx, notFound)
	case *TypeType:
		return a.typeMember(e, t, ctx, notFound)
	case *StructType:
		for _, m := range a.structMembers(t.S) {
			if m.Name == name {
				return withLoc(m.Type, t.Loc, t.Loc == LocStorage && t.Ptr || t.Loc != LocStorage)
			}
		}
		return notFound()
	case *ArrayType:
		if t.Kind == StringArray {
			return notFound()
		}
		switch name {
		case "length":
			return tUint256
		case "push", "pop":
			if t.Len == nil && (t.Loc == LocStorage || t.Loc == LocNone) {
				return tNull
			}
		}
		return notFound()
	case *SliceType:
		if name == "length" {
			return tUint256
		}
		return notFound()
	case *FixedBytesType:
		if name == "length" {
			return tUint8
		}
		return notFound()
	case *FunctionType:
		if a.usingBinds(t, name, ctx) {
			return tNull
		}
		if r := a.functionMember(e, t, ctx); r != nil {
			return r
		}
		if name == "value" {
			switch {
			case t.Kind == FuncCreation:
				a.errorf(source.TypeError, 8827, e.Loc, "Constructor for %s must be payable for member \"value\" to be available.", t.Returns[0])
			case t.Kind == FuncDelegateCall || t.Kind == FuncBareCall && t.Builtin == "delegatecall":
				a.errorf(source.TypeError, 8477, e.Loc, "Member \"value\" is not allowed in delegated calls due to \"msg.value\" persisting.")
			default:
				a.errorf(source.TypeError, 8820, e.Loc, "Member \"value\" is only available for payable functions.")
			}
			return tNull
		}
		return notFound()
	case *ModuleType:
		ds := a.unitScope[t.Unit].names[name]
		if len(ds) == 0 {
			return notFound()
		}
		a.refs[e] = ds[0]
		if len(ds) > 1 {
			return tNull
		}
		return a.declType(ds[0], ctx)
	case *EnumType, *IntType, *BoolType, *RationalType, *StringLitType, *MappingType, *UDVType, *TupleType:
		return notFound()
	}
	return tNull
}

func (a *analyzer) magicMember(t *MagicType, name string) Type {
	switch t.Kind {
	case "message":
		switch name {
		case "sender":
			return tAddress
		case "value":
			return tUint256
		case "data":
			return bytesType(LocCallData, true)
		case "sig":
			return tBytes4
		}
	case "block":
		switch name {
		case "coinbase":
			return tPayable
		case "timestamp", "number", "gaslimit", "chainid", "basefee", "difficulty", "prevrandao", "blobbasefee":
			return tUint256
		}
	case "transaction":
		switch name {
		case "origin":
			return tAddress
		case "gasprice":
			return tUint256
		}
	case "abi":
		switch name {
		case "encode", "encodePacked", "encodeWithSelector", "encodeWithSignature", "encodeCall", "decode":
			return &FunctionType{Kind: FuncBuiltin, Builtin: "abi." + name, Arbitrary: true, Mut: solidity.MutPure}
		}
	case "meta":
		ct, isContract := t.Arg.(*ContractType)
		switch name {
		case "name":
			if isContract {
				return stringType(LocMemory, true)
			}
		case "creationCode", "runtimeCode":
			if isContract && !ct.C.Def.Abstract && ct.C.Def.Kind != solidity.KindInterface {
				return bytesType(LocMemory, true)
			}
		case "interfaceId":
			if isContract {
				return tBytes4
			}
		case "min", "max":
			switch t.Arg.(type) {
			case *IntType, *EnumType:
				return t.Arg
			}
		}
	}
	return nil
}

func (a *analyzer) contractMember(e *solidity.MemberAccess, t *ContractType, ctx *fnCtx, notFound func() Type) Type {
	name := e.Member.Name
	ds := t.C.members(name)
	if t.Super {
		ds = a.contractTypeMembers(t, name, ctx)
	}
	var out []solidity.Node
	for _, d := range ds {
		switch d := d.(type) {
		case *solidity.FunctionDefinition:
			v := a.visibility(d)
			if t.Super {
				if v != solidity.VisExternal {
					out = append(out, d)
				}
			} else if v == solidity.VisPublic || v == solidity.VisExternal {
				out = append(out, d)
			}
		case *solidity.VariableDeclaration:
			if !t.Super && d.Visibility == solidity.VisPublic {
				out = append(out, d)
			}
		}
	}
	if len(out) == 0 {
		if a.usingBinds(t, name, ctx) {
			return tNull
		}
		switch name {
		case "balance", "transfer", "send", "call", "delegatecall", "staticcall", "code", "codehash":
			if !t.Super {
				a.errorf(source.TypeError, 3125, e.Loc, "Member \"%s\" not found or not visible after argument-dependent lookup in %s. Use \"address(...).%s\" to access this address member.", name, t, name)
				return tNull
			}
		}
		return notFound()
	}
	if len(out) > 1 {
		return tNull
	}
	a.refs[e] = out[0]
	switch d := out[0].(type) {
	case *solidity.FunctionDefinition:
		ft := a.funcType(d)
		if !t.Super {
			ft.Kind = FuncExternal
			// Calling an external function passes memory data: calldata
			// parameters are memory from the caller's side.
			for i, p := range ft.Params {
				if location(p) == LocCallData {
					ft.Params[i] = withLoc(p, LocMemory, true)
				}
			}
		}
		return ft
	case *solidity.VariableDeclaration:
		return a.getterType(d)
	}
	return tNull
}

func (a *analyzer) typeMember(e *solidity.MemberAccess, t *TypeType, ctx *fnCtx, notFound func() Type) Type {
	name := e.Member.Name
	switch x := t.T.(type) {
	case *ContractType:
		ds := a.contractTypeMembers(x, name, ctx)
		if len(ds) == 0 {
			return notFound()
		}
		a.refs[e] = ds[0]
		if len(ds) > 1 {
			return tNull
		}
		dt := a.declType(ds[0], ctx)
		if _, isFn := ds[0].(*solidity.FunctionDefinition); !isFn {
			return dt
		}
		if ft, ok := dt.(*FunctionType); ok && x.C.Def.Kind != solidity.KindLibrary {
			// C.f outside C's hierarchy is only a declaration (C.f.selector).
			inHierarchy := false
			if ctx.contract != nil {
				for _, b := range ctx.contract.Linear {
					if b == x.C {
						inHierarchy = true
					}
				}
			}
			if !inHierarchy {
				c := *ft
				c.Kind = FuncDeclaration
				return &c
			}
		}
		if ft, ok := dt.(*FunctionType); ok && x.C.Def.Kind == solidity.KindLibrary {
			if fd, ok := ds[0].(*solidity.FunctionDefinition); ok && a.visibility(fd) >= solidity.VisPublic {
				c := *ft
				c.Kind = FuncDelegateCall
				return &c
			}
		}
		return dt
	case *EnumType:
		for _, v := range x.E.Def.Values {
			if v.Name.Name == name {
				a.refs[e] = v
				return x
			}
		}
		return notFound()
	case *UDVType:
		switch name {
		case "wrap":
			return &FunctionType{Kind: FuncBuiltin, Builtin: "wrap", Params: []Type{x.U.Underlying}, ParamNames: []string{""}, Returns: []Type{x}, ReturnNames: []string{""}, Mut: solidity.MutPure}
		case "unwrap":
			return &FunctionType{Kind: FuncBuiltin, Builtin: "unwrap", Params: []Type{x}, ParamNames: []string{""}, Returns: []Type{x.U.Underlying}, ReturnNames: []string{""}, Mut: solidity.MutPure}
		}
		return notFound()
	case *ArrayType:
		if x.IsByteArray() && name == "concat" {
			b := "bytes.concat"
			if x.Kind == StringArray {
				b = "string.concat"
			}
			return &FunctionType{Kind: FuncBuiltin, Builtin: b, Arbitrary: true, Mut: solidity.MutPure}
		}
		return notFound()
	case *StructType:
		return notFound()
	}
	return tNull
}

// functionMember is solc's FunctionType::nativeMembers: the type of the
// member name of a function of type t, nil when there is none.
func (a *analyzer) functionMember(e *solidity.MemberAccess, t *FunctionType, ctx *fnCtx) Type {
	name := e.Member.Name
	switch t.Kind {
	case FuncExternal, FuncCreation, FuncBareCall:
		switch name {
		case "selector", "address":
			if t.Kind != FuncExternal {
				return nil
			}
			if name == "selector" {
				return tBytes4
			}
			return tAddress
		case "value":
			if t.Kind == FuncBareCall && t.Builtin == "delegatecall" || t.Mut != solidity.MutPayable {
				return nil
			}
		case "gas":
			if t.Kind == FuncCreation {
				return nil
			}
		default:
			return nil
		}
		a.errorf(source.TypeError, 1621, e.Loc, "Using \".%s(...)\" is deprecated. Use \"{%s: ...}\" instead.", name, name)
		return tNull
	case FuncDelegateCall:
		if _, ok := t.Decl.(*solidity.FunctionDefinition); ok && name == "selector" {
			return tBytes4
		}
	case FuncInternal:
		if name != "selector" {
			return nil
		}
		fd, ok := t.Decl.(*solidity.FunctionDefinition)
		if !ok {
			return nil
		}
		if c := a.container[fd]; c != nil && ctx.contract != nil && c != ctx.contract && a.visibility(fd) >= solidity.VisPublic {
			return tBytes4
		}
	case FuncDeclaration:
		if name != "selector" {
			return nil
		}
		switch d := t.Decl.(type) {
		case *solidity.FunctionDefinition:
			if a.visibility(d) >= solidity.VisPublic {
				return tBytes4
			}
		case *solidity.VariableDeclaration:
			if d.Visibility == solidity.VisPublic {
				return tBytes4
			}
		case nil:
			return tBytes4
		}
	case FuncEvent:
		if ev, ok := t.Decl.(*solidity.EventDefinition); ok && name == "selector" && !ev.Anonymous {
			return tBytes32
		}
	case FuncError:
		if name == "selector" {
			return tBytes4
		}
	}
	return nil
}

// contractTypeMembers is solc's TypeType::nativeMembers for a contract:
// through `super` the implemented functions of the bases; through a base
// of the current contract its own inheritable members; otherwise the
// functions callable via the contract name and its types, events and
// errors.
func (a *analyzer) contractTypeMembers(x *ContractType, name string, ctx *fnCtx) []solidity.Node {
	var out []solidity.Node
	if x.Super {
		seen := map[string]bool{}
		for i, b := range x.C.linearOrSelf() {
			if i == 0 {
				continue
			}
			for _, d := range b.own[name] {
				fd, ok := d.(*solidity.FunctionDefinition)
				if !ok || a.visibility(fd) == solidity.VisPrivate || a.visibility(fd) == solidity.VisExternal || fd.Body == nil {
					continue
				}
				if sig := a.paramSignature(fd); !seen[sig] {
					seen[sig] = true
					out = append(out, fd)
				}
			}
		}
		return out
	}
	isBase := false
	if ctx != nil && ctx.contract != nil {
		for _, b := range ctx.contract.Linear {
			if b == x.C {
				isBase = true
			}
		}
	}
	if isBase {
		for _, d := range x.C.own[name] {
			switch d := d.(type) {
			case *solidity.FunctionDefinition:
				if a.visibility(d) == solidity.VisPrivate {
					continue
				}
			case *solidity.VariableDeclaration:
				if d.Visibility == solidity.VisPrivate {
					continue
				}
			case *solidity.ModifierDefinition:
				continue
			}
			out = append(out, d)
		}
		if len(out) == 0 {
			// Events and errors of the bases stay reachable.
			for _, d := range x.C.members(name) {
				switch d.(type) {
				case *solidity.EventDefinition, *solidity.ErrorDefinition:
					out = append(out, d)
				}
			}
		}
		return out
	}
	lib := x.C.Def.Kind == solidity.KindLibrary
	for _, d := range x.C.members(name) {
		switch d := d.(type) {
		case *solidity.FunctionDefinition:
			if a.containerDef(d) != x.C.Def {
				continue
			}
			if v := a.visibility(d); v >= solidity.VisPublic || lib && v == solidity.VisInternal {
				out = append(out, d)
			}
		case *solidity.VariableDeclaration:
			if d.Mutability == solidity.VarConstant {
				out = append(out, d)
			}
		case *solidity.ModifierDefinition:
		default:
			out = append(out, d)
		}
	}
	return out
}

// metaTypeArg reports whether t may be the argument of type(…): an
// integer, enum or contract type (not super); unknown types pass.
func metaTypeArg(t Type) bool {
	switch t := t.(type) {
	case *NullType, nil:
		return true
	case *TypeType:
		switch x := t.T.(type) {
		case *IntType, *EnumType, *NullType:
			return true
		case *ContractType:
			return !x.Super
		}
	}
	return false
}
