package solidity

import (
	"strings"
	"testing"
)

func lexAll(src string) []token {
	l := lexer{src: src}
	var out []token
	for {
		t := l.next()
		out = append(out, t)
		if t.kind == EOS || len(out) > 1000 {
			return out
		}
	}
}

func TestLexerTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string // kinds, space separated; "ILLEGAL:err-text" for errors
	}{
		{"a >>>= b >>= c >>> d >> e", "Identifier >>>= Identifier >>= Identifier >>> Identifier >> Identifier EOS"},
		{"x := y => z -> w", "Identifier := Identifier => Identifier -> Identifier EOS"},
		{"uint8 uint256 uint7 int0 bytes32 bytes33 fixed128x18 ufixed8x80 fixed8x81 uint08", "uintM uintM Identifier Identifier bytesM Identifier fixedMxN ufixedMxN Identifier Identifier EOS"},
		{"1 1.5 .5 1e10 1E-3 0x1f 1_000 2.", "Number Number Number Number Number Number Number Number . EOS"},
		{"01", "ILLEGAL:Octal numbers not allowed. Number EOS"},
		{"1a", "ILLEGAL:Identifier-start is not allowed at end of a number. Identifier EOS"},
		{"0x", "ILLEGAL:Hexadecimal digit missing or invalid. EOS"},
		{"1e", "ILLEGAL:Invalid exponent. EOS"},
		{`"a\"b" 'c' unicode"é" hex"00_ff" hex'0a'`, "StringLiteral StringLiteral UnicodeStringLiteral HexStringLiteral HexStringLiteral EOS"},
		{`"é"`, "ILLEGAL:Invalid character in string. If you are trying to use Unicode characters, use a unicode\"...\" string literal. ILLEGAL:Invalid token. ILLEGAL:Expected string end-quote. EOS"},
		{`"abc`, "ILLEGAL:Expected string end-quote. EOS"},
		{`"\q"`, "ILLEGAL:Invalid escape sequence. ILLEGAL:Expected string end-quote. EOS"},
		{`hex"abc"`, "ILLEGAL:Expected even number of hex-nibbles. Identifier ILLEGAL:Expected string end-quote. EOS"},
		{`hex"_ab"`, "ILLEGAL:Invalid use of number separator '_'. Identifier ILLEGAL:Expected string end-quote. EOS"},
		{"hex x", "ILLEGAL:Invalid token. Identifier EOS"},
		{"/* unterminated", "ILLEGAL:Expected multi-line comment-terminator. EOS"},
		{"a /* c */ b // d\n c", "Identifier Identifier Identifier EOS"},
		{"contract error revert transient global from layout", "contract Identifier Identifier Identifier Identifier Identifier Identifier EOS"},
		{"let class forall", "let Identifier Identifier EOS"},
		{"# @", "ILLEGAL:Invalid token. ILLEGAL:Invalid token. EOS"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range lexAll(tt.src) {
			s := tok.kind.String()
			if tok.kind == Illegal {
				s += ":" + tok.err.String()
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, g, tt.want)
		}
	}
}

func TestLexerSpansAndDocs(t *testing.T) {
	src := "/// one\n/// two\nfunction /** three */ f"
	toks := lexAll(src)
	if toks[0].kind != Function || toks[0].start != 16 || toks[0].end != 24 {
		t.Fatalf("function token = %+v", toks[0])
	}
	if got := docText(src[toks[0].docStart:toks[0].docEnd]); got != "one\n two" {
		t.Errorf("doc of function = %q", got)
	}
	if got := docText(src[toks[1].docStart:toks[1].docEnd]); got != "three " {
		t.Errorf("doc of f = %q", got)
	}
}

func TestDecodeLiterals(t *testing.T) {
	for raw, want := range map[string]string{
		`"a\nb"`:       "a\nb",
		`'\x41\u00e9'`: "Aé",
		`"\'\"\\"`:     `'"\`,
		"\"a\\\nb\"":   "ab",
	} {
		if got := decodeString(raw); got != want {
			t.Errorf("decodeString(%s) = %q, want %q", raw, got, want)
		}
	}
	if got := decodeHex(`"00_ff"`); got != "\x00\xff" {
		t.Errorf("decodeHex = %q", got)
	}
}

func TestBidiCheck(t *testing.T) {
	const rlo, pdf = "\u202e", "\u202c"
	if e := bidiCheck("a" + rlo + "b" + pdf); e != noScanError {
		t.Errorf("balanced: %v", e)
	}
	if e := bidiCheck(pdf); e != errDirectionalOverrideUnderflow {
		t.Errorf("underflow: %v", e)
	}
	if e := bidiCheck(rlo); e != errDirectionalOverrideMismatch {
		t.Errorf("mismatch: %v", e)
	}
}
