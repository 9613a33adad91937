package cli

import (
	"fmt"
	"sync"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/render/arm"
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
