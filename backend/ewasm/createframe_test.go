package ewasm

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/ir/opt"
)

// TestCreateFraming: new C(args) as Solidity compiles it (module copied
// with datacopy, arguments right after it) reaches the EEI as module ‖
// soll.ctor-args section; without arguments as the module alone; EVM memory
// (the arguments, the word after them, msize) is left as it was.
func TestCreateFraming(t *testing.T) {
	src := `object "F" {
  code {
    let n := datasize("C")
    datacopy(0x100, dataoffset("C"), n)
    mstore(add(0x100, n), 0xabcd)
    mstore(add(0x120, n), 0x5555)
    pop(create(0, 0x100, add(n, 32)))
    pop(create(0, 0x100, n))
    pop(create(0, 0x120, 64))
    sstore(0, mload(add(0x100, n)))
    sstore(1, mload(add(0x120, n)))
    sstore(2, msize())
    sstore(3, n)
  }
  object "C" { code { sstore(0, 1) } }
}`
	for _, level := range []opt.Level{opt.O0, opt.O2} {
		var log source.Log
		art := Compile(lower(t, src, level), Options{}, &log)
		if log.HasErrors() {
			t.Fatal(log.Diagnostics())
		}
		checkModule(t, art.Deployer, false)
		if n, ok := ModuleLength(art.Deployer); !ok || n != len(art.Deployer) {
			t.Fatalf("deployer records length %d (%v), is %d", n, ok, len(art.Deployer))
		}
		at := bytes.Index(art.Deployer[lengthAt:], lengthPrefix) + lengthAt
		n, ok := ModuleLength(art.Deployer[at:])
		if at < lengthAt || !ok {
			t.Fatal("sub-object C has no \"soll\" length section")
		}
		sub := art.Deployer[at : at+n]
		checkModule(t, sub, false)

		h := newHost()
		h.code = art.Deployer
		h.run(t, art.Deployer)
		if h.status != "stop" || len(h.calls) != 3 {
			t.Fatalf("status %s (%v), %d creates", h.status, h.trapErr, len(h.calls))
		}
		args := words(0xabcd)
		if want := append(append([]byte(nil), sub...), CtorArgsSection(args)...); !bytes.Equal(h.calls[0].input, want) {
			t.Errorf("%v: create with arguments got %d bytes, want module ‖ ctor-args section (%d bytes)", level, len(h.calls[0].input), len(want))
		}
		if !bytes.Equal(h.calls[1].input, sub) {
			t.Errorf("%v: create without arguments got %d bytes, want the module alone", level, len(h.calls[1].input))
		}
		// data that does not start with a module is passed on as is
		if !bytes.Equal(h.calls[2].input, sub[32:96]) {
			t.Errorf("%v: raw create data changed: %x, want %x", level, h.calls[2].input, sub[32:96])
		}
		slot := func(i int64) *big.Int {
			var k [32]byte
			k[31] = byte(i)
			v := h.storage[k]
			return new(big.Int).SetBytes(v[:])
		}
		ln := slot(3).Int64()
		if ln != int64(len(sub)) {
			t.Errorf("%v: datasize(C) = %d, module is %d bytes", level, ln, len(sub))
		}
		if slot(0).Int64() != 0xabcd || slot(1).Int64() != 0x5555 {
			t.Errorf("%v: memory after create: args %x, next word %x", level, slot(0), slot(1))
		}
		if want := (0x140 + ln + 31) / 32 * 32; slot(2).Int64() != want {
			t.Errorf("%v: msize %d, want %d", level, slot(2).Int64(), want)
		}
	}
}
