package reach

import (
	"fmt"
	"sort"

	"github.com/enclave-dev/enclave/internal/model"
)

// NSG evaluation follows "How network security groups filter network
// traffic" and "Network security groups: security rules":
// https://learn.microsoft.com/en-us/azure/virtual-network/network-security-group-how-it-works
// https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#security-rules
//
//   - rules of one direction are processed in priority order (100-4096,
//     lower first) and the first rule matching the packet decides;
//   - after the custom rules come the default rules, 65000 AllowVnetInBound
//     / AllowVnetOutBound (VirtualNetwork to VirtualNetwork), 65001
//     AllowAzureLoadBalancerInBound / AllowInternetOutBound and 65500
//     DenyAllInBound / DenyAllOutBound;
//   - inbound traffic meets the subnet's NSG and then the NIC's, outbound
//     the NIC's and then the subnet's; both must allow. The model has no
//     NIC-level NSG (enclave never creates one), so the subnet's decides;
//   - NSGs are stateful: return traffic of an allowed flow is allowed
//     without a rule in the other direction;
//   - a rule lists prefixes (augmented rules) or one service tag, and
//     port ranges. Application security groups are not in the model.

// nsgRule is a security rule compiled against one subnet.
type nsgRule struct {
	name     string
	priority int
	access   model.Access
	cube     Cube
	dflt     bool
	// by names the rule in explanations; src and dst are the hulls of its
	// addresses, for skipping it cheaply.
	by       string
	src, dst Span
	nsg      string
	dir      model.Direction
}

// explain names the rule, spelling it on first use.
func (r *nsgRule) explain() string {
	if r.by == "" {
		r.by = fmt.Sprintf("%s: %s (priority %d, %s)", r.nsg, r.name, r.priority, dirWord(r.dir))
		if r.dflt {
			r.by = fmt.Sprintf("%s: default rule %s (priority %d)", r.nsg, r.name, r.priority)
		}
	}
	return r.by
}

// defaultRules are Azure's default security rules for a direction.
func (n *Network) defaultRules(dir model.Direction, s *Subnet) []nsgRule {
	vnet := s.vnTag
	if dir == model.Inbound {
		return []nsgRule{
			{name: "AllowVnetInBound", priority: 65000, access: model.Allow, cube: Cube{vnet, vnet, allProtos, allPorts}, dflt: true},
			{name: "AllowAzureLoadBalancerInBound", priority: 65001, access: model.Allow, cube: Cube{n.U.Tag(model.TagAzureLoadBalancer), allAddrs, allProtos, allPorts}, dflt: true},
			{name: "DenyAllInBound", priority: 65500, access: model.Deny, cube: Cube{allAddrs, allAddrs, allProtos, allPorts}, dflt: true},
		}
	}
	return []nsgRule{
		{name: "AllowVnetOutBound", priority: 65000, access: model.Allow, cube: Cube{vnet, vnet, allProtos, allPorts}, dflt: true},
		{name: "AllowInternetOutBound", priority: 65001, access: model.Allow, cube: Cube{allAddrs, n.U.Internet(), allProtos, allPorts}, dflt: true},
		{name: "DenyAllOutBound", priority: 65500, access: model.Deny, cube: Cube{allAddrs, allAddrs, allProtos, allPorts}, dflt: true},
	}
}

// nsgKey identifies compiled rules: subnets sharing an NSG and seeing the
// same VirtualNetwork tag share them.
type nsgKey struct {
	nsg *model.NetworkSecurityGroup
	dir model.Direction
	tag string
}

// rules returns the subnet NSG's rules of one direction in evaluation
// order, defaults last.
func (n *Network) rules(s *Subnet, dir model.Direction) []nsgRule {
	n.freshen()
	if n.nsgCache == nil {
		n.nsgCache = map[nsgKey][]nsgRule{}
	}
	k := nsgKey{s.nsg, dir, s.tagKey}
	if r, ok := n.nsgCache[k]; ok {
		return r
	}
	var out []nsgRule
	for _, r := range s.nsg.Rules {
		if r.Direction != dir {
			continue
		}
		out = append(out, nsgRule{
			name: r.Name, priority: r.Priority, access: r.Access,
			cube: Cube{n.specs(r.Sources, s), n.specs(r.Destinations, s), protoSet(r.Protocol), portsSet(r.DestinationPorts)},
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].priority < out[j].priority })
	out = append(out, n.defaultRules(dir, s)...)
	for i := range out {
		r := &out[i]
		r.nsg, r.dir = s.nsg.Name, dir
		r.src, r.dst = Packets{r.cube}.hull()
	}
	n.nsgCache[k] = out
	return out
}

// decided is a part of a packet set and the rule that decided it.
type decided struct {
	pk     Packets
	by     string
	access model.Access
}

// evalNSG splits pk by the first matching rule of the subnet's NSG in one
// direction and returns the allowed part and every part with its rule. A
// subnet without an NSG allows everything.
func (n *Network) evalNSG(s *Subnet, dir model.Direction, pk Packets) (Packets, []decided) {
	if s.nsg == nil {
		return pk, nil
	}
	var allowed Packets
	var parts []decided
	rest := pk
	// Rules whose sources or destinations miss the packets' hull are
	// skipped without touching the (possibly fragmented) packet set.
	srcHull, dstHull := pk.hull()
	rules := n.rules(s, dir)
	for i := range rules {
		r := &rules[i]
		if r.src.Hi < srcHull.Lo || r.src.Lo > srcHull.Hi || r.dst.Hi < dstHull.Lo || r.dst.Lo > dstHull.Hi ||
			!r.cube.Src.touches(srcHull) || !r.cube.Dst.touches(dstHull) || !rest.overlaps(r.cube) {
			continue
		}
		in := rest.Intersect(r.cube)
		rest = rest.Minus(r.cube)
		parts = append(parts, decided{in, r.explain(), r.access})
		if r.access == model.Allow {
			allowed = append(allowed, in...)
		}
		if rest.IsEmpty() {
			break
		}
	}
	return allowed, parts
}

func dirWord(d model.Direction) string {
	if d == model.Inbound {
		return "inbound"
	}
	return "outbound"
}

// freshen drops compiled rules when atoms were added since they were built:
// a rule naming "*.example.com" must see every host reach knows.
func (n *Network) freshen() {
	if n.cacheGen != n.U.gen {
		n.nsgCache, n.fwCache, n.cacheGen = nil, nil, n.U.gen
	}
}
