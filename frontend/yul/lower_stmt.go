package yul

import (
	"github.com/holiman/uint256"
	lir "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir"
)

// block lowers a block in a scope of its own.
func (l *lowerer) block(b *Block) {
	mark := len(l.undo)
	l.stmts(b.Stmts)
	l.unbindTo(mark)
}

// stmts lowers a block's statements in the current scope. The block's
// functions are declared first: they are visible in the whole block.
func (l *lowerer) stmts(list []Stmt) {
	var funcs map[*FuncDef]*lir.Func
	for _, s := range list {
		if d, ok := s.(*FuncDef); ok {
			if funcs == nil {
				funcs = make(map[*FuncDef]*lir.Func)
			}
			f := l.declareFunc(d)
			funcs[d] = f
			l.bind(d.Name, &binding{def: d, fn: f})
		}
	}
	for _, s := range list {
		if d, ok := s.(*FuncDef); ok {
			l.lowerFunc(d, funcs[d])
			continue
		}
		if l.fn.cur == nil {
			continue // unreachable
		}
		l.stmt(s)
	}
}

func (l *lowerer) stmt(s Stmt) {
	fs := l.fn
	switch s := s.(type) {
	case *Block:
		l.block(s)
	case *VarDecl:
		l.varDecl(s)
	case *Assign:
		vals := l.exprN(s.Value, len(s.Targets))
		for i, t := range s.Targets {
			if b := l.lookupVar(t); b != nil {
				l.loc(fs.cur.NewStore(vals[i], b.ptr), s.Loc)
			}
		}
	case *ExprStmt:
		if c, ok := s.X.(*Call); ok {
			l.call(c, true)
		} else {
			l.exprN(s.X, 1)
		}
	case *If:
		l.ifStmt(s)
	case *Switch:
		l.switchStmt(s)
	case *For:
		l.forStmt(s)
	case *Break:
		if len(fs.loops) == 0 {
			l.errorf(source.SyntaxError, 2592, s.Loc, "Keyword \"break\" needs to be inside a for-loop body.")
			return
		}
		l.br(fs.loops[len(fs.loops)-1].brk, s.Loc)
	case *Continue:
		if len(fs.loops) == 0 {
			l.errorf(source.SyntaxError, 2592, s.Loc, "Keyword \"continue\" needs to be inside a for-loop body.")
			return
		}
		l.br(fs.loops[len(fs.loops)-1].cont, s.Loc)
	case *Leave:
		if fs.ret == nil {
			l.errorf(source.SyntaxError, 8149, s.Loc, "Keyword \"leave\" can only be used inside a function.")
			return
		}
		l.br(fs.ret, s.Loc)
	}
}

func (l *lowerer) varDecl(s *VarDecl) {
	var vals []value.Value
	if s.Value != nil {
		vals = l.exprN(s.Value, len(s.Names))
	}
	for i, n := range s.Names {
		ptr := l.alloca(n.Name, n.Loc)
		var v value.Value = l.zero()
		if vals != nil {
			v = vals[i]
		}
		l.loc(l.fn.cur.NewStore(v, ptr), s.Loc)
		l.bind(n.Name, &binding{ptr: ptr, owner: l.fn})
	}
}

// condition turns a word into an i1 (word != 0). When the word is a fresh
// zext of an i1 (a comparison), the i1 itself is used.
func (l *lowerer) condition(v value.Value, span source.Span) value.Value {
	cur := l.fn.cur
	if z, ok := v.(*lir.InstZExt); ok && z.From.Type().Equal(types.I1) &&
		len(cur.Insts) > 0 && cur.Insts[len(cur.Insts)-1] == z {
		cur.Insts = cur.Insts[:len(cur.Insts)-1]
		delete(l.obj.Locs, z)
		return z.From
	}
	return l.loc(cur.NewICmp(enum.IPredNE, v, l.zero()), span).(value.Value)
}

func (l *lowerer) ifStmt(s *If) {
	fs := l.fn
	c := l.condition(l.expr(s.Cond), s.Cond.Span())
	n := fs.next()
	then := fs.newBlock("if.then", n)
	end := fs.newBlock("if.end", n)
	fs.preds[then]++
	fs.preds[end]++
	l.loc(fs.cur.NewCondBr(c, then, end), s.Loc)
	fs.start(then)
	l.block(s.Body)
	if fs.cur != nil {
		l.br(end, endSpan(s.Body.Loc))
	}
	fs.start(end)
}

func (l *lowerer) switchStmt(s *Switch) {
	fs := l.fn
	x := l.expr(s.X)
	if len(s.Cases) == 1 && s.Cases[0].Value == nil {
		l.block(s.Cases[0].Body) // only a default: no branch needed
		return
	}
	n := fs.next()
	end := fs.newBlock("switch.end", n)
	def := end
	blocks := make([]*lir.Block, len(s.Cases))
	var cases []*lir.Case
	seen := make(map[uint256.Int]bool, len(s.Cases))
	for i, c := range s.Cases {
		if c.Value == nil {
			blocks[i] = fs.newBlock("switch.default", n)
			def = blocks[i]
			continue
		}
		blocks[i] = fs.newBlock("switch.case", n)
		w := c.Value.Word()
		if seen[w] {
			l.errorf(source.DeclarationError, 6792, c.Loc, "Duplicate case \"%s\" defined.", c.Value.Format())
			continue
		}
		seen[w] = true
		fs.preds[blocks[i]]++
		cases = append(cases, lir.NewCase(l.word(&w), blocks[i]))
	}
	fs.preds[def]++
	l.loc(fs.cur.NewSwitch(x, def, cases...), s.Loc)
	fs.cur = nil
	for i, c := range s.Cases {
		if fs.preds[blocks[i]] == 0 {
			continue
		}
		fs.start(blocks[i])
		l.block(c.Body)
		if fs.cur != nil {
			l.br(end, endSpan(c.Body.Loc))
		}
	}
	if fs.preds[end] > 0 {
		fs.start(end)
	}
}

func (l *lowerer) forStmt(s *For) {
	fs := l.fn
	mark := len(l.undo)
	defer l.unbindTo(mark)
	// The init block's scope extends over the condition, body and post.
	l.stmts(s.Init.Stmts)
	if fs.cur == nil {
		return
	}
	n := fs.next()
	cond := fs.newBlock("for.cond", n)
	body := fs.newBlock("for.body", n)
	post := fs.newBlock("for.post", n)
	end := fs.newBlock("for.end", n)
	condSpan := s.Cond.Span()
	l.br(cond, condSpan)
	fs.start(cond)
	if lit, ok := s.Cond.(*Literal); ok && !lit.TooLarge && !lit.Num.IsZero() && lit.Kind != StringLit {
		// for {} 1 {} { … }: no exit test, only breaks leave the loop.
		l.br(body, condSpan)
	} else {
		c := l.condition(l.expr(s.Cond), condSpan)
		fs.preds[body]++
		fs.preds[end]++
		l.loc(fs.cur.NewCondBr(c, body, end), condSpan)
		fs.cur = nil
	}
	fs.start(body)
	fs.loops = append(fs.loops, loop{brk: end, cont: post})
	l.block(s.Body)
	fs.loops = fs.loops[:len(fs.loops)-1]
	if fs.cur != nil {
		l.br(post, endSpan(s.Body.Loc))
	}
	if fs.preds[post] > 0 {
		fs.start(post)
		l.block(s.Post)
		if fs.cur != nil {
			l.br(cond, endSpan(s.Post.Loc))
		}
	}
	if fs.preds[end] > 0 {
		fs.start(end)
	}
}

// zero is the word 0.
func (l *lowerer) zero() *constant.Int { return constant.NewInt(ir.Word, 0) }

// word is the constant for w.
func (l *lowerer) word(w *uint256.Int) *constant.Int {
	if w.IsUint64() && w.Uint64() < 1<<63 {
		return constant.NewInt(ir.Word, int64(w.Uint64()))
	}
	return &constant.Int{Typ: ir.Word, X: w.ToBig()}
}

func undef(t types.Type) value.Value { return constant.NewUndef(t) }
