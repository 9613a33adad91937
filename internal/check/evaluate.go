package check

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// SetTime fixes the time utcNow() returns; by default it is the time
// Evaluate starts.
func (s *Set) SetTime(t time.Time) { s.now = t }

// Evaluate runs every assignment over every resource of in. A definition
// with an unsupported construct is listed in Result.Unsupported and not
// evaluated; an error evaluating one definition on one resource is listed
// in Result.Errors. Evaluate is not safe for concurrent use on one Set.
func (s *Set) Evaluate(in *Input) *Result {
	now := s.now
	if now.IsZero() {
		now = time.Now().UTC()
	}
	res := &Result{Resources: in.Len()}
	for _, a := range s.Assignments() {
		d := a.Definition
		if len(d.unsupported) > 0 || len(a.missing) > 0 {
			res.Unsupported = append(res.Unsupported, d.unsupported...)
			res.Unsupported = append(res.Unsupported, a.missing...)
			continue
		}
		res.Definitions++
		params, err := a.resolved, a.err
		if err != nil {
			res.Errors = append(res.Errors, EvalError{Policy: d.Name, Err: err.Error()})
			continue
		}
		x := &evalCtx{set: s, in: in, def: d, params: params, now: now}
		for _, r := range in.resources {
			if !modeApplies(d.Mode, r) {
				continue
			}
			x.res, x.primary, x.fields, x.values = r, r, x.fields[:0], x.values[:0]
			f, err := x.evaluate()
			if err != nil {
				res.Errors = append(res.Errors, EvalError{Policy: d.Name, Resource: r.Address, Err: err.Error()})
				continue
			}
			if f != nil {
				res.Findings = append(res.Findings, *f)
			}
		}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool {
		a, b := res.Findings[i], res.Findings[j]
		if a.Policy != b.Policy {
			return a.Policy < b.Policy
		}
		return a.Resource.Less(b.Resource)
	})
	sort.SliceStable(res.Errors, func(i, j int) bool {
		a, b := res.Errors[i], res.Errors[j]
		if a.Policy != b.Policy {
			return a.Policy < b.Policy
		}
		return a.Resource.Less(b.Resource)
	})
	return res
}

// modeApplies says whether a definition of mode evaluates r.
func modeApplies(mode string, r *resource) bool {
	return r.indexed || !strings.EqualFold(mode, "Indexed")
}

// indexed says whether Indexed mode evaluates r: only resource types that
// take tags and a location, never resource groups. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#mode
func indexed(r *resource) bool {
	if strings.EqualFold(r.typ, "Microsoft.Resources/resourceGroups") || strings.EqualFold(r.typ, "Microsoft.Resources/subscriptions") {
		return false
	}
	loc, ok := getProp(r.doc, "location")
	return ok && loc != nil && loc != ""
}

// evaluate judges one resource: nil when it complies or the rule does not
// apply.
func (x *evalCtx) evaluate() (*Finding, error) {
	t := &x.def.rule.then
	ok, err := x.def.rule.cond.eval(x)
	if err != nil || !ok {
		return nil, err
	}
	ev, err := t.effect.eval(x)
	if err != nil {
		return nil, fmt.Errorf("effect: %w", err)
	}
	es, _ := ev.(string)
	effect, known := ParseEffect(es)
	if !known {
		return nil, fmt.Errorf("unknown effect %s", display(ev))
	}
	f := &Finding{
		Policy:      x.def.Name,
		DisplayName: x.def.DisplayName,
		Resource:    x.res.Address,
		ResourceID:  x.res.ID,
		Effect:      effect,
		Origin:      x.res.Origin,
		Path:        x.res.Path,
	}
	switch effect {
	case Disabled, Manual, DenyAction:
		// Disabled does nothing; manual is attested by people; denyAction
		// only blocks deletes, which a plan never makes.
		return nil, nil
	case AuditIfNotExists, DeployIfNotExists:
		compliant, why, err := x.related(t)
		if err != nil || compliant {
			return nil, err
		}
		f.Reason = x.explain()
		f.Reason = append(f.Reason, why)
		f.Message = why
		if effect == DeployIfNotExists {
			typ, _ := t.detailsType.eval(x)
			f.Changes = []Change{{Operation: "deploy", Field: toString(typ)}}
		}
	case Modify, Append:
		changes, err := x.changes(t)
		if err != nil {
			return nil, err
		}
		f.Changes = changes
		f.Reason = x.explain()
		f.Message = summarize(f.Reason)
	default:
		f.Reason = x.explain()
		f.Message = summarize(f.Reason)
	}
	if f.Message == "" {
		f.Message = x.def.DisplayName
	}
	return f, nil
}

// explain re-evaluates the if-block recording the conditions that decided
// it, outermost first.
func (x *evalCtx) explain() []string {
	var trace []string
	y := *x
	y.trace = &trace
	y.fields, y.values = nil, nil
	_, _ = x.def.rule.cond.eval(&y)
	return trace
}

// summarize picks the most telling reason: the last one that is not a type
// test.
func summarize(reason []string) string {
	for i := len(reason) - 1; i >= 0; i-- {
		if !strings.HasPrefix(reason[i], "field type ") {
			return reason[i]
		}
	}
	if len(reason) > 0 {
		return reason[len(reason)-1]
	}
	return ""
}

// extensionTypes are resource types that live on another resource (their
// ID is the resource's ID plus /providers/...), so auditIfNotExists looks
// for them under the evaluated resource.
var extensionTypes = []string{
	"microsoft.insights/diagnosticsettings",
	"microsoft.security/",
	"microsoft.guestconfiguration/",
	"microsoft.authorization/",
	"microsoft.resources/links",
	"microsoft.maintenance/configurationassignments",
	"microsoft.advisor/",
	"microsoft.insights/datacollectionruleassociations",
}

func isExtensionType(t string) bool {
	lt := strings.ToLower(t)
	for _, e := range extensionTypes {
		if lt == e || strings.HasSuffix(e, "/") && strings.HasPrefix(lt, e) {
			return true
		}
	}
	return false
}

// related finds the resources details.type names and reports whether one
// of them satisfies the existence condition, with the reason when none
// does. See
// https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
func (x *evalCtx) related(t *thenBlock) (bool, string, error) {
	if t.detailsType == nil {
		return false, "", fmt.Errorf("details.type is missing")
	}
	tv, err := t.detailsType.eval(x)
	if err != nil {
		return false, "", fmt.Errorf("details.type: %w", err)
	}
	typ, ok := tv.(string)
	if !ok {
		return false, "", fmt.Errorf("details.type is %s", typeName(tv))
	}
	var name string
	if t.detailsName != nil {
		nv, err := t.detailsName.eval(x)
		if err != nil {
			return false, "", fmt.Errorf("details.name: %w", err)
		}
		name = toString(nv)
	}
	var group string
	if t.resourceGroup != nil {
		gv, err := t.resourceGroup.eval(x)
		if err != nil {
			return false, "", fmt.Errorf("details.resourceGroupName: %w", err)
		}
		group = toString(gv)
	}
	var candidates []*resource
	lt := strings.ToLower(typ)
	switch {
	case strings.HasPrefix(lt, strings.ToLower(x.res.typ)+"/") || isExtensionType(typ):
		for _, c := range x.in.children[strings.ToLower(x.res.ID)] {
			if strings.EqualFold(c.typ, typ) {
				candidates = append(candidates, c)
			}
		}
	default:
		g := x.res.Address.Group
		if group != "" {
			g = group
		}
		for _, c := range x.in.resources {
			if !strings.EqualFold(c.typ, typ) {
				continue
			}
			if t.existenceScope != "subscription" && !strings.EqualFold(c.Address.Group, g) {
				continue
			}
			candidates = append(candidates, c)
		}
	}
	if name != "" {
		var named []*resource
		for _, c := range candidates {
			if strings.EqualFold(c.name, name) || strings.EqualFold(c.fullName, name) || strings.EqualFold(c.fullName, x.res.fullName+"/"+name) {
				named = append(named, c)
			}
		}
		candidates = named
	}
	what := typ
	if name != "" {
		what += " named " + name
	}
	if len(candidates) == 0 {
		return false, "no related " + what + " exists", nil
	}
	if t.existence == nil {
		return true, "", nil
	}
	for _, c := range candidates {
		y := &evalCtx{set: x.set, in: x.in, def: x.def, params: x.params, res: c, primary: x.primary, now: x.now}
		ok, err := t.existence.eval(y)
		if err != nil {
			return false, "", fmt.Errorf("existenceCondition on %s: %w", c.Address, err)
		}
		if ok {
			return true, "", nil
		}
	}
	return false, fmt.Sprintf("%d related %s, none meets the existence condition", len(candidates), what), nil
}

// changes evaluates the operations of modify and append.
func (x *evalCtx) changes(t *thenBlock) ([]Change, error) {
	var out []Change
	for _, o := range t.operations {
		if o.cond != nil {
			ok, err := evalBool(x, o.cond)
			if err != nil {
				return nil, fmt.Errorf("operation condition: %w", err)
			}
			if !ok {
				continue
			}
		}
		c := Change{Operation: o.op, Field: o.field}
		if o.value != nil {
			v, err := o.value.eval(x)
			if err != nil {
				return nil, fmt.Errorf("operation value: %w", err)
			}
			b, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			c.Value = b
		}
		out = append(out, c)
	}
	return out, nil
}
