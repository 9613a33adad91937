package arm

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

const testRG = "rg-test-network"

// renderOne renders a graph holding rs and returns the properties of the
// resource named name, decoded as JSON.
func renderOne(t *testing.T, name string, rs ...model.Resource) map[string]any {
	t.Helper()
	g := model.NewGraph("test", "australiaeast")
	for _, r := range rs {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	g.AddParameter(model.Parameter{Name: "vpnSharedKey", Secure: true})
	out, err := Render(g)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var tpl struct {
		Resources []struct {
			Type       string
			Name       string
			Properties json.RawMessage
		}
	}
	if err := json.Unmarshal(out.Template, &tpl); err != nil {
		t.Fatal(err)
	}
	for _, d := range tpl.Resources {
		var inner struct {
			Template struct {
				Resources []map[string]any
			}
		}
		json.Unmarshal(d.Properties, &inner)
		for _, r := range inner.Template.Resources {
			if r["name"] == name {
				return r
			}
		}
	}
	t.Fatalf("no resource %s in the template", name)
	return nil
}

func meta(name string) model.Meta {
	return model.Meta{Name: name, Group: testRG, Location: "australiaeast"}
}

func TestSecurityRuleSpelling(t *testing.T) {
	nsg := &model.NetworkSecurityGroup{Meta: meta("nsg-a"), Rules: []model.SecurityRule{
		{Name: "one", Priority: 200, Direction: model.Inbound, Access: model.Allow, Protocol: model.ProtocolTCP,
			Sources: []model.AddressSpec{model.TagSpec(model.TagAzureLoadBalancer)}, SourcePorts: []model.PortRange{model.AnyPort},
			Destinations: []model.AddressSpec{model.PrefixSpec(netip.MustParsePrefix("10.0.0.0/26"))}, DestinationPorts: []model.PortRange{model.Port(443)}},
		{Name: "many", Priority: 210, Direction: model.Outbound, Access: model.Deny, Protocol: model.ProtocolAny,
			Sources:      []model.AddressSpec{model.PrefixSpec(netip.MustParsePrefix("10.0.0.0/26")), model.HostSpec(netip.MustParseAddr("10.0.1.4"))},
			Destinations: []model.AddressSpec{model.AnyAddress()}, DestinationPorts: []model.PortRange{model.Port(22), model.Ports(8080, 8090)}},
	}}
	got := renderOne(t, "nsg-a", nsg)["properties"].(map[string]any)["securityRules"]
	want := []any{
		map[string]any{"name": "one", "properties": map[string]any{
			"priority": 200.0, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
			"sourceAddressPrefix": "AzureLoadBalancer", "sourcePortRange": "*", "destinationAddressPrefix": "10.0.0.0/26", "destinationPortRange": "443"}},
		map[string]any{"name": "many", "properties": map[string]any{
			"priority": 210.0, "direction": "Outbound", "access": "Deny", "protocol": "*",
			"sourceAddressPrefixes": []any{"10.0.0.0/26", "10.0.1.4/32"}, "sourcePortRange": "*", "destinationAddressPrefix": "*",
			"destinationPortRanges": []any{"22", "8080-8090"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("securityRules (-want +got):\n%s", diff)
	}
}

func TestSecurityRuleRejectsTagInList(t *testing.T) {
	_, err := securityRule(model.SecurityRule{Name: "bad", Protocol: model.ProtocolTCP,
		Sources:      []model.AddressSpec{model.TagSpec(model.TagInternet), model.PrefixSpec(netip.MustParsePrefix("10.0.0.0/8"))},
		Destinations: []model.AddressSpec{model.AnyAddress()}})
	if err == nil || !strings.Contains(err.Error(), "service tag") {
		t.Errorf("securityRule(tag in list) error = %v; want a service tag error", err)
	}
}

func TestRouteTable(t *testing.T) {
	rt := &model.RouteTable{Meta: meta("rt-a"), DisableBGPRoutePropagation: true, Routes: []model.Route{
		{Name: "default", Prefix: netip.MustParsePrefix("0.0.0.0/0"), NextHop: model.NextHopVirtualAppliance, NextHopIP: netip.MustParseAddr("10.60.0.4")},
	}}
	got := renderOne(t, "rt-a", rt)["properties"]
	want := map[string]any{"disableBgpRoutePropagation": true, "routes": []any{map[string]any{"name": "default", "properties": map[string]any{
		"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.60.0.4"}}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("route table (-want +got):\n%s", diff)
	}
}

func TestVPNConnectionUsesSecureParameter(t *testing.T) {
	gw := &model.VirtualNetworkGateway{Meta: meta("vgw-a"), GatewayType: model.GatewayVPN, SKU: "VpnGw2AZ"}
	lgw := &model.LocalNetworkGateway{Meta: meta("lgw-a"), GatewayAddress: netip.MustParseAddr("203.0.113.10"), AddressSpaces: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/16")}}
	cn := &model.Connection{Meta: meta("cn-a"), ConnectionType: model.ConnectionIPsec, Gateway: model.RefOf(gw), LocalGateway: model.RefOf(lgw),
		SharedKey: model.Secret{Parameter: "vpnSharedKey"}, IKEv2: true}
	p := renderOne(t, "cn-a", gw, lgw, cn)["properties"].(map[string]any)
	for key, want := range map[string]any{"sharedKey": "[parameters('vpnSharedKey')]", "connectionProtocol": "IKEv2", "connectionType": "IPsec"} {
		if p[key] != want {
			t.Errorf("connection %s = %v; want %v", key, p[key], want)
		}
	}
	if id := p["localNetworkGateway2"].(map[string]any)["id"]; id != "[resourceId('Microsoft.Network/localNetworkGateways', 'lgw-a')]" {
		t.Errorf("localNetworkGateway2.id = %v", id)
	}
}

func TestRuleCollectionGroup(t *testing.T) {
	src := []model.AddressSpec{model.PrefixSpec(netip.MustParsePrefix("10.60.5.0/26"))}
	rcg := &model.FirewallPolicyRuleCollectionGroup{Meta: model.Meta{Name: "afwp-a/rcg-x", Group: testRG}, Priority: 300, Collections: []model.FirewallRuleCollection{
		{Name: "apps", Priority: 100, Action: model.Allow, ApplicationRules: []model.ApplicationRule{{Name: "pypi", Sources: src, Protocols: []model.ApplicationProtocol{model.HTTPS443}, TargetFQDNs: []string{"pypi.org"}}}},
		{Name: "nets", Priority: 110, Action: model.Allow, NetworkRules: []model.NetworkRule{{Name: "oracle", Protocols: []model.Protocol{model.ProtocolTCP}, Sources: src,
			Destinations: []model.AddressSpec{model.HostSpec(netip.MustParseAddr("10.0.12.20"))}, DestinationPorts: []model.PortRange{model.Port(1521)}}}},
	}}
	pol := &model.FirewallPolicy{Meta: meta("afwp-a"), Tier: model.FirewallStandard, ThreatIntel: model.ThreatIntelDeny, DNSProxy: true}
	got := renderOne(t, "afwp-a/rcg-x", pol, rcg)["properties"]
	want := map[string]any{"priority": 300.0, "ruleCollections": []any{
		map[string]any{"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "apps", "priority": 100.0, "action": map[string]any{"type": "Allow"},
			"rules": []any{map[string]any{"ruleType": "ApplicationRule", "name": "pypi", "sourceAddresses": []any{"10.60.5.0/26"},
				"protocols": []any{map[string]any{"protocolType": "Https", "port": 443.0}}, "targetFqdns": []any{"pypi.org"}}}},
		map[string]any{"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "nets", "priority": 110.0, "action": map[string]any{"type": "Allow"},
			"rules": []any{map[string]any{"ruleType": "NetworkRule", "name": "oracle", "ipProtocols": []any{"TCP"}, "sourceAddresses": []any{"10.60.5.0/26"},
				"destinationAddresses": []any{"10.0.12.20/32"}, "destinationPorts": []any{"1521"}}}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rule collection group (-want +got):\n%s", diff)
	}
}

func TestRuleCollectionRejectsMixedRules(t *testing.T) {
	_, err := ruleCollection(model.FirewallRuleCollection{Name: "mixed",
		ApplicationRules: []model.ApplicationRule{{Name: "a", TargetFQDNs: []string{"x"}}},
		NetworkRules:     []model.NetworkRule{{Name: "n"}}})
	if err == nil {
		t.Error("ruleCollection(mixed) = nil error; want an error")
	}
}

func TestVirtualNetworkSubnets(t *testing.T) {
	nsg := &model.NetworkSecurityGroup{Meta: meta("nsg-a")}
	vnet := &model.VirtualNetwork{Meta: meta("vnet-a"), AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.60.4.0/22")},
		DNSServers: []netip.Addr{netip.MustParseAddr("10.60.0.4")},
		Subnets: []model.Subnet{{Name: "snet-appservice", Prefix: netip.MustParsePrefix("10.60.6.64/26"), NSG: model.RefOf(nsg),
			Delegations: []string{"Microsoft.Web/serverFarms"}, PrivateEndpointPolicies: model.PrivateEndpointPoliciesDisabled}}}
	got := renderOne(t, "vnet-a", nsg, vnet)["properties"]
	want := map[string]any{
		"addressSpace": map[string]any{"addressPrefixes": []any{"10.60.4.0/22"}},
		"dhcpOptions":  map[string]any{"dnsServers": []any{"10.60.0.4"}},
		"subnets": []any{map[string]any{"name": "snet-appservice", "properties": map[string]any{
			"addressPrefix":                  "10.60.6.64/26",
			"networkSecurityGroup":           map[string]any{"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-a')]"},
			"delegations":                    []any{map[string]any{"name": "Microsoft.Web.serverFarms", "properties": map[string]any{"serviceName": "Microsoft.Web/serverFarms"}}},
			"privateEndpointNetworkPolicies": "Disabled",
			"defaultOutboundAccess":          false,
		}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("virtual network (-want +got):\n%s", diff)
	}
}
