package solidity

import "strings"

// decodeString decodes a string literal as written, quotes included (the
// lexer has validated it): escapes \n \r \t \' \" \\ \xNN \uNNNN (as
// UTF-8) and escaped line breaks (dropped).
func decodeString(raw string) string {
	if len(raw) < 2 {
		return ""
	}
	body := raw[1 : len(raw)-1]
	if strings.IndexByte(body, '\\') < 0 {
		return body
	}
	b := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b = append(b, c)
			continue
		}
		i++
		switch e := body[i]; e {
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case '\n':
			// escaped line break: nothing
		case '\r':
			if i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
		case 'x':
			if i+2 < len(body) && isHexDigit(body[i+1]) && isHexDigit(body[i+2]) {
				b = append(b, hexVal(body[i+1])<<4|hexVal(body[i+2]))
				i += 2
			}
		case 'u':
			if i+4 < len(body) {
				var r rune
				ok := true
				for j := 1; j <= 4; j++ {
					c := at(body, i+j)
					if !isHexDigit(c) {
						ok = false
						break
					}
					r = r<<4 | rune(hexVal(c))
				}
				if ok {
					b = appendUTF8(b, r)
					i += 4
				}
			}
		default:
			b = append(b, e)
		}
	}
	return string(b)
}

func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// appendUTF8 encodes a code point 0..FFFF as solc's addUnicodeAsUTF8 does
// (surrogates are encoded as they are).
func appendUTF8(b []byte, r rune) []byte {
	switch {
	case r <= 0x7f:
		return append(b, byte(r))
	case r <= 0x7ff:
		return append(b, byte(0xc0|r>>6), byte(0x80|r&0x3f))
	}
	return append(b, byte(0xe0|r>>12), byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
}

// decodeHex decodes a hex string literal body with its quotes ("00_ff").
func decodeHex(raw string) string {
	if len(raw) < 2 {
		return ""
	}
	body := raw[1 : len(raw)-1]
	b := make([]byte, 0, len(body)/2)
	for i := 0; i+1 < len(body); {
		if body[i] == '_' {
			i++
			continue
		}
		b = append(b, hexVal(body[i])<<4|hexVal(body[i+1]))
		i += 2
	}
	return string(b)
}

// docText extracts the text of a documentation comment the way solc's
// scanner builds its comment literal: for `///` lines, the text after the
// first line's leading blanks, continuation lines joined with "\n" (blank
// `///` lines dropped); for `/** … */`, leading blanks and `*` of each line
// removed.
func docText(c string) string {
	if strings.HasPrefix(c, "///") {
		var b strings.Builder
		lines := strings.Split(c, "\n")
		for i, line := range lines {
			line = strings.TrimRight(line, "\r")
			if i == 0 {
				line = strings.TrimLeft(line[3:], " \t")
				b.WriteString(line)
				continue
			}
			line = strings.TrimLeft(line, " \t")
			line = strings.TrimPrefix(line, "///")
			if line == "" {
				continue
			}
			b.WriteByte('\n')
			b.WriteString(line)
		}
		return b.String()
	}
	body := strings.TrimPrefix(c, "/**")
	body = strings.TrimSuffix(body, "*/")
	var b strings.Builder
	lines := strings.Split(body, "\n")
	added := false
	for i, line := range lines {
		line = strings.TrimRight(line, "\r")
		if i == 0 {
			line = strings.TrimLeft(line, " \t")
		} else {
			line = strings.TrimLeft(line, " \t\r")
			if strings.HasPrefix(line, "**") {
				// solc keeps one '*' of a "**" line start.
				line = line[1:]
			} else if strings.HasPrefix(line, "*") {
				line = line[1:]
				if line == "" {
					continue
				}
			} else if line == "" && i == len(lines)-1 {
				continue
			}
			if added {
				b.WriteByte('\n')
			}
		}
		if line != "" {
			added = true
		}
		b.WriteString(line)
	}
	return b.String()
}
