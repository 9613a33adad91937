package check

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
)

// SubscriptionID stands for the subscription in the resource IDs check
// evaluates: the model is checked before it is deployed anywhere.
const SubscriptionID = "00000000-0000-0000-0000-000000000000"

// Resource is one resource as policy sees it.
type Resource struct {
	Address model.Address
	// ID is the ARM resource ID under SubscriptionID.
	ID string
	// Origin is the place in the spec (or template) the resource came
	// from; Path, for an imported template, is its declaration's JSON path.
	Origin diag.Pos
	Path   string
	// Body is the resource in ARM shape: type, name, location, kind, tags,
	// sku, identity, zones and properties, with resource IDs and parameter
	// values resolved (no "[...]" expressions where they can be avoided).
	Body json.RawMessage
}

// resource is a Resource with its body decoded.
type resource struct {
	Resource
	typ      string // as in the body, for case-insensitive comparison
	name     string // leaf name
	fullName string // "parent/child"
	doc      map[string]any
	// indexed says whether Indexed-mode definitions evaluate it.
	indexed bool
}

// Input is the set of resources a Set is evaluated over, indexed for the
// related-resource lookups of auditIfNotExists and deployIfNotExists.
type Input struct {
	resources []*resource
	// byID maps lower-cased resource IDs to resources.
	byID map[string]*resource
	// children maps a resource's lower-cased ID to its children and the
	// extension resources scoped to it.
	children map[string][]*resource
}

// NewInput builds the input from a graph and the ARM bodies of its
// resources (arm.ResourceJSON gives them). Child resources a body declares
// inline (a virtual network's subnets, a security group's rules) are also
// presented as resources of their own, as Azure evaluates them once
// deployed.
func NewInput(g *model.Graph, bodies map[model.Address]json.RawMessage) (*Input, error) {
	var rs []Resource
	all := g.Resources()
	scopes := make(map[string]model.Address, len(all))
	for _, r := range all {
		a := model.AddressOf(r)
		scopes[a.String()] = a
	}
	for _, r := range all {
		a := model.AddressOf(r)
		body, ok := bodies[a]
		if !ok {
			return nil, fmt.Errorf("no ARM body for %s", a)
		}
		rs = append(rs, Resource{Address: a, ID: resourceID(scopes, a), Origin: r.Base().Origin, Body: body})
	}
	return InputOf(rs)
}

// InputOf builds an input from resources given directly (tests, imported
// templates). Resource IDs must be unique. Besides the inline children it
// adds the state Azure derives once deployed (see derive).
func InputOf(rs []Resource) (*Input, error) {
	in := &Input{byID: map[string]*resource{}, children: map[string][]*resource{}}
	for _, r := range rs {
		if err := in.add(r); err != nil {
			return nil, err
		}
	}
	for _, r := range append([]*resource(nil), in.resources...) {
		if err := in.expandInline(r); err != nil {
			return nil, err
		}
	}
	if err := in.derive(); err != nil {
		return nil, err
	}
	sort.Slice(in.resources, func(i, j int) bool {
		return in.resources[i].Address.Less(in.resources[j].Address)
	})
	in.link()
	return in, nil
}

func (in *Input) add(r Resource) error {
	var doc map[string]any
	if err := json.Unmarshal(r.Body, &doc); err != nil {
		return fmt.Errorf("%s: body: %w", r.Address, err)
	}
	key := strings.ToLower(r.ID)
	if _, dup := in.byID[key]; dup {
		return fmt.Errorf("duplicate resource ID %s", r.ID)
	}
	typ, _ := doc["type"].(string)
	if typ == "" {
		typ = string(r.Address.Type)
		doc["type"] = typ
	}
	x := &resource{Resource: r, typ: typ, fullName: r.Address.Name, name: r.Address.Leaf(), doc: doc}
	x.indexed = indexed(x)
	// Policy sees the leaf name and the ID; the template's "a/b" name is
	// the full name.
	doc["name"] = x.name
	doc["id"] = r.ID
	in.byID[key] = x
	in.resources = append(in.resources, x)
	return nil
}

// link indexes each child resource under its parent and each extension
// resource under the resource it extends.
func (in *Input) link() {
	for _, r := range in.resources {
		var owner string
		switch {
		case r.Address.Scope != "":
			if i := strings.LastIndex(strings.ToLower(r.ID), "/providers/"); i > 0 {
				owner = strings.ToLower(r.ID[:i])
			}
		case !r.Address.Parent().IsZero():
			owner = strings.ToLower(parentID(r.ID))
		}
		if _, ok := in.byID[owner]; ok {
			in.children[owner] = append(in.children[owner], r)
		}
	}
}

// parentID drops the last type/name pair of a resource ID.
func parentID(id string) string {
	i := strings.LastIndexByte(id, '/')
	if i < 0 {
		return ""
	}
	j := strings.LastIndexByte(id[:i], '/')
	if j < 0 {
		return ""
	}
	return id[:j]
}

// Len returns the number of resources, inline children included.
func (in *Input) Len() int { return len(in.resources) }

// Presented returns the body of the resource at a as the evaluator sees it:
// the body given, with its leaf name and ID, and the state derived from
// other resources (see derive).
func (in *Input) Presented(a model.Address) (json.RawMessage, bool) {
	for _, r := range in.resources {
		if r.Address == a {
			b, err := json.Marshal(r.doc)
			return b, err == nil
		}
	}
	return nil, false
}

// Resources returns the resources sorted by address, with their bodies as
// given (inline children and derived resources included).
func (in *Input) Resources() []Resource {
	out := make([]Resource, len(in.resources))
	for i, r := range in.resources {
		out[i] = r.Resource
	}
	return out
}

// ResourceID returns the ARM ID of the resource at a in g, under
// SubscriptionID: resource groups, resources in a group, subscription-level
// resources and extension resources scoped to any of them.
func ResourceID(g *model.Graph, a model.Address) string {
	scopes := map[string]model.Address{}
	for s := a.Scope; s != ""; {
		sa := findScope(g, s)
		if sa.IsZero() {
			break
		}
		scopes[s] = sa
		s = sa.Scope
	}
	return resourceID(scopes, a)
}

// resourceID is ResourceID with the scopes indexed by address string.
func resourceID(scopes map[string]model.Address, a model.Address) string {
	sub := "/subscriptions/" + SubscriptionID
	if a.Scope != "" {
		base := sub
		if scope, ok := scopes[a.Scope]; ok {
			base = resourceID(scopes, scope)
		}
		return base + "/providers/" + typeAndNames(a)
	}
	switch {
	case a.Type == model.TypeResourceGroup:
		return sub + "/resourceGroups/" + a.Name
	case a.Group == "":
		return sub + "/providers/" + typeAndNames(a)
	default:
		return sub + "/resourceGroups/" + a.Group + "/providers/" + typeAndNames(a)
	}
}

// findScope returns the address whose String is s.
func findScope(g *model.Graph, s string) model.Address {
	for _, r := range g.Resources() {
		if a := model.AddressOf(r); a.String() == s {
			return a
		}
	}
	return model.Address{}
}

// typeAndNames interleaves type segments and names: "Microsoft.Network/
// virtualNetworks/hub/subnets/default".
func typeAndNames(a model.Address) string {
	segs := a.Type.Segments()
	names := a.Names()
	var b strings.Builder
	b.WriteString(a.Type.Namespace())
	for i, s := range segs {
		b.WriteString("/")
		b.WriteString(s)
		if i < len(names) {
			b.WriteString("/")
			b.WriteString(names[i])
		}
	}
	return b.String()
}
