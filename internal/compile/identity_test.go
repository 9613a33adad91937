package compile

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

func TestCustomRoleDefinitions(t *testing.T) {
	g := platformExample(t, nil, nil).g
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
	a := platformNames[*model.RoleDefinition](platformExample(t, nil, nil).g)
	b := platformNames[*model.RoleDefinition](platformExample(t, nil, nil).g)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("role definition names differ between runs (-first +second):\n%s", diff)
	}
}

func TestPersonaGrants(t *testing.T) {
	withData := func(c *ctx) {
		c.mlWorkspace = platformAddStandIn(c, "Microsoft.MachineLearningServices/workspaces", c.rg(RGML), "mlw-kodata")
		c.adls = platformAddStandIn(c, "Microsoft.Storage/storageAccounts", c.rg(RGData), "stkodatalake")
		platformAddStandIn(c, "Microsoft.DataFactory/factories", c.rg(RGData), "adf-kodata")
	}
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
		name   string
		preset func(c *ctx)
		extra  []string
	}{
		{"services absent", nil, nil},
		{"workspace, lake and factory present", withData, []string{
			"adf-kodata: Data Factory Contributor -> dataEngineers",
			"mlw-kodata: AzureML Data Scientist -> dataScientists",
			"stkodatalake: Storage Blob Data Contributor -> dataEngineers",
			"stkodatalake: Storage Blob Data Reader -> dataScientists",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, g := range platformGrants(platformExample(t, nil, tc.preset).g) {
				if !strings.Contains(g, "Virtual Machine") && !strings.Contains(g, "Log Analytics Contributor") {
					got = append(got, g)
				}
			}
			want := append(slices.Clone(base), tc.extra...)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("grants (-want +got):\n%s", diff)
			}
		})
	}
}
