resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-kodata-cmk"
  resource_group_name = azurerm_resource_group.ops.name
  location            = azurerm_resource_group.ops.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
