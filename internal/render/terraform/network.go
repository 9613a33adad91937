package terraform

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

func networkKinds() table {
	t := table{}
	t.add(kind(virtualNetwork))
	t.add(kind(func(x *Ctx, r *model.VirtualNetworkPeering) error {
		b := x.Resource("azurerm_virtual_network_peering", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_group_name", x.GroupName())
		b.Set("virtual_network_name", x.Name(x.Address().Parent().Ref()))
		b.Set("remote_virtual_network_id", x.ID(r.RemoteVirtualNetwork))
		b.Set("allow_virtual_network_access", Bool(r.AllowVirtualNetworkAccess))
		b.Set("allow_forwarded_traffic", Bool(r.AllowForwardedTraffic))
		b.Set("allow_gateway_transit", Bool(r.AllowGatewayTransit))
		b.Set("use_remote_gateways", Bool(r.UseRemoteGateways))
		return nil
	}))
	t.add(kind(networkSecurityGroup))
	t.add(kind(routeTable))
	t.add(kind(func(x *Ctx, r *model.PublicIPAddress) error {
		b := x.Top("azurerm_public_ip")
		alloc := "Dynamic"
		if r.Static {
			alloc = "Static"
		}
		b.Set("allocation_method", String(alloc))
		b.Set("sku", String(r.SKU))
		if r.Tier != "" {
			b.Set("sku_tier", String(r.Tier))
		}
		b.Set("ip_version", String("IPv4"))
		b.Set("idle_timeout_in_minutes", Number(4))
		if len(r.Zones) > 0 {
			b.Set("zones", Strings(r.Zones))
		}
		return nil
	}))
	t.add(kind(azureFirewall))
	t.add(kind(firewallPolicy))
	t.add(kind(ruleCollectionGroup))
	t.add(kind(virtualNetworkGateway))
	t.add(kind(func(x *Ctx, r *model.LocalNetworkGateway) error {
		b := x.Top("azurerm_local_network_gateway")
		b.Set("gateway_address", String(r.GatewayAddress.String()))
		b.Set("address_space", Strings(prefixStrings(r.AddressSpaces)))
		if r.BGPASN != 0 {
			bgp := b.Block("bgp_settings")
			bgp.Set("asn", Number(int64(r.BGPASN)))
			bgp.Set("bgp_peering_address", String(r.BGPPeerAddress.String()))
		}
		return nil
	}))
	t.add(kind(connection))
	t.add(kind(bastionHost))
	t.add(kind(func(x *Ctx, r *model.DNSResolver) error {
		b := x.Top("azurerm_private_dns_resolver")
		b.Set("virtual_network_id", x.ID(r.VirtualNetwork))
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.DNSResolverInboundEndpoint) error {
		b := x.Resource("azurerm_private_dns_resolver_inbound_endpoint", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("private_dns_resolver_id", x.ID(x.Address().Parent().Ref()))
		b.Set("location", x.Location())
		ipc := b.Block("ip_configurations")
		ipc.Set("subnet_id", x.ID(r.Subnet))
		if r.PrivateIP.IsValid() {
			ipc.Set("private_ip_allocation_method", String("Static"))
			ipc.Set("private_ip_address", String(r.PrivateIP.String()))
		} else {
			ipc.Set("private_ip_allocation_method", String("Dynamic"))
		}
		x.tags(b)
		x.Output("dns_resolver_inbound_ip", "Address on-premises DNS servers forward the private-link zones to", b.Attr("ip_configurations.0.private_ip_address"))
		return nil
	}))
	return t
}

// virtualNetwork writes the network and, since azurerm_subnet is the
// resource that keeps subnets apart from the network's own lifecycle, one
// azurerm_subnet per model subnet plus its NSG and route table
// associations. Each subnet block stands for the subnet's model address.
func virtualNetwork(x *Ctx, r *model.VirtualNetwork) error {
	b := x.Top("azurerm_virtual_network")
	b.Set("address_space", Strings(prefixStrings(r.AddressSpace)))
	if len(r.DNSServers) > 0 {
		dns := make([]string, len(r.DNSServers))
		for i, a := range r.DNSServers {
			dns[i] = a.String()
		}
		b.Set("dns_servers", Strings(dns))
	}
	vnet := x.Address().Ref()
	var plan []Field
	for _, s := range r.Subnets {
		sa := model.SubnetRef(vnet, s.Name).Address
		sb := x.Resource("azurerm_subnet", sa)
		sb.Set("name", String(s.Name))
		sb.Set("resource_group_name", x.GroupName())
		sb.Set("virtual_network_name", b.Attr("name"))
		sb.Set("address_prefixes", Strings([]string{s.Prefix.String()}))
		sb.Set("default_outbound_access_enabled", Bool(s.DefaultOutboundAccess))
		plan = append(plan, Field{s.Name, sb.Attr("address_prefixes.0")})
		if s.PrivateEndpointPolicies != "" {
			sb.Set("private_endpoint_network_policies", String(string(s.PrivateEndpointPolicies)))
		}
		for _, d := range s.Delegations {
			db := sb.Block("delegation")
			// A delegation's name may not hold "/", as in the ARM rendering.
			db.Set("name", String(strings.ReplaceAll(d, "/", ".")))
			db.Block("service_delegation").Set("name", String(d))
		}
		if !s.NSG.IsZero() {
			a := x.Helper("azurerm_subnet_network_security_group_association", sa, "nsg")
			a.Set("subnet_id", sb.Attr("id"))
			a.Set("network_security_group_id", x.ID(s.NSG))
		}
		if !s.RouteTable.IsZero() {
			a := x.Helper("azurerm_subnet_route_table_association", sa, "routes")
			a.Set("subnet_id", sb.Attr("id"))
			a.Set("route_table_id", x.ID(s.RouteTable))
		}
	}
	label := strings.TrimPrefix(b.Address(), "azurerm_virtual_network.")
	x.Output("address_plan_"+label, "Address space and subnet prefixes of virtual network "+r.Name,
		Object(Field{"address_space", b.Attr("address_space")}, Field{"subnets", Object(plan...)}))
	return nil
}

// nsgProtocols spells protocols the way NSG rules do.
var nsgProtocols = map[model.Protocol]string{
	model.ProtocolTCP: "Tcp", model.ProtocolUDP: "Udp", model.ProtocolICMP: "Icmp", model.ProtocolAny: "*",
}

// networkSecurityGroup writes the group and one azurerm_network_security_rule
// per rule. The provider's inline security_rule is an attributes-as-blocks
// set that cannot be combined with separate rule resources
// (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group);
// separate rules give each rule its own address in plans.
func networkSecurityGroup(x *Ctx, r *model.NetworkSecurityGroup) error {
	nsg := x.Top("azurerm_network_security_group")
	for _, rule := range r.Rules {
		proto, ok := nsgProtocols[rule.Protocol]
		if !ok {
			return fmt.Errorf("rule %s: unknown protocol %q", rule.Name, rule.Protocol)
		}
		b := x.Helper("azurerm_network_security_rule", x.Address(), rule.Name)
		b.Set("name", String(rule.Name))
		b.Set("resource_group_name", x.GroupName())
		b.Set("network_security_group_name", nsg.Attr("name"))
		if rule.Description != "" {
			b.Set("description", String(rule.Description))
		}
		b.Set("priority", Number(int64(rule.Priority)))
		b.Set("direction", String(string(rule.Direction)))
		b.Set("access", String(string(rule.Access)))
		b.Set("protocol", String(proto))
		if err := nsgAddresses(b, "source_address_prefix", rule.Sources); err != nil {
			return fmt.Errorf("rule %s sources: %w", rule.Name, err)
		}
		nsgPorts(b, "source_port_range", rule.SourcePorts)
		if err := nsgAddresses(b, "destination_address_prefix", rule.Destinations); err != nil {
			return fmt.Errorf("rule %s destinations: %w", rule.Name, err)
		}
		nsgPorts(b, "destination_port_range", rule.DestinationPorts)
	}
	return nil
}

// nsgAddresses sets the singular attribute for one address and the plural
// one, which takes prefixes only, for several.
func nsgAddresses(b *Body, attr string, as []model.AddressSpec) error {
	switch len(as) {
	case 0:
		return fmt.Errorf("no addresses")
	case 1:
		b.Set(attr, String(as[0].String()))
		return nil
	}
	ps := make([]string, len(as))
	for i, a := range as {
		if a.IsTag() {
			return fmt.Errorf("service tag %s in a list of addresses", a.Tag)
		}
		ps[i] = a.String()
	}
	b.Set(attr+"es", Strings(ps))
	return nil
}

// nsgPorts sets the singular attribute for one range (or none, "*") and
// the plural one for several.
func nsgPorts(b *Body, attr string, rs []model.PortRange) {
	switch len(rs) {
	case 0:
		b.Set(attr, String("*"))
	case 1:
		b.Set(attr, String(rs[0].String()))
	default:
		b.Set(attr+"s", Strings(portStrings(rs)))
	}
}

// routeTable writes the table and one azurerm_route per route, for the same
// reason NSG rules are separate.
func routeTable(x *Ctx, r *model.RouteTable) error {
	rt := x.Top("azurerm_route_table")
	rt.Set("bgp_route_propagation_enabled", Bool(!r.DisableBGPRoutePropagation))
	for _, route := range r.Routes {
		b := x.Helper("azurerm_route", x.Address(), route.Name)
		b.Set("name", String(route.Name))
		b.Set("resource_group_name", x.GroupName())
		b.Set("route_table_name", rt.Attr("name"))
		b.Set("address_prefix", String(route.Prefix.String()))
		b.Set("next_hop_type", String(string(route.NextHop)))
		if route.NextHop == model.NextHopVirtualAppliance {
			if !route.NextHopIP.IsValid() {
				return fmt.Errorf("route %s: virtual appliance without an address", route.Name)
			}
			b.Set("next_hop_in_ip_address", String(route.NextHopIP.String()))
		}
	}
	return nil
}

// firewallSKUs spell the firewall tier as azurerm's sku_tier.
var firewallSKUs = map[model.FirewallTier]string{
	model.FirewallBasic: "Basic", model.FirewallStandard: "Standard", model.FirewallPremium: "Premium",
}

func azureFirewall(x *Ctx, r *model.AzureFirewall) error {
	tier, ok := firewallSKUs[r.Tier]
	if !ok {
		return fmt.Errorf("unknown firewall tier %q", r.Tier)
	}
	if len(r.PublicIPs) == 0 {
		return fmt.Errorf("firewall without a public IP")
	}
	b := x.Top("azurerm_firewall")
	b.Set("sku_name", String("AZFW_VNet"))
	b.Set("sku_tier", String(tier))
	b.Set("firewall_policy_id", x.ID(r.Policy))
	if len(r.Zones) > 0 {
		b.Set("zones", Strings(r.Zones))
	}
	// Only the first IP configuration names AzureFirewallSubnet; further ones
	// add public addresses
	// (https://learn.microsoft.com/azure/firewall/deploy-multi-public-ip-powershell).
	for i, ip := range r.PublicIPs {
		ipc := b.Block("ip_configuration")
		ipc.Set("name", String(fmt.Sprintf("ipconfig%d", i+1)))
		if i == 0 {
			ipc.Set("subnet_id", x.ID(r.Subnet))
		}
		ipc.Set("public_ip_address_id", x.ID(ip))
	}
	x.Output("firewall_private_ip", "Private address of Azure Firewall, the next hop of every spoke route", b.Attr("ip_configuration.0.private_ip_address"))
	return nil
}

func firewallPolicy(x *Ctx, r *model.FirewallPolicy) error {
	tier, ok := firewallSKUs[r.Tier]
	if !ok {
		return fmt.Errorf("unknown firewall tier %q", r.Tier)
	}
	b := x.Top("azurerm_firewall_policy")
	b.Set("sku", String(tier))
	if r.ThreatIntel != "" {
		b.Set("threat_intelligence_mode", String(string(r.ThreatIntel)))
	}
	dns := b.Block("dns")
	dns.Set("proxy_enabled", Bool(r.DNSProxy))
	if len(r.DNSServers) > 0 {
		s := make([]string, len(r.DNSServers))
		for i, a := range r.DNSServers {
			s[i] = a.String()
		}
		dns.Set("servers", Strings(s))
	}
	if r.IntrusionDetection != "" {
		b.Block("intrusion_detection").Set("mode", String(string(r.IntrusionDetection)))
	}
	return nil
}

func ruleCollectionGroup(x *Ctx, r *model.FirewallPolicyRuleCollectionGroup) error {
	b := x.Resource("azurerm_firewall_policy_rule_collection_group", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("firewall_policy_id", x.ID(x.Address().Parent().Ref()))
	b.Set("priority", Number(int64(r.Priority)))
	for _, c := range r.Collections {
		switch {
		case len(c.ApplicationRules) > 0 && len(c.NetworkRules) > 0:
			return fmt.Errorf("collection %s mixes application and network rules", c.Name)
		case len(c.ApplicationRules) > 0:
			cb := b.Block("application_rule_collection")
			collectionHead(cb, c)
			for _, rule := range c.ApplicationRules {
				rb := cb.Block("rule")
				rb.Set("name", String(rule.Name))
				if rule.Description != "" {
					rb.Set("description", String(rule.Description))
				}
				for _, p := range rule.Protocols {
					pb := rb.Block("protocols")
					pb.Set("type", String(string(p.Type)))
					pb.Set("port", Number(int64(p.Port)))
				}
				rb.Set("source_addresses", Strings(specStrings(rule.Sources)))
				if len(rule.TargetFQDNs) > 0 {
					rb.Set("destination_fqdns", Strings(rule.TargetFQDNs))
				}
				if len(rule.FQDNTags) > 0 {
					rb.Set("destination_fqdn_tags", Strings(rule.FQDNTags))
				}
			}
		case len(c.NetworkRules) > 0:
			cb := b.Block("network_rule_collection")
			collectionHead(cb, c)
			for _, rule := range c.NetworkRules {
				rb := cb.Block("rule")
				rb.Set("name", String(rule.Name))
				if rule.Description != "" {
					rb.Set("description", String(rule.Description))
				}
				protos := make([]string, len(rule.Protocols))
				for i, p := range rule.Protocols {
					s, ok := firewallProtocols[p]
					if !ok {
						return fmt.Errorf("rule %s: unknown protocol %q", rule.Name, p)
					}
					protos[i] = s
				}
				rb.Set("protocols", Strings(protos))
				rb.Set("source_addresses", Strings(specStrings(rule.Sources)))
				if len(rule.Destinations) > 0 {
					rb.Set("destination_addresses", Strings(specStrings(rule.Destinations)))
				}
				if len(rule.DestinationFQDNs) > 0 {
					rb.Set("destination_fqdns", Strings(rule.DestinationFQDNs))
				}
				rb.Set("destination_ports", Strings(portStrings(rule.DestinationPorts)))
			}
		default:
			return fmt.Errorf("collection %s has no rules", c.Name)
		}
	}
	return nil
}

// firewallProtocols spell protocols the way firewall network rules do.
var firewallProtocols = map[model.Protocol]string{
	model.ProtocolTCP: "TCP", model.ProtocolUDP: "UDP", model.ProtocolICMP: "ICMP", model.ProtocolAny: "Any",
}

func collectionHead(b *Body, c model.FirewallRuleCollection) {
	b.Set("name", String(c.Name))
	b.Set("priority", Number(int64(c.Priority)))
	b.Set("action", String(string(c.Action)))
}

func virtualNetworkGateway(x *Ctx, r *model.VirtualNetworkGateway) error {
	if len(r.PublicIPs) == 0 {
		return fmt.Errorf("gateway without a public IP")
	}
	b := x.Top("azurerm_virtual_network_gateway")
	b.Set("type", String(string(r.GatewayType)))
	if r.GatewayType == model.GatewayVPN {
		vpn := "PolicyBased"
		if r.RouteBased {
			vpn = "RouteBased"
		}
		b.Set("vpn_type", String(vpn))
		if r.Generation != "" {
			b.Set("generation", String(r.Generation))
		}
	}
	b.Set("sku", String(r.SKU))
	b.Set("active_active", Bool(r.ActiveActive))
	b.Set("bgp_enabled", Bool(r.EnableBGP))
	for i, ip := range r.PublicIPs {
		ipc := b.Block("ip_configuration")
		ipc.Set("name", String(fmt.Sprintf("ipconfig%d", i+1)))
		ipc.Set("subnet_id", x.ID(r.Subnet))
		ipc.Set("public_ip_address_id", x.ID(ip))
		ipc.Set("private_ip_address_allocation", String("Dynamic"))
	}
	if r.EnableBGP && r.ASN != 0 {
		b.Block("bgp_settings").Set("asn", Number(int64(r.ASN)))
	}
	return nil
}

func connection(x *Ctx, r *model.Connection) error {
	b := x.Top("azurerm_virtual_network_gateway_connection")
	b.Set("type", String(string(r.ConnectionType)))
	b.Set("virtual_network_gateway_id", x.ID(r.Gateway))
	switch r.ConnectionType {
	case model.ConnectionIPsec:
		b.Set("local_network_gateway_id", x.ID(r.LocalGateway))
		key, err := x.Secret(r.SharedKey)
		if err != nil {
			return err
		}
		b.Set("shared_key", key)
		if r.IKEv2 {
			b.Set("connection_protocol", String("IKEv2"))
		}
	case model.ConnectionExpressRoute:
		if r.CircuitID == "" {
			return fmt.Errorf("ExpressRoute connection without a circuit")
		}
		b.Set("express_route_circuit_id", String(r.CircuitID))
	default:
		return fmt.Errorf("unknown connection type %q", r.ConnectionType)
	}
	b.Set("bgp_enabled", Bool(r.EnableBGP))
	if p := r.IPsecPolicy; p != nil {
		pb := b.Block("ipsec_policy")
		pb.Set("dh_group", String(p.DHGroup))
		pb.Set("ike_encryption", String(p.IKEEncryption))
		pb.Set("ike_integrity", String(p.IKEIntegrity))
		pb.Set("ipsec_encryption", String(p.IPsecEncryption))
		pb.Set("ipsec_integrity", String(p.IPsecIntegrity))
		pb.Set("pfs_group", String(p.PFSGroup))
		pb.Set("sa_lifetime", Number(int64(p.SALifetimeSeconds)))
		pb.Set("sa_datasize", Number(int64(p.SADataSizeKilobytes)))
	}
	return nil
}

func bastionHost(x *Ctx, r *model.BastionHost) error {
	b := x.Top("azurerm_bastion_host")
	b.Set("sku", String(r.SKU))
	b.Set("tunneling_enabled", Bool(r.Tunneling))
	b.Set("file_copy_enabled", Bool(r.FileCopy))
	b.Set("ip_connect_enabled", Bool(r.IPConnect))
	b.Set("shareable_link_enabled", Bool(r.ShareableLink))
	if r.ScaleUnits > 0 {
		b.Set("scale_units", Number(int64(r.ScaleUnits)))
	}
	ipc := b.Block("ip_configuration")
	ipc.Set("name", String("ipconfig1"))
	ipc.Set("subnet_id", x.ID(r.Subnet))
	ipc.Set("public_ip_address_id", x.ID(r.PublicIP))
	return nil
}

func prefixStrings(ps []netip.Prefix) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func portStrings(rs []model.PortRange) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

func specStrings(as []model.AddressSpec) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}
