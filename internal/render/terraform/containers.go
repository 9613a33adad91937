package terraform

import (
	"fmt"
	"slices"

	"github.com/enclave-dev/enclave/internal/model"
)

func containerKinds() table {
	t := table{}
	t.add(kind(containerRegistry))
	t.add(kind(managedCluster))
	t.add(kind(func(x *Ctx, r *model.ClusterExtension) error {
		if r.Scope.Type != model.TypeManagedCluster {
			return fmt.Errorf("cluster extension on %s, which is not an AKS cluster", r.Scope)
		}
		b := x.Resource("azurerm_kubernetes_cluster_extension", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("cluster_id", x.ID(r.Scope))
		b.Set("extension_type", String(r.ExtensionType))
		if r.ReleaseTrain != "" {
			b.Set("release_train", String(r.ReleaseTrain))
		}
		// A cluster-scoped extension: ARM's scope.cluster.releaseNamespace.
		if r.ReleaseNamespace != "" {
			b.Set("release_namespace", String(r.ReleaseNamespace))
		}
		if len(r.Settings) > 0 {
			m := map[string]string{}
			for _, s := range r.Settings {
				m[s.Name] = s.Value
			}
			b.Set("configuration_settings", StringMap(m))
		}
		// azurerm has no autoUpgradeMinorVersion switch: an extension
		// without a pinned version follows its release train, which is
		// ARM's autoUpgradeMinorVersion true.
		if !r.AutoUpgradeMinor {
			return fmt.Errorf("azurerm cannot turn off minor version upgrades of an extension without pinning a version")
		}
		return nil
	}))
	return t
}

// containerRegistry writes an ACR. The ARM networkRuleSet is azurerm's
// network_rule_set attribute (a list of objects, so every object attribute
// is given); export and retention policies are flat attributes.
func containerRegistry(x *Ctx, r *model.ContainerRegistry) error {
	b := x.Top("azurerm_container_registry")
	b.Set("sku", String(r.SKU))
	b.Set("admin_enabled", Bool(r.AdminUser))
	b.Set("anonymous_pull_enabled", Bool(r.AnonymousPull))
	b.Set("data_endpoint_enabled", Bool(false))
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	b.Set("network_rule_bypass_option", String(bypassList(r.NetworkACL.Bypass)[0]))
	if r.NetworkACL.DefaultAction != "" {
		b.Set("network_rule_set", List(Object(
			Field{"default_action", String(string(r.NetworkACL.DefaultAction))},
			Field{"ip_rule", List()},
		)))
	}
	b.Set("zone_redundancy_enabled", Bool(r.ZoneRedundant))
	if r.UntaggedRetentionDays > 0 {
		b.Set("retention_policy_in_days", Number(int64(r.UntaggedRetentionDays)))
	}
	b.Set("export_policy_enabled", Bool(!r.ExportDisabled))
	return nil
}

// managedCluster writes a private AKS cluster. The first System pool is
// azurerm's default_node_pool; every other pool is an
// azurerm_kubernetes_cluster_node_pool (ARM declares all of them in
// agentPoolProfiles). The control plane and kubelet identities are the
// user-assigned identities of the model, so roles can be granted before
// the cluster exists.
func managedCluster(x *Ctx, r *model.ManagedCluster) error {
	sys := slices.IndexFunc(r.NodePools, func(p model.NodePool) bool { return p.Mode == "System" })
	if sys < 0 {
		return fmt.Errorf("cluster has no System node pool")
	}
	b := x.Top("azurerm_kubernetes_cluster")
	if r.Tier != "" {
		b.Set("sku_tier", String(r.Tier))
	}
	if r.FQDNSubdomain == "" {
		return fmt.Errorf("cluster has no FQDN subdomain; azurerm needs dns_prefix or dns_prefix_private_cluster")
	}
	// fqdnSubdomain, used with a bring-your-own private DNS zone.
	b.Set("dns_prefix_private_cluster", String(r.FQDNSubdomain))
	b.Set("private_cluster_enabled", Bool(r.PrivateCluster))
	b.Set("private_cluster_public_fqdn_enabled", Bool(false))
	if !r.PrivateDNSZone.IsZero() {
		b.Set("private_dns_zone_id", x.ID(r.PrivateDNSZone))
	}
	b.Set("run_command_enabled", Bool(!r.RunCommandDisabled))
	b.Set("role_based_access_control_enabled", Bool(true))
	b.Set("local_account_disabled", Bool(r.LocalAccountsDisabled))
	b.Set("azure_policy_enabled", Bool(r.AzurePolicy))
	b.Set("oidc_issuer_enabled", Bool(r.WorkloadIdentity))
	b.Set("workload_identity_enabled", Bool(r.WorkloadIdentity))
	if r.ImageCleanerHours > 0 {
		b.Set("image_cleaner_enabled", Bool(true))
		b.Set("image_cleaner_interval_hours", Number(int64(r.ImageCleanerHours)))
	}
	if r.UpgradeChannel != "" {
		b.Set("automatic_upgrade_channel", String(r.UpgradeChannel))
	}
	if r.NodeOSUpgradeChannel != "" {
		b.Set("node_os_upgrade_channel", String(r.NodeOSUpgradeChannel))
	}
	nodePool(x, b.Block("default_node_pool"), r.NodePools[sys], true)
	x.Identity(b, r.Identity)
	if !r.KubeletIdentity.IsZero() {
		k := b.Block("kubelet_identity")
		k.Set("client_id", x.Ref(r.KubeletIdentity, "client_id"))
		k.Set("object_id", x.Ref(r.KubeletIdentity, "principal_id"))
		k.Set("user_assigned_identity_id", x.ID(r.KubeletIdentity))
	}
	// Entra ID integration is always managed in azurerm 4.x.
	aad := b.Block("azure_active_directory_role_based_access_control")
	aad.Set("tenant_id", x.tenantID())
	aad.Set("azure_rbac_enabled", Bool(r.AzureRBAC))
	if len(r.EntraAdminGroups) > 0 {
		aad.Set("admin_group_object_ids", Strings(r.EntraAdminGroups))
	}
	n := b.Block("network_profile")
	n.Set("network_plugin", String(r.Network.Plugin))
	if r.Network.Policy != "" {
		n.Set("network_policy", String(r.Network.Policy))
	}
	n.Set("service_cidr", String(r.Network.ServiceCIDR.String()))
	n.Set("dns_service_ip", String(r.Network.DNSServiceIP.String()))
	n.Set("outbound_type", String(string(r.Network.Outbound)))
	n.Set("load_balancer_sku", String("standard"))
	if !r.Workspace.IsZero() {
		o := b.Block("oms_agent")
		o.Set("log_analytics_workspace_id", x.ID(r.Workspace))
		o.Set("msi_auth_for_monitoring_enabled", Bool(true))
		if r.Defender {
			b.Block("microsoft_defender").Set("log_analytics_workspace_id", x.ID(r.Workspace))
		}
	}
	for i, np := range r.NodePools {
		if i == sys {
			continue
		}
		p := x.Helper("azurerm_kubernetes_cluster_node_pool", x.Address(), np.Name)
		p.Set("name", String(np.Name))
		p.Set("kubernetes_cluster_id", b.Attr("id"))
		p.Set("mode", String(np.Mode))
		p.Set("os_type", String("Linux"))
		nodePool(x, p, np, false)
		x.tags(p)
	}
	return nil
}

// nodePool writes the settings every pool has: VM scale set nodes without
// public IPs in the pool's subnet, autoscaling when MaxCount > MinCount.
// The default pool spells ARM's CriticalAddonsOnly taint as
// only_critical_addons_enabled; other pools as node_taints.
func nodePool(x *Ctx, p *Body, np model.NodePool, isDefault bool) {
	if isDefault {
		p.Set("name", String(np.Name))
		p.Set("type", String("VirtualMachineScaleSets"))
	}
	p.Set("vm_size", String(np.VMSize))
	if np.OSSKU != "" {
		p.Set("os_sku", String(np.OSSKU))
	}
	p.Set("vnet_subnet_id", x.ID(np.Subnet))
	p.Set("node_public_ip_enabled", Bool(false))
	p.Set("host_encryption_enabled", Bool(np.EncryptionAtHost))
	if np.MaxPods > 0 {
		p.Set("max_pods", Number(int64(np.MaxPods)))
	}
	if len(np.Zones) > 0 {
		p.Set("zones", Strings(np.Zones))
	}
	// An autoscaled pool starts at min_count; node_count is left to the
	// autoscaler, so later plans do not fight it. ARM's count is MinCount.
	autoscale := np.MaxCount > np.MinCount
	p.Set("auto_scaling_enabled", Bool(autoscale))
	if autoscale {
		p.Set("min_count", Number(int64(np.MinCount)))
		p.Set("max_count", Number(int64(np.MaxCount)))
	} else {
		p.Set("node_count", Number(int64(np.MinCount)))
	}
	if np.CriticalAddonsOnly {
		if isDefault {
			p.Set("only_critical_addons_enabled", Bool(true))
		} else {
			p.Set("node_taints", Strings([]string{"CriticalAddonsOnly=true:NoSchedule"}))
		}
	}
	p.Block("upgrade_settings").Set("max_surge", String("1"))
}
