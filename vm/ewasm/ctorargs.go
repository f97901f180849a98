package ewasm

import "bytes"

// CtorArgsSection is the name of the custom section that carries a
// deployment's constructor arguments (ewasm.md §3.3).
const CtorArgsSection = "soll.ctor-args"

// CtorArgsOverhead is the size of the section's header: id, 5-byte padded
// size, name length, name. The compiler's datasize(self) for a deployer is
// its length plus this.
const CtorArgsOverhead = 1 + 5 + 1 + len(CtorArgsSection)

// AppendCtorArgs returns deployer ‖ the soll.ctor-args custom section
// holding args (ewasm.md §3.3): id 00, the section size as a 5-byte padded
// LEB128, the name, then args. Deploy tooling appends it always, even with
// no arguments.
func AppendCtorArgs(deployer, args []byte) []byte {
	out := make([]byte, 0, len(deployer)+CtorArgsOverhead+len(args))
	out = append(out, deployer...)
	out = append(out, secCustom)
	size := uint32(1 + len(CtorArgsSection) + len(args))
	for i := 0; i < 4; i++ {
		out = append(out, byte(size&0x7f)|0x80)
		size >>= 7
	}
	out = append(out, byte(size))
	out = append(out, byte(len(CtorArgsSection)))
	out = append(out, CtorArgsSection...)
	return append(out, args...)
}

// SplitCtorArgs splits deploy data into the deployer module and the
// arguments of its trailing soll.ctor-args section, read exactly as §3.3
// lays it out (5-byte padded size, the section last). ok is false when
// code does not end with such a section.
func SplitCtorArgs(code []byte) (deployer, args []byte, ok bool) {
	if len(code) < 8 || !bytes.Equal(code[:8], wasmMagic) {
		return nil, nil, false
	}
	r := &reader{b: code, pos: 8}
	for !r.eof() && r.err == nil {
		start := r.pos
		id := r.byte()
		sizeAt := r.pos
		size := r.u32()
		if r.err != nil || uint64(size) > uint64(len(code)-r.pos) {
			return nil, nil, false
		}
		end := r.pos + int(size)
		if id == secCustom && end == len(code) && r.pos-sizeAt == 5 {
			p := &reader{b: code[r.pos:end]}
			if p.name() == CtorArgsSection && p.err == nil {
				return code[:start], code[r.pos+p.pos : end], true
			}
		}
		r.pos = end
	}
	return nil, nil, false
}
