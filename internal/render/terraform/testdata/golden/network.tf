resource "azurerm_monitor_diagnostic_setting" "bas_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_bastion_host.bas.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "appservice_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.appservice.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "bastion_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.bastion.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "dbx_container_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.dbx_container.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "dbx_host_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.dbx_host.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "dns_inbound_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.dns_inbound.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "endpoints_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.endpoints.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "integration_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.integration.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nsg_kodata_scoring_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.scoring.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "training_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.training.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "workstations_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_security_group.workstations.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "pip_kodata_bastion_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_public_ip.bastion.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "hub_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_virtual_network.hub.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "spoke_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_virtual_network.spoke.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_bastion_host" "bas" {
  name                   = "bas-kodata"
  resource_group_name    = azurerm_resource_group.network.name
  location               = azurerm_resource_group.network.location
  sku                    = "Standard"
  tunneling_enabled      = true
  file_copy_enabled      = false
  ip_connect_enabled     = false
  shareable_link_enabled = false
  scale_units            = 2
  ip_configuration {
    name                 = "ipconfig1"
    subnet_id            = azurerm_subnet.hub_azurebastionsubnet.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_group" "appservice" {
  name                = "nsg-kodata-appservice"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "appservice_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.6.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "appservice_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "appservice_allow_scoring_out" {
  name                        = "allow-scoring-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "scoring endpoints and the private AKS API server"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "appservice_allow_internet_via_firewall_out" {
  name                        = "allow-internet-via-firewall-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "HTTP and HTTPS, routed to the firewall, whose rules decide"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "appservice_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "appservice_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.appservice.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "bastion" {
  name                = "nsg-kodata-bastion"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "bastion_allow_https_in" {
  name                        = "allow-https-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "users reach Bastion on 443 from the internet"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "Internet"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.64/26"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "bastion_allow_gateway_manager_in" {
  name                        = "allow-gateway-manager-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "Bastion control plane"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "GatewayManager"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.64/26"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "bastion_allow_load_balancer_in" {
  name                        = "allow-load-balancer-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "Azure Load Balancer health probes"
  priority                    = 220
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "AzureLoadBalancer"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.64/26"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "bastion_allow_bastion_host_in" {
  name                        = "allow-bastion-host-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "Bastion data plane between its instances"
  priority                    = 230
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_ranges     = ["8080", "5701"]
}

resource "azurerm_network_security_rule" "bastion_allow_ssh_rdp_out" {
  name                         = "allow-ssh-rdp-out"
  resource_group_name          = azurerm_resource_group.network.name
  network_security_group_name  = azurerm_network_security_group.bastion.name
  description                  = "SSH and RDP to the subnets with VMs"
  priority                     = 200
  direction                    = "Outbound"
  access                       = "Allow"
  protocol                     = "Tcp"
  source_address_prefix        = "10.60.0.64/26"
  source_port_range            = "*"
  destination_address_prefixes = ["10.60.5.0/26", "10.60.6.128/27"]
  destination_port_ranges      = ["22", "3389"]
}

resource "azurerm_network_security_rule" "bastion_allow_azure_cloud_out" {
  name                        = "allow-azure-cloud-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "Bastion diagnostics and metering"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.0.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "AzureCloud"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "bastion_allow_bastion_host_out" {
  name                        = "allow-bastion-host-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "Bastion data plane between its instances"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_ranges     = ["8080", "5701"]
}

resource "azurerm_network_security_rule" "bastion_allow_http_out" {
  name                        = "allow-http-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "session and certificate validation"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.0.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_range      = "80"
}

resource "azurerm_network_security_rule" "bastion_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "bastion_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.bastion.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "dbx_container" {
  name                = "nsg-kodata-dbx-container"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "dbx_container_microsoft_databricks_workspaces_useonly_databricks_worker_to_worker_inbound" {
  name                        = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "Required for worker nodes communication within a cluster."
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_container_microsoft_databricks_workspaces_useonly_databricks_worker_to_worker_outbound" {
  name                        = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "Required for worker nodes communication within a cluster."
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_container_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.6.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "dbx_container_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "dbx_container_allow_metastore_out" {
  name                        = "allow-metastore-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "Databricks metastore (Azure SQL), through the firewall"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "Sql.australiaeast"
  destination_port_range      = "3306"
}

resource "azurerm_network_security_rule" "dbx_container_allow_storage_out" {
  name                        = "allow-storage-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "Databricks artifact and log storage, through the firewall"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "Storage.australiaeast"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "dbx_container_allow_eventhub_out" {
  name                        = "allow-eventhub-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "Databricks log delivery (Event Hubs), through the firewall"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "EventHub.australiaeast"
  destination_port_range      = "9093"
}

resource "azurerm_network_security_rule" "dbx_container_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_container_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_container.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "dbx_host" {
  name                = "nsg-kodata-dbx-host"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "dbx_host_microsoft_databricks_workspaces_useonly_databricks_worker_to_worker_inbound" {
  name                        = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "Required for worker nodes communication within a cluster."
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_host_microsoft_databricks_workspaces_useonly_databricks_worker_to_worker_outbound" {
  name                        = "Microsoft.Databricks-workspaces_UseOnly_databricks-worker-to-worker-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "Required for worker nodes communication within a cluster."
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "VirtualNetwork"
  source_port_range           = "*"
  destination_address_prefix  = "VirtualNetwork"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_host_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.5.192/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "dbx_host_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.192/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "dbx_host_allow_metastore_out" {
  name                        = "allow-metastore-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "Databricks metastore (Azure SQL), through the firewall"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.192/26"
  source_port_range           = "*"
  destination_address_prefix  = "Sql.australiaeast"
  destination_port_range      = "3306"
}

resource "azurerm_network_security_rule" "dbx_host_allow_storage_out" {
  name                        = "allow-storage-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "Databricks artifact and log storage, through the firewall"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.192/26"
  source_port_range           = "*"
  destination_address_prefix  = "Storage.australiaeast"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "dbx_host_allow_eventhub_out" {
  name                        = "allow-eventhub-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "Databricks log delivery (Event Hubs), through the firewall"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.192/26"
  source_port_range           = "*"
  destination_address_prefix  = "EventHub.australiaeast"
  destination_port_range      = "9093"
}

resource "azurerm_network_security_rule" "dbx_host_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dbx_host_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dbx_host.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "dns_inbound" {
  name                = "nsg-kodata-dns-inbound"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "dns_inbound_allow_dns_in" {
  name                        = "allow-dns-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dns_inbound.name
  description                 = "DNS queries to the resolver's inbound endpoint from on-premises and the virtual networks"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefixes     = ["10.60.0.0/24", "10.60.4.0/22", "10.0.0.0/16"]
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.160/28"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "dns_inbound_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dns_inbound.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "dns_inbound_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.dns_inbound.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "endpoints" {
  name                = "nsg-kodata-endpoints"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "endpoints_allow_workloads_in" {
  name                        = "allow-workloads-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.endpoints.name
  description                 = "workload subnets to private endpoints"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.5.192/26", "10.60.6.0/26", "10.60.6.64/26", "10.60.6.128/27"]
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "endpoints_allow_onprem_https_in" {
  name                        = "allow-onprem-https-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.endpoints.name
  description                 = "on-premises clients to private endpoints over HTTPS, through the firewall"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.0.0.0/16"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_range      = "443"
}

resource "azurerm_network_security_rule" "endpoints_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.endpoints.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "endpoints_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.endpoints.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "integration" {
  name                = "nsg-kodata-integration"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "integration_allow_bastion_ssh_rdp_in" {
  name                        = "allow-bastion-ssh-rdp-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "SSH and RDP from Azure Bastion only"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.0.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.6.128/27"
  destination_port_ranges     = ["22", "3389"]
}

resource "azurerm_network_security_rule" "integration_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.6.128/27"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "integration_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.128/27"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "integration_allow_scoring_out" {
  name                        = "allow-scoring-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "scoring endpoints and the private AKS API server"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.128/27"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "integration_allow_internet_via_firewall_out" {
  name                        = "allow-internet-via-firewall-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "HTTP and HTTPS, routed to the firewall, whose rules decide"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.128/27"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "integration_allow_datasource_edw_out" {
  name                        = "allow-datasource-edw-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "oracle data source edw on premises, through the firewall"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.6.128/27"
  source_port_range           = "*"
  destination_address_prefix  = "10.0.12.20/32"
  destination_port_range      = "1521"
}

resource "azurerm_network_security_rule" "integration_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "integration_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.integration.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "scoring" {
  name                = "nsg-kodata-scoring"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "scoring_allow_load_balancer_in" {
  name                        = "allow-load-balancer-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "Azure Load Balancer health probes"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "AzureLoadBalancer"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "scoring_allow_intra_subnet_in" {
  name                        = "allow-intra-subnet-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "traffic between AKS nodes and pods (AKS does not support blocking traffic inside its subnet)"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "scoring_allow_intra_subnet_out" {
  name                        = "allow-intra-subnet-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "traffic between AKS nodes and pods (AKS does not support blocking traffic inside its subnet)"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "scoring_allow_clients_in" {
  name                        = "allow-clients-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "scoring endpoints (internal load balancer) and the private API server from workstations, training, apps and integration"
  priority                    = 220
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = ["10.60.5.0/26", "10.60.5.64/26", "10.60.6.64/26", "10.60.6.128/27"]
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "scoring_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "scoring_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "scoring_allow_internet_via_firewall_out" {
  name                        = "allow-internet-via-firewall-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "HTTP and HTTPS, routed to the firewall, whose rules decide"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "scoring_allow_ntp_out" {
  name                        = "allow-ntp-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "NTP for AKS nodes, through the firewall (ntp.ubuntu.com)"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_address_prefix       = "10.60.4.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_range      = "123"
}

resource "azurerm_network_security_rule" "scoring_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "scoring_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.scoring.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "training" {
  name                = "nsg-kodata-training"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "training_allow_load_balancer_in" {
  name                        = "allow-load-balancer-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "Azure Load Balancer health probes"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "AzureLoadBalancer"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.64/26"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "training_allow_intra_subnet_in" {
  name                        = "allow-intra-subnet-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "traffic between Azure ML compute nodes"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.64/26"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "training_allow_intra_subnet_out" {
  name                        = "allow-intra-subnet-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "traffic between Azure ML compute nodes"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.64/26"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "training_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "training_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "training_allow_scoring_out" {
  name                        = "allow-scoring-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "scoring endpoints and the private AKS API server"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "training_allow_internet_via_firewall_out" {
  name                        = "allow-internet-via-firewall-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "HTTP and HTTPS, routed to the firewall, whose rules decide"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "training_allow_datasource_edw_out" {
  name                        = "allow-datasource-edw-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "oracle data source edw on premises, through the firewall"
  priority                    = 250
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.0.12.20/32"
  destination_port_range      = "1521"
}

resource "azurerm_network_security_rule" "training_allow_azureml_tcp_out" {
  name                        = "allow-azureml-tcp-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "Azure ML compute instance services (RStudio 8787, language server 18881)"
  priority                    = 260
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "AzureMachineLearning"
  destination_port_ranges     = ["8787", "18881"]
}

resource "azurerm_network_security_rule" "training_allow_azureml_udp_out" {
  name                        = "allow-azureml-udp-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "Azure ML compute instance service (UDP 5831)"
  priority                    = 270
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "AzureMachineLearning"
  destination_port_range      = "5831"
}

resource "azurerm_network_security_rule" "training_allow_storage_smb_out" {
  name                        = "allow-storage-smb-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "Azure Files (SMB) used by Azure ML compute"
  priority                    = 280
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "Storage.australiaeast"
  destination_port_range      = "445"
}

resource "azurerm_network_security_rule" "training_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "training_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.training.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_group" "workstations" {
  name                = "nsg-kodata-workstations"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_security_rule" "workstations_allow_bastion_ssh_rdp_in" {
  name                        = "allow-bastion-ssh-rdp-in"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "SSH and RDP from Azure Bastion only"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.0.64/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.0/26"
  destination_port_ranges     = ["22", "3389"]
}

resource "azurerm_network_security_rule" "workstations_allow_dns_out" {
  name                        = "allow-dns-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "DNS through the firewall's DNS proxy"
  priority                    = 200
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_address_prefix       = "10.60.5.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.0.4/32"
  destination_port_range      = "53"
}

resource "azurerm_network_security_rule" "workstations_allow_private_endpoints_out" {
  name                        = "allow-private-endpoints-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "PaaS services through their private endpoints"
  priority                    = 210
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.5.128/26"
  destination_port_ranges     = ["443", "445", "1433", "5671-5672", "9093"]
}

resource "azurerm_network_security_rule" "workstations_allow_scoring_out" {
  name                        = "allow-scoring-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "scoring endpoints and the private AKS API server"
  priority                    = 220
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.60.4.0/24"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "workstations_allow_internet_via_firewall_out" {
  name                        = "allow-internet-via-firewall-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "HTTP and HTTPS, routed to the firewall, whose rules decide"
  priority                    = 230
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "Internet"
  destination_port_ranges     = ["80", "443"]
}

resource "azurerm_network_security_rule" "workstations_allow_datasource_edw_out" {
  name                        = "allow-datasource-edw-out"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "oracle data source edw on premises, through the firewall"
  priority                    = 240
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.60.5.0/26"
  source_port_range           = "*"
  destination_address_prefix  = "10.0.12.20/32"
  destination_port_range      = "1521"
}

resource "azurerm_network_security_rule" "workstations_deny_all_inbound" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_network_security_rule" "workstations_deny_all_outbound" {
  name                        = "deny-all-outbound"
  resource_group_name         = azurerm_resource_group.network.name
  network_security_group_name = azurerm_network_security_group.workstations.name
  description                 = "deny everything no rule above allows, overriding Azure's default allow rules"
  priority                    = 4096
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}

resource "azurerm_public_ip" "bastion" {
  name                    = "pip-kodata-bastion"
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

resource "azurerm_route_table" "appservice" {
  name                          = "rt-kodata-appservice"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "appservice_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.appservice.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "appservice_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.appservice.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "dbx_container" {
  name                          = "rt-kodata-dbx-container"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "dbx_container_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.dbx_container.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "dbx_container_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.dbx_container.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "dbx_host" {
  name                          = "rt-kodata-dbx-host"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "dbx_host_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.dbx_host.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "dbx_host_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.dbx_host.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "endpoints" {
  name                          = "rt-kodata-endpoints"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "endpoints_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.endpoints.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "endpoints_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.endpoints.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "gateway" {
  name                          = "rt-kodata-gateway"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = true
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "gateway_spoke_via_firewall" {
  name                   = "spoke-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.gateway.name
  address_prefix         = "10.60.4.0/22"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "integration" {
  name                          = "rt-kodata-integration"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "integration_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.integration.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "integration_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.integration.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "scoring" {
  name                          = "rt-kodata-scoring"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "scoring_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.scoring.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "scoring_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.scoring.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "training" {
  name                          = "rt-kodata-training"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "training_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.training.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "training_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.training.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route_table" "workstations" {
  name                          = "rt-kodata-workstations"
  resource_group_name           = azurerm_resource_group.network.name
  location                      = azurerm_resource_group.network.location
  bgp_route_propagation_enabled = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_route" "workstations_internet_via_firewall" {
  name                   = "internet-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.workstations.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_route" "workstations_onprem_10_0_0_0_16_via_firewall" {
  name                   = "onprem-10-0-0-0-16-via-firewall"
  resource_group_name    = azurerm_resource_group.network.name
  route_table_name       = azurerm_route_table.workstations.name
  address_prefix         = "10.0.0.0/16"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = "10.60.0.4"
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-kodata-hub"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  address_space       = ["10.60.0.0/24"]
  dns_servers         = ["10.60.0.4"]
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_subnet" "hub_azurefirewallsubnet" {
  name                              = "AzureFirewallSubnet"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.hub.name
  address_prefixes                  = ["10.60.0.0/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet" "hub_azurebastionsubnet" {
  name                              = "AzureBastionSubnet"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.hub.name
  address_prefixes                  = ["10.60.0.64/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_network_security_group_association" "hub_azurebastionsubnet_nsg" {
  subnet_id                 = azurerm_subnet.hub_azurebastionsubnet.id
  network_security_group_id = azurerm_network_security_group.bastion.id
}

resource "azurerm_subnet" "hub_gatewaysubnet" {
  name                              = "GatewaySubnet"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.hub.name
  address_prefixes                  = ["10.60.0.128/27"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_route_table_association" "hub_gatewaysubnet_routes" {
  subnet_id      = azurerm_subnet.hub_gatewaysubnet.id
  route_table_id = azurerm_route_table.gateway.id
}

resource "azurerm_subnet" "hub_snet_dns_inbound" {
  name                              = "snet-dns-inbound"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.hub.name
  address_prefixes                  = ["10.60.0.160/28"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
  delegation {
    name = "Microsoft.Network.dnsResolvers"
    service_delegation {
      name = "Microsoft.Network/dnsResolvers"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "hub_snet_dns_inbound_nsg" {
  subnet_id                 = azurerm_subnet.hub_snet_dns_inbound.id
  network_security_group_id = azurerm_network_security_group.dns_inbound.id
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-kodata-spoke"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  address_space       = ["10.60.4.0/22"]
  dns_servers         = ["10.60.0.4"]
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_subnet" "spoke_snet_scoring" {
  name                              = "snet-scoring"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.4.0/24"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_scoring_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_scoring.id
  network_security_group_id = azurerm_network_security_group.scoring.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_scoring_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_scoring.id
  route_table_id = azurerm_route_table.scoring.id
}

resource "azurerm_subnet" "spoke_snet_workstations" {
  name                              = "snet-workstations"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.5.0/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_workstations_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_workstations.id
  network_security_group_id = azurerm_network_security_group.workstations.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_workstations_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_workstations.id
  route_table_id = azurerm_route_table.workstations.id
}

resource "azurerm_subnet" "spoke_snet_training" {
  name                              = "snet-training"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.5.64/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_training_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_training.id
  network_security_group_id = azurerm_network_security_group.training.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_training_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_training.id
  route_table_id = azurerm_route_table.training.id
}

resource "azurerm_subnet" "spoke_snet_endpoints" {
  name                              = "snet-endpoints"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.5.128/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_endpoints_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_endpoints.id
  network_security_group_id = azurerm_network_security_group.endpoints.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_endpoints_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_endpoints.id
  route_table_id = azurerm_route_table.endpoints.id
}

resource "azurerm_subnet" "spoke_snet_dbx_host" {
  name                              = "snet-dbx-host"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.5.192/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
  delegation {
    name = "Microsoft.Databricks.workspaces"
    service_delegation {
      name = "Microsoft.Databricks/workspaces"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_dbx_host_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_dbx_host.id
  network_security_group_id = azurerm_network_security_group.dbx_host.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_dbx_host_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_dbx_host.id
  route_table_id = azurerm_route_table.dbx_host.id
}

resource "azurerm_subnet" "spoke_snet_dbx_container" {
  name                              = "snet-dbx-container"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.6.0/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
  delegation {
    name = "Microsoft.Databricks.workspaces"
    service_delegation {
      name = "Microsoft.Databricks/workspaces"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_dbx_container_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_dbx_container.id
  network_security_group_id = azurerm_network_security_group.dbx_container.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_dbx_container_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_dbx_container.id
  route_table_id = azurerm_route_table.dbx_container.id
}

resource "azurerm_subnet" "spoke_snet_appservice" {
  name                              = "snet-appservice"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.6.64/26"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
  delegation {
    name = "Microsoft.Web.serverFarms"
    service_delegation {
      name = "Microsoft.Web/serverFarms"
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_appservice_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_appservice.id
  network_security_group_id = azurerm_network_security_group.appservice.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_appservice_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_appservice.id
  route_table_id = azurerm_route_table.appservice.id
}

resource "azurerm_subnet" "spoke_snet_integration" {
  name                              = "snet-integration"
  resource_group_name               = azurerm_resource_group.network.name
  virtual_network_name              = azurerm_virtual_network.spoke.name
  address_prefixes                  = ["10.60.6.128/27"]
  default_outbound_access_enabled   = false
  private_endpoint_network_policies = "Disabled"
}

resource "azurerm_subnet_network_security_group_association" "spoke_snet_integration_nsg" {
  subnet_id                 = azurerm_subnet.spoke_snet_integration.id
  network_security_group_id = azurerm_network_security_group.integration.id
}

resource "azurerm_subnet_route_table_association" "spoke_snet_integration_routes" {
  subnet_id      = azurerm_subnet.spoke_snet_integration.id
  route_table_id = azurerm_route_table.integration.id
}

resource "azurerm_virtual_network_peering" "hub_peer_hub_to_spoke" {
  name                         = "peer-hub-to-spoke"
  resource_group_name          = azurerm_resource_group.network.name
  virtual_network_name         = azurerm_virtual_network.hub.name
  remote_virtual_network_id    = azurerm_virtual_network.spoke.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = true
  use_remote_gateways          = false
}

resource "azurerm_virtual_network_peering" "spoke_peer_spoke_to_hub" {
  name                         = "peer-spoke-to-hub"
  resource_group_name          = azurerm_resource_group.network.name
  virtual_network_name         = azurerm_virtual_network.spoke.name
  remote_virtual_network_id    = azurerm_virtual_network.hub.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  allow_gateway_transit        = false
  use_remote_gateways          = true
  depends_on                   = [azurerm_virtual_network_gateway.onprem]
}
