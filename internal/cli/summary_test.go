package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

func TestCountResources(t *testing.T) {
	g := model.NewGraph("t", "westeurope")
	for _, r := range []model.Resource{
		&model.ResourceGroup{Meta: model.Meta{Name: "rg-b"}},
		&model.ResourceGroup{Meta: model.Meta{Name: "rg-a"}},
		&model.LogAnalyticsWorkspace{Meta: model.Meta{Name: "log-2", Group: "rg-b"}},
		&model.LogAnalyticsWorkspace{Meta: model.Meta{Name: "log-1", Group: "rg-b"}},
		&model.UserAssignedIdentity{Meta: model.Meta{Name: "id-1", Group: "rg-b"}},
		&model.UserAssignedIdentity{Meta: model.Meta{Name: "id-2", Group: "rg-a"}},
	} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	want := []groupCount{
		{group: subscriptionScope, total: 2, byType: []typeCount{{model.TypeResourceGroup, 2}}},
		{group: "rg-a", total: 1, byType: []typeCount{{model.TypeUserAssignedIdentity, 1}}},
		{group: "rg-b", total: 3, byType: []typeCount{{model.TypeUserAssignedIdentity, 1}, {model.TypeLogAnalyticsWorkspace, 2}}},
	}
	got := countResources(g)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(groupCount{}, typeCount{})); diff != "" {
		t.Errorf("countResources() (-want +got):\n%s", diff)
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		n     int
		thing string
		want  string
	}{
		{0, "resource", "0 resources"},
		{1, "resource group", "1 resource group"},
		{5, "resource group", "5 resource groups"},
	}
	for _, tt := range tests {
		if got := plural(tt.n, tt.thing); got != tt.want {
			t.Errorf("plural(%d, %q) = %q; want %q", tt.n, tt.thing, got, tt.want)
		}
	}
}
