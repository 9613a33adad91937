resource "azurerm_management_lock" "dbw_keep_web_auth" {
  name       = "keep-web-auth"
  scope      = azurerm_databricks_workspace.dbw.id
  lock_level = "CanNotDelete"
  notes      = "hosts the region's Databricks browser_authentication private endpoint; deleting it breaks single sign-on"
}

resource "azurerm_role_assignment" "data_y53b2_cmk_stkodatalake7uaje_id_kodata_cmk_key_vault_crypto_service_encryption_user" {
  name               = "192884a9-1958-5e10-b9b5-53df2958b746"
  scope              = azurerm_key_vault_key.data_y53b2_cmk_stkodatalake7uaje.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"
  principal_id       = azurerm_user_assigned_identity.cmk.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Crypto Service Encryption User for id-kodata-cmk"
}

resource "azurerm_role_assignment" "stkodatalake7uaje_adf_kodata_vzhpm_storage_blob_data_contributor" {
  name               = "23ac1c24-2a2f-5acd-b303-0bd7d592122b"
  scope              = azurerm_storage_account.stkodatalake7uaje.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_data_factory.vzhpm.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for adf-kodata-vzhpm"
}

resource "azurerm_role_assignment" "stkodatalake7uaje_synw_kodata_szovt_storage_blob_data_contributor" {
  name               = "3540fdfb-3dc4-5b0a-bd7d-4d7e2822ab94"
  scope              = azurerm_storage_account.stkodatalake7uaje.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_synapse_workspace.szovt.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for synw-kodata-szovt"
}

resource "azurerm_role_assignment" "j3s45_events_asa_kodata_azure_event_hubs_data_receiver" {
  name               = "a713987a-bf20-554d-aa66-6b2c75cef947"
  scope              = azurerm_eventhub.j3s45_events.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/a638d3c7-ab3a-418d-83e6-5f17a39d4fde"
  principal_id       = azurerm_stream_analytics_job.asa.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Azure Event Hubs Data Receiver for asa-kodata"
}

resource "azurerm_role_assignment" "stkodatalake7uaje_default_raw_asa_kodata_storage_blob_data_contributor" {
  name               = "b2a19290-12e9-58d8-8170-718740e16ed8"
  scope              = azurerm_storage_container.stkodatalake7uaje_default_raw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = azurerm_stream_analytics_job.asa.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Storage Blob Data Contributor for asa-kodata"
}

resource "azurerm_role_assignment" "data_y53b2_szovt_id_kodata_cmk_key_vault_crypto_service_encryption_user" {
  name               = "cc68dcfe-2ebc-5906-a560-e97f7053f77e"
  scope              = azurerm_key_vault_key.data_y53b2_szovt.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"
  principal_id       = azurerm_user_assigned_identity.cmk.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Crypto Service Encryption User for id-kodata-cmk"
}

resource "azurerm_role_assignment" "data_y53b2_vzhpm_id_kodata_cmk_key_vault_crypto_service_encryption_user" {
  name               = "e16d4b10-0543-543a-86db-5597938711b3"
  scope              = azurerm_key_vault_key.data_y53b2_vzhpm.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6"
  principal_id       = azurerm_user_assigned_identity.cmk.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Crypto Service Encryption User for id-kodata-cmk"
}

resource "azurerm_role_assignment" "data_y53b2_adf_kodata_vzhpm_key_vault_secrets_user" {
  name               = "ebf50959-624c-5e21-82dc-65f671a78c56"
  scope              = azurerm_key_vault.data_y53b2.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6"
  principal_id       = azurerm_data_factory.vzhpm.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Key Vault Secrets User for adf-kodata-vzhpm"
}

resource "azurerm_data_factory" "vzhpm" {
  name                            = "adf-kodata-vzhpm"
  resource_group_name             = azurerm_resource_group.data.name
  location                        = azurerm_resource_group.data.location
  public_network_enabled          = false
  managed_virtual_network_enabled = true
  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
  customer_managed_key_id          = azurerm_key_vault_key.data_y53b2_vzhpm.versionless_id
  customer_managed_key_identity_id = azurerm_user_assigned_identity.cmk.id
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.data_y53b2_vzhpm_id_kodata_cmk_key_vault_crypto_service_encryption_user]
}

resource "azurerm_data_factory_integration_runtime_azure" "vzhpm_ir_managed_vnet" {
  name                    = "ir-managed-vnet"
  data_factory_id         = azurerm_data_factory.vzhpm.id
  location                = var.location
  virtual_network_enabled = true
  description             = "Azure integration runtime in the managed virtual network; reaches the lake and the data vault through managed private endpoints"
}

resource "azurerm_data_factory_integration_runtime_self_hosted" "vzhpm_ir_self_hosted" {
  name                                         = "ir-self-hosted"
  data_factory_id                              = azurerm_data_factory.vzhpm.id
  self_contained_interactive_authoring_enabled = true
  description                                  = "self-hosted integration runtime on the integration subnet; reaches on-premises data sources over the gateway"
}

resource "azurerm_data_factory_linked_service_data_lake_storage_gen2" "vzhpm_ls_datalake" {
  name                     = "ls-datalake"
  data_factory_id          = azurerm_data_factory.vzhpm.id
  url                      = azurerm_storage_account.stkodatalake7uaje.primary_dfs_endpoint
  use_managed_identity     = true
  description              = "data lake, with the factory's managed identity"
  integration_runtime_name = azurerm_data_factory_integration_runtime_azure.vzhpm_ir_managed_vnet.name
}

resource "azurerm_data_factory_linked_service_key_vault" "vzhpm_ls_keyvault_data" {
  name                     = "ls-keyvault-data"
  data_factory_id          = azurerm_data_factory.vzhpm.id
  key_vault_id             = azurerm_key_vault.data_y53b2.id
  description              = "data Key Vault: passwords of data sources"
  integration_runtime_name = azurerm_data_factory_integration_runtime_azure.vzhpm_ir_managed_vnet.name
}

resource "azurerm_data_factory_linked_custom_service" "vzhpm_ls_oracle_edw" {
  name            = "ls-oracle-edw"
  data_factory_id = azurerm_data_factory.vzhpm.id
  type            = "Oracle"
  type_properties_json = jsonencode({
    server             = "10.0.12.20:1521/EDW"
    authenticationType = "Basic"
    username           = "ds_reader"
    password = {
      type = "AzureKeyVaultSecret"
      store = {
        referenceName = azurerm_data_factory_linked_service_key_vault.vzhpm_ls_keyvault_data.name
        type          = "LinkedServiceReference"
      }
      secretName = "edw-password"
    }
  })
  additional_properties = {
    version = "2.0"
  }
  integration_runtime {
    name = azurerm_data_factory_integration_runtime_self_hosted.vzhpm_ir_self_hosted.name
  }
  description = "on-premises oracle database edw at 10.0.12.20:1521, through the self-hosted integration runtime"
}

resource "azurerm_data_factory_managed_private_endpoint" "vzhpm_default_mpe_keyvault_data" {
  name               = "mpe-keyvault-data"
  data_factory_id    = azurerm_data_factory.vzhpm.id
  target_resource_id = azurerm_key_vault.data_y53b2.id
  subresource_name   = "vault"
}

resource "azurerm_data_factory_managed_private_endpoint" "vzhpm_default_mpe_lake_dfs" {
  name               = "mpe-lake-dfs"
  data_factory_id    = azurerm_data_factory.vzhpm.id
  target_resource_id = azurerm_storage_account.stkodatalake7uaje.id
  subresource_name   = "dfs"
}

resource "azurerm_databricks_workspace" "dbw" {
  name                                  = "dbw-kodata"
  resource_group_name                   = azurerm_resource_group.data.name
  location                              = azurerm_resource_group.data.location
  sku                                   = "premium"
  managed_resource_group_name           = "rg-kodata-dbw-managed"
  public_network_access_enabled         = false
  network_security_group_rules_required = "NoAzureDatabricksRules"
  infrastructure_encryption_enabled     = true
  custom_parameters {
    no_public_ip                                         = true
    virtual_network_id                                   = azurerm_virtual_network.spoke.id
    public_subnet_name                                   = azurerm_subnet.spoke_snet_dbx_host.name
    private_subnet_name                                  = azurerm_subnet.spoke_snet_dbx_container.name
    public_subnet_network_security_group_association_id  = azurerm_subnet_network_security_group_association.spoke_snet_dbx_host_nsg.id
    private_subnet_network_security_group_association_id = azurerm_subnet_network_security_group_association.spoke_snet_dbx_container_nsg.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_eventhub_namespace" "j3s45" {
  name                          = "evhns-kodata-j3s45"
  resource_group_name           = azurerm_resource_group.data.name
  location                      = azurerm_resource_group.data.location
  sku                           = "Standard"
  capacity                      = 1
  auto_inflate_enabled          = true
  maximum_throughput_units      = 4
  local_authentication_enabled  = false
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_eventhub" "j3s45_events" {
  name            = "events"
  namespace_id    = azurerm_eventhub_namespace.j3s45.id
  partition_count = 4
  retention_description {
    cleanup_policy          = "Delete"
    retention_time_in_hours = 168
  }
}

resource "azurerm_eventhub_consumer_group" "j3s45_events_asa" {
  name                = "asa"
  namespace_name      = azurerm_eventhub_namespace.j3s45.name
  eventhub_name       = azurerm_eventhub.j3s45_events.name
  resource_group_name = azurerm_resource_group.data.name
  user_metadata       = "Stream Analytics job"
}

resource "azurerm_monitor_diagnostic_setting" "vzhpm_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_data_factory.vzhpm.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "dbw_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_databricks_workspace.dbw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "j3s45_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_eventhub_namespace.j3s45.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "data_y53b2_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_key_vault.data_y53b2.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "stkodatalake7uaje_default_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_storage_account.stkodatalake7uaje.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "stkodatalake7uaje_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_storage_account.stkodatalake7uaje.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "asa_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_stream_analytics_job.asa.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "szovt_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_synapse_workspace.szovt.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_key_vault" "data_y53b2" {
  name                            = "kv-kodata-data-y53b2"
  resource_group_name             = azurerm_resource_group.data.name
  location                        = azurerm_resource_group.data.location
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

resource "azurerm_key_vault_key" "data_y53b2_vzhpm" {
  name         = "cmk-adf-kodata-vzhpm"
  key_vault_id = azurerm_key_vault.data_y53b2.id
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

resource "azurerm_key_vault_key" "data_y53b2_cmk_stkodatalake7uaje" {
  name         = "cmk-stkodatalake7uaje"
  key_vault_id = azurerm_key_vault.data_y53b2.id
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

resource "azurerm_key_vault_key" "data_y53b2_szovt" {
  name         = "cmk-synw-kodata-szovt"
  key_vault_id = azurerm_key_vault.data_y53b2.id
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

resource "azurerm_private_endpoint" "adf_kodata_vzhpm_datafactory" {
  name                = "pe-kodata-adf-kodata-vzhpm-datafactory"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-adf-kodata-vzhpm-datafactory"
    private_connection_resource_id = azurerm_data_factory.vzhpm.id
    subresource_names              = ["dataFactory"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_datafactory_azure_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "adf_kodata_vzhpm_portal" {
  name                = "pe-kodata-adf-kodata-vzhpm-portal"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-adf-kodata-vzhpm-portal"
    private_connection_resource_id = azurerm_data_factory.vzhpm.id
    subresource_names              = ["portal"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_adf_azure_com.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "dbw_kodata_browser_authentication" {
  name                = "pe-kodata-dbw-kodata-browser_authentication"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-dbw-kodata-browser_authentication"
    private_connection_resource_id = azurerm_databricks_workspace.dbw.id
    subresource_names              = ["browser_authentication"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_azuredatabricks_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "dbw_kodata_databricks_ui_api" {
  name                = "pe-kodata-dbw-kodata-databricks_ui_api"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-dbw-kodata-databricks_ui_api"
    private_connection_resource_id = azurerm_databricks_workspace.dbw.id
    subresource_names              = ["databricks_ui_api"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_azuredatabricks_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "evhns_kodata_j3s45_namespace" {
  name                = "pe-kodata-evhns-kodata-j3s45-namespace"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-evhns-kodata-j3s45-namespace"
    private_connection_resource_id = azurerm_eventhub_namespace.j3s45.id
    subresource_names              = ["namespace"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_servicebus_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "kv_kodata_data_y53b2_vault" {
  name                = "pe-kodata-kv-kodata-data-y53b2-vault"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-kv-kodata-data-y53b2-vault"
    private_connection_resource_id = azurerm_key_vault.data_y53b2.id
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

resource "azurerm_private_endpoint" "stkodatalake7uaje_blob" {
  name                = "pe-kodata-stkodatalake7uaje-blob"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatalake7uaje-blob"
    private_connection_resource_id = azurerm_storage_account.stkodatalake7uaje.id
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

resource "azurerm_private_endpoint" "stkodatalake7uaje_dfs" {
  name                = "pe-kodata-stkodatalake7uaje-dfs"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-stkodatalake7uaje-dfs"
    private_connection_resource_id = azurerm_storage_account.stkodatalake7uaje.id
    subresource_names              = ["dfs"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_dfs_core_windows_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "synw_kodata_szovt_dev" {
  name                = "pe-kodata-synw-kodata-szovt-dev"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-synw-kodata-szovt-dev"
    private_connection_resource_id = azurerm_synapse_workspace.szovt.id
    subresource_names              = ["Dev"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_dev_azuresynapse_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "synw_kodata_szovt_sql" {
  name                = "pe-kodata-synw-kodata-szovt-sql"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-synw-kodata-szovt-sql"
    private_connection_resource_id = azurerm_synapse_workspace.szovt.id
    subresource_names              = ["Sql"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_sql_azuresynapse_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_endpoint" "synw_kodata_szovt_sqlondemand" {
  name                = "pe-kodata-synw-kodata-szovt-sqlondemand"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-synw-kodata-szovt-sqlondemand"
    private_connection_resource_id = azurerm_synapse_workspace.szovt.id
    subresource_names              = ["SqlOnDemand"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_sql_azuresynapse_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_storage_account" "stkodatalake7uaje" {
  name                              = "stkodatalake7uaje"
  resource_group_name               = azurerm_resource_group.data.name
  location                          = azurerm_resource_group.data.location
  account_kind                      = "StorageV2"
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  access_tier                       = "Hot"
  is_hns_enabled                    = true
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
    versioning_enabled  = false
    change_feed_enabled = false
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.data_y53b2_cmk_stkodatalake7uaje.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.cmk.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.data_y53b2_cmk_stkodatalake7uaje_id_kodata_cmk_key_vault_crypto_service_encryption_user]
}

resource "azurerm_storage_container" "stkodatalake7uaje_default_curated" {
  name                  = "curated"
  storage_account_id    = azurerm_storage_account.stkodatalake7uaje.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "stkodatalake7uaje_default_raw" {
  name                  = "raw"
  storage_account_id    = azurerm_storage_account.stkodatalake7uaje.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "stkodatalake7uaje_default_workspace" {
  name                  = "workspace"
  storage_account_id    = azurerm_storage_account.stkodatalake7uaje.id
  container_access_type = "private"
}

resource "azurerm_stream_analytics_cluster" "cluster" {
  name                = "asa-kodata-cluster"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  streaming_capacity  = 36
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_stream_analytics_managed_private_endpoint" "cluster_mpe_evhns" {
  name                          = "mpe-evhns"
  resource_group_name           = azurerm_resource_group.data.name
  stream_analytics_cluster_name = azurerm_stream_analytics_cluster.cluster.name
  target_resource_id            = azurerm_eventhub_namespace.j3s45.id
  subresource_name              = "namespace"
}

resource "azurerm_stream_analytics_managed_private_endpoint" "cluster_mpe_lake_blob" {
  name                          = "mpe-lake-blob"
  resource_group_name           = azurerm_resource_group.data.name
  stream_analytics_cluster_name = azurerm_stream_analytics_cluster.cluster.name
  target_resource_id            = azurerm_storage_account.stkodatalake7uaje.id
  subresource_name              = "blob"
}

resource "azurerm_stream_analytics_job" "asa" {
  name                                     = "asa-kodata"
  resource_group_name                      = azurerm_resource_group.data.name
  location                                 = azurerm_resource_group.data.location
  type                                     = "Cloud"
  sku_name                                 = "Standard"
  stream_analytics_cluster_id              = azurerm_stream_analytics_cluster.cluster.id
  compatibility_level                      = "1.2"
  data_locale                              = "en-US"
  events_late_arrival_max_delay_in_seconds = 5
  events_out_of_order_max_delay_in_seconds = 0
  events_out_of_order_policy               = "Adjust"
  output_error_policy                      = "Stop"
  content_storage_policy                   = "SystemAccount"
  streaming_units                          = 3
  transformation_query                     = "SELECT * INTO [lake] FROM [events]"
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_stream_analytics_stream_input_eventhub_v2" "asa_events" {
  name                         = "events"
  stream_analytics_job_id      = azurerm_stream_analytics_job.asa.id
  servicebus_namespace         = azurerm_eventhub_namespace.j3s45.name
  eventhub_name                = azurerm_eventhub.j3s45_events.name
  eventhub_consumer_group_name = azurerm_eventhub_consumer_group.j3s45_events_asa.name
  authentication_mode          = "Msi"
  serialization {
    type     = "Json"
    encoding = "UTF8"
  }
}

resource "azurerm_stream_analytics_output_blob" "asa_lake" {
  name                      = "lake"
  stream_analytics_job_name = azurerm_stream_analytics_job.asa.name
  resource_group_name       = azurerm_stream_analytics_job.asa.resource_group_name
  storage_account_name      = azurerm_storage_account.stkodatalake7uaje.name
  storage_container_name    = azurerm_storage_container.stkodatalake7uaje_default_raw.name
  path_pattern              = "events/{date}/{time}"
  date_format               = "yyyy/MM/dd"
  time_format               = "HH"
  authentication_mode       = "Msi"
  serialization {
    type     = "Json"
    encoding = "UTF8"
    format   = "LineSeparated"
  }
}

resource "azurerm_synapse_workspace" "szovt" {
  name                                 = "synw-kodata-szovt"
  resource_group_name                  = azurerm_resource_group.data.name
  location                             = azurerm_resource_group.data.location
  storage_data_lake_gen2_filesystem_id = "${azurerm_storage_account.stkodatalake7uaje.primary_dfs_endpoint}${azurerm_storage_container.stkodatalake7uaje_default_workspace.name}"
  managed_virtual_network_enabled      = true
  data_exfiltration_protection_enabled = true
  public_network_access_enabled        = false
  azuread_authentication_only          = true
  sql_administrator_login              = "sqladmin"
  managed_resource_group_name          = "rg-kodata-synw-managed"
  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
  customer_managed_key {
    key_versionless_id        = azurerm_key_vault_key.data_y53b2_szovt.versionless_id
    key_name                  = "default"
    user_assigned_identity_id = azurerm_user_assigned_identity.cmk.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_role_assignment.data_y53b2_szovt_id_kodata_cmk_key_vault_crypto_service_encryption_user]
}

resource "azurerm_synapse_managed_private_endpoint" "szovt_datalake" {
  name                 = "synapse-ws-custStgAcct--synw-kodata-szovt-stkodatalake7uaje"
  synapse_workspace_id = azurerm_synapse_workspace.szovt.id
  target_resource_id   = azurerm_storage_account.stkodatalake7uaje.id
  subresource_name     = "dfs"
}

resource "azurerm_synapse_workspace_aad_admin" "szovt_activedirectory" {
  synapse_workspace_id = azurerm_synapse_workspace.szovt.id
  login                = "admins"
  object_id            = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  tenant_id            = data.azurerm_client_config.current.tenant_id
}

resource "azurerm_synapse_workspace_extended_auditing_policy" "szovt_default" {
  synapse_workspace_id   = azurerm_synapse_workspace.szovt.id
  log_monitoring_enabled = true
}

resource "azurerm_synapse_workspace_security_alert_policy" "szovt_default" {
  synapse_workspace_id         = azurerm_synapse_workspace.szovt.id
  policy_state                 = "Enabled"
  email_account_admins_enabled = true
}

resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-kodata-cmk"
  resource_group_name = azurerm_resource_group.ops.name
  location            = azurerm_resource_group.ops.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
