package arm

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// standIn is a resource another capability builds; these tests add one for
// every reference the graph cannot resolve, so compute, governance and
// monitoring resources render on their own.
type standIn struct {
	model.Meta
	typ model.Type
}

func (s *standIn) Type() model.Type { return s.typ }

// withStandIns adds a stand-in for the top-level resource of every
// dangling reference in g, and returns a renderer that renders stand-ins
// as empty resources (and everything else as usual).
func withStandIns(t *testing.T, g *model.Graph) *Renderer {
	t.Helper()
	kinds := registry()
	for _, r := range g.Resources() {
		for _, ref := range g.Dangling(r) {
			a := ref.Address
			for !a.Parent().IsZero() {
				a = a.Parent()
			}
			if _, ok := g.Get(a); ok {
				continue
			}
			if err := g.Add(&standIn{Meta: model.Meta{Name: a.Name, Group: a.Group}, typ: a.Type}); err != nil {
				t.Fatal(err)
			}
			real, has := kinds[a.Type]
			kinds[a.Type] = converter{apiVersion: "stand-in", convert: func(x *Ctx, r model.Resource) (Body, error) {
				if _, ok := r.(*standIn); ok || !has {
					return Body{}, nil
				}
				return real.convert(x, r)
			}}
		}
	}
	return &Renderer{kinds: kinds}
}

// platformGraph compiles the built-in example and adds what the network,
// data and ML builders share through ctx on a full build: alerts on the
// firewall, gateway, AKS cluster and ML workspace, and the integration
// runtime extension.
func platformGraph(t *testing.T) *model.Graph {
	t.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("Compile(example) = %v", ds)
	}
	g := res.Graph
	ops := "rg-kodata-ops"
	ag := model.Address{Group: ops, Type: model.TypeActionGroup, Name: "ag-kodata-ops"}.Ref()
	targets := map[string]model.Address{
		"FirewallHealth":             {Group: "rg-kodata-network", Type: "Microsoft.Network/azureFirewalls", Name: "afw-kodata-hub"},
		"TunnelAverageBandwidth":     {Group: "rg-kodata-network", Type: "Microsoft.Network/virtualNetworkGateways", Name: "vgw-kodata-hub"},
		"kube_node_status_condition": {Group: "rg-kodata-ml", Type: "Microsoft.ContainerService/managedClusters", Name: "aks-kodata-scoring"},
		"Failed Runs":                {Group: "rg-kodata-ml", Type: "Microsoft.MachineLearningServices/workspaces", Name: "mlw-kodata"},
	}
	for metric, target := range targets {
		add(t, g, &model.MetricAlert{
			Meta:   model.Meta{Name: "alert-" + strings.ReplaceAll(metric, " ", "-"), Group: ops, Location: "global"},
			Target: target.Ref(), Metric: metric, Aggregation: model.AggAverage, Operator: model.OpGreaterThan,
			Dimensions:    []model.MetricDimension{{Name: "status2", Values: []string{"notready"}}},
			WindowMinutes: 15, EveryMinutes: 5, Severity: 2, ActionGroups: []model.Ref{ag},
		})
	}
	ir := model.Address{Group: "rg-kodata-data", Type: "Microsoft.DataFactory/factories/integrationRuntimes", Name: "adf-kodata/shir"}.Ref()
	vm := model.Address{Group: "rg-kodata-ml", Type: model.TypeVirtualMachine, Name: "vm-kodata-ds1"}
	add(t, g, &model.VMExtension{
		Meta: model.Meta{Name: vm.Name + "/InstallIntegrationRuntime", Group: vm.Group}, Kind: model.ExtIntegrationRuntime,
		Publisher: "Microsoft.Compute", ExtensionType: "CustomScriptExtension", TypeHandlerVersion: "1.10",
		Script: "& dmgcmd -RegisterNewNode $key", RegistersIntegrationRuntime: ir,
	})
	law := model.Address{Group: ops, Type: model.TypeLogAnalyticsWorkspace, Name: "log-kodata"}.Ref()
	dine := &model.PolicyAssignment{
		Meta: model.Meta{Name: "pa-kodata-kv-diagnostics"}, DisplayName: "diagnostics", DefinitionID: "6b359d8f-f88d-4052-aa7c-32015963ecc1",
		Effect: model.EffectDeployIfNotExists, SystemIdentity: true,
		Parameters: []model.PolicyParameter{{Name: "logAnalytics", Resource: law}, {Name: "categoryGroup", String: "allLogs"}},
	}
	add(t, g, dine)
	add(t, g, &model.RoleAssignment{
		Meta: model.Meta{Name: "0b5c6f6e-7e0a-5c1e-9d7a-3c2b1a0f9e8d"}, BuiltinRoleID: "92aaf0da-9dab-42b6-94a3-d43ce8d16293",
		Principal: model.Principal{Type: model.PrincipalServicePrincipal, SystemIdentityOf: model.RefOf(dine)},
	})
	add(t, g, &model.PolicyAssignment{
		Meta: model.Meta{Name: "pa-kodata-kv-no-public-data", Group: "rg-kodata-data"}, DisplayName: "no public access",
		DefinitionID: "405c5871-3e91-4644-8a63-58e19d68ff5b", Effect: model.EffectDeny, NonComplianceMessage: "Use private endpoints.",
	})
	return g
}

func add(t *testing.T, g *model.Graph, r model.Resource) {
	t.Helper()
	m := r.Base()
	if m.Location == "" && m.Scope.IsZero() && r.Type().Parent() == "" {
		m.Location = g.Location
	}
	if err := g.Add(r); err != nil {
		t.Fatal(err)
	}
}

// renderPlatform renders platformGraph and returns every resource, nested
// ones included, in template order.
func renderPlatform(t *testing.T) []map[string]any {
	t.Helper()
	g := platformGraph(t)
	out, err := withStandIns(t, g).Render(g)
	if err != nil {
		t.Fatalf("Render() error: %v", err)
	}
	var tpl struct {
		Resources []map[string]any `json:"resources"`
	}
	if err := json.Unmarshal(out.Template, &tpl); err != nil {
		t.Fatal(err)
	}
	var all []map[string]any
	var walk func([]map[string]any)
	walk = func(rs []map[string]any) {
		for _, r := range rs {
			if r["type"] == "Microsoft.Resources/deployments" {
				b, _ := json.Marshal(r["properties"].(map[string]any)["template"])
				var inner struct {
					Resources []map[string]any `json:"resources"`
				}
				if err := json.Unmarshal(b, &inner); err != nil {
					t.Fatal(err)
				}
				walk(inner.Resources)
				continue
			}
			all = append(all, r)
		}
	}
	walk(tpl.Resources)
	return all
}

// find returns the rendered resources of one type.
func find(rs []map[string]any, typ string) []map[string]any {
	var out []map[string]any
	for _, r := range rs {
		if r["type"] == typ {
			out = append(out, r)
		}
	}
	return out
}

// at follows a path of object keys and array indexes through v.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func TestWorkstationVMRendering(t *testing.T) {
	rs := renderPlatform(t)
	var vm map[string]any
	for _, r := range find(rs, "Microsoft.Compute/virtualMachines") {
		if r["name"] == "vm-kodata-ds1" {
			vm = r
		}
	}
	if vm == nil {
		t.Fatal("vm-kodata-ds1 not rendered")
	}
	for _, tc := range []struct {
		path []any
		want any
	}{
		{[]any{"apiVersion"}, "2025-11-01"},
		{[]any{"identity", "type"}, "SystemAssigned"},
		{[]any{"properties", "hardwareProfile", "vmSize"}, "Standard_NC4as_T4_v3"},
		{[]any{"properties", "securityProfile", "securityType"}, "TrustedLaunch"},
		{[]any{"properties", "securityProfile", "encryptionAtHost"}, true},
		{[]any{"properties", "securityProfile", "uefiSettings", "secureBootEnabled"}, true},
		{[]any{"properties", "securityProfile", "uefiSettings", "vTpmEnabled"}, true},
		{[]any{"properties", "storageProfile", "osDisk", "managedDisk", "storageAccountType"}, "Premium_LRS"},
		{[]any{"properties", "osProfile", "linuxConfiguration", "disablePasswordAuthentication"}, true},
		{[]any{"properties", "osProfile", "linuxConfiguration", "ssh", "publicKeys", 0, "keyData"}, "[parameters('adminSshPublicKey')]"},
		{[]any{"properties", "osProfile", "adminPassword"}, nil},
		{[]any{"properties", "diagnosticsProfile", "bootDiagnostics", "enabled"}, true},
		{[]any{"properties", "diagnosticsProfile", "bootDiagnostics", "storageUri"}, nil},
	} {
		if got := at(vm, tc.path...); !cmp.Equal(got, tc.want) {
			t.Errorf("vm-kodata-ds1 %v = %v; want %v", tc.path, got, tc.want)
		}
	}
}

func TestNICsHaveNoPublicIP(t *testing.T) {
	nics := find(renderPlatform(t), "Microsoft.Network/networkInterfaces")
	if len(nics) != 7 {
		t.Fatalf("rendered %d NICs; want 7", len(nics))
	}
	for _, n := range nics {
		cfg := at(n, "properties", "ipConfigurations", 0, "properties").(map[string]any)
		if _, ok := cfg["publicIPAddress"]; ok {
			t.Errorf("%s has a public IP", n["name"])
		}
		if !strings.Contains(at(cfg, "subnet", "id").(string), "'snet-workstations'") {
			t.Errorf("%s subnet = %v; want snet-workstations", n["name"], at(cfg, "subnet", "id"))
		}
	}
}

func TestIntegrationRuntimeKeyIsReadAtDeployment(t *testing.T) {
	var ext map[string]any
	for _, r := range find(renderPlatform(t), "Microsoft.Compute/virtualMachines/extensions") {
		if strings.HasSuffix(r["name"].(string), "/InstallIntegrationRuntime") {
			ext = r
		}
	}
	if ext == nil {
		t.Fatal("integration runtime extension not rendered")
	}
	cmd, _ := at(ext, "properties", "protectedSettings", "commandToExecute").(string)
	want := "listAuthKeys(resourceId('rg-kodata-data', 'Microsoft.DataFactory/factories/integrationRuntimes', 'adf-kodata', 'shir'), '2018-06-01').authKey1"
	if !strings.HasPrefix(cmd, "[concat(") || !strings.Contains(cmd, want) {
		t.Errorf("commandToExecute = %q; want an expression calling %s", cmd, want)
	}
	if s := at(ext, "properties", "settings"); !cmp.Equal(s, map[string]any{}) {
		t.Errorf("settings = %v; want {} (the command belongs in protectedSettings)", s)
	}
	deps, _ := ext["dependsOn"].([]any)
	if len(deps) != 1 || !strings.Contains(deps[0].(string), "vm-kodata-ds1") {
		t.Errorf("dependsOn = %v; want the VM only (the factory is in another deployment)", deps)
	}
}

func TestAutoShutdownSchedules(t *testing.T) {
	ss := find(renderPlatform(t), "Microsoft.DevTestLab/schedules")
	if len(ss) != 7 {
		t.Fatalf("rendered %d schedules; want 7", len(ss))
	}
	for _, s := range ss {
		name := s["name"].(string)
		vm := strings.TrimPrefix(name, "shutdown-computevm-")
		got := map[string]any{
			"time":   at(s, "properties", "dailyRecurrence", "time"),
			"tz":     at(s, "properties", "timeZoneId"),
			"task":   at(s, "properties", "taskType"),
			"target": at(s, "properties", "targetResourceId"),
		}
		want := map[string]any{
			"time":   "1900",
			"tz":     "AUS Eastern Standard Time",
			"task":   "ComputeVmShutdownTask",
			"target": "[resourceId('Microsoft.Compute/virtualMachines', '" + vm + "')]",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestBudgetAndPricingsAtSubscription(t *testing.T) {
	g := platformGraph(t)
	out, err := withStandIns(t, g).Render(g)
	if err != nil {
		t.Fatal(err)
	}
	var tpl struct {
		Parameters map[string]struct {
			DefaultValue string `json:"defaultValue"`
		} `json:"parameters"`
		Resources []map[string]any `json:"resources"`
	}
	if err := json.Unmarshal(out.Template, &tpl); err != nil {
		t.Fatal(err)
	}
	if d := tpl.Parameters["budgetStartDate"].DefaultValue; d != "[utcNow('yyyy-MM-01')]" {
		t.Errorf("budgetStartDate default = %q; want utcNow", d)
	}
	if strings.Contains(string(out.Parameters), "utcNow") {
		t.Errorf("parameters file holds an expression:\n%s", out.Parameters)
	}
	budgets := find(tpl.Resources, "Microsoft.Consumption/budgets")
	if len(budgets) != 1 {
		t.Fatalf("top template has %d budgets; want 1", len(budgets))
	}
	notes := at(budgets[0], "properties", "notifications").(map[string]any)
	var keys []string
	for k := range notes {
		keys = append(keys, k)
	}
	want := []string{"actual_GreaterThanOrEqualTo_100_Percent", "actual_GreaterThanOrEqualTo_50_Percent", "actual_GreaterThanOrEqualTo_80_Percent", "forecasted_GreaterThanOrEqualTo_100_Percent"}
	if diff := cmp.Diff(want, keys, cmpSorted); diff != "" {
		t.Errorf("budget notifications (-want +got):\n%s", diff)
	}
	if got := len(find(tpl.Resources, "Microsoft.Security/pricings")); got != 5 {
		t.Errorf("top template has %d Defender plans; want 5", got)
	}
}

var cmpSorted = cmpopts.SortSlices(func(a, b string) bool { return a < b })

func TestDiagnosticSettingsNameEveryCategoryGroup(t *testing.T) {
	for _, tc := range []struct {
		groups []string
		want   []logSetting
	}{
		{nil, nil},
		{[]string{"allLogs"}, []logSetting{{CategoryGroup: "audit"}, {CategoryGroup: "allLogs", Enabled: true}}},
		{[]string{"audit"}, []logSetting{{CategoryGroup: "audit", Enabled: true}, {CategoryGroup: "allLogs"}}},
	} {
		if diff := cmp.Diff(tc.want, categoryGroupLogs(tc.groups)); diff != "" {
			t.Errorf("categoryGroupLogs(%q) (-want +got):\n%s", tc.groups, diff)
		}
	}
}

func TestPolicyRemediationIdentity(t *testing.T) {
	rs := renderPlatform(t)
	var dine, ra map[string]any
	for _, r := range rs {
		switch r["name"] {
		case "pa-kodata-kv-diagnostics":
			dine = r
		case "0b5c6f6e-7e0a-5c1e-9d7a-3c2b1a0f9e8d":
			ra = r
		}
	}
	if at(dine, "identity", "type") != "SystemAssigned" || at(dine, "location") != "australiaeast" {
		t.Errorf("DINE assignment identity %v location %v; want SystemAssigned in australiaeast", at(dine, "identity"), at(dine, "location"))
	}
	want := "[resourceId('rg-kodata-ops', 'Microsoft.OperationalInsights/workspaces', 'log-kodata')]"
	if got := at(dine, "properties", "parameters", "logAnalytics", "value"); got != want {
		t.Errorf("logAnalytics = %v; want %s", got, want)
	}
	want = "[reference(subscriptionResourceId('Microsoft.Authorization/policyAssignments', 'pa-kodata-kv-diagnostics'), '2025-11-01', 'Full').identity.principalId]"
	if got := at(ra, "properties", "principalId"); got != want {
		t.Errorf("remediation principalId = %v; want %s", got, want)
	}
}

func TestMetricAlertsTargetTheirResource(t *testing.T) {
	for _, a := range find(renderPlatform(t), "Microsoft.Insights/metricAlerts") {
		crit := at(a, "properties", "criteria", "allOf", 0).(map[string]any)
		scope := at(a, "properties", "scopes", 0).(string)
		if !strings.Contains(scope, "'"+crit["metricNamespace"].(string)+"'") {
			t.Errorf("%s: scope %s is not a %s", a["name"], scope, crit["metricNamespace"])
		}
		if at(a, "location") != "global" {
			t.Errorf("%s location = %v; want global", a["name"], a["location"])
		}
		if at(a, "properties", "actions", 0, "actionGroupId") != "[resourceId('Microsoft.Insights/actionGroups', 'ag-kodata-ops')]" {
			t.Errorf("%s actions = %v; want the ops action group", a["name"], at(a, "properties", "actions"))
		}
	}
}
