package isoltest

import (
	"encoding/hex"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/soll-dev/soll/abi"
	"github.com/soll-dev/soll/vm"
)

// event is a known event: its canonical signature and, when known, the
// types of its indexed and non-indexed parameters.
type event struct {
	sig                 string
	indexed, nonIndexed []string
	// typed says indexed/nonIndexed are known (from an ABI); a bare
	// signature says nothing about which parameters are indexed.
	typed  bool
	params []string
}

// parseEventDecl reads "E(address indexed,uint256)" or "E(address,uint256)".
func parseEventDecl(s string) (event, bool) {
	s = strings.TrimSpace(s)
	open := strings.IndexByte(s, '(')
	if open <= 0 || !strings.HasSuffix(s, ")") {
		return event{}, false
	}
	var e event
	var canon []string
	for _, p := range splitTop(s[open+1 : len(s)-1]) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		typ, rest, _ := strings.Cut(p, " ")
		if strings.TrimSpace(rest) == "indexed" {
			e.typed = true
			e.indexed = append(e.indexed, typ)
		} else {
			e.nonIndexed = append(e.nonIndexed, typ)
		}
		e.params = append(e.params, typ)
		canon = append(canon, typ)
	}
	e.sig = s[:open] + "(" + strings.Join(canon, ",") + ")"
	return e, true
}

// splitTop splits at commas outside parentheses.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// emittedSignature extracts SIG from a side-effect text "emit SIG…"
// ("" for <anonymous> and non-event side effects).
func emittedSignature(text string) string {
	rest, ok := strings.CutPrefix(text, "emit ")
	if !ok {
		return ""
	}
	open := strings.IndexByte(rest, '(')
	if open <= 0 {
		return ""
	}
	depth := 0
	for i := open; i < len(rest); i++ {
		switch rest[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return rest[:i+1]
			}
		}
	}
	return ""
}

type eventTable map[common.Hash]event

// newEventTable indexes decls by topic 0; a declaration with indexed
// information wins over a bare signature.
func newEventTable(decls []string) eventTable {
	t := eventTable{}
	for _, d := range decls {
		e, ok := parseEventDecl(d)
		if !ok {
			continue
		}
		topic := common.Hash(abi.EventTopic(e.sig))
		if old, have := t[topic]; have && (old.typed || !e.typed) {
			continue
		}
		t[topic] = e
	}
	return t
}

// formatLog prints a log as a `~` line's text (README "Side effects").
func (t eventTable) formatLog(l vm.Log, contract common.Address) string {
	var b strings.Builder
	b.WriteString("emit ")
	var ev event
	matched := false
	if len(l.Topics) > 0 {
		ev, matched = t[l.Topics[0]]
	}
	if matched {
		b.WriteString(ev.sig)
	} else {
		b.WriteString("<anonymous>")
	}
	if l.Address != contract {
		b.WriteString(" from 0x" + hex.EncodeToString(l.Address[:]))
	}
	indexed, nonIndexed := ev.indexed, ev.nonIndexed
	if matched && !ev.typed {
		// A bare signature: with no indexed topics all parameters are data.
		indexed, nonIndexed = nil, nil
		if len(l.Topics) == 1 {
			nonIndexed = ev.params
		}
	}
	var vals []string
	for i, topic := range l.Topics {
		if matched && i == 0 {
			continue
		}
		typ := ""
		if matched && i-1 < len(indexed) {
			typ = indexed[i-1]
		}
		vals = append(vals, "#"+FormatEventWord(topic[:], typ))
	}
	for i := 0; i+32 <= len(l.Data); i += 32 {
		typ := ""
		if matched && i/32 < len(nonIndexed) {
			typ = nonIndexed[i/32]
		}
		vals = append(vals, FormatEventWord(l.Data[i:i+32], typ))
	}
	if rest := len(l.Data) % 32; rest != 0 {
		vals = append(vals, `hex"`+hex.EncodeToString(l.Data[len(l.Data)-rest:])+`"`)
	}
	if len(vals) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(vals, ", "))
	}
	return b.String()
}
