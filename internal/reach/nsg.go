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
}

// defaultRules are Azure's default security rules for a direction.
func (n *Network) defaultRules(dir model.Direction, s *Subnet) []nsgRule {
	vnet := s.vnTag
	if dir == model.Inbound {
		return []nsgRule{
			{"AllowVnetInBound", 65000, model.Allow, Cube{vnet, vnet, allProtos, allPorts}, true},
			{"AllowAzureLoadBalancerInBound", 65001, model.Allow, Cube{n.U.Tag(model.TagAzureLoadBalancer), allAddrs, allProtos, allPorts}, true},
			{"DenyAllInBound", 65500, model.Deny, Cube{allAddrs, allAddrs, allProtos, allPorts}, true},
		}
	}
	return []nsgRule{
		{"AllowVnetOutBound", 65000, model.Allow, Cube{vnet, vnet, allProtos, allPorts}, true},
		{"AllowInternetOutBound", 65001, model.Allow, Cube{allAddrs, n.U.Internet(), allProtos, allPorts}, true},
		{"DenyAllOutBound", 65500, model.Deny, Cube{allAddrs, allAddrs, allProtos, allPorts}, true},
	}
}

type nsgKey struct {
	s   *Subnet
	dir model.Direction
}

// rules returns the subnet NSG's rules of one direction in evaluation
// order, defaults last.
func (n *Network) rules(s *Subnet, dir model.Direction) []nsgRule {
	n.freshen()
	if n.nsgCache == nil {
		n.nsgCache = map[nsgKey][]nsgRule{}
	}
	k := nsgKey{s, dir}
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
	for _, r := range n.rules(s, dir) {
		if rest.IsEmpty() {
			break
		}
		in := rest.Intersect(r.cube)
		if in.IsEmpty() {
			continue
		}
		rest = rest.Minus(r.cube)
		by := fmt.Sprintf("%s: %s (priority %d, %s)", s.nsg.Name, r.name, r.priority, dirWord(dir))
		if r.dflt {
			by = fmt.Sprintf("%s: default rule %s (priority %d)", s.nsg.Name, r.name, r.priority)
		}
		parts = append(parts, decided{in, by, r.access})
		if r.access == model.Allow {
			allowed = append(allowed, in...)
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
