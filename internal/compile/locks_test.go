package compile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

func TestStatefulResourcesAreLocked(t *testing.T) {
	res, ds, err := Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		t.Fatalf("Compile(example) = %v, %v", ds, err)
	}
	g := res.Graph
	locked := map[string]*model.Lock{}
	for _, l := range model.All[*model.Lock](g) {
		locked[l.Scope.String()] = l
	}
	var want, got []string
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		if !slices.Contains(StatefulTypes(), r.Type()) {
			continue
		}
		want = append(want, a.String())
		l := locked[a.String()]
		if l == nil {
			continue
		}
		got = append(got, a.String())
		if l.Level != model.LockCanNotDelete || l.Group != a.Group {
			t.Errorf("lock on %s = level %s in %q; want CanNotDelete in %q", a, l.Level, l.Group, a.Group)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stateful resources without a lock (-want +got):\n%s", diff)
	}
	// Every stateful kind is present in the example, so each is locked.
	for _, typ := range StatefulTypes() {
		if len(resourcesOf(g, typ)) == 0 {
			t.Errorf("the example has no %s; the lock test proves nothing for it", typ)
		}
	}
	// Stateless kinds get none.
	for _, typ := range []model.Type{model.TypeNetworkSecurityGroup, model.TypeVirtualNetwork, model.TypeRouteTable} {
		for _, r := range resourcesOf(g, typ) {
			if l := locked[model.AddressOf(r).String()]; l != nil {
				t.Errorf("%s has lock %s; want none", model.AddressOf(r), l.Name)
			}
		}
	}
}

func resourcesOf(g *model.Graph, typ model.Type) []model.Resource {
	var out []model.Resource
	for _, r := range g.Resources() {
		if r.Type() == typ {
			out = append(out, r)
		}
	}
	return out
}
