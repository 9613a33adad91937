package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/report"
	"github.com/enclave-dev/enclave/internal/spec"
)

// TestSARIFFromCheck validates the SARIF of a real evaluation: the
// built-in Storage and Key Vault definitions over the built-in example.
func TestSARIFFromCheck(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "azure-policy", "definitions")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/data/azure-policy is absent (%v)", err)
	}
	set := check.NewSet(nil)
	for _, sub := range []string{"Storage", "Key Vault", "Network"} {
		defs, err := check.LoadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		if err := set.AddAll(defs); err != nil {
			t.Fatal(err)
		}
	}
	res, _, err := compile.Compile(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := arm.ResourceJSON(res.Graph, check.SubscriptionID)
	if err != nil {
		t.Fatal(err)
	}
	in, err := check.NewInput(res.Graph, bodies)
	if err != nil {
		t.Fatal(err)
	}
	result := set.Evaluate(in)
	if len(result.Findings) == 0 {
		t.Fatalf("no findings to put in the log")
	}
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, report.FromCheck(result, set, "test")); err != nil {
		t.Fatal(err)
	}
	for _, p := range ValidateSARIF(b.Bytes()) {
		t.Error(p)
	}
}
