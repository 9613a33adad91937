// Package spectest holds variations of the built-in example that tests of
// several packages use to reach code the example alone does not: services
// switched off, ExpressRoute, no on-premises network, other data sources
// and workstation kinds.
package spectest

import (
	"net/netip"
	"sort"

	"github.com/enclave-dev/enclave/internal/spec"
)

// Variant is one named change to the built-in example.
type Variant struct {
	Name string
	Edit func(d *spec.Document)
}

// Variants returns the variations, sorted by name.
func Variants() []Variant {
	off := false
	source := func(typ spec.DataSourceType, password *spec.SecretRef) func(*spec.Document) {
		return func(d *spec.Document) {
			d.DataSources = append(d.DataSources, spec.DataSource{
				Name: "src", Type: typ, Host: netip.MustParseAddr("10.0.12.50"), Port: 4000,
				ServiceName: "db", Username: "reader", Password: password, Readers: []string{"dataEngineers"},
			})
		}
	}
	vs := []Variant{
		{"no-cmk", func(d *spec.Document) { d.Governance.CustomerManagedKeys = false }},
		{"no-ml", func(d *spec.Document) { d.Services.MachineLearning.Enabled = &off }},
		{"no-aks", func(d *spec.Document) { d.Services.Kubernetes.Enabled = &off }},
		{"no-app", func(d *spec.Document) { d.Services.AppService.Enabled = &off }},
		{"no-datafactory", func(d *spec.Document) { d.Services.DataFactory.Enabled = &off }},
		{"no-databricks", func(d *spec.Document) { d.Services.Databricks.Enabled = &off }},
		{"no-synapse", func(d *spec.Document) { d.Services.Synapse.Enabled = &off }},
		{"no-streaming", func(d *spec.Document) { d.Services.StreamAnalytics.Enabled = &off }},
		{"sqlserver", source(spec.DataSourceSQLServer, &spec.SecretRef{Parameter: "srcPassword"})},
		{"postgresql", source(spec.DataSourcePostgres, nil)},
		{"synapse-default", func(d *spec.Document) { d.Services.Synapse.SQLAdminLogin = "" }},
		{"compute-instances", func(d *spec.Document) { d.Team.Workstations.Kind = spec.WorkstationComputeInstance }},
		{"windows-workstations", func(d *spec.Document) { d.Team.Workstations.OS = "windows" }},
		{"expressroute", func(d *spec.Document) {
			d.Network.OnPremises.Connection = spec.Connection{
				Type:      spec.ConnectionExpressRoute,
				CircuitID: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-corp",
			}
		}},
		{"no-onprem", func(d *spec.Document) {
			d.Network.OnPremises = nil
			d.DataSources = nil
		}},
		{"premium-firewall", func(d *spec.Document) { d.Network.FirewallTier = "Premium" }},
		{"minimal", func(d *spec.Document) {
			d.Services = spec.Services{}
			d.DataSources = nil
			d.Network.OnPremises = nil
		}},
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
	return vs
}
