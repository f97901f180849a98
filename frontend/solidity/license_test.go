package solidity

import (
	"strings"
	"testing"
)

func TestFindLicenses(t *testing.T) {
	tests := []struct{ src, want string }{
		{"// SPDX-License-Identifier: MIT\n", "MIT"},
		{"/* SPDX-License-Identifier: GPL-3.0 OR MIT */", "GPL-3.0 OR MIT"},
		{"// SPDX-License-Identifier: MIT", ""}, // no line break: no match
		{"// SPDX-License-Identifier:\n  Apache-2.0\r\n", "Apache-2.0"},
		{"// SPDX-License-Identifier: A\n// SPDX-License-Identifier: B\n", "A|B"},
		{"/* SPDX-License-Identifier: a*b */", "a*b"},
	}
	for _, tt := range tests {
		if got := strings.Join(findLicenses(tt.src, nil), "|"); got != tt.want {
			t.Errorf("findLicenses(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
	if !validLicenseName("GPL-3.0-or-later WITH (x+y)") || validLicenseName("MIT;") || validLicenseName("") {
		t.Error("validLicenseName")
	}
}
