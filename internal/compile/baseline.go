package compile

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
)

// The baseline initiative: enclave's own definitions (internal/policy/
// baseline) created at the subscription, grouped in one initiative by
// Microsoft cloud security benchmark control, and assigned to each of the
// environment's resource groups, so Azure enforces after deployment the
// rules check evaluated before it.
const (
	baselineSetName   = "enclave-baseline"
	benchmarkCategory = "Microsoft cloud security benchmark"
)

// WorkloadTag marks member workstations (value WorkloadWorkstation), which
// the baseline's auto-shutdown definition audits for a schedule named
// shutdown-computevm-<vm>, the name Azure gives a VM's auto-shutdown
// (https://learn.microsoft.com/azure/virtual-machines/auto-shutdown-vm).
const (
	WorkloadTag         = "enclave-workload"
	WorkloadWorkstation = "workstation"
)

// Initiative parameters the assignment fills from the spec, and the
// member parameters they feed.
const (
	setLocations = "listOfAllowedLocations"
	setVMSizes   = "listOfAllowedSKUs"
	setCMKEffect = "customerManagedKeyEffect"
)

// baselineSetParams maps a member definition (by name) and its parameter
// to the initiative parameter that sets it.
var baselineSetParams = []struct {
	definition, parameter, set string
}{
	{"enclave-allowed-locations", "listOfAllowedLocations", setLocations},
	{"enclave-allowed-vm-sizes", "listOfAllowedSKUs", setVMSizes},
	{"enclave-storage-customer-managed-key", "effect", setCMKEffect},
	{"enclave-ml-workspace-customer-managed-key", "effect", setCMKEffect},
	{"enclave-synapse-customer-managed-key", "effect", setCMKEffect},
	{"enclave-data-factory-customer-managed-key", "effect", setCMKEffect},
}

// subscriptionDefinitions judge subscription-level resources (role
// assignments at the subscription, custom roles), which an assignment to a
// resource group never sees; each is assigned at the subscription too.
var subscriptionDefinitions = []string{
	"enclave-rbac-no-subscription-people",
	"enclave-rbac-custom-role-scope",
}

// buildBaseline adds the baseline's definitions, its initiative and the
// assignments. The initiative's allowed locations and VM sizes are the
// ones governance already enforces through the built-in definitions, and
// the customer-managed-key definitions audit only when the spec asks for
// customer-managed keys.
func buildBaseline(c *ctx) {
	defs, err := baseline.Load()
	if err != nil {
		c.fail("policy baseline: %v", err)
		return
	}
	pos := c.doc.Pos("governance")
	refs := map[string]model.Ref{}
	set := &model.PolicySetDefinition{
		Meta:        model.Meta{Name: baselineSetName, Origin: pos},
		DisplayName: "enclave baseline",
		Description: "enclave's security baseline for data-science environments: private networking, Microsoft Entra authentication, encryption, logging and cost guardrails, mapped to the Microsoft cloud security benchmark",
		Category:    "Security",
		Version:     "1.0.0",
	}
	groups := map[string]bool{}
	for _, d := range defs {
		p := d.Properties
		params, err := json.Marshal(p.Parameters)
		if err != nil {
			c.fail("policy baseline %s: %v", d.Name, err)
			return
		}
		ref := c.add(&model.PolicyDefinition{
			Meta:        model.Meta{Name: d.Name, Origin: pos},
			DisplayName: p.DisplayName,
			Description: p.Description,
			Mode:        p.Mode,
			Category:    p.Metadata.Category,
			Version:     p.Metadata.Version,
			Controls:    slices.Clone(p.Metadata.Controls),
			Parameters:  params,
			Rule:        slices.Clone(p.PolicyRule),
		})
		refs[d.Name] = ref
		m := model.PolicySetMember{Definition: ref, ReferenceID: strings.TrimPrefix(d.Name, baseline.NamePrefix), Groups: slices.Clone(p.Metadata.Controls)}
		for _, sp := range baselineSetParams {
			if sp.definition == d.Name {
				m.Parameters = append(m.Parameters, model.PolicySetValue{Name: sp.parameter, SetParameter: sp.set})
			}
		}
		set.Members = append(set.Members, m)
		for _, g := range p.Metadata.Controls {
			groups[g] = true
		}
	}
	for _, sp := range baselineSetParams {
		if _, ok := refs[sp.definition]; !ok {
			c.fail("policy baseline has no definition %s", sp.definition)
			return
		}
	}
	for g := range groups {
		set.Groups = append(set.Groups, model.PolicyGroup{Name: g, DisplayName: benchmarkCategory + " " + g, Category: benchmarkCategory})
	}
	slices.SortFunc(set.Groups, func(a, b model.PolicyGroup) int { return strings.Compare(a.Name, b.Name) })
	set.Parameters = []model.PolicySetParameter{
		{Name: setLocations, Type: "Array", DisplayName: "Allowed locations", Description: "Regions resources may be created in; empty allows every region", Default: json.RawMessage(`[]`)},
		{Name: setVMSizes, Type: "Array", DisplayName: "Allowed VM sizes", Description: "VM sizes that may be used; empty allows every size", Default: json.RawMessage(`[]`)},
		{Name: setCMKEffect, Type: "String", DisplayName: "Customer-managed key effect", Description: "Audit when the environment requires customer-managed keys, Disabled otherwise", Default: json.RawMessage(`"Audit"`)},
	}
	setRef := c.add(set)

	values := baselineValues(c)
	for _, rg := range c.refsOf(model.TypeResourceGroup) {
		concern := strings.TrimPrefix(rg.Name, c.names.Name("rg")+"-")
		c.add(&model.PolicyAssignment{
			Meta:                 model.Meta{Name: c.names.Name("pa", "baseline"), Group: rg.Name, Origin: pos, DependsOn: []model.Ref{rg}},
			DisplayName:          fmt.Sprintf("%s: enclave baseline (%s)", c.doc.Name, concern),
			Description:          "The security baseline enclave checked before deployment, enforced on the " + concern + " resource group",
			Definition:           setRef,
			Parameters:           values,
			NonComplianceMessage: "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why.",
		})
	}
	if _, ok := refs[baseline.NamePrefix+aksLocalAccountsRef]; !ok {
		c.fail("policy baseline has no definition %s", baseline.NamePrefix+aksLocalAccountsRef)
		return
	}
	exemptAttachedClusters(c)
	for _, name := range subscriptionDefinitions {
		ref, ok := refs[name]
		if !ok {
			c.fail("policy baseline has no definition %s", name)
			return
		}
		c.add(&model.PolicyAssignment{
			Meta:        model.Meta{Name: c.names.Name("pa", strings.TrimPrefix(name, baseline.NamePrefix)), Origin: pos},
			DisplayName: c.doc.Name + ": " + lowerFirst(defDisplay(defs, name)),
			Description: "Part of enclave's baseline that judges subscription-level resources",
			Definition:  ref,
		})
	}
}

// exemptAttachedClusters exempts AKS clusters that keep local accounts
// for Azure Machine Learning from the baseline's local-accounts
// definition: the extension does not support clusters with local accounts
// disabled (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension,
// Limitations). The exemption is a resource in the output, so the waiver
// is visible in Azure and to check
// (https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure).
func exemptAttachedClusters(c *ctx) {
	for _, k := range model.All[*model.ManagedCluster](c.g) {
		if k.LocalAccountsDisabled {
			continue
		}
		cluster := model.RefOf(k)
		c.add(&model.PolicyExemption{
			Meta:         model.Meta{Name: c.names.Name("pex", "aks", "local-accounts"), Group: k.Group, Scope: cluster, Origin: c.doc.Pos("services.kubernetes")},
			Assignment:   model.Address{Group: k.Group, Type: model.TypePolicyAssignment, Name: c.names.Name("pa", "baseline")}.Ref(),
			ReferenceIDs: []string{aksLocalAccountsRef},
			Category:     model.ExemptionWaiver,
			DisplayName:  k.Name + ": local accounts kept for Azure Machine Learning",
			Description:  "The Azure Machine Learning extension does not support AKS clusters with local accounts disabled; the cluster keeps them while it is attached to the workspace. Sign-in still goes through Microsoft Entra ID with Azure RBAC.",
		})
	}
}

// aksLocalAccountsRef is the initiative reference of the AKS local-accounts definition.
const aksLocalAccountsRef = "aks-local-accounts"

// baselineValues are the initiative parameter values of the spec.
func baselineValues(c *ctx) []model.PolicyParameter {
	locations := c.doc.Governance.AllowedLocations
	if len(locations) == 0 {
		locations = []string{c.doc.Location}
	}
	sizes := c.doc.Governance.AllowedVMSizes
	if len(sizes) == 0 {
		sizes = usedVMSizes(c)
	}
	cmk := string(model.EffectDisabled)
	if c.doc.Governance.CustomerManagedKeys {
		cmk = string(model.EffectAudit)
	}
	out := []model.PolicyParameter{
		{Name: setLocations, Strings: slices.Clone(locations)},
		{Name: setCMKEffect, String: cmk},
	}
	if len(sizes) > 0 {
		out = append(out, model.PolicyParameter{Name: setVMSizes, Strings: sizes})
	}
	return out
}

func defDisplay(defs []baseline.Definition, name string) string {
	for _, d := range defs {
		if d.Name == name {
			return d.Properties.DisplayName
		}
	}
	return name
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
