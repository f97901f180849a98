package solidity

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// nodeTypes lists every AST node type of the package. TestNodeTypesListed
// fails when a type gets a Span method (becomes a node) without being
// listed here, so that TestEachChildCoversFields checks it.
var nodeTypes = []Node{
	&SourceUnit{}, &PragmaDirective{}, &ImportDirective{}, &UsingForDirective{},
	&ContractDefinition{}, &InheritanceSpecifier{}, &IdentifierPath{},
	&FunctionDefinition{}, &ParameterList{}, &OverrideSpecifier{},
	&ModifierInvocation{}, &ModifierDefinition{}, &VariableDeclaration{},
	&StructDefinition{}, &EnumDefinition{}, &EnumValue{}, &EventDefinition{},
	&ErrorDefinition{}, &UserDefinedValueTypeDefinition{},
	&ElementaryTypeName{}, &UserDefinedTypeName{}, &FunctionTypeName{},
	&MappingType{}, &ArrayTypeName{},
	&Block{}, &PlaceholderStatement{}, &IfStatement{}, &WhileStatement{},
	&ForStatement{}, &ContinueStatement{}, &BreakStatement{},
	&ReturnStatement{}, &ThrowStatement{}, &EmitStatement{},
	&RevertStatement{}, &TryStatement{}, &CatchClause{}, &InlineAssembly{},
	&VariableDeclarationStatement{}, &ExpressionStatement{},
	&IdentifierExpr{}, &Literal{}, &TupleExpression{}, &UnaryOperation{},
	&BinaryOperation{}, &Assignment{}, &ConditionalExpression{},
	&FunctionCall{}, &FunctionCallOptions{}, &MemberAccess{}, &IndexAccess{},
	&IndexRangeAccess{}, &NewExpression{}, &ElementaryTypeNameExpression{},
	&TypeDefinition{}, &BuiltinExpr{}, &TypeClassDefinition{},
	&TypeClassName{}, &TypeClassInstantiation{}, &ForAllQuantifier{},
	&Ident{}, &Doc{},
}

var (
	nodeIface = reflect.TypeOf((*Node)(nil)).Elem()
	pkgPath   = nodeIface.PkgPath()
)

// TestNodeTypesListed finds the node types of the package in its source
// (the receivers of Span methods) and checks that nodeTypes has them all.
func TestNodeTypesListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, n := range nodeTypes {
		listed[reflect.TypeOf(n).Elem().Name()] = true
	}
	fset := gotoken.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "Span" || len(fd.Recv.List) != 1 {
				continue
			}
			star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			id, ok := star.X.(*ast.Ident)
			if !ok {
				continue
			}
			found++
			if !listed[id.Name] {
				t.Errorf("%s is a node (%s) but not in nodeTypes: list it there and give it a case in eachChild", id.Name, fset.Position(fd.Pos()))
			}
		}
	}
	if found != len(nodeTypes) {
		t.Errorf("found %d node types in the source, nodeTypes lists %d", found, len(nodeTypes))
	}
}

// isSolidityStruct reports whether t is a pointer to a struct of this
// package (a node, or a holder of nodes such as ImportSymbol).
func isSolidityStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem().PkgPath() == pkgPath
}

// sentinel makes a fresh node that can stand in a field of type t, or
// returns false when t cannot hold a Solidity node. Holders that are not
// nodes (ImportSymbol, UsingFunction) are filled in turn, their nodes
// added to want.
func sentinel(t reflect.Type, want map[Node]bool) (reflect.Value, bool) {
	switch {
	case t.Kind() == reflect.Interface && t.Implements(nodeIface):
		// A leaf of the interface's kind (Expr, Stmt, Decl, TypeName).
		for _, n := range nodeTypes {
			if nt := reflect.TypeOf(n); nt.Implements(t) {
				v := reflect.New(nt.Elem())
				want[v.Interface().(Node)] = true
				return v, true
			}
		}
		panic("no node type implements " + t.String())
	case isSolidityStruct(t) && t.Implements(nodeIface):
		v := reflect.New(t.Elem())
		want[v.Interface().(Node)] = true
		return v, true
	case isSolidityStruct(t):
		v := reflect.New(t.Elem())
		if !fill(v.Elem(), want) {
			return v, false
		}
		return v, true
	case t.Kind() == reflect.Slice:
		s := reflect.MakeSlice(t, 0, 2)
		for range 2 {
			e, ok := sentinel(t.Elem(), want)
			if !ok {
				return s, false
			}
			s = reflect.Append(s, e)
		}
		return s, true
	}
	return reflect.Value{}, false
}

// fill sets every field of the struct v that can hold nodes; it reports
// whether there was one.
func fill(v reflect.Value, want map[Node]bool) bool {
	filled := false
	for i := range v.NumField() {
		if x, ok := sentinel(v.Field(i).Type(), want); ok {
			v.Field(i).Set(x)
			filled = true
		}
	}
	return filled
}

// TestEachChildCoversFields fills every field of every node type that can
// hold a node with a distinct node and checks that EachChild reports
// exactly those, once each: a field added to a node without a matching
// line in eachChild fails here.
func TestEachChildCoversFields(t *testing.T) {
	for _, proto := range nodeTypes {
		typ := reflect.TypeOf(proto).Elem()
		for _, doWhile := range []bool{false, true} {
			n := reflect.New(typ)
			want := map[Node]bool{}
			fill(n.Elem(), want)
			if w, ok := n.Interface().(*WhileStatement); ok {
				w.DoWhile = doWhile
			} else if doWhile {
				continue
			}
			got := map[Node]int{}
			EachChild(n.Interface().(Node), func(c Node) { got[c]++ })
			for c := range want {
				if got[c] != 1 {
					t.Errorf("%s: EachChild reports a %T field %d times, want once", typ.Name(), c, got[c])
				}
			}
			for c := range got {
				if !want[c] {
					t.Errorf("%s: EachChild reports %T, which is not a field", typ.Name(), c)
				}
			}
		}
	}
}

// reachable collects the nodes reflection finds below v (not descending
// into the Yul AST).
func reachable(v reflect.Value, out map[Node]bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			reachable(v.Elem(), out)
		}
	case reflect.Pointer:
		if v.IsNil() || !isSolidityStruct(v.Type()) {
			return
		}
		if n, ok := v.Interface().(Node); ok {
			if out[n] {
				return
			}
			out[n] = true
		}
		reachable(v.Elem(), out)
	case reflect.Struct:
		for i := range v.NumField() {
			reachable(v.Field(i), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			reachable(v.Index(i), out)
		}
	}
}

// checkInspect checks Inspect on a parsed unit: it must reach every node
// reflection finds, each once, and EachChild must list children in source
// order. The kinds of the nodes visited are added to kinds.
func checkInspect(t *testing.T, name string, u *SourceUnit, kinds map[string]bool) {
	t.Helper()
	want := map[Node]bool{}
	reachable(reflect.ValueOf(u), want)
	got := map[Node]int{}
	Inspect(u, func(n Node) bool {
		got[n]++
		kinds[reflect.TypeOf(n).Elem().Name()] = true
		last := -1
		EachChild(n, func(c Node) {
			if s := c.Span(); s.IsValid() {
				if s.Start < last {
					t.Errorf("%s: a child %T of %T at %d comes after one at %d", name, c, n, s.Start, last)
				}
				last = s.Start
			}
		})
		return true
	})
	for n := range want {
		if got[n] != 1 {
			t.Errorf("%s: Inspect visits %T at %v %d times, want once", name, n, n.Span(), got[n])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: Inspect visits %d nodes, reflection finds %d", name, len(got), len(want))
	}
}

// TestInspectParsedFiles runs checkInspect on the golden-test sources.
func TestInspectParsedFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.sol")
	if len(files) == 0 {
		t.Fatal("no testdata/*/*.sol")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		u, _ := parseText(filepath.Base(f), string(b))
		checkInspect(t, f, u, map[string]bool{})
	}
}

// TestInspectCorpus runs checkInspect on every source of solc's syntax
// tests (skipped without the corpus) and reports the node kinds that no
// source produced.
func TestInspectCorpus(t *testing.T) {
	root := filepath.Join(corpusDir(t), "syntax", "syntaxTests")
	kinds := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sol") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, src := range splitTestFile(string(b)).sources {
			u, _ := parseText(src.Name, string(src.Content))
			checkInspect(t, p+":"+src.Name, u, kinds)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, n := range nodeTypes {
		if name := reflect.TypeOf(n).Elem().Name(); !kinds[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Logf("node kinds no syntax test has: %v", missing)
	}
}

// TestInspectPrune checks that returning false skips the children and that
// nil roots are not visited.
func TestInspectPrune(t *testing.T) {
	u, _ := parseText("prune.sol", "contract C { function f(uint a) public { a = a + 1; } }")
	var idents, exprs int
	Inspect(u, func(n Node) bool {
		switch n.(type) {
		case *Ident:
			idents++
		case *FunctionDefinition:
			return false
		}
		return true
	})
	if idents != 1 { // C
		t.Errorf("visited %d identifiers outside the function, want 1", idents)
	}
	Inspect(u, func(n Node) bool {
		if _, ok := n.(Expr); ok {
			exprs++
		}
		return true
	})
	if exprs != 5 { // a = a + 1: the assignment, a, a + 1, a, 1
		t.Errorf("visited %d expressions, want 5", exprs)
	}
	Inspect(nil, func(Node) bool { t.Error("nil visited"); return true })
	Inspect((*Block)(nil), func(Node) bool { t.Error("nil *Block visited"); return true })
	EachChild((*Block)(nil), func(Node) { t.Error("child of nil *Block") })
}
