package arm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/render/arm/armschema"
)

// unescape undoes ARM's "[[" escape in every string of a decoded document.
func unescape(v any) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "[[") {
			return x[1:]
		}
	case []any:
		for i, e := range x {
			x[i] = unescape(e)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = unescape(e)
		}
	}
	return v
}

// TestBaselineRendersVerbatim checks that every baseline definition is in
// the template at the subscription with its rule and parameters exactly as
// the embedded file has them once ARM's escaping is undone, and that no
// policy expression is left for ARM to evaluate.
func TestBaselineRendersVerbatim(t *testing.T) {
	defs, err := baseline.Load()
	if err != nil {
		t.Fatal(err)
	}
	c, err := armschema.Parse(renderExample(t).Template)
	if err != nil {
		t.Fatal(err)
	}
	rendered := map[string]map[string]any{}
	for _, r := range c.Resources {
		if r.Type() == "Microsoft.Authorization/policyDefinitions" {
			var body map[string]any
			if err := json.Unmarshal(mustMarshal(t, r.Body), &body); err != nil {
				t.Fatal(err)
			}
			rendered[r.Name()] = body
		}
	}
	if len(rendered) != len(defs) {
		t.Errorf("template has %d policy definitions; want %d", len(rendered), len(defs))
	}
	for _, d := range defs {
		body, ok := rendered[d.Name]
		if !ok {
			t.Errorf("%s is not in the template", d.Name)
			continue
		}
		props, _ := body["properties"].(map[string]any)
		if s := string(mustMarshal(t, props["policyRule"])); strings.Contains(s, `"[p`) || strings.Contains(s, `"[f`) || strings.Contains(s, `"[c`) {
			t.Errorf("%s: rule holds an unescaped expression ARM would evaluate: %.200s", d.Name, s)
		}
		var wantRule, wantParams any
		if err := json.Unmarshal(d.Properties.PolicyRule, &wantRule); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(mustMarshal(t, d.Properties.Parameters), &wantParams); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantRule, unescape(props["policyRule"])); diff != "" {
			t.Errorf("%s policyRule (-file +rendered):\n%s", d.Name, diff)
		}
		if diff := cmp.Diff(wantParams, unescape(props["parameters"])); diff != "" {
			t.Errorf("%s parameters (-file +rendered):\n%s", d.Name, diff)
		}
		if props["policyType"] != "Custom" || props["mode"] != d.Properties.Mode {
			t.Errorf("%s: policyType %v, mode %v; want Custom, %s", d.Name, props["policyType"], props["mode"], d.Properties.Mode)
		}
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
