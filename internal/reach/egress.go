package reach

import (
	"github.com/enclave-dev/enclave/internal/model"
)

// Grant is one set of internet destinations a subnet reaches, and the rule
// that lets it: a firewall rule's FQDNs, FQDN tags, service tags or
// prefixes on some protocols and ports.
type Grant struct {
	// Targets are what the rule names; "*" is every internet address.
	Targets []string `json:"targets"`
	Ports   string   `json:"ports"`
	By      string   `json:"decidedBy"`
}

// Egress is the exact answer to "which internet destinations can this
// subnet reach?": the grants, in the order the firewall applies them, and
// the path up to where they are decided. Everything no grant names is
// denied.
type Egress struct {
	Subnet string  `json:"subnet"`
	Grants []Grant `json:"grants"`
	Path   []Hop   `json:"path"`
}

// InternetEgress evaluates every packet from a subnet to the internet,
// symbolically: the subnet's NSG, its route for internet destinations and,
// when that leads to the firewall, the policy's rules in processing order.
// Application rules are evaluated on the hosts they name (their FQDNs
// stand for sets of names), network rules on their addresses.
func (n *Network) InternetEgress(s *Subnet) Egress {
	t := &tracer{n: n}
	eg := Egress{Subnet: s.Name}
	pk := Packets{{s.addrs, n.U.Internet(), allProtos, allPorts}}
	ok, parts := n.evalNSG(s, model.Outbound, pk)
	if s.nsg != nil {
		if tr := t.filterHop(s.String(), "outbound NSG", ok, parts); tr != nil {
			eg.Path = tr.Path
			return eg
		}
	}
	r := s.lookup(n.U.Host("(any internet host)"))
	fw := n.firewall
	switch {
	case r == nil:
		t.hop(s.String(), "route", "deny", "no route to the internet")
	case r.nextHop == model.NextHopInternet && s.outbound:
		t.hop(s.String(), "route", "Internet", r.String()+" with default outbound access")
		eg.Grants = []Grant{{Targets: []string{"*"}, Ports: describePorts(ok), By: r.String()}}
	case r.nextHop == model.NextHopVirtualAppliance && fw != nil && addrValue(r.nextIP) == fw.ip:
		t.hop(s.String(), "route", "VirtualAppliance "+r.nextIP.String()+" ("+fw.res.Name+")", r.String())
		eg.Grants = n.firewallGrants(ok)
		t.hop(fw.res.Name, "firewall policy", "allow the grants listed; deny the rest", fw.policy.Name+": no rule matches; Azure Firewall denies by default")
	default:
		t.hop(s.String(), "route", "deny", r.String())
	}
	eg.Path = t.path
	return eg
}

// firewallGrants lists what the policy allows of pk, rule by rule.
func (n *Network) firewallGrants(pk Packets) []Grant {
	var out []Grant
	rest := pk
	for _, r := range n.firewallRules() {
		if r.app {
			// The rule's FQDNs are a subset of internet names: it sees the
			// TCP packets to any name on its ports that no network rule took.
			c := r.cube
			c.Dst = n.U.Internet()
			if in := rest.Intersect(c); !in.IsEmpty() && r.access == model.Allow {
				out = append(out, Grant{Targets: r.rule.Targets, Ports: describePorts(in), By: r.by})
			}
			continue
		}
		if !rest.overlaps(r.cube) {
			continue
		}
		in := rest.Intersect(r.cube)
		rest = rest.Minus(r.cube)
		if r.access == model.Allow {
			out = append(out, Grant{Targets: r.rule.Targets, Ports: describePorts(in), By: r.by})
		}
	}
	return out
}
