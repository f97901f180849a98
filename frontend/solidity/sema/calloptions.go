package sema

import (
	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// callOptions is solc's TypeChecker::visit(FunctionCallOptions):
// `f{value: …, gas: …, salt: …}` on an external call, a bare call or a
// contract creation. The result is f's type with the options marked set.
func (a *analyzer) callOptions(e *solidity.FunctionCallOptions, ctx *fnCtx) Type {
	t := a.expr(e.X, ctx)
	visitRest := func(from int) {
		for _, v := range e.Values[from:] {
			a.expr(v, ctx)
		}
	}
	ft, ok := t.(*FunctionType)
	if !ok {
		if _, null := t.(*NullType); !null && t != nil {
			a.errorf(source.TypeError, 2622, e.Loc, "Expected callable expression before call options.")
		}
		visitRest(0)
		return tNull
	}
	switch ft.Kind {
	case FuncCreation, FuncExternal, FuncBareCall:
	default:
		a.errorf(source.TypeError, 2193, e.Loc, "Function call options can only be set on external function calls or contract creations.")
		visitRest(0)
		return tNull
	}
	if ft.ValueSet || ft.GasSet || ft.SaltSet {
		a.errorf(source.TypeError, 1645, e.Loc, "Function call options have already been set, you have to combine them into a single {...}-option.")
	}
	var setSalt, setValue, setGas bool
	set := func(opt *bool, name string) {
		if *opt {
			a.errorf(source.TypeError, 9886, e.Loc, "Duplicate option \"%s\".", name)
		}
		*opt = true
	}
	for i, n := range e.Names {
		if i >= len(e.Values) {
			break
		}
		v := e.Values[i]
		switch name := identName(n); name {
		case "salt":
			if ft.Kind == FuncCreation {
				set(&setSalt, "salt")
				a.expectType(v, tBytes32, ctx, 7407)
				continue
			}
			a.errorf(source.TypeError, 2721, e.Loc, "Function call option \"salt\" can only be used with \"new\".")
		case "value":
			switch {
			case ft.Kind == FuncBareCall && ft.Builtin == "delegatecall":
				a.errorf(source.TypeError, 6189, e.Loc, "Cannot set option \"value\" for delegatecall.")
			case ft.Kind == FuncBareCall && ft.Builtin == "staticcall":
				a.errorf(source.TypeError, 2842, e.Loc, "Cannot set option \"value\" for staticcall.")
			case ft.Mut != solidity.MutPayable:
				if ft.Kind == FuncCreation && len(ft.Returns) > 0 {
					a.errorf(source.TypeError, 7006, e.Loc, "Cannot set option \"value\", since the constructor of %s is not payable.", ft.Returns[0])
				} else {
					a.errorf(source.TypeError, 7006, e.Loc, "Cannot set option \"value\" on a non-payable function type.")
				}
			default:
				a.expectType(v, tUint256, ctx, 7407)
				set(&setValue, "value")
				continue
			}
		case "gas":
			if ft.Kind == FuncCreation {
				a.errorf(source.TypeError, 9903, e.Loc, "Function call option \"gas\" cannot be used with \"new\".")
			} else {
				a.expectType(v, tUint256, ctx, 7407)
				set(&setGas, "gas")
				continue
			}
		default:
			a.errorf(source.TypeError, 9318, e.Loc, "Unknown call option \"%s\". Valid options are \"salt\", \"value\" and \"gas\".", name)
		}
		a.expr(v, ctx)
	}
	if setSalt && a.evm < evmversion.Constantinople {
		a.errorf(source.TypeError, 5189, e.Loc, "Unsupported call option \"salt\" (requires Constantinople-compatible VMs).")
	}
	c := *ft
	c.GasSet = c.GasSet || setGas
	c.ValueSet = c.ValueSet || setValue
	c.SaltSet = c.SaltSet || setSalt
	return &c
}
