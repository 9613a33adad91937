resource "azurerm_role_assignment" "ml_admins_virtual_machine_administrator_login" {
  name               = "334eca62-05fd-53c7-baca-b2cfc0af6cc2"
  scope              = azurerm_resource_group.ml.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/1c0163c0-47e6-4577-8991-ea5c82e286e4"
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "Virtual Machine Administrator Login for admins"
}
