package importarm

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// stringFunctions are ARM's string functions.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
func stringFunctions() Functions {
	str1 := func(f func(s string) (Value, error)) Function {
		return fixed(1, func(_ *Call, args []Value) (Value, error) {
			s, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			return f(s)
		})
	}
	str2 := func(f func(a, b string) Value) Function {
		return fixed(2, func(_ *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			return f(ss[0], ss[1]), nil
		})
	}
	return Functions{
		"concat": {Min: 1, Max: -1, Structural: true, Call: func(_ *Call, args []Value) (Value, error) {
			if args[0].kind == Array {
				var out []Value
				for i, a := range args {
					switch a.kind {
					case Array:
						out = append(out, a.arr...)
					case Null:
					default:
						return Value{}, typeError(i, a, "array (concat joins arrays or strings, not both)")
					}
				}
				return ArrayValue(out), nil
			}
			var b strings.Builder
			for i, a := range args {
				switch a.kind {
				case Array, Object:
					return Value{}, typeError(i, a, "string, int or bool (concat joins arrays or strings, not both)")
				}
				b.WriteString(toText(a))
			}
			return StringValue(b.String()), nil
		}},
		"format": between(1, -1, func(_ *Call, args []Value) (Value, error) {
			f, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			s, err := dotnetFormat(f, args[1:])
			return StringValue(s), err
		}),
		"toLower": str1(func(s string) (Value, error) { return StringValue(strings.ToLower(s)), nil }),
		"toUpper": str1(func(s string) (Value, error) { return StringValue(strings.ToUpper(s)), nil }),
		"trim":    str1(func(s string) (Value, error) { return StringValue(strings.TrimSpace(s)), nil }),
		"replace": fixed(3, func(_ *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			if ss[1] == "" {
				return Value{}, errorf("", "the string to replace is empty")
			}
			return StringValue(strings.ReplaceAll(ss[0], ss[1], ss[2])), nil
		}),
		"split": fixed(2, func(_ *Call, args []Value) (Value, error) {
			s, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			var delims []string
			switch d := args[1]; d.kind {
			case String:
				delims = []string{d.s}
			case Array:
				if delims, err = argStrings(d.arr); err != nil {
					return Value{}, err
				}
			default:
				return Value{}, typeError(1, d, "string or array of strings")
			}
			parts := []string{s}
			for _, d := range delims {
				if d == "" {
					continue
				}
				var next []string
				for _, p := range parts {
					next = append(next, strings.Split(p, d)...)
				}
				parts = next
			}
			out := make([]Value, len(parts))
			for i, p := range parts {
				out[i] = StringValue(p)
			}
			return ArrayValue(out), nil
		}),
		"string": fixed(1, func(_ *Call, args []Value) (Value, error) {
			return StringValue(toText(args[0])), nil
		}),
		"padLeft": between(2, 3, func(_ *Call, args []Value) (Value, error) {
			var s string
			switch v := args[0]; v.kind {
			case String:
				s = v.s
			case Int:
				s = strconv.FormatInt(v.i, 10)
			default:
				return Value{}, typeError(0, v, "string or int")
			}
			n, err := argInt(args, 1)
			if err != nil {
				return Value{}, err
			}
			if n > 16000 {
				return Value{}, errorf("", "total length %d exceeds 16000", n)
			}
			pad := " "
			if len(args) == 3 {
				if pad, err = argString(args, 2); err != nil {
					return Value{}, err
				}
				if utf8.RuneCountInString(pad) != 1 {
					return Value{}, errorf("give exactly one character", "padding %q is not one character", pad)
				}
			}
			if l := utf8.RuneCountInString(s); int64(l) < n {
				s = strings.Repeat(pad, int(n)-l) + s
			}
			return StringValue(s), nil
		}),
		"substring": between(1, 3, func(_ *Call, args []Value) (Value, error) {
			s, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			start, length := int64(0), int64(-1)
			if len(args) > 1 {
				if start, err = argInt(args, 1); err != nil {
					return Value{}, err
				}
			}
			if len(args) > 2 {
				if length, err = argInt(args, 2); err != nil {
					return Value{}, err
				}
			}
			rs := []rune(s)
			if length < 0 && len(args) <= 2 {
				length = int64(len(rs)) - start
			}
			if start < 0 || start > int64(len(rs)) || length < 0 || start+length > int64(len(rs)) {
				return Value{}, errorf("start and length must stay within the string", "start %d and length %d are out of range for a string of length %d", start, length, len(rs))
			}
			return StringValue(string(rs[start : start+length])), nil
		}),
		"startsWith": str2(func(a, b string) Value { return BoolValue(strings.HasPrefix(strings.ToLower(a), strings.ToLower(b))) }),
		"endsWith":   str2(func(a, b string) Value { return BoolValue(strings.HasSuffix(strings.ToLower(a), strings.ToLower(b))) }),
		"base64":     str1(func(s string) (Value, error) { return StringValue(base64.StdEncoding.EncodeToString([]byte(s))), nil }),
		"base64ToString": str1(func(s string) (Value, error) {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return Value{}, errorf("", "invalid base64")
			}
			return StringValue(string(b)), nil
		}),
		"base64ToJson": str1(func(s string) (Value, error) {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return Value{}, errorf("", "invalid base64")
			}
			return parseJSONValue(string(b))
		}),
		"json": str1(parseJSONValue),
		"dataUri": fixed(1, func(_ *Call, args []Value) (Value, error) {
			s := toText(args[0])
			return StringValue("data:text/plain;charset=utf8;base64," + base64.StdEncoding.EncodeToString([]byte(s))), nil
		}),
		"dataUriToString": str1(func(s string) (Value, error) {
			_, data, ok := strings.Cut(s, ",")
			if !ok || !strings.HasPrefix(s, "data:") {
				return Value{}, errorf("give a data URI, e.g. data:text/plain;charset=utf8;base64,SGk=", "not a data URI")
			}
			if strings.Contains(strings.SplitN(s, ",", 2)[0], ";base64") {
				b, err := base64.StdEncoding.DecodeString(data)
				if err != nil {
					return Value{}, errorf("", "invalid base64 in data URI")
				}
				return StringValue(string(b)), nil
			}
			d, err := url.PathUnescape(data)
			if err != nil {
				return Value{}, errorf("", "invalid data URI")
			}
			return StringValue(d), nil
		}),
		"uri": str2(func(base, rel string) Value {
			// Resolution as .NET's Uri(Uri, string) does for common cases.
			b, err1 := url.Parse(base)
			r, err2 := url.Parse(rel)
			if err1 != nil || err2 != nil {
				return StringValue(base + rel)
			}
			return StringValue(b.ResolveReference(r).String())
		}),
		"uriComponent": str1(func(s string) (Value, error) {
			return StringValue(strings.ReplaceAll(url.QueryEscape(s), "+", "%20")), nil
		}),
		"uriComponentToString": str1(func(s string) (Value, error) {
			d, err := url.PathUnescape(s)
			if err != nil {
				return Value{}, errorf("", "invalid URI component")
			}
			return StringValue(d), nil
		}),
		"uniqueString": between(1, -1, func(_ *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			return StringValue(uniqueString(ss...)), nil
		}),
		"guid": between(1, -1, func(_ *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			return StringValue(armGUID(ss...)), nil
		}),
		"lastIndexOf": searchFunction(true),
		"indexOf":     searchFunction(false),
	}
}

// searchFunction is indexOf or lastIndexOf: case-insensitive in strings,
// by equality in arrays; -1 when absent.
func searchFunction(last bool) Function {
	return fixed(2, func(_ *Call, args []Value) (Value, error) {
		switch h := args[0]; h.kind {
		case String:
			n, err := argString(args, 1)
			if err != nil {
				return Value{}, err
			}
			hs, ns := strings.ToLower(h.s), strings.ToLower(n)
			var i int
			if last {
				i = strings.LastIndex(hs, ns)
			} else {
				i = strings.Index(hs, ns)
			}
			if i >= 0 {
				i = utf8.RuneCountInString(hs[:i])
			}
			return IntValue(int64(i)), nil
		case Array:
			idx := -1
			for i, x := range h.arr {
				if equal(x, args[1]) {
					idx = i
					if !last {
						break
					}
				}
			}
			return IntValue(int64(idx)), nil
		}
		return Value{}, typeError(0, args[0], "string or array")
	})
}

// parseJSONValue is json(): the string parsed as a JSON value.
func parseJSONValue(s string) (Value, error) {
	n, err := parseJSON([]byte(s))
	if err != nil {
		return Value{}, errorf("give valid JSON text", "invalid JSON: %v", err)
	}
	return fromNode(n), nil
}

// dotnetFormat implements .NET composite formatting as format() uses it:
// {index[,alignment][:formatString]} with {{ and }} escapes.
// https://learn.microsoft.com/dotnet/standard/base-types/composite-formatting
func dotnetFormat(f string, args []Value) (string, error) {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '{' && i+1 < len(f) && f[i+1] == '{':
			b.WriteByte('{')
			i++
		case c == '}' && i+1 < len(f) && f[i+1] == '}':
			b.WriteByte('}')
			i++
		case c == '}':
			return "", errorf("write }} for a literal brace", "format string has an unmatched '}' at %d", i)
		case c == '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return "", errorf("write {{ for a literal brace", "format string has an unclosed '{' at %d", i)
			}
			item := f[i+1 : i+end]
			i += end
			spec := ""
			if k := strings.IndexByte(item, ':'); k >= 0 {
				item, spec = item[:k], item[k+1:]
			}
			align := 0
			if k := strings.IndexByte(item, ','); k >= 0 {
				a, err := strconv.Atoi(strings.TrimSpace(item[k+1:]))
				if err != nil || a > 1000 || a < -1000 {
					return "", errorf("", "bad alignment in format item {%s}", item)
				}
				item, align = item[:k], a
			}
			n, err := strconv.Atoi(strings.TrimSpace(item))
			if err != nil || n < 0 {
				return "", errorf("format items are {0}, {1}, ...", "bad format item {%s}", item)
			}
			if n >= len(args) {
				return "", errorf("pass an argument for every {n}", "format item {%d} has no argument (%d given)", n, len(args))
			}
			s, err := formatItem(args[n], spec)
			if err != nil {
				return "", err
			}
			if pad := abs(align) - utf8.RuneCountInString(s); pad > 0 {
				if align > 0 {
					s = strings.Repeat(" ", pad) + s
				} else {
					s += strings.Repeat(" ", pad)
				}
			}
			b.WriteString(s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// formatItem applies a .NET numeric format string (D, X, N) to an int.
func formatItem(v Value, spec string) (string, error) {
	if spec == "" || v.kind != Int {
		return toText(v), nil
	}
	width := 0
	if len(spec) > 1 {
		w, err := strconv.Atoi(spec[1:])
		if err != nil || w > 100 {
			return "", errorf("", "unsupported format specifier %q", spec)
		}
		width = w
	}
	n := v.i
	switch spec[0] {
	case 'D', 'd':
		s := strconv.FormatInt(abs64(n), 10)
		s = strings.Repeat("0", max(0, width-len(s))) + s
		if n < 0 {
			s = "-" + s
		}
		return s, nil
	case 'X', 'x':
		s := strconv.FormatUint(uint64(n), 16)
		if spec[0] == 'X' {
			s = strings.ToUpper(s)
		}
		return strings.Repeat("0", max(0, width-len(s))) + s, nil
	case 'N', 'n':
		s := strconv.FormatInt(abs64(n), 10)
		var b strings.Builder
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		out := b.String()
		if spec == "N" || spec == "n" {
			width = 2
		}
		if width > 0 {
			out += "." + strings.Repeat("0", width)
		}
		if n < 0 {
			out = "-" + out
		}
		return out, nil
	}
	return "", errorf("enclave supports D, X and N numeric formats", "unsupported format specifier %q", spec)
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// formatTime renders t with a .NET date format: the standard "u", "s", "o"
// or a custom pattern of yyyy, yy, MM, dd, HH, hh, mm, ss, fff, tt and
// literal characters ('quoted' or \escaped).
// https://learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings
func formatTime(t time.Time, f string) (string, error) {
	switch f {
	case "u":
		return t.UTC().Format("2006-01-02 15:04:05Z"), nil
	case "s":
		return t.UTC().Format("2006-01-02T15:04:05"), nil
	case "o", "O":
		return t.UTC().Format("2006-01-02T15:04:05.0000000Z"), nil
	case "d":
		return t.UTC().Format("1/2/2006"), nil
	}
	if len(f) == 1 {
		return "", errorf("", "unsupported standard date format %q", f)
	}
	t = t.UTC()
	var b strings.Builder
	tokens := []struct {
		tok string
		val func() string
	}{
		{"yyyy", func() string { return fmt.Sprintf("%04d", t.Year()) }},
		{"yy", func() string { return fmt.Sprintf("%02d", t.Year()%100) }},
		{"MM", func() string { return fmt.Sprintf("%02d", int(t.Month())) }},
		{"dd", func() string { return fmt.Sprintf("%02d", t.Day()) }},
		{"HH", func() string { return fmt.Sprintf("%02d", t.Hour()) }},
		{"hh", func() string { return fmt.Sprintf("%02d", (t.Hour()+11)%12+1) }},
		{"mm", func() string { return fmt.Sprintf("%02d", t.Minute()) }},
		{"ss", func() string { return fmt.Sprintf("%02d", t.Second()) }},
		{"fff", func() string { return fmt.Sprintf("%03d", t.Nanosecond()/1e6) }},
		{"tt", func() string { return t.Format("PM") }},
		{"M", func() string { return strconv.Itoa(int(t.Month())) }},
		{"d", func() string { return strconv.Itoa(t.Day()) }},
		{"H", func() string { return strconv.Itoa(t.Hour()) }},
	}
outer:
	for i := 0; i < len(f); {
		switch f[i] {
		case '\'', '"':
			end := strings.IndexByte(f[i+1:], f[i])
			if end < 0 {
				return "", errorf("", "unterminated quote in date format %q", f)
			}
			b.WriteString(f[i+1 : i+1+end])
			i += end + 2
			continue
		case '\\':
			if i+1 < len(f) {
				b.WriteByte(f[i+1])
			}
			i += 2
			continue
		}
		for _, tk := range tokens {
			if strings.HasPrefix(f[i:], tk.tok) {
				b.WriteString(tk.val())
				i += len(tk.tok)
				continue outer
			}
		}
		b.WriteByte(f[i])
		i++
	}
	return b.String(), nil
}
