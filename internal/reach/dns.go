package reach

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Private DNS: a client reaches a PaaS service through its private endpoint
// only when the service's name resolves to the endpoint, that is when the
// endpoint's DNS zone group registers it in a privatelink zone linked to
// the virtual network where the client's query is answered. Otherwise the
// name resolves to the public endpoint.
// https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns
// https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns-integration
//
// Where a query is answered: Azure DNS in the client's network when the
// network names no DNS server; Azure DNS in the firewall's network when the
// network's DNS server is the firewall with DNS proxy on and no custom
// upstream; the resolver's network when it is a DNS private resolver
// inbound endpoint. On-premises clients forward to the resolver's inbound
// endpoint.
// https://learn.microsoft.com/en-us/azure/firewall/dns-settings
// https://learn.microsoft.com/en-us/azure/dns/dns-private-resolver-overview

// dnsIndex holds what resolution needs.
type dnsIndex struct {
	zones   map[model.Address][]string // private endpoint -> zones its group registers it in
	links   map[string][]*vnet         // zone name -> linked networks
	inbound map[uint64]*vnet           // resolver inbound endpoint address -> its network
	named   map[model.Address]*model.PrivateEndpoint
}

func (n *Network) indexDNS(res []model.Resource, byAddr map[model.Address]*vnet) {
	d := &dnsIndex{zones: map[model.Address][]string{}, links: map[string][]*vnet{}, inbound: map[uint64]*vnet{}}
	for _, r := range res {
		switch x := r.(type) {
		case *model.PrivateDNSZoneGroup:
			pe := model.AddressOf(x).Parent()
			for _, z := range x.Zones {
				d.zones[pe] = append(d.zones[pe], z.Leaf())
			}
		case *model.PrivateDNSZoneLink:
			zone := strings.SplitN(x.Name, "/", 2)[0]
			if vn := byAddr[x.VirtualNetwork.Address]; vn != nil {
				d.links[zone] = append(d.links[zone], vn)
			}
		case *model.DNSResolverInboundEndpoint:
			if vn := byAddr[x.Subnet.Parent()]; vn != nil && x.PrivateIP.IsValid() {
				d.inbound[addrValue(x.PrivateIP)] = vn
			}
		}
	}
	n.dns = d
}

// resolverNetwork returns the network whose Azure DNS answers a client in
// vn, with how it got there, or nil when a server outside the model does.
func (n *Network) resolverNetwork(vn *vnet) (*vnet, string) {
	servers := vn.res.DNSServers
	if len(servers) == 0 {
		return vn, vn.res.Name + " uses Azure DNS"
	}
	v := addrValue(servers[0])
	if fw := n.firewall; fw != nil && fw.ip == v && fw.policy != nil && fw.policy.DNSProxy {
		if len(fw.policy.DNSServers) > 0 {
			return nil, fw.policy.Name + " forwards DNS to custom servers outside the model"
		}
		return fw.subnet.vn, vn.res.Name + " asks " + fw.res.Name + " (DNS proxy), which asks Azure DNS in " + fw.subnet.vn.res.Name
	}
	if in := n.dns.inbound[v]; in != nil {
		return in, vn.res.Name + " asks the DNS resolver inbound endpoint " + servers[0].String()
	}
	return nil, vn.res.Name + " uses DNS server " + servers[0].String() + ", outside the model"
}

// resolve checks that a client resolves a private endpoint's service name
// to the endpoint; it returns the final trace when it does not.
func (t *tracer) resolve(pe *privateEndpoint) *Trace {
	n := t.n
	var vn *vnet
	var how string
	switch t.f.From.Kind {
	case InSubnet:
		vn, how = n.resolverNetwork(t.f.From.Subnet.vn)
	case OnPremises:
		// The lowest-addressed inbound endpoint, so answers never depend on
		// map order.
		first := ^uint64(0)
		for addr, in := range n.dns.inbound {
			if addr < first {
				first, vn = addr, in
				how = "on-premises DNS forwards to the DNS resolver inbound endpoint " + valueAddr(addr).String()
			}
		}
		if vn == nil {
			tr := t.deny("DNS", "resolve "+pe.target, "no DNS resolver inbound endpoint: on-premises clients resolve "+pe.target+" to its public endpoint")
			return &tr
		}
	default:
		return nil
	}
	if vn == nil {
		t.hop("DNS", "resolve "+pe.target, "not verified", how)
		return nil
	}
	for _, z := range n.dns.zones[model.AddressOf(pe.res)] {
		for _, l := range n.dns.links[z] {
			if l == vn {
				why := how + "; zone " + z + " is linked to " + vn.res.Name + " and holds " + pe.res.Name
				t.hop("DNS", "resolve "+pe.target, "private endpoint "+pe.addr.String(), why)
				t.by = append(t.by, "private DNS zone "+z+" linked to "+vn.res.Name)
				return nil
			}
		}
	}
	why := how + "; no private DNS zone registering " + pe.res.Name + " is linked to " + vn.res.Name + ", so the name resolves to the public endpoint"
	tr := t.deny("DNS", "resolve "+pe.target, why)
	return &tr
}
