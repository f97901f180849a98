package solidity

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// Dump renders an AST as indented text, one node per line with its byte
// span, scalar fields inline and child nodes below (used by golden tests
// and for debugging; the format is not stable API).
func Dump(n Node) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n), 0, "")
	return b.String()
}

var (
	spanType  = reflect.TypeOf(source.Span{})
	identType = reflect.TypeOf(&Ident{})
	tokenType = reflect.TypeOf(Token(0))
	yulBlock  = reflect.TypeOf(&yul.Block{})
	stringerT = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
)

func spanText(s source.Span) string {
	if !s.IsValid() {
		return "[-]"
	}
	return "[" + strconv.Itoa(s.Start) + "," + strconv.Itoa(s.End) + ")"
}

func dumpValue(b *strings.Builder, v reflect.Value, depth int, label string) {
	indent := strings.Repeat("  ", depth)
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return
	}
	b.WriteString(indent)
	if label != "" {
		b.WriteString(label + ": ")
	}
	switch {
	case v.Type() == identType:
		id := v.Interface().(*Ident)
		b.WriteString("Ident " + strconv.Quote(id.Name) + " " + spanText(id.Loc) + "\n")
		return
	case v.Type() == yulBlock:
		yb := v.Interface().(*yul.Block)
		fmt.Fprintf(b, "yul.Block %s (%d statements)\n", spanText(yb.Loc), len(yb.Stmts))
		return
	}
	e := v.Elem()
	t := e.Type()
	b.WriteString(t.Name())
	var children []func()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), e.Field(i)
		if f.Type == spanType {
			if f.Name == "Loc" {
				b.WriteString(" " + spanText(fv.Interface().(source.Span)))
			}
			continue
		}
		if f.Name == "File" || fv.IsZero() {
			continue
		}
		switch {
		case f.Type == tokenType:
			b.WriteString(" " + f.Name + "=" + strconv.Quote(fv.Interface().(Token).String()))
		case f.Type.Implements(stringerT) && f.Type.Kind() != reflect.Pointer:
			b.WriteString(" " + f.Name + "=" + fv.Interface().(fmt.Stringer).String())
		case f.Type.Kind() == reflect.String:
			b.WriteString(" " + f.Name + "=" + strconv.Quote(fv.String()))
		case f.Type.Kind() == reflect.Bool || f.Type.Kind() == reflect.Int:
			fmt.Fprintf(b, " %s=%v", f.Name, fv.Interface())
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			q := make([]string, fv.Len())
			for j := range q {
				q[j] = strconv.Quote(fv.Index(j).String())
			}
			b.WriteString(" " + f.Name + "=[" + strings.Join(q, " ") + "]")
		case f.Type.Kind() == reflect.Slice:
			name := f.Name
			children = append(children, func() {
				for j := 0; j < fv.Len(); j++ {
					el := fv.Index(j)
					if (el.Kind() == reflect.Pointer || el.Kind() == reflect.Interface) && el.IsNil() {
						b.WriteString(indent + "  " + name + "[" + strconv.Itoa(j) + "]: <gap>\n")
						continue
					}
					dumpValue(b, el, depth+1, name+"["+strconv.Itoa(j)+"]")
				}
			})
		default:
			name := f.Name
			children = append(children, func() { dumpValue(b, fv, depth+1, name) })
		}
	}
	b.WriteString("\n")
	for _, c := range children {
		c()
	}
}
