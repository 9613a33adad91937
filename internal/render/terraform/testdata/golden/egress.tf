resource "azurerm_monitor_diagnostic_setting" "afw_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_firewall.afw.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "firewall_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_public_ip.firewall.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_firewall" "afw" {
  name                = "afw-kodata"
  resource_group_name = azurerm_resource_group.network.name
  location            = azurerm_resource_group.network.location
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.afwp.id
  zones               = ["1", "2", "3"]
  ip_configuration {
    name                 = "ipconfig1"
    subnet_id            = azurerm_subnet.hub_azurefirewallsubnet.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
  depends_on = [azurerm_firewall_policy_rule_collection_group.afwp_rcg_onprem]
}

resource "azurerm_firewall_policy" "afwp" {
  name                     = "afwp-kodata"
  resource_group_name      = azurerm_resource_group.network.name
  location                 = azurerm_resource_group.network.location
  sku                      = "Standard"
  threat_intelligence_mode = "Deny"
  dns {
    proxy_enabled = true
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_firewall_policy_rule_collection_group" "afwp_rcg_onprem" {
  name               = "rcg-onprem"
  firewall_policy_id = azurerm_firewall_policy.afwp.id
  priority           = 400
  network_rule_collection {
    name     = "onprem-data-sources"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "datasource-edw"
      description           = "oracle data source edw, for dataEngineers, dataScientists and data integration"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.6.128/27"]
      destination_addresses = ["10.0.12.20/32"]
      destination_ports     = ["1521"]
    }
  }
  network_rule_collection {
    name     = "onprem-to-private-endpoints"
    priority = 110
    action   = "Allow"
    rule {
      name                  = "https"
      description           = "on-premises clients to the private endpoints over HTTPS"
      protocols             = ["TCP"]
      source_addresses      = ["10.0.0.0/16"]
      destination_addresses = ["10.60.5.128/26"]
      destination_ports     = ["443"]
    }
  }
  depends_on = [azurerm_firewall_policy_rule_collection_group.afwp_rcg_packages]
}

resource "azurerm_firewall_policy_rule_collection_group" "afwp_rcg_packages" {
  name               = "rcg-packages"
  firewall_policy_id = azurerm_firewall_policy.afwp.id
  priority           = 300
  application_rule_collection {
    name     = "package-repositories"
    priority = 100
    action   = "Allow"
    rule {
      name        = "preset-python"
      description = "pip's default index and its file host; Learn lists pypi.org among Azure ML's recommended outbound hosts"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["pypi.org", "files.pythonhosted.org"]
    }
    rule {
      name        = "preset-conda"
      description = "conda's default and conda-forge channels; Learn lists *.anaconda.com and *.anaconda.org for Azure ML"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["repo.anaconda.com", "conda.anaconda.org", "*.anaconda.org"]
    }
    rule {
      name        = "preset-r"
      description = "CRAN; Learn names cloud.r-project.org for R packages on Azure ML compute"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["cran.r-project.org", "cloud.r-project.org"]
    }
    rule {
      name        = "preset-ubuntu"
      description = "Ubuntu package archives; apt uses plain HTTP (packages are signed)"
      protocols {
        type = "Http"
        port = 80
      }
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["archive.ubuntu.com", "security.ubuntu.com", "azure.archive.ubuntu.com"]
    }
  }
  depends_on = [azurerm_firewall_policy_rule_collection_group.afwp_rcg_platform]
}

resource "azurerm_firewall_policy_rule_collection_group" "afwp_rcg_platform" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.afwp.id
  priority           = 200
  network_rule_collection {
    name     = "azure-ml-service-tags"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "entra-id"
      description           = "authentication with Microsoft Entra ID"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureActiveDirectory"]
      destination_ports     = ["80", "443"]
    }
    rule {
      name                  = "azureml"
      description           = "Azure ML services, RStudio and the notebook language server"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureMachineLearning"]
      destination_ports     = ["443", "8787", "18881"]
    }
    rule {
      name                  = "azureml-udp"
      description           = "Azure ML compute instance service"
      protocols             = ["UDP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureMachineLearning"]
      destination_ports     = ["5831"]
    }
    rule {
      name                  = "batch"
      description           = "Azure Batch node management for compute clusters and instances"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["BatchNodeManagement.australiaeast"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "resource-manager"
      description           = "creating Azure resources from Azure ML"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureResourceManager"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "storage"
      description           = "Microsoft storage used by compute, and Azure Files (SMB)"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["Storage.australiaeast"]
      destination_ports     = ["443", "445"]
    }
    rule {
      name                  = "front-door"
      description           = "Azure ML studio and Microsoft-provided images"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureFrontDoor.Frontend", "AzureFrontDoor.FirstParty"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "container-registry"
      description           = "Docker images Microsoft provides"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["MicrosoftContainerRegistry"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "monitor"
      description           = "metrics and logs to Azure Monitor"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "key-vault"
      description           = "the Azure Batch back end's key vault"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_addresses = ["AzureKeyVault.australiaeast"]
      destination_ports     = ["443"]
    }
  }
  application_rule_collection {
    name     = "azure-ml-fqdns"
    priority = 110
    action   = "Allow"
    rule {
      name        = "azureml-hosts"
      description = "Azure ML studio, API, notebooks and Microsoft Container Registry hosts"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24"]
      destination_fqdns = ["ml.azure.com", "*.azureml.ms", "*.azureml.net", "*.modelmanagement.azureml.net", "*.notebooks.azure.net", "*.aznbcontent.net", "graph.microsoft.com", "login.microsoftonline.com", "management.azure.com", "mcr.microsoft.com", "*.data.mcr.microsoft.com"]
    }
  }
  application_rule_collection {
    name     = "aks-fqdns"
    priority = 120
    action   = "Allow"
    rule {
      name        = "aks-core"
      description = "AKS required hosts"
      protocols {
        type = "Http"
        port = 80
      }
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses      = ["10.60.4.0/24"]
      destination_fqdn_tags = ["AzureKubernetesService"]
    }
    rule {
      name        = "aks-addons"
      description = "Azure Monitor and Azure Policy add-ons"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.4.0/24"]
      destination_fqdns = ["dc.services.visualstudio.com", "*.ods.opinsights.azure.com", "*.oms.opinsights.azure.com", "*.monitoring.azure.com", "australiaeast.handler.control.monitor.azure.com", "australiaeast.ingest.monitor.azure.com", "data.policy.core.windows.net", "store.policy.core.windows.net"]
    }
  }
  network_rule_collection {
    name     = "aks-network"
    priority = 130
    action   = "Allow"
    rule {
      name              = "ntp"
      description       = "time synchronisation for Linux nodes"
      protocols         = ["UDP"]
      source_addresses  = ["10.60.4.0/24"]
      destination_fqdns = ["ntp.ubuntu.com"]
      destination_ports = ["123"]
    }
    rule {
      name                  = "monitor"
      description           = "Azure Monitor for containers"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.4.0/24"]
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }
  }
  application_rule_collection {
    name     = "vm-management"
    priority = 140
    action   = "Allow"
    rule {
      name        = "ubuntu-updates"
      description = "Ubuntu security updates (apt uses HTTP; packages are signed)"
      protocols {
        type = "Http"
        port = 80
      }
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["security.ubuntu.com", "azure.archive.ubuntu.com", "changelogs.ubuntu.com", "snapshot.ubuntu.com"]
    }
    rule {
      name        = "windows-update"
      description = "Windows Update for Windows VMs"
      protocols {
        type = "Http"
        port = 80
      }
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses      = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdn_tags = ["WindowsUpdate"]
    }
    rule {
      name        = "entra-login"
      description = "Entra ID sign-in to VMs, Windows device registration and the Microsoft package repository"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["login.microsoftonline.com", "pas.windows.net", "packages.microsoft.com", "enterpriseregistration.windows.net"]
    }
    rule {
      name        = "monitor-agent"
      description = "Azure Monitor agent configuration and ingestion"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.5.0/26", "10.60.5.64/26", "10.60.4.0/24", "10.60.6.128/27"]
      destination_fqdns = ["global.handler.control.monitor.azure.com", "australiaeast.handler.control.monitor.azure.com", "*.ods.opinsights.azure.com", "australiaeast.monitoring.azure.com"]
    }
  }
  network_rule_collection {
    name     = "vm-attestation"
    priority = 150
    action   = "Allow"
    rule {
      name                  = "guest-attestation"
      description           = "GuestAttestation extension of trusted-launch VMs to Microsoft Azure Attestation"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.0/26", "10.60.6.128/27"]
      destination_addresses = ["AzureAttestation"]
      destination_ports     = ["443"]
    }
  }
  network_rule_collection {
    name     = "databricks"
    priority = 160
    action   = "Allow"
    rule {
      name                  = "metastore"
      description           = "Databricks metastore"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.192/26", "10.60.6.0/26"]
      destination_addresses = ["Sql.australiaeast"]
      destination_ports     = ["3306"]
    }
    rule {
      name                  = "storage"
      description           = "Databricks artifact and log storage"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.192/26", "10.60.6.0/26"]
      destination_addresses = ["Storage.australiaeast"]
      destination_ports     = ["443"]
    }
    rule {
      name                  = "eventhub"
      description           = "Databricks log delivery"
      protocols             = ["TCP"]
      source_addresses      = ["10.60.5.192/26", "10.60.6.0/26"]
      destination_addresses = ["EventHub.australiaeast"]
      destination_ports     = ["9093"]
    }
  }
  application_rule_collection {
    name     = "integration-runtime"
    priority = 170
    action   = "Allow"
    rule {
      name        = "shir"
      description = "self-hosted integration runtime: installer and auto-update downloads"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.60.6.128/27"]
      destination_fqdns = ["go.microsoft.com", "download.microsoft.com"]
    }
  }
}

resource "azurerm_public_ip" "firewall" {
  name                    = "pip-kodata-firewall"
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
