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

resource "azurerm_subscription_policy_assignment" "rbac_custom_role_scope" {
  name                 = "pa-kodata-rbac-custom-role-scope"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = azurerm_policy_definition.enclave_rbac_custom_role_scope.id
  display_name         = "kodata: custom roles should be assignable only below the subscription"
  description          = "Part of enclave's baseline that judges subscription-level resources"
  enforce              = true
}

resource "azurerm_subscription_policy_assignment" "rbac_no_subscription_people" {
  name                 = "pa-kodata-rbac-no-subscription-people"
  subscription_id      = "/subscriptions/${var.subscription_id}"
  policy_definition_id = azurerm_policy_definition.enclave_rbac_no_subscription_people.id
  display_name         = "kodata: people should not be granted roles at subscription scope"
  description          = "Part of enclave's baseline that judges subscription-level resources"
  enforce              = true
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

resource "azurerm_policy_definition" "enclave_aks_defender" {
  name         = "enclave-aks-defender"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should have the Defender profile enabled"
  description  = "Microsoft Defender for Containers collects runtime security events from the nodes."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["LT-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/securityProfile.defender.securityMonitoring.enabled",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_diagnostic_settings" {
  name         = "enclave-aks-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should send resource logs to Log Analytics"
  description  = "Audits aks clusters without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.ContainerService/managedClusters"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_encryption_at_host" {
  name         = "enclave-aks-encryption-at-host"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS node pools should use encryption at host"
  description  = "Encryption at host encrypts temporary disks and disk caches of the nodes."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["DP-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "count": {
          "field": "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*]",
          "where": {
            "field": "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].enableEncryptionAtHost",
            "notEquals": true
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_entra_rbac" {
  name         = "enclave-aks-entra-rbac"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should use Microsoft Entra ID with Azure RBAC"
  description  = "Cluster sign-in must go through Microsoft Entra ID and Kubernetes authorisation through Azure role assignments."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["IM-1", "PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "anyOf": [
          {
            "field": "Microsoft.ContainerService/managedClusters/aadProfile.managed",
            "notEquals": true
          },
          {
            "field": "Microsoft.ContainerService/managedClusters/aadProfile.enableAzureRBAC",
            "notEquals": true
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_kubernetes_rbac" {
  name         = "enclave-aks-kubernetes-rbac"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should have Kubernetes RBAC enabled"
  description  = "Without Kubernetes RBAC every authenticated user has full access to the cluster."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/enableRBAC",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_local_accounts" {
  name         = "enclave-aks-local-accounts"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should have local accounts disabled"
  description  = "The local cluster-admin account is a static credential outside Microsoft Entra ID. Azure Machine Learning's Kubernetes extension does not support clusters without local accounts; enclave exempts such attached clusters through a policy exemption recorded in the output."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/disableLocalAccounts",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_network_policy" {
  name         = "enclave-aks-network-policy"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should enforce Kubernetes network policies"
  description  = "A network policy engine is needed for pod-to-pod segmentation inside the scoring subnet."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["NS-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/networkProfile.networkPolicy",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_node_public_ip" {
  name         = "enclave-aks-node-public-ip"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS node pools should not have public IP addresses"
  description  = "Nodes live in the scoring subnet behind the firewall and must not get public IPs."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "count": {
          "field": "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*]",
          "where": {
            "field": "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].enableNodePublicIP",
            "equals": true
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_policy_add_on" {
  name         = "enclave-aks-policy-add-on"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should have the Azure Policy add-on"
  description  = "The add-on enforces pod security policies inside the cluster."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["PV-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/addonProfiles.azurePolicy.enabled",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_private_cluster" {
  name         = "enclave-aks-private-cluster"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should have a private API server"
  description  = "The API server must be reachable only through its private endpoint in the spoke."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/apiServerAccessProfile.enablePrivateCluster",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_aks_run_command" {
  name         = "enclave-aks-run-command"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "AKS clusters should disable run command"
  description  = "Run command lets anyone with the right Azure role run kubectl through the Azure API, bypassing the private API server."
  metadata = jsonencode({
    category     = "Kubernetes"
    version      = "1.0.0"
    mcsbControls = ["PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerService/managedClusters"
      },
      {
        "field": "Microsoft.ContainerService/managedClusters/apiServerAccessProfile.disableRunCommand",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_allowed_locations" {
  name         = "enclave-allowed-locations"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Resources should be deployed in the allowed locations"
  description  = "Keeps data and services in the regions the spec allows. An empty list (the default, used only when no assignment value is given) allows every region; enclave's assignment always passes the spec's list."
  metadata = jsonencode({
    category     = "General"
    version      = "1.0.0"
    mcsbControls = ["DP-1", "GS-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "value": "[length(parameters('listOfAllowedLocations'))]",
        "greater": 0
      },
      {
        "field": "location",
        "notIn": "[parameters('listOfAllowedLocations')]"
      },
      {
        "field": "location",
        "notEquals": "global"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  },
  "listOfAllowedLocations": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed locations",
      "description": "Regions resources may be created in",
      "strongType": "location"
    },
    "defaultValue": []
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_allowed_vm_sizes" {
  name         = "enclave-allowed-vm-sizes"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual machines should use the allowed sizes"
  description  = "Limits VMs to the sizes the spec uses or allows. An empty list (the default, used only when no assignment value is given) allows every size; enclave's assignment always passes the list."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["AM-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Compute/virtualMachines"
      },
      {
        "value": "[length(parameters('listOfAllowedSKUs'))]",
        "greater": 0
      },
      {
        "field": "Microsoft.Compute/virtualMachines/sku.name",
        "notIn": "[parameters('listOfAllowedSKUs')]"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  },
  "listOfAllowedSKUs": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed sizes",
      "description": "VM sizes that may be used",
      "strongType": "VMSKUs"
    },
    "defaultValue": []
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_basic_auth_ftp" {
  name         = "enclave-app-service-basic-auth-ftp"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should disable basic authentication for FTP deployment"
  description  = "Publishing with a site-wide user name and password bypasses Microsoft Entra ID; the ftp basic publishing credentials policy must deny it."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Web/sites"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
      "name": "ftp",
      "existenceCondition": {
        "field": "Microsoft.Web/sites/basicPublishingCredentialsPolicies/allow",
        "equals": false
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_basic_auth_scm" {
  name         = "enclave-app-service-basic-auth-scm"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should disable basic authentication for SCM (Kudu and Git) deployment"
  description  = "Publishing with a site-wide user name and password bypasses Microsoft Entra ID; the scm basic publishing credentials policy must deny it."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Web/sites"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
      "name": "scm",
      "existenceCondition": {
        "field": "Microsoft.Web/sites/basicPublishingCredentialsPolicies/allow",
        "equals": false
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_diagnostic_settings" {
  name         = "enclave-app-service-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should send resource logs to Log Analytics"
  description  = "Audits app service apps without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Web/sites"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_ftps" {
  name         = "enclave-app-service-ftps"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should not allow plain FTP"
  description  = "FTP deployment must be disabled or FTPS only, so that credentials and content never travel unencrypted."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "field": "Microsoft.Web/sites/siteConfig.ftpsState",
        "notIn": [
          "FtpsOnly",
          "Disabled"
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_https_only" {
  name         = "enclave-app-service-https-only"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should accept only HTTPS"
  description  = "httpsOnly redirects plain HTTP requests to HTTPS."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "field": "Microsoft.Web/sites/httpsOnly",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_managed_identity" {
  name         = "enclave-app-service-managed-identity"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should use a managed identity"
  description  = "Apps reach the container registry and other services with a managed identity rather than stored credentials."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["IM-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "anyOf": [
          {
            "field": "identity.type",
            "exists": false
          },
          {
            "field": "identity.type",
            "equals": "None"
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_minimum_tls" {
  name         = "enclave-app-service-minimum-tls"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should require TLS 1.2 or newer"
  description  = "Rejects apps whose site or SCM endpoint accepts TLS versions older than the allowed ones."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["DP-3", "NS-8"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "anyOf": [
          {
            "field": "Microsoft.Web/sites/siteConfig.minTlsVersion",
            "notIn": "[parameters('allowedTlsVersions')]"
          },
          {
            "field": "Microsoft.Web/sites/siteConfig.scmMinTlsVersion",
            "notIn": "[parameters('allowedTlsVersions')]"
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "allowedTlsVersions": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed minimum TLS versions",
      "description": "Values of minTlsVersion and scmMinTlsVersion that are accepted"
    },
    "defaultValue": [
      "1.2",
      "1.3"
    ]
  },
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_private_endpoint" {
  name         = "enclave-app-service-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should have a private endpoint"
  description  = "Audits app service apps that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Web/sites"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_public_network_access" {
  name         = "enclave-app-service-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should disable public network access"
  description  = "App Service apps in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "field": "Microsoft.Web/sites/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_remote_debugging" {
  name         = "enclave-app-service-remote-debugging"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should have remote debugging turned off"
  description  = "Remote debugging opens inbound ports on the app's workers."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["PV-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "field": "Microsoft.Web/sites/siteConfig.remoteDebuggingEnabled",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_app_service_vnet_routing" {
  name         = "enclave-app-service-vnet-routing"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "App Service apps should route outbound traffic through their virtual network"
  description  = "With VNet integration routing application traffic, the app's outbound calls go through the spoke's route table and the firewall."
  metadata = jsonencode({
    category     = "App Service"
    version      = "1.0.0"
    mcsbControls = ["NS-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Web/sites"
      },
      {
        "field": "Microsoft.Web/sites/outboundVnetRouting.applicationTraffic",
        "notEquals": true
      },
      {
        "field": "Microsoft.Web/sites/vnetRouteAllEnabled",
        "notEquals": true
      },
      {
        "field": "Microsoft.Web/sites/siteConfig.vnetRouteAllEnabled",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_bastion_diagnostic_settings" {
  name         = "enclave-bastion-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Bastion hosts should send resource logs to Log Analytics"
  description  = "Audits bastion hosts without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Network/bastionHosts"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_admin_user" {
  name         = "enclave-container-registry-admin-user"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should have the admin user disabled"
  description  = "The admin user is a shared account with push and pull rights whose password does not identify who used it; pulls use managed identities with AcrPull instead."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["IM-1", "PA-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerRegistry/registries"
      },
      {
        "field": "Microsoft.ContainerRegistry/registries/adminUserEnabled",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_anonymous_pull" {
  name         = "enclave-container-registry-anonymous-pull"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should not allow anonymous pull"
  description  = "Anonymous pull lets anyone who reaches the registry download its images without signing in."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerRegistry/registries"
      },
      {
        "field": "Microsoft.ContainerRegistry/registries/anonymousPullEnabled",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_diagnostic_settings" {
  name         = "enclave-container-registry-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should send resource logs to Log Analytics"
  description  = "Audits container registries without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.ContainerRegistry/registries"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_export" {
  name         = "enclave-container-registry-export"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should have exports disabled"
  description  = "With exports disabled, images can leave the registry only through its data plane, which is reachable only through the private endpoint."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["DP-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerRegistry/registries"
      },
      {
        "field": "Microsoft.ContainerRegistry/registries/policies.exportPolicy.status",
        "notEquals": "disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_premium" {
  name         = "enclave-container-registry-premium"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should use the Premium tier"
  description  = "Private endpoints, network rules and disabled exports need the Premium tier of Azure Container Registry."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerRegistry/registries"
      },
      {
        "field": "Microsoft.ContainerRegistry/registries/sku.name",
        "notEquals": "Premium"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_private_endpoint" {
  name         = "enclave-container-registry-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should have a private endpoint"
  description  = "Audits container registries that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.ContainerRegistry/registries"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_container_registry_public_network_access" {
  name         = "enclave-container-registry-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Container registries should disable public network access"
  description  = "Container registries in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Container Registry"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.ContainerRegistry/registries"
      },
      {
        "field": "Microsoft.ContainerRegistry/registries/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_data_factory_customer_managed_key" {
  name         = "enclave-data-factory-customer-managed-key"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Data factories should encrypt data with a customer-managed key"
  description  = "When the spec sets governance.customerManagedKeys, data factories must encrypt data at rest with a key held in the environment's Key Vault. enclave assigns this definition with Audit when the spec asks for customer-managed keys and Disabled otherwise."
  metadata = jsonencode({
    category     = "Data Factory"
    version      = "1.0.0"
    mcsbControls = ["DP-5"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.DataFactory/factories"
      },
      {
        "field": "Microsoft.DataFactory/factories/encryption.vaultBaseUrl",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_data_factory_diagnostic_settings" {
  name         = "enclave-data-factory-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Data factories should send resource logs to Log Analytics"
  description  = "Audits data factories without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Data Factory"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.DataFactory/factories"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_data_factory_managed_vnet" {
  name         = "enclave-data-factory-managed-vnet"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Azure integration runtimes of data factories should run in a managed virtual network"
  description  = "An Azure integration runtime outside the managed virtual network reaches data stores over public endpoints."
  metadata = jsonencode({
    category     = "Data Factory"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.DataFactory/factories/integrationRuntimes"
      },
      {
        "field": "Microsoft.DataFactory/factories/integrationruntimes/type",
        "equals": "Managed"
      },
      {
        "field": "Microsoft.DataFactory/factories/integrationRuntimes/Managed.managedVirtualNetwork",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_data_factory_private_endpoint" {
  name         = "enclave-data-factory-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Data factories should have a private endpoint"
  description  = "Audits data factories that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Data Factory"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.DataFactory/factories"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_data_factory_public_network_access" {
  name         = "enclave-data-factory-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Data factories should disable public network access"
  description  = "Data factories in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Data Factory"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.DataFactory/factories"
      },
      {
        "field": "Microsoft.DataFactory/factories/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_databricks_diagnostic_settings" {
  name         = "enclave-databricks-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Databricks workspaces should send resource logs to Log Analytics"
  description  = "Audits azure databricks workspaces without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Azure Databricks"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Databricks/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_databricks_no_public_ip" {
  name         = "enclave-databricks-no-public-ip"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Databricks workspaces should use secure cluster connectivity"
  description  = "With no public IP (secure cluster connectivity) cluster nodes get no public addresses and open no inbound ports."
  metadata = jsonencode({
    category     = "Azure Databricks"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Databricks/workspaces"
      },
      {
        "field": "Microsoft.Databricks/workspaces/parameters.enableNoPublicIp.value",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_databricks_private_endpoint" {
  name         = "enclave-databricks-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Databricks workspaces should have a private endpoint"
  description  = "Audits azure databricks workspaces that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Azure Databricks"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Databricks/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_databricks_public_network_access" {
  name         = "enclave-databricks-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Databricks workspaces should disable public network access"
  description  = "Azure Databricks workspaces in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Azure Databricks"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Databricks/workspaces"
      },
      {
        "field": "Microsoft.Databricks/workspaces/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_databricks_vnet_injection" {
  name         = "enclave-databricks-vnet-injection"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Databricks workspaces should be injected into a virtual network"
  description  = "VNet injection puts cluster nodes into enclave's host and container subnets, under its NSGs and routes."
  metadata = jsonencode({
    category     = "Azure Databricks"
    version      = "1.0.0"
    mcsbControls = ["NS-1", "NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Databricks/workspaces"
      },
      {
        "field": "Microsoft.Databricks/workspaces/parameters.customVirtualNetworkId.value",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_event_hubs_diagnostic_settings" {
  name         = "enclave-event-hubs-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Event Hubs namespaces should send resource logs to Log Analytics"
  description  = "Audits event hubs namespaces without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Event Hub"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.EventHub/namespaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_event_hubs_local_auth" {
  name         = "enclave-event-hubs-local-auth"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Event Hubs namespaces should have local authentication disabled"
  description  = "Shared access signatures must be off so that every client signs in with Microsoft Entra ID."
  metadata = jsonencode({
    category     = "Event Hub"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.EventHub/namespaces"
      },
      {
        "field": "Microsoft.EventHub/namespaces/disableLocalAuth",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_event_hubs_minimum_tls" {
  name         = "enclave-event-hubs-minimum-tls"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Event Hubs namespaces should require TLS 1.2 or newer"
  description  = "Rejects namespaces accepting TLS versions older than the allowed ones."
  metadata = jsonencode({
    category     = "Event Hub"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.EventHub/namespaces"
      },
      {
        "field": "Microsoft.EventHub/namespaces/minimumTlsVersion",
        "notIn": "[parameters('allowedTlsVersions')]"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "allowedTlsVersions": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed minimum TLS versions",
      "description": "Values of minimumTlsVersion that are accepted"
    },
    "defaultValue": [
      "1.2",
      "1.3"
    ]
  },
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_event_hubs_private_endpoint" {
  name         = "enclave-event-hubs-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Event Hubs namespaces should have a private endpoint"
  description  = "Audits event hubs namespaces that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Event Hub"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.EventHub/namespaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_event_hubs_public_network_access" {
  name         = "enclave-event-hubs-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Event Hubs namespaces should disable public network access"
  description  = "Event Hubs namespaces in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Event Hub"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.EventHub/namespaces"
      },
      {
        "field": "Microsoft.EventHub/namespaces/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_firewall_diagnostic_settings" {
  name         = "enclave-firewall-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Firewalls should send resource logs to Log Analytics"
  description  = "Audits azure firewalls without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["LT-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Network/azureFirewalls"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_firewall_dns_proxy" {
  name         = "enclave-firewall-dns-proxy"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Firewall policies should enable the DNS proxy"
  description  = "The DNS proxy makes the firewall resolve names for the spoke, which FQDN network rules need and which keeps DNS queries inspectable."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-10"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/firewallPolicies"
      },
      {
        "field": "Microsoft.Network/firewallPolicies/dnsSettings.enableProxy",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_firewall_policy_attached" {
  name         = "enclave-firewall-policy-attached"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Firewalls should be managed by a firewall policy"
  description  = "Rules kept in a firewall policy are versioned with the environment and carry threat intelligence and DNS settings."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/azureFirewalls"
      },
      {
        "field": "Microsoft.Network/azureFirewalls/firewallPolicy.id",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_firewall_threat_intel" {
  name         = "enclave-firewall-threat-intel"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Firewall policies should deny traffic from and to known malicious addresses"
  description  = "Threat intelligence based filtering in Deny mode drops traffic to and from addresses and domains Microsoft knows to be malicious."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-3", "NS-10"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/firewallPolicies"
      },
      {
        "field": "Microsoft.Network/firewallPolicies/threatIntelMode",
        "notIn": "[parameters('allowedModes')]"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "allowedModes": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed threat intelligence modes",
      "description": "Accepted values of threatIntelMode"
    },
    "defaultValue": [
      "Deny"
    ]
  },
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_diagnostic_settings" {
  name         = "enclave-key-vault-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should send resource logs to Log Analytics"
  description  = "Audits key vaults without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["LT-3", "DP-8"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.KeyVault/vaults"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_firewall" {
  name         = "enclave-key-vault-firewall"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vault firewalls should deny by default"
  description  = "The vault firewall's default action must be Deny so that only private endpoints and trusted services reach the vault."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults"
      },
      {
        "field": "Microsoft.KeyVault/vaults/networkAcls.defaultAction",
        "notEquals": "Deny"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_key_rotation" {
  name         = "enclave-key-vault-key-rotation"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Key vault keys should have a rotation policy that rotates them"
  description  = "Keys that encrypt data (customer-managed keys) must rotate automatically before they expire."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["DP-6"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults/keys"
      },
      {
        "count": {
          "field": "Microsoft.KeyVault/vaults/keys/rotationPolicy.lifetimeActions[*]",
          "where": {
            "field": "Microsoft.KeyVault/vaults/keys/rotationPolicy.lifetimeActions[*].action.type",
            "equals": "rotate"
          }
        },
        "equals": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_key_size" {
  name         = "enclave-key-vault-key-size"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "RSA keys in key vaults should be at least the minimum size"
  description  = "RSA keys shorter than the minimum size no longer give enough protection for data encryption keys."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["DP-6"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults/keys"
      },
      {
        "field": "Microsoft.KeyVault/vaults/keys/kty",
        "in": [
          "RSA",
          "RSA-HSM"
        ]
      },
      {
        "field": "Microsoft.KeyVault/vaults/keys/keySize",
        "less": "[parameters('minimumRSAKeySize')]"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  },
  "minimumRSAKeySize": {
    "type": "Integer",
    "metadata": {
      "displayName": "Minimum RSA key size",
      "description": "Fewest bits an RSA key may have"
    },
    "allowedValues": [
      2048,
      3072,
      4096
    ],
    "defaultValue": 2048
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_private_endpoint" {
  name         = "enclave-key-vault-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should have a private endpoint"
  description  = "Audits key vaults that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.KeyVault/vaults"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_public_network_access" {
  name         = "enclave-key-vault-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should disable public network access"
  description  = "Key vaults in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults"
      },
      {
        "field": "Microsoft.KeyVault/vaults/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_purge_protection" {
  name         = "enclave-key-vault-purge-protection"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should have purge protection enabled"
  description  = "Purge protection stops a deleted vault or key from being purged before its retention period ends, so keys protecting data cannot be destroyed by mistake or by an attacker."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["DP-8"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults"
      },
      {
        "field": "Microsoft.KeyVault/vaults/enablePurgeProtection",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_rbac" {
  name         = "enclave-key-vault-rbac"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should use the Azure RBAC permission model"
  description  = "Azure RBAC gives per-secret and per-key scopes, Privileged Identity Management and one audit trail; access policies do not."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults"
      },
      {
        "field": "Microsoft.KeyVault/vaults/enableRbacAuthorization",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_key_vault_soft_delete" {
  name         = "enclave-key-vault-soft-delete"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Key vaults should keep soft delete on with enough retention"
  description  = "Soft delete keeps deleted vaults and objects recoverable; the retention must be at least the given number of days."
  metadata = jsonencode({
    category     = "Key Vault"
    version      = "1.0.0"
    mcsbControls = ["DP-8"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.KeyVault/vaults"
      },
      {
        "anyOf": [
          {
            "field": "Microsoft.KeyVault/vaults/enableSoftDelete",
            "equals": false
          },
          {
            "field": "Microsoft.KeyVault/vaults/softDeleteRetentionInDays",
            "less": "[parameters('minimumRetentionDays')]"
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  },
  "minimumRetentionDays": {
    "type": "Integer",
    "metadata": {
      "displayName": "Minimum retention in days",
      "description": "Fewest days a deleted vault stays recoverable (7 to 90)"
    },
    "defaultValue": 90
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_log_analytics_local_auth" {
  name         = "enclave-log-analytics-local-auth"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Log Analytics workspaces should require Microsoft Entra authentication"
  description  = "Workspace keys must not be accepted for ingestion or queries."
  metadata = jsonencode({
    category     = "Monitoring"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.OperationalInsights/workspaces"
      },
      {
        "field": "Microsoft.OperationalInsights/workspaces/features.disableLocalAuth",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_instance_idle_shutdown" {
  name         = "enclave-ml-compute-instance-idle-shutdown"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning compute instances should shut down when idle"
  description  = "Compute instances must have an idle shutdown time so that an unattended instance stops."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["PV-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "equals": "ComputeInstance"
      },
      {
        "anyOf": [
          {
            "field": "Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown",
            "exists": false
          },
          {
            "value": "[empty(field('Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown'))]",
            "equals": true
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_local_auth" {
  name         = "enclave-ml-compute-local-auth"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning computes should have local authentication disabled"
  description  = "Compute clusters and instances must accept only Microsoft Entra identities, not keys or SSH passwords."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "in": [
          "AmlCompute",
          "ComputeInstance"
        ]
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/disableLocalAuth",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_no_public_ip" {
  name         = "enclave-ml-compute-no-public-ip"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning computes should not have public IP addresses"
  description  = "Compute clusters and instances in the training subnet must not get public IPs; their traffic goes through the firewall."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "in": [
          "AmlCompute",
          "ComputeInstance"
        ]
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/enableNodePublicIp",
        "notEquals": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_scale_to_zero" {
  name         = "enclave-ml-compute-scale-to-zero"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning compute clusters should scale to zero when idle"
  description  = "Clusters must have no minimum node count and release idle nodes, so that no idle node runs unattended."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["PV-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "equals": "AmlCompute"
      },
      {
        "anyOf": [
          {
            "field": "Microsoft.MachineLearningServices/workspaces/computes/scaleSettings.minNodeCount",
            "greater": 0
          },
          {
            "field": "Microsoft.MachineLearningServices/workspaces/computes/scaleSettings.nodeIdleTimeBeforeScaleDown",
            "exists": false
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_ssh" {
  name         = "enclave-ml-compute-ssh"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning compute clusters should not open SSH to the public"
  description  = "The remote login port of cluster nodes must stay disabled; people connect through Bastion to workstations."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2", "PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "equals": "AmlCompute"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/remoteLoginPortPublicAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_compute_virtual_network" {
  name         = "enclave-ml-compute-virtual-network"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning computes should be in a virtual network"
  description  = "Compute clusters and instances must be placed in an enclave subnet so that NSGs, routes and the firewall apply to them."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-1", "NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces/computes"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/computeType",
        "in": [
          "AmlCompute",
          "ComputeInstance"
        ]
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/computes/subnet.id",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_customer_managed_key" {
  name         = "enclave-ml-workspace-customer-managed-key"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should encrypt data with a customer-managed key"
  description  = "When the spec sets governance.customerManagedKeys, azure machine learning workspaces must encrypt data at rest with a key held in the environment's Key Vault. enclave assigns this definition with Audit when the spec asks for customer-managed keys and Disabled otherwise."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["DP-5"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/encryption.status",
        "notEquals": "Enabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_diagnostic_settings" {
  name         = "enclave-ml-workspace-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should send resource logs to Log Analytics"
  description  = "Audits azure machine learning workspaces without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.MachineLearningServices/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_private_endpoint" {
  name         = "enclave-ml-workspace-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should have a private endpoint"
  description  = "Audits azure machine learning workspaces that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.MachineLearningServices/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_public_behind_vnet" {
  name         = "enclave-ml-workspace-public-behind-vnet"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should not allow public access behind a virtual network"
  description  = "allowPublicAccessWhenBehindVnet re-opens a workspace that has a private endpoint to the internet."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/allowPublicAccessWhenBehindVnet",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_public_network_access" {
  name         = "enclave-ml-workspace-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should disable public network access"
  description  = "Azure Machine Learning workspaces in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_ml_workspace_v1_legacy_mode" {
  name         = "enclave-ml-workspace-v1-legacy-mode"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Azure Machine Learning workspaces should not use v1 legacy mode"
  description  = "v1 legacy mode keeps the v1 API, which does not honour the workspace's network isolation for Azure Resource Manager operations."
  metadata = jsonencode({
    category     = "Machine Learning"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.MachineLearningServices/workspaces"
      },
      {
        "field": "Microsoft.MachineLearningServices/workspaces/v1LegacyMode",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_nic_ip_forwarding" {
  name         = "enclave-nic-ip-forwarding"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Network interfaces should not forward IP traffic"
  description  = "IP forwarding lets a VM route other machines' traffic around the firewall; only the firewall routes."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/networkInterfaces"
      },
      {
        "field": "Microsoft.Network/networkInterfaces/enableIPForwarding",
        "equals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_nic_no_public_ip" {
  name         = "enclave-nic-no-public-ip"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Network interfaces should not have public IP addresses"
  description  = "Workstations, the integration runtime and every other VM are reached through Bastion and the firewall; a public IP on a NIC bypasses both."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/networkInterfaces"
      },
      {
        "count": {
          "field": "Microsoft.Network/networkInterfaces/ipconfigurations[*]",
          "where": {
            "field": "Microsoft.Network/networkInterfaces/ipconfigurations[*].publicIpAddress.id",
            "exists": true
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_nsg_diagnostic_settings" {
  name         = "enclave-nsg-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Network security groups should send resource logs to Log Analytics"
  description  = "Audits network security groups without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["LT-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Network/networkSecurityGroups"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_nsg_management_ports_internet" {
  name         = "enclave-nsg-management-ports-internet"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Network security groups should not allow management ports from the internet"
  description  = "Inbound allow rules from the internet to SSH, RDP or WinRM ports expose machines to password spraying and exploits; people connect through Bastion. Single ports, port lists and port ranges are matched."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-1", "NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/networkSecurityGroups"
      },
      {
        "count": {
          "field": "Microsoft.Network/networkSecurityGroups/securityRules[*]",
          "where": {
            "allOf": [
              {
                "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].direction",
                "equals": "Inbound"
              },
              {
                "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].access",
                "equals": "Allow"
              },
              {
                "anyOf": [
                  {
                    "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].sourceAddressPrefix",
                    "in": [
                      "*",
                      "Internet",
                      "0.0.0.0/0",
                      "Any"
                    ]
                  },
                  {
                    "count": {
                      "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].sourceAddressPrefixes[*]",
                      "where": {
                        "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].sourceAddressPrefixes[*]",
                        "in": [
                          "*",
                          "Internet",
                          "0.0.0.0/0",
                          "Any"
                        ]
                      }
                    },
                    "greater": 0
                  }
                ]
              },
              {
                "anyOf": [
                  {
                    "allOf": [
                      {
                        "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange",
                        "exists": true
                      },
                      {
                        "anyOf": [
                          {
                            "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange')]",
                            "in": "[parameters('managementPorts')]"
                          },
                          {
                            "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange')]",
                            "equals": "*"
                          },
                          {
                            "count": {
                              "value": "[parameters('managementPorts')]",
                              "name": "port",
                              "where": {
                                "allOf": [
                                  {
                                    "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange')]",
                                    "contains": "-"
                                  },
                                  {
                                    "value": "[int(first(split(current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange'), '-')))]",
                                    "lessOrEquals": "[int(current('port'))]"
                                  },
                                  {
                                    "value": "[int(last(split(current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange'), '-')))]",
                                    "greaterOrEquals": "[int(current('port'))]"
                                  }
                                ]
                              }
                            },
                            "greater": 0
                          }
                        ]
                      }
                    ]
                  },
                  {
                    "count": {
                      "field": "Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]",
                      "where": {
                        "anyOf": [
                          {
                            "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]')]",
                            "in": "[parameters('managementPorts')]"
                          },
                          {
                            "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]')]",
                            "equals": "*"
                          },
                          {
                            "count": {
                              "value": "[parameters('managementPorts')]",
                              "name": "port",
                              "where": {
                                "allOf": [
                                  {
                                    "value": "[current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]')]",
                                    "contains": "-"
                                  },
                                  {
                                    "value": "[int(first(split(current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]'), '-')))]",
                                    "lessOrEquals": "[int(current('port'))]"
                                  },
                                  {
                                    "value": "[int(last(split(current('Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRanges[*]'), '-')))]",
                                    "greaterOrEquals": "[int(current('port'))]"
                                  }
                                ]
                              }
                            },
                            "greater": 0
                          }
                        ]
                      }
                    },
                    "greater": 0
                  }
                ]
              }
            ]
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  },
  "managementPorts": {
    "type": "Array",
    "metadata": {
      "displayName": "Management ports",
      "description": "Ports that must never be open from the internet"
    },
    "defaultValue": [
      "22",
      "3389",
      "5985",
      "5986"
    ]
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_rbac_custom_role_scope" {
  name         = "enclave-rbac-custom-role-scope"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Custom roles should be assignable only below the subscription"
  description  = "Custom roles that can be assigned at a subscription or management group make wide grants possible; enclave's roles are assignable only to its resource groups."
  metadata = jsonencode({
    category     = "General"
    version      = "1.0.0"
    mcsbControls = ["PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Authorization/roleDefinitions"
      },
      {
        "field": "Microsoft.Authorization/roleDefinitions/type",
        "equals": "CustomRole"
      },
      {
        "count": {
          "field": "Microsoft.Authorization/roleDefinitions/assignableScopes[*]",
          "where": {
            "field": "Microsoft.Authorization/roleDefinitions/assignableScopes[*]",
            "notLike": "*/resourceGroups/*"
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_rbac_no_subscription_people" {
  name         = "enclave-rbac-no-subscription-people"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "People should not be granted roles at subscription scope"
  description  = "Roles for users and groups are assigned at the narrowest scope (a resource or resource group); subscription-wide grants are reserved for service principals that need them, such as policy remediation identities."
  metadata = jsonencode({
    category     = "General"
    version      = "1.0.0"
    mcsbControls = ["PA-7"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Authorization/roleAssignments"
      },
      {
        "field": "Microsoft.Authorization/roleAssignments/principalType",
        "in": [
          "User",
          "Group"
        ]
      },
      {
        "field": "id",
        "like": "/subscriptions/*/providers/Microsoft.Authorization/roleAssignments/*"
      },
      {
        "field": "id",
        "notContains": "/resourceGroups/"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_route_table_default_route" {
  name         = "enclave-route-table-default-route"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Default routes should send traffic to the firewall"
  description  = "A 0.0.0.0/0 route to anything but a virtual appliance (the firewall) lets subnets reach the internet without egress filtering."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/routeTables"
      },
      {
        "count": {
          "field": "Microsoft.Network/routeTables/routes[*]",
          "where": {
            "allOf": [
              {
                "field": "Microsoft.Network/routeTables/routes[*].addressPrefix",
                "equals": "0.0.0.0/0"
              },
              {
                "field": "Microsoft.Network/routeTables/routes[*].nextHopType",
                "notEquals": "VirtualAppliance"
              }
            ]
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_blob_anonymous_access" {
  name         = "enclave-storage-blob-anonymous-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should not allow anonymous blob access"
  description  = "Anonymous read access to containers lets anyone with a URL read data without signing in."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["NS-2", "DP-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/allowBlobPublicAccess",
        "notEquals": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_blob_diagnostic_settings" {
  name         = "enclave-storage-blob-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Blob services of storage accounts should send resource logs to Log Analytics"
  description  = "Audits blob services of storage accounts without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Storage/storageAccounts/blobServices"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_cross_tenant_replication" {
  name         = "enclave-storage-cross-tenant-replication"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should not replicate objects to other tenants"
  description  = "Object replication into another Microsoft Entra tenant is a path for data to leave the organisation."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["DP-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/allowCrossTenantReplication",
        "notEquals": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_customer_managed_key" {
  name         = "enclave-storage-customer-managed-key"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should encrypt data with a customer-managed key"
  description  = "When the spec sets governance.customerManagedKeys, storage accounts must encrypt data at rest with a key held in the environment's Key Vault. enclave assigns this definition with Audit when the spec asks for customer-managed keys and Disabled otherwise."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["DP-5"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/encryption.keySource",
        "notEquals": "Microsoft.Keyvault"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_https_only" {
  name         = "enclave-storage-https-only"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should accept only HTTPS"
  description  = "Secure transfer makes the account refuse plain HTTP and unencrypted SMB requests."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly",
        "equals": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_infrastructure_encryption" {
  name         = "enclave-storage-infrastructure-encryption"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should use infrastructure encryption"
  description  = "Infrastructure encryption adds a second layer of AES-256 encryption with a different key at the storage infrastructure level."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["DP-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/encryption.requireInfrastructureEncryption",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_minimum_tls" {
  name         = "enclave-storage-minimum-tls"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should require TLS 1.2 or newer"
  description  = "Rejects storage accounts whose minimum TLS version is older than the allowed versions; TLS 1.0 and 1.1 have known weaknesses."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/minimumTlsVersion",
        "notIn": "[parameters('allowedTlsVersions')]"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "allowedTlsVersions": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed minimum TLS versions",
      "description": "Values of minimumTlsVersion that are accepted"
    },
    "defaultValue": [
      "TLS1_2",
      "TLS1_3"
    ]
  },
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_network_default_deny" {
  name         = "enclave-storage-network-default-deny"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage account firewalls should deny by default"
  description  = "The account firewall's default action must be Deny so that only private endpoints and explicitly trusted services reach the data plane."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/networkAcls.defaultAction",
        "notEquals": "Deny"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_private_endpoint" {
  name         = "enclave-storage-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should have a private endpoint"
  description  = "Audits storage accounts that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Storage/storageAccounts"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_public_network_access" {
  name         = "enclave-storage-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should disable public network access"
  description  = "Storage accounts in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_storage_shared_key_access" {
  name         = "enclave-storage-shared-key-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Storage accounts should not allow shared key access"
  description  = "Shared keys grant full access to every service of the account and cannot be scoped or audited per user. Requests must use Microsoft Entra ID; absent means allowed, so the property must be false."
  metadata = jsonencode({
    category     = "Storage"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Storage/storageAccounts"
      },
      {
        "field": "Microsoft.Storage/storageAccounts/allowSharedKeyAccess",
        "notEquals": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_subnets_nsg" {
  name         = "enclave-subnets-nsg"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Subnets should have a network security group"
  description  = "Every subnet except those Azure forbids NSGs on (gateway, firewall, route server) needs an NSG that denies what its rules do not allow."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["NS-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/virtualNetworks"
      },
      {
        "count": {
          "field": "Microsoft.Network/virtualNetworks/subnets[*]",
          "where": {
            "allOf": [
              {
                "field": "Microsoft.Network/virtualNetworks/subnets[*].name",
                "notIn": "[parameters('exemptSubnets')]"
              },
              {
                "field": "Microsoft.Network/virtualNetworks/subnets[*].networkSecurityGroup.id",
                "exists": false
              }
            ]
          }
        },
        "greater": 0
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  },
  "exemptSubnets": {
    "type": "Array",
    "metadata": {
      "displayName": "Subnets without NSG",
      "description": "Subnet names where Azure does not support an NSG"
    },
    "defaultValue": [
      "GatewaySubnet",
      "AzureFirewallSubnet",
      "AzureFirewallManagementSubnet",
      "RouteServerSubnet"
    ]
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_customer_managed_key" {
  name         = "enclave-synapse-customer-managed-key"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should encrypt data with a customer-managed key"
  description  = "When the spec sets governance.customerManagedKeys, synapse workspaces must encrypt data at rest with a key held in the environment's Key Vault. enclave assigns this definition with Audit when the spec asks for customer-managed keys and Disabled otherwise."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["DP-5"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Synapse/workspaces"
      },
      {
        "field": "Microsoft.Synapse/workspaces/encryption.cmk.key.name",
        "exists": false
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_diagnostic_settings" {
  name         = "enclave-synapse-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should send resource logs to Log Analytics"
  description  = "Audits synapse workspaces without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Synapse/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_entra_only" {
  name         = "enclave-synapse-entra-only"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should use Microsoft Entra-only authentication"
  description  = "SQL authentication with the workspace's SQL administrator password must be off."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Synapse/workspaces"
      },
      {
        "field": "Microsoft.Synapse/workspaces/azureADOnlyAuthentication",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_exfiltration_protection" {
  name         = "enclave-synapse-exfiltration-protection"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should have data exfiltration protection"
  description  = "Exfiltration protection lets managed private endpoints reach only approved Microsoft Entra tenants."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["DP-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Synapse/workspaces"
      },
      {
        "field": "Microsoft.Synapse/workspaces/managedVirtualNetworkSettings.preventDataExfiltration",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_managed_vnet" {
  name         = "enclave-synapse-managed-vnet"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should use a managed virtual network"
  description  = "A managed virtual network isolates Spark and integration runtimes and reaches data only through managed private endpoints."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Synapse/workspaces"
      },
      {
        "field": "Microsoft.Synapse/workspaces/managedVirtualNetwork",
        "notEquals": "default"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_private_endpoint" {
  name         = "enclave-synapse-private-endpoint"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should have a private endpoint"
  description  = "Audits synapse workspaces that no private endpoint in their resource group connects to. enclave places each service's private endpoints in the service's own resource group, so the check looks there."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Synapse/workspaces"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Network/privateEndpoints",
      "existenceCondition": {
        "count": {
          "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]",
          "where": {
            "field": "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*].privateLinkServiceId",
            "equals": "[field('id')]"
          }
        },
        "greater": 0
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_synapse_public_network_access" {
  name         = "enclave-synapse-public-network-access"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Synapse workspaces should disable public network access"
  description  = "Synapse workspaces in an enclave environment are reached only through private endpoints; a public endpoint, even behind a firewall, exposes the data plane to the internet. Absent means Enabled, so the property must be set to Disabled."
  metadata = jsonencode({
    category     = "Synapse"
    version      = "1.0.0"
    mcsbControls = ["NS-2"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Synapse/workspaces"
      },
      {
        "field": "Microsoft.Synapse/workspaces/publicNetworkAccess",
        "notEquals": "Disabled"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_auto_shutdown" {
  name         = "enclave-vm-auto-shutdown"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Workstation VMs should shut down automatically"
  description  = "Workstations (VMs tagged enclave-workload=workstation) need a DevTest Labs shutdown schedule, named as Azure requires, that is enabled; idle workstations are neither exposed nor billed overnight."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["PV-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Compute/virtualMachines"
      },
      {
        "field": "tags['enclave-workload']",
        "equals": "workstation"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.DevTestLab/schedules",
      "name": "[concat('shutdown-computevm-', field('name'))]",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.DevTestLab/schedules/taskType",
            "equals": "ComputeVmShutdownTask"
          },
          {
            "field": "Microsoft.DevTestLab/schedules/status",
            "equals": "Enabled"
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_encryption_at_host" {
  name         = "enclave-vm-encryption-at-host"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual machines should use encryption at host"
  description  = "Encryption at host encrypts temporary disks, caches and data flowing to storage."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["DP-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Compute/virtualMachines"
      },
      {
        "field": "Microsoft.Compute/virtualMachines/securityProfile.encryptionAtHost",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_entra_login" {
  name         = "enclave-vm-entra-login"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual machines should have the Microsoft Entra sign-in extension"
  description  = "The AADSSHLoginForLinux or AADLoginForWindows extension lets people sign in with their Entra identity, governed by role assignments."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Compute/virtualMachines"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Compute/virtualMachines/extensions/publisher",
            "equals": "Microsoft.Azure.ActiveDirectory"
          },
          {
            "field": "Microsoft.Compute/virtualMachines/extensions/type",
            "in": [
              "AADSSHLoginForLinux",
              "AADLoginForWindows"
            ]
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_linux_password_auth" {
  name         = "enclave-vm-linux-password-auth"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Linux virtual machines should not allow password sign-in"
  description  = "The break-glass account of Linux VMs signs in with an SSH key; people sign in with Microsoft Entra ID."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["IM-1"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Compute/virtualMachines"
      },
      {
        "field": "Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration",
        "exists": true
      },
      {
        "field": "Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration.disablePasswordAuthentication",
        "notEquals": true
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_monitoring_agent" {
  name         = "enclave-vm-monitoring-agent"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual machines should have the Azure Monitor Agent"
  description  = "The Azure Monitor Agent sends security and system logs to Log Analytics through the data collection rules."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["LT-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Compute/virtualMachines"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Compute/virtualMachines/extensions/publisher",
            "equals": "Microsoft.Azure.Monitor"
          },
          {
            "field": "Microsoft.Compute/virtualMachines/extensions/type",
            "in": [
              "AzureMonitorLinuxAgent",
              "AzureMonitorWindowsAgent"
            ]
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vm_trusted_launch" {
  name         = "enclave-vm-trusted-launch"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual machines should use trusted launch"
  description  = "Trusted launch with secure boot and vTPM protects against boot kits and kernel-level malware."
  metadata = jsonencode({
    category     = "Compute"
    version      = "1.0.0"
    mcsbControls = ["PV-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Compute/virtualMachines"
      },
      {
        "field": "Microsoft.Compute/virtualMachines/securityProfile.securityType",
        "notIn": [
          "TrustedLaunch",
          "ConfidentialVM"
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vpn_gateway_diagnostic_settings" {
  name         = "enclave-vpn-gateway-diagnostic-settings"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Virtual network gateways should send resource logs to Log Analytics"
  description  = "Audits virtual network gateways without a diagnostic setting that sends resource logs to a Log Analytics workspace, where incidents are investigated and alerts run."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["LT-4"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "field": "type",
    "equals": "Microsoft.Network/virtualNetworkGateways"
  },
  "then": {
    "effect": "[parameters('effect')]",
    "details": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "existenceCondition": {
        "allOf": [
          {
            "field": "Microsoft.Insights/diagnosticSettings/workspaceId",
            "exists": true
          },
          {
            "count": {
              "field": "Microsoft.Insights/diagnosticSettings/logs[*]",
              "where": {
                "field": "Microsoft.Insights/diagnosticSettings/logs[*].enabled",
                "equals": true
              }
            },
            "greater": 0
          }
        ]
      }
    }
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "AuditIfNotExists",
      "Disabled"
    ],
    "defaultValue": "AuditIfNotExists"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vpn_ikev2" {
  name         = "enclave-vpn-ikev2"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Site-to-site VPN connections should use IKEv2"
  description  = "IKEv1 lacks the protections of IKEv2 against denial of service and has weaker negotiation."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/connections"
      },
      {
        "field": "Microsoft.Network/connections/connectionType",
        "equals": "IPsec"
      },
      {
        "field": "Microsoft.Network/connections/connectionProtocol",
        "notEquals": "IKEv2"
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Deny",
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Deny"
  }
}
PARAMETERS
}

resource "azurerm_policy_definition" "enclave_vpn_ipsec_policy" {
  name         = "enclave-vpn-ipsec-policy"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Site-to-site VPN connections should use a strong custom IPsec policy"
  description  = "Without a custom IPsec/IKE policy Azure negotiates from a default list that still includes weak algorithms; the policy must name only the allowed ones."
  metadata = jsonencode({
    category     = "Network"
    version      = "1.0.0"
    mcsbControls = ["DP-3"]
  })
  policy_rule = <<POLICY_RULE
{
  "if": {
    "allOf": [
      {
        "field": "type",
        "equals": "Microsoft.Network/connections"
      },
      {
        "field": "Microsoft.Network/connections/connectionType",
        "equals": "IPsec"
      },
      {
        "anyOf": [
          {
            "count": {
              "field": "Microsoft.Network/connections/ipsecPolicies[*]"
            },
            "equals": 0
          },
          {
            "count": {
              "field": "Microsoft.Network/connections/ipsecPolicies[*]",
              "where": {
                "anyOf": [
                  {
                    "field": "Microsoft.Network/connections/ipsecPolicies[*].ikeEncryption",
                    "notIn": "[parameters('allowedIkeEncryption')]"
                  },
                  {
                    "field": "Microsoft.Network/connections/ipsecPolicies[*].ipsecEncryption",
                    "notIn": "[parameters('allowedIpsecEncryption')]"
                  },
                  {
                    "field": "Microsoft.Network/connections/ipsecPolicies[*].dhGroup",
                    "notIn": "[parameters('allowedDhGroups')]"
                  }
                ]
              }
            },
            "greater": 0
          }
        ]
      }
    ]
  },
  "then": {
    "effect": "[parameters('effect')]"
  }
}
POLICY_RULE
  parameters  = <<PARAMETERS
{
  "allowedDhGroups": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed DH groups",
      "description": "Diffie-Hellman groups accepted"
    },
    "defaultValue": [
      "DHGroup14",
      "DHGroup24",
      "DHGroup2048",
      "ECP256",
      "ECP384"
    ]
  },
  "allowedIkeEncryption": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed IKE encryption",
      "description": "IKE phase 1 ciphers accepted"
    },
    "defaultValue": [
      "AES256",
      "GCMAES256",
      "GCMAES128",
      "AES192"
    ]
  },
  "allowedIpsecEncryption": {
    "type": "Array",
    "metadata": {
      "displayName": "Allowed IPsec encryption",
      "description": "IPsec phase 2 ciphers accepted"
    },
    "defaultValue": [
      "GCMAES256",
      "GCMAES192",
      "GCMAES128",
      "AES256",
      "AES192"
    ]
  },
  "effect": {
    "type": "String",
    "metadata": {
      "displayName": "Effect",
      "description": "Deny blocks the request, Audit records it, AuditIfNotExists records resources lacking the related resource, Disabled switches the definition off."
    },
    "allowedValues": [
      "Audit",
      "Disabled"
    ],
    "defaultValue": "Audit"
  }
}
PARAMETERS
}

resource "azurerm_policy_set_definition" "enclave_baseline" {
  name         = "enclave-baseline"
  policy_type  = "Custom"
  display_name = "enclave baseline"
  description  = "enclave's security baseline for data-science environments: private networking, Microsoft Entra authentication, encryption, logging and cost guardrails, mapped to the Microsoft cloud security benchmark"
  metadata = jsonencode({
    category = "Security"
    version  = "1.0.0"
  })
  parameters = jsonencode({
    listOfAllowedLocations = {
      type = "Array"
      metadata = {
        displayName = "Allowed locations"
        description = "Regions resources may be created in; empty allows every region"
      }
      defaultValue = []
    }
    listOfAllowedSKUs = {
      type = "Array"
      metadata = {
        displayName = "Allowed VM sizes"
        description = "VM sizes that may be used; empty allows every size"
      }
      defaultValue = []
    }
    customerManagedKeyEffect = {
      type = "String"
      metadata = {
        displayName = "Customer-managed key effect"
        description = "Audit when the environment requires customer-managed keys, Disabled otherwise"
      }
      defaultValue = "Audit"
    }
  })
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_defender.id
    reference_id         = "aks-defender"
    policy_group_names   = ["LT-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_diagnostic_settings.id
    reference_id         = "aks-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_encryption_at_host.id
    reference_id         = "aks-encryption-at-host"
    policy_group_names   = ["DP-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_entra_rbac.id
    reference_id         = "aks-entra-rbac"
    policy_group_names   = ["IM-1", "PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_kubernetes_rbac.id
    reference_id         = "aks-kubernetes-rbac"
    policy_group_names   = ["PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_local_accounts.id
    reference_id         = "aks-local-accounts"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_network_policy.id
    reference_id         = "aks-network-policy"
    policy_group_names   = ["NS-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_node_public_ip.id
    reference_id         = "aks-node-public-ip"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_policy_add_on.id
    reference_id         = "aks-policy-add-on"
    policy_group_names   = ["PV-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_private_cluster.id
    reference_id         = "aks-private-cluster"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_aks_run_command.id
    reference_id         = "aks-run-command"
    policy_group_names   = ["PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_allowed_locations.id
    reference_id         = "allowed-locations"
    policy_group_names   = ["DP-1", "GS-1"]
    parameter_values = jsonencode({
      listOfAllowedLocations = {
        value = "[parameters('listOfAllowedLocations')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_allowed_vm_sizes.id
    reference_id         = "allowed-vm-sizes"
    policy_group_names   = ["AM-2"]
    parameter_values = jsonencode({
      listOfAllowedSKUs = {
        value = "[parameters('listOfAllowedSKUs')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_basic_auth_ftp.id
    reference_id         = "app-service-basic-auth-ftp"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_basic_auth_scm.id
    reference_id         = "app-service-basic-auth-scm"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_diagnostic_settings.id
    reference_id         = "app-service-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_ftps.id
    reference_id         = "app-service-ftps"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_https_only.id
    reference_id         = "app-service-https-only"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_managed_identity.id
    reference_id         = "app-service-managed-identity"
    policy_group_names   = ["IM-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_minimum_tls.id
    reference_id         = "app-service-minimum-tls"
    policy_group_names   = ["DP-3", "NS-8"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_private_endpoint.id
    reference_id         = "app-service-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_public_network_access.id
    reference_id         = "app-service-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_remote_debugging.id
    reference_id         = "app-service-remote-debugging"
    policy_group_names   = ["PV-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_app_service_vnet_routing.id
    reference_id         = "app-service-vnet-routing"
    policy_group_names   = ["NS-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_bastion_diagnostic_settings.id
    reference_id         = "bastion-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_admin_user.id
    reference_id         = "container-registry-admin-user"
    policy_group_names   = ["IM-1", "PA-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_anonymous_pull.id
    reference_id         = "container-registry-anonymous-pull"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_diagnostic_settings.id
    reference_id         = "container-registry-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_export.id
    reference_id         = "container-registry-export"
    policy_group_names   = ["DP-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_premium.id
    reference_id         = "container-registry-premium"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_private_endpoint.id
    reference_id         = "container-registry-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_container_registry_public_network_access.id
    reference_id         = "container-registry-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_data_factory_customer_managed_key.id
    reference_id         = "data-factory-customer-managed-key"
    policy_group_names   = ["DP-5"]
    parameter_values = jsonencode({
      effect = {
        value = "[parameters('customerManagedKeyEffect')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_data_factory_diagnostic_settings.id
    reference_id         = "data-factory-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_data_factory_managed_vnet.id
    reference_id         = "data-factory-managed-vnet"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_data_factory_private_endpoint.id
    reference_id         = "data-factory-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_data_factory_public_network_access.id
    reference_id         = "data-factory-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_databricks_diagnostic_settings.id
    reference_id         = "databricks-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_databricks_no_public_ip.id
    reference_id         = "databricks-no-public-ip"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_databricks_private_endpoint.id
    reference_id         = "databricks-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_databricks_public_network_access.id
    reference_id         = "databricks-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_databricks_vnet_injection.id
    reference_id         = "databricks-vnet-injection"
    policy_group_names   = ["NS-1", "NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_event_hubs_diagnostic_settings.id
    reference_id         = "event-hubs-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_event_hubs_local_auth.id
    reference_id         = "event-hubs-local-auth"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_event_hubs_minimum_tls.id
    reference_id         = "event-hubs-minimum-tls"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_event_hubs_private_endpoint.id
    reference_id         = "event-hubs-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_event_hubs_public_network_access.id
    reference_id         = "event-hubs-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_firewall_diagnostic_settings.id
    reference_id         = "firewall-diagnostic-settings"
    policy_group_names   = ["LT-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_firewall_dns_proxy.id
    reference_id         = "firewall-dns-proxy"
    policy_group_names   = ["NS-10"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_firewall_policy_attached.id
    reference_id         = "firewall-policy-attached"
    policy_group_names   = ["NS-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_firewall_threat_intel.id
    reference_id         = "firewall-threat-intel"
    policy_group_names   = ["NS-3", "NS-10"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_diagnostic_settings.id
    reference_id         = "key-vault-diagnostic-settings"
    policy_group_names   = ["LT-3", "DP-8"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_firewall.id
    reference_id         = "key-vault-firewall"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_key_rotation.id
    reference_id         = "key-vault-key-rotation"
    policy_group_names   = ["DP-6"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_key_size.id
    reference_id         = "key-vault-key-size"
    policy_group_names   = ["DP-6"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_private_endpoint.id
    reference_id         = "key-vault-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_public_network_access.id
    reference_id         = "key-vault-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_purge_protection.id
    reference_id         = "key-vault-purge-protection"
    policy_group_names   = ["DP-8"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_rbac.id
    reference_id         = "key-vault-rbac"
    policy_group_names   = ["PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_key_vault_soft_delete.id
    reference_id         = "key-vault-soft-delete"
    policy_group_names   = ["DP-8"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_log_analytics_local_auth.id
    reference_id         = "log-analytics-local-auth"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_instance_idle_shutdown.id
    reference_id         = "ml-compute-instance-idle-shutdown"
    policy_group_names   = ["PV-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_local_auth.id
    reference_id         = "ml-compute-local-auth"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_no_public_ip.id
    reference_id         = "ml-compute-no-public-ip"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_scale_to_zero.id
    reference_id         = "ml-compute-scale-to-zero"
    policy_group_names   = ["PV-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_ssh.id
    reference_id         = "ml-compute-ssh"
    policy_group_names   = ["NS-2", "PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_compute_virtual_network.id
    reference_id         = "ml-compute-virtual-network"
    policy_group_names   = ["NS-1", "NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_customer_managed_key.id
    reference_id         = "ml-workspace-customer-managed-key"
    policy_group_names   = ["DP-5"]
    parameter_values = jsonencode({
      effect = {
        value = "[parameters('customerManagedKeyEffect')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_diagnostic_settings.id
    reference_id         = "ml-workspace-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_private_endpoint.id
    reference_id         = "ml-workspace-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_public_behind_vnet.id
    reference_id         = "ml-workspace-public-behind-vnet"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_public_network_access.id
    reference_id         = "ml-workspace-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_ml_workspace_v1_legacy_mode.id
    reference_id         = "ml-workspace-v1-legacy-mode"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_nic_ip_forwarding.id
    reference_id         = "nic-ip-forwarding"
    policy_group_names   = ["NS-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_nic_no_public_ip.id
    reference_id         = "nic-no-public-ip"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_nsg_diagnostic_settings.id
    reference_id         = "nsg-diagnostic-settings"
    policy_group_names   = ["LT-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_nsg_management_ports_internet.id
    reference_id         = "nsg-management-ports-internet"
    policy_group_names   = ["NS-1", "NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_rbac_custom_role_scope.id
    reference_id         = "rbac-custom-role-scope"
    policy_group_names   = ["PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_rbac_no_subscription_people.id
    reference_id         = "rbac-no-subscription-people"
    policy_group_names   = ["PA-7"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_route_table_default_route.id
    reference_id         = "route-table-default-route"
    policy_group_names   = ["NS-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_blob_anonymous_access.id
    reference_id         = "storage-blob-anonymous-access"
    policy_group_names   = ["NS-2", "DP-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_blob_diagnostic_settings.id
    reference_id         = "storage-blob-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_cross_tenant_replication.id
    reference_id         = "storage-cross-tenant-replication"
    policy_group_names   = ["DP-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_customer_managed_key.id
    reference_id         = "storage-customer-managed-key"
    policy_group_names   = ["DP-5"]
    parameter_values = jsonencode({
      effect = {
        value = "[parameters('customerManagedKeyEffect')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_https_only.id
    reference_id         = "storage-https-only"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_infrastructure_encryption.id
    reference_id         = "storage-infrastructure-encryption"
    policy_group_names   = ["DP-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_minimum_tls.id
    reference_id         = "storage-minimum-tls"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_network_default_deny.id
    reference_id         = "storage-network-default-deny"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_private_endpoint.id
    reference_id         = "storage-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_public_network_access.id
    reference_id         = "storage-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_storage_shared_key_access.id
    reference_id         = "storage-shared-key-access"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_subnets_nsg.id
    reference_id         = "subnets-nsg"
    policy_group_names   = ["NS-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_customer_managed_key.id
    reference_id         = "synapse-customer-managed-key"
    policy_group_names   = ["DP-5"]
    parameter_values = jsonencode({
      effect = {
        value = "[parameters('customerManagedKeyEffect')]"
      }
    })
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_diagnostic_settings.id
    reference_id         = "synapse-diagnostic-settings"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_entra_only.id
    reference_id         = "synapse-entra-only"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_exfiltration_protection.id
    reference_id         = "synapse-exfiltration-protection"
    policy_group_names   = ["DP-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_managed_vnet.id
    reference_id         = "synapse-managed-vnet"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_private_endpoint.id
    reference_id         = "synapse-private-endpoint"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_synapse_public_network_access.id
    reference_id         = "synapse-public-network-access"
    policy_group_names   = ["NS-2"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_auto_shutdown.id
    reference_id         = "vm-auto-shutdown"
    policy_group_names   = ["PV-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_encryption_at_host.id
    reference_id         = "vm-encryption-at-host"
    policy_group_names   = ["DP-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_entra_login.id
    reference_id         = "vm-entra-login"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_linux_password_auth.id
    reference_id         = "vm-linux-password-auth"
    policy_group_names   = ["IM-1"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_monitoring_agent.id
    reference_id         = "vm-monitoring-agent"
    policy_group_names   = ["LT-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vm_trusted_launch.id
    reference_id         = "vm-trusted-launch"
    policy_group_names   = ["PV-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vpn_gateway_diagnostic_settings.id
    reference_id         = "vpn-gateway-diagnostic-settings"
    policy_group_names   = ["LT-4"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vpn_ikev2.id
    reference_id         = "vpn-ikev2"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_reference {
    policy_definition_id = azurerm_policy_definition.enclave_vpn_ipsec_policy.id
    reference_id         = "vpn-ipsec-policy"
    policy_group_names   = ["DP-3"]
  }
  policy_definition_group {
    name         = "AM-2"
    display_name = "Microsoft cloud security benchmark AM-2"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-1"
    display_name = "Microsoft cloud security benchmark DP-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-2"
    display_name = "Microsoft cloud security benchmark DP-2"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-3"
    display_name = "Microsoft cloud security benchmark DP-3"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-4"
    display_name = "Microsoft cloud security benchmark DP-4"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-5"
    display_name = "Microsoft cloud security benchmark DP-5"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-6"
    display_name = "Microsoft cloud security benchmark DP-6"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "DP-8"
    display_name = "Microsoft cloud security benchmark DP-8"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "GS-1"
    display_name = "Microsoft cloud security benchmark GS-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "IM-1"
    display_name = "Microsoft cloud security benchmark IM-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "IM-3"
    display_name = "Microsoft cloud security benchmark IM-3"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "LT-1"
    display_name = "Microsoft cloud security benchmark LT-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "LT-3"
    display_name = "Microsoft cloud security benchmark LT-3"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "LT-4"
    display_name = "Microsoft cloud security benchmark LT-4"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "NS-1"
    display_name = "Microsoft cloud security benchmark NS-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "NS-10"
    display_name = "Microsoft cloud security benchmark NS-10"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "NS-2"
    display_name = "Microsoft cloud security benchmark NS-2"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "NS-3"
    display_name = "Microsoft cloud security benchmark NS-3"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "NS-8"
    display_name = "Microsoft cloud security benchmark NS-8"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "PA-1"
    display_name = "Microsoft cloud security benchmark PA-1"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "PA-7"
    display_name = "Microsoft cloud security benchmark PA-7"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "PV-2"
    display_name = "Microsoft cloud security benchmark PV-2"
    category     = "Microsoft cloud security benchmark"
  }
  policy_definition_group {
    name         = "PV-4"
    display_name = "Microsoft cloud security benchmark PV-4"
    category     = "Microsoft cloud security benchmark"
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

resource "azurerm_resource_group_policy_assignment" "baseline" {
  name                 = "pa-kodata-baseline"
  resource_group_id    = azurerm_resource_group.apps.id
  policy_definition_id = azurerm_policy_set_definition.enclave_baseline.id
  display_name         = "kodata: enclave baseline (apps)"
  description          = "The security baseline enclave checked before deployment, enforced on the apps resource group"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
    customerManagedKeyEffect = {
      value = "Audit"
    }
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why."
  }
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

resource "azurerm_resource_group_policy_assignment" "pa_kodata_baseline" {
  name                 = "pa-kodata-baseline"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = azurerm_policy_set_definition.enclave_baseline.id
  display_name         = "kodata: enclave baseline (data)"
  description          = "The security baseline enclave checked before deployment, enforced on the data resource group"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
    customerManagedKeyEffect = {
      value = "Audit"
    }
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why."
  }
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

resource "azurerm_resource_group_policy_assignment" "baseline_2" {
  name                 = "pa-kodata-baseline"
  resource_group_id    = azurerm_resource_group.ml.id
  policy_definition_id = azurerm_policy_set_definition.enclave_baseline.id
  display_name         = "kodata: enclave baseline (ml)"
  description          = "The security baseline enclave checked before deployment, enforced on the ml resource group"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
    customerManagedKeyEffect = {
      value = "Audit"
    }
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why."
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

resource "azurerm_resource_policy_exemption" "scoring_aks_local_accounts" {
  name                            = "pex-kodata-aks-local-accounts"
  resource_id                     = azurerm_kubernetes_cluster.scoring.id
  policy_assignment_id            = azurerm_resource_group_policy_assignment.baseline_2.id
  exemption_category              = "Waiver"
  policy_definition_reference_ids = ["aks-local-accounts"]
  display_name                    = "aks-kodata-scoring: local accounts kept for Azure Machine Learning"
  description                     = "The Azure Machine Learning extension does not support AKS clusters with local accounts disabled; the cluster keeps them while it is attached to the workspace. Sign-in still goes through Microsoft Entra ID with Azure RBAC."
}

resource "azurerm_resource_group_policy_assignment" "baseline_3" {
  name                 = "pa-kodata-baseline"
  resource_group_id    = azurerm_resource_group.network.id
  policy_definition_id = azurerm_policy_set_definition.enclave_baseline.id
  display_name         = "kodata: enclave baseline (network)"
  description          = "The security baseline enclave checked before deployment, enforced on the network resource group"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
    customerManagedKeyEffect = {
      value = "Audit"
    }
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why."
  }
}

resource "azurerm_resource_group_policy_assignment" "baseline_4" {
  name                 = "pa-kodata-baseline"
  resource_group_id    = azurerm_resource_group.ops.id
  policy_definition_id = azurerm_policy_set_definition.enclave_baseline.id
  display_name         = "kodata: enclave baseline (ops)"
  description          = "The security baseline enclave checked before deployment, enforced on the ops resource group"
  enforce              = true
  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["australiaeast"]
    }
    customerManagedKeyEffect = {
      value = "Audit"
    }
    listOfAllowedSKUs = {
      value = ["Standard_D4s_v5", "Standard_NC4as_T4_v3"]
    }
  })
  non_compliance_message {
    content = "This request breaks enclave's security baseline; run enclave check on the spec to see which rule and why."
  }
}
