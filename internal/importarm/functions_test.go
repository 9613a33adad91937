package importarm

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// evalOne evaluates expression expr (a JSON string value, brackets
// included) as the value of an output and returns the value as compact
// JSON, or the first diagnostic.
func evalOne(t *testing.T, expr string) (string, string) {
	t.Helper()
	q, _ := json.Marshal(expr)
	tmpl := `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
"parameters": {"arr": {"type": "array", "defaultValue": [1, 2, 3]}, "obj": {"type": "object", "defaultValue": {"a": {"b": "c"}}}, "s": {"type": "string", "defaultValue": "Hello"}},
"variables": {"v": "[parameters('s')]"},
"resources": [],
"outputs": {"x": {"type": "object", "value": ` + string(q) + `}}}`
	res, ds := Evaluate("t.json", []byte(tmpl), nil, Options{})
	if ds.HasErrors() {
		return "", ds[0].String()
	}
	return compactJSON(res.Outputs[0].Value), ""
}

func TestFunctions(t *testing.T) {
	tests := []struct {
		expr string
		want string
	}{
		// deployment and scope
		{"[parameters('s')]", `"Hello"`},
		{"[parameters('S')]", `"Hello"`},
		{"[variables('v')]", `"Hello"`},
		{"[parameters('obj').a.b]", `"c"`},
		{"[parameters('obj')['a']['b']]", `"c"`},
		{"[parameters('arr')[2]]", `3`},
		{"[resourceGroup().name]", `"rg-import"`},
		{"[resourceGroup().location]", `"westeurope"`},
		{"[subscription().subscriptionId]", `"00000000-0000-0000-0000-000000000000"`},
		{"[deployment().name]", `"enclave-import"`},
		{"[environment().name]", `"AzureCloud"`},
		{"[resourceId('Microsoft.Network/virtualNetworks', 'v')]", `"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-import/providers/Microsoft.Network/virtualNetworks/v"`},
		{"[resourceId('rg2', 'Microsoft.Network/virtualNetworks/subnets', 'v', 's')]", `"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/v/subnets/s"`},
		{"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r')]", `"/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/r"`},
		{"[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]", `"/providers/Microsoft.Management/managementGroups/mg"`},
		{"[extensionResourceId('/subscriptions/s/resourceGroups/g', 'Microsoft.Authorization/locks', 'l')]", `"/subscriptions/s/resourceGroups/g/providers/Microsoft.Authorization/locks/l"`},
		{"[utcNow('yyyyMMdd')]", `"20000101"`},
		{"[uniqueString('test')]", `"rbgf3xv4ufgzg"`},
		{"[guid('x')]", `"51c0fe04-91fa-5688-abb4-481ca7437854"`},
		// unknowns
		{"[reference('x').a]", `{"$unknown":{"cause":"reference","expr":"reference('x').a"}}`},
		{"[concat('a', reference('x'))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[toLower(listKeys('id', '2020-01-01').keys[0].value)]", `{"$unknown":{"cause":"list","expr":"listKeys('id', '2020-01-01').keys[0].value"}}`},
		{"[listSecrets('id', '2020-01-01')]", `{"$unknown":{"cause":"list","expr":"listSecrets('id', '2020-01-01')"}}`},
		{"[newGuid()]", `{"$unknown":{"cause":"newGuid","expr":"newGuid()"}}`},
		{"[length(createArray(reference('x')))]", `1`},
		{"[createObject('k', reference('x'))]", `{"k":{"$unknown":{"cause":"reference","expr":"reference('x')"}}}`},
		{"[string(createObject('k', reference('x')))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[contains(createArray(reference('x')), 'a')]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[equals(createArray(reference('x')), createArray(1))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[last(createArray(reference('x'), 1))]", `1`},
		{"[first(createArray(reference('x'), 1))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[empty(createArray(reference('x')))]", `false`},
		{"[concat(createArray(reference('x')), createArray(2))]", `[{"$unknown":{"cause":"reference","expr":"reference('x')"}},2]`},
		{"[string(createObject('k', reference('x')))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[contains(createArray(reference('x')), 'a')]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[equals(createArray(reference('x')), createArray(1))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[last(createArray(reference('x'), 1))]", `1`},
		{"[first(createArray(reference('x'), 1))]", `{"$unknown":{"cause":"reference","expr":"reference('x')"}}`},
		{"[empty(createArray(reference('x')))]", `false`},
		{"[concat(createArray(reference('x')), createArray(2))]", `[{"$unknown":{"cause":"reference","expr":"reference('x')"}},2]`},
		// strings
		{"[concat('a', 1, true())]", `"a1True"`},
		{"[string(false())]", `"False"`},
		{"[concat(createArray(1), createArray(2, 3))]", `[1,2,3]`},
		{"[format('{0}/{1:D4}/{{x}}', 'a', 42)]", `"a/0042/{x}"`},
		{"[format('{0:X}', 255)]", `"FF"`},
		{"[toLower('ABC')]", `"abc"`},
		{"[toUpper('abc')]", `"ABC"`},
		{"[replace('a-b-c', '-', '')]", `"abc"`},
		{"[split('a/b/c', '/')]", `["a","b","c"]`},
		{"[split('a', '/')]", `["a"]`},
		{"[string(createObject('a', 1))]", `"{\"a\":1}"`},
		{"[string(12)]", `"12"`},
		{"[int('-5')]", `-5`},
		{"[bool('false')]", `false`},
		{"[json('[1, \"a\"]')]", `[1,"a"]`},
		{"[padLeft('7', 3, '0')]", `"007"`},
		{"[padLeft('long', 2)]", `"long"`},
		{"[substring('hello', 1, 3)]", `"ell"`},
		{"[substring('hello', 2)]", `"llo"`},
		{"[indexOf('Hello', 'L')]", `2`},
		{"[lastIndexOf('Hello', 'l')]", `3`},
		{"[indexOf('Hello', 'z')]", `-1`},
		{"[startsWith('Hello', 'he')]", `true`},
		{"[endsWith('Hello', 'LO')]", `true`},
		{"[trim('  x ')]", `"x"`},
		{"[base64('one, two')]", `"b25lLCB0d28="`},
		{"[base64ToString('b25lLCB0d28=')]", `"one, two"`},
		{"[base64ToJson('eyJhIjoxfQ==')]", `{"a":1}`},
		{"[dataUri('Hello')]", `"data:text/plain;charset=utf8;base64,SGVsbG8="`},
		{"[uri('http://contoso.org/firstpath', 'myscript.sh')]", `"http://contoso.org/myscript.sh"`},
		{"[empty('')]", `true`},
		{"[length('héllo')]", `5`},
		// logical and comparison
		{"[if(equals(1, 1), 'y', 'n')]", `"y"`},
		{"[if(false(), div(1, 0), 'lazy')]", `"lazy"`},
		{"[equals('a', 'A')]", `false`},
		{"[not(true())]", `false`},
		{"[and(true(), false())]", `false`},
		{"[or(true(), false())]", `true`},
		{"[greater(2, 1)]", `true`},
		{"[less('a', 'b')]", `true`},
		{"[greaterOrEquals(1, 1)]", `true`},
		{"[lessOrEquals(2, 1)]", `false`},
		{"[coalesce(null(), null(), 'c')]", `"c"`},
		{"[coalesce(null())]", `null`},
		// collections
		{"[union(createArray(1, 2), createArray(2, 3))]", `[1,2,3]`},
		{"[union(createObject('a', 1), createObject('b', 2, 'a', 3))]", `{"a":3,"b":2}`},
		{"[intersection(createArray(1, 2, 3), createArray(3, 2))]", `[2,3]`},
		{"[createArray()]", `[]`},
		{"[createObject()]", `{}`},
		{"[contains(createArray('a'), 'a')]", `true`},
		{"[contains(createObject('Key', 1), 'key')]", `true`},
		{"[contains('abc', 'B')]", `false`},
		{"[first(createArray())]", `null`},
		{"[first(parameters('arr'))]", `1`},
		{"[last(parameters('arr'))]", `3`},
		{"[take(parameters('arr'), 2)]", `[1,2]`},
		{"[take(parameters('arr'), -1)]", `[]`},
		{"[skip(parameters('arr'), 2)]", `[3]`},
		{"[skip(parameters('arr'), 9)]", `[]`},
		{"[range(1, 3)]", `[1,2,3]`},
		{"[range(0, 0)]", `[]`},
		{"[length(parameters('obj'))]", `1`},
		{"[array(1)]", `[1]`},
		{"[min(3, 1, 2)]", `1`},
		{"[max(parameters('arr'))]", `3`},
		// numeric
		{"[add(1, 2)]", `3`},
		{"[sub(1, 2)]", `-1`},
		{"[mul(3, -2)]", `-6`},
		{"[div(7, 2)]", `3`},
		{"[div(-7, 2)]", `-3`},
		{"[mod(7, 3)]", `1`},
		{"[mod(-7, 3)]", `-1`},
		{"[copyIndex]", ""}, // replaced below: not a call
		// CIDR (values from the Microsoft Learn examples)
		{"[parseCidr('10.144.0.0/20')]", `{"network":"10.144.0.0","netmask":"255.255.240.0","broadcast":"10.144.15.255","firstUsable":"10.144.0.1","lastUsable":"10.144.15.254","cidr":20}`},
		{"[parseCidr('fdad:3236:5555::/48')]", `{"network":"fdad:3236:5555::","netmask":"ffff:ffff:ffff::","firstUsable":"fdad:3236:5555::","lastUsable":"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff","cidr":48}`},
		{"[cidrSubnet('10.144.0.0/20', 24, 4)]", `"10.144.4.0/24"`},
		{"[cidrSubnet('fdad:3236:5555::/48', 52, 1)]", `"fdad:3236:5555:1000::/52"`},
		{"[cidrHost('10.144.3.0/24', 0)]", `"10.144.3.1"`},
		{"[cidrHost('fdad:3236:5555:3000::/52', 4)]", `"fdad:3236:5555:3000::5"`},
		// escapes
		{"[[not an expression]", `"[not an expression]"`},
		{"['it''s']", `"it's"`},
		{"[ concat( 'a' , 'b' ) ]", `"ab"`},
		{"plain", `"plain"`},
	}
	for _, tt := range tests {
		if tt.expr == "[copyIndex]" {
			continue
		}
		got, diag := evalOne(t, tt.expr)
		if diag != "" {
			t.Errorf("Evaluate(%q) error: %s", tt.expr, diag)
			continue
		}
		if got != tt.want {
			t.Errorf("Evaluate(%q) = %s; want %s", tt.expr, got, tt.want)
		}
	}
}

func TestFunctionErrors(t *testing.T) {
	tests := []struct {
		expr string
		want string // substring of the diagnostic, with its position
	}{
		{"[add('a', 1)]", "t.json:5:48: add: argument 1 is string, want int"},
		{"[toLower()]", "toLower takes 1 arguments, got 0"},
		{"[toLower('a', 'b')]", "toLower takes 1 arguments, got 2"},
		{"[concat()]", "concat takes at least 1 arguments, got 0"},
		{"[noSuchFunction(1)]", `unknown function "noSuchFunction"`},
		{"[parameters('missing')]", `parameter "missing" is not declared`},
		{"[variables('missing')]", `variable "missing" is not declared`},
		{"[copyIndex()]", "copyIndex used outside a copy loop"},
		{"[copyIndex('loop')]", `no enclosing copy loop named "loop"`},
		{"[div(1, 0)]", "division by zero"},
		{"[mod(1, 0)]", "division by zero"},
		{"[parameters('arr')[3]]", "index 3 is out of range"},
		{"[parameters('obj').nope]", `the object has no property "nope"`},
		{"[parameters('s').x]", "cannot access"},
		{"[substring('abc', 2, 5)]", "out of range"},
		{"[int('x')]", `cannot convert "x" to int`},
		{"[bool('yes')]", `cannot convert "yes" to bool`},
		{"[json('{')]", "invalid JSON"},
		{"[base64ToString('!!')]", "invalid base64"},
		{"[format('{1}', 'a')]", "format item {1} has no argument"},
		{"[format('{0', 'a')]", "unclosed '{'"},
		{"[concat(createArray(1), 'a')]", "argument 2 is string"},
		{"[union(createArray(1), createObject())]", "argument 2 is object"},
		{"[range(0, 10001)]", "out of bounds"},
		{"[cidrSubnet('10.0.0.0/16', 8, 0)]", "does not fit"},
		{"[cidrSubnet('10.0.0.0/16', 24, 256)]", "subnet index 256 is out of range"},
		{"[cidrHost('10.0.0.0/30', 2)]", "host index 2 is out of range"},
		{"[parseCidr('10.0.0.300/8')]", "is not a CIDR range"},
		{"[resourceId('vnet')]", "resourceId takes at least 2 arguments"},
		{"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v')]", "has 1 segments but type"},
		{"[if(1, 'a', 'b')]", "if: condition is int, want bool"},
		{"[not(1)]", "argument 1 is int, want bool"},
		{"[greater('a', 1)]", "cannot compare string with int"},
		{"[managementGroup()]", "not available"},
		{"[createObject('a')]", "odd number of arguments"},
		// syntax
		{"[concat('a']", "unterminated call to concat"},
		{"[concat('a)]", "unterminated string literal"},
		{"[]", "empty expression"},
		{"[concat('a') 'b']", "after the expression"},
		{"[1.5]", "decimal numbers are not allowed"},
		{"[foo]", `"foo" is not a function call`},
		{"[concat(,)]", "unexpected"},
		{"[a().]", "want a property name"},
		{"[x()[0]", "want ']' after the index"},
	}
	for _, tt := range tests {
		got, diag := evalOne(t, tt.expr)
		if diag == "" {
			t.Errorf("Evaluate(%q) = %s; want error %q", tt.expr, got, tt.want)
			continue
		}
		if !strings.Contains(diag, tt.want) {
			t.Errorf("Evaluate(%q) error = %q; want it to contain %q", tt.expr, diag, tt.want)
		}
		if !strings.HasPrefix(diag, "t.json:5:") {
			t.Errorf("Evaluate(%q) error = %q; want a position on line 5", tt.expr, diag)
		}
	}
}

func TestLimits(t *testing.T) {
	// Doubling a string through variables stops at the size limit instead
	// of exhausting memory.
	var vars []string
	vars = append(vars, `"v0": "[padLeft('x', 16000, 'x')]"`)
	for i := 1; i <= 40; i++ {
		vars = append(vars, fmt.Sprintf(`"v%d": "[concat(variables('v%d'), variables('v%d'))]"`, i, i-1, i-1))
	}
	tmpl := `{"variables": {` + strings.Join(vars, ",") + `}, "resources": []}`
	_, ds := Evaluate("big.json", []byte(tmpl), nil, Options{})
	if !ds.HasErrors() || !strings.Contains(ds.Error(), "more than the") {
		t.Errorf("Evaluate(doubling strings) = %v; want a size error", ds)
	}
	// User-defined functions cannot call each other (or themselves).
	rec := `{"functions": [{"namespace": "n", "members": {"f": {"parameters": [], "output": {"type": "string", "value": "[n.f()]"}}}}],
	"resources": [], "outputs": {"o": {"type": "string", "value": "[n.f()]"}}}`
	_, ds = Evaluate("rec.json", []byte(rec), nil, Options{})
	if !ds.HasErrors() || !strings.Contains(ds.Error(), "cannot call another user-defined function") {
		t.Errorf("Evaluate(recursive user function) = %v; want an error", ds)
	}
	// Nested property copies of literals stop at the step budget.
	nest := `{"name": "a%d", "count": 800, "input": {"copy": [%s]}}`
	inner := `{"name": "leaf", "count": 800, "input": {"x": 1}}`
	for i := 0; i < 3; i++ {
		inner = fmt.Sprintf(nest, i, inner)
	}
	big := `{"resources": [{"type": "A.B/c", "name": "n", "properties": {"copy": [` + inner + `]}}]}`
	_, ds = Evaluate("steps.json", []byte(big), nil, Options{MaxSteps: 100_000})
	if !ds.HasErrors() || !strings.Contains(ds.Error(), "evaluation exceeds") {
		t.Errorf("Evaluate(nested copies) = %v; want the step budget error", ds)
	}
}
