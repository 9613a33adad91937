// Package docs renders an environment's documentation from its model: a
// README for newcomers (design, security model, address plan, NSG rules,
// routes, firewall rules, private DNS, RBAC matrix, reach and check
// results), runbooks per role, an architecture diagram (Graphviz DOT and
// SVG) and a self-contained HTML report. Every fact comes from the
// model.Graph or from the results handed in; nothing is written by hand.
package docs

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/cost"
	"github.com/enclave-dev/enclave/internal/model"
)

// IntentResult is one reach intent and its verdict, as the report shows it.
type IntentResult struct {
	Name     string
	From, To string
	Port     string
	Protocol string
	// Expect is "allow" or "deny"; Verdict what reach found; Holds whether
	// they agree.
	Expect  string
	Verdict string
	Holds   bool
	// DecidedBy names the rules, routes and settings that decided.
	DecidedBy []string
}

// Finding is one policy finding.
type Finding struct {
	Policy   string
	Resource string
	Effect   string
	Message  string
	// Exemption is set when a policy exemption accepts the finding:
	// "<category>: <reason>".
	Exemption string
}

// splitFindings returns the findings no exemption accepts, and the others.
func splitFindings(fs []Finding) (open, exempted []Finding) {
	for _, f := range fs {
		if f.Exemption != "" {
			exempted = append(exempted, f)
		} else {
			open = append(open, f)
		}
	}
	return open, exempted
}

// Results are what reach and check found. A nil slice means the analysis
// did not run (the docs say "not evaluated"); an empty, non-nil slice
// means it ran and found nothing to list.
type Results struct {
	Intents  []IntentResult
	Findings []Finding
	// Exemptions are the spec's declared policy exemptions
	// (governance.exemptions), listed whether or not this run evaluated
	// the policies they name.
	Exemptions []Exemption
}

// Exemption is one declared policy exemption.
type Exemption struct {
	Policy, Resources, Category, Reason string
}

// Input is what the docs are rendered from.
type Input struct {
	Graph   *model.Graph
	Results Results
	// Cost is the monthly estimate; nil leaves the cost sections out.
	Cost *cost.Report
	// Source names the spec ("enclave.yaml", "<built-in example>").
	Source string
}

// File is one rendered file, its Name relative to the docs directory.
type File struct {
	Name string
	Data []byte
}

// Output is everything Render produces.
type Output struct {
	// Docs are the files of the docs directory: README.md, the runbooks,
	// architecture.dot and architecture.svg.
	Docs []File
	// Report is report.html.
	Report []byte
}

// Renderer turns DOT into SVG; Render takes one so that tests can run
// without Graphviz.
type Renderer interface {
	SVG(dot []byte) ([]byte, error)
}

// Render renders the documentation of in.Graph.
func Render(in Input, r Renderer) (*Output, error) {
	if in.Graph == nil {
		return nil, fmt.Errorf("no graph")
	}
	dot := Diagram(in.Graph)
	svg, err := r.SVG(dot)
	if err != nil {
		return nil, fmt.Errorf("rendering the diagram: %w", err)
	}
	out := &Output{Docs: []File{
		{"README.md", README(in)},
		{"architecture.dot", dot},
		{"architecture.svg", svg},
	}}
	for _, rb := range Runbooks(in) {
		out.Docs = append(out.Docs, rb)
	}
	html, err := Report(in, svg)
	if err != nil {
		return nil, err
	}
	out.Report = html
	return out, nil
}
