package reach

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/model"
)

// scenario is one documented behaviour of Azure's data plane: a topology
// change, a flow, and the answer the cited Learn page gives.
type scenario struct {
	name     string
	setup    func(t *topo)
	from, to string
	proto    uint64
	port     uint16
	want     Verdict
	// by is a fragment of what must have decided the answer.
	by string
}

func runScenarios(t *testing.T, doc string, tests []scenario) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp := newTopo()
			if tt.setup != nil {
				tt.setup(tp)
			}
			n := tp.build(t)
			tr := n.Trace(flow(n, tt.from, tt.to, tt.proto, tt.port))
			got := strings.Join(tr.DecidedBy, "; ")
			if tr.Verdict != tt.want || !strings.Contains(got, tt.by) {
				var path []string
				for _, h := range tr.Path {
					path = append(path, h.String())
				}
				t.Errorf("Trace(%s -> %s %d) = %s decided by %q; want %s decided by %q (%s)\npath:\n  %s",
					tt.from, tt.to, tt.port, tr.Verdict, got, tt.want, tt.by, doc, strings.Join(path, "\n  "))
			}
		})
	}
}

// openB lets snet-b send anything, so that routing decides.
func openB(t *topo) {
	t.nsgB.Rules = []model.SecurityRule{allowRule("any-out", 100, out, model.ProtocolAny, model.AnyAddress(), model.AnyAddress(), model.AnyPort)}
}

// openHub lets snet-hub send anything.
func openHub(t *topo) {
	t.nsgH.Rules = []model.SecurityRule{allowRule("any-out", 100, out, model.ProtocolAny, model.AnyAddress(), model.AnyAddress(), model.AnyPort)}
}

var (
	in  = model.Inbound
	out = model.Outbound
	tcp = model.ProtocolTCP
)

// https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
// https://learn.microsoft.com/en-us/azure/virtual-network/network-security-group-how-it-works
func TestNSGScenarios(t *testing.T) {
	vnet := model.TagSpec(model.TagVirtualNetwork)
	runScenarios(t, "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview", []scenario{
		{name: "default AllowVnetInBound and AllowVnetOutBound let subnets of a network talk", from: "snet-b", to: "snet-pe", proto: protoTCP, port: 8080,
			want: Allow, by: "nsg-pe: default rule AllowVnetInBound (priority 65000)"},
		{name: "lowest priority number wins whatever the rule order", setup: func(t *topo) {
			t.nsgPE.Rules = []model.SecurityRule{
				allowRule("allow-ssh", 200, in, tcp, pspec("10.2.2.0/24"), model.AnyAddress(), model.Port(22)),
				denyRule("deny-b", 100, in, pspec("10.2.2.0/24"), model.AnyAddress()),
			}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 22, want: Deny, by: "nsg-pe: deny-b (priority 100, inbound)"},
		{name: "first match decides: a later deny does not undo an allow", setup: func(t *topo) {
			t.nsgPE.Rules = []model.SecurityRule{
				allowRule("allow-ssh", 100, in, tcp, pspec("10.2.2.0/24"), model.AnyAddress(), model.Port(22)),
				denyRule("deny-b", 200, in, pspec("10.2.2.0/24"), model.AnyAddress()),
			}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 22, want: Allow, by: "nsg-pe: allow-ssh (priority 100, inbound)"},
		{name: "outbound NSG of the source and inbound NSG of the destination must both allow", setup: func(t *topo) {
			t.nsgB.Rules = []model.SecurityRule{denyRule("deny-out", 100, out, model.AnyAddress(), pspec("10.2.3.0/24"))}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 443, want: Deny, by: "nsg-b: deny-out (priority 100, outbound)"},
		{name: "stateful: return traffic needs no inbound rule at the source", setup: func(t *topo) {
			t.nsgB.Rules = []model.SecurityRule{denyRule("deny-all-in", 4096, in, model.AnyAddress(), model.AnyAddress())}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 443, want: Allow, by: "AllowVnetInBound"},
		{name: "augmented rule: lists of prefixes and port ranges", setup: func(t *topo) {
			r := allowRule("allow-list", 100, in, tcp, pspec("10.9.0.0/16"), model.AnyAddress(), model.Port(80), model.Ports(8000, 8100))
			r.Sources = append(r.Sources, pspec("10.2.2.0/24"))
			t.nsgPE.Rules = []model.SecurityRule{r, denyRule("deny", 4096, in, model.AnyAddress(), model.AnyAddress())}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 8080, want: Allow, by: "allow-list"},
		{name: "augmented rule: a port outside the ranges falls to the deny", setup: func(t *topo) {
			r := allowRule("allow-list", 100, in, tcp, pspec("10.2.2.0/24"), model.AnyAddress(), model.Port(80), model.Ports(8000, 8100))
			t.nsgPE.Rules = []model.SecurityRule{r, denyRule("deny", 4096, in, model.AnyAddress(), model.AnyAddress())}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 8443, want: Deny, by: "nsg-pe: deny (priority 4096, inbound)"},
		{name: "VirtualNetwork covers peered networks", setup: func(t *topo) {
			t.nsgPE.Rules = []model.SecurityRule{allowRule("vnet", 100, in, model.ProtocolAny, vnet, vnet, model.AnyPort), denyRule("deny", 4096, in, model.AnyAddress(), model.AnyAddress())}
		}, from: "snet-hub", to: "snet-pe", proto: protoTCP, port: 443, want: Allow, by: "nsg-pe: vnet (priority 100, inbound)"},
		{name: "VirtualNetwork covers on-premises prefixes behind the gateway", setup: func(t *topo) {
			t.nsgPE.Rules = []model.SecurityRule{allowRule("vnet", 100, in, model.ProtocolAny, vnet, vnet, model.AnyPort), denyRule("deny", 4096, in, model.AnyAddress(), model.AnyAddress())}
			t.rcg.Collections = []model.FirewallRuleCollection{{Name: "c", Priority: 100, Action: model.Allow, NetworkRules: []model.NetworkRule{
				{Name: "onprem", Protocols: []model.Protocol{tcp}, Sources: []model.AddressSpec{pspec("192.168.0.0/16")}, Destinations: []model.AddressSpec{pspec("10.2.0.0/16")}, DestinationPorts: []model.PortRange{model.Port(443)}}}}}
			t.rtGW.Routes = nil // straight from the gateway to the endpoint's /32
		}, from: "onprem", to: "snet-pe", proto: protoTCP, port: 443, want: Allow, by: "nsg-pe: vnet (priority 100, inbound)"},
		{name: "VirtualNetwork does not cover an unpeered network", setup: func(t *topo) {
			t.nsgB.Rules = []model.SecurityRule{allowRule("vnet-out", 100, out, model.ProtocolAny, vnet, vnet, model.AnyPort), denyRule("deny", 4096, out, model.AnyAddress(), model.AnyAddress())}
		}, from: "snet-b", to: "10.3.0.5", proto: protoTCP, port: 443, want: Deny, by: "nsg-b: deny (priority 4096, outbound)"},
		{name: "default AllowInternetOutBound lets internet traffic out", setup: func(t *topo) {
			t.spoke.Subnets[1].DefaultOutboundAccess = true
		}, from: "snet-b", to: "example.com", proto: protoTCP, port: 443, want: Allow, by: "nsg-b: default rule AllowInternetOutBound (priority 65001)"},
		{name: "internet inbound meets DenyAllInBound (IP flow verify on a subnet with NICs)", from: "internet", to: "snet-b", proto: protoTCP, port: 22,
			want: Deny, by: "nsg-b: default rule DenyAllInBound (priority 65500)"},
		{name: "an NSG allowing the internet exposes the subnet even without a public IP yet", setup: func(t *topo) {
			t.nsgB.Rules = []model.SecurityRule{allowRule("ssh", 100, in, tcp, model.TagSpec(model.TagInternet), model.AnyAddress(), model.Port(22))}
		}, from: "internet", to: "snet-b", proto: protoTCP, port: 22, want: Exposed, by: "nsg-b: ssh (priority 100, inbound)"},
	})
}

// The VirtualNetwork tag includes the prefixes of user-defined routes, so a
// 0.0.0.0/0 route makes it every address; Internet is not its complement.
// https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview#available-service-tags
func TestServiceTagMeaning(t *testing.T) {
	n := newTopo().build(t)
	a, b := n.SubnetNamed("snet-a"), n.SubnetNamed("snet-b")
	host := n.U.Host("example.com")
	tests := []struct {
		name string
		set  Set
		v    uint64
		want bool
	}{
		{"VirtualNetwork of a subnet with a 0.0.0.0/0 route holds internet addresses", a.vnTag, addrValue(ip("8.8.8.8")), true},
		{"... and internet host names", a.vnTag, host, true},
		{"VirtualNetwork without such a route does not", b.vnTag, addrValue(ip("8.8.8.8")), false},
		{"VirtualNetwork holds the peered hub", b.vnTag, addrValue(ip("10.1.2.5")), true},
		{"VirtualNetwork holds on-premises behind the gateway", b.vnTag, addrValue(ip("192.168.4.4")), true},
		{"Internet holds public addresses", n.U.Internet(), addrValue(ip("8.8.8.8")), true},
		{"Internet holds host names", n.U.Internet(), host, true},
		{"Internet does not hold an unconnected private range", n.U.Internet(), addrValue(ip("172.16.1.1")), false},
		{"VirtualNetwork does not hold that range either", b.vnTag, addrValue(ip("172.16.1.1")), false},
		{"AzureLoadBalancer is the host's virtual IP", n.U.Tag(model.TagAzureLoadBalancer), addrValue(ip("168.63.129.16")), true},
		{"the host's virtual IP is not on the Internet", n.U.Internet(), addrValue(ip("168.63.129.16")), false},
		{"Storage holds the regional storage account endpoint", n.U.Tag(model.TagStorage), n.paas[0].atom, true},
		{"AzureCloud holds it too", n.U.Tag(model.TagAzureCloud), n.paas[0].atom, true},
		{"Sql does not", n.U.Tag(model.TagSQL), n.paas[0].atom, false},
	}
	for _, tt := range tests {
		if got := tt.set.Contains(tt.v); got != tt.want {
			t.Errorf("%s: Contains(%s) = %v; want %v", tt.name, n.U.Name(tt.v), got, tt.want)
		}
	}
	// Azure Load Balancer probes meet AllowAzureLoadBalancerInBound.
	pk := Packets{{n.U.Tag(model.TagAzureLoadBalancer), b.addrs, allProtos, allPorts}}
	ok, parts := n.evalNSG(b, model.Inbound, pk)
	if ok.IsEmpty() || len(parts) != 1 || !strings.Contains(parts[0].by, "AllowAzureLoadBalancerInBound") {
		t.Errorf("evalNSG(AzureLoadBalancer -> snet-b) = %v; want allowed by AllowAzureLoadBalancerInBound", parts)
	}
}

// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-networks-udr-overview
func TestRoutingScenarios(t *testing.T) {
	runScenarios(t, "https://learn.microsoft.com/en-us/azure/virtual-network/virtual-networks-udr-overview", []scenario{
		{name: "system None route drops private ranges the network does not use", setup: openB, from: "snet-b", to: "10.200.0.1", proto: protoTCP, port: 443,
			want: Deny, by: "system route 10.0.0.0/8 -> None"},
		{name: "system route to a peered network", from: "snet-b", to: "snet-hub", proto: protoTCP, port: 443,
			want: Allow, by: "peering spoke/to-hub"},
		{name: "longest prefix: a /24 UDR beats the /16 network route", setup: func(t *topo) {
			t.rtA.Routes = append(t.rtA.Routes, model.Route{Name: "blackhole", Prefix: pfx("10.2.2.0/24"), NextHop: model.NextHopNone})
		}, from: "snet-a", to: "snet-b", proto: protoTCP, port: 443, want: Deny, by: "rt-a: route blackhole (10.2.2.0/24 -> None)"},
		{name: "longest prefix: a private endpoint's /32 beats a /24 UDR narrower than its network", setup: func(t *topo) {
			t.rtA.Routes = append(t.rtA.Routes, model.Route{Name: "blackhole", Prefix: pfx("10.2.3.0/24"), NextHop: model.NextHopNone})
		}, from: "snet-a", to: "pe", proto: protoTCP, port: 443, want: Allow, by: "AllowVnetInBound"},
		{name: "equal prefixes: a user-defined route beats the system route", setup: func(t *topo) {
			t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
			t.rtA.Routes = []model.Route{{Name: "vnet-none", Prefix: pfx("10.2.0.0/16"), NextHop: model.NextHopNone}}
		}, from: "snet-b", to: "snet-pe", proto: protoTCP, port: 443, want: Deny, by: "rt-a: route vnet-none (10.2.0.0/16 -> None)"},
		{name: "equal prefixes: a user-defined route beats a gateway route", setup: func(t *topo) {
			t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
			t.rtA.DisableBGPRoutePropagation = false
			t.rtA.Routes = []model.Route{{Name: "onprem-none", Prefix: pfx("192.168.0.0/16"), NextHop: model.NextHopNone}}
		}, from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443, want: Deny, by: "rt-a: route onprem-none (192.168.0.0/16 -> None)"},
		{name: "gateway route (gateway transit) carries on-premises traffic", from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443,
			want: Allow, by: "gateway vgw connection cn"},
		{name: "equal prefixes: a gateway route beats a system route", setup: func(t *topo) {
			t.lng.AddressSpaces = []netip.Prefix{pfx("192.168.0.0/16"), pfx("172.16.0.0/12")}
		}, from: "snet-b", to: "172.16.5.5", proto: protoTCP, port: 443, want: Allow, by: "gateway vgw connection cn"},
		{name: "next hop VirtualNetworkGateway in a UDR reaches on-premises with propagation off", setup: func(t *topo) {
			openB(t)
			t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
			t.rtA.Routes = []model.Route{{Name: "onprem-via-gw", Prefix: pfx("192.168.0.0/16"), NextHop: model.NextHopGateway}}
		}, from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443, want: Allow, by: "gateway vgw connection cn"},
		{name: "next hop VnetLocal for an address outside the network delivers nowhere", setup: func(t *topo) {
			openB(t)
			t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
			t.rtA.Routes = []model.Route{{Name: "local", Prefix: pfx("10.9.0.0/16"), NextHop: model.NextHopVnetLocal}}
		}, from: "snet-b", to: "10.9.0.1", proto: protoTCP, port: 443, want: Deny, by: "no subnet of spoke holds 10.9.0.1"},
		{name: "gateway route propagation off: on-premises falls to the None route", setup: func(t *topo) {
			t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
			t.rtA.Routes = nil
		}, from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443, want: Deny, by: "system route 192.168.0.0/16 -> None"},
		{name: "next hop VirtualAppliance sends traffic through the firewall", setup: func(t *topo) {
			t.rcg.Collections = []model.FirewallRuleCollection{{Name: "c", Priority: 100, Action: model.Allow, ApplicationRules: []model.ApplicationRule{
				{Name: "pypi", Sources: []model.AddressSpec{pspec("10.2.1.0/24")}, Protocols: []model.ApplicationProtocol{model.HTTPS443}, TargetFQDNs: []string{"pypi.org"}}}}}
		}, from: "snet-a", to: "pypi.org", proto: protoTCP, port: 443, want: Allow, by: "application rule pypi"},
		{name: "next hop Internet without default outbound access goes nowhere", from: "snet-b", to: "pypi.org", proto: protoTCP, port: 443,
			want: Deny, by: "snet-b has default outbound access off"},
		{name: "a private endpoint's /32 beats a 0.0.0.0/0 UDR", from: "snet-a", to: "pe", proto: protoTCP, port: 443,
			want: Allow, by: "nsg-pe: default rule AllowVnetInBound"},
		{name: "a UDR as wide as the network invalidates the /32 when network policies are on", setup: func(t *topo) {
			t.rtA.Routes = append(t.rtA.Routes, model.Route{Name: "spoke-via-fw", Prefix: pfx("10.2.0.0/16"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP})
		}, from: "snet-a", to: "pe", proto: protoTCP, port: 443, want: Deny, by: "Azure Firewall denies by default"},
		{name: "with network policies off the /32 still wins over that UDR", setup: func(t *topo) {
			t.rtA.Routes = append(t.rtA.Routes, model.Route{Name: "spoke-via-fw", Prefix: pfx("10.2.0.0/16"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP})
			t.spoke.Subnets[2].PrivateEndpointPolicies = model.PrivateEndpointPoliciesDisabled
		}, from: "snet-a", to: "pe", proto: protoTCP, port: 443, want: Allow, by: "private endpoint network policies disabled"},
	})
}

// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-peering-overview
// https://learn.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-peering-gateway-transit
func TestPeeringScenarios(t *testing.T) {
	third := func(t *topo) {
		v := &model.VirtualNetwork{Meta: model.Meta{Name: "other", Group: rg}, AddressSpace: []netip.Prefix{pfx("10.3.0.0/16")}, Subnets: []model.Subnet{{Name: "snet-other", Prefix: pfx("10.3.1.0/24")}}}
		t.extra = append(t.extra, v,
			&model.VirtualNetworkPeering{Meta: model.Meta{Name: "hub/to-other", Group: rg}, RemoteVirtualNetwork: model.RefOf(v), AllowVirtualNetworkAccess: true},
			&model.VirtualNetworkPeering{Meta: model.Meta{Name: "other/to-hub", Group: rg}, RemoteVirtualNetwork: model.RefOf(t.hub), AllowVirtualNetworkAccess: true})
	}
	onpremToB := func(t *topo) {
		t.rcg.Collections = []model.FirewallRuleCollection{{Name: "c", Priority: 100, Action: model.Allow, NetworkRules: []model.NetworkRule{
			{Name: "onprem", Protocols: []model.Protocol{tcp}, Sources: []model.AddressSpec{pspec("192.168.0.0/16")}, Destinations: []model.AddressSpec{pspec("10.2.0.0/16")}, DestinationPorts: []model.PortRange{model.Port(443)}}}}}
		t.spoke.Subnets[1].RouteTable = model.RefOf(t.rtA)
	}
	runScenarios(t, "https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-peering-overview", []scenario{
		{name: "peering is not transitive: spoke cannot reach the hub's other peer", setup: func(t *topo) { third(t); openB(t) }, from: "snet-b", to: "snet-other", proto: protoTCP, port: 443,
			want: Deny, by: "system route 10.0.0.0/8 -> None"},
		{name: "the hub reaches both of its peers", setup: third, from: "snet-hub", to: "snet-other", proto: protoTCP, port: 443, want: Allow, by: "peering hub/to-other"},
		{name: "a peering defined on one side only carries nothing", setup: func(t *topo) { t.hubToSpoke = nil; openB(t) },
			from: "snet-b", to: "snet-hub", proto: protoTCP, port: 443, want: Deny, by: "system route 10.0.0.0/8 -> None"},
		{name: "forwarded traffic from the hub firewall needs allowForwardedTraffic on the spoke side", setup: func(t *topo) {
			onpremToB(t)
			t.spokeToHub.AllowForwardedTraffic = false
		}, from: "onprem", to: "snet-b", proto: protoTCP, port: 443, want: Deny, by: "peering spoke/to-hub has allowForwardedTraffic off"},
		{name: "with it, on-premises reaches the spoke through the firewall", setup: onpremToB,
			from: "onprem", to: "snet-b", proto: protoTCP, port: 443, want: Allow, by: "network rule onprem"},
		{name: "without gateway transit the spoke cannot use the hub's gateway", setup: func(t *topo) { t.hubToSpoke.AllowGatewayTransit = false; openB(t) },
			from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443, want: Deny, by: "system route 192.168.0.0/16 -> None"},
		{name: "without useRemoteGateways the spoke does not use the hub's gateway", setup: func(t *topo) { t.spokeToHub.UseRemoteGateways = false; openB(t) },
			from: "snet-b", to: "192.168.1.1", proto: protoTCP, port: 443, want: Deny, by: "system route 192.168.0.0/16 -> None"},
		{name: "without gateway transit on-premises cannot reach the spoke", setup: func(t *topo) {
			onpremToB(t)
			t.hubToSpoke.AllowGatewayTransit = false
		}, from: "onprem", to: "snet-b", proto: protoTCP, port: 443, want: Deny, by: "peering hub/to-spoke has allowGatewayTransit off"},
	})
}

// https://learn.microsoft.com/en-us/azure/firewall/rule-processing
// https://learn.microsoft.com/en-us/azure/firewall/snat-private-range
func TestFirewallScenarios(t *testing.T) {
	from := []model.AddressSpec{pspec("10.2.1.0/24")}
	app := func(name string, fqdns ...string) model.ApplicationRule {
		return model.ApplicationRule{Name: name, Sources: from, Protocols: []model.ApplicationProtocol{model.HTTPS443}, TargetFQDNs: fqdns}
	}
	net := func(name string, to model.AddressSpec, port uint16) model.NetworkRule {
		return model.NetworkRule{Name: name, Protocols: []model.Protocol{tcp}, Sources: from, Destinations: []model.AddressSpec{to}, DestinationPorts: []model.PortRange{model.Port(port)}}
	}
	groups := func(gs ...*model.FirewallPolicyRuleCollectionGroup) func(t *topo) {
		return func(t *topo) {
			t.rcg = gs[0]
			for _, g := range gs[1:] {
				t.extra = append(t.extra, g)
			}
		}
	}
	rcg := func(name string, prio int, cs ...model.FirewallRuleCollection) *model.FirewallPolicyRuleCollectionGroup {
		return &model.FirewallPolicyRuleCollectionGroup{Meta: model.Meta{Name: "policy/" + name, Group: rg}, Priority: prio, Collections: cs}
	}
	runScenarios(t, "https://learn.microsoft.com/en-us/azure/firewall/rule-processing", []scenario{
		{name: "no rule matches: denied by default", from: "snet-a", to: "example.com", proto: protoTCP, port: 443, want: Deny, by: "Azure Firewall denies by default"},
		{name: "groups by priority: a deny in group 100 beats an allow in group 200", setup: groups(
			rcg("late", 200, model.FirewallRuleCollection{Name: "allow", Priority: 100, Action: model.Allow, ApplicationRules: []model.ApplicationRule{app("pypi", "pypi.org")}}),
			rcg("early", 100, model.FirewallRuleCollection{Name: "deny", Priority: 300, Action: model.Deny, ApplicationRules: []model.ApplicationRule{app("no-pypi", "pypi.org")}}),
		), from: "snet-a", to: "pypi.org", proto: protoTCP, port: 443, want: Deny, by: "early / deny / application rule no-pypi"},
		{name: "collections by priority within a group", setup: groups(rcg("g", 100,
			model.FirewallRuleCollection{Name: "deny", Priority: 200, Action: model.Deny, ApplicationRules: []model.ApplicationRule{app("no-pypi", "pypi.org")}},
			model.FirewallRuleCollection{Name: "allow", Priority: 100, Action: model.Allow, ApplicationRules: []model.ApplicationRule{app("pypi", "pypi.org")}},
		)), from: "snet-a", to: "pypi.org", proto: protoTCP, port: 443, want: Allow, by: "g / allow / application rule pypi"},
		{name: "network rules before application rules, whatever the group priority", setup: groups(
			rcg("apps", 100, model.FirewallRuleCollection{Name: "allow", Priority: 100, Action: model.Allow, ApplicationRules: []model.ApplicationRule{app("pypi", "pypi.org")}}),
			rcg("nets", 500, model.FirewallRuleCollection{Name: "deny", Priority: 100, Action: model.Deny, NetworkRules: []model.NetworkRule{net("no-internet", model.TagSpec(model.TagInternet), 443)}}),
		), from: "snet-a", to: "pypi.org", proto: protoTCP, port: 443, want: Deny, by: "nets / deny / network rule no-internet"},
		{name: "*.example.com matches a subdomain", setup: groups(rcg("g", 100, model.FirewallRuleCollection{Name: "c", Priority: 100, Action: model.Allow,
			ApplicationRules: []model.ApplicationRule{app("wild", "*.example.com")}})), from: "snet-a", to: "files.example.com", proto: protoTCP, port: 443, want: Allow, by: "application rule wild"},
		{name: "*.example.com does not match example.com", setup: groups(rcg("g", 100, model.FirewallRuleCollection{Name: "c", Priority: 100, Action: model.Allow,
			ApplicationRules: []model.ApplicationRule{app("wild", "*.example.com")}})), from: "snet-a", to: "example.com", proto: protoTCP, port: 443, want: Deny, by: "denies by default"},
		{name: "an HTTPS application rule does not allow port 80", setup: groups(rcg("g", 100, model.FirewallRuleCollection{Name: "c", Priority: 100, Action: model.Allow,
			ApplicationRules: []model.ApplicationRule{app("pypi", "pypi.org")}})), from: "snet-a", to: "pypi.org", proto: protoTCP, port: 80, want: Deny, by: "denies by default"},
		{name: "a network rule to a service tag", setup: groups(rcg("g", 100, model.FirewallRuleCollection{Name: "c", Priority: 100, Action: model.Allow,
			NetworkRules: []model.NetworkRule{net("storage", model.TagSpec(model.TagStorage), 443)}})), from: "snet-a", to: "st", proto: protoTCP, port: 443,
			want: Deny, by: "st: publicNetworkAccess Disabled"},
	})
	// SNAT: public destinations are translated, private ones keep the
	// client's address for network rules.
	tp := newTopo()
	tp.rcg.Collections = []model.FirewallRuleCollection{{Name: "c", Priority: 100, Action: model.Allow, NetworkRules: []model.NetworkRule{
		net("onprem", pspec("192.168.0.0/16"), 1521), net("web", model.TagSpec(model.TagInternet), 443)}}}
	n := tp.build(t)
	for _, tt := range []struct {
		to   string
		port uint16
		want string
	}{{"192.168.1.1", 1521, "none: source kept"}, {"example.com", 443, "source becomes the firewall's public IP"}} {
		tr := n.Trace(flow(n, "snet-a", tt.to, protoTCP, tt.port))
		var snat string
		for _, h := range tr.Path {
			if h.Step == "SNAT" {
				snat = h.Result
			}
		}
		if tr.Verdict != Allow || snat != tt.want {
			t.Errorf("Trace(snet-a -> %s) = %s with SNAT %q; want allow with %q (https://learn.microsoft.com/en-us/azure/firewall/snat-private-range)", tt.to, tr.Verdict, snat, tt.want)
		}
	}
}

func TestFQDNCovers(t *testing.T) {
	tests := []struct {
		pattern, host string
		want          bool
	}{
		{"pypi.org", "pypi.org", true},
		{"pypi.org", "PyPI.org", true},
		{"pypi.org", "files.pypi.org", false},
		{"*.example.com", "a.example.com", true},
		{"*.example.com", "a.b.example.com", true},
		{"*.example.com", "example.com", false},
		{"*.example.com", "badexample.com", false},
		{"*.example.com", "*.example.com", true},
		{"*.example.com", "*.a.example.com", true},
		{"a.example.com", "*.example.com", false},
	}
	for _, tt := range tests {
		if got := fqdnCovers(tt.pattern, tt.host); got != tt.want {
			t.Errorf("fqdnCovers(%q, %q) = %v; want %v", tt.pattern, tt.host, got, tt.want)
		}
	}
}

// Gateways, private endpoints, PaaS public access and Bastion.
// https://learn.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-about-vpngateways
// https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview
// https://learn.microsoft.com/en-us/azure/bastion/bastion-nsg
func TestEdgeScenarios(t *testing.T) {
	runScenarios(t, "https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview", []scenario{
		{name: "VPN: on-premises prefixes come from the local network gateway", from: "snet-hub", to: "192.168.7.7", proto: protoTCP, port: 22, want: Allow, by: "gateway vgw connection cn"},
		{name: "VPN: an address outside them is not on-premises", setup: openHub, from: "snet-hub", to: "172.16.7.7", proto: protoTCP, port: 22, want: Deny, by: "system route 172.16.0.0/12 -> None"},
		{name: "ExpressRoute: prefixes learned over BGP", setup: func(t *topo) {
			t.conn.ConnectionType, t.conn.LocalGateway = model.ConnectionExpressRoute, model.Ref{}
			t.gw.GatewayType = model.GatewayExpressRoute
			t.opts.OnPremPrefixes = []netip.Prefix{pfx("172.16.0.0/12")}
		}, from: "snet-hub", to: "172.16.7.7", proto: protoTCP, port: 22, want: Allow, by: "gateway vgw connection cn"},
		{name: "a gateway without a connection leads nowhere", setup: func(t *topo) { t.conn = nil; openHub(t) }, from: "snet-hub", to: "192.168.7.7", proto: protoTCP, port: 22, want: Deny, by: "system route 192.168.0.0/16 -> None"},
		{name: "an approved private endpoint carries traffic", from: "snet-b", to: "pe", proto: protoTCP, port: 443, want: Allow, by: "AllowVnetInBound"},
		{name: "a pending private endpoint carries none", setup: func(t *topo) { t.pe.Approved = false }, from: "snet-b", to: "pe", proto: protoTCP, port: 443,
			want: Deny, by: "pending approval"},
		{name: "the endpoint's zone is linked to the client's network: the name resolves to it", from: "snet-b", to: "pe", proto: protoTCP, port: 443,
			want: Allow, by: "private DNS zone privatelink.blob.core.windows.net linked to spoke"},
		{name: "the zone is not linked to the client's network: the name resolves publicly", setup: func(t *topo) { t.links[1] = nil },
			from: "snet-b", to: "pe", proto: protoTCP, port: 443, want: Deny, by: "no private DNS zone registering pe-st-blob is linked to spoke"},
		{name: "a network using the hub's resolver resolves through the hub's links", setup: func(t *topo) {
			t.links[1] = nil
			t.spoke.DNSServers = []netip.Addr{ip("10.1.2.4")}
		}, from: "snet-b", to: "pe", proto: protoTCP, port: 443, want: Allow, by: "private DNS zone privatelink.blob.core.windows.net linked to hub"},
		{name: "on-premises without a resolver inbound endpoint resolves publicly", setup: func(t *topo) { t.resolver = nil },
			from: "onprem", to: "pe", proto: protoTCP, port: 443, want: Deny, by: "no DNS resolver inbound endpoint"},
		{name: "public network access disabled: the internet is refused", from: "internet", to: "st", proto: protoTCP, port: 443, want: Deny, by: "st: publicNetworkAccess Disabled"},
		{name: "public network access enabled: the internet is let in", setup: func(t *topo) { t.storage.PublicNetworkAccess = model.PublicEnabled },
			from: "internet", to: "st", proto: protoTCP, port: 443, want: Allow, by: "st: publicNetworkAccess Enabled"},
		{name: "enabled, but the service firewall denies by default", setup: func(t *topo) {
			t.storage.PublicNetworkAccess = model.PublicEnabled
			t.storage.NetworkACL.DefaultAction = model.Deny
		}, from: "internet", to: "st", proto: protoTCP, port: 443, want: Deny, by: "network ACL default action Deny"},
		{name: "nothing public leads to a private subnet without NICs", from: "internet", to: "snet-hub", proto: protoTCP, port: 443, want: Deny, by: "no public IP, DNAT rule or load balancer frontend"},
	})
}
