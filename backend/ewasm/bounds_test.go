package ewasm

import (
	"testing"

	"github.com/llir/llvm/asm"
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/value"

	sir "github.com/soll-dev/soll/ir"
	"github.com/soll-dev/soll/ir/opt"
)

// Word bounds and facts (values.go): unit tests of the analysis on
// hand-written IR, with the cases where narrowing would be wrong, and
// programs at the edges run on both targets.

const boundsDecls = `
declare i256 @evm.calldataload(i256)
declare i256 @evm.mload(i256)
declare void @evm.mstore(i256, i256)
declare void @evm.sstore(i256, i256)
declare void @evm.revert(i256, i256)
`

// boundsFunc analyses @main of an IR module.
func boundsFunc(t *testing.T, src string) *funcGen {
	t.Helper()
	m, err := asm.ParseString("b.ll", src+boundsDecls)
	if err != nil {
		t.Fatal(err)
	}
	var f *ir.Func
	for _, fn := range m.Funcs {
		if fn.Name() == "main" {
			f = fn
		}
	}
	if err := sir.Legalize(f); err != nil {
		t.Fatal(err)
	}
	g := &funcGen{f: f, cfg: sir.NewCFG(f)}
	g.analyze()
	return g
}

// named finds the instruction defining %name.
func (g *funcGen) named(t *testing.T, name string) ir.Instruction {
	t.Helper()
	for _, b := range g.f.Blocks {
		for _, inst := range b.Insts {
			if v, ok := inst.(value.Value); ok && v.Ident() == "%"+name {
				return inst
			}
		}
	}
	t.Fatalf("no %%%s", name)
	return nil
}

// bitsAt is the width bound of %v where instruction %at is.
func (g *funcGen) bitsAt(t *testing.T, v, at string) int {
	t.Helper()
	g.at = g.instAt[g.named(t, at)]
	return g.bitsOf(g.named(t, v).(value.Value))
}

func TestBoundsFacts(t *testing.T) {
	type q struct {
		v, at string
		bits  int
	}
	cases := []struct {
		name string
		src  string
		want []q
	}{
		{"ugt check", `
define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%before = add i256 %x, 1
	%c = icmp ugt i256 %x, u0xFFFFFFFF
	br i1 %c, label %bad, label %ok
bad:
	%inbad = add i256 %x, 2
	call void @evm.sstore(i256 0, i256 %inbad)
	br label %join
ok:
	%inok = add i256 %x, 3
	call void @evm.sstore(i256 1, i256 %inok)
	br label %join
join:
	%injoin = add i256 %x, 4
	call void @evm.sstore(i256 2, i256 %injoin)
	ret void
}`, []q{
			{"x", "before", 256}, {"x", "inbad", 256}, {"x", "inok", 32},
			{"inok", "inok", 33}, {"x", "injoin", 256}, {"before", "inok", 33},
		}},
		{"or of zexts", `
define void @main() {
entry:
	%p = call i256 @evm.mload(i256 64)
	%e = add i256 %p, 96
	%w = icmp ult i256 %e, %p
	%zw = zext i1 %w to i256
	%h = icmp ugt i256 %e, u0xFFFFFFFFFFFFFFFF
	%zh = zext i1 %h to i256
	%o = or i256 %zh, %zw
	%c = icmp ne i256 %o, 0
	br i1 %c, label %bad, label %ok
bad:
	call void @evm.revert(i256 0, i256 0)
	unreachable
ok:
	%q = add i256 %p, 32
	call void @evm.sstore(i256 %q, i256 %e)
	ret void
}`, []q{
			// e ≤ 2^64 − 1 and p ≤ e (no wrap): both one limb
			{"e", "q", 64}, {"p", "q", 64}, {"p", "e", 256}, {"e", "w", 256},
		}},
		{"signed", `
define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%c = icmp slt i256 %x, 100
	br i1 %c, label %lt, label %ge
lt:
	%a = add i256 %x, 1
	call void @evm.sstore(i256 0, i256 %a)
	ret void
ge:
	%h = lshr i256 %x, 1
	%d = icmp sle i256 %h, 100
	br i1 %d, label %small, label %big
small:
	%b = add i256 %h, 1
	call void @evm.sstore(i256 1, i256 %b)
	ret void
big:
	ret void
}`, []q{
			// x < 100 signed: x may be negative
			{"x", "a", 256},
			// h < 2^255: the signed comparison is an unsigned one
			{"h", "b", 7},
		}},
		{"memory access", `
define void @main() {
entry:
	%p = call i256 @evm.calldataload(i256 0)
	%q = add i256 %p, 32
	%r = add i256 %p, 1
	call void @evm.mstore(i256 %p, i256 1)
	%s = add i256 %q, 1
	call void @evm.sstore(i256 %r, i256 %s)
	ret void
}`, []q{
			{"p", "q", 256}, {"p", "s", 32}, {"q", "s", 33}, {"r", "s", 33}, {"s", "s", 33},
		}},
		{"add may wrap", `
define void @main() {
entry:
	%a = call i256 @evm.calldataload(i256 0)
	%s = add i256 %a, 5
	%c = icmp ugt i256 %s, 1000
	br i1 %c, label %bad, label %ok
bad:
	ret void
ok:
	%u = add i256 %a, 0
	call void @evm.sstore(i256 %s, i256 %a)
	ret void
}`, []q{
			// a = 2^256 − 2 gives s = 3: nothing about a
			{"s", "u", 10}, {"a", "u", 256},
		}},
		{"add cannot wrap", `
define void @main() {
entry:
	%a0 = call i256 @evm.calldataload(i256 0)
	%a = lshr i256 %a0, 2
	%s = add i256 %a, 5
	%c = icmp ugt i256 %s, 1000
	br i1 %c, label %bad, label %ok
bad:
	ret void
ok:
	%u = add i256 %a, 0
	call void @evm.sstore(i256 %s, i256 %a)
	ret void
}`, []q{
			{"a", "u", 10},
		}},
		{"loop bounded", `
define void @main() {
entry:
	%n = call i256 @evm.calldataload(i256 0)
	%c = icmp ugt i256 %n, u0xFFFFFFFFFFFFFFFF
	br i1 %c, label %bad, label %head
bad:
	ret void
head:
	%i = phi i256 [ 0, %entry ], [ %i1, %body ]
	%k = icmp ult i256 %i, %n
	br i1 %k, label %body, label %exit
body:
	call void @evm.sstore(i256 %i, i256 1)
	%i1 = add i256 %i, 1
	br label %head
exit:
	%z = add i256 %i, 0
	call void @evm.sstore(i256 %z, i256 2)
	ret void
}`, []q{
			// i < n ≤ 2^64 − 1 in the body, so i + 1 < 2^64
			{"i", "k", 64}, {"i1", "i1", 64},
		}},
		{"loop unbounded", `
define void @main() {
entry:
	%n = call i256 @evm.calldataload(i256 0)
	%c = icmp ugt i256 %n, u0xFFFFFFFFFFFFFFFF
	br i1 %c, label %bad, label %head
bad:
	ret void
head:
	%i = phi i256 [ 1, %entry ], [ %i1, %body ]
	%j = phi i256 [ 0, %entry ], [ %j1, %body ]
	%k = icmp ult i256 %j, %n
	br i1 %k, label %body, label %exit
body:
	call void @evm.sstore(i256 %j, i256 %i)
	%i1 = mul i256 %i, 3
	%j1 = add i256 %j, 1
	br label %head
exit:
	%z = add i256 %i, 0
	call void @evm.sstore(i256 %z, i256 2)
	ret void
}`, []q{
			// j is bounded by n; i grows without a bound
			{"j", "k", 64}, {"i", "k", 256}, {"i1", "i1", 256},
		}},
		{"loop phi of a wide value", `
define void @main() {
entry:
	%n = call i256 @evm.calldataload(i256 0)
	br label %head
head:
	%i = phi i256 [ 0, %entry ], [ %i1, %body ]
	%k = icmp ult i256 %i, %n
	br i1 %k, label %body, label %exit
body:
	%i1 = add i256 %i, 1
	br label %head
exit:
	%z = add i256 %i, 0
	call void @evm.sstore(i256 %z, i256 2)
	ret void
}`, []q{
			{"i", "k", 256}, {"i", "z", 256},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := boundsFunc(t, c.src)
			for _, w := range c.want {
				if got := g.bitsAt(t, w.v, w.at); got != w.bits {
					t.Errorf("bits of %%%s at %%%s: %d, want %d", w.v, w.at, got, w.bits)
				}
			}
		})
	}
}

// TestBoundsDifferential runs programs whose values are narrow only after
// checks with inputs at the edges of the checks, on both targets.
func TestBoundsDifferential(t *testing.T) {
	edges := []any{0, 1, 31, 32, 100, 1000, "0xffffffff", "0x100000000",
		"0xffffffffffffffff", "0x10000000000000000", "0xfffffffffffffffe",
		"-1", "-2", "-32", "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}
	progs := []struct{ name, src string }{
		{"checked sum", `{
			let x := calldataload(0)
			if gt(x, 0xffffffffffffffff) { revert(0, 0) }
			let y := calldataload(32)
			mstore(0, add(x, 1))
			mstore(32, add(x, y))
			mstore(64, x)
			if lt(y, 0x10000) { mstore(96, add(mul(x, y), y)) }
			return(0, 128)
		}`},
		{"signed check", `{
			let x := calldataload(0)
			if slt(x, 100) { mstore(0, x) mstore(32, add(x, 1)) return(0, 64) }
			let h := shr(1, x)
			if slt(h, 1000) { mstore(0, add(h, 7)) return(0, 32) }
			return(0, 0)
		}`},
		{"allocation", `{
			mstore(64, calldataload(0))
			let p := mload(64)
			let e := add(p, 96)
			if or(gt(e, 0xffffffffffffffff), lt(e, p)) { revert(0, 0) }
			mstore(64, e)
			mstore(0, p)
			mstore(32, add(p, 32))
			return(0, 64)
		}`},
		{"memory offset", `{
			let p := calldataload(0)
			let q := add(p, 32)
			mstore(p, 7)
			mstore(0, q)
			mstore(32, mload(p))
			return(0, 64)
		}`},
		{"sum may wrap", `{
			let a := calldataload(0)
			let s := add(a, 5)
			if gt(s, 1000) { revert(0, 0) }
			mstore(0, a)
			mstore(32, s)
			return(0, 64)
		}`},
		{"masked", `{
			let a := calldataload(0)
			let r := and(add(a, 31), not(31))
			if gt(r, 0xffff) { revert(0, 0) }
			mstore(0, a)
			mstore(32, r)
			return(0, 64)
		}`},
		{"loops", `{
			let n := calldataload(0)
			if gt(n, 0x40) { revert(0, 0) }
			let s := 0
			let t := 1
			for { let i := 0 } lt(i, n) { i := add(i, 1) } {
				s := add(s, mul(i, i))
				t := mul(t, 0x10001)
			}
			mstore(0, s)
			mstore(32, t)
			return(0, 64)
		}`},
		{"switch", `{
			let x := calldataload(0)
			switch x
			case 5 { mstore(0, add(x, 1)) }
			case 0xffffffffffffffff { mstore(0, add(x, 1)) }
			default { mstore(0, add(x, 2)) }
			return(0, 32)
		}`},
	}
	for _, p := range progs {
		t.Run(p.name, func(t *testing.T) {
			for _, x := range edges {
				for _, y := range []any{0, 3, "0xffff", "-1"} {
					cd := words(x, y)
					if p.name == "memory offset" && (x == "0xffffffff" || x == "0x100000000") {
						// the EVM of the tests has the gas for 4 GiB of
						// memory, a wasm memory cannot have them
						continue
					}
					want := runEVM(t, p.src, cd)
					for _, level := range []opt.Level{opt.O2, opt.O0} {
						got, _ := runEwasmAt(t, p.src, cd, Options{}, level)
						if !got.equal(want) {
							t.Errorf("%x at %v:\newasm %s\n  evm %s", cd, level, got, want)
						}
					}
				}
			}
		})
	}
}
