package arm_test

import (
	"encoding/json"
	"net/netip"
	"sort"
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
	"github.com/google/go-cmp/cmp"
)

// specVariants are the variations of the built-in example every builder
// must handle: services switched off, the other on-premises connection,
// other data sources and workstation kinds.
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
		"no-cmk":          func(d *spec.Document) { d.Governance.CustomerManagedKeys = false },
		"no-ml":           func(d *spec.Document) { d.Services.MachineLearning.Enabled = &off },
		"no-aks":          func(d *spec.Document) { d.Services.Kubernetes.Enabled = &off },
		"no-app":          func(d *spec.Document) { d.Services.AppService.Enabled = &off },
		"no-datafactory":  func(d *spec.Document) { d.Services.DataFactory.Enabled = &off },
		"no-databricks":   func(d *spec.Document) { d.Services.Databricks.Enabled = &off },
		"no-synapse":      func(d *spec.Document) { d.Services.Synapse.Enabled = &off },
		"no-streaming":    func(d *spec.Document) { d.Services.StreamAnalytics.Enabled = &off },
		"sqlserver":       source(spec.DataSourceSQLServer, &spec.SecretRef{Parameter: "srcPassword"}),
		"postgresql":      source(spec.DataSourcePostgres, nil),
		"synapse-default": func(d *spec.Document) { d.Services.Synapse.SQLAdminLogin = "" },
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

// renderVariantTemplate compiles the built-in example changed by edit and
// renders it.
func renderVariantTemplate(t *testing.T, edit func(d *spec.Document)) []byte {
	t.Helper()
	d := spec.Example()
	if edit != nil {
		edit(d)
	}
	res, ds, err := compile.Compile(d)
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("Compile: %v", ds)
	}
	out, err := arm.Render(res.Graph)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out.Template
}

// TestSpecVariantsMatchARMSchemas validates every resource of every
// variation against its official schema, as TestResourcesMatchARMSchemas
// does for the example itself.
func TestSpecVariantsMatchARMSchemas(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the variations in -short mode")
	}
	v := schemaValidator(t)
	variants := specVariants()
	names := make([]string, 0, len(variants))
	for n := range variants {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			checkTemplate(t, v, renderVariantTemplate(t, variants[name]))
		})
	}
}

// flatResources returns the resources of a rendered template and of its
// nested deployments, as generic JSON.
func flatResources(t *testing.T, template []byte) []map[string]any {
	t.Helper()
	var tpl map[string]any
	if err := json.Unmarshal(template, &tpl); err != nil {
		t.Fatal(err)
	}
	return flattenResources(tpl)
}

func flattenResources(tpl map[string]any) []map[string]any {
	var out []map[string]any
	rs, _ := tpl["resources"].([]any)
	for _, r := range rs {
		m := r.(map[string]any)
		if m["type"] == "Microsoft.Resources/deployments" {
			out = append(out, flattenResources(m["properties"].(map[string]any)["template"].(map[string]any))...)
			continue
		}
		out = append(out, m)
	}
	return out
}

// TestClusterExtension checks the Azure ML extension, which the schema
// store has no definition for, field by field.
func TestClusterExtension(t *testing.T) {
	var got []map[string]any
	for _, r := range flatResources(t, renderExample(t).Template) {
		if r["type"] == "Microsoft.KubernetesConfiguration/extensions" {
			got = append(got, r)
		}
	}
	if len(got) != 1 {
		t.Fatalf("extensions = %d; want 1", len(got))
	}
	ext := got[0]
	want := map[string]any{
		"type":       "Microsoft.KubernetesConfiguration/extensions",
		"apiVersion": "2024-11-01",
		"name":       "azureml",
		"scope":      "[resourceId('Microsoft.ContainerService/managedClusters', 'aks-kodata-scoring')]",
		"dependsOn":  []any{"[resourceId('Microsoft.ContainerService/managedClusters', 'aks-kodata-scoring')]"},
		"properties": map[string]any{
			"extensionType":           "Microsoft.AzureML.Kubernetes",
			"releaseTrain":            "stable",
			"autoUpgradeMinorVersion": true,
			"scope":                   map[string]any{"cluster": map[string]any{"releaseNamespace": "azureml"}},
			"configurationSettings": map[string]any{
				"allowInsecureConnections":     "False",
				"enableInference":              "True",
				"enableTraining":               "False",
				"inferenceRouterHA":            "False",
				"inferenceRouterServiceType":   "loadBalancer",
				"internalLoadBalancerProvider": "azure",
				"sslCname":                     "scoring.kodata.internal",
				"sslSecret":                    "azureml-fe-tls",
			},
		},
	}
	if diff := cmp.Diff(want, ext); diff != "" {
		t.Errorf("Azure ML extension mismatch (-want +got):\n%s", diff)
	}
}
