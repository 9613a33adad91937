package terraform

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/render/terraform/tfschema"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Tests of the service converters' trickier mappings.

// blocksFor parses out and returns the blocks written for the model
// resource at a, and its mapping.
func blocksFor(t *testing.T, out Output, a model.Address) (tfBlocks, Mapping) {
	t.Helper()
	idx := tfResources(t, out)
	for _, m := range out.Index {
		if m.Model == a {
			bs := tfBlocks{src: idx.src}
			for _, b := range m.Blocks {
				bs.blocks = append(bs.blocks, idx.blocks[b])
			}
			return bs, m
		}
	}
	t.Fatalf("%s is not in the index", a)
	return tfBlocks{}, Mapping{}
}

// variantGraph is the compiled example changed by the named spec
// variation (shared; tests only read it).
func variantGraph(t *testing.T, name string) *model.Graph {
	t.Helper()
	g, ok := variantGraphs(t)[name]
	if !ok {
		t.Fatalf("no spec variation %q", name)
	}
	return g
}

func mustRender(t *testing.T, g *model.Graph) Output {
	t.Helper()
	out, _ := cachedRender(t, g)
	return out
}

// alertGraph is an ops group with an action group and one activity log
// alert with conds.
func alertGraph(t *testing.T, conds []model.ActivityLogCondition) (*model.Graph, model.Address) {
	t.Helper()
	g := model.NewGraph("kodata", "australiaeast")
	rg := &model.ResourceGroup{Meta: model.Meta{Name: "rg-kodata-ops", Location: "australiaeast"}}
	ag := &model.ActionGroup{Meta: model.Meta{Name: "ag-kodata", Group: rg.Name, Location: "global"}, ShortName: "kodata"}
	al := &model.ActivityLogAlert{Meta: model.Meta{Name: "alert-kodata-x", Group: rg.Name, Location: "global"}, Description: "x", Conditions: conds, ActionGroups: []model.Ref{model.RefOf(ag)}}
	for _, r := range []model.Resource{rg, ag, al} {
		if err := g.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return g, model.AddressOf(al)
}

func TestActivityLogAlertCriteria(t *testing.T) {
	cat := func(c string) model.ActivityLogCondition {
		return model.ActivityLogCondition{Field: "category", Equals: c}
	}
	tests := []struct {
		name  string
		conds []model.ActivityLogCondition
		want  map[string]any // criteria attribute -> value; "service_health" -> events
		err   string
	}{
		{
			name:  "service health incidents",
			conds: []model.ActivityLogCondition{cat("ServiceHealth"), {Field: "properties.incidentType", AnyOf: []string{"Incident", "Security"}}},
			want:  map[string]any{"category": "ServiceHealth", "service_health": []any{"Incident", "Security"}},
		},
		{
			name:  "administrative operation",
			conds: []model.ActivityLogCondition{cat("Administrative"), {Field: "operationName", Equals: "Microsoft.Authorization/policyAssignments/delete"}},
			want:  map[string]any{"category": "Administrative", "operation_name": "Microsoft.Authorization/policyAssignments/delete"},
		},
		{
			name:  "any of several statuses",
			conds: []model.ActivityLogCondition{cat("Administrative"), {Field: "status", AnyOf: []string{"Failed", "Succeeded"}}},
			want:  map[string]any{"category": "Administrative", "statuses": []any{"Failed", "Succeeded"}},
		},
		{name: "unknown field", conds: []model.ActivityLogCondition{cat("Administrative"), {Field: "properties.other", Equals: "x"}}, err: "has no azurerm criteria attribute"},
		{name: "several operations", conds: []model.ActivityLogCondition{cat("Administrative"), {Field: "operationName", AnyOf: []string{"a", "b"}}}, err: "several values"},
		{name: "incident type outside service health", conds: []model.ActivityLogCondition{cat("Administrative"), {Field: "properties.incidentType", Equals: "Incident"}}, err: "only service health"},
		{name: "no category", conds: []model.ActivityLogCondition{{Field: "operationName", Equals: "x"}}, err: "requires the activity log category"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, a := alertGraph(t, tt.conds)
			out, err := Render(g)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Render(%v) = %v; want an error containing %q", tt.conds, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Render(%v) = %v", tt.conds, err)
			}
			bs, _ := blocksFor(t, out, a)
			c := bs.One("azurerm_monitor_activity_log_alert").first("criteria")
			got := map[string]any{}
			for name := range c.b.Attributes {
				got[name] = c.Attr(name)
			}
			if sh := c.Blocks("service_health"); len(sh) == 1 {
				got["service_health"] = sh[0].Attr("events")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("criteria(%v) differ (-want +got):\n%s", tt.conds, diff)
			}
		})
	}
}

// TestStorageServicesFolded: the blob and file services are the account's
// blob_properties and share_properties, with the model's retention, and
// the ARM SKU is split into tier and replication.
func TestStorageServicesFolded(t *testing.T) {
	g := exampleGraph(t)
	out := mustRender(t, g)
	n := 0
	for _, bsvc := range model.All[*model.BlobService](g) {
		acct := model.AddressOf(bsvc).Parent()
		sa, _ := model.Lookup[*model.StorageAccount](g, acct.Ref())
		_, m := blocksFor(t, out, model.AddressOf(bsvc))
		if m.FoldedInto != acct || len(m.Blocks) != 0 {
			t.Errorf("%s: folded into %v with blocks %v; want folded into %s with none", bsvc.Name, m.FoldedInto, m.Blocks, acct)
		}
		bs, _ := blocksFor(t, out, acct)
		s := bs.One("azurerm_storage_account")
		tier, repl, _ := strings.Cut(string(sa.SKU), "_")
		if s.Attr("account_tier") != tier || s.Attr("account_replication_type") != repl {
			t.Errorf("%s: tier %v replication %v; want %s %s", sa.Name, s.Attr("account_tier"), s.Attr("account_replication_type"), tier, repl)
		}
		p := s.first("blob_properties")
		var days any
		if d := p.Blocks("delete_retention_policy"); len(d) == 1 {
			days = d[0].Attr("days")
		}
		if bsvc.DeleteRetentionDays > 0 && days != float64(bsvc.DeleteRetentionDays) || bsvc.DeleteRetentionDays == 0 && days != nil {
			t.Errorf("%s: blob soft delete days %v; want %d", sa.Name, days, bsvc.DeleteRetentionDays)
		}
		if p.Attr("versioning_enabled") != bsvc.Versioning {
			t.Errorf("%s: versioning %v; want %v", sa.Name, p.Attr("versioning_enabled"), bsvc.Versioning)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the example has no blob service")
	}
}

// TestLinkedServiceConnectors: Key Vault and Data Lake use azurerm's
// resources with the managed identity; database connectors are custom
// linked services with the ARM typeProperties, the connector version beside
// them and the password read through the Key Vault linked service.
func TestLinkedServiceConnectors(t *testing.T) {
	tests := []struct {
		variant, connector string
		want               map[string]any // path in type_properties_json -> value
	}{
		{"", "Oracle", map[string]any{"authenticationType": "Basic", "password.type": "AzureKeyVaultSecret", "password.store.referenceName": "ref", "server": "10.0.12.20:1521/EDW"}},
		{"sqlserver", "SqlServer", map[string]any{"encrypt": "mandatory", "trustServerCertificate": false, "authenticationType": "SQL", "password.store.referenceName": "ref"}},
		{"postgresql", "PostgreSqlV2", map[string]any{"sslMode": float64(5), "authenticationType": "Basic", "port": float64(4000)}},
	}
	for _, tt := range tests {
		t.Run(tt.connector, func(t *testing.T) {
			g := exampleGraph(t)
			if tt.variant != "" {
				g = variantGraph(t, tt.variant)
			}
			out := mustRender(t, g)
			found := false
			for _, ls := range model.All[*model.LinkedService](g) {
				if ls.Properties.Connector() != tt.connector {
					continue
				}
				found = true
				bs, _ := blocksFor(t, out, model.AddressOf(ls))
				c := bs.One("azurerm_data_factory_linked_custom_service")
				if c.b == nil {
					t.Fatalf("%s is not a custom linked service", ls.Name)
				}
				if c.Attr("type") != tt.connector {
					t.Errorf("%s: type %v; want %s", ls.Name, c.Attr("type"), tt.connector)
				}
				if tt.connector == "Oracle" {
					if v := c.path("additional_properties", "version"); v != "2.0" {
						t.Errorf("%s: connector version %v; want 2.0", ls.Name, v)
					}
				}
				if !strings.Contains(str(c.Attr("type_properties_json")), "azurerm_data_factory_linked_service_key_vault.") {
					t.Errorf("%s: the password's store does not refer to the Key Vault linked service: %v", ls.Name, c.Attr("type_properties_json"))
				}
				for p, want := range tt.want {
					if got := c.path("type_properties_json", strings.Split(p, ".")...); !cmp.Equal(got, want) {
						t.Errorf("%s: %s = %v; want %v", ls.Name, p, got, want)
					}
				}
				if len(c.Blocks("integration_runtime")) != 1 {
					t.Errorf("%s: runs on no integration runtime", ls.Name)
				}
			}
			if !found {
				t.Fatalf("no %s linked service in the model", tt.connector)
			}
		})
	}
}

// TestWebAppPublishingPolicies: the FTP and SCM basic-auth policies are
// attributes of the web app, set from the model.
func TestWebAppPublishingPolicies(t *testing.T) {
	g := exampleGraph(t)
	out := mustRender(t, g)
	attr := map[string]string{"ftp": "ftp_publish_basic_authentication_enabled", "scm": "webdeploy_publish_basic_authentication_enabled"}
	n := 0
	for _, p := range model.All[*model.PublishingCredentialsPolicy](g) {
		site := model.AddressOf(p).Parent()
		bs, _ := blocksFor(t, out, site)
		if got := bs.One("azurerm_linux_web_app").Attr(attr[leaf(p.Name)]); got != p.Allow {
			t.Errorf("%s: %s = %v; want %v", p.Name, attr[leaf(p.Name)], got, p.Allow)
		}
		if _, m := blocksFor(t, out, model.AddressOf(p)); m.FoldedInto != site {
			t.Errorf("%s folded into %v; want %s", p.Name, m.FoldedInto, site)
		}
		n++
	}
	if n != 2 {
		t.Errorf("checked %d policies; want ftp and scm", n)
	}
}

// TestClusterNodePools: the System pool is default_node_pool; other pools
// are azurerm_kubernetes_cluster_node_pool blocks of the cluster, with the
// CriticalAddonsOnly taint spelled for each.
func TestClusterNodePools(t *testing.T) {
	// A fresh graph: the test adds a node pool to the cluster.
	g, err := compileSpec(spec.Example())
	if err != nil {
		t.Fatal(err)
	}
	aks := model.All[*model.ManagedCluster](g)[0]
	sys := aks.NodePools[0]
	user := sys
	user.Name, user.Mode, user.CriticalAddonsOnly, user.MinCount, user.MaxCount = "gpu", "User", true, 0, 3
	aks.NodePools = append(aks.NodePools, user)
	out := mustRender(t, g)
	bs, _ := blocksFor(t, out, model.AddressOf(aks))
	def := bs.One("azurerm_kubernetes_cluster").first("default_node_pool")
	if def.Attr("name") != sys.Name || def.Attr("only_critical_addons_enabled") != nilIfFalse(sys.CriticalAddonsOnly) {
		t.Errorf("default_node_pool name %v critical-only %v; want %s %v", def.Attr("name"), def.Attr("only_critical_addons_enabled"), sys.Name, sys.CriticalAddonsOnly)
	}
	pools := bs.OfType("azurerm_kubernetes_cluster_node_pool")
	if len(pools) != 1 {
		t.Fatalf("%d node pool blocks; want 1", len(pools))
	}
	p := pools[0]
	for name, want := range map[string]any{
		"name": "gpu", "mode": "User", "auto_scaling_enabled": true, "min_count": float64(0), "max_count": float64(3),
		"node_public_ip_enabled": false, "node_taints": []any{"CriticalAddonsOnly=true:NoSchedule"},
	} {
		if got := p.Attr(name); !cmp.Equal(got, want) {
			t.Errorf("node pool %s = %v; want %v", name, got, want)
		}
	}
	if got := str(p.Attr("kubernetes_cluster_id")); !strings.HasPrefix(got, "expr:azurerm_kubernetes_cluster.") {
		t.Errorf("node pool kubernetes_cluster_id = %s; want a reference to the cluster", got)
	}
}

func nilIfFalse(b bool) any {
	if !b {
		return nil
	}
	return true
}

// TestIntegrationRuntimeKey: the self-hosted runtime's key reaches the VM
// only in protected_settings, read from the runtime's
// primary_authorization_key; no output mentions it.
func TestIntegrationRuntimeKey(t *testing.T) {
	g := exampleGraph(t)
	out := mustRender(t, g)
	n := 0
	for _, e := range model.All[*model.VMExtension](g) {
		if e.Kind != model.ExtIntegrationRuntime {
			continue
		}
		n++
		bs, _ := blocksFor(t, out, model.AddressOf(e))
		x := bs.One("azurerm_virtual_machine_extension")
		if s := str(x.Attr("protected_settings")); !strings.Contains(s, "azurerm_data_factory_integration_runtime_self_hosted.") || !strings.Contains(s, ".primary_authorization_key}") {
			t.Errorf("%s protected_settings = %s; want the runtime's primary_authorization_key", e.Name, s)
		}
		if x.Attr("settings") != nil {
			t.Errorf("%s has public settings %v", e.Name, x.Attr("settings"))
		}
	}
	if n == 0 {
		t.Fatal("the example registers no integration runtime")
	}
	if strings.Contains(string(fileNamed(out, "outputs.tf")), "authorization_key") {
		t.Error("outputs.tf exposes an integration runtime key")
	}
}

// TestReferencesThatOrder: Databricks waits for its subnets' NSG
// associations (azurerm requires their IDs) and Synapse's primary file
// system is built from the account's dfs endpoint and the container.
func TestReferencesThatOrder(t *testing.T) {
	g := exampleGraph(t)
	out := mustRender(t, g)
	dbw := model.All[*model.DatabricksWorkspace](g)[0]
	bs, _ := blocksFor(t, out, model.AddressOf(dbw))
	cp := bs.One("azurerm_databricks_workspace").first("custom_parameters")
	for _, a := range []string{"public_subnet_network_security_group_association_id", "private_subnet_network_security_group_association_id"} {
		if got := str(cp.Attr(a)); !strings.HasPrefix(got, "expr:azurerm_subnet_network_security_group_association.") {
			t.Errorf("databricks %s = %s; want the association's id", a, got)
		}
	}
	syn := model.All[*model.SynapseWorkspace](g)[0]
	bs, _ = blocksFor(t, out, model.AddressOf(syn))
	fs := str(bs.One("azurerm_synapse_workspace").Attr("storage_data_lake_gen2_filesystem_id"))
	if !strings.Contains(fs, ".primary_dfs_endpoint}") || !strings.Contains(fs, "azurerm_storage_container.") {
		t.Errorf("synapse file system = %s; want the dfs endpoint and the container", fs)
	}
	if len(bs.OfType("azurerm_synapse_managed_private_endpoint")) != 1 {
		t.Error("synapse has no managed private endpoint to its data lake")
	}
}

// TestAzAPIKinds: the computes and the security contact azurerm cannot
// express are azapi_resource blocks at the ARM rendering's API version,
// each with a reason.
func TestAzAPIKinds(t *testing.T) {
	g := variantGraph(t, "compute-instances")
	out := mustRender(t, g)
	kinds := map[model.Type]int{}
	for _, m := range out.Index {
		if !m.AzAPI {
			continue
		}
		if m.Reason == "" {
			t.Errorf("%s uses azapi without a reason", m.Model)
		}
		kinds[m.Model.Type]++
		bs, _ := blocksFor(t, out, m.Model)
		want := string(m.Model.Type) + "@" + arm.APIVersion(m.Model.Type)
		if got := bs.One("azapi_resource").Attr("type"); got != want {
			t.Errorf("%s: azapi type %v; want %s", m.Model, got, want)
		}
	}
	instances := 0
	for _, c := range model.All[*model.MLCompute](g) {
		if c.Kind == model.MLComputeInstance {
			instances++
		}
	}
	if instances == 0 || kinds[model.TypeMLCompute] != instances+1 || kinds[model.TypeSecurityContact] != 1 {
		t.Errorf("azapi kinds %v; want %d computes (instances and the Kubernetes attach) and the security contact", kinds, instances+1)
	}
}

// TestComputeInstanceWithoutIdleShutdown: an instance that needs no idle
// shutdown is azurerm_machine_learning_compute_instance, valid against the
// schema, assigned to its owner, without public IP or SSH.
func TestComputeInstanceWithoutIdleShutdown(t *testing.T) {
	d := spec.Example()
	d.Team.Workstations.Kind = spec.WorkstationComputeInstance
	g, err := compileSpec(d)
	if err != nil {
		t.Fatal(err)
	}
	var ci *model.MLCompute
	for _, c := range model.All[*model.MLCompute](g) {
		if c.Kind == model.MLComputeInstance {
			ci = c
			break
		}
	}
	if ci == nil {
		t.Fatal("the variation has no compute instance")
	}
	ci.IdleShutdown = ""
	out := mustRender(t, g)
	bs, m := blocksFor(t, out, model.AddressOf(ci))
	if m.AzAPI {
		t.Fatalf("%s uses azapi: %s", ci.Name, m.Reason)
	}
	b := bs.One("azurerm_machine_learning_compute_instance")
	for name, want := range map[string]any{"name": leaf(ci.Name), "node_public_ip_enabled": false, "local_auth_enabled": false, "authorization_type": "personal"} {
		if got := b.Attr(name); got != want {
			t.Errorf("compute instance %s = %v; want %v", name, got, want)
		}
	}
	if len(b.Blocks("ssh")) != 0 {
		t.Error("compute instance has SSH")
	}
	if got := str(b.first("assign_to_user").Attr("object_id")); got != "expr:var."+VarName(ci.OwnerParameter) {
		t.Errorf("compute instance owner = %s; want the owner variable", got)
	}
	s := tfschema.Shared(t)
	for _, f := range out.Files {
		vs, err := s.CheckFile(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Error(v)
		}
	}
}
