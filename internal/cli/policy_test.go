package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/spec"
)

const ownerTagPolicy = `{"name": "owner-tag", "properties": {
	"displayName": "Key vaults should carry an owner-email tag", "mode": "Indexed",
	"policyRule": {"if": {"allOf": [
		{"field": "type", "equals": "Microsoft.KeyVault/vaults"},
		{"field": "tags['owner-email']", "exists": false}]},
	"then": {"effect": "audit"}}}}`

// TestCheckSpecExemptions: a governance.exemptions entry naming a
// --policy-dir definition by display name accepts its findings on the
// resources it selects: they are listed as exempted with the category and
// reason (table, JSON, SARIF) and check exits 0; the vault it does not
// select still fails. An entry that covers nothing is warned about.
func TestCheckSpecExemptions(t *testing.T) {
	dir := t.TempDir()
	policies := filepath.Join(dir, "policies")
	if err := os.Mkdir(policies, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(policies, "owner-tag.json"), []byte(ownerTagPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(name, selector string) string {
		entry := "  exemptions:\n" +
			"    - policy: Key vaults should carry an owner-email tag\n" +
			"      resource: " + selector + "\n" +
			"      category: Mitigated\n" +
			"      reason: the vault's owner is recorded in the team's CMDB instead\n" +
			"    - policy: owner-tag\n" +
			"      resource: Microsoft.Web/sites\n" +
			"      category: Waiver\n" +
			"      reason: no web app carries this tag policy's findings at all\n"
		src := strings.Replace(string(spec.ExampleYAML()), "  exemptions:\n", entry, 1)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	all := write("all.yaml", "Microsoft.KeyVault/vaults")
	io, stdout, stderr := streams()
	if err := runCheck(&CheckOptions{IO: io, SpecFile: all, Format: "table", FailOn: "audit", PolicyDirs: []string{policies}}); err != nil {
		t.Fatalf("runCheck(every vault exempted) = %v\n%s", err, stdout)
	}
	for _, want := range []string{"Exempted:\n", "owner-tag on rg-kodata-data:Microsoft.KeyVault/vaults/", "    Mitigated: the vault's owner is recorded in the team's CMDB instead\n", "; 3 exempted\n"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("check table lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr.String(), "warning: exemption governance.exemptions[1] covers no finding") {
		t.Errorf("check stderr = %q; want a warning about the exemption that covers nothing", stderr)
	}
	for format, want := range map[string]string{"json": `"category": "Mitigated"`, "sarif": `"justification": "Mitigated: the vault's owner`} {
		io, stdout, _ := streams()
		if err := runCheck(&CheckOptions{IO: io, SpecFile: all, Format: format, FailOn: "audit", PolicyDirs: []string{policies}}); err != nil {
			t.Fatalf("runCheck(--format %s) = %v", format, err)
		}
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("check --format %s lacks %q", format, want)
		}
	}

	one := write("one.yaml", "Microsoft.KeyVault/vaults/kv-kodata-ml-*")
	io, stdout, _ = streams()
	err := runCheck(&CheckOptions{IO: io, SpecFile: one, Format: "table", FailOn: "audit", PolicyDirs: []string{policies}})
	if code := exitCode(err); code != ExitPolicy {
		t.Fatalf("runCheck(one vault exempted) = %v (exit %d); want exit %d", err, code, ExitPolicy)
	}
	if !strings.Contains(stdout.String(), "resource: rg-kodata-data:Microsoft.KeyVault/vaults/") || !strings.Contains(stdout.String(), "; 2 exempted\n") {
		t.Errorf("check table does not fail the data vault and exempt the ML vault:\n%s", stdout)
	}
}

// TestExampleBuiltinsTriaged is the done-when on the built-in
// example: Azure's built-in definitions (../shared) and the baseline
// report no finding at or above audit that the spec's exemptions or the
// model's do not accept, and every exemption the example declares covers
// a finding, so none outlives its cause.
func TestExampleBuiltinsTriaged(t *testing.T) {
	defs := filepath.Join("..", "..", "..", "shared", "data", "azure-policy", "definitions")
	if _, err := os.Stat(defs); err != nil {
		t.Skipf("skipping: Azure's built-in definitions are not at ../shared/data/azure-policy/definitions (%v)", err)
	}
	if testing.Short() {
		t.Skip("skipping the built-in definitions in -short mode")
	}
	io, _, _ := streams()
	doc, res, err := compileSpec("", io.ErrOut)
	if err != nil {
		t.Fatal(err)
	}
	run, err := evaluatePolicy(doc, res.Graph, []string{defs}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range run.Result.AtOrAbove(check.LevelAudit) {
		t.Errorf("%s (%s) on %s: %s", f.DisplayName, f.Effect, f.Resource, f.Message)
	}
	if len(run.Unused) > 0 {
		t.Errorf("exemptions covering no finding: %v", run.Unused)
	}
	for _, e := range run.Result.Errors {
		t.Errorf("evaluation error: %v", e)
	}
	t.Logf("%d definitions over %d resources: %d findings, %d exempted, %d unsupported constructs",
		run.Result.Definitions, run.Result.Resources, len(run.Result.Findings), len(run.Result.Exempted()), len(run.Result.Unsupported))
}

// BenchmarkPlanPolicy is what plan adds for the policy baseline: the
// resources presented to the evaluator, the baseline evaluated and the
// exemptions applied.
func BenchmarkPlanPolicy(b *testing.B) {
	io, _, _ := streams()
	doc, res, err := compileSpec("", io.ErrOut)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := evaluatePolicy(doc, res.Graph, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
