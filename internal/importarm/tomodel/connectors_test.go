package tomodel_test

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	out, err := arm.Render(g)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	ev, ds := importarm.Evaluate("azuredeploy.json", out.Template, nil, importarm.Options{})
	if ds.HasErrors() {
		t.Fatalf("Evaluate:\n%s", ds.Error())
	}
	res, ds := tomodel.Convert("connectors", ev, tomodel.NewRegistry())
	if ds.HasErrors() {
		t.Fatalf("Convert:\n%s", ds.Error())
	}
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
