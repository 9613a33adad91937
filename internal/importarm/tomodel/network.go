package tomodel

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Network kinds, the reverse of internal/render/arm/network.go. Property
// names follow Microsoft.Network's REST API (NRP); child resources declared
// separately (subnets, security rules, routes) fold into their parent, as
// Azure itself merges them.
func networkKinds(g *Registry) {
	g.Add(model.TypeVirtualNetwork, virtualNetwork)
	g.Fold(model.TypeVirtualNetwork + "/subnets")
	g.Add(model.TypeVirtualNetworkPeering, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.VirtualNetworkPeering{Meta: x.Meta(),
			RemoteVirtualNetwork:      x.SubRef(p.Get("remoteVirtualNetwork")),
			AllowVirtualNetworkAccess: boolOr(x, p.Get("allowVirtualNetworkAccess"), true),
			AllowForwardedTraffic:     x.Bool(p.Get("allowForwardedTraffic")),
			AllowGatewayTransit:       x.Bool(p.Get("allowGatewayTransit")),
			UseRemoteGateways:         x.Bool(p.Get("useRemoteGateways")),
		}, nil
	})
	g.Add(model.TypeNetworkSecurityGroup, networkSecurityGroup)
	g.Fold(model.TypeNetworkSecurityGroup + "/securityRules")
	g.Add(model.TypeRouteTable, routeTable)
	g.Fold(model.TypeRouteTable + "/routes")
	g.Add(model.TypePublicIPAddress, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		sku := x.Value(r.SKU, "sku")
		return &model.PublicIPAddress{Meta: x.Meta(),
			SKU: x.Str(sku.Get("name")), Tier: x.Str(sku.Get("tier")),
			Static: strings.EqualFold(x.Str(x.Props().Get("publicIPAllocationMethod")), "Static"),
			Zones:  x.Strs(x.Value(r.Zones, "zones")),
		}, nil
	})
	g.Add(model.TypeAzureFirewall, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		fw := &model.AzureFirewall{Meta: x.Meta(),
			Tier:   model.FirewallTier(x.Str(p.At("sku", "tier"))),
			Policy: x.SubRef(p.Get("firewallPolicy")),
			Zones:  x.Strs(x.Value(r.Zones, "zones")),
		}
		for _, ipc := range x.Items(p.Get("ipConfigurations")) {
			ip := ipc.Get("properties")
			if s := ip.Get("subnet"); !s.Null() && fw.Subnet.IsZero() {
				fw.Subnet = x.SubRef(s)
			}
			if a := ip.Get("privateIPAddress"); !a.Null() && !fw.PrivateIP.IsValid() {
				fw.PrivateIP = x.Addr(a)
			}
			if pip := ip.Get("publicIPAddress"); !pip.Null() {
				fw.PublicIPs = append(fw.PublicIPs, x.SubRef(pip))
			}
		}
		return fw, nil
	})
	g.Add(model.TypeFirewallPolicy, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.FirewallPolicy{Meta: x.Meta(),
			Tier:               model.FirewallTier(x.Str(p.At("sku", "tier"))),
			ThreatIntel:        model.ThreatIntelMode(x.Str(p.Get("threatIntelMode"))),
			DNSProxy:           x.Bool(p.At("dnsSettings", "enableProxy")),
			DNSServers:         x.Addrs(p.At("dnsSettings", "servers")),
			IntrusionDetection: model.ThreatIntelMode(x.Str(p.At("intrusionDetection", "mode"))),
		}, nil
	})
	g.Add(model.TypeFirewallPolicyRuleCollectionGroup, ruleCollectionGroup)
	g.Add(model.TypeVirtualNetworkGateway, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		gw := &model.VirtualNetworkGateway{Meta: x.Meta(),
			GatewayType:  model.GatewayType(x.Str(p.Get("gatewayType"))),
			SKU:          x.Str(p.At("sku", "name")),
			Generation:   x.Str(p.Get("vpnGatewayGeneration")),
			RouteBased:   strings.EqualFold(x.Str(p.Get("vpnType")), "RouteBased"),
			ActiveActive: x.Bool(p.Get("activeActive")),
			EnableBGP:    x.Bool(p.Get("enableBgp")),
		}
		if gw.EnableBGP {
			gw.ASN = uint32(x.Int(p.At("bgpSettings", "asn")))
		}
		for _, ipc := range x.Items(p.Get("ipConfigurations")) {
			ip := ipc.Get("properties")
			if s := ip.Get("subnet"); !s.Null() && gw.Subnet.IsZero() {
				gw.Subnet = x.SubRef(s)
			}
			if pip := ip.Get("publicIPAddress"); !pip.Null() {
				gw.PublicIPs = append(gw.PublicIPs, x.SubRef(pip))
			}
		}
		return gw, nil
	})
	g.Add(model.TypeLocalNetworkGateway, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		l := &model.LocalNetworkGateway{Meta: x.Meta(),
			GatewayAddress: x.Addr(p.Get("gatewayIpAddress")),
			AddressSpaces:  x.Prefixes(p.At("localNetworkAddressSpace", "addressPrefixes")),
		}
		if b := p.Get("bgpSettings"); !b.Null() {
			l.BGPASN = uint32(x.Int(b.Get("asn")))
			l.BGPPeerAddress = x.Addr(b.Get("bgpPeeringAddress"))
		}
		return l, nil
	})
	g.Add(model.TypeConnection, connection)
	g.Add(model.TypeBastionHost, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		b := &model.BastionHost{Meta: x.Meta(),
			SKU:           x.Str(x.Value(r.SKU, "sku").Get("name")),
			Tunneling:     x.Bool(p.Get("enableTunneling")),
			FileCopy:      x.Bool(p.Get("enableFileCopy")),
			IPConnect:     x.Bool(p.Get("enableIpConnect")),
			ShareableLink: x.Bool(p.Get("enableShareableLink")),
			ScaleUnits:    x.Int(p.Get("scaleUnits")),
		}
		for _, ipc := range x.Items(p.Get("ipConfigurations")) {
			ip := ipc.Get("properties")
			if b.Subnet.IsZero() {
				b.Subnet = x.SubRef(ip.Get("subnet"))
			}
			if b.PublicIP.IsZero() {
				b.PublicIP = x.SubRef(ip.Get("publicIPAddress"))
			}
		}
		return b, nil
	})
	g.Add(model.TypeDNSResolver, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.DNSResolver{Meta: x.Meta(), VirtualNetwork: x.SubRef(x.Props().Get("virtualNetwork"))}, nil
	})
	g.Add(model.TypeDNSResolverInboundEndpoint, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		e := &model.DNSResolverInboundEndpoint{Meta: x.Meta()}
		for _, ipc := range x.Items(x.Props().Get("ipConfigurations")) {
			if e.Subnet.IsZero() {
				e.Subnet = x.SubRef(ipc.Get("subnet"))
				if strings.EqualFold(x.Str(ipc.Get("privateIpAllocationMethod")), "Static") {
					e.PrivateIP = x.Addr(ipc.Get("privateIpAddress"))
				}
			}
		}
		return e, nil
	})
}

// boolOr reads a boolean whose absence means def.
func boolOr(x *Ctx, v V, def bool) bool {
	if v.Null() {
		return def
	}
	return x.Bool(v)
}

func virtualNetwork(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	vn := &model.VirtualNetwork{Meta: x.Meta(),
		AddressSpace: x.Prefixes(p.At("addressSpace", "addressPrefixes")),
		DNSServers:   x.Addrs(p.At("dhcpOptions", "dnsServers")),
	}
	for _, s := range x.Items(p.Get("subnets")) {
		vn.Subnets = append(vn.Subnets, subnet(x, x.Str(s.Get("name")), s.Get("properties")))
	}
	for _, c := range x.Children("subnets") {
		vn.Subnets = append(vn.Subnets, subnet(x, Leaf(c), x.Child(c)))
	}
	return vn, nil
}

func subnet(x *Ctx, name string, p V) model.Subnet {
	s := model.Subnet{Name: name,
		NSG:                     x.SubRef(p.Get("networkSecurityGroup")),
		RouteTable:              x.SubRef(p.Get("routeTable")),
		PrivateEndpointPolicies: model.PrivateEndpointPolicy(x.Str(p.Get("privateEndpointNetworkPolicies"))),
		// Azure gives subnets default outbound access unless turned off.
		// https://learn.microsoft.com/en-us/azure/virtual-network/ip-services/default-outbound-access
		DefaultOutboundAccess: boolOr(x, p.Get("defaultOutboundAccess"), true),
	}
	if ap := p.Get("addressPrefix"); !ap.Null() {
		s.Prefix = x.Prefix(ap)
	} else if ps := x.Prefixes(p.Get("addressPrefixes")); len(ps) > 0 {
		s.Prefix = ps[0]
	}
	for _, d := range x.Items(p.Get("delegations")) {
		s.Delegations = append(s.Delegations, x.Str(d.At("properties", "serviceName")))
	}
	return s
}

func networkSecurityGroup(x *Ctx, r importarm.Resource) (model.Resource, error) {
	nsg := &model.NetworkSecurityGroup{Meta: x.Meta()}
	for _, w := range x.Items(x.Props().Get("securityRules")) {
		nsg.Rules = append(nsg.Rules, securityRule(x, x.Str(w.Get("name")), w.Get("properties")))
	}
	for _, c := range x.Children("securityRules") {
		nsg.Rules = append(nsg.Rules, securityRule(x, Leaf(c), x.Child(c)))
	}
	return nsg, nil
}

// nsgProtocols reads the protocols NSG rules spell.
var nsgProtocols = map[string]model.Protocol{"tcp": model.ProtocolTCP, "udp": model.ProtocolUDP, "icmp": model.ProtocolICMP, "*": model.ProtocolAny}

func securityRule(x *Ctx, name string, p V) model.SecurityRule {
	rule := model.SecurityRule{Name: name,
		Description: x.Str(p.Get("description")),
		Priority:    x.Int(p.Get("priority")),
		Direction:   model.Direction(x.Str(p.Get("direction"))),
		Access:      model.Access(x.Str(p.Get("access"))),
	}
	if pv := p.Get("protocol"); !pv.Null() {
		s := x.Str(pv)
		proto, ok := nsgProtocols[strings.ToLower(s)]
		if !ok && s != "" {
			// Esp and Ah have no model protocol; reading them as Any would
			// widen the rule.
			x.ds.Errorf(x.pos(pv), "enclave models Tcp, Udp, Icmp and * rules", "%s: rule %s: protocol %q is not supported", x.r.Name, name, s)
		}
		rule.Protocol = proto
	}
	rule.Sources = addressSpecs(x, p.Get("sourceAddressPrefix"), p.Get("sourceAddressPrefixes"))
	rule.Destinations = addressSpecs(x, p.Get("destinationAddressPrefix"), p.Get("destinationAddressPrefixes"))
	rule.SourcePorts = portRanges(x, p.Get("sourcePortRange"), p.Get("sourcePortRanges"))
	rule.DestinationPorts = portRanges(x, p.Get("destinationPortRange"), p.Get("destinationPortRanges"))
	for _, k := range []string{"sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups"} {
		if v := p.Get(k); len(x.Items(v)) > 0 {
			x.ds.Errorf(x.pos(v), "write the addresses as prefixes", "%s: rule %s: application security groups are not supported", x.r.Name, name)
		}
	}
	return rule
}

// addressSpecs reads the singular and plural spellings of NSG addresses.
func addressSpecs(x *Ctx, one, many V) []model.AddressSpec {
	var out []model.AddressSpec
	if !one.Null() {
		if s := x.Str(one); s != "" {
			out = append(out, addressSpec(x, one, s))
		}
	}
	for _, it := range x.Items(many) {
		if s := x.Str(it); s != "" {
			out = append(out, addressSpec(x, it, s))
		}
	}
	return out
}

// addressSpec reads "*", a prefix or address, or a service tag.
func addressSpec(x *Ctx, v V, s string) model.AddressSpec {
	if s == "*" {
		return model.AnyAddress()
	}
	if s[0] >= '0' && s[0] <= '9' || strings.Contains(s, ":") && !strings.Contains(s, ".") {
		p, err := parsePrefix(s)
		if err != nil {
			x.ds.Errorf(x.pos(v), "write a prefix, an address, * or a service tag", "%s: %s: %v", x.r.Name, x.docPath(v), err)
			return model.AddressSpec{}
		}
		return model.PrefixSpec(p)
	}
	return model.TagSpec(model.ServiceTag(s))
}

func addressSpecList(x *Ctx, v V) []model.AddressSpec {
	var out []model.AddressSpec
	for _, it := range x.Items(v) {
		if s := x.Str(it); s != "" {
			out = append(out, addressSpec(x, it, s))
		}
	}
	return out
}

func portRanges(x *Ctx, one, many V) []model.PortRange {
	var out []model.PortRange
	if !one.Null() {
		if s := x.Str(one); s != "" {
			out = append(out, portRange(x, one, s))
		}
	}
	for _, it := range x.Items(many) {
		if s := x.Str(it); s != "" {
			out = append(out, portRange(x, it, s))
		}
	}
	return out
}

func portRangeList(x *Ctx, v V) []model.PortRange { return portRanges(x, V{}, v) }

// portRange reads "*", "443" or "8080-8090".
func portRange(x *Ctx, v V, s string) model.PortRange {
	if s == "*" {
		return model.AnyPort
	}
	from, to, isRange := strings.Cut(s, "-")
	var a, b uint16
	_, err := fmt.Sscan(strings.TrimSpace(from), &a)
	b = a
	if err == nil && isRange {
		_, err = fmt.Sscan(strings.TrimSpace(to), &b)
	}
	if err != nil || b < a {
		x.ds.Errorf(x.pos(v), "write *, a port or a range such as 8080-8090", "%s: %s: bad port range %q", x.r.Name, x.docPath(v), s)
		return model.PortRange{}
	}
	return model.Ports(a, b)
}

func routeTable(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	rt := &model.RouteTable{Meta: x.Meta(), DisableBGPRoutePropagation: x.Bool(p.Get("disableBgpRoutePropagation"))}
	for _, w := range x.Items(p.Get("routes")) {
		rt.Routes = append(rt.Routes, route(x, x.Str(w.Get("name")), w.Get("properties")))
	}
	for _, c := range x.Children("routes") {
		rt.Routes = append(rt.Routes, route(x, Leaf(c), x.Child(c)))
	}
	return rt, nil
}

func route(x *Ctx, name string, p V) model.Route {
	rt := model.Route{Name: name, Prefix: x.Prefix(p.Get("addressPrefix")), NextHop: model.NextHopType(x.Str(p.Get("nextHopType")))}
	if ip := p.Get("nextHopIpAddress"); !ip.Null() {
		rt.NextHopIP = x.Addr(ip)
	}
	return rt
}

func ruleCollectionGroup(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	g := &model.FirewallPolicyRuleCollectionGroup{Meta: x.Meta(), Priority: x.Int(p.Get("priority"))}
	for _, c := range x.Items(p.Get("ruleCollections")) {
		col := model.FirewallRuleCollection{Name: x.Str(c.Get("name")), Priority: x.Int(c.Get("priority")), Action: model.Access(x.Str(c.At("action", "type")))}
		if t := x.Str(c.Get("ruleCollectionType")); !strings.EqualFold(t, "FirewallPolicyFilterRuleCollection") {
			x.ds.Errorf(x.pos(c.Get("ruleCollectionType")), "enclave models filter rule collections", "%s: rule collection %s: type %q is not supported", x.r.Name, col.Name, t)
			continue
		}
		for _, w := range x.Items(c.Get("rules")) {
			name := x.Str(w.Get("name"))
			for _, k := range []string{"sourceIpGroups", "destinationIpGroups"} {
				if v := w.Get(k); len(x.Items(v)) > 0 {
					x.ds.Errorf(x.pos(v), "write the addresses out", "%s: rule %s: IP groups are not supported", x.r.Name, name)
				}
			}
			switch t := x.Str(w.Get("ruleType")); strings.ToLower(t) {
			case "applicationrule":
				a := model.ApplicationRule{Name: name, Description: x.Str(w.Get("description")),
					Sources: addressSpecList(x, w.Get("sourceAddresses")), TargetFQDNs: x.Strs(w.Get("targetFqdns")), FQDNTags: x.Strs(w.Get("fqdnTags"))}
				for _, pr := range x.Items(w.Get("protocols")) {
					a.Protocols = append(a.Protocols, model.ApplicationProtocol{Type: model.ApplicationProtocolType(x.Str(pr.Get("protocolType"))), Port: uint16(x.Int(pr.Get("port")))})
				}
				col.ApplicationRules = append(col.ApplicationRules, a)
			case "networkrule":
				n := model.NetworkRule{Name: name, Description: x.Str(w.Get("description")),
					Sources: addressSpecList(x, w.Get("sourceAddresses")), Destinations: addressSpecList(x, w.Get("destinationAddresses")),
					DestinationFQDNs: x.Strs(w.Get("destinationFqdns")), DestinationPorts: portRangeList(x, w.Get("destinationPorts"))}
				for _, pr := range x.Strs(w.Get("ipProtocols")) {
					n.Protocols = append(n.Protocols, model.Protocol(strings.ToUpper(pr)))
				}
				col.NetworkRules = append(col.NetworkRules, n)
			default:
				x.ds.Errorf(x.pos(w.Get("ruleType")), "use ApplicationRule or NetworkRule", "%s: rule %s: rule type %q is not supported", x.r.Name, name, t)
			}
		}
		g.Collections = append(g.Collections, col)
	}
	return g, nil
}

func connection(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	c := &model.Connection{Meta: x.Meta(),
		ConnectionType: model.ConnectionType(x.Str(p.Get("connectionType"))),
		Gateway:        x.SubRef(p.Get("virtualNetworkGateway1")),
		LocalGateway:   x.SubRef(p.Get("localNetworkGateway2")),
		IKEv2:          strings.EqualFold(x.Str(p.Get("connectionProtocol")), "IKEv2"),
		EnableBGP:      x.Bool(p.Get("enableBgp")),
	}
	// The shared key is a secret: only the name of the secure parameter
	// holding it is kept; a key written out in the template is not.
	if k := p.Get("sharedKey"); !k.v.IsKnown() {
		c.SharedKey.Parameter = secureParameter(k.v.Unknown().Expr)
	}
	if peer := p.Get("peer"); !peer.Null() {
		c.CircuitID = x.Str(peer.Get("id"))
	}
	if pols := x.Items(p.Get("ipsecPolicies")); len(pols) > 0 {
		q := pols[0]
		c.IPsecPolicy = &model.IPsecPolicy{
			SALifetimeSeconds: x.Int(q.Get("saLifeTimeSeconds")), SADataSizeKilobytes: x.Int(q.Get("saDataSizeKilobytes")),
			IPsecEncryption: x.Str(q.Get("ipsecEncryption")), IPsecIntegrity: x.Str(q.Get("ipsecIntegrity")),
			IKEEncryption: x.Str(q.Get("ikeEncryption")), IKEIntegrity: x.Str(q.Get("ikeIntegrity")),
			DHGroup: x.Str(q.Get("dhGroup")), PFSGroup: x.Str(q.Get("pfsGroup")),
		}
	}
	return c, nil
}

// secureParameter returns NAME when expr is "parameters('NAME')", "" otherwise.
func secureParameter(expr string) string {
	e := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(expr), "["), "]")
	rest, ok := strings.CutPrefix(e, "parameters('")
	if !ok {
		return ""
	}
	name, ok := strings.CutSuffix(rest, "')")
	if !ok || strings.ContainsAny(name, "'()") {
		return ""
	}
	return name
}
