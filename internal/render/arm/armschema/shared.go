package armschema

import (
	"errors"
	"os"
	"testing"
)

// Shared returns a Validator over the ARM schemas in ../shared beside the
// module root, for tests: it skips t with a clear message when they are
// absent, and fails it on any other error.
func Shared(t testing.TB) *Validator {
	t.Helper()
	dir, err := SharedDir()
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("skipping: the ARM schemas are not at ../shared/data/arm-schemas/schemas beside the module root (%v)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return New(dir)
}
