package check

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Values are JSON values as encoding/json decodes them into any: nil,
// bool, float64, string, []any and map[string]any. A field that does not
// exist is the distinct value absent.
type absentValue struct{}

// absent is the value of a field that does not exist.
var absent = absentValue{}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case absentValue:
		return "a missing value"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// getProp reads a property case-insensitively, as ARM treats property names.
func getProp(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	for mk, v := range m {
		if strings.EqualFold(mk, k) {
			return v, true
		}
	}
	return nil, false
}

func toBool(v any) (bool, bool) {
	switch t := v.(type) {
	case bool:
		return t, true
	case string:
		switch strings.ToLower(t) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

func toFloat(v any) (float64, bool) {
	switch t := v.(type) {
	case float64:
		return t, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
		return f, err == nil
	}
	return 0, false
}

func toInt(v any) (int, bool) {
	f, ok := toFloat(v)
	if !ok || f != math.Trunc(f) {
		return 0, false
	}
	return int(f), true
}

// toString renders a value as a string the way ARM's string() does.
func toString(v any) string {
	switch t := v.(type) {
	case nil, absentValue:
		return ""
	case string:
		return t
	case bool:
		if t {
			return "True"
		}
		return "False"
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// display renders a value for messages: strings quoted, others as JSON.
func display(v any) string {
	switch v.(type) {
	case absentValue:
		return "(missing)"
	case string:
		return strconv.Quote(v.(string))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 120 {
		return string(b[:117]) + "..."
	}
	return string(b)
}

func isEmpty(v any) bool {
	switch t := v.(type) {
	case nil, absentValue:
		return true
	case string:
		return t == ""
	case []any:
		return len(t) == 0
	case map[string]any:
		return len(t) == 0
	}
	return false
}

// deepEqual compares values; fold makes string comparison case-insensitive
// (policy conditions) rather than exact (the equals() template function).
// Scalars of different types compare by their string form, so the boolean
// true equals "true" and the number 0 equals "0", as policy rules rely on.
func deepEqual(a, b any, fold bool) bool {
	switch x := a.(type) {
	case absentValue:
		_, ok := b.(absentValue)
		return ok
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !deepEqual(x[i], y[i], fold) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := getProp(y, k)
			if !ok || !deepEqual(v, w, fold) {
				return false
			}
		}
		return true
	case nil:
		return b == nil
	}
	switch b.(type) {
	case []any, map[string]any, nil, absentValue:
		return false
	}
	if fa, ok := a.(float64); ok {
		if fb, ok := toFloat(b); ok {
			return fa == fb
		}
	}
	if fb, ok := b.(float64); ok {
		if fa, ok := toFloat(a); ok {
			return fa == fb
		}
	}
	sa, sb := toString(a), toString(b)
	if fold {
		return strings.EqualFold(sa, sb)
	}
	if _, ok := a.(bool); ok {
		return strings.EqualFold(sa, sb)
	}
	if _, ok := b.(bool); ok {
		return strings.EqualFold(sa, sb)
	}
	return sa == sb
}

// compareValues orders two scalars: numbers numerically (strings holding
// numbers count as numbers), timestamps chronologically, other strings
// case-insensitively.
func compareValues(a, b any) (int, error) {
	if fa, ok := toFloat(a); ok {
		if fb, ok := toFloat(b); ok {
			switch {
			case fa < fb:
				return -1, nil
			case fa > fb:
				return 1, nil
			}
			return 0, nil
		}
	}
	sa, ok1 := a.(string)
	sb, ok2 := b.(string)
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("cannot compare %s with %s", typeName(a), typeName(b))
	}
	if ta, err := parseTime(sa); err == nil {
		if tb, err := parseTime(sb); err == nil {
			return ta.Compare(tb), nil
		}
	}
	return strings.Compare(strings.ToLower(sa), strings.ToLower(sb)), nil
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
