package reach

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

// Each mutation breaks one thing in the built-in example; exactly the
// intents that depend on it must fail, each decided by what was broken.
func TestMutationsFlipExpectedIntents(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, g *model.Graph)
		// fail are the intents that must stop holding, by name; by is what
		// must have decided each of their failing results.
		fail []string
		by   string
	}{
		{
			name: "remove the spoke's 0.0.0.0/0 route",
			mutate: func(t *testing.T, g *model.Graph) {
				for _, rt := range model.All[*model.RouteTable](g) {
					rt.Routes = slices.DeleteFunc(rt.Routes, func(r model.Route) bool { return r.Prefix.Bits() == 0 })
				}
			},
			fail: []string{"packages-conda", "packages-python", "packages-r", "workstations-to-pypi"},
			by:   "default outbound access off",
		},
		{
			name: "allow 22 from the internet on the workstations NSG",
			mutate: func(t *testing.T, g *model.Graph) {
				nsg := find[*model.NetworkSecurityGroup](t, g, "nsg-kodata-workstations")
				nsg.Rules = append(nsg.Rules, allowRule("allow-ssh-internet", 100, model.Inbound, model.ProtocolTCP, model.TagSpec(model.TagInternet), model.AnyAddress(), model.Port(22)))
			},
			fail: []string{"internet-not-to-workstations-ssh", "internet-to-private-denied", "internet-to-workstations-denied"},
			by:   "nsg-kodata-workstations: allow-ssh-internet (priority 100, inbound)",
		},
		{
			name: "delete the PyPI application rule",
			mutate: func(t *testing.T, g *model.Graph) {
				rcg := find[*model.FirewallPolicyRuleCollectionGroup](t, g, "afwp-kodata/rcg-packages")
				for i := range rcg.Collections {
					rcg.Collections[i].ApplicationRules = slices.DeleteFunc(rcg.Collections[i].ApplicationRules, func(r model.ApplicationRule) bool { return r.Name == "preset-python" })
				}
			},
			fail: []string{"packages-python", "workstations-to-pypi"},
			by:   "afwp-kodata: no rule matches; Azure Firewall denies by default",
		},
		{
			name: "delete the Oracle network rule",
			mutate: func(t *testing.T, g *model.Graph) {
				rcg := find[*model.FirewallPolicyRuleCollectionGroup](t, g, "afwp-kodata/rcg-onprem")
				for i := range rcg.Collections {
					rcg.Collections[i].NetworkRules = slices.DeleteFunc(rcg.Collections[i].NetworkRules, func(r model.NetworkRule) bool { return r.Name == "datasource-edw" })
				}
			},
			fail: []string{"datasource-edw-readers"},
			by:   "afwp-kodata: no rule matches; Azure Firewall denies by default",
		},
		{
			name: "enable public network access on the ML workspace",
			mutate: func(t *testing.T, g *model.Graph) {
				find[*model.MLWorkspace](t, g, "mlw-kodata").PublicNetworkAccess = model.PublicEnabled
			},
			fail: []string{"internet-to-paas-denied"},
			by:   "mlw-kodata: publicNetworkAccess Enabled",
		},
		{
			name: "break the peering's gateway transit",
			mutate: func(t *testing.T, g *model.Graph) {
				find[*model.VirtualNetworkPeering](t, g, "vnet-kodata-hub/peer-hub-to-spoke").AllowGatewayTransit = false
			},
			fail: []string{"datasource-edw-readers", "onprem-to-private-endpoints"},
			by:   "peering vnet-kodata-hub/peer-hub-to-spoke has allowGatewayTransit off",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, g := example(t)
			tt.mutate(t, g)
			rs := exampleResults(t, doc, g)
			var failed []string
			for _, r := range Failed(rs) {
				failed = appendNew(failed, r.Name)
				if got := strings.Join(r.DecidedBy, "; "); !strings.Contains(got, tt.by) {
					t.Errorf("intent %s (%s -> %s) = %s decided by %q; want decided by %q", r.Name, r.From, r.To, r.Verdict, got, tt.by)
				}
			}
			slices.Sort(failed)
			if diff := cmp.Diff(tt.fail, failed); diff != "" {
				t.Errorf("failing intents (-want +got):\n%s", diff)
			}
		})
	}
}

// find returns the resource of kind T named name.
func find[T model.Resource](t *testing.T, g *model.Graph, name string) T {
	t.Helper()
	for _, r := range model.All[T](g) {
		if r.Base().Name == name {
			return r
		}
	}
	var zero T
	t.Fatalf("no %T named %s in the example", zero, name)
	return zero
}
