package cli

import (
	"fmt"
	"io"
	"sync"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/render/docs"
	"github.com/enclave-dev/enclave/internal/report"
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
	// Unused are exemptions that covered no finding.
	Unused []check.Exemption
}

// evaluatePolicy assigns the baseline and the definitions under dirs,
// presents g's resources as Azure would see them, evaluates, and applies
// the model's policy exemptions.
func evaluatePolicy(g *model.Graph, dirs []string, params map[string]check.Params) (*policyRun, error) {
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
	exemptions, err := check.ModelExemptions(g)
	if err != nil {
		return nil, internal(fmt.Errorf("policy exemptions: %w", err))
	}
	return &policyRun{Set: set, Result: result, Unused: result.Exempt(exemptions)}, nil
}

// checkBaseline evaluates the baseline as plan does before writing
// anything: findings at or above audit that no exemption accepts are
// printed to errOut and make the run exit 4.
func checkBaseline(g *model.Graph, errOut io.Writer) (*policyRun, error) {
	run, err := evaluatePolicy(g, nil, nil)
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
