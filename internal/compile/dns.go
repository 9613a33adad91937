package compile

import "github.com/enclave-dev/enclave/internal/model"

// buildDNS adds the DNS private resolver when the environment is connected
// to on-premises: its inbound endpoint, at a fixed address in
// snet-dns-inbound, is where on-premises DNS servers conditionally forward
// the private-link zones. The resolver answers from the private DNS zones
// linked to the hub.
func buildDNS(c *ctx) {
	if c.doc.Network.OnPremises == nil || !c.hasSubnet(SubnetDNSInbound) {
		return
	}
	ps, _ := c.plan.Subnet(SubnetDNSInbound)
	resolver := c.add(&model.DNSResolver{
		Meta:           model.Meta{Name: c.names.Name("dnspr"), Group: c.rg(RGNetwork)},
		VirtualNetwork: c.vnets[Hub],
	})
	c.add(&model.DNSResolverInboundEndpoint{
		Meta:      model.Meta{Name: resolver.Name + "/inbound", Group: resolver.Group, Location: c.doc.Location, Tags: c.tags},
		Subnet:    c.subnet(SubnetDNSInbound),
		PrivateIP: nthAddr(ps.Prefix, 4),
	})
}
