package arm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

func TestResourceJSONLiteralIDs(t *testing.T) {
	res, _, err := compile.Compile(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := arm.ResourceJSON(res.Graph, "sub0")
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != res.Graph.Len() {
		t.Fatalf("ResourceJSON gave %d bodies for %d resources", len(bodies), res.Graph.Len())
	}
	for a, b := range bodies {
		if strings.Contains(string(b), "resourceId(") {
			t.Errorf("%s: body still holds a resourceId() expression: %.300s", a, b)
		}
		var w struct {
			Type string `json:"type"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal(b, &w); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		if model.Type(w.Type) != a.Type || w.Name != a.Name {
			t.Errorf("%s: body says type %q name %q", a, w.Type, w.Name)
		}
	}
}
