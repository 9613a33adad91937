package tomodel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Governance kinds, the reverse of internal/render/arm/governance.go.
func governanceKinds(g *Registry) {
	g.Add(model.TypeDefenderPlan, defenderPlan)
	g.Add(model.TypeSecurityContact, securityContact)
	g.Add(model.TypeBudget, budget)
	g.Add(model.TypePolicyDefinition, policyDefinition)
}

// defenderPlan reads an enabled (Standard tier) Defender plan; a Free one
// stays opaque, since a model plan is always on.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.security/pricings
func defenderPlan(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	if !strings.EqualFold(x.Str(p.Get("pricingTier")), "Standard") {
		return opaque(x, r)
	}
	d := &model.DefenderPlan{Meta: x.Meta(), SubPlan: x.Str(p.Get("subPlan"))}
	for _, e := range x.Items(p.Get("extensions")) {
		ext := model.DefenderExtension{Name: x.Str(e.Get("name")), Enabled: x.Bool(e.Get("isEnabled"))}
		if c := e.At("additionalExtensionProperties", "CapGBPerMonthPerStorageAccount"); !c.Null() {
			ext.CapGBPerMonth = x.Int(c)
		}
		d.Extensions = append(d.Extensions, ext)
	}
	return d, nil
}

// securityContact reads Defender for Cloud's alert contact: addresses
// separated by semicolons, the lowest alert severity mailed, and the roles
// told. A disabled contact stays opaque.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.security/securitycontacts
func securityContact(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	if e := p.Get("isEnabled"); !e.Null() && !x.Bool(e) {
		return opaque(x, r)
	}
	c := &model.SecurityContact{Meta: x.Meta()}
	for _, e := range strings.Split(x.Str(p.Get("emails")), ";") {
		if e = strings.TrimSpace(e); e != "" {
			c.Emails = append(c.Emails, e)
		}
	}
	for _, s := range x.Items(p.Get("notificationsSources")) {
		if strings.EqualFold(x.Str(s.Get("sourceType")), "Alert") {
			c.MinimalSeverity = x.Str(s.Get("minimalSeverity"))
		}
	}
	if roles := p.Get("notificationsByRole"); strings.EqualFold(x.Str(roles.Get("state")), "On") {
		c.NotifyRoles = x.Strs(roles.Get("roles"))
	}
	return c, nil
}

// budget reads a monthly cost budget. Its start date is read as the
// deployment parameter it is written as. Notifications are an object in
// ARM, so their order means nothing: they are sorted by threshold type,
// then threshold.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.consumption/budgets
func budget(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	if !strings.EqualFold(x.Str(p.Get("category")), "Cost") || !strings.EqualFold(x.Str(p.Get("timeGrain")), "Monthly") {
		// The model's budgets are monthly cost budgets only.
		return opaque(x, r)
	}
	b := &model.Budget{Meta: x.Meta(), Amount: x.Int(p.Get("amount")), StartDateParameter: x.parameterName(p.At("timePeriod", "startDate"))}
	ns := p.Get("notifications")
	if ns.Null() || !x.known(ns) {
		return b, nil
	}
	o := ns.v.Obj()
	if o == nil {
		x.typeError(ns, "an object")
		return b, nil
	}
	for _, k := range o.Keys {
		n := ns.Get(k)
		if op := x.Str(n.Get("operator")); !strings.EqualFold(op, "GreaterThanOrEqualTo") || !x.Bool(n.Get("enabled")) {
			x.ds.Warnf(x.pos(n), "the model holds enabled notifications at or above a threshold", "%s: notification %s (%s) is not imported", r.Name, k, strconv.Quote(op))
			continue
		}
		bn := model.BudgetNotification{Threshold: x.Int(n.Get("threshold")), Type: model.ThresholdType(x.Str(n.Get("thresholdType"))), Emails: x.Strs(n.Get("contactEmails"))}
		for _, g := range x.Items(n.Get("contactGroups")) {
			bn.ActionGroups = append(bn.ActionGroups, x.Ref(g))
		}
		b.Notifications = append(b.Notifications, bn)
	}
	slices.SortStableFunc(b.Notifications, func(a, c model.BudgetNotification) int {
		if n := cmp.Compare(a.Type, c.Type); n != 0 {
			return n
		}
		return cmp.Compare(a.Threshold, c.Threshold)
	})
	return b, nil
}

// policyDefinition reads a custom policy definition. Its rule and
// parameters are kept as JSON, with the template's "[[" escapes already
// undone by evaluation, so they read as Azure Policy stores them.
// https://learn.microsoft.com/en-us/azure/governance/policy/concepts/definition-structure-basics
func policyDefinition(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	md := p.Get("metadata")
	d := &model.PolicyDefinition{Meta: x.Meta(),
		DisplayName: x.Str(p.Get("displayName")),
		Description: x.Str(p.Get("description")),
		Mode:        x.Str(p.Get("mode")),
		Category:    x.Str(md.Get("category")),
		Version:     x.Str(md.Get("version")),
		Controls:    x.Strs(md.Get("mcsbControls")),
	}
	if v := p.Get("parameters"); !v.Null() && x.knownTree(v) {
		d.Parameters = rawJSON(v.v)
	}
	if v := p.Get("policyRule"); !v.Null() && x.knownTree(v) {
		d.Rule = rawJSON(v.v)
	}
	return d, nil
}

// knownTree reports whether v holds no unknown anywhere, recording the
// first unknown it finds otherwise.
func (x *Ctx) knownTree(v V) bool {
	us := v.v.Unknowns()
	if len(us) == 0 {
		return true
	}
	u := us[0]
	x.unknowns = append(x.unknowns, Unknown{Path: x.docPath(v), Pos: x.pos(v), Cause: u.Cause, Expr: u.Expr})
	return false
}
