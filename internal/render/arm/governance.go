package arm

import (
	"encoding/json"
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
	policyDefinitionAPI = "2025-11-01"
	policySetAPI        = "2025-11-01"
	// Policy exemptions exist only in preview API versions; the newest
	// with a published schema is used.
	policyExemptionAPI = "2026-01-01-preview"
	pricingAPI         = "2024-01-01"
	securityContactAPI = "2023-12-01-preview"
	budgetAPI          = "2024-08-01"
)

func governanceKinds() table {
	t := table{}
	t.add(kind(policyAssignmentAPI, policyAssignmentBody))
	t.add(kind(policyDefinitionAPI, policyDefinitionBody))
	t.add(kind(policySetAPI, policySetBody))
	t.add(kind(policyExemptionAPI, policyExemptionBody))
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
	var defID string
	switch {
	case !r.Definition.IsZero():
		defID = x.ID(r.Definition)
	case r.DefinitionID != "":
		defID = "/providers/Microsoft.Authorization/policyDefinitions/" + r.DefinitionID
	default:
		return Body{}, fmt.Errorf("policy assignment names no definition")
	}
	p := policyAssignmentProps{
		DisplayName:        r.DisplayName,
		Description:        r.Description,
		PolicyDefinitionID: defID,
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

type policyDefinitionProps struct {
	PolicyType  string          `json:"policyType"`
	Mode        string          `json:"mode"`
	DisplayName string          `json:"displayName"`
	Description string          `json:"description,omitempty"`
	Metadata    policyMetadata  `json:"metadata"`
	Parameters  json.RawMessage `json:"parameters,omitempty"`
	PolicyRule  json.RawMessage `json:"policyRule"`
}

type policyMetadata struct {
	Category string   `json:"category"`
	Version  string   `json:"version"`
	Controls []string `json:"mcsbControls,omitempty"`
}

// policyDefinitionBody renders a custom definition. Its parameters and
// rule are policy-language documents whose "[...]" expressions Azure
// Policy evaluates, so every such string is escaped for ARM ("[["; see
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters).
func policyDefinitionBody(x *Ctx, r *model.PolicyDefinition) (Body, error) {
	if len(r.Rule) == 0 {
		return Body{}, fmt.Errorf("policy definition without a rule")
	}
	rule, err := literalJSON(r.Rule)
	if err != nil {
		return Body{}, fmt.Errorf("policy rule: %w", err)
	}
	p := policyDefinitionProps{
		PolicyType:  "Custom",
		Mode:        r.Mode,
		DisplayName: r.DisplayName,
		Description: r.Description,
		Metadata:    policyMetadata{Category: r.Category, Version: r.Version, Controls: r.Controls},
		PolicyRule:  rule,
	}
	if len(r.Parameters) > 0 {
		if p.Parameters, err = literalJSON(r.Parameters); err != nil {
			return Body{}, fmt.Errorf("policy parameters: %w", err)
		}
	}
	return Body{Properties: p, NoLocation: true, NoTags: true}, nil
}

// literalJSON returns the JSON document raw with every string value that
// ARM would otherwise read as a template expression escaped ("[x" is
// written "[[x"); keys and everything else are kept byte for byte. It works
// on the bytes rather than a decoded tree, so policy rules keep the order
// they are written in and large baselines render quickly.
func literalJSON(raw []byte) (json.RawMessage, error) {
	if !json.Valid(raw) {
		return nil, fmt.Errorf("not valid JSON")
	}
	out := make([]byte, 0, len(raw)+16)
	for i := 0; i < len(raw); i++ {
		if raw[i] != '"' {
			out = append(out, raw[i])
			continue
		}
		end := i + 1
		for ; raw[end] != '"'; end++ {
			if raw[end] == '\\' {
				end++
			}
		}
		next := end + 1
		for next < len(raw) && (raw[next] == ' ' || raw[next] == '\t' || raw[next] == '\n' || raw[next] == '\r') {
			next++
		}
		isKey := next < len(raw) && raw[next] == ':'
		out = append(out, '"')
		if !isKey && end > i+1 && raw[i+1] == '[' {
			out = append(out, '[')
		}
		out = append(out, raw[i+1:end+1]...)
		i = end
	}
	return out, nil
}

type policySetProps struct {
	PolicyType        string                    `json:"policyType"`
	DisplayName       string                    `json:"displayName"`
	Description       string                    `json:"description,omitempty"`
	Metadata          policyMetadata            `json:"metadata"`
	Parameters        map[string]policySetParam `json:"parameters,omitempty"`
	PolicyDefinitions []policySetMember         `json:"policyDefinitions"`
	Groups            []policySetGroup          `json:"policyDefinitionGroups,omitempty"`
}

type policySetParam struct {
	Type         string          `json:"type"`
	Metadata     policyParamDoc  `json:"metadata"`
	DefaultValue json.RawMessage `json:"defaultValue,omitempty"`
}

type policyParamDoc struct {
	DisplayName string `json:"displayName"`
	Description string `json:"description,omitempty"`
}

type policySetMember struct {
	PolicyDefinitionID          string                      `json:"policyDefinitionId"`
	PolicyDefinitionReferenceID string                      `json:"policyDefinitionReferenceId"`
	Parameters                  map[string]policyParamValue `json:"parameters,omitempty"`
	GroupNames                  []string                    `json:"groupNames,omitempty"`
}

type policySetGroup struct {
	Name        string `json:"name"`
	DisplayName string `json:"displayName,omitempty"`
	Category    string `json:"category,omitempty"`
}

// policySetBody renders an initiative; members take initiative parameters
// through "[parameters('x')]", escaped so that Azure Policy, not ARM,
// evaluates them.
func policySetBody(x *Ctx, r *model.PolicySetDefinition) (Body, error) {
	if len(r.Members) == 0 {
		return Body{}, fmt.Errorf("initiative without definitions")
	}
	p := policySetProps{
		PolicyType:  "Custom",
		DisplayName: r.DisplayName,
		Description: r.Description,
		Metadata:    policyMetadata{Category: r.Category, Version: r.Version},
	}
	declared := map[string]bool{}
	if len(r.Parameters) > 0 {
		p.Parameters = map[string]policySetParam{}
	}
	for _, sp := range r.Parameters {
		p.Parameters[sp.Name] = policySetParam{Type: sp.Type, Metadata: policyParamDoc{DisplayName: sp.DisplayName, Description: sp.Description}, DefaultValue: sp.Default}
		declared[sp.Name] = true
	}
	for _, m := range r.Members {
		pm := policySetMember{
			PolicyDefinitionID:          x.ID(m.Definition),
			PolicyDefinitionReferenceID: m.ReferenceID,
			GroupNames:                  m.Groups,
		}
		for _, v := range m.Parameters {
			if !declared[v.SetParameter] {
				return Body{}, fmt.Errorf("member %s uses undeclared initiative parameter %q", m.ReferenceID, v.SetParameter)
			}
			if pm.Parameters == nil {
				pm.Parameters = map[string]policyParamValue{}
			}
			pm.Parameters[v.Name] = policyParamValue{Value: Lit(fmt.Sprintf("[parameters('%s')]", v.SetParameter))}
		}
		p.PolicyDefinitions = append(p.PolicyDefinitions, pm)
	}
	for _, g := range r.Groups {
		p.Groups = append(p.Groups, policySetGroup{Name: g.Name, DisplayName: g.DisplayName, Category: g.Category})
	}
	return Body{Properties: p, NoLocation: true, NoTags: true}, nil
}

type policyExemptionProps struct {
	PolicyAssignmentID           string   `json:"policyAssignmentId"`
	PolicyDefinitionReferenceIDs []string `json:"policyDefinitionReferenceIds,omitempty"`
	ExemptionCategory            string   `json:"exemptionCategory"`
	DisplayName                  string   `json:"displayName,omitempty"`
	Description                  string   `json:"description,omitempty"`
}

func policyExemptionBody(x *Ctx, r *model.PolicyExemption) (Body, error) {
	if r.Assignment.IsZero() || r.Category == "" {
		return Body{}, fmt.Errorf("policy exemption without an assignment or a category")
	}
	return Body{Properties: policyExemptionProps{
		PolicyAssignmentID:           x.ID(r.Assignment),
		PolicyDefinitionReferenceIDs: r.ReferenceIDs,
		ExemptionCategory:            string(r.Category),
		DisplayName:                  r.DisplayName,
		Description:                  r.Description,
	}, NoLocation: true, NoTags: true}, nil
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
