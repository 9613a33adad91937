package terraform

import (
	"testing"

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
	files := parsed(t, out)
	for _, f := range out.Files {
		for _, v := range s.CheckParsed(f.Name, files[f.Name]) {
			t.Error(v)
		}
		checked += countResources(files[f.Name])
	}
	if checked != out.Resources() {
		t.Errorf("checked %d resource blocks; the rendering has %d", checked, out.Resources())
	}
	t.Logf("%d resource blocks checked against azurerm 4.79.0", checked)
}

func countResources(body *hclsyntax.Body) int {
	n := 0
	for _, b := range body.Blocks {
		if b.Type == "resource" {
			n++
		}
	}
	return n
}
