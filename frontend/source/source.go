// Package source holds source files, byte spans and diagnostics. It is the
// one diagnostics sink every frontend, the optimizer and the backends report
// into (STYLE.md point 6): positions are byte offsets, and line/column is
// computed only when a diagnostic is printed.
package source

import (
	"sort"
)

// File is one source unit: its name (as the user or a test named it) and
// its bytes.
type File struct {
	Name    string
	Content []byte
	lines   []int // byte offset of the start of each line
}

// NewFile makes a File.
func NewFile(name string, content []byte) *File {
	f := &File{Name: name, Content: content}
	f.lines = append(f.lines, 0)
	for i, c := range content {
		if c == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// Position gives the 1-based line and column (in bytes) of a byte offset.
func (f *File) Position(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Content) {
		offset = len(f.Content)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	return i + 1, offset - f.lines[i] + 1
}

// Line returns the text of 1-based line n without its newline.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	start := f.lines[n-1]
	end := len(f.Content)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if end > start && f.Content[end-1] == '\r' {
		end--
	}
	return string(f.Content[start:end])
}

// Span is a half-open byte range [Start, End) in a file. The zero Span (nil
// File) means "no location".
type Span struct {
	File       *File
	Start, End int
}

// IsValid reports whether the span points into a file.
func (s Span) IsValid() bool { return s.File != nil }

// Cover returns the smallest span that contains both s and t (which must be
// in the same file); an invalid operand is ignored.
func (s Span) Cover(t Span) Span {
	if !s.IsValid() {
		return t
	}
	if !t.IsValid() {
		return s
	}
	r := s
	if t.Start < r.Start {
		r.Start = t.Start
	}
	if t.End > r.End {
		r.End = t.End
	}
	return r
}
