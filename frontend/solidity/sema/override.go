package sema

import (
	"sort"
	"strings"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's OverrideChecker: every function, modifier and public
// state variable against what it overrides (checkIllegalOverrides), and
// every signature inherited from several bases that the contract must
// override itself (checkAmbiguousOverrides).

// callable is solc's OverrideProxy: a function, a modifier or a public
// state variable (its getter) as something that overrides or is
// overridden.
type callable struct {
	fn  *solidity.FunctionDefinition
	mod *solidity.ModifierDefinition
	v   *solidity.VariableDeclaration
	c   *Contract
}

func (p callable) node() solidity.Node {
	switch {
	case p.fn != nil:
		return p.fn
	case p.mod != nil:
		return p.mod
	}
	return p.v
}

func (p callable) span() source.Span { return p.node().Span() }

func (p callable) name() string { return declName(p.node()) }

func (p callable) overrides() *solidity.OverrideSpecifier {
	switch {
	case p.fn != nil:
		return p.fn.Overrides
	case p.mod != nil:
		return p.mod.Overrides
	}
	return p.v.Overrides
}

func (p callable) kindName() string {
	switch {
	case p.fn != nil:
		return "function"
	case p.mod != nil:
		return "modifier"
	}
	return "public state variable"
}

func (p callable) kindNameCap() string {
	switch {
	case p.fn != nil:
		return "Function"
	case p.mod != nil:
		return "Modifier"
	}
	return "Public state variable"
}

func (p callable) unimplemented() bool {
	switch {
	case p.fn != nil:
		return p.fn.Body == nil
	case p.mod != nil:
		return p.mod.Body == nil
	}
	return false
}

func (p callable) virtual() bool {
	switch {
	case p.fn != nil:
		return p.fn.Virtual || p.c.Def.Kind == solidity.KindInterface
	case p.mod != nil:
		return p.mod.Virtual || p.c.Def.Kind == solidity.KindInterface
	}
	return false
}

// mutRank orders state mutabilities as solc's StateMutability enum.
func mutRank(m solidity.Mutability) int {
	switch m {
	case solidity.MutPure:
		return 0
	case solidity.MutView:
		return 1
	case solidity.MutNonPayable:
		return 2
	}
	return 3
}

// externalTypes is FunctionType::asExternallyCallableFunction(false):
// calldata parameters and return values become memory.
func externalTypes(ts []Type) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		if t == nil {
			continue
		}
		if location(t) == LocCallData {
			t = withLoc(t, LocMemory, true)
		}
		out[i] = t.ID()
	}
	return out
}

// fnType is the callable's function type (nil for modifiers).
func (a *analyzer) callableType(p callable) *FunctionType {
	switch {
	case p.fn != nil:
		return a.funcType(p.fn)
	case p.v != nil:
		return a.getterType(p.v)
	}
	return nil
}

// signature is solc's OverrideComparator: name, function kind and
// external parameter types (modifiers: the name only).
func (a *analyzer) signature(p callable) string {
	if sig, ok := a.sigCache[p.node()]; ok {
		return sig
	}
	var sig string
	if p.mod != nil {
		sig = "m:" + p.mod.Name.Name
	} else {
		kind := solidity.KindFunction
		if p.fn != nil {
			kind = p.fn.Kind
		}
		sig = "f:" + p.name() + ":" + kind.String()
		if kind == solidity.KindFunction {
			sig += "(" + strings.Join(externalTypes(a.callableType(p).Params), ",") + ")"
		}
	}
	if a.sigCache == nil {
		a.sigCache = map[solidity.Node]string{}
	}
	a.sigCache[p.node()] = sig
	return sig
}

func (a *analyzer) callableVisibility(p callable) solidity.Visibility {
	switch {
	case p.fn != nil:
		return a.visibility(p.fn)
	case p.mod != nil:
		return solidity.VisInternal
	}
	return solidity.VisExternal
}

func (a *analyzer) callableMutability(p callable) solidity.Mutability {
	if p.fn != nil {
		return p.fn.Mutability
	}
	if p.v != nil && p.v.Mutability == solidity.VarConstant {
		return solidity.MutPure
	}
	return solidity.MutView
}

// ownCallables lists a contract's functions (without the constructor)
// and public state variables, or its modifiers.
func ownCallables(c *Contract, modifiers bool) []callable {
	var out []callable
	for _, m := range c.Def.Members {
		switch m := m.(type) {
		case *solidity.FunctionDefinition:
			if !modifiers && m.Kind != solidity.KindConstructor {
				out = append(out, callable{fn: m, c: c})
			}
		case *solidity.ModifierDefinition:
			if modifiers {
				out = append(out, callable{mod: m, c: c})
			}
		case *solidity.VariableDeclaration:
			if !modifiers && m.Visibility == solidity.VisPublic {
				out = append(out, callable{v: m, c: c})
			}
		}
	}
	return out
}

// inherited is solc's inheritedFunctions / inheritedModifiers: per direct
// base, the most derived callable of each signature in that base's
// hierarchy (a multiset over the bases).
func (a *analyzer) inherited(c *Contract, modifiers bool) []callable {
	cache := a.inheritedFns
	if modifiers {
		cache = a.inheritedMods
	}
	if r, ok := cache[c]; ok {
		return r
	}
	var result []callable
	for _, b := range c.Bases {
		seen := map[string]bool{}
		var inBase []callable
		add := func(p callable) {
			sig := a.signature(p)
			if !seen[sig] {
				seen[sig] = true
				inBase = append(inBase, p)
			}
		}
		for _, p := range ownCallables(b, modifiers) {
			add(p)
		}
		for _, p := range a.inherited(b, modifiers) {
			add(p)
		}
		result = append(result, inBase...)
	}
	cache[c] = result
	return result
}

// checkOverrides is OverrideChecker::check.
func (a *analyzer) checkOverrides(c *Contract) {
	fns := a.inherited(c, false)
	mods := a.inherited(c, true)
	hasName := func(list []callable, name string) bool {
		for _, p := range list {
			if p.name() == name {
				return true
			}
		}
		return false
	}
	for _, m := range c.Def.Members {
		if md, ok := m.(*solidity.ModifierDefinition); ok {
			if hasName(fns, md.Name.Name) {
				a.errorf(source.TypeError, 5631, md.Loc, "Override changes function or public state variable to modifier.")
			}
			a.checkOverrideList(callable{mod: md, c: c}, mods)
		}
	}
	for _, m := range c.Def.Members {
		if fd, ok := m.(*solidity.FunctionDefinition); ok && fd.Kind != solidity.KindConstructor {
			if fd.Name != nil && hasName(mods, fd.Name.Name) {
				a.errorf(source.TypeError, 1469, fd.Loc, "Override changes modifier to function.")
			}
			a.checkOverrideList(callable{fn: fd, c: c}, fns)
		}
	}
	for _, m := range c.Def.Members {
		v, ok := m.(*solidity.VariableDeclaration)
		if !ok {
			continue
		}
		if v.Visibility != solidity.VisPublic {
			if v.Overrides != nil {
				a.errorf(source.TypeError, 8022, v.Loc, "Override can only be used with public state variables.")
			}
			continue
		}
		if v.Name != nil && hasName(mods, v.Name.Name) {
			a.errorf(source.TypeError, 1456, v.Loc, "Override changes modifier to public state variable.")
		}
		a.checkOverrideList(callable{v: v, c: c}, fns)
	}
	a.checkAmbiguous(c, false)
	a.checkAmbiguous(c, true)
}

func (a *analyzer) overrideContracts(o *solidity.OverrideSpecifier) []*Contract {
	var out []*Contract
	if o == nil {
		return nil
	}
	for _, p := range o.Overrides {
		if cd, ok := a.refs[p].(*solidity.ContractDefinition); ok {
			if c := a.contracts[cd]; c != nil && !containsContract(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func containsContract(list []*Contract, c *Contract) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

func (a *analyzer) checkOverrideList(item callable, inherited []callable) {
	o := item.overrides()
	specified := a.overrideContracts(o)
	if o != nil && len(specified) != len(o.Overrides) {
		list := append([]*solidity.IdentifierPath(nil), o.Overrides...)
		sort.SliceStable(list, func(i, j int) bool { return a.nodeIDs[a.refs[list[i]]] < a.nodeIDs[a.refs[list[j]]] })
		for i := 1; i < len(list); i++ {
			x, y := a.refs[list[i]], a.refs[list[i-1]]
			if x != nil && x == y {
				parts := make([]string, len(list[i].Parts))
				for k, p := range list[i].Parts {
					parts[k] = p.Name
				}
				a.errorf(source.TypeError, 4520, list[i].Loc, "Duplicate contract \"%s\" found in override list of \"%s\".", strings.Join(parts, "."), item.name())
			}
		}
	}
	var expected []*Contract
	sig := a.signature(item)
	for _, sup := range inherited {
		if a.signature(sup) != sig {
			continue
		}
		a.checkOverride(item, sup)
		if !containsContract(expected, sup.c) {
			expected = append(expected, sup.c)
		}
	}
	if o != nil && len(expected) == 0 {
		a.errorf(source.TypeError, 7792, o.Loc, "%s has override specified but does not override anything.", item.kindNameCap())
	}
	at := item.span()
	if o != nil {
		at = o.Loc
	}
	if len(expected) > 1 {
		var missing []*Contract
		for _, e := range expected {
			if !containsContract(specified, e) {
				missing = append(missing, e)
			}
		}
		if len(missing) > 0 {
			a.errorf(source.TypeError, 4327, at, "%s needs to specify overridden %s.", item.kindNameCap(), contractList(missing))
		}
	}
	var surplus []*Contract
	for _, s := range specified {
		if containsContract(expected, s) {
			continue
		}
		// A base further up that defines the signature (and is hidden
		// behind a more derived one in the multiset) is accepted too.
		defines := false
		if containsContract(item.c.Linear, s) {
			for _, p := range ownCallables(s, item.mod != nil) {
				if a.signature(p) == sig {
					defines = true
				}
			}
		}
		if !defines {
			surplus = append(surplus, s)
		}
	}
	if len(surplus) > 0 {
		word := "contract"
		if len(surplus) > 1 {
			word = "contracts"
		}
		a.errorf(source.TypeError, 2353, at, "Invalid %s specified in override list: %s.", word, quotedNames(surplus))
	}
}

// contractList is `contract "A"` or `contracts "A" and "B"`.
func contractList(cs []*Contract) string {
	word := "contract "
	if len(cs) > 1 {
		word = "contracts "
	}
	return word + quotedNames(cs)
}

func quotedNames(cs []*Contract) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = "\"" + c.Name() + "\""
	}
	sort.Strings(names)
	names = dedupSorted(names)
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func dedupSorted(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func (a *analyzer) checkOverride(item, sup callable) {
	if sup.v == nil {
		a.baseCallables[item.node()] = appendCallable(a.baseCallables[item.node()], sup)
	}
	if item.mod != nil && sup.mod != nil {
		if strings.Join(a.paramIDs(item.mod.Params), ",") != strings.Join(a.paramIDs(sup.mod.Params), ",") {
			a.errorf(source.TypeError, 1078, item.span(), "Override changes modifier signature.")
		}
	}
	if item.overrides() == nil && !(sup.fn != nil && sup.c.Def.Kind == solidity.KindInterface) {
		a.errorf(source.TypeError, 9456, item.span(), "Overriding %s is missing \"override\" specifier.", item.kindName())
	}
	if sup.v != nil {
		a.errorf(source.TypeError, 1452, sup.span(), "Cannot override public state variable.")
	} else if !sup.virtual() {
		a.errorf(source.TypeError, 4334, sup.span(), "Trying to override non-virtual %s. Did you forget to add \"virtual\"?", sup.kindName())
	}
	if item.v != nil {
		if a.callableVisibility(sup) != solidity.VisExternal {
			a.errorf(source.TypeError, 5225, item.span(), "Public state variables can only override functions with external visibility.")
		}
	} else if iv, sv := a.callableVisibility(item), a.callableVisibility(sup); iv != sv && !(sv == solidity.VisExternal && iv == solidity.VisPublic) {
		a.errorf(source.TypeError, 9098, item.span(), "Overriding %s visibility differs.", item.kindName())
	}
	if sup.fn != nil {
		it, st := a.callableType(item), a.callableType(sup)
		if sup.fn.Kind == solidity.KindFunction && strings.Join(externalTypes(it.Returns), ",") != strings.Join(externalTypes(st.Returns), ",") {
			a.errorf(source.TypeError, 4822, item.span(), "Overriding %s return types differ.", item.kindName())
		}
		if item.fn != nil {
			// Stricter mutability is fine, except when super is payable.
			if im, sm := a.callableMutability(item), a.callableMutability(sup); im != sm && (mutRank(im) > mutRank(sm) || sm == solidity.MutPayable) {
				a.errorf(source.TypeError, 6959, item.span(), "Overriding function changes state mutability from \"%s\" to \"%s\".", sm, im)
			}
			if item.unimplemented() && !sup.unimplemented() {
				a.errorf(source.TypeError, 4593, item.span(), "Overriding an implemented function with an unimplemented function is not allowed.")
			}
		}
	}
}

func appendCallable(list []callable, p callable) []callable {
	for _, x := range list {
		if x.node() == p.node() {
			return list
		}
	}
	return append(list, p)
}

func (a *analyzer) paramIDs(pl *solidity.ParameterList) []string {
	if pl == nil {
		return nil
	}
	out := make([]string, len(pl.Params))
	for i, p := range pl.Params {
		out[i] = a.varType(p).ID()
	}
	return out
}

// checkAmbiguous is checkAmbiguousOverrides: a signature inherited from
// several bases must be overridden unless one base already overrides
// all the others (a cut vertex of the override graph).
func (a *analyzer) checkAmbiguous(c *Contract, modifiers bool) {
	own := map[string]bool{}
	for _, p := range ownCallables(c, modifiers) {
		own[a.signature(p)] = true
	}
	groups := map[string][]callable{}
	var sigs []string
	for _, p := range a.inherited(c, modifiers) {
		sig := a.signature(p)
		if own[sig] {
			continue
		}
		if _, ok := groups[sig]; !ok {
			sigs = append(sigs, sig)
		}
		groups[sig] = appendCallable(groups[sig], p)
	}
	sort.Strings(sigs)
	for _, sig := range sigs {
		a.ambiguousGroup(groups[sig], c.Def.Loc)
	}
}

func (a *analyzer) ambiguousGroup(bases []callable, at source.Span) {
	if len(bases) <= 1 {
		return
	}
	// The override graph: node 0 is the contract, node 1 the common top.
	ids := map[solidity.Node]int{}
	var nodes []callable
	edges := map[int]map[int]bool{}
	addEdge := func(x, y int) {
		if edges[x] == nil {
			edges[x] = map[int]bool{}
		}
		if edges[y] == nil {
			edges[y] = map[int]bool{}
		}
		edges[x][y] = true
		edges[y][x] = true
	}
	var visit func(p callable) int
	visit = func(p callable) int {
		if id, ok := ids[p.node()]; ok {
			return id
		}
		id := len(nodes) + 2
		ids[p.node()] = id
		nodes = append(nodes, p)
		if bs := a.baseCallables[p.node()]; len(bs) > 0 {
			for _, b := range bs {
				addEdge(id, visit(b))
			}
		} else {
			addEdge(id, 1)
		}
		return id
	}
	for _, b := range bases {
		addEdge(0, visit(b))
	}
	n := len(nodes) + 2
	visited := make([]bool, n)
	depth := make([]int, n)
	low := make([]int, n)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = -1
	}
	cut := map[int]bool{}
	var dfs func(u, d int)
	dfs = func(u, d int) {
		visited[u] = true
		depth[u], low[u] = d, d
		var nbrs []int
		for v := range edges[u] {
			nbrs = append(nbrs, v)
		}
		sort.Ints(nbrs)
		for _, v := range nbrs {
			if !visited[v] {
				parent[v] = u
				dfs(v, d+1)
				if low[v] >= depth[u] && parent[u] != -1 {
					cut[u] = true
				}
				if low[v] < low[u] {
					low[u] = low[v]
				}
			} else if v != parent[u] && depth[v] < low[u] {
				low[u] = depth[v]
			}
		}
	}
	dfs(0, 0)
	remaining := map[solidity.Node]bool{}
	for _, b := range bases {
		remaining[b.node()] = true
	}
	for u := range cut {
		if u < 2 {
			continue
		}
		f := nodes[u-2]
		todo := append([]callable(nil), a.baseCallables[f.node()]...)
		seen := map[solidity.Node]bool{}
		for len(todo) > 0 {
			b := todo[0]
			todo = todo[1:]
			if seen[b.node()] {
				continue
			}
			seen[b.node()] = true
			delete(remaining, b.node())
			todo = append(todo, a.baseCallables[b.node()]...)
		}
		if f.unimplemented() {
			delete(remaining, f.node())
		}
	}
	if len(remaining) <= 1 {
		return
	}
	var first callable
	firstID := -1
	foundVar := false
	for _, b := range bases {
		if !remaining[b.node()] {
			continue
		}
		if id := a.nodeIDs[b.node()]; firstID < 0 || id < firstID {
			first, firstID = b, id
		}
		if b.v != nil {
			foundVar = true
		}
	}
	kind, prop := "function", "name and parameter types"
	if first.mod != nil {
		kind, prop = "modifier", "name"
	}
	msg := "Derived contract must override " + kind + " \"" + first.name() + "\". Two or more base classes define " + kind + " with same " + prop + "."
	if foundVar {
		msg += " Since one of the bases defines a public state variable which cannot be overridden, you have to change the inheritance layout or the names of the functions."
	}
	a.errorf(source.TypeError, 6480, at, "%s", msg)
}
