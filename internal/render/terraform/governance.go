package terraform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// securityContactAzAPI: azurerm_security_center_contact speaks the legacy
// securityContacts API (alert_notifications, alerts_to_admins) and cannot
// set the minimal alert severity or the roles notified
// (hashicorp/terraform-provider-azurerm#30797), so the contact is the ARM
// body through azapi.
const securityContactAzAPI = "azurerm_security_center_contact cannot set the minimal alert severity or the roles notified (terraform-provider-azurerm#30797)"

// securityContactAPI is the API version of the contact: securityContacts
// schemas exist only as previews, and the ARM rendering uses this one,
// which a test checks.
const securityContactAPI = "2023-12-01-preview"

func governanceKinds() table {
	t := table{}
	t.add(kind(policyAssignment))
	t.add(kind(defenderPlan))
	t.add(kind(securityContact))
	t.add(kind(budget))
	return t
}

// policyAssignment assigns a built-in definition at the subscription or a
// resource group. Parameters are the JSON object ARM spells as
// {"name": {"value": ...}}. An assignment with a system identity (for
// DeployIfNotExists and Modify remediation) needs a location, as in ARM.
func policyAssignment(x *Ctx, r *model.PolicyAssignment) error {
	var definition Expr
	switch {
	case !r.Definition.IsZero():
		// A definition or initiative of the model (enclave's baseline).
		definition = x.ID(r.Definition)
	case r.DefinitionID != "":
		definition = String("/providers/Microsoft.Authorization/policyDefinitions/" + r.DefinitionID)
	default:
		return fmt.Errorf("policy assignment names no definition")
	}
	var b *Body
	if r.Group == "" {
		b = x.Resource("azurerm_subscription_policy_assignment", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("subscription_id", x.SubscriptionScope())
	} else {
		b = x.Resource("azurerm_resource_group_policy_assignment", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_group_id", x.ID(x.Group()))
	}
	b.Set("policy_definition_id", definition)
	b.Set("display_name", String(r.DisplayName))
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	b.Set("enforce", Bool(true))
	var params []Field
	if r.Effect != "" {
		params = append(params, Field{r.EffectParameterName(), Object(Field{"value", String(string(r.Effect))})})
	}
	for _, p := range r.Parameters {
		v, err := policyValue(x, p)
		if err != nil {
			return err
		}
		params = append(params, Field{p.Name, Object(Field{"value", v})})
	}
	if len(params) > 0 {
		b.Set("parameters", Call("jsonencode", Object(params...)))
	}
	if r.NonComplianceMessage != "" {
		b.Block("non_compliance_message").Set("content", String(r.NonComplianceMessage))
	}
	if r.SystemIdentity {
		loc := x.Location()
		if loc == nil {
			return fmt.Errorf("policy assignment with an identity needs a location")
		}
		b.Set("location", loc)
		b.Block("identity").Set("type", String("SystemAssigned"))
	}
	return nil
}

// policyValue spells the one value a policy parameter holds.
func policyValue(x *Ctx, p model.PolicyParameter) (Expr, error) {
	switch {
	case p.Strings != nil:
		return Strings(p.Strings), nil
	case p.Bool != nil:
		return Bool(*p.Bool), nil
	case !p.Resource.IsZero():
		return x.ID(p.Resource), nil
	case p.String != "":
		return String(p.String), nil
	}
	return nil, fmt.Errorf("policy parameter %q has no value", p.Name)
}

// defenderPlan switches a Defender plan to Standard. azurerm lists the
// enabled extensions as extension blocks; an extension the model turns off
// has none, which azurerm sends as disabled.
func defenderPlan(x *Ctx, r *model.DefenderPlan) error {
	b := x.Resource("azurerm_security_center_subscription_pricing", x.Address())
	b.Set("tier", String("Standard"))
	b.Set("resource_type", String(r.Name))
	if r.SubPlan != "" {
		b.Set("subplan", String(r.SubPlan))
	}
	for _, e := range r.Extensions {
		if !e.Enabled {
			continue
		}
		eb := b.Block("extension")
		eb.Set("name", String(e.Name))
		if e.CapGBPerMonth > 0 {
			eb.Set("additional_extension_properties", StringMap(map[string]string{"CapGBPerMonthPerStorageAccount": strconv.Itoa(e.CapGBPerMonth)}))
		}
	}
	return nil
}

// securityContact writes the ARM body through azapi (see
// securityContactAzAPI).
func securityContact(x *Ctx, r *model.SecurityContact) error {
	if r.Name != "default" {
		return fmt.Errorf("security contact must be named default")
	}
	props := []Field{
		{"emails", String(strings.Join(r.Emails, ";"))},
		{"isEnabled", Bool(true)},
	}
	if len(r.NotifyRoles) > 0 {
		props = append(props, Field{"notificationsByRole", Object(Field{"state", String("On")}, Field{"roles", Strings(r.NotifyRoles)})})
	}
	props = append(props, Field{"notificationsSources", List(Object(
		Field{"sourceType", String("Alert")},
		Field{"minimalSeverity", String(r.MinimalSeverity)},
	))})
	b := x.AzAPI(string(model.TypeSecurityContact)+"@"+securityContactAPI, securityContactAzAPI)
	b.Set("body", Object(Field{"properties", Object(props...)}))
	return nil
}

// budget writes the monthly subscription budget. The start date variable
// holds the first day of the month (yyyy-MM-01, as the ARM parameter);
// azurerm wants an RFC 3339 time.
func budget(x *Ctx, r *model.Budget) error {
	if r.StartDateParameter == "" {
		return fmt.Errorf("budget without a start date parameter")
	}
	if len(r.Notifications) == 0 {
		return fmt.Errorf("azurerm requires at least one budget notification")
	}
	b := x.Resource("azurerm_consumption_budget_subscription", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("subscription_id", x.SubscriptionScope())
	b.Set("amount", Number(int64(r.Amount)))
	b.Set("time_grain", String("Monthly"))
	b.Block("time_period").Set("start_date", Interp(x.Param(r.StartDateParameter), String("T00:00:00Z")))
	for _, n := range r.Notifications {
		if len(n.Emails) == 0 && len(n.ActionGroups) == 0 {
			return fmt.Errorf("budget notification at %d%% notifies no one", n.Threshold)
		}
		nb := b.Block("notification")
		nb.Set("enabled", Bool(true))
		nb.Set("operator", String("GreaterThanOrEqualTo"))
		nb.Set("threshold", Number(int64(n.Threshold)))
		nb.Set("threshold_type", String(string(n.Type)))
		if len(n.Emails) > 0 {
			nb.Set("contact_emails", Strings(n.Emails))
		}
		if len(n.ActionGroups) > 0 {
			nb.Set("contact_groups", x.IDs(n.ActionGroups))
		}
	}
	return nil
}
