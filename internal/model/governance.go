package model

import "encoding/json"

// Governance: Azure Policy assignments, Defender for Cloud plans, the
// security contact and the cost budget.
const (
	TypePolicyAssignment    Type = "Microsoft.Authorization/policyAssignments"
	TypePolicyDefinition    Type = "Microsoft.Authorization/policyDefinitions"
	TypePolicySetDefinition Type = "Microsoft.Authorization/policySetDefinitions"
	TypePolicyExemption     Type = "Microsoft.Authorization/policyExemptions"
	TypeDefenderPlan        Type = "Microsoft.Security/pricings"
	TypeSecurityContact     Type = "Microsoft.Security/securityContacts"
	TypeBudget              Type = "Microsoft.Consumption/budgets"
)

// PolicyEffect is what Azure Policy does with a non-compliant resource.
type PolicyEffect string

const (
	EffectDeny              PolicyEffect = "Deny"
	EffectAudit             PolicyEffect = "Audit"
	EffectAuditIfNotExists  PolicyEffect = "AuditIfNotExists"
	EffectDeployIfNotExists PolicyEffect = "DeployIfNotExists"
	EffectModify            PolicyEffect = "Modify"
	EffectDisabled          PolicyEffect = "Disabled"
)

// PolicyParameter is one parameter value of an assignment. Exactly one of
// the value fields is set.
type PolicyParameter struct {
	Name    string
	String  string
	Strings []string
	Bool    *bool
	// Resource is a resource whose ID is the value (a Log Analytics
	// workspace for diagnostic-settings policies).
	Resource Ref
}

// PolicyAssignment assigns a built-in policy definition, or a definition or
// initiative of the model, at the subscription (Meta.Group empty) or at a
// resource group (Meta.Group set).
type PolicyAssignment struct {
	Meta
	DisplayName string
	Description string
	// DefinitionID is the GUID of a built-in policy definition.
	DefinitionID string
	// Definition is a PolicyDefinition or PolicySetDefinition of the
	// model; it is used instead of DefinitionID when set.
	Definition Ref
	// Effect is the value of the definition's effect parameter, named
	// EffectParameter ("effect" when empty). It is empty for definitions
	// whose effect is fixed.
	Effect          PolicyEffect
	EffectParameter string
	// Parameters are the definition's other parameters.
	Parameters []PolicyParameter
	// SystemIdentity gives the assignment a managed identity, which
	// DeployIfNotExists and Modify effects need for remediation.
	SystemIdentity bool
	// NonComplianceMessage tells users why a request was denied.
	NonComplianceMessage string
}

func (*PolicyAssignment) Type() Type { return TypePolicyAssignment }

// EffectParameterName returns the name of the effect parameter.
func (p *PolicyAssignment) EffectParameterName() string {
	if p.EffectParameter == "" {
		return "effect"
	}
	return p.EffectParameter
}

// PolicyDefinition is a custom Azure Policy definition created at the
// subscription (enclave's baseline). Parameters and Rule hold the
// definition's "parameters" and "policyRule" objects as Azure Policy JSON:
// they are documents in the policy language, evaluated by check and copied
// by the renderers, not properties enclave interprets.
type PolicyDefinition struct {
	Meta
	DisplayName string
	Description string
	// Mode is "All" or "Indexed".
	Mode string
	// Category and Version go into the definition's metadata, with the
	// Microsoft cloud security benchmark Controls it implements.
	Category string
	Version  string
	Controls []string
	// Parameters is the JSON object of parameter declarations.
	Parameters json.RawMessage
	// Rule is the JSON policyRule object.
	Rule json.RawMessage
}

func (*PolicyDefinition) Type() Type { return TypePolicyDefinition }

// PolicySetParameter declares a parameter of an initiative.
type PolicySetParameter struct {
	Name        string
	Type        string
	DisplayName string
	Description string
	// Default is the JSON default value, or empty for a required parameter.
	Default json.RawMessage
}

// PolicyGroup groups an initiative's members by the control they implement.
type PolicyGroup struct {
	Name        string
	DisplayName string
	Category    string
}

// PolicySetValue passes the initiative parameter SetParameter to the
// member's parameter Name.
type PolicySetValue struct {
	Name         string
	SetParameter string
}

// PolicySetMember is one definition of an initiative.
type PolicySetMember struct {
	Definition  Ref
	ReferenceID string
	Groups      []string
	Parameters  []PolicySetValue
}

// PolicySetDefinition is a custom initiative created at the subscription.
type PolicySetDefinition struct {
	Meta
	DisplayName string
	Description string
	Category    string
	Version     string
	Parameters  []PolicySetParameter
	Groups      []PolicyGroup
	Members     []PolicySetMember
}

func (*PolicySetDefinition) Type() Type { return TypePolicySetDefinition }

// ExemptionCategory says why a resource is exempt from a policy.
type ExemptionCategory string

const (
	// ExemptionWaiver accepts the non-compliance.
	ExemptionWaiver ExemptionCategory = "Waiver"
	// ExemptionMitigated says the policy's intent is met another way.
	ExemptionMitigated ExemptionCategory = "Mitigated"
)

// PolicyExemption exempts the resource it is scoped to (Meta.Scope) from
// some definitions of an initiative assignment, with the reason.
type PolicyExemption struct {
	Meta
	Assignment Ref
	// ReferenceIDs are the initiative members exempted.
	ReferenceIDs []string
	Category     ExemptionCategory
	DisplayName  string
	// Description is the justification.
	Description string
}

func (*PolicyExemption) Type() Type { return TypePolicyExemption }

// DefenderExtension is an optional capability of a Defender plan.
type DefenderExtension struct {
	Name    string
	Enabled bool
	// CapGBPerMonth limits malware scanning per storage account (0 means
	// no cap is set).
	CapGBPerMonth int
}

// DefenderPlan switches a Defender for Cloud plan to the Standard tier for
// the subscription. Meta.Name is the plan ("VirtualMachines").
type DefenderPlan struct {
	Meta
	SubPlan    string
	Extensions []DefenderExtension
}

func (*DefenderPlan) Type() Type { return TypeDefenderPlan }

// SecurityContact is who Defender for Cloud notifies. Azure requires the
// name "default".
type SecurityContact struct {
	Meta
	Emails []string
	// MinimalSeverity is the lowest alert severity sent (High, Medium, Low).
	MinimalSeverity string
	// NotifyRoles are subscription roles that are notified too.
	NotifyRoles []string
}

func (*SecurityContact) Type() Type { return TypeSecurityContact }

// ThresholdType says whether a budget notification fires on actual or
// forecast cost.
type ThresholdType string

const (
	ThresholdActual     ThresholdType = "Actual"
	ThresholdForecasted ThresholdType = "Forecasted"
)

// BudgetNotification fires when cost reaches Threshold percent of the
// budget.
type BudgetNotification struct {
	Threshold    int
	Type         ThresholdType
	Emails       []string
	ActionGroups []Ref
}

// Budget is a monthly cost budget for the subscription. StartDateParameter
// names the deployment parameter holding the first day of the current month
// (Azure rejects start dates in past months, so the date cannot be fixed in
// the template).
type Budget struct {
	Meta
	Amount             int
	StartDateParameter string
	Notifications      []BudgetNotification
}

func (*Budget) Type() Type { return TypeBudget }
