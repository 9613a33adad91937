package compile

import (
	"net/netip"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// dataTypes lists the types the data builder owns, for counting.
var dataTypes = []model.Type{
	model.TypeDataFactory,
	model.TypeDataFactoryManagedVNet,
	model.TypeDataFactoryManagedEndpoint,
	model.TypeIntegrationRuntime,
	model.TypeLinkedService,
	model.TypeDatabricksWorkspace,
	model.TypeSynapseWorkspace,
	model.TypeSynapseEntraAdmin,
	model.TypeEventHubNamespace,
	model.TypeEventHub,
	model.TypeEventHubConsumerGroup,
	model.TypeStreamAnalyticsCluster,
	model.TypeStreamAnalyticsEndpoint,
	model.TypeStreamAnalyticsJob,
	model.TypeStreamAnalyticsInput,
	model.TypeStreamAnalyticsOutput,
	model.TypeStreamAnalyticsQuery,
}

// countTypes counts g's resources of each data type; types with none are
// left out.
func countTypes(g *model.Graph) map[model.Type]int {
	out := map[model.Type]int{}
	for _, r := range g.Resources() {
		if slices.Contains(dataTypes, r.Type()) {
			out[r.Type()]++
		}
	}
	return out
}

// endpointGroups returns the group IDs of the private endpoints to target.
func endpointGroups(g *model.Graph, target model.Ref) []string {
	var out []string
	for _, pe := range model.All[*model.PrivateEndpoint](g) {
		if pe.Target == target {
			out = append(out, pe.GroupID)
		}
	}
	sort.Strings(out)
	return out
}

// grants returns "role -> scope leaf" for the role assignments whose
// principal is the system identity of of.
func grants(g *model.Graph, of model.Ref) []string {
	var out []string
	for _, ra := range model.All[*model.RoleAssignment](g) {
		if ra.Principal.SystemIdentityOf == of {
			out = append(out, ra.RoleName+" -> "+ra.Scope.Leaf())
		}
	}
	sort.Strings(out)
	return out
}

// dataGroup is the example's data resource group.
const dataGroup = "rg-kodata-data"

// only returns the single resource of kind T in the data resource group,
// failing otherwise.
func only[T model.Resource](t *testing.T, g *model.Graph) T {
	t.Helper()
	var found []T
	for _, r := range model.All[T](g) {
		if r.Base().Group == dataGroup {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		var zero T
		t.Fatalf("%s has %d %T; want 1", dataGroup, len(found), zero)
	}
	return found[0]
}

func TestBuildDataExampleCounts(t *testing.T) {
	g := mustCompile(t, nil).Graph
	want := map[model.Type]int{
		model.TypeDataFactory:                1,
		model.TypeDataFactoryManagedVNet:     1,
		model.TypeDataFactoryManagedEndpoint: 2,
		model.TypeIntegrationRuntime:         2,
		model.TypeLinkedService:              3, // vault, lake, edw
		model.TypeDatabricksWorkspace:        1,
		model.TypeSynapseWorkspace:           1,
		model.TypeSynapseEntraAdmin:          1,
		model.TypeEventHubNamespace:          1,
		model.TypeEventHub:                   1,
		model.TypeEventHubConsumerGroup:      1,
		model.TypeStreamAnalyticsCluster:     1,
		model.TypeStreamAnalyticsEndpoint:    2,
		model.TypeStreamAnalyticsJob:         1,
		model.TypeStreamAnalyticsInput:       1,
		model.TypeStreamAnalyticsOutput:      1,
		model.TypeStreamAnalyticsQuery:       1,
	}
	if diff := cmp.Diff(want, countTypes(g)); diff != "" {
		t.Errorf("data resources of the example (-want +got):\n%s", diff)
	}
}

func TestBuildDataLake(t *testing.T) {
	g := mustCompile(t, nil).Graph
	lake := only[*model.StorageAccount](t, g)
	if !lake.HierarchicalNamespace || lake.PublicNetworkAccess != model.PublicDisabled || lake.SharedKeyAccess {
		t.Errorf("lake = HNS %v, public %s, shared key %v; want HNS, Disabled, no shared key", lake.HierarchicalNamespace, lake.PublicNetworkAccess, lake.SharedKeyAccess)
	}
	if got, want := endpointGroups(g, model.RefOf(lake)), []string{"blob", "dfs"}; !slices.Equal(got, want) {
		t.Errorf("lake private endpoints = %v; want %v", got, want)
	}
	var containers []string
	for _, c := range model.All[*model.BlobContainer](g) {
		if strings.HasPrefix(c.Name, lake.Name+"/") {
			containers = append(containers, c.Name)
		}
	}
	wantContainers := []string{lake.Name + "/default/curated", lake.Name + "/default/raw", lake.Name + "/default/workspace"}
	if diff := cmp.Diff(wantContainers, containers); diff != "" {
		t.Errorf("lake containers (-want +got):\n%s", diff)
	}
	vault := only[*model.KeyVault](t, g)
	if !vault.PurgeProtection || !vault.RBACAuthorization {
		t.Errorf("data vault = purge protection %v, RBAC %v; want both", vault.PurgeProtection, vault.RBACAuthorization)
	}
	if got := endpointGroups(g, model.RefOf(vault)); !slices.Equal(got, []string{"vault"}) {
		t.Errorf("vault private endpoints = %v; want [vault]", got)
	}
}

func TestBuildDataFactory(t *testing.T) {
	g := mustCompile(t, nil).Graph
	f := only[*model.DataFactory](t, g)
	ref := model.RefOf(f)
	if f.PublicNetworkAccess != model.PublicDisabled || !f.Identity.SystemAssigned {
		t.Errorf("factory = public %s, system identity %v; want Disabled, true", f.PublicNetworkAccess, f.Identity.SystemAssigned)
	}
	if got, want := endpointGroups(g, ref), []string{"dataFactory", "portal"}; !slices.Equal(got, want) {
		t.Errorf("factory private endpoints = %v; want %v", got, want)
	}
	lake := model.RefOf(only[*model.StorageAccount](t, g))
	vault := model.RefOf(only[*model.KeyVault](t, g))
	wantGrants := []string{"Key Vault Secrets User -> " + vault.Leaf(), "Storage Blob Data Contributor -> " + lake.Leaf()}
	if diff := cmp.Diff(wantGrants, grants(g, ref)); diff != "" {
		t.Errorf("factory identity roles (-want +got):\n%s", diff)
	}

	var endpoints []string
	for _, e := range model.All[*model.DataFactoryManagedEndpoint](g) {
		endpoints = append(endpoints, e.Target.Leaf()+":"+e.GroupID)
	}
	sort.Strings(endpoints)
	if diff := cmp.Diff([]string{vault.Leaf() + ":vault", lake.Leaf() + ":dfs"}, endpoints); diff != "" {
		t.Errorf("managed private endpoints (-want +got):\n%s", diff)
	}

	var shir, managed *model.IntegrationRuntime
	for _, ir := range model.All[*model.IntegrationRuntime](g) {
		switch {
		case ir.SelfHosted != nil:
			shir = ir
		case ir.Managed != nil:
			managed = ir
		}
	}
	if shir == nil || managed == nil {
		t.Fatalf("integration runtimes: self-hosted %v, managed %v; want both", shir != nil, managed != nil)
	}
	if managed.Managed.VNet != model.AddressOf(f).Child("managedVirtualNetworks", "default").Ref() {
		t.Errorf("managed runtime VNet = %v; want the factory's default managed VNet", managed.Managed.VNet)
	}
	if got := compileShir(t); got != model.RefOf(shir) {
		t.Errorf("ctx.shir = %v; want %v", got, model.RefOf(shir))
	}

	services := map[string]*model.LinkedService{}
	for _, ls := range model.All[*model.LinkedService](g) {
		services[ls.Properties.Connector()] = ls
	}
	kv, ok := services["AzureKeyVault"]
	if !ok || kv.ConnectVia != model.RefOf(managed) {
		t.Fatalf("Key Vault linked service missing or not on the managed runtime")
	}
	if got := services["AzureBlobFS"]; got == nil || got.Properties != (model.DataLakeConnector{Account: lake}) || got.ConnectVia != model.RefOf(managed) {
		t.Errorf("lake linked service = %+v; want AzureBlobFS on %s via the managed runtime", got, lake.Leaf())
	}
	oracle, ok := services["Oracle"]
	if !ok {
		t.Fatal("no Oracle linked service")
	}
	want := model.OracleConnector{DatabaseEndpoint: model.DatabaseEndpoint{
		Host:     netip.MustParseAddr("10.0.12.20"),
		Port:     1521,
		Database: "EDW",
		Username: "ds_reader",
		Password: model.LinkedSecret{Store: model.RefOf(kv), Name: "edw-password"},
	}}
	if diff := cmp.Diff(model.LinkedServiceProperties(want), oracle.Properties, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("Oracle connector (-want +got):\n%s", diff)
	}
	if oracle.ConnectVia != model.RefOf(shir) {
		t.Errorf("Oracle linked service runs on %v; want the self-hosted runtime", oracle.ConnectVia)
	}
}

// compileShir compiles the example and returns the ctx's shir field.
func compileShir(t *testing.T) model.Ref {
	t.Helper()
	c := newCtx(spec.Example())
	plan, err := planAddresses(c.doc)
	if err != nil {
		t.Fatal(err)
	}
	c.plan = plan
	for _, v := range []string{Hub, Spoke} {
		c.vnets[v] = model.Address{Group: c.rg(RGNetwork), Type: model.TypeVirtualNetwork, Name: c.names.Name("vnet", v)}.Ref()
	}
	buildMonitoring(c)
	buildData(c)
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.shir
}

func TestBuildDatabricks(t *testing.T) {
	g := mustCompile(t, nil).Graph
	w := only[*model.DatabricksWorkspace](t, g)
	ref := model.RefOf(w)
	if w.SKU != "premium" || !w.NoPublicIP || w.PublicNetworkAccess != model.PublicDisabled || w.RequiredNSGRules != model.DatabricksNoAzureRules {
		t.Errorf("workspace = %+v; want premium, no public IP, public access Disabled, NoAzureDatabricksRules", w)
	}
	if w.HostSubnet.Leaf() != SubnetDBXHost || w.ContainerSubnet.Leaf() != SubnetDBXContainer || w.VirtualNetwork.Leaf() != "vnet-kodata-spoke" {
		t.Errorf("injection = %s %s %s; want the spoke's Databricks subnets", w.VirtualNetwork.Leaf(), w.HostSubnet.Leaf(), w.ContainerSubnet.Leaf())
	}
	if got, want := endpointGroups(g, ref), []string{"browser_authentication", "databricks_ui_api"}; !slices.Equal(got, want) {
		t.Errorf("workspace private endpoints = %v; want %v", got, want)
	}
	var locks []*model.Lock
	for _, l := range model.All[*model.Lock](g) {
		if l.Scope == ref {
			locks = append(locks, l)
		}
	}
	if len(locks) != 1 || locks[0].Level != model.LockCanNotDelete {
		t.Errorf("locks on the workspace = %v; want one CanNotDelete", locks)
	}
}

func TestBuildSynapse(t *testing.T) {
	g := mustCompile(t, nil).Graph
	w := only[*model.SynapseWorkspace](t, g)
	ref := model.RefOf(w)
	lake := model.RefOf(only[*model.StorageAccount](t, g))
	if !w.ManagedVirtualNetwork || !w.PreventDataExfiltration || len(w.AllowedTenants) != 0 || !w.EntraOnlyAuth || w.PublicNetworkAccess != model.PublicDisabled {
		t.Errorf("workspace = %+v; want managed VNet, exfiltration protection (own tenant), Entra only, public access Disabled", w)
	}
	if w.DataLake != lake || w.FileSystem != "workspace" || !w.DataLakeEndpoint {
		t.Errorf("primary storage = %v/%s (managed endpoint %v); want the lake's workspace file system with a managed endpoint", w.DataLake, w.FileSystem, w.DataLakeEndpoint)
	}
	if w.SQLAdminLogin != "sqladmin" {
		t.Errorf("SQL admin login = %q; want sqladmin", w.SQLAdminLogin)
	}
	if got, want := endpointGroups(g, ref), []string{"Dev", "Sql", "SqlOnDemand"}; !slices.Equal(got, want) {
		t.Errorf("workspace private endpoints = %v; want %v", got, want)
	}
	admin := only[*model.SynapseEntraAdmin](t, g)
	if admin.ObjectID != spec.Example().Team.Groups.Admins {
		t.Errorf("Entra admin = %s; want the admins group", admin.ObjectID)
	}
	if diff := cmp.Diff([]string{"Storage Blob Data Contributor -> " + lake.Leaf()}, grants(g, ref)); diff != "" {
		t.Errorf("workspace identity roles (-want +got):\n%s", diff)
	}
	for _, p := range g.Parameters() {
		if strings.Contains(strings.ToLower(p.Name), "sql") {
			t.Errorf("parameter %q declared; Entra-only Synapse needs no SQL password", p.Name)
		}
	}
}

func TestBuildStreaming(t *testing.T) {
	g := mustCompile(t, nil).Graph
	ns := only[*model.EventHubNamespace](t, g)
	if ns.SKU != model.EventHubStandard || !ns.LocalAuthDisabled || ns.MinimumTLS != "1.2" || ns.PublicNetworkAccess != model.PublicDisabled {
		t.Errorf("namespace = %+v; want Standard, SAS off, TLS 1.2, public access Disabled", ns)
	}
	if got := endpointGroups(g, model.RefOf(ns)); !slices.Equal(got, []string{"namespace"}) {
		t.Errorf("namespace private endpoints = %v; want [namespace]", got)
	}
	job := only[*model.StreamAnalyticsJob](t, g)
	cluster := only[*model.StreamAnalyticsCluster](t, g)
	if job.Cluster != model.RefOf(cluster) || !job.Identity.SystemAssigned {
		t.Errorf("job cluster %v, system identity %v; want the cluster and a system identity", job.Cluster, job.Identity.SystemAssigned)
	}
	if q := only[*model.StreamAnalyticsQuery](t, g); q.StreamingUnits != 3 {
		t.Errorf("streaming units = %d; want 3 (from the spec)", q.StreamingUnits)
	}
	hub := only[*model.EventHub](t, g)
	in := only[*model.StreamAnalyticsInput](t, g)
	if in.EventHub != model.RefOf(hub) || in.ConsumerGroup != model.RefOf(only[*model.EventHubConsumerGroup](t, g)) {
		t.Errorf("input reads %v/%v; want the hub and its Stream Analytics consumer group", in.EventHub, in.ConsumerGroup)
	}
	out := only[*model.StreamAnalyticsOutput](t, g)
	if out.Container.Leaf() != "raw" {
		t.Errorf("output container = %s; want raw", out.Container.Leaf())
	}
	want := []string{"Azure Event Hubs Data Receiver -> " + model.RefOf(hub).Leaf(), "Storage Blob Data Contributor -> raw"}
	if diff := cmp.Diff(want, grants(g, model.RefOf(job))); diff != "" {
		t.Errorf("job identity roles (-want +got):\n%s", diff)
	}
	var targets []string
	for _, e := range model.All[*model.StreamAnalyticsEndpoint](g) {
		targets = append(targets, e.Target.Type.Namespace()+":"+e.GroupID)
	}
	sort.Strings(targets)
	if diff := cmp.Diff([]string{"Microsoft.EventHub:namespace", "Microsoft.Storage:blob"}, targets); diff != "" {
		t.Errorf("cluster managed private endpoints (-want +got):\n%s", diff)
	}
}

// TestBuildDataServiceOff switches each service off in turn and checks its
// resources go while the others stay.
func TestBuildDataServiceOff(t *testing.T) {
	tests := []struct {
		name string
		off  func(s *spec.Services)
		gone []model.Type
	}{
		{"dataFactory", func(s *spec.Services) { s.DataFactory.Enabled = off() }, []model.Type{model.TypeDataFactory, model.TypeIntegrationRuntime, model.TypeLinkedService, model.TypeDataFactoryManagedEndpoint}},
		{"databricks", func(s *spec.Services) { s.Databricks.Enabled = off() }, []model.Type{model.TypeDatabricksWorkspace}},
		{"synapse", func(s *spec.Services) { s.Synapse.Enabled = off() }, []model.Type{model.TypeSynapseWorkspace, model.TypeSynapseEntraAdmin}},
		{"streamAnalytics", func(s *spec.Services) { s.StreamAnalytics.Enabled = off() }, []model.Type{model.TypeEventHubNamespace, model.TypeStreamAnalyticsJob, model.TypeStreamAnalyticsCluster}},
	}
	full := countTypes(mustCompile(t, nil).Graph)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := spec.Example()
			tt.off(&d.Services)
			got := countTypes(mustCompileDoc(t, d).Graph)
			for _, typ := range tt.gone {
				if got[typ] != 0 {
					t.Errorf("%s off: %d %s; want none", tt.name, got[typ], typ)
				}
			}
			for typ, n := range full {
				if !slices.Contains(tt.gone, typ) && got[typ] == 0 && n > 0 && !ownedBy(typ, tt.name) {
					t.Errorf("%s off: %s disappeared too", tt.name, typ)
				}
			}
		})
	}
}

// ownedBy reports whether typ belongs to the named service.
func ownedBy(typ model.Type, service string) bool {
	switch service {
	case "dataFactory":
		return typ.Namespace() == "Microsoft.DataFactory"
	case "databricks":
		return typ.Namespace() == "Microsoft.Databricks"
	case "synapse":
		return typ.Namespace() == "Microsoft.Synapse"
	case "streamAnalytics":
		return typ.Namespace() == "Microsoft.EventHub" || typ.Namespace() == "Microsoft.StreamAnalytics"
	}
	return false
}

func TestBuildDataAllOff(t *testing.T) {
	d := spec.Example()
	for _, tg := range []*spec.Toggle{&d.Services.DataFactory.Toggle, &d.Services.Databricks.Toggle, &d.Services.Synapse.Toggle, &d.Services.StreamAnalytics.Toggle} {
		tg.Enabled = off()
	}
	d.DataSources = nil
	g := mustCompileDoc(t, d).Graph
	if got := countTypes(g); len(got) != 0 {
		t.Errorf("all data services off: %v; want no data resources", got)
	}
	for _, v := range model.All[*model.KeyVault](g) {
		if v.Group == dataGroup {
			t.Errorf("data vault %s built with every data service off", v.Name)
		}
	}
}

func TestBuildDataCMK(t *testing.T) {
	for _, cmk := range []bool{true, false} {
		d := spec.Example()
		d.Governance.CustomerManagedKeys = cmk
		g := mustCompileDoc(t, d).Graph
		f := only[*model.DataFactory](t, g)
		w := only[*model.SynapseWorkspace](t, g)
		if got := f.CMK != nil; got != cmk {
			t.Errorf("customerManagedKeys %v: factory CMK set = %v", cmk, got)
		}
		if got := w.CMK != nil; got != cmk {
			t.Errorf("customerManagedKeys %v: Synapse CMK set = %v", cmk, got)
		}
		if !cmk {
			if len(f.Identity.UserAssigned) != 0 || len(w.Identity.UserAssigned) != 0 {
				t.Errorf("customerManagedKeys off: user-assigned identities on factory %v, workspace %v; want none", f.Identity.UserAssigned, w.Identity.UserAssigned)
			}
			continue
		}
		vault := model.RefOf(only[*model.KeyVault](t, g))
		for name, k := range map[string]*model.CustomerManagedKey{"factory": f.CMK, "synapse": w.CMK} {
			if k.Key.Parent().Ref() != vault || k.Identity.IsZero() {
				t.Errorf("%s key = %v read by %v; want a key in the data vault and a user-assigned identity", name, k.Key, k.Identity)
			}
		}
		if !slices.Contains(f.Identity.UserAssigned, f.CMK.Identity) || !slices.Contains(w.Identity.UserAssigned, w.CMK.Identity) {
			t.Errorf("key identity not attached: factory %v, workspace %v", f.Identity.UserAssigned, w.Identity.UserAssigned)
		}
		if len(f.DependsOn) == 0 || len(w.DependsOn) == 0 {
			t.Errorf("factory and workspace must wait for their key grants: %v, %v", f.DependsOn, w.DependsOn)
		}
	}
}

func TestBuildDataSources(t *testing.T) {
	tests := []struct {
		typ       spec.DataSourceType
		password  *spec.SecretRef
		connector string
		secret    string
		param     string // secure parameter declared, if any
	}{
		{spec.DataSourceOracle, &spec.SecretRef{KeyVaultSecret: "warehouse-pw"}, "Oracle", "warehouse-pw", ""},
		{spec.DataSourceSQLServer, &spec.SecretRef{Parameter: "srcPassword"}, "SqlServer", "src-password", "srcPassword"},
		{spec.DataSourcePostgres, nil, "PostgreSqlV2", "src-password", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			d := spec.Example()
			d.DataSources = []spec.DataSource{{
				Name: "src", Type: tt.typ, Host: netip.MustParseAddr("10.0.12.50"), Port: 4000,
				ServiceName: "db", Username: "reader", Password: tt.password, Readers: []string{"dataEngineers"},
			}}
			g := mustCompileDoc(t, d).Graph
			var found *model.LinkedService
			for _, ls := range model.All[*model.LinkedService](g) {
				if ls.Properties.Connector() == tt.connector {
					found = ls
				}
			}
			if found == nil {
				t.Fatalf("no %s linked service", tt.connector)
			}
			ep := endpointOf(found.Properties)
			if ep.Password.Name != tt.secret || ep.Host.String() != "10.0.12.50" || ep.Port != 4000 || ep.Database != "db" || ep.Username != "reader" {
				t.Errorf("%s endpoint = %+v; want 10.0.12.50:4000/db as reader, password secret %q", tt.connector, ep, tt.secret)
			}
			var params []string
			for _, p := range g.Parameters() {
				if p.Secure && strings.Contains(p.Description, "data source") {
					params = append(params, p.Name)
				}
			}
			var wantParams []string
			if tt.param != "" {
				wantParams = []string{tt.param}
			}
			if diff := cmp.Diff(wantParams, params); diff != "" {
				t.Errorf("secure parameters (-want +got):\n%s", diff)
			}
			var secrets []*model.KeyVaultSecret
			for _, sec := range model.All[*model.KeyVaultSecret](g) {
				if sec.Group == dataGroup {
					secrets = append(secrets, sec)
				}
			}
			if got := len(secrets) == 1; got != (tt.param != "") {
				t.Errorf("vault secrets = %d; want one only when the password is a parameter", len(secrets))
			}
			if len(secrets) == 1 && (secrets[0].Value.Parameter != tt.param || !strings.HasSuffix(secrets[0].Name, "/"+tt.secret)) {
				t.Errorf("vault secret %s from %q; want %s from parameter %s", secrets[0].Name, secrets[0].Value.Parameter, tt.secret, tt.param)
			}
		})
	}
}

// endpointOf returns the database endpoint of a source connector.
func endpointOf(p model.LinkedServiceProperties) model.DatabaseEndpoint {
	switch c := p.(type) {
	case model.OracleConnector:
		return c.DatabaseEndpoint
	case model.SQLServerConnector:
		return c.DatabaseEndpoint
	case model.PostgreSQLConnector:
		return c.DatabaseEndpoint
	}
	return model.DatabaseEndpoint{}
}
