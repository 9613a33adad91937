package baseline_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
)

// BenchmarkBaselineExample evaluates the whole baseline over the built-in
// example (input built once), with Azure's alias table from ../shared.
func BenchmarkBaselineExample(b *testing.B) {
	f, err := example()
	if err != nil {
		b.Fatal(err)
	}
	_, file, _, _ := runtime.Caller(0)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "data", "azure-policy", "aliases", "aliases.json"))
	if err != nil {
		b.Skipf("skipping: Azure's alias list is not in ../shared (%v)", err)
	}
	al, err := check.LoadAliases(raw)
	if err != nil {
		b.Fatal(err)
	}
	defs, err := loadDefs()
	if err != nil {
		b.Fatal(err)
	}
	s := check.NewSet(al)
	for _, d := range defs {
		if err := s.Add(d, nil); err != nil {
			b.Fatal(err)
		}
	}
	in, err := check.InputOf(f.resources)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		s.Evaluate(in)
	}
}
