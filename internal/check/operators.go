package check

import (
	"fmt"
	"strings"
	"unicode"
)

// operator is a condition operator. test receives the tested value (absent
// when the field does not exist) and the evaluated operand. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions
type operator struct {
	name string
	test func(v, want any) (bool, error)
}

// operators maps lower-cased operator names to operators.
var operators = buildOperators()

func buildOperators() map[string]*operator {
	out := map[string]*operator{}
	for _, op := range []*operator{
		{"equals", func(v, w any) (bool, error) { return opEquals(v, w), nil }},
		{"notEquals", func(v, w any) (bool, error) { return !opEquals(v, w), nil }},
		{"like", func(v, w any) (bool, error) { return opLike(v, w) }},
		{"notLike", negate(opLike)},
		{"match", func(v, w any) (bool, error) { return opMatch(v, w, false) }},
		{"matchInsensitively", func(v, w any) (bool, error) { return opMatch(v, w, true) }},
		{"notMatch", negate(func(v, w any) (bool, error) { return opMatch(v, w, false) })},
		{"notMatchInsensitively", negate(func(v, w any) (bool, error) { return opMatch(v, w, true) })},
		{"contains", opContains},
		{"notContains", negate(opContains)},
		{"in", opIn},
		{"notIn", negate(opIn)},
		{"containsKey", opContainsKey},
		{"notContainsKey", negate(opContainsKey)},
		{"less", ordered(func(c int) bool { return c < 0 })},
		{"lessOrEquals", ordered(func(c int) bool { return c <= 0 })},
		{"greater", ordered(func(c int) bool { return c > 0 })},
		{"greaterOrEquals", ordered(func(c int) bool { return c >= 0 })},
		{"exists", opExists},
	} {
		out[strings.ToLower(op.name)] = op
	}
	return out
}

func operatorByName(lower string) *operator { return operators[lower] }

func negate(f func(v, w any) (bool, error)) func(v, w any) (bool, error) {
	return func(v, w any) (bool, error) {
		ok, err := f(v, w)
		return !ok, err
	}
}

// opEquals compares case-insensitively; a missing field equals nothing.
func opEquals(v, w any) bool {
	if _, ok := v.(absentValue); ok {
		return false
	}
	return deepEqual(v, w, true)
}

// opLike matches a pattern in which * stands for any run of characters,
// case-insensitively.
func opLike(v, w any) (bool, error) {
	pat, ok := w.(string)
	if !ok {
		return false, fmt.Errorf("pattern is %s", typeName(w))
	}
	s, ok := scalarString(v)
	if !ok {
		return false, nil
	}
	return wildcard(strings.ToLower(s), strings.ToLower(pat)), nil
}

func wildcard(s, pat string) bool {
	parts := strings.Split(pat, "*")
	if len(parts) == 1 {
		return s == pat
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// opMatch matches a pattern in which # is a digit, ? a letter and . any
// character; everything else matches itself. The whole value must match.
func opMatch(v, w any, fold bool) (bool, error) {
	pat, ok := w.(string)
	if !ok {
		return false, fmt.Errorf("pattern is %s", typeName(w))
	}
	s, ok := scalarString(v)
	if !ok {
		return false, nil
	}
	rs, rp := []rune(s), []rune(pat)
	if len(rs) != len(rp) {
		return false, nil
	}
	for i, p := range rp {
		c := rs[i]
		switch p {
		case '#':
			if !unicode.IsDigit(c) {
				return false, nil
			}
		case '?':
			if !unicode.IsLetter(c) {
				return false, nil
			}
		case '.':
		default:
			if fold {
				if unicode.ToLower(c) != unicode.ToLower(p) {
					return false, nil
				}
			} else if c != p {
				return false, nil
			}
		}
	}
	return true, nil
}

// opContains is substring containment for strings and membership for
// arrays, case-insensitively.
func opContains(v, w any) (bool, error) {
	switch t := v.(type) {
	case string:
		return strings.Contains(strings.ToLower(t), strings.ToLower(toString(w))), nil
	case []any:
		for _, e := range t {
			if deepEqual(e, w, true) {
				return true, nil
			}
		}
	}
	return false, nil
}

// opIn reports whether the value equals a member of the operand array.
func opIn(v, w any) (bool, error) {
	arr, ok := w.([]any)
	if !ok {
		return false, fmt.Errorf("operand is %s, not an array", typeName(w))
	}
	if _, ok := v.(absentValue); ok {
		return false, nil
	}
	for _, e := range arr {
		if deepEqual(v, e, true) {
			return true, nil
		}
	}
	return false, nil
}

func opContainsKey(v, w any) (bool, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return false, nil
	}
	_, ok = getProp(m, toString(w))
	return ok, nil
}

// ordered compares with less/greater; a missing value satisfies none.
func ordered(want func(int) bool) func(v, w any) (bool, error) {
	return func(v, w any) (bool, error) {
		if _, ok := v.(absentValue); ok || v == nil {
			return false, nil
		}
		c, err := compareValues(v, w)
		if err != nil {
			return false, err
		}
		return want(c), nil
	}
}

func opExists(v, w any) (bool, error) {
	want, ok := toBool(w)
	if !ok {
		return false, fmt.Errorf("exists wants true or false, got %s", display(w))
	}
	_, missing := v.(absentValue)
	has := !missing && v != nil
	return has == want, nil
}

// scalarString gives the string form of a scalar value.
func scalarString(v any) (string, bool) {
	switch v.(type) {
	case string, float64, bool:
		return toString(v), true
	}
	return "", false
}
