package compile

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// buildNetwork makes the hub and spoke virtual networks with every planned
// subnet, an NSG on every subnet that accepts one, a route table on every
// spoke subnet sending the internet and on-premises through the firewall,
// the peerings between the two networks, and Bastion.
func buildNetwork(c *ctx) {
	fw, ok := c.plan.Subnet(SubnetFirewall)
	if !ok {
		c.fail("the address plan has no %s", SubnetFirewall)
		return
	}
	// Azure gives the firewall the first usable address of its subnet
	// (Azure reserves the first four of every subnet).
	c.firewallIP = nthAddr(fw.Prefix, 4).String()

	for _, role := range []string{Hub, Spoke} {
		c.virtualNetwork(role)
	}
	c.peer(Hub, Spoke)
	c.peer(Spoke, Hub)
	c.bastion()
}

// firewallAddr returns the firewall's private address as set by buildNetwork.
func (c *ctx) firewallAddr() netip.Addr {
	a, err := netip.ParseAddr(c.firewallIP)
	if err != nil {
		c.fail("firewall address %q: %v", c.firewallIP, err)
	}
	return a
}

// nthAddr returns the address n places after the start of p.
func nthAddr(p netip.Prefix, n int) netip.Addr {
	a := p.Masked().Addr()
	for range n {
		a = a.Next()
	}
	return a
}

// virtualNetwork adds the hub or spoke network, with the NSG and route
// table of each subnet.
func (c *ctx) virtualNetwork(role string) {
	space := c.plan.Hub
	if role == Spoke {
		space = c.plan.Spoke
	}
	v := &model.VirtualNetwork{
		Meta:         model.Meta{Name: c.vnets[role].Name, Group: c.rg(RGNetwork)},
		AddressSpace: []netip.Prefix{space},
		// Every VM resolves through the firewall's DNS proxy, so that FQDNs
		// in network rules resolve to what clients resolve.
		DNSServers: []netip.Addr{c.firewallAddr()},
	}
	for _, ps := range c.plan.Subnets {
		if ps.VNet != role {
			continue
		}
		v.Subnets = append(v.Subnets, c.subnetOf(ps))
	}
	ref := c.add(v)
	c.diagnostics(ref, allLogs, true)
}

// subnetOf returns the inline subnet for a planned subnet, adding its NSG
// and route table.
func (c *ctx) subnetOf(ps PlannedSubnet) model.Subnet {
	s := model.Subnet{
		Name:                    ps.Name,
		Prefix:                  ps.Prefix,
		Delegations:             subnetDelegations[ps.Name],
		PrivateEndpointPolicies: model.PrivateEndpointPoliciesDisabled,
		DefaultOutboundAccess:   false,
		Purpose:                 ps.Purpose,
	}
	if ps.Name == SubnetEndpoints {
		// Enabled so NSG rules and UDRs apply to private endpoints.
		s.PrivateEndpointPolicies = model.PrivateEndpointPoliciesEnabled
	}
	if rules, ok := c.nsgRules(ps.Name); ok {
		s.NSG = c.nsg(ps.Name, rules)
	}
	switch {
	case ps.VNet == Spoke:
		s.RouteTable = c.routeTable(ps.Name, c.spokeRoutes(), true)
	case ps.Name == SubnetGateway:
		// On-premises traffic to the spoke goes through the firewall too, so
		// both directions are inspected. BGP propagation stays on: Azure
		// requires it on GatewaySubnet.
		s.RouteTable = c.routeTable(ps.Name, []model.Route{{
			Name: "spoke-via-firewall", Prefix: c.plan.Spoke, NextHop: model.NextHopVirtualAppliance, NextHopIP: c.firewallAddr(),
		}}, false)
	}
	return s
}

// subnetDelegations are the services subnets are delegated to.
var subnetDelegations = map[string][]string{
	SubnetDBXHost:      {"Microsoft.Databricks/workspaces"},
	SubnetDBXContainer: {"Microsoft.Databricks/workspaces"},
	SubnetAppService:   {"Microsoft.Web/serverFarms"},
	SubnetDNSInbound:   {"Microsoft.Network/dnsResolvers"},
}

// spokeRoutes send the internet and every on-premises range to the
// firewall. Traffic inside the spoke and to the hub keeps its system routes.
func (c *ctx) spokeRoutes() []model.Route {
	routes := []model.Route{{
		Name: "internet-via-firewall", Prefix: netip.MustParsePrefix("0.0.0.0/0"),
		NextHop: model.NextHopVirtualAppliance, NextHopIP: c.firewallAddr(),
	}}
	for _, p := range c.onPremPrefixes() {
		routes = append(routes, model.Route{
			Name: "onprem-" + prefixName(p) + "-via-firewall", Prefix: p,
			NextHop: model.NextHopVirtualAppliance, NextHopIP: c.firewallAddr(),
		})
	}
	return routes
}

// prefixName spells a prefix for a resource or rule name: 10.0.0.0/16 is
// "10-0-0-0-16".
func prefixName(p netip.Prefix) string {
	return strings.NewReplacer(".", "-", "/", "-", ":", "-").Replace(p.String())
}

// onPremPrefixes returns the on-premises address spaces, or none.
func (c *ctx) onPremPrefixes() []netip.Prefix {
	if op := c.doc.Network.OnPremises; op != nil {
		return op.AddressSpaces
	}
	return nil
}

// routeTable adds the route table of one subnet.
func (c *ctx) routeTable(subnet string, routes []model.Route, noBGP bool) model.Ref {
	return c.add(&model.RouteTable{
		Meta:                       model.Meta{Name: c.names.Name("rt", subnetShort(subnet)), Group: c.rg(RGNetwork)},
		Routes:                     routes,
		DisableBGPRoutePropagation: noBGP,
	})
}

// nsg adds the network security group of one subnet.
func (c *ctx) nsg(subnet string, rules []model.SecurityRule) model.Ref {
	ref := c.add(&model.NetworkSecurityGroup{
		Meta:  model.Meta{Name: c.names.Name("nsg", subnetShort(subnet)), Group: c.rg(RGNetwork)},
		Rules: rules,
	})
	c.diagnostics(ref, allLogs, false)
	return ref
}

// subnetShort is a subnet's name without the "snet-" prefix, lowercased,
// for the names of its NSG and route table.
func subnetShort(subnet string) string {
	switch subnet {
	case SubnetGateway:
		return "gateway"
	case SubnetBastion:
		return "bastion"
	case SubnetFirewall:
		return "firewall"
	}
	return strings.TrimPrefix(subnet, "snet-")
}

// peer adds the peering from one network to the other. The hub offers its
// gateway to the spoke; the spoke uses it, so its peering waits for the
// gateway.
func (c *ctx) peer(from, to string) {
	gw := c.doc.Network.OnPremises != nil
	p := &model.VirtualNetworkPeering{
		Meta:                      model.Meta{Name: c.vnets[from].Name + "/peer-" + from + "-to-" + to, Group: c.rg(RGNetwork)},
		RemoteVirtualNetwork:      c.vnets[to],
		AllowVirtualNetworkAccess: true,
		AllowForwardedTraffic:     true,
		AllowGatewayTransit:       gw && from == Hub,
		UseRemoteGateways:         gw && from == Spoke,
	}
	if p.UseRemoteGateways {
		p.DependsOn = []model.Ref{c.gatewayRef()}
	}
	c.add(p)
}

// gatewayRef is the address of the VPN or ExpressRoute gateway, which
// buildOnPrem creates later.
func (c *ctx) gatewayRef() model.Ref {
	abbr := "vgw"
	if op := c.doc.Network.OnPremises; op != nil && op.Connection.Type == spec.ConnectionExpressRoute {
		abbr = "ergw" // CAF's abbreviation for an ExpressRoute gateway
	}
	return model.Address{Group: c.rg(RGNetwork), Type: model.TypeVirtualNetworkGateway, Name: c.names.Name(abbr, "onprem")}.Ref()
}

// bastion adds Bastion Standard with native-client tunnelling, in the hub.
func (c *ctx) bastion() {
	pip := c.publicIP("bastion", "Azure Bastion")
	ref := c.add(&model.BastionHost{
		Meta:       model.Meta{Name: c.names.Name("bas"), Group: c.rg(RGNetwork)},
		SKU:        "Standard",
		Subnet:     c.subnet(SubnetBastion),
		PublicIP:   pip,
		Tunneling:  true,
		ScaleUnits: 2,
	})
	c.diagnostics(ref, allLogs, true)
}

// zones are the availability zones zone-redundant resources span.
var zones = []string{"1", "2", "3"}

// publicIP adds a zone-redundant Standard static public IP.
func (c *ctx) publicIP(purpose, what string) model.Ref {
	ref := c.add(&model.PublicIPAddress{
		Meta:    model.Meta{Name: c.names.Name("pip", purpose), Group: c.rg(RGNetwork)},
		SKU:     "Standard",
		Tier:    "Regional",
		Static:  true,
		Zones:   zones,
		Purpose: what,
	})
	c.diagnostics(ref, allLogs, true)
	return ref
}

// allowRule is an NSG allow rule before its priority is assigned.
type allowRule struct {
	name, why string
	dir       model.Direction
	proto     model.Protocol
	from, to  []model.AddressSpec
	ports     []model.PortRange
	// priority is set for rules a service owns and names itself; the rest
	// are numbered in order.
	priority int
}

// Priorities of the rules enclave numbers, in each direction.
const (
	nsgFirstAllow = 200
	nsgStep       = 10
)

// Ports private endpoints serve: HTTPS for every service, SMB for Azure
// Files, TDS for Synapse SQL, AMQP and Kafka for Event Hubs.
var endpointPorts = []model.PortRange{model.Port(443), model.Port(445), model.Port(1433), model.Ports(5671, 5672), model.Port(9093)}

// nsgRules returns the rules of a subnet's NSG, or false for subnets Azure
// allows no NSG on (GatewaySubnet, AzureFirewallSubnet). Every NSG ends in
// an explicit deny of all other traffic in both directions.
func (c *ctx) nsgRules(subnet string) ([]model.SecurityRule, bool) {
	var allows []allowRule
	switch subnet {
	case SubnetGateway, SubnetFirewall:
		return nil, false
	case SubnetBastion:
		allows = c.bastionSubnetRules()
	case SubnetDNSInbound:
		allows = c.dnsInboundRules()
	case SubnetWorkstations, SubnetIntegration:
		allows = append(c.bastionTargetRules(subnet), c.clientOutbound(subnet)...)
	case SubnetTraining:
		allows = append(c.clusterRules(subnet, "Azure ML compute nodes"), c.clientOutbound(subnet)...)
		allows = append(allows, c.mlComputeOutbound(subnet)...)
	case SubnetScoring:
		allows = append(c.clusterRules(subnet, "AKS nodes and pods (AKS does not support blocking traffic inside its subnet)"), c.scoringInbound(subnet)...)
		allows = append(allows, c.clientOutbound(subnet)...)
		allows = append(allows, allowRule{name: "allow-ntp-out", why: "NTP for AKS nodes, through the firewall (ntp.ubuntu.com)", dir: model.Outbound, proto: model.ProtocolUDP,
			from: c.specs(subnet), to: tags(model.TagInternet), ports: []model.PortRange{model.Port(123)}})
	case SubnetEndpoints:
		allows = c.endpointRules(subnet)
	case SubnetDBXHost, SubnetDBXContainer:
		allows = c.databricksRules(subnet)
	case SubnetAppService:
		allows = c.clientOutbound(subnet)
	default:
		c.fail("no NSG rules defined for subnet %s", subnet)
		return nil, false
	}
	return numberRules(allows), true
}

// numberRules gives every rule a priority and appends the final denies.
func numberRules(allows []allowRule) []model.SecurityRule {
	next := map[model.Direction]int{model.Inbound: nsgFirstAllow, model.Outbound: nsgFirstAllow}
	var out []model.SecurityRule
	for _, a := range allows {
		if len(a.from) == 0 || len(a.to) == 0 {
			// A rule between subnets this environment lacks allows nothing.
			continue
		}
		prio := a.priority
		if prio == 0 {
			prio = next[a.dir]
			next[a.dir] += nsgStep
		}
		out = append(out, model.SecurityRule{
			Name: a.name, Description: a.why, Priority: prio, Direction: a.dir, Access: model.Allow, Protocol: a.proto,
			Sources: a.from, SourcePorts: []model.PortRange{model.AnyPort}, Destinations: a.to, DestinationPorts: a.ports,
		})
	}
	for _, dir := range []model.Direction{model.Inbound, model.Outbound} {
		out = append(out, model.SecurityRule{
			Name: "deny-all-" + strings.ToLower(string(dir)), Description: "deny everything no rule above allows, overriding Azure's default allow rules",
			Priority: model.NSGLastPriority, Direction: dir, Access: model.Deny, Protocol: model.ProtocolAny,
			Sources: anyAddr(), SourcePorts: []model.PortRange{model.AnyPort}, Destinations: anyAddr(), DestinationPorts: []model.PortRange{model.AnyPort},
		})
	}
	return out
}

func anyAddr() []model.AddressSpec { return []model.AddressSpec{model.AnyAddress()} }

func tags(t ...model.ServiceTag) []model.AddressSpec {
	var out []model.AddressSpec
	for _, x := range t {
		out = append(out, model.TagSpec(x))
	}
	return out
}

func ports(ps ...uint16) []model.PortRange {
	var out []model.PortRange
	for _, p := range ps {
		out = append(out, model.Port(p))
	}
	return out
}

// specs returns the prefixes of the named subnets that are in the plan.
func (c *ctx) specs(subnets ...string) []model.AddressSpec {
	var out []model.AddressSpec
	for _, n := range subnets {
		if s, ok := c.plan.Subnet(n); ok {
			out = append(out, model.PrefixSpec(s.Prefix))
		}
	}
	return out
}

// clientSubnets are the spoke subnets whose workloads open connections:
// everything but the private endpoints.
var clientSubnets = []string{SubnetWorkstations, SubnetTraining, SubnetScoring, SubnetDBXHost, SubnetDBXContainer, SubnetAppService, SubnetIntegration}

// bastionSubnetRules are the rules Azure requires on AzureBastionSubnet
// (Learn: "Configure NSG rules for Azure Bastion"); SSH and RDP go only to
// the subnets with VMs.
func (c *ctx) bastionSubnetRules() []allowRule {
	self := c.specs(SubnetBastion)
	return []allowRule{
		{name: "allow-https-in", why: "users reach Bastion on 443 from the internet", dir: model.Inbound, proto: model.ProtocolTCP, from: tags(model.TagInternet), to: self, ports: ports(443)},
		{name: "allow-gateway-manager-in", why: "Bastion control plane", dir: model.Inbound, proto: model.ProtocolTCP, from: tags(model.TagGatewayManager), to: self, ports: ports(443)},
		{name: "allow-load-balancer-in", why: "Azure Load Balancer health probes", dir: model.Inbound, proto: model.ProtocolTCP, from: tags(model.TagAzureLoadBalancer), to: self, ports: ports(443)},
		{name: "allow-bastion-host-in", why: "Bastion data plane between its instances", dir: model.Inbound, proto: model.ProtocolAny, from: tags(model.TagVirtualNetwork), to: tags(model.TagVirtualNetwork), ports: ports(8080, 5701)},
		{name: "allow-ssh-rdp-out", why: "SSH and RDP to the subnets with VMs", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: c.specs(SubnetWorkstations, SubnetIntegration), ports: ports(22, 3389)},
		{name: "allow-azure-cloud-out", why: "Bastion diagnostics and metering", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagAzureCloud), ports: ports(443)},
		{name: "allow-bastion-host-out", why: "Bastion data plane between its instances", dir: model.Outbound, proto: model.ProtocolAny, from: tags(model.TagVirtualNetwork), to: tags(model.TagVirtualNetwork), ports: ports(8080, 5701)},
		{name: "allow-http-out", why: "session and certificate validation", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagInternet), ports: ports(80)},
	}
}

// dnsInboundRules let on-premises DNS servers and both networks query the
// resolver's inbound endpoint.
func (c *ctx) dnsInboundRules() []allowRule {
	from := []model.AddressSpec{model.PrefixSpec(c.plan.Hub), model.PrefixSpec(c.plan.Spoke)}
	for _, p := range c.onPremPrefixes() {
		from = append(from, model.PrefixSpec(p))
	}
	return []allowRule{{name: "allow-dns-in", why: "DNS queries to the resolver's inbound endpoint from on-premises and the virtual networks",
		dir: model.Inbound, proto: model.ProtocolAny, from: from, to: c.specs(SubnetDNSInbound), ports: ports(53)}}
}

// bastionTargetRules let Bastion, and only Bastion, open SSH and RDP.
func (c *ctx) bastionTargetRules(subnet string) []allowRule {
	return []allowRule{{name: "allow-bastion-ssh-rdp-in", why: "SSH and RDP from Azure Bastion only", dir: model.Inbound, proto: model.ProtocolTCP,
		from: c.specs(SubnetBastion), to: c.specs(subnet), ports: ports(22, 3389)}}
}

// clusterRules let the nodes of a cluster talk to each other and Azure Load
// Balancer probe them.
func (c *ctx) clusterRules(subnet, what string) []allowRule {
	self := c.specs(subnet)
	return []allowRule{
		{name: "allow-load-balancer-in", why: "Azure Load Balancer health probes", dir: model.Inbound, proto: model.ProtocolAny, from: tags(model.TagAzureLoadBalancer), to: self, ports: []model.PortRange{model.AnyPort}},
		{name: "allow-intra-subnet-in", why: "traffic between " + what, dir: model.Inbound, proto: model.ProtocolAny, from: self, to: self, ports: []model.PortRange{model.AnyPort}},
		{name: "allow-intra-subnet-out", why: "traffic between " + what, dir: model.Outbound, proto: model.ProtocolAny, from: self, to: self, ports: []model.PortRange{model.AnyPort}},
	}
}

// scoringInbound lets clients call the scoring endpoints behind the
// internal load balancer and the private AKS API server.
func (c *ctx) scoringInbound(subnet string) []allowRule {
	return []allowRule{{name: "allow-clients-in", why: "scoring endpoints (internal load balancer) and the private API server from workstations, training, apps and integration",
		dir: model.Inbound, proto: model.ProtocolTCP, from: c.specs(SubnetWorkstations, SubnetTraining, SubnetAppService, SubnetIntegration), to: c.specs(subnet), ports: ports(80, 443)}}
}

// clientOutbound is what every workload subnet sends: DNS to the firewall's
// proxy, private endpoints, the scoring cluster, the internet through the
// firewall (which decides what is allowed), and the on-premises data
// sources this subnet reads.
func (c *ctx) clientOutbound(subnet string) []allowRule {
	self := c.specs(subnet)
	rules := []allowRule{
		{name: "allow-dns-out", why: "DNS through the firewall's DNS proxy", dir: model.Outbound, proto: model.ProtocolAny, from: self, to: []model.AddressSpec{model.HostSpec(c.firewallAddr())}, ports: ports(53)},
		{name: "allow-private-endpoints-out", why: "PaaS services through their private endpoints", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: c.specs(SubnetEndpoints), ports: endpointPorts},
	}
	if subnet != SubnetScoring && c.hasSubnet(SubnetScoring) {
		rules = append(rules, allowRule{name: "allow-scoring-out", why: "scoring endpoints and the private AKS API server", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: c.specs(SubnetScoring), ports: ports(80, 443)})
	}
	rules = append(rules, allowRule{name: "allow-internet-via-firewall-out", why: "HTTP and HTTPS, routed to the firewall, whose rules decide", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagInternet), ports: ports(80, 443)})
	for _, ds := range c.doc.DataSources {
		if !slices.Contains(c.dataSourceSubnets(ds.Readers), subnet) {
			continue
		}
		rules = append(rules, allowRule{name: "allow-datasource-" + ds.Name + "-out", why: string(ds.Type) + " data source " + ds.Name + " on premises, through the firewall",
			dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: []model.AddressSpec{model.HostSpec(ds.Host)}, ports: ports(ds.Port)})
	}
	return rules
}

// mlComputeOutbound adds what Azure ML compute sends on ports other than
// 80 and 443 (Learn: "Configure inbound and outbound network traffic").
func (c *ctx) mlComputeOutbound(subnet string) []allowRule {
	self := c.specs(subnet)
	return []allowRule{
		{name: "allow-azureml-tcp-out", why: "Azure ML compute instance services (RStudio 8787, language server 18881)", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagAzureMachineLearning), ports: ports(8787, 18881)},
		{name: "allow-azureml-udp-out", why: "Azure ML compute instance service (UDP 5831)", dir: model.Outbound, proto: model.ProtocolUDP, from: self, to: tags(model.TagAzureMachineLearning), ports: ports(5831)},
		{name: "allow-storage-smb-out", why: "Azure Files (SMB) used by Azure ML compute", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagStorage.In(c.doc.Location)), ports: ports(445)},
	}
}

// endpointRules let the workload subnets and on-premises clients reach the
// private endpoints; nothing else does.
func (c *ctx) endpointRules(subnet string) []allowRule {
	self := c.specs(subnet)
	rules := []allowRule{{name: "allow-workloads-in", why: "workload subnets to private endpoints", dir: model.Inbound, proto: model.ProtocolTCP,
		from: c.specs(clientSubnets...), to: self, ports: endpointPorts}}
	var onprem []model.AddressSpec
	for _, p := range c.onPremPrefixes() {
		onprem = append(onprem, model.PrefixSpec(p))
	}
	if len(onprem) > 0 {
		rules = append(rules, allowRule{name: "allow-onprem-https-in", why: "on-premises clients to private endpoints over HTTPS, through the firewall",
			dir: model.Inbound, proto: model.ProtocolTCP, from: onprem, to: self, ports: ports(443)})
	}
	return rules
}

// Rules Azure Databricks adds to the NSGs of VNet-injected subnets when the
// workspace uses Private Link (requiredNsgRules NoAzureDatabricksRules). They
// carry Databricks' own names so that a redeployment leaves them as
// Databricks expects.
const (
	dbxWorkerInbound  = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-inbound"
	dbxWorkerOutbound = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-outbound"
)

// databricksRules are Databricks' worker-to-worker rules plus the outbound
// dependencies of a Private Link workspace: the metastore (SQL 3306),
// artifact and log storage (443) and Event Hubs (9093), all through the
// firewall; plus DNS and the private endpoints.
func (c *ctx) databricksRules(subnet string) []allowRule {
	self := c.specs(subnet)
	vnet := tags(model.TagVirtualNetwork)
	loc := c.doc.Location
	return []allowRule{
		{name: dbxWorkerInbound, why: "Required for worker nodes communication within a cluster.", dir: model.Inbound, proto: model.ProtocolAny, from: vnet, to: vnet, ports: []model.PortRange{model.AnyPort}, priority: 100},
		{name: dbxWorkerOutbound, why: "Required for worker nodes communication within a cluster.", dir: model.Outbound, proto: model.ProtocolAny, from: vnet, to: vnet, ports: []model.PortRange{model.AnyPort}, priority: 100},
		{name: "allow-dns-out", why: "DNS through the firewall's DNS proxy", dir: model.Outbound, proto: model.ProtocolAny, from: self, to: []model.AddressSpec{model.HostSpec(c.firewallAddr())}, ports: ports(53)},
		{name: "allow-private-endpoints-out", why: "PaaS services through their private endpoints", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: c.specs(SubnetEndpoints), ports: endpointPorts},
		{name: "allow-metastore-out", why: "Databricks metastore (Azure SQL), through the firewall", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagSQL.In(loc)), ports: ports(3306)},
		{name: "allow-storage-out", why: "Databricks artifact and log storage, through the firewall", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagStorage.In(loc)), ports: ports(443)},
		{name: "allow-eventhub-out", why: "Databricks log delivery (Event Hubs), through the firewall", dir: model.Outbound, proto: model.ProtocolTCP, from: self, to: tags(model.TagEventHub.In(loc)), ports: ports(9093)},
	}
}
