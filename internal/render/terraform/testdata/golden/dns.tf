resource "azurerm_private_dns_resolver" "dnspr" {
  name                = "dnspr-kodata"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  virtual_network_id  = azurerm_virtual_network.hub.id
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_resolver_inbound_endpoint" "dnspr_inbound" {
  name                    = "inbound"
  private_dns_resolver_id = azurerm_private_dns_resolver.dnspr.id
  location                = azurerm_resource_group.network.location
  ip_configurations {
    subnet_id                    = azurerm_subnet.hub_snet_dns_inbound.id
    private_ip_allocation_method = "Static"
    private_ip_address           = "10.60.0.164"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_adf_azure_com" {
  name                = "privatelink.adf.azure.com"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_api_azureml_ms" {
  name                = "privatelink.api.azureml.ms"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_australiaeast_azmk8s_io" {
  name                = "privatelink.australiaeast.azmk8s.io"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_azurecr_io" {
  name                = "privatelink.azurecr.io"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_azuredatabricks_net" {
  name                = "privatelink.azuredatabricks.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_azurewebsites_net" {
  name                = "privatelink.azurewebsites.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_blob_core_windows_net" {
  name                = "privatelink.blob.core.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_datafactory_azure_net" {
  name                = "privatelink.datafactory.azure.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_dev_azuresynapse_net" {
  name                = "privatelink.dev.azuresynapse.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_dfs_core_windows_net" {
  name                = "privatelink.dfs.core.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_file_core_windows_net" {
  name                = "privatelink.file.core.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_notebooks_azure_net" {
  name                = "privatelink.notebooks.azure.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_queue_core_windows_net" {
  name                = "privatelink.queue.core.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_servicebus_windows_net" {
  name                = "privatelink.servicebus.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_sql_azuresynapse_net" {
  name                = "privatelink.sql.azuresynapse.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_table_core_windows_net" {
  name                = "privatelink.table.core.windows.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone" "privatelink_vaultcore_azure_net" {
  name                = "privatelink.vaultcore.azure.net"
  resource_group_name = azurerm_resource_group.network.name
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_adf_azure_com_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_adf_azure_com.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_adf_azure_com_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_adf_azure_com.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_api_azureml_ms_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_api_azureml_ms.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_api_azureml_ms_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_api_azureml_ms.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_australiaeast_azmk8s_io_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_australiaeast_azmk8s_io.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_australiaeast_azmk8s_io_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_australiaeast_azmk8s_io.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azurecr_io_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azurecr_io.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azurecr_io_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azurecr_io.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azuredatabricks_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azuredatabricks_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azuredatabricks_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azuredatabricks_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azurewebsites_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azurewebsites_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_azurewebsites_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_azurewebsites_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_blob_core_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_blob_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_blob_core_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_blob_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_datafactory_azure_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_datafactory_azure_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_datafactory_azure_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_datafactory_azure_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_dev_azuresynapse_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_dev_azuresynapse_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_dev_azuresynapse_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_dev_azuresynapse_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_dfs_core_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_dfs_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_dfs_core_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_dfs_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_file_core_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_file_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_file_core_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_file_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_notebooks_azure_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_notebooks_azure_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_notebooks_azure_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_notebooks_azure_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_queue_core_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_queue_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_queue_core_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_queue_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_servicebus_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_servicebus_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_servicebus_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_servicebus_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_sql_azuresynapse_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_sql_azuresynapse_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_sql_azuresynapse_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_sql_azuresynapse_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_table_core_windows_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_table_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_table_core_windows_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_table_core_windows_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_vaultcore_azure_net_link_hub" {
  name                  = "link-hub"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_vaultcore_azure_net.name
  virtual_network_id    = azurerm_virtual_network.hub.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_private_dns_zone_virtual_network_link" "privatelink_vaultcore_azure_net_link_spoke" {
  name                  = "link-spoke"
  resource_group_name   = azurerm_resource_group.network.name
  private_dns_zone_name = azurerm_private_dns_zone.privatelink_vaultcore_azure_net.name
  virtual_network_id    = azurerm_virtual_network.spoke.id
  registration_enabled  = false
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
