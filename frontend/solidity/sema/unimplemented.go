package sema

import (
	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// unimplementedFeatureError is solc's kind for what its code generator
// does not implement.
const unimplementedFeatureError = "UnimplementedFeatureError"

// unimplementedFeatures reports, after an analysis without errors, what
// solc's code generator rejects with 1834: fixed-point types and transient
// state variables of non-value types. It returns false when it reported.
func (a *analyzer) unimplementedFeatures() bool {
	var first source.Span
	found := false
	take := func(s source.Span) {
		if !found || before(s, first) {
			first, found = s, true
		}
	}
	for tn, t := range a.typeNames {
		if hasFixedPoint(t, 0) {
			take(tn.Span())
		}
	}
	if found {
		a.errorf(unimplementedFeatureError, 1834, first, "Not yet implemented - FixedPointType.")
		return false
	}
	for v, t := range a.varTypes {
		if v.Location == solidity.LocTransient && a.container[v] != nil && !isValueType(t) {
			take(v.Loc)
		}
	}
	if found {
		a.errorf(unimplementedFeatureError, 1834, first, "Transient data location is only supported for value types.")
		return false
	}
	return true
}

// before orders spans by file name, then start.
func before(x, y source.Span) bool {
	xn, yn := "", ""
	if x.File != nil {
		xn = x.File.Name
	}
	if y.File != nil {
		yn = y.File.Name
	}
	if xn != yn {
		return xn < yn
	}
	return x.Start < y.Start
}

// hasFixedPoint reports a fixed-point type in t (through arrays and
// mappings).
func hasFixedPoint(t Type, depth int) bool {
	if depth > 16 {
		return false
	}
	switch t := t.(type) {
	case *FixedPointType:
		return true
	case *ArrayType:
		return hasFixedPoint(t.Base, depth+1)
	case *MappingType:
		return hasFixedPoint(t.Key, depth+1) || hasFixedPoint(t.Value, depth+1)
	}
	return false
}
