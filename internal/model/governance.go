package model

// Governance: Azure Policy assignments, Defender for Cloud plans, the
// security contact and the cost budget.
const (
	TypePolicyAssignment Type = "Microsoft.Authorization/policyAssignments"
	TypeDefenderPlan     Type = "Microsoft.Security/pricings"
	TypeSecurityContact  Type = "Microsoft.Security/securityContacts"
	TypeBudget           Type = "Microsoft.Consumption/budgets"
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

// PolicyAssignment assigns a built-in policy definition at the subscription
// (Meta.Group empty) or at a resource group (Meta.Group set).
type PolicyAssignment struct {
	Meta
	DisplayName string
	Description string
	// DefinitionID is the GUID of a built-in policy definition.
	DefinitionID string
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
