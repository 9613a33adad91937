package arm

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
)

// dataCtx returns a converter context rendering into the data group.
func dataCtx() *Ctx {
	return &Ctx{g: model.NewGraph("t", "australiaeast"), group: "rg-data", scopes: map[string]model.Address{}, kinds: registry()}
}

// wire marshals v and decodes it again, for comparing with literal JSON.
func wire(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// literal decodes a JSON literal written in a test.
func literal(t *testing.T, s string) any {
	t.Helper()
	var out any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("bad test JSON: %v", err)
	}
	return out
}

func ref(group string, typ model.Type, name string) model.Ref {
	return model.Address{Group: group, Type: typ, Name: name}.Ref()
}

var (
	testFactory = "adf-t"
	testVaultLS = ref("rg-data", model.TypeLinkedService, testFactory+"/ls-keyvault-data")
	testSHIR    = ref("rg-data", model.TypeIntegrationRuntime, testFactory+"/ir-self-hosted")
	testDB      = model.DatabaseEndpoint{
		Host:     netip.MustParseAddr("10.0.12.20"),
		Port:     1521,
		Database: "EDW",
		Username: "reader",
		Password: model.LinkedSecret{Store: testVaultLS, Name: "edw-password"},
	}
)

const testSecretJSON = `{"type": "AzureKeyVaultSecret", "store": {"referenceName": "ls-keyvault-data", "type": "LinkedServiceReference"}, "secretName": "edw-password"}`

func TestLinkedServiceWire(t *testing.T) {
	managed := ref("rg-data", model.TypeIntegrationRuntime, testFactory+"/ir-managed-vnet")
	tests := []struct {
		name    string
		via     model.Ref
		conn    model.LinkedServiceProperties
		want    string
		wantErr bool
	}{
		{"ls-keyvault-data", managed, model.KeyVaultConnector{Vault: ref("rg-data", model.TypeKeyVault, "kv-t")}, `{
			"type": "AzureKeyVault", "connectVia": {"referenceName": "ir-managed-vnet", "type": "IntegrationRuntimeReference"},
			"typeProperties": {"baseUrl": "[format('https://{0}{1}/', 'kv-t', environment().suffixes.keyvaultDns)]"}}`, false},
		{"ls-datalake", managed, model.DataLakeConnector{Account: ref("rg-data", model.TypeStorageAccount, "stlake")}, `{
			"type": "AzureBlobFS", "connectVia": {"referenceName": "ir-managed-vnet", "type": "IntegrationRuntimeReference"},
			"typeProperties": {"url": "[format('https://{0}.dfs.{1}/', 'stlake', environment().suffixes.storage)]"}}`, false},
		{"ls-oracle-edw", testSHIR, model.OracleConnector{DatabaseEndpoint: testDB}, `{
			"type": "Oracle", "version": "2.0", "connectVia": {"referenceName": "ir-self-hosted", "type": "IntegrationRuntimeReference"},
			"typeProperties": {"server": "10.0.12.20:1521/EDW", "authenticationType": "Basic", "username": "reader", "password": ` + testSecretJSON + `}}`, false},
		{"ls-sqlserver-edw", testSHIR, model.SQLServerConnector{DatabaseEndpoint: testDB}, `{
			"type": "SqlServer", "connectVia": {"referenceName": "ir-self-hosted", "type": "IntegrationRuntimeReference"},
			"typeProperties": {"server": "10.0.12.20,1521", "database": "EDW", "encrypt": "mandatory", "trustServerCertificate": false,
				"authenticationType": "SQL", "userName": "reader", "password": ` + testSecretJSON + `}}`, false},
		{"ls-postgresql-edw", testSHIR, model.PostgreSQLConnector{DatabaseEndpoint: testDB}, `{
			"type": "PostgreSqlV2", "connectVia": {"referenceName": "ir-self-hosted", "type": "IntegrationRuntimeReference"},
			"typeProperties": {"server": "10.0.12.20", "port": 1521, "database": "EDW", "username": "reader",
				"authenticationType": "Basic", "sslMode": 5, "password": ` + testSecretJSON + `}}`, false},
		{"ls-unknown", testSHIR, unknownConnector{}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &model.LinkedService{Meta: model.Meta{Name: testFactory + "/" + tt.name, Group: "rg-data"}, ConnectVia: tt.via, Properties: tt.conn}
			b, err := linkedService(dataCtx(), r)
			if (err != nil) != tt.wantErr {
				t.Fatalf("linkedService(%s) error = %v; want error %v", tt.name, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if diff := cmp.Diff(literal(t, tt.want), wire(t, b.Properties)); diff != "" {
				t.Errorf("linkedService(%s) properties (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// unknownConnector is a connector no converter knows.
type unknownConnector struct{}

func (unknownConnector) Connector() string { return "Unknown" }

func TestIntegrationRuntimeWire(t *testing.T) {
	vnet := ref("rg-data", model.TypeDataFactoryManagedVNet, testFactory+"/default")
	tests := []struct {
		name    string
		managed *model.ManagedRuntime
		self    *model.SelfHostedRuntime
		want    string
	}{
		{"ir-managed-vnet", &model.ManagedRuntime{VNet: vnet, Location: "australiaeast"}, nil, `{
			"type": "Managed", "managedVirtualNetwork": {"referenceName": "default", "type": "ManagedVirtualNetworkReference"},
			"typeProperties": {"computeProperties": {"location": "australiaeast"}}}`},
		{"ir-self-hosted", nil, &model.SelfHostedRuntime{SelfContainedAuthoring: true}, `{
			"type": "SelfHosted", "typeProperties": {"selfContainedInteractiveAuthoringEnabled": true}}`},
		{"ir-both", &model.ManagedRuntime{VNet: vnet}, &model.SelfHostedRuntime{}, ""},
		{"ir-neither", nil, nil, ""},
	}
	for _, tt := range tests {
		r := &model.IntegrationRuntime{Meta: model.Meta{Name: testFactory + "/" + tt.name}, Managed: tt.managed, SelfHosted: tt.self}
		b, err := integrationRuntime(dataCtx(), r)
		if tt.want == "" {
			if err == nil {
				t.Errorf("integrationRuntime(%s) error = nil; want one", tt.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("integrationRuntime(%s) error = %v", tt.name, err)
		}
		if diff := cmp.Diff(literal(t, tt.want), wire(t, b.Properties)); diff != "" {
			t.Errorf("integrationRuntime(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestStreamAnalyticsInputOutputWire(t *testing.T) {
	hub := ref("rg-data", model.TypeEventHub, "evhns-t/events")
	group := ref("rg-data", model.TypeEventHubConsumerGroup, "evhns-t/events/asa")
	in, err := asaInput(dataCtx(), &model.StreamAnalyticsInput{Meta: model.Meta{Name: "asa-t/events"}, EventHub: hub, ConsumerGroup: group})
	if err != nil {
		t.Fatal(err)
	}
	wantIn := `{"type": "Stream",
		"datasource": {"type": "Microsoft.ServiceBus/EventHub", "properties": {"serviceBusNamespace": "evhns-t", "eventHubName": "events", "consumerGroupName": "asa", "authenticationMode": "Msi"}},
		"serialization": {"type": "Json", "properties": {"encoding": "UTF8"}}}`
	if diff := cmp.Diff(literal(t, wantIn), wire(t, in.Properties)); diff != "" {
		t.Errorf("asaInput (-want +got):\n%s", diff)
	}

	raw := ref("rg-data", model.TypeBlobContainer, "stlake/default/raw")
	out, err := asaOutput(dataCtx(), &model.StreamAnalyticsOutput{Meta: model.Meta{Name: "asa-t/lake"}, Container: raw, PathPattern: "events/{date}/{time}"})
	if err != nil {
		t.Fatal(err)
	}
	wantOut := `{"datasource": {"type": "Microsoft.Storage/Blob", "properties": {"storageAccounts": [{"accountName": "stlake"}], "container": "raw",
			"pathPattern": "events/{date}/{time}", "dateFormat": "yyyy/MM/dd", "timeFormat": "HH", "authenticationMode": "Msi"}},
		"serialization": {"type": "Json", "properties": {"encoding": "UTF8", "format": "LineSeparated"}}}`
	if diff := cmp.Diff(literal(t, wantOut), wire(t, out.Properties)); diff != "" {
		t.Errorf("asaOutput (-want +got):\n%s", diff)
	}

	if _, err := asaInput(dataCtx(), &model.StreamAnalyticsInput{Meta: model.Meta{Name: "asa-t/x"}, EventHub: raw}); err == nil {
		t.Error("asaInput(blob container) error = nil; want one")
	}
	if _, err := asaOutput(dataCtx(), &model.StreamAnalyticsOutput{Meta: model.Meta{Name: "asa-t/x"}, Container: hub}); err == nil {
		t.Error("asaOutput(event hub) error = nil; want one")
	}
}

func TestDataKindsAPIVersions(t *testing.T) {
	want := map[model.Type]string{
		model.TypeDataFactory:                dataFactoryAPI,
		model.TypeDataFactoryManagedVNet:     dataFactoryAPI,
		model.TypeDataFactoryManagedEndpoint: dataFactoryAPI,
		model.TypeIntegrationRuntime:         dataFactoryAPI,
		model.TypeLinkedService:              dataFactoryAPI,
		model.TypeDatabricksWorkspace:        databricksAPI,
		model.TypeSynapseWorkspace:           synapseAPI,
		model.TypeSynapseEntraAdmin:          synapseAPI,
		model.TypeSynapseAuditing:            synapseAPI,
		model.TypeSynapseAlerts:              synapseAPI,
		model.TypeEventHubNamespace:          eventHubAPI,
		model.TypeEventHub:                   eventHubAPI,
		model.TypeEventHubConsumerGroup:      eventHubAPI,
		model.TypeStreamAnalyticsCluster:     streamAnalyticsAPI,
		model.TypeStreamAnalyticsEndpoint:    streamAnalyticsAPI,
		model.TypeStreamAnalyticsJob:         streamAnalyticsAPI,
		model.TypeStreamAnalyticsInput:       streamAnalyticsAPI,
		model.TypeStreamAnalyticsOutput:      streamAnalyticsAPI,
		model.TypeStreamAnalyticsQuery:       streamAnalyticsAPI,
	}
	got := map[model.Type]string{}
	for typ, c := range dataKinds() {
		got[typ] = c.apiVersion
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dataKinds() API versions (-want +got):\n%s", diff)
	}
}

func TestSynapseWorkspaceWire(t *testing.T) {
	id := ref("rg-ops", model.TypeUserAssignedIdentity, "id-t-cmk")
	key := ref("rg-data", model.TypeKeyVaultKey, "kv-t/cmk-synw-t")
	lake := ref("rg-data", model.TypeStorageAccount, "stlake")
	w := &model.SynapseWorkspace{
		Meta:                    model.Meta{Name: "synw-t", Group: "rg-data"},
		Identity:                model.Identity{SystemAssigned: true, UserAssigned: []model.Ref{id}},
		DataLake:                lake,
		FileSystem:              "workspace",
		DataLakeEndpoint:        true,
		ManagedVirtualNetwork:   true,
		PreventDataExfiltration: true,
		PublicNetworkAccess:     model.PublicDisabled,
		EntraOnlyAuth:           true,
		SQLAdminLogin:           "sqladmin",
		ManagedResourceGroup:    "rg-t-synw-managed",
		CMK:                     &model.CustomerManagedKey{Key: key, Identity: id},
	}
	b, err := dataKinds()[model.TypeSynapseWorkspace].convert(dataCtx(), w)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
		"defaultDataLakeStorage": {"accountUrl": "[format('https://{0}.dfs.{1}/', 'stlake', environment().suffixes.storage)]", "filesystem": "workspace",
			"resourceId": "[resourceId('Microsoft.Storage/storageAccounts', 'stlake')]", "createManagedPrivateEndpoint": true},
		"managedVirtualNetwork": "default",
		"managedVirtualNetworkSettings": {"preventDataExfiltration": true, "allowedAadTenantIdsForLinking": []},
		"publicNetworkAccess": "Disabled", "azureADOnlyAuthentication": true, "sqlAdministratorLogin": "sqladmin",
		"managedResourceGroupName": "rg-t-synw-managed", "trustedServiceBypassEnabled": false,
		"encryption": {"cmk": {
			"kekIdentity": {"userAssignedIdentity": "[resourceId('rg-ops', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-t-cmk')]", "useSystemAssignedIdentity": false},
			"key": {"name": "default", "keyVaultUrl": "[format('https://{0}{1}/keys/{2}', 'kv-t', environment().suffixes.keyvaultDns, 'cmk-synw-t')]"}}}}`
	if diff := cmp.Diff(literal(t, want), wire(t, b.Properties)); diff != "" {
		t.Errorf("Synapse workspace properties (-want +got):\n%s", diff)
	}
	if strings.Contains(string(mustJSON(t, b)), "Password") {
		t.Error("Synapse workspace carries a SQL password; Entra-only authentication needs none")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
