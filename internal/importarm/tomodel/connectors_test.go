package tomodel_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

// TestRoundTripConnectors renders the linked service connectors the
// example does not use and checks they import unchanged.
func TestRoundTripConnectors(t *testing.T) {
	const grp = "rg-data"
	g := model.NewGraph("connectors", "westeurope")
	factory := &model.DataFactory{Meta: model.Meta{Name: "adf-lab", Group: grp, Location: "westeurope"}, Identity: model.Identity{SystemAssigned: true}, PublicNetworkAccess: model.PublicDisabled}
	ls := func(name string) model.Ref { return model.AddressOf(factory).Child("linkedservices", name).Ref() }
	ir := &model.IntegrationRuntime{Meta: model.Meta{Name: "adf-lab/ir-shir", Group: grp}, SelfHosted: &model.SelfHostedRuntime{}}
	secret := model.LinkedSecret{Store: ls("ls-vault"), Name: "db-password"}
	resources := []model.Resource{
		&model.ResourceGroup{Meta: model.Meta{Name: grp, Location: "westeurope"}},
		factory, ir,
		&model.KeyVault{Meta: model.Meta{Name: "kv-lab", Group: grp, Location: "westeurope"}, SKU: model.VaultStandard, PublicNetworkAccess: model.PublicDisabled,
			NetworkACL: model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassNone}, RBACAuthorization: true, SoftDeleteRetentionDays: 7},
		&model.LinkedService{Meta: model.Meta{Name: "adf-lab/ls-vault", Group: grp}, Properties: model.KeyVaultConnector{Vault: model.Address{Group: grp, Type: model.TypeKeyVault, Name: "kv-lab"}.Ref()}},
		&model.LinkedService{Meta: model.Meta{Name: "adf-lab/ls-sql", Group: grp}, Description: "sql", ConnectVia: model.RefOf(ir),
			Properties: model.SQLServerConnector{DatabaseEndpoint: model.DatabaseEndpoint{Host: netip.MustParseAddr("10.0.12.21"), Port: 1433, Database: "sales", Username: "reader", Password: secret}}},
		&model.LinkedService{Meta: model.Meta{Name: "adf-lab/ls-pg", Group: grp}, ConnectVia: model.RefOf(ir),
			Properties: model.PostgreSQLConnector{DatabaseEndpoint: model.DatabaseEndpoint{Host: netip.MustParseAddr("10.0.12.22"), Port: 5432, Database: "ops", Username: "[reader]", Password: secret}}},
		&model.LinkedService{Meta: model.Meta{Name: "adf-lab/ls-ora", Group: grp}, ConnectVia: model.RefOf(ir),
			Properties: model.OracleConnector{DatabaseEndpoint: model.DatabaseEndpoint{Host: netip.MustParseAddr("10.0.12.23"), Port: 1521, Username: "r", Password: secret}}},
	}
	for _, r := range resources {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	res, _ := renderImport(t, g)
	for _, typ := range []model.Type{model.TypeDataFactory, model.TypeIntegrationRuntime, model.TypeKeyVault, model.TypeLinkedService} {
		if n := res.Opaque[typ]; n > 0 {
			t.Errorf("Convert kept %d of %s opaque; want them typed", n, typ)
		}
	}
	// The resource group is another converter's, so only what follows it
	// is compared.
	for _, want := range resources[1:] {
		a := model.AddressOf(want)
		got, ok := res.Graph.Get(a)
		if !ok {
			t.Errorf("imported model has no %s", a)
			continue
		}
		if diff := cmp.Diff(want, got, roundTripOpts); diff != "" {
			t.Errorf("round trip of %s (-original +imported):\n%s", a, diff)
		}
	}
}

// renderImport renders g to ARM and imports the template again.
func renderImport(t *testing.T, g *model.Graph) (*tomodel.Result, diag.Diagnostics) {
	t.Helper()
	out, err := arm.Render(g)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	ev, ds := importarm.Evaluate("azuredeploy.json", out.Template, nil, importarm.Options{})
	if ds.HasErrors() {
		t.Fatalf("Evaluate:\n%s", ds.Error())
	}
	res, ds := tomodel.Convert(g.Name, ev, tomodel.NewRegistry())
	if ds.HasErrors() {
		t.Fatalf("Convert:\n%s", ds.Error())
	}
	return res, ds
}

// TestRoundTripComputeInstance renders a compute instance, which the
// example does not have, and checks it imports unchanged but for its
// owner: the template holds the owner's object ID, not the name of the
// parameter the model keeps, so the importer warns and leaves it empty.
func TestRoundTripComputeInstance(t *testing.T) {
	const grp = "rg-ml"
	g := model.NewGraph("instance", "westeurope")
	vnet := &model.VirtualNetwork{Meta: model.Meta{Name: "vnet", Group: grp, Location: "westeurope"}, AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/16")},
		Subnets: []model.Subnet{{Name: "snet-training", Prefix: netip.MustParsePrefix("10.0.1.0/24")}}}
	subnet := model.AddressOf(vnet).Child("subnets", "snet-training").Ref()
	ci := &model.MLCompute{Meta: model.Meta{Name: "mlw-lab/ci-ana", Group: grp, Location: "westeurope"}, Kind: model.MLComputeInstance,
		Identity: model.Identity{SystemAssigned: true}, LocalAuthDisabled: true, VMSize: "Standard_DS3_v2", Subnet: subnet, NoPublicIP: true,
		IdleShutdown: "PT30M", OwnerParameter: "anaObjectId"}
	for _, r := range []model.Resource{
		&model.ResourceGroup{Meta: model.Meta{Name: grp, Location: "westeurope"}},
		vnet,
		&model.StorageAccount{Meta: model.Meta{Name: "stml", Group: grp, Location: "westeurope"}, SKU: model.StorageStandardLRS, MinimumTLS: model.TLS12},
		&model.KeyVault{Meta: model.Meta{Name: "kv-ml", Group: grp, Location: "westeurope"}, SKU: model.VaultStandard, SoftDeleteRetentionDays: 7},
		&model.MLWorkspace{Meta: model.Meta{Name: "mlw-lab", Group: grp, Location: "westeurope"}, Identity: model.Identity{SystemAssigned: true},
			Storage:  model.Address{Group: grp, Type: model.TypeStorageAccount, Name: "stml"}.Ref(),
			KeyVault: model.Address{Group: grp, Type: model.TypeKeyVault, Name: "kv-ml"}.Ref(), PublicNetworkAccess: model.PublicDisabled, Isolation: model.MLIsolationDisabled},
		ci,
	} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.AddParameter(model.Parameter{Name: "anaObjectId", Default: "00000000-0000-0000-0000-00000000a1a1"}); err != nil {
		t.Fatal(err)
	}
	res, ds := renderImport(t, g)
	if !strings.Contains(ds.Error(), "compute instance owner is not imported") {
		t.Errorf("Convert diagnostics = %q; want a warning that the owner is not imported", ds.Error())
	}
	got, ok := res.Graph.Get(model.AddressOf(ci))
	if !ok {
		t.Fatalf("imported model has no %s", model.AddressOf(ci))
	}
	want := *ci
	want.OwnerParameter = ""
	if diff := cmp.Diff(&want, got, roundTripOpts); diff != "" {
		t.Errorf("round trip of %s (-original +imported):\n%s", model.AddressOf(ci), diff)
	}
}
