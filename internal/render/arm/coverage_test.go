package arm_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/render/arm/armschema"
)

// inventory is the rendered example's resources by lower-case type.
type inventory map[string][]armschema.Resource

func (inv inventory) of(typ string) []armschema.Resource { return inv[strings.ToLower(typ)] }

// need checks one requirement and returns what is missing.
type need func(inv inventory) []string

// designTable mirrors DESIGN.md's table "The environment the built-in
// example must produce": per capability, the ARM resources the rendered
// example must contain.
var designTable = []struct {
	capability string
	needs      []need
}{
	{"organisation", []need{
		atLeast("Microsoft.Resources/resourceGroups", 5),
		tagged("Microsoft.Resources/resourceGroups"),
		atLeast("Microsoft.Consumption/budgets", 1),
	}},
	{"network", []need{
		atLeast("Microsoft.Network/virtualNetworks", 2),
		atLeast("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", 2),
		atLeast("Microsoft.Network/networkSecurityGroups", 1),
		atLeast("Microsoft.Network/routeTables", 1),
	}},
	{"egress", []need{
		atLeast("Microsoft.Network/azureFirewalls", 1),
		atLeast("Microsoft.Network/firewallPolicies", 1),
		atLeast("Microsoft.Network/firewallPolicies/ruleCollectionGroups", 1),
	}},
	{"on-prem", []need{
		atLeast("Microsoft.Network/virtualNetworkGateways", 1),
		atLeast("Microsoft.Network/localNetworkGateways", 1),
		atLeast("Microsoft.Network/connections", 1),
		atLeast("Microsoft.Network/dnsResolvers", 1),
		atLeast("Microsoft.Network/dnsResolvers/inboundEndpoints", 1),
	}},
	{"access", []need{
		atLeast("Microsoft.Network/bastionHosts", 1),
	}},
	{"private DNS", []need{
		named("Microsoft.Network/privateDnsZones",
			"privatelink.blob.core.windows.net", "privatelink.file.core.windows.net",
			"privatelink.dfs.core.windows.net", "privatelink.queue.core.windows.net",
			"privatelink.table.core.windows.net", "privatelink.vaultcore.azure.net",
			"privatelink.azurecr.io", "privatelink.api.azureml.ms", "privatelink.notebooks.azure.net",
			"privatelink.azuredatabricks.net", "privatelink.sql.azuresynapse.net",
			"privatelink.dev.azuresynapse.net", "privatelink.datafactory.azure.net",
			"privatelink.adf.azure.com", "privatelink.azurewebsites.net",
			"privatelink.servicebus.windows.net", "privatelink.australiaeast.azmk8s.io"),
		zonesLinkedTo(2),
	}},
	{"workstations", []need{
		atLeast("Microsoft.Compute/virtualMachines", 7),
		atLeast("Microsoft.DevTestLab/schedules", 7),
		vmExtensions([]string{"AADSSHLoginForLinux", "AADLoginForWindows"}, []string{"AzureMonitorLinuxAgent", "AzureMonitorWindowsAgent"}),
	}},
	{"machine learning", []need{
		atLeast("Microsoft.MachineLearningServices/workspaces", 1),
		atLeast("Microsoft.MachineLearningServices/workspaces/computes", 2),
		atLeast("Microsoft.Insights/components", 1),
		atLeast("Microsoft.KeyVault/vaults", 1),
	}},
	{"containers", []need{
		atLeast("Microsoft.ContainerRegistry/registries", 1),
		atLeast("Microsoft.ContainerService/managedClusters", 1),
		withProperty("Microsoft.MachineLearningServices/workspaces/computes", "computeType", "AKS", "Kubernetes"),
	}},
	{"data", []need{
		atLeast("Microsoft.Storage/storageAccounts", 1),
		named("Microsoft.Storage/storageAccounts/blobServices/containers", "raw", "curated", "workspace"),
		atLeast("Microsoft.DataFactory/factories", 1),
		atLeast("Microsoft.DataFactory/factories/integrationRuntimes", 1),
		withProperty("Microsoft.DataFactory/factories/linkedservices", "type", "Oracle"),
		withProperty("Microsoft.DataFactory/factories/linkedservices", "type", "AzureBlobFS"),
		atLeast("Microsoft.Databricks/workspaces", 1),
		atLeast("Microsoft.Synapse/workspaces", 1),
		atLeast("Microsoft.EventHub/namespaces", 1),
		atLeast("Microsoft.EventHub/namespaces/eventhubs", 1),
		atLeast("Microsoft.StreamAnalytics/streamingjobs", 1),
	}},
	{"apps", []need{
		atLeast("Microsoft.Web/serverfarms", 1),
		atLeast("Microsoft.Web/sites", 1),
	}},
	{"identity", []need{
		atLeast("Microsoft.Authorization/roleDefinitions", 3),
		atLeast("Microsoft.Authorization/roleAssignments", 1),
	}},
	{"governance", []need{
		atLeast("Microsoft.Authorization/policyAssignments", 5),
		atLeast("Microsoft.Security/pricings", 1),
		atLeast("Microsoft.Security/securityContacts", 1),
	}},
	{"monitoring", []need{
		atLeast("Microsoft.OperationalInsights/workspaces", 1),
		atLeast("Microsoft.Insights/diagnosticSettings", 1),
		atLeast("Microsoft.Insights/actionGroups", 1),
		atLeast("Microsoft.Insights/metricAlerts", 4),
	}},
}

// minResources is the least the whole example should render.
const minResources = 150

// TestExampleCoversDesignTable renders the built-in example and lists every
// resource DESIGN.md's table asks for that it lacks.
func TestExampleCoversDesignTable(t *testing.T) {
	c, err := armschema.Parse(renderExample(t).Template)
	if err != nil {
		t.Fatal(err)
	}
	inv := inventory{}
	for _, r := range c.Resources {
		if !strings.EqualFold(r.Type(), "Microsoft.Resources/deployments") {
			inv[strings.ToLower(r.Type())] = append(inv[strings.ToLower(r.Type())], r)
		}
	}
	total := 0
	for _, rs := range inv {
		total += len(rs)
	}
	for _, row := range designTable {
		for _, n := range row.needs {
			for _, missing := range n(inv) {
				t.Errorf("%s: %s", row.capability, missing)
			}
		}
	}
	if total < minResources {
		t.Errorf("example renders %d resources; want at least %d", total, minResources)
	}
}

func atLeast(typ string, n int) need {
	return func(inv inventory) []string {
		if got := len(inv.of(typ)); got < n {
			return []string{fmt.Sprintf("%s: %d rendered; want at least %d", typ, got, n)}
		}
		return nil
	}
}

// named requires resources of typ whose last name segment is each of leaves.
func named(typ string, leaves ...string) need {
	return func(inv inventory) []string {
		have := map[string]bool{}
		for _, r := range inv.of(typ) {
			have[r.Name()[strings.LastIndexByte(r.Name(), '/')+1:]] = true
		}
		var out []string
		for _, l := range leaves {
			if !have[l] {
				out = append(out, fmt.Sprintf("%s named %q missing", typ, l))
			}
		}
		return out
	}
}

// tagged requires every resource of typ to carry tags.
func tagged(typ string) need {
	return func(inv inventory) []string {
		var out []string
		for _, r := range inv.of(typ) {
			if tags, _ := r.Body["tags"].(map[string]any); len(tags) == 0 {
				out = append(out, fmt.Sprintf("%s %s has no tags", typ, r.Name()))
			}
		}
		return out
	}
}

// withProperty requires a resource of typ whose properties.<key> is one of
// values.
func withProperty(typ, key string, values ...string) need {
	return func(inv inventory) []string {
		for _, r := range inv.of(typ) {
			if slices.Contains(values, property(r, key)) {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s with properties.%s %s missing", typ, key, strings.Join(values, " or "))}
	}
}

// zonesLinkedTo requires every private DNS zone to be linked to n distinct
// virtual networks.
func zonesLinkedTo(n int) need {
	return func(inv inventory) []string {
		links := map[string]map[string]bool{}
		for _, l := range inv.of("Microsoft.Network/privateDnsZones/virtualNetworkLinks") {
			zone, _, _ := strings.Cut(l.Name(), "/")
			vnet, _ := l.Body["properties"].(map[string]any)["virtualNetwork"].(map[string]any)
			if links[zone] == nil {
				links[zone] = map[string]bool{}
			}
			links[zone][fmt.Sprint(vnet["id"])] = true
		}
		var out []string
		for _, z := range inv.of("Microsoft.Network/privateDnsZones") {
			if got := len(links[z.Name()]); got < n {
				out = append(out, fmt.Sprintf("private DNS zone %s linked to %d virtual networks; want %d", z.Name(), got, n))
			}
		}
		return out
	}
}

// vmExtensions requires every virtual machine to have an extension of one
// of each group of extension types (Entra ID login, monitoring agent).
func vmExtensions(groups ...[]string) need {
	return func(inv inventory) []string {
		has := map[string][]string{}
		for _, e := range inv.of("Microsoft.Compute/virtualMachines/extensions") {
			vm, _, _ := strings.Cut(e.Name(), "/")
			has[vm] = append(has[vm], property(e, "type"))
		}
		var out []string
		for _, vm := range inv.of("Microsoft.Compute/virtualMachines") {
			for _, g := range groups {
				if !slices.ContainsFunc(has[vm.Name()], func(typ string) bool { return slices.Contains(g, typ) }) {
					out = append(out, fmt.Sprintf("virtual machine %s has no %s extension", vm.Name(), strings.Join(g, " or ")))
				}
			}
		}
		return out
	}
}

// property returns properties.<key> of r as a string, or "".
func property(r armschema.Resource, key string) string {
	props, _ := r.Body["properties"].(map[string]any)
	s, _ := props[key].(string)
	return s
}
