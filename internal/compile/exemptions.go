package compile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/spec"
)

// buildExemptions renders the spec's governance.exemptions as Azure
// policy exemptions where the exempted policy is one the environment
// assigns: a member of the baseline initiative (named by definition name
// or display name) or a built-in definition assigned by GUID. Each
// exemption is scoped to a resource the selector picks (or, with no
// selector, to the assignment's resource group), so Azure shows the same
// waiver enclave check reports
// (https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure).
// An exemption of a policy the environment does not assign (a built-in
// only checked with enclave check --policy-dir) stays in the spec and the
// check report.
func buildExemptions(c *ctx) {
	es := c.doc.Governance.Exemptions
	if len(es) == 0 {
		return
	}
	defs, err := baseline.Load()
	if err != nil {
		c.fail("policy baseline: %v", err)
		return
	}
	// Targets: resources in a resource group, not extension resources and
	// not governance itself, as they stand before any exemption is added.
	var targets []model.Resource
	for _, r := range c.g.Resources() {
		m := r.Base()
		a := model.AddressOf(r)
		if m.Group == "" || !m.Scope.IsZero() || strings.HasPrefix(string(a.Type), "Microsoft.Authorization/") {
			continue
		}
		targets = append(targets, r)
	}
	assignments := model.All[*model.PolicyAssignment](c.g)
	for i, e := range es {
		at := fmt.Sprintf("governance.exemptions[%d]", i)
		x := exemptionBuilder{c: c, e: e, name: c.names.Name("pex", "spec", strconv.Itoa(i)), pos: c.doc.Pos(at)}
		matched := false
		for _, d := range defs {
			if e.MatchesPolicy(d.Name, d.Properties.DisplayName) {
				matched = true
				ref := strings.TrimPrefix(d.Name, baseline.NamePrefix)
				for _, rg := range c.refsOf(model.TypeResourceGroup) {
					pa := model.Address{Group: rg.Name, Type: model.TypePolicyAssignment, Name: c.names.Name("pa", "baseline")}
					x.exempt(pa, rg.Name, []string{ref}, d.Properties.DisplayName, targets)
				}
			}
		}
		if !matched && strings.HasPrefix(strings.ToLower(e.Policy), baseline.NamePrefix) {
			c.diags.Errorf(c.doc.Pos(at+".policy"), "name a definition of enclave's baseline (enclave check lists them) or a built-in's GUID or display name",
				"%s.policy: enclave's baseline has no definition %q", at, e.Policy)
		}
		for _, pa := range assignments {
			if pa.DefinitionID != "" && strings.EqualFold(pa.DefinitionID, e.Policy) {
				x.exempt(model.AddressOf(pa), pa.Group, nil, pa.DisplayName, targets)
			}
		}
	}
}

type exemptionBuilder struct {
	c    *ctx
	e    spec.PolicyExemption
	name string
	pos  diag.Pos
}

// exempt adds the exemptions from assignment pa (in resource group group,
// "" for the subscription) for the selected targets in its scope; with no
// selector, one exemption at the assignment's scope.
func (x exemptionBuilder) exempt(pa model.Address, group string, refs []string, policy string, targets []model.Resource) {
	base := model.PolicyExemption{
		Assignment:   pa.Ref(),
		ReferenceIDs: refs,
		Category:     model.ExemptionCategory(x.e.Category),
		DisplayName:  truncate("exempt from "+policy, 128),
		Description:  x.e.Reason,
	}
	if x.e.Resource == "" {
		if group == "" {
			return // a subscription-wide waiver is not enclave's to deploy
		}
		ex := base
		ex.Meta = model.Meta{Name: x.name, Group: group, Origin: x.pos}
		x.c.add(&ex)
		return
	}
	for _, r := range targets {
		m := r.Base()
		a := model.AddressOf(r)
		if (group != "" && m.Group != group) || !x.e.Selects(string(a.Type), a.Name) {
			continue
		}
		ex := base
		ex.Meta = model.Meta{Name: x.name, Group: m.Group, Scope: model.RefOf(r), Origin: x.pos}
		x.c.add(&ex)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}
