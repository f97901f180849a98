package solidity

import "reflect"

// This file is the one place that knows which fields of each AST node are
// child nodes. Analyses that merely need to reach every node (or every
// expression, or every statement) below some node should use Inspect or
// EachChild instead of a type switch of their own; analyses whose descent
// carries meaning (scopes, lvalue context, data flow) still switch on the
// node kinds they care about and may use EachChild for the rest.

// Inspect traverses the AST rooted at n in depth-first pre-order: it calls
// f(n); if f returns true, Inspect walks each non-nil child of n (as listed
// by EachChild, in source order) the same way. A nil n (or a nil pointer
// in n) is not visited.
//
// Unlike go/ast.Inspect, f is not called with nil after the children of a
// node; a callback that needs to know when a subtree ends can recurse with
// EachChild itself.
//
// Every node of the Solidity AST is reached, including identifiers (*Ident),
// identifier paths, parameter lists, documentation comments (*Doc) and the
// names inside ImportSymbol and UsingFunction (which are not nodes
// themselves). The Yul body of an *InlineAssembly belongs to package yul
// and is not visited.
func Inspect(n Node, f func(Node) bool) {
	if isNilPointer(n) {
		return
	}
	inspect(n, f)
}

// inspect is Inspect for a non-nil n.
func inspect(n Node, f func(Node) bool) {
	if f(n) {
		eachChild(n, func(c Node) { inspect(c, f) })
	}
}

// EachChild calls f for each non-nil direct child of n, in the order the
// children appear in the source: the body of `do … while (c)` comes
// before c, a named call argument or call option after its name, a
// variable's type before its name. Gaps (nil components of a tuple, nil
// variables of a variable declaration statement, absent optional parts)
// are skipped. A nil n, a leaf (identifier, literal, elementary type
// name, …) and a node of another package (such as sema's built-ins) have
// no children; see Inspect for what else is not a child.
func EachChild(n Node, f func(Node)) {
	if !isNilPointer(n) {
		eachChild(n, f)
	}
}

// eachChild is EachChild for a non-nil n.
func eachChild(n Node, f func(Node)) {
	switch n := n.(type) {
	// Source units and directives.
	case *SourceUnit:
		list(f, n.Decls)
	case *PragmaDirective:
	case *ImportDirective:
		for _, s := range n.Symbols {
			if s != nil {
				one(f, s.Symbol)
				one(f, s.Alias)
			}
		}
		one(f, n.Alias)
	case *UsingForDirective:
		for _, u := range n.Functions {
			if u != nil {
				one(f, u.Path)
			}
		}
		one(f, n.Type)

	// Declarations.
	case *ContractDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		list(f, n.Bases)
		list(f, n.Members)
	case *InheritanceSpecifier:
		one(f, n.Name)
		list(f, n.Args)
	case *IdentifierPath:
		list(f, n.Parts)
	case *FunctionDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		one(f, n.Params)
		one(f, n.Overrides)
		list(f, n.Modifiers)
		one(f, n.Returns)
		one(f, n.ReturnExpr)
		one(f, n.Body)
	case *ParameterList:
		list(f, n.Params)
	case *OverrideSpecifier:
		list(f, n.Overrides)
	case *ModifierInvocation:
		one(f, n.Name)
		list(f, n.Args)
	case *ModifierDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		one(f, n.Params)
		one(f, n.Overrides)
		one(f, n.Body)
	case *VariableDeclaration:
		// `T override x = v` or, in experimental Solidity, `x: T`.
		one(f, n.Doc)
		one(f, n.Type)
		one(f, n.Overrides)
		one(f, n.Name)
		one(f, n.TypeExpr)
		one(f, n.Value)
	case *StructDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		list(f, n.Members)
	case *EnumDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		list(f, n.Values)
	case *EnumValue:
		one(f, n.Doc)
		one(f, n.Name)
	case *EventDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		one(f, n.Params)
	case *ErrorDefinition:
		one(f, n.Doc)
		one(f, n.Name)
		one(f, n.Params)
	case *UserDefinedValueTypeDefinition:
		one(f, n.Name)
		one(f, n.Underlying)

	// Type names.
	case *ElementaryTypeName:
	case *UserDefinedTypeName:
		one(f, n.Path)
	case *FunctionTypeName:
		one(f, n.Params)
		one(f, n.Returns)
	case *MappingType:
		one(f, n.Key)
		one(f, n.KeyName)
		one(f, n.Value)
		one(f, n.ValueName)
	case *ArrayTypeName:
		one(f, n.Base)
		one(f, n.Length)

	// Statements.
	case *Block:
		one(f, n.Doc)
		list(f, n.Stmts)
	case *PlaceholderStatement:
		one(f, n.Doc)
	case *IfStatement:
		one(f, n.Doc)
		one(f, n.Cond)
		one(f, n.Then)
		one(f, n.Else)
	case *WhileStatement:
		one(f, n.Doc)
		if n.DoWhile {
			one(f, n.Body)
			one(f, n.Cond)
		} else {
			one(f, n.Cond)
			one(f, n.Body)
		}
	case *ForStatement:
		one(f, n.Doc)
		one(f, n.Init)
		one(f, n.Cond)
		one(f, n.Post)
		one(f, n.Body)
	case *ContinueStatement:
		one(f, n.Doc)
	case *BreakStatement:
		one(f, n.Doc)
	case *ReturnStatement:
		one(f, n.Doc)
		one(f, n.Value)
	case *ThrowStatement:
		one(f, n.Doc)
	case *EmitStatement:
		one(f, n.Doc)
		one(f, n.Call)
	case *RevertStatement:
		one(f, n.Doc)
		one(f, n.Call)
	case *TryStatement:
		one(f, n.Doc)
		one(f, n.Call)
		list(f, n.Clauses)
	case *CatchClause:
		one(f, n.Params)
		one(f, n.Body)
	case *InlineAssembly:
		one(f, n.Doc) // n.Body is Yul: see Inspect.
	case *VariableDeclarationStatement:
		one(f, n.Doc)
		list(f, n.Vars)
		one(f, n.Value)
	case *ExpressionStatement:
		one(f, n.Doc)
		one(f, n.X)

	// Expressions.
	case *IdentifierExpr, *Literal:
	case *TupleExpression:
		list(f, n.Components)
	case *UnaryOperation:
		one(f, n.X)
	case *BinaryOperation:
		one(f, n.X)
		one(f, n.Y)
	case *Assignment:
		one(f, n.X)
		one(f, n.Y)
	case *ConditionalExpression:
		one(f, n.Cond)
		one(f, n.Then)
		one(f, n.Else)
	case *FunctionCall:
		one(f, n.Fn)
		named(f, n.Names, n.Args)
	case *FunctionCallOptions:
		one(f, n.X)
		named(f, n.Names, n.Values)
	case *MemberAccess:
		one(f, n.X)
		one(f, n.Member)
	case *IndexAccess:
		one(f, n.X)
		one(f, n.Index)
	case *IndexRangeAccess:
		one(f, n.X)
		one(f, n.Start)
		one(f, n.End)
	case *NewExpression:
		one(f, n.Type)
	case *ElementaryTypeNameExpression:
		one(f, n.Type)

	// Experimental Solidity.
	case *TypeDefinition:
		one(f, n.Name)
		one(f, n.Args)
		one(f, n.Value)
	case *BuiltinExpr:
	case *TypeClassDefinition:
		one(f, n.Doc)
		one(f, n.TypeVar)
		one(f, n.Name)
		list(f, n.Members)
	case *TypeClassName:
		one(f, n.Path)
	case *TypeClassInstantiation:
		one(f, n.Type)
		one(f, n.ArgSorts)
		one(f, n.Class)
		list(f, n.Members)
	case *ForAllQuantifier:
		one(f, n.TypeVars)
		one(f, n.Fn)

	// Leaves.
	case *Ident, *Doc:
	}
}

// one calls f on x unless x is nil (a nil interface or a nil pointer: the
// comparison is with T's zero value, so a nil *Block is skipped, too).
func one[T interface {
	Node
	comparable
}](f func(Node), x T) {
	var zero T
	if x != zero {
		f(x)
	}
}

// list calls one on every element of xs.
func list[T interface {
	Node
	comparable
}](f func(Node), xs []T) {
	for _, x := range xs {
		one(f, x)
	}
}

// named visits `name: value` pairs (of named call arguments and call
// options) in source order; names is empty for positional arguments.
func named(f func(Node), names []*Ident, values []Expr) {
	for i := 0; i < len(names) || i < len(values); i++ {
		if i < len(names) {
			one(f, names[i])
		}
		if i < len(values) {
			one(f, values[i])
		}
	}
}

// isNilPointer reports whether n is nil or a nil pointer of a node type
// (such as a (*Block)(nil) passed as a Node).
func isNilPointer(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
