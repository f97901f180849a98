package evm

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/holiman/uint256"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
)

// Three checks revert with the same panic; one copy of the sequence must
// remain, and every path must still behave.
const tailLL = `declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn
declare void @evm.revert(i256, i256) noreturn
declare i256 @evm.calldataload(i256)

define void @main() {
entry:
  %a = call i256 @evm.calldataload(i256 0)
  %c1 = icmp ugt i256 %a, 100
  br i1 %c1, label %p1, label %k1
p1:
  call void @evm.mstore(i256 0, i256 17)
  call void @evm.revert(i256 0, i256 32)
  unreachable
k1:
  %b = call i256 @evm.calldataload(i256 32)
  %c2 = icmp ult i256 %b, 5
  br i1 %c2, label %k2, label %p2
k2:
  %s = add i256 %a, %b
  %c3 = icmp eq i256 %s, 7
  br i1 %c3, label %p3, label %ok
p2:
  call void @evm.mstore(i256 0, i256 17)
  call void @evm.revert(i256 0, i256 32)
  unreachable
p3:
  call void @evm.mstore(i256 0, i256 17)
  call void @evm.revert(i256 0, i256 32)
  unreachable
ok:
  call void @evm.mstore(i256 0, i256 %s)
  call void @evm.return(i256 0, i256 32)
  unreachable
}
`

func TestMergeTails(t *testing.T) {
	obj, err := parseLL(tailLL)
	if err != nil {
		t.Fatal(err)
	}
	var log source.Log
	art := Compile(obj, Options{EVMVersion: evmversion.Cancun}, &log)
	if log.HasErrors() {
		t.Fatal(log.Diagnostics())
	}
	if n := strings.Count(art.Assembly.String(), "REVERT"); n != 1 {
		t.Errorf("%d REVERTs left, want 1:\n%s", n, art.Assembly)
	}
	cases := []struct {
		a, b     int64
		reverted bool
		out      string
	}{
		{101, 0, true, word(17)},
		{1, 5, true, word(17)},
		{3, 4, true, word(17)},
		{3, 3, false, word(6)},
		{100, 4, false, word(104)},
	}
	for _, c := range cases {
		in, _ := hex.DecodeString(word(c.a) + word(c.b))
		out, err := func() ([]byte, error) {
			o, _, err := runtime.Execute(art.Creation.Code, in, nil)
			return o, err
		}()
		if (err != nil) != c.reverted || hex.EncodeToString(out) != c.out {
			t.Errorf("a=%d b=%d: out %x err %v", c.a, c.b, out, err)
		}
	}
}

// The peephole's rewrites of SWAP1 before a binary operation and of a double
// ISZERO before JUMPI must not change results.
func TestPeepholeOps(t *testing.T) {
	f := Features{Push0: true, Shifts: true}
	vals := []*uint256.Int{uint256.NewInt(3), uint256.NewInt(5), new(uint256.Int).Not(uint256.NewInt(0))}
	for _, o := range []byte{opADD, opMUL, opAND, opOR, opXOR, opEQ, opLT, opGT, opSLT, opSGT, opSUB} {
		for _, a := range vals {
			for _, b := range vals {
				items := []item{{kind: kPush, val: a}, {kind: kPush, val: b}, {kind: kOp, op: opSWAP1}, {kind: kOp, op: o},
					{kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opMSTORE},
					{kind: kPush, val: uint256.NewInt(32)}, {kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opRETURN}}
				run := func(its []item) ([]byte, int) {
					bc, err := (&Assembly{Items: its}).Assemble(f, nil)
					if err != nil {
						t.Fatal(err)
					}
					out, _, err := runtime.Execute(bc.Code, nil, nil)
					if err != nil {
						t.Fatal(err)
					}
					return out, len(bc.Code)
				}
				want, n0 := run(append([]item(nil), items...))
				got, n1 := run(peephole(append([]item(nil), items...)))
				if hex.EncodeToString(got) != hex.EncodeToString(want) {
					t.Errorf("%s(%s, %s): got %x want %x", OpName(o), a.Hex(), b.Hex(), got, want)
				}
				if o != opSUB && n1 != n0-1 {
					t.Errorf("%s: SWAP1 kept", OpName(o))
				}
			}
		}
	}
	for _, x := range []uint64{0, 1, 7} {
		// x ISZERO ISZERO PUSH L JUMPI; return 1; L: return 2
		items := []item{{kind: kPush, val: uint256.NewInt(x)}, {kind: kOp, op: opISZERO}, {kind: kOp, op: opISZERO},
			{kind: kPushLabel, label: 1}, {kind: kOp, op: opJUMPI},
			{kind: kPush, val: uint256.NewInt(1)}, {kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opMSTORE},
			{kind: kPush, val: uint256.NewInt(32)}, {kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opRETURN},
			{kind: kLabel, label: 1},
			{kind: kPush, val: uint256.NewInt(2)}, {kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opMSTORE},
			{kind: kPush, val: uint256.NewInt(32)}, {kind: kPush, val: uint256.NewInt(0)}, {kind: kOp, op: opRETURN}}
		pi := peephole(append([]item(nil), items...))
		if len(pi) != len(items)-2 {
			t.Errorf("ISZERO ISZERO kept")
		}
		bc, err := (&Assembly{Items: pi}).Assemble(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		out, _, err := runtime.Execute(bc.Code, nil, nil)
		want := word(1)
		if x != 0 {
			want = word(2)
		}
		if err != nil || hex.EncodeToString(out) != want {
			t.Errorf("x=%d: got %x, %v", x, out, err)
		}
	}
}

// Blocks that only jump elsewhere are threaded away, and a conditional jump
// over a jump becomes one conditional jump. (The two returns end
// differently, so that cross-jumping adds no jump either.)
const threadLL = `declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn
declare i256 @evm.calldataload(i256)

define void @main() {
entry:
  %a = call i256 @evm.calldataload(i256 0)
  %c = icmp ult i256 %a, 10
  br i1 %c, label %hop, label %big
big:
  %c2 = icmp ult i256 %a, 100
  br i1 %c2, label %hop2, label %out
hop:
  br label %hop2
hop2:
  br label %small
out:
  call void @evm.mstore(i256 0, i256 2)
  call void @evm.return(i256 0, i256 32)
  unreachable
small:
  call void @evm.mstore(i256 32, i256 1)
  call void @evm.return(i256 32, i256 32)
  unreachable
}
`

func TestThreadJumps(t *testing.T) {
	obj, err := parseLL(threadLL)
	if err != nil {
		t.Fatal(err)
	}
	var log source.Log
	art := Compile(obj, Options{EVMVersion: evmversion.Cancun}, &log)
	if log.HasErrors() {
		t.Fatal(log.Diagnostics())
	}
	asm := art.Assembly.String()
	if n := strings.Count(asm, "JUMP\n"); n != 0 {
		t.Errorf("%d unconditional jumps left:\n%s", n, asm)
	}
	for _, c := range []struct{ a, want int64 }{{3, 1}, {50, 1}, {100, 2}, {1000, 2}} {
		in, _ := hex.DecodeString(word(c.a))
		out, _, err := runtime.Execute(art.Creation.Code, in, nil)
		if err != nil || hex.EncodeToString(out) != word(c.want) {
			t.Errorf("a=%d: got %x, %v", c.a, out, err)
		}
	}
}
