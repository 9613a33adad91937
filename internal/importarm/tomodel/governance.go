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
	g.Add(model.TypePolicySetDefinition, policySet)
	g.Add(model.TypePolicyExemption, policyExemption)
	g.Add(model.TypePolicyAssignment, policyAssignment)
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

// policyExemption reads an exemption from an assignment, whole or for
// some members of an initiative.
// https://learn.microsoft.com/en-us/azure/governance/policy/concepts/exemption-structure
func policyExemption(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	return &model.PolicyExemption{Meta: x.extensionMeta(),
		Assignment:   x.Ref(p.Get("policyAssignmentId")),
		ReferenceIDs: x.Strs(p.Get("policyDefinitionReferenceIds")),
		Category:     model.ExemptionCategory(x.Str(p.Get("exemptionCategory"))),
		DisplayName:  x.Str(p.Get("displayName")),
		Description:  x.Str(p.Get("description")),
	}, nil
}

// policySet reads a custom initiative. Its parameters and each member's
// parameter values are objects in ARM, whose order means nothing: they
// are sorted by name. A member value must be the initiative parameter it
// passes on, "[parameters('name')]", the only kind of value the model
// holds; any other makes the initiative stay opaque.
// https://learn.microsoft.com/en-us/azure/governance/policy/concepts/initiative-definition-structure
func policySet(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	md := p.Get("metadata")
	s := &model.PolicySetDefinition{Meta: x.Meta(),
		DisplayName: x.Str(p.Get("displayName")),
		Description: x.Str(p.Get("description")),
		Category:    x.Str(md.Get("category")),
		Version:     x.Str(md.Get("version")),
	}
	for _, k := range x.objectKeys(p.Get("parameters")) {
		v := p.Get("parameters").Get(k)
		sp := model.PolicySetParameter{Name: k, Type: x.Str(v.Get("type")), DisplayName: x.Str(v.At("metadata", "displayName")), Description: x.Str(v.At("metadata", "description"))}
		if d := v.Get("defaultValue"); !d.Null() && x.knownTree(d) {
			sp.Default = rawJSON(d.v)
		}
		s.Parameters = append(s.Parameters, sp)
	}
	slices.SortFunc(s.Parameters, func(a, b model.PolicySetParameter) int { return strings.Compare(a.Name, b.Name) })
	for _, m := range x.Items(p.Get("policyDefinitions")) {
		mem := model.PolicySetMember{
			Definition:  x.Ref(m.Get("policyDefinitionId")),
			ReferenceID: x.Str(m.Get("policyDefinitionReferenceId")),
			Groups:      x.Strs(m.Get("groupNames")),
		}
		for _, k := range x.objectKeys(m.Get("parameters")) {
			val := x.Str(m.Get("parameters").Get(k).Get("value"))
			in, ok := strings.CutPrefix(val, "[parameters('")
			name, ok2 := strings.CutSuffix(in, "')]")
			if !ok || !ok2 || name == "" {
				return opaque(x, r)
			}
			mem.Parameters = append(mem.Parameters, model.PolicySetValue{Name: k, SetParameter: name})
		}
		slices.SortFunc(mem.Parameters, func(a, b model.PolicySetValue) int { return strings.Compare(a.Name, b.Name) })
		s.Members = append(s.Members, mem)
	}
	for _, g := range x.Items(p.Get("policyDefinitionGroups")) {
		s.Groups = append(s.Groups, model.PolicyGroup{Name: x.Str(g.Get("name")), DisplayName: x.Str(g.Get("displayName")), Category: x.Str(g.Get("category"))})
	}
	return s, nil
}

// objectKeys returns the member names of an object (none for null or unknown).
func (x *Ctx) objectKeys(v V) []string {
	if v.Null() || !x.known(v) {
		return nil
	}
	o := v.v.Obj()
	if o == nil {
		x.typeError(v, "an object")
		return nil
	}
	return slices.Clone(o.Keys)
}

// policyAssignment reads an assignment of a built-in definition (a
// tenant-level ID, kept as its GUID) or of a definition or initiative by
// reference. The effect is the value of the parameter the definition's
// rule takes its effect from, when the document declares the definition,
// and of the parameter named "effect" otherwise. Parameter values the
// model cannot hold (numbers, objects) keep the assignment opaque.
// https://learn.microsoft.com/en-us/azure/governance/policy/concepts/assignment-structure
func policyAssignment(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	a := &model.PolicyAssignment{Meta: x.Meta(),
		DisplayName:    x.Str(p.Get("displayName")),
		Description:    x.Str(p.Get("description")),
		SystemIdentity: x.resourceIdentity().SystemAssigned,
	}
	def := p.Get("policyDefinitionId")
	if id := x.Str(def); strings.HasPrefix(strings.ToLower(id), "/providers/microsoft.authorization/policydefinitions/") {
		a.DefinitionID = id[strings.LastIndexByte(id, '/')+1:]
	} else {
		a.Definition = x.Ref(def)
	}
	effect, declared := x.effectParameter(x.Str(def))
	if !declared {
		effect = builtinEffectParameter(x, p.Get("parameters"))
	}
	if effect != "effect" {
		a.EffectParameter = effect
	}
	for _, k := range x.objectKeys(p.Get("parameters")) {
		v := p.Get("parameters").Get(k).Get("value")
		if strings.EqualFold(k, effect) {
			a.Effect = model.PolicyEffect(x.Str(v))
			continue
		}
		pp, ok := x.policyValue(k, v)
		if !ok {
			return opaque(x, r)
		}
		a.Parameters = append(a.Parameters, pp)
	}
	slices.SortFunc(a.Parameters, func(a, b model.PolicyParameter) int { return strings.Compare(a.Name, b.Name) })
	if ms := x.Items(p.Get("nonComplianceMessages")); len(ms) > 0 {
		a.NonComplianceMessage = x.Str(ms[0].Get("message"))
	}
	return a, nil
}

// effectParameter names the parameter the definition with ID id takes its
// effect from ("[parameters('effect')]" in then.effect), when the
// document declares the definition.
func (x *Ctx) effectParameter(id string) (string, bool) {
	d, ok := x.idx.byID[strings.ToLower(id)]
	if !ok {
		return "", false
	}
	e, _ := d.Properties.Get("policyRule")
	e, _ = e.Get("then")
	e, _ = e.Get("effect")
	if e.Kind() == importarm.String {
		in, ok := strings.CutPrefix(e.Str(), "[parameters('")
		if name, ok2 := strings.CutSuffix(in, "')]"); ok && ok2 && name != "" {
			return name, true
		}
	}
	return "effect", true
}

// policyEffects are the effects a built-in definition's effect parameter
// takes.
// https://learn.microsoft.com/en-us/azure/governance/policy/concepts/effect-basics
var policyEffects = []model.PolicyEffect{
	model.EffectDeny, model.EffectAudit, model.EffectAuditIfNotExists,
	model.EffectDeployIfNotExists, model.EffectModify, model.EffectDisabled,
}

// builtinEffectParameter names the effect parameter of a definition the
// document does not declare: "effect", the name built-in definitions
// use, when the assignment sets it; otherwise the one parameter whose
// name mentions an effect ("audit_effect") and whose value is an effect.
// With none or several such, "effect".
func builtinEffectParameter(x *Ctx, params V) string {
	found := ""
	for _, k := range x.objectKeys(params) {
		if strings.EqualFold(k, "effect") {
			return k
		}
		v := params.Get(k).Get("value")
		if !strings.Contains(strings.ToLower(k), "effect") || v.v.Kind() != importarm.String {
			continue
		}
		if !slices.ContainsFunc(policyEffects, func(e model.PolicyEffect) bool { return strings.EqualFold(string(e), v.v.Str()) }) {
			continue
		}
		if found != "" {
			return "effect"
		}
		found = k
	}
	if found == "" {
		return "effect"
	}
	return found
}

// policyValue reads an assignment parameter value: a list of strings, a
// boolean, a resource ID (a workspace) or another string.
func (x *Ctx) policyValue(name string, v V) (model.PolicyParameter, bool) {
	pp := model.PolicyParameter{Name: name}
	if !x.known(v) {
		return pp, true
	}
	switch v.v.Kind() {
	case importarm.Array:
		pp.Strings = x.Strs(v)
		if pp.Strings == nil {
			pp.Strings = []string{}
		}
	case importarm.Bool:
		b := v.v.Bool()
		pp.Bool = &b
	case importarm.String:
		if s := v.v.Str(); strings.HasPrefix(strings.ToLower(s), "/subscriptions/") {
			pp.Resource = x.Ref(v)
		} else {
			pp.String = s
		}
	default:
		return pp, false
	}
	return pp, true
}
