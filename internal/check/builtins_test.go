package check_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
)

// builtinSet assigns every built-in with its defaults, and, for parameters
// without one, the values an assignment for the example would give: the
// example's Log Analytics workspace, its region, its VM and storage SKUs;
// otherwise an empty value of the parameter's type (so allow-list
// definitions such as approved linked service types report everything).
func builtinSet(t testing.TB, defs []*check.Definition, aliases *check.Aliases, g *model.Graph) *check.Set {
	t.Helper()
	var workspace string
	var sizes []string
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		switch a.Type {
		case model.TypeLogAnalyticsWorkspace:
			workspace = check.ResourceID(g, a)
		}
		switch x := r.(type) {
		case *model.VirtualMachine:
			sizes = append(sizes, x.Size)
		case *model.StorageAccount:
			sizes = append(sizes, string(x.SKU))
		}
	}
	set := check.NewSet(aliases)
	for _, d := range defs {
		params := check.Params{}
		for _, p := range d.Parameters {
			if len(p.Default) > 0 {
				continue
			}
			var v any
			ln := strings.ToLower(p.Name)
			switch {
			case strings.Contains(ln, "loganalytics") || strings.Contains(ln, "workspace"):
				v = workspace
			case strings.Contains(ln, "location") || strings.Contains(ln, "region"):
				v = g.Location
				if strings.EqualFold(p.Type, "array") {
					v = []string{g.Location}
				}
			case strings.Contains(ln, "sku"):
				v = sizes
			default:
				switch strings.ToLower(p.Type) {
				case "array":
					v = []any{}
				case "object":
					v = map[string]any{}
				case "boolean":
					v = false
				case "integer", "float":
					v = 0
				default:
					v = ""
				}
			}
			b, _ := json.Marshal(v)
			params[p.Name] = b
		}
		if err := set.Add(d, params); err != nil {
			t.Fatal(err)
		}
	}
	return set
}

// TestBuiltinsEvaluate parses every built-in definition and evaluates it
// over the built-in example: no definition may fail to parse or raise an
// evaluation error, and every unsupported construct is listed.
func TestBuiltinsEvaluate(t *testing.T) {
	defs, aliases := builtins(t)
	if len(defs) != 485 {
		t.Errorf("loaded %d built-in definitions; want 485", len(defs))
	}
	g := exampleGraph(t)
	set := builtinSet(t, defs, aliases, g)
	res := set.Evaluate(inputOf(t, g))
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
