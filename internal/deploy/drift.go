package deploy

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
)

// FindingKind is how a live resource differs from the spec.
type FindingKind string

const (
	// Changed: a security-relevant property has another value live.
	Changed FindingKind = "changed"
	// Missing: the spec has it, Azure does not.
	Missing FindingKind = "missing"
	// Extra: Azure has it, the spec does not.
	Extra FindingKind = "extra"
)

// Finding is one difference, with what decided it: the property, the
// value the spec (through the rendered template) asks for, the live value,
// and why the property matters.
type Finding struct {
	Resource ResourceID  `json:"resource"`
	Kind     FindingKind `json:"kind"`
	Property string      `json:"property,omitempty"`
	Want     string      `json:"want,omitempty"`
	Live     string      `json:"live,omitempty"`
	Why      string      `json:"why"`
}

// DriftReport is the result of comparing the live environment with the
// template.
type DriftReport struct {
	Groups   []string  `json:"resourceGroups"`
	Checked  int       `json:"resourcesChecked"`
	Findings []Finding `json:"findings"`
}

// Drifted reports whether anything differs.
func (r *DriftReport) Drifted() bool { return len(r.Findings) > 0 }

// Drift reads the live resources of the template's resource groups and
// compares their security-relevant properties with the template (the
// rendered spec), reporting changed properties, resources missing live and
// resources present live but not in the spec.
func Drift(ctx context.Context, c *Clients, t Template) (*DriftReport, error) {
	want, groups, err := expectedResources(c.Subscription, t.Body)
	if err != nil {
		return nil, err
	}
	rep := &DriftReport{Groups: groups}
	known := map[string]bool{}
	for _, e := range want {
		known[strings.ToLower(e.id.ID)] = true
	}
	for _, e := range want {
		rules, ok := security[strings.ToLower(e.id.Type)]
		if !ok {
			continue
		}
		got, err := c.Resources.GetByID(ctx, e.id.ID, e.apiVersion, nil)
		if isNotFound(err) {
			rep.Findings = append(rep.Findings, Finding{Resource: e.id, Kind: Missing, Why: "in the spec but not in Azure: deleted or never deployed"})
			continue
		}
		if err != nil {
			return nil, failure("reading "+e.id.Display(), err)
		}
		rep.Checked++
		live := map[string]any{"properties": got.Properties}
		for _, p := range rules.props {
			w, ok := lookup(e.body, p.path)
			if !ok || isExpression(w) {
				continue
			}
			l, _ := lookup(live, p.path)
			if !same(w, l) {
				rep.Findings = append(rep.Findings, Finding{Resource: e.id, Kind: Changed, Property: p.path, Want: text(w), Live: text(l), Why: p.why})
			}
		}
		for _, kl := range rules.lists {
			rep.Findings = append(rep.Findings, compareList(e.id, kl, e.body, live)...)
		}
	}
	for _, g := range groups {
		pager := c.Resources.NewListByResourceGroupPager(g, nil)
		for pager.More() {
			page, err := pager.NextPage(ctx)
			if err != nil {
				return nil, failure("listing resource group "+g, err)
			}
			for _, r := range page.Value {
				if r == nil || r.ID == nil || known[strings.ToLower(*r.ID)] {
					continue
				}
				id := ParseResourceID(*r.ID)
				if madeByAzure(id) {
					continue
				}
				rep.Findings = append(rep.Findings, Finding{Resource: id, Kind: Extra, Why: "in Azure but not in the spec"})
			}
		}
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i], rep.Findings[j]
		if a.Resource != b.Resource {
			return a.Resource.Less(b.Resource)
		}
		return a.Property < b.Property
	})
	return rep, nil
}

func madeByAzure(id ResourceID) bool {
	key := strings.ToLower(id.Type + "/" + id.Name)
	for _, a := range azureMade {
		if a.pattern.MatchString(key) {
			return true
		}
	}
	return false
}

// compareList compares a keyed list (NSG rules, routes, firewall rules).
func compareList(id ResourceID, kl keyedList, want, live map[string]any) []Finding {
	w := items(want, kl)
	l := items(live, kl)
	var out []Finding
	names := make([]string, 0, len(w)+len(l))
	for n := range w {
		names = append(names, n)
	}
	for n := range l {
		if _, ok := w[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		wi, inSpec := w[n]
		li, isLive := l[n]
		label := kl.path + "[" + n + "]"
		switch {
		case !isLive:
			out = append(out, Finding{Resource: id, Kind: Missing, Property: label, Why: kl.why + " in the spec is missing live"})
		case !inSpec:
			out = append(out, Finding{Resource: id, Kind: Extra, Property: label, Live: summary(li, kl.fields), Why: kl.why + " present live but not in the spec"})
		default:
			for _, f := range kl.fields {
				wv, ok := lookup(wi, f)
				if !ok || isExpression(wv) {
					continue
				}
				lv, _ := lookup(li, f)
				if !same(wv, lv) {
					out = append(out, Finding{Resource: id, Kind: Changed, Property: label + "." + f, Want: text(wv), Live: text(lv), Why: kl.why})
				}
			}
		}
	}
	return out
}

// items indexes a keyed list by name ("collection/rule" when nested).
func items(body map[string]any, kl keyedList) map[string]map[string]any {
	out := map[string]map[string]any{}
	v, _ := lookup(body, kl.path)
	list, _ := v.([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		name, _ := m["name"].(string)
		if kl.nested == "" {
			out[strings.ToLower(name)] = m
			continue
		}
		inner, _ := m[kl.nested].([]any)
		for _, y := range inner {
			r, _ := y.(map[string]any)
			rn, _ := r["name"].(string)
			out[strings.ToLower(name+"/"+rn)] = r
		}
	}
	return out
}

// summary shows an item's compared fields ("access=Allow direction=Inbound ...").
func summary(m map[string]any, fields []string) string {
	var parts []string
	for _, f := range fields {
		if v, ok := lookup(m, f); ok {
			parts = append(parts, f[strings.LastIndexByte(f, '.')+1:]+"="+text(v))
		}
	}
	return strings.Join(parts, " ")
}

func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

func isExpression(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "[[")
}

// same compares JSON values, strings case-insensitively (ARM echoes enum
// values in its own casing) and lists as unordered sets.
func same(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && strings.EqualFold(x, y)
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		xs, ys := make([]string, len(x)), make([]string, len(y))
		for i := range x {
			xs[i], ys[i] = strings.ToLower(text(x[i])), strings.ToLower(text(y[i]))
		}
		sort.Strings(xs)
		sort.Strings(ys)
		return strings.Join(xs, "\x00") == strings.Join(ys, "\x00")
	}
	return text(a) == text(b)
}

func text(v any) string {
	if v == nil {
		return "(not set)"
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}
