package compile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// platformServices stands in for what the network, containers and ML
// builders set on ctx.
func platformServices(c *ctx) {
	c.firewall = platformAddStandIn(c, "Microsoft.Network/azureFirewalls", c.rg(RGNetwork), "afw-kodata-hub")
	c.gateway = platformAddStandIn(c, "Microsoft.Network/virtualNetworkGateways", c.rg(RGNetwork), "vgw-kodata-hub")
	c.aks = platformAddStandIn(c, "Microsoft.ContainerService/managedClusters", c.rg(RGML), "aks-kodata-scoring")
	c.mlWorkspace = platformAddStandIn(c, "Microsoft.MachineLearningServices/workspaces", c.rg(RGML), "mlw-kodata")
}

// platformAlerts lists metric alerts as "target: metric".
func platformAlerts(g *model.Graph) []string {
	var out []string
	for _, a := range model.All[*model.MetricAlert](g) {
		out = append(out, a.Target.Leaf()+": "+a.Metric)
	}
	slices.Sort(out)
	return out
}

func TestAlertsOnlyForPresentResources(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(d *spec.Document)
		preset func(c *ctx)
		want   []string
	}{
		{"no services", nil, nil, nil},
		{"example with every service", nil, platformServices, []string{
			"afw-kodata-hub: FirewallHealth",
			"aks-kodata-scoring: kube_node_status_condition",
			"mlw-kodata: Failed Runs",
			"vgw-kodata-hub: TunnelAverageBandwidth",
		}},
		{"VPN with BGP", func(d *spec.Document) { d.Network.OnPremises.Connection.BGPASN = 65010 }, func(c *ctx) {
			c.gateway = platformAddStandIn(c, "Microsoft.Network/virtualNetworkGateways", c.rg(RGNetwork), "vgw-kodata-hub")
		}, []string{"vgw-kodata-hub: BgpPeerStatus"}},
		{"ExpressRoute", func(d *spec.Document) {
			d.Network.OnPremises.Connection = spec.Connection{Type: spec.ConnectionExpressRoute, CircuitID: "/subscriptions/x/resourceGroups/er/providers/Microsoft.Network/expressRouteCircuits/c1"}
		}, func(c *ctx) {
			c.gateway = platformAddStandIn(c, "Microsoft.Network/virtualNetworkGateways", c.rg(RGNetwork), "ergw-kodata-hub")
		}, []string{"ergw-kodata-hub: ExpressRouteGatewayBitsPerSecond"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, tc.edit, tc.preset)
			if diff := cmp.Diff(tc.want, platformAlerts(c.g)); diff != "" {
				t.Errorf("metric alerts (-want +got):\n%s", diff)
			}
			for _, a := range model.All[*model.MetricAlert](c.g) {
				if !cmp.Equal(a.ActionGroups, []model.Ref{c.actionGroup}) || a.Location != "global" || a.Group != "rg-kodata-ops" {
					t.Errorf("%s: action groups %v, location %q, group %q; want the ops action group, global, rg-kodata-ops", a.Name, a.ActionGroups, a.Location, a.Group)
				}
			}
			if got := platformNames[*model.ActivityLogAlert](c.g); !cmp.Equal(got, []string{"alert-kodata-policy-deleted", "alert-kodata-service-health"}) {
				t.Errorf("activity log alerts = %v", got)
			}
		})
	}
}

func TestNoAlertEmails(t *testing.T) {
	d := spec.Example()
	d.Monitoring.AlertEmails = nil
	d.Governance.Budget = nil
	c, ds := platformBuild(t, d, platformServices)
	if ds.HasErrors() {
		t.Fatalf("build: %v", ds)
	}
	var warned bool
	for _, x := range ds {
		warned = warned || (x.Severity == diag.Warning && x.Summary == "no alert emails: alerts and the action group are not created")
	}
	if !warned {
		t.Errorf("diagnostics = %v; want a warning that no alerts are created", ds)
	}
	if n := len(model.All[*model.ActionGroup](c.g)) + len(model.All[*model.MetricAlert](c.g)) + len(model.All[*model.ActivityLogAlert](c.g)); n != 0 {
		t.Errorf("%d action groups and alerts; want none", n)
	}
}

func TestActionGroup(t *testing.T) {
	for _, tc := range []struct {
		name      string
		env       string
		emails    []string
		contacts  []string
		wantShort string
		want      []model.EmailReceiver
	}{
		{"alert emails", "kodata", []string{"a@example.com", "b@example.com"}, nil, "kodataops",
			[]model.EmailReceiver{{Name: "email-1", Address: "a@example.com"}, {Name: "email-2", Address: "b@example.com"}}},
		{"budget contacts when no alert emails", "analytics1", nil, []string{"fin@example.com"}, "analyticsops",
			[]model.EmailReceiver{{Name: "email-1", Address: "fin@example.com"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, func(d *spec.Document) {
				d.Name = tc.env
				d.Monitoring.AlertEmails = tc.emails
				d.Governance.Budget.Contacts = tc.contacts
			}, nil)
			ags := model.All[*model.ActionGroup](c.g)
			if len(ags) != 1 {
				t.Fatalf("%d action groups; want 1", len(ags))
			}
			ag := ags[0]
			if ag.ShortName != tc.wantShort || ag.Location != "global" || ag.Group != "rg-"+tc.env+"-ops" {
				t.Errorf("action group %s short %q location %q group %q; want %q, global, the ops group", ag.Name, ag.ShortName, ag.Location, ag.Group, tc.wantShort)
			}
			if diff := cmp.Diff(tc.want, ag.Emails); diff != "" {
				t.Errorf("receivers (-want +got):\n%s", diff)
			}
		})
	}
}
