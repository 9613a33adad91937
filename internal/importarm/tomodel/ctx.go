package tomodel

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Ctx is what a converter reads one resource with. Its readers record
// unknown values (and leave the result zero) and type errors (as
// diagnostics at the value's position), so a converter reads every field
// it needs and returns; Convert reports what was recorded.
type Ctx struct {
	r        *importarm.Resource
	idx      *index
	reg      *Registry
	unknowns []Unknown
	ds       diag.Diagnostics
}

// V is an evaluated value with its JSON path inside the resource
// declaration ("properties.subnets[0].name"), and the declaration it
// belongs to, for positions.
type V struct {
	v    importarm.Value
	path string
	r    *importarm.Resource
}

// Value wraps v, found at path in the resource being converted.
func (x *Ctx) Value(v importarm.Value, path string) V { return V{v: v, path: path, r: x.r} }

// Props returns the resource's properties.
func (x *Ctx) Props() V { return x.Value(x.r.Properties, "properties") }

// Get returns the member key of v (null when absent or v is no object).
func (v V) Get(key string) V {
	m, _ := v.v.Get(key)
	p := key
	if v.path != "" {
		p = v.path + "." + key
	}
	return V{v: m, path: p, r: v.r}
}

// At follows a dotted member path: v.At("ipConfigurations", ...).
func (v V) At(keys ...string) V {
	for _, k := range keys {
		v = v.Get(k)
	}
	return v
}

// Null reports whether v is absent or null.
func (v V) Null() bool { return v.v.Kind() == importarm.Null }

func (x *Ctx) pos(v V) diag.Pos {
	if v.r == nil {
		return x.r.Pos
	}
	return v.r.PosOf(v.path)
}

// docPath is v's JSON path in the whole document.
func (x *Ctx) docPath(v V) string {
	r := v.r
	if r == nil {
		r = x.r
	}
	if v.path == "" {
		return r.Path
	}
	return r.Path + "." + v.path
}

// known reports whether v is known, recording it as unknown otherwise.
func (x *Ctx) known(v V) bool {
	if v.v.IsKnown() {
		return true
	}
	u := v.v.Unknown()
	x.unknowns = append(x.unknowns, Unknown{Path: x.docPath(v), Pos: x.pos(v), Cause: u.Cause, Expr: u.Expr})
	return false
}

func (x *Ctx) typeError(v V, want string) {
	x.ds.Errorf(x.pos(v), "write "+want+" here", "%s: %s holds %s, not %s", x.r.Name, x.docPath(v), v.v.Kind(), want)
}

// Items returns the elements of an array (none for null or unknown).
func (x *Ctx) Items(v V) []V {
	if v.Null() || !x.known(v) {
		return nil
	}
	if v.v.Kind() != importarm.Array {
		x.typeError(v, "an array")
		return nil
	}
	var out []V
	for i, it := range v.v.Items() {
		out = append(out, V{v: it, path: fmt.Sprintf("%s[%d]", v.path, i), r: v.r})
	}
	return out
}

// Str returns a string ("" for null or unknown).
func (x *Ctx) Str(v V) string {
	if v.Null() || !x.known(v) {
		return ""
	}
	if v.v.Kind() != importarm.String {
		x.typeError(v, "a string")
		return ""
	}
	return v.v.Str()
}

// Strs returns an array of strings.
func (x *Ctx) Strs(v V) []string {
	var out []string
	for _, it := range x.Items(v) {
		out = append(out, x.Str(it))
	}
	return out
}

// Bool returns a boolean (false for null or unknown). ARM accepts the
// strings "true" and "false" too.
func (x *Ctx) Bool(v V) bool {
	if v.Null() || !x.known(v) {
		return false
	}
	switch v.v.Kind() {
	case importarm.Bool:
		return v.v.Bool()
	case importarm.String:
		if b, err := strconv.ParseBool(v.v.Str()); err == nil {
			return b
		}
	}
	x.typeError(v, "a boolean")
	return false
}

// Int returns an integer (0 for null or unknown); numeric strings count.
func (x *Ctx) Int(v V) int {
	if v.Null() || !x.known(v) {
		return 0
	}
	switch v.v.Kind() {
	case importarm.Int:
		return int(v.v.Int())
	case importarm.Float:
		if f := v.v.Float(); f == float64(int(f)) {
			return int(f)
		}
	case importarm.String:
		if i, err := strconv.Atoi(v.v.Str()); err == nil {
			return i
		}
	}
	x.typeError(v, "an integer")
	return 0
}

// Prefix returns an IP prefix; a bare address is a host prefix.
func (x *Ctx) Prefix(v V) netip.Prefix {
	s := x.Str(v)
	if s == "" {
		return netip.Prefix{}
	}
	p, err := parsePrefix(s)
	if err != nil {
		x.ds.Errorf(x.pos(v), "write an address prefix such as 10.0.0.0/24", "%s: %s: %v", x.r.Name, x.docPath(v), err)
	}
	return p
}

func parsePrefix(s string) (netip.Prefix, error) {
	if !strings.Contains(s, "/") {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return netip.Prefix{}, err
		}
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(s)
	return p.Masked(), err
}

// Prefixes returns an array of prefixes.
func (x *Ctx) Prefixes(v V) []netip.Prefix {
	var out []netip.Prefix
	for _, it := range x.Items(v) {
		if p := x.Prefix(it); p.IsValid() {
			out = append(out, p)
		}
	}
	return out
}

// Addr returns an IP address.
func (x *Ctx) Addr(v V) netip.Addr {
	s := x.Str(v)
	if s == "" {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		x.ds.Errorf(x.pos(v), "write an IP address such as 10.0.0.4", "%s: %s: %v", x.r.Name, x.docPath(v), err)
	}
	return a
}

// Addrs returns an array of IP addresses.
func (x *Ctx) Addrs(v V) []netip.Addr {
	var out []netip.Addr
	for _, it := range x.Items(v) {
		if a := x.Addr(it); a.IsValid() {
			out = append(out, a)
		}
	}
	return out
}

// Ref parses a resource ID into a reference (zero for null or unknown).
func (x *Ctx) Ref(v V) model.Ref {
	s := x.Str(v)
	if s == "" {
		return model.Ref{}
	}
	a, err := ParseID(s)
	if err != nil {
		x.ds.Errorf(x.pos(v), "write a resource ID, e.g. with resourceId()", "%s: %s: %v", x.r.Name, x.docPath(v), err)
		return model.Ref{}
	}
	return x.canonical(a).Ref()
}

// SubRef reads {"id": ...}, the way ARM references another resource.
func (x *Ctx) SubRef(v V) model.Ref { return x.Ref(v.Get("id")) }

// Meta returns the common fields of the resource being converted: name,
// group, location, tags, extension scope and its origin in the template.
func (x *Ctx) Meta() model.Meta {
	r := x.r
	m := model.Meta{Name: r.Name, Group: r.ResourceGroup, Origin: r.Pos, Capability: "import"}
	m.Location = x.Str(x.Value(r.Location, "location"))
	tags := x.Value(r.Tags, "tags")
	if !tags.Null() && x.known(tags) {
		if o := tags.v.Obj(); o != nil {
			m.Tags = map[string]string{}
			for i, k := range o.Keys {
				m.Tags[k] = x.Str(V{v: o.Vals[i], path: "tags." + k, r: r})
			}
		} else {
			x.typeError(tags, "an object")
		}
	}
	if r.Scope != "" {
		a, err := ParseID(r.Scope)
		if err != nil {
			x.ds.Errorf(r.PosOf("scope"), "write the ID of the resource extended", "%s: scope: %v", r.Name, err)
		} else if a.Type != model.TypeResourceGroup {
			m.Scope = x.canonical(a).Ref()
		}
	}
	return m
}

// Children returns the resources declared as children of type segment seg
// ("subnets") of the resource being converted, in source order.
func (x *Ctx) Children(seg string) []*importarm.Resource {
	want := strings.ToLower(x.r.Type + "/" + seg)
	var out []*importarm.Resource
	for _, c := range x.idx.children[strings.ToLower(x.r.ID)] {
		if strings.ToLower(c.Type) == want {
			out = append(out, c)
		}
	}
	return out
}

// Child returns a reader of the child resource c's properties.
func (x *Ctx) Child(c *importarm.Resource) V { return V{v: c.Properties, path: "properties", r: c} }

// Leaf returns the last name segment of the resource c.
func Leaf(c *importarm.Resource) string {
	i := strings.LastIndexByte(c.Name, '/')
	return c.Name[i+1:]
}

// canonical spells a's type, and its scope's, as the model does.
func (x *Ctx) canonical(a model.Address) model.Address {
	a.Type = x.reg.Canonical(a.Type)
	return a
}
