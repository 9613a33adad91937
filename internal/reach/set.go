// Package reach verifies Azure's data plane over a model.Graph before
// anything is deployed: network security groups, routes, peerings, Azure
// Firewall policies, VPN and ExpressRoute gateways, private endpoints and
// the public network access settings of PaaS services. It answers "can A
// reach B on port P, and what decided it?" for single flows and for sets of
// packets, and proves the intents a spec states.
//
// Every verdict carries its path, hop by hop, with the rule, route, peering
// or setting that decided each hop, like Network Watcher's IP flow verify
// and next hop, but computed from the model.
package reach

import (
	"fmt"
	"strings"
)

// Span is an inclusive range of values in one dimension of a packet set:
// addresses, protocols or ports.
type Span struct{ Lo, Hi uint64 }

// Set is a union of disjoint, sorted, non-adjacent spans. The zero Set is
// empty. Sets are values: operations return new sets.
type Set []Span

// Of returns the set holding lo..hi.
func Of(lo, hi uint64) Set { return Set{{lo, hi}} }

// Point returns the set holding v alone.
func Point(v uint64) Set { return Set{{v, v}} }

// IsEmpty reports whether s holds nothing.
func (s Set) IsEmpty() bool { return len(s) == 0 }

// Contains reports whether v is in s.
func (s Set) Contains(v uint64) bool {
	lo, hi := 0, len(s)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case v < s[m].Lo:
			hi = m
		case v > s[m].Hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Union returns s ∪ t.
func (s Set) Union(t Set) Set {
	if len(s) == 0 {
		return t
	}
	if len(t) == 0 {
		return s
	}
	out := make(Set, 0, len(s)+len(t))
	i, j := 0, 0
	add := func(sp Span) {
		if n := len(out); n > 0 && (out[n-1].Hi == ^uint64(0) || sp.Lo <= out[n-1].Hi+1) {
			if sp.Hi > out[n-1].Hi {
				out[n-1].Hi = sp.Hi
			}
			return
		}
		out = append(out, sp)
	}
	for i < len(s) || j < len(t) {
		if j == len(t) || (i < len(s) && s[i].Lo <= t[j].Lo) {
			add(s[i])
			i++
		} else {
			add(t[j])
			j++
		}
	}
	return out
}

// Intersect returns s ∩ t.
func (s Set) Intersect(t Set) Set {
	var out Set
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].Lo, t[j].Lo), min(s[i].Hi, t[j].Hi)
		if lo <= hi {
			out = append(out, Span{lo, hi})
		}
		if s[i].Hi < t[j].Hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// Overlaps reports whether s and t share a value.
func (s Set) Overlaps(t Set) bool {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		if max(s[i].Lo, t[j].Lo) <= min(s[i].Hi, t[j].Hi) {
			return true
		}
		if s[i].Hi < t[j].Hi {
			i++
		} else {
			j++
		}
	}
	return false
}

// Minus returns s \ t.
func (s Set) Minus(t Set) Set {
	var out Set
	j := 0
	for _, sp := range s {
		lo := sp.Lo
		for j < len(t) && t[j].Hi < lo {
			j++
		}
		k := j
		done := false
		for k < len(t) && t[k].Lo <= sp.Hi {
			if t[k].Lo > lo {
				out = append(out, Span{lo, t[k].Lo - 1})
			}
			if t[k].Hi >= sp.Hi {
				done = true
				break
			}
			lo = t[k].Hi + 1
			k++
		}
		if !done {
			out = append(out, Span{lo, sp.Hi})
		}
	}
	return out
}

// Equal reports whether s and t hold the same values.
func (s Set) Equal(t Set) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// portString spells a set of ports: "443", "80,443", "1024-65535", "*".
func portString(s Set) string {
	if s.Equal(allPorts) {
		return "*"
	}
	var parts []string
	for _, sp := range s {
		if sp.Lo == sp.Hi {
			parts = append(parts, fmt.Sprint(sp.Lo))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", sp.Lo, sp.Hi))
		}
	}
	return strings.Join(parts, ",")
}

// Cube is a product set of packets: every combination of a source, a
// destination, a protocol and a destination port in its four sets.
type Cube struct {
	Src, Dst, Proto, Port Set
}

// IsEmpty reports whether c holds no packet.
func (c Cube) IsEmpty() bool {
	return c.Src.IsEmpty() || c.Dst.IsEmpty() || c.Proto.IsEmpty() || c.Port.IsEmpty()
}

// Intersect returns c ∩ d.
func (c Cube) Intersect(d Cube) Cube {
	return Cube{c.Src.Intersect(d.Src), c.Dst.Intersect(d.Dst), c.Proto.Intersect(d.Proto), c.Port.Intersect(d.Port)}
}

// overlaps reports whether c and d share a packet, without allocating.
func (c Cube) overlaps(d Cube) bool {
	return c.Src.Overlaps(d.Src) && c.Dst.Overlaps(d.Dst) && c.Proto.Overlaps(d.Proto) && c.Port.Overlaps(d.Port)
}

// Minus returns c \ d as disjoint cubes: the part outside d's source, then
// inside it but outside its destination, and so on.
func (c Cube) Minus(d Cube) []Cube {
	if !c.overlaps(d) {
		return []Cube{c}
	}
	in := c.Intersect(d)
	var out []Cube
	add := func(x Cube) {
		if !x.IsEmpty() {
			out = append(out, x)
		}
	}
	add(Cube{c.Src.Minus(d.Src), c.Dst, c.Proto, c.Port})
	add(Cube{in.Src, c.Dst.Minus(d.Dst), c.Proto, c.Port})
	add(Cube{in.Src, in.Dst, c.Proto.Minus(d.Proto), c.Port})
	add(Cube{in.Src, in.Dst, in.Proto, c.Port.Minus(d.Port)})
	return out
}

// Packets is a union of disjoint cubes.
type Packets []Cube

// IsEmpty reports whether p holds no packet.
func (p Packets) IsEmpty() bool {
	for _, c := range p {
		if !c.IsEmpty() {
			return false
		}
	}
	return true
}

// Minus returns p \ c.
func (p Packets) Minus(c Cube) Packets {
	if !p.overlaps(c) {
		return p
	}
	var out Packets
	for _, x := range p {
		if !x.overlaps(c) {
			out = append(out, x)
			continue
		}
		out = append(out, x.Minus(c)...)
	}
	return out
}

func (p Packets) overlaps(c Cube) bool {
	for _, x := range p {
		if x.overlaps(c) {
			return true
		}
	}
	return false
}

// Intersect returns p ∩ c.
func (p Packets) Intersect(c Cube) Packets {
	var out Packets
	for _, x := range p {
		if !x.overlaps(c) {
			continue
		}
		if y := x.Intersect(c); !y.IsEmpty() {
			out = append(out, y)
		}
	}
	return out
}

// hull returns the smallest spans holding the sources and destinations of p.
func (p Packets) hull() (src, dst Span) {
	src, dst = Span{^uint64(0), 0}, Span{^uint64(0), 0}
	for _, c := range p {
		if len(c.Src) > 0 {
			src.Lo, src.Hi = min(src.Lo, c.Src[0].Lo), max(src.Hi, c.Src[len(c.Src)-1].Hi)
		}
		if len(c.Dst) > 0 {
			dst.Lo, dst.Hi = min(dst.Lo, c.Dst[0].Lo), max(dst.Hi, c.Dst[len(c.Dst)-1].Hi)
		}
	}
	return src, dst
}

// touches reports whether s has a value in sp.
func (s Set) touches(sp Span) bool {
	for _, x := range s {
		if x.Lo > sp.Hi {
			return false
		}
		if x.Hi >= sp.Lo {
			return true
		}
	}
	return false
}
