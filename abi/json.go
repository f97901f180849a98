package abi

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Entry is one element of a contract's JSON ABI, with solc's field names.
// Fields are declared in alphabetical order so that encoding/json writes
// them in the order solc does.
type Entry struct {
	Anonymous       bool    `json:"anonymous,omitempty"`
	Inputs          []Param `json:"inputs"`
	Name            string  `json:"name,omitempty"`
	Outputs         []Param `json:"outputs,omitempty"`
	StateMutability string  `json:"stateMutability,omitempty"`
	Type            string  `json:"type"` // function, constructor, fallback, receive, event, error
}

// Param is a parameter of an Entry; tuples carry their Components.
type Param struct {
	Components   []Param `json:"components,omitempty"`
	Indexed      bool    `json:"indexed,omitempty"`
	InternalType string  `json:"internalType,omitempty"`
	Name         string  `json:"name"`
	Type         string  `json:"type"`
}

// ParseJSON reads a JSON ABI (an array of entries).
func ParseJSON(data []byte) ([]Entry, error) {
	var es []Entry
	if err := json.Unmarshal(data, &es); err != nil {
		return nil, fmt.Errorf("abi: bad JSON ABI: %w", err)
	}
	return es, nil
}

// Canonical is the parameter's type as it appears in signatures: "tuple"
// is replaced by the parenthesised component types.
func (p Param) Canonical() string {
	if rest, ok := strings.CutPrefix(p.Type, "tuple"); ok {
		parts := make([]string, len(p.Components))
		for i, c := range p.Components {
			parts[i] = c.Canonical()
		}
		return "(" + strings.Join(parts, ",") + ")" + rest
	}
	return p.Type
}

// ABIType parses Canonical.
func (p Param) ABIType() (Type, error) { return ParseType(p.Canonical()) }

// Signature is the canonical "name(types)" of a function, event or error.
func (e Entry) Signature() string {
	parts := make([]string, len(e.Inputs))
	for i, in := range e.Inputs {
		parts[i] = in.Canonical()
	}
	return e.Name + "(" + strings.Join(parts, ",") + ")"
}
