package importarm

import (
	"strings"
)

// NewFunctions returns the registry of ARM template functions enclave
// evaluates. Functions whose names start with "list" (listKeys,
// listSecrets, ...) need no entry: any of them yields an unknown.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
func NewFunctions() Functions {
	fs := Functions{}
	for _, part := range []Functions{deploymentFunctions(), logicalFunctions(), stringFunctions(), collectionFunctions(), numericFunctions(), cidrFunctions()} {
		for name, f := range part {
			fs[strings.ToLower(name)] = f
		}
	}
	return fs
}

// listFunction is every list*() action: runtime data, so unknown.
var listFunction = Function{Min: 0, Max: -1, KeepsUnknown: true, Call: func(c *Call, args []Value) (Value, error) {
	u := UnknownValue{Cause: CauseList, Expr: c.Text, Pos: c.Pos}
	if len(args) > 0 && args[0].Kind() == String && strings.HasPrefix(args[0].Str(), "/") {
		u.Target = args[0].Str()
	}
	return unknownValue(u), nil
}}

// fixed builds a Function taking exactly n arguments.
func fixed(n int, call func(c *Call, args []Value) (Value, error)) Function {
	return Function{Min: n, Max: n, Call: call}
}

// between builds a Function taking min to max arguments (max < 0: any).
func between(min, max int, call func(c *Call, args []Value) (Value, error)) Function {
	return Function{Min: min, Max: max, Call: call}
}

func typeError(i int, got Value, want string) error {
	return errorf("", "argument %d is %s, want %s", i+1, got.kind, want)
}

func argString(args []Value, i int) (string, error) {
	if args[i].kind != String {
		return "", typeError(i, args[i], "string")
	}
	return args[i].s, nil
}

func argInt(args []Value, i int) (int64, error) {
	if args[i].kind != Int {
		return 0, typeError(i, args[i], "int")
	}
	return args[i].i, nil
}

func argBool(args []Value, i int) (bool, error) {
	if args[i].kind != Bool {
		return false, typeError(i, args[i], "bool")
	}
	return args[i].b, nil
}

func argStrings(args []Value) ([]string, error) {
	out := make([]string, len(args))
	for i := range args {
		s, err := argString(args, i)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// toText is a value as string(), concat and format print it: strings as
// they are, booleans as .NET prints them ("True"; ARM's string(true()) is
// "True", https://github.com/Azure/PSRule.Rules.Azure/issues/793), arrays
// and objects as compact JSON.
func toText(v Value) string {
	switch v.kind {
	case String:
		return v.s
	case Null:
		return ""
	case Bool:
		if v.b {
			return "True"
		}
		return "False"
	}
	return compactJSON(v)
}
