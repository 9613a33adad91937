package cli

import (
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/render/docs"
	"github.com/enclave-dev/enclave/internal/report"
	"github.com/enclave-dev/enclave/internal/spec"
)

// loadBaseline parses enclave's embedded baseline definitions for the
// evaluator, once per process.
var loadBaseline = sync.OnceValues(func() ([]*check.Definition, error) {
	return check.LoadFS(baseline.FS(), baseline.Dir, "baseline:")
})

// modelBaselineAssignments returns the baseline as the compiled model
// assigns it: every definition of the initiative, with the parameter
// values (allowed locations, VM sizes, customer-managed-key effect) the
// model's assignment passes.
func modelBaselineAssignments(g *model.Graph) ([]check.Assignment, error) {
	defs, err := loadBaseline()
	if err != nil {
		return nil, err
	}
	return check.ModelAssignments(g, defs)
}

// policyRun is one evaluation of the policy set over a compiled graph.
type policyRun struct {
	Set    *check.Set
	Result *check.Result
	// Unused names the exemptions that covered no finding of an evaluated
	// policy.
	Unused []string
}

// evaluatePolicy assigns the baseline and the definitions under dirs,
// presents g's resources as Azure would see them, evaluates, and applies
// the policy exemptions: the model's (compile's own, such as the AKS
// local-accounts waiver) and the spec's governance.exemptions, which also
// cover built-in definitions the model does not assign.
func evaluatePolicy(doc *spec.Document, g *model.Graph, dirs []string, params map[string]check.Params) (*policyRun, error) {
	set, err := buildPolicySet(g, dirs, params)
	if err != nil {
		return nil, err
	}
	bodies, err := arm.ResourceJSON(g, check.SubscriptionID)
	if err != nil {
		return nil, internal(fmt.Errorf("presenting resources to policy: %w", err))
	}
	in, err := check.NewInput(g, bodies)
	if err != nil {
		return nil, internal(err)
	}
	result := set.Evaluate(in)
	modelEx, err := check.ModelExemptions(g)
	if err != nil {
		return nil, internal(fmt.Errorf("policy exemptions: %w", err))
	}
	// The model's exemptions rendered from the spec are judged from the
	// spec entry itself.
	fromSpec := map[diag.Pos]bool{}
	for i := range doc.Governance.Exemptions {
		if p := doc.Pos(specExemptionPath(i)); !p.IsZero() {
			fromSpec[p] = true
		}
	}
	var es []check.Exemption
	for _, e := range modelEx {
		if !fromSpec[e.Origin] {
			es = append(es, e)
		}
	}
	es = append(es, specExemptions(doc, set, in)...)
	result.Exempt(es)
	used := map[string]bool{}
	for _, f := range result.Exempted() {
		used[f.Exemption.Name] = true
	}
	run := &policyRun{Set: set, Result: result}
	for _, e := range es {
		if !used[e.Name] && !slices.Contains(run.Unused, e.Name) {
			run.Unused = append(run.Unused, e.Name)
		}
	}
	return run, nil
}

func specExemptionPath(i int) string { return fmt.Sprintf("governance.exemptions[%d]", i) }

// specExemptions expands the spec's exemptions into one check.Exemption
// per assigned definition the entry names (by name or display name) and
// resource its selector picks. An entry naming no assigned definition
// (a built-in not passed with --policy-dir) yields nothing.
func specExemptions(doc *spec.Document, set *check.Set, in *check.Input) []check.Exemption {
	var out []check.Exemption
	for i, e := range doc.Governance.Exemptions {
		name := specExemptionPath(i)
		for _, a := range set.Assignments() {
			d := a.Definition
			if !e.MatchesPolicy(d.Name, d.DisplayName) {
				continue
			}
			for _, r := range in.Resources() {
				if e.Selects(string(r.Address.Type), r.Address.Name) {
					out = append(out, check.Exemption{Policy: d.Name, Resource: r.Address, Category: model.ExemptionCategory(e.Category), Reason: e.Reason, Name: name, Origin: doc.Pos(name)})
				}
			}
		}
	}
	return out
}

// checkBaseline evaluates the baseline as plan does before writing
// anything: findings at or above audit that no exemption accepts are
// printed to errOut and make the run exit 4.
func checkBaseline(doc *spec.Document, g *model.Graph, errOut io.Writer) (*policyRun, error) {
	run, err := evaluatePolicy(doc, g, nil, nil)
	if err != nil {
		return nil, err
	}
	failing := run.Result.AtOrAbove(check.LevelAudit)
	if len(failing) == 0 {
		return run, nil
	}
	rep := report.FromCheck(&check.Result{Definitions: run.Result.Definitions, Resources: run.Result.Resources, Findings: failing}, run.Set, versionString())
	if err := report.WriteTable(errOut, rep); err != nil {
		return nil, internal(err)
	}
	return nil, &exitError{code: ExitPolicy, err: fmt.Errorf("%d policy findings at or above audit; run enclave check for details, fix the spec or declare an exemption under governance.exemptions", len(failing))}
}

// docExemptions lists the spec's declared exemptions for the docs.
func docExemptions(doc *spec.Document) []docs.Exemption {
	var out []docs.Exemption
	for _, e := range doc.Governance.Exemptions {
		res := e.Resource
		if res == "" {
			res = "every resource"
		}
		out = append(out, docs.Exemption{Policy: e.Policy, Resources: res, Category: string(e.Category), Reason: e.Reason})
	}
	return out
}

// docFindings turns check's findings into the docs' findings table; an
// empty, non-nil slice when there are none, so the docs say "No findings".
func docFindings(run *policyRun) []docs.Finding {
	out := make([]docs.Finding, 0, len(run.Result.Findings))
	for _, f := range run.Result.Findings {
		df := docs.Finding{Policy: f.Policy, Resource: f.Resource.String(), Effect: string(f.Effect), Message: f.Message}
		if e := f.Exemption; e != nil {
			df.Exemption = string(e.Category) + ": " + e.Reason
		}
		out = append(out, df)
	}
	return out
}
