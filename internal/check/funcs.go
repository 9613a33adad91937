package check

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// function is a template function. impl receives evaluated arguments; lazy,
// when set, evaluates them itself (if, coalesce).
type function struct {
	min, max int // max < 0: variadic
	impl     func(x *evalCtx, args []any) (any, error)
	lazy     func(x *evalCtx, args []expr) (any, error)
}

func (f *function) arity() string {
	switch {
	case f.max < 0:
		return fmt.Sprintf("at least %d", f.min)
	case f.min == f.max:
		return strconv.Itoa(f.min)
	}
	return fmt.Sprintf("%d to %d", f.min, f.max)
}

// functions returns the template functions the evaluator implements: the
// ARM functions policy rules may use and the policy-only ones (field,
// current, ipRangeContains, addDays, requestContext, policy). See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
// and https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
func functions() map[string]*function {
	f := func(min, max int, impl func(x *evalCtx, args []any) (any, error)) *function {
		return &function{min: min, max: max, impl: impl}
	}
	pure := func(min, max int, impl func(args []any) (any, error)) *function {
		return f(min, max, func(_ *evalCtx, args []any) (any, error) { return impl(args) })
	}
	str1 := func(g func(string) any) *function {
		return pure(1, 1, func(a []any) (any, error) {
			s, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("want a string, got %s", typeName(a[0]))
			}
			return g(s), nil
		})
	}
	cmp := func(want func(int) bool) *function {
		return pure(2, 2, func(a []any) (any, error) {
			c, err := compareValues(a[0], a[1])
			if err != nil {
				return nil, err
			}
			return want(c), nil
		})
	}
	return map[string]*function{
		// Policy functions.
		"parameters": f(1, 1, func(x *evalCtx, a []any) (any, error) {
			name, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("parameter name is %s", typeName(a[0]))
			}
			return x.param(name)
		}),
		"field": f(1, 1, func(x *evalCtx, a []any) (any, error) {
			name, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("field name is %s", typeName(a[0]))
			}
			return x.fieldFunc(name)
		}),
		"current":         f(0, 1, func(x *evalCtx, a []any) (any, error) { return x.currentValue(a) }),
		"requestcontext":  f(0, 0, func(x *evalCtx, _ []any) (any, error) { return x.requestContext(), nil }),
		"policy":          f(0, 0, func(x *evalCtx, _ []any) (any, error) { return x.policyInfo(), nil }),
		"subscription":    f(0, 0, func(x *evalCtx, _ []any) (any, error) { return subscriptionObject(), nil }),
		"resourcegroup":   f(0, 0, func(x *evalCtx, _ []any) (any, error) { return x.resourceGroup(), nil }),
		"iprangecontains": pure(2, 2, ipRangeContains),
		"adddays":         pure(2, 2, addDays),
		"utcnow": f(0, 1, func(x *evalCtx, a []any) (any, error) {
			return x.now.UTC().Format("2006-01-02T15:04:05.0000000Z"), nil
		}),
		// Logical and comparison.
		"if": {min: 3, max: 3, lazy: func(x *evalCtx, args []expr) (any, error) {
			c, err := args[0].eval(x)
			if err != nil {
				return nil, err
			}
			b, ok := toBool(c)
			if !ok {
				return nil, fmt.Errorf("if: condition is %s", typeName(c))
			}
			if b {
				return args[1].eval(x)
			}
			return args[2].eval(x)
		}},
		"coalesce": {min: 1, max: -1, lazy: func(x *evalCtx, args []expr) (any, error) {
			for _, a := range args {
				v, err := a.eval(x)
				if err != nil {
					return nil, err
				}
				if v != nil {
					return v, nil
				}
			}
			return nil, nil
		}},
		"and": {min: 1, max: -1, lazy: func(x *evalCtx, args []expr) (any, error) {
			for _, a := range args {
				b, err := evalBool(x, a)
				if err != nil || !b {
					return false, err
				}
			}
			return true, nil
		}},
		"or": {min: 1, max: -1, lazy: func(x *evalCtx, args []expr) (any, error) {
			for _, a := range args {
				b, err := evalBool(x, a)
				if err != nil || b {
					return b, err
				}
			}
			return false, nil
		}},
		"not": pure(1, 1, func(a []any) (any, error) {
			b, ok := toBool(a[0])
			if !ok {
				return nil, fmt.Errorf("not: argument is %s", typeName(a[0]))
			}
			return !b, nil
		}),
		"equals":          pure(2, 2, func(a []any) (any, error) { return deepEqual(a[0], a[1], false), nil }),
		"less":            cmp(func(c int) bool { return c < 0 }),
		"lessorequals":    cmp(func(c int) bool { return c <= 0 }),
		"greater":         cmp(func(c int) bool { return c > 0 }),
		"greaterorequals": cmp(func(c int) bool { return c >= 0 }),
		"bool": pure(1, 1, func(a []any) (any, error) {
			if b, ok := toBool(a[0]); ok {
				return b, nil
			}
			return nil, fmt.Errorf("cannot convert %s to bool", typeName(a[0]))
		}),
		// Strings and arrays.
		"concat":  pure(1, -1, concat),
		"tolower": str1(func(s string) any { return strings.ToLower(s) }),
		"toupper": str1(func(s string) any { return strings.ToUpper(s) }),
		"trim":    str1(func(s string) any { return strings.TrimSpace(s) }),
		"string":  pure(1, 1, func(a []any) (any, error) { return toString(a[0]), nil }),
		"int": pure(1, 1, func(a []any) (any, error) {
			switch t := a[0].(type) {
			case float64:
				return math.Trunc(t), nil
			case string:
				n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
				if err != nil {
					return nil, fmt.Errorf("int: %q is not an integer", t)
				}
				return float64(n), nil
			}
			return nil, fmt.Errorf("int: cannot convert %s", typeName(a[0]))
		}),
		"split": pure(2, 2, func(a []any) (any, error) {
			s, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("split: first argument is %s", typeName(a[0]))
			}
			var seps []string
			switch d := a[1].(type) {
			case string:
				seps = []string{d}
			case []any:
				for _, e := range d {
					if es, ok := e.(string); ok {
						seps = append(seps, es)
					}
				}
			default:
				return nil, fmt.Errorf("split: delimiter is %s", typeName(a[1]))
			}
			return splitAny(s, seps), nil
		}),
		"replace": pure(3, 3, func(a []any) (any, error) {
			s, ok1 := a[0].(string)
			o, ok2 := a[1].(string)
			n, ok3 := a[2].(string)
			if !ok1 || !ok2 || !ok3 {
				return nil, fmt.Errorf("replace: arguments must be strings")
			}
			return strings.ReplaceAll(s, o, n), nil
		}),
		"substring": pure(1, 3, func(a []any) (any, error) {
			s, ok := a[0].(string)
			if !ok {
				return nil, fmt.Errorf("substring: %s", typeName(a[0]))
			}
			start, length := 0, -1
			if len(a) > 1 {
				start, _ = toInt(a[1])
			}
			if len(a) > 2 {
				length, _ = toInt(a[2])
			}
			if start < 0 || start > len(s) || (length >= 0 && start+length > len(s)) {
				return nil, fmt.Errorf("substring: range out of bounds")
			}
			if length < 0 {
				return s[start:], nil
			}
			return s[start : start+length], nil
		}),
		"startswith": pure(2, 2, func(a []any) (any, error) {
			s, t := toString(a[0]), toString(a[1])
			return strings.HasPrefix(strings.ToLower(s), strings.ToLower(t)), nil
		}),
		"endswith": pure(2, 2, func(a []any) (any, error) {
			s, t := toString(a[0]), toString(a[1])
			return strings.HasSuffix(strings.ToLower(s), strings.ToLower(t)), nil
		}),
		"indexof": pure(2, 2, func(a []any) (any, error) {
			return float64(strings.Index(strings.ToLower(toString(a[0])), strings.ToLower(toString(a[1])))), nil
		}),
		"lastindexof": pure(2, 2, func(a []any) (any, error) {
			return float64(strings.LastIndex(strings.ToLower(toString(a[0])), strings.ToLower(toString(a[1])))), nil
		}),
		"padleft": pure(2, 3, padLeft),
		"empty":   pure(1, 1, func(a []any) (any, error) { return isEmpty(a[0]), nil }),
		"length": pure(1, 1, func(a []any) (any, error) {
			switch t := a[0].(type) {
			case string:
				return float64(len([]rune(t))), nil
			case []any:
				return float64(len(t)), nil
			case map[string]any:
				return float64(len(t)), nil
			}
			return nil, fmt.Errorf("length of %s", typeName(a[0]))
		}),
		"contains": pure(2, 2, func(a []any) (any, error) {
			switch t := a[0].(type) {
			case string:
				return strings.Contains(t, toString(a[1])), nil
			case []any:
				for _, e := range t {
					if deepEqual(e, a[1], false) {
						return true, nil
					}
				}
				return false, nil
			case map[string]any:
				_, ok := getProp(t, toString(a[1]))
				return ok, nil
			}
			return nil, fmt.Errorf("contains: container is %s", typeName(a[0]))
		}),
		"first": pure(1, 1, func(a []any) (any, error) { return firstLast(a[0], true) }),
		"last":  pure(1, 1, func(a []any) (any, error) { return firstLast(a[0], false) }),
		"take": pure(2, 2, func(a []any) (any, error) {
			n, _ := toInt(a[1])
			return takeSkip(a[0], n, true)
		}),
		"skip": pure(2, 2, func(a []any) (any, error) {
			n, _ := toInt(a[1])
			return takeSkip(a[0], n, false)
		}),
		"createarray": pure(0, -1, func(a []any) (any, error) { return append([]any{}, a...), nil }),
		"array": pure(1, 1, func(a []any) (any, error) {
			if arr, ok := a[0].([]any); ok {
				return arr, nil
			}
			return []any{a[0]}, nil
		}),
		"createobject": pure(0, -1, func(a []any) (any, error) {
			if len(a)%2 != 0 {
				return nil, fmt.Errorf("createObject: odd number of arguments")
			}
			out := map[string]any{}
			for i := 0; i < len(a); i += 2 {
				k, ok := a[i].(string)
				if !ok {
					return nil, fmt.Errorf("createObject: key is %s", typeName(a[i]))
				}
				out[k] = a[i+1]
			}
			return out, nil
		}),
		"intersection": pure(2, -1, intersection),
		"union":        pure(2, -1, union),
		// Numbers.
		"add": pure(2, 2, func(a []any) (any, error) { return arith(a, func(x, y float64) float64 { return x + y }) }),
		"sub": pure(2, 2, func(a []any) (any, error) { return arith(a, func(x, y float64) float64 { return x - y }) }),
		"mul": pure(2, 2, func(a []any) (any, error) { return arith(a, func(x, y float64) float64 { return x * y }) }),
		"min": pure(1, -1, func(a []any) (any, error) { return minMax(a, true) }),
		"max": pure(1, -1, func(a []any) (any, error) { return minMax(a, false) }),
	}
}

func evalBool(x *evalCtx, e expr) (bool, error) {
	v, err := e.eval(x)
	if err != nil {
		return false, err
	}
	b, ok := toBool(v)
	if !ok {
		return false, fmt.Errorf("%s is %s, not a boolean", e, typeName(v))
	}
	return b, nil
}

func concat(a []any) (any, error) {
	if _, ok := a[0].([]any); ok {
		var out []any
		for _, v := range a {
			arr, ok := v.([]any)
			if !ok {
				if v == nil {
					continue
				}
				return nil, fmt.Errorf("concat: mixing arrays and %s", typeName(v))
			}
			out = append(out, arr...)
		}
		return out, nil
	}
	var b strings.Builder
	for _, v := range a {
		if v == nil {
			continue
		}
		b.WriteString(toString(v))
	}
	return b.String(), nil
}

func splitAny(s string, seps []string) []any {
	parts := []string{s}
	for _, sep := range seps {
		if sep == "" {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out
}

func padLeft(a []any) (any, error) {
	s := toString(a[0])
	n, ok := toInt(a[1])
	if !ok {
		return nil, fmt.Errorf("padLeft: length is %s", typeName(a[1]))
	}
	pad := " "
	if len(a) == 3 {
		pad = toString(a[2])
		if len([]rune(pad)) != 1 {
			return nil, fmt.Errorf("padLeft: padding must be one character")
		}
	}
	for len([]rune(s)) < n {
		s = pad + s
	}
	return s, nil
}

func firstLast(v any, first bool) (any, error) {
	switch t := v.(type) {
	case string:
		if t == "" {
			return "", nil
		}
		r := []rune(t)
		if first {
			return string(r[0]), nil
		}
		return string(r[len(r)-1]), nil
	case []any:
		if len(t) == 0 {
			return nil, nil
		}
		if first {
			return t[0], nil
		}
		return t[len(t)-1], nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("first/last of %s", typeName(v))
}

func takeSkip(v any, n int, take bool) (any, error) {
	switch t := v.(type) {
	case string:
		n = max(0, min(n, len(t)))
		if take {
			return t[:n], nil
		}
		return t[n:], nil
	case []any:
		n = max(0, min(n, len(t)))
		if take {
			return t[:n], nil
		}
		return t[n:], nil
	}
	return nil, fmt.Errorf("take/skip of %s", typeName(v))
}

func intersection(a []any) (any, error) {
	switch first := a[0].(type) {
	case []any:
		var out []any
	next:
		for _, e := range first {
			for _, other := range a[1:] {
				arr, ok := other.([]any)
				if !ok {
					return nil, fmt.Errorf("intersection: mixing arrays and %s", typeName(other))
				}
				if !containsValue(arr, e) {
					continue next
				}
			}
			if !containsValue(out, e) {
				out = append(out, e)
			}
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	case map[string]any:
		out := map[string]any{}
		for k, v := range first {
			keep := true
			for _, other := range a[1:] {
				m, ok := other.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("intersection: mixing objects and %s", typeName(other))
				}
				if ov, ok := m[k]; !ok || !deepEqual(ov, v, false) {
					keep = false
				}
			}
			if keep {
				out[k] = v
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("intersection of %s", typeName(a[0]))
}

func union(a []any) (any, error) {
	switch a[0].(type) {
	case []any:
		var out []any
		for _, v := range a {
			arr, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("union: mixing arrays and %s", typeName(v))
			}
			for _, e := range arr {
				if !containsValue(out, e) {
					out = append(out, e)
				}
			}
		}
		return out, nil
	case map[string]any:
		out := map[string]any{}
		for _, v := range a {
			m, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("union: mixing objects and %s", typeName(v))
			}
			for k, e := range m {
				out[k] = e
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("union of %s", typeName(a[0]))
}

func containsValue(arr []any, v any) bool {
	for _, e := range arr {
		if deepEqual(e, v, false) {
			return true
		}
	}
	return false
}

func arith(a []any, op func(x, y float64) float64) (any, error) {
	x, ok1 := toFloat(a[0])
	y, ok2 := toFloat(a[1])
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("arithmetic on %s and %s", typeName(a[0]), typeName(a[1]))
	}
	return op(x, y), nil
}

func minMax(a []any, isMin bool) (any, error) {
	if len(a) == 1 {
		if arr, ok := a[0].([]any); ok {
			a = arr
		}
	}
	if len(a) == 0 {
		return nil, fmt.Errorf("min/max of nothing")
	}
	best, ok := toFloat(a[0])
	if !ok {
		return nil, fmt.Errorf("min/max of %s", typeName(a[0]))
	}
	for _, v := range a[1:] {
		f, ok := toFloat(v)
		if !ok {
			return nil, fmt.Errorf("min/max of %s", typeName(v))
		}
		if (isMin && f < best) || (!isMin && f > best) {
			best = f
		}
	}
	return best, nil
}

// ipRangeContains reports whether the CIDR range or address (or start-end
// range) given first contains the second.
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
func ipRangeContains(a []any) (any, error) {
	r, ok1 := a[0].(string)
	t, ok2 := a[1].(string)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("ipRangeContains: arguments must be strings")
	}
	lo, hi, err := ipRange(r)
	if err != nil {
		return nil, fmt.Errorf("ipRangeContains: range: %w", err)
	}
	tlo, thi, err := ipRange(t)
	if err != nil {
		return nil, fmt.Errorf("ipRangeContains: target: %w", err)
	}
	if lo.Is4() != tlo.Is4() {
		return nil, fmt.Errorf("ipRangeContains: mixing IPv4 and IPv6")
	}
	return lo.Compare(tlo) <= 0 && thi.Compare(hi) <= 0, nil
}

// ipRange reads "10.0.0.0/24", "10.0.0.1" or "10.0.0.1-10.0.0.9".
func ipRange(s string) (lo, hi netip.Addr, err error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "-"); ok {
		lo, err = netip.ParseAddr(strings.TrimSpace(a))
		if err != nil {
			return
		}
		hi, err = netip.ParseAddr(strings.TrimSpace(b))
		if err == nil && hi.Less(lo) {
			err = fmt.Errorf("range %q ends before it starts", s)
		}
		return
	}
	if strings.Contains(s, "/") {
		p, perr := netip.ParsePrefix(s)
		if perr != nil {
			return lo, hi, perr
		}
		p = p.Masked()
		lo = p.Addr()
		hi = lastAddr(p)
		return
	}
	lo, err = netip.ParseAddr(s)
	return lo, lo, err
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	bits := p.Bits()
	for i := range b {
		for j := 0; j < 8; j++ {
			if i*8+j >= bits {
				b[i] |= 0x80 >> j
			}
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// addDays adds whole days to an ISO 8601 timestamp.
func addDays(a []any) (any, error) {
	s, ok := a[0].(string)
	if !ok {
		return nil, fmt.Errorf("addDays: timestamp is %s", typeName(a[0]))
	}
	n, ok := toFloat(a[1])
	if !ok {
		return nil, fmt.Errorf("addDays: days is %s", typeName(a[1]))
	}
	t, err := parseTime(s)
	if err != nil {
		return nil, fmt.Errorf("addDays: %w", err)
	}
	return t.Add(time.Duration(n * float64(24*time.Hour))).UTC().Format("2006-01-02T15:04:05.0000000Z"), nil
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a timestamp", s)
}
