package importarm

import (
	"fmt"
	"strings"
)

// resourceList reads resources as Azure lists them: `az resource list`
// (a JSON array), the REST list format ({"value": [...]}) or Resource
// Graph results ({"data": [...]}). Each row has id, type, name and the
// resource's own fields; nothing is evaluated, since these are deployed
// values, not template expressions.
func (ev *evaluator) resourceList(root *node) *Result {
	res := &Result{Source: SourceResourceList}
	rows, path := root, ""
	if root.kind == nodeObject {
		for _, k := range []string{"value", "data"} {
			if n := root.get(k); n != nil {
				rows, path = n, k
				break
			}
		}
	}
	if rows.kind != nodeArray {
		ev.diags.Errorf(ev.nodePos(rows), "give an array of resources", "resource list must be an array")
		return res
	}
	for i, row := range rows.items {
		p := fmt.Sprintf("%s[%d]", path, i)
		if row.kind != nodeObject {
			ev.diags.Errorf(ev.nodePos(row), "each element is a resource object with id, type and name", "%s is not an object", p)
			continue
		}
		id := stringMember(row, "id")
		typ := stringMember(row, "type")
		if id == "" || typ == "" {
			ev.diags.Errorf(ev.nodePos(row), "each resource needs its id and type, as az resource list prints them", "%s has no id or type", p)
			continue
		}
		sub, rg, name, ok := parseResourceID(id)
		if !ok {
			ev.diags.Errorf(ev.nodePos(row.get("id")), "a resource ID looks like /subscriptions/S/resourceGroups/G/providers/NS/type/name", "malformed resource ID %q", id)
			continue
		}
		r := Resource{
			ID: id, Type: typ, Name: name, SubscriptionID: sub, ResourceGroup: rg,
			APIVersion: stringMember(row, "apiVersion"),
			Path:       p, Pos: ev.nodePos(row), decl: row, file: ev.file,
			Location: fromNode(row.get("location")), Tags: fromNode(row.get("tags")), SKU: fromNode(row.get("sku")),
			Kind: fromNode(row.get("kind")), Identity: fromNode(row.get("identity")), Zones: fromNode(row.get("zones")),
			Plan: fromNode(row.get("plan")), Properties: fromNode(row.get("properties")),
		}
		if r.Kind.kind == String && r.Kind.s == "" {
			r.Kind = Value{}
		}
		if scope, ok := extensionScope(id); ok {
			r.Scope = scope
		}
		res.Resources = append(res.Resources, r)
	}
	return res
}

// parseResourceID splits a resource ID into subscription, resource group and
// the resource's full name (n1/n2 of /providers/ns/t1/n1/t2/n2; for an
// extension resource, the names after its last /providers/).
func parseResourceID(id string) (sub, rg, name string, ok bool) {
	segs := strings.Split(strings.Trim(id, "/"), "/")
	if len(segs) < 2 {
		return "", "", "", false
	}
	i := 0
	if strings.EqualFold(segs[0], "subscriptions") {
		sub = segs[1]
		i = 2
		if len(segs) >= 4 && strings.EqualFold(segs[2], "resourceGroups") {
			rg = segs[3]
			i = 4
			if len(segs) == 4 {
				return sub, "", rg, true // the resource group itself
			}
		}
	}
	last := -1
	for j := i; j < len(segs); j++ {
		if strings.EqualFold(segs[j], "providers") {
			last = j
		}
	}
	if last < 0 || last+2 >= len(segs) {
		if last < 0 && i == 2 && len(segs) == 2 {
			return sub, "", sub, true // the subscription itself
		}
		return "", "", "", false
	}
	rest := segs[last+2:] // t1/n1/t2/n2...
	if len(rest)%2 != 0 {
		return "", "", "", false
	}
	var names []string
	for j := 1; j < len(rest); j += 2 {
		names = append(names, rest[j])
	}
	return sub, rg, strings.Join(names, "/"), true
}

// extensionScope is the resource an extension resource ID applies to: the
// part before its last /providers/, when that is itself a resource.
func extensionScope(id string) (string, bool) {
	lower := strings.ToLower(id)
	last := strings.LastIndex(lower, "/providers/")
	first := strings.Index(lower, "/providers/")
	if last <= 0 || first == last {
		return "", false
	}
	return id[:last], true
}
