package compile

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/spec"
)

// example returns the built-in example changed by edit (which may be nil).
func example(edit func(d *spec.Document)) *spec.Document {
	d := spec.Example()
	if edit != nil {
		edit(d)
	}
	return d
}

// compileDoc compiles d, failing the test on a program fault and returning
// the user diagnostics.
func compileDoc(t *testing.T, d *spec.Document) (*Result, diag.Diagnostics) {
	t.Helper()
	res, ds, err := Compile(d)
	if err != nil {
		t.Fatal(err)
	}
	return res, ds
}

// mustCompileDoc compiles d and fails the test on any error.
func mustCompileDoc(t *testing.T, d *spec.Document) *Result {
	t.Helper()
	res, ds := compileDoc(t, d)
	if ds.HasErrors() {
		t.Fatalf("Compile: %v", ds)
	}
	return res
}

// compileExample compiles the built-in example changed by edit.
func compileExample(t *testing.T, edit func(d *spec.Document)) (*Result, diag.Diagnostics) {
	t.Helper()
	return compileDoc(t, example(edit))
}

// mustCompile compiles the built-in example changed by edit and fails the
// test on any error.
func mustCompile(t *testing.T, edit func(d *spec.Document)) *Result {
	t.Helper()
	return mustCompileDoc(t, example(edit))
}
