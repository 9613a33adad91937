package tfschema

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// AzurermFile is the azurerm provider schema the renderings are checked
// against, relative to the directory beside the module root.
const AzurermFile = "shared/data/azurerm/azurerm-4.79.0.schema.json"

var (
	once   sync.Once
	shared *Schema
	err    error
	path   string
)

// Shared returns the azurerm 4.79.0 schema from ../shared beside the
// module root, loaded once per test binary; it skips t when the file is
// absent and fails it when the file does not parse.
func Shared(t testing.TB) *Schema {
	t.Helper()
	once.Do(func() {
		path = filepath.Join(moduleRoot(), "..", AzurermFile)
		if _, statErr := os.Stat(path); statErr != nil {
			err = statErr
			return
		}
		shared, err = Load(path)
	})
	if shared == nil {
		if os.IsNotExist(err) {
			t.Skipf("azurerm schema not found at %s (../shared beside the module root): %v", path, err)
		}
		t.Fatalf("loading %s: %v", path, err)
	}
	return shared
}

// moduleRoot finds the directory holding go.mod above this file.
func moduleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}
