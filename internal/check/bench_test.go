package check_test

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
)

// BenchmarkCheckBuiltins evaluates the 485 built-in definitions over the
// built-in example (the input prepared once, as check does per run).
func BenchmarkCheckBuiltins(b *testing.B) {
	defs, aliases := builtins(b)
	g := exampleGraph(b)
	set := builtinSet(b, defs, aliases, g)
	in := inputOf(b, g)
	b.ResetTimer()
	for b.Loop() {
		res := set.Evaluate(in)
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors[0])
		}
	}
}

// BenchmarkInput presents the example to the evaluator: ARM bodies, inline
// children and derived state.
func BenchmarkInput(b *testing.B) {
	g := exampleGraph(b)
	for b.Loop() {
		inputOf(b, g)
	}
}

// BenchmarkCheckBaseline evaluates enclave's baseline over the built-in
// example as enclave check and plan do: the assignments and parameter
// values the model carries, enclave's own alias table, the input prepared
// once.
func BenchmarkCheckBaseline(b *testing.B) {
	g := exampleGraph(b)
	defs, err := check.LoadFS(baseline.FS(), baseline.Dir, "baseline:")
	if err != nil {
		b.Fatal(err)
	}
	as, err := check.ModelAssignments(g, defs)
	if err != nil {
		b.Fatal(err)
	}
	set := check.NewSet(nil)
	for _, a := range as {
		if err := set.Add(a.Definition, a.Params); err != nil {
			b.Fatal(err)
		}
	}
	in := inputOf(b, g)
	b.ResetTimer()
	for b.Loop() {
		res := set.Evaluate(in)
		if len(res.Errors) > 0 || len(res.Unsupported) > 0 {
			b.Fatalf("errors %v, unsupported %v", res.Errors, res.Unsupported)
		}
	}
}
