package arm_test

import (
	"encoding/json"
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/render/arm/armschema"
	"github.com/enclave-dev/enclave/internal/spec"
	"github.com/enclave-dev/enclave/internal/spec/spectest"
	"github.com/google/go-cmp/cmp"
)

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
	v := armschema.Shared(t)
	for _, variant := range spectest.Variants() {
		t.Run(variant.Name, func(t *testing.T) {
			checkTemplate(t, v, renderVariantTemplate(t, variant.Edit))
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
