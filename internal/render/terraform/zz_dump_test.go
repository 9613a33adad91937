package terraform

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	out, _ := renderExample(t)
	dir := os.Getenv("DUMP")
	for _, f := range out.Files {
		os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644)
	}
	for _, m := range out.Index {
		if m.Reason != "" {
			t.Logf("%s -> %s azapi=%v: %s", m.Model, m.Stands, m.AzAPI, m.Reason)
		}
	}
	t.Logf("resources %d", out.Resources())
}
