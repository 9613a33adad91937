package reach

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// placeSubnets maps the places intents name to subnets.
var placeSubnets = map[string][]string{
	"workstations": {compile.SubnetWorkstations},
	"training":     {compile.SubnetTraining},
	"scoring":      {compile.SubnetScoring},
	"endpoints":    {compile.SubnetEndpoints},
	"integration":  {compile.SubnetIntegration},
	"bastion":      {compile.SubnetBastion},
}

// serviceSubnets are the subnets a service's compute sends from.
var serviceSubnets = map[string][]string{
	"machineLearning": {compile.SubnetTraining},
	"kubernetes":      {compile.SubnetScoring},
	"appService":      {compile.SubnetAppService},
	"databricks":      {compile.SubnetDBXHost, compile.SubnetDBXContainer},
	"dataFactory":     {compile.SubnetIntegration},
}

// serviceKinds are the resource kinds whose private endpoints a service
// is reached through.
var serviceKinds = map[string][]model.Type{
	"machineLearning": {model.TypeMLWorkspace},
	"appService":      {model.TypeWebApp},
	"databricks":      {model.TypeDatabricksWorkspace},
	"dataFactory":     {model.TypeDataFactory},
	"synapse":         {model.TypeSynapseWorkspace},
	"streamAnalytics": {model.TypeEventHubNamespace},
	"kubernetes":      nil, // the private API server and scoring endpoints live in the scoring subnet
}

// subnetEndpoint is a subnet as one end of a flow: all its addresses,
// routed for its first usable one.
func subnetEndpoint(s *Subnet) Endpoint {
	return Endpoint{Label: s.Name, Kind: InSubnet, Subnet: s, Addrs: s.addrs, Point: s.addrs[0].Lo + 4}
}

func peEndpoint(pe *privateEndpoint) Endpoint {
	v := addrValue(pe.addr)
	return Endpoint{Label: pe.res.Name, Kind: PrivateEndpoint, Subnet: pe.subnet, Addrs: Point(v), Point: v, pe: pe}
}

func paasEndpoint(p *paasService) Endpoint {
	return Endpoint{Label: p.name + " (public endpoint)", Kind: PublicService, Addrs: Point(p.atom), Point: p.atom, paas: p}
}

// HostEndpoint is an internet host name.
func (n *Network) HostEndpoint(host string) Endpoint {
	v := n.U.Host(host)
	return Endpoint{Label: strings.ToLower(host), Kind: Internet, Addrs: Point(v), Point: v}
}

// internetEndpoint is any address on the internet.
func (n *Network) internetEndpoint() Endpoint {
	v := n.U.Host("(any internet host)")
	return Endpoint{Label: "internet", Kind: Internet, Addrs: n.U.Internet(), Point: v}
}

// onPremEndpoint is the on-premises network.
func (n *Network) onPremEndpoint() (Endpoint, bool) {
	if n.onPrem.IsEmpty() {
		return Endpoint{}, false
	}
	return Endpoint{Label: "onprem", Kind: OnPremises, Addrs: n.onPrem, Point: n.onPrem[0].Lo + 10}, true
}

// AddressEndpoint places an address or prefix: in a subnet, on premises or
// on the internet.
func (n *Network) AddressEndpoint(p netip.Prefix, label string) Endpoint {
	addrs := prefixSet(p)
	if addrs.IsEmpty() {
		return Endpoint{Label: label, Kind: Internet}
	}
	v := addrs[0].Lo
	if p.Bits() < 31 {
		v += min(10, addrs[0].Hi-addrs[0].Lo)
	}
	for _, pe := range n.pes {
		if addrValue(pe.addr) == v && p.Bits() == 32 {
			return peEndpoint(pe)
		}
	}
	ep := Endpoint{Label: label, Addrs: addrs, Point: v}
	switch s := n.subnetAt(v); {
	case s != nil:
		ep.Kind, ep.Subnet = InSubnet, s
	case n.onPrem.Contains(v) || isPrivateValue(v):
		ep.Kind = OnPremises
	default:
		ep.Kind = Internet
	}
	return ep
}

// Resolve turns a parsed intent endpoint into flow endpoints. asSource
// says which end it is: a service sends from its subnets and is reached at
// its private endpoints.
func (n *Network) Resolve(doc *spec.Document, ep spec.Endpoint, asSource bool) ([]Endpoint, error) {
	subnets := func(names []string) ([]Endpoint, error) {
		var out []Endpoint
		for _, name := range names {
			if s := n.SubnetNamed(name); s != nil {
				out = append(out, subnetEndpoint(s))
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s has no subnet in this environment", ep.Name)
		}
		return out, nil
	}
	switch ep.Kind {
	case spec.EndpointPlace:
		switch ep.Name {
		case "internet":
			return []Endpoint{n.internetEndpoint()}, nil
		case "onprem":
			if e, ok := n.onPremEndpoint(); ok {
				return []Endpoint{e}, nil
			}
			return nil, fmt.Errorf("onprem: no gateway connection leads on premises")
		}
		return subnets(placeSubnets[ep.Name])
	case spec.EndpointMember:
		if s := n.members[ep.Name]; s != nil {
			e := subnetEndpoint(s)
			e.Label = ep.Name + " (" + s.Name + ")"
			return []Endpoint{e}, nil
		}
		return nil, fmt.Errorf("member %s has no workstation VM", ep.Name)
	case spec.EndpointRole:
		return subnets(compile.ReaderSubnets(spec.GroupForRole(spec.Role(ep.Name))))
	case spec.EndpointGroup:
		return subnets(compile.ReaderSubnets(ep.Name))
	case spec.EndpointService:
		if asSource {
			return subnets(serviceSubnets[ep.Name])
		}
		if ep.Name == "kubernetes" {
			return subnets([]string{compile.SubnetScoring})
		}
		var out []Endpoint
		for _, p := range n.paas {
			for _, k := range serviceKinds[ep.Name] {
				if p.kind == k {
					for _, pe := range p.pes {
						out = append(out, peEndpoint(pe))
					}
				}
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("service %s has no private endpoint", ep.Name)
		}
		return out, nil
	case spec.EndpointDataSource:
		for _, ds := range doc.DataSources {
			if ds.Name == ep.Name {
				e := n.AddressEndpoint(netip.PrefixFrom(ds.Host, 32), ds.Name+" ("+ds.Host.String()+")")
				return []Endpoint{e}, nil
			}
		}
	case spec.EndpointHost:
		return []Endpoint{n.HostEndpoint(ep.Name)}, nil
	case spec.EndpointAddress, spec.EndpointPrefix:
		return []Endpoint{n.AddressEndpoint(ep.Prefix, ep.Prefix.String())}, nil
	}
	return nil, fmt.Errorf("cannot place %s %q", ep.Kind, ep.Name)
}

// dataSourcePort returns the port of a data source endpoint.
func dataSourcePort(doc *spec.Document, ep spec.Endpoint) uint16 {
	if ep.Kind != spec.EndpointDataSource {
		return 0
	}
	for _, ds := range doc.DataSources {
		if ds.Name == ep.Name {
			return ds.Port
		}
	}
	return 0
}

func prefixOf(a netip.Addr) netip.Prefix { return netip.PrefixFrom(a, a.BitLen()) }
