package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The spec reference: the JSON Schema of enclave.yaml rendered as Markdown,
// one table row per key, so the README's reference is generated from the
// same Go types the parser reads and cannot drift from them.

// schemaNode is the part of a JSON Schema (draft 2020-12, as
// invopop/jsonschema writes it) the reference reads.
type schemaNode struct {
	Ref                  string                 `json:"$ref"`
	Type                 typeName               `json:"type"`
	Description          string                 `json:"description"`
	Default              json.RawMessage        `json:"default"`
	Enum                 []json.RawMessage      `json:"enum"`
	Examples             []json.RawMessage      `json:"examples"`
	Pattern              string                 `json:"pattern"`
	Format               string                 `json:"format"`
	Minimum              *json.Number           `json:"minimum"`
	Maximum              *json.Number           `json:"maximum"`
	Properties           orderedProps           `json:"properties"`
	Required             []string               `json:"required"`
	Items                *schemaNode            `json:"items"`
	AdditionalProperties schemaOrBool           `json:"additionalProperties"`
	Defs                 map[string]*schemaNode `json:"$defs"`
}

// typeName is "type", which JSON Schema allows to be a list; the
// reference reads its first element.
type typeName string

func (t *typeName) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		if len(list) > 0 {
			*t = typeName(list[0])
		}
		return nil
	}
	return json.Unmarshal(b, (*string)(t))
}

// property is one key of an object schema.
type property struct {
	key  string
	node *schemaNode
}

// orderedProps keeps "properties" in the order the schema lists them,
// which is the order of the Go struct fields.
type orderedProps []property

func (p *orderedProps) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		n := &schemaNode{}
		if err := dec.Decode(n); err != nil {
			return err
		}
		*p = append(*p, property{key, n})
	}
	return nil
}

// schemaOrBool is a keyword that holds a schema or a boolean
// (additionalProperties); only a schema matters to the reference.
type schemaOrBool struct{ node *schemaNode }

func (s *schemaOrBool) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) == 0 || b[0] != '{' {
		return nil
	}
	s.node = &schemaNode{}
	return json.Unmarshal(b, s.node)
}

// reference renders a schema as Markdown.
type reference struct {
	defs map[string]*schemaNode
	b    strings.Builder
}

// SpecReference renders the JSON Schema of enclave.yaml as Markdown: a
// table of the top-level keys, then one table per top-level section with
// every key below it by dotted path ("[]" marks list items).
func SpecReference(schema []byte) (string, error) {
	var root schemaNode
	if err := json.Unmarshal(schema, &root); err != nil {
		return "", fmt.Errorf("reading the JSON Schema: %w", err)
	}
	r := &reference{defs: root.Defs}
	top := r.resolve(&root)
	if len(top.Properties) == 0 {
		return "", fmt.Errorf("the JSON Schema describes no keys")
	}
	r.section("Top level", "")
	for _, p := range top.Properties {
		r.row(p.key, p.node, contains(top.Required, p.key))
	}
	for _, p := range top.Properties {
		if r.children(p.node) == nil {
			continue
		}
		r.section("`"+p.key+"`", r.describe(p.key, p.node))
		r.walk(p.key, p.node, map[string]bool{})
	}
	return r.b.String(), nil
}

// section starts a table.
func (r *reference) section(title, intro string) {
	fmt.Fprintf(&r.b, "\n### %s\n\n", title)
	if intro != "" {
		fmt.Fprintf(&r.b, "%s\n\n", intro)
	}
	r.b.WriteString("| key | type | required | default | meaning |\n| --- | --- | --- | --- | --- |\n")
}

// walk writes a row for every key below path, depth first.
func (r *reference) walk(path string, n *schemaNode, seen map[string]bool) {
	if n.Ref != "" {
		if seen[n.Ref] {
			return // a recursive type: its keys are listed above
		}
		seen = withKey(seen, n.Ref)
	}
	obj := r.children(n)
	if obj == nil {
		return
	}
	prefix := path
	if r.resolve(n).Type == "array" {
		prefix += "[]"
	}
	for _, p := range obj.Properties {
		child := prefix + "." + p.key
		r.row(child, p.node, contains(obj.Required, p.key))
		r.walk(child, p.node, seen)
	}
}

// children returns the object schema whose keys are listed under n: n
// itself or, for a list, its items; nil when n has no keys.
func (r *reference) children(n *schemaNode) *schemaNode {
	n = r.resolve(n)
	if n.Type == "array" && n.Items != nil {
		n = r.resolve(n.Items)
	}
	if len(n.Properties) == 0 {
		return nil
	}
	return n
}

// row writes one key.
func (r *reference) row(path string, n *schemaNode, required bool) {
	req := ""
	if required {
		req = "yes"
	}
	def := n.Default
	if len(def) == 0 {
		def = r.resolve(n).Default
	}
	defCell := ""
	if len(def) > 0 {
		defCell = joinCode([]json.RawMessage{def})
	}
	fmt.Fprintf(&r.b, "| `%s` | %s | %s | %s | %s |\n", path, cell(r.typeOf(n)), req, cell(defCell), cell(r.describe(lastKey(path), n)))
}

// resolve follows a $ref into $defs.
func (r *reference) resolve(n *schemaNode) *schemaNode {
	for n.Ref != "" {
		d, ok := r.defs[strings.TrimPrefix(n.Ref, "#/$defs/")]
		if !ok {
			break
		}
		n = d
	}
	return n
}

// typeOf spells a schema's type for a reader.
func (r *reference) typeOf(n *schemaNode) string {
	n = r.resolve(n)
	switch {
	case len(n.Enum) > 0:
		return "one of " + joinCode(n.Enum)
	case n.Type == "array" && n.Items != nil:
		return "list of " + pluralType(r.typeOf(n.Items))
	case n.Type == "object" && n.AdditionalProperties.node != nil:
		return "map of string to " + r.typeOf(n.AdditionalProperties.node)
	case n.Type == "object":
		return "object"
	case n.Type == "integer" || n.Type == "number":
		return string(n.Type) + bounds(n.Minimum, n.Maximum)
	case n.Type == "string":
		s := "string"
		if n.Format != "" {
			s += " (" + n.Format + ")"
		}
		switch {
		case len(n.Examples) > 0:
			s += ", e.g. " + joinCode(n.Examples[:1])
		case n.Pattern != "" && len(n.Pattern) <= maxPattern:
			s += " matching `" + n.Pattern + "`"
		}
		return s
	}
	return string(n.Type)
}

// describe returns what a key means: its own description, else that of
// its type (for a list, of its items), without the Go name the doc
// comments start with.
func (r *reference) describe(key string, n *schemaNode) string {
	name, m := r.def(n)
	switch {
	case n.Description != "":
		return sentence(withoutName(key, n.Description), m.Enum)
	case m.Description != "":
		return sentence(withoutName(name, m.Description), m.Enum)
	case m.Type == "array" && m.Items != nil:
		if name, item := r.def(m.Items); item.Description != "" {
			return "Each is " + withoutName(name, item.Description)
		}
	}
	return ""
}

// sentence capitalises d unless it starts with one of the key's values or
// a dotted key path, which are spelled exactly.
func sentence(d string, enum []json.RawMessage) string {
	first, _, _ := strings.Cut(d, " ")
	if strings.Contains(first, ".") {
		return d
	}
	for _, v := range enum {
		var s string
		if json.Unmarshal(v, &s) == nil && s == first {
			return d
		}
	}
	if d == "" {
		return d
	}
	return strings.ToUpper(d[:1]) + d[1:]
}

// def resolves n and returns the name of the definition it refers to.
func (r *reference) def(n *schemaNode) (string, *schemaNode) {
	return strings.TrimPrefix(n.Ref, "#/$defs/"), r.resolve(n)
}

// withoutName drops the name a Go doc comment starts with when it is the
// key's or type's name: "CircuitID is the circuit ID" for key circuitId
// reads "the circuit ID".
func withoutName(name, d string) string {
	first, rest, ok := strings.Cut(d, " ")
	if !ok || name == "" || !strings.EqualFold(first, name) {
		return d
	}
	for _, verb := range []string{"is ", "are "} {
		rest = strings.TrimPrefix(rest, verb)
	}
	return rest
}

// maxPattern is the longest pattern shown as a type; longer ones are
// left to the description.
const maxPattern = 40

// pluralType spells a type after "list of": "string (ipv4)" becomes
// "strings (ipv4)", "one of `a`, `b`" becomes "values: `a`, `b`".
func pluralType(t string) string {
	if rest, ok := strings.CutPrefix(t, "one of "); ok {
		return "values from " + rest
	}
	first, rest, _ := strings.Cut(t, " ")
	switch first {
	case "string", "integer", "number", "boolean", "object":
		first += "s"
	case "string,", "integer,", "number,":
		first = strings.TrimSuffix(first, ",") + "s,"
	}
	return strings.TrimSpace(first + " " + rest)
}

func bounds(lo, hi *json.Number) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf(", %s to %s", lo, hi)
	case lo != nil:
		return fmt.Sprintf(", at least %s", lo)
	case hi != nil:
		return fmt.Sprintf(", at most %s", hi)
	}
	return ""
}

// joinCode spells JSON values as code, comma-separated.
func joinCode(vals []json.RawMessage) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		var s string
		if json.Unmarshal(v, &s) != nil {
			s = string(v)
		}
		out[i] = "`" + s + "`"
	}
	return strings.Join(out, ", ")
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

func lastKey(path string) string {
	path = strings.TrimSuffix(path, "[]")
	if i := strings.LastIndex(path, "."); i >= 0 {
		return path[i+1:]
	}
	return path
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// withKey returns a copy of set with k added.
func withKey(set map[string]bool, k string) map[string]bool {
	out := make(map[string]bool, len(set)+1)
	for s := range set {
		out[s] = true
	}
	out[k] = true
	return out
}
