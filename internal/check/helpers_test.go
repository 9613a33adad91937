package check_test

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// sharedDir returns ../shared beside the module root, or skips.
func sharedDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "data", "azure-policy")); err != nil {
		t.Skipf("../shared/data/azure-policy is absent (%v); the built-in definition tests need it", err)
	}
	return dir
}

// exampleGraph compiles the built-in example.
func exampleGraph(t testing.TB) *model.Graph {
	t.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		t.Fatalf("compile example: %v %v", err, ds)
	}
	return res.Graph
}

// inputOf presents g to the evaluator.
func inputOf(t testing.TB, g *model.Graph) *check.Input {
	t.Helper()
	bodies, err := arm.ResourceJSON(g, check.SubscriptionID)
	if err != nil {
		t.Fatal(err)
	}
	in, err := check.NewInput(g, bodies)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// builtins loads the built-in definitions and the alias dump.
func builtins(t testing.TB) ([]*check.Definition, *check.Aliases) {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "data", "azure-policy")
	defs, err := check.LoadDir(filepath.Join(dir, "definitions"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "aliases", "aliases.json"))
	if err != nil {
		t.Fatal(err)
	}
	al, err := check.LoadAliases(raw)
	if err != nil {
		t.Fatal(err)
	}
	return defs, al
}

var updateTypes = flag.Lookup("update")
