package model

import (
	"fmt"
	"net/netip"
	"strings"
)

// Networking: virtual networks with their subnets, peerings, network
// security groups, route tables, public IPs, Azure Firewall and its policy,
// VPN and ExpressRoute gateways, Bastion and the DNS private resolver.
//
// The types mirror Azure's data-plane semantics closely enough for the
// reachability verifier to evaluate them: NSG rules are matched in priority
// order and the first match decides; routes are chosen by longest prefix
// match; firewall rule collection groups and collections are evaluated by
// priority, network rules before application rules.
const (
	TypeVirtualNetwork                    Type = "Microsoft.Network/virtualNetworks"
	TypeVirtualNetworkPeering             Type = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"
	TypeNetworkSecurityGroup              Type = "Microsoft.Network/networkSecurityGroups"
	TypeRouteTable                        Type = "Microsoft.Network/routeTables"
	TypePublicIPAddress                   Type = "Microsoft.Network/publicIPAddresses"
	TypeAzureFirewall                     Type = "Microsoft.Network/azureFirewalls"
	TypeFirewallPolicy                    Type = "Microsoft.Network/firewallPolicies"
	TypeFirewallPolicyRuleCollectionGroup Type = "Microsoft.Network/firewallPolicies/ruleCollectionGroups"
	TypeVirtualNetworkGateway             Type = "Microsoft.Network/virtualNetworkGateways"
	TypeLocalNetworkGateway               Type = "Microsoft.Network/localNetworkGateways"
	TypeConnection                        Type = "Microsoft.Network/connections"
	TypeBastionHost                       Type = "Microsoft.Network/bastionHosts"
	TypeDNSResolver                       Type = "Microsoft.Network/dnsResolvers"
	TypeDNSResolverInboundEndpoint        Type = "Microsoft.Network/dnsResolvers/inboundEndpoints"
)

// ServiceTag names a group of addresses Azure maintains: "VirtualNetwork",
// "Internet", "AzureLoadBalancer", or a service such as "Storage", possibly
// scoped to a region ("Storage.australiaeast"). Azure matches tag names
// without regard to case.
type ServiceTag string

// Service tags enclave's rules use by name.
const (
	TagAny                  ServiceTag = "*"
	TagVirtualNetwork       ServiceTag = "VirtualNetwork"
	TagInternet             ServiceTag = "Internet"
	TagAzureLoadBalancer    ServiceTag = "AzureLoadBalancer"
	TagAzureCloud           ServiceTag = "AzureCloud"
	TagGatewayManager       ServiceTag = "GatewayManager"
	TagAzureActiveDirectory ServiceTag = "AzureActiveDirectory"
	TagAzureMachineLearning ServiceTag = "AzureMachineLearning"
	TagAzureResourceManager ServiceTag = "AzureResourceManager"
	TagAzureMonitor         ServiceTag = "AzureMonitor"
	TagAzureFrontDoorFirst  ServiceTag = "AzureFrontDoor.FirstParty"
	TagAzureFrontDoorFront  ServiceTag = "AzureFrontDoor.Frontend"
	TagMicrosoftContainerRg ServiceTag = "MicrosoftContainerRegistry"
	TagStorage              ServiceTag = "Storage"
	TagSQL                  ServiceTag = "Sql"
	TagEventHub             ServiceTag = "EventHub"
	TagBatchNodeManagement  ServiceTag = "BatchNodeManagement"
	TagAzureKeyVault        ServiceTag = "AzureKeyVault"
	TagAzureAttestation     ServiceTag = "AzureAttestation"
)

// In scopes a service tag to a region: Storage.In("australiaeast") is
// "Storage.australiaeast".
func (t ServiceTag) In(region string) ServiceTag { return t + ServiceTag("."+region) }

// Service returns the tag without its region ("Storage").
func (t ServiceTag) Service() string {
	s, _, _ := strings.Cut(string(t), ".")
	return s
}

// Region returns the tag's region, or "" for a global tag. Tags whose
// second part is not a region ("AzureFrontDoor.FirstParty") have none.
func (t ServiceTag) Region() string {
	_, r, ok := strings.Cut(string(t), ".")
	if !ok || strings.ToLower(r) != r {
		return ""
	}
	return r
}

// AddressSpec is one source or destination of a security or firewall rule:
// an IP prefix (a single host is a /32) or a service tag, TagAny for any
// address. Exactly one of the two is set.
type AddressSpec struct {
	Prefix netip.Prefix
	Tag    ServiceTag
}

// PrefixSpec returns the spec for an IP prefix.
func PrefixSpec(p netip.Prefix) AddressSpec { return AddressSpec{Prefix: p.Masked()} }

// HostSpec returns the spec for a single address.
func HostSpec(a netip.Addr) AddressSpec {
	return AddressSpec{Prefix: netip.PrefixFrom(a, a.BitLen())}
}

// TagSpec returns the spec for a service tag.
func TagSpec(t ServiceTag) AddressSpec { return AddressSpec{Tag: t} }

// AnyAddress matches every address.
func AnyAddress() AddressSpec { return AddressSpec{Tag: TagAny} }

// IsTag reports whether the spec is a service tag (including TagAny).
func (a AddressSpec) IsTag() bool { return a.Tag != "" }

// IsAny reports whether the spec matches every address.
func (a AddressSpec) IsAny() bool { return a.Tag == TagAny }

// String is the ARM spelling: the prefix ("10.0.12.20/32") or the tag.
func (a AddressSpec) String() string {
	if a.IsTag() {
		return string(a.Tag)
	}
	return a.Prefix.String()
}

// PortRange is an inclusive range of TCP or UDP ports.
type PortRange struct{ From, To uint16 }

// Port returns the range holding one port.
func Port(p uint16) PortRange { return PortRange{p, p} }

// Ports returns the range from..to.
func Ports(from, to uint16) PortRange { return PortRange{from, to} }

// AnyPort is every port.
var AnyPort = PortRange{0, 65535}

// IsAny reports whether r holds every port.
func (r PortRange) IsAny() bool { return r == AnyPort }

// Contains reports whether p is in r.
func (r PortRange) Contains(p uint16) bool { return p >= r.From && p <= r.To }

// String is the ARM spelling: "*", "443" or "8080-8090".
func (r PortRange) String() string {
	switch {
	case r.IsAny():
		return "*"
	case r.From == r.To:
		return fmt.Sprint(r.From)
	default:
		return fmt.Sprintf("%d-%d", r.From, r.To)
	}
}

// Protocol is an IP protocol a rule matches.
type Protocol string

const (
	ProtocolTCP  Protocol = "TCP"
	ProtocolUDP  Protocol = "UDP"
	ProtocolICMP Protocol = "ICMP"
	ProtocolAny  Protocol = "Any"
)

// Direction is the direction of traffic an NSG rule applies to.
type Direction string

const (
	Inbound  Direction = "Inbound"
	Outbound Direction = "Outbound"
)

// Lowest and highest priorities an NSG rule may have; lower numbers are
// evaluated first.
const (
	NSGFirstPriority = 100
	NSGLastPriority  = 4096
)

// SecurityRule is one NSG rule. Azure evaluates the rules of one direction
// in ascending priority and the first rule matching protocol, source,
// source port, destination and destination port decides; when none
// matches, the default rules (VNet-to-VNet and load-balancer allowed,
// everything else denied inbound, internet allowed outbound) apply.
// A list of addresses holds prefixes only; a service tag stands alone.
type SecurityRule struct {
	Name             string
	Description      string
	Priority         int
	Direction        Direction
	Access           Access
	Protocol         Protocol
	Sources          []AddressSpec
	SourcePorts      []PortRange
	Destinations     []AddressSpec
	DestinationPorts []PortRange
}

// NetworkSecurityGroup filters traffic to and from the subnets it is
// associated with (through Subnet.NSG).
type NetworkSecurityGroup struct {
	Meta
	Rules []SecurityRule
}

func (*NetworkSecurityGroup) Type() Type { return TypeNetworkSecurityGroup }

// NextHopType is where a route sends traffic.
type NextHopType string

const (
	NextHopVirtualAppliance NextHopType = "VirtualAppliance"
	NextHopGateway          NextHopType = "VirtualNetworkGateway"
	NextHopVnetLocal        NextHopType = "VnetLocal"
	NextHopInternet         NextHopType = "Internet"
	NextHopNone             NextHopType = "None"
)

// Route is a user-defined route. Azure picks the route with the longest
// matching prefix among user-defined, BGP and system routes; on equal
// prefixes a user-defined route wins.
type Route struct {
	Name    string
	Prefix  netip.Prefix
	NextHop NextHopType
	// NextHopIP is set for NextHopVirtualAppliance.
	NextHopIP netip.Addr
}

// RouteTable holds user-defined routes for the subnets associated with it
// (through Subnet.RouteTable).
type RouteTable struct {
	Meta
	Routes []Route
	// DisableBGPRoutePropagation keeps routes learned by the gateway out of
	// the associated subnets.
	DisableBGPRoutePropagation bool
}

func (*RouteTable) Type() Type { return TypeRouteTable }

// PrivateEndpointPolicy says whether NSGs and route tables apply to private
// endpoints in a subnet.
type PrivateEndpointPolicy string

const (
	PrivateEndpointPoliciesEnabled  PrivateEndpointPolicy = "Enabled"
	PrivateEndpointPoliciesDisabled PrivateEndpointPolicy = "Disabled"
)

// Subnet is a subnet declared inline in its virtual network. References to
// a subnet are addresses of type Microsoft.Network/virtualNetworks/subnets
// and resolve to the virtual network.
type Subnet struct {
	Name   string
	Prefix netip.Prefix
	// NSG and RouteTable are the associated network security group and
	// route table; zero when none.
	NSG        Ref
	RouteTable Ref
	// Delegations are the services the subnet is delegated to
	// ("Microsoft.Databricks/workspaces").
	Delegations []string
	// PrivateEndpointPolicies says whether NSGs and UDRs apply to private
	// endpoints in the subnet.
	PrivateEndpointPolicies PrivateEndpointPolicy
	// DefaultOutboundAccess is Azure's implicit outbound internet access for
	// VMs without an explicit method; enclave always turns it off.
	DefaultOutboundAccess bool
	// Purpose says what the subnet holds, for documentation.
	Purpose string
}

// VirtualNetwork is a virtual network with its subnets declared inline.
type VirtualNetwork struct {
	Meta
	AddressSpace []netip.Prefix
	// DNSServers are the resolvers VMs are given; empty means Azure DNS.
	DNSServers []netip.Addr
	Subnets    []Subnet
}

func (*VirtualNetwork) Type() Type { return TypeVirtualNetwork }

// Subnet returns the subnet with the given name.
func (v *VirtualNetwork) Subnet(name string) (Subnet, bool) {
	for _, s := range v.Subnets {
		if s.Name == name {
			return s, true
		}
	}
	return Subnet{}, false
}

// SubnetRef returns a reference to the named subnet of the network at a.
func SubnetRef(vnet Ref, name string) Ref { return vnet.Child("subnets", name).Ref() }

// VirtualNetworkPeering connects its parent network (the first name
// segment) to RemoteVirtualNetwork. Traffic flows only when both sides are
// peered.
type VirtualNetworkPeering struct {
	Meta
	RemoteVirtualNetwork      Ref
	AllowVirtualNetworkAccess bool
	// AllowForwardedTraffic accepts traffic the remote network forwards
	// (from its firewall or gateway).
	AllowForwardedTraffic bool
	// AllowGatewayTransit lets the remote network use this network's gateway.
	AllowGatewayTransit bool
	// UseRemoteGateways routes through the remote network's gateway.
	UseRemoteGateways bool
}

func (*VirtualNetworkPeering) Type() Type { return TypeVirtualNetworkPeering }

// PublicIPAddress is a Standard static public IP.
type PublicIPAddress struct {
	Meta
	// SKU is Standard; Tier is Regional.
	SKU  string
	Tier string
	// Static allocation; Standard addresses are always static.
	Static bool
	Zones  []string
	// Purpose says what uses the address, for documentation.
	Purpose string
}

func (*PublicIPAddress) Type() Type { return TypePublicIPAddress }

// FirewallTier is Azure Firewall's tier; the policy's tier must match.
type FirewallTier string

const (
	FirewallBasic    FirewallTier = "Basic"
	FirewallStandard FirewallTier = "Standard"
	FirewallPremium  FirewallTier = "Premium"
)

// AzureFirewall is a firewall in the hub's AzureFirewallSubnet, its rules
// in Policy.
type AzureFirewall struct {
	Meta
	Tier      FirewallTier
	Policy    Ref
	Subnet    Ref
	PublicIPs []Ref
	Zones     []string
	// PrivateIP is the address Azure gives the firewall: the first usable
	// address of its subnet. Routes use it as the next hop.
	PrivateIP netip.Addr
}

func (*AzureFirewall) Type() Type { return TypeAzureFirewall }

// ThreatIntelMode is what the firewall does with traffic to or from known
// malicious addresses and domains.
type ThreatIntelMode string

const (
	ThreatIntelAlert ThreatIntelMode = "Alert"
	ThreatIntelDeny  ThreatIntelMode = "Deny"
	ThreatIntelOff   ThreatIntelMode = "Off"
)

// FirewallPolicy holds the firewall's settings; its rules are in rule
// collection groups.
type FirewallPolicy struct {
	Meta
	Tier        FirewallTier
	ThreatIntel ThreatIntelMode
	// DNSProxy makes the firewall answer DNS on port 53 at its private IP
	// (needed for FQDNs in network rules); DNSServers empty means Azure DNS.
	DNSProxy   bool
	DNSServers []netip.Addr
	// IntrusionDetection is the IDPS mode (Premium only); "" when off.
	IntrusionDetection ThreatIntelMode
}

func (*FirewallPolicy) Type() Type { return TypeFirewallPolicy }

// ApplicationProtocolType is HTTP or HTTPS in an application rule.
type ApplicationProtocolType string

const (
	AppHTTP  ApplicationProtocolType = "Http"
	AppHTTPS ApplicationProtocolType = "Https"
)

// ApplicationProtocol is a protocol and port an application rule matches.
type ApplicationProtocol struct {
	Type ApplicationProtocolType
	Port uint16
}

// HTTPS443 and HTTP80 are the usual application protocols.
var (
	HTTPS443 = ApplicationProtocol{AppHTTPS, 443}
	HTTP80   = ApplicationProtocol{AppHTTP, 80}
)

// ApplicationRule allows HTTP(S) to host names (wildcards "*.example.com"
// match any subdomain) or to FQDN tags Azure maintains.
type ApplicationRule struct {
	Name        string
	Description string
	Sources     []AddressSpec
	Protocols   []ApplicationProtocol
	TargetFQDNs []string
	FQDNTags    []string
}

// NetworkRule allows traffic by protocol, address and port. Destinations
// are prefixes or service tags; DestinationFQDNs need the DNS proxy.
type NetworkRule struct {
	Name             string
	Description      string
	Protocols        []Protocol
	Sources          []AddressSpec
	Destinations     []AddressSpec
	DestinationFQDNs []string
	DestinationPorts []PortRange
}

// FirewallRuleCollection is a filter rule collection: rules of one kind
// (application or network, never both) with one action.
type FirewallRuleCollection struct {
	Name             string
	Priority         int
	Action           Access
	ApplicationRules []ApplicationRule
	NetworkRules     []NetworkRule
}

// FirewallPolicyRuleCollectionGroup is a child of a firewall policy. Azure
// Firewall evaluates groups by priority and collections within a group by
// priority, all network rules before any application rule; traffic no rule
// allows is denied.
type FirewallPolicyRuleCollectionGroup struct {
	Meta
	Priority    int
	Collections []FirewallRuleCollection
	// Purpose says what the group allows, for documentation.
	Purpose string
}

func (*FirewallPolicyRuleCollectionGroup) Type() Type { return TypeFirewallPolicyRuleCollectionGroup }

// GatewayType is a virtual network gateway's kind.
type GatewayType string

const (
	GatewayVPN          GatewayType = "Vpn"
	GatewayExpressRoute GatewayType = "ExpressRoute"
)

// VirtualNetworkGateway is a VPN or ExpressRoute gateway in GatewaySubnet.
type VirtualNetworkGateway struct {
	Meta
	GatewayType GatewayType
	// SKU is e.g. VpnGw2AZ or ErGw1AZ; Generation is "Generation2" for VPN.
	SKU        string
	Generation string
	// RouteBased is the VPN type (policy-based gateways are not built).
	RouteBased   bool
	ActiveActive bool
	Subnet       Ref
	// PublicIPs has one address per instance (two when active-active).
	PublicIPs []Ref
	EnableBGP bool
	// ASN is the gateway's BGP autonomous system number when BGP is on.
	ASN uint32
}

func (*VirtualNetworkGateway) Type() Type { return TypeVirtualNetworkGateway }

// LocalNetworkGateway describes the on-premises VPN device and the address
// spaces behind it.
type LocalNetworkGateway struct {
	Meta
	GatewayAddress netip.Addr
	AddressSpaces  []netip.Prefix
	// BGPASN and BGPPeerAddress are set when BGP is used.
	BGPASN         uint32
	BGPPeerAddress netip.Addr
}

func (*LocalNetworkGateway) Type() Type { return TypeLocalNetworkGateway }

// ConnectionType is how a gateway connects on-premises.
type ConnectionType string

const (
	ConnectionIPsec        ConnectionType = "IPsec"
	ConnectionExpressRoute ConnectionType = "ExpressRoute"
)

// IPsecPolicy is a custom IKE/IPsec policy for a site-to-site connection.
// Values are Azure's names ("AES256", "SHA256", "DHGroup14", "GCMAES256",
// "PFS2048").
type IPsecPolicy struct {
	SALifetimeSeconds   int
	SADataSizeKilobytes int
	IPsecEncryption     string
	IPsecIntegrity      string
	IKEEncryption       string
	IKEIntegrity        string
	DHGroup             string
	PFSGroup            string
}

// Connection links a gateway to on-premises: an IPsec tunnel to a local
// network gateway, or an ExpressRoute circuit.
type Connection struct {
	Meta
	ConnectionType ConnectionType
	Gateway        Ref
	// LocalGateway, SharedKey, IKEv2 and IPsecPolicy apply to IPsec.
	LocalGateway Ref
	SharedKey    Secret
	IKEv2        bool
	IPsecPolicy  *IPsecPolicy
	// CircuitID is the resource ID of an ExpressRoute circuit enclave does
	// not manage.
	CircuitID string
	EnableBGP bool
}

func (*Connection) Type() Type { return TypeConnection }

// BastionHost gives browser and native-client RDP/SSH to VMs without
// public IPs.
type BastionHost struct {
	Meta
	SKU      string // Standard
	Subnet   Ref
	PublicIP Ref
	// Tunneling enables native-client connections (az network bastion ssh).
	Tunneling     bool
	FileCopy      bool
	IPConnect     bool
	ShareableLink bool
	ScaleUnits    int
}

func (*BastionHost) Type() Type { return TypeBastionHost }

// DNSResolver is an Azure DNS private resolver in a virtual network.
type DNSResolver struct {
	Meta
	VirtualNetwork Ref
}

func (*DNSResolver) Type() Type { return TypeDNSResolver }

// DNSResolverInboundEndpoint is the address on-premises DNS servers forward
// private-link zones to. Its name is "<resolver>/<endpoint>".
type DNSResolverInboundEndpoint struct {
	Meta
	Subnet    Ref
	PrivateIP netip.Addr
}

func (*DNSResolverInboundEndpoint) Type() Type { return TypeDNSResolverInboundEndpoint }
