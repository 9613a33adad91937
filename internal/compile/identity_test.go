package compile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

func TestCustomRoleDefinitions(t *testing.T) {
	g := platformExample(t, nil).g
	defs := model.All[*model.RoleDefinition](g)
	var got []string
	for _, d := range defs {
		got = append(got, d.RoleName)
		if d.Group != "" {
			t.Errorf("role %s is in group %q; want the subscription", d.RoleName, d.Group)
		}
		var scopes []string
		for _, s := range d.AssignableScopes {
			scopes = append(scopes, s.Name)
		}
		slices.Sort(scopes)
		want := []string{"rg-kodata-apps", "rg-kodata-data", "rg-kodata-ml", "rg-kodata-network", "rg-kodata-ops"}
		if diff := cmp.Diff(want, scopes); diff != "" {
			t.Errorf("%s assignable scopes (-want +got):\n%s", d.RoleName, diff)
		}
		if slices.Contains(d.Actions, "*") && !slices.Contains(d.NotActions, "Microsoft.Authorization/*/Write") {
			t.Errorf("%s allows everything including granting access", d.RoleName)
		}
	}
	slices.Sort(got)
	if diff := cmp.Diff([]string{"kodata Data Engineer", "kodata Data Scientist", "kodata Platform Admin"}, got); diff != "" {
		t.Errorf("custom roles (-want +got):\n%s", diff)
	}
}

func TestCustomRoleNamesAreStable(t *testing.T) {
	a := platformNames[*model.RoleDefinition](platformExample(t, nil).g)
	b := platformNames[*model.RoleDefinition](platformExample(t, nil).g)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("role definition names differ between runs (-first +second):\n%s", diff)
	}
}

// The identity builder grants each team group its custom role, and access
// to the ML workspace, the data lake and Data Factory when they exist.
func TestPersonaGrants(t *testing.T) {
	base := []string{
		"rg-kodata-apps: kodata Platform Admin -> admins",
		"rg-kodata-data: kodata Data Engineer -> dataEngineers",
		"rg-kodata-data: kodata Platform Admin -> admins",
		"rg-kodata-ml: kodata Data Scientist -> dataScientists",
		"rg-kodata-ml: kodata Platform Admin -> admins",
		"rg-kodata-network: kodata Platform Admin -> admins",
		"rg-kodata-ops: kodata Platform Admin -> admins",
	}
	for _, tc := range []struct {
		name  string
		edit  func(d *spec.Document)
		extra func(c *ctx) []string
	}{
		{"services absent", noServices, func(*ctx) []string { return nil }},
		{"workspace, lake and factory present", nil, func(c *ctx) []string {
			factories := c.refsOf("Microsoft.DataFactory/factories")
			if len(factories) != 1 {
				t.Fatalf("%d data factories; want 1", len(factories))
			}
			return []string{
				factories[0].Leaf() + ": Data Factory Contributor -> dataEngineers",
				c.mlWorkspace.Leaf() + ": AzureML Data Scientist -> dataScientists",
				c.adls.Leaf() + ": Storage Blob Data Contributor -> dataEngineers",
				c.adls.Leaf() + ": Storage Blob Data Reader -> dataScientists",
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, tc.edit)
			var got []string
			for _, ra := range model.All[*model.RoleAssignment](c.g) {
				if ra.Capability == "identity" {
					got = append(got, grantString(ra))
				}
			}
			slices.Sort(got)
			want := append(slices.Clone(base), tc.extra(c)...)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("grants (-want +got):\n%s", diff)
			}
		})
	}
}
