package source

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Kinds of diagnostics, named as solc names them so that test expectations
// and JSON consumers see solc's words.
const (
	ParserError         = "ParserError"
	DeclarationError    = "DeclarationError"
	SyntaxError         = "SyntaxError"
	TypeError           = "TypeError"
	WarningKind         = "Warning"
	InfoKind            = "Info"
	CodeGenerationError = "CodeGenerationError"
	// CompilerError is a soll-specific kind for limits of soll's own code
	// generators (e.g. an opcode the chosen EVM version lacks, stack too deep).
	CompilerError = "CompilerError"
	IOError       = "IOError"
)

// Diagnostic is one error, warning or info.
type Diagnostic struct {
	Severity Severity
	Kind     string // ParserError, TypeError, ... (solc's words)
	Code     int    // solc's stable error id; 0 when solc has none
	Message  string
	Span     Span
}

// Error makes a Diagnostic usable as a Go error.
func (d Diagnostic) Error() string { return d.Short() }

// Short renders "file:line:col: error[CODE]: message" on one line.
func (d Diagnostic) Short() string {
	var b strings.Builder
	switch {
	case d.Span.IsValid() && d.Span.Start >= 0:
		l, c := d.Span.File.Position(d.Span.Start)
		fmt.Fprintf(&b, "%s:%d:%d: ", d.Span.File.Name, l, c)
	case d.Span.File != nil:
		// A diagnostic about the whole file (solc's offset -1).
		fmt.Fprintf(&b, "%s: ", d.Span.File.Name)
	}
	b.WriteString(d.Severity.String())
	if d.Code != 0 {
		fmt.Fprintf(&b, "[%04d]", d.Code)
	}
	b.WriteString(": ")
	b.WriteString(d.Message)
	return b.String()
}

// Human renders the one-line form followed by the source line and a caret
// line under the span.
func (d Diagnostic) Human() string {
	s := d.Short()
	if !d.Span.IsValid() || d.Span.Start < 0 {
		return s + "\n"
	}
	l, c := d.Span.File.Position(d.Span.Start)
	text := d.Span.File.Line(l)
	var b strings.Builder
	b.WriteString(s)
	b.WriteString("\n")
	fmt.Fprintf(&b, " %5d | %s\n", l, strings.ReplaceAll(text, "\t", " "))
	width := d.Span.End - d.Span.Start
	if rest := len(text) - (c - 1); width > rest {
		width = rest
	}
	if width < 1 {
		width = 1
	}
	fmt.Fprintf(&b, "       | %s%s\n", strings.Repeat(" ", c-1), strings.Repeat("^", width))
	return b.String()
}

// JSONError is one entry of solc's "errors" array, the shape
// `--error-format json` and `--standard-json` print.
type JSONError struct {
	Type             string          `json:"type"`
	Component        string          `json:"component"`
	Severity         string          `json:"severity"`
	ErrorCode        string          `json:"errorCode,omitempty"`
	Message          string          `json:"message"`
	FormattedMessage string          `json:"formattedMessage"`
	SourceLocation   *JSONSourceSpan `json:"sourceLocation,omitempty"`
}

// JSONSourceSpan is solc's sourceLocation object.
type JSONSourceSpan struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// JSON converts d to solc's error object.
func (d Diagnostic) JSON() JSONError {
	j := JSONError{Type: d.Kind, Component: "general", Severity: d.Severity.String(),
		Message: d.Message, FormattedMessage: d.Human()}
	if d.Code != 0 {
		j.ErrorCode = fmt.Sprintf("%04d", d.Code)
	}
	if d.Span.IsValid() {
		j.SourceLocation = &JSONSourceSpan{File: d.Span.File.Name, Start: d.Span.Start, End: d.Span.End}
	}
	return j
}

// Log collects diagnostics. It is safe for concurrent use.
type Log struct {
	mu    sync.Mutex
	diags []Diagnostic
}

// Add appends a diagnostic.
func (l *Log) Add(d Diagnostic) {
	l.mu.Lock()
	l.diags = append(l.diags, d)
	l.mu.Unlock()
}

// Errorf reports an error of the given kind and solc code at span.
func (l *Log) Errorf(kind string, code int, span Span, format string, args ...any) {
	l.Add(Diagnostic{Severity: Error, Kind: kind, Code: code, Span: span, Message: fmt.Sprintf(format, args...)})
}

// Warnf reports a warning with solc's code at span.
func (l *Log) Warnf(code int, span Span, format string, args ...any) {
	l.Add(Diagnostic{Severity: Warning, Kind: WarningKind, Code: code, Span: span, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any error (not warning) was logged.
func (l *Log) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.diags {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Diagnostics returns the diagnostics in a stable order: by file name, then
// start offset, then the order they were reported in.
func (l *Log) Diagnostics() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.diags...)
	l.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Span, out[j].Span
		an, bn := "", ""
		if a.File != nil {
			an = a.File.Name
		}
		if b.File != nil {
			bn = b.File.Name
		}
		if an != bn {
			return an < bn
		}
		return a.Start < b.Start
	})
	return out
}

// Errors returns only the error diagnostics, in the order of Diagnostics.
func (l *Log) Errors() []Diagnostic {
	var out []Diagnostic
	for _, d := range l.Diagnostics() {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// MarshalJSONErrors renders diagnostics as solc's {"errors": [...]} object.
func MarshalJSONErrors(ds []Diagnostic) []byte {
	out := struct {
		Errors []JSONError `json:"errors"`
	}{Errors: []JSONError{}}
	for _, d := range ds {
		out.Errors = append(out.Errors, d.JSON())
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	return append(b, '\n')
}
