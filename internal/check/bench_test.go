package check_test

import (
	"testing"
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
