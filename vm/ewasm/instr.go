package ewasm

// Opcodes the checker and the metering injector look at.
const (
	opUnreachable = 0x00
	opBlock       = 0x02
	opLoop        = 0x03
	opIf          = 0x04
	opElse        = 0x05
	opEnd         = 0x0b
	opBr          = 0x0c
	opBrIf        = 0x0d
	opBrTable     = 0x0e
	opReturn      = 0x0f
	opCall        = 0x10
	opCallInd     = 0x11
	opLocalGet    = 0x20
	opGlobalGet   = 0x23
	opGlobalSet   = 0x24
	opI64LtS      = 0x53
	opI64Sub      = 0x7d
	opMemoryGrow  = 0x40
	opI64Const    = 0x42
	opI64ExtendU  = 0xad
	opI64Mul      = 0x7e
)

// isFloatOp reports whether op is a WebAssembly 1.0 instruction that loads,
// stores, computes with or converts to or from f32/f64 (ewasm.md §1.4).
func isFloatOp(op byte) bool {
	switch {
	case op == 0x2a, op == 0x2b, op == 0x38, op == 0x39, op == 0x43, op == 0x44:
		return true
	case op >= 0x5b && op <= 0x66: // comparisons
		return true
	case op >= 0x8b && op <= 0xa6: // arithmetic
		return true
	case op >= 0xa8 && op <= 0xab, op >= 0xae && op <= 0xbf: // conversions
		return true
	}
	return false
}

// immediates skips the immediates of op, failing on anything that is not a
// WebAssembly 1.0 integer instruction.
func (r *reader) immediates(op byte) {
	if isFloatOp(op) {
		r.fail("floating-point instruction 0x%02x is not allowed (ewasm.md §1.4)", op)
		return
	}
	switch {
	case op == opBlock || op == opLoop || op == opIf:
		switch bt := r.byte(); bt {
		case 0x40, typeI32, typeI64:
		case typeF32, typeF64:
			r.fail("floating-point block type is not allowed (ewasm.md §1.4)")
		default:
			r.fail("block type 0x%02x is not wasm 1.0", bt)
		}
	case op == opBr || op == opBrIf || op == opCall || (op >= 0x20 && op <= 0x24):
		r.u32()
	case op == opBrTable:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			r.u32()
		}
		r.u32()
	case op == opCallInd:
		r.u32()
		if r.byte() != 0 {
			r.fail("call_indirect: reserved byte must be 0")
		}
	case op >= 0x28 && op <= 0x3e: // loads and stores: align, offset
		r.u32()
		r.u32()
	case op == 0x3f || op == opMemoryGrow:
		if r.byte() != 0 {
			r.fail("memory.size/grow: reserved byte must be 0")
		}
	case op == 0x41:
		r.sleb(5)
	case op == opI64Const:
		r.sleb(10)
	case op <= 0x01, op == opElse, op == opEnd, op == opReturn, op == 0x1a, op == 0x1b:
		// unreachable, nop, else, end, return, drop, select
	case op >= 0x45 && op <= 0xbf:
		// integer comparisons, arithmetic and conversions
	default:
		r.fail("opcode 0x%02x is not a wasm 1.0 instruction (ewasm.md §1.4)", op)
	}
}

// instr is one decoded instruction of a function body.
type instr struct {
	op         byte
	start, end int    // byte range in the body, immediates included
	index      uint32 // the function index of a call
}

// scanBody decodes a function body (locals, then instructions), rejecting
// float locals and instructions, and hands every instruction to visit (which
// may be nil). It returns the end of the locals header.
func scanBody(body []byte, visit func(instr)) error {
	_, err := scanBodyAt(body, visit)
	return err
}

func scanBodyAt(body []byte, visit func(instr)) (int, error) {
	r := &reader{b: body}
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		r.u32()
		r.valType()
	}
	header := r.pos
	for !r.eof() && r.err == nil {
		in := instr{start: r.pos}
		in.op = r.byte()
		if in.op == opCall {
			in.index = r.u32()
		} else {
			r.immediates(in.op)
		}
		in.end = r.pos
		if r.err == nil && visit != nil {
			visit(in)
		}
	}
	return header, r.err
}
