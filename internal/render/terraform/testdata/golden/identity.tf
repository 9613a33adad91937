resource "azurerm_role_definition" "kodata_platform_admin" {
  role_definition_id = "1c480440-ec46-507e-b2cf-3c0c250f3777"
  name               = "kodata Platform Admin"
  description        = "Operates every resource of the environment but cannot grant access, change policy, remove locks or delete the network edge"
  scope              = "/subscriptions/${var.subscription_id}"
  permissions {
    actions     = ["*"]
    not_actions = ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action", "Microsoft.Network/azureFirewalls/delete", "Microsoft.Network/virtualNetworkGateways/delete", "Microsoft.Network/connections/delete", "Microsoft.Network/virtualNetworks/delete"]
  }
  assignable_scopes = [azurerm_resource_group.network.id, azurerm_resource_group.data.id, azurerm_resource_group.ml.id, azurerm_resource_group.apps.id, azurerm_resource_group.ops.id]
}

resource "azurerm_role_definition" "kodata_data_engineer" {
  role_definition_id = "4b52a582-3f65-51f5-97e4-e9bc74f3a320"
  name               = "kodata Data Engineer"
  description        = "Runs and monitors Data Factory pipelines, Databricks and Synapse workloads and Stream Analytics jobs, reads the data resource group"
  scope              = "/subscriptions/${var.subscription_id}"
  permissions {
    actions = ["Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Resources/deployments/read", "Microsoft.Insights/metrics/read", "Microsoft.Insights/alertRules/read", "Microsoft.Storage/storageAccounts/read", "Microsoft.Storage/storageAccounts/blobServices/containers/read", "Microsoft.DataFactory/factories/read", "Microsoft.DataFactory/factories/*/read", "Microsoft.DataFactory/factories/pipelines/createrun/action", "Microsoft.DataFactory/factories/pipelineruns/cancel/action", "Microsoft.DataFactory/factories/querypipelineruns/action", "Microsoft.DataFactory/factories/triggers/start/action", "Microsoft.DataFactory/factories/triggers/stop/action", "Microsoft.Databricks/workspaces/read", "Microsoft.Synapse/workspaces/read", "Microsoft.Synapse/workspaces/*/read", "Microsoft.Synapse/workspaces/sqlPools/pause/action", "Microsoft.Synapse/workspaces/sqlPools/resume/action", "Microsoft.StreamAnalytics/streamingjobs/read", "Microsoft.StreamAnalytics/streamingjobs/*/read", "Microsoft.StreamAnalytics/streamingjobs/start/action", "Microsoft.StreamAnalytics/streamingjobs/stop/action", "Microsoft.EventHub/namespaces/read", "Microsoft.EventHub/namespaces/eventhubs/read"]
  }
  assignable_scopes = [azurerm_resource_group.network.id, azurerm_resource_group.data.id, azurerm_resource_group.ml.id, azurerm_resource_group.apps.id, azurerm_resource_group.ops.id]
}

resource "azurerm_role_definition" "kodata_data_scientist" {
  role_definition_id = "52959ae1-7eca-5492-b646-12333117bc6f"
  name               = "kodata Data Scientist"
  description        = "Runs experiments and jobs in Azure ML, starts and stops compute instances and workstations, reads the ML resource group"
  scope              = "/subscriptions/${var.subscription_id}"
  permissions {
    actions     = ["Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Resources/deployments/read", "Microsoft.Insights/metrics/read", "Microsoft.Insights/alertRules/read", "Microsoft.Compute/virtualMachines/read", "Microsoft.Compute/virtualMachines/instanceView/read", "Microsoft.Compute/virtualMachines/start/action", "Microsoft.Compute/virtualMachines/restart/action", "Microsoft.Compute/virtualMachines/deallocate/action", "Microsoft.Network/networkInterfaces/read", "Microsoft.MachineLearningServices/workspaces/read", "Microsoft.MachineLearningServices/workspaces/*/read", "Microsoft.MachineLearningServices/workspaces/experiments/*", "Microsoft.MachineLearningServices/workspaces/jobs/*", "Microsoft.MachineLearningServices/workspaces/computes/start/action", "Microsoft.MachineLearningServices/workspaces/computes/stop/action", "Microsoft.MachineLearningServices/workspaces/computes/restart/action", "Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/action", "Microsoft.MachineLearningServices/workspaces/notebooks/storage/*"]
    not_actions = ["Microsoft.MachineLearningServices/workspaces/computes/write", "Microsoft.MachineLearningServices/workspaces/computes/delete"]
  }
  assignable_scopes = [azurerm_resource_group.network.id, azurerm_resource_group.data.id, azurerm_resource_group.ml.id, azurerm_resource_group.apps.id, azurerm_resource_group.ops.id]
}

resource "azurerm_role_assignment" "apps_admins_kodata_platform_admin" {
  name               = "7b67598f-92b3-5082-893e-a282f7382cb5"
  scope              = azurerm_resource_group.apps.id
  role_definition_id = azurerm_role_definition.kodata_platform_admin.role_definition_resource_id
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "kodata Platform Admin for admins"
}

resource "azurerm_role_assignment" "stkodatalake7uaje_datascientists_storage_blob_data_reader" {
  name               = "0e33aad2-fef6-5835-bff1-846d3d84359e"
  scope              = azurerm_storage_account.stkodatalake7uaje.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Storage Blob Data Reader for dataScientists"
}

resource "azurerm_role_assignment" "vzhpm_dataengineers_data_factory_contributor" {
  name               = "825f091b-f9ee-5c23-bd1e-d9e028f8f209"
  scope              = azurerm_data_factory.vzhpm.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/673868aa-7521-48a0-acc6-0f60742d39f5"
  principal_id       = "7a2d3b8f-2e3c-4d4b-8f9a-1b2c3d4e5f62"
  principal_type     = "Group"
  description        = "Data Factory Contributor for dataEngineers"
}

resource "azurerm_role_assignment" "data_admins_kodata_platform_admin" {
  name               = "d09892e0-609b-5e33-a618-58f7111e792b"
  scope              = azurerm_resource_group.data.id
  role_definition_id = azurerm_role_definition.kodata_platform_admin.role_definition_resource_id
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "kodata Platform Admin for admins"
}

resource "azurerm_role_assignment" "data_dataengineers_kodata_data_engineer" {
  name               = "dbf5bad8-3160-5262-b8a5-820369febe84"
  scope              = azurerm_resource_group.data.id
  role_definition_id = azurerm_role_definition.kodata_data_engineer.role_definition_resource_id
  principal_id       = "7a2d3b8f-2e3c-4d4b-8f9a-1b2c3d4e5f62"
  principal_type     = "Group"
  description        = "kodata Data Engineer for dataEngineers"
}

resource "azurerm_role_assignment" "stkodatalake7uaje_dataengineers_storage_blob_data_contributor" {
  name               = "e375d632-1763-5401-83bb-7619b588bef8"
  scope              = azurerm_storage_account.stkodatalake7uaje.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe"
  principal_id       = "7a2d3b8f-2e3c-4d4b-8f9a-1b2c3d4e5f62"
  principal_type     = "Group"
  description        = "Storage Blob Data Contributor for dataEngineers"
}

resource "azurerm_role_assignment" "ml_admins_kodata_platform_admin" {
  name               = "1f42d52f-a47b-59a3-913b-26ecca2a6de8"
  scope              = azurerm_resource_group.ml.id
  role_definition_id = azurerm_role_definition.kodata_platform_admin.role_definition_resource_id
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "kodata Platform Admin for admins"
}

resource "azurerm_role_assignment" "mlw_datascientists_azureml_data_scientist" {
  name               = "6f09f8ef-6dcb-56fb-a1c1-ac31e3836184"
  scope              = azurerm_machine_learning_workspace.mlw.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "AzureML Data Scientist for dataScientists"
}

resource "azurerm_role_assignment" "ml_datascientists_kodata_data_scientist" {
  name               = "7f3d16f7-015f-576b-be27-7354b9b357f6"
  scope              = azurerm_resource_group.ml.id
  role_definition_id = azurerm_role_definition.kodata_data_scientist.role_definition_resource_id
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "kodata Data Scientist for dataScientists"
}

resource "azurerm_role_assignment" "network_admins_kodata_platform_admin" {
  name               = "8af7db81-15a9-51ab-ba0d-fa510aff0b03"
  scope              = azurerm_resource_group.network.id
  role_definition_id = azurerm_role_definition.kodata_platform_admin.role_definition_resource_id
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "kodata Platform Admin for admins"
}

resource "azurerm_role_assignment" "ops_admins_kodata_platform_admin" {
  name               = "440016d3-65a3-586e-afbe-a4b6647d8b9d"
  scope              = azurerm_resource_group.ops.id
  role_definition_id = azurerm_role_definition.kodata_platform_admin.role_definition_resource_id
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "kodata Platform Admin for admins"
}
