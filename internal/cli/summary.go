package cli

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/output"
	"github.com/enclave-dev/enclave/internal/spec"
)

// subscriptionScope labels resources outside any resource group.
const subscriptionScope = "(subscription)"

// groupCount is how many resources of each type one resource group holds.
type groupCount struct {
	group  string // subscriptionScope for subscription-level resources
	total  int
	byType []typeCount
}

type typeCount struct {
	typ   model.Type
	count int
}

// countResources tallies g's resources by resource group and type,
// subscription-level ones first, then groups and types by name.
func countResources(g *model.Graph) []groupCount {
	counts := map[string]map[model.Type]int{}
	for _, r := range g.Resources() {
		group := r.Base().Group
		if group == "" {
			group = subscriptionScope
		}
		if counts[group] == nil {
			counts[group] = map[model.Type]int{}
		}
		counts[group][r.Type()]++
	}
	out := make([]groupCount, 0, len(counts))
	for group, types := range counts {
		gc := groupCount{group: group}
		for typ, n := range types {
			gc.byType = append(gc.byType, typeCount{typ, n})
			gc.total += n
		}
		sort.Slice(gc.byType, func(i, j int) bool { return gc.byType[i].typ < gc.byType[j].typ })
		out = append(out, gc)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].group, out[j].group
		if (a == subscriptionScope) != (b == subscriptionScope) {
			return a == subscriptionScope
		}
		return a < b
	})
	return out
}

// writeSummary prints what plan produced: the resources by group and type,
// the address plan and the files written. It depends only on its inputs, so
// the same spec always prints the same summary.
func writeSummary(w io.Writer, doc *spec.Document, res *compile.Result, written []output.Written) {
	counts := countResources(res.Graph)
	groups := len(model.All[*model.ResourceGroup](res.Graph))
	fmt.Fprintf(w, "%s in %s from %s: %s in %s\n", doc.Name, doc.Location, doc.File, plural(res.Graph.Len(), "resource"), plural(groups, "resource group"))

	fmt.Fprintln(w, "\nResources")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, gc := range counts {
		fmt.Fprintf(tw, "  %s\t%d\n", gc.group, gc.total)
		for _, tc := range gc.byType {
			fmt.Fprintf(tw, "    %s\t%d\n", tc.typ, tc.count)
		}
	}
	tw.Flush()

	if res.Plan != nil {
		fmt.Fprintf(w, "\nAddress plan %s\n", res.Plan.Space)
		writePlan(w, res.Plan)
	}

	fmt.Fprintln(w, "\nFiles written")
	printWritten(w, written)
}

// writePlan prints each virtual network with its subnets in plan order.
func writePlan(w io.Writer, p *compile.AddressPlan) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, vnet := range []struct {
		name   string
		prefix fmt.Stringer
	}{{compile.Hub, p.Hub}, {compile.Spoke, p.Spoke}} {
		fmt.Fprintf(tw, "  %s\t%s\tvirtual network\n", vnet.name, vnet.prefix)
		for _, s := range p.Subnets {
			if s.VNet == vnet.name {
				fmt.Fprintf(tw, "    %s\t%s\t%s\n", s.Name, s.Prefix, s.Purpose)
			}
		}
	}
	tw.Flush()
	if p.AKSServiceCIDR.IsValid() {
		fmt.Fprintf(w, "  Kubernetes service range %s, cluster DNS %s\n", p.AKSServiceCIDR, p.AKSDNSServiceIP)
	}
}

// plural spells n things, adding "s" unless n is one.
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
