resource "azurerm_subscription_policy_assignment" "adf_diagnostics" {
  name                 = "pa-kodata-adf-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/751f9297-5aae-4313-af2d-2a89226a7856"
  display_name         = "kodata: diagnostic settings for data factories"
  description          = "Deploys a diagnostic setting sending the logs of data factories to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "afw_diagnostics" {
  name                 = "pa-kodata-afw-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/5fcf46f9-194c-47ff-8889-380f57ae4617"
  display_name         = "kodata: diagnostic settings for firewalls"
  description          = "Deploys a diagnostic setting sending the logs of firewalls to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "allowed_locations" {
  name                 = "pa-kodata-allowed-locations"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c"
  display_name         = "kodata: allowed locations"
  description          = "Resources may only be created in australiaeast"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
  })
  non_compliance_message {
    content = "Resources must be created in australiaeast."
  }
}

resource "azurerm_subscription_policy_assignment" "app_diagnostics" {
  name                 = "pa-kodata-app-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/c0d8e23a-47be-4032-961f-8b0ff3957061"
  display_name         = "kodata: diagnostic settings for App Service apps"
  description          = "Deploys a diagnostic setting sending the logs of App Service apps to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "cr_diagnostics" {
  name                 = "pa-kodata-cr-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/56288eb2-4350-461d-9ece-2bb242269dce"
  display_name         = "kodata: diagnostic settings for container registries"
  description          = "Deploys a diagnostic setting sending the logs of container registries to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "dbw_diagnostics" {
  name                 = "pa-kodata-dbw-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/454c7d4b-c141-43f1-8c81-975ebb15a9b5"
  display_name         = "kodata: diagnostic settings for Databricks workspaces"
  description          = "Deploys a diagnostic setting sending the logs of Databricks workspaces to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "kv_diagnostics" {
  name                 = "pa-kodata-kv-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/6b359d8f-f88d-4052-aa7c-32015963ecc1"
  display_name         = "kodata: diagnostic settings for key vaults"
  description          = "Deploys a diagnostic setting sending the logs of key vaults to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "mlw_diagnostics" {
  name                 = "pa-kodata-mlw-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/90c90eda-bfe7-4c67-bf26-410420ed1047"
  display_name         = "kodata: diagnostic settings for Azure ML workspaces"
  description          = "Deploys a diagnostic setting sending the logs of Azure ML workspaces to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "no_public_ip_on_nic" {
  name                 = "pa-kodata-no-public-ip-on-nic"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/83a86a26-fd1f-447c-b59d-e51f44264114"
  display_name         = "kodata: network interfaces without public IPs"
  description          = "Network interfaces may not have public IP addresses; use Bastion"
  enforce              = true
  non_compliance_message {
    content = "Network interfaces may not have public IP addresses; connect through Azure Bastion."
  }
}

resource "azurerm_subscription_policy_assignment" "nsg_diagnostics" {
  name                 = "pa-kodata-nsg-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/baa4c6de-b7cf-4b12-b436-6e40ef44c8cb"
  display_name         = "kodata: diagnostic settings for network security groups"
  description          = "Deploys a diagnostic setting sending the logs of network security groups to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "synw_diagnostics" {
  name                 = "pa-kodata-synw-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/305408ed-dd5a-43b9-80c1-9eea87a176bb"
  display_name         = "kodata: diagnostic settings for Synapse workspaces"
  description          = "Deploys a diagnostic setting sending the logs of Synapse workspaces to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_subscription_policy_assignment" "vgw_diagnostics" {
  name                 = "pa-kodata-vgw-diagnostics"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/ed6ae75a-828f-4fea-88fd-dead1145f1dd"
  display_name         = "kodata: diagnostic settings for virtual network gateways"
  description          = "Deploys a diagnostic setting sending the logs of virtual network gateways to the environment's Log Analytics workspace when missing"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "DeployIfNotExists"
    }
    diagnosticSettingName = {
      value = "to-log-analytics"
    }
    logAnalytics = {
      value = azurerm_log_analytics_workspace.log.id
    }
    categoryGroup = {
      value = "allLogs"
    }
  })
  location = var.location
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "subscription_pa_kodata_app_diagnostics_log_analytics_contributor" {
  name               = "13e3e1d9-8b69-5a37-9f9c-1fb67646843b"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.app_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-app-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_vgw_diagnostics_log_analytics_contributor" {
  name               = "16fdd809-f04a-5595-b3e6-7fb742d20bbd"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.vgw_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-vgw-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_nsg_diagnostics_log_analytics_contributor" {
  name               = "4ccea931-b0d1-50e2-a969-6a5cceba4e78"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.nsg_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-nsg-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_adf_diagnostics_log_analytics_contributor" {
  name               = "53670f4f-ab4b-51eb-b572-a2896f7270c2"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.adf_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-adf-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_dbw_diagnostics_log_analytics_contributor" {
  name               = "72402091-6e66-547a-bb00-61288275c594"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.dbw_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-dbw-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_afw_diagnostics_log_analytics_contributor" {
  name               = "75a61daa-4fc4-565e-b27c-c58fb38b6a99"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.afw_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-afw-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_synw_diagnostics_log_analytics_contributor" {
  name               = "7fdf4925-77d1-510a-9658-0f8974d03186"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.synw_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-synw-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_mlw_diagnostics_log_analytics_contributor" {
  name               = "8c9dbf4d-3330-5cc9-9c03-05e6554a6f7b"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.mlw_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-mlw-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_cr_diagnostics_log_analytics_contributor" {
  name               = "f373c929-be96-5029-925f-e49b37aa097e"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.cr_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-cr-diagnostics"
}

resource "azurerm_role_assignment" "subscription_pa_kodata_kv_diagnostics_log_analytics_contributor" {
  name               = "f6fdb717-1b73-511d-b25b-5c1d56354fa5"
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/92aaf0da-9dab-42b6-94a3-d43ce8d16293"
  principal_id       = azurerm_subscription_policy_assignment.kv_diagnostics.identity[0].principal_id
  principal_type     = "ServicePrincipal"
  description        = "Log Analytics Contributor for pa-kodata-kv-diagnostics"
}

resource "azurerm_consumption_budget_subscription" "monthly" {
  name            = "budget-kodata-monthly"
  subscription_id = "/subscriptions/${var.subscription_id}"
  amount          = 9000
  time_grain      = "Monthly"
  time_period {
    start_date = "${var.budget_start_date}T00:00:00Z"
  }
  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 50
    threshold_type = "Actual"
    contact_emails = ["cloud-team@example.com"]
    contact_groups = [azurerm_monitor_action_group.ops.id]
  }
  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 80
    threshold_type = "Actual"
    contact_emails = ["cloud-team@example.com"]
    contact_groups = [azurerm_monitor_action_group.ops.id]
  }
  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 100
    threshold_type = "Actual"
    contact_emails = ["cloud-team@example.com"]
    contact_groups = [azurerm_monitor_action_group.ops.id]
  }
  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 100
    threshold_type = "Forecasted"
    contact_emails = ["cloud-team@example.com"]
    contact_groups = [azurerm_monitor_action_group.ops.id]
  }
}

resource "azurerm_security_center_subscription_pricing" "arm" {
  tier          = "Standard"
  resource_type = "Arm"
  subplan       = "PerSubscription"
  depends_on    = [azurerm_security_center_subscription_pricing.containers]
}

resource "azurerm_security_center_subscription_pricing" "containers" {
  tier          = "Standard"
  resource_type = "Containers"
  depends_on    = [azurerm_security_center_subscription_pricing.keyvaults]
}

resource "azurerm_security_center_subscription_pricing" "keyvaults" {
  tier          = "Standard"
  resource_type = "KeyVaults"
  subplan       = "PerKeyVault"
  depends_on    = [azurerm_security_center_subscription_pricing.storageaccounts]
}

resource "azurerm_security_center_subscription_pricing" "storageaccounts" {
  tier          = "Standard"
  resource_type = "StorageAccounts"
  subplan       = "DefenderForStorageV2"
  extension {
    name = "OnUploadMalwareScanning"
    additional_extension_properties = {
      CapGBPerMonthPerStorageAccount = "5000"
    }
  }
  extension {
    name = "SensitiveDataDiscovery"
  }
  depends_on = [azurerm_security_center_subscription_pricing.virtualmachines]
}

resource "azurerm_security_center_subscription_pricing" "virtualmachines" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
  subplan       = "P2"
}

resource "azapi_resource" "default" {
  type      = "Microsoft.Security/securityContacts@2023-12-01-preview"
  name      = "default"
  parent_id = "/subscriptions/${var.subscription_id}"
  location  = var.location
  body = {
    properties = {
      emails    = "cloud-security@example.com"
      isEnabled = true
      notificationsByRole = {
        state = "On"
        roles = ["Owner"]
      }
      notificationsSources = [{
        sourceType      = "Alert"
        minimalSeverity = "Medium"
      }]
    }
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_resource_group_policy_assignment" "app_no_public_apps" {
  name                 = "pa-kodata-app-no-public-apps"
  resource_group_id    = azurerm_resource_group.apps.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/1b5ef780-c53c-4a64-87f3-bb9c8c8094ba"
  display_name         = "kodata: App Service apps without public network access (apps)"
  description          = "Public network access to App Service apps is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach App Service apps through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "app_private_link_apps" {
  name                 = "pa-kodata-app-private-link-apps"
  resource_group_id    = azurerm_resource_group.apps.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/687aa49d-0982-40f8-bf6b-66d1da97a04b"
  display_name         = "kodata: App Service apps use private link (apps)"
  description          = "Audits App Service apps without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "AuditIfNotExists"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "adf_no_public_data" {
  name                 = "pa-kodata-adf-no-public-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/1cf164be-6819-4a50-b8fa-4bcaa4f98fb6"
  display_name         = "kodata: data factories without public network access (data)"
  description          = "Public network access to data factories is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach data factories through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "adf_private_link_data" {
  name                 = "pa-kodata-adf-private-link-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/8b0323be-cc25-4b61-935d-002c3798c6ea"
  display_name         = "kodata: data factories use private link (data)"
  description          = "Audits data factories without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "AuditIfNotExists"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "dbw_no_public_data" {
  name                 = "pa-kodata-dbw-no-public-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/0e7849de-b939-4c50-ab48-fc6b0f5eeba2"
  display_name         = "kodata: Databricks workspaces without public network access (data)"
  description          = "Public network access to Databricks workspaces is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach Databricks workspaces through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "dbw_private_link_data" {
  name                 = "pa-kodata-dbw-private-link-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/258823f2-4595-4b52-b333-cc96192710d8"
  display_name         = "kodata: Databricks workspaces use private link (data)"
  description          = "Audits Databricks workspaces without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "kv_no_public_data" {
  name                 = "pa-kodata-kv-no-public-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/405c5871-3e91-4644-8a63-58e19d68ff5b"
  display_name         = "kodata: key vaults without public network access (data)"
  description          = "Public network access to key vaults is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach key vaults through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "kv_private_link_data" {
  name                 = "pa-kodata-kv-private-link-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/a6abeaec-4d90-4a02-805f-6b26c4d3fbe9"
  display_name         = "kodata: key vaults use private link (data)"
  description          = "Audits key vaults without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    audit_effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "st_no_public_data" {
  name                 = "pa-kodata-st-no-public-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/b2982f36-99f2-4db5-8eff-283140c09693"
  display_name         = "kodata: storage accounts without public network access (data)"
  description          = "Public network access to storage accounts is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach storage accounts through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "st_private_link_data" {
  name                 = "pa-kodata-st-private-link-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/6edd7eda-6dd8-40f7-810d-67160c639cd9"
  display_name         = "kodata: storage accounts use private link (data)"
  description          = "Audits storage accounts without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "AuditIfNotExists"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "synw_no_public_data" {
  name                 = "pa-kodata-synw-no-public-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/38d8df46-cf4e-4073-8e03-48c24b29de0d"
  display_name         = "kodata: Synapse workspaces without public network access (data)"
  description          = "Public network access to Synapse workspaces is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach Synapse workspaces through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "synw_private_link_data" {
  name                 = "pa-kodata-synw-private-link-data"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/72d11df1-dd8a-41f7-8925-b05b960ebafc"
  display_name         = "kodata: Synapse workspaces use private link (data)"
  description          = "Audits Synapse workspaces without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "aks_no_public_ml" {
  name                 = "pa-kodata-aks-no-public-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/040732e8-d947-40b8-95d6-854c95024bf8"
  display_name         = "kodata: AKS clusters without public network access (ml)"
  description          = "Public network access to AKS clusters is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach AKS clusters through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "allowed_vm_sizes" {
  name                 = "pa-kodata-allowed-vm-sizes"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/cccc23c7-8427-4f53-ad12-b6a63eb452b3"
  display_name         = "kodata: allowed VM sizes"
  description          = "Virtual machines may only use Standard_D4s_v5, Standard_NC4as_T4_v3"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This VM size is not allowed in this environment."
  }
}

resource "azurerm_resource_group_policy_assignment" "cr_no_public_ml" {
  name                 = "pa-kodata-cr-no-public-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/0fdf0491-d080-4575-b627-ad0e843cba0f"
  display_name         = "kodata: container registries without public network access (ml)"
  description          = "Public network access to container registries is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach container registries through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "cr_private_link_ml" {
  name                 = "pa-kodata-cr-private-link-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/e8eef0a8-67cf-4eb4-9386-14b0e78733d4"
  display_name         = "kodata: container registries use private link (ml)"
  description          = "Audits container registries without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "kv_no_public_ml" {
  name                 = "pa-kodata-kv-no-public-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/405c5871-3e91-4644-8a63-58e19d68ff5b"
  display_name         = "kodata: key vaults without public network access (ml)"
  description          = "Public network access to key vaults is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach key vaults through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "kv_private_link_ml" {
  name                 = "pa-kodata-kv-private-link-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/a6abeaec-4d90-4a02-805f-6b26c4d3fbe9"
  display_name         = "kodata: key vaults use private link (ml)"
  description          = "Audits key vaults without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    audit_effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "mlw_no_public_ml" {
  name                 = "pa-kodata-mlw-no-public-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce"
  display_name         = "kodata: Azure ML workspaces without public network access (ml)"
  description          = "Public network access to Azure ML workspaces is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach Azure ML workspaces through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "mlw_private_link_ml" {
  name                 = "pa-kodata-mlw-private-link-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/45e05259-1eb5-4f70-9574-baf73e9d219b"
  display_name         = "kodata: Azure ML workspaces use private link (ml)"
  description          = "Audits Azure ML workspaces without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Audit"
    }
  })
}

resource "azurerm_resource_group_policy_assignment" "st_no_public_ml" {
  name                 = "pa-kodata-st-no-public-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/b2982f36-99f2-4db5-8eff-283140c09693"
  display_name         = "kodata: storage accounts without public network access (ml)"
  description          = "Public network access to storage accounts is denied; use private endpoints"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "Deny"
    }
  })
  non_compliance_message {
    content = "Public network access must be disabled; reach storage accounts through private endpoints."
  }
}

resource "azurerm_resource_group_policy_assignment" "st_private_link_ml" {
  name                 = "pa-kodata-st-private-link-ml"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/6edd7eda-6dd8-40f7-810d-67160c639cd9"
  display_name         = "kodata: storage accounts use private link (ml)"
  description          = "Audits storage accounts without an approved private endpoint"
  enforce              = true
  parameters = jsonencode({
    effect = {
      value = "AuditIfNotExists"
    }
  })
}
