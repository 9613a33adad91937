package reach

import (
	"net/netip"
	"reflect"
	"testing"

	"github.com/enclave-dev/enclave/internal/model"
)

// topo is a small hub-and-spoke network for scenario tests: a hub with
// Azure Firewall (10.1.0.4), a VPN gateway to on-premises 192.168.0.0/16
// and a plain subnet; a spoke with two workload subnets (a routes the
// internet and on-premises through the firewall) and a private endpoint
// subnet with a storage account's endpoint. Every NSG starts empty, so
// Azure's default rules decide until a test adds rules.
type topo struct {
	hub, spoke  *model.VirtualNetwork
	hubToSpoke  *model.VirtualNetworkPeering
	spokeToHub  *model.VirtualNetworkPeering
	nsgA, nsgB  *model.NetworkSecurityGroup
	nsgPE, nsgH *model.NetworkSecurityGroup
	rtA, rtGW   *model.RouteTable
	rcg         *model.FirewallPolicyRuleCollectionGroup
	pe          *model.PrivateEndpoint
	storage     *model.StorageAccount
	conn        *model.Connection
	lng         *model.LocalNetworkGateway
	gw          *model.VirtualNetworkGateway
	nic         *model.NetworkInterface
	zoneGroup   *model.PrivateDNSZoneGroup
	links       []*model.PrivateDNSZoneLink
	resolver    *model.DNSResolverInboundEndpoint
	extra       []model.Resource
	opts        Options
}

const rg = "rg"

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }
func ip(s string) netip.Addr    { return netip.MustParseAddr(s) }

func ref(t model.Type, name string) model.Ref {
	return model.Address{Group: rg, Type: t, Name: name}.Ref()
}

func subnetRef(vnet, name string) model.Ref {
	return model.SubnetRef(ref(model.TypeVirtualNetwork, vnet), name)
}

var fwIP = ip("10.1.0.4")

func newTopo() *topo {
	nsg := func(name string) *model.NetworkSecurityGroup {
		return &model.NetworkSecurityGroup{Meta: model.Meta{Name: name, Group: rg}}
	}
	t := &topo{nsgA: nsg("nsg-a"), nsgB: nsg("nsg-b"), nsgPE: nsg("nsg-pe"), nsgH: nsg("nsg-hub")}
	t.rtA = &model.RouteTable{Meta: model.Meta{Name: "rt-a", Group: rg}, DisableBGPRoutePropagation: true, Routes: []model.Route{
		{Name: "default-via-fw", Prefix: pfx("0.0.0.0/0"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP},
		{Name: "onprem-via-fw", Prefix: pfx("192.168.0.0/16"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP},
	}}
	t.rtGW = &model.RouteTable{Meta: model.Meta{Name: "rt-gw", Group: rg}, Routes: []model.Route{
		{Name: "spoke-via-fw", Prefix: pfx("10.2.0.0/16"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP},
	}}
	t.hub = &model.VirtualNetwork{Meta: model.Meta{Name: "hub", Group: rg}, AddressSpace: []netip.Prefix{pfx("10.1.0.0/16")}, Subnets: []model.Subnet{
		{Name: "AzureFirewallSubnet", Prefix: pfx("10.1.0.0/26")},
		{Name: "GatewaySubnet", Prefix: pfx("10.1.1.0/27"), RouteTable: model.RefOf(t.rtGW)},
		{Name: "snet-hub", Prefix: pfx("10.1.2.0/24"), NSG: model.RefOf(t.nsgH)},
	}}
	t.spoke = &model.VirtualNetwork{Meta: model.Meta{Name: "spoke", Group: rg}, AddressSpace: []netip.Prefix{pfx("10.2.0.0/16")}, Subnets: []model.Subnet{
		{Name: "snet-a", Prefix: pfx("10.2.1.0/24"), NSG: model.RefOf(t.nsgA), RouteTable: model.RefOf(t.rtA)},
		{Name: "snet-b", Prefix: pfx("10.2.2.0/24"), NSG: model.RefOf(t.nsgB)},
		{Name: "snet-pe", Prefix: pfx("10.2.3.0/24"), NSG: model.RefOf(t.nsgPE), PrivateEndpointPolicies: model.PrivateEndpointPoliciesEnabled},
	}}
	t.hubToSpoke = &model.VirtualNetworkPeering{Meta: model.Meta{Name: "hub/to-spoke", Group: rg}, RemoteVirtualNetwork: model.RefOf(t.spoke),
		AllowVirtualNetworkAccess: true, AllowForwardedTraffic: true, AllowGatewayTransit: true}
	t.spokeToHub = &model.VirtualNetworkPeering{Meta: model.Meta{Name: "spoke/to-hub", Group: rg}, RemoteVirtualNetwork: model.RefOf(t.hub),
		AllowVirtualNetworkAccess: true, AllowForwardedTraffic: true, UseRemoteGateways: true}
	t.rcg = &model.FirewallPolicyRuleCollectionGroup{Meta: model.Meta{Name: "policy/rcg", Group: rg}, Priority: 100}
	t.storage = &model.StorageAccount{Meta: model.Meta{Name: "st", Group: rg, Location: "australiaeast"}, PublicNetworkAccess: model.PublicDisabled}
	t.pe = &model.PrivateEndpoint{Meta: model.Meta{Name: "pe-st-blob", Group: rg}, Subnet: subnetRef("spoke", "snet-pe"), Target: model.RefOf(t.storage), GroupID: "blob", Approved: true}
	t.gw = &model.VirtualNetworkGateway{Meta: model.Meta{Name: "vgw", Group: rg}, GatewayType: model.GatewayVPN, Subnet: subnetRef("hub", "GatewaySubnet")}
	t.lng = &model.LocalNetworkGateway{Meta: model.Meta{Name: "lgw", Group: rg}, AddressSpaces: []netip.Prefix{pfx("192.168.0.0/16")}}
	t.conn = &model.Connection{Meta: model.Meta{Name: "cn", Group: rg}, ConnectionType: model.ConnectionIPsec, Gateway: model.RefOf(t.gw), LocalGateway: model.RefOf(t.lng)}
	zone := "privatelink.blob.core.windows.net"
	t.zoneGroup = &model.PrivateDNSZoneGroup{Meta: model.Meta{Name: "pe-st-blob/default", Group: rg}, Zones: []model.Ref{ref(model.TypePrivateDNSZone, zone)}}
	for _, v := range []string{"hub", "spoke"} {
		t.links = append(t.links, &model.PrivateDNSZoneLink{Meta: model.Meta{Name: zone + "/link-" + v, Group: rg}, VirtualNetwork: ref(model.TypeVirtualNetwork, v)})
	}
	t.resolver = &model.DNSResolverInboundEndpoint{Meta: model.Meta{Name: "dnspr/inbound", Group: rg}, Subnet: subnetRef("hub", "snet-hub"), PrivateIP: ip("10.1.2.4")}
	t.nic = &model.NetworkInterface{Meta: model.Meta{Name: "nic-b", Group: rg}, Subnet: subnetRef("spoke", "snet-b")}
	return t
}

// build indexes the topology.
func (t *topo) build(tb testing.TB) *Network {
	tb.Helper()
	g := model.NewGraph("t", "australiaeast")
	fw := &model.AzureFirewall{Meta: model.Meta{Name: "afw", Group: rg}, Policy: ref(model.TypeFirewallPolicy, "policy"), Subnet: subnetRef("hub", "AzureFirewallSubnet"), PrivateIP: fwIP}
	pol := &model.FirewallPolicy{Meta: model.Meta{Name: "policy", Group: rg}}
	for _, r := range append([]model.Resource{t.hub, t.spoke, t.hubToSpoke, t.spokeToHub, t.nsgA, t.nsgB, t.nsgPE, t.nsgH, t.rtA, t.rtGW,
		fw, pol, t.rcg, t.storage, t.pe, t.gw, t.lng, t.conn, t.nic, t.zoneGroup, t.resolver,
		&model.PrivateDNSZone{Meta: model.Meta{Name: "privatelink.blob.core.windows.net", Group: rg}}}, t.extra...) {
		if reflect.ValueOf(r).IsNil() {
			continue // removed by the scenario
		}
		if err := g.Add(r); err != nil {
			tb.Fatal(err)
		}
	}
	for _, l := range t.links {
		if l != nil {
			if err := g.Add(l); err != nil {
				tb.Fatal(err)
			}
		}
	}
	n, err := Build(g, t.opts)
	if err != nil {
		tb.Fatalf("Build: %v", err)
	}
	return n
}

// allow is an NSG allow rule.
func allowRule(name string, prio int, dir model.Direction, proto model.Protocol, from, to model.AddressSpec, ports ...model.PortRange) model.SecurityRule {
	return model.SecurityRule{Name: name, Priority: prio, Direction: dir, Access: model.Allow, Protocol: proto,
		Sources: []model.AddressSpec{from}, Destinations: []model.AddressSpec{to}, DestinationPorts: ports}
}

func denyRule(name string, prio int, dir model.Direction, from, to model.AddressSpec) model.SecurityRule {
	return model.SecurityRule{Name: name, Priority: prio, Direction: dir, Access: model.Deny, Protocol: model.ProtocolAny,
		Sources: []model.AddressSpec{from}, Destinations: []model.AddressSpec{to}, DestinationPorts: []model.PortRange{model.AnyPort}}
}

func pspec(p string) model.AddressSpec { return model.PrefixSpec(pfx(p)) }

// flow builds a flow between endpoints of n named by subnet, "onprem",
// "internet", "pe" or a host name.
func flow(n *Network, from, to string, proto uint64, port uint16) Flow {
	end := func(s string) Endpoint {
		switch s {
		case "onprem":
			e, _ := n.onPremEndpoint()
			return e
		case "internet":
			return n.internetEndpoint()
		case "pe":
			return peEndpoint(n.pes[0])
		case "st":
			return paasEndpoint(n.paas[0])
		}
		if sn := n.SubnetNamed(s); sn != nil {
			return subnetEndpoint(sn)
		}
		if a, err := netip.ParseAddr(s); err == nil {
			return n.AddressEndpoint(netip.PrefixFrom(a, 32), s)
		}
		return n.HostEndpoint(s)
	}
	ports := allPorts
	if port != 0 {
		ports = Point(uint64(port))
	}
	return Flow{From: end(from), To: end(to), Proto: Point(proto), Ports: ports}
}
