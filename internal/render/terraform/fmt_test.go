package terraform

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTerraformFmt runs `terraform fmt -check` over the rendered example
// when a terraform binary is on PATH: the files must be exactly what
// terraform fmt leaves unchanged. It needs no providers and no network.
func TestTerraformFmt(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH; TestFormatted checks with hclwrite's formatter")
	}
	out, _ := renderExample(t)
	dir := t.TempDir()
	for _, f := range out.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(tf, "fmt", "-check", "-diff", "-no-color", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "none.tfrc"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("terraform fmt -check = %v:\n%s", err, msg)
	}
}
