package spec

import (
	"fmt"
	"math"
	"net/netip"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/enclave-dev/enclave/internal/diag"
)

// maxSteps bounds the values one decode visits, so aliases that expand a
// small file into a huge one cannot exhaust memory or time.
const maxSteps = 100_000

// decoder turns a yaml.Node tree into typed Go values by reflection. It
// never stops at a problem: every one becomes a diagnostic and decoding
// goes on with the next value, so the user sees them all at once.
type decoder struct {
	file   string
	diags  diag.Diagnostics
	pos    map[string]diag.Pos
	failed map[string]bool // paths whose value could not be decoded
	steps  int
	over   bool // maxSteps reached
}

func newDecoder(file string, size int) *decoder {
	// A spec has roughly one value per 16 bytes.
	return &decoder{file: file, pos: make(map[string]diag.Pos, size/16), failed: map[string]bool{}}
}

// at is the position of n in the file.
func (d *decoder) at(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// fail reports a problem with the value at path.
func (d *decoder) fail(n *yaml.Node, path, hint, format string, args ...any) {
	d.failed[path] = true
	d.diags.Errorf(d.at(n), hint, format, args...)
}

var (
	prefixType    = reflect.TypeFor[netip.Prefix]()
	addrType      = reflect.TypeFor[netip.Addr]()
	secretRefType = reflect.TypeFor[SecretRef]()
)

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// decode stores n into v (settable). f is the struct field v belongs to
// (or the field whose list or map v is an element of); it may be nil.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	if d.over {
		return
	}
	if d.steps++; d.steps > maxSteps {
		d.over = true
		d.diags.Errorf(d.at(n), "anchors and aliases can repeat a value many times; write it out or simplify the file",
			"the document expands to more than %d values", maxSteps)
		return
	}
	d.pos[path] = d.at(n)
	n = resolve(n)
	if n == nil || n.Kind == yaml.AliasNode {
		return
	}
	if isNull(n) {
		// An empty value leaves the zero value, except that a listed
		// section ("databricks:") is switched on.
		if t := v.Type(); t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
			v.Set(reflect.New(t.Elem()))
		}
		return
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	d.value(n, v, path, f)
}

// value stores the non-null node n into v, which is not a pointer.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	switch t := v.Type(); {
	case t == prefixType:
		d.prefix(n, v, path)
		return
	case t == addrType:
		d.addr(n, v, path)
		return
	case t == secretRefType && n.Kind == yaml.ScalarNode:
		// The value is deliberately not echoed: it is a secret.
		d.fail(n, path, fmt.Sprintf("never write secret values in the spec: use %s: {keyVaultSecret: <secret name>} for a secret in the environment's Key Vault, or %[1]s: {parameter: <parameter name>} to pass it as a secure deployment parameter", lastKey(path)),
			"%s: secret written inline", path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Slice:
		d.list(n, v, path, f)
	case reflect.Map:
		d.dict(n, v, path, f)
	case reflect.String:
		d.text(n, v, path, f)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.integer(n, v, path, f)
	case reflect.Bool:
		d.boolean(n, v, path)
	default:
		panic("spec: cannot decode into " + v.Type().String())
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// lastKey returns the last key of a dotted path.
func lastKey(path string) string {
	if i := strings.LastIndexAny(path, ".]"); i >= 0 {
		return path[i+1:]
	}
	return path
}

// describe names what a node holds, for "expected X, got Y" messages. It
// never includes the value itself, which may be a secret.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!null":
		return "nothing"
	}
	return "text"
}

// wantKind reports a node of the wrong kind and returns false.
func (d *decoder) wantKind(n *yaml.Node, kind yaml.Kind, path, what, hint string) bool {
	if n.Kind == kind {
		return true
	}
	d.fail(n, path, hint, "%s: expected %s, got %s", orRoot(path), what, describe(n))
	return false
}

// entry is one key/value pair of a mapping, after merge keys are applied.
type entry struct{ key, val *yaml.Node }

// entries returns the pairs of mapping n with merge keys ("<<") expanded:
// keys written in n win over merged ones, and earlier merges over later
// ones. Duplicate keys written in n are reported once each.
func (d *decoder) entries(n *yaml.Node, path string) []entry {
	var own, merged []entry
	seen := newKeySet(len(n.Content) / 2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			continue
		}
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, d.merge(v, path, 0)...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "keys are plain names such as addressSpace", "%s: a key must be text, got %s", orRoot(path), describe(k))
			continue
		}
		if first := seen.find(own, k.Value); first != nil {
			d.diags.Errorf(d.at(k), "remove one of them", "%s: duplicate key %s (first at line %d)", orRoot(path), quote(k.Value), first.Line)
			continue
		}
		seen.add(k)
		own = append(own, entry{k, v})
	}
	for _, e := range merged {
		if seen.find(own, e.key.Value) == nil {
			seen.add(e.key)
			own = append(own, e)
		}
	}
	return own
}

// keySet finds keys already seen in a mapping. Mappings in a spec are
// small, and scanning them beats hashing; large ones get a map.
type keySet map[string]*yaml.Node

func newKeySet(n int) keySet {
	if n <= 32 {
		return nil
	}
	return make(keySet, n)
}

func (s keySet) add(k *yaml.Node) {
	if s != nil {
		s[k.Value] = k
	}
}

// find returns the first key node equal to k among es, or nil.
func (s keySet) find(es []entry, k string) *yaml.Node {
	if s != nil {
		return s[k]
	}
	for _, e := range es {
		if e.key.Value == k {
			return e.key
		}
	}
	return nil
}

// merge returns the pairs a merge key brings in.
func (d *decoder) merge(v *yaml.Node, path string, depth int) []entry {
	if d.steps++; d.steps > maxSteps || depth > 20 {
		return nil
	}
	v = resolve(v)
	switch {
	case v == nil:
		return nil
	case v.Kind == yaml.MappingNode:
		return d.entries(v, path)
	case v.Kind == yaml.SequenceNode:
		var out []entry
		for _, m := range v.Content {
			if m = resolve(m); m == nil || m.Kind != yaml.MappingNode {
				d.fail(v, path, "write <<: *anchor or <<: [*a, *b]", "%s: a merge key (<<) needs mappings, got a list holding %s", orRoot(path), describeOrNothing(m))
				continue
			}
			out = append(out, d.merge(m, path, depth+1)...)
		}
		return out
	}
	d.fail(v, path, "write <<: *anchor or <<: [*a, *b]", "%s: a merge key (<<) needs a mapping, got %s", orRoot(path), describe(v))
	return nil
}

func describeOrNothing(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	return describe(n)
}

// orRoot names the top of the document in messages.
func orRoot(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

// join appends key to a dotted path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// structure decodes a mapping into a struct.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	si := infoFor(v.Type())
	if !d.wantKind(n, yaml.MappingNode, path, "a mapping", "write key: value pairs; keys here: "+strings.Join(si.keys, ", ")) {
		return
	}
	if si.posIndex != nil {
		v.FieldByIndex(si.posIndex).Set(reflect.ValueOf(d.at(n)))
	}
	for _, e := range d.entries(n, path) {
		f := si.byKey[e.key.Value]
		if f == nil {
			d.unknownKey(e.key, path, si.keys)
			continue
		}
		d.decode(e.val, v.FieldByIndex(f.index), join(path, f.key), f)
	}
}

// unknownKey reports a key the struct does not have. A likely intended
// key counts as written, so it is not also reported missing.
func (d *decoder) unknownKey(k *yaml.Node, path string, keys []string) {
	if c := closest(k.Value, keys); c != "" {
		d.failed[join(path, c)] = true
	}
	d.diags.Errorf(d.at(k), suggest(k.Value, keys, "keys here"), "unknown key %s in %s", quote(k.Value), orRoot(path))
}

// list decodes a sequence into a slice.
func (d *decoder) list(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	if !d.wantKind(n, yaml.SequenceNode, path, "a list", "write a list as [a, b] or as lines starting with \"- \"") {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
	}
	v.Set(s)
}

// dict decodes a mapping into a map with string keys.
func (d *decoder) dict(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	if !d.wantKind(n, yaml.MappingNode, path, "a mapping", "write name: value pairs") {
		return
	}
	m := reflect.MakeMap(v.Type())
	for _, e := range d.entries(n, path) {
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(e.val, elem, join(path, e.key.Value), nil)
		m.SetMapIndex(reflect.ValueOf(e.key.Value).Convert(v.Type().Key()), elem)
	}
	v.Set(m)
}

// text decodes a scalar into a string, checking enums.
func (d *decoder) text(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	if !d.wantKind(n, yaml.ScalarNode, path, "text", "write a single value") {
		return
	}
	if n.Tag == "!!bool" {
		d.fail(n, path, "quote it if you mean the text: \""+n.Value+"\"", "%s: expected text, got true or false", path)
		return
	}
	if f != nil && len(f.enum) > 0 && !contains(f.enum, n.Value) {
		d.fail(n, path, suggest(n.Value, f.enum, "valid values"), "%s: unknown %s %s", path, lastKey(stripIndex(path)), quote(n.Value))
		return
	}
	v.SetString(n.Value)
}

// stripIndex drops a trailing "[i]" so list elements are named by their list.
func stripIndex(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndex(path, "["); i >= 0 {
			return path[:i]
		}
	}
	return path
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// integer decodes a scalar into a signed or unsigned integer, checking the
// range of the Go type and the schema's minimum and maximum.
func (d *decoder) integer(n *yaml.Node, v reflect.Value, path string, f *fieldInfo) {
	if !d.wantKind(n, yaml.ScalarNode, path, "a whole number", "write a single number") {
		return
	}
	lo, hi := typeRange(v.Type())
	if f != nil && f.min != nil {
		lo = max(lo, *f.min)
	}
	if f != nil && f.max != nil {
		hi = min(hi, *f.max)
	}
	rangeHint := fmt.Sprintf("use a whole number from %d to %d", lo, hi)
	if hi == math.MaxInt64 {
		rangeHint = fmt.Sprintf("use a whole number of at least %d", lo)
	}
	switch n.Tag {
	case "!!int":
	case "!!float":
		if isDigits(strings.TrimLeft(n.Value, "+-")) {
			d.fail(n, path, rangeHint, "%s: %s is out of range", path, short(n.Value))
		} else {
			d.fail(n, path, rangeHint, "%s: expected a whole number, got %s", path, quote(n.Value))
		}
		return
	case "!!str":
		hint := rangeHint
		if _, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			hint = "remove the quotes"
		}
		d.fail(n, path, hint, "%s: expected a whole number, got text", path)
		return
	default:
		d.fail(n, path, rangeHint, "%s: expected a whole number, got %s", path, describe(n))
		return
	}
	x, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
	if err != nil || x < lo || x > hi {
		d.fail(n, path, rangeHint, "%s: %s is out of range", path, short(n.Value))
		return
	}
	if v.CanInt() {
		v.SetInt(x)
	} else {
		v.SetUint(uint64(x))
	}
}

// typeRange is the range of an integer type, capped to int64.
func typeRange(t reflect.Type) (lo, hi int64) {
	bits := t.Bits()
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if bits >= 64 {
			return 0, 1<<63 - 1
		}
		return 0, 1<<bits - 1
	}
	return -1 << (bits - 1), 1<<(bits-1) - 1
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// boolean decodes true or false.
func (d *decoder) boolean(n *yaml.Node, v reflect.Value, path string) {
	if !d.wantKind(n, yaml.ScalarNode, path, "true or false", "write true or false") {
		return
	}
	if n.Tag != "!!bool" {
		d.fail(n, path, "write true or false", "%s: expected true or false, got %s", path, describe(n))
		return
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		d.fail(n, path, "write true or false", "%s: expected true or false, got %s", path, quote(n.Value))
		return
	}
	v.SetBool(b)
}

// prefix decodes a CIDR prefix such as 10.60.0.0/20.
func (d *decoder) prefix(n *yaml.Node, v reflect.Value, path string) {
	if !d.wantKind(n, yaml.ScalarNode, path, "a CIDR prefix such as 10.60.0.0/20", "write one prefix such as 10.60.0.0/20") {
		return
	}
	p, err := netip.ParsePrefix(n.Value)
	if err != nil {
		hint := "write an IPv4 address, a slash and a prefix length from 0 to 32, such as 10.60.0.0/20"
		if a, aerr := netip.ParseAddr(n.Value); aerr == nil {
			hint = fmt.Sprintf("add a prefix length, such as %s/24", a)
		}
		d.fail(n, path, hint, "%s: %s is not a CIDR prefix", path, quote(n.Value))
		return
	}
	v.Set(reflect.ValueOf(p))
}

// addr decodes an IP address.
func (d *decoder) addr(n *yaml.Node, v reflect.Value, path string) {
	if !d.wantKind(n, yaml.ScalarNode, path, "an IP address", "write one address such as 10.0.0.10") {
		return
	}
	a, err := netip.ParseAddr(n.Value)
	if err != nil {
		hint := "write an IPv4 address such as 10.0.0.10"
		if p, perr := netip.ParsePrefix(n.Value); perr == nil {
			hint = fmt.Sprintf("write the address alone, without the prefix length: %s", p.Addr())
		}
		d.fail(n, path, hint, "%s: %s is not an IP address", path, quote(n.Value))
		return
	}
	v.Set(reflect.ValueOf(a))
}
