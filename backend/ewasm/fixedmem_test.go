package ewasm

import (
	"strings"
	"testing"
)

// Constant ranges in the first page skip the memory helpers; the results
// are the EVM's either way.
func TestFixedMemAccess(t *testing.T) {
	cases := []struct {
		name, src string
		calldata  []byte
		// helpers the runtime (deployer) module must not have
		absent, deployerAbsent []string
	}{
		{"constant ranges only", `{
			mstore(0x40, 0x80)
			if callvalue() { revert(0, 0) }
			if iszero(calldatasize()) { revert(0x20, 4) }
			let v := mload(0x40)
			mstore(0x80, add(v, 1))
			return(0x80, 0x20)
		}`, words(1), []string{"range", "evm.return", "evm.revert", "evm.mload"}, nil},
		{"memoryguard", `{
			let p := memoryguard(0x80)
			mstore(0x40, p)
			if callvalue() { revert(0, 0) }
			mstore(p, calldatasize())
			return(p, 0x20)
		}`, words(1, 2), []string{"range", "evm.return"}, nil},
		{"empty revert", `{ if iszero(calldatasize()) { revert(0, 0) } return(0, 0) }`, nil, []string{"range", "u32", "mem"}, nil},
		{"reverted data", `{ mstore(0, 0x1234) revert(0x1e, 2) }`, nil, nil, nil},
		// a deployer copying its runtime whole: the EEI copy itself
		{"deployer", `object "D" {
			code {
				let p := memoryguard(0x80)
				mstore(64, p)
				codecopy(p, dataoffset("R"), datasize("R"))
				return(p, datasize("R"))
			}
			object "R" {
				code { mstore(0, add(calldataload(0), 1)) return(0, 32) }
			}
		}`, words(41), nil, []string{"evm.codecopy", "evm.return", "range"}},
		// the first page ends at 65536 − base: a range past it grows the
		// memory through the helpers
		{"past the first page", `{ mstore(0xfc00, 7) return(0xfbf0, 0x40) }`, nil, nil, nil},
		{"far offset", `{ sstore(0, mload(0x100000)) return(0xfffff0, 0x20) }`, nil, nil, nil},
		// msize() sees every access, so nothing is skipped
		{"msize read", `{ let x := mload(0x200) mstore(0, msize()) return(0, 0x20) }`, nil, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for level, art := range agreeAtLevels(t, c.src, c.calldata, "the call") {
				deployer, runtime, found := strings.Cut(art.WAT(), "(; runtime")
				if !found {
					runtime = deployer // a plain block runs as it is
				}
				for _, h := range c.absent {
					if strings.Contains(runtime, ";; "+h+"\n") {
						t.Errorf("-O%d: helper %s is in the runtime module", level, h)
					}
				}
				for _, h := range c.deployerAbsent {
					if strings.Contains(deployer, ";; "+h+"\n") {
						t.Errorf("-O%d: helper %s is in the deployer module", level, h)
					}
				}
			}
			// the case really reads msize past the skipped accesses' reach
			if c.name == "msize read" {
				if want := runEVM(t, c.src, c.calldata); !strings.Contains(want.String(), "0000220") {
					t.Errorf("msize: %s", want)
				}
			}
		})
	}
}
