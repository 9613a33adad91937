package reach

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Azure Firewall with a firewall policy, after "Configure Azure Firewall
// rules" (rule processing logic):
// https://learn.microsoft.com/en-us/azure/firewall/rule-processing
//
//   - rule collection groups are processed in priority order and, within a
//     group, rule collections in priority order;
//   - DNAT rules are processed first, then network rules, then application
//     rules; the first rule that matches decides with its collection's
//     action; traffic no rule matches is denied;
//   - application rules match HTTP by Host header and HTTPS by SNI:
//     "*.example.com" matches every subdomain but not example.com itself
//     (https://learn.microsoft.com/en-us/azure/firewall/firewall-faq#how-do-wildcards-work-in-target-urls-and-target-fqdns-in-application-rules);
//   - network rules to a destination in an IANA private range (RFC 1918,
//     RFC 6598) keep the client's source address; to a public destination
//     they are SNATed to a public IP of the firewall; application rules
//     always proxy, so the destination sees the firewall
//     (https://learn.microsoft.com/en-us/azure/firewall/snat-private-range).
//
// The model has no DNAT rule collections: nothing is published through the
// firewall's public address. FQDN tags (WindowsUpdate,
// AzureKubernetesService) stand for host lists Microsoft maintains; reach
// lists them in egress answers but matches no named host against them.

// fqdnCovers reports whether an application rule target matches a host (or
// every host a wildcard host stands for).
func fqdnCovers(pattern, host string) bool {
	pattern, host = strings.ToLower(pattern), strings.ToLower(host)
	if pattern == "*" || pattern == host {
		return true
	}
	suffix, ok := strings.CutPrefix(pattern, "*")
	if !ok || !strings.HasPrefix(suffix, ".") {
		return false
	}
	// "*.example.com" covers "a.example.com" and "*.a.example.com", never
	// "example.com".
	h := strings.TrimPrefix(host, "*")
	return strings.HasSuffix(h, suffix) && len(h) > len(suffix) || strings.HasPrefix(host, "*") && h == suffix
}

// hostsMatching returns the host atoms a list of targets covers.
func (u *Universe) hostsMatching(targets []string) Set {
	var s Set
	for i, a := range u.atoms {
		if a.kind != atomHost {
			continue
		}
		for _, t := range targets {
			if fqdnCovers(t, a.name) {
				s = s.Union(Point(atomBase + uint64(i)))
				break
			}
		}
	}
	return s
}

// fwRule is a firewall rule compiled to a packet set.
type fwRule struct {
	by     string
	access model.Access
	cube   Cube
	app    bool
	rule   ruleRef
}

// ruleRef names a rule for egress answers.
type ruleRef struct {
	Group, Collection, Rule string
	Targets                 []string // FQDNs, FQDN tags, service tags or prefixes
}

// firewallRules returns the policy's rules in processing order: network
// rules of every group and collection by priority, then application rules.
func (n *Network) firewallRules() []fwRule {
	fw := n.firewall
	n.freshen()
	if n.fwCache != nil || fw == nil {
		return n.fwCache
	}
	var network, app []fwRule
	for _, g := range fw.groups {
		cols := append([]model.FirewallRuleCollection(nil), g.Collections...)
		sortCollections(cols)
		for _, c := range cols {
			for _, r := range c.NetworkRules {
				dst := n.specs(r.Destinations, fw.subnet)
				for _, h := range r.DestinationFQDNs {
					dst = dst.Union(Point(n.U.Host(h)))
				}
				var protos Set
				for _, p := range r.Protocols {
					protos = protos.Union(protoSet(p))
				}
				targets := append(specNames(r.Destinations), r.DestinationFQDNs...)
				network = append(network, fwRule{
					by:     fmt.Sprintf("%s: %s / %s / network rule %s", fw.policy.Name, g.Name[strings.LastIndexByte(g.Name, '/')+1:], c.Name, r.Name),
					access: c.Action, cube: Cube{n.specs(r.Sources, fw.subnet), dst, protos, portsSet(r.DestinationPorts)},
					rule: ruleRef{g.Name, c.Name, r.Name, targets},
				})
			}
			for _, r := range c.ApplicationRules {
				var ports Set
				for _, p := range r.Protocols {
					ports = ports.Union(Point(uint64(p.Port)))
				}
				targets := append(append([]string(nil), r.TargetFQDNs...), prefixAll("FQDN tag ", r.FQDNTags)...)
				app = append(app, fwRule{
					by:     fmt.Sprintf("%s: %s / %s / application rule %s", fw.policy.Name, g.Name[strings.LastIndexByte(g.Name, '/')+1:], c.Name, r.Name),
					access: c.Action, cube: Cube{n.specs(r.Sources, fw.subnet), n.U.hostsMatching(r.TargetFQDNs), Point(protoTCP), ports},
					app: true, rule: ruleRef{g.Name, c.Name, r.Name, targets},
				})
			}
		}
	}
	n.fwCache = append(network, app...)
	return n.fwCache
}

func sortCollections(cs []model.FirewallRuleCollection) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Priority < cs[j-1].Priority; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func specNames(as []model.AddressSpec) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

func prefixAll(p string, ss []string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, p+s)
	}
	return out
}

// fwPart is a part of a packet set the firewall decided, with the rule.
type fwPart struct {
	decided
	app  bool
	rule ruleRef
}

// evalFirewall splits pk by the first matching rule of the policy.
func (n *Network) evalFirewall(pk Packets) (Packets, []fwPart) {
	var allowed Packets
	var parts []fwPart
	rest := pk
	for _, r := range n.firewallRules() {
		if rest.IsEmpty() {
			break
		}
		if !rest.overlaps(r.cube) {
			continue
		}
		in := rest.Intersect(r.cube)
		rest = rest.Minus(r.cube)
		parts = append(parts, fwPart{decided{in, r.by, r.access}, r.app, r.rule})
		if r.access == model.Allow {
			allowed = append(allowed, in...)
		}
	}
	if !rest.IsEmpty() {
		parts = append(parts, fwPart{decided: decided{rest, n.firewall.policy.Name + ": no rule matches; Azure Firewall denies by default", model.Deny}})
	}
	return allowed, parts
}
