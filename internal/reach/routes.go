package reach

import (
	"fmt"
	"net/netip"

	"github.com/enclave-dev/enclave/internal/model"
)

// Routing follows "Virtual network traffic routing":
// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-networks-udr-overview
//
//   - every subnet has system routes: its network's address space (next hop
//     VnetLocal), 0.0.0.0/0 to Internet, and None routes for 10.0.0.0/8,
//     172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 that drop traffic to
//     private ranges the network does not use;
//   - peering adds each peered network's space (next hop VNetPeering);
//   - a gateway (its own, or a peer's through gateway transit) adds the
//     on-premises prefixes (next hop VirtualNetworkGateway), unless the
//     subnet's route table disables gateway route propagation;
//   - every private endpoint adds a /32 (next hop InterfaceEndpoint) in its
//     network and peered networks;
//   - Azure picks the route with the longest matching prefix; on equal
//     prefixes a user-defined route beats a BGP/gateway route, which beats a
//     system route.

// routeSource ranks routes of equal prefix: higher wins.
type routeSource int

const (
	srcDefault routeSource = iota
	srcGateway
	srcUser
)

func (r routeSource) String() string {
	return [...]string{"system route", "gateway route", "user-defined route"}[r]
}

// nextHopInterfaceEndpoint is the next hop of a private endpoint's route.
const nextHopInterfaceEndpoint model.NextHopType = "InterfaceEndpoint"

// nextHopPeering is the next hop of a peered network's route.
const nextHopPeering model.NextHopType = "VNetPeering"

type route struct {
	prefix  netip.Prefix
	addrs   Set
	source  routeSource
	nextHop model.NextHopType
	nextIP  netip.Addr
	name    string // the route's name for user-defined routes
	table   string // the route table's name
	peer    *peerLink
	pe      *privateEndpoint
	gw      *gateway
	desc    string
}

// String describes the route for explanations.
func (r *route) String() string {
	if r.desc == "" {
		r.desc = r.describe()
	}
	return r.desc
}

func (r *route) describe() string {
	switch r.source {
	case srcUser:
		s := fmt.Sprintf("%s: route %s (%s -> %s", r.table, r.name, r.prefix, r.nextHop)
		if r.nextIP.IsValid() {
			s += " " + r.nextIP.String()
		}
		return s + ")"
	case srcGateway:
		return fmt.Sprintf("gateway route %s -> %s %s", r.prefix, r.nextHop, r.gw.res.Name)
	}
	switch r.nextHop {
	case nextHopPeering:
		return fmt.Sprintf("system route %s -> VNetPeering (%s)", r.prefix, r.peer.p.Name)
	case nextHopInterfaceEndpoint:
		return fmt.Sprintf("system route %s -> InterfaceEndpoint (private endpoint %s)", r.prefix, r.pe.res.Name)
	}
	return fmt.Sprintf("system route %s -> %s", r.prefix, r.nextHop)
}

var noneRoutes = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10"),
}

func newRoute(p netip.Prefix, src routeSource, hop model.NextHopType) route {
	return route{prefix: p.Masked(), addrs: prefixSet(p), source: src, nextHop: hop}
}

// effectiveRoutes computes a subnet's effective routes.
func (n *Network) effectiveRoutes(s *Subnet) []route {
	var out []route
	for _, p := range s.vn.res.AddressSpace {
		out = append(out, newRoute(p, srcDefault, model.NextHopVnetLocal))
	}
	out = append(out, newRoute(netip.MustParsePrefix("0.0.0.0/0"), srcDefault, model.NextHopInternet))
	for _, p := range noneRoutes {
		out = append(out, newRoute(p, srcDefault, model.NextHopNone))
	}
	for _, l := range s.vn.connectedPeers() {
		for _, p := range l.to.res.AddressSpace {
			r := newRoute(p, srcDefault, nextHopPeering)
			r.peer = l
			out = append(out, r)
		}
	}
	propagate := s.rt == nil || !s.rt.DisableBGPRoutePropagation
	if gw, _ := n.gatewayFor(s.vn); gw != nil && propagate {
		for _, p := range gw.prefixes {
			r := newRoute(p, srcGateway, model.NextHopGateway)
			r.gw = gw
			out = append(out, r)
		}
	}
	var udrs []route
	if s.rt != nil {
		for _, u := range s.rt.Routes {
			r := newRoute(u.Prefix, srcUser, u.NextHop)
			r.nextIP, r.name, r.table = u.NextHopIP, u.Name, s.rt.Name
			udrs = append(udrs, r)
		}
	}
	for _, pe := range n.pes {
		if !pe.res.Approved || (pe.subnet.vn != s.vn && !peered(s.vn, pe.subnet.vn)) {
			continue
		}
		if invalidatedBy(pe, udrs) {
			continue
		}
		r := newRoute(netip.PrefixFrom(pe.addr, 32), srcDefault, nextHopInterfaceEndpoint)
		r.pe = pe
		out = append(out, r)
	}
	return append(out, udrs...)
}

func peered(a, b *vnet) bool {
	for _, l := range a.connectedPeers() {
		if l.to == b {
			return true
		}
	}
	return false
}

// invalidatedBy reports whether a user-defined route overrides a private
// endpoint's /32 route. That happens only when network policies for route
// tables are on in the endpoint's subnet, and only for a route whose prefix
// is as short as the endpoint network's address space or shorter; a
// default route (0.0.0.0/0) never does.
// https://learn.microsoft.com/en-us/azure/private-link/disable-private-endpoint-network-policy
func invalidatedBy(pe *privateEndpoint, udrs []route) bool {
	if !pe.subnet.pePolicies {
		return false
	}
	v := addrValue(pe.addr)
	for _, u := range udrs {
		if u.prefix.Bits() > 0 && u.prefix.Bits() <= pe.subnet.vn.bits && u.addrs.Contains(v) {
			return true
		}
	}
	return false
}

// lookup returns the route a subnet uses for a destination. Names and
// service tags (atoms) are public addresses reach cannot number, so only
// 0.0.0.0/0 routes match them.
func (s *Subnet) lookup(dst uint64) *route {
	var best *route
	for i := range s.routes {
		r := &s.routes[i]
		if dst >= atomBase {
			if r.prefix.Bits() != 0 {
				continue
			}
		} else if !r.addrs.Contains(dst) {
			continue
		}
		if best == nil || r.prefix.Bits() > best.prefix.Bits() || (r.prefix.Bits() == best.prefix.Bits() && r.source > best.source) {
			best = r
		}
	}
	return best
}
