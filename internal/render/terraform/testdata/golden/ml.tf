resource "azurerm_user_assigned_identity" "mlw" {
  name                = "id-kodata-mlw"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
