package arm

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// API versions of the governance kinds: the newest non-preview versions in
// the published schemas, except security contacts, whose schemas exist only
// in preview versions (2017-08-01-preview and 2023-12-01-preview); the
// newer one is used.
const (
	policyAssignmentAPI = "2025-11-01"
	pricingAPI          = "2024-01-01"
	securityContactAPI  = "2023-12-01-preview"
	budgetAPI           = "2024-08-01"
)

func governanceKinds() table {
	t := table{}
	t.add(kind(policyAssignmentAPI, policyAssignmentBody))
	t.add(kind(pricingAPI, pricingBody))
	t.add(kind(securityContactAPI, securityContactBody))
	t.add(kind(budgetAPI, budgetBody))
	return t
}

type policyAssignmentProps struct {
	DisplayName           string                       `json:"displayName"`
	Description           string                       `json:"description,omitempty"`
	PolicyDefinitionID    string                       `json:"policyDefinitionId"`
	EnforcementMode       string                       `json:"enforcementMode"`
	Parameters            map[string]policyParamValue  `json:"parameters,omitempty"`
	NonComplianceMessages []policyNonComplianceMessage `json:"nonComplianceMessages,omitempty"`
}

type policyParamValue struct {
	Value any `json:"value"`
}

type policyNonComplianceMessage struct {
	Message string `json:"message"`
}

func policyAssignmentBody(x *Ctx, r *model.PolicyAssignment) (Body, error) {
	if r.DefinitionID == "" {
		return Body{}, fmt.Errorf("policy assignment names no definition")
	}
	p := policyAssignmentProps{
		DisplayName:        r.DisplayName,
		Description:        r.Description,
		PolicyDefinitionID: "/providers/Microsoft.Authorization/policyDefinitions/" + r.DefinitionID,
		EnforcementMode:    "Default",
		Parameters:         map[string]policyParamValue{},
	}
	if r.Effect != "" {
		p.Parameters[r.EffectParameterName()] = policyParamValue{Value: string(r.Effect)}
	}
	for _, pp := range r.Parameters {
		v, err := policyValue(x, pp)
		if err != nil {
			return Body{}, err
		}
		p.Parameters[pp.Name] = policyParamValue{Value: v}
	}
	if len(p.Parameters) == 0 {
		p.Parameters = nil
	}
	if r.NonComplianceMessage != "" {
		p.NonComplianceMessages = []policyNonComplianceMessage{{Message: r.NonComplianceMessage}}
	}
	b := Body{Properties: p, NoTags: true, NoLocation: !r.SystemIdentity}
	if r.SystemIdentity {
		b.Identity = x.Identity(model.Identity{SystemAssigned: true})
	}
	return b, nil
}

// policyValue spells the one value a policy parameter holds.
func policyValue(x *Ctx, p model.PolicyParameter) (any, error) {
	switch {
	case p.Strings != nil:
		out := make([]string, len(p.Strings))
		for i, s := range p.Strings {
			out[i] = Lit(s)
		}
		return out, nil
	case p.Bool != nil:
		return *p.Bool, nil
	case !p.Resource.IsZero():
		return x.ID(p.Resource), nil
	case p.String != "":
		return Lit(p.String), nil
	}
	return nil, fmt.Errorf("policy parameter %q has no value", p.Name)
}

type pricingProps struct {
	PricingTier string             `json:"pricingTier"`
	SubPlan     string             `json:"subPlan,omitempty"`
	Extensions  []pricingExtension `json:"extensions,omitempty"`
}

type pricingExtension struct {
	Name                          string            `json:"name"`
	IsEnabled                     string            `json:"isEnabled"`
	AdditionalExtensionProperties map[string]string `json:"additionalExtensionProperties,omitempty"`
}

func pricingBody(x *Ctx, r *model.DefenderPlan) (Body, error) {
	p := pricingProps{PricingTier: "Standard", SubPlan: r.SubPlan}
	for _, e := range r.Extensions {
		pe := pricingExtension{Name: e.Name, IsEnabled: boolWord(e.Enabled)}
		if e.CapGBPerMonth > 0 {
			pe.AdditionalExtensionProperties = map[string]string{"CapGBPerMonthPerStorageAccount": strconv.Itoa(e.CapGBPerMonth)}
		}
		p.Extensions = append(p.Extensions, pe)
	}
	return Body{Properties: p, NoLocation: true, NoTags: true}, nil
}

// boolWord is the "True"/"False" enum some Security properties use.
func boolWord(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

type securityContactProps struct {
	Emails               string                      `json:"emails"`
	IsEnabled            bool                        `json:"isEnabled"`
	NotificationsByRole  *securityContactRoles       `json:"notificationsByRole,omitempty"`
	NotificationsSources []securityContactAlertLevel `json:"notificationsSources"`
}

type securityContactRoles struct {
	State string   `json:"state"`
	Roles []string `json:"roles"`
}

type securityContactAlertLevel struct {
	SourceType      string `json:"sourceType"`
	MinimalSeverity string `json:"minimalSeverity"`
}

func securityContactBody(x *Ctx, r *model.SecurityContact) (Body, error) {
	if r.Name != "default" {
		return Body{}, fmt.Errorf("security contact must be named default")
	}
	p := securityContactProps{
		Emails:               Lit(strings.Join(r.Emails, ";")),
		IsEnabled:            true,
		NotificationsSources: []securityContactAlertLevel{{SourceType: "Alert", MinimalSeverity: r.MinimalSeverity}},
	}
	if len(r.NotifyRoles) > 0 {
		p.NotificationsByRole = &securityContactRoles{State: "On", Roles: r.NotifyRoles}
	}
	return Body{Properties: p, NoLocation: true, NoTags: true}, nil
}

type budgetProps struct {
	Category      string                        `json:"category"`
	Amount        int                           `json:"amount"`
	TimeGrain     string                        `json:"timeGrain"`
	TimePeriod    budgetPeriod                  `json:"timePeriod"`
	Notifications map[string]budgetNotification `json:"notifications"`
}

type budgetPeriod struct {
	StartDate string `json:"startDate"`
}

type budgetNotification struct {
	Enabled       bool     `json:"enabled"`
	Operator      string   `json:"operator"`
	Threshold     int      `json:"threshold"`
	ThresholdType string   `json:"thresholdType"`
	ContactEmails []string `json:"contactEmails"`
	ContactGroups []string `json:"contactGroups,omitempty"`
}

func budgetBody(x *Ctx, r *model.Budget) (Body, error) {
	if r.StartDateParameter == "" {
		return Body{}, fmt.Errorf("budget without a start date parameter")
	}
	p := budgetProps{
		Category:      "Cost",
		Amount:        r.Amount,
		TimeGrain:     "Monthly",
		TimePeriod:    budgetPeriod{StartDate: x.Param(r.StartDateParameter)},
		Notifications: map[string]budgetNotification{},
	}
	for _, n := range r.Notifications {
		bn := budgetNotification{
			Enabled:       true,
			Operator:      "GreaterThanOrEqualTo",
			Threshold:     n.Threshold,
			ThresholdType: string(n.Type),
			ContactEmails: make([]string, 0, len(n.Emails)),
		}
		for _, e := range n.Emails {
			bn.ContactEmails = append(bn.ContactEmails, Lit(e))
		}
		for _, g := range n.ActionGroups {
			bn.ContactGroups = append(bn.ContactGroups, x.ID(g))
		}
		p.Notifications[fmt.Sprintf("%s_GreaterThanOrEqualTo_%d_Percent", strings.ToLower(string(n.Type)), n.Threshold)] = bn
	}
	return Body{Properties: p, NoLocation: true, NoTags: true}, nil
}
