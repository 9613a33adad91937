package arm_test

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// BenchmarkPlan measures what enclave plan does after reading the spec:
// compile the built-in example and render it as ARM JSON.
func BenchmarkPlan(b *testing.B) {
	doc := spec.Example()
	b.ReportAllocs()
	for b.Loop() {
		res, ds, err := compile.Compile(doc)
		if err != nil {
			b.Fatal(err)
		}
		if ds.HasErrors() {
			b.Fatalf("Compile(example) diagnostics:\n%s", ds.Error())
		}
		if _, err := arm.Render(res.Graph); err != nil {
			b.Fatalf("Render(example) error: %v", err)
		}
	}
}
