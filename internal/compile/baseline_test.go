package compile

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/policy/baseline"
	"github.com/enclave-dev/enclave/internal/spec"
)

func TestBaselineDefinitionsAndInitiative(t *testing.T) {
	g := mustCompileDoc(t, spec.Example()).Graph
	defs, err := baseline.Load()
	if err != nil {
		t.Fatal(err)
	}
	got := model.All[*model.PolicyDefinition](g)
	if len(got) != len(defs) {
		t.Fatalf("model has %d policy definitions; want the %d of the baseline", len(got), len(defs))
	}
	for i, d := range got {
		want := defs[i]
		if d.Name != want.Name || d.Group != "" || d.Mode != want.Properties.Mode || !slices.Equal(d.Controls, want.Properties.Metadata.Controls) {
			t.Errorf("definition %d = %s in %q (mode %s, controls %v); want %s at the subscription", i, d.Name, d.Group, d.Mode, d.Controls, want.Name)
		}
		if !json.Valid(d.Rule) || !json.Valid(d.Parameters) {
			t.Errorf("%s: rule or parameters are not JSON", d.Name)
		}
	}
	sets := model.All[*model.PolicySetDefinition](g)
	if len(sets) != 1 {
		t.Fatalf("model has %d initiatives; want 1", len(sets))
	}
	set := sets[0]
	if len(set.Members) != len(defs) {
		t.Errorf("initiative has %d members; want %d", len(set.Members), len(defs))
	}
	groups := map[string]bool{}
	for _, gr := range set.Groups {
		groups[gr.Name] = true
	}
	refs := map[string]bool{}
	for _, m := range set.Members {
		if refs[m.ReferenceID] {
			t.Errorf("reference ID %s used twice", m.ReferenceID)
		}
		refs[m.ReferenceID] = true
		if _, ok := g.Get(m.Definition.Address); !ok {
			t.Errorf("member %s refers to %s, which is not in the model", m.ReferenceID, m.Definition)
		}
		for _, gn := range m.Groups {
			if !groups[gn] {
				t.Errorf("member %s is in group %s, which the initiative does not declare", m.ReferenceID, gn)
			}
		}
	}
}

// baselineAssignments returns the assignments of the initiative by group.
func baselineAssignments(t *testing.T, g *model.Graph) map[string]*model.PolicyAssignment {
	t.Helper()
	out := map[string]*model.PolicyAssignment{}
	set := model.Address{Type: model.TypePolicySetDefinition, Name: baselineSetName}
	for _, pa := range model.All[*model.PolicyAssignment](g) {
		if pa.Definition.Address == set {
			out[pa.Group] = pa
		}
	}
	return out
}

func TestBaselineAssignedToEveryResourceGroup(t *testing.T) {
	g := mustCompileDoc(t, spec.Example()).Graph
	got := baselineAssignments(t, g)
	var groups []string
	for _, rg := range model.All[*model.ResourceGroup](g) {
		groups = append(groups, rg.Name)
		pa := got[rg.Name]
		if pa == nil {
			t.Errorf("resource group %s has no baseline assignment", rg.Name)
			continue
		}
		want := []model.PolicyParameter{
			{Name: setLocations, Strings: []string{"australiaeast"}},
			{Name: setCMKEffect, String: "Audit"},
			{Name: setVMSizes, Strings: []string{"Standard_D4s_v5", "Standard_NC4as_T4_v3"}},
		}
		if diff := cmp.Diff(want, pa.Parameters); diff != "" {
			t.Errorf("%s assignment parameters (-want +got):\n%s", rg.Name, diff)
		}
	}
	if len(got) != len(groups) {
		t.Errorf("baseline assigned to %d scopes; want the %d resource groups %v", len(got), len(groups), groups)
	}
	for _, name := range subscriptionDefinitions {
		found := false
		for _, pa := range model.All[*model.PolicyAssignment](g) {
			if pa.Group == "" && pa.Definition.Name == name {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not assigned at the subscription", name)
		}
	}
}

func TestBaselineFollowsSpec(t *testing.T) {
	d := spec.Example()
	d.Governance.CustomerManagedKeys = false
	d.Governance.AllowedLocations = []string{"australiaeast", "australiasoutheast"}
	d.Governance.AllowedVMSizes = []string{"Standard_D4s_v5", "Standard_NC4as_T4_v3", "Standard_E8s_v5"}
	g := mustCompileDoc(t, d).Graph
	for rg, pa := range baselineAssignments(t, g) {
		want := []model.PolicyParameter{
			{Name: setLocations, Strings: d.Governance.AllowedLocations},
			{Name: setCMKEffect, String: "Disabled"},
			{Name: setVMSizes, Strings: d.Governance.AllowedVMSizes},
		}
		if diff := cmp.Diff(want, pa.Parameters); diff != "" {
			t.Errorf("%s assignment parameters (-want +got):\n%s", rg, diff)
		}
	}
}

func TestWorkstationsCarryWorkloadTag(t *testing.T) {
	g := mustCompileDoc(t, spec.Example()).Graph
	n := 0
	for _, vm := range model.All[*model.VirtualMachine](g) {
		got := vm.Tags[WorkloadTag]
		want := ""
		if vm.Member != "" {
			want, n = WorkloadWorkstation, n+1
		}
		if got != want {
			t.Errorf("%s (member %q) tag %s = %q; want %q", vm.Name, vm.Member, WorkloadTag, got, want)
		}
		if vm.Tags["environment"] != "kodata" {
			t.Errorf("%s lost the environment tags: %v", vm.Name, vm.Tags)
		}
	}
	if n == 0 {
		t.Error("no workstation in the example")
	}
	if !strings.HasPrefix(WorkloadTag, "enclave-") {
		t.Errorf("WorkloadTag = %q; want an enclave- prefix", WorkloadTag)
	}
}

func TestAttachedClusterExemptFromLocalAccounts(t *testing.T) {
	for _, tc := range []struct {
		name string
		ml   bool
		want int
	}{
		{"attached to Azure ML", true, 1},
		{"without Azure ML", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := spec.Example()
			if !tc.ml {
				off := false
				d.Services.MachineLearning.Enabled = &off
			}
			g := mustCompileDoc(t, d).Graph
			ex := model.All[*model.PolicyExemption](g)
			if len(ex) != tc.want {
				t.Fatalf("exemptions = %d; want %d", len(ex), tc.want)
			}
			for _, e := range ex {
				k, ok := model.Lookup[*model.ManagedCluster](g, e.Scope)
				if !ok || k.LocalAccountsDisabled {
					t.Errorf("exemption %s is scoped to %s; want a cluster with local accounts", e.Name, e.Scope)
				}
				pa, ok := model.Lookup[*model.PolicyAssignment](g, e.Assignment)
				if !ok || pa.Definition.Name != baselineSetName || pa.Group != e.Group {
					t.Errorf("exemption %s names assignment %s; want the baseline assignment of %s", e.Name, e.Assignment, e.Group)
				}
				if !slices.Equal(e.ReferenceIDs, []string{aksLocalAccountsRef}) || e.Category != model.ExemptionWaiver {
					t.Errorf("exemption %s = %v (%s); want a waiver of %s", e.Name, e.ReferenceIDs, e.Category, aksLocalAccountsRef)
				}
			}
		})
	}
}
