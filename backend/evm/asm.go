package evm

import (
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

type itemKind uint8

const (
	kOp              itemKind = iota // one opcode
	kPush                            // PUSH of a constant, minimal width
	kLabel                           // JUMPDEST, defines a label
	kPushLabel                       // PUSH of a label's offset
	kPushDataSize                    // PUSH datasize(path)
	kPushDataOffset                  // PUSH dataoffset(path)
	kPushMemGuard                    // PUSH memoryguard value (base + spill area)
	kPushImmutable                   // PUSH32 placeholder for loadimmutable(name)
	kAssignImmutable                 // setimmutable(offset, name, value): [value, offset] on the stack
	kPushLinker                      // PUSH20 library address or placeholder
	kVerbatim                        // raw bytes
)

// item is one entry of an assembly.
type item struct {
	kind  itemKind
	op    byte
	val   *uint256.Int // kPush, kPushMemGuard (base)
	label int          // kLabel, kPushLabel
	name  string       // data path, immutable name, library name
	raw   []byte       // kVerbatim
}

// Assembly is the EVM assembly of one object: its code items and its
// sub-objects (code or data) in declaration order.
type Assembly struct {
	Name    string
	Items   []item
	Subs    []*Assembly
	Data    []byte // for data objects (Items and Subs empty)
	data    bool
	codeLen int   // after Assemble: size of the code before the subs
	subLens []int // after Assemble: size of each sub's bytecode
	// spill is the size in bytes of the memory area reserved for spilled
	// stack slots; memoryguard(x) pushes x + spill.
	spill int
}

// Bytecode is assembled code with the places still to be filled by a linker.
type Bytecode struct {
	Code []byte
	// LinkRefs maps a library name ("file:L") to the byte offsets of its
	// 20-byte address fields (left zero when the address was not given).
	LinkRefs map[string][]int
	// Immutables maps an immutable name to the byte offsets of its 32-byte
	// fields in this code.
	Immutables map[string][]int
}

// Hex renders the code as hex, with solc's library placeholders
// (__$<34 hex digits of keccak256(name)>$__) where addresses are missing.
func (b *Bytecode) Hex() string {
	s := []byte(hex.EncodeToString(b.Code))
	for name, offs := range b.LinkRefs {
		ph := Placeholder(name)
		for _, o := range offs {
			copy(s[2*o:2*o+40], ph)
		}
	}
	return string(s)
}

// Placeholder is solc's library placeholder for a fully qualified library
// name: "__$" + the first 34 hex digits of keccak256(name) + "$__".
func Placeholder(name string) string {
	h := hex.EncodeToString(crypto.Keccak256([]byte(name)))
	return "__$" + h[:34] + "$__"
}

// assembler state for one object.
type assembler struct {
	libs  map[string]common.Address
	width int // bytes of a PUSH for labels and data offsets
}

func bytesFor(v uint64) int {
	n := 0
	for v > 0 {
		n++
		v >>= 8
	}
	return n
}

func pushSize(v *uint256.Int, f Features) int { return len(constCode(v, f)) }

// Assemble turns an assembly (and its sub-assemblies) into bytecode.
func (a *Assembly) Assemble(f Features, libs map[string]common.Address) (*Bytecode, error) {
	if a.data {
		return &Bytecode{Code: append([]byte(nil), a.Data...)}, nil
	}
	subs := make([]*Bytecode, len(a.Subs))
	for i, s := range a.Subs {
		b, err := s.Assemble(f, libs)
		if err != nil {
			return nil, err
		}
		subs[i] = b
	}
	for w := 1; w <= 4; w++ {
		out, ok, err := a.layout(f, libs, subs, w)
		if err != nil {
			return nil, err
		}
		if ok {
			return out, nil
		}
	}
	return nil, fmt.Errorf("object %q: code too large to assemble", a.Name)
}

// subPath resolves a datasize/dataoffset path to the sub-assembly index
// chain; the empty chain means the object itself.
func (a *Assembly) subPath(path string) ([]int, bool) {
	if path == a.Name {
		return nil, true
	}
	for i, s := range a.Subs {
		if s.Name == path {
			return []int{i}, true
		}
	}
	parts := strings.Split(path, ".")
	if len(parts) > 0 && parts[0] == a.Name {
		parts = parts[1:]
	}
	var chain []int
	cur := a
	for _, p := range parts {
		found := -1
		for i, s := range cur.Subs {
			if s.Name == p {
				found = i
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		chain = append(chain, found)
		cur = cur.Subs[found]
	}
	return chain, len(chain) > 0
}

// subOffset is the offset of a nested sub-object within its direct
// parent's bytecode (the parent being a.Subs[chain[0]]), recursively.
func (a *Assembly) nestedOffset(chain []int, subs []*Bytecode, codeSize int) (off, size int) {
	off = codeSize
	for i := 0; i < chain[0]; i++ {
		off += len(subs[i].Code)
	}
	size = len(subs[chain[0]].Code)
	if len(chain) == 1 {
		return off, size
	}
	// Deeper levels: recompute the sub's layout offsets from its own code.
	inner := a.Subs[chain[0]]
	innerOff, innerSize := inner.innerOffset(chain[1:])
	return off + innerOff, innerSize
}

// innerOffset is the offset of a nested object inside this assembly's
// final bytecode (this assembly must have been assembled before).
func (a *Assembly) innerOffset(chain []int) (int, int) {
	off := a.codeLen
	for i := 0; i < chain[0]; i++ {
		off += a.subLens[i]
	}
	if len(chain) == 1 {
		return off, a.subLens[chain[0]]
	}
	o, s := a.Subs[chain[0]].innerOffset(chain[1:])
	return off + o, s
}

func (a *Assembly) layout(f Features, libs map[string]common.Address, subs []*Bytecode, w int) (*Bytecode, bool, error) {
	limit := uint64(1) << (8 * w)
	// First pass: sizes and label offsets.
	labels := map[int]int{}
	pc := 0
	size := func(it *item) (int, error) {
		switch it.kind {
		case kOp:
			return 1, nil
		case kPush:
			return pushSize(it.val, f), nil
		case kLabel:
			return 1, nil
		case kPushLabel, kPushDataOffset:
			return 1 + w, nil
		case kPushDataSize:
			chain, ok := a.subPath(it.name)
			if !ok {
				return 0, fmt.Errorf("object %q: datasize of unknown object %q", a.Name, it.name)
			}
			if chain == nil {
				return 1 + w, nil // own size: not known until laid out
			}
			_, sz := a.nestedOffset(chain, subs, 0)
			return pushSize(uint256.NewInt(uint64(sz)), f), nil
		case kPushMemGuard:
			v := new(uint256.Int).AddUint64(it.val, uint64(a.spill))
			return pushSize(v, f), nil
		case kPushImmutable:
			return 33, nil
		case kAssignImmutable:
			n := 0
			refs := a.immutableRefs(it.name, subs)
			for _, r := range refs {
				n += 2 + pushSize(uint256.NewInt(uint64(r)), f) + 2 // DUP2 DUP2 PUSH ADD MSTORE
			}
			return n + 2, nil // POP POP
		case kPushLinker:
			return 21, nil
		case kVerbatim:
			return len(it.raw), nil
		}
		return 0, fmt.Errorf("unknown assembly item %d", it.kind)
	}
	for i := range a.Items {
		it := &a.Items[i]
		if it.kind == kLabel {
			labels[it.label] = pc
		}
		n, err := size(it)
		if err != nil {
			return nil, false, err
		}
		pc += n
	}
	codeSize := pc
	total := codeSize
	for _, s := range subs {
		total += len(s.Code)
	}
	if uint64(total) >= limit {
		return nil, false, nil
	}
	out := &Bytecode{Code: make([]byte, 0, total)}
	push := func(v uint64, width int) {
		out.Code = append(out.Code, byte(opPUSH1-1+width))
		for i := width - 1; i >= 0; i-- {
			out.Code = append(out.Code, byte(v>>(8*i)))
		}
	}
	pushConst := func(v *uint256.Int) {
		out.Code = append(out.Code, constCode(v, f)...)
	}
	for i := range a.Items {
		it := &a.Items[i]
		switch it.kind {
		case kOp:
			out.Code = append(out.Code, it.op)
		case kPush:
			pushConst(it.val)
		case kLabel:
			out.Code = append(out.Code, opJUMPDEST)
		case kPushLabel:
			off, ok := labels[it.label]
			if !ok {
				return nil, false, fmt.Errorf("object %q: undefined label %d", a.Name, it.label)
			}
			push(uint64(off), w)
		case kPushDataSize, kPushDataOffset:
			chain, _ := a.subPath(it.name)
			if chain == nil {
				if it.kind == kPushDataSize {
					push(uint64(total), w)
				} else {
					push(0, w)
				}
				continue
			}
			off, sz := a.nestedOffset(chain, subs, codeSize)
			if it.kind == kPushDataSize {
				pushConst(uint256.NewInt(uint64(sz)))
			} else {
				push(uint64(off), w)
			}
		case kPushMemGuard:
			pushConst(new(uint256.Int).AddUint64(it.val, uint64(a.spill)))
		case kPushImmutable:
			if out.Immutables == nil {
				out.Immutables = map[string][]int{}
			}
			out.Immutables[it.name] = append(out.Immutables[it.name], len(out.Code)+1)
			out.Code = append(out.Code, 0x7f)
			out.Code = append(out.Code, make([]byte, 32)...)
		case kAssignImmutable:
			// Stack: [value, offset]; for each reference r:
			// mstore(add(offset, r), value).
			for _, r := range a.immutableRefs(it.name, subs) {
				out.Code = append(out.Code, opDUP1+1, opDUP1+1) // DUP2 DUP2: value offset
				pushConst(uint256.NewInt(uint64(r)))
				out.Code = append(out.Code, opADD, opMSTORE)
			}
			out.Code = append(out.Code, opPOP, opPOP)
		case kPushLinker:
			out.Code = append(out.Code, 0x73)
			if addr, ok := libs[it.name]; ok {
				out.Code = append(out.Code, addr.Bytes()...)
			} else {
				if out.LinkRefs == nil {
					out.LinkRefs = map[string][]int{}
				}
				out.LinkRefs[it.name] = append(out.LinkRefs[it.name], len(out.Code))
				out.Code = append(out.Code, make([]byte, 20)...)
			}
		case kVerbatim:
			out.Code = append(out.Code, it.raw...)
		}
	}
	if len(out.Code) != codeSize {
		return nil, false, fmt.Errorf("object %q: assembler size mismatch (%d != %d)", a.Name, len(out.Code), codeSize)
	}
	a.codeLen = codeSize
	a.subLens = make([]int, len(subs))
	for i, s := range subs {
		a.subLens[i] = len(s.Code)
		base := len(out.Code)
		out.Code = append(out.Code, s.Code...)
		for name, offs := range s.LinkRefs {
			if out.LinkRefs == nil {
				out.LinkRefs = map[string][]int{}
			}
			for _, o := range offs {
				out.LinkRefs[name] = append(out.LinkRefs[name], base+o)
			}
		}
	}
	for _, offs := range out.LinkRefs {
		sort.Ints(offs)
	}
	return out, true, nil
}

// immutableRefs returns the offsets of an immutable's fields within the
// sub-object that loads it (solc: setimmutable in creation code fills the
// runtime object copied to memory).
func (a *Assembly) immutableRefs(name string, subs []*Bytecode) []int {
	for _, s := range subs {
		if offs, ok := s.Immutables[name]; ok {
			return offs
		}
	}
	return nil
}

// String prints the assembly in a readable form for --emit asm.
func (a *Assembly) String() string {
	var b strings.Builder
	a.print(&b, "")
	return b.String()
}

func (a *Assembly) print(b *strings.Builder, indent string) {
	if a.data {
		fmt.Fprintf(b, "%sdata %q hex\"%x\"\n", indent, a.Name, a.Data)
		return
	}
	fmt.Fprintf(b, "%sobject %q {\n", indent, a.Name)
	in := indent + "  "
	for _, it := range a.Items {
		switch it.kind {
		case kOp:
			fmt.Fprintf(b, "%s%s\n", in, OpName(it.op))
		case kPush:
			fmt.Fprintf(b, "%sPUSH 0x%s\n", in, it.val.Hex()[2:])
		case kLabel:
			fmt.Fprintf(b, "%stag_%d:\n", indent+" ", it.label)
		case kPushLabel:
			fmt.Fprintf(b, "%sPUSH [tag_%d]\n", in, it.label)
		case kPushDataSize:
			fmt.Fprintf(b, "%sPUSH #[%s]\n", in, it.name)
		case kPushDataOffset:
			fmt.Fprintf(b, "%sPUSH [%s]\n", in, it.name)
		case kPushMemGuard:
			fmt.Fprintf(b, "%sPUSH memoryguard(0x%s + %d)\n", in, it.val.Hex()[2:], a.spill)
		case kPushImmutable:
			fmt.Fprintf(b, "%sPUSHIMMUTABLE %s\n", in, it.name)
		case kAssignImmutable:
			fmt.Fprintf(b, "%sASSIGNIMMUTABLE %s\n", in, it.name)
		case kPushLinker:
			fmt.Fprintf(b, "%sPUSHLIB %s\n", in, it.name)
		case kVerbatim:
			fmt.Fprintf(b, "%sVERBATIM 0x%x\n", in, it.raw)
		}
	}
	for _, s := range a.Subs {
		s.print(b, in)
	}
	fmt.Fprintf(b, "%s}\n", indent)
}
