resource "azurerm_resource_group" "apps" {
  name     = "rg-kodata-apps"
  location = var.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_resource_group" "data" {
  name     = "rg-kodata-data"
  location = var.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_resource_group" "ml" {
  name     = "rg-kodata-ml"
  location = var.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_resource_group" "network" {
  name     = "rg-kodata-network"
  location = var.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_resource_group" "ops" {
  name     = "rg-kodata-ops"
  location = var.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

data "azurerm_client_config" "current" {
}
