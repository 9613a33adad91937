package tomodel

import (
	"bytes"
	"fmt"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Body is one declared resource as Azure Policy sees it, straight from the
// evaluated template: analyses that read ARM JSON judge what the template
// says rather than the model's typed subset of it.
type Body struct {
	Address model.Address
	ID      string
	// Origin is the declaration's place in the template; Path its JSON path.
	Origin diag.Pos
	Path   string
	// JSON holds type, apiVersion, name, location, kind, tags, zones, sku,
	// identity, plan and properties. Unknown values are written as
	// {"$unknown": {"cause": ..., "expr": ...}}, never as a guess.
	JSON []byte
}

// Bodies returns every resource of res in ARM shape, in document order.
// Child resources declared on their own (a subnet, a security rule) are
// bodies of their own, as Azure presents them once deployed.
func Bodies(res *importarm.Result, reg *Registry) ([]Body, error) {
	var out []Body
	for i := range res.Resources {
		r := &res.Resources[i]
		a, err := ParseID(r.ID)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", r.Pos, r.Name, err)
		}
		a.Type = reg.Canonical(a.Type)
		if a.Scope == "" && a.Group == "" && r.ResourceGroup != "" {
			a.Group = r.ResourceGroup
		}
		var b bytes.Buffer
		b.WriteString("{")
		member := func(k string, v []byte) {
			if b.Len() > 1 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:", k)
			b.Write(v)
		}
		member("type", quoteJSON(r.Type))
		member("apiVersion", quoteJSON(r.APIVersion))
		member("name", quoteJSON(r.Name))
		for _, m := range []struct {
			k string
			v importarm.Value
		}{{"location", r.Location}, {"kind", r.Kind}, {"tags", r.Tags}, {"zones", r.Zones}, {"sku", r.SKU}, {"identity", r.Identity}, {"plan", r.Plan}, {"properties", r.Properties}} {
			if m.v.Kind() != importarm.Null {
				member(m.k, rawJSON(m.v))
			}
		}
		b.WriteString("}")
		out = append(out, Body{Address: a, ID: r.ID, Origin: r.Pos, Path: r.Path, JSON: b.Bytes()})
	}
	return out, nil
}

func quoteJSON(s string) []byte { return rawJSON(importarm.StringValue(s)) }
