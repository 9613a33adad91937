package check_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
)

// diagSetting is a diagnostic setting extending thing a.
func diagSetting(name, body string) check.Resource {
	scope := thing("a", "{}")
	a := model.Address{Type: "Microsoft.Insights/diagnosticSettings", Name: name, Scope: scope.Address.String()}
	return check.Resource{Address: a, ID: scope.ID + "/providers/Microsoft.Insights/diagnosticSettings/" + name, Body: json.RawMessage(body)}
}

func TestEffects(t *testing.T) {
	isThing := `{"field": "type", "equals": "Microsoft.Test/things"}`
	aine := func(effect string) string {
		return `{"effect": "` + effect + `", "details": {"type": "Microsoft.Insights/diagnosticSettings",
			"existenceCondition": {"allOf": [
				{"field": "Microsoft.Insights/diagnosticSettings/logs.enabled", "equals": "true"},
				{"field": "Microsoft.Insights/diagnosticSettings/workspaceId", "exists": true}]}}}`
	}
	goodDiag := diagSetting("to-la", `{"properties": {"workspaceId": "/w", "logs": [{"categoryGroup": "audit", "enabled": false}, {"categoryGroup": "allLogs", "enabled": true}]}}`)
	offDiag := diagSetting("to-la", `{"properties": {"workspaceId": "/w", "logs": [{"categoryGroup": "allLogs", "enabled": false}]}}`)
	for _, tc := range []struct {
		name    string
		then    string
		extra   []check.Resource
		effect  check.Effect // "" for no finding
		message string
		changes []string
	}{
		{"deny", `{"effect": "Deny"}`, nil, check.Deny, "field type is", nil},
		{"audit", `{"effect": "audit"}`, nil, check.Audit, "field type is", nil},
		{"disabled", `{"effect": "Disabled"}`, nil, "", "", nil},
		{"denyAction only blocks deletes", `{"effect": "denyAction", "details": {"actionNames": ["delete"]}}`, nil, "", "", nil},
		{"auditIfNotExists without the related resource", aine("AuditIfNotExists"), nil, check.AuditIfNotExists, "no related Microsoft.Insights/diagnosticSettings exists", nil},
		{"auditIfNotExists with a complying one", aine("AuditIfNotExists"), []check.Resource{goodDiag}, "", "", nil},
		{"auditIfNotExists with one failing the condition", aine("AuditIfNotExists"), []check.Resource{offDiag}, check.AuditIfNotExists, "1 related Microsoft.Insights/diagnosticSettings, none meets the existence condition", nil},
		{"deployIfNotExists", aine("DeployIfNotExists"), nil, check.DeployIfNotExists, "no related", []string{"deploy Microsoft.Insights/diagnosticSettings"}},
		{"deployIfNotExists satisfied", aine("DeployIfNotExists"), []check.Resource{goodDiag}, "", "", nil},
		{"auditIfNotExists named", `{"effect": "auditIfNotExists", "details": {"type": "Microsoft.Insights/diagnosticSettings", "name": "other"}}`, []check.Resource{goodDiag}, check.AuditIfNotExists, "named other", nil},
		{"auditIfNotExists child in the resource group", `{"effect": "auditIfNotExists", "details": {"type": "Microsoft.Test/others", "existenceScope": "resourceGroup"}}`,
			[]check.Resource{{Address: model.Address{Group: "rg", Type: "Microsoft.Test/others", Name: "o"}, ID: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Test/others/o", Body: json.RawMessage(`{}`)}}, "", "", nil},
		{"modify", `{"effect": "modify", "details": {"roleDefinitionIds": [], "operations": [
			{"operation": "addOrReplace", "field": "Microsoft.Test/things/s", "value": "Disabled"},
			{"operation": "addOrReplace", "field": "tags['owner']", "value": "[concat('team-', field('name'))]"},
			{"operation": "remove", "field": "tags['env']"},
			{"operation": "add", "field": "tags['skip']", "value": "x", "condition": "[equals(field('kind'), 'Other')]"}]}}`,
			nil, check.Modify, "field type is", []string{`addOrReplace Microsoft.Test/things/s = "Disabled"`, `addOrReplace tags['owner'] = "team-a"`, "remove tags['env']"}},
		{"append", `{"effect": "append", "details": [{"field": "Microsoft.Test/things/arr[*]", "value": "d"}]}`, nil, check.Append, "field type is", []string{`append Microsoft.Test/things/arr[*] = "d"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := definition(t, isThing, tc.then, "")
			a := thing("a", thingBody)
			a.Origin = diag.Pos{File: "enclave.yaml", Line: 3, Col: 5}
			res := evaluate(t, d, nil, append([]check.Resource{a}, tc.extra...)...)
			if tc.effect == "" {
				if len(res.Findings) != 0 {
					t.Fatalf("findings = %+v; want none", res.Findings)
				}
				return
			}
			if len(res.Findings) != 1 {
				t.Fatalf("findings = %+v; want one %s", res.Findings, tc.effect)
			}
			f := res.Findings[0]
			if f.Effect != tc.effect || f.Policy != "t" || f.Resource != a.Address || f.Origin != a.Origin {
				t.Errorf("finding = %+v; want %s on %s from %s", f, tc.effect, a.Address, a.Origin)
			}
			if !strings.Contains(f.Message, tc.message) {
				t.Errorf("message = %q; want it to contain %q", f.Message, tc.message)
			}
			var changes []string
			for _, c := range f.Changes {
				changes = append(changes, c.String())
			}
			if diff := cmp.Diff(tc.changes, changes); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if len(f.Reason) == 0 {
				t.Errorf("finding has no reason")
			}
		})
	}
}

// TestReason checks that a finding explains itself with the conditions that
// decided it: for a true allOf every condition, for anyOf the one that held.
func TestReason(t *testing.T) {
	d := definition(t, `{"allOf": [
		{"field": "type", "equals": "Microsoft.Test/things"},
		{"anyOf": [
			{"field": "Microsoft.Test/things/s", "equals": "Disabled"},
			{"field": "Microsoft.Test/things/n", "greater": 3}]}]}`, "", "")
	res := evaluate(t, d, nil, thing("a", thingBody))
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v; want one", res.Findings)
	}
	want := []string{
		`field type is "Microsoft.Test/things": equals "Microsoft.Test/things" is true`,
		`field Microsoft.Test/things/n is 5: greater 3 is true`,
	}
	if diff := cmp.Diff(want, res.Findings[0].Reason); diff != "" {
		t.Errorf("reason (-want +got):\n%s", diff)
	}
	if got := res.Findings[0].Message; got != want[1] {
		t.Errorf("message = %q; want %q", got, want[1])
	}
}

// TestInlineChildren checks that subnets declared inside a virtual network
// are evaluated as resources of their own.
func TestInlineChildren(t *testing.T) {
	vnet := check.Resource{
		Address: model.Address{Group: "rg", Type: "Microsoft.Network/virtualNetworks", Name: "v"},
		ID:      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
		Body: json.RawMessage(`{"type": "Microsoft.Network/virtualNetworks", "location": "x", "properties": {"subnets": [
			{"name": "a", "properties": {"networkSecurityGroup": {"id": "/nsg"}}}, {"name": "b", "properties": {}}]}}`),
	}
	d := definition(t, `{"allOf": [{"field": "type", "equals": "Microsoft.Network/virtualNetworks/subnets"},
		{"field": "Microsoft.Network/virtualNetworks/subnets/networkSecurityGroup.id", "exists": false}]}`, "", "")
	res := evaluate(t, d, nil, vnet)
	if len(res.Findings) != 1 || res.Findings[0].Resource.Name != "v/b" {
		t.Errorf("findings = %+v; want subnet v/b", res.Findings)
	}
}
