package importarm

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// issueFunctions are the functions issue 6 requires, plus the ones seen in
// practice that enclave evaluates too.
var issueFunctions = []string{
	"parameters", "variables", "concat", "format", "resourceId", "subscriptionResourceId", "extensionResourceId",
	"resourceGroup", "subscription", "deployment", "environment", "uniqueString", "guid", "toLower", "toUpper",
	"replace", "split", "string", "int", "bool", "json", "equals", "not", "and", "or", "empty", "length",
	"union", "createArray", "createObject", "contains", "first", "last", "take", "skip", "copyIndex", "add", "sub",
	"mul", "div", "mod", "min", "max", "range", "padLeft", "substring", "indexOf", "startsWith", "endsWith", "trim",
	"base64", "dataUri", "coalesce", "cidrSubnet", "cidrHost", "parseCidr",
	"greater", "less", "greaterOrEquals", "lessOrEquals", "array", "intersection", "lastIndexOf", "uri", "utcNow",
	"newGuid", "tenantResourceId", "managementGroup", "reference",
}

func TestRegistryHasIssueFunctions(t *testing.T) {
	fs := NewFunctions()
	for _, name := range issueFunctions {
		if name == "if" {
			continue // evaluated lazily by the evaluator itself
		}
		if _, ok := fs[strings.ToLower(name)]; !ok {
			t.Errorf("NewFunctions() has no %s", name)
		}
	}
}

// TestEveryFunctionExercised fails when a registered function is called by
// neither the table tests nor the template corpus.
func TestEveryFunctionExercised(t *testing.T) {
	var text strings.Builder
	files, _ := filepath.Glob("testdata/*/*.json")
	files = append(files, "functions_test.go")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
	}
	called := map[string]bool{}
	for _, m := range regexp.MustCompile(`([A-Za-z][A-Za-z0-9]*)\(`).FindAllStringSubmatch(text.String(), -1) {
		called[strings.ToLower(m[1])] = true
	}
	var missing []string
	for name := range NewFunctions() {
		if !called[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("functions no test calls: %v", missing)
	}
}
