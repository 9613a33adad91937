package importarm

import (
	"math"
	"strconv"
	"strings"
)

// numericFunctions are ARM's integer functions.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
func numericFunctions() Functions {
	return Functions{
		"add": arith(func(a, b int64) (int64, error) { return a + b, nil }),
		"sub": arith(func(a, b int64) (int64, error) { return a - b, nil }),
		"mul": arith(func(a, b int64) (int64, error) { return a * b, nil }),
		"div": arith(func(a, b int64) (int64, error) {
			if b == 0 {
				return 0, errorf("", "division by zero")
			}
			if a == math.MinInt64 && b == -1 {
				return 0, errorf("", "integer overflow")
			}
			return a / b, nil
		}),
		"mod": arith(func(a, b int64) (int64, error) {
			if b == 0 {
				return 0, errorf("", "division by zero")
			}
			if b == -1 {
				return 0, nil
			}
			return a % b, nil
		}),
		"int": fixed(1, func(_ *Call, args []Value) (Value, error) {
			switch v := args[0]; v.kind {
			case Int:
				return v, nil
			case Float:
				return IntValue(int64(v.f)), nil
			case String:
				n, err := strconv.ParseInt(strings.TrimSpace(v.s), 10, 64)
				if err != nil {
					return Value{}, errorf("give a string of digits, e.g. '42'", "cannot convert %q to int", v.s)
				}
				return IntValue(n), nil
			}
			return Value{}, typeError(0, args[0], "string or int")
		}),
		"min": extremum(func(a, b int64) bool { return a < b }),
		"max": extremum(func(a, b int64) bool { return a > b }),
	}
}

func arith(op func(a, b int64) (int64, error)) Function {
	return fixed(2, func(_ *Call, args []Value) (Value, error) {
		a, err := argInt(args, 0)
		if err != nil {
			return Value{}, err
		}
		b, err := argInt(args, 1)
		if err != nil {
			return Value{}, err
		}
		r, err := op(a, b)
		return IntValue(r), err
	})
}

// extremum is min or max over ints or one array of ints.
func extremum(better func(a, b int64) bool) Function {
	return between(1, -1, func(_ *Call, args []Value) (Value, error) {
		vs := args
		if len(args) == 1 && args[0].kind == Array {
			vs = args[0].arr
		}
		if len(vs) == 0 {
			return Value{}, errorf("", "no values")
		}
		best := int64(0)
		for i, v := range vs {
			if v.kind == Unknown {
				return v, nil
			}
			if v.kind != Int {
				return Value{}, typeError(i, v, "int")
			}
			if i == 0 || better(v.i, best) {
				best = v.i
			}
		}
		return IntValue(best), nil
	})
}
