package check

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
)

// ModelAssignments returns the assignments a model makes of its own policy
// definitions: each model.PolicyAssignment of a model.PolicyDefinition, or
// of a model.PolicySetDefinition expanded to its members, with the
// parameter values the assignment passes (through the initiative's
// parameter mapping for members). defs are the parsed definitions, looked
// up by name; a definition the model assigns that defs lack is an error,
// since check would otherwise pass it unseen. A definition assigned at
// several scopes (one assignment per resource group) is returned once; the
// scopes must agree on its parameter values.
// Assignments of built-in definitions by ID (DefinitionID) are not
// returned: their definitions are not in the model.
func ModelAssignments(g *model.Graph, defs []*Definition) ([]Assignment, error) {
	byName := map[string]*Definition{}
	for _, d := range defs {
		byName[d.Name] = d
	}
	var out []Assignment
	seen := map[string]int{}
	add := func(pa *model.PolicyAssignment, name string, p Params) error {
		d, ok := byName[name]
		if !ok {
			return fmt.Errorf("assignment %s: the model assigns definition %s, which check has not loaded", pa.Name, name)
		}
		if i, dup := seen[name]; dup {
			if !sameParams(out[i].Params, p) {
				return fmt.Errorf("assignment %s: definition %s is assigned elsewhere with other parameter values", pa.Name, name)
			}
			return nil
		}
		seen[name] = len(out)
		out = append(out, Assignment{Definition: d, Params: p})
		return nil
	}
	for _, pa := range model.All[*model.PolicyAssignment](g) {
		if pa.Definition.IsZero() {
			continue
		}
		values, err := assignmentValues(g, pa)
		if err != nil {
			return nil, err
		}
		switch pa.Definition.Type {
		case model.TypePolicyDefinition:
			if err := add(pa, pa.Definition.Name, values); err != nil {
				return nil, err
			}
		case model.TypePolicySetDefinition:
			set, ok := model.Lookup[*model.PolicySetDefinition](g, pa.Definition)
			if !ok {
				return nil, fmt.Errorf("assignment %s: no initiative %s in the model", pa.Name, pa.Definition)
			}
			for _, m := range set.Members {
				var p Params
				for _, v := range m.Parameters {
					val, ok := values[v.SetParameter]
					if !ok {
						val, ok = setDefault(set, v.SetParameter)
					}
					if !ok {
						continue // the member's own default applies
					}
					if p == nil {
						p = Params{}
					}
					p[v.Name] = val
				}
				if err := add(pa, m.Definition.Name, p); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("assignment %s: definition %s is neither a policy definition nor an initiative", pa.Name, pa.Definition)
		}
	}
	slices.SortFunc(out, func(a, b Assignment) int { return strings.Compare(a.Definition.Name, b.Definition.Name) })
	return out, nil
}

// assignmentValues returns an assignment's parameter values as JSON. A
// value naming a resource is that resource's ID.
func assignmentValues(g *model.Graph, pa *model.PolicyAssignment) (Params, error) {
	out := Params{}
	for _, p := range pa.Parameters {
		var v any
		switch {
		case p.Strings != nil:
			v = p.Strings
		case p.Bool != nil:
			v = *p.Bool
		case !p.Resource.IsZero():
			v = ResourceID(g, p.Resource.Address)
		default:
			v = p.String
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("assignment %s parameter %s: %w", pa.Name, p.Name, err)
		}
		out[p.Name] = b
	}
	if pa.Effect != "" {
		b, _ := json.Marshal(string(pa.Effect))
		out[pa.EffectParameterName()] = b
	}
	return out, nil
}

func setDefault(set *model.PolicySetDefinition, name string) (json.RawMessage, bool) {
	for _, p := range set.Parameters {
		if p.Name == name && len(p.Default) > 0 {
			return p.Default, true
		}
	}
	return nil, false
}

func sameParams(a, b Params) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if string(b[k]) != string(v) {
			return false
		}
	}
	return true
}

// Exemption exempts one resource from one definition, as a
// model.PolicyExemption does for the initiative members it names. A
// finding it covers is reported as exempted, with the category and the
// reason, and does not count towards a failing level.
type Exemption struct {
	// Policy is the exempted definition's name.
	Policy string
	// Resource is the exempted resource; the exemption also covers the
	// resources presented inside it (inline children).
	Resource model.Address
	// Category is Waiver or Mitigated.
	Category model.ExemptionCategory
	// Reason is the justification.
	Reason string
	// Name names the exemption (the model resource, or the spec entry);
	// Origin is where the spec declares it, if it does.
	Name   string
	Origin diag.Pos
}

// ModelExemptions returns the exemptions a model's policy exemptions make,
// one per exempted definition: each model.PolicyExemption names initiative
// members by reference ID (or, for an assignment of a single definition,
// exempts that definition).
func ModelExemptions(g *model.Graph) ([]Exemption, error) {
	var out []Exemption
	for _, e := range model.All[*model.PolicyExemption](g) {
		pa, ok := model.Lookup[*model.PolicyAssignment](g, e.Assignment)
		if !ok {
			return nil, fmt.Errorf("exemption %s: no assignment %s in the model", e.Name, e.Assignment)
		}
		ex := Exemption{Resource: e.Scope.Address, Category: e.Category, Reason: e.Description, Name: e.Name, Origin: e.Origin}
		if e.Scope.IsZero() && e.Group != "" {
			// Created in a resource group without a scope: it exempts the
			// whole group.
			ex.Resource = model.Address{Type: model.TypeResourceGroup, Name: e.Group}
		}
		switch pa.Definition.Type {
		case model.TypePolicyDefinition:
			ex.Policy = pa.Definition.Name
			out = append(out, ex)
		case model.TypePolicySetDefinition:
			set, ok := model.Lookup[*model.PolicySetDefinition](g, pa.Definition)
			if !ok {
				return nil, fmt.Errorf("exemption %s: no initiative %s in the model", e.Name, pa.Definition)
			}
			for _, id := range e.ReferenceIDs {
				i := slices.IndexFunc(set.Members, func(m model.PolicySetMember) bool { return m.ReferenceID == id })
				if i < 0 {
					return nil, fmt.Errorf("exemption %s: initiative %s has no member %q", e.Name, set.Name, id)
				}
				ex.Policy = set.Members[i].Definition.Name
				out = append(out, ex)
			}
		default:
			return nil, fmt.Errorf("exemption %s: assignment %s is not of a definition in the model", e.Name, pa.Name)
		}
	}
	return out, nil
}
