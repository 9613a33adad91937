resource "azurerm_monitor_diagnostic_setting" "log_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_log_analytics_workspace.log.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "audit"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_log_analytics_workspace" "log" {
  name                            = "log-kodata"
  resource_group_name             = azurerm_resource_group.ops.name
  location                        = azurerm_resource_group.ops.location
  sku                             = "PerGB2018"
  retention_in_days               = 90
  internet_ingestion_enabled      = true
  internet_query_enabled          = true
  local_authentication_enabled    = false
  allow_resource_only_permissions = true
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
