package compile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

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
	const (
		firewall = "afw-kodata: FirewallHealth"
		aks      = "aks-kodata-scoring: kube_node_status_condition"
		ml       = "mlw-kodata: Failed Runs"
	)
	for _, tc := range []struct {
		name string
		edit func(d *spec.Document)
		want []string
	}{
		// The firewall is part of every environment.
		{"no services", noServices, []string{firewall}},
		{"example with every service", nil, []string{firewall, aks, ml, "vgw-kodata-onprem: TunnelAverageBandwidth"}},
		{"VPN with BGP", func(d *spec.Document) { d.Network.OnPremises.Connection.BGPASN = 65010 },
			[]string{firewall, aks, ml, "vgw-kodata-onprem: BgpPeerStatus"}},
		{"ExpressRoute", func(d *spec.Document) {
			d.Network.OnPremises.Connection = spec.Connection{Type: spec.ConnectionExpressRoute, CircuitID: "/subscriptions/x/resourceGroups/er/providers/Microsoft.Network/expressRouteCircuits/c1"}
		}, []string{firewall, aks, "ergw-kodata-onprem: ExpressRouteGatewayBitsPerSecond", ml}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, tc.edit)
			if diff := cmp.Diff(tc.want, platformAlerts(c.g)); diff != "" {
				t.Errorf("metric alerts (-want +got):\n%s", diff)
			}
			for _, a := range model.All[*model.MetricAlert](c.g) {
				if !cmp.Equal(a.ActionGroups, []model.Ref{c.actionGroup}) || a.Location != "global" || a.Group != "rg-kodata-ops" {
					t.Errorf("%s: action groups %v, location %q, group %q; want the ops action group, global, rg-kodata-ops", a.Name, a.ActionGroups, a.Location, a.Group)
				}
				if _, ok := c.g.Get(a.Target.Address); !ok {
					t.Errorf("%s targets %s, which is not in the graph", a.Name, a.Target)
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
	c, ds := platformBuild(t, d)
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
			})
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
