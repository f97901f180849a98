// Package evmversion names the EVM hard forks soll targets and orders them.
// The Yul frontend (builtin availability), the EVM backend (PUSH0 and other
// opcodes) and the embedded VMs (chain rules) all read it.
package evmversion

import "fmt"

// Version is an EVM hard fork, ordered oldest first.
type Version int

const (
	Homestead Version = iota
	TangerineWhistle
	SpuriousDragon
	Byzantium
	Constantinople
	Petersburg
	Istanbul
	Berlin
	London
	Paris
	Shanghai
	Cancun
	Prague
)

// Default is solc 0.8.28's default EVM version.
const Default = Cancun

var names = []string{"homestead", "tangerineWhistle", "spuriousDragon", "byzantium",
	"constantinople", "petersburg", "istanbul", "berlin", "london", "paris", "shanghai",
	"cancun", "prague"}

func (v Version) String() string {
	if v < 0 || int(v) >= len(names) {
		return fmt.Sprintf("Version(%d)", int(v))
	}
	return names[v]
}

// Parse parses solc's name of a version ("cancun", "spuriousDragon", …).
func Parse(s string) (Version, error) {
	for i, n := range names {
		if n == s {
			return Version(i), nil
		}
	}
	return 0, fmt.Errorf("unknown EVM version %q (want one of homestead … prague)", s)
}

// All lists every version, oldest first.
func All() []Version {
	out := make([]Version, len(names))
	for i := range names {
		out[i] = Version(i)
	}
	return out
}

// HasPush0 reports whether PUSH0 (EIP-3855) exists.
func (v Version) HasPush0() bool { return v >= Shanghai }

// HasRevert reports whether REVERT and RETURNDATA* (byzantium) exist.
func (v Version) HasRevert() bool { return v >= Byzantium }
