package solidity

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/soll-dev/soll/frontend/source"
)

// Import resolution follows solc (docs: "Import Path Resolution";
// libsolidity/interface/ImportRemapper.cpp, FileReader.cpp):
//
//   - an import path starting with "./" or "../" is relative to the
//     directory of the importing unit's *name* (not of a file on disk);
//     any other path is a source unit name as it is;
//   - remappings are applied to the result: the one whose context is the
//     longest prefix of the importing unit's name wins, then the longest
//     prefix of the path;
//   - a unit not among the inputs is loaded by the import callback: the
//     host file system loader looks for it under the base path and each
//     include path.

// Remapping is `[context:]prefix=target`.
type Remapping struct {
	Context, Prefix, Target string
}

// ParseRemapping parses solc's remapping syntax.
func ParseRemapping(s string) (Remapping, error) {
	eq := strings.IndexByte(s, '=')
	if eq < 0 {
		return Remapping{}, fmt.Errorf("invalid remapping %q: expected [context:]prefix=target", s)
	}
	r := Remapping{Prefix: s[:eq], Target: s[eq+1:]}
	if colon := strings.IndexByte(s[:eq], ':'); colon >= 0 {
		r.Context, r.Prefix = s[:colon], s[colon+1:eq]
	}
	if r.Prefix == "" {
		return Remapping{}, fmt.Errorf("invalid remapping %q: empty prefix", s)
	}
	return r, nil
}

// IsRemapping reports whether a command-line argument is a remapping
// rather than a file (solc: it contains '=').
func IsRemapping(arg string) bool { return strings.Contains(arg, "=") }

// AbsolutePath resolves an import path against the name of the importing
// source unit (solc's CompilerStack::absolutePath).
func AbsolutePath(path, importer string) string {
	if !(path == "." || path == ".." || strings.HasPrefix(path, "./") || strings.HasPrefix(path, "../")) {
		return path
	}
	root := strings.HasPrefix(importer, "/")
	dir := splitPath(importer)
	if len(dir) > 0 && !strings.HasSuffix(importer, "/") {
		dir = dir[:len(dir)-1] // remove_filename
	}
	for _, seg := range splitPath(path) {
		switch seg {
		case ".":
		case "..":
			if len(dir) > 0 {
				dir = dir[:len(dir)-1]
			} else {
				root = false
			}
		default:
			dir = append(dir, seg)
		}
	}
	out := strings.Join(dir, "/")
	if root {
		out = "/" + out
	}
	return out
}

func splitPath(p string) []string {
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// Remap applies the remappings to an import path of the unit importer
// (solc's ImportRemapper::apply).
func Remap(rs []Remapping, path, importer string) string {
	longestPrefix, longestContext := 0, 0
	target, matched := "", false
	for _, r := range rs {
		if len(r.Context) < longestContext || !strings.HasPrefix(importer, r.Context) {
			continue
		}
		if len(r.Prefix) < longestPrefix && len(r.Context) == longestContext {
			continue
		}
		if !strings.HasPrefix(path, r.Prefix) {
			continue
		}
		longestContext, longestPrefix = len(r.Context), len(r.Prefix)
		target, matched = r.Target, true
	}
	if !matched {
		return path
	}
	return target + path[longestPrefix:]
}

// resolveImportNames fills in ImportDirective.Resolved for a unit.
func resolveImportNames(u *SourceUnit, opts *Options) {
	for _, d := range u.Decls {
		if imp, ok := d.(*ImportDirective); ok {
			imp.Resolved = Remap(opts.Remappings, AbsolutePath(imp.Path, u.Name), u.Name)
		}
	}
}

var errNotSupplied = errors.New("File not supplied initially.")

// NewFileLoader is the host file system import callback: a source unit
// name is looked up under the base path (the working directory when
// empty) and under each include path; exactly one match must exist.
func NewFileLoader(basePath string, includePaths []string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		var candidates []string
		if filepath.IsAbs(name) {
			candidates = []string{name}
		} else {
			candidates = append(candidates, filepath.Join(basePath, name))
			for _, inc := range includePaths {
				candidates = append(candidates, filepath.Join(inc, name))
			}
		}
		var found []string
		for _, c := range candidates {
			if st, err := os.Stat(c); err == nil && st.Mode().IsRegular() {
				found = append(found, c)
			}
		}
		switch len(found) {
		case 0:
			return nil, fmt.Errorf("File not found. Searched the following locations: %s.", quoteJoin(candidates))
		case 1:
			b, err := os.ReadFile(found[0])
			if err != nil {
				return nil, fmt.Errorf("Cannot read file %q: %v", found[0], err)
			}
			return b, nil
		}
		return nil, fmt.Errorf("Ambiguous import. Multiple matching files found inside base path and/or include paths: %s.", quoteJoin(found))
	}
}

func quoteJoin(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "\"" + s + "\""
	}
	return strings.Join(q, ", ")
}

// CLIPathToSourceUnitName turns a command-line path into a source unit
// name as solc does: the absolute, cleaned path, made relative to the base
// path (the working directory when empty) or to an include path when it
// lies inside one (the longest such prefix wins).
func CLIPathToSourceUnitName(path, basePath string, includePaths []string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	base := basePath
	if base == "" {
		base = "."
	}
	best := ""
	for _, pre := range append([]string{base}, includePaths...) {
		a, err := filepath.Abs(pre)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(a, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") && len(a) > len(best) {
			best = a
		}
	}
	if best != "" {
		rel, _ := filepath.Rel(best, abs)
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// ParseFiles parses files named on a command line and what they import:
// each path becomes a source unit name (CLIPathToSourceUnitName), and
// imports are loaded through opts (by default from the base and include
// paths). An unreadable file is an IOError diagnostic.
func ParseFiles(paths []string, opts Options) (*Program, []source.Diagnostic) {
	log := &source.Log{}
	var srcs []Source
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			log.Add(source.Diagnostic{Severity: source.Error, Kind: source.IOError,
				Message: fmt.Sprintf("%q is not found or cannot be read: %v", path, err)})
			continue
		}
		srcs = append(srcs, Source{Name: CLIPathToSourceUnitName(path, opts.BasePath, opts.IncludePaths), Content: b})
	}
	prog := ParseInto(srcs, opts, log)
	diags := log.Diagnostics()
	if opts.NoLicenseWarning {
		diags = dropCode(diags, 1878)
	}
	return prog, diags
}
