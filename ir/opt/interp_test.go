package opt

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/holiman/uint256"
	llvm "github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"github.com/soll-dev/soll/ir"
)

// This file is a small interpreter of soll IR for differential tests: a
// module runs before and after optimization on the same inputs, and the
// observable outcome (status, output, storage, logs, external calls) must be
// the same. External calls are stubs that record their arguments.

type ival struct {
	w   uint256.Int
	agg []ival // struct values
}

type machine struct {
	calldata  []byte
	storage   map[uint256.Int]uint256.Int
	transient map[uint256.Int]uint256.Int
	memory    []byte
	events    []string
	steps     int
	maxSteps  int
	depth     int
	callCount uint64
}

type outcome struct {
	status string // "return", "revert", "stop", "invalid", "ret", "limit", "oog"
	output string
}

type halt struct{ out outcome }

func newMachine(calldata []byte) *machine {
	return &machine{
		calldata:  calldata,
		storage:   make(map[uint256.Int]uint256.Int),
		transient: make(map[uint256.Int]uint256.Int),
		maxSteps:  200000,
	}
}

// run executes main and returns a printable summary of everything
// observable.
func (m *machine) run(mod *llvm.Module) string {
	var main *llvm.Func
	for _, f := range mod.Funcs {
		if f.Name() == "main" {
			main = f
		}
	}
	out := func() (o outcome) {
		defer func() {
			if r := recover(); r != nil {
				h, ok := r.(halt)
				if !ok {
					panic(r)
				}
				o = h.out
			}
		}()
		m.call(main, nil)
		return outcome{status: "ret"}
	}()
	var sb strings.Builder
	fmt.Fprintf(&sb, "status %s output %s\n", out.status, out.output)
	if out.status == "revert" || out.status == "invalid" {
		return sb.String() // state changes are discarded
	}
	keys := make([]uint256.Int, 0, len(m.storage))
	for k := range m.storage {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Lt(&keys[j]) })
	for _, k := range keys {
		v := m.storage[k]
		if !v.IsZero() {
			fmt.Fprintf(&sb, "storage %s = %s\n", k.Hex(), v.Hex())
		}
	}
	for _, e := range m.events {
		sb.WriteString(e + "\n")
	}
	return sb.String()
}

func (m *machine) stop(status string, output string) {
	panic(halt{outcome{status, output}})
}

func (m *machine) mem(off, size *uint256.Int) []byte {
	if size.IsZero() {
		return nil
	}
	if !off.IsUint64() || !size.IsUint64() || off.Uint64()+size.Uint64() > 1<<16 {
		m.stop("oog", "")
	}
	end := off.Uint64() + size.Uint64()
	if end > uint64(len(m.memory)) {
		n := (end + 31) / 32 * 32
		m.memory = append(m.memory, make([]byte, n-uint64(len(m.memory)))...)
	}
	return m.memory[off.Uint64():end]
}

func (m *machine) call(f *llvm.Func, args []ival) ival {
	m.depth++
	if m.depth > 200 {
		m.stop("limit", "depth")
	}
	defer func() { m.depth-- }()
	env := make(map[value.Value]ival)
	cells := make(map[*llvm.InstAlloca]*ival)
	for i, p := range f.Params {
		env[p] = args[i]
	}
	get := func(v value.Value) ival {
		switch v := v.(type) {
		case *constant.Int:
			var x ival
			x.w.SetFromBig(ir.Unsigned(v))
			return x
		case *constant.Undef, *constant.ZeroInitializer:
			if st, ok := v.Type().(*types.StructType); ok {
				return ival{agg: make([]ival, len(st.Fields))}
			}
			return ival{}
		case *constant.Struct:
			var x ival
			for _, fld := range v.Fields {
				c := fld.(*constant.Int)
				var e ival
				e.w.SetFromBig(ir.Unsigned(c))
				x.agg = append(x.agg, e)
			}
			return x
		}
		x, ok := env[v]
		if !ok {
			panic(fmt.Sprintf("interp: %s has no value", v.Ident()))
		}
		return x
	}
	var prev *llvm.Block
	b := f.Blocks[0]
	for {
		// Phis read their operands simultaneously.
		var phiVals []ival
		var phis []*llvm.InstPhi
		for _, inst := range b.Insts {
			phi, ok := inst.(*llvm.InstPhi)
			if !ok {
				break
			}
			found := false
			for _, inc := range phi.Incs {
				if inc.Pred == prev {
					phiVals = append(phiVals, get(inc.X))
					found = true
					break
				}
			}
			if !found {
				panic("interp: phi without entry for predecessor")
			}
			phis = append(phis, phi)
		}
		for i, phi := range phis {
			env[phi] = phiVals[i]
		}
		for _, inst := range b.Insts[len(phis):] {
			m.steps++
			if m.steps > m.maxSteps {
				m.stop("limit", "steps")
			}
			m.exec(inst, env, cells, get)
		}
		switch t := b.Term.(type) {
		case *llvm.TermRet:
			if t.X == nil {
				return ival{}
			}
			return get(t.X)
		case *llvm.TermBr:
			prev, b = b, t.Target.(*llvm.Block)
		case *llvm.TermCondBr:
			c := get(t.Cond)
			next := t.TargetFalse
			if !c.w.IsZero() {
				next = t.TargetTrue
			}
			prev, b = b, next.(*llvm.Block)
		case *llvm.TermSwitch:
			x := get(t.X)
			next := t.TargetDefault
			for _, c := range t.Cases {
				cv := get(c.X)
				if cv.w.Eq(&x.w) {
					next = c.Target
					break
				}
			}
			prev, b = b, next.(*llvm.Block)
		case *llvm.TermUnreachable:
			panic("interp: reached unreachable")
		default:
			panic(fmt.Sprintf("interp: terminator %T", t))
		}
		m.steps++
		if m.steps > m.maxSteps {
			m.stop("limit", "steps")
		}
	}
}

func mask(x *uint256.Int, t types.Type) {
	it := t.(*types.IntType)
	if it.BitSize < 256 {
		var mk uint256.Int
		mk.Lsh(uint256.NewInt(1), uint(it.BitSize))
		mk.SubUint64(&mk, 1)
		x.And(x, &mk)
	}
}

func (m *machine) exec(inst llvm.Instruction, env map[value.Value]ival, cells map[*llvm.InstAlloca]*ival, get func(value.Value) ival) {
	var r ival
	bin := func(x, y value.Value, t types.Type, op func(z, a, b *uint256.Int)) {
		a, b := get(x), get(y)
		op(&r.w, &a.w, &b.w)
		mask(&r.w, t)
	}
	switch inst := inst.(type) {
	case *llvm.InstAdd:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.Add(a, b) })
	case *llvm.InstSub:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.Sub(a, b) })
	case *llvm.InstMul:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.Mul(a, b) })
	case *llvm.InstAnd:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.And(a, b) })
	case *llvm.InstOr:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.Or(a, b) })
	case *llvm.InstXor:
		bin(inst.X, inst.Y, inst.Type(), func(z, a, b *uint256.Int) { z.Xor(a, b) })
	case *llvm.InstICmp:
		x, y := get(inst.X), get(inst.Y)
		cx := ir.IntConst(inst.X.Type().(*types.IntType), x.w.ToBig())
		cy := ir.IntConst(inst.X.Type().(*types.IntType), y.w.ToBig())
		if compare(inst.Pred, cx, cy) {
			r.w.SetOne()
		}
	case *llvm.InstZExt:
		r = get(inst.From)
	case *llvm.InstTrunc:
		r = get(inst.From)
		mask(&r.w, inst.To)
	case *llvm.InstSelect:
		if c := get(inst.Cond); !c.w.IsZero() {
			r = get(inst.ValueTrue)
		} else {
			r = get(inst.ValueFalse)
		}
	case *llvm.InstPhi:
		panic("interp: phi in the middle of a block")
	case *llvm.InstAlloca:
		cells[inst] = &ival{}
		return
	case *llvm.InstLoad:
		r = *cells[inst.Src.(*llvm.InstAlloca)]
	case *llvm.InstStore:
		*cells[inst.Dst.(*llvm.InstAlloca)] = get(inst.Src)
		return
	case *llvm.InstExtractValue:
		r = get(inst.X).agg[inst.Indices[0]]
	case *llvm.InstInsertValue:
		x := get(inst.X)
		r.agg = append([]ival(nil), x.agg...)
		r.agg[inst.Indices[0]] = get(inst.Elem)
	case *llvm.InstCall:
		fn, b := ir.CallTarget(inst)
		args := make([]ival, len(inst.Args))
		for i, a := range inst.Args {
			if _, isStr := ir.StringOf(a); !isStr {
				args[i] = get(a)
			}
		}
		if b != nil {
			r = m.intrinsic(b, inst, args)
		} else {
			r = m.call(fn, args)
		}
	default:
		panic(fmt.Sprintf("interp: %T", inst))
	}
	if v, ok := inst.(value.Value); ok {
		env[v] = r
	}
}

func (m *machine) intrinsic(b *ir.Builtin, inst *llvm.InstCall, args []ival) ival {
	var r ival
	w := func(i int) *uint256.Int { return &args[i].w }
	if b.Effects == ir.Pure && b.Kind == ir.Intrinsic && b.Rets == 1 {
		ws := make([]*uint256.Int, len(args))
		for i := range args {
			ws[i] = w(i)
		}
		v, ok := evalIntrinsic(b.Name, ws)
		if !ok {
			panic("interp: cannot evaluate " + b.Name)
		}
		r.w = *v
		return r
	}
	switch b.Name {
	case "calldataload":
		var buf [32]byte
		if w(0).IsUint64() {
			off := w(0).Uint64()
			for i := uint64(0); i < 32; i++ {
				if off+i < uint64(len(m.calldata)) {
					buf[i] = m.calldata[off+i]
				}
			}
		}
		r.w.SetBytes32(buf[:])
	case "calldatasize":
		r.w.SetUint64(uint64(len(m.calldata)))
	case "caller":
		r.w.SetUint64(0xca11e7)
	case "callvalue", "pop":
	case "address":
		r.w.SetUint64(0xadd7)
	case "gas":
		r.w.SetUint64(1000000)
	case "sload":
		r.w = m.storage[*w(0)]
	case "sstore":
		m.storage[*w(0)] = *w(1)
	case "tload":
		r.w = m.transient[*w(0)]
	case "tstore":
		m.transient[*w(0)] = *w(1)
	case "mload":
		r.w.SetBytes32(m.mem(w(0), uint256.NewInt(32)))
	case "mstore":
		b := w(1).Bytes32()
		copy(m.mem(w(0), uint256.NewInt(32)), b[:])
	case "mstore8":
		m.mem(w(0), uint256.NewInt(1))[0] = byte(w(1).Uint64())
	case "msize":
		r.w.SetUint64(uint64(len(m.memory)))
	case "keccak256":
		h := sha256.Sum256(m.mem(w(0), w(1)))
		r.w.SetBytes32(h[:])
	case "return", "revert":
		out := fmt.Sprintf("%x", m.mem(w(0), w(1)))
		m.stop(b.Name, out)
	case "stop", "invalid":
		m.stop(b.Name, "")
	case "log0", "log1", "log2", "log3", "log4":
		s := fmt.Sprintf("%s data=%x", b.Name, m.mem(w(0), w(1)))
		for i := 2; i < len(args); i++ {
			s += " " + w(i).Hex()
		}
		m.events = append(m.events, s)
	case "call", "staticcall", "delegatecall", "callcode":
		s := "call " + b.Name
		for i := range args {
			s += " " + w(i).Hex()
		}
		m.events = append(m.events, s)
		m.callCount++
		r.w.SetUint64(m.callCount % 2)
	case "datasize", "dataoffset", "linkersymbol", "loadimmutable":
		name, _ := ir.StringOf(inst.Args[0])
		h := sha256.Sum256([]byte(b.Name + name))
		r.w.SetUint64(uint64(h[0])<<8 | uint64(h[1]))
	case "datacopy", "codecopy", "calldatacopy", "returndatacopy":
		dst := m.mem(w(0), w(2))
		for i := range dst {
			dst[i] = byte(i) ^ byte(w(1).Uint64())
		}
	case "mcopy":
		src := append([]byte(nil), m.mem(w(1), w(2))...)
		copy(m.mem(w(0), w(2)), src)
	case "memoryguard":
		r.w = *w(0)
	case "create", "create2":
		s := b.Name
		for i := range args {
			s += " " + w(i).Hex()
		}
		m.events = append(m.events, s)
		m.callCount++
		r.w.SetUint64(0xc0ffee + m.callCount)
	case "selfbalance", "balance", "extcodesize", "extcodehash":
		r.w.SetUint64(7)
	case "returndatasize":
	case "selfdestruct":
		m.stop("selfdestruct", "")
	default:
		panic("interp: intrinsic " + b.Name)
	}
	return r
}
