package abi

import (
	"encoding/hex"
	"strings"
	"testing"
)

func mustHex(t *testing.T, words ...string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(words, ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseType(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		dynamic  bool
		head     int
	}{
		{"uint256", "uint256", false, 32},
		{"uint", "uint256", false, 32},
		{"int8", "int8", false, 32},
		{"address", "address", false, 32},
		{"bytes1", "bytes1", false, 32},
		{"bytes32", "bytes32", false, 32},
		{"bytes", "bytes", true, 32},
		{"string", "string", true, 32},
		{"function", "function", false, 32},
		{"uint8[3]", "uint8[3]", false, 96},
		{"uint8[3][2]", "uint8[3][2]", false, 192},
		{"uint8[][2]", "uint8[][2]", true, 32},
		{"string[2]", "string[2]", true, 32},
		{"(uint256,(bool,bytes)[])", "(uint256,(bool,bytes)[])", true, 32},
		{"(uint256,bool)[2]", "(uint256,bool)[2]", false, 128},
		{"()", "()", false, 0},
	} {
		ty, err := ParseType(tc.in)
		if err != nil {
			t.Errorf("ParseType(%q): %v", tc.in, err)
			continue
		}
		if ty.String() != tc.want || ty.IsDynamic() != tc.dynamic || ty.HeadSize() != tc.head {
			t.Errorf("ParseType(%q) = %s dynamic=%v head=%d, want %s %v %d", tc.in, ty, ty.IsDynamic(), ty.HeadSize(), tc.want, tc.dynamic, tc.head)
		}
	}
	for _, bad := range []string{"", "uint7", "uint264", "uint0", "uint08", "bytes33", "bytes0", "foo", "uint256[", "uint256[0]",
		"uint256[-1]", "(uint256", "(uint256,)", "uint256]", "(uint256))", "uint256[1x]", "uint256[16777216][16777216]"} {
		if _, err := ParseType(bad); err == nil {
			t.Errorf("ParseType(%q) succeeded, want error", bad)
		}
	}
}

func TestParseSignature(t *testing.T) {
	s, err := ParseSignature("f(uint256, bool)")
	if err != nil || s.Name != "f" || len(s.Inputs) != 2 || s.Outputs != nil || s.Canonical() != "f(uint256,bool)" {
		t.Fatalf("ParseSignature: %+v %v", s, err)
	}
	s, err = ParseSignature("f(uint256)(bool,string)")
	if err != nil || s.Canonical() != "f(uint256)" || joinTypes(s.Outputs) != "bool,string" {
		t.Fatalf("ParseSignature with results: %+v %v", s, err)
	}
	s, err = ParseSignature("g()()")
	if err != nil || s.Outputs == nil || len(s.Outputs) != 0 {
		t.Fatalf("ParseSignature g()(): %+v %v", s, err)
	}
	for _, bad := range []string{"f", "f(", "f(uint256)x", "1f()", "f(uint256)(bool", "f()()()"} {
		if _, err := ParseSignature(bad); err == nil {
			t.Errorf("ParseSignature(%q) succeeded, want error", bad)
		}
	}
}

func TestSelectorAndTopic(t *testing.T) {
	for sig, want := range map[string]string{
		"baz(uint32,bool)":                      "cdcd77c0", // ABI spec examples
		"bar(bytes3[2])":                        "fce353f6",
		"sam(bytes,bool,uint256[])":             "a5643bf2",
		"f(uint256,uint32[],bytes10,bytes)":     "8be65246",
		"transfer(address,uint256)":             "a9059cbb",
		"Error(string)":                         "08c379a0",
		"Panic(uint256)":                        "4e487b71",
		"transferFrom(address,address,uint256)": "23b872dd",
	} {
		got := Selector(sig)
		if hex.EncodeToString(got[:]) != want {
			t.Errorf("Selector(%s) = %x, want %s", sig, got, want)
		}
	}
	topic := EventTopic("Transfer(address,address,uint256)")
	if hex.EncodeToString(topic[:]) != "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef" {
		t.Errorf("EventTopic(Transfer) = %x", topic)
	}
}

// Expected encodings are written out by hand from the ABI specification.
func TestEncodeKnown(t *testing.T) {
	for _, tc := range []struct {
		sig  string
		args []string
		want []string
	}{
		{"baz(uint32,bool)", []string{"69", "true"}, []string{"cdcd77c0",
			"0000000000000000000000000000000000000000000000000000000000000045",
			"0000000000000000000000000000000000000000000000000000000000000001"}},
		{"bar(bytes3[2])", []string{"[0x616263,0x646566]"}, []string{"fce353f6",
			"6162630000000000000000000000000000000000000000000000000000000000",
			"6465660000000000000000000000000000000000000000000000000000000000"}},
		{"sam(bytes,bool,uint256[])", []string{`"dave"`, "true", "[1,2,3]"}, []string{"a5643bf2",
			"0000000000000000000000000000000000000000000000000000000000000060",
			"0000000000000000000000000000000000000000000000000000000000000001",
			"00000000000000000000000000000000000000000000000000000000000000a0",
			"0000000000000000000000000000000000000000000000000000000000000004",
			"6461766500000000000000000000000000000000000000000000000000000000",
			"0000000000000000000000000000000000000000000000000000000000000003",
			"0000000000000000000000000000000000000000000000000000000000000001",
			"0000000000000000000000000000000000000000000000000000000000000002",
			"0000000000000000000000000000000000000000000000000000000000000003"}},
		{"f(uint256,uint32[],bytes10,bytes)", []string{"0x123", "[0x456, 0x789]", "0x31323334353637383930", `"Hello, world!"`}, []string{"8be65246",
			"0000000000000000000000000000000000000000000000000000000000000123",
			"0000000000000000000000000000000000000000000000000000000000000080",
			"3132333435363738393000000000000000000000000000000000000000000000",
			"00000000000000000000000000000000000000000000000000000000000000e0",
			"0000000000000000000000000000000000000000000000000000000000000002",
			"0000000000000000000000000000000000000000000000000000000000000456",
			"0000000000000000000000000000000000000000000000000000000000000789",
			"000000000000000000000000000000000000000000000000000000000000000d",
			"48656c6c6f2c20776f726c642100000000000000000000000000000000000000"}},
		{"s(string)", []string{"abc"}, []string{"",
			"0000000000000000000000000000000000000000000000000000000000000020",
			"0000000000000000000000000000000000000000000000000000000000000003",
			"6162630000000000000000000000000000000000000000000000000000000000"}},
		// A dynamic array of dynamic tuples: each element is reached through
		// an offset relative to the start of the element area (after the length).
		{"g((uint256,string)[])", []string{`[(1,"a"),(2,"bc")]`}, []string{"",
			"0000000000000000000000000000000000000000000000000000000000000020",
			"0000000000000000000000000000000000000000000000000000000000000002",
			"0000000000000000000000000000000000000000000000000000000000000040",
			"00000000000000000000000000000000000000000000000000000000000000c0",
			"0000000000000000000000000000000000000000000000000000000000000001",
			"0000000000000000000000000000000000000000000000000000000000000040",
			"0000000000000000000000000000000000000000000000000000000000000001",
			"6100000000000000000000000000000000000000000000000000000000000000",
			"0000000000000000000000000000000000000000000000000000000000000002",
			"0000000000000000000000000000000000000000000000000000000000000040",
			"0000000000000000000000000000000000000000000000000000000000000002",
			"6263000000000000000000000000000000000000000000000000000000000000"}},
		{"n(int8,int256,address)", []string{"-1", "-0x10", "0x1212121212121212121212121212120000000012"}, []string{"",
			"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
			"fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0",
			"0000000000000000000000001212121212121212121212121212120000000012"}},
	} {
		sig, err := ParseSignature(tc.sig)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sig.EncodeCall(tc.args)
		if err != nil {
			t.Errorf("%s %v: %v", tc.sig, tc.args, err)
			continue
		}
		want := tc.want
		if want[0] == "" {
			sel := sig.Selector()
			want = append([]string{hex.EncodeToString(sel[:])}, want[1:]...)
		}
		if w := mustHex(t, want...); hex.EncodeToString(got) != hex.EncodeToString(w) {
			t.Errorf("%s %v:\n got %x\nwant %x", tc.sig, tc.args, got, w)
		}
		// Decoding gives back the same values.
		vals, err := Decode(sig.Inputs, got[4:])
		if err != nil {
			t.Errorf("decode %s: %v", tc.sig, err)
			continue
		}
		again, err := Encode(sig.Inputs, vals)
		if err != nil || hex.EncodeToString(again) != hex.EncodeToString(got[4:]) {
			t.Errorf("re-encode %s: %x %v", tc.sig, again, err)
		}
	}
}

func TestRoundTripAndFormat(t *testing.T) {
	for _, tc := range []struct {
		types string
		args  []string
		want  string // FormatValues of the decoded values
	}{
		{"uint8,int16,bool", []string{"255", "-32768", "false"}, "255, -32768, false"},
		{"uint256", []string{"115792089237316195423570985008687907853269984665640564039457584007913129639935"},
			"115792089237316195423570985008687907853269984665640564039457584007913129639935"},
		{"int256", []string{"-57896044618658097711785492504343953926634992332820282019728792003956564819968"},
			"-57896044618658097711785492504343953926634992332820282019728792003956564819968"},
		{"uint256", []string{"1e18"}, "1000000000000000000"},
		{"string,bytes", []string{`"a\"b\n"`, "0x"}, `"a\"b\n", 0x`},
		{"string[]", []string{`["x", "y,z", ""]`}, `["x", "y,z", ""]`},
		{"(uint256,(bool,bytes)[])", []string{"(7, [(true, 0x01), (false, 0x0203)])"}, "(7, [(true, 0x01), (false, 0x0203)])"},
		{"uint256[][2]", []string{"[[1,2],[]]"}, "[[1, 2], []]"},
		{"bytes4,function", []string{"0x12", "0x1212121212121212121212121212120000000012aabbccdd"},
			"0x12000000, 0x1212121212121212121212121212120000000012aabbccdd"},
		{"address[2][]", []string{"[[0x0000000000000000000000000000000000000001,0x0000000000000000000000000000000000000002]]"},
			"[[0x0000000000000000000000000000000000000001, 0x0000000000000000000000000000000000000002]]"},
		{"", nil, ""},
	} {
		types, err := ParseTypes(tc.types)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := EncodeArgs(types, tc.args)
		if err != nil {
			t.Errorf("encode %s %v: %v", tc.types, tc.args, err)
			continue
		}
		vals, err := Decode(types, enc)
		if err != nil {
			t.Errorf("decode %s: %v (%x)", tc.types, err, enc)
			continue
		}
		if got := FormatValues(vals); got != tc.want {
			t.Errorf("%s %v: printed %s, want %s", tc.types, tc.args, got, tc.want)
		}
	}
}

func TestParseValueErrors(t *testing.T) {
	for _, tc := range []struct{ typ, arg string }{
		{"uint8", "256"}, {"uint8", "-1"}, {"int8", "128"}, {"int8", "-129"}, {"uint256", "abc"},
		{"uint256", "0x"}, {"uint256", ""}, {"uint256", "1_000"}, {"bool", "1"}, {"address", "0x12"},
		{"address", "1212121212121212121212121212120000000012"}, {"bytes2", "0x123456"}, {"bytes", "0x1"},
		{"bytes", "zz"}, {"uint256[2]", "[1]"}, {"uint256[]", "[1,[2]"}, {"(uint256,bool)", "(1)"},
		{"uint256[]", "1,2"}, {"string", `"unterminated`}, {"(bool)", "(true"}, {"uint256[]", "[1,2)"},
	} {
		ty, err := ParseType(tc.typ)
		if err != nil {
			t.Fatal(err)
		}
		if v, err := ParseValue(ty, tc.arg); err == nil {
			t.Errorf("ParseValue(%s, %q) = %v, want error", tc.typ, tc.arg, v)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	word := func(s string) string { return strings.Repeat("0", 64-len(s)) + s }
	for _, tc := range []struct {
		types string
		data  []string
	}{
		{"uint256", []string{"00"}},
		{"uint8", []string{word("100")}},
		{"int8", []string{word("80")}},
		{"bool", []string{word("2")}},
		{"address", []string{"01" + strings.Repeat("0", 62)}},
		{"bytes1", []string{"0101" + strings.Repeat("0", 60)}},
		{"string", []string{word("40")}},
		{"string", []string{word("20"), word("21"), word("0")}},
		{"uint256[]", []string{word("20"), word("ffffffff")}},
		{"uint256[]", []string{word("20"), "ff" + word("1")[2:]}},
		{"bytes", []string{word("20"), word("ffffffffffffffffffffffffffffffff")}},
	} {
		types, err := ParseTypes(tc.types)
		if err != nil {
			t.Fatal(err)
		}
		if v, err := Decode(types, mustHex(t, tc.data...)); err == nil {
			t.Errorf("Decode(%s, %v) = %v, want error", tc.types, tc.data, v)
		}
	}
}

func TestRevert(t *testing.T) {
	word := func(s string) string { return strings.Repeat("0", 64-len(s)) + s }
	for _, tc := range []struct {
		data []string
		want string
	}{
		{nil, "(no data)"},
		{[]string{"4e487b71", word("11")}, "Panic(0x11): arithmetic overflow or underflow"},
		{[]string{"4e487b71", word("01")}, "Panic(0x01): assertion failed"},
		{[]string{"4e487b71", word("12")}, "Panic(0x12): division or modulo by zero"},
		{[]string{"4e487b71", word("21")}, "Panic(0x21): invalid enum conversion"},
		{[]string{"4e487b71", word("22")}, "Panic(0x22): incorrectly encoded storage byte array"},
		{[]string{"4e487b71", word("31")}, "Panic(0x31): pop() on an empty array"},
		{[]string{"4e487b71", word("32")}, "Panic(0x32): array index out of bounds"},
		{[]string{"4e487b71", word("41")}, "Panic(0x41): too much memory allocated"},
		{[]string{"4e487b71", word("51")}, "Panic(0x51): call to a zero-initialized internal function"},
		{[]string{"4e487b71", word("99")}, "Panic(0x99)"},
		{[]string{"08c379a0", word("20"), word("13"), "5472616e73616374696f6e206661696c65642e" + strings.Repeat("0", 26)},
			`Error("Transaction failed.")`},
		{[]string{"08c379a0", word("20")}, "0x08c379a00000000000000000000000000000000000000000000000000000000000000020"},
		{[]string{"cafe"}, "0xcafe"},
	} {
		if got := FormatRevert(mustHex(t, tc.data...)); got != tc.want {
			t.Errorf("FormatRevert(%v) = %s, want %s", tc.data, got, tc.want)
		}
	}
}

func TestJSON(t *testing.T) {
	es, err := ParseJSON([]byte(`[{"anonymous":false,"inputs":[{"indexed":true,"internalType":"address","name":"from","type":"address"},
	{"components":[{"name":"a","type":"uint256"},{"name":"b","type":"bytes[]"}],"indexed":false,"name":"s","type":"tuple[2]"}],"name":"E","type":"event"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if got := es[0].Signature(); got != "E(address,(uint256,bytes[])[2])" {
		t.Errorf("Signature = %s", got)
	}
	if _, err := ParseJSON([]byte(`{`)); err == nil {
		t.Error("ParseJSON accepted bad JSON")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("(uint256,bytes)[]", []byte{})
	f.Add("string", mustHexF("0000000000000000000000000000000000000000000000000000000000000020"))
	f.Fuzz(func(t *testing.T, typ string, data []byte) {
		types, err := ParseTypes(typ)
		if err != nil {
			return
		}
		vals, err := Decode(types, data)
		if err != nil {
			return
		}
		if _, err := Encode(types, vals); err != nil {
			t.Fatalf("decoded values do not re-encode: %v", err)
		}
	})
}

func mustHexF(s string) []byte {
	b, _ := hex.DecodeString(s)
	return b
}

func TestDecodeOutputs(t *testing.T) {
	sig, err := ParseSignature("f(uint256)(bool,string)")
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeArgs(sig.Outputs, []string{"true", "hi"})
	if err != nil {
		t.Fatal(err)
	}
	vals, err := sig.DecodeOutputs(data)
	if err != nil || FormatValues(vals) != `true, "hi"` {
		t.Errorf("DecodeOutputs = %v, %v", vals, err)
	}
	if _, err := (Signature{Name: "g"}).DecodeOutputs(data); err == nil {
		t.Error("DecodeOutputs without result types succeeded")
	}
}
