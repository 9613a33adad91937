package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// metricRule is an alert on one platform metric of one resource; the
// thresholds follow Azure Monitor Baseline Alerts.
type metricRule struct {
	purpose     string
	description string
	severity    int
	metric      string
	aggregation model.MetricAggregation
	operator    model.AlertOperator
	threshold   float64
	dimensions  []model.MetricDimension
	window      int // minutes
	every       int // minutes
}

var (
	// vpnTunnelDown fires when no traffic (not even keep-alives) crosses
	// the site-to-site tunnels for five minutes.
	vpnTunnelDown = metricRule{
		purpose: "vpn-tunnel-down", severity: 1,
		description: "Site-to-site VPN tunnel carries no traffic: the on-premises connection is down",
		metric:      "TunnelAverageBandwidth", aggregation: model.AggAverage, operator: model.OpLessThan, threshold: 1,
		window: 5, every: 1,
	}
	// vpnBGPDown fires when a BGP peer of the gateway is down; with BGP it
	// is a sharper signal than tunnel bandwidth.
	vpnBGPDown = metricRule{
		purpose: "vpn-bgp-down", severity: 1,
		description: "A BGP peer of the VPN gateway is down: routes to on-premises are withdrawn",
		metric:      "BgpPeerStatus", aggregation: model.AggAverage, operator: model.OpLessThan, threshold: 1,
		window: 5, every: 1,
	}
	// expressRouteDown fires when the ExpressRoute gateway carries nothing.
	expressRouteDown = metricRule{
		purpose: "expressroute-down", severity: 1,
		description: "ExpressRoute gateway carries no traffic: the on-premises connection is down",
		metric:      "ExpressRouteGatewayBitsPerSecond", aggregation: model.AggAverage, operator: model.OpLessThan, threshold: 1,
		window: 5, every: 1,
	}
	firewallHealth = metricRule{
		purpose: "firewall-health", severity: 1,
		description: "Azure Firewall health is below 90%: egress and on-premises traffic may be dropped",
		metric:      "FirewallHealth", aggregation: model.AggAverage, operator: model.OpLessThan, threshold: 90,
		window: 5, every: 1,
	}
	aksNodeNotReady = metricRule{
		purpose: "aks-node-not-ready", severity: 2,
		description: "An AKS node has been NotReady or Unknown: scoring capacity is reduced",
		metric:      "kube_node_status_condition", aggregation: model.AggAverage, operator: model.OpGreaterThan, threshold: 0,
		dimensions: []model.MetricDimension{{Name: "status2", Values: []string{"notready", "unknown"}}},
		window:     15, every: 5,
	}
	mlFailedRuns = metricRule{
		purpose: "ml-failed-runs", severity: 3,
		description: "Azure ML runs failed in the workspace",
		metric:      "Failed Runs", aggregation: model.AggTotal, operator: model.OpGreaterThan, threshold: 0,
		window: 15, every: 5,
	}
)

// buildAlerts creates alert rules for the resources the environment has,
// all notifying the action group. The budget alerts itself.
func buildAlerts(c *ctx) {
	if c.actionGroup.IsZero() {
		return
	}
	if !c.gateway.IsZero() {
		c.metricAlert(c.gateway, gatewayRule(c.doc))
	}
	if !c.firewall.IsZero() {
		c.metricAlert(c.firewall, firewallHealth)
	}
	if !c.aks.IsZero() {
		c.metricAlert(c.aks, aksNodeNotReady)
	}
	if !c.mlWorkspace.IsZero() {
		c.metricAlert(c.mlWorkspace, mlFailedRuns)
	}
	c.activityLogAlert("service-health", "Azure reports a service incident or security advisory affecting this subscription",
		model.ActivityLogCondition{Field: "category", Equals: "ServiceHealth"},
		model.ActivityLogCondition{Field: "properties.incidentType", AnyOf: []string{"Incident", "Security"}},
	)
	c.activityLogAlert("policy-deleted", "A policy assignment was deleted: a guardrail of the environment is gone",
		model.ActivityLogCondition{Field: "category", Equals: "Administrative"},
		model.ActivityLogCondition{Field: "operationName", Equals: "Microsoft.Authorization/policyAssignments/delete"},
	)
}

// gatewayRule picks the "on-premises is down" signal for the gateway kind.
func gatewayRule(d *spec.Document) metricRule {
	op := d.Network.OnPremises
	switch {
	case op != nil && op.Connection.Type == spec.ConnectionExpressRoute:
		return expressRouteDown
	case op != nil && op.Connection.BGPASN != 0:
		return vpnBGPDown
	}
	return vpnTunnelDown
}

// metricAlert adds rule on target to the ops resource group.
func (c *ctx) metricAlert(target model.Ref, r metricRule) model.Ref {
	return c.add(&model.MetricAlert{
		Meta:          model.Meta{Name: c.names.Name("alert", r.purpose), Group: c.rg(RGOps), Location: "global"},
		Description:   r.description,
		Severity:      r.severity,
		Target:        target,
		Metric:        r.metric,
		Aggregation:   r.aggregation,
		Operator:      r.operator,
		Threshold:     r.threshold,
		Dimensions:    r.dimensions,
		WindowMinutes: r.window,
		EveryMinutes:  r.every,
		ActionGroups:  []model.Ref{c.actionGroup},
	})
}

// activityLogAlert adds a subscription activity log alert.
func (c *ctx) activityLogAlert(purpose, description string, conds ...model.ActivityLogCondition) model.Ref {
	return c.add(&model.ActivityLogAlert{
		Meta:         model.Meta{Name: c.names.Name("alert", purpose), Group: c.rg(RGOps), Location: "global"},
		Description:  description,
		Conditions:   conds,
		ActionGroups: []model.Ref{c.actionGroup},
	})
}
