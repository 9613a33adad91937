output "address_plan_hub" {
  description = "Address space and subnet prefixes of virtual network vnet-kodata-hub"
  value = {
    address_space = azurerm_virtual_network.hub.address_space
    subnets = {
      AzureFirewallSubnet = azurerm_subnet.hub_azurefirewallsubnet.address_prefixes[0]
      AzureBastionSubnet  = azurerm_subnet.hub_azurebastionsubnet.address_prefixes[0]
      GatewaySubnet       = azurerm_subnet.hub_gatewaysubnet.address_prefixes[0]
      snet-dns-inbound    = azurerm_subnet.hub_snet_dns_inbound.address_prefixes[0]
    }
  }
}

output "address_plan_spoke" {
  description = "Address space and subnet prefixes of virtual network vnet-kodata-spoke"
  value = {
    address_space = azurerm_virtual_network.spoke.address_space
    subnets = {
      snet-scoring       = azurerm_subnet.spoke_snet_scoring.address_prefixes[0]
      snet-workstations  = azurerm_subnet.spoke_snet_workstations.address_prefixes[0]
      snet-training      = azurerm_subnet.spoke_snet_training.address_prefixes[0]
      snet-endpoints     = azurerm_subnet.spoke_snet_endpoints.address_prefixes[0]
      snet-dbx-host      = azurerm_subnet.spoke_snet_dbx_host.address_prefixes[0]
      snet-dbx-container = azurerm_subnet.spoke_snet_dbx_container.address_prefixes[0]
      snet-appservice    = azurerm_subnet.spoke_snet_appservice.address_prefixes[0]
      snet-integration   = azurerm_subnet.spoke_snet_integration.address_prefixes[0]
    }
  }
}

output "dns_resolver_inbound_ip" {
  description = "Address on-premises DNS servers forward the private-link zones to"
  value       = azurerm_private_dns_resolver_inbound_endpoint.dnspr_inbound.ip_configurations[0].private_ip_address
}

output "firewall_private_ip" {
  description = "Private address of Azure Firewall, the next hop of every spoke route"
  value       = azurerm_firewall.afw.ip_configuration[0].private_ip_address
}

output "private_endpoint_ips" {
  description = "Private address of every private endpoint, by endpoint name"
  value = {
    pe-kodata-adf-kodata-vzhpm-datafactory      = azurerm_private_endpoint.adf_kodata_vzhpm_datafactory.private_service_connection[0].private_ip_address
    pe-kodata-adf-kodata-vzhpm-portal           = azurerm_private_endpoint.adf_kodata_vzhpm_portal.private_service_connection[0].private_ip_address
    pe-kodata-app-kodata-web-p2bvw-sites        = azurerm_private_endpoint.app_kodata_web_p2bvw_sites.private_service_connection[0].private_ip_address
    pe-kodata-crkodataez5fw-registry            = azurerm_private_endpoint.crkodataez5fw_registry.private_service_connection[0].private_ip_address
    pe-kodata-dbw-kodata-browser_authentication = azurerm_private_endpoint.dbw_kodata_browser_authentication.private_service_connection[0].private_ip_address
    pe-kodata-dbw-kodata-databricks_ui_api      = azurerm_private_endpoint.dbw_kodata_databricks_ui_api.private_service_connection[0].private_ip_address
    pe-kodata-evhns-kodata-j3s45-namespace      = azurerm_private_endpoint.evhns_kodata_j3s45_namespace.private_service_connection[0].private_ip_address
    pe-kodata-kv-kodata-data-y53b2-vault        = azurerm_private_endpoint.kv_kodata_data_y53b2_vault.private_service_connection[0].private_ip_address
    pe-kodata-kv-kodata-ml-uk4ec-vault          = azurerm_private_endpoint.kv_kodata_ml_uk4ec_vault.private_service_connection[0].private_ip_address
    pe-kodata-mlw-kodata-amlworkspace           = azurerm_private_endpoint.mlw_kodata_amlworkspace.private_service_connection[0].private_ip_address
    pe-kodata-stkodatalake7uaje-blob            = azurerm_private_endpoint.stkodatalake7uaje_blob.private_service_connection[0].private_ip_address
    pe-kodata-stkodatalake7uaje-dfs             = azurerm_private_endpoint.stkodatalake7uaje_dfs.private_service_connection[0].private_ip_address
    pe-kodata-stkodatamlymvjq-blob              = azurerm_private_endpoint.stkodatamlymvjq_blob.private_service_connection[0].private_ip_address
    pe-kodata-stkodatamlymvjq-file              = azurerm_private_endpoint.stkodatamlymvjq_file.private_service_connection[0].private_ip_address
    pe-kodata-stkodatamlymvjq-queue             = azurerm_private_endpoint.stkodatamlymvjq_queue.private_service_connection[0].private_ip_address
    pe-kodata-stkodatamlymvjq-table             = azurerm_private_endpoint.stkodatamlymvjq_table.private_service_connection[0].private_ip_address
    pe-kodata-synw-kodata-szovt-dev             = azurerm_private_endpoint.synw_kodata_szovt_dev.private_service_connection[0].private_ip_address
    pe-kodata-synw-kodata-szovt-sql             = azurerm_private_endpoint.synw_kodata_szovt_sql.private_service_connection[0].private_ip_address
    pe-kodata-synw-kodata-szovt-sqlondemand     = azurerm_private_endpoint.synw_kodata_szovt_sqlondemand.private_service_connection[0].private_ip_address
  }
}
