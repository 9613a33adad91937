package tomodel_test

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
)

// BenchmarkImport evaluates the built-in example's rendered template and
// turns it into a model, end to end (the target: under 20 ms).
func BenchmarkImport(b *testing.B) {
	_, template := example(b)
	params := []byte(exampleParams)
	reg := tomodel.NewRegistry()
	b.ReportAllocs()
	for b.Loop() {
		ev, ds := importarm.Evaluate("azuredeploy.json", template, params, importarm.Options{})
		if ds.HasErrors() {
			b.Fatal(ds.Error())
		}
		if _, ds := tomodel.Convert("example", ev, reg); ds.HasErrors() {
			b.Fatal(ds.Error())
		}
	}
}

// BenchmarkConvert is the model step alone.
func BenchmarkConvert(b *testing.B) {
	_, template := example(b)
	ev, ds := importarm.Evaluate("azuredeploy.json", template, []byte(exampleParams), importarm.Options{})
	if ds.HasErrors() {
		b.Fatal(ds.Error())
	}
	reg := tomodel.NewRegistry()
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := tomodel.Convert("example", ev, reg); ds.HasErrors() {
			b.Fatal(ds.Error())
		}
	}
}
