package opt

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/llir/llvm/asm"
	llvm "github.com/llir/llvm/ir"

	"github.com/soll-dev/soll/ir"
)

// bigModule writes a module shaped like solc's unoptimized Yul IR: main
// with `segments` pieces of code (an if/else diamond or a small loop each)
// over `vars` local variables held in allocas, plus one helper function per
// ten segments that main calls.
func bigModule(segments, vars int) string {
	var sb strings.Builder
	sb.WriteString(genDecls)
	helpers := segments / 10
	for h := 0; h < helpers; h++ {
		fmt.Fprintf(&sb, `
define i256 @helper%d(i256 %%a, i256 %%b) {
entry:
  %%x = alloca i256
  store i256 %%a, i256* %%x
  %%c = icmp ult i256 %%a, %%b
  br i1 %%c, label %%t, label %%e
t:
  %%s = call i256 @evm.sload(i256 %%b)
  store i256 %%s, i256* %%x
  br label %%e
e:
  %%r = load i256, i256* %%x
  %%r2 = add i256 %%r, %d
  ret i256 %%r2
}
`, h, h)
	}
	sb.WriteString("\ndefine void @main() {\nentry:\n")
	for v := 0; v < vars; v++ {
		fmt.Fprintf(&sb, "  %%v%d = alloca i256\n", v)
	}
	for v := 0; v < vars; v++ {
		fmt.Fprintf(&sb, "  %%i%d = call i256 @evm.calldataload(i256 %d)\n  store i256 %%i%d, i256* %%v%d\n", v, 32*v, v, v)
	}
	sb.WriteString("  br label %s0\n")
	t := 0
	tmp := func() string { t++; return fmt.Sprintf("%%t%d", t) }
	for s := 0; s < segments; s++ {
		a, b := fmt.Sprintf("%%v%d", (s*7)%vars), fmt.Sprintf("%%v%d", (s*13+1)%vars)
		fmt.Fprintf(&sb, "s%d:\n", s)
		x, y := tmp(), tmp()
		fmt.Fprintf(&sb, "  %s = load i256, i256* %s\n  %s = load i256, i256* %s\n", x, a, y, b)
		switch s % 3 {
		case 0, 1:
			c, z, nz := tmp(), tmp(), tmp()
			fmt.Fprintf(&sb, "  %s = icmp ult i256 %s, %s\n  %s = zext i1 %s to i256\n  %s = icmp ne i256 %s, 0\n", c, x, y, z, c, nz, z)
			fmt.Fprintf(&sb, "  br i1 %s, label %%s%dt, label %%s%de\n", nz, s, s)
			sum := tmp()
			fmt.Fprintf(&sb, "s%dt:\n  %s = add i256 %s, %s\n  store i256 %s, i256* %s\n", s, sum, x, y, sum, a)
			if s%10 == 0 && helpers > 0 {
				r := tmp()
				fmt.Fprintf(&sb, "  %s = call i256 @helper%d(i256 %s, i256 %s)\n  store i256 %s, i256* %s\n", r, (s/10)%helpers, x, sum, r, b)
			}
			fmt.Fprintf(&sb, "  br label %%s%dj\n", s)
			d := tmp()
			fmt.Fprintf(&sb, "s%de:\n  %s = call i256 @evm.div(i256 %s, i256 %s)\n  store i256 %s, i256* %s\n  br label %%s%dj\n", s, d, x, y, d, b, s)
			fmt.Fprintf(&sb, "s%dj:\n  call void @evm.sstore(i256 %d, i256 %s)\n  br label %%s%d\n", s, s, x, s+1)
		case 2:
			i := fmt.Sprintf("%%v%d", (s*5+2)%vars)
			fmt.Fprintf(&sb, "  store i256 0, i256* %s\n  br label %%s%dh\n", i, s)
			iv, c := tmp(), tmp()
			fmt.Fprintf(&sb, "s%dh:\n  %s = load i256, i256* %s\n  %s = icmp ult i256 %s, 3\n  br i1 %s, label %%s%db, label %%s%dx\n", s, iv, i, c, iv, c, s, s)
			acc, n1, iv2 := tmp(), tmp(), tmp()
			fmt.Fprintf(&sb, "s%db:\n  %s = load i256, i256* %s\n  %s = mul i256 %s, %s\n  store i256 %s, i256* %s\n", s, acc, a, n1, acc, y, n1, a)
			fmt.Fprintf(&sb, "  %s = add i256 %s, 1\n  store i256 %s, i256* %s\n  br label %%s%dh\n", iv2, iv, iv2, i, s)
			fmt.Fprintf(&sb, "s%dx:\n  br label %%s%d\n", s, s+1)
		}
	}
	fmt.Fprintf(&sb, "s%d:\n", segments)
	for v := 0; v < vars; v += 5 {
		x := tmp()
		fmt.Fprintf(&sb, "  %s = load i256, i256* %%v%d\n  call void @evm.sstore(i256 %d, i256 %s)\n", x, v, 100000+v, x)
	}
	sb.WriteString("  ret void\n}\n")
	return sb.String()
}

func parseBig(tb testing.TB, segments, vars int) *llvm.Module {
	m, err := asm.ParseString("big.ll", bigModule(segments, vars))
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func blockCount(m *llvm.Module) int {
	n := 0
	for _, f := range m.Funcs {
		n += len(f.Blocks)
	}
	return n
}

func BenchmarkMem2Reg(b *testing.B) {
	for _, size := range []int{300, 3000} {
		b.Run(fmt.Sprintf("segments=%d", size), func(b *testing.B) {
			src := bigModule(size, 200)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m, _ := asm.ParseString("big.ll", src)
				b.StartTimer()
				if _, err := RunPass("mem2reg", &ir.Object{Name: "big", Code: m}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkO2(b *testing.B) {
	for _, size := range []int{300, 3000} {
		b.Run(fmt.Sprintf("segments=%d", size), func(b *testing.B) {
			src := bigModule(size, 200)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m, _ := asm.ParseString("big.ll", src)
				b.StartTimer()
				if err := Run(&ir.Object{Name: "big", Code: m}, Options{Level: O2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBigFunctionScales checks that -O2 on a main of ~10,000 blocks stays
// fast and that doubling the function does not quadruple the time.
func TestBigFunctionScales(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	measure := func(segments int) (time.Duration, int) {
		m := parseBig(t, segments, 200)
		blocks := blockCount(m)
		start := time.Now()
		if err := Run(&ir.Object{Name: "big", Code: m}, Options{Level: O2}); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		if errs := ir.Verify(m); len(errs) > 0 {
			t.Fatalf("result does not verify: %v", errs[0])
		}
		if strings.Contains(m.String(), "alloca") {
			t.Fatal("alloca left")
		}
		return d, blocks
	}
	d1, b1 := measure(1000)
	d2, b2 := measure(2000)
	t.Logf("-O2: %d blocks in %v, %d blocks in %v", b1, d1, b2, d2)
	if d2 > 10*time.Second {
		t.Errorf("-O2 took %v on %d blocks", d2, b2)
	}
	if d2 > 4*d1+200*time.Millisecond {
		t.Errorf("not near-linear: %v for %d blocks, %v for %d blocks", d1, b1, d2, b2)
	}
}

// TestBigModuleBehavesTheSame runs the big module before and after -O2.
func TestBigModuleBehavesTheSame(t *testing.T) {
	src := bigModule(200, 40)
	before, _ := asm.ParseString("big.ll", src)
	after, _ := asm.ParseString("big.ll", src)
	if err := Run(&ir.Object{Name: "big", Code: after}, Options{Level: O2, VerifyEach: true}); err != nil {
		t.Fatal(err)
	}
	for _, cd := range calldatas(rand.New(rand.NewSource(3))) {
		want, got := newMachine(cd).run(before), newMachine(cd).run(after)
		if want != got {
			t.Fatalf("calldata %x: before\n%s\nafter\n%s", cd, want, got)
		}
	}
}
