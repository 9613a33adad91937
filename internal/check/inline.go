package check

import (
	"encoding/json"
	"fmt"
	"strings"
)

// inlineChild is a child resource type ARM lets a parent declare inline in
// an array property. Once deployed each element is a resource of its own,
// and Azure Policy evaluates it as such.
type inlineChild struct {
	parent   string // parent type
	property string // array under properties
	segment  string // child type segment
}

var inlineChildren = []inlineChild{
	{"Microsoft.Network/virtualNetworks", "subnets", "subnets"},
	{"Microsoft.Network/virtualNetworks", "virtualNetworkPeerings", "virtualNetworkPeerings"},
	{"Microsoft.Network/networkSecurityGroups", "securityRules", "securityRules"},
	{"Microsoft.Network/routeTables", "routes", "routes"},
}

// expandInline adds the inline children of r as resources, unless the
// input already holds them.
func (in *Input) expandInline(r *resource) error {
	for _, ic := range inlineChildren {
		if !strings.EqualFold(r.typ, ic.parent) {
			continue
		}
		props, _ := getProp(r.doc, "properties")
		pm, _ := props.(map[string]any)
		arr, _ := getProp(pm, ic.property)
		elems, _ := arr.([]any)
		for _, e := range elems {
			em, ok := e.(map[string]any)
			if !ok {
				continue
			}
			name, _ := em["name"].(string)
			if name == "" {
				continue
			}
			addr := r.Address.Child(ic.segment, name)
			id := r.ID + "/" + ic.segment + "/" + name
			if _, exists := in.byID[strings.ToLower(id)]; exists {
				continue
			}
			body := map[string]any{"type": string(addr.Type), "name": addr.Name}
			for k, v := range em {
				if k != "name" {
					body[k] = v
				}
			}
			raw, err := json.Marshal(body)
			if err != nil {
				return fmt.Errorf("%s: inline %s: %w", r.Address, ic.segment, err)
			}
			if err := in.add(Resource{Address: addr, ID: id, Origin: r.Origin, Body: raw}); err != nil {
				return err
			}
		}
	}
	return nil
}
