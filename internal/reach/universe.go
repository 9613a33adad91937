package reach

import (
	"net/netip"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Addresses are points of one dimension: IPv4 addresses are their 32-bit
// value; everything Azure names but does not number in the model (a service
// tag's addresses, an internet host name, a PaaS service's public endpoint)
// is an atom above 2^32. Atoms are public: the Internet tag holds them all.
const atomBase = uint64(1) << 32

// Protocols are numbered in their dimension.
const (
	protoTCP uint64 = iota
	protoUDP
	protoICMP
)

var (
	allAddrs  = Of(0, ^uint64(0))
	allProtos = Of(protoTCP, protoICMP)
	allPorts  = Of(0, 65535)
	atomSpace = Of(atomBase, ^uint64(0))
)

// protoSet returns the protocols a rule's protocol matches.
func protoSet(p model.Protocol) Set {
	switch strings.ToUpper(string(p)) {
	case "TCP":
		return Point(protoTCP)
	case "UDP":
		return Point(protoUDP)
	case "ICMP":
		return Point(protoICMP)
	}
	return allProtos
}

func protoName(s Set) string {
	switch {
	case s.Equal(allProtos):
		return "any"
	case s.Equal(Point(protoTCP)):
		return "tcp"
	case s.Equal(Point(protoUDP)):
		return "udp"
	case s.Equal(Point(protoICMP)):
		return "icmp"
	case s.Equal(Of(protoTCP, protoUDP)):
		return "tcp,udp"
	}
	return "?"
}

func addrValue(a netip.Addr) uint64 {
	b := a.As4()
	return uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
}

func valueAddr(v uint64) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// prefixSet returns the addresses of an IPv4 prefix; IPv6 prefixes are
// outside what reach models and hold nothing.
func prefixSet(p netip.Prefix) Set {
	if !p.Addr().Is4() {
		return nil
	}
	p = p.Masked()
	lo := addrValue(p.Addr())
	return Of(lo, lo+(uint64(1)<<(32-p.Bits()))-1)
}

func prefixesSet(ps []netip.Prefix) Set {
	var s Set
	for _, p := range ps {
		s = s.Union(prefixSet(p))
	}
	return s
}

// The address ranges that are not on the public internet: RFC 1918, shared
// address space (RFC 6598), loopback, link-local, "this network" and
// multicast and reserved space.
var nonPublic = prefixesSet([]netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"), netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("169.254.0.0/16"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("224.0.0.0/3"),
})

// azureHostIP is the virtual public address of the Azure host, the source of
// Azure Load Balancer health probes: the AzureLoadBalancer tag.
// https://learn.microsoft.com/en-us/azure/virtual-network/what-is-ip-address-168-63-129-16
var azureHostIP = netip.MustParseAddr("168.63.129.16")

// isPrivateValue reports whether an address is in the IANA private ranges
// Azure Firewall does not SNAT by default (RFC 1918 and RFC 6598).
func isPrivateValue(v uint64) bool {
	return v < atomBase && rfc1918.Contains(v)
}

var rfc1918 = prefixesSet([]netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10"),
})

// atomKind says what an atom stands for.
type atomKind int

const (
	atomTag  atomKind = iota // a service tag's addresses (symbolic)
	atomHost                 // an internet host name
	atomPaaS                 // a PaaS service's public endpoint
)

type atom struct {
	kind atomKind
	name string // tag, host name or resource name
	// tag is the service tag whose addresses include the atom: the tag
	// itself, or the service of a PaaS endpoint ("Storage.australiaeast").
	tag model.ServiceTag
}

// Universe numbers atoms and knows what service tags hold. Service tags are
// symbolic unless expanded from Azure's published ServiceTags_Public file.
type Universe struct {
	atoms    []atom
	byKey    map[string]uint64
	expanded map[string][]netip.Prefix // lower-case tag name -> prefixes
	tagCache map[string]Set
	internet Set
	// gen counts atoms; caches built from atoms are stale when it moves.
	gen int
}

// NewUniverse returns a universe; expanded, when not nil, maps service tag
// names to their published prefixes.
func NewUniverse(expanded map[string][]netip.Prefix) *Universe {
	u := &Universe{byKey: map[string]uint64{}, expanded: map[string][]netip.Prefix{}, tagCache: map[string]Set{}}
	for k, v := range expanded {
		u.expanded[strings.ToLower(k)] = v
	}
	u.internet = Of(0, atomBase-1).Minus(nonPublic).Minus(Point(addrValue(azureHostIP))).Union(atomSpace)
	return u
}

func (u *Universe) intern(kind atomKind, name string, tag model.ServiceTag) uint64 {
	key := string(rune('0'+kind)) + strings.ToLower(name)
	if v, ok := u.byKey[key]; ok {
		return v
	}
	v := atomBase + uint64(len(u.atoms))
	u.atoms = append(u.atoms, atom{kind, name, tag})
	u.byKey[key] = v
	u.gen++
	clear(u.tagCache)
	return v
}

// Host returns the atom of an internet host name.
func (u *Universe) Host(name string) uint64 { return u.intern(atomHost, strings.ToLower(name), "") }

// paas returns the atom of a PaaS resource's public endpoint.
func (u *Universe) paas(name string, tag model.ServiceTag) uint64 {
	return u.intern(atomPaaS, name, tag)
}

// Internet is the Internet service tag: every public address, including
// Azure's public address space, and no private address. It is not the
// complement of VirtualNetwork.
// https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview
func (u *Universe) Internet() Set { return u.internet }

// Tag returns the addresses of a service tag other than VirtualNetwork
// (which depends on where it is evaluated; see Network.virtualNetworkTag).
// A regional tag ("Storage.australiaeast") holds the atoms of that region;
// a global one ("Storage") holds every region's; AzureCloud holds every
// Azure service's.
func (u *Universe) Tag(t model.ServiceTag) Set {
	key := strings.ToLower(string(t))
	if s, ok := u.tagCache[key]; ok {
		return s
	}
	var s Set
	switch {
	case t == model.TagAny:
		s = allAddrs
	case strings.EqualFold(string(t), string(model.TagInternet)):
		s = u.internet
	case strings.EqualFold(string(t), string(model.TagAzureLoadBalancer)):
		s = Point(addrValue(azureHostIP))
	default:
		s = Point(u.intern(atomTag, string(t), t))
		for i, a := range u.atoms {
			if a.kind != atomHost && tagCovers(t, a.tag) {
				s = s.Union(Point(atomBase + uint64(i)))
			}
		}
		if ps, ok := u.expanded[key]; ok {
			s = s.Union(prefixesSet(ps))
		}
	}
	u.tagCache[key] = s
	return s
}

// tagCovers reports whether tag t includes the addresses of tag x:
// AzureCloud covers every service; "Storage" covers "Storage.<region>".
func tagCovers(t, x model.ServiceTag) bool {
	if x == "" {
		return false
	}
	if strings.EqualFold(string(t), string(x)) || strings.EqualFold(t.Service(), string(model.TagAzureCloud)) && t.Region() == "" {
		return true
	}
	return strings.EqualFold(string(t), x.Service()) && x.Region() != ""
}

// Name spells a point of the address dimension.
func (u *Universe) Name(v uint64) string {
	if v < atomBase {
		return valueAddr(v).String()
	}
	a := u.atoms[v-atomBase]
	switch a.kind {
	case atomTag:
		return "service tag " + a.name
	case atomPaaS:
		return a.name + " (public endpoint)"
	}
	return a.name
}
