package solidity

import (
	"strings"

	"github.com/soll-dev/soll/frontend/source"
)

const licenseKey = "SPDX-License-Identifier:"

// findLicenses appends the license of every declaration in seg. It matches
// what solc's regex `SPDX-License-Identifier:\s*(.+?)([\n\r]|(\*/))`
// matches: blanks (line breaks too) after the colon, then the shortest
// non-empty text ending before a line break or before "*/" ('.' matches
// neither \n nor \r).
func findLicenses(seg string, found []string) []string {
	for {
		i := strings.Index(seg, licenseKey)
		if i < 0 {
			return found
		}
		rest := seg[i+len(licenseKey):]
		j := 0
		for j < len(rest) && isRegexSpace(rest[j]) {
			j++
		}
		k, end := j, -1
		for ; k < len(rest); k++ {
			c := rest[k]
			if c == '\n' || c == '\r' {
				if k > j {
					end = k + 1
				}
				break
			}
			if k > j && c == '*' && k+1 < len(rest) && rest[k+1] == '/' {
				end = k + 2
				break
			}
		}
		if end < 0 {
			// No terminator: solc's regex finds no match here and goes on
			// after the key.
			seg = rest
			continue
		}
		found = append(found, strings.TrimSpace(rest[j:k]))
		seg = rest[end:]
	}
}

func isRegexSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// validLicenseName is solc's `[a-zA-Z0-9 ()+.-]+`.
func validLicenseName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(" ()+.-", c) >= 0) {
			return false
		}
	}
	return true
}

// fileSpan is the location of a diagnostic about a whole file, which solc
// reports without offsets (start = end = -1).
func fileSpan(f *source.File) source.Span { return source.Span{File: f, Start: -1, End: -1} }

// license finds the SPDX license identifier outside the top-level
// definitions (so not in strings or in contract bodies) and reports a
// missing, repeated or malformed one as solc does.
func (p *parser) license(u *SourceUnit) {
	var found []string
	from := 0
	scan := func(seg string) { found = findLicenses(seg, found) }
	for _, d := range u.Decls {
		s := d.Span()
		if s.End <= s.Start || s.Start < from {
			continue
		}
		scan(p.src[from:s.Start])
		from = s.End
	}
	scan(p.src[from:])
	switch {
	case len(found) == 1:
		if validLicenseName(found[0]) {
			u.License = found[0]
		} else {
			p.parserErrorAt(1114, fileSpan(p.file), "Invalid SPDX license identifier.")
		}
	case len(found) == 0:
		p.warning(1878, fileSpan(p.file), "SPDX license identifier not provided in source file. "+
			"Before publishing, consider adding a comment containing "+
			"\"SPDX-License-Identifier: <SPDX-License>\" to each source file. "+
			"Use \"SPDX-License-Identifier: UNLICENSED\" for non-open-source code. "+
			"Please see https://spdx.org for more information.")
	default:
		p.parserErrorAt(3716, fileSpan(p.file), "Multiple SPDX license identifiers found in source file. "+
			"Use \"AND\" or \"OR\" to combine multiple licenses. "+
			"Please see https://spdx.org for more information.")
	}
}
