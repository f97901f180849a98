package yul

import (
	lir "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

// expr lowers an expression that yields one value.
func (l *lowerer) expr(e Expr) value.Value {
	return l.exprN(e, 1)[0]
}

// exprN lowers an expression that yields want values.
func (l *lowerer) exprN(e Expr, want int) []value.Value {
	var vals []value.Value
	switch e := e.(type) {
	case *Literal:
		vals = []value.Value{l.literal(e, false)}
	case *Ident:
		vals = []value.Value{l.load(e)}
	case *Call:
		vals = l.call(e, false)
	}
	if len(vals) != want {
		l.errorf(source.TypeError, 3950, e.Span(), "Expected expression to evaluate to %d value(s), but got %d values instead.", want, len(vals))
		vals = make([]value.Value, want)
		for i := range vals {
			vals[i] = l.zero()
		}
	}
	return vals
}

// literal is the constant word of a literal. A string literal longer than
// 32 bytes is an error unless it is a builtin's literal argument (unlimited).
func (l *lowerer) literal(lit *Literal, unlimited bool) value.Value {
	switch {
	case lit.Kind == NumberLit && lit.TooLarge:
		l.errorf(source.TypeError, 6708, lit.Loc, "Number literal too large (> 256 bits)")
		return l.zero()
	case lit.Kind == StringLit && len(lit.Str) > 32 && !unlimited:
		l.errorf(source.TypeError, 3069, lit.Loc, "String literal too long (%d > 32)", len(lit.Str))
		return l.zero()
	}
	w := lit.Word()
	return l.word(&w)
}

// lookupVar finds the variable id names in the current function.
func (l *lowerer) lookupVar(id *Ident) *binding {
	b := l.scope[id.Name]
	switch {
	case b == nil || b.ptr != nil && b.owner != l.fn:
		l.errorf(source.DeclarationError, 8198, id.Loc, "Identifier \"%s\" not found.", id.Name)
		return nil
	case b.ptr == nil:
		l.errorf(source.TypeError, 6041, id.Loc, "Function %s used without being called.", id.Name)
		return nil
	}
	return b
}

// load reads a variable.
func (l *lowerer) load(id *Ident) value.Value {
	b := l.lookupVar(id)
	if b == nil {
		return l.zero()
	}
	return l.loc(l.fn.cur.NewLoad(ir.Word, b.ptr), id.Loc).(value.Value)
}

// call lowers a call to a user function or a builtin and returns its
// results. Arguments are evaluated right to left. stmt reports a call used
// as a statement: only there does a terminating builtin end the block.
func (l *lowerer) call(c *Call, stmt bool) []value.Value {
	if b := l.scope[c.Fn.Name]; b != nil {
		if b.fn == nil {
			l.errorf(source.TypeError, 4202, c.Fn.Loc, "Attempt to call variable instead of function.")
			return nil
		}
		return l.userCall(c, b)
	}
	bi, ok := ir.LookupBuiltin(c.Fn.Name)
	if !ok {
		l.errorf(source.DeclarationError, 4619, c.Fn.Loc, "Function \"%s\" not found.", c.Fn.Name)
		return nil
	}
	if len(c.Args) != bi.Args {
		l.errorf(source.TypeError, 7000, c.Fn.Loc, "Function \"%s\" expects %d arguments but got %d.", c.Fn.Name, bi.Args, len(c.Args))
		return nil
	}
	args := make([]value.Value, len(c.Args))
	for i := len(c.Args) - 1; i >= 0; i-- {
		if bi.ArgIsString(i) {
			lit, ok := c.Args[i].(*Literal)
			if !ok || lit.Kind != StringLit {
				l.errorf(source.TypeError, 5859, c.Args[i].Span(), "Function expects string literal.")
				args[i] = l.strArg("")
				continue
			}
			args[i] = l.strArg(lit.Str)
			continue
		}
		args[i] = l.expr(c.Args[i])
	}
	if bi.Kind == ir.Native {
		return []value.Value{l.native(bi, args, c.Loc)}
	}
	fs := l.fn
	call := fs.cur.NewCall(l.declare(bi), args...)
	l.loc(call, c.Loc)
	if bi.Terminates() && stmt {
		l.loc(fs.cur.NewUnreachable(), c.Loc)
		fs.cur = nil
		return nil
	}
	return l.results(call, bi.Rets, c.Loc)
}

func (l *lowerer) userCall(c *Call, b *binding) []value.Value {
	d := b.def
	if len(c.Args) != len(d.Params) {
		l.errorf(source.TypeError, 7000, c.Fn.Loc, "Function \"%s\" expects %d arguments but got %d.", c.Fn.Name, len(d.Params), len(c.Args))
		return nil
	}
	args := make([]value.Value, len(c.Args))
	for i := len(c.Args) - 1; i >= 0; i-- {
		args[i] = l.expr(c.Args[i])
	}
	call := l.fn.cur.NewCall(b.fn, args...)
	l.loc(call, c.Loc)
	return l.results(call, len(d.Results), c.Loc)
}

// results unpacks the n results of a call.
func (l *lowerer) results(call *lir.InstCall, n int, span source.Span) []value.Value {
	switch n {
	case 0:
		return nil
	case 1:
		return []value.Value{call}
	}
	vals := make([]value.Value, n)
	for i := range vals {
		vals[i] = l.loc(l.fn.cur.NewExtractValue(call, uint64(i)), span).(value.Value)
	}
	return vals
}

// native lowers a builtin that is an LLVM instruction.
func (l *lowerer) native(b *ir.Builtin, args []value.Value, span source.Span) value.Value {
	cur := l.fn.cur
	var v value.Value
	switch b.Name {
	case "add":
		v = cur.NewAdd(args[0], args[1])
	case "sub":
		v = cur.NewSub(args[0], args[1])
	case "mul":
		v = cur.NewMul(args[0], args[1])
	case "and":
		v = cur.NewAnd(args[0], args[1])
	case "or":
		v = cur.NewOr(args[0], args[1])
	case "xor":
		v = cur.NewXor(args[0], args[1])
	case "not":
		v = cur.NewXor(args[0], constant.NewInt(ir.Word, -1))
	case "lt":
		return l.compare(enum.IPredULT, args[0], args[1], span)
	case "gt":
		return l.compare(enum.IPredUGT, args[0], args[1], span)
	case "slt":
		return l.compare(enum.IPredSLT, args[0], args[1], span)
	case "sgt":
		return l.compare(enum.IPredSGT, args[0], args[1], span)
	case "eq":
		return l.compare(enum.IPredEQ, args[0], args[1], span)
	case "iszero":
		return l.compare(enum.IPredEQ, args[0], l.zero(), span)
	default:
		panic("yul: native builtin without a lowering: " + b.Name)
	}
	l.obj.SetLoc(v, span)
	return v
}

// compare is icmp then zext to a word.
func (l *lowerer) compare(pred enum.IPred, x, y value.Value, span source.Span) value.Value {
	cur := l.fn.cur
	c := cur.NewICmp(pred, x, y)
	l.obj.SetLoc(c, span)
	z := cur.NewZExt(c, ir.Word)
	l.obj.SetLoc(z, span)
	return z
}

// declare returns the intrinsic @evm.<name> of b, declared once per module.
func (l *lowerer) declare(b *ir.Builtin) *lir.Func {
	if f, ok := l.decls[b.Name]; ok {
		return f
	}
	f := ir.Declare(l.mod, b)
	l.decls[b.Name] = f
	return f
}

// strArg is the pointer argument for a literal string argument.
func (l *lowerer) strArg(s string) value.Value {
	if g, ok := l.strs[s]; ok {
		return g
	}
	g := ir.StringArg(l.mod, s)
	l.strs[s] = g
	return g
}
