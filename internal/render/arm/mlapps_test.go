package arm

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/spec"
)

// renderVariant compiles the built-in example changed by edit and renders
// it, returning the template as generic JSON.
func renderVariant(t *testing.T, edit func(d *spec.Document)) map[string]any {
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
	out, err := Render(res.Graph)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var tpl map[string]any
	if err := json.Unmarshal(out.Template, &tpl); err != nil {
		t.Fatal(err)
	}
	return tpl
}

// flatResources returns the resources of a template and of its nested
// deployments.
func flatResources(tpl map[string]any) []map[string]any {
	var out []map[string]any
	rs, _ := tpl["resources"].([]any)
	for _, r := range rs {
		m := r.(map[string]any)
		if m["type"] == "Microsoft.Resources/deployments" {
			inner := m["properties"].(map[string]any)["template"].(map[string]any)
			out = append(out, flatResources(inner)...)
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
	for _, r := range flatResources(renderVariant(t, nil)) {
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
