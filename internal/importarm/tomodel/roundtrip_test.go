package tomodel_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// exampleParams gives the example's parameters that have no default.
const exampleParams = `{"parameters": {
  "adminSshPublicKey": {"value": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"},
  "integrationRuntimeAdminPassword": {"value": "not-a-real-password"},
  "vpnSharedKey": {"value": "not-a-real-key"}
}}`

// example compiles the built-in example and renders it as plan does.
func example(tb testing.TB) (*model.Graph, []byte) {
	tb.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		tb.Fatalf("Compile(example): %v %s", err, ds.Error())
	}
	out, err := arm.Render(res.Graph)
	if err != nil {
		tb.Fatalf("Render(example): %v", err)
	}
	return res.Graph, out.Template
}

func importExample(tb testing.TB, template []byte) *tomodel.Result {
	tb.Helper()
	ev, ds := importarm.Evaluate("azuredeploy.json", template, []byte(exampleParams), importarm.Options{})
	if ds.HasErrors() {
		tb.Fatalf("Evaluate(example):\n%s", ds.Error())
	}
	res, ds := tomodel.Convert("example", ev, tomodel.NewRegistry())
	if ds.HasErrors() {
		tb.Fatalf("Convert(example):\n%s", ds.Error())
	}
	return res
}

// roundTripTypes are the kinds whose every field the importer reads back.
var roundTripTypes = []model.Type{
	model.TypeVirtualNetwork, model.TypeVirtualNetworkPeering, model.TypeNetworkSecurityGroup, model.TypeRouteTable,
	model.TypePublicIPAddress, model.TypeAzureFirewall, model.TypeFirewallPolicy, model.TypeFirewallPolicyRuleCollectionGroup,
	model.TypeVirtualNetworkGateway, model.TypeLocalNetworkGateway, model.TypeConnection, model.TypeBastionHost,
	model.TypeDNSResolver, model.TypeDNSResolverInboundEndpoint,
	model.TypePrivateEndpoint, model.TypePrivateDNSZoneGroup, model.TypePrivateDNSZone, model.TypePrivateDNSZoneLink,
	model.TypeNetworkInterface,
}

// TestRoundTripNetwork renders the example, imports the template, and
// checks the network part of the model comes back equal: every resource,
// every property, every reference. Fields the ARM template does not carry
// (where a resource came from, documentation-only purposes, ordering-only
// dependencies) are left out of the comparison.
func TestRoundTripNetwork(t *testing.T) {
	g, template := example(t)
	got := importExample(t, template)
	checkRoundTrip(t, g, got.Graph, roundTripTypes)
}

// roundTripOpts leave out of the comparison the fields an ARM template does
// not carry.
var roundTripOpts = cmp.Options{
	cmpopts.IgnoreFields(model.Meta{}, "Origin", "Capability", "DependsOn"),
	cmpopts.IgnoreFields(model.Subnet{}, "Purpose"),
	cmpopts.IgnoreFields(model.PublicIPAddress{}, "Purpose"),
	cmpopts.IgnoreFields(model.FirewallPolicyRuleCollectionGroup{}, "Purpose"),
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b interface{ String() string }) bool { return a.String() == b.String() }),
}

// checkRoundTrip compares every resource of each type in types between the
// original graph g and the imported one.
func checkRoundTrip(t *testing.T, g, imported *model.Graph, types []model.Type) {
	t.Helper()
	for _, typ := range types {
		want := g.OfType(typ)
		have := imported.OfType(typ)
		if len(want) == 0 {
			t.Errorf("the example has no %s; the round trip does not cover it", typ)
		}
		if diff := cmp.Diff(want, have, roundTripOpts); diff != "" {
			t.Errorf("round trip of %s (-original +imported):\n%s", typ, diff)
		}
	}
}

// paasAccess is what the importer reads of a PaaS kind: its public
// network access and service firewall.
type paasAccess struct {
	Public model.PublicAccess
	ACL    model.NetworkACL
}

func accessOf(r model.Resource) (paasAccess, bool) {
	switch x := r.(type) {
	case *model.StorageAccount:
		return paasAccess{x.PublicNetworkAccess, x.NetworkACL}, true
	case *model.KeyVault:
		return paasAccess{x.PublicNetworkAccess, x.NetworkACL}, true
	case *model.ContainerRegistry:
		return paasAccess{x.PublicNetworkAccess, x.NetworkACL}, true
	case *model.MLWorkspace:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	case *model.WebApp:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	case *model.DataFactory:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	case *model.DatabricksWorkspace:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	case *model.SynapseWorkspace:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	case *model.EventHubNamespace:
		return paasAccess{Public: x.PublicNetworkAccess}, true
	}
	return paasAccess{}, false
}

// TestRoundTripPaaSAccess checks the PaaS kinds reach reads come back with
// the same public access and service firewall, at the same addresses.
func TestRoundTripPaaSAccess(t *testing.T) {
	g, template := example(t)
	got := importExample(t, template).Graph
	n := 0
	for _, r := range g.Resources() {
		want, ok := accessOf(r)
		if !ok {
			continue
		}
		n++
		a := model.AddressOf(r)
		ir, ok := got.Get(a)
		if !ok {
			t.Errorf("imported model has no %s", a)
			continue
		}
		have, ok := accessOf(ir)
		if !ok {
			t.Errorf("%s imported as %T", a, ir)
			continue
		}
		// The model leaves the firewall zero where a kind has none; the
		// importer reads an absent networkAcls as Azure's default, Allow.
		if want.ACL == (model.NetworkACL{}) {
			have.ACL = model.NetworkACL{}
		}
		if have != want {
			t.Errorf("%s: imported %+v; want %+v", a, have, want)
		}
	}
	if n < 9 {
		t.Errorf("the example has %d PaaS resources reach reads; want one of each of the 9 kinds at least", n)
	}
}

// TestRoundTripCoversTheExample checks the three round-trip tests together
// cover the whole example: every type of the original graph is compared by
// one of them, and the imported graph holds exactly the original's
// addresses, none of them kept opaque.
func TestRoundTripCoversTheExample(t *testing.T) {
	g, template := example(t)
	got := importExample(t, template)
	covered := map[model.Type]bool{}
	for _, list := range [][]model.Type{roundTripTypes, paasRoundTripTypes, typedRoundTripTypes} {
		for _, typ := range list {
			covered[typ] = true
		}
	}
	want := map[model.Address]bool{}
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		want[a] = true
		if !covered[a.Type] {
			t.Errorf("no round-trip test compares %s (%s)", a.Type, a)
		}
	}
	for _, r := range got.Graph.Resources() {
		a := model.AddressOf(r)
		if _, opaque := r.(*model.Opaque); opaque {
			t.Errorf("imported %s is opaque", a)
		}
		if !want[a] {
			t.Errorf("imported %s is not in the original model", a)
		}
		delete(want, a)
	}
	for a := range want {
		t.Errorf("original %s is missing after import", a)
	}
}
