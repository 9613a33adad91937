package arm_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/render/arm"
)

// wireResource is what the structural checks read of a resource.
type wireResource struct {
	Type          string   `json:"type"`
	APIVersion    string   `json:"apiVersion"`
	Name          string   `json:"name"`
	Scope         string   `json:"scope"`
	ResourceGroup string   `json:"resourceGroup"`
	DependsOn     []string `json:"dependsOn"`
	Properties    struct {
		Template *struct {
			Resources []wireResource `json:"resources"`
		} `json:"template"`
	} `json:"properties"`
}

// key identifies a resource within one template: type (case-insensitive,
// as ARM compares types), name, and the scope expression of extension
// resources ("" when the scope is the deployment's own).
func (r wireResource) key() string {
	return resourceKey(r.Type, r.Name, strings.TrimSuffix(strings.TrimPrefix(r.Scope, "["), "]"))
}

func resourceKey(typ, name, scope string) string {
	if scope == "resourceGroup().id" || scope == "subscription().id" {
		scope = ""
	}
	return strings.ToLower(typ) + "|" + name + "|" + scope
}

// idRef is a resource ID expression taken apart: function, optional resource
// group, type, name segments joined by "/", and scope expression.
type idRef struct {
	fn, group, typ, name, scope string
}

// parseID reads the resource ID expressions the renderer writes in dependsOn:
// [resourceId(['group',] 'type', 'name'...)], [subscriptionResourceId('type',
// 'name'...)] and [extensionResourceId(scope, 'type', 'name'...)].
func parseID(s string) (idRef, error) {
	body, ok := strings.CutPrefix(s, "[")
	body, ok2 := strings.CutSuffix(body, "]")
	open := strings.IndexByte(body, '(')
	if !ok || !ok2 || open < 0 || !strings.HasSuffix(body, ")") {
		return idRef{}, fmt.Errorf("not a function expression: %s", s)
	}
	ref := idRef{fn: body[:open]}
	args := splitArgs(body[open+1 : len(body)-1])
	if ref.fn == "extensionResourceId" && len(args) > 0 {
		ref.scope, args = args[0], args[1:]
	}
	lits := make([]string, len(args))
	for i, a := range args {
		lit, ok := unquote(a)
		if !ok {
			return idRef{}, fmt.Errorf("argument %s of %s is not a literal", a, s)
		}
		lits[i] = lit
	}
	if ref.fn == "resourceId" && len(lits) > 1 && !strings.Contains(lits[0], "/") {
		ref.group, lits = lits[0], lits[1:]
	}
	if len(lits) < 2 {
		return idRef{}, fmt.Errorf("too few arguments: %s", s)
	}
	ref.typ, ref.name = lits[0], strings.Join(lits[1:], "/")
	if segments := strings.Count(ref.typ, "/"); segments != len(lits)-1 {
		return idRef{}, fmt.Errorf("%s has %d name segments for a type with %d", s, len(lits)-1, segments)
	}
	return ref, nil
}

// splitArgs splits a function's argument list at top-level commas.
func splitArgs(s string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted // '' inside a literal toggles twice
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

func unquote(s string) (string, bool) {
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return "", false
	}
	return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), true
}

func TestParseID(t *testing.T) {
	tests := []struct {
		in   string
		want idRef
	}{
		{"[resourceId('Microsoft.Network/virtualNetworks', 'vnet-a')]", idRef{fn: "resourceId", typ: "Microsoft.Network/virtualNetworks", name: "vnet-a"}},
		{"[resourceId('rg-x', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-a', 'snet')]", idRef{fn: "resourceId", group: "rg-x", typ: "Microsoft.Network/virtualNetworks/subnets", name: "vnet-a/snet"}},
		{"[subscriptionResourceId('Microsoft.Resources/deployments', 'enclave-rg-0')]", idRef{fn: "subscriptionResourceId", typ: "Microsoft.Resources/deployments", name: "enclave-rg-0"}},
		{"[extensionResourceId(resourceId('Microsoft.KeyVault/vaults', 'kv, ''a'''), 'Microsoft.Insights/diagnosticSettings', 'to-log')]",
			idRef{fn: "extensionResourceId", scope: "resourceId('Microsoft.KeyVault/vaults', 'kv, ''a''')", typ: "Microsoft.Insights/diagnosticSettings", name: "to-log"}},
	}
	for _, tt := range tests {
		got, err := parseID(tt.in)
		if err != nil {
			t.Errorf("parseID(%q) error: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(idRef{})); diff != "" {
			t.Errorf("parseID(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, bad := range []string{"vnet-a", "[concat('a', 'b')]", "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-a')]", "[resourceId(parameters('x'), 'Microsoft.Network/virtualNetworks', 'v')]"} {
		if got, err := parseID(bad); err == nil {
			t.Errorf("parseID(%q) = %+v; want an error", bad, got)
		}
	}
}

// TestTemplateStructure checks how the rendered example fits together:
// every dependsOn names a resource that the same template deploys (a
// resource group, a deployment or a resource), nested deployments target
// existing groups, and neither deployments nor resources depend on each
// other in a cycle.
func TestTemplateStructure(t *testing.T) {
	var top struct {
		Resources []wireResource `json:"resources"`
	}
	if err := json.Unmarshal(renderExample(t).Template, &top); err != nil {
		t.Fatal(err)
	}
	for _, p := range structureProblems(top.Resources) {
		t.Error(p)
	}
}

// structureProblems runs the structural checks over a subscription
// template's resources.
func structureProblems(resources []wireResource) []string {
	problems := checkTopLevel(resources)
	for _, d := range resources {
		if d.Properties.Template != nil {
			problems = append(problems, checkNested(d.Name, d.Properties.Template.Resources)...)
		}
	}
	return problems
}

// checkTopLevel checks the subscription template's own resources.
func checkTopLevel(resources []wireResource) []string {
	var problems []string
	byKey := map[string]wireResource{}
	for _, r := range resources {
		byKey[r.key()] = r
	}
	graph := map[string][]string{}
	for _, r := range resources {
		if r.Properties.Template != nil {
			if _, ok := byKey[resourceKey("Microsoft.Resources/resourceGroups", r.ResourceGroup, "")]; !ok {
				problems = append(problems, fmt.Sprintf("deployment %s targets resource group %q, which the template does not create", r.Name, r.ResourceGroup))
			}
		}
		for _, dep := range r.DependsOn {
			ref, err := parseID(dep)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s %s: dependsOn %s", r.Type, r.Name, err))
				continue
			}
			if ref.fn == "resourceId" {
				// At subscription scope only a nested deployment, which lives
				// in the resource group it targets, is named by resourceId.
				d, ok := byKey[resourceKey(ref.typ, ref.name, ref.scope)]
				if ref.typ != "Microsoft.Resources/deployments" || !ok || d.ResourceGroup != ref.group {
					problems = append(problems, fmt.Sprintf("%s %s: dependsOn %s is not a deployment in resource group %q", r.Type, r.Name, dep, ref.group))
					continue
				}
			}
			k := resourceKey(ref.typ, ref.name, ref.scope)
			if _, ok := byKey[k]; !ok {
				problems = append(problems, fmt.Sprintf("%s %s: dependsOn %s names nothing the top template deploys", r.Type, r.Name, dep))
				continue
			}
			graph[r.key()] = append(graph[r.key()], k)
		}
	}
	if cycle := findCycle(graph); cycle != nil {
		problems = append(problems, fmt.Sprintf("top-level dependency cycle: %s", strings.Join(cycle, " -> ")))
	}
	return problems
}

// checkNested checks one nested deployment's resources: their dependsOn
// stay within it (the top template orders deployments).
func checkNested(deployment string, resources []wireResource) []string {
	var problems []string
	byKey := map[string]bool{}
	for _, r := range resources {
		byKey[r.key()] = true
	}
	graph := map[string][]string{}
	for _, r := range resources {
		for _, dep := range r.DependsOn {
			ref, err := parseID(dep)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %s %s: dependsOn %s", deployment, r.Type, r.Name, err))
				continue
			}
			k := resourceKey(ref.typ, ref.name, ref.scope)
			if ref.group != "" || ref.fn == "subscriptionResourceId" || !byKey[k] {
				problems = append(problems, fmt.Sprintf("%s: %s %s: dependsOn %s is not a resource of the same nested template", deployment, r.Type, r.Name, dep))
				continue
			}
			graph[r.key()] = append(graph[r.key()], k)
		}
	}
	if cycle := findCycle(graph); cycle != nil {
		problems = append(problems, fmt.Sprintf("%s: dependency cycle: %s", deployment, strings.Join(cycle, " -> ")))
	}
	return problems
}

// findCycle returns a dependency cycle in graph, or nil.
func findCycle(graph map[string][]string) []string {
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var stack []string
	var visit func(n string) []string
	visit = func(n string) []string {
		switch state[n] {
		case visiting:
			i := slices.Index(stack, n)
			return append(slices.Clone(stack[i:]), n)
		case done:
			return nil
		}
		state[n] = visiting
		stack = append(stack, n)
		for _, m := range graph[n] {
			if c := visit(m); c != nil {
				return c
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		return nil
	}
	nodes := make([]string, 0, len(graph))
	for n := range graph {
		nodes = append(nodes, n)
	}
	slices.Sort(nodes)
	for _, n := range nodes {
		if c := visit(n); c != nil {
			return c
		}
	}
	return nil
}

// TestStructureChecksFail feeds the structural checks a template with one
// fault of each kind they look for.
func TestStructureChecksFail(t *testing.T) {
	const broken = `[
		{"type": "Microsoft.Resources/resourceGroups", "name": "rg-a"},
		{"type": "Microsoft.Resources/deployments", "name": "d-a", "resourceGroup": "rg-a",
		 "dependsOn": ["[resourceId('rg-missing', 'Microsoft.Resources/deployments', 'd-b')]"],
		 "properties": {"template": {"resources": [
			{"type": "Microsoft.Network/virtualNetworks", "name": "v", "dependsOn": ["[resourceId('Microsoft.Network/routeTables', 'rt')]"]},
			{"type": "Microsoft.Network/routeTables", "name": "rt", "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'v')]"]},
			{"type": "Microsoft.Network/networkSecurityGroups", "name": "n", "dependsOn": ["[resourceId('rg-b', 'Microsoft.Network/virtualNetworks', 'v')]"]}]}}},
		{"type": "Microsoft.Resources/deployments", "name": "d-b", "resourceGroup": "rg-missing",
		 "dependsOn": ["[resourceId('rg-a', 'Microsoft.Resources/deployments', 'd-a')]", "[resourceId('Microsoft.Network/virtualNetworks', 'v')]"],
		 "properties": {"template": {"resources": []}}}]`
	var resources []wireResource
	if err := json.Unmarshal([]byte(broken), &resources); err != nil {
		t.Fatal(err)
	}
	got := structureProblems(resources)
	for _, want := range []string{
		`deployment d-b targets resource group "rg-missing"`,
		"dependsOn [resourceId('Microsoft.Network/virtualNetworks', 'v')] is not a deployment in resource group",
		"top-level dependency cycle",
		"d-a: Microsoft.Network/networkSecurityGroups n: dependsOn [resourceId('rg-b', 'Microsoft.Network/virtualNetworks', 'v')] is not a resource of the same nested template",
		"d-a: dependency cycle",
	} {
		if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("structureProblems(broken) = %q; want one containing %q", got, want)
		}
	}
}

func TestFindCycle(t *testing.T) {
	tests := []struct {
		graph map[string][]string
		want  []string
	}{
		{map[string][]string{"a": {"b"}, "b": {"c"}}, nil},
		{map[string][]string{"a": {"b"}, "b": {"c"}, "c": {"a"}}, []string{"a", "b", "c", "a"}},
		{map[string][]string{"a": {"a"}}, []string{"a", "a"}},
	}
	for _, tt := range tests {
		if got := findCycle(tt.graph); !cmp.Equal(got, tt.want) {
			t.Errorf("findCycle(%v) = %v; want %v", tt.graph, got, tt.want)
		}
	}
}

// TestEveryKindHasAConverter loops over the compiled example's resources:
// each type must have a converter, and the rendered apiVersion must be the
// converter's.
func TestEveryKindHasAConverter(t *testing.T) {
	g := compileExample(t)
	want := map[string]string{}
	for _, r := range g.Resources() {
		v := arm.APIVersion(r.Type())
		if v == "" {
			t.Errorf("no ARM converter for %s (%T)", r.Type(), r)
		}
		want[strings.ToLower(string(r.Type()))] = v
	}
	var top struct {
		Resources []wireResource `json:"resources"`
	}
	if err := json.Unmarshal(renderExample(t).Template, &top); err != nil {
		t.Fatal(err)
	}
	rendered := 0
	for _, r := range flatten(top.Resources) {
		if v, ok := want[strings.ToLower(r.Type)]; ok {
			rendered++
			if r.APIVersion != v {
				t.Errorf("%s %s rendered at apiVersion %s; converter says %s", r.Type, r.Name, r.APIVersion, v)
			}
		}
	}
	if rendered != g.Len() {
		t.Errorf("rendered %d of the graph's %d resources", rendered, g.Len())
	}
}

// flatten returns resources and, recursively, those of nested templates.
func flatten(resources []wireResource) []wireResource {
	var out []wireResource
	for _, r := range resources {
		out = append(out, r)
		if r.Properties.Template != nil {
			out = append(out, flatten(r.Properties.Template.Resources)...)
		}
	}
	return out
}
