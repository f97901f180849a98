package source

import (
	"strings"
	"testing"
)

func TestHumanRendering(t *testing.T) {
	f := NewFile("a.yul", []byte("{\n\tlet x := y\n}\n"))
	d := Diagnostic{Severity: Error, Kind: DeclarationError, Code: 8198, Message: `Identifier "y" not found.`,
		Span: Span{File: f, Start: 13, End: 14}}
	want := "a.yul:2:12: error[8198]: Identifier \"y\" not found.\n     2 |  let x := y\n       |            ^\n"
	if got := d.Human(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	whole := Diagnostic{Severity: Warning, Kind: WarningKind, Code: 1878, Message: "SPDX license identifier not provided.",
		Span: Span{File: f, Start: -1, End: -1}}
	if got := whole.Human(); got != "a.yul: warning[1878]: SPDX license identifier not provided.\n" {
		t.Errorf("file-level diagnostic rendered as %q", got)
	}
	none := Diagnostic{Severity: Error, Kind: IOError, Message: "cannot read"}
	if got := none.Human(); got != "error: cannot read\n" {
		t.Errorf("diagnostic without location rendered as %q", got)
	}
	j := string(MarshalJSONErrors([]Diagnostic{d}))
	for _, part := range []string{`"type": "DeclarationError"`, `"errorCode": "8198"`, `"start": 13`, `"end": 14`, `"file": "a.yul"`} {
		if !strings.Contains(j, part) {
			t.Errorf("JSON lacks %s:\n%s", part, j)
		}
	}
}

func TestPosition(t *testing.T) {
	f := NewFile("x", []byte("ab\ncd\r\nef"))
	for _, c := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 3, 1}, {9, 3, 3}, {99, 3, 3}} {
		if l, col := f.Position(c.off); l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
	if got := f.Line(2); got != "cd" {
		t.Errorf("Line(2) = %q", got)
	}
}
