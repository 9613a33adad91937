package reach

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/enclave-dev/enclave/internal/model"
)

// BenchmarkReachExample indexes the built-in example and proves all its
// intents (the compile step is outside the loop).
func BenchmarkReachExample(b *testing.B) {
	doc, g := example(b)
	b.ReportAllocs()
	for b.Loop() {
		n, err := Build(g, Options{})
		if err != nil {
			b.Fatal(err)
		}
		sp, _ := n.SpecIntents(doc)
		if rs := n.Check(append(n.BuiltinIntents(doc), sp...)); len(Failed(rs)) != 0 {
			b.Fatalf("%d intents fail", len(Failed(rs)))
		}
	}
}

// largeGraph is a synthetic platform: a hub with a firewall and spokes
// peered to it, two subnets per spoke sharing one NSG of nsgRules rules,
// and route tables holding udrs routes between them.
func largeGraph(tb testing.TB, spokes, nsgRules, udrs int) *model.Graph {
	tb.Helper()
	g := model.NewGraph("large", "australiaeast")
	add := func(r model.Resource) {
		if err := g.Add(r); err != nil {
			tb.Fatal(err)
		}
	}
	hub := &model.VirtualNetwork{Meta: model.Meta{Name: "hub", Group: rg}, AddressSpace: []netip.Prefix{pfx("10.0.0.0/16")},
		Subnets: []model.Subnet{{Name: "AzureFirewallSubnet", Prefix: pfx("10.0.0.0/26")}}}
	add(hub)
	add(&model.AzureFirewall{Meta: model.Meta{Name: "afw", Group: rg}, Policy: ref(model.TypeFirewallPolicy, "policy"), Subnet: subnetRef("hub", "AzureFirewallSubnet"), PrivateIP: ip("10.0.0.4")})
	add(&model.FirewallPolicy{Meta: model.Meta{Name: "policy", Group: rg}})
	spokeSpace := func(i int) netip.Prefix { return netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(1 + i), 0, 0}), 16) }
	add(&model.FirewallPolicyRuleCollectionGroup{Meta: model.Meta{Name: "policy/spokes", Group: rg}, Priority: 100, Collections: []model.FirewallRuleCollection{{
		Name: "east-west", Priority: 100, Action: model.Allow, NetworkRules: []model.NetworkRule{{Name: "web", Protocols: []model.Protocol{model.ProtocolTCP},
			Sources: []model.AddressSpec{pspec("10.0.0.0/8")}, Destinations: []model.AddressSpec{pspec("10.0.0.0/8")}, DestinationPorts: []model.PortRange{model.Port(443), model.Ports(8000, 8999)}}},
	}}})
	perTable := udrs / spokes
	for i := range spokes {
		name := fmt.Sprintf("spoke%02d", i)
		space := spokeSpace(i)
		nsg := &model.NetworkSecurityGroup{Meta: model.Meta{Name: "nsg-" + name, Group: rg}}
		for r := range nsgRules {
			other := spokeSpace((i + 1 + r%(spokes-1)) % spokes)
			dir := model.Inbound
			if r%2 == 1 {
				dir = model.Outbound
			}
			access := model.Allow
			if r%5 == 0 {
				access = model.Deny
			}
			nsg.Rules = append(nsg.Rules, model.SecurityRule{
				Name: fmt.Sprintf("r%03d", r), Priority: 100 + r*7, Direction: dir, Access: access, Protocol: model.ProtocolTCP,
				Sources:          []model.AddressSpec{model.PrefixSpec(netip.PrefixFrom(other.Addr(), 24+r%3))},
				Destinations:     []model.AddressSpec{model.PrefixSpec(space)},
				DestinationPorts: []model.PortRange{model.Ports(uint16(1000+r*13), uint16(1000+r*13+r%50))},
			})
		}
		add(nsg)
		rt := &model.RouteTable{Meta: model.Meta{Name: "rt-" + name, Group: rg}, DisableBGPRoutePropagation: true}
		for r := range perTable {
			other := spokeSpace((i + r + 1) % spokes)
			rt.Routes = append(rt.Routes, model.Route{Name: fmt.Sprintf("to-%d", r), Prefix: other, NextHop: model.NextHopVirtualAppliance, NextHopIP: ip("10.0.0.4")})
		}
		add(rt)
		v := &model.VirtualNetwork{Meta: model.Meta{Name: name, Group: rg}, AddressSpace: []netip.Prefix{space}}
		for s := range 2 {
			v.Subnets = append(v.Subnets, model.Subnet{Name: fmt.Sprintf("snet-%d", s), Prefix: netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(1 + i), byte(s), 0}), 24),
				NSG: model.RefOf(nsg), RouteTable: model.RefOf(rt)})
		}
		add(v)
		add(&model.VirtualNetworkPeering{Meta: model.Meta{Name: name + "/to-hub", Group: rg}, RemoteVirtualNetwork: model.RefOf(hub), AllowVirtualNetworkAccess: true, AllowForwardedTraffic: true})
		add(&model.VirtualNetworkPeering{Meta: model.Meta{Name: "hub/to-" + name, Group: rg}, RemoteVirtualNetwork: model.RefOf(v), AllowVirtualNetworkAccess: true, AllowForwardedTraffic: true})
	}
	return g
}

// BenchmarkReachLarge computes the full subnet-to-subnet matrix of 50
// spokes with 500-rule NSGs and 1,000 UDRs.
func BenchmarkReachLarge(b *testing.B) {
	g := largeGraph(b, 50, 500, 1000)
	b.ReportAllocs()
	for b.Loop() {
		n, err := Build(g, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if cells := n.Matrix(); len(cells) != 101*100 {
			b.Fatalf("matrix has %d cells; want %d", len(cells), 101*100)
		}
	}
}

// The large platform's answers are the ones its rules give: within a spoke
// the default AllowVnetInBound lets everything through; between spokes
// the firewall allows 443 and 8000-8999, and the NSGs cut that down.
func TestLargeMatrix(t *testing.T) {
	n, err := Build(largeGraph(t, 4, 20, 8), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cells := n.Matrix()
	counts := map[Verdict]int{}
	for _, c := range cells {
		counts[c.Verdict]++
		if c.From.VNet == c.To.VNet && c.From.VNet != "hub" && c.Verdict != Allow {
			t.Errorf("Matrix %s -> %s = %s %q; want allow inside a spoke", c.From, c.To, c.Verdict, c.Allowed)
		}
		if c.From.VNet != c.To.VNet && c.From.VNet != "hub" && c.To.VNet != "hub" && c.Verdict == Allow {
			t.Errorf("Matrix %s -> %s = allow; want at most the firewall's ports", c.From, c.To)
		}
	}
	if counts[Partial] == 0 {
		t.Errorf("Matrix verdicts = %v; want some partial answers between spokes", counts)
	}
}
