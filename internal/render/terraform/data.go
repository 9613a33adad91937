package terraform

import (
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/enclave-dev/enclave/internal/model"
)

// streamQueryFold: azurerm_stream_analytics_job holds the job's query and
// size as transformation_query and streaming_units; azurerm has no
// transformation resource.
const streamQueryFold = "azurerm_stream_analytics_job holds the transformation as transformation_query and streaming_units; azurerm has no transformation resource"

// dataKinds registers the data platform: Data Factory (datafactory.go),
// Databricks, Synapse, Event Hubs and Stream Analytics.
func dataKinds() table {
	t := table{}
	dataFactoryKinds(t)
	t.add(kind(databricksWorkspace))
	t.add(kind(synapseWorkspace))
	t.add(kind(func(x *Ctx, r *model.SynapseEntraAdmin) error {
		b := x.Resource("azurerm_synapse_workspace_aad_admin", x.Address())
		b.Set("synapse_workspace_id", x.ID(x.Address().Parent().Ref()))
		b.Set("login", String(r.Login))
		b.Set("object_id", String(r.ObjectID))
		b.Set("tenant_id", x.tenantID())
		return nil
	}))
	t.add(kind(synapseAuditing))
	t.add(kind(func(x *Ctx, r *model.SynapseAlerts) error {
		b := x.Resource("azurerm_synapse_workspace_security_alert_policy", x.Address())
		b.Set("synapse_workspace_id", x.ID(x.Address().Parent().Ref()))
		b.Set("policy_state", String("Enabled"))
		b.Set("email_account_admins_enabled", Bool(r.EmailAdmins))
		return nil
	}))
	t.add(kind(eventHubNamespace))
	t.add(kind(func(x *Ctx, r *model.EventHub) error {
		b := x.Resource("azurerm_eventhub", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("namespace_id", x.ID(x.Address().Parent().Ref()))
		b.Set("partition_count", Number(int64(r.Partitions)))
		rd := b.Block("retention_description")
		rd.Set("cleanup_policy", String("Delete"))
		rd.Set("retention_time_in_hours", Number(int64(r.RetentionHours)))
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.EventHubConsumerGroup) error {
		hub := x.Address().Parent()
		b := x.Resource("azurerm_eventhub_consumer_group", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("namespace_name", x.Name(hub.Parent().Ref()))
		b.Set("eventhub_name", x.Name(hub.Ref()))
		b.Set("resource_group_name", x.GroupName())
		if r.Purpose != "" {
			b.Set("user_metadata", String(r.Purpose))
		}
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.StreamAnalyticsCluster) error {
		b := x.Top("azurerm_stream_analytics_cluster")
		b.Set("streaming_capacity", Number(int64(r.StreamingUnits)))
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.StreamAnalyticsEndpoint) error {
		b := x.Resource("azurerm_stream_analytics_managed_private_endpoint", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_group_name", x.GroupName())
		b.Set("stream_analytics_cluster_name", x.Name(x.Address().Parent().Ref()))
		b.Set("target_resource_id", x.ID(r.Target))
		b.Set("subresource_name", String(r.GroupID))
		return nil
	}))
	t.add(kind(streamAnalyticsJob))
	t.add(kind(func(x *Ctx, r *model.StreamAnalyticsQuery) error {
		x.Fold(x.Address().Parent().Ref(), streamQueryFold)
		return nil
	}))
	t.add(kind(streamAnalyticsInput))
	t.add(kind(streamAnalyticsOutput))
	return t
}

// databricksWorkspace writes a VNet-injected workspace. azurerm requires
// the IDs of the subnets' NSG associations with a custom virtual network,
// so the workspace is created only once both subnets have their NSGs.
func databricksWorkspace(x *Ctx, r *model.DatabricksWorkspace) error {
	b := x.Top("azurerm_databricks_workspace")
	b.Set("sku", String(r.SKU))
	if r.ManagedResourceGroup != "" {
		b.Set("managed_resource_group_name", String(r.ManagedResourceGroup))
	}
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	if r.RequiredNSGRules != "" {
		b.Set("network_security_group_rules_required", String(string(r.RequiredNSGRules)))
	}
	b.Set("infrastructure_encryption_enabled", Bool(r.InfrastructureEncryption))
	p := b.Block("custom_parameters")
	p.Set("no_public_ip", Bool(r.NoPublicIP))
	if !r.VirtualNetwork.IsZero() {
		p.Set("virtual_network_id", x.ID(r.VirtualNetwork))
		p.Set("public_subnet_name", x.Name(r.HostSubnet))
		p.Set("private_subnet_name", x.Name(r.ContainerSubnet))
		p.Set("public_subnet_network_security_group_association_id", x.nsgAssociationID(r.HostSubnet))
		p.Set("private_subnet_network_security_group_association_id", x.nsgAssociationID(r.ContainerSubnet))
	}
	return nil
}

// nsgAssociationID is the id of the azurerm_subnet_network_security_group_association
// the VNet converter writes for subnet (a helper block no model address
// stands for), found when the files are written.
func (x *Ctx) nsgAssociationID(subnet model.Ref) Expr {
	return nsgAssocExpr{st: x.st, subnet: subnet.Address}
}

type nsgAssocExpr struct {
	st     *state
	subnet model.Address
}

func (e nsgAssocExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	sb, ok := r.addrOf(e.subnet)
	if !ok {
		return nil, fmt.Errorf("reference to subnet %s, which no Terraform block stands for", e.subnet)
	}
	for _, name := range sortedFileNames(e.st) {
		for _, blk := range e.st.files[name] {
			if blk.Type != "resource" || blk.Labels[0] != "azurerm_subnet_network_security_group_association" {
				continue
			}
			for _, it := range blk.Body.items {
				if ref, ok := it.expr.(blockRef); ok && it.name == "subnet_id" && ref.b == sb {
					return blk.Body.traversal(r, "id"), nil
				}
			}
		}
	}
	return nil, fmt.Errorf("subnet %s has no network security group association", e.subnet)
}

func sortedFileNames(st *state) []string {
	names := make([]string, 0, len(st.files))
	for n := range st.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// synapseWorkspace writes the workspace on its primary file system. The
// file system ID azurerm expects is the data-plane URL
// https://<account>.dfs.core.windows.net/<filesystem>; it is built from the
// account's dfs endpoint and the container's name, so Terraform orders the
// workspace after the container.
//
// ARM's defaultDataLakeStorage.createManagedPrivateEndpoint has no azurerm
// attribute; the managed private endpoint to the lake's dfs endpoint is an
// azurerm_synapse_managed_private_endpoint instead, named as Azure names
// the one it creates. It is a Synapse data-plane object: Terraform must
// reach the workspace's Dev private endpoint to create it.
func synapseWorkspace(x *Ctx, r *model.SynapseWorkspace) error {
	if r.DataLake.Type != model.TypeStorageAccount || r.FileSystem == "" {
		return fmt.Errorf("synapse workspace without a primary Data Lake file system")
	}
	b := x.Top("azurerm_synapse_workspace")
	container := r.DataLake.Address.Child("blobServices", "default").Child("containers", r.FileSystem)
	if _, ok := x.Graph().Get(container); ok {
		b.Set("storage_data_lake_gen2_filesystem_id", Interp(x.Ref(r.DataLake, "primary_dfs_endpoint"), x.Name(container.Ref())))
	} else {
		b.Set("storage_data_lake_gen2_filesystem_id", Interp(x.Ref(r.DataLake, "primary_dfs_endpoint"), String(r.FileSystem)))
	}
	b.Set("managed_virtual_network_enabled", Bool(r.ManagedVirtualNetwork))
	if r.ManagedVirtualNetwork {
		b.Set("data_exfiltration_protection_enabled", Bool(r.PreventDataExfiltration))
		if len(r.AllowedTenants) > 0 {
			b.Set("linking_allowed_for_aad_tenant_ids", Strings(r.AllowedTenants))
		}
	} else if r.PreventDataExfiltration {
		return fmt.Errorf("data exfiltration protection needs the managed virtual network")
	}
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	b.Set("azuread_authentication_only", Bool(r.EntraOnlyAuth))
	if r.SQLAdminLogin != "" {
		b.Set("sql_administrator_login", String(r.SQLAdminLogin))
	}
	if r.ManagedResourceGroup != "" {
		b.Set("managed_resource_group_name", String(r.ManagedResourceGroup))
	}
	x.Identity(b, r.Identity)
	if k := r.CMK; k != nil {
		c := b.Block("customer_managed_key")
		c.Set("key_versionless_id", x.Ref(k.Key, "versionless_id"))
		// The workspace key sub-resource is "default" in the ARM rendering.
		c.Set("key_name", String("default"))
		c.Set("user_assigned_identity_id", x.ID(k.Identity))
	}
	if r.DataLakeEndpoint {
		if !r.ManagedVirtualNetwork {
			return fmt.Errorf("a managed private endpoint to the data lake needs the managed virtual network")
		}
		e := x.Helper("azurerm_synapse_managed_private_endpoint", x.Address(), "datalake")
		e.Set("name", String("synapse-ws-custStgAcct--"+leaf(r.Name)+"-"+r.DataLake.Leaf()))
		e.Set("synapse_workspace_id", b.Attr("id"))
		e.Set("target_resource_id", x.ID(r.DataLake))
		e.Set("subresource_name", String("dfs"))
	}
	return nil
}

// eventHubNamespace writes the namespace. azurerm 4.x has no zone
// redundancy switch: namespaces are zone redundant in regions with
// availability zones (https://learn.microsoft.com/azure/event-hubs/event-hubs-availability-and-consistency).
func eventHubNamespace(x *Ctx, r *model.EventHubNamespace) error {
	b := x.Top("azurerm_eventhub_namespace")
	b.Set("sku", String(string(r.SKU)))
	if r.ThroughputUnits > 0 {
		b.Set("capacity", Number(int64(r.ThroughputUnits)))
	}
	b.Set("auto_inflate_enabled", Bool(r.AutoInflate))
	if r.AutoInflate {
		b.Set("maximum_throughput_units", Number(int64(r.MaxThroughputUnits)))
	}
	b.Set("local_authentication_enabled", Bool(!r.LocalAuthDisabled))
	if r.MinimumTLS != "" {
		b.Set("minimum_tls_version", String(r.MinimumTLS))
	}
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	return nil
}

// streamAnalyticsJob writes the job with its folded transformation. The
// job's metadata stays in the service's storage (content_storage_policy
// SystemAccount) and its data-plane credential is its managed identity.
func streamAnalyticsJob(x *Ctx, r *model.StreamAnalyticsJob) error {
	var q *model.StreamAnalyticsQuery
	for _, s := range model.All[*model.StreamAnalyticsQuery](x.Graph()) {
		if model.AddressOf(s).Parent() == x.Address() {
			if q != nil {
				return fmt.Errorf("job has two transformations; azurerm holds one")
			}
			q = s
		}
	}
	if q == nil {
		return fmt.Errorf("azurerm requires the job's transformation query")
	}
	b := x.Top("azurerm_stream_analytics_job")
	b.Set("type", String("Cloud"))
	b.Set("sku_name", String("Standard"))
	if !r.Cluster.IsZero() {
		b.Set("stream_analytics_cluster_id", x.ID(r.Cluster))
	}
	if r.CompatibilityLevel != "" {
		b.Set("compatibility_level", String(r.CompatibilityLevel))
	}
	b.Set("data_locale", String("en-US"))
	b.Set("events_late_arrival_max_delay_in_seconds", Number(int64(r.LateArrivalSeconds)))
	b.Set("events_out_of_order_max_delay_in_seconds", Number(int64(r.OutOfOrderSeconds)))
	policy := "Drop"
	if r.OutOfOrderAdjust {
		policy = "Adjust"
	}
	b.Set("events_out_of_order_policy", String(policy))
	outErr := "Drop"
	if r.StopOnOutputError {
		outErr = "Stop"
	}
	b.Set("output_error_policy", String(outErr))
	b.Set("content_storage_policy", String("SystemAccount"))
	b.Set("streaming_units", Number(int64(q.StreamingUnits)))
	b.Set("transformation_query", String(q.Query))
	x.Identity(b, r.Identity)
	return nil
}

// streamAnalyticsInput reads JSON events from an event hub with the job's
// managed identity.
func streamAnalyticsInput(x *Ctx, r *model.StreamAnalyticsInput) error {
	ns := r.EventHub.Parent()
	if ns.Type != model.TypeEventHubNamespace {
		return fmt.Errorf("input %s does not read an event hub", r.Name)
	}
	b := x.Resource("azurerm_stream_analytics_stream_input_eventhub_v2", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("stream_analytics_job_id", x.ID(x.Address().Parent().Ref()))
	b.Set("servicebus_namespace", x.Name(ns.Ref()))
	b.Set("eventhub_name", x.Name(r.EventHub))
	if !r.ConsumerGroup.IsZero() {
		b.Set("eventhub_consumer_group_name", x.Name(r.ConsumerGroup))
	}
	b.Set("authentication_mode", String("Msi"))
	s := b.Block("serialization")
	s.Set("type", String("Json"))
	s.Set("encoding", String("UTF8"))
	return nil
}

// streamAnalyticsOutput writes line-separated JSON to a blob container with
// the job's managed identity.
func streamAnalyticsOutput(x *Ctx, r *model.StreamAnalyticsOutput) error {
	account := r.Container.Parent().Parent()
	if account.Type != model.TypeStorageAccount {
		return fmt.Errorf("output %s does not write to a blob container", r.Name)
	}
	job := x.Address().Parent()
	b := x.Resource("azurerm_stream_analytics_output_blob", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("stream_analytics_job_name", x.Name(job.Ref()))
	b.Set("resource_group_name", x.Ref(job.Ref(), "resource_group_name"))
	b.Set("storage_account_name", x.Name(account.Ref()))
	b.Set("storage_container_name", x.Name(r.Container))
	b.Set("path_pattern", String(r.PathPattern))
	b.Set("date_format", String("yyyy/MM/dd"))
	b.Set("time_format", String("HH"))
	b.Set("authentication_mode", String("Msi"))
	s := b.Block("serialization")
	s.Set("type", String("Json"))
	s.Set("encoding", String("UTF8"))
	s.Set("format", String("LineSeparated"))
	return nil
}

// synapseDefaultAuditGroups are the action groups Azure audits when none are
// named, which is all azurerm_synapse_workspace_extended_auditing_policy
// can express.
var synapseDefaultAuditGroups = []string{"SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP", "FAILED_DATABASE_AUTHENTICATION_GROUP", "BATCH_COMPLETED_GROUP"}

// synapseAuditing sends SQL audit events to Azure Monitor. The provider
// cannot choose action groups, so any other set than Azure's default is an
// error rather than a silently different rendering.
func synapseAuditing(x *Ctx, r *model.SynapseAuditing) error {
	if !slices.Equal(slices.Sorted(slices.Values(r.ActionGroups)), slices.Sorted(slices.Values(synapseDefaultAuditGroups))) {
		return fmt.Errorf("%s: azurerm audits only Azure's default action groups %v, not %v", r.Name, synapseDefaultAuditGroups, r.ActionGroups)
	}
	b := x.Resource("azurerm_synapse_workspace_extended_auditing_policy", x.Address())
	b.Set("synapse_workspace_id", x.ID(x.Address().Parent().Ref()))
	b.Set("log_monitoring_enabled", Bool(r.AzureMonitor))
	return nil
}
