package terraform

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// unescapeARM undoes the "[[" escaping ARM needs for policy-language
// strings, so the two renderings' rules compare as the same document.
func unescapeARM(v any) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "[[") {
			return x[1:]
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = unescapeARM(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = unescapeARM(e)
		}
		return out
	}
	return v
}

// jsonString decodes an attribute holding a JSON document as a string.
func jsonString(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	var out any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return "undecodable: " + err.Error()
	}
	return out
}

// canonical spells a decoded JSON document with sorted keys.
func canonical(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("unencodable: %v", err)
	}
	return string(data)
}

func policySecurity() []securityPair {
	return []securityPair{
		{
			Kind: model.TypePolicyDefinition, Setting: "mode, rule and parameters",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("mode=%v rule=%s params=%s", r.Get("properties.mode"),
					canonical(unescapeARM(r.Get("properties.policyRule"))), canonical(unescapeARM(r.Get("properties.parameters"))))
			},
			TF: func(bs tfBlocks) any {
				d := bs.One("azurerm_policy_definition")
				return fmt.Sprintf("mode=%v rule=%s params=%s", d.Attr("mode"), canonical(jsonString(d.Attr("policy_rule"))), canonical(jsonString(d.Attr("parameters"))))
			},
		},
		{
			Kind: model.TypePolicySetDefinition, Setting: "members, their parameters and groups",
			ARM: func(r armJSON) any {
				var out []string
				for _, m := range r.List("properties.policyDefinitions") {
					out = append(out, fmt.Sprintf("%v %s groups=%s params=%s", m["policyDefinitionReferenceId"], armDefinition(m["policyDefinitionId"]),
						str(m["groupNames"]), canonical(unescapeARM(m["parameters"]))))
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				var out []string
				for _, m := range bs.One("azurerm_policy_set_definition").Blocks("policy_definition_reference") {
					out = append(out, fmt.Sprintf("%v %s groups=%s params=%s", m.Attr("reference_id"), bs.definition(m.Attr("policy_definition_id")),
						str(m.Attr("policy_group_names")), canonical(m.path("parameter_values"))))
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypePolicyExemption, Setting: "category and exempted members",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("category=%v members=%s", r.Get("properties.exemptionCategory"), str(r.Get("properties.policyDefinitionReferenceIds")))
			},
			TF: func(bs tfBlocks) any {
				for _, typ := range []string{"azurerm_resource_policy_exemption", "azurerm_resource_group_policy_exemption", "azurerm_subscription_policy_exemption"} {
					if e := bs.One(typ); e.b != nil {
						return fmt.Sprintf("category=%v members=%s", e.Attr("exemption_category"), str(e.Attr("policy_definition_reference_ids")))
					}
				}
				return nil
			},
		},
	}
}
