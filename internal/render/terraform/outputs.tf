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
