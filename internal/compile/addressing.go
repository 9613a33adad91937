package compile

import (
	"fmt"
	"math/bits"
	"net/netip"
	"sort"

	"github.com/enclave-dev/enclave/internal/spec"
)

// Subnet names. The first three are names Azure requires.
const (
	SubnetGateway      = "GatewaySubnet"
	SubnetFirewall     = "AzureFirewallSubnet"
	SubnetBastion      = "AzureBastionSubnet"
	SubnetDNSInbound   = "snet-dns-inbound"
	SubnetWorkstations = "snet-workstations"
	SubnetTraining     = "snet-training"
	SubnetScoring      = "snet-scoring"
	SubnetEndpoints    = "snet-endpoints"
	SubnetDBXHost      = "snet-dbx-host"
	SubnetDBXContainer = "snet-dbx-container"
	SubnetAppService   = "snet-appservice"
	SubnetIntegration  = "snet-integration"
)

// VNet roles in the plan.
const (
	Hub   = "hub"
	Spoke = "spoke"
)

// PlannedSubnet is one subnet of the address plan.
type PlannedSubnet struct {
	VNet    string // Hub or Spoke
	Name    string
	Prefix  netip.Prefix
	Purpose string
	// MinBits is the largest prefix length this subnet may have, with the
	// reason (Azure's documented minimum or the capacity the spec needs).
	MinBits int
	Why     string
}

// AddressPlan is how the address space is divided.
type AddressPlan struct {
	Space   netip.Prefix
	Hub     netip.Prefix
	Spoke   netip.Prefix
	Subnets []PlannedSubnet
	// AKSServiceCIDR and AKSDNSServiceIP are the Kubernetes service range,
	// chosen to overlap neither Azure nor on-premises ranges.
	AKSServiceCIDR  netip.Prefix
	AKSDNSServiceIP netip.Addr
}

// Subnet returns the planned subnet with the given name.
func (p *AddressPlan) Subnet(name string) (PlannedSubnet, bool) {
	for _, s := range p.Subnets {
		if s.Name == name {
			return s, true
		}
	}
	return PlannedSubnet{}, false
}

type subnetNeed struct {
	vnet, name, purpose, why string
	bits                     int // prefix length wanted
}

// hostsBits returns the prefix length of the smallest subnet that holds n
// addresses plus Azure's five reserved ones, and never smaller than /29.
func hostsBits(n int) int {
	need := n + 5
	b := 32 - bits.Len(uint(need-1))
	if b > 29 {
		b = 29
	}
	return b
}

func minBits(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// subnetNeeds lists the subnets the enabled services need, with sizes.
func subnetNeeds(d *spec.Document) []subnetNeed {
	var needs []subnetNeed
	onPrem := d.Network.OnPremises != nil
	if onPrem {
		needs = append(needs,
			subnetNeed{Hub, SubnetGateway, "VPN or ExpressRoute gateway", "Azure requires /27 or larger for GatewaySubnet", 27},
			subnetNeed{Hub, SubnetDNSInbound, "DNS private resolver inbound endpoint for on-premises clients", "the resolver's inbound endpoint needs /28 to /24", 28},
		)
	}
	needs = append(needs,
		subnetNeed{Hub, SubnetFirewall, "Azure Firewall", "Azure requires /26 for AzureFirewallSubnet", 26},
		subnetNeed{Hub, SubnetBastion, "Azure Bastion", "Azure requires /26 or larger for AzureBastionSubnet", 26},
	)

	s := d.Services
	vms, computeInstances := 0, 0
	for _, m := range d.Team.Members {
		switch workstationKind(d, m) {
		case spec.WorkstationVM:
			vms++
		case spec.WorkstationComputeInstance:
			computeInstances++
		}
	}
	if vms > 0 || s.DataFactory.On() {
		needs = append(needs, subnetNeed{Spoke, SubnetWorkstations, "member workstations", fmt.Sprintf("%d workstations with room to double", vms), minBits(26, hostsBits(2*vms))})
	}
	if s.MachineLearning.On() {
		nodes := computeInstances
		for _, c := range mlClusters(s.MachineLearning) {
			nodes += c.maxNodes
		}
		needs = append(needs, subnetNeed{Spoke, SubnetTraining, "Azure ML compute clusters and compute instances", fmt.Sprintf("%d nodes at most, doubled for scale-out", nodes), minBits(26, hostsBits(2*nodes))})
	}
	if s.Kubernetes.On() {
		_, _, maxNodes, maxPods := poolSize(s.Kubernetes)
		// Azure CNI: every node and every pod takes an address; one extra
		// node for surge upgrades, plus internal load balancer addresses.
		n := (maxNodes+1)*(maxPods+1) + 10
		needs = append(needs, subnetNeed{Spoke, SubnetScoring, "AKS scoring cluster (Azure CNI) and its internal load balancer", fmt.Sprintf("(%d nodes + 1 surge) x (%d pods + 1) + 10 load-balancer addresses = %d", maxNodes, maxPods, n), hostsBits(n)})
	}
	needs = append(needs, subnetNeed{Spoke, SubnetEndpoints, "private endpoints of every PaaS service", "room for 59 private endpoints", 26})
	if s.Databricks.On() {
		needs = append(needs,
			subnetNeed{Spoke, SubnetDBXHost, "Databricks host (public) subnet, VNet-injected", "Databricks needs /26 per subnet for a production workspace", 26},
			subnetNeed{Spoke, SubnetDBXContainer, "Databricks container (private) subnet, VNet-injected", "Databricks needs /26 per subnet for a production workspace", 26})
	}
	if s.AppService.On() {
		needs = append(needs, subnetNeed{Spoke, SubnetAppService, "App Service VNet integration", "App Service recommends /26 for integration subnets", 26})
	}
	if s.DataFactory.On() || len(d.DataSources) > 0 {
		needs = append(needs, subnetNeed{Spoke, SubnetIntegration, "self-hosted integration runtime and data integration", "room for an integration runtime cluster", 27})
	}
	return needs
}

func workstationKind(d *spec.Document, m spec.Member) spec.WorkstationKind {
	if m.Workstation != nil && m.Workstation.Kind != "" {
		return m.Workstation.Kind
	}
	if d.Team.Workstations.Kind != "" {
		return d.Team.Workstations.Kind
	}
	return spec.WorkstationVM
}

// allocator hands out aligned blocks first-fit inside one prefix.
type allocator struct {
	space netip.Prefix
	used  []netip.Prefix
}

func (al *allocator) take(bits int) (netip.Prefix, bool) {
	if bits < al.space.Bits() {
		return netip.Prefix{}, false
	}
	size := uint32(1) << (32 - bits)
	start := addrToU32(al.space.Addr())
	end := start + (uint32(1) << (32 - al.space.Bits()))
	for a := start; a+size <= end && a >= start; a += size {
		p := netip.PrefixFrom(u32ToAddr(a), bits)
		free := true
		for _, u := range al.used {
			if u.Overlaps(p) {
				free = false
				break
			}
		}
		if free {
			al.used = append(al.used, p)
			return p, true
		}
	}
	return netip.Prefix{}, false
}

func addrToU32(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func u32ToAddr(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// vnetBits returns the prefix length of the smallest block holding needs.
func vnetBits(needs []subnetNeed) int {
	var total uint64
	for _, n := range needs {
		total += uint64(1) << (32 - n.bits)
	}
	if total == 0 {
		return 29
	}
	return 32 - bits.Len64(total-1)
}

// planAddresses divides the address space: the hub first, then the spoke,
// each holding its subnets largest first. It returns a plan, or the reason
// the space is too small.
func planAddresses(d *spec.Document) (*AddressPlan, error) {
	space := d.Network.AddressSpace.Masked()
	if !space.IsValid() || !space.Addr().Is4() {
		return nil, fmt.Errorf("address space %s is not an IPv4 prefix", d.Network.AddressSpace)
	}
	needs := subnetNeeds(d)
	var hub, spoke []subnetNeed
	for _, n := range needs {
		if n.vnet == Hub {
			hub = append(hub, n)
		} else {
			spoke = append(spoke, n)
		}
	}
	order := func(ns []subnetNeed) {
		sort.SliceStable(ns, func(i, j int) bool { return ns[i].bits < ns[j].bits })
	}
	order(hub)
	order(spoke)
	hb, sb := vnetBits(hub), vnetBits(spoke)
	top := &allocator{space: space}
	plan := &AddressPlan{Space: space}
	var ok1, ok2 bool
	plan.Hub, ok1 = top.take(hb)
	plan.Spoke, ok2 = top.take(sb)
	if !ok1 || !ok2 {
		// Two aligned blocks of the larger size always hold both.
		return nil, &spaceError{space: space, hub: hb, spoke: sb, need: min(hb, sb) - 1}
	}
	for _, group := range []struct {
		vnet  string
		pfx   netip.Prefix
		needs []subnetNeed
	}{{Hub, plan.Hub, hub}, {Spoke, plan.Spoke, spoke}} {
		al := &allocator{space: group.pfx}
		for _, n := range group.needs {
			p, ok := al.take(n.bits)
			if !ok {
				return nil, fmt.Errorf("internal: subnet %s does not fit its virtual network %s", n.name, group.pfx)
			}
			plan.Subnets = append(plan.Subnets, PlannedSubnet{VNet: group.vnet, Name: n.name, Prefix: p, Purpose: n.purpose, MinBits: n.bits, Why: n.why})
		}
	}
	sort.SliceStable(plan.Subnets, func(i, j int) bool {
		a, b := plan.Subnets[i], plan.Subnets[j]
		if a.VNet != b.VNet {
			return a.VNet == Hub
		}
		return a.Prefix.Addr().Less(b.Prefix.Addr())
	})
	plan.AKSServiceCIDR, plan.AKSDNSServiceIP = serviceCIDR(d, space)
	return plan, nil
}

// spaceError says the address space cannot hold what the services need.
type spaceError struct {
	space            netip.Prefix
	hub, spoke, need int
}

func (e *spaceError) Error() string {
	return fmt.Sprintf("address space %s is too small: the enabled services need a /%d hub and a /%d spoke (a /%d holds both)", e.space, e.hub, e.spoke, e.need)
}

// serviceCIDR picks the AKS service range: the first candidate that overlaps
// neither the address space nor any on-premises range.
func serviceCIDR(d *spec.Document, space netip.Prefix) (netip.Prefix, netip.Addr) {
	candidates := []string{"172.20.0.0/16", "172.21.0.0/16", "192.168.0.0/16", "100.64.0.0/16"}
	for _, c := range candidates {
		p := netip.MustParsePrefix(c)
		clash := p.Overlaps(space)
		if op := d.Network.OnPremises; op != nil {
			for _, o := range op.AddressSpaces {
				clash = clash || p.Overlaps(o)
			}
		}
		if !clash {
			return p, u32ToAddr(addrToU32(p.Addr()) + 10)
		}
	}
	p := netip.MustParsePrefix("172.20.0.0/16")
	return p, netip.MustParseAddr("172.20.0.10")
}
