package ir

import (
	"strings"
	"testing"

	"github.com/llir/llvm/asm"
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
)

const verifyDecls = `
declare void @evm.return(i256, i256) noreturn
declare void @evm.revert(i256, i256) noreturn
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.div(i256, i256)
`

func parse(t *testing.T, src string) *ir.Module {
	t.Helper()
	m, err := asm.ParseString("test.ll", verifyDecls+src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return m
}

func fn(m *ir.Module, name string) *ir.Func {
	for _, f := range m.Funcs {
		if f.Name() == name {
			return f
		}
	}
	panic("no function " + name)
}

func TestVerifyAcceptsValidIR(t *testing.T) {
	m := parse(t, `
define void @main() {
entry:
  %x = call i256 @evm.sload(i256 0)
  %c = icmp eq i256 %x, 0
  %z = zext i1 %c to i256
  switch i256 %x, label %def [ i256 1, label %join
                               i256 2, label %join ]
def:
  br i1 %c, label %join, label %stop
join:
  %p = phi i256 [ %z, %entry ], [ %z, %entry ], [ 7, %def ]
  %r = call { i256, i256 } @pair(i256 %p)
  %a = extractvalue { i256, i256 } %r, 0
  %d = call i256 @evm.div(i256 %a, i256 0)
  call void @evm.sstore(i256 %d, i256 %a)
  ret void
stop:
  call void @evm.return(i256 0, i256 0)
  unreachable
}

define { i256, i256 } @pair(i256 %v) {
  %s = insertvalue { i256, i256 } undef, i256 %v, 0
  %t = insertvalue { i256, i256 } %s, i256 1, 1
  ret { i256, i256 } %t
}
`)
	if errs := Verify(m); len(errs) != 0 {
		t.Fatalf("valid module rejected: %v", errs)
	}
}

func TestVerifyRejects(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		edit  func(m *ir.Module)
		want  string // substring of one error
		block string // the error names this block
	}{
		{
			name: "missing terminator",
			src:  "define void @main() {\nentry:\n  ret void\n}",
			edit: func(m *ir.Module) { fn(m, "main").Blocks[0].Term = nil },
			want: "no terminator", block: "%entry",
		},
		{
			name: "phi after non-phi",
			src: `define void @main() {
entry:
  br label %b
b:
  %x = add i256 1, 2
  %p = phi i256 [ 0, %entry ]
  ret void
}`,
			want: "phi after a non-phi", block: "%b",
		},
		{
			name: "phi misses a predecessor",
			src: `define void @main() {
entry:
  %c = icmp eq i256 1, 2
  br i1 %c, label %a, label %b
a:
  br label %b
b:
  %p = phi i256 [ 0, %entry ]
  ret void
}`,
			want: "no incoming value for predecessor %a", block: "%b",
		},
		{
			name: "phi names a non-predecessor",
			src: `define void @main() {
entry:
  br label %b
a:
  br label %b
b:
  %p = phi i256 [ 0, %entry ], [ 1, %a ], [ 2, %c ]
  ret void
c:
  ret void
}`,
			want: "incoming block %c is not a predecessor", block: "%b",
		},
		{
			name: "phi entries per edge disagree",
			src: `define void @main() {
entry:
  %c = icmp eq i256 1, 2
  br i1 %c, label %b, label %b
b:
  %p = phi i256 [ 0, %entry ], [ 1, %entry ]
  ret void
}`,
			want: "two different incoming values", block: "%b",
		},
		{
			name: "phi entry count",
			src: `define void @main() {
entry:
  %c = icmp eq i256 1, 2
  br i1 %c, label %b, label %b
b:
  %p = phi i256 [ 0, %entry ]
  ret void
}`,
			want: "1 incoming entries for %entry, which has 2 edges", block: "%b",
		},
		{
			name: "use not dominated",
			src: `define i256 @f(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  %x = add i256 1, 2
  br label %b
b:
  ret i256 %x
}`,
			want: "use of %x is not dominated", block: "%b",
		},
		{
			name: "use before definition",
			src: `define i256 @f() {
entry:
  %y = add i256 %x, 1
  %x = add i256 1, 2
  ret i256 %y
}`,
			want: "uses %x before its definition", block: "%entry",
		},
		{
			name: "phi operand not dominating the incoming block",
			src: `define i256 @f(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  %x = add i256 1, 2
  br label %j
b:
  br label %j
j:
  %p = phi i256 [ %x, %a ], [ %x, %b ]
  ret i256 %p
}`,
			want: "use of %x is not dominated", block: "%j",
		},
		{
			name: "use of a deleted instruction",
			src: `define i256 @f() {
entry:
  %x = add i256 1, 2
  %y = add i256 %x, 1
  ret i256 %y
}`,
			edit: func(m *ir.Module) {
				b := fn(m, "f").Blocks[0]
				b.Insts = b.Insts[1:]
			},
			want: "not in this function", block: "%entry",
		},
		{
			name: "binary operand types",
			src: `define i256 @f() {
entry:
  %x = add i256 1, 2
  ret i256 %x
}`,
			edit: func(m *ir.Module) {
				fn(m, "f").Blocks[0].Insts[0].(*ir.InstAdd).Y = constant.NewInt(types.I8, 2)
			},
			want: "operands have types i256 and i8", block: "%entry",
		},
		{
			name: "icmp result type",
			src: `define void @f() {
entry:
  %x = icmp ult i256 1, 2
  ret void
}`,
			edit: func(m *ir.Module) { fn(m, "f").Blocks[0].Insts[0].(*ir.InstICmp).Typ = Word },
			want: "icmp gives i256, want i1", block: "%entry",
		},
		{
			name: "br condition type",
			src: `define void @f(i256 %c) {
entry:
  br label %a
a:
  ret void
}`,
			edit: func(m *ir.Module) {
				f := fn(m, "f")
				f.Blocks[0].Term = ir.NewCondBr(f.Params[0], f.Blocks[1], f.Blocks[1])
			},
			want: "br condition has type i256, want i1", block: "%entry",
		},
		{
			name: "call arity",
			src: `define void @g(i256 %a, i256 %b) {
entry:
  ret void
}
define void @f() {
entry:
  call void @g(i256 1, i256 2)
  ret void
}`,
			edit: func(m *ir.Module) {
				c := fn(m, "f").Blocks[0].Insts[0].(*ir.InstCall)
				c.Args = c.Args[:1]
			},
			want: "call with 1 arguments, the callee takes 2", block: "%entry",
		},
		{
			name: "call argument type",
			src: `define void @g(i256 %a) {
entry:
  ret void
}
define void @f() {
entry:
  call void @g(i256 1)
  ret void
}`,
			edit: func(m *ir.Module) {
				fn(m, "f").Blocks[0].Insts[0].(*ir.InstCall).Args[0] = constant.NewInt(types.I1, 1)
			},
			want: "argument 0 has type i1, the callee wants i256", block: "%entry",
		},
		{
			name: "intrinsic arity",
			src: `declare i256 @evm.mload(i256, i256)
define void @f() {
entry:
  %x = call i256 @evm.mload(i256 1, i256 2)
  ret void
}`,
			want: "intrinsic mload takes 1 arguments, got 2", block: "%entry",
		},
		{
			name: "intrinsic result type",
			src: `declare void @evm.mload(i256)
define void @f() {
entry:
  call void @evm.mload(i256 1)
  ret void
}`,
			want: "intrinsic mload gives void, want i256", block: "%entry",
		},
		{
			name: "intrinsic declaration",
			src:  `declare i256 @evm.caller(i256)`,
			want: "intrinsic declared with 1 parameters, the table says 0",
		},
		{
			name: "unknown intrinsic",
			src:  `declare i256 @evm.frobnicate(i256)`,
			want: "unknown intrinsic",
		},
		{
			name: "ret type",
			src: `define i256 @f() {
entry:
  ret void
}`,
			want: "ret void in a function returning i256", block: "%entry",
		},
		{
			name: "terminating intrinsic not followed by unreachable",
			src: `define void @f() {
entry:
  call void @evm.revert(i256 0, i256 0)
  ret void
}`,
			want: "revert never returns but is not followed by unreachable", block: "%entry",
		},
		{
			name: "entry block with predecessors",
			src: `define void @f() {
entry:
  br label %entry
}`,
			want: "entry block has predecessors", block: "%entry",
		},
		{
			name: "duplicate switch case",
			src: `define void @f(i256 %x) {
entry:
  switch i256 %x, label %a [ i256 1, label %a
                             i256 1, label %a ]
a:
  ret void
}`,
			want: "duplicate switch case 1", block: "%entry",
		},
		{
			name: "instruction outside the contract",
			src: `define i256 @f(i256 %x) {
entry:
  %y = udiv i256 %x, 3
  ret i256 %y
}`,
			want: "outside the soll IR contract", block: "%entry",
		},
		{
			name: "branch to another function's block",
			src: `define void @f() {
entry:
  br label %a
a:
  ret void
}
define void @g() {
entry:
  ret void
}`,
			edit: func(m *ir.Module) {
				fn(m, "f").Blocks[0].Term = ir.NewBr(fn(m, "g").Blocks[0])
			},
			want: "not a block of this function", block: "%entry",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, tt.src)
			if tt.edit != nil {
				tt.edit(m)
			}
			errs := Verify(m)
			for _, err := range errs {
				if strings.Contains(err.Error(), tt.want) {
					ve, ok := err.(*VerifyError)
					if !ok {
						t.Fatalf("error %T is not a *VerifyError", err)
					}
					if ve.Block != tt.block {
						t.Errorf("error names block %q, want %q: %v", ve.Block, tt.block, err)
					}
					if ve.Func == "" {
						t.Errorf("error names no function: %v", err)
					}
					return
				}
			}
			t.Fatalf("want an error containing %q, got %v", tt.want, errs)
		})
	}
}

func TestVerifyObjectNamesObject(t *testing.T) {
	good := parse(t, "define void @main() {\nentry:\n  ret void\n}")
	bad := parse(t, "define void @main() {\nentry:\n  ret i256 1\n}")
	o := &Object{Name: "C", Code: good, Subs: []*Object{{Name: "C_deployed", Code: bad}, {Name: "data", Data: []byte{1}}}}
	errs := VerifyObject(o)
	if len(errs) != 1 {
		t.Fatalf("want 1 error, got %v", errs)
	}
	want := `object "C_deployed": func @main, block %entry, ` + "`ret i256 1`" + `: ret of i256 in a function returning void`
	if errs[0].Error() != want {
		t.Fatalf("got  %s\nwant %s", errs[0], want)
	}
}

func TestCFGDominators(t *testing.T) {
	m := parse(t, `define void @f(i1 %c) {
entry:
  br label %head
head:
  br i1 %c, label %body, label %exit
body:
  br i1 %c, label %x, label %y
x:
  br label %latch
y:
  br label %latch
latch:
  br label %head
exit:
  ret void
}`)
	f := fn(m, "f")
	c := NewCFG(f)
	name := func(i int) string { return f.Blocks[i].Name() }
	idom := map[string]string{}
	for i := range f.Blocks {
		if c.Idom[i] >= 0 {
			idom[name(i)] = name(c.Idom[i])
		}
	}
	want := map[string]string{"head": "entry", "body": "head", "x": "body", "y": "body", "latch": "body", "exit": "head"}
	for k, v := range want {
		if idom[k] != v {
			t.Errorf("idom(%s) = %s, want %s", k, idom[k], v)
		}
	}
	df := c.Frontiers()
	got := func(b string) []string {
		var out []string
		for _, i := range df[c.Index[fn(m, "f").Blocks[indexOf(f, b)]]] {
			out = append(out, name(i))
		}
		return out
	}
	if g := strings.Join(got("x"), ","); g != "latch" {
		t.Errorf("DF(x) = %s, want latch", g)
	}
	if g := strings.Join(got("latch"), ","); g != "head" {
		t.Errorf("DF(latch) = %s, want head", g)
	}
	if g := strings.Join(got("body"), ","); g != "head" {
		t.Errorf("DF(body) = %s, want head", g)
	}
	if !c.Dominates(indexOf(f, "head"), indexOf(f, "y")) || c.Dominates(indexOf(f, "x"), indexOf(f, "latch")) {
		t.Errorf("Dominates is wrong")
	}
}

func indexOf(f *ir.Func, name string) int {
	for i, b := range f.Blocks {
		if b.Name() == name {
			return i
		}
	}
	return -1
}
