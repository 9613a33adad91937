package reach

import (
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Verdict is reach's answer for a flow.
type Verdict string

const (
	// Allow: every packet of the flow arrives.
	Allow Verdict = "allow"
	// Deny: no packet of the flow arrives.
	Deny Verdict = "deny"
	// Partial: some protocols or ports arrive, others do not.
	Partial Verdict = "partial"
	// Exposed: nothing on the internet leads to the target today (no
	// public IP, DNAT rule or load balancer), but its NSG would let the
	// traffic in the moment one did. A deny intent does not hold.
	Exposed Verdict = "exposed"
)

// Hop is one step of a path and what decided it.
type Hop struct {
	At        string `json:"at"`
	Step      string `json:"step"`
	Result    string `json:"result"`
	DecidedBy string `json:"decidedBy,omitempty"`
}

func (h Hop) String() string {
	s := h.At + ": " + h.Step + " -> " + h.Result
	if h.DecidedBy != "" {
		s += " [" + h.DecidedBy + "]"
	}
	return s
}

// Trace is the answer for one flow: the verdict, the path hop by hop and
// the rules, routes and settings that decided it.
type Trace struct {
	Verdict   Verdict
	Path      []Hop
	DecidedBy []string
	// Allowed is the part of the flow's packets that arrives.
	Allowed Packets
}

// EndpointKind says what a flow endpoint is.
type EndpointKind int

const (
	InSubnet        EndpointKind = iota // addresses of a subnet
	OnPremises                          // addresses behind a gateway
	Internet                            // a public address or host name
	PrivateEndpoint                     // a private endpoint's address
	PublicService                       // a PaaS service's public endpoint
)

// Endpoint is one end of a flow.
type Endpoint struct {
	Label  string
	Kind   EndpointKind
	Subnet *Subnet
	// Addrs are the endpoint's addresses; Point is the one routes are
	// looked up for.
	Addrs Set
	Point uint64
	pe    *privateEndpoint
	paas  *paasService
}

// Flow is a set of packets from one endpoint to another.
type Flow struct {
	From, To Endpoint
	Proto    Set
	Ports    Set
}

// state is what the tracer knows about the packet as it moves.
type state struct {
	src       uint64 // the source address after SNAT
	origSrc   uint64
	dst       uint64
	viaFW     bool // passed the firewall
	snat      bool // the firewall replaced the source address
	forwarded bool // an appliance forwarded it (it did not start in this network)
	fromGW    bool // it entered from on-premises through a gateway
}

type tracer struct {
	n    *Network
	f    Flow
	path []Hop
	by   []string
}

func (t *tracer) hop(at, step, result, by string) {
	t.path = append(t.path, Hop{at, step, result, by})
}

// deny ends the trace with a deny decided by why.
func (t *tracer) deny(at, step string, why ...string) Trace {
	t.hop(at, step, "deny", strings.Join(why, "; "))
	return Trace{Verdict: Deny, Path: t.path, DecidedBy: why}
}

// Trace follows a flow through the network.
func (n *Network) Trace(f Flow) Trace {
	t := &tracer{n: n, f: f}
	pk := Packets{{f.From.Addrs, f.To.Addrs, f.Proto, f.Ports}}
	st := state{src: f.From.Point, origSrc: f.From.Point, dst: f.To.Point}
	if f.To.pe != nil {
		if tr := t.resolve(f.To.pe); tr != nil {
			return *tr
		}
	}
	var tr Trace
	switch f.From.Kind {
	case InSubnet:
		tr = t.fromSubnet(f.From.Subnet, pk, st)
	case OnPremises:
		tr = t.fromOnPrem(pk, st)
	case Internet:
		tr = t.fromInternet(pk)
	default:
		tr = t.deny(f.From.Label, "source", "a "+kindName(f.From.Kind)+" does not open connections")
	}
	if tr.Verdict == Allow {
		tr.Verdict = coverage(tr.Allowed, f)
	}
	return tr
}

func kindName(k EndpointKind) string {
	return [...]string{"subnet", "on-premises network", "internet host", "private endpoint", "public service endpoint"}[k]
}

// coverage says whether the allowed packets are the whole flow.
func coverage(allowed Packets, f Flow) Verdict {
	if allowed.IsEmpty() {
		return Deny
	}
	rest := Packets{{allAddrs, allAddrs, f.Proto, f.Ports}}
	for _, c := range allowed {
		rest = rest.Minus(Cube{allAddrs, allAddrs, c.Proto, c.Port})
	}
	if rest.IsEmpty() {
		return Allow
	}
	return Partial
}

// allowed ends the trace with the packets that arrive.
func (t *tracer) allowed(pk Packets) Trace {
	return Trace{Verdict: Allow, Path: t.path, DecidedBy: t.by, Allowed: pk}
}

func (t *tracer) fromSubnet(s *Subnet, pk Packets, st state) Trace {
	ok, parts := t.n.evalNSG(s, model.Outbound, pk)
	if s.nsg == nil {
		t.hop(s.String(), "outbound NSG", "allow", "no NSG on the subnet")
	} else if r := t.filterHop(s.String(), "outbound NSG", ok, parts); r != nil {
		return *r
	}
	return t.route(s, ok, st)
}

// filterHop records a filtering step; it returns the final trace when
// nothing passed.
func (t *tracer) filterHop(at, step string, ok Packets, parts []decided) *Trace {
	var allow, deny []string
	for _, p := range parts {
		if p.access == model.Allow {
			allow = appendNew(allow, p.by)
		} else {
			deny = appendNew(deny, p.by)
		}
	}
	if ok.IsEmpty() {
		tr := t.deny(at, step, deny...)
		return &tr
	}
	t.hop(at, step, "allow "+describePorts(ok), strings.Join(allow, "; "))
	t.by = append(t.by, allow...)
	return nil
}

func appendNew(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// describePorts spells the protocols and ports of a packet set:
// "tcp/443", "tcp/80,443; udp/123", "any".
func describePorts(pk Packets) string {
	var byProto [3]Set
	for _, c := range pk {
		for p := protoTCP; p <= protoICMP; p++ {
			if c.Proto.Contains(p) {
				byProto[p] = byProto[p].Union(c.Port)
			}
		}
	}
	if byProto[0].Equal(allPorts) && byProto[1].Equal(allPorts) && byProto[2].Equal(allPorts) {
		return "any"
	}
	var parts []string
	for p, ports := range byProto {
		if !ports.IsEmpty() {
			parts = append(parts, protoName(Point(uint64(p)))+"/"+portString(ports))
		}
	}
	return strings.Join(parts, "; ")
}

// maxHops bounds a path; a longer one is a routing loop.
const maxHops = 8

// route forwards packets from a subnet by its effective routes.
func (t *tracer) route(s *Subnet, pk Packets, st state) Trace {
	n := t.n
	for range maxHops {
		r := s.lookup(st.dst)
		if r == nil {
			return t.deny(s.String(), "route", "no route matches "+n.U.Name(st.dst))
		}
		switch r.nextHop {
		case model.NextHopNone:
			return t.deny(s.String(), "route", r.String())
		case model.NextHopVnetLocal:
			t.hop(s.String(), "route", "VnetLocal", r.String())
			return t.deliver(s.vn, pk, st)
		case nextHopPeering:
			t.hop(s.String(), "route", "VNetPeering to "+r.peer.to.res.Name, r.String())
			if tr := t.crossPeering(r.peer, st); tr != nil {
				return *tr
			}
			return t.deliver(r.peer.to, pk, st)
		case nextHopInterfaceEndpoint:
			t.hop(s.String(), "route", "InterfaceEndpoint "+r.pe.res.Name, r.String())
			if r.pe.subnet.vn != s.vn {
				for _, l := range s.vn.connectedPeers() {
					if l.to == r.pe.subnet.vn {
						if tr := t.crossPeering(l, st); tr != nil {
							return *tr
						}
					}
				}
			}
			return t.deliver(r.pe.subnet.vn, pk, st)
		case model.NextHopVirtualAppliance:
			fw := n.firewall
			if fw == nil || fw.ip != addrValue(r.nextIP) {
				return t.deny(s.String(), "route", r.String(), "next hop "+r.nextIP.String()+" is no appliance in the model; reach cannot follow it")
			}
			if s == fw.subnet {
				return t.deny(s.String(), "route", r.String(), "the firewall's own subnet routes back to it: a loop")
			}
			t.hop(s.String(), "route", "VirtualAppliance "+r.nextIP.String()+" ("+fw.res.Name+")", r.String())
			if fw.subnet.vn != s.vn {
				l := linkTo(s.vn, fw.subnet.vn)
				if l == nil {
					return t.deny(s.String(), "route", "next hop "+r.nextIP.String()+" is in "+fw.subnet.vn.res.Name+", which "+s.vn.res.Name+" is not peered with")
				}
				if tr := t.crossPeering(l, st); tr != nil {
					return *tr
				}
			}
			var tr *Trace
			pk, st, tr = t.throughFirewall(pk, st)
			if tr != nil {
				return *tr
			}
			s = fw.subnet
		case model.NextHopGateway:
			return t.toGateway(s, r, pk, st)
		case model.NextHopInternet:
			return t.toInternet(s, r, pk, st)
		default:
			return t.deny(s.String(), "route", r.String(), "unknown next hop type "+string(r.nextHop))
		}
	}
	return t.deny(s.String(), "route", "more than 8 hops: a routing loop")
}

func linkTo(a, b *vnet) *peerLink {
	for _, l := range a.connectedPeers() {
		if l.to == b {
			return l
		}
	}
	return nil
}

// crossPeering checks that a peering carries the packet: traffic an
// appliance forwarded (it did not start in the sending network) needs
// allowForwardedTraffic on the receiving side's peering.
// https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-manage-peering#create-a-peering
func (t *tracer) crossPeering(l *peerLink, st state) *Trace {
	at := "peering " + l.p.Name
	if st.forwarded && !l.back.AllowForwardedTraffic {
		tr := t.deny(at, "forwarded traffic", "peering "+l.back.Name+" has allowForwardedTraffic off")
		return &tr
	}
	why := "peering " + l.p.Name + " and " + l.back.Name + " connected"
	if st.forwarded {
		why += "; " + l.back.Name + " allows forwarded traffic"
	}
	t.hop(at, "peering", "allow", why)
	t.by = append(t.by, "peering "+l.p.Name)
	return nil
}

// throughFirewall applies the firewall policy and SNAT.
func (t *tracer) throughFirewall(pk Packets, st state) (Packets, state, *Trace) {
	fw := t.n.firewall
	ok, parts := t.n.evalFirewall(pk)
	var ds []decided
	app := false
	for _, p := range parts {
		ds = append(ds, p.decided)
		if p.access == model.Allow && p.app {
			app = true
		}
	}
	if tr := t.filterHop(fw.res.Name, "firewall policy", ok, ds); tr != nil {
		return nil, st, tr
	}
	public := st.dst >= atomBase || !isPrivateValue(st.dst)
	st.viaFW, st.forwarded = true, true
	switch {
	case public:
		st.snat, st.src = true, fw.ip
		t.hop(fw.res.Name, "SNAT", "source becomes the firewall's public IP", "Azure Firewall SNATs traffic to public destinations")
	case app:
		st.snat, st.src = true, fw.ip
		t.hop(fw.res.Name, "SNAT", "source becomes the firewall", "application rules proxy the connection")
	default:
		t.hop(fw.res.Name, "SNAT", "none: source kept", "network rules do not SNAT destinations in IANA private ranges")
	}
	out := make(Packets, len(ok))
	for i, c := range ok {
		c.Src = Point(st.src)
		out[i] = c
	}
	return out, st, nil
}

// toGateway sends packets to on-premises through a VPN or ExpressRoute
// gateway: a VPN connection carries the local network gateway's address
// spaces, an ExpressRoute connection the prefixes learned over BGP.
// https://learn.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-about-vpngateways
// https://learn.microsoft.com/en-us/azure/expressroute/expressroute-routing
func (t *tracer) toGateway(s *Subnet, r *route, pk Packets, st state) Trace {
	n := t.n
	gw := r.gw
	if gw == nil {
		gw, _ = n.gatewayFor(s.vn)
	}
	if gw == nil {
		return t.deny(s.String(), "route", r.String(), "no gateway in "+s.vn.res.Name+" or offered to it through gateway transit")
	}
	t.hop(s.String(), "route", "VirtualNetworkGateway "+gw.res.Name, r.String())
	if len(gw.conns) == 0 {
		return t.deny(gw.res.Name, "gateway", "the gateway has no connection")
	}
	if !gw.onPrem.Contains(st.dst) {
		return t.deny(gw.res.Name, "gateway", "no connection of "+gw.res.Name+" leads to "+n.U.Name(st.dst))
	}
	// The gateway carries traffic of its own network and of networks that
	// use it through gateway transit; others are unknown to on-premises.
	if src := n.subnetAt(st.src); src != nil {
		if why := n.transitBlocker(src.vn, gw); why != "" {
			return t.deny(gw.res.Name, "gateway transit", why)
		}
	}
	if st.viaFW && !st.snat {
		if tr := t.symmetric(gw.subnetOf(n), st); tr != nil {
			return *tr
		}
	}
	conn := gw.conns[0]
	t.hop(gw.res.Name, "gateway", "on-premises via connection "+conn.Name, fmt.Sprintf("%s: %s, %s", conn.Name, conn.ConnectionType, prefixList(gw)))
	t.by = append(t.by, "gateway "+gw.res.Name+" connection "+conn.Name)
	return t.allowed(pk)
}

func prefixList(gw *gateway) string {
	var ps []string
	for _, p := range gw.prefixes {
		ps = append(ps, p.String())
	}
	return "on-premises " + strings.Join(ps, ", ")
}

// subnetOf returns the gateway's subnet.
func (gw *gateway) subnetOf(n *Network) *Subnet {
	for _, s := range gw.vn.subnets {
		if s.Name == gw.res.Subnet.Leaf() {
			return s
		}
	}
	return nil
}

// symmetric checks that return traffic of a flow the firewall passed
// without SNAT comes back through the firewall: Azure Firewall is stateful
// and drops return traffic of connections it did not see.
// https://learn.microsoft.com/en-us/azure/firewall/firewall-faq#are-there-any-firewall-resource-group-restrictions
func (t *tracer) symmetric(back *Subnet, st state) *Trace {
	if back == nil {
		return nil
	}
	r := back.lookup(st.origSrc)
	fw := t.n.firewall
	if r != nil && r.nextHop == model.NextHopVirtualAppliance && addrValue(r.nextIP) == fw.ip {
		t.hop(back.String(), "return route", "through "+fw.res.Name, r.String())
		return nil
	}
	why := "no route"
	if r != nil {
		why = r.String()
	}
	tr := t.deny(back.String(), "return route", "asymmetric: return traffic bypasses "+fw.res.Name+", which drops it", why)
	return &tr
}

// toInternet sends packets out through the Internet next hop.
func (t *tracer) toInternet(s *Subnet, r *route, pk Packets, st state) Trace {
	n := t.n
	fw := n.firewall
	if st.dst < atomBase && !n.U.Internet().Contains(st.dst) {
		return t.deny(s.String(), "route", r.String(), n.U.Name(st.dst)+" is a private address the internet does not route")
	}
	switch {
	case fw != nil && s == fw.subnet:
		t.hop(s.String(), "route", "Internet", r.String()+" via the firewall's public IP")
	case s.outbound:
		t.hop(s.String(), "route", "Internet", r.String()+" with default outbound access")
	default:
		return t.deny(s.String(), "route", r.String(), s.Name+" has default outbound access off and no NAT gateway or public IP")
	}
	if p := t.f.To.paas; p != nil {
		return t.publicEndpoint(p, pk)
	}
	t.by = append(t.by, r.String())
	return t.allowed(pk)
}

// publicEndpoint decides traffic arriving at a PaaS service's public
// endpoint by its public network access setting and service firewall.
// https://learn.microsoft.com/en-us/azure/private-link/private-link-overview
func (t *tracer) publicEndpoint(p *paasService, pk Packets) Trace {
	setting := fmt.Sprintf("%s: publicNetworkAccess %s", p.name, orDefault(string(p.public), "unset (Enabled)"))
	if p.public == model.PublicDisabled {
		return t.deny(p.name, "public network access", setting)
	}
	if p.acl != nil && p.acl.DefaultAction == model.Deny {
		return t.deny(p.name, "service firewall", setting, p.name+": network ACL default action Deny and no IP rule")
	}
	t.hop(p.name, "public network access", "allow", setting)
	t.by = append(t.by, setting)
	return t.allowed(pk)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// deliver hands packets to the subnet of a network holding the destination.
func (t *tracer) deliver(vn *vnet, pk Packets, st state) Trace {
	n := t.n
	var ds *Subnet
	for _, s := range vn.subnets {
		if s.addrs.Contains(st.dst) {
			ds = s
		}
	}
	if ds == nil {
		return t.deny(vn.res.Name, "deliver", "no subnet of "+vn.res.Name+" holds "+n.U.Name(st.dst))
	}
	pe := t.f.To.pe
	if pe != nil && !pe.res.Approved {
		return t.deny(pe.res.Name, "private endpoint", pe.res.Name+": connection pending approval carries no traffic")
	}
	if pe != nil && !ds.pePolicies {
		why := ds.Name + ": private endpoint network policies disabled, so its NSG does not apply to endpoints"
		t.hop(ds.String(), "inbound NSG", "allow", why)
		t.by = append(t.by, why)
	} else {
		ok, parts := n.evalNSG(ds, model.Inbound, pk)
		if ds.nsg == nil {
			t.hop(ds.String(), "inbound NSG", "allow", "no NSG on the subnet")
		} else if tr := t.filterHop(ds.String(), "inbound NSG", ok, parts); tr != nil {
			return *tr
		} else {
			pk = ok
		}
	}
	if st.viaFW && !st.snat && t.f.From.Kind != Internet {
		if tr := t.symmetric(ds, st); tr != nil {
			return *tr
		}
	}
	what := ds.String()
	if pe != nil {
		what = pe.res.Name + " (" + pe.target + ", " + pe.res.GroupID + ")"
	}
	t.hop(what, "deliver", "arrives; replies pass as return traffic", "NSGs and Azure Firewall are stateful")
	return t.allowed(pk)
}

// fromOnPrem brings packets in through the gateway whose connection
// announces the source.
func (t *tracer) fromOnPrem(pk Packets, st state) Trace {
	n := t.n
	var gw *gateway
	for _, g := range n.gateways {
		if g.onPrem.Contains(st.src) && len(g.conns) > 0 {
			gw = g
		}
	}
	if gw == nil {
		return t.deny(t.f.From.Label, "gateway", "no gateway connection leads from "+n.U.Name(st.src))
	}
	conn := gw.conns[0]
	t.hop(t.f.From.Label, "gateway", "enters "+gw.res.Name+" via "+conn.Name, fmt.Sprintf("%s: %s, %s", conn.Name, conn.ConnectionType, prefixList(gw)))
	t.by = append(t.by, "gateway "+gw.res.Name+" connection "+conn.Name)
	if dst := n.subnetAt(st.dst); dst != nil {
		if why := n.transitBlocker(dst.vn, gw); why != "" {
			return t.deny(gw.res.Name, "gateway transit", why)
		}
	}
	s := gw.subnetOf(n)
	if s == nil {
		return t.deny(gw.res.Name, "gateway", "the gateway's subnet is not in the model")
	}
	st.fromGW = true
	return t.route(s, pk, st)
}

// fromInternet decides packets from the internet. Nothing private is
// reachable without a public IP, DNAT rule or load balancer frontend in
// front of it; the model has none in front of a private address, so the
// question is what the target's NSG would do if one were added (as IP flow
// verify answers it) for subnets holding NICs a public IP can attach to.
func (t *tracer) fromInternet(pk Packets) Trace {
	n := t.n
	to := t.f.To
	switch to.Kind {
	case PublicService:
		t.hop("internet", "public endpoint", to.paas.name, "the service's public endpoint")
		return t.publicEndpoint(to.paas, pk)
	case Internet:
		t.hop("internet", "route", "allow", "both ends are on the internet")
		return t.allowed(pk)
	case OnPremises:
		return t.deny("internet", "ingress", "on-premises addresses are not published to the internet by anything in the model")
	}
	ds := n.subnetAt(to.Point)
	if ds != nil && ds == n.bastionS {
		return t.toBastion(ds, pk)
	}
	ingress := "no public IP, DNAT rule or load balancer frontend leads to " + to.Label
	if ds == nil || ds.nics == 0 {
		return t.deny("internet", "ingress", ingress)
	}
	t.hop("internet", "ingress", "none today", ingress)
	in := Packets{{n.U.Internet(), to.Addrs, t.f.Proto, t.f.Ports}}
	ok, parts := n.evalNSG(ds, model.Inbound, in)
	if ds.nsg == nil {
		t.hop(ds.String(), "inbound NSG (if exposed)", "allow", "no NSG on the subnet")
		return Trace{Verdict: Exposed, Path: t.path, DecidedBy: []string{"no NSG on " + ds.Name}, Allowed: in}
	}
	if ok.IsEmpty() {
		var deny []string
		for _, p := range parts {
			deny = appendNew(deny, p.by)
		}
		return t.deny(ds.String(), "inbound NSG (if exposed)", append([]string{ingress}, deny...)...)
	}
	var allow []string
	for _, p := range parts {
		if p.access == model.Allow {
			allow = appendNew(allow, p.by)
		}
	}
	t.hop(ds.String(), "inbound NSG (if exposed)", "allow "+describePorts(ok), strings.Join(allow, "; "))
	return Trace{Verdict: Exposed, Path: t.path, DecidedBy: allow, Allowed: ok}
}

// toBastion brings internet packets to Azure Bastion through its public
// IP, which accepts HTTPS only; the subnet's NSG must allow them.
// https://learn.microsoft.com/en-us/azure/bastion/bastion-nsg
func (t *tracer) toBastion(ds *Subnet, pk Packets) Trace {
	n := t.n
	pip := n.bastion.PublicIP.Leaf()
	in := pk.Intersect(Cube{allAddrs, allAddrs, Point(protoTCP), Point(443)})
	if in.IsEmpty() {
		return t.deny("internet", "ingress", "Bastion "+n.bastion.Name+" listens on its public IP "+pip+" on TCP 443 only")
	}
	t.hop("internet", "ingress", "Bastion public IP "+pip+" on tcp/443", "Bastion "+n.bastion.Name+" listens on TCP 443")
	t.by = append(t.by, "Bastion "+n.bastion.Name+" public IP "+pip)
	ok, parts := n.evalNSG(ds, model.Inbound, Packets{{n.U.Internet(), ds.addrs, Point(protoTCP), Point(443)}})
	if ds.nsg != nil {
		if tr := t.filterHop(ds.String(), "inbound NSG", ok, parts); tr != nil {
			return *tr
		}
	}
	t.hop(n.bastion.Name, "deliver", "arrives at Bastion, which opens sessions to VMs on their behalf", "Bastion terminates the session")
	return t.allowed(ok)
}
