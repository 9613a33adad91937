package compile

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// platformPolicies returns the policy assignments by name.
func platformPolicies(g *model.Graph) map[string]*model.PolicyAssignment {
	out := map[string]*model.PolicyAssignment{}
	for _, p := range model.All[*model.PolicyAssignment](g) {
		out[p.Name] = p
	}
	return out
}

func TestExamplePolicies(t *testing.T) {
	ps := platformPolicies(platformExample(t, nil).g)
	loc := ps["pa-kodata-allowed-locations"]
	if loc == nil || loc.Group != "" || loc.DefinitionID != policyAllowedLocations || loc.Effect != model.EffectDeny {
		t.Fatalf("allowed locations = %+v; want a Deny assignment at the subscription", loc)
	}
	if diff := cmp.Diff([]model.PolicyParameter{{Name: "listOfAllowedLocations", Strings: []string{"australiaeast"}}}, loc.Parameters); diff != "" {
		t.Errorf("allowed locations parameters (-want +got):\n%s", diff)
	}
	sizes := ps["pa-kodata-allowed-vm-sizes"]
	if sizes == nil || sizes.Group != "rg-kodata-ml" {
		t.Fatalf("allowed VM sizes = %+v; want it on the ML group (the spec lists no sizes)", sizes)
	}
	want := []model.PolicyParameter{{Name: "listOfAllowedSKUs", Strings: []string{"Standard_D4s_v5", "Standard_NC4as_T4_v3"}}}
	if diff := cmp.Diff(want, sizes.Parameters); diff != "" {
		t.Errorf("allowed VM sizes parameters (-want +got):\n%s", diff)
	}
	if nic := ps["pa-kodata-no-public-ip-on-nic"]; nic == nil || nic.DefinitionID != policyNoPublicIPOnNIC {
		t.Errorf("no-public-IP policy = %+v", nic)
	}
}

func TestAllowedVMSizesFromSpec(t *testing.T) {
	for _, tc := range []struct {
		name    string
		allowed []string
		wantErr string
	}{
		{"covers every size", []string{"Standard_D4s_v5", "standard_nc4as_t4_v3", "Standard_E8s_v5"}, ""},
		{"misses the GPU size", []string{"Standard_D4s_v5"}, "VM size Standard_NC4as_T4_v3 is used by the spec but not in governance.allowedVmSizes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := spec.Example()
			d.Governance.AllowedVMSizes = tc.allowed
			c, ds := platformBuild(t, d)
			if got := platformErrorSummaries(ds); !cmp.Equal(got, platformWantErrs(tc.wantErr)) {
				t.Fatalf("errors = %q; want %q", got, tc.wantErr)
			}
			if tc.wantErr != "" {
				return
			}
			p := platformPolicies(c.g)["pa-kodata-allowed-vm-sizes"]
			if p == nil || p.Group != "" || !cmp.Equal(p.Parameters[0].Strings, tc.allowed) {
				t.Errorf("allowed VM sizes = %+v; want the spec's list at the subscription", p)
			}
		})
	}
}

func TestAllowedLocationsMustIncludeLocation(t *testing.T) {
	d := spec.Example()
	d.Governance.AllowedLocations = []string{"australiasoutheast"}
	d.Positions = map[string]diag.Pos{"governance.allowedLocations": {File: "enclave.yaml", Line: 70, Col: 21}}
	_, ds := platformBuild(t, d)
	errs := platformErrors(ds)
	if len(errs) != 1 || errs[0].Pos.Line != 70 || !strings.Contains(errs[0].Summary, "australiaeast") {
		t.Errorf("diagnostics = %v; want one error at line 70 naming australiaeast", ds)
	}
}

// mlAndFactory keeps Azure ML and Data Factory only: key vaults and
// storage accounts then live in two resource groups, ML and data.
func mlAndFactory(d *spec.Document) {
	s := d.Services
	noServices(d)
	d.Services = spec.Services{MachineLearning: s.MachineLearning, DataFactory: s.DataFactory}
}

// Key vaults and storage accounts in two resource groups get their deny
// and audit assignments in each group and one diagnostic-settings
// assignment at the subscription (a second one would be a duplicate
// resource and fail the build).
func TestServicePoliciesFollowResources(t *testing.T) {
	g := platformExample(t, mlAndFactory).g
	var got []string
	for _, p := range model.All[*model.PolicyAssignment](g) {
		if strings.Contains(p.Name, "allowed") || strings.Contains(p.Name, "no-public-ip") || !p.Definition.IsZero() {
			continue // the baseline's assignments: baseline_test.go
		}
		scope := p.Group
		if scope == "" {
			scope = "subscription"
		}
		got = append(got, scope+" "+p.Name+" "+string(p.Effect))
	}
	want := []string{
		"rg-kodata-data pa-kodata-adf-no-public-data Deny",
		"rg-kodata-data pa-kodata-adf-private-link-data AuditIfNotExists",
		"rg-kodata-data pa-kodata-kv-no-public-data Deny",
		"rg-kodata-data pa-kodata-kv-private-link-data Audit",
		"rg-kodata-data pa-kodata-st-no-public-data Deny",
		"rg-kodata-data pa-kodata-st-private-link-data AuditIfNotExists",
		"rg-kodata-ml pa-kodata-cr-no-public-ml Deny",
		"rg-kodata-ml pa-kodata-cr-private-link-ml Audit",
		"rg-kodata-ml pa-kodata-kv-no-public-ml Deny",
		"rg-kodata-ml pa-kodata-kv-private-link-ml Audit",
		"rg-kodata-ml pa-kodata-mlw-no-public-ml Deny",
		"rg-kodata-ml pa-kodata-mlw-private-link-ml Audit",
		"rg-kodata-ml pa-kodata-st-no-public-ml Deny",
		"rg-kodata-ml pa-kodata-st-private-link-ml AuditIfNotExists",
		"subscription pa-kodata-adf-diagnostics DeployIfNotExists",
		"subscription pa-kodata-afw-diagnostics DeployIfNotExists",
		"subscription pa-kodata-cr-diagnostics DeployIfNotExists",
		"subscription pa-kodata-kv-diagnostics DeployIfNotExists",
		"subscription pa-kodata-mlw-diagnostics DeployIfNotExists",
		"subscription pa-kodata-nsg-diagnostics DeployIfNotExists",
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("service policies (-want +got):\n%s", diff)
	}
	diagPolicy := platformPolicies(g)["pa-kodata-kv-diagnostics"]
	if !diagPolicy.SystemIdentity {
		t.Error("diagnostic-settings policy has no identity for remediation")
	}
	wantParams := []model.PolicyParameter{
		{Name: "diagnosticSettingName", String: diagnosticSettingName},
		{Name: "logAnalytics", Resource: model.Address{Group: "rg-kodata-ops", Type: model.TypeLogAnalyticsWorkspace, Name: "log-kodata"}.Ref()},
		{Name: "categoryGroup", String: "allLogs"},
	}
	if diff := cmp.Diff(wantParams, diagPolicy.Parameters); diff != "" {
		t.Errorf("diagnostic-settings parameters (-want +got):\n%s", diff)
	}
	if kvPL := platformPolicies(g)["pa-kodata-kv-private-link-data"]; kvPL.EffectParameterName() != "audit_effect" {
		t.Errorf("Key Vault private link effect parameter = %q; want audit_effect", kvPL.EffectParameterName())
	}
	var remediation []string
	for _, ra := range model.All[*model.RoleAssignment](g) {
		if ra.Principal.SystemIdentityOf == model.RefOf(diagPolicy) {
			remediation = append(remediation, ra.RoleName)
		}
	}
	if diff := cmp.Diff([]string{"Log Analytics Contributor"}, remediation); diff != "" {
		t.Errorf("roles of the policy identity (-want +got):\n%s", diff)
	}
}

// Every diagnostic setting carries the name the diagnostic-settings
// policies deploy under, so they find enclave's own settings.
func TestDiagnosticSettingNameMatchesPolicies(t *testing.T) {
	for _, d := range model.All[*model.DiagnosticSetting](platformExample(t, nil).g) {
		if d.Name != diagnosticSettingName {
			t.Errorf("diagnostic setting on %s is named %q; want %q", d.Scope, d.Name, diagnosticSettingName)
		}
	}
}

func TestDefenderPlans(t *testing.T) {
	for _, tc := range []struct {
		name    string
		extra   []string
		want    []string
		wantErr string
	}{
		{"recommended", nil, []string{"VirtualMachines", "StorageAccounts", "KeyVaults", "Containers", "Arm"}, ""},
		{"spec adds a plan", []string{"appservices", "KeyVaults"}, []string{"VirtualMachines", "StorageAccounts", "KeyVaults", "Containers", "Arm", "AppServices"}, ""},
		{"unknown plan", []string{"Mainframes"}, nil, `unknown Defender for Cloud plan "Mainframes"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := spec.Example()
			d.Governance.Defender = tc.extra
			c, ds := platformBuild(t, d)
			if got := platformErrorSummaries(ds); !cmp.Equal(got, platformWantErrs(tc.wantErr)) {
				t.Fatalf("errors = %q; want %q", got, tc.wantErr)
			}
			if tc.wantErr != "" {
				return
			}
			// Plans are chained: following DependsOn from the last gives
			// the order they deploy in.
			byName := map[string]*model.DefenderPlan{}
			for _, p := range model.All[*model.DefenderPlan](c.g) {
				byName[p.Name] = p
			}
			var order []string
			for p := byName[tc.want[len(tc.want)-1]]; p != nil; {
				order = append([]string{p.Name}, order...)
				if len(p.DependsOn) == 0 {
					break
				}
				p = byName[p.DependsOn[0].Name]
			}
			if diff := cmp.Diff(tc.want, order); diff != "" {
				t.Errorf("plans in deployment order (-want +got):\n%s", diff)
			}
			if len(byName) != len(tc.want) {
				t.Errorf("%d plans; want %d", len(byName), len(tc.want))
			}
		})
	}
}

func TestBudget(t *testing.T) {
	ag := model.Address{Group: "rg-kodata-ops", Type: model.TypeActionGroup, Name: "ag-kodata-ops"}.Ref()
	notes := func(actual []int, forecast bool, emails ...string) []model.BudgetNotification {
		var out []model.BudgetNotification
		for _, th := range actual {
			out = append(out, model.BudgetNotification{Threshold: th, Type: model.ThresholdActual, Emails: emails, ActionGroups: []model.Ref{ag}})
		}
		if forecast {
			out = append(out, model.BudgetNotification{Threshold: 100, Type: model.ThresholdForecasted, Emails: emails, ActionGroups: []model.Ref{ag}})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		budget  *spec.Budget
		want    []model.BudgetNotification
		wantErr string
	}{
		{"example", &spec.Budget{Monthly: 9000, Thresholds: []int{50, 80, 100}, Contacts: []string{"cloud-team@example.com"}},
			notes([]int{50, 80, 100}, true, "cloud-team@example.com"), ""},
		{"default thresholds and alert emails", &spec.Budget{Monthly: 500},
			notes([]int{50, 80, 100}, true, "cloud-team@example.com"), ""},
		{"five thresholds leave no room for the forecast", &spec.Budget{Monthly: 500, Thresholds: []int{25, 50, 75, 90, 100}, Contacts: []string{"fin@example.com"}},
			notes([]int{25, 50, 75, 90, 100}, false, "fin@example.com"), ""},
		{"six thresholds", &spec.Budget{Monthly: 500, Thresholds: []int{10, 25, 50, 75, 90, 100}},
			nil, "a budget has at most 5 notifications; governance.budget.thresholds has 6"},
		{"no budget", nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := spec.Example()
			d.Governance.Budget = tc.budget
			d.Positions = map[string]diag.Pos{"governance.budget": {File: "enclave.yaml", Line: 72, Col: 3}}
			c, ds := platformBuild(t, d)
			if got := platformErrorSummaries(ds); !cmp.Equal(got, platformWantErrs(tc.wantErr)) {
				t.Fatalf("errors = %q; want %q", got, tc.wantErr)
			}
			bs := model.All[*model.Budget](c.g)
			if tc.want == nil {
				if len(bs) != 0 {
					t.Errorf("budgets = %+v; want none", bs)
				}
				return
			}
			if len(bs) != 1 {
				t.Fatalf("%d budgets; want 1", len(bs))
			}
			b := bs[0]
			if b.Amount != tc.budget.Monthly || b.Group != "" || b.Origin.Line != 72 {
				t.Errorf("budget amount %d group %q origin %v; want %d at the subscription from governance.budget", b.Amount, b.Group, b.Origin, tc.budget.Monthly)
			}
			if diff := cmp.Diff(tc.want, b.Notifications); diff != "" {
				t.Errorf("notifications (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSecurityContact(t *testing.T) {
	for _, tc := range []struct {
		name    string
		contact string
		alerts  []string
		want    []string
	}{
		{"governance contact", "sec@example.com", []string{"ops@example.com"}, []string{"sec@example.com"}},
		{"falls back to alert emails", "", []string{"ops@example.com"}, []string{"ops@example.com"}},
		{"nobody", "", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, func(d *spec.Document) {
				d.Governance.SecurityContact = tc.contact
				d.Monitoring.AlertEmails = tc.alerts
			})
			var got []string
			for _, sc := range model.All[*model.SecurityContact](c.g) {
				if sc.Name != "default" {
					t.Errorf("security contact named %q; want default", sc.Name)
				}
				got = append(got, sc.Emails...)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("security contact emails (-want +got):\n%s", diff)
			}
		})
	}
}

func platformErrors(ds diag.Diagnostics) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

func platformErrorSummaries(ds diag.Diagnostics) []string {
	var out []string
	for _, d := range platformErrors(ds) {
		out = append(out, d.Summary)
	}
	return out
}

func platformWantErrs(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// servicePolicyVariants are specs with different sets of services, so
// types come and go and some live in several resource groups.
var servicePolicyVariants = []struct {
	name string
	edit func(d *spec.Document)
}{
	{"example", nil},
	{"no services", noServices},
	{"ML and Data Factory", mlAndFactory},
	{"Kubernetes only", func(d *spec.Document) {
		k := d.Services.Kubernetes
		noServices(d)
		d.Services.Kubernetes = k
	}},
}

// Each service type present gets its deny and private-link assignments in
// every resource group holding it and its diagnostic-settings assignment
// once at the subscription; an absent type gets none. Assignments are
// compared as "scope definition" so a duplicate shows up twice.
func TestServicePolicyAssignmentsMatchResources(t *testing.T) {
	for _, tc := range servicePolicyVariants {
		t.Run(tc.name, func(t *testing.T) {
			g := platformExample(t, tc.edit).g
			var want, got []string
			known := map[string]bool{}
			for _, sp := range servicePolicies {
				groups := map[string]bool{}
				for _, r := range g.Resources() {
					if r.Type() == sp.target {
						groups[r.Base().Group] = true
					}
				}
				for rg := range groups {
					for _, id := range []string{sp.public, sp.privateLink} {
						if id != "" {
							want = append(want, rg+" "+id)
						}
					}
				}
				if len(groups) > 0 && sp.diagnostics != "" {
					want = append(want, "subscription "+sp.diagnostics)
				}
				for _, id := range []string{sp.public, sp.privateLink, sp.diagnostics} {
					known[id] = id != ""
				}
			}
			for _, p := range model.All[*model.PolicyAssignment](g) {
				if len(p.Name) > 64 {
					t.Errorf("assignment name %q is longer than 64 characters", p.Name)
				}
				if !known[p.DefinitionID] {
					continue
				}
				scope := p.Group
				if scope == "" {
					scope = "subscription"
				}
				got = append(got, scope+" "+p.DefinitionID)
			}
			slices.Sort(want)
			slices.Sort(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("service policy assignments (-want +got):\n%s", diff)
			}
		})
	}
}

// The example builds a resource of every type the service policies know,
// so the test above exercises every row of the table, and the rows'
// abbreviations, which name the assignments, are distinct.
func TestExampleHasEveryServicePolicyType(t *testing.T) {
	g := platformExample(t, nil).g
	abbrs := map[string]bool{}
	for _, sp := range servicePolicies {
		if abbrs[sp.abbr] {
			t.Errorf("abbreviation %q names two service policy rows", sp.abbr)
		}
		abbrs[sp.abbr] = true
		if !slices.ContainsFunc(g.Resources(), func(r model.Resource) bool { return r.Type() == sp.target }) {
			t.Errorf("the example has no %s", sp.target)
		}
	}
}
