package reach

import (
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Intent is a network path that must exist (Expect Allow) or must not
// (Expect Deny), between every pair of its sources and targets.
type Intent struct {
	Name   string
	From   []Endpoint
	To     []Endpoint
	Proto  Set
	Ports  Set
	Expect Verdict
}

// Result is the answer for one source and target of an intent.
type Result struct {
	Name      string   `json:"name"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Protocol  string   `json:"protocol"`
	Port      string   `json:"port"`
	Expect    Verdict  `json:"expect"`
	Verdict   Verdict  `json:"verdict"`
	Holds     bool     `json:"holds"`
	Path      []Hop    `json:"path"`
	DecidedBy []string `json:"decidedBy"`
}

// Check evaluates intents, one result per source and target, in order.
func (n *Network) Check(intents []Intent) []Result {
	var out []Result
	for _, in := range intents {
		for _, from := range in.From {
			for _, to := range in.To {
				tr := n.Trace(Flow{From: from, To: to, Proto: in.Proto, Ports: in.Ports})
				out = append(out, Result{
					Name: in.Name, From: from.Label, To: to.Label,
					Protocol: protoName(in.Proto), Port: portString(in.Ports),
					Expect: in.Expect, Verdict: tr.Verdict, Holds: tr.Verdict == in.Expect,
					Path: tr.Path, DecidedBy: orEmpty(tr.DecidedBy),
				})
			}
		}
	}
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Failed returns the results that do not hold.
func Failed(rs []Result) []Result {
	var out []Result
	for _, r := range rs {
		if !r.Holds {
			out = append(out, r)
		}
	}
	return out
}

// Protocol and ports of an intent: TCP when a port is given, otherwise
// every protocol and port.
func protoPorts(proto string, port uint16) (Set, Set) {
	ports := allPorts
	if port != 0 {
		ports = Point(uint64(port))
	}
	switch strings.ToLower(proto) {
	case "tcp":
		return Point(protoTCP), ports
	case "udp":
		return Point(protoUDP), ports
	case "any":
		return allProtos, ports
	}
	if port != 0 {
		return Point(protoTCP), ports
	}
	return allProtos, ports
}

// SpecIntents resolves the intents: of a spec. Problems are diagnostics at
// the intent's position.
func (n *Network) SpecIntents(doc *spec.Document) ([]Intent, diag.Diagnostics) {
	var out []Intent
	var ds diag.Diagnostics
	for i, it := range doc.Intents {
		pos := doc.Pos(fmt.Sprintf("intents[%d]", i))
		from, ferr := doc.Endpoint(it.From)
		to, terr := doc.Endpoint(it.To)
		if err := firstErr(ferr, terr); err != nil {
			ds.Errorf(pos, "see enclave schema for what intents may name", "intent %s: %v", it.Name, err)
			continue
		}
		froms, ferr := n.Resolve(doc, from, true)
		tos, terr := n.Resolve(doc, to, false)
		if err := firstErr(ferr, terr); err != nil {
			ds.Errorf(pos, "name a place, member, service or address this environment has", "intent %s: %v", it.Name, err)
			continue
		}
		port := to.Port
		if port == 0 {
			port = dataSourcePort(doc, to)
		}
		proto, ports := protoPorts(it.Protocol, port)
		name := it.Name
		if name == "" {
			name = it.From + " -> " + it.To
		}
		expect := Allow
		if it.Expect == spec.ExpectDeny {
			expect = Deny
		}
		out = append(out, Intent{Name: name, From: froms, To: tos, Proto: proto, Ports: ports, Expect: expect})
	}
	return out, ds
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// BuiltinIntents are the paths DESIGN.md says every environment must
// prove ("Intents reach must prove"), for what this environment has.
func (n *Network) BuiltinIntents(doc *spec.Document) []Intent {
	var out []Intent
	tcp := Point(protoTCP)
	sub := func(names ...string) []Endpoint {
		var es []Endpoint
		for _, name := range names {
			if s := n.SubnetNamed(name); s != nil {
				es = append(es, subnetEndpoint(s))
			}
		}
		return es
	}
	add := func(in Intent) {
		if len(in.From) > 0 && len(in.To) > 0 {
			out = append(out, in)
		}
	}
	port := func(p ...uint64) Set {
		var s Set
		for _, x := range p {
			s = s.Union(Point(x))
		}
		return s
	}

	// Workstations and ML compute reach the package repositories on 443
	// through the firewall; any other internet host is denied.
	builders := sub(compile.SubnetWorkstations, compile.SubnetTraining)
	for _, p := range compile.EgressPresets {
		if !slices.Contains([]string{"python", "conda", "r"}, p.Name) || !slices.Contains(doc.Network.Egress.Allow, p.Name) {
			continue
		}
		var hosts []Endpoint
		for _, h := range p.FQDNs {
			hosts = append(hosts, n.HostEndpoint(h))
		}
		add(Intent{Name: "packages-" + p.Name, From: builders, To: hosts, Proto: tcp, Ports: port(443), Expect: Allow})
	}
	add(Intent{Name: "other-internet-hosts-denied", From: builders, To: []Endpoint{n.HostEndpoint("example.com")}, Proto: tcp, Ports: port(80, 443), Expect: Deny})

	// Each data source from its readers' subnets and the integration
	// subnet, through the gateway; from no other subnet.
	for _, ds := range doc.DataSources {
		target := n.AddressEndpoint(prefixOf(ds.Host), ds.Name+" ("+ds.Host.String()+")")
		readers := compile.DataSourceSubnets(ds.Readers)
		var yes, no []Endpoint
		for _, s := range n.subnets {
			if s.Name == compile.SubnetEndpoints || s.vn != n.spokeOf() {
				continue
			}
			if slices.Contains(readers, s.Name) {
				yes = append(yes, subnetEndpoint(s))
			} else {
				no = append(no, subnetEndpoint(s))
			}
		}
		ports := port(uint64(ds.Port))
		add(Intent{Name: "datasource-" + ds.Name + "-readers", From: yes, To: []Endpoint{target}, Proto: tcp, Ports: ports, Expect: Allow})
		add(Intent{Name: "datasource-" + ds.Name + "-others", From: no, To: []Endpoint{target}, Proto: tcp, Ports: ports, Expect: Deny})
	}

	// Nothing on the internet reaches a private address or a PaaS data
	// plane.
	internet := []Endpoint{n.internetEndpoint()}
	var private []Endpoint
	for _, s := range n.subnets {
		// Bastion's public IP is its documented entry, on 443 only; the
		// intents below prove that and no more.
		if s != n.bastionS {
			private = append(private, subnetEndpoint(s))
		}
	}
	if n.bastionS != nil {
		b := []Endpoint{subnetEndpoint(n.bastionS)}
		add(Intent{Name: "internet-to-bastion-https", From: internet, To: b, Proto: tcp, Ports: port(443), Expect: Allow})
		add(Intent{Name: "internet-to-bastion-other-denied", From: internet, To: b, Proto: tcp, Ports: Of(0, 442).Union(Of(444, 65535)), Expect: Deny})
	}
	add(Intent{Name: "internet-to-private-denied", From: internet, To: private, Proto: allProtos, Ports: allPorts, Expect: Deny})
	var public []Endpoint
	for _, p := range n.paas {
		if len(p.pes) > 0 {
			public = append(public, paasEndpoint(p))
		}
	}
	add(Intent{Name: "internet-to-paas-denied", From: internet, To: public, Proto: tcp, Ports: port(443), Expect: Deny})

	// On-premises clients reach the ML workspace, storage and web app
	// through their private endpoints.
	if op, ok := n.onPremEndpoint(); ok {
		add(Intent{Name: "onprem-to-private-endpoints", From: []Endpoint{op}, To: n.endpointsOf(model.TypeMLWorkspace, model.TypeStorageAccount, model.TypeWebApp), Proto: tcp, Ports: port(443), Expect: Allow})
	}

	// Bastion reaches the workstations on 22 and 3389; the internet does not.
	ws := sub(compile.SubnetWorkstations)
	add(Intent{Name: "bastion-to-workstations", From: sub(compile.SubnetBastion), To: ws, Proto: tcp, Ports: port(22, 3389), Expect: Allow})
	add(Intent{Name: "internet-to-workstations-denied", From: internet, To: ws, Proto: tcp, Ports: port(22, 3389), Expect: Deny})

	// AKS and ML compute reach ACR, Key Vault and storage through their
	// private endpoints.
	add(Intent{Name: "compute-to-platform-endpoints", From: sub(compile.SubnetScoring, compile.SubnetTraining),
		To: n.endpointsOf(model.TypeContainerRegistry, model.TypeKeyVault, model.TypeStorageAccount), Proto: tcp, Ports: port(443), Expect: Allow})
	return out
}

// spokeOf returns the network holding the workload subnets.
func (n *Network) spokeOf() *vnet {
	if s := n.SubnetNamed(compile.SubnetEndpoints); s != nil {
		return s.vn
	}
	return nil
}

// endpointsOf returns the private endpoints of resources of the given kinds.
func (n *Network) endpointsOf(kinds ...model.Type) []Endpoint {
	var out []Endpoint
	for _, p := range n.paas {
		if slices.Contains(kinds, p.kind) {
			for _, pe := range p.pes {
				out = append(out, peEndpoint(pe))
			}
		}
	}
	return out
}
