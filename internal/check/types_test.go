package check_test

import (
	"os"
	"sort"
	"testing"
)

// TestModelTypesCovered keeps testdata/model_types.txt (the types the alias
// table covers) equal to the types the built-in example presents.
func TestModelTypesCovered(t *testing.T) {
	in := inputOf(t, exampleGraph(t))
	seen := map[string]bool{}
	for _, r := range in.Resources() {
		seen[string(r.Address.Type)] = true
	}
	var types []string
	for k := range seen {
		types = append(types, k)
	}
	sort.Strings(types)
	var b []byte
	for _, ty := range types {
		b = append(b, ty...)
		b = append(b, '\n')
	}
	if updateTypes != nil && updateTypes.Value.String() == "true" {
		if err := os.WriteFile("testdata/model_types.txt", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("testdata/model_types.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(b) {
		t.Errorf("testdata/model_types.txt is stale; run go test ./internal/check -run 'TestModelTypesCovered|TestAliasTable' -update")
	}
}
