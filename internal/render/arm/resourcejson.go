package arm

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// ResourceJSON returns every resource of g as a body in ARM shape — type,
// apiVersion, name, location, kind, tags, zones, sku, identity and
// properties — the way Azure Policy sees a resource. Resource IDs are
// written as literal IDs under subscriptionID rather than resourceId()
// expressions, ordinary parameters take their default values, and escaped
// literals ("[[") are unescaped. Expressions that only Azure can evaluate
// (reference(), environment()) stay as they are.
func ResourceJSON(g *model.Graph, subscriptionID string) (map[model.Address]json.RawMessage, error) {
	rd := New()
	resources := g.Resources()
	scopes := map[string]model.Address{}
	for _, r := range resources {
		a := model.AddressOf(r)
		scopes[a.String()] = a
	}
	out := make(map[model.Address]json.RawMessage, len(resources))
	for _, r := range resources {
		a := model.AddressOf(r)
		x := &Ctx{g: g, group: a.Group, scopes: scopes, kinds: rd.kinds, literalSub: subscriptionID,
			deploymentOf: func(model.Address) string { return "" }}
		c, ok := rd.kinds.converter(r)
		if !ok {
			return nil, fmt.Errorf("no ARM converter for %s (%T)", r.Type(), r)
		}
		b, err := c.convert(x, r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		m := r.Base()
		w := Resource{
			Type:       string(r.Type()),
			APIVersion: c.apiVersion,
			Name:       m.Name,
			Kind:       b.Kind,
			Zones:      b.Zones,
			SKU:        b.SKU,
			Identity:   b.Identity,
			Properties: b.Properties,
		}
		if !b.NoLocation {
			w.Location = m.Location
		}
		if !b.NoTags && len(m.Tags) > 0 {
			w.Tags = m.Tags
		}
		raw, err := json.Marshal(w)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		var doc any
		if err := json.Unmarshal(raw, &doc); err != nil {
			return nil, err
		}
		raw, err = json.Marshal(literalStrings(doc))
		if err != nil {
			return nil, err
		}
		out[a] = raw
	}
	return out, nil
}

// literalID is the resource ID of a under x.literalSub.
func (x *Ctx) literalID(a model.Address) string {
	sub := "/subscriptions/" + x.literalSub
	tn := func(a model.Address) string {
		segs, names := a.Type.Segments(), a.Names()
		var b strings.Builder
		b.WriteString(a.Type.Namespace())
		for i, s := range segs {
			b.WriteString("/" + s)
			if i < len(names) {
				b.WriteString("/" + names[i])
			}
		}
		return b.String()
	}
	switch {
	case a.Scope != "":
		base := sub
		if scope, ok := x.scopes[a.Scope]; ok {
			base = x.literalID(scope)
		}
		return base + "/providers/" + tn(a)
	case a.Type == model.TypeResourceGroup:
		return sub + "/resourceGroups/" + a.Name
	case a.Group == "":
		return sub + "/providers/" + tn(a)
	}
	return sub + "/resourceGroups/" + a.Group + "/providers/" + tn(a)
}

// literalStrings rewrites "['literal']" expressions to the literal and
// unescapes "[[".
func literalStrings(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			// Keys can be expressions too (userAssignedIdentities).
			if s, ok := quotedLiteral(k); ok {
				k = s
			}
			out[k] = literalStrings(e)
		}
		return out
	case []any:
		for i, e := range t {
			t[i] = literalStrings(e)
		}
	case string:
		if strings.HasPrefix(t, "[[") {
			return t[1:]
		}
		if s, ok := quotedLiteral(t); ok {
			return s
		}
	}
	return v
}

// quotedLiteral reads "['...']" (with ” for a quote).
func quotedLiteral(s string) (string, bool) {
	if !strings.HasPrefix(s, "['") || !strings.HasSuffix(s, "']") || len(s) < 4 {
		return "", false
	}
	inner := s[2 : len(s)-2]
	for i := 0; i < len(inner); i++ {
		if inner[i] == '\'' {
			if i+1 < len(inner) && inner[i+1] == '\'' {
				i++
				continue
			}
			return "", false
		}
	}
	return strings.ReplaceAll(inner, "''", "'"), true
}
