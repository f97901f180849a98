package isoltest

import (
	"fmt"
	"strings"

	"github.com/soll-dev/soll/evmversion"
)

// EVMVersionAllows reports whether v satisfies an `EVMVersion` setting:
// `>=X`, `>X`, `<X`, `<=X`, `=X` or `!X` ("" allows every version).
func EVMVersionAllows(constraint string, v evmversion.Version) (bool, error) {
	c := strings.TrimSpace(constraint)
	if c == "" {
		return true, nil
	}
	var op string
	for _, o := range []string{">=", "<=", ">", "<", "=", "!"} {
		if strings.HasPrefix(c, o) {
			op = o
			break
		}
	}
	if op == "" {
		return false, fmt.Errorf("bad EVMVersion constraint %q", constraint)
	}
	x, err := evmversion.Parse(strings.TrimSpace(c[len(op):]))
	if err != nil {
		return false, err
	}
	switch op {
	case ">=":
		return v >= x, nil
	case "<=":
		return v <= x, nil
	case ">":
		return v > x, nil
	case "<":
		return v < x, nil
	case "=":
		return v == x, nil
	default:
		return v != x, nil
	}
}
