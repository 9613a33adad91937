resource "azurerm_role_assignment" "stkodatamlymvjq_gpu_cluster_storage_blob_data_contributor" {
  name               = "166af82c-7ede-5d97-a61b-93a7e50d3e41"
  scope              = azurerm_storage_account.stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_machine_learning_compute_cluster.mlw_gpu_cluster.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for gpu-cluster"
}

resource "azurerm_role_assignment" "ml_uk4ec_cmk_stkodatamlymvjq_id_kodata_cmk_key_vault_crypto_service_encryption_user" {
  name               = "1d8a6f02-a5a7-50cd-ae7a-a3d4d4a4ed02"
  scope              = azurerm_key_vault_key.ml_uk4ec_cmk_stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"
  principal_id       = azurerm_user_assigned_identity.cmk.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Crypto Service Encryption User for id-kodata-cmk"
}

resource "azurerm_role_assignment" "crkodataez5fw_cpu_cluster_acrpull" {
  name               = "2639cd2d-102e-5c07-9bef-8dd29934bed1"
  scope              = azurerm_container_registry.crkodataez5fw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d"
  principal_id       = azurerm_machine_learning_compute_cluster.mlw_cpu_cluster.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "AcrPull for cpu-cluster"
}

resource "azurerm_role_assignment" "crkodataez5fw_id_kodata_mlw_contributor" {
  name               = "3dcf8a69-a941-54ae-8d63-8ea0e4a133b3"
  scope              = azurerm_container_registry.crkodataez5fw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "stkodatamlymvjq_id_kodata_mlw_storage_blob_data_contributor" {
  name               = "42d0dc47-a8fd-530f-a3fc-dd9257de594d"
  scope              = azurerm_storage_account.stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "ml_uk4ec_id_kodata_mlw_contributor" {
  name               = "6c0b757f-aae4-5b9d-8720-199a3fe55c4a"
  scope              = azurerm_key_vault.ml_uk4ec.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "ml_uk4ec_id_kodata_mlw_key_vault_administrator" {
  name               = "7074116c-bd31-5fc2-b2c6-80c16355048a"
  scope              = azurerm_key_vault.ml_uk4ec.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Administrator for id-kodata-mlw"
}

resource "azurerm_role_assignment" "ml_uk4ec_cmk_mlw_id_kodata_cmk_key_vault_crypto_service_encryption_user" {
  name               = "8d194802-6f5a-5990-94c3-ed9c72b4719e"
  scope              = azurerm_key_vault_key.ml_uk4ec_cmk_mlw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"
  principal_id       = azurerm_user_assigned_identity.cmk.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Crypto Service Encryption User for id-kodata-cmk"
}

resource "azurerm_role_assignment" "crkodataez5fw_gpu_cluster_acrpull" {
  name               = "bc70d1b9-38e1-55aa-9898-251ef2dacf54"
  scope              = azurerm_container_registry.crkodataez5fw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d"
  principal_id       = azurerm_machine_learning_compute_cluster.mlw_gpu_cluster.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "AcrPull for gpu-cluster"
}

resource "azurerm_role_assignment" "stkodatamlymvjq_id_kodata_mlw_storage_file_data_privileged_contributor" {
  name               = "d7eceb5b-b632-546c-97e6-b9428076c927"
  scope              = azurerm_storage_account.stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/69566ab7-960f-475b-8e7c-b3118f30c6bd"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage File Data Privileged Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "stkodatamlymvjq_id_kodata_mlw_contributor" {
  name               = "e1e760ec-40d1-5700-94dd-72ad61fd06b9"
  scope              = azurerm_storage_account.stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "ml_id_kodata_mlw_contributor" {
  name               = "faaa09fd-ee2c-5249-98c7-c77bc6503c50"
  scope              = azurerm_application_insights.ml.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = azurerm_user_assigned_identity.mlw.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Contributor for id-kodata-mlw"
}

resource "azurerm_role_assignment" "stkodatamlymvjq_cpu_cluster_storage_blob_data_contributor" {
  name               = "ffdf6b78-e4e5-54d1-b053-ef706024a492"
  scope              = azurerm_storage_account.stkodatamlymvjq.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_machine_learning_compute_cluster.mlw_cpu_cluster.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for cpu-cluster"
}

resource "azurerm_application_insights" "ml" {
  name                         = "appi-kodata-ml"
  resource_group_name          = azurerm_resource_group.ml.name
  location                     = azurerm_resource_group.ml.location
  application_type             = "web"
  workspace_id                 = azurerm_log_analytics_workspace.log.id
  local_authentication_enabled = false
  internet_ingestion_enabled   = true
  internet_query_enabled       = true
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ml_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_application_insights.ml.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ml_uk4ec_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_key_vault.ml_uk4ec.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "mlw_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_machine_learning_workspace.mlw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "stkodatamlymvjq_default_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_storage_account.stkodatamlymvjq.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "stkodatamlymvjq_default_to_log_analytics_2" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_storage_account.stkodatamlymvjq.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "stkodatamlymvjq_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_storage_account.stkodatamlymvjq.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_key_vault" "ml_uk4ec" {
  name                            = "kv-kodata-ml-uk4ec"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  tenant_id                       = data.azurerm_client_config.current.tenant_id
  sku_name                        = "premium"
  rbac_authorization_enabled      = true
  soft_delete_retention_days      = 90
  purge_protection_enabled        = true
  enabled_for_deployment          = false
  enabled_for_disk_encryption     = false
  enabled_for_template_deployment = false
  public_network_access_enabled   = false
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_key_vault_key" "ml_uk4ec_cmk_mlw" {
  name         = "cmk-mlw-kodata"
  key_vault_id = azurerm_key_vault.ml_uk4ec.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
  rotation_policy {
    expire_after         = "P2Y"
    notify_before_expiry = "P30D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_key_vault_key" "ml_uk4ec_cmk_stkodatamlymvjq" {
  name         = "cmk-stkodatamlymvjq"
  key_vault_id = azurerm_key_vault.ml_uk4ec.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
  rotation_policy {
    expire_after         = "P2Y"
    notify_before_expiry = "P30D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_kubernetes_cluster_extension" "scoring_azureml" {
  name              = "azureml"
  cluster_id        = azurerm_kubernetes_cluster.scoring.id
  extension_type    = "Microsoft.AzureML.Kubernetes"
  release_train     = "stable"
  release_namespace = "azureml"
  configuration_settings = {
    allowInsecureConnections     = "False"
    enableInference              = "True"
    enableTraining               = "False"
    inferenceRouterHA            = "False"
    inferenceRouterServiceType   = "loadBalancer"
    internalLoadBalancerProvider = "azure"
    sslCname                     = "scoring.kodata.internal"
    sslSecret                    = "azureml-fe-tls"
  }
}

resource "azurerm_machine_learning_workspace" "mlw" {
  name                           = "mlw-kodata"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  kind                           = "Default"
  sku_name                       = "Basic"
  friendly_name                  = "kodata machine learning"
  storage_account_id             = azurerm_storage_account.stkodatamlymvjq.id
  key_vault_id                   = azurerm_key_vault.ml_uk4ec.id
  application_insights_id        = azurerm_application_insights.ml.id
  container_registry_id          = azurerm_container_registry.crkodataez5fw.id
  primary_user_assigned_identity = azurerm_user_assigned_identity.mlw.id
  public_network_access_enabled  = false
  high_business_impact           = true
  v1_legacy_mode_enabled         = false
  storage_account_access_type    = "Identity"
  image_build_compute_name       = "cpu-cluster"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.mlw.id, azurerm_user_assigned_identity.cmk.id]
  }
  managed_network {
    isolation_mode = "Disabled"
  }
  serverless_compute {
    subnet_id         = azurerm_subnet.spoke_snet_training.id
    public_ip_enabled = false
  }
  encryption {
    key_vault_id              = azurerm_key_vault.ml_uk4ec.id
    key_id                    = azurerm_key_vault_key.ml_uk4ec_cmk_mlw.id
    user_assigned_identity_id = azurerm_user_assigned_identity.cmk.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.stkodatamlymvjq_id_kodata_mlw_contributor, azurerm_role_assignment.stkodatamlymvjq_id_kodata_mlw_storage_blob_data_contributor, azurerm_role_assignment.stkodatamlymvjq_id_kodata_mlw_storage_file_data_privileged_contributor, azurerm_role_assignment.ml_uk4ec_id_kodata_mlw_contributor, azurerm_role_assignment.ml_uk4ec_id_kodata_mlw_key_vault_administrator, azurerm_role_assignment.crkodataez5fw_id_kodata_mlw_contributor, azurerm_role_assignment.ml_id_kodata_mlw_contributor, azurerm_role_assignment.ml_uk4ec_cmk_mlw_id_kodata_cmk_key_vault_crypto_service_encryption_user]
}

resource "azurerm_machine_learning_compute_cluster" "mlw_cpu_cluster" {
  name                          = "cpu-cluster"
  location                      = azurerm_resource_group.ml.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.mlw.id
  vm_size                       = "Standard_DS3_v2"
  vm_priority                   = "Dedicated"
  local_auth_enabled            = false
  node_public_ip_enabled        = false
  ssh_public_access_enabled     = false
  subnet_resource_id            = azurerm_subnet.spoke_snet_training.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT15M"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_compute_cluster" "mlw_gpu_cluster" {
  name                          = "gpu-cluster"
  location                      = azurerm_resource_group.ml.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.mlw.id
  vm_size                       = "Standard_NC6s_v3"
  vm_priority                   = "Dedicated"
  local_auth_enabled            = false
  node_public_ip_enabled        = false
  ssh_public_access_enabled     = false
  subnet_resource_id            = azurerm_subnet.spoke_snet_training.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT15M"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_resource" "mlw_scoring" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2026-03-01"
  name      = "scoring"
  parent_id = azurerm_machine_learning_workspace.mlw.id
  location  = azurerm_resource_group.ml.location
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      computeType = "Kubernetes"
      resourceId  = azurerm_kubernetes_cluster.scoring.id
      properties = {
        namespace = "default"
      }
    }
  }
  depends_on = [azurerm_kubernetes_cluster_extension.scoring_azureml]
}

resource "azurerm_user_assigned_identity" "mlw" {
  name                = "id-kodata-mlw"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "kv_kodata_ml_uk4ec_vault" {
  name                = "pe-kodata-kv-kodata-ml-uk4ec-vault"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-kv-kodata-ml-uk4ec-vault"
    private_connection_resource_id = azurerm_key_vault.ml_uk4ec.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_vaultcore_azure_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "mlw_kodata_amlworkspace" {
  name                = "pe-kodata-mlw-kodata-amlworkspace"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-mlw-kodata-amlworkspace"
    private_connection_resource_id = azurerm_machine_learning_workspace.mlw.id
    subresource_names              = ["amlworkspace"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_api_azureml_ms.id, azurerm_private_dns_zone.privatelink_notebooks_azure_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "stkodatamlymvjq_blob" {
  name                = "pe-kodata-stkodatamlymvjq-blob"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatamlymvjq-blob"
    private_connection_resource_id = azurerm_storage_account.stkodatamlymvjq.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_blob_core_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "stkodatamlymvjq_file" {
  name                = "pe-kodata-stkodatamlymvjq-file"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatamlymvjq-file"
    private_connection_resource_id = azurerm_storage_account.stkodatamlymvjq.id
    subresource_names              = ["file"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_file_core_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "stkodatamlymvjq_queue" {
  name                = "pe-kodata-stkodatamlymvjq-queue"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatamlymvjq-queue"
    private_connection_resource_id = azurerm_storage_account.stkodatamlymvjq.id
    subresource_names              = ["queue"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_queue_core_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "stkodatamlymvjq_table" {
  name                = "pe-kodata-stkodatamlymvjq-table"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatamlymvjq-table"
    private_connection_resource_id = azurerm_storage_account.stkodatamlymvjq.id
    subresource_names              = ["table"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_table_core_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_storage_account" "stkodatamlymvjq" {
  name                              = "stkodatamlymvjq"
  resource_group_name               = azurerm_resource_group.ml.name
  location                          = azurerm_resource_group.ml.location
  account_kind                      = "StorageV2"
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  access_tier                       = "Hot"
  is_hns_enabled                    = false
  public_network_access_enabled     = false
  shared_access_key_enabled         = false
  allow_nested_items_to_be_public   = false
  cross_tenant_replication_enabled  = false
  allowed_copy_scope                = "PrivateLink"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  default_to_oauth_authentication   = true
  infrastructure_encryption_enabled = true
  queue_encryption_key_type         = "Account"
  table_encryption_key_type         = "Account"
  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
  blob_properties {
    versioning_enabled  = true
    change_feed_enabled = true
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
  share_properties {
    retention_policy {
      days = 30
    }
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.ml_uk4ec_cmk_stkodatamlymvjq.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.cmk.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.ml_uk4ec_cmk_stkodatamlymvjq_id_kodata_cmk_key_vault_crypto_service_encryption_user]
}
