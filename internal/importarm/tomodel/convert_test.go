package tomodel_test

import (
	"encoding/json"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
	"github.com/enclave-dev/enclave/internal/model"
)

func convertFile(t *testing.T, file string) (*tomodel.Result, string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ev, ds := importarm.Evaluate(file, src, nil, importarm.Options{ResourceGroup: "rg-lab"})
	if ds.HasErrors() {
		t.Fatalf("Evaluate(%s):\n%s", file, ds.Error())
	}
	res, ds := tomodel.Convert("lab", ev, tomodel.NewRegistry())
	if ds.HasErrors() {
		t.Fatalf("Convert(%s):\n%s", file, ds.Error())
	}
	return res, string(src)
}

var modelOpts = cmp.Options{
	cmpopts.IgnoreFields(model.Meta{}, "Origin", "Capability"),
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b netip.Prefix) bool { return a == b }),
	cmp.Comparer(func(a, b netip.Addr) bool { return a == b }),
}

func TestConvertChildrenFold(t *testing.T) {
	res, _ := convertFile(t, "testdata/children.json")
	g := res.Graph
	grp := "rg-lab"
	vnet := model.Address{Group: grp, Type: model.TypeVirtualNetwork, Name: "lab-vnet"}
	nsg := model.Address{Group: grp, Type: model.TypeNetworkSecurityGroup, Name: "nsg-workload"}
	rt := model.Address{Group: grp, Type: model.TypeRouteTable, Name: "rt-workload"}
	want := []model.Resource{
		&model.VirtualNetwork{Meta: model.Meta{Name: "lab-vnet", Group: grp, Location: "westeurope"},
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets: []model.Subnet{
				{Name: "inline", Prefix: netip.MustParsePrefix("10.1.0.0/24")},
				{Name: "workload", Prefix: netip.MustParsePrefix("10.1.1.0/24"), NSG: nsg.Ref(), RouteTable: rt.Ref(), DefaultOutboundAccess: true},
			}},
		&model.NetworkSecurityGroup{Meta: model.Meta{Name: "nsg-workload", Group: grp, Location: "westeurope"}, Rules: []model.SecurityRule{
			{Name: "deny-all-in", Priority: 4000, Direction: model.Inbound, Access: model.Deny, Protocol: model.ProtocolAny,
				Sources: []model.AddressSpec{model.AnyAddress()}, SourcePorts: []model.PortRange{model.AnyPort},
				Destinations: []model.AddressSpec{model.AnyAddress()}, DestinationPorts: []model.PortRange{model.AnyPort}},
			{Name: "allow-ssh", Priority: 100, Direction: model.Inbound, Access: model.Allow, Protocol: model.ProtocolTCP,
				Sources: []model.AddressSpec{model.TagSpec(model.TagInternet)}, SourcePorts: []model.PortRange{model.AnyPort},
				Destinations:     []model.AddressSpec{model.PrefixSpec(netip.MustParsePrefix("10.1.1.0/24")), model.HostSpec(netip.MustParseAddr("10.1.0.4"))},
				DestinationPorts: []model.PortRange{model.Port(22), model.Ports(8000, 8080)}},
		}},
		&model.RouteTable{Meta: model.Meta{Name: "rt-workload", Group: grp, Location: "westeurope"}, DisableBGPRoutePropagation: true, Routes: []model.Route{
			{Name: "default", Prefix: netip.MustParsePrefix("0.0.0.0/0"), NextHop: model.NextHopVirtualAppliance, NextHopIP: netip.MustParseAddr("10.0.1.4")},
		}},
		&model.StorageAccount{Meta: model.Meta{Name: "stlab", Group: grp, Location: "westeurope"}, SKU: model.StorageStandardLRS,
			SharedKeyAccess: true, HTTPSOnly: true,
			NetworkACL: model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices}},
	}
	for _, w := range want {
		a := model.AddressOf(w)
		got, ok := g.Get(a)
		if !ok {
			t.Errorf("Convert(children.json) has no %s", a)
			continue
		}
		if diff := cmp.Diff(w, got, modelOpts); diff != "" {
			t.Errorf("Convert(children.json) %s (-want +got):\n%s", a, diff)
		}
	}
	for _, child := range []model.Type{"Microsoft.Network/virtualNetworks/subnets", "Microsoft.Network/networkSecurityGroups/securityRules", "Microsoft.Network/routeTables/routes"} {
		if rs := g.OfType(child); len(rs) > 0 {
			t.Errorf("Convert(children.json) kept %d %s resources; want them folded into their parents", len(rs), child)
		}
	}
	if _, ok := g.Get(vnet); !ok {
		t.Errorf("no vnet")
	}
}

func TestConvertUnknownIsListedNotDefaulted(t *testing.T) {
	res, src := convertFile(t, "testdata/children.json")
	st, ok := model.Lookup[*model.StorageAccount](res.Graph, model.Address{Group: "rg-lab", Type: model.TypeStorageAccount, Name: "stlab"}.Ref())
	if !ok {
		t.Fatal("no storage account")
	}
	if st.PublicNetworkAccess != "" {
		t.Errorf("PublicNetworkAccess = %q; want it left zero, the template's value is unknown", st.PublicNetworkAccess)
	}
	var found *tomodel.Unknown
	for i, u := range res.Unknowns {
		if strings.HasSuffix(u.Path, ".properties.publicNetworkAccess") {
			found = &res.Unknowns[i]
		}
	}
	if found == nil {
		t.Fatalf("Unknowns = %v; want properties.publicNetworkAccess of stlab", res.Unknowns)
	}
	if found.Cause != importarm.CauseReference || found.Resource.Name != "stlab" {
		t.Errorf("unknown = %+v; want a reference() unknown of stlab", found)
	}
	line := strings.Split(src, "\n")[found.Pos.Line-1]
	if !strings.Contains(line, `"publicNetworkAccess"`) {
		t.Errorf("unknown at %s, line %q; want the publicNetworkAccess line", found.Pos, line)
	}
}

func TestConvertOpaque(t *testing.T) {
	res, _ := convertFile(t, "testdata/children.json")
	g := res.Graph
	o, ok := model.Lookup[*model.Opaque](g, model.Address{Group: "rg-lab", Type: "Contoso.Widgets/gadgets", Name: "g1"}.Ref())
	if !ok {
		t.Fatalf("no opaque gadget; graph has %d resources", g.Len())
	}
	if o.Type() != "Contoso.Widgets/gadgets" || o.APIVersion != "2025-01-01" || o.Location != "westeurope" {
		t.Errorf("opaque = %+v", o)
	}
	var props, sku map[string]any
	if err := json.Unmarshal(o.Properties, &props); err != nil || props["color"] != "blue" || props["size"] != 3.0 {
		t.Errorf("opaque properties = %s (%v)", o.Properties, err)
	}
	if err := json.Unmarshal(o.SKU, &sku); err != nil || sku["name"] != "S1" {
		t.Errorf("opaque sku = %s (%v)", o.SKU, err)
	}
	// An extension resource keeps the resource it extends as its scope.
	var lock *model.Lock
	for _, r := range g.OfType(model.TypeLock) {
		lock = r.(*model.Lock)
	}
	want := model.Address{Group: "rg-lab", Type: model.TypeVirtualNetwork, Name: "lab-vnet"}.Ref()
	if lock == nil || lock.Scope != want || lock.Level != model.LockCanNotDelete {
		t.Errorf("lock = %+v; want a CanNotDelete lock scoped to %s", lock, want)
	}
	if got := res.Opaque["Contoso.Widgets/gadgets"]; got != 1 {
		t.Errorf("Opaque[gadgets] = %d; want 1", got)
	}
}

func TestConvertOrigin(t *testing.T) {
	res, src := convertFile(t, "testdata/children.json")
	for _, r := range res.Graph.Resources() {
		m := r.Base()
		if m.Origin.File != "testdata/children.json" || m.Origin.Line == 0 {
			t.Errorf("%s: Origin = %v; want a line in the template", model.AddressOf(r), m.Origin)
			continue
		}
		if line := strings.Split(src, "\n")[m.Origin.Line-1]; !strings.Contains(line, "{") {
			t.Errorf("%s: Origin %v is line %q; want the declaration's opening brace", model.AddressOf(r), m.Origin, line)
		}
	}
}

func TestConvertErrors(t *testing.T) {
	for _, tc := range []struct {
		name, props, want string
	}{
		{"bad prefix", `{"addressSpace": {"addressPrefixes": ["10.0.0.0/33"]}}`, "4:55"},
		{"wrong kind", `{"addressSpace": {"addressPrefixes": "10.0.0.0/16"}}`, "4:54"},
		{"bad subnet ref", `{"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": [{"name": "a", "properties": {"addressPrefix": "10.0.0.0/24", "routeTable": {"id": "not-an-id"}}}]}`, "4:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
"resources": [
 {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "v", "location": "westeurope",
  "properties": ` + tc.props + `}]}`
			ev, ds := importarm.Evaluate("t.json", []byte(src), nil, importarm.Options{})
			if ds.HasErrors() {
				t.Fatalf("Evaluate: %s", ds.Error())
			}
			res, ds := tomodel.Convert("t", ev, tomodel.NewRegistry())
			if res != nil || !ds.HasErrors() {
				t.Fatalf("Convert(%s) = %v, %v; want an error", tc.props, res, ds)
			}
			if got := ds[0].Pos.String(); !strings.HasPrefix(got, "t.json:"+tc.want) {
				t.Errorf("Convert(%s) error at %s (%s); want t.json:%s", tc.props, got, ds[0].Summary, tc.want)
			}
		})
	}
}

func TestParseID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want model.Address
		err  bool
	}{
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/default",
			model.Address{Group: "rg", Type: "Microsoft.Network/virtualNetworks/subnets", Name: "hub/default"}, false},
		{"/subscriptions/s/providers/Microsoft.Authorization/policyDefinitions/p1",
			model.Address{Type: "Microsoft.Authorization/policyDefinitions", Name: "p1"}, false},
		{"/subscriptions/s/resourceGroups/rg",
			model.Address{Type: model.TypeResourceGroup, Name: "rg"}, false},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/providers/Microsoft.Insights/diagnosticSettings/d",
			model.Address{Type: "Microsoft.Insights/diagnosticSettings", Name: "d", Scope: "rg:Microsoft.KeyVault/vaults/kv"}, false},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/x",
			model.Address{Group: "rg", Type: "Microsoft.Authorization/roleAssignments", Name: "x"}, false},
		{"subnet-1", model.Address{}, true},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks", model.Address{}, true},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks//subnets/a", model.Address{}, true},
	} {
		got, err := tomodel.ParseID(tc.id)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseID(%q) = %v, %v; want %v (error %v)", tc.id, got, err, tc.want, tc.err)
		}
	}
}
