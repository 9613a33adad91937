package check_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
)

// mutation breaks the first resource of a type in the example: it sets
// (or, with a nil value, deletes) a property path, or drops the resources
// of another type that point at it (drop).
type mutation struct {
	typ  model.Type
	path string
	// value is JSON; "" deletes the property.
	value string
	// drop removes every resource of this type whose body mentions the
	// target's ID (private endpoints, diagnostic settings).
	drop model.Type
}

// curated are built-in definitions with their expected result on the
// built-in example — compliant — and a mutation that makes the example
// non-compliant.
var curated = []struct {
	file   string
	params check.Params
	mut    mutation
}{
	{"Machine Learning/Workspace_PublicNetworkAccessDisabled_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Machine Learning/Workspace_PrivateEndpoint_Audit_V2.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces", drop: "Microsoft.Network/privateEndpoints"}},
	{"Machine Learning/Workspace_CMKEnabled_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces", path: "properties.encryption"}},
	{"Machine Learning/Workspace_UAIEnabled_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces", path: "properties.primaryUserAssignedIdentity"}},
	{"Machine Learning/AuditDiagnosticLog_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces", drop: "Microsoft.Insights/diagnosticSettings"}},
	{"Machine Learning/DisableLocalAuth_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces/computes", path: "properties.disableLocalAuth", value: `false`}},
	{"Machine Learning/Vnet_Audit.json", nil, mutation{typ: "Microsoft.MachineLearningServices/workspaces/computes", path: "properties.properties.subnet"}},
	{"Azure Databricks/Databricks_AuditPublicNetworkAccess.json", nil, mutation{typ: "Microsoft.Databricks/workspaces", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Azure Databricks/Databricks_DisablePublicIP_Audit.json", nil, mutation{typ: "Microsoft.Databricks/workspaces", path: "properties.parameters.enableNoPublicIp.value", value: `false`}},
	{"Azure Databricks/Databricks_VNETEnabled_Audit.json", nil, mutation{typ: "Microsoft.Databricks/workspaces", path: "properties.parameters.customVirtualNetworkId"}},
	{"Azure Databricks/AllowedDatabricksSkus_Audit.json", nil, mutation{typ: "Microsoft.Databricks/workspaces", path: "sku.name", value: `"standard"`}},
	{"Container Registry/ACR_AdminAccountDisabled_AuditDeny.json", nil, mutation{typ: "Microsoft.ContainerRegistry/registries", path: "properties.adminUserEnabled", value: `true`}},
	{"Container Registry/ACR_AnonymousPullDisabled_AuditDeny.json", nil, mutation{typ: "Microsoft.ContainerRegistry/registries", path: "properties.anonymousPullEnabled", value: `true`}},
	{"Container Registry/ACR_PublicNetworkAccess_AuditDeny.json", nil, mutation{typ: "Microsoft.ContainerRegistry/registries", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Container Registry/ACR_SkuSupportsPrivateEndpoints_AuditDeny.json", nil, mutation{typ: "Microsoft.ContainerRegistry/registries", path: "sku.name", value: `"Basic"`}},
	{"Container Registry/ACR_PrivateEndpointEnabled_Audit.json", nil, mutation{typ: "Microsoft.ContainerRegistry/registries", drop: "Microsoft.Network/privateEndpoints"}},
	{"Key Vault/PublicNetworkAccess_Audit.json", nil, mutation{typ: "Microsoft.KeyVault/vaults", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Key Vault/Recoverable_Audit.json", nil, mutation{typ: "Microsoft.KeyVault/vaults", path: "properties.enablePurgeProtection", value: `false`}},
	{"Key Vault/Should_Use_RBAC.json", nil, mutation{typ: "Microsoft.KeyVault/vaults", path: "properties.enableRbacAuthorization", value: `false`}},
	{"Key Vault/Should_Use_PrivateEndpoint_Audit.json", nil, mutation{typ: "Microsoft.KeyVault/vaults", drop: "Microsoft.Network/privateEndpoints"}},
	{"Key Vault/AuditDiagnosticLog_Audit.json", nil, mutation{typ: "Microsoft.KeyVault/vaults", drop: "Microsoft.Insights/diagnosticSettings"}},
	{"Kubernetes/AKS_AAD_Integration_Audit.json", nil, mutation{typ: "Microsoft.ContainerService/managedClusters", path: "properties.aadProfile"}},
	{"Kubernetes/AKS_PrivateCluster_Deny.json", nil, mutation{typ: "Microsoft.ContainerService/managedClusters", path: "properties.apiServerAccessProfile.enablePrivateCluster", value: `false`}},
	{"Kubernetes/AKS_AzurePolicyAddOn_Audit.json", nil, mutation{typ: "Microsoft.ContainerService/managedClusters", path: "properties.addonProfiles.azurepolicy.enabled", value: `false`}},
	{"Security Center/ASC_EnableRBAC_KubernetesService_Audit.json", nil, mutation{typ: "Microsoft.ContainerService/managedClusters", path: "properties.enableRBAC", value: `false`}},
	{"Kubernetes/AKS_EnableCNI.json", nil, mutation{typ: "Microsoft.ContainerService/managedClusters", path: "properties.networkProfile.networkPlugin", value: `"kubenet"`}},
	{"Storage/ASC_Storage_DisallowPublicBlobAccess_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.allowBlobPublicAccess", value: `true`}},
	{"Storage/StorageAccountAllowSharedKeyAccess_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.allowSharedKeyAccess", value: `true`}},
	{"Storage/StorageAccountMinimumTLSVersion_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.minimumTlsVersion", value: `"TLS1_0"`}},
	{"Storage/StoragePublicNetworkAccess_AuditDeny.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Storage/Storage_AuditForHTTPSEnabled_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.supportsHttpsTrafficOnly", value: `false`}},
	{"Storage/Storage_NetworkAcls_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", path: "properties.networkAcls.defaultAction", value: `"Allow"`}},
	{"Storage/StorageAccountPrivateEndpointEnabled_Audit.json", nil, mutation{typ: "Microsoft.Storage/storageAccounts", drop: "Microsoft.Network/privateEndpoints"}},
	{"Data Factory/PublicNetworkAccess_Audit.json", nil, mutation{typ: "Microsoft.DataFactory/factories", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Synapse/WorkspacePublicNetworkAccess_Deny.json", nil, mutation{typ: "Microsoft.Synapse/workspaces", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"Synapse/WorkspaceManagedVnet_Audit.json", nil, mutation{typ: "Microsoft.Synapse/workspaces", path: "properties.managedVirtualNetwork"}},
	{"App Service/Webapp_AuditHTTP_Audit.json", nil, mutation{typ: "Microsoft.Web/sites", path: "properties.httpsOnly", value: `false`}},
	{"App Service/WebApp_PublicNetworkAccess_Audit.json", nil, mutation{typ: "Microsoft.Web/sites", path: "properties.publicNetworkAccess", value: `"Enabled"`}},
	{"App Service/RequireLatestTls_WebApp_Audit.json", nil, mutation{typ: "Microsoft.Web/sites", path: "properties.siteConfig.minTlsVersion", value: `"1.0"`}},
	{"App Service/DisableRemoteDebugging_WebApp_Audit.json", nil, mutation{typ: "Microsoft.Web/sites", path: "properties.siteConfig.remoteDebuggingEnabled", value: `true`}},
	{"Network/NetworkSecurityGroupOnGatewaySubnet_Deny.json", nil, mutation{typ: "Microsoft.Network/virtualNetworks", path: "properties.subnets.[name=GatewaySubnet].properties.networkSecurityGroup", value: `{"id": "/nsg"}`}},
	{"Network/AzureFirewallPolicy_EnableThreatIntelligence_Audit.json", nil, mutation{typ: "Microsoft.Network/firewallPolicies", path: "properties.threatIntelMode", value: `"Off"`}},
	{"Network/AzureFirewall_EnableDNSProxy_Audit.json", nil, mutation{typ: "Microsoft.Network/firewallPolicies", path: "properties.dnsSettings.enableProxy"}},
	{"Network/VPNGateways_BasicSKU_Audit.json", nil, mutation{typ: "Microsoft.Network/virtualNetworkGateways", path: "properties.sku.tier", value: `"Basic"`}},
	{"Monitoring/LogAnalyticsWorkspaces_DisableLocalAuth_Deny.json", nil, mutation{typ: "Microsoft.OperationalInsights/workspaces", path: "properties.features.disableLocalAuth", value: `false`}},
	{"Network/NetworkIPForwardingNic_Deny.json", nil, mutation{typ: "Microsoft.Network/networkInterfaces", path: "properties.enableIPForwarding", value: `true`}},
	{"Network/NetworkPublicIPNic_Deny.json", nil, mutation{typ: "Microsoft.Network/networkInterfaces", path: "properties.ipConfigurations.0.properties.publicIPAddress", value: `{"id": "/pip"}`}},
}

// TestCuratedBuiltins checks each curated built-in: the example complies,
// and the mutated example does not.
func TestCuratedBuiltins(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "data", "azure-policy")
	_, aliases := builtins(t)
	g := exampleGraph(t)
	base := inputOf(t, g).Resources()
	// Only the resources the graph holds; InputOf derives the rest again.
	var own []check.Resource
	for _, r := range base {
		if _, ok := g.Get(r.Address); ok {
			own = append(own, r)
		}
	}
	if len(curated) < 30 {
		t.Errorf("%d curated built-ins; want at least 30", len(curated))
	}
	for _, tc := range curated {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			defs, err := check.LoadDir(filepath.Join(dir, "definitions", filepath.Dir(tc.file)))
			if err != nil {
				t.Fatal(err)
			}
			var d *check.Definition
			for _, x := range defs {
				if filepath.Base(x.Source) == filepath.Base(tc.file) {
					d = x
				}
			}
			if d == nil {
				t.Fatalf("%s not found", tc.file)
			}
			run := func(rs []check.Resource) *check.Result {
				set := check.NewSet(aliases)
				if err := set.Add(d, tc.params); err != nil {
					t.Fatal(err)
				}
				in, err := check.InputOf(rs)
				if err != nil {
					t.Fatal(err)
				}
				res := set.Evaluate(in)
				if len(res.Unsupported) > 0 || len(res.Errors) > 0 {
					t.Fatalf("unsupported %v, errors %v", res.Unsupported, res.Errors)
				}
				return res
			}
			target, mutated := mutate(t, own, tc.mut)
			if res := run(own); len(res.Findings) > 0 {
				t.Errorf("on the example: %s %s: %s; want compliant", res.Findings[0].Effect, res.Findings[0].Resource, res.Findings[0].Message)
			}
			res := run(mutated)
			found := false
			for _, f := range res.Findings {
				if f.Resource == target || f.Resource.Parent() == target {
					found = true
				}
			}
			if !found {
				t.Errorf("mutated %s (%+v): findings %v; want one on it", target, tc.mut, res.Findings)
			}
		})
	}
}

// mutate applies m to a copy of rs and returns the target's address.
func mutate(t *testing.T, rs []check.Resource, m mutation) (model.Address, []check.Resource) {
	t.Helper()
	ti := -1
	for i, r := range rs {
		if r.Address.Type == m.typ {
			ti = i
			break
		}
	}
	if ti < 0 {
		t.Fatalf("the example has no %s", m.typ)
	}
	target := rs[ti]
	var out []check.Resource
	for i, r := range rs {
		if m.drop != "" && r.Address.Type == m.drop && strings.Contains(string(r.Body), target.ID+`"`) {
			continue
		}
		if m.drop != "" && r.Address.Scope == target.Address.String() && r.Address.Type == m.drop {
			continue
		}
		if i == ti && m.path != "" {
			var doc any
			if err := json.Unmarshal(r.Body, &doc); err != nil {
				t.Fatal(err)
			}
			var v any
			if m.value != "" {
				if err := json.Unmarshal([]byte(m.value), &v); err != nil {
					t.Fatal(err)
				}
			}
			if !setPath(doc, strings.Split(m.path, "."), v, m.value == "") {
				t.Fatalf("%s has no place %s", r.Address, m.path)
			}
			b, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			r.Body = b
		}
		out = append(out, r)
	}
	if len(out) == len(rs) && m.drop != "" {
		t.Fatalf("nothing of type %s refers to %s", m.drop, target.Address)
	}
	return target.Address, out
}

// setPath sets (or deletes) a dotted path; numeric segments index arrays
// and "[name=x]" picks the element named x.
// Missing objects on the way are created when setting.
func setPath(doc any, path []string, v any, del bool) bool {
	for i, seg := range path {
		last := i == len(path)-1
		switch t := doc.(type) {
		case map[string]any:
			if last {
				if del {
					if _, ok := t[seg]; !ok {
						return false
					}
					delete(t, seg)
				} else {
					t[seg] = v
				}
				return true
			}
			next, ok := t[seg]
			if !ok {
				if del {
					return false
				}
				next = map[string]any{}
				t[seg] = next
			}
			doc = next
		case []any:
			n := -1
			if name, ok := strings.CutPrefix(seg, "[name="); ok {
				// The element with that name.
				for j, e := range t {
					if m, ok := e.(map[string]any); ok && m["name"] == strings.TrimSuffix(name, "]") {
						n = j
					}
				}
			} else {
				n = 0
				for _, c := range seg {
					n = n*10 + int(c-'0')
				}
			}
			if n < 0 || n >= len(t) {
				return false
			}
			if last {
				t[n] = v
				return true
			}
			doc = t[n]
		default:
			return false
		}
	}
	return false
}
