resource "azurerm_monitor_diagnostic_setting" "web_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_service_plan.web.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "web_p2bvw_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_web_app.web_p2bvw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_private_endpoint" "app_kodata_web_p2bvw_sites" {
  name                = "pe-kodata-app-kodata-web-p2bvw-sites"
  resource_group_name = azurerm_resource_group.apps.name
  location            = azurerm_resource_group.apps.location
  subnet_id           = azurerm_subnet.spoke_snet_endpoints.id
  private_service_connection {
    name                           = "pe-kodata-app-kodata-web-p2bvw-sites"
    private_connection_resource_id = azurerm_linux_web_app.web_p2bvw.id
    subresource_names              = ["sites"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.privatelink_azurewebsites_net.id]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_service_plan" "web" {
  name                   = "asp-kodata-web"
  resource_group_name    = azurerm_resource_group.apps.name
  location               = azurerm_resource_group.apps.location
  os_type                = "Linux"
  sku_name               = "P1v3"
  worker_count           = 2
  zone_balancing_enabled = true
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_linux_web_app" "web_p2bvw" {
  name                                           = "app-kodata-web-p2bvw"
  resource_group_name                            = azurerm_resource_group.apps.name
  location                                       = azurerm_resource_group.apps.location
  service_plan_id                                = azurerm_service_plan.web.id
  https_only                                     = true
  public_network_access_enabled                  = false
  client_affinity_enabled                        = false
  virtual_network_subnet_id                      = azurerm_subnet.spoke_snet_appservice.id
  vnet_image_pull_enabled                        = true
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false
  site_config {
    always_on                               = true
    http2_enabled                           = true
    minimum_tls_version                     = "1.2"
    scm_minimum_tls_version                 = "1.2"
    ftps_state                              = "Disabled"
    remote_debugging_enabled                = false
    vnet_route_all_enabled                  = true
    container_registry_use_managed_identity = true
    application_stack {
      docker_image_name   = "webapp:latest"
      docker_registry_url = "https://${azurerm_container_registry.crkodataez5fw.login_server}"
    }
  }
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

resource "azurerm_role_assignment" "crkodataez5fw_app_kodata_web_p2bvw_acrpull" {
  name               = "fda61f08-e12d-5504-99d4-9fa2ed7c9a01"
  scope              = azurerm_container_registry.crkodataez5fw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d"
  principal_id       = azurerm_linux_web_app.web_p2bvw.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "AcrPull for app-kodata-web-p2bvw"
}
