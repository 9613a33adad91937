resource "azurerm_monitor_diagnostic_setting" "onprem_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_virtual_network_gateway_connection.onprem.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "vgw_1_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_public_ip.vgw_1.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "vgw_2_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_public_ip.vgw_2.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "vgw_kodata_onprem_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_virtual_network_gateway.onprem.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-kodata-onprem"
  resource_group_name        = azurerm_resource_group.network.name
  location                   = azurerm_resource_group.network.location
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.onprem.id
  local_network_gateway_id   = azurerm_local_network_gateway.onprem.id
  shared_key                 = var.vpn_shared_key
  connection_protocol        = "IKEv2"
  bgp_enabled                = false
  ipsec_policy {
    dh_group         = "DHGroup14"
    ike_encryption   = "AES256"
    ike_integrity    = "SHA256"
    ipsec_encryption = "GCMAES256"
    ipsec_integrity  = "GCMAES256"
    pfs_group        = "PFS2048"
    sa_lifetime      = 27000
    sa_datasize      = 102400000
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-kodata-onprem"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  gateway_address     = "203.0.113.10"
  address_space       = ["10.0.0.0/16"]
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_public_ip" "vgw_1" {
  name                    = "pip-kodata-vgw-1"
  resource_group_name     = azurerm_resource_group.network.name
  location                = azurerm_resource_group.network.location
  allocation_method       = "Static"
  sku                     = "Standard"
  sku_tier                = "Regional"
  ip_version              = "IPv4"
  idle_timeout_in_minutes = 4
  zones                   = ["1", "2", "3"]
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_public_ip" "vgw_2" {
  name                    = "pip-kodata-vgw-2"
  resource_group_name     = azurerm_resource_group.network.name
  location                = azurerm_resource_group.network.location
  allocation_method       = "Static"
  sku                     = "Standard"
  sku_tier                = "Regional"
  ip_version              = "IPv4"
  idle_timeout_in_minutes = 4
  zones                   = ["1", "2", "3"]
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_virtual_network_gateway" "onprem" {
  name                = "vgw-kodata-onprem"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  type                = "Vpn"
  vpn_type            = "RouteBased"
  generation          = "Generation2"
  sku                 = "VpnGw2AZ"
  active_active       = true
  bgp_enabled         = false
  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.hub_gatewaysubnet.id
    public_ip_address_id          = azurerm_public_ip.vgw_1.id
    private_ip_address_allocation = "Dynamic"
  }
  ip_configuration {
    name                          = "ipconfig2"
    subnet_id                     = azurerm_subnet.hub_gatewaysubnet.id
    public_ip_address_id          = azurerm_public_ip.vgw_2.id
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
