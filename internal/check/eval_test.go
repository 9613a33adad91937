package check_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
)

// thing is a resource of a made-up type with properties p.
func thing(name string, body string) check.Resource {
	a := model.Address{Group: "rg", Type: "Microsoft.Test/things", Name: name}
	return check.Resource{Address: a, ID: "/subscriptions/" + check.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.Test/things/" + name, Body: json.RawMessage(body)}
}

// definition builds a definition from an if-block, an effect and optional
// extra then-details and parameters.
func definition(t *testing.T, ifJSON, thenJSON, paramsJSON string) *check.Definition {
	t.Helper()
	if thenJSON == "" {
		thenJSON = `{"effect": "audit"}`
	}
	if paramsJSON == "" {
		paramsJSON = `{}`
	}
	src := fmt.Sprintf(`{"name": "t", "properties": {"displayName": "test", "mode": "All", "parameters": %s, "policyRule": {"if": %s, "then": %s}}}`, paramsJSON, ifJSON, thenJSON)
	d, err := check.ParseDefinition([]byte(src), "t.json")
	if err != nil {
		t.Fatalf("ParseDefinition(%s): %v", src, err)
	}
	if u := d.Unsupported(); len(u) > 0 {
		t.Fatalf("ParseDefinition(%s): unsupported %v", src, u)
	}
	return d
}

// matches evaluates ifJSON on the resource with body and reports whether it
// held (the audit effect fired).
func matches(t *testing.T, ifJSON, body string) bool {
	t.Helper()
	res := evaluate(t, definition(t, ifJSON, "", ""), nil, thing("a", body))
	return len(res.Findings) == 1
}

func evaluate(t *testing.T, d *check.Definition, p check.Params, rs ...check.Resource) *check.Result {
	t.Helper()
	set := check.NewSet(nil)
	if err := set.Add(d, p); err != nil {
		t.Fatal(err)
	}
	in, err := check.InputOf(rs)
	if err != nil {
		t.Fatal(err)
	}
	res := set.Evaluate(in)
	for _, e := range res.Errors {
		t.Errorf("evaluation error: %v", e)
	}
	return res
}

const thingBody = `{"type": "Microsoft.Test/things", "location": "australiaeast", "kind": "StorageV2",
	"tags": {"env": "prod", "a.b": "dotted"},
	"identity": {"type": "SystemAssigned"},
	"sku": {"name": "Standard_LRS"},
	"properties": {"s": "Enabled", "n": 5, "b": true, "empty": "", "arr": ["a", "B", "c"], "obj": {"k": 1},
		"rules": [{"port": "22", "access": "Allow", "ips": ["10.0.0.0/24"]}, {"port": "443", "access": "Deny", "ips": []}],
		"legacy": [{"enabled": false}, {"enabled": true}], "ts": "2024-01-02T00:00:00Z"}}`

func TestOperators(t *testing.T) {
	for _, tc := range []struct {
		op      string
		field   string
		operand string
		want    bool
	}{
		{"equals", "s", `"enabled"`, true},
		{"equals", "s", `"Disabled"`, false},
		{"equals", "missing", `""`, false},
		{"equals", "b", `"true"`, true},
		{"equals", "n", `"5"`, true},
		{"equals", "obj", `{"k": 1}`, true},
		{"notEquals", "s", `"Disabled"`, true},
		{"notEquals", "missing", `"x"`, true},
		{"like", "s", `"En*"`, true},
		{"like", "s", `"*abled"`, true},
		{"like", "s", `"Dis*"`, false},
		{"like", "missing", `"*"`, false},
		{"notLike", "s", `"Dis*"`, true},
		{"match", "s", `"Enab..."`, true},
		{"match", "s", `"enab..."`, false},
		{"match", "n", `"#"`, true},
		{"match", "s", `"???????"`, true},
		{"matchInsensitively", "s", `"enab..."`, true},
		{"notMatch", "s", `"enab..."`, true},
		{"notMatchInsensitively", "s", `"enab..."`, false},
		{"contains", "s", `"NAB"`, true},
		{"contains", "arr", `"b"`, true},
		{"contains", "s", `"x"`, false},
		{"notContains", "s", `"x"`, true},
		{"notContains", "missing", `"x"`, true},
		{"in", "s", `["Disabled", "ENABLED"]`, true},
		{"in", "s", `["Disabled"]`, false},
		{"in", "missing", `["x"]`, false},
		{"notIn", "s", `["Disabled"]`, true},
		{"containsKey", "obj", `"K"`, true},
		{"containsKey", "obj", `"z"`, false},
		{"notContainsKey", "obj", `"z"`, true},
		{"less", "n", `6`, true},
		{"less", "n", `"10"`, true},
		{"less", "missing", `6`, false},
		{"lessOrEquals", "n", `5`, true},
		{"greater", "n", `5`, false},
		{"greaterOrEquals", "n", `5`, true},
		{"greater", "ts", `"2023-12-31T00:00:00Z"`, true},
		{"exists", "s", `true`, true},
		{"exists", "missing", `"false"`, true},
		{"exists", "empty", `true`, true},
	} {
		cond := fmt.Sprintf(`{"field": "Microsoft.Test/things/%s", %q: %s}`, tc.field, tc.op, tc.operand)
		if got := matches(t, cond, thingBody); got != tc.want {
			t.Errorf("%s = %v; want %v", cond, got, tc.want)
		}
	}
}

func TestLogical(t *testing.T) {
	yes := `{"field": "type", "equals": "Microsoft.Test/things"}`
	no := `{"field": "type", "equals": "Microsoft.Other/things"}`
	for _, tc := range []struct {
		cond string
		want bool
	}{
		{fmt.Sprintf(`{"allOf": [%s, %s]}`, yes, yes), true},
		{fmt.Sprintf(`{"allOf": [%s, %s]}`, yes, no), false},
		{fmt.Sprintf(`{"anyOf": [%s, %s]}`, no, yes), true},
		{fmt.Sprintf(`{"anyOf": [%s, %s]}`, no, no), false},
		{fmt.Sprintf(`{"not": %s}`, no), true},
		{fmt.Sprintf(`{"not": {"anyOf": [%s, {"not": %s}]}}`, no, yes), true},
	} {
		if got := matches(t, tc.cond, thingBody); got != tc.want {
			t.Errorf("%s = %v; want %v", tc.cond, got, tc.want)
		}
	}
}

func TestFields(t *testing.T) {
	for _, tc := range []struct {
		field string
		cond  string // operator and operand
		want  bool
	}{
		{"type", `"equals": "microsoft.test/THINGS"`, true},
		{"name", `"equals": "a"`, true},
		{"fullName", `"equals": "a"`, true},
		{"id", `"like": "/subscriptions/*/resourceGroups/rg/providers/Microsoft.Test/things/a"`, true},
		{"kind", `"equals": "StorageV2"`, true},
		{"location", `"equals": "australiaeast"`, true},
		{"identity.type", `"contains": "SystemAssigned"`, true},
		{"tags", `"containsKey": "env"`, true},
		{"tags['env']", `"equals": "prod"`, true},
		{"tags.env", `"equals": "prod"`, true},
		{"tags[env]", `"equals": "prod"`, true},
		{"tags['a.b']", `"equals": "dotted"`, true},
		{"tags['none']", `"exists": false`, true},
		{"Microsoft.Test/things/sku.name", `"exists": false`, true}, // the convention puts aliases under properties
		{"Microsoft.Test/things/obj.k", `"equals": 1`, true},
		// [*]: every element must satisfy the condition.
		{"Microsoft.Test/things/rules[*].access", `"in": ["Allow", "Deny"]`, true},
		{"Microsoft.Test/things/rules[*].access", `"equals": "Allow"`, false},
		{"Microsoft.Test/things/rules[*].ips[*]", `"equals": "10.0.0.0/24"`, true},
		{"Microsoft.Test/things/nothing[*].x", `"equals": "y"`, true},
		// A legacy alias stepping into an array without [*]: any element.
		{"Microsoft.Test/things/legacy.enabled", `"equals": true`, true},
		{"Microsoft.Test/things/legacy.enabled", `"equals": "maybe"`, false},
		// An alias of another type has no value here.
		{"Microsoft.Other/things/s", `"exists": false`, true},
	} {
		cond := fmt.Sprintf(`{"field": %q, %s}`, tc.field, tc.cond)
		if got := matches(t, cond, thingBody); got != tc.want {
			t.Errorf("%s = %v; want %v", cond, got, tc.want)
		}
	}
}

// TestAliasTableFromDump resolves aliases through a loaded dump: explicit
// paths win, aliases of a listed type outside the dump have no value, and
// unlisted types follow the convention.
func TestAliasTableFromDump(t *testing.T) {
	al, err := check.LoadAliases([]byte(`{"Microsoft.Test/things": {"Alias": "Default Path",
		"Microsoft.Test/things/skuName": "sku.name",
		"Microsoft.Test/things/rules[*].port": "properties.rules[*].port"}}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cond string
		want bool
	}{
		{`{"field": "Microsoft.Test/things/skuName", "equals": "Standard_LRS"}`, true},
		{`{"field": "Microsoft.Test/things/rules[*].port", "in": ["22", "443"]}`, true},
		{`{"field": "Microsoft.Test/things/s", "exists": true}`, false},
	} {
		set := check.NewSet(al)
		if err := set.Add(definition(t, tc.cond, "", ""), nil); err != nil {
			t.Fatal(err)
		}
		in, err := check.InputOf([]check.Resource{thing("a", thingBody)})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(set.Evaluate(in).Findings) == 1; got != tc.want {
			t.Errorf("%s = %v; want %v", tc.cond, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		cond string
		want bool
	}{
		{`{"count": {"field": "Microsoft.Test/things/rules[*]"}, "equals": 2}`, true},
		{`{"count": {"field": "Microsoft.Test/things/rules[*]", "where": {"field": "Microsoft.Test/things/rules[*].access", "equals": "Allow"}}, "equals": 1}`, true},
		{`{"count": {"field": "Microsoft.Test/things/rules[*]", "where": {"allOf": [
			{"field": "Microsoft.Test/things/rules[*].port", "equals": "22"},
			{"count": {"field": "Microsoft.Test/things/rules[*].ips[*]", "where": {"value": "[ipRangeContains(current('Microsoft.Test/things/rules[*].ips[*]'), '10.0.0.5')]", "equals": true}}, "greater": 0}]}}, "equals": 1}`, true},
		{`{"count": {"field": "Microsoft.Test/things/nothing[*]"}, "equals": 0}`, true},
		{`{"count": {"field": "Microsoft.Test/things/legacy[*]", "where": {"field": "Microsoft.Test/things/legacy.enabled", "equals": true}}, "equals": 1}`, true},
		{`{"count": {"value": ["22", "3389"], "where": {"value": "[current()]", "in": ["22", "80"]}}, "equals": 1}`, true},
		{`{"count": {"value": ["22", "3389"], "name": "port", "where": {"count": {"field": "Microsoft.Test/things/rules[*]", "where": {"field": "Microsoft.Test/things/rules[*].port", "equals": "[current('port')]"}}, "greater": 0}}, "equals": 1}`, true},
		{`{"count": {"value": "[field('Microsoft.Test/things/arr')]"}, "equals": 3}`, true},
	} {
		if got := matches(t, tc.cond, thingBody); got != tc.want {
			t.Errorf("%s = %v; want %v", tc.cond, got, tc.want)
		}
	}
}

func TestValueFunctions(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  string // JSON
	}{
		{"[parameters('p')]", `"prod"`},
		{"[field('Microsoft.Test/things/s')]", `"Enabled"`},
		{"[field('Microsoft.Test/things/rules[*].port')]", `["22","443"]`},
		{"[concat('a', 'b', parameters('p'))]", `"abprod"`},
		{"[concat(createArray(1), createArray(2))]", `[1,2]`},
		{"[toLower('AbC')]", `"abc"`},
		{"[toUpper('AbC')]", `"ABC"`},
		{"[split('a/b/c', '/')]", `["a","b","c"]`},
		{"[empty('')]", `true`},
		{"[empty(createArray())]", `true`},
		{"[empty(field('Microsoft.Test/things/missing'))]", `true`},
		{"[length(field('Microsoft.Test/things/arr'))]", `3`},
		{"[length('abcd')]", `4`},
		{"[if(equals(1, 1), 'yes', 'no')]", `"yes"`},
		{"[if(equals('a', 'A'), 'yes', 'no')]", `"no"`},
		{"[contains('abc', 'b')]", `true`},
		{"[contains(createArray('x', 'y'), 'y')]", `true`},
		{"[contains(field('Microsoft.Test/things/obj'), 'k')]", `true`},
		{"[first(split('a/b', '/'))]", `"a"`},
		{"[last(split('a/b', '/'))]", `"b"`},
		{"[first('xyz')]", `"x"`},
		{"[ipRangeContains('10.0.0.0/16', '10.0.3.0/24')]", `true`},
		{"[ipRangeContains('10.0.0.0/24', '10.0.3.4')]", `false`},
		{"[ipRangeContains('10.0.0.1-10.0.0.9', '10.0.0.5')]", `true`},
		{"[padLeft('7', 3, '0')]", `"007"`},
		{"[int('42')]", `42`},
		{"[string(5)]", `"5"`},
		{"[not(false)]", `true`},
		{"[and(true, or(false, true))]", `true`},
		{"[coalesce(field('Microsoft.Test/things/missing'), 'dflt')]", `"dflt"`},
		{"[createObject('a', 1).a]", `1`},
		{"[intersection(createArray('a', 'b'), createArray('b', 'c'))]", `["b"]`},
		{"[union(createArray('a'), createArray('b'))]", `["a","b"]`},
		{"[requestContext().apiVersion]", `"2024-01-01"`},
		{"[subscription().subscriptionId]", `"` + check.SubscriptionID + `"`},
		{"[resourceGroup().name]", `"rg"`},
		{"[addDays('2024-01-01T00:00:00Z', 2)]", `"2024-01-03T00:00:00.0000000Z"`},
		{"[less(1, 2)]", `true`},
		{"[greaterOrEquals('b', 'a')]", `true`},
		{"[replace('a-b', '-', '_')]", `"a_b"`},
		{"[substring('abcdef', 1, 3)]", `"bcd"`},
		{"[startsWith('Microsoft.Test', 'microsoft')]", `true`},
		{"[take(createArray(1, 2, 3), 2)]", `[1,2]`},
		{"[skip('abc', 1)]", `"bc"`},
		{"[[not an expression]", `"[[not an expression]"`},
	} {
		cond := fmt.Sprintf(`{"value": %q, "equals": %s}`, tc.value, tc.want)
		body := strings.Replace(thingBody, `"type": "Microsoft.Test/things",`, `"type": "Microsoft.Test/things", "apiVersion": "2024-01-01",`, 1)
		d := definition(t, cond, "", `{"p": {"type": "String", "defaultValue": "prod"}}`)
		res := evaluate(t, d, nil, thing("a", body))
		if len(res.Findings) != 1 {
			t.Errorf("%s: condition did not hold", cond)
		}
	}
}

func TestParameters(t *testing.T) {
	d := definition(t, `{"field": "location", "notIn": "[parameters('allowed')]"}`, `{"effect": "[parameters('effect')]"}`,
		`{"allowed": {"type": "Array", "defaultValue": ["westeurope"]}, "effect": {"type": "String", "defaultValue": "Audit", "allowedValues": ["Audit", "Deny", "Disabled"]}}`)
	for _, tc := range []struct {
		params check.Params
		want   []check.Effect
	}{
		{nil, []check.Effect{check.Audit}},
		{check.Params{"effect": json.RawMessage(`"Deny"`)}, []check.Effect{check.Deny}},
		{check.Params{"effect": json.RawMessage(`"Disabled"`)}, nil},
		{check.Params{"allowed": json.RawMessage(`["australiaeast"]`)}, nil},
	} {
		res := evaluate(t, d, tc.params, thing("a", thingBody))
		var got []check.Effect
		for _, f := range res.Findings {
			got = append(got, f.Effect)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("effects with params %s (-want +got):\n%s", tc.params, diff)
		}
	}
	set := check.NewSet(nil)
	if err := set.Add(d, check.Params{"nope": json.RawMessage(`1`)}); err == nil {
		t.Errorf("Add with an undeclared parameter = nil; want an error")
	}
	// A parameter the rule reads, without default or value: unsupported.
	req := definition(t, `{"field": "location", "equals": "[parameters('loc')]"}`, "", `{"loc": {"type": "String"}}`)
	res := evaluate(t, req, nil, thing("a", thingBody))
	if len(res.Unsupported) != 1 || res.Unsupported[0].Construct != "parameter loc" || res.Definitions != 0 {
		t.Errorf("required parameter without value: unsupported %v, %d evaluated; want it listed and nothing evaluated", res.Unsupported, res.Definitions)
	}
}

func TestUnsupported(t *testing.T) {
	for _, tc := range []struct {
		def       string
		construct string
	}{
		{`{"name": "u", "properties": {"mode": "All", "policyRule": {"if": {"value": "[frobnicate(1)]", "equals": 1}, "then": {"effect": "audit"}}}}`, "function frobnicate"},
		{`{"name": "u", "properties": {"mode": "All", "policyRule": {"if": {"field": "type", "sortOf": "x"}, "then": {"effect": "audit"}}}}`, "condition key sortOf"},
		{`{"name": "u", "properties": {"mode": "All", "policyRule": {"if": {"field": "type"}, "then": {"effect": "audit"}}}}`, "condition"},
		{`{"name": "u", "properties": {"mode": "All", "policyRule": {"if": {"field": "weird", "equals": "x"}, "then": {"effect": "audit"}}}}`, "field weird"},
		{`{"name": "u", "properties": {"mode": "Microsoft.Kubernetes.Data", "policyRule": {"if": {"field": "type", "equals": "Microsoft.Test/things"}, "then": {"effect": "audit"}}}}`, "mode Microsoft.Kubernetes.Data"},
	} {
		d, err := check.ParseDefinition([]byte(tc.def), "u.json")
		if err != nil {
			t.Fatalf("ParseDefinition(%s): %v", tc.def, err)
		}
		res := evaluate(t, d, nil, thing("a", thingBody))
		if len(res.Unsupported) == 0 || res.Unsupported[0].Construct != tc.construct {
			t.Errorf("ParseDefinition(%s): unsupported %v; want %q", tc.def, res.Unsupported, tc.construct)
		}
		if len(res.Findings) != 0 || res.Definitions != 0 {
			t.Errorf("%s: an unsupported definition was evaluated", tc.def)
		}
	}
}

func TestParseDefinition(t *testing.T) {
	d, err := check.ParseDefinition([]byte(`{"displayName": "bare", "mode": "Indexed", "metadata": {"category": "Test", "mcsbControls": ["NS-2"]},
		"policyRule": {"if": {"field": "type", "equals": "x"}, "then": {"effect": "deny"}}}`), "dir/bare-def.json")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "bare-def" || d.DisplayName != "bare" || d.Mode != "Indexed" || d.Category != "Test" || !cmp.Equal(d.Controls, []string{"NS-2"}) {
		t.Errorf("ParseDefinition(bare) = %+v", d)
	}
	for _, bad := range []string{`{`, `{"properties": {"policyRule": {"if": {}}}}`, `{"properties": {"displayName": "x"}}`} {
		if _, err := check.ParseDefinition([]byte(bad), "bad.json"); err == nil {
			t.Errorf("ParseDefinition(%s) = nil error; want one", bad)
		}
	}
}

func TestModeIndexed(t *testing.T) {
	d, err := check.ParseDefinition([]byte(`{"name": "i", "properties": {"mode": "Indexed", "policyRule": {"if": {"field": "name", "like": "*"}, "then": {"effect": "audit"}}}}`), "i.json")
	if err != nil {
		t.Fatal(err)
	}
	noLoc := thing("b", `{"type": "Microsoft.Test/things", "properties": {}}`)
	res := evaluate(t, d, nil, thing("a", thingBody), noLoc)
	if len(res.Findings) != 1 || res.Findings[0].Resource.Name != "a" {
		t.Errorf("Indexed mode findings = %v; want only the resource with a location", res.Findings)
	}
}
