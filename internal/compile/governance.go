package compile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
)

// Built-in policy definitions enclave assigns, by GUID (Azure/azure-policy).
const (
	policyAllowedLocations = "e56962a6-4747-49cd-b67b-bf8b01975c4c" // Allowed locations
	policyAllowedVMSizes   = "cccc23c7-8427-4f53-ad12-b6a63eb452b3" // Allowed virtual machine size SKUs
	policyNoPublicIPOnNIC  = "83a86a26-fd1f-447c-b59d-e51f44264114" // Network interfaces should not have public IPs
)

// servicePolicies are the per-service guardrails: deny public network
// access, audit private link, and deploy diagnostic settings to Log
// Analytics when missing. A service's policies are assigned only when the
// environment has a resource of its type.
type servicePolicy struct {
	target model.Type
	// abbr is the type's CAF abbreviation, used in assignment names.
	abbr  string
	label string
	// public is a deny policy for public network access (for AKS: require
	// a private cluster).
	public string
	// privateLink audits private endpoints; privateLinkEffect and
	// privateLinkParam are its effect and the name of its effect parameter.
	privateLink       string
	privateLinkEffect model.PolicyEffect
	privateLinkParam  string
	// diagnostics deploys a diagnostic setting to Log Analytics;
	// diagnosticsByGroup says whether it takes a categoryGroup parameter.
	diagnostics        string
	diagnosticsByGroup bool
}

var servicePolicies = []servicePolicy{
	{target: "Microsoft.Storage/storageAccounts", abbr: "st", label: "storage accounts",
		public:      "b2982f36-99f2-4db5-8eff-283140c09693",
		privateLink: "6edd7eda-6dd8-40f7-810d-67160c639cd9", privateLinkEffect: model.EffectAuditIfNotExists},
	{target: "Microsoft.KeyVault/vaults", abbr: "kv", label: "key vaults",
		public:      "405c5871-3e91-4644-8a63-58e19d68ff5b",
		privateLink: "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9", privateLinkEffect: model.EffectAudit, privateLinkParam: "audit_effect",
		diagnostics: "6b359d8f-f88d-4052-aa7c-32015963ecc1", diagnosticsByGroup: true},
	{target: "Microsoft.ContainerRegistry/registries", abbr: "cr", label: "container registries",
		public:      "0fdf0491-d080-4575-b627-ad0e843cba0f",
		privateLink: "e8eef0a8-67cf-4eb4-9386-14b0e78733d4", privateLinkEffect: model.EffectAudit,
		diagnostics: "56288eb2-4350-461d-9ece-2bb242269dce", diagnosticsByGroup: true},
	{target: "Microsoft.MachineLearningServices/workspaces", abbr: "mlw", label: "Azure ML workspaces",
		public:      "438c38d2-3772-465a-a9cc-7a6666a275ce",
		privateLink: "45e05259-1eb5-4f70-9574-baf73e9d219b", privateLinkEffect: model.EffectAudit,
		diagnostics: "90c90eda-bfe7-4c67-bf26-410420ed1047", diagnosticsByGroup: true},
	{target: "Microsoft.DataFactory/factories", abbr: "adf", label: "data factories",
		public:      "1cf164be-6819-4a50-b8fa-4bcaa4f98fb6",
		privateLink: "8b0323be-cc25-4b61-935d-002c3798c6ea", privateLinkEffect: model.EffectAuditIfNotExists,
		diagnostics: "751f9297-5aae-4313-af2d-2a89226a7856", diagnosticsByGroup: true},
	{target: "Microsoft.Synapse/workspaces", abbr: "synw", label: "Synapse workspaces",
		public:      "38d8df46-cf4e-4073-8e03-48c24b29de0d",
		privateLink: "72d11df1-dd8a-41f7-8925-b05b960ebafc", privateLinkEffect: model.EffectAudit,
		diagnostics: "305408ed-dd5a-43b9-80c1-9eea87a176bb", diagnosticsByGroup: true},
	{target: "Microsoft.Databricks/workspaces", abbr: "dbw", label: "Databricks workspaces",
		public:      "0e7849de-b939-4c50-ab48-fc6b0f5eeba2",
		privateLink: "258823f2-4595-4b52-b333-cc96192710d8", privateLinkEffect: model.EffectAudit,
		diagnostics: "454c7d4b-c141-43f1-8c81-975ebb15a9b5", diagnosticsByGroup: true},
	{target: "Microsoft.Web/sites", abbr: "app", label: "App Service apps",
		public:      "1b5ef780-c53c-4a64-87f3-bb9c8c8094ba",
		privateLink: "687aa49d-0982-40f8-bf6b-66d1da97a04b", privateLinkEffect: model.EffectAuditIfNotExists,
		diagnostics: "c0d8e23a-47be-4032-961f-8b0ff3957061"},
	{target: "Microsoft.ContainerService/managedClusters", abbr: "aks", label: "AKS clusters",
		public: "040732e8-d947-40b8-95d6-854c95024bf8"},
	{target: "Microsoft.Network/azureFirewalls", abbr: "afw", label: "firewalls",
		diagnostics: "5fcf46f9-194c-47ff-8889-380f57ae4617", diagnosticsByGroup: true},
	{target: "Microsoft.Network/virtualNetworkGateways", abbr: "vgw", label: "virtual network gateways",
		diagnostics: "ed6ae75a-828f-4fea-88fd-dead1145f1dd", diagnosticsByGroup: true},
	{target: "Microsoft.Network/networkSecurityGroups", abbr: "nsg", label: "network security groups",
		diagnostics: "baa4c6de-b7cf-4b12-b436-6e40ef44c8cb", diagnosticsByGroup: true},
}

// Built-in roles the diagnostic-settings policies name for remediation.
const remediationRole = "Log Analytics Contributor"

// recommendedDefender are the Defender for Cloud plans every environment
// gets; governance.defender adds more.
var recommendedDefender = []string{"VirtualMachines", "StorageAccounts", "KeyVaults", "Containers", "Arm"}

// defenderPlans are the plans Azure knows, with their sub-plan and
// extensions where enclave sets them.
var defenderPlans = map[string]model.DefenderPlan{
	"VirtualMachines": {SubPlan: "P2"},
	"StorageAccounts": {SubPlan: "DefenderForStorageV2", Extensions: []model.DefenderExtension{
		{Name: "OnUploadMalwareScanning", Enabled: true, CapGBPerMonth: 5000},
		{Name: "SensitiveDataDiscovery", Enabled: true},
	}},
	"KeyVaults":                     {SubPlan: "PerKeyVault"},
	"Arm":                           {SubPlan: "PerSubscription"},
	"Containers":                    {},
	"AppServices":                   {},
	"SqlServers":                    {},
	"SqlServerVirtualMachines":      {},
	"OpenSourceRelationalDatabases": {},
	"CosmosDbs":                     {},
	"CloudPosture":                  {},
	"Api":                           {},
	"AI":                            {},
}

// defaultBudgetThresholds are the percentages notified when the spec lists none.
var defaultBudgetThresholds = []int{50, 80, 100}

// budgetStartParam holds the budget's first day; its default is evaluated
// by Resource Manager at deployment time.
const budgetStartParam = "budgetStartDate"

// maxBudgetNotifications is Azure's limit per budget.
const maxBudgetNotifications = 5

func buildGovernance(c *ctx) {
	g := &governor{c: c}
	g.locations()
	g.vmSizes()
	g.noPublicIPs()
	for _, sp := range servicePolicies {
		g.service(sp)
	}
	g.defender()
	g.securityContact()
	g.budget()
	buildBaseline(c)
}

// governor assigns policies and keeps the subscription-level resources
// of governance together.
type governor struct{ c *ctx }

// assign adds a policy assignment at scope (a resource group name, or ""
// for the subscription) with the given origin.
func (g *governor) assign(scope, purpose string, origin diag.Pos, pa *model.PolicyAssignment) model.Ref {
	c := g.c
	pa.Meta = model.Meta{Name: c.names.Name("pa", purpose), Group: scope, Origin: origin}
	return c.add(pa)
}

// locations denies resources outside governance.allowedLocations (or the
// environment's location).
func (g *governor) locations() {
	c := g.c
	allowed := c.doc.Governance.AllowedLocations
	pos := c.doc.Pos("governance.allowedLocations")
	if len(allowed) == 0 {
		allowed = []string{c.doc.Location}
		pos = c.doc.Pos("location")
	} else if !slices.Contains(allowed, c.doc.Location) {
		c.diags.Errorf(pos, "add "+c.doc.Location+" to governance.allowedLocations", "governance.allowedLocations does not include the environment's location %s", c.doc.Location)
		return
	}
	g.assign("", "allowed-locations", pos, &model.PolicyAssignment{
		DisplayName:          c.doc.Name + ": allowed locations",
		Description:          "Resources may only be created in " + strings.Join(allowed, ", "),
		DefinitionID:         policyAllowedLocations,
		Effect:               model.EffectDeny,
		Parameters:           []model.PolicyParameter{{Name: "listOfAllowedLocations", Strings: allowed}},
		NonComplianceMessage: "Resources must be created in " + strings.Join(allowed, ", ") + ".",
	})
}

// vmSizes limits VM sizes. With governance.allowedVmSizes the list applies
// to the whole subscription and must include every size the spec uses;
// without it, the sizes the spec uses are allowed in the resource group
// holding enclave's VMs, so services that manage their own clusters
// (Databricks, AKS node pools) keep their choice.
func (g *governor) vmSizes() {
	c := g.c
	used := usedVMSizes(c)
	allowed := c.doc.Governance.AllowedVMSizes
	scope, pos := "", c.doc.Pos("governance.allowedVmSizes")
	if len(allowed) == 0 {
		if len(c.workstations) == 0 && c.shir.IsZero() {
			return
		}
		allowed, scope, pos = used, c.rg(RGML), c.doc.Pos("team.workstations")
	} else {
		for _, s := range used {
			if !slices.ContainsFunc(allowed, func(a string) bool { return strings.EqualFold(a, s) }) {
				c.diags.Errorf(pos, "add "+s+" to governance.allowedVmSizes or choose an allowed size", "VM size %s is used by the spec but not in governance.allowedVmSizes", s)
			}
		}
	}
	g.assign(scope, "allowed-vm-sizes", pos, &model.PolicyAssignment{
		DisplayName:          c.doc.Name + ": allowed VM sizes",
		Description:          "Virtual machines may only use " + strings.Join(allowed, ", "),
		DefinitionID:         policyAllowedVMSizes,
		Parameters:           []model.PolicyParameter{{Name: "listOfAllowedSKUs", Strings: allowed}},
		NonComplianceMessage: "This VM size is not allowed in this environment.",
	})
}

// usedVMSizes lists, sorted and without duplicates, the VM sizes of the
// spec's workstations, integration runtime and AKS nodes.
func usedVMSizes(c *ctx) []string {
	var sizes []string
	for _, vm := range model.All[*model.VirtualMachine](c.g) {
		sizes = append(sizes, vm.Size)
	}
	if k := c.doc.Services.Kubernetes; k.On() && k.NodeSize != "" {
		sizes = append(sizes, k.NodeSize)
	}
	slices.Sort(sizes)
	return slices.Compact(sizes)
}

// noPublicIPs denies NICs with public IPs across the subscription.
func (g *governor) noPublicIPs() {
	c := g.c
	g.assign("", "no-public-ip-on-nic", c.doc.Pos("governance"), &model.PolicyAssignment{
		DisplayName:          c.doc.Name + ": network interfaces without public IPs",
		Description:          "Network interfaces may not have public IP addresses; use Bastion",
		DefinitionID:         policyNoPublicIPOnNIC,
		NonComplianceMessage: "Network interfaces may not have public IP addresses; connect through Azure Bastion.",
	})
}

// service assigns sp's policies for the resource groups holding its type:
// public access denied and private link audited per group, diagnostic
// settings deployed across the subscription.
func (g *governor) service(sp servicePolicy) {
	c := g.c
	groups := groupsHolding(c, sp.target)
	if len(groups) == 0 {
		return
	}
	pos := c.doc.Pos("governance")
	short := sp.abbr
	for _, rg := range groups {
		concern := strings.TrimPrefix(rg, c.names.Name("rg")+"-")
		if sp.public != "" {
			g.assign(rg, short+"-no-public-"+concern, pos, &model.PolicyAssignment{
				DisplayName:          fmt.Sprintf("%s: %s without public network access (%s)", c.doc.Name, sp.label, concern),
				Description:          "Public network access to " + sp.label + " is denied; use private endpoints",
				DefinitionID:         sp.public,
				Effect:               model.EffectDeny,
				NonComplianceMessage: "Public network access must be disabled; reach " + sp.label + " through private endpoints.",
			})
		}
		if sp.privateLink != "" {
			g.assign(rg, short+"-private-link-"+concern, pos, &model.PolicyAssignment{
				DisplayName:     fmt.Sprintf("%s: %s use private link (%s)", c.doc.Name, sp.label, concern),
				Description:     "Audits " + sp.label + " without an approved private endpoint",
				DefinitionID:    sp.privateLink,
				Effect:          sp.privateLinkEffect,
				EffectParameter: sp.privateLinkParam,
			})
		}
	}
	if sp.diagnostics != "" {
		g.diagnostics(sp, short, pos)
	}
}

// diagnostics assigns sp's diagnostic-settings policy at the subscription
// with a system identity allowed to write the settings. The setting name
// and category group match what c.diagnostics deploys, so the policy
// finds enclave's own settings compliant.
func (g *governor) diagnostics(sp servicePolicy, short string, pos diag.Pos) {
	c := g.c
	params := []model.PolicyParameter{
		{Name: "diagnosticSettingName", String: diagnosticSettingName},
		{Name: "logAnalytics", Resource: c.law},
	}
	if sp.diagnosticsByGroup {
		params = append(params, model.PolicyParameter{Name: "categoryGroup", String: "allLogs"})
	}
	pa := g.assign("", short+"-diagnostics", pos, &model.PolicyAssignment{
		DisplayName:    fmt.Sprintf("%s: diagnostic settings for %s", c.doc.Name, sp.label),
		Description:    "Deploys a diagnostic setting sending the logs of " + sp.label + " to the environment's Log Analytics workspace when missing",
		DefinitionID:   sp.diagnostics,
		Effect:         model.EffectDeployIfNotExists,
		Parameters:     params,
		SystemIdentity: true,
	})
	// A zero scope is the subscription, the assignment's own scope.
	c.grant(model.Ref{}, remediationRole, systemIdentity(pa))
}

// groupsHolding returns, sorted, the resource groups with a resource of type t.
func groupsHolding(c *ctx, t model.Type) []string {
	var out []string
	for _, r := range c.refsOf(t) {
		if !slices.Contains(out, r.Group) {
			out = append(out, r.Group)
		}
	}
	slices.Sort(out)
	return out
}

// defender enables the recommended Defender plans and those in
// governance.defender, one after the other (Azure rejects concurrent plan
// updates on a subscription).
func (g *governor) defender() {
	c := g.c
	plans := slices.Clone(recommendedDefender)
	for i, p := range c.doc.Governance.Defender {
		name, ok := canonicalPlan(p)
		if !ok {
			c.diags.Errorf(c.doc.Pos(fmt.Sprintf("governance.defender[%d]", i)), "use one of "+strings.Join(planNames(), ", "), "unknown Defender for Cloud plan %q", p)
			continue
		}
		if !slices.Contains(plans, name) {
			plans = append(plans, name)
		}
	}
	var prev model.Ref
	for _, name := range plans {
		p := defenderPlans[name]
		p.Meta = model.Meta{Name: name, Origin: c.doc.Pos("governance.defender")}
		if !prev.IsZero() {
			p.DependsOn = []model.Ref{prev}
		}
		p.Extensions = slices.Clone(p.Extensions)
		prev = c.add(&p)
	}
}

func canonicalPlan(s string) (string, bool) {
	for name := range defenderPlans {
		if strings.EqualFold(name, s) {
			return name, true
		}
	}
	return "", false
}

func planNames() []string {
	var out []string
	for name := range defenderPlans {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// securityContact sends Defender alerts of medium severity and above to
// governance.securityContact (or the alert emails) and subscription owners.
func (g *governor) securityContact() {
	c := g.c
	emails := c.doc.Monitoring.AlertEmails
	pos := c.doc.Pos("monitoring.alertEmails")
	if sc := c.doc.Governance.SecurityContact; sc != "" {
		emails, pos = []string{sc}, c.doc.Pos("governance.securityContact")
	}
	if len(emails) == 0 {
		return
	}
	c.add(&model.SecurityContact{
		Meta:            model.Meta{Name: "default", Origin: pos},
		Emails:          emails,
		MinimalSeverity: "Medium",
		NotifyRoles:     []string{"Owner"},
	})
}

// budget creates the monthly cost budget with a notification per
// threshold (actual cost) and a forecast notification at 100% when Azure's
// limit of five leaves room, all to the budget contacts and the action group.
func (g *governor) budget() {
	c := g.c
	b := c.doc.Governance.Budget
	if b == nil {
		return
	}
	pos := c.doc.Pos("governance.budget")
	thresholds := b.Thresholds
	if len(thresholds) == 0 {
		thresholds = defaultBudgetThresholds
	}
	if len(thresholds) > maxBudgetNotifications {
		c.diags.Errorf(c.doc.Pos("governance.budget.thresholds"), "list at most five thresholds", "a budget has at most %d notifications; governance.budget.thresholds has %d", maxBudgetNotifications, len(thresholds))
		return
	}
	emails := b.Contacts
	if len(emails) == 0 {
		emails = c.doc.Monitoring.AlertEmails
	}
	var groups []model.Ref
	if !c.actionGroup.IsZero() {
		groups = []model.Ref{c.actionGroup}
	}
	if len(emails) == 0 && len(groups) == 0 {
		c.diags.Errorf(pos, "add governance.budget.contacts or monitoring.alertEmails", "the budget has nobody to notify")
		return
	}
	var ns []model.BudgetNotification
	for _, t := range thresholds {
		ns = append(ns, model.BudgetNotification{Threshold: t, Type: model.ThresholdActual, Emails: emails, ActionGroups: groups})
	}
	if len(ns) < maxBudgetNotifications {
		ns = append(ns, model.BudgetNotification{Threshold: 100, Type: model.ThresholdForecasted, Emails: emails, ActionGroups: groups})
	}
	c.param(model.Parameter{
		Name:        budgetStartParam,
		Description: "First day of the budget (yyyy-MM-01); defaults to the current month",
		Default:     "[utcNow('yyyy-MM-01')]",
	})
	c.add(&model.Budget{
		Meta:               model.Meta{Name: c.names.Name("budget", "monthly"), Origin: pos},
		Amount:             b.Monthly,
		StartDateParameter: budgetStartParam,
		Notifications:      ns,
	})
}

// diagnosticSettingName is the name c.diagnostics gives every diagnostic
// setting; the diagnostic-settings policies deploy under the same name.
const diagnosticSettingName = "to-log-analytics"
