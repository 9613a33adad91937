resource "azurerm_role_assignment" "crkodataez5fw_id_kodata_aks_kubelet_acrpull" {
  name               = "490926cf-1792-5cc5-adff-c036187260bf"
  scope              = azurerm_container_registry.crkodataez5fw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d"
  principal_id       = azurerm_user_assigned_identity.aks_kubelet.principal_id
  principal_type     = "ServicePrincipal"
  description        = "AcrPull for id-kodata-aks-kubelet"
}

resource "azurerm_role_assignment" "aks_kubelet_id_kodata_aks_managed_identity_operator" {
  name               = "830e9dd8-4945-53b5-a1ad-c18c7992f185"
  scope              = azurerm_user_assigned_identity.aks_kubelet.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/f1a07417-d97a-45cb-824c-7a7467783830"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Managed Identity Operator for id-kodata-aks"
}

resource "azurerm_container_registry" "crkodataez5fw" {
  name                          = "crkodataez5fw"
  resource_group_name           = azurerm_resource_group.ml.name
  location                      = azurerm_resource_group.ml.location
  sku                           = "Premium"
  admin_enabled                 = false
  anonymous_pull_enabled        = false
  data_endpoint_enabled         = false
  public_network_access_enabled = false
  network_rule_bypass_option    = "AzureServices"
  network_rule_set = [{
    default_action = "Deny"
    ip_rule        = []
  }]
  zone_redundancy_enabled  = true
  retention_policy_in_days = 7
  export_policy_enabled    = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_kubernetes_cluster" "scoring" {
  name                                = "aks-kodata-scoring"
  resource_group_name                 = azurerm_resource_group.ml.name
  location                            = azurerm_resource_group.ml.location
  sku_tier                            = "Standard"
  dns_prefix_private_cluster          = "aks-kodata-scoring"
  private_cluster_enabled             = true
  private_cluster_public_fqdn_enabled = false
  private_dns_zone_id                 = azurerm_private_dns_zone.privatelink_australiaeast_azmk8s_io.id
  run_command_enabled                 = false
  role_based_access_control_enabled   = true
  local_account_disabled              = false
  azure_policy_enabled                = true
  oidc_issuer_enabled                 = true
  workload_identity_enabled           = true
  image_cleaner_enabled               = true
  image_cleaner_interval_hours        = 168
  automatic_upgrade_channel           = "stable"
  node_os_upgrade_channel             = "NodeImage"
  default_node_pool {
    name                    = "system"
    type                    = "VirtualMachineScaleSets"
    vm_size                 = "Standard_D4s_v5"
    os_sku                  = "AzureLinux"
    vnet_subnet_id          = azurerm_subnet.spoke_snet_scoring.id
    node_public_ip_enabled  = false
    host_encryption_enabled = true
    max_pods                = 30
    zones                   = ["1", "2", "3"]
    auto_scaling_enabled    = true
    min_count               = 2
    max_count               = 5
    upgrade_settings {
      max_surge = "1"
    }
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.aks.id]
  }
  kubelet_identity {
    client_id                 = azurerm_user_assigned_identity.aks_kubelet.client_id
    object_id                 = azurerm_user_assigned_identity.aks_kubelet.principal_id
    user_assigned_identity_id = azurerm_user_assigned_identity.aks_kubelet.id
  }
  azure_active_directory_role_based_access_control {
    tenant_id              = data.azurerm_client_config.current.tenant_id
    azure_rbac_enabled     = true
    admin_group_object_ids = ["8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"]
  }
  network_profile {
    network_plugin    = "azure"
    network_policy    = "calico"
    service_cidr      = "172.20.0.0/16"
    dns_service_ip    = "172.20.0.10"
    outbound_type     = "userDefinedRouting"
    load_balancer_sku = "standard"
  }
  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.log.id
    msi_auth_for_monitoring_enabled = true
  }
  microsoft_defender {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.privatelink_australiaeast_azmk8s_io_id_kodata_aks_private_dns_zone_contributor, azurerm_role_assignment.spoke_snet_scoring_id_kodata_aks_network_contributor, azurerm_role_assignment.aks_kubelet_id_kodata_aks_managed_identity_operator]
}

resource "azurerm_monitor_diagnostic_setting" "crkodataez5fw_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_container_registry.crkodataez5fw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "scoring_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_kubernetes_cluster.scoring.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category = "kube-audit-admin"
  }
  enabled_log {
    category = "guard"
  }
  enabled_log {
    category = "cluster-autoscaler"
  }
  enabled_log {
    category = "kube-controller-manager"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_user_assigned_identity" "aks" {
  name                = "id-kodata-aks"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_user_assigned_identity" "aks_kubelet" {
  name                = "id-kodata-aks-kubelet"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "crkodataez5fw_registry" {
  name                = "pe-kodata-crkodataez5fw-registry"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-crkodataez5fw-registry"
    private_connection_resource_id = azurerm_container_registry.crkodataez5fw.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_azurecr_io.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_role_assignment" "privatelink_australiaeast_azmk8s_io_id_kodata_aks_private_dns_zone_contributor" {
  name               = "1cb1b734-7cb9-5577-b74b-4251d9a41c9c"
  scope              = azurerm_private_dns_zone.privatelink_australiaeast_azmk8s_io.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b12aa53e-6015-4669-85d0-8515ebb3ae7f"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Private DNS Zone Contributor for id-kodata-aks"
}

resource "azurerm_role_assignment" "spoke_snet_scoring_id_kodata_aks_network_contributor" {
  name               = "9304922d-83c0-546a-91a8-1cf480626f97"
  scope              = azurerm_subnet.spoke_snet_scoring.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Network Contributor for id-kodata-aks"
}
