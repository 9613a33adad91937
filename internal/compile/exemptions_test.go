package compile

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// TestSpecExemptionsRendered: governance.exemptions of an assigned policy
// become policy exemptions on the selected resources (a baseline member by
// display name, on its resource group's initiative assignment; a built-in
// assigned by GUID, on that assignment; a baseline member with no
// selector, at each resource group); an exemption of a policy the
// environment does not assign renders nothing.
func TestSpecExemptionsRendered(t *testing.T) {
	d := spec.Example()
	d.Governance.Exemptions = []spec.PolicyExemption{
		{Policy: "Key vaults should have purge protection enabled", Resource: "Microsoft.KeyVault/vaults/kv-kodata-ml-*", Category: spec.ExemptionWaiver, Reason: "a test waiver for one vault"},
		{Policy: policyNoPublicIPOnNIC, Resource: "Microsoft.Network/networkInterfaces/nic-kodata-ds1*", Category: spec.ExemptionMitigated, Reason: "a test mitigation for one NIC"},
		{Policy: "enclave-allowed-locations", Category: spec.ExemptionWaiver, Reason: "a test waiver for every resource group"},
		{Policy: "Audit usage of custom RBAC roles", Category: spec.ExemptionMitigated, Reason: "a built-in the environment does not assign"},
	}
	g := mustCompileDoc(t, d).Graph
	type row struct{ Name, Group, Scope, Assignment, Category string }
	var got []row
	refs := map[string][]string{}
	for _, e := range model.All[*model.PolicyExemption](g) {
		if e.Name == "pex-kodata-aks-local-accounts" {
			continue // compile's own
		}
		got = append(got, row{e.Name, e.Group, e.Scope.Address.Name, e.Assignment.Name, string(e.Category)})
		refs[e.Name] = e.ReferenceIDs
		if e.Description == "" || e.DisplayName == "" {
			t.Errorf("exemption %s on %s lacks a reason or display name", e.Name, e.Scope)
		}
	}
	var want []row
	for _, rg := range model.All[*model.ResourceGroup](g) {
		want = append(want, row{"pex-kodata-spec-2", rg.Name, "", "pa-kodata-baseline", "Waiver"})
	}
	want = append(want,
		row{"pex-kodata-spec-0", "rg-kodata-ml", firstName(t, g, model.TypeKeyVault, "kv-kodata-ml-"), "pa-kodata-baseline", "Waiver"},
		row{"pex-kodata-spec-1", "rg-kodata-ml", firstName(t, g, model.TypeNetworkInterface, "nic-kodata-ds1"), "pa-kodata-no-public-ip-on-nic", "Mitigated"},
	)
	byName := func(a, b row) int { return strings.Compare(a.Name+"|"+a.Group, b.Name+"|"+b.Group) }
	slices.SortFunc(got, byName)
	slices.SortFunc(want, byName)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exemptions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"key-vault-purge-protection"}, refs["pex-kodata-spec-0"]); diff != "" {
		t.Errorf("baseline exemption reference IDs (-want +got):\n%s", diff)
	}
	if refs["pex-kodata-spec-1"] != nil {
		t.Errorf("built-in exemption reference IDs = %v; want none", refs["pex-kodata-spec-1"])
	}
}

// firstName returns the name of the one resource of typ whose name starts
// with prefix.
func firstName(t *testing.T, g *model.Graph, typ model.Type, prefix string) string {
	t.Helper()
	var out []string
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		if a.Type == typ && strings.HasPrefix(a.Name, prefix) {
			out = append(out, a.Name)
		}
	}
	if len(out) != 1 {
		t.Fatalf("resources of %s named %s*: %v; want one", typ, prefix, out)
	}
	return out[0]
}

// TestSpecExemptionUnknownBaselineName: an exemption naming an enclave-
// definition the baseline lacks is an error at its policy key.
func TestSpecExemptionUnknownBaselineName(t *testing.T) {
	d := spec.Example()
	d.Governance.Exemptions = append(d.Governance.Exemptions, spec.PolicyExemption{Policy: "enclave-no-such-rule", Category: spec.ExemptionWaiver, Reason: "a test of a misspelt name"})
	_, ds, err := Compile(d)
	if err != nil {
		t.Fatal(err)
	}
	if !ds.HasErrors() || !strings.Contains(ds.Error(), `enclave's baseline has no definition "enclave-no-such-rule"`) {
		t.Errorf("Compile(exemption of enclave-no-such-rule) diagnostics = %v; want an error naming it", ds)
	}
}
