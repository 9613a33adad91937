package check_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
)

// TestBuiltinsEvaluate parses every built-in definition and evaluates it
// over the built-in example: no definition may fail to parse or raise an
// evaluation error, and every unsupported construct is listed.
func TestBuiltinsEvaluate(t *testing.T) {
	defs, aliases := builtins(t)
	if len(defs) != 485 {
		t.Errorf("loaded %d built-in definitions; want 485", len(defs))
	}
	set := check.NewSet(aliases)
	if err := set.AddAll(defs); err != nil {
		t.Fatal(err)
	}
	res := set.Evaluate(inputOf(t, exampleGraph(t)))
	for _, e := range res.Errors {
		t.Errorf("evaluation error: %v", e)
	}
	byConstruct := map[string]int{}
	for _, u := range res.Unsupported {
		byConstruct[u.Construct]++
	}
	var lines []string
	for c, n := range byConstruct {
		lines = append(lines, fmt.Sprintf("%4d %s", n, c))
	}
	sort.Strings(lines)
	t.Logf("%d definitions evaluated over %d resources; %d findings; unsupported constructs:\n%s",
		res.Definitions, res.Resources, len(res.Findings), strings.Join(lines, "\n"))
	for _, f := range res.Findings {
		t.Logf("finding %s %s [%s] %s: %s", f.Effect, f.Resource, f.Policy, f.DisplayName, f.Message)
	}
}
