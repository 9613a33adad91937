package check

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
)

// Effect is what a policy does with a resource its rule matches, spelled as
// Azure documents it. See
// https://learn.microsoft.com/azure/governance/policy/concepts/effect-basics
type Effect string

const (
	Deny              Effect = "Deny"
	DenyAction        Effect = "DenyAction"
	Audit             Effect = "Audit"
	AuditIfNotExists  Effect = "AuditIfNotExists"
	DeployIfNotExists Effect = "DeployIfNotExists"
	Modify            Effect = "Modify"
	Append            Effect = "Append"
	Manual            Effect = "Manual"
	Disabled          Effect = "Disabled"
)

var effects = []Effect{Deny, DenyAction, Audit, AuditIfNotExists, DeployIfNotExists, Modify, Append, Manual, Disabled}

// ParseEffect reads an effect name case-insensitively, as Azure does.
func ParseEffect(s string) (Effect, bool) {
	for _, e := range effects {
		if strings.EqualFold(s, string(e)) {
			return e, true
		}
	}
	return "", false
}

// Level orders findings by how serious they are: a deny stops a deployment,
// an audit marks a resource non-compliant, a change is what Azure would do
// to the resource (modify, append, deployIfNotExists).
type Level int

const (
	LevelNone   Level = iota // disabled, manual
	LevelChange              // modify, append, deployIfNotExists
	LevelAudit               // audit, auditIfNotExists
	LevelDeny                // deny, denyAction
)

// Level returns the level of a finding with effect e.
func (e Effect) Level() Level {
	switch e {
	case Deny, DenyAction:
		return LevelDeny
	case Audit, AuditIfNotExists:
		return LevelAudit
	case Modify, Append, DeployIfNotExists:
		return LevelChange
	}
	return LevelNone
}

func (l Level) String() string {
	switch l {
	case LevelDeny:
		return "deny"
	case LevelAudit:
		return "audit"
	case LevelChange:
		return "change"
	}
	return "none"
}

// ParseLevel reads a --fail-on value: deny, audit, change or none.
func ParseLevel(s string) (Level, error) {
	for _, l := range []Level{LevelNone, LevelChange, LevelAudit, LevelDeny} {
		if strings.EqualFold(s, l.String()) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want deny, audit, change or none)", s)
}

// Finding is one policy that a resource does not comply with.
type Finding struct {
	// Policy is the definition's name; DisplayName its title.
	Policy      string
	DisplayName string
	Resource    model.Address
	// ResourceID is the resource's ARM ID under a placeholder subscription.
	ResourceID string
	Effect     Effect
	// Message says in one line why the resource does not comply.
	Message string
	// Reason lists what decided it: each condition that held, outermost
	// first, with the values it compared.
	Reason []string
	// Changes is what Azure would do: the operations of modify and append,
	// or the resource deployIfNotExists would deploy.
	Changes []Change
	// Origin is the place in the spec the resource came from, if known;
	// Path is the declaration's JSON path in an imported template.
	Origin diag.Pos
	Path   string
	// Exemption, when set, is the exemption that accepts this finding: it
	// is reported, with the exemption's category and reason, but does not
	// count towards a failing level.
	Exemption *Exemption
}

// Change is one operation a modify, append or deployIfNotExists effect
// would make.
type Change struct {
	// Operation is addOrReplace, add or remove (modify), append (append) or
	// deploy (deployIfNotExists).
	Operation string
	// Field is the alias or field changed, or the resource type deployed.
	Field string
	// Value is the value written, as JSON; empty for remove.
	Value json.RawMessage
}

func (c Change) String() string {
	if len(c.Value) == 0 {
		return c.Operation + " " + c.Field
	}
	return fmt.Sprintf("%s %s = %s", c.Operation, c.Field, c.Value)
}

// Unsupported is a construct in a definition the evaluator cannot judge.
// A definition with one is never reported compliant: it is listed here and
// evaluated no further.
type Unsupported struct {
	Policy    string
	Source    string
	Construct string // "function padLeft", "operator foo", "field fullName"
	Detail    string
}

func (u Unsupported) String() string {
	if u.Detail == "" {
		return fmt.Sprintf("%s: unsupported %s", u.Policy, u.Construct)
	}
	return fmt.Sprintf("%s: unsupported %s: %s", u.Policy, u.Construct, u.Detail)
}

// EvalError is a failure evaluating one definition on one resource (a
// function given the wrong type of argument, for instance). The pair is
// neither compliant nor a finding.
type EvalError struct {
	Policy   string
	Resource model.Address
	Err      string
}

func (e EvalError) Error() string { return fmt.Sprintf("%s on %s: %s", e.Policy, e.Resource, e.Err) }

// Result is the outcome of evaluating a Set over an Input.
type Result struct {
	// Definitions is how many definitions were evaluated (those with an
	// unsupported construct are not); Resources how many resources.
	Definitions int
	Resources   int
	// Applicable counts the (definition, resource) pairs whose if-block's
	// resource type matched, whether or not the resource complies.
	Applicable int
	// Findings are sorted by policy, then resource.
	Findings []Finding
	// Unsupported lists each unsupported construct once per definition.
	Unsupported []Unsupported
	// Errors lists evaluation failures, sorted.
	Errors []EvalError
}

// AtOrAbove returns the findings whose effect is at level l or higher and
// that no exemption accepts.
func (r *Result) AtOrAbove(l Level) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Exemption == nil && l != LevelNone && f.Effect.Level() >= l {
			out = append(out, f)
		}
	}
	return out
}

// Exempt marks the findings each exemption covers: those of its policy on
// its resource or on a resource presented inside it (an inline child), as
// an exemption at a resource's scope covers its children in Azure
// (https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure).
// It returns the exemptions that covered no finding, in the order given,
// so that a caller can report an exemption that outlived its cause.
func (r *Result) Exempt(es []Exemption) []Exemption {
	var unused []Exemption
	for i := range es {
		e := &es[i]
		hit := false
		for j := range r.Findings {
			f := &r.Findings[j]
			if f.Exemption == nil && strings.EqualFold(f.Policy, e.Policy) && within(f.Resource, e.Resource) {
				f.Exemption = e
				hit = true
			}
		}
		if !hit {
			unused = append(unused, *e)
		}
	}
	return unused
}

// Exempted returns the findings an exemption accepts.
func (r *Result) Exempted() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Exemption != nil {
			out = append(out, f)
		}
	}
	return out
}

// within reports whether a is scope, a child of it or, when scope is a
// resource group, in it.
func within(a, scope model.Address) bool {
	if scope.Type == model.TypeResourceGroup && a.Group == scope.Name {
		return true
	}
	for ; !a.IsZero(); a = a.Parent() {
		if a == scope {
			return true
		}
	}
	return false
}
