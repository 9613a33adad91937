package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
)

func TestNewCmdPlan(t *testing.T) {
	tests := []struct {
		args    string
		want    PlanOptions
		wantErr bool
	}{
		{args: "", want: PlanOptions{OutDir: "out"}},
		{args: "team.yaml", want: PlanOptions{SpecFile: "team.yaml", OutDir: "out"}},
		{args: "team.yaml --out build", want: PlanOptions{SpecFile: "team.yaml", OutDir: "build"}},
		{args: "--out=build", want: PlanOptions{OutDir: "build"}},
		{args: "a.yaml b.yaml", wantErr: true},
	}
	for _, tt := range tests {
		io, _, _ := streams()
		var got *PlanOptions
		cmd := NewCmdPlan(io, func(o *PlanOptions) error { got = o; return nil })
		cmd.SetArgs(strings.Fields(tt.args))
		cmd.SetOut(io.Out)
		cmd.SetErr(io.ErrOut)
		err := cmd.Execute()
		if tt.wantErr {
			if err == nil {
				t.Errorf("plan %s: err = nil; want an error", tt.args)
			}
			continue
		}
		if err != nil {
			t.Fatalf("plan %s: %v", tt.args, err)
		}
		if diff := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(PlanOptions{}, "IO", "CacheDir")); diff != "" {
			t.Errorf("plan %s options (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestRunPlanExample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	run := func() (string, []byte, []byte) {
		io, stdout, stderr := streams()
		if err := runPlan(&PlanOptions{IO: io, OutDir: out}); err != nil {
			t.Fatalf("runPlan(example) = %v", err)
		}
		if stderr.Len() != 0 {
			t.Errorf("runPlan(example) stderr = %q; want nothing", stderr)
		}
		tpl, err := os.ReadFile(filepath.Join(out, "arm", "azuredeploy.json"))
		if err != nil {
			t.Fatal(err)
		}
		params, err := os.ReadFile(filepath.Join(out, "arm", "azuredeploy.parameters.json"))
		if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), tpl, params
	}
	sum1, tpl1, params1 := run()
	sum2, tpl2, params2 := run()
	if sum1 != sum2 || string(tpl1) != string(tpl2) || string(params1) != string(params2) {
		t.Errorf("two runs of plan on the built-in example differ")
	}
	for _, want := range []string{"kodata in australiaeast from <built-in example>: ", "\nResources\n", "\nAddress plan 10.60.0.0/20\n", "\nFiles written\n", "azuredeploy.parameters.json"} {
		if !strings.Contains(sum1, want) {
			t.Errorf("plan summary lacks %q:\n%s", want, sum1)
		}
	}
}

func TestRunPlanErrorWritesNothing(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(spec, []byte("name: x\nnot-a-field: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	io, stdout, _ := streams()
	err := runPlan(&PlanOptions{IO: io, SpecFile: spec, OutDir: out})
	if code := exitCode(err); code != ExitUser {
		t.Errorf("runPlan(bad spec) = %v (exit %d); want exit %d", err, code, ExitUser)
	}
	if stdout.Len() != 0 {
		t.Errorf("runPlan(bad spec) printed %q; want nothing on stdout", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("runPlan(bad spec) created %s", out)
	}
}

// exitCode returns the code Run would exit with for err.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	if ee, ok := err.(*exitError); ok {
		return ee.code
	}
	return -1
}

// TestRunPlanFailsOnPolicyFindings: a baseline finding at or above audit
// that no exemption accepts makes plan exit 4, print the finding and write
// nothing.
func TestRunPlanFailsOnPolicyFindings(t *testing.T) {
	strict, err := check.ParseDefinition([]byte(`{"name": "enclave-test-owner-tag", "properties": {
		"displayName": "Key vaults should carry an absent tag", "mode": "Indexed",
		"policyRule": {"if": {"allOf": [
			{"field": "type", "equals": "Microsoft.KeyVault/vaults"},
			{"field": "tags['enclave-test-absent']", "exists": false}]},
		"then": {"effect": "audit"}}}}`), "test.json")
	if err != nil {
		t.Fatal(err)
	}
	saved := baselineAssignments
	t.Cleanup(func() { baselineAssignments = saved })
	baselineAssignments = func(g *model.Graph) ([]check.Assignment, error) {
		as, err := saved(g)
		return append(as, check.Assignment{Definition: strict}), err
	}
	out := filepath.Join(t.TempDir(), "out")
	io, stdout, stderr := streams()
	err = runPlan(&PlanOptions{IO: io, OutDir: out})
	if code := exitCode(err); code != ExitPolicy {
		t.Fatalf("runPlan(strict baseline) = %v (exit %d); want exit %d", err, code, ExitPolicy)
	}
	if !strings.Contains(stderr.String(), "Key vaults should carry an absent tag (enclave-test-owner-tag)") {
		t.Errorf("runPlan(strict baseline) stderr lacks the finding:\n%s", stderr)
	}
	if strings.Contains(stderr.String(), "enclave-aks-local-accounts") {
		t.Errorf("runPlan(strict baseline) printed an exempted finding:\n%s", stderr)
	}
	if stdout.Len() != 0 {
		t.Errorf("runPlan(strict baseline) printed %q; want nothing on stdout", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("runPlan(strict baseline) created %s", out)
	}
}

// TestRunPlanListsFindingsInDocs: the docs plan writes list the check
// results: no findings, and the exempted AKS local accounts.
func TestRunPlanListsFindingsInDocs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	io, _, _ := streams()
	if err := runPlan(&PlanOptions{IO: io, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join("docs", "README.md"), "report.html"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"No findings.", "enclave-aks-local-accounts", "Waiver: The Azure Machine Learning extension", "Declared exemptions", "Network Watcher should be enabled"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %q", f, want)
			}
		}
		if strings.Contains(string(b), "Not evaluated: this run did not check") {
			t.Errorf("%s says check did not run", f)
		}
	}
}

// BenchmarkPlan runs plan on the built-in example end to end.
func BenchmarkPlan(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out")
	for b.Loop() {
		io, _, _ := streams()
		if err := runPlan(&PlanOptions{IO: io, OutDir: out}); err != nil {
			b.Fatal(err)
		}
	}
}
