package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/enclave-dev/enclave/internal/model"
)

// Custom Azure Policy definitions, initiatives and exemptions (enclave's
// baseline). A definition's rule and parameters are policy-language JSON
// documents, written as JSON heredocs as the provider's documentation
// does; the small initiative documents are jsonencode() of objects.
// "[parameters('effect')]" stays a string Azure Policy evaluates.
func policyKinds() table {
	t := table{}
	t.add(kind(policyDefinition))
	t.add(kind(policySetDefinition))
	t.add(kind(policyExemption))
	return t
}

func policyDefinition(x *Ctx, r *model.PolicyDefinition) error {
	if len(r.Rule) == 0 {
		return fmt.Errorf("policy definition without a rule")
	}
	b := x.Resource("azurerm_policy_definition", x.Address())
	b.Set("name", String(r.Name))
	b.Set("policy_type", String("Custom"))
	b.Set("mode", String(r.Mode))
	b.Set("display_name", String(r.DisplayName))
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	meta := []Field{{"category", String(r.Category)}, {"version", String(r.Version)}}
	if len(r.Controls) > 0 {
		meta = append(meta, Field{"mcsbControls", Strings(r.Controls)})
	}
	b.Set("metadata", Call("jsonencode", Object(meta...)))
	rule, err := jsonDoc("POLICY_RULE", r.Rule)
	if err != nil {
		return fmt.Errorf("policy rule: %w", err)
	}
	b.Set("policy_rule", rule)
	if len(r.Parameters) > 0 {
		params, err := jsonDoc("PARAMETERS", r.Parameters)
		if err != nil {
			return fmt.Errorf("policy parameters: %w", err)
		}
		b.Set("parameters", params)
	}
	return nil
}

// jsonDoc writes a policy-language document as indented JSON in a
// heredoc, keeping its keys in the order the definition file has them.
func jsonDoc(tag string, raw json.RawMessage) (Expr, error) {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return nil, err
	}
	return Heredoc(tag, buf.String()), nil
}

func policySetDefinition(x *Ctx, r *model.PolicySetDefinition) error {
	if len(r.Members) == 0 {
		return fmt.Errorf("initiative without definitions")
	}
	b := x.Resource("azurerm_policy_set_definition", x.Address())
	b.Set("name", String(r.Name))
	b.Set("policy_type", String("Custom"))
	b.Set("display_name", String(r.DisplayName))
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	b.Set("metadata", Call("jsonencode", Object(Field{"category", String(r.Category)}, Field{"version", String(r.Version)})))
	declared := map[string]bool{}
	var params []Field
	for _, p := range r.Parameters {
		declared[p.Name] = true
		fs := []Field{
			{"type", String(p.Type)},
			{"metadata", Object(Field{"displayName", String(p.DisplayName)}, Field{"description", String(p.Description)})},
		}
		if len(p.Default) > 0 {
			d, err := jsonExpr(p.Default)
			if err != nil {
				return fmt.Errorf("parameter %s default: %w", p.Name, err)
			}
			fs = append(fs, Field{"defaultValue", d})
		}
		params = append(params, Field{p.Name, Object(fs...)})
	}
	if len(params) > 0 {
		b.Set("parameters", Call("jsonencode", Object(params...)))
	}
	for _, m := range r.Members {
		mb := b.Block("policy_definition_reference")
		mb.Set("policy_definition_id", x.ID(m.Definition))
		mb.Set("reference_id", String(m.ReferenceID))
		if len(m.Groups) > 0 {
			mb.Set("policy_group_names", Strings(m.Groups))
		}
		var values []Field
		for _, v := range m.Parameters {
			if !declared[v.SetParameter] {
				return fmt.Errorf("member %s uses undeclared initiative parameter %q", m.ReferenceID, v.SetParameter)
			}
			values = append(values, Field{v.Name, Object(Field{"value", String(fmt.Sprintf("[parameters('%s')]", v.SetParameter))})})
		}
		if len(values) > 0 {
			mb.Set("parameter_values", Call("jsonencode", Object(values...)))
		}
	}
	for _, g := range r.Groups {
		gb := b.Block("policy_definition_group")
		gb.Set("name", String(g.Name))
		if g.DisplayName != "" {
			gb.Set("display_name", String(g.DisplayName))
		}
		if g.Category != "" {
			gb.Set("category", String(g.Category))
		}
	}
	return nil
}

// policyExemption picks the exemption resource for its scope: the
// subscription, a resource group or a resource.
func policyExemption(x *Ctx, r *model.PolicyExemption) error {
	if r.Assignment.IsZero() || r.Category == "" {
		return fmt.Errorf("policy exemption without an assignment or a category")
	}
	var b *Body
	switch scope := r.Scope; {
	case scope.IsZero():
		b = x.Resource("azurerm_subscription_policy_exemption", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("subscription_id", x.SubscriptionScope())
	case scope.Type == model.TypeResourceGroup:
		b = x.Resource("azurerm_resource_group_policy_exemption", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_group_id", x.ID(scope))
	default:
		b = x.Resource("azurerm_resource_policy_exemption", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_id", x.ID(scope))
	}
	b.Set("policy_assignment_id", x.ID(r.Assignment))
	b.Set("exemption_category", String(string(r.Category)))
	if len(r.ReferenceIDs) > 0 {
		b.Set("policy_definition_reference_ids", Strings(r.ReferenceIDs))
	}
	if r.DisplayName != "" {
		b.Set("display_name", String(r.DisplayName))
	}
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	return nil
}

// jsonExpr turns a JSON document into a literal HCL value, for jsonencode.
func jsonExpr(raw json.RawMessage) (Expr, error) {
	ty, err := ctyjson.ImpliedType(raw)
	if err != nil {
		return nil, err
	}
	v, err := ctyjson.Unmarshal(raw, ty)
	if err != nil {
		return nil, err
	}
	if v.IsNull() {
		return Lit(cty.NullVal(cty.DynamicPseudoType)), nil
	}
	return Lit(v), nil
}
