package reach

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Network is the data plane of a graph, indexed once for evaluation:
// virtual networks and subnets with their NSGs and effective routes,
// peerings, the firewall and its policy, gateways and the on-premises
// prefixes behind them, private endpoints and PaaS public endpoints.
type Network struct {
	U        *Universe
	vnets    []*vnet
	subnets  []*Subnet
	firewall *firewall
	gateways []*gateway
	pes      []*privateEndpoint
	paas     []*paasService
	bastion  *model.BastionHost
	bastionS *Subnet // the Bastion host's subnet
	dns      *dnsIndex
	members  map[string]*Subnet // a member's workstation subnet
	onPrem   Set                // every on-premises prefix behind a gateway
	nsgCache map[nsgKey][]nsgRule
	fwCache  []fwRule
	cacheGen int // the universe generation the caches were built at
}

type vnet struct {
	res     *model.VirtualNetwork
	space   Set
	bits    int // the shortest prefix length of its address space
	subnets []*Subnet
	peers   []*peerLink
	gateway *gateway // its own gateway
}

// peerLink is a peering from one network to another, with its reverse.
type peerLink struct {
	from, to *vnet
	p        *model.VirtualNetworkPeering
	back     *model.VirtualNetworkPeering // nil when the remote side has none
}

// connected reports whether traffic flows over the peering: both sides must
// exist and allow virtual network access.
// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-peering-overview
func (l *peerLink) connected() bool {
	return l.back != nil && l.p.AllowVirtualNetworkAccess && l.back.AllowVirtualNetworkAccess
}

// Subnet is one subnet of a virtual network as reach sees it.
type Subnet struct {
	Name   string // the subnet's name
	VNet   string // its virtual network's name
	Prefix netip.Prefix
	addrs  Set
	vn     *vnet
	nsg    *model.NetworkSecurityGroup
	rt     *model.RouteTable
	// pePolicies applies NSGs and UDRs to the private endpoints in it.
	pePolicies bool
	outbound   bool // default outbound access
	nics       int  // NICs enclave manages in it (VMs a public IP could attach to)
	vnTag      Set  // the VirtualNetwork tag as its NSG sees it
	tagKey     string
	routes     []route
}

// String names a subnet as "snet-workstations (vnet-kodata-spoke)".
func (s *Subnet) String() string { return s.Name + " (" + s.VNet + ")" }

type gateway struct {
	res    *model.VirtualNetworkGateway
	vn     *vnet
	conns  []*model.Connection
	onPrem Set
	// prefixes names the on-premises prefixes for explanations.
	prefixes []netip.Prefix
}

type firewall struct {
	res    *model.AzureFirewall
	policy *model.FirewallPolicy
	groups []*model.FirewallPolicyRuleCollectionGroup
	subnet *Subnet
	ip     uint64
}

type privateEndpoint struct {
	res    *model.PrivateEndpoint
	subnet *Subnet
	addr   netip.Addr
	target string // the target resource's name
	kind   model.Type
}

type paasService struct {
	name   string
	kind   model.Type
	public model.PublicAccess
	acl    *model.NetworkACL
	atom   uint64
	pes    []*privateEndpoint
}

// Options are what the graph alone does not say.
type Options struct {
	// OnPremPrefixes are on-premises prefixes learned over ExpressRoute
	// (BGP); a VPN's come from its local network gateway.
	OnPremPrefixes []netip.Prefix
	// ServiceTags expands service tags to their published prefixes.
	ServiceTags map[string][]netip.Prefix
}

// Build indexes g for evaluation.
func Build(g *model.Graph, opts Options) (*Network, error) {
	n := &Network{U: NewUniverse(opts.ServiceTags)}
	byAddr := map[model.Address]*vnet{}
	res := g.Resources()
	for _, r := range res {
		v, ok := r.(*model.VirtualNetwork)
		if !ok {
			continue
		}
		vn := &vnet{res: v, space: prefixesSet(v.AddressSpace), bits: 32}
		for _, p := range v.AddressSpace {
			vn.bits = min(vn.bits, p.Bits())
		}
		byAddr[model.AddressOf(v)] = vn
		n.vnets = append(n.vnets, vn)
		for _, s := range v.Subnets {
			sn := &Subnet{Name: s.Name, VNet: v.Name, Prefix: s.Prefix, addrs: prefixSet(s.Prefix), vn: vn,
				pePolicies: s.PrivateEndpointPolicies == model.PrivateEndpointPoliciesEnabled, outbound: s.DefaultOutboundAccess}
			if !s.NSG.IsZero() {
				nsg, ok := model.Lookup[*model.NetworkSecurityGroup](g, s.NSG)
				if !ok {
					return nil, fmt.Errorf("subnet %s: NSG %s not in the graph", sn, s.NSG)
				}
				sn.nsg = nsg
			}
			if !s.RouteTable.IsZero() {
				rt, ok := model.Lookup[*model.RouteTable](g, s.RouteTable)
				if !ok {
					return nil, fmt.Errorf("subnet %s: route table %s not in the graph", sn, s.RouteTable)
				}
				sn.rt = rt
			}
			vn.subnets = append(vn.subnets, sn)
			n.subnets = append(n.subnets, sn)
		}
	}
	subnetOf := func(ref model.Ref) *Subnet {
		vn := byAddr[ref.Parent()]
		if vn == nil {
			return nil
		}
		for _, s := range vn.subnets {
			if s.Name == ref.Leaf() {
				return s
			}
		}
		return nil
	}
	n.members = map[string]*Subnet{}
	nicSubnet := map[model.Address]*Subnet{}
	var vms []*model.VirtualMachine
	var lngs = map[model.Address]*model.LocalNetworkGateway{}
	var conns []*model.Connection
	for _, r := range res {
		switch x := r.(type) {
		case *model.VirtualNetworkPeering:
			from := byAddr[model.AddressOf(x).Parent()]
			to := byAddr[x.RemoteVirtualNetwork.Address]
			if from == nil || to == nil {
				continue // a peering to a network outside the graph carries nothing reach can follow
			}
			from.peers = append(from.peers, &peerLink{from: from, to: to, p: x})
		case *model.NetworkInterface:
			if s := subnetOf(x.Subnet); s != nil {
				s.nics++
				nicSubnet[model.AddressOf(x)] = s
			}
		case *model.VirtualMachine:
			vms = append(vms, x)
		case *model.VirtualNetworkGateway:
			s := subnetOf(x.Subnet)
			if s == nil {
				return nil, fmt.Errorf("gateway %s: subnet %s not in the graph", x.Name, x.Subnet)
			}
			gw := &gateway{res: x, vn: s.vn}
			s.vn.gateway = gw
			n.gateways = append(n.gateways, gw)
		case *model.LocalNetworkGateway:
			lngs[model.AddressOf(x)] = x
		case *model.Connection:
			conns = append(conns, x)
		case *model.AzureFirewall:
			fw := &firewall{res: x, subnet: subnetOf(x.Subnet), ip: addrValue(x.PrivateIP)}
			if fw.subnet == nil || !x.PrivateIP.IsValid() {
				return nil, fmt.Errorf("firewall %s: no subnet or private IP", x.Name)
			}
			fw.policy, _ = model.Lookup[*model.FirewallPolicy](g, x.Policy)
			n.firewall = fw
		case *model.BastionHost:
			n.bastion, n.bastionS = x, subnetOf(x.Subnet)
		}
	}
	for _, vm := range vms {
		if s := nicSubnet[vm.NIC.Address]; s != nil && vm.Member != "" {
			n.members[vm.Member] = s
		}
	}
	for _, vn := range n.vnets {
		for _, l := range vn.peers {
			for _, r := range l.to.peers {
				if r.to == vn {
					l.back = r.p
				}
			}
		}
	}
	for _, c := range conns {
		for _, gw := range n.gateways {
			if model.AddressOf(gw.res) != c.Gateway.Address {
				continue
			}
			gw.conns = append(gw.conns, c)
			var ps []netip.Prefix
			if l := lngs[c.LocalGateway.Address]; c.ConnectionType == model.ConnectionIPsec && l != nil {
				ps = l.AddressSpaces
			} else if c.ConnectionType == model.ConnectionExpressRoute {
				ps = opts.OnPremPrefixes
			}
			gw.prefixes = append(gw.prefixes, ps...)
			gw.onPrem = gw.onPrem.Union(prefixesSet(ps))
			n.onPrem = n.onPrem.Union(prefixesSet(ps))
		}
	}
	if fw := n.firewall; fw != nil && fw.policy != nil {
		for _, r := range res {
			if x, ok := r.(*model.FirewallPolicyRuleCollectionGroup); ok && strings.HasPrefix(x.Name, fw.policy.Name+"/") && x.Group == fw.policy.Group {
				fw.groups = append(fw.groups, x)
			}
		}
		sort.SliceStable(fw.groups, func(i, j int) bool { return fw.groups[i].Priority < fw.groups[j].Priority })
	}
	n.indexPaaS(g, res, subnetOf)
	n.indexDNS(res, byAddr)
	n.indexDNS(res, byAddr)
	for _, s := range n.subnets {
		s.vnTag = n.virtualNetworkTag(s)
		s.tagKey = fmt.Sprint(s.vnTag)
		s.routes = n.effectiveRoutes(s)
	}
	return n, nil
}

// paasTags maps a PaaS kind to the service tag of its public endpoint.
var paasTags = map[model.Type]model.ServiceTag{
	model.TypeStorageAccount:      model.TagStorage,
	model.TypeKeyVault:            model.TagAzureKeyVault,
	model.TypeMLWorkspace:         model.TagAzureMachineLearning,
	model.TypeContainerRegistry:   "AzureContainerRegistry",
	model.TypeWebApp:              "AppService",
	model.TypeDataFactory:         "DataFactory",
	model.TypeDatabricksWorkspace: "AzureDatabricks",
	model.TypeSynapseWorkspace:    model.TagSQL,
	model.TypeEventHubNamespace:   model.TagEventHub,
}

// indexPaaS records every PaaS service with a public network access
// setting, and every private endpoint with the address reach gives it.
func (n *Network) indexPaaS(g *model.Graph, res []model.Resource, subnetOf func(model.Ref) *Subnet) {
	byName := map[model.Address]*paasService{}
	for _, r := range res {
		var public model.PublicAccess
		var acl *model.NetworkACL
		switch x := r.(type) {
		case *model.StorageAccount:
			public, acl = x.PublicNetworkAccess, &x.NetworkACL
		case *model.KeyVault:
			public, acl = x.PublicNetworkAccess, &x.NetworkACL
		case *model.ContainerRegistry:
			public, acl = x.PublicNetworkAccess, &x.NetworkACL
		case *model.MLWorkspace:
			public = x.PublicNetworkAccess
		case *model.WebApp:
			public = x.PublicNetworkAccess
		case *model.DataFactory:
			public = x.PublicNetworkAccess
		case *model.DatabricksWorkspace:
			public = x.PublicNetworkAccess
		case *model.SynapseWorkspace:
			public = x.PublicNetworkAccess
		case *model.EventHubNamespace:
			public = x.PublicNetworkAccess
		default:
			continue
		}
		m := r.Base()
		tag := paasTags[r.Type()]
		if m.Location != "" {
			tag = tag.In(m.Location)
		}
		p := &paasService{name: m.Name, kind: r.Type(), public: public, acl: acl}
		p.atom = n.U.paas(m.Name, tag)
		byName[model.AddressOf(r)] = p
		n.paas = append(n.paas, p)
	}
	next := map[*Subnet]uint64{}
	for _, r := range res {
		x, ok := r.(*model.PrivateEndpoint)
		if !ok {
			continue
		}
		s := subnetOf(x.Subnet)
		if s == nil {
			continue
		}
		// Azure assigns endpoint addresses dynamically; reach numbers them
		// from the first address after the four Azure reserves, in name
		// order. Rules in enclave's NSGs and firewall cover whole subnets,
		// so the choice does not change an answer.
		// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets
		if next[s] == 0 {
			next[s] = s.addrs[0].Lo + 4
		}
		pe := &privateEndpoint{res: x, subnet: s, addr: valueAddr(next[s]), target: x.Target.Leaf(), kind: x.Target.Type}
		next[s]++
		n.pes = append(n.pes, pe)
		if p := byName[x.Target.Address]; p != nil {
			p.pes = append(p.pes, pe)
		}
	}
}

// peerings returns the peerings of vn that carry traffic.
func (vn *vnet) connectedPeers() []*peerLink {
	var out []*peerLink
	for _, l := range vn.peers {
		if l.connected() {
			out = append(out, l)
		}
	}
	return out
}

// gatewayFor returns the gateway a network's traffic to on-premises uses:
// its own, or a peered network's when the peering uses remote gateways and
// the remote side allows gateway transit, with the peering that decided it.
// https://learn.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-peering-gateway-transit
func (n *Network) gatewayFor(vn *vnet) (*gateway, *peerLink) {
	if vn.gateway != nil {
		return vn.gateway, nil
	}
	for _, l := range vn.connectedPeers() {
		if l.to.gateway != nil && l.p.UseRemoteGateways && l.back.AllowGatewayTransit {
			return l.to.gateway, l
		}
	}
	return nil, nil
}

// transitBlocker returns why vn cannot use gw: the peering whose gateway
// transit setting is off, or "" when it can.
func (n *Network) transitBlocker(vn *vnet, gw *gateway) string {
	if vn == gw.vn {
		return ""
	}
	for _, l := range vn.peers {
		if l.to != gw.vn {
			continue
		}
		switch {
		case !l.connected():
			return "peering " + l.p.Name + " is not connected in both directions"
		case !l.back.AllowGatewayTransit:
			return "peering " + l.back.Name + " has allowGatewayTransit off"
		case !l.p.UseRemoteGateways:
			return "peering " + l.p.Name + " has useRemoteGateways off"
		}
		return ""
	}
	return "network " + vn.res.Name + " is not peered with " + gw.vn.res.Name
}

// virtualNetworkTag is the VirtualNetwork service tag as seen from a subnet:
// its network's address space, every peered network's, the on-premises
// prefixes of the gateway it uses, and the prefixes of the user-defined
// routes on its route table (a 0.0.0.0/0 route makes it every address).
// https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview#available-service-tags
func (n *Network) virtualNetworkTag(s *Subnet) Set {
	t := s.vn.space
	for _, l := range s.vn.connectedPeers() {
		t = t.Union(l.to.space)
	}
	if gw, _ := n.gatewayFor(s.vn); gw != nil {
		t = t.Union(gw.onPrem)
	}
	if s.rt != nil {
		for _, r := range s.rt.Routes {
			t = t.Union(prefixSet(r.Prefix))
			if r.Prefix.Bits() == 0 {
				// A default route covers host names and service tags too.
				t = t.Union(atomSpace)
			}
		}
	}
	return t
}

// subnetAt returns the subnet holding address v.
func (n *Network) subnetAt(v uint64) *Subnet {
	for _, s := range n.subnets {
		if s.addrs.Contains(v) {
			return s
		}
	}
	return nil
}

// SubnetNamed returns the first subnet with the given name.
func (n *Network) SubnetNamed(name string) *Subnet {
	for _, s := range n.subnets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// spec returns the addresses of a rule's source or destination as seen from
// subnet s (which decides what VirtualNetwork means).
func (n *Network) spec(a model.AddressSpec, s *Subnet) Set {
	if !a.IsTag() {
		return prefixSet(a.Prefix)
	}
	if strings.EqualFold(string(a.Tag), string(model.TagVirtualNetwork)) {
		if s == nil {
			return n.allVNetSpace()
		}
		return s.vnTag
	}
	return n.U.Tag(a.Tag)
}

func (n *Network) specs(as []model.AddressSpec, s *Subnet) Set {
	var out Set
	for _, a := range as {
		out = out.Union(n.spec(a, s))
	}
	return out
}

func (n *Network) allVNetSpace() Set {
	var t Set
	for _, vn := range n.vnets {
		t = t.Union(vn.space)
	}
	return t.Union(n.onPrem)
}

func portsSet(rs []model.PortRange) Set {
	var s Set
	for _, r := range rs {
		s = s.Union(Of(uint64(r.From), uint64(r.To)))
	}
	if len(rs) == 0 {
		return allPorts
	}
	return s
}
