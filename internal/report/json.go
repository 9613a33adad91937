package report

import (
	"encoding/json"
	"io"
)

type jsonReport struct {
	Evaluated int           `json:"evaluated"`
	Resources int           `json:"resources"`
	Findings  []jsonFinding `json:"findings"`
	// Exempted are findings a policy exemption accepts.
	Exempted    []jsonFinding `json:"exempted,omitempty"`
	Unsupported []jsonNote    `json:"unsupported"`
	Errors      []string      `json:"errors,omitempty"`
}

type jsonFinding struct {
	Policy      string         `json:"policy"`
	DisplayName string         `json:"displayName,omitempty"`
	Resource    string         `json:"resource"`
	ResourceID  string         `json:"resourceId,omitempty"`
	Effect      string         `json:"effect"`
	Severity    Severity       `json:"severity"`
	Message     string         `json:"message"`
	Reason      []string       `json:"reason,omitempty"`
	Changes     []string       `json:"changes,omitempty"`
	Spec        string         `json:"spec,omitempty"`
	Path        string         `json:"path,omitempty"`
	Exemption   *jsonExemption `json:"exemption,omitempty"`
}

type jsonExemption struct {
	Name     string `json:"name,omitempty"`
	Category string `json:"category"`
	Reason   string `json:"reason"`
}

type jsonNote struct {
	Policy    string `json:"policy"`
	Source    string `json:"source,omitempty"`
	Construct string `json:"construct"`
	Detail    string `json:"detail,omitempty"`
}

// WriteJSON writes {"evaluated":N,"resources":M,"findings":[...],
// "unsupported":[...]}, and "exempted":[...] for findings a policy
// exemption accepts (each with its category and reason); each finding has policy, resource, effect and
// message, plus what decided it and the spec position.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Evaluated: r.Evaluated, Resources: r.Targets, Findings: []jsonFinding{}, Unsupported: []jsonNote{}, Errors: r.Errors}
	for _, f := range r.Findings {
		jf := jsonFinding{Policy: f.RuleID, Resource: f.Target, ResourceID: f.TargetID, Effect: f.Kind,
			Severity: f.Severity, Message: f.Message, Reason: f.Reason, Changes: f.Changes, Spec: f.Pos.String(), Path: f.Path}
		if ru, ok := r.rule(f.RuleID); ok {
			jf.DisplayName = ru.Name
		}
		if s := f.Suppression; s != nil {
			jf.Exemption = &jsonExemption{Name: s.Name, Category: s.Category, Reason: s.Reason}
			out.Exempted = append(out.Exempted, jf)
			continue
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, u := range r.Unsupported {
		out.Unsupported = append(out.Unsupported, jsonNote{Policy: u.RuleID, Source: u.Source, Construct: u.Subject, Detail: u.Detail})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
