// Package terraform renders a model.Graph as Terraform configuration for the
// azurerm 4.x provider, written with hclwrite and formatted as terraform fmt
// formats it. Per-kind converters only map fields onto blocks (Ctx gives
// them names, references, variables and identities); labels, references
// between blocks, depends_on, files and encoding live in this file and
// write.go. The model stays the single source of truth: references between
// resources are Terraform expressions resolved when the files are written,
// never resource IDs.
package terraform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// File is one rendered .tf file.
type File struct {
	Name string
	Data []byte
}

// Output is the rendered configuration and how the model maps onto it.
type Output struct {
	// Files are sorted by name: main.tf, network.tf, ..., outputs.tf,
	// variables.tf, versions.tf.
	Files []File
	// Index says, for every model resource in address order, which
	// Terraform blocks its converter wrote.
	Index []Mapping
}

// Resources returns the number of resource blocks written.
func (o Output) Resources() int {
	n := 0
	for _, m := range o.Index {
		n += len(m.Blocks)
	}
	return n
}

// Mapping is what one model resource became.
type Mapping struct {
	Model model.Address
	// Stands is the Terraform address references to the resource resolve
	// to: its own block, or the block it is folded into.
	Stands string
	// Blocks are the resource blocks its converter wrote ("azurerm_subnet.hub_gateway").
	Blocks []string
	// FoldedInto and Reason are set when the resource is written as a
	// nested block of another resource's block instead of its own.
	FoldedInto model.Address
	Reason     string
	// AzAPI is set when the resource is an azapi_resource because azurerm
	// has no resource for it; Reason says so.
	AzAPI bool
}

// converter renders one model kind.
type converter func(x *Ctx, r model.Resource) error

// kind registers f as the converter for the model kind T.
func kind[T model.Resource](f func(x *Ctx, r T) error) (model.Type, converter) {
	var zero T
	return zero.Type(), func(x *Ctx, r model.Resource) error { return f(x, r.(T)) }
}

// table collects converters; each namespace file returns one.
type table map[model.Type]converter

func (t table) add(typ model.Type, c converter) {
	if _, dup := t[typ]; dup {
		panic("terraform: converter registered twice for " + string(typ))
	}
	t[typ] = c
}

// Renderer renders graphs; build one with New and reuse it.
type Renderer struct {
	kinds table
}

// New returns a Renderer with every converter registered.
func New() *Renderer { return &Renderer{kinds: registry()} }

// Render renders g with a new Renderer.
func Render(g *model.Graph) (Output, error) { return New().Render(g) }

// Supports reports whether typ has a converter.
func (rd *Renderer) Supports(typ model.Type) bool { _, ok := rd.kinds[typ]; return ok }

// MissingError lists the model kinds of a graph that have no converter.
type MissingError struct{ Types []model.Type }

func (e *MissingError) Error() string {
	s := make([]string, len(e.Types))
	for i, t := range e.Types {
		s[i] = string(t)
	}
	return fmt.Sprintf("no Terraform converter for %d kinds: %s", len(s), strings.Join(s, ", "))
}

// Missing returns the kinds in g without a converter, sorted.
func (rd *Renderer) Missing(g *model.Graph) []model.Type {
	seen := map[model.Type]bool{}
	var out []model.Type
	for _, r := range g.Resources() {
		if t := r.Type(); !rd.Supports(t) && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Render renders g. Every kind in g must have a converter; a graph with
// kinds that have none is a *MissingError naming them all.
func (rd *Renderer) Render(g *model.Graph) (Output, error) {
	if m := rd.Missing(g); len(m) > 0 {
		return Output{}, &MissingError{Types: m}
	}
	st := newState(g)
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		if refs := g.Dangling(r); len(refs) > 0 {
			return Output{}, fmt.Errorf("%s refers to %s, which is not in the model", a, refs[0])
		}
		x := &Ctx{st: st, r: r, addr: a, file: fileFor(r.Base().Capability)}
		if err := rd.kinds[r.Type()](x, r); err != nil {
			return Output{}, fmt.Errorf("%s: %w", a, err)
		}
		m := st.mapping(a)
		if m.Stands == "" && m.FoldedInto.IsZero() {
			return Output{}, fmt.Errorf("%s: converter wrote no block standing for it and recorded no fold", a)
		}
	}
	return st.write()
}

// fileFor names the file a capability's blocks go to.
func fileFor(capability string) string {
	switch capability {
	case "", "organisation":
		return "main.tf"
	case "alerts":
		return "monitoring.tf"
	default:
		return capability + ".tf"
	}
}

// state is one rendering in progress.
type state struct {
	g      *model.Graph
	scopes map[string]model.Address
	// blocks in the order converters wrote them, per file.
	files map[string][]*Block
	// stands maps model addresses to the block standing for them.
	stands map[model.Address]*Body
	// primary is the block whose depends_on a model resource's explicit
	// dependencies go to.
	primary map[model.Address]*Body
	index   map[model.Address]*Mapping
	labels  map[string]map[string]bool // type -> labels used
	outputs []*Block
	// entries collects outputs built from one entry per resource
	// (OutputEntry), written as one object each.
	entries map[string]*outputEntries
	azapi   bool
	// pendingFolds are resolved once every block is written.
	pendingFolds []fold
}

func newState(g *model.Graph) *state {
	st := &state{
		g:       g,
		scopes:  map[string]model.Address{},
		files:   map[string][]*Block{},
		stands:  map[model.Address]*Body{},
		primary: map[model.Address]*Body{},
		index:   map[model.Address]*Mapping{},
		labels:  map[string]map[string]bool{},
		entries: map[string]*outputEntries{},
	}
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		st.scopes[a.String()] = a
	}
	return st
}

func (st *state) mapping(a model.Address) *Mapping {
	m, ok := st.index[a]
	if !ok {
		m = &Mapping{Model: a}
		st.index[a] = m
	}
	return m
}

// resolve finds the block standing for a. There is no fallback to an
// ancestor: a subnet's converter registers the subnet's own block.
func (st *state) resolve(a model.Address) (*Body, bool) {
	b, ok := st.stands[a]
	return b, ok
}
