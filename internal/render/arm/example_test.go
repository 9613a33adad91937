package arm_test

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// compileExample compiles the built-in example afresh.
func compileExample(t testing.TB) *model.Graph {
	t.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("Compile(example) diagnostics:\n%s", ds.Error())
	}
	return res.Graph
}

// renderExample compiles and renders the built-in example afresh.
func renderExample(t testing.TB) arm.Output {
	t.Helper()
	out, err := arm.Render(compileExample(t))
	if err != nil {
		t.Fatalf("Render(example) error: %v", err)
	}
	return out
}
