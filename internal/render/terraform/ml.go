package terraform

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// Reasons some Azure ML computes are azapi_resource blocks, with the same
// body as the ARM rendering.
const (
	// azurerm_machine_learning_inference_cluster attaches AKS as the legacy
	// v1 "AKS" compute type; the model attaches the cluster through the
	// Azure ML extension as a "Kubernetes" compute (Learn: "Attach a
	// Kubernetes cluster to Azure Machine Learning workspace"), which
	// azurerm has no resource for.
	kubernetesComputeAzAPI = "azurerm has no resource for the Kubernetes compute type (azurerm_machine_learning_inference_cluster is the legacy AKS type)"
	// azurerm_machine_learning_compute_instance has no idle shutdown
	// setting (hashicorp/terraform-provider-azurerm#20973); an instance
	// without it would run, and bill, until stopped by hand.
	computeInstanceAzAPI = "azurerm_machine_learning_compute_instance cannot set idleTimeBeforeShutdown (terraform-provider-azurerm#20973)"
)

// mlComputeAPI is the API version of the azapi computes: the one the ARM
// rendering uses (the newest stable version), which a test checks.
const mlComputeAPI = "2026-03-01"

func mlKinds() table {
	t := table{}
	t.add(kind(mlWorkspace))
	t.add(kind(mlCompute))
	t.add(kind(func(x *Ctx, r *model.ApplicationInsights) error {
		b := x.Top("azurerm_application_insights")
		b.Set("application_type", String("web"))
		b.Set("workspace_id", x.ID(r.Workspace))
		b.Set("local_authentication_enabled", Bool(!r.LocalAuthDisabled))
		setPublicAccess(b, "internet_ingestion_enabled", r.PublicIngestion)
		setPublicAccess(b, "internet_query_enabled", r.PublicQuery)
		return nil
	}))
	return t
}

// mlWorkspace writes an Azure ML workspace (Basic, the only SKU).
// systemDatastoresAuthMode "Identity" is storage_account_access_type
// "Identity"; the serverless compute subnet and its no-public-IP setting
// are the serverless_compute block.
func mlWorkspace(x *Ctx, r *model.MLWorkspace) error {
	if r.Identity.IsZero() {
		return fmt.Errorf("azurerm requires a managed identity for the workspace")
	}
	if r.AppInsights.IsZero() {
		return fmt.Errorf("azurerm requires an Application Insights component for the workspace")
	}
	b := x.Top("azurerm_machine_learning_workspace")
	b.Set("kind", String("Default"))
	b.Set("sku_name", String("Basic"))
	if r.FriendlyName != "" {
		b.Set("friendly_name", String(r.FriendlyName))
	}
	b.Set("storage_account_id", x.ID(r.Storage))
	b.Set("key_vault_id", x.ID(r.KeyVault))
	b.Set("application_insights_id", x.ID(r.AppInsights))
	if !r.Registry.IsZero() {
		b.Set("container_registry_id", x.ID(r.Registry))
	}
	if !r.PrimaryIdentity.IsZero() {
		b.Set("primary_user_assigned_identity", x.ID(r.PrimaryIdentity))
	}
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	b.Set("high_business_impact", Bool(r.HighBusinessImpact))
	b.Set("v1_legacy_mode_enabled", Bool(false))
	if r.IdentityDatastores {
		b.Set("storage_account_access_type", String("Identity"))
	}
	if r.ImageBuildCompute != "" {
		b.Set("image_build_compute_name", String(r.ImageBuildCompute))
	}
	x.Identity(b, r.Identity)
	if r.Isolation != "" {
		b.Block("managed_network").Set("isolation_mode", String(string(r.Isolation)))
	}
	if !r.ServerlessSubnet.IsZero() {
		s := b.Block("serverless_compute")
		s.Set("subnet_id", x.ID(r.ServerlessSubnet))
		s.Set("public_ip_enabled", Bool(false))
	}
	if k := r.CMK; k != nil {
		vault := k.Key.Parent()
		if vault.Type != model.TypeKeyVault {
			return fmt.Errorf("customer-managed key %s is not a Key Vault key", k.Key)
		}
		e := b.Block("encryption")
		e.Set("key_vault_id", x.ID(vault.Ref()))
		// ARM's keyIdentifier is the key's current version URI.
		e.Set("key_id", x.ID(k.Key))
		e.Set("user_assigned_identity_id", x.ID(k.Identity))
	}
	return nil
}

// mlCompute writes a compute of any kind: clusters as
// azurerm_machine_learning_compute_cluster; instances and attached
// Kubernetes clusters as azapi_resource (see the reasons above).
func mlCompute(x *Ctx, r *model.MLCompute) error {
	switch r.Kind {
	case model.MLComputeCluster:
		return computeCluster(x, r)
	case model.MLComputeInstance:
		if r.IdleShutdown == "" {
			return computeInstance(x, r)
		}
		return computeAzAPI(x, r, computeInstanceAzAPI, Object(
			Field{"computeType", String(string(r.Kind))},
			Field{"disableLocalAuth", Bool(r.LocalAuthDisabled)},
			Field{"properties", instanceProperties(x, r)},
		))
	case model.MLComputeKubernetes:
		return computeAzAPI(x, r, kubernetesComputeAzAPI, Object(
			Field{"computeType", String(string(r.Kind))},
			Field{"resourceId", x.ID(r.Cluster)},
			Field{"properties", Object(Field{"namespace", String(r.Namespace)})},
		))
	}
	return fmt.Errorf("unknown compute kind %q", r.Kind)
}

// computeCluster maps the ARM AmlCompute properties: no node public IP,
// SSH (remote login port) closed, dedicated Linux nodes scaling between
// MinNodes and MaxNodes.
func computeCluster(x *Ctx, r *model.MLCompute) error {
	b := x.Resource("azurerm_machine_learning_compute_cluster", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("location", x.Location())
	b.Set("machine_learning_workspace_id", x.ID(x.Address().Parent().Ref()))
	b.Set("vm_size", String(r.VMSize))
	b.Set("vm_priority", String("Dedicated"))
	b.Set("local_auth_enabled", Bool(!r.LocalAuthDisabled))
	b.Set("node_public_ip_enabled", Bool(!r.NoPublicIP))
	b.Set("ssh_public_access_enabled", Bool(false))
	if !r.Subnet.IsZero() {
		b.Set("subnet_resource_id", x.ID(r.Subnet))
	}
	s := b.Block("scale_settings")
	s.Set("min_node_count", Number(int64(r.MinNodes)))
	s.Set("max_node_count", Number(int64(r.MaxNodes)))
	idle := r.IdleBeforeScaleDown
	if idle == "" {
		return fmt.Errorf("azurerm requires the idle time before scale-down")
	}
	s.Set("scale_down_nodes_after_idle_duration", String(idle))
	x.Identity(b, r.Identity)
	x.tags(b)
	return nil
}

// computeInstance writes a personal compute instance with azurerm, for
// instances without idle shutdown.
func computeInstance(x *Ctx, r *model.MLCompute) error {
	b := x.Resource("azurerm_machine_learning_compute_instance", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("machine_learning_workspace_id", x.ID(x.Address().Parent().Ref()))
	b.Set("virtual_machine_size", String(r.VMSize))
	b.Set("authorization_type", String("personal"))
	b.Set("local_auth_enabled", Bool(!r.LocalAuthDisabled))
	b.Set("node_public_ip_enabled", Bool(!r.NoPublicIP))
	if !r.Subnet.IsZero() {
		b.Set("subnet_resource_id", x.ID(r.Subnet))
	}
	if r.OwnerParameter != "" {
		u := b.Block("assign_to_user")
		u.Set("object_id", x.Param(r.OwnerParameter))
		u.Set("tenant_id", x.tenantID())
	}
	x.Identity(b, r.Identity)
	x.tags(b)
	return nil
}

// instanceProperties is the ARM ComputeInstance properties object.
func instanceProperties(x *Ctx, r *model.MLCompute) Expr {
	fs := []Field{
		{"vmSize", String(r.VMSize)},
		{"enableNodePublicIp", Bool(!r.NoPublicIP)},
	}
	if !r.Subnet.IsZero() {
		fs = append(fs, Field{"subnet", Object(Field{"id", x.ID(r.Subnet)})})
	}
	fs = append(fs,
		Field{"idleTimeBeforeShutdown", String(r.IdleShutdown)},
		Field{"applicationSharingPolicy", String("Personal")},
		Field{"computeInstanceAuthorizationType", String("personal")},
		Field{"sshSettings", Object(Field{"sshPublicAccess", String("Disabled")})},
	)
	if r.OwnerParameter != "" {
		fs = append(fs, Field{"personalComputeInstanceSettings", Object(Field{"assignedUser", Object(
			Field{"objectId", x.Param(r.OwnerParameter)},
			Field{"tenantId", x.tenantID()},
		)})})
	}
	return Object(fs...)
}

// computeAzAPI writes a workspace compute as an azapi_resource at the
// apiVersion the ARM rendering uses, with its managed identity.
func computeAzAPI(x *Ctx, r *model.MLCompute, reason string, props Expr) error {
	b := x.AzAPI(string(model.TypeMLCompute)+"@"+mlComputeAPI, reason)
	x.Identity(b, r.Identity)
	b.Set("body", Object(Field{"properties", props}))
	return nil
}
