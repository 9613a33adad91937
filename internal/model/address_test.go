package model_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

var (
	vnetAddr   = model.Address{Group: "rg-net", Type: model.TypeVirtualNetwork, Name: "vnet-hub"}
	subnetAddr = model.Address{Group: "rg-net", Type: model.TypeVirtualNetwork + "/subnets", Name: "vnet-hub/snet-pe"}
	rgAddr     = model.Address{Type: model.TypeResourceGroup, Name: "rg-net"}
	diagAddr   = model.Address{Group: "rg-net", Type: model.TypeDiagnosticSetting, Name: "to-log", Scope: vnetAddr.String()}
)

func TestTypeParts(t *testing.T) {
	tests := []struct {
		typ       model.Type
		namespace string
		segments  []string
		parent    model.Type
	}{
		{model.TypeVirtualNetwork, "Microsoft.Network", []string{"virtualNetworks"}, ""},
		{"Microsoft.Network/virtualNetworks/subnets", "Microsoft.Network", []string{"virtualNetworks", "subnets"}, model.TypeVirtualNetwork},
		{"Microsoft.Storage/storageAccounts/blobServices/containers", "Microsoft.Storage",
			[]string{"storageAccounts", "blobServices", "containers"}, "Microsoft.Storage/storageAccounts/blobServices"},
	}
	for _, tt := range tests {
		if got := tt.typ.Namespace(); got != tt.namespace {
			t.Errorf("Type(%q).Namespace() = %q; want %q", tt.typ, got, tt.namespace)
		}
		if got := tt.typ.Segments(); !cmp.Equal(got, tt.segments) {
			t.Errorf("Type(%q).Segments() = %q; want %q", tt.typ, got, tt.segments)
		}
		if got := tt.typ.Parent(); got != tt.parent {
			t.Errorf("Type(%q).Parent() = %q; want %q", tt.typ, got, tt.parent)
		}
	}
}

func TestAddressString(t *testing.T) {
	tests := []struct {
		a    model.Address
		want string
	}{
		{vnetAddr, "rg-net:Microsoft.Network/virtualNetworks/vnet-hub"},
		{subnetAddr, "rg-net:Microsoft.Network/virtualNetworks/subnets/vnet-hub/snet-pe"},
		{rgAddr, "Microsoft.Resources/resourceGroups/rg-net"},
		{diagAddr, "rg-net:Microsoft.Network/virtualNetworks/vnet-hub/ext:Microsoft.Insights/diagnosticSettings/to-log"},
	}
	for _, tt := range tests {
		if got := tt.a.String(); got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.a, got, tt.want)
		}
	}
}

func TestAddressLess(t *testing.T) {
	kvAddr := model.Address{Group: "rg-data", Type: "Microsoft.KeyVault/vaults", Name: "kv"}
	otherDiag := diagAddr
	otherDiag.Scope = "rg-net:Microsoft.Network/virtualNetworks/vnet-spoke"
	got := []model.Address{otherDiag, subnetAddr, diagAddr, vnetAddr, kvAddr, rgAddr}
	slices.SortFunc(got, func(a, b model.Address) int {
		switch {
		case a.Less(b):
			return -1
		case b.Less(a):
			return 1
		}
		return 0
	})
	// Group first (subscription level sorts first), then type, name, scope.
	want := []model.Address{rgAddr, kvAddr, diagAddr, otherDiag, vnetAddr, subnetAddr}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sorted by Less (-want +got):\n%s", diff)
	}
	if vnetAddr.Less(vnetAddr) {
		t.Errorf("%v.Less(itself) = true; want false", vnetAddr)
	}
}

func TestAddressParentAndChild(t *testing.T) {
	if got := vnetAddr.Child("subnets", "snet-pe"); got != subnetAddr {
		t.Errorf("%v.Child(subnets, snet-pe) = %v; want %v", vnetAddr, got, subnetAddr)
	}
	tests := []struct {
		a, want model.Address
	}{
		{subnetAddr, vnetAddr},
		{vnetAddr, model.Address{}},
		{rgAddr, model.Address{}},
		// A child type whose name lacks the parent segment has no parent.
		{model.Address{Group: "g", Type: "Microsoft.Network/virtualNetworks/subnets", Name: "orphan"}, model.Address{}},
		{vnetAddr.Child("subnets", "a").Child("x", "y"), vnetAddr.Child("subnets", "a")},
	}
	for _, tt := range tests {
		if got := tt.a.Parent(); got != tt.want {
			t.Errorf("%v.Parent() = %v; want %v", tt.a, got, tt.want)
		}
	}
	if got := subnetAddr.Leaf(); got != "snet-pe" {
		t.Errorf("%v.Leaf() = %q; want snet-pe", subnetAddr, got)
	}
	if got := subnetAddr.Names(); !cmp.Equal(got, []string{"vnet-hub", "snet-pe"}) {
		t.Errorf("%v.Names() = %q; want [vnet-hub snet-pe]", subnetAddr, got)
	}
}
