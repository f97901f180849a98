package yul

import (
	"strings"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/ir"
)

// builtin returns the builtin called name in solc's EVM dialect (with
// objects) for version v, or nil. As in solc 0.8.28, a builtin whose opcode
// the version lacks is not part of the dialect at all, so its name is free
// for user identifiers (tload before cancun, difficulty from paris on).
//
// solc keeps revert in every version (EVMVersion::hasOpcode has no rule for
// it: before byzantium it is simply an invalid opcode at run time), and the
// IR of solc's tests for homestead uses it.
func builtin(name string, v evmversion.Version) *ir.Builtin {
	b, ok := ir.LookupBuiltin(name)
	if !ok || !b.AvailableIn(v) && name != "revert" {
		return nil
	}
	return b
}

// anyVersionBuiltin returns the builtin called name in solc's default EVM
// version, which solc consults to explain why a builtin is missing in the
// selected one (AsmAnalyzer::validateInstructions).
func anyVersionBuiltin(name string) *ir.Builtin {
	return builtin(name, evmversion.Default)
}

// reservedNames are solc's reserved identifiers that are not builtins of
// the dialect: every EVM instruction name (lower case) and the object
// builtins (EVMDialect's createReservedIdentifiers). Names of builtins need
// no entry: the parser rejects them first.
var reservedNames = func() map[string]bool {
	m := map[string]bool{
		"jump": true, "jumpi": true, "jumpdest": true, "push0": true,
		"difficulty": true, "prevrandao": true, "basefee": true,
		"blobhash": true, "blobbasefee": true, "mcopy": true, "tload": true, "tstore": true,
		"linkersymbol": true, "datasize": true, "dataoffset": true, "datacopy": true,
		"setimmutable": true, "loadimmutable": true,
	}
	for i := 1; i <= 32; i++ {
		m["push"+itoa(i)] = true
	}
	for i := 1; i <= 16; i++ {
		m["dup"+itoa(i)] = true
		m["swap"+itoa(i)] = true
	}
	for _, b := range ir.Builtins() {
		if b.HasOpcode() {
			m[b.Name] = true
		}
	}
	return m
}()

// reserved reports whether name is reserved in version v: solc exempts the
// instructions newer than v that are not yet reserved words there, and
// reserves every name starting with "verbatim".
func reserved(name string, v evmversion.Version) bool {
	if strings.HasPrefix(name, "verbatim") {
		return true
	}
	if !reservedNames[name] {
		return false
	}
	switch name {
	case "basefee":
		return v >= evmversion.London
	case "prevrandao":
		return v >= evmversion.Paris
	case "blobhash", "blobbasefee", "mcopy", "tload", "tstore":
		return v >= evmversion.Cancun
	}
	return true
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
