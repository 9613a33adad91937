package terraform

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/model"
)

func TestVarName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"vpnSharedKey", "vpn_shared_key"},
		{"adminSshPublicKey", "admin_ssh_public_key"},
		{"location", "location"},
	} {
		if got := VarName(tt.in); got != tt.want {
			t.Errorf("VarName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"vnet-kodata-hub", "vnet_kodata_hub"},
		{"privatelink.blob.core.windows.net", "privatelink_blob_core_windows_net"},
		{"GatewaySubnet", "gatewaysubnet"},
		{"1c480440", "r_1c480440"},
		{"a--b__c-", "a_b_c"},
	} {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestShorten(t *testing.T) {
	st := newState(model.NewGraph("kodata", "australiaeast"))
	for _, tt := range []struct{ in, want string }{
		{"vnet-kodata-hub", "hub"},
		{"rg-kodata-network", "network"},
		{"bas-kodata", "bas"},
		{"GatewaySubnet", "GatewaySubnet"},
		{"kodata", "kodata"},
		{"1c480440-ec46-507e-b2cf-3c0c250f3777", "id_1c480440"},
	} {
		if got := st.shorten(tt.in); got != tt.want {
			t.Errorf("shorten(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// smallGraph is a resource group with one VNet, two subnets and an NSG.
func smallGraph(t *testing.T) *model.Graph {
	t.Helper()
	g := model.NewGraph("kodata", "australiaeast")
	rg := &model.ResourceGroup{Meta: model.Meta{Name: "rg-kodata-network", Location: "australiaeast", Capability: "organisation"}}
	nsg := &model.NetworkSecurityGroup{Meta: model.Meta{Name: "nsg-kodata-a", Group: rg.Name, Location: "australiaeast", Capability: "network"}}
	vnet := &model.VirtualNetwork{
		Meta:         model.Meta{Name: "vnet-kodata-hub", Group: rg.Name, Location: "australiaeast", Capability: "network"},
		AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/24")},
		Subnets: []model.Subnet{
			{Name: "a", Prefix: netip.MustParsePrefix("10.0.0.0/25"), NSG: model.RefOf(nsg)},
			{Name: "b", Prefix: netip.MustParsePrefix("10.0.0.128/25")},
		},
	}
	for _, r := range []model.Resource{rg, nsg, vnet} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestSubnetReferencesResolveToTheirBlocks(t *testing.T) {
	g := smallGraph(t)
	vnet, _ := g.Get(model.Address{Group: "rg-kodata-network", Type: model.TypeVirtualNetwork, Name: "vnet-kodata-hub"})
	res := &model.DNSResolver{Meta: model.Meta{Name: "dnspr-kodata", Group: "rg-kodata-network", Location: "australiaeast", Capability: "dns"}, VirtualNetwork: model.RefOf(vnet)}
	in := &model.DNSResolverInboundEndpoint{Meta: model.Meta{Name: "dnspr-kodata/inbound", Group: "rg-kodata-network", Location: "australiaeast", Capability: "dns"}, Subnet: model.SubnetRef(model.RefOf(vnet), "b")}
	for _, r := range []model.Resource{res, in} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Render(g)
	if err != nil {
		t.Fatal(err)
	}
	dns := string(fileNamed(out, "dns.tf"))
	for _, want := range []string{
		"subnet_id                    = azurerm_subnet.hub_b.id",
		"private_dns_resolver_id = azurerm_private_dns_resolver.dnspr.id",
		"virtual_network_id  = azurerm_virtual_network.hub.id",
	} {
		if !strings.Contains(dns, want) {
			t.Errorf("dns.tf lacks %q:\n%s", want, dns)
		}
	}
	network := string(fileNamed(out, "network.tf"))
	for _, want := range []string{
		`resource "azurerm_subnet_network_security_group_association" "hub_a_nsg"`,
		"network_security_group_id = azurerm_network_security_group.a.id",
		"virtual_network_name            = azurerm_virtual_network.hub.name",
	} {
		if !strings.Contains(network, want) {
			t.Errorf("network.tf lacks %q:\n%s", want, network)
		}
	}
}

func TestUnresolvedReferenceFails(t *testing.T) {
	g := smallGraph(t)
	vnet, _ := g.Get(model.Address{Group: "rg-kodata-network", Type: model.TypeVirtualNetwork, Name: "vnet-kodata-hub"})
	// A subnet the VNet does not declare: the graph resolves it to the
	// VNet, but no Terraform block stands for it.
	in := &model.DNSResolverInboundEndpoint{Meta: model.Meta{Name: "dnspr-kodata/inbound", Group: "rg-kodata-network", Location: "australiaeast"}, Subnet: model.SubnetRef(model.RefOf(vnet), "missing")}
	res := &model.DNSResolver{Meta: model.Meta{Name: "dnspr-kodata", Group: "rg-kodata-network", Location: "australiaeast"}, VirtualNetwork: model.RefOf(vnet)}
	for _, r := range []model.Resource{res, in} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Render(g)
	if err == nil || !strings.Contains(err.Error(), "no Terraform block stands for") {
		t.Errorf("Render(reference to an undeclared subnet) = %v; want an unresolved-reference error", err)
	}
}

func TestFoldIntoNothingFails(t *testing.T) {
	g := smallGraph(t)
	zg := &model.PrivateDNSZoneGroup{Meta: model.Meta{Name: "pe-kodata-x/default", Group: "rg-kodata-network"}}
	if err := g.Add(zg); err != nil {
		t.Fatal(err)
	}
	if _, err := Render(g); err == nil {
		t.Error("Render(zone group without its endpoint) = nil error; want one")
	}
}

func TestOutputsRefuseSecrets(t *testing.T) {
	g := smallGraph(t)
	if err := g.AddParameter(model.Parameter{Name: "vpnSharedKey", Secure: true}); err != nil {
		t.Fatal(err)
	}
	st := newState(g)
	x := &Ctx{st: st, r: &model.ResourceGroup{}, file: "main.tf"}
	x.Output("leak", "never", x.Param("vpnSharedKey"))
	// The variable must be in use by a resource for variables.tf to know it.
	_, sensitive, err := st.variables(map[string]bool{"vpn_shared_key": true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.encodeOutputs(sensitive); err == nil {
		t.Error("encodeOutputs(output of a sensitive variable) = nil error; want one")
	}
}

func TestLabelsUniquePerType(t *testing.T) {
	g := smallGraph(t)
	st := newState(g)
	x := &Ctx{st: st, r: &model.ResourceGroup{}, file: "main.tf"}
	a := model.Address{Group: "g", Type: model.TypeNetworkSecurityGroup, Name: "nsg-kodata-bastion"}
	b := model.Address{Group: "g", Type: model.TypePublicIPAddress, Name: "pip-kodata-bastion"}
	got := []string{
		x.label("azurerm_thing", a, nil, ""),
		x.label("azurerm_thing", b, nil, ""),
		x.label("azurerm_thing", b, nil, ""),
		x.label("azurerm_other", b, nil, ""),
	}
	want := []string{"bastion", "pip_kodata_bastion", "bastion_2", "bastion"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label #%d = %q; want %q (all: %v)", i, got[i], want[i], got)
		}
	}
}

func TestHeredoc(t *testing.T) {
	toks, err := Heredoc("DOC", "{\n  \"a\": \"${x} %{y}\"\n}").tokens(&resolver{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(toks.Bytes()), "<<DOC\n{\n  \"a\": \"$${x} %%{y}\"\n}\nDOC"; got != want {
		t.Errorf("Heredoc tokens = %q; want %q", got, want)
	}
	if _, err := Heredoc("DOC", "a\nDOC\nb").tokens(&resolver{}); err == nil {
		t.Error("Heredoc(text holding its terminator) = nil error; want one")
	}
}
