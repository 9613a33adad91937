package importarm

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// collectionFunctions are ARM's array and object functions.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
func collectionFunctions() Functions {
	return Functions{
		"array": {Min: 1, Max: 1, KeepsUnknown: true, Structural: true, Call: func(_ *Call, args []Value) (Value, error) {
			if args[0].kind == Array {
				return args[0], nil
			}
			return ArrayValue([]Value{args[0]}), nil
		}},
		"createArray": {Min: 0, Max: -1, KeepsUnknown: true, Structural: true, Call: func(_ *Call, args []Value) (Value, error) {
			return ArrayValue(slices.Clone(args)), nil
		}},
		"createObject": {Min: 0, Max: -1, KeepsUnknown: true, Structural: true, Call: func(_ *Call, args []Value) (Value, error) {
			if len(args)%2 != 0 {
				return Value{}, errorf("createObject(key1, value1, key2, value2, ...)", "odd number of arguments")
			}
			o := &Obj{}
			for i := 0; i < len(args); i += 2 {
				k, err := argString(args, i)
				if err != nil {
					return Value{}, err
				}
				o.set(k, args[i+1])
			}
			return ObjectValue(o), nil
		}},
		"empty": structural(1, func(_ *Call, args []Value) (Value, error) {
			switch v := args[0]; v.kind {
			case Null:
				return BoolValue(true), nil
			case String:
				return BoolValue(v.s == ""), nil
			case Array:
				return BoolValue(len(v.arr) == 0), nil
			case Object:
				return BoolValue(len(v.obj.Keys) == 0), nil
			}
			return Value{}, typeError(0, args[0], "string, array or object")
		}),
		"length": structural(1, func(_ *Call, args []Value) (Value, error) {
			switch v := args[0]; v.kind {
			case String:
				return IntValue(int64(utf8.RuneCountInString(v.s))), nil
			case Array:
				return IntValue(int64(len(v.arr))), nil
			case Object:
				return IntValue(int64(len(v.obj.Keys))), nil
			}
			return Value{}, typeError(0, args[0], "string, array or object")
		}),
		"contains": fixed(2, func(_ *Call, args []Value) (Value, error) {
			switch c := args[0]; c.kind {
			case String:
				return BoolValue(strings.Contains(c.s, toText(args[1]))), nil
			case Array:
				return BoolValue(slices.ContainsFunc(c.arr, func(x Value) bool { return equal(x, args[1]) })), nil
			case Object:
				k, err := argString(args, 1)
				if err != nil {
					return Value{}, err
				}
				_, ok := c.obj.Get(k)
				return BoolValue(ok), nil
			}
			return Value{}, typeError(0, args[0], "string, array or object")
		}),
		"first": structural(1, func(_ *Call, args []Value) (Value, error) { return edge(args[0], false) }),
		"last":  structural(1, func(_ *Call, args []Value) (Value, error) { return edge(args[0], true) }),
		"take":  structural(2, func(_ *Call, args []Value) (Value, error) { return slice(args, true) }),
		"skip":  structural(2, func(_ *Call, args []Value) (Value, error) { return slice(args, false) }),
		"union": between(1, -1, func(_ *Call, args []Value) (Value, error) {
			return setOp(args, false)
		}),
		"intersection": between(1, -1, func(_ *Call, args []Value) (Value, error) {
			return setOp(args, true)
		}),
		"range": fixed(2, func(_ *Call, args []Value) (Value, error) {
			start, err := argInt(args, 0)
			if err != nil {
				return Value{}, err
			}
			count, err := argInt(args, 1)
			if err != nil {
				return Value{}, err
			}
			// ARM limits count to 10000 and start+count to 2147483647.
			if count < 0 || count > 10000 || start+count > 2147483647 {
				return Value{}, errorf("count must be 0 to 10000 and start+count at most 2147483647", "range(%d, %d) is out of bounds", start, count)
			}
			out := make([]Value, count)
			for i := range out {
				out[i] = IntValue(start + int64(i))
			}
			return ArrayValue(out), nil
		}),
		"items": structural(1, func(_ *Call, args []Value) (Value, error) {
			if args[0].kind != Object {
				return Value{}, typeError(0, args[0], "object")
			}
			o := args[0].obj
			idx := make([]int, len(o.Keys))
			for i := range idx {
				idx[i] = i
			}
			// ARM returns the entries sorted by key.
			slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(strings.ToLower(o.Keys[a]), strings.ToLower(o.Keys[b])) })
			out := make([]Value, len(idx))
			for i, j := range idx {
				out[i] = object("key", StringValue(o.Keys[j]), "value", o.Vals[j])
			}
			return ArrayValue(out), nil
		}),
		"objectKeys": structural(1, func(_ *Call, args []Value) (Value, error) {
			if args[0].kind != Object {
				return Value{}, typeError(0, args[0], "object")
			}
			out := make([]Value, len(args[0].obj.Keys))
			for i, k := range args[0].obj.Keys {
				out[i] = StringValue(k)
			}
			return ArrayValue(out), nil
		}),
		"join": fixed(2, func(_ *Call, args []Value) (Value, error) {
			if args[0].kind != Array {
				return Value{}, typeError(0, args[0], "array")
			}
			sep, err := argString(args, 1)
			if err != nil {
				return Value{}, err
			}
			parts := make([]string, len(args[0].arr))
			for i, x := range args[0].arr {
				if x.kind == Unknown {
					return x, nil
				}
				parts[i] = toText(x)
			}
			return StringValue(strings.Join(parts, sep)), nil
		}),
	}
}

// edge is first() or last() of a string or array; empty gives "" or null.
func edge(v Value, last bool) (Value, error) {
	switch v.kind {
	case String:
		rs := []rune(v.s)
		if len(rs) == 0 {
			return StringValue(""), nil
		}
		if last {
			return StringValue(string(rs[len(rs)-1])), nil
		}
		return StringValue(string(rs[0])), nil
	case Array:
		if len(v.arr) == 0 {
			return Value{}, nil
		}
		if last {
			return v.arr[len(v.arr)-1], nil
		}
		return v.arr[0], nil
	}
	return Value{}, typeError(0, v, "string or array")
}

// slice is take() or skip(); counts outside the range are clamped, as ARM does.
func slice(args []Value, take bool) (Value, error) {
	n, err := argInt(args, 1)
	if err != nil {
		return Value{}, err
	}
	cut := func(l int) (int, int) {
		k := int(max(0, min(n, int64(l))))
		if take {
			return 0, k
		}
		return k, l
	}
	switch v := args[0]; v.kind {
	case String:
		rs := []rune(v.s)
		a, b := cut(len(rs))
		return StringValue(string(rs[a:b])), nil
	case Array:
		a, b := cut(len(v.arr))
		return ArrayValue(slices.Clone(v.arr[a:b])), nil
	}
	return Value{}, typeError(0, args[0], "string or array")
}

// setOp is union (or intersection) of arrays or of objects. union merges
// objects key by key, later arguments winning, and nested objects deeply.
func setOp(args []Value, intersect bool) (Value, error) {
	kind := args[0].kind
	if kind != Array && kind != Object {
		return Value{}, typeError(0, args[0], "array or object")
	}
	for i, a := range args {
		if a.kind != kind {
			return Value{}, typeError(i, a, kind.String()+" like the first argument")
		}
	}
	if kind == Array {
		var out []Value
		has := func(x Value) bool { return slices.ContainsFunc(out, func(y Value) bool { return equal(x, y) }) }
		if !intersect {
			for _, a := range args {
				for _, x := range a.arr {
					if !has(x) {
						out = append(out, x)
					}
				}
			}
			return ArrayValue(out), nil
		}
		for _, x := range args[0].arr {
			inAll := true
			for _, a := range args[1:] {
				if !slices.ContainsFunc(a.arr, func(y Value) bool { return equal(x, y) }) {
					inAll = false
					break
				}
			}
			if inAll && !has(x) {
				out = append(out, x)
			}
		}
		return ArrayValue(out), nil
	}
	if intersect {
		o := &Obj{}
		for i, k := range args[0].obj.Keys {
			v := args[0].obj.Vals[i]
			inAll := true
			for _, a := range args[1:] {
				w, ok := a.obj.Get(k)
				if !ok || !equal(v, w) {
					inAll = false
					break
				}
			}
			if inAll {
				o.set(k, v)
			}
		}
		return ObjectValue(o), nil
	}
	out := ObjectValue(&Obj{})
	for _, a := range args {
		out = mergeObjects(out, a)
	}
	return out, nil
}

func mergeObjects(a, b Value) Value {
	o := &Obj{Keys: slices.Clone(a.obj.Keys), Vals: slices.Clone(a.obj.Vals)}
	for i, k := range b.obj.Keys {
		v := b.obj.Vals[i]
		if old, ok := o.Get(k); ok && old.kind == Object && v.kind == Object {
			v = mergeObjects(old, v)
		}
		o.set(k, v)
	}
	return ObjectValue(o)
}

// structural builds a Function of n arguments that only counts or moves
// elements, so unknowns inside its arguments do not make it unknown.
func structural(n int, call func(c *Call, args []Value) (Value, error)) Function {
	return Function{Min: n, Max: n, Structural: true, Call: call}
}
