package tomodel_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

// paasRoundTripTypes are the PaaS kinds whose every field the importer
// reads back.
var paasRoundTripTypes = []model.Type{
	model.TypeStorageAccount, model.TypeBlobService, model.TypeBlobContainer, model.TypeFileService,
	model.TypeKeyVault, model.TypeKeyVaultKey,
	model.TypeContainerRegistry, model.TypeManagedCluster, model.TypeClusterExtension,
	model.TypeMLWorkspace, model.TypeMLCompute, model.TypeApplicationInsights,
	model.TypeAppServicePlan, model.TypeWebApp, model.TypePublishingCredentialsPolicy,
	model.TypeDatabricksWorkspace, model.TypeSynapseWorkspace, model.TypeSynapseEntraAdmin, model.TypeSynapseAuditing, model.TypeSynapseAlerts,
	model.TypeEventHubNamespace, model.TypeEventHub, model.TypeEventHubConsumerGroup,
	model.TypeDataFactory, model.TypeDataFactoryManagedVNet, model.TypeDataFactoryManagedEndpoint, model.TypeIntegrationRuntime, model.TypeLinkedService,
	model.TypeStreamAnalyticsCluster, model.TypeStreamAnalyticsEndpoint, model.TypeStreamAnalyticsJob,
	model.TypeStreamAnalyticsInput, model.TypeStreamAnalyticsOutput, model.TypeStreamAnalyticsQuery,
}

// TestRoundTripPaaS renders the example, imports the template, and checks
// the PaaS kinds come back equal, field for field.
func TestRoundTripPaaS(t *testing.T) {
	g, template := example(t)
	got := importExample(t, template)
	checkRoundTrip(t, g, got.Graph, paasRoundTripTypes)
}

// TestConvertVault checks what the example does not show: a secret taken
// from a secure parameter keeps the parameter's name (never its value), a
// vault without a retention period gets Azure's 90 days, and a storage
// account's customer-managed key and identities resolve to references.
func TestConvertVault(t *testing.T) {
	res, _ := convertFile(t, "testdata/vault.json")
	g := res.Graph
	grp := "rg-lab"
	id := model.Address{Group: grp, Type: "Microsoft.ManagedIdentity/userAssignedIdentities", Name: "id-cmk"}.Ref()
	want := []model.Resource{
		&model.KeyVault{Meta: model.Meta{Name: "kv-lab", Group: grp, Location: "westeurope"}, SKU: model.VaultStandard,
			PublicNetworkAccess: model.PublicEnabled, NetworkACL: model.NetworkACL{DefaultAction: model.Allow}, SoftDeleteRetentionDays: 90},
		&model.KeyVaultSecret{Meta: model.Meta{Name: "kv-lab/db-password", Group: grp}, Value: model.Secret{Parameter: "dbPassword"}, ContentType: "text/plain"},
		&model.StorageAccount{Meta: model.Meta{Name: "stlab", Group: grp, Location: "westeurope"}, SKU: model.StorageStandardLRS,
			Identity: model.Identity{SystemAssigned: true, UserAssigned: []model.Ref{id}}, PublicNetworkAccess: model.PublicEnabled,
			NetworkACL: model.NetworkACL{DefaultAction: model.Allow}, SharedKeyAccess: true, HTTPSOnly: true,
			CMK: &model.CustomerManagedKey{Key: model.Address{Group: grp, Type: model.TypeKeyVaultKey, Name: "kv-lab/cmk"}.Ref(), Identity: id}},
	}
	for _, w := range want {
		a := model.AddressOf(w)
		got, ok := g.Get(a)
		if !ok {
			t.Errorf("Convert(vault.json) has no %s", a)
			continue
		}
		if diff := cmp.Diff(w, got, roundTripOpts); diff != "" {
			t.Errorf("Convert(vault.json) %s (-want +got):\n%s", a, diff)
		}
	}
}

// TestConvertUnmodelled checks that settings the model cannot hold keep
// their resource opaque instead of importing it as something it is not.
func TestConvertUnmodelled(t *testing.T) {
	res, _ := convertFile(t, "testdata/unmodelled.json")
	for _, tc := range []struct {
		typ  model.Type
		name string
	}{
		{model.TypeBlobContainer, "stlab/default/public"},
		{model.TypeEventHub, "evhns-lab/compacted"},
		{model.TypeLinkedService, "adf-lab/ls-blob-key"},
		{model.TypeLinkedService, "adf-lab/ls-sftp"},
		{model.TypeIntegrationRuntime, "adf-lab/ir-public"},
		{model.TypeSynapseAuditing, "synw-lab/default"},
	} {
		a := model.Address{Group: "rg-lab", Type: tc.typ, Name: tc.name}
		r, ok := res.Graph.Get(a)
		if !ok {
			t.Errorf("Convert(unmodelled.json) has no %s", a)
			continue
		}
		if _, ok := r.(*model.Opaque); !ok {
			t.Errorf("Convert(unmodelled.json) %s = %T; want *model.Opaque", a, r)
		}
	}
	for _, tc := range []struct {
		typ  model.Type
		name string
	}{
		{model.TypeStorageAccount, "stlab"},
		{model.TypeBlobService, "stlab/default"},
		{model.TypeEventHubNamespace, "evhns-lab"},
		{model.TypeDataFactory, "adf-lab"},
		{model.TypeSynapseWorkspace, "synw-lab"},
	} {
		a := model.Address{Group: "rg-lab", Type: tc.typ, Name: tc.name}
		if r, ok := res.Graph.Get(a); !ok {
			t.Errorf("Convert(unmodelled.json) has no %s", a)
		} else if _, ok := r.(*model.Opaque); ok {
			t.Errorf("Convert(unmodelled.json) %s is opaque; want it typed", a)
		}
	}
}
