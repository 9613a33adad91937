// Package report writes the results of enclave's analyses — policy
// findings today, reach verdicts later — as a text table, JSON or SARIF
// 2.1.0 for code-scanning tools. It knows nothing of how a result was
// reached: producers fill in a Report and pick a writer.
package report

import (
	"github.com/enclave-dev/enclave/internal/diag"
)

// Severity is how serious a finding is, in SARIF's terms.
type Severity string

const (
	Error   Severity = "error"   // blocks a deployment (a deny)
	Warning Severity = "warning" // non-compliant (an audit)
	Info    Severity = "note"    // a change Azure would make (modify, deployIfNotExists)
)

// Rule describes one check: a policy definition, a reach intent.
type Rule struct {
	ID   string
	Name string
	// Description says what the rule requires; Help how to comply.
	Description string
	Help        string
	HelpURI     string
	// Tags are labels such as benchmark control IDs.
	Tags []string
}

// Finding is one result of a rule on one target.
type Finding struct {
	RuleID string
	// Kind is the producer's label for the result ("Deny", "Audit").
	Kind     string
	Severity Severity
	// Target names what the finding is about (a resource address) and
	// TargetID its full ID when there is one.
	Target   string
	TargetID string
	Message  string
	// Reason lists what decided the finding.
	Reason []string
	// Changes lists what would be changed, for findings that are changes.
	Changes []string
	// Pos is the place in the user's file the target came from; Path, for
	// an ARM template, the declaration's JSON path.
	Pos  diag.Pos
	Path string
	// Suppression, when set, accepts the finding: it is reported as
	// exempted and does not fail the run.
	Suppression *Suppression
}

// Suppression is why a finding is accepted: a policy exemption.
type Suppression struct {
	// Name names the exemption.
	Name string
	// Category is Waiver or Mitigated.
	Category string
	// Reason is the justification.
	Reason string
}

// split returns the findings no suppression accepts, and the others.
func (r *Report) split() (open, suppressed []Finding) {
	for _, f := range r.Findings {
		if f.Suppression != nil {
			suppressed = append(suppressed, f)
		} else {
			open = append(open, f)
		}
	}
	return open, suppressed
}

// Note is something that could not be judged, reported per rule.
type Note struct {
	RuleID  string
	Source  string
	Subject string
	Detail  string
}

// Report is what a run found.
type Report struct {
	// Tool and Version name the producer in SARIF.
	Tool    string
	Version string
	// Evaluated counts the rules evaluated; Targets what they were
	// evaluated over.
	Evaluated int
	Targets   int
	Rules     []Rule
	Findings  []Finding
	// Unsupported lists what could not be judged.
	Unsupported []Note
	// Errors lists evaluation failures.
	Errors []string
}

// rule returns the rule with id, if declared.
func (r *Report) rule(id string) (Rule, bool) {
	for _, ru := range r.Rules {
		if ru.ID == id {
			return ru, true
		}
	}
	return Rule{}, false
}
