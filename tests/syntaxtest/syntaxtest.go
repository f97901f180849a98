// Package syntaxtest reads solc's syntax-test files (yul/yulSyntaxTests and
// syntax/syntaxTests of the corpus): a source, optional settings between
// `// ====` and `// ----`, and one expected diagnostic per line
// (`// TypeError 9574: (71-96): message`), and measures a compiler's
// diagnostics against them (corpus README, "Syntax and analysis tests").
package syntaxtest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/soll-dev/soll/evmversion"
	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/tests/isoltest"
)

// Expect is one expected diagnostic.
type Expect struct {
	Kind       string
	Code       int
	Source     string // source unit name in multi-source files ("" otherwise)
	Start, End int
	HasSpan    bool
	Message    string
}

// IsError reports whether the diagnostic rejects the file (warnings and
// infos do not).
func (e Expect) IsError() bool { return e.Kind != "Warning" && e.Kind != "Info" }

func (e Expect) String() string {
	s := e.Kind
	if e.Code != 0 {
		s += " " + strconv.Itoa(e.Code)
	}
	s += ": "
	if e.HasSpan {
		if e.Source != "" {
			s += fmt.Sprintf("(%s:%d-%d): ", e.Source, e.Start, e.End)
		} else {
			s += fmt.Sprintf("(%d-%d): ", e.Start, e.End)
		}
	}
	return s + e.Message
}

// File is one syntax-test file.
type File struct {
	Name     string
	Src      []byte // the whole file (offsets in expectations count from its start)
	Settings map[string]string
	Expect   []Expect
}

var kinds = map[string]bool{"ParserError": true, "DeclarationError": true, "SyntaxError": true,
	"TypeError": true, "Warning": true, "Info": true, "DocstringParsingError": true,
	"UnimplementedFeatureError": true, "CodeGenerationError": true}

// Parse reads a syntax-test file.
func Parse(name string, data []byte) *File {
	f := &File{Name: name, Src: data, Settings: map[string]string{}}
	mode := 0 // 0 source, 1 settings, 2 expectations
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "// ====" && mode == 0:
			mode = 1
			continue
		case line == "// ----":
			mode = 2
			continue
		}
		switch mode {
		case 1:
			if k, v, ok := strings.Cut(strings.TrimPrefix(line, "// "), ":"); ok {
				f.Settings[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		case 2:
			body := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
			if e, ok := parseExpect(body); ok {
				f.Expect = append(f.Expect, e)
			} else if n := len(f.Expect); n > 0 && body != "" {
				f.Expect[n-1].Message += "\n" + body
			}
		}
	}
	return f
}

// parseExpect parses "Kind code: (start-end): message" (the span may be
// "(name:start-end)" or absent).
func parseExpect(s string) (Expect, bool) {
	var e Expect
	kind, rest, ok := strings.Cut(s, " ")
	if !ok || !kinds[kind] {
		return e, false
	}
	e.Kind = kind
	codeStr, rest, ok := strings.Cut(rest, ": ")
	if !ok {
		return e, false
	}
	code, err := strconv.Atoi(codeStr)
	if err != nil {
		return e, false
	}
	e.Code = code
	if strings.HasPrefix(rest, "(") {
		if span, msg, ok := strings.Cut(rest[1:], "): "); ok {
			if i := strings.LastIndexByte(span, ':'); i >= 0 {
				e.Source, span = span[:i], span[i+1:]
			}
			a, b, ok := strings.Cut(span, "-")
			if ok {
				e.Start, _ = strconv.Atoi(a)
				e.End, _ = strconv.Atoi(b)
				e.HasSpan = true
				rest = msg
			}
		}
	}
	e.Message = rest
	return e, true
}

// FirstError is the expected error solc reports first: the one with the
// smallest start offset (ties: the first listed), or nil when solc accepts.
func (f *File) FirstError() *Expect {
	var first *Expect
	for i := range f.Expect {
		e := &f.Expect[i]
		if e.IsError() && (first == nil || e.Start < first.Start) {
			first = e
		}
	}
	return first
}

// Version picks the EVM version a test runs on: solc's default when the
// test's EVMVersion setting allows it, else the newest version it allows.
func (f *File) Version() (evmversion.Version, error) {
	c := f.Settings["EVMVersion"]
	if c == "" {
		return evmversion.Default, nil
	}
	if ok, err := isoltest.EVMVersionAllows(c, evmversion.Default); err != nil {
		return 0, err
	} else if ok {
		return evmversion.Default, nil
	}
	all := evmversion.All()
	for i := len(all) - 1; i >= 0; i-- {
		if ok, _ := isoltest.EVMVersionAllows(c, all[i]); ok {
			return all[i], nil
		}
	}
	return 0, fmt.Errorf("EVMVersion %q allows no version", c)
}

// Format renders a diagnostic as solc's test expectations do.
func Format(d source.Diagnostic) string {
	e := Expect{Kind: d.Kind, Code: d.Code, Message: d.Message}
	if d.Span.IsValid() {
		e.HasSpan, e.Start, e.End = true, d.Span.Start, d.Span.End
	}
	return e.String()
}

// Outcome compares a compiler's errors on a file with solc's expectations.
type Outcome struct {
	SolcRejects, SollRejects bool
	// CodeAgrees: both reject and the first error codes are equal;
	// SpanAgrees: the first errors' spans are equal too.
	CodeAgrees, SpanAgrees bool
	Want                   *Expect
	Got                    []source.Diagnostic
}

// Agrees reports accept/reject agreement.
func (o Outcome) Agrees() bool { return o.SolcRejects == o.SollRejects }

// Compare measures errs (a compiler's error diagnostics, first reported
// first) against the file's expectations.
func (f *File) Compare(errs []source.Diagnostic) Outcome {
	o := Outcome{Want: f.FirstError(), Got: errs}
	o.SolcRejects = o.Want != nil
	o.SollRejects = len(errs) > 0
	if o.SolcRejects && o.SollRejects && errs[0].Code == o.Want.Code {
		o.CodeAgrees = true
		o.SpanAgrees = errs[0].Span.Start == o.Want.Start && errs[0].Span.End == o.Want.End
	}
	return o
}
