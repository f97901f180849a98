package syntaxtest

import (
	"strings"

	"github.com/soll-dev/soll/frontend/source"
	"github.com/soll-dev/soll/frontend/yul"
)

// SkipYul says why a yulSyntaxTests file is not run ("" when it is): other
// dialects and EOF bytecode are outside soll's Yul.
func SkipYul(f *File) string {
	if d := f.Settings["dialect"]; d != "" && d != "evm" {
		return "dialect " + d
	}
	if b := f.Settings["bytecodeFormat"]; strings.Contains(b, "EOF") {
		return "bytecodeFormat " + b
	}
	return ""
}

// RunYul parses and analyzes a yulSyntaxTests file with soll's Yul frontend
// and compares the errors with solc's.
func RunYul(f *File) (Outcome, error) {
	v, err := f.Version()
	if err != nil {
		return Outcome{}, err
	}
	var log source.Log
	file := source.NewFile(f.Name, f.Src)
	if obj := yul.ParseVersion(file, v, &log); obj != nil {
		yul.Analyze(obj, v, &log)
	}
	return f.Compare(log.Errors()), nil
}
