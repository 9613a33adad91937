package check_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
)

func baselineDefs(t *testing.T) []*check.Definition {
	t.Helper()
	defs, err := check.LoadFS(baseline.FS(), baseline.Dir, "baseline:")
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

// TestModelAssignments reads the example's baseline assignment: every
// member of the initiative once, with the initiative parameters mapped to
// the members that take them.
func TestModelAssignments(t *testing.T) {
	g := exampleGraph(t)
	defs := baselineDefs(t)
	as, err := check.ModelAssignments(g, defs)
	if err != nil {
		t.Fatalf("ModelAssignments() error: %v", err)
	}
	if len(as) != len(defs) {
		t.Errorf("ModelAssignments() = %d assignments; want %d (every baseline definition once)", len(as), len(defs))
	}
	got := map[string]string{}
	for _, a := range as {
		for k, v := range a.Params {
			got[a.Definition.Name+"."+k] = string(v)
		}
	}
	want := map[string]string{
		"enclave-allowed-locations.listOfAllowedLocations": fmt.Sprintf("[%q]", g.Location),
		"enclave-storage-customer-managed-key.effect":      `"Audit"`,
		"enclave-synapse-customer-managed-key.effect":      `"Audit"`,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("ModelAssignments() %s = %s; want %s", k, got[k], v)
		}
	}
	if v := got["enclave-allowed-vm-sizes.listOfAllowedSKUs"]; !strings.HasPrefix(v, `["`) {
		t.Errorf("ModelAssignments() allowed VM sizes = %s; want the example's sizes", v)
	}

	if _, err := check.ModelAssignments(g, defs[1:]); err == nil || !strings.Contains(err.Error(), defs[0].Name) {
		t.Errorf("ModelAssignments() without %s = %v; want an error naming it", defs[0].Name, err)
	}
}

// TestModelExemptions reads the example's one exemption: the AKS cluster
// Azure Machine Learning needs local accounts on.
func TestModelExemptions(t *testing.T) {
	g := exampleGraph(t)
	es, err := check.ModelExemptions(g)
	if err != nil {
		t.Fatalf("ModelExemptions() error: %v", err)
	}
	if len(es) != 1 {
		t.Fatalf("ModelExemptions() = %v; want one", es)
	}
	e := es[0]
	if e.Policy != "enclave-aks-local-accounts" || e.Resource.Type != model.TypeManagedCluster || e.Category != model.ExemptionWaiver || e.Reason == "" {
		t.Errorf("ModelExemptions() = %+v; want a waiver of enclave-aks-local-accounts on the AKS cluster with a reason", e)
	}
}

// TestExempt: an exemption accepts the findings of its policy on its
// resource, the resource's inline children and, at a resource group, the
// group's resources; accepted findings stay reported but do not count.
func TestExempt(t *testing.T) {
	d := definition(t, `{"field": "type", "like": "Microsoft.Test/*"}`, "", "")
	a, b := thing("a", "{}"), thing("b", "{}")
	child := check.Resource{Address: a.Address.Child("parts", "p"), ID: a.ID + "/parts/p", Body: json.RawMessage(`{}`)}
	other := check.Resource{Address: model.Address{Group: "rg2", Type: "Microsoft.Test/things", Name: "c"}, ID: "/c", Body: json.RawMessage(`{}`)}
	rg := model.Address{Type: model.TypeResourceGroup, Name: "rg2"}
	for _, tc := range []struct {
		name       string
		exemptions []check.Exemption
		exempted   []string
		unused     int
	}{
		{"none", nil, nil, 0},
		{"one resource and its child", []check.Exemption{{Policy: "t", Resource: a.Address, Category: model.ExemptionMitigated, Reason: "r"}},
			[]string{a.Address.String(), child.Address.String()}, 0},
		{"a resource group", []check.Exemption{{Policy: "t", Resource: rg, Category: model.ExemptionWaiver, Reason: "r"}},
			[]string{other.Address.String()}, 0},
		{"another policy covers nothing", []check.Exemption{{Policy: "u", Resource: b.Address, Category: model.ExemptionWaiver, Reason: "r"}},
			nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := evaluate(t, d, nil, a, b, child, other)
			if len(res.Findings) != 4 {
				t.Fatalf("Evaluate() = %d findings; want 4", len(res.Findings))
			}
			unused := res.Exempt(tc.exemptions)
			if len(unused) != tc.unused {
				t.Errorf("Exempt() unused = %v; want %d", unused, tc.unused)
			}
			var got []string
			for _, f := range res.Exempted() {
				got = append(got, f.Resource.String())
				if f.Exemption.Reason != "r" {
					t.Errorf("exempted finding %s has exemption %+v", f.Resource, f.Exemption)
				}
			}
			if diff := cmp.Diff(tc.exempted, got); diff != "" {
				t.Errorf("Exempted() (-want +got):\n%s", diff)
			}
			if n := len(res.AtOrAbove(check.LevelAudit)); n != 4-len(tc.exempted) {
				t.Errorf("AtOrAbove(audit) = %d findings; want %d (exempted ones do not count)", n, 4-len(tc.exempted))
			}
		})
	}
}
