package docs

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Diagram returns the architecture as Graphviz DOT: on-premises on the
// left, the hub and spoke networks with a cluster per subnet holding what
// runs in it, the PaaS resources the private endpoints reach on the right,
// and the internet with the firewall's egress allow-list.
func Diagram(graph *model.Graph) []byte {
	g := newView(graph)
	ix := newIndex(g)
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("digraph %s {", q(g.Name))
	w("  graph [rankdir=TB, compound=true, nodesep=0.2, ranksep=0.5, fontname=\"Helvetica\", fontsize=12, label=%s, labelloc=t];",
		q(fmt.Sprintf("%s in %s", g.Name, g.Location)))
	w("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];")
	w("  edge [fontname=\"Helvetica\", fontsize=9];")

	// On-premises: the VPN device, its networks and the data sources.
	lngs := all[*model.LocalNetworkGateway](g)
	var sources []*model.LinkedService
	for _, ls := range all[*model.LinkedService](g) {
		if dbEndpoint(ls) != nil {
			sources = append(sources, ls)
		}
	}
	if len(lngs) > 0 || len(sources) > 0 {
		w("  subgraph cluster_onprem {")
		w("    label=%s; style=\"rounded,filled\"; fillcolor=\"#f2f2f2\";", q("on-premises"))
		for _, l := range lngs {
			w("    %s [label=%s];", id(model.AddressOf(l)), q(fmt.Sprintf("%s\nVPN device %s\n%s", l.Name, l.GatewayAddress, joinPrefixes(l.AddressSpaces))))
		}
		for _, ls := range sources {
			d := dbEndpoint(ls)
			w("    %s [label=%s, shape=cylinder];", q("db:"+d.Host.String()), q(fmt.Sprintf("%s database\n%s:%d", ls.Properties.Connector(), d.Host, d.Port)))
		}
		w("  }")
	}

	for _, v := range ix.vnets {
		w("  subgraph %s {", q("cluster_"+v.Name))
		w("    label=%s; style=\"rounded,filled\"; fillcolor=\"#e8f1fb\";", q(fmt.Sprintf("%s  %s", v.Name, joinPrefixes(v.AddressSpace))))
		for _, s := range v.Subnets {
			sa := subnetAddr(v, s)
			w("    subgraph %s {", q("cluster_"+sa.Name))
			w("      label=%s; style=\"rounded,filled\"; fillcolor=\"#ffffff\";", q(fmt.Sprintf("%s  %s", s.Name, s.Prefix)))
			items := ix.inSubnet[sa]
			if len(items) == 0 && len(endpointsIn(ix, sa)) == 0 {
				w("      %s [label=%s, shape=plaintext, style=\"\"];", id(sa), q(s.Purpose))
			}
			var cell []string
			for _, p := range items {
				n := q(nodeID(p.addr, sa))
				cell = append(cell, n)
				w("      %s [label=%s];", n, q(p.label))
			}
			for _, t := range endpointsIn(ix, sa) {
				var groups []string
				for _, pe := range ix.endpoints[t] {
					groups = append(groups, pe.GroupID)
				}
				n := q("pe:" + t.String())
				cell = append(cell, n)
				w("      %s [label=%s, fillcolor=\"#fff6d5\"];", n, q("private endpoint\n"+t.Name+"\n"+strings.Join(groups, ", ")))
			}
			grid(w, cell, 2)
			w("    }")
		}
		w("  }")
	}

	// PaaS resources reached only through private endpoints.
	if len(ix.targets) > 0 {
		var paas []string
		w("  subgraph cluster_paas {")
		w("    label=%s; style=\"rounded,filled\"; fillcolor=\"#eef7ee\";", q("PaaS, reached through private endpoints"))
		for _, t := range ix.targets {
			label := t.Name
			if r, ok := g.Get(t); ok {
				label = fmt.Sprintf("%s\n%s", t.Name, kindLabel(r))
				if pa := publicAccess(r); pa != "" {
					label += "\npublic access " + strings.ToLower(string(pa))
				}
			}
			w("    %s [label=%s, fillcolor=\"#ffffff\"];", id(t), q(label))
			paas = append(paas, id(t))
		}
		grid(w, paas, 4)
		w("  }")
		for _, t := range ix.targets {
			w("  %s -> %s [arrowhead=none, color=\"#999999\"];", q("pe:"+t.String()), id(t))
		}
	}

	// The internet and the firewall's allow-list.
	hosts := egressHosts(g)
	fws := all[*model.AzureFirewall](g)
	if len(fws) > 0 {
		w("  internet [label=%s, shape=note, fillcolor=\"#fdecea\"];", q("internet: allowed hosts (443 unless noted)\n"+wrapList(hosts, 3)))
		for _, fw := range fws {
			w("  %s -> internet [label=%s];", nodeIDOf(ix, model.AddressOf(fw)), q("egress, default deny"))
		}
	}

	// Peerings, gateway connections and data source paths.
	for _, p := range all[*model.VirtualNetworkPeering](g) {
		from := model.AddressOf(p).Parent()
		if from.Less(p.RemoteVirtualNetwork.Address) {
			a, b := anyNode(ix, from), anyNode(ix, p.RemoteVirtualNetwork.Address)
			if a != "" && b != "" {
				w("  %s -> %s [dir=both, style=dashed, label=%s, ltail=%s, lhead=%s];", a, b, q("peering"),
					q("cluster_"+from.Name), q("cluster_"+p.RemoteVirtualNetwork.Name))
			}
		}
	}
	for _, c := range all[*model.Connection](g) {
		if c.LocalGateway.IsZero() {
			continue
		}
		w("  %s -> %s [dir=both, label=%s];", nodeIDOf(ix, c.Gateway.Address), id(c.LocalGateway.Address), q(string(c.ConnectionType)+" "+c.Name))
	}
	for _, b := range all[*model.BastionHost](g) {
		for _, vm := range all[*model.VirtualMachine](g) {
			if vm.Member != "" {
				w("  %s -> %s [style=dotted, label=%s];", nodeIDOf(ix, model.AddressOf(b)), nodeIDOf(ix, model.AddressOf(vm)), q("SSH/RDP"))
				break
			}
		}
	}
	for _, ls := range sources {
		d := dbEndpoint(ls)
		for _, fw := range fws {
			w("  %s -> %s [style=dotted, label=%s];", nodeIDOf(ix, model.AddressOf(fw)), q("db:"+d.Host.String()), q(fmt.Sprintf("%d via gateway", d.Port)))
		}
	}
	w("}")
	return b.Bytes()
}

// grid lays nodes out in rows of cols with invisible edges, so that a
// subnet holding many resources stays compact.
func grid(w func(string, ...any), nodes []string, cols int) {
	for i := cols; i < len(nodes); i++ {
		w("      %s -> %s [style=invis];", nodes[i-cols], nodes[i])
	}
}

// endpointsIn returns the targets whose private endpoints sit in subnet sa.
func endpointsIn(ix *index, sa model.Address) []model.Address {
	var out []model.Address
	for _, t := range ix.targets {
		for _, pe := range ix.endpoints[t] {
			if pe.Subnet.Address == sa {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// nodeID is the DOT node of a resource drawn in a subnet; a resource in two
// subnets (Databricks) gets one node per subnet.
func nodeID(a, subnet model.Address) string { return a.String() + "@" + subnet.Name }

// nodeIDOf returns the quoted node of a placed resource (its first subnet).
func nodeIDOf(ix *index, a model.Address) string {
	for _, v := range ix.vnets {
		for _, s := range v.Subnets {
			sa := subnetAddr(v, s)
			for _, p := range ix.inSubnet[sa] {
				if p.addr == a {
					return q(nodeID(a, sa))
				}
			}
		}
	}
	return id(a)
}

// anyNode returns some node inside a virtual network, for edges between
// clusters.
func anyNode(ix *index, vnet model.Address) string {
	for _, v := range ix.vnets {
		if model.AddressOf(v) != vnet {
			continue
		}
		for _, s := range v.Subnets {
			sa := subnetAddr(v, s)
			if items := ix.inSubnet[sa]; len(items) > 0 {
				return q(nodeID(items[0].addr, sa))
			}
			if ts := endpointsIn(ix, sa); len(ts) > 0 {
				return q("pe:" + ts[0].String())
			}
			return id(sa)
		}
	}
	return ""
}

func dbEndpoint(ls *model.LinkedService) *model.DatabaseEndpoint {
	switch p := ls.Properties.(type) {
	case model.OracleConnector:
		return &p.DatabaseEndpoint
	case model.SQLServerConnector:
		return &p.DatabaseEndpoint
	case model.PostgreSQLConnector:
		return &p.DatabaseEndpoint
	}
	return nil
}

func wrapList(items []string, perLine int) string {
	var lines []string
	for i := 0; i < len(items); i += perLine {
		lines = append(lines, strings.Join(items[i:min(i+perLine, len(items))], ", "))
	}
	return strings.Join(lines, "\n")
}

func id(a model.Address) string { return q(a.String()) }

// q quotes a DOT string; "\n" becomes a centred line break.
func q(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	s = strings.ReplaceAll(s, "\n", `\n`)
	return `"` + s + `"`
}
