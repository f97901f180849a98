package yul

import "github.com/holiman/uint256"

// parseNumber parses a Yul number literal into z: a decimal integer or
// 0x followed by hex digits (solc's Parser::isValidNumberLiteral). ok is
// false for anything else (1e5, 1.5, 1_000); tooLarge reports a valid
// literal that does not fit 256 bits (solc's TypeError 6708, reported by
// the analysis).
func parseNumber(s string, z *uint256.Int) (ok, tooLarge bool) {
	z.Clear()
	if len(s) > 2 && s[0] == '0' && s[1] == 'x' {
		digits := s[2:]
		for i := 0; i < len(digits); i++ {
			if !isHexDigit(digits[i]) {
				return false, false
			}
		}
		for len(digits) > 1 && digits[0] == '0' {
			digits = digits[1:]
		}
		if len(digits) > 64 {
			return true, true
		}
		var b [32]byte
		// Fill from the right, two nibbles a byte.
		j := 31
		for i := len(digits); i > 0; i -= 2 {
			v := hexVal(digits[i-1])
			if i >= 2 {
				v |= hexVal(digits[i-2]) << 4
			}
			b[j] = v
			j--
		}
		z.SetBytes32(b[:])
		return true, false
	}
	if s == "" {
		return false, false
	}
	var ten, d uint256.Int
	ten.SetUint64(10)
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false, false
		}
	}
	for i := 0; i < len(s); i++ {
		if _, over := z.MulOverflow(z, &ten); over {
			return true, true
		}
		d.SetUint64(uint64(s[i] - '0'))
		if _, over := z.AddOverflow(z, &d); over {
			return true, true
		}
	}
	return true, false
}
