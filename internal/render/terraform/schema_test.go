package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/enclave-dev/enclave/internal/render/terraform/tfschema"
)

// TestSchema checks every resource block of the rendered example against
// the azurerm 4.79.0 provider schema: types, attribute and block names,
// required and computed-only attributes, nesting and literal kinds.
func TestSchema(t *testing.T) {
	s := tfschema.Shared(t)
	out, _ := renderExample(t)
	checked := 0
	for _, f := range out.Files {
		vs, err := s.CheckFile(f.Name, f.Data)
		if err != nil {
			t.Fatalf("%s does not parse: %v", f.Name, err)
		}
		for _, v := range vs {
			t.Error(v)
		}
		checked += countResources(t, f.Name, f.Data)
	}
	if checked != out.Resources() {
		t.Errorf("checked %d resource blocks; the rendering has %d", checked, out.Resources())
	}
	t.Logf("%d resource blocks checked against azurerm 4.79.0", checked)
}

func countResources(t testing.TB, name string, src []byte) int {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	n := 0
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "resource" {
			n++
		}
	}
	return n
}
