package model

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"sync"
)

// Graph is an environment: its resources, the references between them and
// the deployment parameters they need.
type Graph struct {
	// Name prefixes every resource name; Location is the default region.
	Name     string
	Location string

	resources map[Address]Resource
	params    map[string]Parameter
	// sorted caches Resources' order; Add and Remove clear it.
	sorted []Resource
}

// NewGraph returns an empty graph.
func NewGraph(name, location string) *Graph {
	return &Graph{Name: name, Location: location, resources: map[Address]Resource{}, params: map[string]Parameter{}}
}

// Add inserts r; adding two resources with one address is a program fault.
func (g *Graph) Add(r Resource) error {
	a := AddressOf(r)
	if a.Name == "" || a.Type == "" {
		return fmt.Errorf("resource with empty name or type: %s", a)
	}
	if _, dup := g.resources[a]; dup {
		return fmt.Errorf("duplicate resource %s", a)
	}
	g.resources[a] = r
	g.sorted = nil
	return nil
}

// Remove deletes the resource at a, if present.
func (g *Graph) Remove(a Address) {
	delete(g.resources, a)
	g.sorted = nil
}

// Get returns the resource at a.
func (g *Graph) Get(a Address) (Resource, bool) {
	r, ok := g.resources[a]
	return r, ok
}

// Len returns the number of resources.
func (g *Graph) Len() int { return len(g.resources) }

// Resources returns every resource, sorted by address. The order is
// computed once per change of the graph; callers get their own slice.
func (g *Graph) Resources() []Resource {
	if g.sorted == nil {
		type entry struct {
			a Address
			r Resource
		}
		entries := make([]entry, 0, len(g.resources))
		for a, r := range g.resources {
			entries = append(entries, entry{a, r})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].a.Less(entries[j].a) })
		g.sorted = make([]Resource, len(entries))
		for i, e := range entries {
			g.sorted[i] = e.r
		}
	}
	return slices.Clone(g.sorted)
}

// OfType returns the resources of ARM type t, sorted by address. It scans
// the graph without sorting all of it, for builders that ask often while
// the graph is still growing.
func (g *Graph) OfType(t Type) []Resource {
	var out []Resource
	for a, r := range g.resources {
		if a.Type == t {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return AddressOf(out[i]).Less(AddressOf(out[j])) })
	return out
}

// All returns the resources of kind T, sorted by address.
func All[T Resource](g *Graph) []T {
	candidates := g.Resources()
	var zero T
	if reflect.TypeOf(zero) != nil && reflect.TypeOf(zero).Kind() == reflect.Pointer {
		// A concrete kind has one ARM type: look only at those.
		candidates = g.OfType(zero.Type())
	}
	var out []T
	for _, r := range candidates {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// Lookup returns the resource at ref as a T.
func Lookup[T Resource](g *Graph, ref Ref) (T, bool) {
	r, ok := g.resources[ref.Address]
	if !ok {
		var zero T
		return zero, false
	}
	t, ok := r.(T)
	return t, ok
}

// AddParameter declares a deployment parameter; declaring one name twice
// with different settings is a program fault.
func (g *Graph) AddParameter(p Parameter) error {
	if old, ok := g.params[p.Name]; ok && old != p {
		return fmt.Errorf("parameter %q declared twice differently", p.Name)
	}
	g.params[p.Name] = p
	return nil
}

// Parameters returns the declared parameters sorted by name.
func (g *Graph) Parameters() []Parameter {
	out := make([]Parameter, 0, len(g.params))
	for _, p := range g.params {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Resolve maps a reference to the resource in the graph that stands for it:
// the resource itself, or the nearest ancestor present (a subnet reference
// resolves to its virtual network when subnets are declared inline).
func (g *Graph) Resolve(ref Ref) (Address, bool) {
	for a := ref.Address; !a.IsZero(); a = a.Parent() {
		if _, ok := g.resources[a]; ok {
			return a, true
		}
	}
	return Address{}, false
}

// Deps returns the addresses r depends on: every Ref in its fields, its scope
// and its explicit DependsOn, resolved to resources in the graph, sorted and
// without duplicates. References to resources outside the graph are dropped;
// use Dangling to find them.
func (g *Graph) Deps(r Resource) []Address {
	deps, _ := g.Links(r)
	return deps
}

// Dangling returns the references of r that resolve to nothing in the graph.
func (g *Graph) Dangling(r Resource) []Ref {
	_, dangling := g.Links(r)
	return dangling
}

// Links returns both Deps and Dangling of r from one walk of its fields.
func (g *Graph) Links(r Resource) (deps []Address, dangling []Ref) {
	self := AddressOf(r)
	seen := map[Address]bool{}
	for _, ref := range Refs(r) {
		a, ok := g.Resolve(ref)
		if !ok {
			dangling = append(dangling, ref)
			continue
		}
		if a == self || seen[a] {
			continue
		}
		seen[a] = true
		deps = append(deps, a)
	}
	// A child depends on its parent even when nothing refers to it.
	if p := self.Parent(); !p.IsZero() {
		if a, ok := g.Resolve(Ref{p}); ok && !seen[a] && a != self {
			deps = append(deps, a)
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Less(deps[j]) })
	return deps, dangling
}

var refType = reflect.TypeOf(Ref{})

// Refs returns every non-zero Ref reachable from r's fields (including Meta's
// Scope and DependsOn), in field order.
func Refs(r Resource) []Ref {
	var out []Ref
	collectRefs(reflect.ValueOf(r), &out)
	return out
}

func collectRefs(v reflect.Value, out *[]Ref) {
	if !mayHoldRefs(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectRefs(v.Elem(), out)
		}
	case reflect.Struct:
		if v.Type() == refType {
			if ref := v.Interface().(Ref); !ref.IsZero() {
				*out = append(*out, ref)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				collectRefs(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			collectRefs(v.Index(i), out)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			collectRefs(v.MapIndex(k), out)
		}
	}
}

// holdsRefs caches, per type, whether a value of it can contain a Ref, so
// the walk skips strings, numbers, prefixes and byte documents at once.
var holdsRefs sync.Map // reflect.Type -> bool

func mayHoldRefs(t reflect.Type) bool {
	if v, ok := holdsRefs.Load(t); ok {
		return v.(bool)
	}
	holdsRefs.Store(t, true) // provisional, for recursive types
	got := computeHoldsRefs(t)
	holdsRefs.Store(t, got)
	return got
}

func computeHoldsRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return mayHoldRefs(t.Elem())
	case reflect.Map:
		return mayHoldRefs(t.Elem())
	case reflect.Struct:
		if t == refType {
			return true
		}
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && mayHoldRefs(f.Type) {
				return true
			}
		}
	}
	return false
}
