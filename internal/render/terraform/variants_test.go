package terraform

import (
	"sort"
	"testing"

	"github.com/enclave-dev/enclave/internal/render/terraform/tfschema"
)

// TestSpecVariantsSchema renders every variation and checks every resource
// block against the azurerm schema, as TestSchema does for the example.
func TestSpecVariantsSchema(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the variations in -short mode")
	}
	s := tfschema.Shared(t)
	graphs := variantGraphs(t)
	names := make([]string, 0, len(graphs))
	for n := range graphs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, _ := renderVariant(t, name)
			files := parsed(t, out)
			for _, f := range out.Files {
				for _, v := range s.CheckParsed(f.Name, files[f.Name]) {
					t.Error(v)
				}
			}
		})
	}
}
