package importarm

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Kind is the type of an evaluated Value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Int
	Float
	String
	Array
	Object
	// Unknown is a value only Azure knows at deployment time, such as the
	// result of reference() or listKeys(). It is never guessed.
	Unknown
)

var kindNames = [...]string{"null", "bool", "int", "float", "string", "array", "object", "unknown"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Cause says why a value is unknown.
type Cause string

const (
	// CauseReference is reference(): runtime state of a deployed resource.
	CauseReference Cause = "reference"
	// CauseList is a list*() action such as listKeys: secrets or runtime data.
	CauseList Cause = "list"
	// CauseSecure is a securestring or secureObject parameter: enclave keeps
	// secret values out of every output.
	CauseSecure Cause = "secure-parameter"
	// CauseNewGuid is newGuid(): a fresh value on every deployment.
	CauseNewGuid Cause = "newGuid"
	// CauseKeyVault is a parameter passed as a Key Vault reference.
	CauseKeyVault Cause = "keyvault-reference"
	// CauseLinkedTemplate is a linked template (templateLink) enclave cannot read.
	CauseLinkedTemplate Cause = "linked-template"
)

// UnknownValue describes an unknown: its cause, the expression text that
// produced it and where that expression is.
type UnknownValue struct {
	Cause Cause    `json:"cause"`
	Expr  string   `json:"expr"`
	Pos   diag.Pos `json:"-"`
	// Target is, for reference() and list*(), the ID of the resource read
	// when the first argument is a known resource ID; importers use it to
	// tell whose identity or key a value is.
	Target string `json:"-"`
}

// Value is an evaluated ARM value: JSON plus Unknown. The zero Value is null.
// Values are immutable once built; functions return new ones.
type Value struct {
	kind Kind
	b    bool
	i    int64
	f    float64
	s    string
	arr  []Value
	obj  *Obj
	unk  *UnknownValue
}

// Obj is an object's members in insertion order; ARM compares keys
// case-insensitively.
type Obj struct {
	Keys []string
	Vals []Value
}

// Get returns the member named key (case-insensitive).
func (o *Obj) Get(key string) (Value, bool) {
	if o == nil {
		return Value{}, false
	}
	for i, k := range o.Keys {
		if strings.EqualFold(k, key) {
			return o.Vals[i], true
		}
	}
	return Value{}, false
}

// set replaces key (case-insensitive) or appends it.
func (o *Obj) set(key string, v Value) {
	for i, k := range o.Keys {
		if strings.EqualFold(k, key) {
			o.Vals[i] = v
			return
		}
	}
	o.Keys = append(o.Keys, key)
	o.Vals = append(o.Vals, v)
}

// Constructors.
func BoolValue(b bool) Value            { return Value{kind: Bool, b: b} }
func IntValue(i int64) Value            { return Value{kind: Int, i: i} }
func FloatValue(f float64) Value        { return Value{kind: Float, f: f} }
func StringValue(s string) Value        { return Value{kind: String, s: s} }
func ArrayValue(vs []Value) Value       { return Value{kind: Array, arr: vs} }
func ObjectValue(o *Obj) Value          { return Value{kind: Object, obj: o} }
func unknownValue(u UnknownValue) Value { return Value{kind: Unknown, unk: &u} }

// Kind returns v's type.
func (v Value) Kind() Kind { return v.kind }

// Bool, Int, Float, Str, Items, Obj and Unknown return v's content; each
// is the zero value when v has another kind.
func (v Value) Bool() bool             { return v.b }
func (v Value) Int() int64             { return v.i }
func (v Value) Float() float64         { return v.f }
func (v Value) Str() string            { return v.s }
func (v Value) Items() []Value         { return v.arr }
func (v Value) Obj() *Obj              { return v.obj }
func (v Value) Unknown() *UnknownValue { return v.unk }
func (v Value) IsKnown() bool          { return v.kind != Unknown }

// Get returns member key of an object value.
func (v Value) Get(key string) (Value, bool) {
	if v.kind != Object {
		return Value{}, false
	}
	return v.obj.Get(key)
}

// Unknowns returns every unknown inside v, depth first in member order.
func (v Value) Unknowns() []*UnknownValue {
	var out []*UnknownValue
	var walk func(Value)
	walk = func(v Value) {
		switch v.kind {
		case Unknown:
			out = append(out, v.unk)
		case Array:
			for _, x := range v.arr {
				walk(x)
			}
		case Object:
			for _, x := range v.obj.Vals {
				walk(x)
			}
		}
	}
	walk(v)
	return out
}

// MarshalJSON writes v as JSON; an unknown becomes
// {"$unknown": {"cause": ..., "expr": ...}} so it can never pass for a value.
func (v Value) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	v.writeJSON(&b)
	return b.Bytes(), nil
}

func (v Value) writeJSON(b *bytes.Buffer) {
	switch v.kind {
	case Null:
		b.WriteString("null")
	case Bool:
		b.WriteString(strconv.FormatBool(v.b))
	case Int:
		b.WriteString(strconv.FormatInt(v.i, 10))
	case Float:
		if math.IsInf(v.f, 0) || math.IsNaN(v.f) {
			b.WriteString("null")
			return
		}
		b.WriteString(strconv.FormatFloat(v.f, 'g', -1, 64))
	case String:
		writeJSONString(b, v.s)
	case Array:
		b.WriteByte('[')
		for i, x := range v.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			x.writeJSON(b)
		}
		b.WriteByte(']')
	case Object:
		b.WriteByte('{')
		for i, k := range v.obj.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			v.obj.Vals[i].writeJSON(b)
		}
		b.WriteByte('}')
	case Unknown:
		b.WriteString(`{"$unknown":{"cause":`)
		writeJSONString(b, string(v.unk.Cause))
		b.WriteString(`,"expr":`)
		writeJSONString(b, v.unk.Expr)
		b.WriteString("}}")
	}
}

// writeJSONString writes s as a JSON string exactly as encoding/json does
// with HTML escaping off, without building an encoder per string (values are
// written on every import).
func writeJSONString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// compactJSON is string() of an array or object: compact JSON as ARM prints it.
func compactJSON(v Value) string {
	var b bytes.Buffer
	v.writeJSON(&b)
	return b.String()
}

// fromNode converts a literal JSON node to a Value without evaluating
// expressions (for resource lists and parameter files' plain values).
func fromNode(n *node) Value {
	if n == nil {
		return Value{}
	}
	switch n.kind {
	case nodeBool:
		return BoolValue(n.boolean)
	case nodeNumber:
		return numberValue(n.str)
	case nodeString:
		return StringValue(n.str)
	case nodeArray:
		vs := make([]Value, len(n.items))
		for i, it := range n.items {
			vs[i] = fromNode(it)
		}
		return ArrayValue(vs)
	case nodeObject:
		o := &Obj{Keys: make([]string, 0, len(n.members)), Vals: make([]Value, 0, len(n.members))}
		for _, m := range n.members {
			o.Keys = append(o.Keys, m.key)
			o.Vals = append(o.Vals, fromNode(m.val))
		}
		return ObjectValue(o)
	}
	return Value{}
}

func numberValue(text string) Value {
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		return IntValue(i)
	}
	f, _ := strconv.ParseFloat(text, 64)
	return FloatValue(f)
}

// equal is ARM's equals(): deep, type-strict, case-sensitive for strings,
// object keys case-insensitive. An int equals a float of the same value.
func equal(a, b Value) bool {
	if a.kind != b.kind {
		switch {
		case a.kind == Int && b.kind == Float:
			return float64(a.i) == b.f
		case a.kind == Float && b.kind == Int:
			return a.f == float64(b.i)
		}
		return false
	}
	switch a.kind {
	case Null:
		return true
	case Bool:
		return a.b == b.b
	case Int:
		return a.i == b.i
	case Float:
		return a.f == b.f
	case String:
		return a.s == b.s
	case Array:
		if len(a.arr) != len(b.arr) {
			return false
		}
		for i := range a.arr {
			if !equal(a.arr[i], b.arr[i]) {
				return false
			}
		}
		return true
	case Object:
		if len(a.obj.Keys) != len(b.obj.Keys) {
			return false
		}
		for i, k := range a.obj.Keys {
			w, ok := b.obj.Get(k)
			if !ok || !equal(a.obj.Vals[i], w) {
				return false
			}
		}
		return true
	}
	return false
}
