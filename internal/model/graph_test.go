package model_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

// vnet stands in for a virtual network with inline subnets.
type vnet struct{ model.Meta }

func (*vnet) Type() model.Type { return model.TypeVirtualNetwork }

// widget exercises every place Refs looks for references.
type widget struct {
	model.Meta
	Direct   model.Ref
	Pointer  *model.Ref
	List     []model.Ref
	ByName   map[string]model.Ref
	Nested   struct{ Inner model.Ref }
	Deep     *widgetPart
	Parts    []widgetPart
	Unset    model.Ref
	internal model.Ref
}

type widgetPart struct{ Target model.Ref }

func (*widget) Type() model.Type { return "Microsoft.Example/widgets" }

func ref(name string) model.Ref {
	return model.Address{Group: "g", Type: "Microsoft.Example/things", Name: name}.Ref()
}

func TestRefsFindsEveryReference(t *testing.T) {
	p := ref("pointer")
	w := &widget{
		Meta: model.Meta{
			Name: "w", Group: "g",
			Scope:     ref("scope"),
			DependsOn: []model.Ref{ref("explicit")},
		},
		Direct:   ref("direct"),
		Pointer:  &p,
		List:     []model.Ref{ref("list0"), {}, ref("list2")},
		ByName:   map[string]model.Ref{"b": ref("map-b"), "a": ref("map-a")},
		Deep:     &widgetPart{Target: ref("deep")},
		Parts:    []widgetPart{{Target: ref("part0")}},
		internal: ref("unexported"),
	}
	w.Nested.Inner = ref("nested")
	var got []string
	for _, r := range model.Refs(w) {
		got = append(got, r.Name)
	}
	// Field order; map entries by key; zero and unexported refs skipped.
	want := []string{"scope", "explicit", "direct", "pointer", "list0", "list2", "map-a", "map-b", "nested", "deep", "part0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Refs(widget) names (-want +got):\n%s", diff)
	}
}

func TestAddRejectsDuplicatesAndEmptyNames(t *testing.T) {
	g := model.NewGraph("t", "australiaeast")
	if err := g.Add(&vnet{Meta: model.Meta{Name: "vnet-hub", Group: "rg-net"}}); err != nil {
		t.Fatalf("Add(vnet) error: %v", err)
	}
	err := g.Add(&vnet{Meta: model.Meta{Name: "vnet-hub", Group: "rg-net"}})
	if err == nil || !strings.Contains(err.Error(), "duplicate resource rg-net:Microsoft.Network/virtualNetworks/vnet-hub") {
		t.Errorf("Add(same vnet again) = %v; want a duplicate resource error", err)
	}
	// The same name in another group is another resource.
	if err := g.Add(&vnet{Meta: model.Meta{Name: "vnet-hub", Group: "rg-other"}}); err != nil {
		t.Errorf("Add(vnet in another group) = %v; want nil", err)
	}
	if err := g.Add(&vnet{Meta: model.Meta{Group: "rg-net"}}); err == nil {
		t.Error("Add(vnet without name) = nil; want an error")
	}
	if g.Len() != 2 {
		t.Errorf("Len() = %d; want 2", g.Len())
	}
}

// network builds a graph with a VNet (subnets inline), a private endpoint in
// one of its subnets targeting a widget, and a private DNS zone with a link.
func network(t *testing.T) (*model.Graph, *model.PrivateEndpoint, *model.PrivateDNSZoneLink) {
	t.Helper()
	g := model.NewGraph("t", "australiaeast")
	target := &widget{Meta: model.Meta{Name: "w", Group: "rg-data"}}
	pe := &model.PrivateEndpoint{
		Meta:    model.Meta{Name: "pe-w", Group: "rg-data"},
		Subnet:  vnetAddr.Child("subnets", "snet-pe").Ref(),
		Target:  model.RefOf(target),
		GroupID: "blob",
	}
	zone := &model.PrivateDNSZone{Meta: model.Meta{Name: "privatelink.blob.core.windows.net", Group: "rg-net", Location: "global"}}
	link := &model.PrivateDNSZoneLink{
		Meta:           model.Meta{Name: zone.Name + "/link-hub", Group: "rg-net", Location: "global"},
		VirtualNetwork: vnetAddr.Ref(),
	}
	for _, r := range []model.Resource{&vnet{Meta: model.Meta{Name: vnetAddr.Name, Group: vnetAddr.Group}}, target, pe, zone, link} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return g, pe, link
}

func TestResolve(t *testing.T) {
	g, _, _ := network(t)
	tests := []struct {
		ref    model.Ref
		want   model.Address
		wantOK bool
	}{
		{vnetAddr.Ref(), vnetAddr, true},
		{subnetAddr.Ref(), vnetAddr, true},
		{vnetAddr.Child("subnets", "a").Child("deeper", "b").Ref(), vnetAddr, true},
		{model.Address{Group: "rg-net", Type: model.TypeVirtualNetwork, Name: "vnet-missing"}.Ref(), model.Address{}, false},
	}
	for _, tt := range tests {
		got, ok := g.Resolve(tt.ref)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Resolve(%v) = %v, %v; want %v, %v", tt.ref, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestDepsResolvesSubnetToVNet(t *testing.T) {
	g, pe, link := network(t)
	// The endpoint depends on the VNet holding its subnet and on its target,
	// sorted by address.
	want := []model.Address{{Group: "rg-data", Type: "Microsoft.Example/widgets", Name: "w"}, vnetAddr}
	if diff := cmp.Diff(want, g.Deps(pe)); diff != "" {
		t.Errorf("Deps(private endpoint) (-want +got):\n%s", diff)
	}
	// A child depends on its parent even without a Ref to it.
	zoneAddr := model.Address{Group: "rg-net", Type: model.TypePrivateDNSZone, Name: "privatelink.blob.core.windows.net"}
	if diff := cmp.Diff([]model.Address{zoneAddr, vnetAddr}, g.Deps(link)); diff != "" {
		t.Errorf("Deps(zone link) (-want +got):\n%s", diff)
	}
}

func TestDepsDeduplicatesAndDropsSelfAndDangling(t *testing.T) {
	g, _, _ := network(t)
	w := &widget{
		Meta:   model.Meta{Name: "w2", Group: "rg-data"},
		Direct: subnetAddr.Ref(),
		List:   []model.Ref{vnetAddr.Ref(), vnetAddr.Child("subnets", "other").Ref(), ref("missing")},
	}
	w.Nested.Inner = model.AddressOf(w).Ref()
	if err := g.Add(w); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]model.Address{vnetAddr}, g.Deps(w)); diff != "" {
		t.Errorf("Deps(widget) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]model.Ref{ref("missing")}, g.Dangling(w)); diff != "" {
		t.Errorf("Dangling(widget) (-want +got):\n%s", diff)
	}
}

func TestResourcesSortedAndTyped(t *testing.T) {
	g, pe, _ := network(t)
	var got []string
	for _, r := range g.Resources() {
		got = append(got, model.AddressOf(r).String())
	}
	want := []string{
		"rg-data:Microsoft.Example/widgets/w",
		"rg-data:Microsoft.Network/privateEndpoints/pe-w",
		"rg-net:Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net",
		"rg-net:Microsoft.Network/privateDnsZones/virtualNetworkLinks/privatelink.blob.core.windows.net/link-hub",
		"rg-net:Microsoft.Network/virtualNetworks/vnet-hub",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Resources() (-want +got):\n%s", diff)
	}
	if eps := model.All[*model.PrivateEndpoint](g); len(eps) != 1 || eps[0] != pe {
		t.Errorf("All[*PrivateEndpoint]() = %v; want [%v]", eps, pe)
	}
	if got, ok := model.Lookup[*model.PrivateEndpoint](g, model.RefOf(pe)); !ok || got != pe {
		t.Errorf("Lookup[*PrivateEndpoint](%v) = %v, %v; want the endpoint, true", model.RefOf(pe), got, ok)
	}
	if _, ok := model.Lookup[*model.PrivateDNSZone](g, model.RefOf(pe)); ok {
		t.Errorf("Lookup[*PrivateDNSZone](endpoint) ok = true; want false")
	}
}

func TestAddParameter(t *testing.T) {
	g := model.NewGraph("t", "australiaeast")
	p := model.Parameter{Name: "vpnSharedKey", Secure: true}
	if err := g.AddParameter(p); err != nil {
		t.Fatal(err)
	}
	if err := g.AddParameter(p); err != nil {
		t.Errorf("AddParameter(same again) = %v; want nil", err)
	}
	if err := g.AddParameter(model.Parameter{Name: "vpnSharedKey"}); err == nil {
		t.Error("AddParameter(same name, not secure) = nil; want an error")
	}
	if err := g.AddParameter(model.Parameter{Name: "adminLogin", Default: "sqladmin"}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range g.Parameters() {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"adminLogin", "vpnSharedKey"}, names); diff != "" {
		t.Errorf("Parameters() (-want +got):\n%s", diff)
	}
}
