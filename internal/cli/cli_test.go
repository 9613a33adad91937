package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/diag"
)

// streams returns IO writing to two buffers.
func streams() (IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, &out, &errOut
}

func TestRunExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args       []string
		want       int
		wantStderr string
	}{
		{[]string{"version"}, ExitOK, ""},
		{[]string{"plan", "--out", filepath.Join(dir, "out")}, ExitOK, ""},
		{[]string{"bogus"}, ExitUser, `unknown command "bogus" for "enclave"`},
		{[]string{"plan", "--nope"}, ExitUser, "run 'enclave plan --help' for usage"},
		{[]string{"plan", "a.yaml", "b.yaml"}, ExitUser, "accepts at most 1 arg(s)"},
		{[]string{"plan", filepath.Join(dir, "missing.yaml")}, ExitUser, "missing.yaml: spec file not found"},
	}
	for _, tt := range tests {
		io, _, errOut := streams()
		if got := Run(tt.args, io); got != tt.want {
			t.Errorf("Run(%q) = %d; want %d (stderr %q)", tt.args, got, tt.want, errOut)
		}
		if !strings.Contains(errOut.String(), tt.wantStderr) {
			t.Errorf("Run(%q) stderr = %q; want it to contain %q", tt.args, errOut, tt.wantStderr)
		}
	}
}

func TestPrintDiagnosticsSorted(t *testing.T) {
	ds := diag.Diagnostics{
		{Severity: diag.Error, Pos: diag.Pos{File: "a.yaml", Line: 9, Col: 1}, Summary: "second"},
		{Severity: diag.Warning, Pos: diag.Pos{File: "a.yaml", Line: 2, Col: 3}, Summary: "first", Hint: "do this"},
	}
	var b bytes.Buffer
	printDiagnostics(&b, ds)
	want := "a.yaml:2:3: warning: first\n\thint: do this\na.yaml:9:1: second\n"
	if b.String() != want {
		t.Errorf("printDiagnostics(%v) = %q; want %q", ds, b.String(), want)
	}
	if ds[0].Summary != "second" {
		t.Errorf("printDiagnostics reordered its argument")
	}
}
