package ewasm

import (
	"testing"

	"github.com/soll-dev/soll/ir/opt"
)

// Differential checks of the memory and EEI helpers' edge cases (memory.go,
// eei.go): msize rounding, expansion that cannot be addressed, call data
// read past its end, overlapping moves, empty and out-of-range copies.
var memHelperCases = []e2eCase{
	{name: "msize", src: `{
		mstore8(calldataload(0), 1)
		let a := msize()
		pop(mload(calldataload(32)))
		mstore(0, a)
		mstore(32, msize())
		return(0, 64)
	}`, calls: [][]byte{words(0, 0), words(1, 0), words(31, 7), words(32, 100), words(100, 33), words(1000, 0)}},
	{name: "msizeFirst", src: `{
		let a := msize()
		mstore(calldataload(0), 1)
		mstore(0, a)
		mstore(32, msize())
		return(0, 64)
	}`, calls: [][]byte{words(0), words(33), words(1000)}},
	// loadBE and storeBE are inlined into calldataload and mstore until
	// another helper needs them (here sload and sstore): both shapes
	{name: "loadStoreBE", src: `{
		let k := calldataload(0)
		mstore(0, calldataload(32))
		sstore(k, mload(0))
		mstore(32, sload(k))
		mstore(64, keccak256(0, 64))
		return(0, 96)
	}`, calls: [][]byte{words(1, "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"),
		words("-1", "-1"), words(0, 7)}},
	{name: "calldataload", src: `{
		let o := calldataload(0)
		mstore(0, calldataload(o))
		mstore(32, calldataload(add(o, 1)))
		mstore(64, calldataload(sub(calldatasize(), o)))
		return(0, 96)
	}`, calls: [][]byte{
		words(0, "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"),
		words(33, "-1"), words(40, 5), words(64, 1), words(65, 1), words(7, 0),
		words("0x100000000", 1), words("-1", 1), words("0x10000000000000000", 2)}},
	{name: "calldatacopy", src: `{
		calldatacopy(calldataload(0), calldataload(32), calldataload(64))
		mstore(0, msize())
		return(0, 160)
	}`, calls: [][]byte{
		words(40, 0, 0), words(40, 0, 100), words(40, 90, 20), words(33, 1000, 5),
		words(33, "-1", 3), words("-1", 0, 0), words(0, 0, 0)}},
	{name: "mcopy", src: `{
		for { let i := 0 } lt(i, 96) { i := add(i, 1) } { mstore8(i, add(i, 1)) }
		mcopy(calldataload(0), calldataload(32), calldataload(64))
		return(0, 128)
	}`, calls: [][]byte{
		words(10, 5, 40), words(5, 10, 40), words(0, 0, 96), words(64, 0, 64),
		words(0, 32, 64), words(3, 4, 1), words(50, 1, 0), words("-1", 1, 0), words(1, 2, 0)}},
	{name: "returndatacopy", src: `{
		returndatacopy(calldataload(0), calldataload(32), calldataload(64))
		mstore(0, returndatasize())
		return(0, 32)
	}`, calls: [][]byte{words(0, 0, 0), words(0, 1, 0), words(0, 0, 1), words("-1", 0, 0), words(0, "-1", 0)}},
}

// TestUnaddressable: an access at an offset or with a length of 2^30 or
// more traps (the EVM would run out of gas; its test runtime has gas
// enough to expand, so this is not differential). An empty range ignores
// its offset.
func TestUnaddressable(t *testing.T) {
	src := `{
		let p := calldataload(0)
		switch calldataload(32)
		case 0 { mstore(p, 1) }
		case 1 { sstore(0, mload(p)) }
		case 2 { mstore8(p, 1) }
		case 3 { return(p, 1) }
		case 5 { return(0, p) }
		default { revert(p, 0) }
		stop()
	}`
	for _, c := range []struct {
		cd     []byte
		status string
	}{
		{words("0xffffffff", 0), "failure"}, {words("0xfffffc00", 1), "failure"},
		{words("0xffffffe0", 2), "failure"}, {words("0x100000000", 0), "failure"},
		{words("0xfffffc00", 3), "failure"}, {words("-1", 3), "failure"},
		{words("0xfffffffff", 4), "revert"}, {words("-1", 4), "revert"},
		{words(64, 0), "success"}, {words(64, 3), "success"},
		{words("0x40000000", 0), "failure"}, {words("0x40000000", 1), "failure"},
		{words("0x40000000", 2), "failure"}, {words("0x40000000", 3), "failure"},
		{words("0x40000000", 5), "failure"}, {words("0x40000000", 4), "revert"},
		{words("0x10000", 0), "success"}, {words("0x10000", 5), "success"},
	} {
		for _, level := range []opt.Level{opt.O2, opt.O0} {
			got, _ := runEwasmAt(t, src, c.cd, Options{}, level)
			if got.status != c.status {
				t.Errorf("%x at %v: %s, want %s", c.cd, level, got, c.status)
			}
		}
	}
}

func TestMemHelpers(t *testing.T) { runE2ECases(t, memHelperCases) }
