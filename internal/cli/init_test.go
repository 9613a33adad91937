package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunInit(t *testing.T) {
	example := func() []byte { return []byte("name: example\n") }
	tests := []struct {
		name     string
		existing string // "" means no file yet
		force    bool
		wantCode int
		want     string // the file afterwards
	}{
		{name: "new file", wantCode: ExitOK, want: "name: example\n"},
		{name: "refuses to overwrite", existing: "name: mine\n", wantCode: ExitUser, want: "name: mine\n"},
		{name: "force overwrites", existing: "name: mine\n", force: true, wantCode: ExitOK, want: "name: example\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "enclave.yaml")
			if tt.existing != "" {
				if err := os.WriteFile(file, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			io, stdout, _ := streams()
			err := runInit(&InitOptions{IO: io, File: file, Force: tt.force, Example: example})
			if got := exitCode(err); got != tt.wantCode {
				t.Errorf("runInit(force=%v) = %v (exit %d); want exit %d", tt.force, err, got, tt.wantCode)
			}
			got, rerr := os.ReadFile(file)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if string(got) != tt.want {
				t.Errorf("runInit(force=%v) left %q; want %q", tt.force, got, tt.want)
			}
			if tt.wantCode == ExitOK && !strings.Contains(stdout.String(), "enclave plan "+file) {
				t.Errorf("runInit stdout = %q; want the next command", stdout)
			}
			if tt.wantCode == ExitUser && !strings.Contains(err.Error(), "--force") {
				t.Errorf("runInit error = %q; want a hint naming --force", err)
			}
		})
	}
}

func TestInitWritesTheBuiltInExample(t *testing.T) {
	io, _, _ := streams()
	var got *InitOptions
	cmd := NewCmdInit(io, func(o *InitOptions) error { got = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.File != DefaultSpecFile || got.Force {
		t.Errorf("init options = {File: %q, Force: %v}; want {%q, false}", got.File, got.Force, DefaultSpecFile)
	}
	if len(got.Example()) == 0 {
		t.Errorf("init's example is empty")
	}
}
