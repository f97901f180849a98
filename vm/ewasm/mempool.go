package ewasm

import (
	"sync"

	"github.com/tetratelabs/wazero/experimental"
)

// Linear memories are recycled between instantiations: a call instantiates
// its module afresh (ewasm.md §1.5), and for the short calls of a test
// suite allocating and zeroing a new buffer — and collecting it afterwards
// — cost more than running the code. A buffer taken from the pool is
// cleared as it is handed out, so a module always starts with zeroed
// memory.

// maxPooledMem is the largest buffer kept for reuse; larger ones are left
// to the garbage collector.
const maxPooledMem = 4 << 20

var memPool sync.Pool // of *[]byte, length 0

// pooledAllocator hands out pooled linear memories (wazero's experimental
// allocator hook, passed in the instantiation context).
var pooledAllocator = experimental.MemoryAllocatorFunc(func(capBytes, maxBytes uint64) experimental.LinearMemory {
	m := &pooledMem{max: maxBytes}
	if p, ok := memPool.Get().(*[]byte); ok {
		m.buf = *p
	}
	return m
})

// pooledMem is one instance's memory. Bytes of buf past its length may hold
// an earlier instance's data; they are cleared before they become visible.
type pooledMem struct {
	buf []byte
	max uint64
}

func (m *pooledMem) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	old := uint64(len(m.buf))
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
		if size > old {
			clear(m.buf[old:])
		}
		return m.buf
	}
	nb := make([]byte, size, min(max(size, 2*uint64(cap(m.buf))), m.max))
	copy(nb, m.buf)
	m.buf = nb
	return m.buf
}

func (m *pooledMem) Free() {
	if cap(m.buf) > 0 && cap(m.buf) <= maxPooledMem {
		b := m.buf[:0]
		memPool.Put(&b)
	}
	m.buf = nil
}
