package arm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

// An opaque resource (kept from an imported template) is written back as
// it was imported; every other kind still needs a registered converter.
func TestOpaqueBodyUnchanged(t *testing.T) {
	g := model.NewGraph("t", "westeurope")
	o := &model.Opaque{
		Meta:       model.Meta{Name: "g1", Group: "rg-a", Location: "westeurope", Tags: map[string]string{"owner": "x"}},
		ARMType:    "Contoso.Widgets/gadgets",
		APIVersion: "2025-01-01",
		Kind:       "Big",
		SKU:        json.RawMessage(`{"name":"S1"}`),
		Zones:      []string{"1"},
		Properties: json.RawMessage(`{"color":"blue","nested":{"n":[1,2]}}`),
	}
	if err := g.Add(o); err != nil {
		t.Fatal(err)
	}
	bodies, err := arm.ResourceJSON(g, "sub0")
	if err != nil {
		t.Fatalf("ResourceJSON: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal(bodies[model.AddressOf(o)], &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"type": "Contoso.Widgets/gadgets", "apiVersion": "2025-01-01", "name": "g1", "location": "westeurope",
		"kind": "Big", "tags": map[string]any{"owner": "x"}, "zones": []any{"1"}, "sku": map[string]any{"name": "S1"},
		"properties": map[string]any{"color": "blue", "nested": map[string]any{"n": []any{1.0, 2.0}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ResourceJSON(opaque) (-want +got):\n%s", diff)
	}
	out, err := arm.Render(g)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !strings.Contains(string(out.Template), `"color": "blue"`) {
		t.Errorf("Render(opaque) lost the body:\n%s", out.Template)
	}
}

// stray is a kind no converter knows.
type stray struct{ model.Meta }

func (*stray) Type() model.Type { return "Contoso.Widgets/strays" }

func TestUnregisteredKindStillFails(t *testing.T) {
	g := model.NewGraph("t", "westeurope")
	if err := g.Add(&stray{model.Meta{Name: "s", Group: "rg-a"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := arm.ResourceJSON(g, "sub0"); err == nil || !strings.Contains(err.Error(), "no ARM converter") {
		t.Errorf("ResourceJSON(unregistered kind) error = %v; want no ARM converter", err)
	}
}
