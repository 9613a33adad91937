resource "azurerm_role_assignment" "aks_kubelet_id_kodata_aks_managed_identity_operator" {
  name               = "830e9dd8-4945-53b5-a1ad-c18c7992f185"
  scope              = azurerm_user_assigned_identity.aks_kubelet.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/f1a07417-d97a-45cb-824c-7a7467783830"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Managed Identity Operator for id-kodata-aks"
}

resource "azurerm_user_assigned_identity" "aks" {
  name                = "id-kodata-aks"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_user_assigned_identity" "aks_kubelet" {
  name                = "id-kodata-aks-kubelet"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_role_assignment" "privatelink_australiaeast_azmk8s_io_id_kodata_aks_private_dns_zone_contributor" {
  name               = "1cb1b734-7cb9-5577-b74b-4251d9a41c9c"
  scope              = azurerm_private_dns_zone.privatelink_australiaeast_azmk8s_io.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b12aa53e-6015-4669-85d0-8515ebb3ae7f"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Private DNS Zone Contributor for id-kodata-aks"
}

resource "azurerm_role_assignment" "spoke_snet_scoring_id_kodata_aks_network_contributor" {
  name               = "9304922d-83c0-546a-91a8-1cf480626f97"
  scope              = azurerm_subnet.spoke_snet_scoring.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7"
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
  principal_type     = "ServicePrincipal"
  description        = "Network Contributor for id-kodata-aks"
}
