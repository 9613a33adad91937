output "dns_resolver_inbound_ip" {
  description = "Address on-premises DNS servers forward the private-link zones to"
  value       = azurerm_private_dns_resolver_inbound_endpoint.dnspr_inbound.ip_configurations[0].private_ip_address
}

output "firewall_private_ip" {
  description = "Private address of Azure Firewall, the next hop of every spoke route"
  value       = azurerm_firewall.afw.ip_configuration[0].private_ip_address
}
