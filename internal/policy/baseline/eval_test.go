package baseline_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
	"github.com/enclave-dev/enclave/internal/spec/spectest"
)

// example is the compiled built-in example as the evaluator sees it,
// built once: the tests copy it before mutating.
var example = sync.OnceValues(func() (exampleFixture, error) { return compileFixture(spec.Example()) })

// compileFixture compiles d and presents it as the evaluator sees it.
func compileFixture(d *spec.Document) (exampleFixture, error) {
	res, ds, err := compile.Compile(d)
	if err != nil {
		return exampleFixture{}, err
	}
	if ds.HasErrors() {
		return exampleFixture{}, fmt.Errorf("compile example: %v", ds)
	}
	g := res.Graph
	bodies, err := arm.ResourceJSON(g, check.SubscriptionID)
	if err != nil {
		return exampleFixture{}, err
	}
	var rs []check.Resource
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		rs = append(rs, check.Resource{Address: a, ID: check.ResourceID(g, a), Origin: r.Base().Origin, Body: bodies[a]})
	}
	return exampleFixture{g: g, resources: rs}, nil
}

type exampleFixture struct {
	g         *model.Graph
	resources []check.Resource
}

func fixture(t *testing.T) exampleFixture {
	t.Helper()
	f, err := example()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// baselineSet loads the embedded definitions into a check.Set with the
// parameter values enclave's own assignment of the initiative passes (the
// spec's locations, VM sizes and customer-managed-key effect).
func baselineSet(t *testing.T, g *model.Graph, only ...string) (*check.Set, []*check.Definition) {
	t.Helper()
	defs, err := loadDefs()
	if err != nil {
		t.Fatal(err)
	}
	params := assignmentParams(t, g)
	s := check.NewSet(azureAliases(t))
	for _, d := range defs {
		if len(only) > 0 && !slices.Contains(only, d.Name) {
			continue
		}
		if err := s.Add(d, params[d.Name]); err != nil {
			t.Fatalf("Add(%s) error: %v", d.Name, err)
		}
	}
	return s, defs
}

// loadDefs parses the embedded definitions for the evaluator once.
var loadDefs = sync.OnceValues(func() ([]*check.Definition, error) {
	return check.LoadFS(baseline.FS(), baseline.Dir, "baseline:")
})

// assignmentParams turns the model's baseline assignment into parameter
// values per member definition, through the initiative's mapping.
func assignmentParams(t *testing.T, g *model.Graph) map[string]check.Params {
	t.Helper()
	sets := model.All[*model.PolicySetDefinition](g)
	if len(sets) != 1 {
		t.Fatalf("model has %d initiatives; want the baseline", len(sets))
	}
	set := sets[0]
	var pa *model.PolicyAssignment
	for _, a := range model.All[*model.PolicyAssignment](g) {
		if a.Definition.Address == model.AddressOf(set) {
			pa = a
			break
		}
	}
	if pa == nil {
		t.Fatal("the baseline initiative is not assigned")
	}
	values := map[string]json.RawMessage{}
	for _, p := range pa.Parameters {
		var v any
		switch {
		case p.Strings != nil:
			v = p.Strings
		case p.String != "":
			v = p.String
		default:
			t.Fatalf("baseline assignment parameter %s has no literal value", p.Name)
		}
		values[p.Name] = mustJSON(t, v)
	}
	out := map[string]check.Params{}
	for _, m := range set.Members {
		for _, v := range m.Parameters {
			val, ok := values[v.SetParameter]
			if !ok {
				continue // the initiative's default applies
			}
			if out[m.Definition.Name] == nil {
				out[m.Definition.Name] = check.Params{}
			}
			out[m.Definition.Name][v.Name] = val
		}
	}
	return out
}

// azureAliases is Azure's alias table (Get-AzPolicyAlias) from ../shared,
// so that the baseline is judged with the paths Azure resolves after
// deployment. The tests skip without it.
func azureAliases(t *testing.T) *check.Aliases {
	t.Helper()
	aliasOnce.Do(func() {
		raw, err := os.ReadFile(filepath.Join(sharedDir(t), "data", "azure-policy", "aliases", "aliases.json"))
		if err != nil {
			aliasErr = err
			return
		}
		aliasTable, aliasErr = check.LoadAliases(raw)
	})
	if errors.Is(aliasErr, fs.ErrNotExist) {
		t.Skipf("skipping: Azure's alias list is not at ../shared/data/azure-policy/aliases (%v)", aliasErr)
	}
	if aliasErr != nil {
		t.Fatal(aliasErr)
	}
	return aliasTable
}

var (
	aliasOnce  sync.Once
	aliasTable *check.Aliases
	aliasErr   error
)

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func evaluate(t *testing.T, s *check.Set, rs []check.Resource) *check.Result {
	t.Helper()
	in, err := check.InputOf(rs)
	if err != nil {
		t.Fatalf("InputOf() error: %v", err)
	}
	r := s.Evaluate(in)
	for _, u := range r.Unsupported {
		t.Errorf("unsupported: %s: %s %s", u.Policy, u.Construct, u.Detail)
	}
	for _, e := range r.Errors {
		t.Errorf("evaluation error: %s on %s: %s", e.Policy, e.Resource, e.Err)
	}
	return r
}

// exemptions are the model's policy exemptions, "<definition>|<address>"
// to the justification: findings they cover are accepted, as Azure does.
func exemptions(t *testing.T, g *model.Graph) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range model.All[*model.PolicyExemption](g) {
		if e.Description == "" {
			t.Errorf("exemption %s has no justification", e.Name)
		}
		for _, id := range e.ReferenceIDs {
			out[baseline.NamePrefix+id+"|"+e.Scope.String()] = e.Description
		}
	}
	return out
}

// TestExampleHasNoBaselineFindings evaluates the whole baseline over the
// built-in example: no deny, audit or auditIfNotExists finding apart from
// those the model's exemptions justify, nothing unsupported, no error.
// An exemption that covers no finding fails the test, so none outlives
// its cause.
func TestExampleHasNoBaselineFindings(t *testing.T) {
	f := fixture(t)
	s, defs := baselineSet(t, f.g)
	r := evaluate(t, s, f.resources)
	exempt := exemptions(t, f.g)
	seen := map[string]bool{}
	for _, fd := range r.AtOrAbove(check.LevelAudit) {
		key := fd.Policy + "|" + fd.Resource.String()
		if _, ok := exempt[key]; ok {
			seen[key] = true
			continue
		}
		t.Errorf("%s on %s (%s): %s", fd.Policy, fd.Resource, fd.Effect, fd.Message)
	}
	for key, why := range exempt {
		if !seen[key] {
			t.Errorf("exemption %s covers no finding (%s); remove it", key, why)
		}
	}
	t.Logf("%d definitions over %d resources: %d findings, %d exempted", len(defs), r.Resources, len(r.Findings), len(seen))
}

// TestVariantsHaveNoBaselineFindings compiles variations of the example
// (services off, the other connection, other workstation kinds) and
// requires the same of each as of the example: no finding the model's
// exemptions do not justify.
func TestVariantsHaveNoBaselineFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the variants in -short mode")
	}
	for _, v := range spectest.Variants() {
		name, edit := v.Name, v.Edit
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := spec.Example()
			edit(d)
			f, err := compileFixture(d)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := baselineSet(t, f.g)
			r := evaluate(t, s, f.resources)
			exempt := exemptions(t, f.g)
			for _, fd := range r.AtOrAbove(check.LevelAudit) {
				if _, ok := exempt[fd.Policy+"|"+fd.Resource.String()]; !ok {
					t.Errorf("%s on %s (%s): %s", fd.Policy, fd.Resource, fd.Effect, fd.Message)
				}
			}
		})
	}
}

// Mutations of the example's resources.

// edit returns a copy of rs where fn changed the decoded body of every
// resource of type typ whose name is name (any name when empty).
func edit(t *testing.T, rs []check.Resource, typ model.Type, name string, fn func(body map[string]any)) []check.Resource {
	t.Helper()
	out := slices.Clone(rs)
	hit := false
	for i, r := range out {
		if r.Address.Type != typ || (name != "" && r.Address.Name != name) {
			continue
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		fn(body)
		out[i].Body = mustJSON(t, body)
		hit = true
	}
	if !hit {
		t.Fatalf("no %s %q in the example", typ, name)
	}
	return out
}

// drop returns rs without the resources keep rejects, failing when none
// was dropped.
func drop(t *testing.T, rs []check.Resource, gone func(check.Resource) bool) []check.Resource {
	t.Helper()
	out := slices.DeleteFunc(slices.Clone(rs), gone)
	if len(out) == len(rs) {
		t.Fatal("drop removed nothing")
	}
	return out
}

// set writes v at a dotted path of body, creating objects on the way.
func set(body map[string]any, path string, v any) {
	keys := strings.Split(path, ".")
	m := body
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	m[keys[len(keys)-1]] = v
}

// del removes the value at a dotted path.
func del(body map[string]any, path string) {
	keys := strings.Split(path, ".")
	m := body
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return
		}
		m = next
	}
	delete(m, keys[len(keys)-1])
}

// props sets properties.<path> to v on resources of typ (named name, or all).
func props(typ model.Type, name, path string, v any) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, typ, name, func(b map[string]any) { set(b, "properties."+path, v) })
	}
}

// unset deletes properties.<path> on resources of typ.
func unset(typ model.Type, name, path string) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, typ, name, func(b map[string]any) { del(b, "properties."+path) })
	}
}

// withoutExtensionOf drops the extension resources of type typ scoped to
// resources of type target.
func withoutExtensionOf(typ, target model.Type) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return drop(t, rs, func(r check.Resource) bool {
			return r.Address.Type == typ && strings.Contains(r.Address.Scope, string(target)+"/")
		})
	}
}

// withoutEndpointsTo drops the private endpoints connecting to a type.
func withoutEndpointsTo(target model.Type) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return drop(t, rs, func(r check.Resource) bool {
			return r.Address.Type == "Microsoft.Network/privateEndpoints" && strings.Contains(string(r.Body), "/providers/"+string(target)+"/")
		})
	}
}

// without drops resources of type typ whose name contains part.
func without(typ model.Type, part string) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return drop(t, rs, func(r check.Resource) bool { return r.Address.Type == typ && strings.Contains(r.Address.Name, part) })
	}
}

// add appends a resource built from a body to the input.
func add(group string, typ model.Type, name string, body map[string]any) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		a := model.Address{Group: group, Type: typ, Name: name}
		body["type"] = string(typ)
		body["name"] = name
		scope := "/subscriptions/" + check.SubscriptionID
		if group != "" {
			scope += "/resourceGroups/" + group
		}
		id := scope + "/providers/" + string(typ) + "/" + name
		if typ.Parent() != "" {
			segs := typ.Segments()
			names := strings.Split(name, "/")
			id = scope + "/providers/" + typ.Namespace()
			for i := range segs {
				id += "/" + segs[i] + "/" + names[i]
			}
		}
		return append(slices.Clone(rs), check.Resource{Address: a, ID: id, Body: mustJSON(t, body)})
	}
}

type mutation func(t *testing.T, rs []check.Resource) []check.Resource

// Resource types of the example the breaks touch.
const (
	tStorage  model.Type = "Microsoft.Storage/storageAccounts"
	tBlob     model.Type = "Microsoft.Storage/storageAccounts/blobServices"
	tVault    model.Type = "Microsoft.KeyVault/vaults"
	tKey      model.Type = "Microsoft.KeyVault/vaults/keys"
	tACR      model.Type = "Microsoft.ContainerRegistry/registries"
	tMLW      model.Type = "Microsoft.MachineLearningServices/workspaces"
	tCompute  model.Type = "Microsoft.MachineLearningServices/workspaces/computes"
	tDBW      model.Type = "Microsoft.Databricks/workspaces"
	tSynapse  model.Type = "Microsoft.Synapse/workspaces"
	tADF      model.Type = "Microsoft.DataFactory/factories"
	tIR       model.Type = "Microsoft.DataFactory/factories/integrationRuntimes"
	tEH       model.Type = "Microsoft.EventHub/namespaces"
	tSite     model.Type = "Microsoft.Web/sites"
	tPubCreds model.Type = "Microsoft.Web/sites/basicPublishingCredentialsPolicies"
	tAKS      model.Type = "Microsoft.ContainerService/managedClusters"
	tNSG      model.Type = "Microsoft.Network/networkSecurityGroups"
	tVNet     model.Type = "Microsoft.Network/virtualNetworks"
	tNIC      model.Type = "Microsoft.Network/networkInterfaces"
	tRT       model.Type = "Microsoft.Network/routeTables"
	tFWP      model.Type = "Microsoft.Network/firewallPolicies"
	tFW       model.Type = "Microsoft.Network/azureFirewalls"
	tConn     model.Type = "Microsoft.Network/connections"
	tVGW      model.Type = "Microsoft.Network/virtualNetworkGateways"
	tBastion  model.Type = "Microsoft.Network/bastionHosts"
	tVM       model.Type = "Microsoft.Compute/virtualMachines"
	tVMExt    model.Type = "Microsoft.Compute/virtualMachines/extensions"
	tSchedule model.Type = "Microsoft.DevTestLab/schedules"
	tLAW      model.Type = "Microsoft.OperationalInsights/workspaces"
	tRoleAsg  model.Type = "Microsoft.Authorization/roleAssignments"
	tRoleDef  model.Type = "Microsoft.Authorization/roleDefinitions"
	tDiag     model.Type = "Microsoft.Insights/diagnosticSettings"
)

// breaks holds, for every baseline definition, a change to the example
// that must make it report the resource type given.
var breaks = []struct {
	def  string
	m    mutation
	want model.Type
}{
	{"storage-public-network-access", props(tStorage, "", "publicNetworkAccess", "Enabled"), tStorage},
	{"storage-shared-key-access", unset(tStorage, "", "allowSharedKeyAccess"), tStorage},
	{"storage-minimum-tls", props(tStorage, "", "minimumTlsVersion", "TLS1_0"), tStorage},
	{"storage-https-only", props(tStorage, "", "supportsHttpsTrafficOnly", false), tStorage},
	{"storage-blob-anonymous-access", props(tStorage, "", "allowBlobPublicAccess", true), tStorage},
	{"storage-network-default-deny", props(tStorage, "", "networkAcls.defaultAction", "Allow"), tStorage},
	{"storage-cross-tenant-replication", unset(tStorage, "", "allowCrossTenantReplication"), tStorage},
	{"storage-infrastructure-encryption", props(tStorage, "", "encryption.requireInfrastructureEncryption", false), tStorage},
	{"storage-customer-managed-key", props(tStorage, "", "encryption.keySource", "Microsoft.Storage"), tStorage},
	{"storage-private-endpoint", withoutEndpointsTo(tStorage), tStorage},
	{"storage-blob-diagnostic-settings", withoutExtensionOf(tDiag, tBlob), tBlob},

	{"key-vault-public-network-access", props(tVault, "", "publicNetworkAccess", "Enabled"), tVault},
	{"key-vault-purge-protection", unset(tVault, "", "enablePurgeProtection"), tVault},
	{"key-vault-soft-delete", props(tVault, "", "softDeleteRetentionInDays", 7), tVault},
	{"key-vault-rbac", props(tVault, "", "enableRbacAuthorization", false), tVault},
	{"key-vault-firewall", props(tVault, "", "networkAcls.defaultAction", "Allow"), tVault},
	{"key-vault-private-endpoint", withoutEndpointsTo(tVault), tVault},
	{"key-vault-diagnostic-settings", withoutExtensionOf(tDiag, tVault), tVault},
	{"key-vault-key-rotation", unset(tKey, "", "rotationPolicy"), tKey},
	{"key-vault-key-size", props(tKey, "", "keySize", 1024), tKey},

	{"container-registry-public-network-access", props(tACR, "", "publicNetworkAccess", "Enabled"), tACR},
	{"container-registry-admin-user", props(tACR, "", "adminUserEnabled", true), tACR},
	{"container-registry-anonymous-pull", props(tACR, "", "anonymousPullEnabled", true), tACR},
	{"container-registry-export", props(tACR, "", "policies.exportPolicy.status", "enabled"), tACR},
	{"container-registry-premium", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tACR, "", func(b map[string]any) { set(b, "sku.name", "Standard") })
	}, tACR},
	{"container-registry-private-endpoint", withoutEndpointsTo(tACR), tACR},
	{"container-registry-diagnostic-settings", withoutExtensionOf(tDiag, tACR), tACR},

	{"ml-workspace-public-network-access", props(tMLW, "", "publicNetworkAccess", "Enabled"), tMLW},
	{"ml-workspace-public-behind-vnet", props(tMLW, "", "allowPublicAccessWhenBehindVnet", true), tMLW},
	{"ml-workspace-v1-legacy-mode", props(tMLW, "", "v1LegacyMode", true), tMLW},
	{"ml-workspace-customer-managed-key", unset(tMLW, "", "encryption"), tMLW},
	{"ml-workspace-private-endpoint", withoutEndpointsTo(tMLW), tMLW},
	{"ml-workspace-diagnostic-settings", withoutExtensionOf(tDiag, tMLW), tMLW},
	{"ml-compute-local-auth", props(tCompute, "mlw-kodata/cpu-cluster", "disableLocalAuth", false), tCompute},
	{"ml-compute-no-public-ip", props(tCompute, "mlw-kodata/gpu-cluster", "properties.enableNodePublicIp", true), tCompute},
	{"ml-compute-virtual-network", unset(tCompute, "mlw-kodata/cpu-cluster", "properties.subnet"), tCompute},
	{"ml-compute-ssh", props(tCompute, "mlw-kodata/cpu-cluster", "properties.remoteLoginPortPublicAccess", "Enabled"), tCompute},
	{"ml-compute-scale-to-zero", props(tCompute, "mlw-kodata/gpu-cluster", "properties.scaleSettings.minNodeCount", 1), tCompute},
	{"ml-compute-instance-idle-shutdown", add("rg-kodata-ml", tCompute, "mlw-kodata/ci-ds1", map[string]any{
		"location": "australiaeast",
		"properties": map[string]any{"computeType": "ComputeInstance", "disableLocalAuth": true,
			"properties": map[string]any{"vmSize": "Standard_DS3_v2", "enableNodePublicIp": false}},
	}), tCompute},

	{"databricks-public-network-access", props(tDBW, "", "publicNetworkAccess", "Enabled"), tDBW},
	{"databricks-no-public-ip", props(tDBW, "", "parameters.enableNoPublicIp.value", false), tDBW},
	{"databricks-vnet-injection", unset(tDBW, "", "parameters.customVirtualNetworkId"), tDBW},
	{"databricks-private-endpoint", withoutEndpointsTo(tDBW), tDBW},
	{"databricks-diagnostic-settings", withoutExtensionOf(tDiag, tDBW), tDBW},

	{"synapse-public-network-access", props(tSynapse, "", "publicNetworkAccess", "Enabled"), tSynapse},
	{"synapse-managed-vnet", unset(tSynapse, "", "managedVirtualNetwork"), tSynapse},
	{"synapse-exfiltration-protection", props(tSynapse, "", "managedVirtualNetworkSettings.preventDataExfiltration", false), tSynapse},
	{"synapse-entra-only", props(tSynapse, "", "azureADOnlyAuthentication", false), tSynapse},
	{"synapse-customer-managed-key", unset(tSynapse, "", "encryption"), tSynapse},
	{"synapse-private-endpoint", withoutEndpointsTo(tSynapse), tSynapse},
	{"synapse-diagnostic-settings", withoutExtensionOf(tDiag, tSynapse), tSynapse},

	{"data-factory-public-network-access", props(tADF, "", "publicNetworkAccess", "Enabled"), tADF},
	{"data-factory-customer-managed-key", unset(tADF, "", "encryption"), tADF},
	{"data-factory-private-endpoint", withoutEndpointsTo(tADF), tADF},
	{"data-factory-diagnostic-settings", withoutExtensionOf(tDiag, tADF), tADF},
	{"data-factory-managed-vnet", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tIR, "", func(b map[string]any) {
			if at(b, "properties", "type") == "Managed" {
				del(b, "properties.managedVirtualNetwork")
			}
		})
	}, tIR},

	{"event-hubs-public-network-access", props(tEH, "", "publicNetworkAccess", "Enabled"), tEH},
	{"event-hubs-local-auth", props(tEH, "", "disableLocalAuth", false), tEH},
	{"event-hubs-minimum-tls", props(tEH, "", "minimumTlsVersion", "1.0"), tEH},
	{"event-hubs-private-endpoint", withoutEndpointsTo(tEH), tEH},
	{"event-hubs-diagnostic-settings", withoutExtensionOf(tDiag, tEH), tEH},

	{"app-service-public-network-access", props(tSite, "", "publicNetworkAccess", "Enabled"), tSite},
	{"app-service-https-only", props(tSite, "", "httpsOnly", false), tSite},
	{"app-service-minimum-tls", props(tSite, "", "siteConfig.scmMinTlsVersion", "1.0"), tSite},
	{"app-service-ftps", props(tSite, "", "siteConfig.ftpsState", "AllAllowed"), tSite},
	{"app-service-remote-debugging", props(tSite, "", "siteConfig.remoteDebuggingEnabled", true), tSite},
	{"app-service-managed-identity", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tSite, "", func(b map[string]any) { delete(b, "identity") })
	}, tSite},
	{"app-service-vnet-routing", props(tSite, "", "outboundVnetRouting.applicationTraffic", false), tSite},
	{"app-service-basic-auth-scm", props(tPubCreds, "", "allow", true), tSite},
	{"app-service-basic-auth-ftp", without(tPubCreds, "/ftp"), tSite},
	{"app-service-private-endpoint", withoutEndpointsTo(tSite), tSite},
	{"app-service-diagnostic-settings", withoutExtensionOf(tDiag, tSite), tSite},

	{"aks-private-cluster", props(tAKS, "", "apiServerAccessProfile.enablePrivateCluster", false), tAKS},
	{"aks-entra-rbac", props(tAKS, "", "aadProfile.enableAzureRBAC", false), tAKS},
	{"aks-local-accounts", unset(tAKS, "", "disableLocalAccounts"), tAKS},
	{"aks-kubernetes-rbac", props(tAKS, "", "enableRBAC", false), tAKS},
	{"aks-node-public-ip", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tAKS, "", func(b map[string]any) {
			pools := at(b, "properties", "agentPoolProfiles").([]any)
			pools[0].(map[string]any)["enableNodePublicIP"] = true
		})
	}, tAKS},
	{"aks-encryption-at-host", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tAKS, "", func(b map[string]any) {
			pools := at(b, "properties", "agentPoolProfiles").([]any)
			delete(pools[0].(map[string]any), "enableEncryptionAtHost")
		})
	}, tAKS},
	{"aks-defender", unset(tAKS, "", "securityProfile.defender"), tAKS},
	{"aks-policy-add-on", unset(tAKS, "", "addonProfiles.azurepolicy"), tAKS},
	{"aks-network-policy", unset(tAKS, "", "networkProfile.networkPolicy"), tAKS},
	{"aks-run-command", props(tAKS, "", "apiServerAccessProfile.disableRunCommand", false), tAKS},
	{"aks-diagnostic-settings", withoutExtensionOf(tDiag, tAKS), tAKS},

	{"nsg-management-ports-internet", appendRule(map[string]any{"name": "allow-rdp-range", "properties": map[string]any{
		"priority": 300, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
		"destinationPortRange": "3000-4000"}}), tNSG},
	{"subnets-nsg", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tVNet, "", func(b map[string]any) {
			for _, s := range at(b, "properties", "subnets").([]any) {
				if at(s, "name") == "snet-workstations" {
					delete(at(s, "properties").(map[string]any), "networkSecurityGroup")
				}
			}
		})
	}, tVNet},
	{"nic-no-public-ip", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tNIC, "", func(b map[string]any) {
			cfg := at(b, "properties", "ipConfigurations").([]any)[0].(map[string]any)
			set(cfg, "properties.publicIPAddress.id", "/subscriptions/"+check.SubscriptionID+"/resourceGroups/rg-kodata-ml/providers/Microsoft.Network/publicIPAddresses/pip-ds1")
		})
	}, tNIC},
	{"nic-ip-forwarding", props(tNIC, "", "enableIPForwarding", true), tNIC},
	{"route-table-default-route", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tRT, "", func(b map[string]any) {
			for _, r := range at(b, "properties", "routes").([]any) {
				if at(r, "properties", "addressPrefix") == "0.0.0.0/0" {
					set(r.(map[string]any), "properties.nextHopType", "Internet")
					del(r.(map[string]any), "properties.nextHopIpAddress")
				}
			}
		})
	}, tRT},
	{"firewall-threat-intel", props(tFWP, "", "threatIntelMode", "Alert"), tFWP},
	{"firewall-dns-proxy", unset(tFWP, "", "dnsSettings"), tFWP},
	{"firewall-policy-attached", unset(tFW, "", "firewallPolicy"), tFW},
	{"firewall-diagnostic-settings", withoutExtensionOf(tDiag, tFW), tFW},
	{"vpn-ikev2", props(tConn, "", "connectionProtocol", "IKEv1"), tConn},
	{"vpn-ipsec-policy", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tConn, "", func(b map[string]any) {
			p := at(b, "properties", "ipsecPolicies").([]any)[0].(map[string]any)
			p["ikeEncryption"] = "DES3"
		})
	}, tConn},
	{"vpn-gateway-diagnostic-settings", withoutExtensionOf(tDiag, tVGW), tVGW},
	{"nsg-diagnostic-settings", withoutExtensionOf(tDiag, tNSG), tNSG},
	{"bastion-diagnostic-settings", withoutExtensionOf(tDiag, tBastion), tBastion},

	{"vm-auto-shutdown", props(tSchedule, "", "status", "Disabled"), tVM},
	{"vm-encryption-at-host", props(tVM, "", "securityProfile.encryptionAtHost", false), tVM},
	{"vm-trusted-launch", props(tVM, "", "securityProfile.securityType", "Standard"), tVM},
	{"vm-linux-password-auth", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tVM, "", func(b map[string]any) {
			if at(b, "properties", "osProfile", "linuxConfiguration") != nil {
				set(b, "properties.osProfile.linuxConfiguration.disablePasswordAuthentication", false)
			}
		})
	}, tVM},
	{"vm-entra-login", without(tVMExt, "/AAD"), tVM},
	{"vm-monitoring-agent", without(tVMExt, "/AzureMonitor"), tVM},

	{"allowed-locations", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tEH, "", func(b map[string]any) { b["location"] = "westeurope" })
	}, tEH},
	{"allowed-vm-sizes", props(tVM, "", "hardwareProfile.vmSize", "Standard_M416ms_v2"), tVM},
	{"rbac-no-subscription-people", add("", tRoleAsg, "5b0b7e0c-1b1f-4b55-9a55-3f1d5a3e0f01", map[string]any{
		"properties": map[string]any{"principalType": "Group", "principalId": "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73",
			"roleDefinitionId": "/subscriptions/" + check.SubscriptionID + "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"},
	}), tRoleAsg},
	{"rbac-custom-role-scope", func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tRoleDef, "", func(b map[string]any) {
			set(b, "properties.assignableScopes", []any{"/subscriptions/" + check.SubscriptionID})
		})
	}, tRoleDef},
	{"log-analytics-local-auth", props(tLAW, "", "features.disableLocalAuth", false), tLAW},
}

// relatedType is the details.type of a definition's effect, or "".
func relatedType(t *testing.T, name string) string {
	t.Helper()
	for _, d := range load(t) {
		if d.Name == name {
			var r rule
			if err := json.Unmarshal(d.Properties.PolicyRule, &r); err != nil {
				t.Fatal(err)
			}
			if r.Then.Details != nil {
				return r.Then.Details.Type
			}
			return ""
		}
	}
	t.Fatalf("no definition %s", name)
	return ""
}

// appendRule adds a security rule to every NSG.
func appendRule(rule map[string]any) mutation {
	return func(t *testing.T, rs []check.Resource) []check.Resource {
		return edit(t, rs, tNSG, "", func(b map[string]any) {
			rules, _ := at(b, "properties", "securityRules").([]any)
			set(b, "properties.securityRules", append(rules, rule))
		})
	}
}

// at follows object keys through a decoded JSON value.
func at(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// TestEachDefinitionCatchesItsBreak applies, per definition, a deliberate
// break to the example and checks that the definition reports it, and
// that every baseline definition has such a test.
func TestEachDefinitionCatchesItsBreak(t *testing.T) {
	f := fixture(t)
	_, defs := baselineSet(t, f.g)
	tested := map[string]bool{}
	for _, b := range breaks {
		name := baseline.NamePrefix + b.def
		tested[name] = true
		t.Run(b.def, func(t *testing.T) {
			t.Parallel()
			s, _ := baselineSet(t, f.g, name)
			if s.Len() != 1 {
				t.Fatalf("no baseline definition %s", name)
			}
			// Only resources of the reported type and of the definition's
			// related type take part in its verdicts; leaving the others
			// out keeps the test fast without changing any result.
			related := relatedType(t, name)
			rs := slices.DeleteFunc(b.m(t, f.resources), func(r check.Resource) bool {
				return r.Address.Type != b.want && !strings.EqualFold(string(r.Address.Type), related)
			})
			r := evaluate(t, s, rs)
			var got []string
			for _, fd := range r.AtOrAbove(check.LevelAudit) {
				if fd.Resource.Type == b.want {
					return
				}
				got = append(got, fd.Resource.String())
			}
			t.Errorf("%s after the break reports %v; want a finding on a %s", name, got, b.want)
		})
	}
	for _, d := range defs {
		if !tested[d.Name] {
			t.Errorf("%s has no break test", d.Name)
		}
	}
}

// TestDefaultAliasesMatchAzure evaluates the baseline over the example with
// enclave's own alias table (what enclave check uses) and with Azure's
// dump: the findings must be the same, so the product reports no finding
// Azure would not.
func TestDefaultAliasesMatchAzure(t *testing.T) {
	f := fixture(t)
	azure, defs := baselineSet(t, f.g)
	params := assignmentParams(t, f.g)
	own := check.NewSet(check.DefaultAliases())
	for _, d := range defs {
		if err := own.Add(d, params[d.Name]); err != nil {
			t.Fatalf("Add(%s) error: %v", d.Name, err)
		}
	}
	key := func(r *check.Result) []string {
		var out []string
		for _, fd := range r.Findings {
			out = append(out, fmt.Sprintf("%s|%s|%s", fd.Policy, fd.Resource, fd.Effect))
		}
		return out
	}
	want := key(evaluate(t, azure, f.resources))
	got := key(evaluate(t, own, f.resources))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings with DefaultAliases() differ from Azure's aliases (-azure +default):\n%s", diff)
	}
}
