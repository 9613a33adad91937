package importarm

import (
	"strings"
)

// logicalFunctions are the logical and comparison functions (if is
// evaluated lazily by the evaluator itself).
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
func logicalFunctions() Functions {
	return Functions{
		"true":  fixed(0, func(*Call, []Value) (Value, error) { return BoolValue(true), nil }),
		"false": fixed(0, func(*Call, []Value) (Value, error) { return BoolValue(false), nil }),
		"null":  fixed(0, func(*Call, []Value) (Value, error) { return Value{}, nil }),
		"not": fixed(1, func(_ *Call, args []Value) (Value, error) {
			b, err := argBool(args, 0)
			return BoolValue(!b), err
		}),
		"and": between(2, -1, func(_ *Call, args []Value) (Value, error) {
			out := true
			for i := range args {
				b, err := argBool(args, i)
				if err != nil {
					return Value{}, err
				}
				out = out && b
			}
			return BoolValue(out), nil
		}),
		"or": between(2, -1, func(_ *Call, args []Value) (Value, error) {
			out := false
			for i := range args {
				b, err := argBool(args, i)
				if err != nil {
					return Value{}, err
				}
				out = out || b
			}
			return BoolValue(out), nil
		}),
		"bool": fixed(1, func(_ *Call, args []Value) (Value, error) {
			switch v := args[0]; v.kind {
			case Bool:
				return v, nil
			case Int:
				return BoolValue(v.i != 0), nil
			case String:
				switch strings.ToLower(v.s) {
				case "true":
					return BoolValue(true), nil
				case "false":
					return BoolValue(false), nil
				}
				return Value{}, errorf("use 'true' or 'false'", "cannot convert %q to bool", v.s)
			}
			return Value{}, typeError(0, args[0], "string, int or bool")
		}),
		"equals":          fixed(2, func(_ *Call, args []Value) (Value, error) { return BoolValue(equal(args[0], args[1])), nil }),
		"greater":         comparison(func(c int) bool { return c > 0 }),
		"greaterOrEquals": comparison(func(c int) bool { return c >= 0 }),
		"less":            comparison(func(c int) bool { return c < 0 }),
		"lessOrEquals":    comparison(func(c int) bool { return c <= 0 }),
		"coalesce": {Min: 1, Max: -1, KeepsUnknown: true, Call: func(_ *Call, args []Value) (Value, error) {
			for _, a := range args {
				if a.kind == Unknown {
					return a, nil // it may or may not be null
				}
				if a.kind != Null {
					return a, nil
				}
			}
			return Value{}, nil
		}},
	}
}

// comparison compares two ints or two strings (ordinal).
func comparison(ok func(int) bool) Function {
	return fixed(2, func(_ *Call, args []Value) (Value, error) {
		a, b := args[0], args[1]
		switch {
		case a.kind == Int && b.kind == Int:
			return BoolValue(ok(cmpInt(a.i, b.i))), nil
		case a.kind == String && b.kind == String:
			return BoolValue(ok(strings.Compare(a.s, b.s))), nil
		}
		return Value{}, errorf("compare two integers or two strings", "cannot compare %s with %s", a.kind, b.kind)
	})
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
