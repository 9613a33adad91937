package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func sample() *report.Report {
	return &report.Report{
		Tool: "enclave", Version: "(devel)", Evaluated: 3, Targets: 10,
		Rules: []report.Rule{
			{ID: "pna", Name: "Storage accounts should disable public network access", Description: "Disable public network access.", Help: "Set publicNetworkAccess to Disabled.", Tags: []string{"NS-2"}},
			{ID: "diag", Name: "Resource logs should be enabled"},
			{ID: "unused", Name: "A rule nothing broke"},
		},
		Findings: []report.Finding{
			{RuleID: "pna", Kind: "Deny", Severity: report.Error, Target: "rg-data:Microsoft.Storage/storageAccounts/st1", TargetID: "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st1",
				Message: `field publicNetworkAccess is "Enabled"`, Reason: []string{"field type is storage", `field publicNetworkAccess is "Enabled"`}, Pos: diag.Pos{File: "enclave.yaml", Line: 12, Col: 3}},
			{RuleID: "diag", Kind: "DeployIfNotExists", Severity: report.Info, Target: "rg-data:Microsoft.KeyVault/vaults/kv1",
				Message: "no related Microsoft.Insights/diagnosticSettings exists", Changes: []string{"deploy Microsoft.Insights/diagnosticSettings"}},
			{RuleID: "pna", Kind: "Audit", Severity: report.Warning, Target: "rg-data:Microsoft.Storage/storageAccounts/st2",
				Message: `field publicNetworkAccess is "Enabled"`, Suppression: &report.Suppression{Name: "pex-st2", Category: "Mitigated", Reason: "reached only through the firewall"}},
		},
		Unsupported: []report.Note{{RuleID: "k8s", Source: "defs/k8s.json", Subject: "mode Microsoft.Kubernetes.Data", Detail: "in-cluster objects"}},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test ./internal/report -update):\n%s", name, diff)
	}
}

func TestWriters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *report.Report) error
	}{
		{"table.txt", func(b *bytes.Buffer, r *report.Report) error { return report.WriteTable(b, r) }},
		{"report.json", func(b *bytes.Buffer, r *report.Report) error { return report.WriteJSON(b, r) }},
		{"report.sarif", func(b *bytes.Buffer, r *report.Report) error { return report.WriteSARIF(b, r) }},
	} {
		var b bytes.Buffer
		if err := tc.write(&b, sample()); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.name, b.Bytes())
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Evaluated int `json:"evaluated"`
		Findings  []struct {
			Policy, Resource, Effect, Message string
		} `json:"findings"`
		Unsupported []map[string]string `json:"unsupported"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Evaluated != 3 || len(got.Findings) != 2 || got.Findings[0].Policy != "pna" || got.Findings[0].Effect != "Deny" ||
		got.Findings[0].Resource == "" || got.Findings[0].Message == "" || len(got.Unsupported) != 1 {
		t.Errorf("WriteJSON = %s", b.String())
	}
}

// TestSARIFStructure validates the SARIF 2.1.0 log structurally.
func TestSARIFStructure(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, sample()); err != nil {
		t.Fatal(err)
	}
	for _, p := range ValidateSARIF(b.Bytes()) {
		t.Error(p)
	}
	// An empty report is valid too: results is an empty array.
	b.Reset()
	if err := report.WriteSARIF(&b, &report.Report{Tool: "enclave"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range ValidateSARIF(b.Bytes()) {
		t.Errorf("empty report: %s", p)
	}
}

// ValidateSARIF checks what SARIF 2.1.0 requires of a log enclave writes:
// version and runs; a driver with a name; rules with ids, descriptions and
// help; results with a message, a known level, a ruleId naming a declared
// rule at ruleIndex, and locations with a URI and a 1-based region.
func ValidateSARIF(data []byte) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, sprintf(format, args...))
	}
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	if log["version"] != "2.1.0" {
		bad("version = %v; want 2.1.0", log["version"])
	}
	if s, _ := log["$schema"].(string); s == "" {
		bad("$schema missing")
	}
	runs, ok := log["runs"].([]any)
	if !ok || len(runs) == 0 {
		return append(problems, "runs missing")
	}
	for _, r := range runs {
		run := r.(map[string]any)
		driver, _ := dig(run, "tool", "driver").(map[string]any)
		if driver == nil {
			bad("run.tool.driver missing")
			continue
		}
		if n, _ := driver["name"].(string); n == "" {
			bad("driver.name missing")
		}
		rules, _ := driver["rules"].([]any)
		ids := map[string]int{}
		for i, ru := range rules {
			m := ru.(map[string]any)
			id, _ := m["id"].(string)
			if id == "" {
				bad("rule %d has no id", i)
			}
			if _, dup := ids[id]; dup {
				bad("rule id %q twice", id)
			}
			ids[id] = i
			if s, _ := dig(m, "shortDescription", "text").(string); s == "" {
				bad("rule %s has no shortDescription.text", id)
			}
			if s, _ := dig(m, "help", "text").(string); s == "" {
				bad("rule %s has no help.text", id)
			}
		}
		results, ok := run["results"].([]any)
		if !ok {
			bad("run.results missing")
		}
		for i, re := range results {
			m := re.(map[string]any)
			id, _ := m["ruleId"].(string)
			idx, hasIdx := m["ruleIndex"].(float64)
			if want, ok := ids[id]; !ok {
				bad("result %d refers to undeclared rule %q", i, id)
			} else if hasIdx && int(idx) != want {
				bad("result %d ruleIndex %v; rule %q is at %d", i, idx, id, want)
			}
			if s, _ := dig(m, "message", "text").(string); s == "" {
				bad("result %d has no message.text", i)
			}
			switch m["level"] {
			case "none", "note", "warning", "error":
			default:
				bad("result %d level %v", i, m["level"])
			}
			sups, _ := m["suppressions"].([]any)
			for _, sp := range sups {
				sm, _ := sp.(map[string]any)
				switch sm["kind"] {
				case "inSource", "external":
				default:
					bad("result %d suppression kind %v; want inSource or external", i, sm["kind"])
				}
				switch sm["status"] {
				case nil, "accepted", "underReview", "rejected":
				default:
					bad("result %d suppression status %v", i, sm["status"])
				}
			}
			locs, _ := m["locations"].([]any)
			for _, l := range locs {
				lm := l.(map[string]any)
				if pl, ok := lm["physicalLocation"].(map[string]any); ok {
					if u, _ := dig(pl, "artifactLocation", "uri").(string); u == "" {
						bad("result %d physicalLocation without artifactLocation.uri", i)
					}
					if reg, ok := pl["region"].(map[string]any); ok {
						if line, _ := reg["startLine"].(float64); line < 1 {
							bad("result %d region.startLine %v", i, reg["startLine"])
						}
					}
				}
				if _, ok := lm["physicalLocation"]; !ok {
					if _, ok := lm["logicalLocations"]; !ok {
						bad("result %d location with neither physical nor logical location", i)
					}
				}
			}
		}
	}
	return problems
}

func dig(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}
