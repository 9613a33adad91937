package armschema_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/enclave-dev/enclave/internal/render/arm/armschema"
)

// TestHandwrittenTemplate checks a hand-written template that exercises
// several namespaces, files split by namespace (Microsoft.Compute and its
// extensions), cross-file references, extension resources and nested
// deployments two levels deep.
func TestHandwrittenTemplate(t *testing.T) {
	v := armschema.Shared(t)
	data, err := os.ReadFile("testdata/handwritten.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := armschema.Parse(data)
	if err != nil {
		t.Fatalf("Parse(handwritten.json) error: %v", err)
	}
	for _, tpl := range c.Templates {
		if err := v.ValidateTemplate(tpl); err != nil {
			t.Error(err)
		}
	}
	for _, r := range c.Resources {
		if err := v.Validate(r); err != nil {
			t.Error(err)
		}
	}
	if len(c.Templates) != 3 || len(c.Resources) != 17 {
		t.Errorf("Parse(handwritten.json) found %d templates, %d resources; want 3, 17", len(c.Templates), len(c.Resources))
	}
}

// decode reads JSON the way Parse does.
func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("UnmarshalJSON(%s) error: %v", s, err)
	}
	return v.(map[string]any)
}

const (
	goodVNet = `{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-07-01", "name": "vnet-a", "location": "australiaeast",
		"properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}`
	goodNSG = `{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2025-07-01", "name": "nsg-a", "location": "australiaeast",
		"properties": {"securityRules": [{"name": "deny-all", "properties": {"priority": 4096, "direction": "Inbound", "access": "Deny",
		"protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*"}}]}}`
	goodStorage = `{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2025-06-01", "name": "sta", "location": "australiaeast",
		"kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {"minimumTlsVersion": "TLS1_2"}}`
	goodVM = `{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2025-04-01", "name": "vm-a", "location": "australiaeast",
		"properties": {"hardwareProfile": {"vmSize": "Standard_NC4as_T4_v3"}}}`
	goodExtension = `{"type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2025-04-01", "name": "vm-a/AzureMonitorLinuxAgent",
		"location": "australiaeast", "properties": {"publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorLinuxAgent",
		"typeHandlerVersion": "1.0", "autoUpgradeMinorVersion": true, "enableAutomaticUpgrade": true, "settings": {}}}`
	goodDiagnostics = `{"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "to-log",
		"scope": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-a')]",
		"properties": {"workspaceId": "[resourceId('Microsoft.OperationalInsights/workspaces', 'log')]", "logs": [{"categoryGroup": "allLogs", "enabled": true}]}}`
)

// TestValidateFails proves the validator reports broken resources: each
// case changes one thing in a resource that validates.
func TestValidateFails(t *testing.T) {
	v := armschema.Shared(t)
	tests := []struct {
		name string
		body string
		// want is a substring of the error; "" means valid.
		want string
	}{
		{"vnet valid", goodVNet, ""},
		{"nsg valid", goodNSG, ""},
		{"storage valid", goodStorage, ""},
		{"vm with a current size valid", goodVM, ""},
		{"extension with generated properties valid", goodExtension, ""},
		{"diagnostic setting valid", goodDiagnostics, ""},
		{"unknown property", strings.Replace(goodVNet, `"addressSpace"`, `"adressSpace"`, 1),
			"at '/properties/adressSpace': property not declared"},
		{"unknown top-level key", strings.Replace(goodVNet, `"location"`, `"locaton"`, 1),
			"at '/locaton': property not declared"},
		{"unknown property in an array item", strings.Replace(goodNSG, `"destinationPortRange"`, `"destinationPortRnage"`, 1),
			"at '/properties/securityRules/0/properties/destinationPortRnage': property not declared"},
		{"unknown property in an extension", strings.Replace(goodExtension, `"enableAutomaticUpgrade"`, `"enableAutoUpgrade"`, 1),
			"at '/properties/enableAutoUpgrade': property not declared"},
		{"wrong enum", strings.Replace(goodNSG, `"Deny"`, `"Permit"`, 1),
			"at '/properties/securityRules/0/properties/access': value must be one of 'Allow', 'Deny'"},
		{"wrong enum in a string", strings.Replace(goodStorage, `"TLS1_2"`, `"TLS1_9"`, 1),
			"at '/properties/minimumTlsVersion': value must be one of"},
		{"wrong type", strings.Replace(goodNSG, `4096`, `"last"`, 1),
			"at '/properties/securityRules/0/properties/priority'"},
		{"wrong type where a size is due", strings.Replace(goodVM, `"Standard_NC4as_T4_v3"`, `42`, 1),
			"at '/properties/hardwareProfile/vmSize': got number, want string"},
		{"missing required property", `{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-07-01", "name": "vnet-a"}`,
			"missing property 'properties'"},
		{"unknown property of an extension resource", strings.Replace(goodDiagnostics, `"workspaceId"`, `"workspace"`, 1),
			"at '/properties/workspace': property not declared"},
		{"apiVersion without a schema", strings.Replace(goodVNet, `2025-07-01`, `2099-01-01`, 1),
			"no schema declares Microsoft.Network/virtualNetworks at apiVersion 2099-01-01"},
		{"subscription type in a resource group", `{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2025-04-01", "name": "rg", "location": "x", "properties": {}}`,
			"no schema declares Microsoft.Resources/resourceGroups at apiVersion 2025-04-01 for this scope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := armschema.Resource{Path: "resources[0]", Template: armschema.ResourceGroupTemplate, Scope: armschema.ResourceGroup, Body: decode(t, tt.body)}
			err := v.Validate(r)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate(%s) = %v; want nil", tt.name, err)
			case tt.want != "" && err == nil:
				t.Errorf("Validate(%s) = nil; want an error containing %q", tt.name, tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("Validate(%s) = %v; want an error containing %q", tt.name, err, tt.want)
			}
		})
	}
}

// TestValidateMissingSchemaIsTyped lets callers tell a missing schema from
// an invalid resource.
func TestValidateMissingSchemaIsTyped(t *testing.T) {
	v := armschema.Shared(t)
	r := armschema.Resource{Path: "resources[0]", Template: armschema.ResourceGroupTemplate, Body: decode(t,
		`{"type": "Microsoft.Example/widgets", "apiVersion": "2024-01-01", "name": "w"}`)}
	var none *armschema.NoSchemaError
	if err := v.Validate(r); !errors.As(err, &none) {
		t.Fatalf("Validate(unknown type) = %v; want a *NoSchemaError", err)
	}
	if none.Type != "Microsoft.Example/widgets" || none.APIVersion != "2024-01-01" {
		t.Errorf("NoSchemaError = %+v; want type Microsoft.Example/widgets at 2024-01-01", none)
	}
}

// TestParse checks how templates are walked and which shapes are refused.
func TestParse(t *testing.T) {
	const rg = `"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"`
	const sub = `"https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"`
	nested := func(schema, target string) string {
		return `{"$schema": ` + sub + `, "contentVersion": "1.0.0.0", "resources": [
			{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2025-04-01", "name": "rg", "location": "x", "properties": {}},
			{"type": "Microsoft.Resources/deployments", "apiVersion": "2025-04-01", "name": "d", ` + target + `
			 "properties": {"mode": "Incremental", "template": {"$schema": ` + schema + `, "contentVersion": "1.0.0.0", "resources": [
				{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-07-01", "name": "v"}]}}}]}`
	}
	tests := []struct {
		name    string
		tpl     string
		want    []string // Path@Scope of each resource
		wantErr string
	}{
		{"nested resource group deployment", nested(rg, `"resourceGroup": "rg",`),
			[]string{"resources[0]@subscription", "resources[1]@subscription", "resources[1].properties.template.resources[0]@resourceGroup"}, ""},
		{"nested subscription deployment", nested(sub, ""),
			[]string{"resources[0]@subscription", "resources[1]@subscription", "resources[1].properties.template.resources[0]@subscription"}, ""},
		{"scope disagrees with $schema", nested(sub, `"resourceGroup": "rg",`), nil,
			"resources[1] deploys to a resourceGroup but its template's $schema is for a subscription"},
		{"unknown $schema", `{"$schema": "https://example.com/t.json#", "resources": []}`, nil, "is not one of"},
		{"symbolic names", `{"$schema": ` + rg + `, "resources": {"v": {}}}`, nil, "symbolic names are not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := armschema.Parse([]byte(tt.tpl))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse(%s) error = %v; want one containing %q", tt.name, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", tt.name, err)
			}
			var got []string
			for _, r := range c.Resources {
				got = append(got, r.Path+"@"+r.Scope.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%s) resources (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}
