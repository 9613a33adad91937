package arm_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// renderPlatform renders the built-in example and returns every resource,
// nested ones included, in template order.
func renderPlatform(t *testing.T) []map[string]any {
	t.Helper()
	return flatResources(t, renderExample(t).Template)
}

// deploymentOf maps the type and name of every resource in a nested
// deployment of tpl to that deployment, and every deployment's name to
// what it depends on.
func deploymentOf(tpl map[string]any) (where map[string]string, deps map[string][]any) {
	where, deps = map[string]string{}, map[string][]any{}
	rs, _ := tpl["resources"].([]any)
	for _, r := range rs {
		d := r.(map[string]any)
		if d["type"] != "Microsoft.Resources/deployments" {
			continue
		}
		name := d["name"].(string)
		deps[name], _ = d["dependsOn"].([]any)
		for _, inner := range flattenResources(at(d, "properties", "template").(map[string]any)) {
			where[inner["type"].(string)+"/"+inner["name"].(string)] = name
		}
	}
	return where, deps
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

// Every NIC is private: member workstations in the workstations subnet,
// the integration runtime VM in the integration subnet.
func TestNICsHaveNoPublicIP(t *testing.T) {
	nics := find(renderPlatform(t), "Microsoft.Network/networkInterfaces")
	if want := len(spec.Example().Team.Members) + 1; len(nics) != want {
		t.Fatalf("rendered %d NICs; want %d (one per member and the integration runtime VM)", len(nics), want)
	}
	for _, n := range nics {
		cfg := at(n, "properties", "ipConfigurations", 0, "properties").(map[string]any)
		if _, ok := cfg["publicIPAddress"]; ok {
			t.Errorf("%s has a public IP", n["name"])
		}
		subnet := "'snet-workstations'"
		if n["name"] == "nic-kodata-adf-shir" {
			subnet = "'snet-integration'"
		}
		if !strings.Contains(at(cfg, "subnet", "id").(string), subnet) {
			t.Errorf("%s subnet = %v; want %s", n["name"], at(cfg, "subnet", "id"), subnet)
		}
	}
}

// The install extension reads the runtime's key with listAuthKeys when it
// deploys, so it must wait for the VM and the runtime: through dependsOn in
// its own deployment, or through its deployment's dependsOn.
func TestIntegrationRuntimeKeyIsReadAtDeployment(t *testing.T) {
	var tpl map[string]any
	if err := json.Unmarshal(renderExample(t).Template, &tpl); err != nil {
		t.Fatal(err)
	}
	const extType = "Microsoft.Compute/virtualMachines/extensions"
	var ext map[string]any
	for _, r := range find(flattenResources(tpl), extType) {
		if r["name"] == "vm-kodata-adf-shir/InstallIntegrationRuntime" {
			ext = r
		}
	}
	if ext == nil {
		t.Fatal("integration runtime extension not rendered")
	}
	cmd, _ := at(ext, "properties", "protectedSettings", "commandToExecute").(string)
	const ir = "resourceId('Microsoft.DataFactory/factories/integrationRuntimes', 'adf-kodata-vzhpm', 'ir-self-hosted')"
	want := "listAuthKeys(" + ir + ", '2018-06-01').authKey1"
	if !strings.HasPrefix(cmd, "[concat(") || !strings.Contains(cmd, want) {
		t.Errorf("commandToExecute = %q; want an expression calling %s", cmd, want)
	}
	if s := at(ext, "properties", "settings"); !cmp.Equal(s, map[string]any{}) {
		t.Errorf("settings = %v; want {} (the command belongs in protectedSettings)", s)
	}
	where, deps := deploymentOf(tpl)
	mine := where[extType+"/vm-kodata-adf-shir/InstallIntegrationRuntime"]
	own, _ := ext["dependsOn"].([]any)
	for _, before := range []struct{ key, id string }{
		{"Microsoft.Compute/virtualMachines/vm-kodata-adf-shir", "resourceId('Microsoft.Compute/virtualMachines', 'vm-kodata-adf-shir')"},
		{"Microsoft.DataFactory/factories/integrationRuntimes/adf-kodata-vzhpm/ir-self-hosted", ir},
	} {
		d := where[before.key]
		switch {
		case d == "":
			t.Errorf("%s is not rendered", before.key)
		case d == mine:
			if !slices.Contains(own, any("["+before.id+"]")) {
				t.Errorf("extension dependsOn %v; want [%s]", own, before.id)
			}
		case !slices.ContainsFunc(deps[mine], func(v any) bool { return strings.Contains(v.(string), "'"+d+"'") }):
			t.Errorf("deployment %s depends on %v; want %s, which holds %s", mine, deps[mine], d, before.key)
		}
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
	res, ds, err := compile.Compile(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("Compile(example) = %v", ds)
	}
	out, err := arm.Render(res.Graph)
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

func TestPolicyRemediationIdentity(t *testing.T) {
	const ref = "subscriptionResourceId('Microsoft.Authorization/policyAssignments', 'pa-kodata-kv-diagnostics')"
	rs := renderPlatform(t)
	var dine map[string]any
	var ras []map[string]any
	for _, r := range rs {
		if r["name"] == "pa-kodata-kv-diagnostics" {
			dine = r
		}
		if p, _ := at(r, "properties", "principalId").(string); r["type"] == "Microsoft.Authorization/roleAssignments" && strings.Contains(p, ref) {
			ras = append(ras, r)
		}
	}
	if at(dine, "identity", "type") != "SystemAssigned" || at(dine, "location") != "australiaeast" {
		t.Errorf("DINE assignment identity %v location %v; want SystemAssigned in australiaeast", at(dine, "identity"), at(dine, "location"))
	}
	want := "[resourceId('rg-kodata-ops', 'Microsoft.OperationalInsights/workspaces', 'log-kodata')]"
	if got := at(dine, "properties", "parameters", "logAnalytics", "value"); got != want {
		t.Errorf("logAnalytics = %v; want %s", got, want)
	}
	if len(ras) != 1 {
		t.Fatalf("%d role assignments to the policy identity; want 1", len(ras))
	}
	want = "[reference(" + ref + ", '2025-11-01', 'Full').identity.principalId]"
	if got := at(ras[0], "properties", "principalId"); got != want {
		t.Errorf("remediation principalId = %v; want %s", got, want)
	}
	// 92aaf0da-… is the built-in Log Analytics Contributor role.
	if got := at(ras[0], "properties", "roleDefinitionId"); !strings.Contains(got.(string), "92aaf0da-9dab-42b6-94a3-d43ce8d16293") {
		t.Errorf("remediation role = %v; want Log Analytics Contributor", got)
	}
}

func TestMetricAlertsTargetTheirResource(t *testing.T) {
	alerts := find(renderPlatform(t), "Microsoft.Insights/metricAlerts")
	// The firewall, the VPN gateway, the AKS cluster and the ML workspace.
	if len(alerts) != 4 {
		t.Errorf("rendered %d metric alerts; want 4", len(alerts))
	}
	for _, a := range alerts {
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
