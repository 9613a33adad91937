package terraform

import (
	"net/netip"
	"sort"
	"testing"

	"github.com/enclave-dev/enclave/internal/render/terraform/tfschema"
	"github.com/enclave-dev/enclave/internal/spec"
)

// specVariants are variations of the built-in example that reach converter
// branches the example does not: services switched off, ExpressRoute, no
// on-premises network, the Premium firewall, other data sources and
// workstation kinds.
func specVariants() map[string]func(*spec.Document) {
	off := false
	source := func(typ spec.DataSourceType, password *spec.SecretRef) func(*spec.Document) {
		return func(d *spec.Document) {
			d.DataSources = append(d.DataSources, spec.DataSource{
				Name: "src", Type: typ, Host: netip.MustParseAddr("10.0.12.50"), Port: 4000,
				ServiceName: "db", Username: "reader", Password: password, Readers: []string{"dataEngineers"},
			})
		}
	}
	return map[string]func(*spec.Document){
		"no-cmk":         func(d *spec.Document) { d.Governance.CustomerManagedKeys = false },
		"no-ml":          func(d *spec.Document) { d.Services.MachineLearning.Enabled = &off },
		"no-aks":         func(d *spec.Document) { d.Services.Kubernetes.Enabled = &off },
		"no-app":         func(d *spec.Document) { d.Services.AppService.Enabled = &off },
		"no-datafactory": func(d *spec.Document) { d.Services.DataFactory.Enabled = &off },
		"no-databricks":  func(d *spec.Document) { d.Services.Databricks.Enabled = &off },
		"no-synapse":     func(d *spec.Document) { d.Services.Synapse.Enabled = &off },
		"no-streaming":   func(d *spec.Document) { d.Services.StreamAnalytics.Enabled = &off },
		"sqlserver":      source(spec.DataSourceSQLServer, &spec.SecretRef{Parameter: "srcPassword"}),
		"postgresql":     source(spec.DataSourcePostgres, nil),
		"compute-instances": func(d *spec.Document) {
			d.Team.Workstations.Kind = spec.WorkstationComputeInstance
		},
		"windows-workstations": func(d *spec.Document) { d.Team.Workstations.OS = "windows" },
		"expressroute": func(d *spec.Document) {
			d.Network.OnPremises.Connection = spec.Connection{
				Type:      spec.ConnectionExpressRoute,
				CircuitID: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-corp",
			}
		},
		"no-onprem": func(d *spec.Document) {
			d.Network.OnPremises = nil
			d.DataSources = nil
		},
		"premium-firewall": func(d *spec.Document) { d.Network.FirewallTier = "Premium" },
		"minimal": func(d *spec.Document) {
			d.Services = spec.Services{}
			d.DataSources = nil
			d.Network.OnPremises = nil
		},
	}
}

// TestSpecVariantsSchema renders every variation and checks every resource
// block against the azurerm schema, as TestSchema does for the example.
func TestSpecVariantsSchema(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the variations in -short mode")
	}
	s := tfschema.Shared(t)
	graphs := variantGraphs(t)
	names := make([]string, 0, len(graphs))
	for n := range graphs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, _ := renderVariant(t, name)
			files := parsed(t, out)
			for _, f := range out.Files {
				for _, v := range s.CheckParsed(f.Name, files[f.Name]) {
					t.Error(v)
				}
			}
		})
	}
}
