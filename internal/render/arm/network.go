package arm

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// API versions: Microsoft.Network.NRP.json and, for the DNS private
// resolver, Microsoft.Network.DnsResolver.json.
const (
	networkAPI     = "2025-07-01"
	dnsResolverAPI = "2025-05-01"
)

func networkKinds() table {
	t := table{}
	t.add(kind(networkAPI, virtualNetwork))
	t.add(kind(networkAPI, func(x *Ctx, r *model.VirtualNetworkPeering) (Body, error) {
		return Body{NoLocation: true, NoTags: true, Properties: peeringProps{
			RemoteVirtualNetwork:      x.Sub(r.RemoteVirtualNetwork),
			AllowVirtualNetworkAccess: r.AllowVirtualNetworkAccess,
			AllowForwardedTraffic:     r.AllowForwardedTraffic,
			AllowGatewayTransit:       r.AllowGatewayTransit,
			UseRemoteGateways:         r.UseRemoteGateways,
		}}, nil
	}))
	t.add(kind(networkAPI, networkSecurityGroup))
	t.add(kind(networkAPI, routeTable))
	t.add(kind(networkAPI, func(x *Ctx, r *model.PublicIPAddress) (Body, error) {
		alloc := "Dynamic"
		if r.Static {
			alloc = "Static"
		}
		return Body{SKU: SKU{Name: r.SKU, Tier: r.Tier}, Zones: r.Zones, Properties: publicIPProps{
			PublicIPAllocationMethod: alloc, PublicIPAddressVersion: "IPv4", IdleTimeoutInMinutes: 4,
		}}, nil
	}))
	t.add(kind(networkAPI, azureFirewall))
	t.add(kind(networkAPI, firewallPolicy))
	t.add(kind(networkAPI, ruleCollectionGroup))
	t.add(kind(networkAPI, virtualNetworkGateway))
	t.add(kind(networkAPI, localNetworkGateway))
	t.add(kind(networkAPI, connection))
	t.add(kind(networkAPI, bastionHost))
	t.add(kind(dnsResolverAPI, func(x *Ctx, r *model.DNSResolver) (Body, error) {
		return Body{Properties: dnsResolverProps{VirtualNetwork: x.Sub(r.VirtualNetwork)}}, nil
	}))
	t.add(kind(dnsResolverAPI, func(x *Ctx, r *model.DNSResolverInboundEndpoint) (Body, error) {
		ipc := dnsIPConfig{Subnet: x.Sub(r.Subnet), PrivateIPAllocationMethod: "Dynamic"}
		if r.PrivateIP.IsValid() {
			ipc.PrivateIPAllocationMethod, ipc.PrivateIPAddress = "Static", r.PrivateIP.String()
		}
		return Body{Properties: inboundEndpointProps{IPConfigurations: []dnsIPConfig{ipc}}}, nil
	}))
	return t
}

// Virtual networks.

type virtualNetworkProps struct {
	AddressSpace addressSpace `json:"addressSpace"`
	DHCPOptions  *dhcpOptions `json:"dhcpOptions,omitempty"`
	Subnets      []subnetWire `json:"subnets"`
}

type addressSpace struct {
	AddressPrefixes []string `json:"addressPrefixes"`
}

type dhcpOptions struct {
	DNSServers []string `json:"dnsServers"`
}

type subnetWire struct {
	Name       string      `json:"name"`
	Properties subnetProps `json:"properties"`
}

type subnetProps struct {
	AddressPrefix                     string       `json:"addressPrefix"`
	NetworkSecurityGroup              *SubResource `json:"networkSecurityGroup,omitempty"`
	RouteTable                        *SubResource `json:"routeTable,omitempty"`
	Delegations                       []delegation `json:"delegations,omitempty"`
	PrivateEndpointNetworkPolicies    string       `json:"privateEndpointNetworkPolicies,omitempty"`
	PrivateLinkServiceNetworkPolicies string       `json:"privateLinkServiceNetworkPolicies,omitempty"`
	DefaultOutboundAccess             bool         `json:"defaultOutboundAccess"`
}

type delegation struct {
	Name       string          `json:"name"`
	Properties delegationProps `json:"properties"`
}

type delegationProps struct {
	ServiceName string `json:"serviceName"`
}

func virtualNetwork(x *Ctx, r *model.VirtualNetwork) (Body, error) {
	p := virtualNetworkProps{AddressSpace: addressSpace{AddressPrefixes: prefixStrings(r.AddressSpace)}, Subnets: []subnetWire{}}
	if len(r.DNSServers) > 0 {
		p.DHCPOptions = &dhcpOptions{DNSServers: addrStrings(r.DNSServers)}
	}
	for _, s := range r.Subnets {
		sp := subnetProps{
			AddressPrefix:                  s.Prefix.String(),
			NetworkSecurityGroup:           x.Sub(s.NSG),
			RouteTable:                     x.Sub(s.RouteTable),
			PrivateEndpointNetworkPolicies: string(s.PrivateEndpointPolicies),
			DefaultOutboundAccess:          s.DefaultOutboundAccess,
		}
		for _, d := range s.Delegations {
			// A delegation's name may not hold "/": "Microsoft.Web.serverFarms".
			sp.Delegations = append(sp.Delegations, delegation{Name: strings.ReplaceAll(d, "/", "."), Properties: delegationProps{ServiceName: d}})
		}
		p.Subnets = append(p.Subnets, subnetWire{Name: s.Name, Properties: sp})
	}
	return Body{Properties: p}, nil
}

type peeringProps struct {
	RemoteVirtualNetwork      *SubResource `json:"remoteVirtualNetwork"`
	AllowVirtualNetworkAccess bool         `json:"allowVirtualNetworkAccess"`
	AllowForwardedTraffic     bool         `json:"allowForwardedTraffic"`
	AllowGatewayTransit       bool         `json:"allowGatewayTransit"`
	UseRemoteGateways         bool         `json:"useRemoteGateways"`
}

// Network security groups and route tables.

type nsgProps struct {
	SecurityRules []securityRuleWire `json:"securityRules"`
}

type securityRuleWire struct {
	Name       string            `json:"name"`
	Properties securityRuleProps `json:"properties"`
}

type securityRuleProps struct {
	Description                string   `json:"description,omitempty"`
	Priority                   int      `json:"priority"`
	Direction                  string   `json:"direction"`
	Access                     string   `json:"access"`
	Protocol                   string   `json:"protocol"`
	SourceAddressPrefix        string   `json:"sourceAddressPrefix,omitempty"`
	SourceAddressPrefixes      []string `json:"sourceAddressPrefixes,omitempty"`
	SourcePortRange            string   `json:"sourcePortRange,omitempty"`
	SourcePortRanges           []string `json:"sourcePortRanges,omitempty"`
	DestinationAddressPrefix   string   `json:"destinationAddressPrefix,omitempty"`
	DestinationAddressPrefixes []string `json:"destinationAddressPrefixes,omitempty"`
	DestinationPortRange       string   `json:"destinationPortRange,omitempty"`
	DestinationPortRanges      []string `json:"destinationPortRanges,omitempty"`
}

// nsgProtocols spells protocols the way NSG rules do.
var nsgProtocols = map[model.Protocol]string{
	model.ProtocolTCP: "Tcp", model.ProtocolUDP: "Udp", model.ProtocolICMP: "Icmp", model.ProtocolAny: "*",
}

func networkSecurityGroup(x *Ctx, r *model.NetworkSecurityGroup) (Body, error) {
	p := nsgProps{SecurityRules: []securityRuleWire{}}
	for _, rule := range r.Rules {
		w, err := securityRule(rule)
		if err != nil {
			return Body{}, err
		}
		p.SecurityRules = append(p.SecurityRules, w)
	}
	return Body{Properties: p}, nil
}

func securityRule(r model.SecurityRule) (securityRuleWire, error) {
	proto, ok := nsgProtocols[r.Protocol]
	if !ok {
		return securityRuleWire{}, fmt.Errorf("rule %s: unknown protocol %q", r.Name, r.Protocol)
	}
	p := securityRuleProps{Description: r.Description, Priority: r.Priority, Direction: string(r.Direction), Access: string(r.Access), Protocol: proto}
	var err error
	if p.SourceAddressPrefix, p.SourceAddressPrefixes, err = nsgAddresses(r.Sources); err != nil {
		return securityRuleWire{}, fmt.Errorf("rule %s sources: %w", r.Name, err)
	}
	if p.DestinationAddressPrefix, p.DestinationAddressPrefixes, err = nsgAddresses(r.Destinations); err != nil {
		return securityRuleWire{}, fmt.Errorf("rule %s destinations: %w", r.Name, err)
	}
	p.SourcePortRange, p.SourcePortRanges = nsgPorts(r.SourcePorts)
	p.DestinationPortRange, p.DestinationPortRanges = nsgPorts(r.DestinationPorts)
	return securityRuleWire{Name: r.Name, Properties: p}, nil
}

// nsgAddresses spells one address as the singular property and several as
// the plural one, which takes only prefixes.
func nsgAddresses(as []model.AddressSpec) (string, []string, error) {
	switch len(as) {
	case 0:
		return "", nil, fmt.Errorf("no addresses")
	case 1:
		return as[0].String(), nil, nil
	}
	var out []string
	for _, a := range as {
		if a.IsTag() {
			return "", nil, fmt.Errorf("service tag %s in a list of addresses", a.Tag)
		}
		out = append(out, a.String())
	}
	return "", out, nil
}

// nsgPorts spells one range as the singular property, several as the plural
// one, and none as any port.
func nsgPorts(ps []model.PortRange) (string, []string) {
	switch len(ps) {
	case 0:
		return "*", nil
	case 1:
		return ps[0].String(), nil
	}
	return "", portStrings(ps)
}

type routeTableProps struct {
	Routes                     []routeWire `json:"routes"`
	DisableBGPRoutePropagation bool        `json:"disableBgpRoutePropagation"`
}

type routeWire struct {
	Name       string     `json:"name"`
	Properties routeProps `json:"properties"`
}

type routeProps struct {
	AddressPrefix    string `json:"addressPrefix"`
	NextHopType      string `json:"nextHopType"`
	NextHopIPAddress string `json:"nextHopIpAddress,omitempty"`
}

func routeTable(x *Ctx, r *model.RouteTable) (Body, error) {
	p := routeTableProps{Routes: []routeWire{}, DisableBGPRoutePropagation: r.DisableBGPRoutePropagation}
	for _, rt := range r.Routes {
		rp := routeProps{AddressPrefix: rt.Prefix.String(), NextHopType: string(rt.NextHop)}
		if rt.NextHop == model.NextHopVirtualAppliance {
			if !rt.NextHopIP.IsValid() {
				return Body{}, fmt.Errorf("route %s: virtual appliance without an address", rt.Name)
			}
			rp.NextHopIPAddress = rt.NextHopIP.String()
		}
		p.Routes = append(p.Routes, routeWire{Name: rt.Name, Properties: rp})
	}
	return Body{Properties: p}, nil
}

type publicIPProps struct {
	PublicIPAllocationMethod string `json:"publicIPAllocationMethod"`
	PublicIPAddressVersion   string `json:"publicIPAddressVersion"`
	IdleTimeoutInMinutes     int    `json:"idleTimeoutInMinutes,omitempty"`
}

// Azure Firewall and its policy.

type firewallProps struct {
	SKU              firewallSKU    `json:"sku"`
	FirewallPolicy   *SubResource   `json:"firewallPolicy"`
	IPConfigurations []ipConfigWire `json:"ipConfigurations"`
}

type firewallSKU struct {
	Name string `json:"name"`
	Tier string `json:"tier"`
}

type ipConfigWire struct {
	Name       string        `json:"name"`
	Properties ipConfigProps `json:"properties"`
}

type ipConfigProps struct {
	PrivateIPAllocationMethod string       `json:"privateIPAllocationMethod,omitempty"`
	Subnet                    *SubResource `json:"subnet,omitempty"`
	PublicIPAddress           *SubResource `json:"publicIPAddress,omitempty"`
}

func azureFirewall(x *Ctx, r *model.AzureFirewall) (Body, error) {
	if len(r.PublicIPs) == 0 {
		return Body{}, fmt.Errorf("firewall without a public IP")
	}
	p := firewallProps{SKU: firewallSKU{Name: "AZFW_VNet", Tier: string(r.Tier)}, FirewallPolicy: x.Sub(r.Policy)}
	for i, pip := range r.PublicIPs {
		ipc := ipConfigProps{PublicIPAddress: x.Sub(pip)}
		if i == 0 {
			// Only the first configuration names the subnet.
			ipc.Subnet = x.Sub(r.Subnet)
		}
		p.IPConfigurations = append(p.IPConfigurations, ipConfigWire{Name: fmt.Sprintf("ipconfig%d", i+1), Properties: ipc})
	}
	return Body{Zones: r.Zones, Properties: p}, nil
}

type firewallPolicyProps struct {
	SKU                firewallPolicySKU `json:"sku"`
	ThreatIntelMode    string            `json:"threatIntelMode"`
	DNSSettings        dnsSettings       `json:"dnsSettings"`
	IntrusionDetection *idpsWire         `json:"intrusionDetection,omitempty"`
}

type firewallPolicySKU struct {
	Tier string `json:"tier"`
}

type dnsSettings struct {
	EnableProxy bool     `json:"enableProxy"`
	Servers     []string `json:"servers,omitempty"`
}

type idpsWire struct {
	Mode string `json:"mode"`
}

func firewallPolicy(x *Ctx, r *model.FirewallPolicy) (Body, error) {
	p := firewallPolicyProps{
		SKU:             firewallPolicySKU{Tier: string(r.Tier)},
		ThreatIntelMode: string(r.ThreatIntel),
		DNSSettings:     dnsSettings{EnableProxy: r.DNSProxy, Servers: addrStrings(r.DNSServers)},
	}
	if r.IntrusionDetection != "" {
		p.IntrusionDetection = &idpsWire{Mode: string(r.IntrusionDetection)}
	}
	return Body{Properties: p}, nil
}

type rcgProps struct {
	Priority        int                  `json:"priority"`
	RuleCollections []ruleCollectionWire `json:"ruleCollections"`
}

type ruleCollectionWire struct {
	RuleCollectionType string           `json:"ruleCollectionType"`
	Name               string           `json:"name"`
	Priority           int              `json:"priority"`
	Action             collectionAction `json:"action"`
	Rules              []any            `json:"rules"`
}

type collectionAction struct {
	Type string `json:"type"`
}

type applicationRuleWire struct {
	RuleType        string         `json:"ruleType"`
	Name            string         `json:"name"`
	Description     string         `json:"description,omitempty"`
	SourceAddresses []string       `json:"sourceAddresses"`
	Protocols       []appProtoWire `json:"protocols"`
	TargetFQDNs     []string       `json:"targetFqdns,omitempty"`
	FQDNTags        []string       `json:"fqdnTags,omitempty"`
}

type appProtoWire struct {
	ProtocolType string `json:"protocolType"`
	Port         int    `json:"port"`
}

type networkRuleWire struct {
	RuleType             string   `json:"ruleType"`
	Name                 string   `json:"name"`
	Description          string   `json:"description,omitempty"`
	IPProtocols          []string `json:"ipProtocols"`
	SourceAddresses      []string `json:"sourceAddresses"`
	DestinationAddresses []string `json:"destinationAddresses,omitempty"`
	DestinationFQDNs     []string `json:"destinationFqdns,omitempty"`
	DestinationPorts     []string `json:"destinationPorts"`
}

func ruleCollectionGroup(x *Ctx, r *model.FirewallPolicyRuleCollectionGroup) (Body, error) {
	p := rcgProps{Priority: r.Priority, RuleCollections: []ruleCollectionWire{}}
	for _, col := range r.Collections {
		w, err := ruleCollection(col)
		if err != nil {
			return Body{}, err
		}
		p.RuleCollections = append(p.RuleCollections, w)
	}
	return Body{NoLocation: true, NoTags: true, Properties: p}, nil
}

func ruleCollection(col model.FirewallRuleCollection) (ruleCollectionWire, error) {
	w := ruleCollectionWire{RuleCollectionType: "FirewallPolicyFilterRuleCollection", Name: col.Name, Priority: col.Priority, Action: collectionAction{Type: string(col.Action)}, Rules: []any{}}
	switch {
	case len(col.ApplicationRules) > 0 && len(col.NetworkRules) > 0:
		return w, fmt.Errorf("rule collection %s mixes application and network rules", col.Name)
	case len(col.ApplicationRules) == 0 && len(col.NetworkRules) == 0:
		return w, fmt.Errorf("rule collection %s has no rules", col.Name)
	}
	for _, a := range col.ApplicationRules {
		if len(a.Sources) == 0 {
			return w, fmt.Errorf("application rule %s has no sources", a.Name)
		}
		if (len(a.TargetFQDNs) > 0) == (len(a.FQDNTags) > 0) {
			return w, fmt.Errorf("application rule %s needs target FQDNs or FQDN tags, not both", a.Name)
		}
		ar := applicationRuleWire{RuleType: "ApplicationRule", Name: a.Name, Description: a.Description, SourceAddresses: specStrings(a.Sources), TargetFQDNs: a.TargetFQDNs, FQDNTags: a.FQDNTags}
		for _, pr := range a.Protocols {
			ar.Protocols = append(ar.Protocols, appProtoWire{ProtocolType: string(pr.Type), Port: int(pr.Port)})
		}
		w.Rules = append(w.Rules, ar)
	}
	for _, n := range col.NetworkRules {
		if len(n.Sources) == 0 || len(n.Destinations)+len(n.DestinationFQDNs) == 0 {
			return w, fmt.Errorf("network rule %s needs sources and destinations", n.Name)
		}
		nr := networkRuleWire{RuleType: "NetworkRule", Name: n.Name, Description: n.Description, SourceAddresses: specStrings(n.Sources),
			DestinationAddresses: specStrings(n.Destinations), DestinationFQDNs: n.DestinationFQDNs, DestinationPorts: portStrings(n.DestinationPorts)}
		for _, pr := range n.Protocols {
			nr.IPProtocols = append(nr.IPProtocols, string(pr))
		}
		w.Rules = append(w.Rules, nr)
	}
	return w, nil
}

// Gateways and connections.

type gatewayProps struct {
	GatewayType          string         `json:"gatewayType"`
	VPNType              string         `json:"vpnType,omitempty"`
	VPNGatewayGeneration string         `json:"vpnGatewayGeneration,omitempty"`
	SKU                  SKU            `json:"sku"`
	ActiveActive         bool           `json:"activeActive"`
	EnableBGP            bool           `json:"enableBgp"`
	BGPSettings          *bgpSettings   `json:"bgpSettings,omitempty"`
	IPConfigurations     []ipConfigWire `json:"ipConfigurations"`
}

type bgpSettings struct {
	ASN               uint32 `json:"asn"`
	BGPPeeringAddress string `json:"bgpPeeringAddress,omitempty"`
}

func virtualNetworkGateway(x *Ctx, r *model.VirtualNetworkGateway) (Body, error) {
	p := gatewayProps{
		GatewayType:  string(r.GatewayType),
		SKU:          SKU{Name: r.SKU, Tier: r.SKU},
		ActiveActive: r.ActiveActive,
		EnableBGP:    r.EnableBGP,
	}
	if r.GatewayType == model.GatewayVPN {
		p.VPNType = "PolicyBased"
		if r.RouteBased {
			p.VPNType = "RouteBased"
		}
		p.VPNGatewayGeneration = r.Generation
	}
	if r.EnableBGP {
		p.BGPSettings = &bgpSettings{ASN: r.ASN}
	}
	for i, pip := range r.PublicIPs {
		p.IPConfigurations = append(p.IPConfigurations, ipConfigWire{Name: fmt.Sprintf("ipconfig%d", i+1), Properties: ipConfigProps{
			PrivateIPAllocationMethod: "Dynamic", Subnet: x.Sub(r.Subnet), PublicIPAddress: x.Sub(pip),
		}})
	}
	return Body{Properties: p}, nil
}

type localGatewayProps struct {
	GatewayIPAddress         string       `json:"gatewayIpAddress"`
	LocalNetworkAddressSpace addressSpace `json:"localNetworkAddressSpace"`
	BGPSettings              *bgpSettings `json:"bgpSettings,omitempty"`
}

func localNetworkGateway(x *Ctx, r *model.LocalNetworkGateway) (Body, error) {
	p := localGatewayProps{GatewayIPAddress: r.GatewayAddress.String(), LocalNetworkAddressSpace: addressSpace{AddressPrefixes: prefixStrings(r.AddressSpaces)}}
	if r.BGPASN != 0 {
		p.BGPSettings = &bgpSettings{ASN: r.BGPASN, BGPPeeringAddress: r.BGPPeerAddress.String()}
	}
	return Body{Properties: p}, nil
}

type connectionProps struct {
	ConnectionType         string            `json:"connectionType"`
	VirtualNetworkGateway1 gatewayRefWire    `json:"virtualNetworkGateway1"`
	LocalNetworkGateway2   *gatewayRefWire   `json:"localNetworkGateway2,omitempty"`
	Peer                   *SubResource      `json:"peer,omitempty"`
	ConnectionProtocol     string            `json:"connectionProtocol,omitempty"`
	SharedKey              string            `json:"sharedKey,omitempty"`
	EnableBGP              bool              `json:"enableBgp"`
	IPsecPolicies          []ipsecPolicyWire `json:"ipsecPolicies,omitempty"`
	DPDTimeoutSeconds      int               `json:"dpdTimeoutSeconds,omitempty"`
	RoutingWeight          int               `json:"routingWeight"`
}

// gatewayRefWire references a gateway; the schema wants a properties
// object beside the ID, which Azure accepts empty.
type gatewayRefWire struct {
	ID         string   `json:"id"`
	Properties struct{} `json:"properties"`
}

type ipsecPolicyWire struct {
	SALifeTimeSeconds   int    `json:"saLifeTimeSeconds"`
	SADataSizeKilobytes int    `json:"saDataSizeKilobytes"`
	IPsecEncryption     string `json:"ipsecEncryption"`
	IPsecIntegrity      string `json:"ipsecIntegrity"`
	IKEEncryption       string `json:"ikeEncryption"`
	IKEIntegrity        string `json:"ikeIntegrity"`
	DHGroup             string `json:"dhGroup"`
	PFSGroup            string `json:"pfsGroup"`
}

func connection(x *Ctx, r *model.Connection) (Body, error) {
	p := connectionProps{ConnectionType: string(r.ConnectionType), VirtualNetworkGateway1: gatewayRefWire{ID: x.ID(r.Gateway)}, EnableBGP: r.EnableBGP}
	switch r.ConnectionType {
	case model.ConnectionIPsec:
		key, err := x.Secret(r.SharedKey)
		if err != nil {
			return Body{}, err
		}
		p.LocalNetworkGateway2 = &gatewayRefWire{ID: x.ID(r.LocalGateway)}
		p.SharedKey = key
		p.ConnectionProtocol = "IKEv1"
		if r.IKEv2 {
			p.ConnectionProtocol = "IKEv2"
		}
		p.DPDTimeoutSeconds = 45
		if pol := r.IPsecPolicy; pol != nil {
			p.IPsecPolicies = []ipsecPolicyWire{{
				SALifeTimeSeconds: pol.SALifetimeSeconds, SADataSizeKilobytes: pol.SADataSizeKilobytes,
				IPsecEncryption: pol.IPsecEncryption, IPsecIntegrity: pol.IPsecIntegrity,
				IKEEncryption: pol.IKEEncryption, IKEIntegrity: pol.IKEIntegrity, DHGroup: pol.DHGroup, PFSGroup: pol.PFSGroup,
			}}
		}
	case model.ConnectionExpressRoute:
		if r.CircuitID == "" {
			return Body{}, fmt.Errorf("expressroute connection without a circuit")
		}
		p.Peer = &SubResource{ID: Lit(r.CircuitID)}
	default:
		return Body{}, fmt.Errorf("unknown connection type %q", r.ConnectionType)
	}
	return Body{Properties: p}, nil
}

// Bastion and the DNS private resolver.

type bastionProps struct {
	EnableTunneling     bool           `json:"enableTunneling"`
	EnableFileCopy      bool           `json:"enableFileCopy"`
	EnableIPConnect     bool           `json:"enableIpConnect"`
	EnableShareableLink bool           `json:"enableShareableLink"`
	ScaleUnits          int            `json:"scaleUnits,omitempty"`
	IPConfigurations    []ipConfigWire `json:"ipConfigurations"`
}

func bastionHost(x *Ctx, r *model.BastionHost) (Body, error) {
	return Body{SKU: SKU{Name: r.SKU}, Properties: bastionProps{
		EnableTunneling: r.Tunneling, EnableFileCopy: r.FileCopy, EnableIPConnect: r.IPConnect, EnableShareableLink: r.ShareableLink, ScaleUnits: r.ScaleUnits,
		IPConfigurations: []ipConfigWire{{Name: "ipconfig1", Properties: ipConfigProps{Subnet: x.Sub(r.Subnet), PublicIPAddress: x.Sub(r.PublicIP)}}},
	}}, nil
}

type dnsResolverProps struct {
	VirtualNetwork *SubResource `json:"virtualNetwork"`
}

type inboundEndpointProps struct {
	IPConfigurations []dnsIPConfig `json:"ipConfigurations"`
}

type dnsIPConfig struct {
	Subnet                    *SubResource `json:"subnet"`
	PrivateIPAllocationMethod string       `json:"privateIpAllocationMethod"`
	PrivateIPAddress          string       `json:"privateIpAddress,omitempty"`
}

// Spelling helpers.

func prefixStrings(ps []netip.Prefix) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func addrStrings(as []netip.Addr) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

func specStrings(as []model.AddressSpec) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

func portStrings(ps []model.PortRange) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}
