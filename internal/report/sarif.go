package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0 wire types: the subset enclave writes. See
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
const (
	SARIFVersion = "2.1.0"
	SARIFSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
	// Notifications about what could not be judged go in the invocation.
	Invocations []sarifInvocation `json:"invocations"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      *sarifText      `json:"fullDescription,omitempty"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfig    `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProps `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
	// Suppressions mark a result a policy exemption accepts.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

// sarifSuppression is SARIF's suppression object (§3.35): kind external,
// as the exemption lives outside the analysed artefact, status accepted.
type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification,omitempty"`
	Properties    map[string]any `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string              `json:"level"`
	Message    sarifText           `json:"message"`
	Descriptor *sarifDescriptorRef `json:"associatedRule,omitempty"`
}

type sarifDescriptorRef struct {
	ID string `json:"id"`
}

// WriteSARIF writes r as a SARIF 2.1.0 log with one run: every rule with
// its help text, every finding as a result pointing at the spec position
// its target came from (and at the target as a logical location), and
// what could not be judged as tool notifications.
func WriteSARIF(w io.Writer, r *Report) error {
	driver := sarifDriver{Name: r.Tool, Version: r.Version, InformationURI: "https://github.com/enclave-dev/enclave", Rules: []sarifRule{}}
	index := map[string]int{}
	for _, ru := range r.Rules {
		index[ru.ID] = len(driver.Rules)
		sr := sarifRule{
			ID:               ru.ID,
			Name:             sarifName(ru.Name),
			ShortDescription: sarifText{Text: nonEmpty(ru.Name, ru.ID)},
			Help:             sarifText{Text: nonEmpty(ru.Help, ru.Description, ru.Name, ru.ID)},
			HelpURI:          ru.HelpURI,
		}
		if ru.Description != "" {
			sr.FullDescription = &sarifText{Text: ru.Description}
		}
		if len(ru.Tags) > 0 {
			sr.Properties = &sarifRuleProps{Tags: ru.Tags}
		}
		driver.Rules = append(driver.Rules, sr)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Findings {
		i, ok := index[f.RuleID]
		if !ok {
			// Every result refers to a declared rule.
			i = len(run.Tool.Driver.Rules)
			index[f.RuleID] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: f.RuleID,
				ShortDescription: sarifText{Text: f.RuleID}, Help: sarifText{Text: f.RuleID}})
		}
		res := sarifResult{RuleID: f.RuleID, RuleIndex: i, Level: string(f.Severity), Message: sarifText{Text: f.Message}}
		loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: f.Target, FullyQualifiedName: nonEmpty(f.TargetID, f.Target), Kind: "resource"}}}
		if f.Path != "" {
			loc.LogicalLocations = append(loc.LogicalLocations, sarifLogical{Name: f.Path, FullyQualifiedName: f.Path, Kind: "declaration"})
		}
		if f.Pos.File != "" {
			loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(f.Pos.File)}}
			if f.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
			}
		}
		res.Locations = []sarifLocation{loc}
		props := map[string]any{"effect": f.Kind}
		if len(f.Reason) > 0 {
			props["reason"] = f.Reason
		}
		if len(f.Changes) > 0 {
			props["changes"] = f.Changes
		}
		res.Properties = props
		if s := f.Suppression; s != nil {
			sp := map[string]any{"category": s.Category}
			if s.Name != "" {
				sp["exemption"] = s.Name
			}
			res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: s.Category + ": " + s.Reason, Properties: sp}}
		}
		run.Results = append(run.Results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, u := range r.Unsupported {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: "not evaluated: unsupported " + u.Subject + detailSuffix(u.Detail)}}
		if _, ok := index[u.RuleID]; ok {
			n.Descriptor = &sarifDescriptorRef{ID: u.RuleID}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []sarifRun{run}})
}

func detailSuffix(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

func nonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// sarifName makes a rule name a SARIF identifier-like string (no spaces).
func sarifName(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// fileURI turns a spec path into a relative URI reference.
func fileURI(p string) string {
	u := url.URL{Path: filepath.ToSlash(p)}
	return u.String()
}
