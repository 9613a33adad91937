package report

import (
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/check"
)

// FromCheck turns a policy evaluation into a Report: one rule per assigned
// definition, one finding per non-compliant resource.
func FromCheck(res *check.Result, set *check.Set, version string) *Report {
	r := &Report{Tool: "enclave", Version: version, Evaluated: res.Definitions, Targets: res.Resources}
	for _, a := range set.Assignments() {
		d := a.Definition
		help := d.Description
		if help == "" {
			help = d.DisplayName
		}
		help += "\n\nDefinition: " + d.Source
		if len(d.Controls) > 0 {
			help += "\nMicrosoft cloud security benchmark: " + strings.Join(d.Controls, ", ")
		}
		ru := Rule{ID: d.Name, Name: d.DisplayName, Description: d.Description, Help: help, Tags: append([]string(nil), d.Controls...)}
		if d.Category != "" {
			ru.Tags = append(ru.Tags, d.Category)
		}
		if strings.HasPrefix(d.ID, "/providers/Microsoft.Authorization/policyDefinitions/") {
			ru.HelpURI = "https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/" + strings.ReplaceAll(d.ID, "/", "%2F")
		}
		r.Rules = append(r.Rules, ru)
	}
	sort.Slice(r.Rules, func(i, j int) bool { return r.Rules[i].ID < r.Rules[j].ID })
	for _, f := range res.Findings {
		var changes []string
		for _, c := range f.Changes {
			changes = append(changes, c.String())
		}
		rf := Finding{
			RuleID: f.Policy, Kind: string(f.Effect), Severity: severity(f.Effect),
			Target: f.Resource.String(), TargetID: f.ResourceID,
			Message: f.Message, Reason: f.Reason, Changes: changes, Pos: f.Origin, Path: f.Path,
		}
		if e := f.Exemption; e != nil {
			rf.Suppression = &Suppression{Name: e.Name, Category: string(e.Category), Reason: e.Reason}
		}
		r.Findings = append(r.Findings, rf)
	}
	for _, u := range res.Unsupported {
		r.Unsupported = append(r.Unsupported, Note{RuleID: u.Policy, Source: u.Source, Subject: u.Construct, Detail: u.Detail})
	}
	for _, e := range res.Errors {
		r.Errors = append(r.Errors, e.Error())
	}
	return r
}

func severity(e check.Effect) Severity {
	switch e.Level() {
	case check.LevelDeny:
		return Error
	case check.LevelAudit:
		return Warning
	}
	return Info
}
