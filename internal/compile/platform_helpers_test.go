package compile

import (
	"slices"
	"testing"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// platformStandIn is a resource another capability builds (a firewall, a
// storage account); tests add them so builders that look for resources by
// type or through ctx fields have something to find.
type platformStandIn struct {
	model.Meta
	typ model.Type
}

func (s *platformStandIn) Type() model.Type { return s.typ }

// platformBuild runs every builder over d like Compile does, calling
// preset just before the workstations builder: the point where the
// network, data and ML builders have set their ctx fields.
func platformBuild(t *testing.T, d *spec.Document, preset func(c *ctx)) (*ctx, diag.Diagnostics) {
	t.Helper()
	c := newCtx(d)
	plan, err := planAddresses(d)
	if err != nil {
		t.Fatalf("planAddresses() error: %v", err)
	}
	c.plan = plan
	for _, v := range []string{Hub, Spoke} {
		c.vnets[v] = model.Address{Group: c.rg(RGNetwork), Type: model.TypeVirtualNetwork, Name: c.names.Name("vnet", v)}.Ref()
	}
	for _, b := range builders() {
		if b.name == "workstations" && preset != nil {
			preset(c)
		}
		c.capability = b.name
		b.build(c)
		if c.err != nil {
			t.Fatalf("builder %s: %v", b.name, c.err)
		}
	}
	return c, c.diags
}

// platformExample builds the built-in example, failing on any error.
func platformExample(t *testing.T, edit func(d *spec.Document), preset func(c *ctx)) *ctx {
	t.Helper()
	d := spec.Example()
	if edit != nil {
		edit(d)
	}
	c, ds := platformBuild(t, d, preset)
	if ds.HasErrors() {
		t.Fatalf("build: %v", ds)
	}
	return c
}

// platformAddStandIn adds a resource of type t to c's graph and returns its reference.
func platformAddStandIn(c *ctx, t model.Type, group, name string) model.Ref {
	return c.add(&platformStandIn{Meta: model.Meta{Name: name, Group: group}, typ: t})
}

// platformNames returns the sorted names of the resources of kind T.
func platformNames[T model.Resource](g *model.Graph) []string {
	var out []string
	for _, r := range model.All[T](g) {
		out = append(out, r.Base().Name)
	}
	slices.Sort(out)
	return out
}

// platformGrants lists the role assignments of g as "scope leaf: role -> principal".
func platformGrants(g *model.Graph) []string {
	var out []string
	for _, ra := range model.All[*model.RoleAssignment](g) {
		scope := "subscription"
		if !ra.Scope.IsZero() {
			scope = ra.Scope.Leaf()
		}
		out = append(out, scope+": "+ra.RoleName+" -> "+ra.Principal.Label)
	}
	slices.Sort(out)
	return out
}
