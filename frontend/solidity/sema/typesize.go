package sema

import (
	"math/big"

	"github.com/soll-dev/soll/frontend/solidity"
	"github.com/soll-dev/soll/frontend/source"
)

// This file is solc's ReferenceType::validForLocation for memory and
// calldata (1534): a variable whose static size does not fit in 32 bits.

var maxUnsigned = big.NewInt(1<<32 - 1)

// checkTypeSize reports 1534 for a local variable or parameter v; a
// public function's parameters (and a constructor's) must also fit in
// calldata.
func (a *analyzer) checkTypeSize(v *solidity.VariableDeclaration, publicParam bool) {
	t := a.varType(v)
	loc := location(t)
	if loc != LocMemory && loc != LocCallData {
		return
	}
	msg := validForLocation(t, loc, map[*Struct]bool{})
	if msg == "" && publicParam && loc != LocCallData {
		msg = validForLocation(t, LocCallData, map[*Struct]bool{})
	}
	if msg != "" {
		a.errorf(source.TypeError, 1534, v.Loc, "%s", msg)
	}
}

// validForLocation returns solc's error message, or "".
func validForLocation(t Type, loc Loc, seen map[*Struct]bool) string {
	switch t := t.(type) {
	case *ArrayType:
		if b, ok := t.Base.(*ArrayType); ok {
			if msg := validForLocation(b, loc, seen); msg != "" {
				return msg
			}
		}
		if t.Len == nil || t.IsByteArray() {
			return ""
		}
		switch loc {
		case LocMemory:
			size := new(big.Int).Set(t.Len)
			base := t.Base
			for {
				b, ok := base.(*ArrayType)
				if !ok || b.Len == nil || b.IsByteArray() {
					break
				}
				size.Mul(size, b.Len)
				base = b.Base
			}
			size.Mul(size, big.NewInt(memoryDataSize(base)))
			if size.Cmp(maxUnsigned) >= 0 {
				return "Type too large for memory."
			}
		case LocCallData:
			if calldataSize(t).Cmp(maxUnsigned) >= 0 {
				return "Type too large for calldata."
			}
		}
	case *StructType:
		if seen[t.S] {
			return ""
		}
		seen[t.S] = true
		defer delete(seen, t.S)
		for _, m := range t.S.Members {
			switch m.Type.(type) {
			case *ArrayType, *StructType:
				if msg := validForLocation(m.Type, loc, seen); msg != "" {
					return msg
				}
			}
		}
	}
	return ""
}

// memoryDataSize is solc's Type::memoryDataSize of an element that is
// not a static array: a struct takes a word per member (but mappings).
func memoryDataSize(t Type) int64 {
	if s, ok := t.(*StructType); ok {
		var n int64
		for _, m := range s.S.Members {
			if _, isMap := m.Type.(*MappingType); !isMap {
				n += 32
			}
		}
		return n
	}
	return 32
}

// calldataSize is the padded static calldata size of t (its head size
// when t is dynamically encoded).
func calldataSize(t Type) *big.Int {
	if dynamicallyEncoded(t) {
		return big.NewInt(32)
	}
	switch t := t.(type) {
	case *ArrayType:
		return new(big.Int).Mul(t.Len, calldataSize(t.Base))
	case *StructType:
		n := new(big.Int)
		for _, m := range t.S.Members {
			n.Add(n, calldataSize(m.Type))
		}
		return n
	}
	return big.NewInt(32)
}
