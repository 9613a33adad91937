// Package tomodel turns resources importarm evaluated into a *model.Graph:
// known types become typed model resources through per-type converters
// that mirror internal/render/arm's in reverse, resource IDs in properties
// become model.Refs, and every other type is kept as a model.Opaque so
// policy definitions can still evaluate it. Values only Azure knows
// (reference(), list*(), secure parameters) in a field the model needs are
// left zero and listed in Result.Unknowns with their JSON path; they are
// never replaced by a guess.
package tomodel

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Converter turns one evaluated resource into a model resource. It returns
// a nil resource, and no error, for a child the converter of its parent
// folds in (a subnet into its virtual network).
type Converter func(x *Ctx, r importarm.Resource) (model.Resource, error)

// Registry maps ARM types, compared without regard to case, to converters.
// Build one with NewRegistry and pass it to Convert.
type Registry struct {
	kinds map[string]Converter
	// folded are child types whose parent's converter reads them.
	folded map[string]model.Type
	// canon spells each registered type as the model does.
	canon map[string]model.Type
}

// Canonical returns typ spelled as the model spells it when typ is
// registered (ARM types are case-insensitive), typ itself otherwise.
func (g *Registry) Canonical(typ model.Type) model.Type {
	if c, ok := g.canon[strings.ToLower(string(typ))]; ok {
		return c
	}
	return typ
}

// Add registers f for typ; registering a type twice is a program fault.
func (g *Registry) Add(typ model.Type, f Converter) {
	k := strings.ToLower(string(typ))
	if _, dup := g.kinds[k]; dup {
		panic("tomodel: converter registered twice for " + string(typ))
	}
	g.kinds[k] = f
	g.canon[k] = typ
}

// Fold registers child as a type whose declarations the converter of its
// parent type reads (through Ctx.Children), so it makes no resource itself.
func (g *Registry) Fold(child model.Type) {
	g.folded[strings.ToLower(string(child))] = child
	g.canon[strings.ToLower(string(child))] = child
}

// NewRegistry returns the converters for every type enclave maps to a
// typed model kind.
func NewRegistry() *Registry {
	g := &Registry{kinds: map[string]Converter{}, folded: map[string]model.Type{}, canon: map[string]model.Type{}}
	networkKinds(g)
	privateLinkKinds(g)
	paasKinds(g)
	organisationKinds(g)
	authorizationKinds(g)
	governanceKinds(g)
	monitoringKinds(g)
	computeKinds(g)
	return g
}

// Unknown is a value the model needed but the template leaves to Azure.
// The resource is imported with the field zero.
type Unknown struct {
	Resource model.Address
	// Path is the value's JSON path in the source document, e.g.
	// resources[2].properties.subnets[0].properties.addressPrefix.
	Path  string
	Pos   diag.Pos
	Cause importarm.Cause
	Expr  string
}

func (u Unknown) String() string {
	return fmt.Sprintf("%s: %s: %s is unknown until deployment (%s: %s)", u.Pos, u.Resource, u.Path, u.Cause, u.Expr)
}

// OpaqueTypes returns the types kept opaque, sorted.
func (r *Result) OpaqueTypes() []model.Type {
	var out []model.Type
	for t := range r.Opaque {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Result is an imported environment.
type Result struct {
	Graph *model.Graph
	// Unknowns lists, in resource order, the fields left zero because
	// their values are unknown before deployment.
	Unknowns []Unknown
	// Opaque counts the resources kept as model.Opaque, by ARM type.
	Opaque map[model.Type]int
}

// Convert turns res into a graph named name. Errors (a property of the
// wrong type, an unparseable address or ID) are diagnostics at the
// property's line and column; nothing is returned with them.
func Convert(name string, res *importarm.Result, reg *Registry) (*Result, diag.Diagnostics) {
	loc := importarm.DefaultLocation
	out := &Result{Graph: model.NewGraph(name, loc), Opaque: map[model.Type]int{}}
	idx := &index{byID: map[string]*importarm.Resource{}, children: map[string][]*importarm.Resource{}}
	for i := range res.Resources {
		r := &res.Resources[i]
		idx.byID[strings.ToLower(r.ID)] = r
	}
	for i := range res.Resources {
		r := &res.Resources[i]
		if p, ok := idx.parentOf(r); ok {
			k := strings.ToLower(p)
			idx.children[k] = append(idx.children[k], r)
		}
	}
	var ds diag.Diagnostics
	containers := nestedDeployments(res)
	for i := range res.Resources {
		r := &res.Resources[i]
		if containers[deploymentKey(r.ResourceGroup, r.Name)] && strings.EqualFold(r.Type, "Microsoft.Resources/deployments") {
			// A nested deployment with an inline template is a container:
			// the engine has already evaluated its resources into res.
			continue
		}
		if _, err := ParseID(r.ID); err != nil {
			ds.Errorf(r.Pos, "give the resource a type such as Microsoft.Network/virtualNetworks and a name per type segment", "%s %q: %v", r.Type, r.Name, err)
			continue
		}
		x := &Ctx{r: r, idx: idx, reg: reg}
		m, err := convertOne(x, reg, r)
		ds.Append(x.ds)
		if err != nil {
			ds.Errorf(r.Pos, "", "%s %s: %v", r.Type, r.Name, err)
			continue
		}
		if m == nil || x.ds.HasErrors() {
			continue
		}
		if o, ok := m.(*model.Opaque); ok {
			out.Opaque[o.ARMType]++
		}
		a := model.AddressOf(m)
		if err := out.Graph.Add(m); err != nil {
			ds.Errorf(r.Pos, "declare each resource once", "%v", err)
			continue
		}
		for _, u := range x.unknowns {
			u.Resource = a
			out.Unknowns = append(out.Unknowns, u)
		}
	}
	if ds.HasErrors() {
		ds.Sort()
		return nil, ds
	}
	firewallAddresses(out.Graph)
	ds.Sort()
	return out, ds
}

// firewallAddresses gives each firewall whose template does not state its
// private address the one Azure assigns: the first usable address of its
// subnet, after the four Azure reserves.
// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets
func firewallAddresses(g *model.Graph) {
	for _, fw := range model.All[*model.AzureFirewall](g) {
		if fw.PrivateIP.IsValid() || fw.Subnet.IsZero() {
			continue
		}
		vn, ok := model.Lookup[*model.VirtualNetwork](g, fw.Subnet.Parent().Ref())
		if !ok {
			continue
		}
		if s, ok := vn.Subnet(fw.Subnet.Leaf()); ok && s.Prefix.IsValid() {
			a := s.Prefix.Addr()
			for range 4 {
				a = a.Next()
			}
			fw.PrivateIP = a
		}
	}
}

func convertOne(x *Ctx, reg *Registry, r *importarm.Resource) (model.Resource, error) {
	k := strings.ToLower(r.Type)
	if _, ok := reg.folded[k]; ok {
		if _, parent := x.idx.parentOf(r); parent {
			return nil, nil
		}
		// A child whose parent the document does not declare stays opaque.
	} else if f, ok := reg.kinds[k]; ok {
		return f(x, *r)
	}
	return opaque(x, *r)
}

// opaque keeps r as Azure spells it.
func opaque(x *Ctx, r importarm.Resource) (model.Resource, error) {
	o := &model.Opaque{Meta: x.Meta(), ARMType: model.Type(r.Type), APIVersion: r.APIVersion}
	if k := r.Kind; k.Kind() == importarm.String {
		o.Kind = k.Str()
	}
	if r.SKU.Kind() != importarm.Null {
		o.SKU = rawJSON(r.SKU)
	}
	if r.Properties.Kind() != importarm.Null {
		o.Properties = rawJSON(r.Properties)
	}
	for _, z := range x.Items(x.Value(r.Zones, "zones")) {
		o.Zones = append(o.Zones, x.Str(z))
	}
	return o, nil
}

// rawJSON is v as JSON; unknowns are written as importarm spells them (an
// object naming the cause), never as a made-up value.
func rawJSON(v importarm.Value) json.RawMessage {
	// MarshalJSON writes compact JSON already; json.Marshal would check
	// and compact it a second time.
	b, err := v.MarshalJSON()
	if err != nil {
		return nil
	}
	return b
}

// index finds resources by ID and the children declared for each parent.
type index struct {
	byID     map[string]*importarm.Resource
	children map[string][]*importarm.Resource // by lower-case parent ID
}

// parentOf returns the ID of the resource r is a child of, when the
// document declares it.
func (ix *index) parentOf(r *importarm.Resource) (string, bool) {
	i := strings.LastIndexByte(r.ID, '/')
	if i < 0 {
		return "", false
	}
	j := strings.LastIndexByte(r.ID[:i], '/')
	if j < 0 {
		return "", false
	}
	p := r.ID[:j]
	if strings.Count(r.Type, "/") < 2 {
		return "", false
	}
	_, ok := ix.byID[strings.ToLower(p)]
	return p, ok
}

// nestedDeployments returns the nested deployments that declared other
// resources (by resource group and name): containers whose resources the
// engine has already evaluated, not resources of the environment.
func nestedDeployments(res *importarm.Result) map[string]bool {
	out := map[string]bool{}
	for _, r := range res.Resources {
		if r.Deployment == "" {
			continue
		}
		chain := strings.Split(r.Deployment, "/")
		out[deploymentKey(r.ResourceGroup, chain[len(chain)-1])] = true
	}
	return out
}

func deploymentKey(group, name string) string {
	return strings.ToLower(group) + "/" + strings.ToLower(name)
}
