package ewasm

import (
	"reflect"
	"testing"

	"github.com/soll-dev/soll/ir/opt"
)

// Data objects reach a module only when its code names them; the
// sub-objects that carry code always do.
func TestUnnamedDataLeftOut(t *testing.T) {
	src := `object "A" {
		code {
			datacopy(0, dataoffset("A_deployed"), datasize("A_deployed"))
			return(0, datasize("A_deployed"))
		}
		object "A_deployed" {
			code {
				datacopy(0, dataoffset("used"), datasize("used"))
				datacopy(32, dataoffset("B.inner"), datasize("B.inner"))
				return(0, 64)
			}
			object "B" {
				code { stop() }
				data "inner" hex"c0ffee"
				data "unused" hex"dead"
			}
			data "used" hex"0102"
			data ".metadata" hex"a164"
		}
		data ".metadata" hex"a165"
	}`
	for _, level := range []opt.Level{opt.O0, opt.O2} {
		e, err := compileObject(lower(t, src, level), Options{})
		if err != nil {
			t.Fatal(err)
		}
		names := func(e *encoded) []string {
			var out []string
			for _, c := range e.mod.customs {
				out = append(out, c.name)
			}
			return out
		}
		if got := names(e); !reflect.DeepEqual(got, []string{"A_deployed"}) {
			t.Errorf("-O%d deployer customs %q", level, got)
		}
		rt := e.subs["A_deployed"]
		if got := names(rt); !reflect.DeepEqual(got, []string{"B", "used"}) {
			t.Errorf("-O%d runtime customs %q", level, got)
		}
		// B's own code names nothing, its parent names B.inner
		if got := names(rt.subs["B"]); !reflect.DeepEqual(got, []string{"inner"}) {
			t.Errorf("-O%d B customs %q", level, got)
		}
	}
	// and the bytes read are the named ones, as on the EVM
	want := runEVM(t, src, nil)
	if got, _ := runEwasm(t, src, nil, Options{}); !got.equal(want) || len(got.out) != 64 || got.out[0] != 1 || got.out[32] != 0xc0 {
		t.Errorf("Ewasm %v, EVM %v", got, want)
	}
}
