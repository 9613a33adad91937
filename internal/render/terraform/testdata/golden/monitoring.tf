resource "azurerm_monitor_action_group" "ops" {
  name                = "ag-kodata-ops"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "global"
  short_name          = "kodataops"
  enabled             = true
  email_receiver {
    name                    = "email-1"
    email_address           = "cloud-team@example.com"
    use_common_alert_schema = true
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_activity_log_alert" "policy_deleted" {
  name                = "alert-kodata-policy-deleted"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "global"
  scopes              = ["/subscriptions/${var.subscription_id}"]
  description         = "A policy assignment was deleted: a guardrail of the environment is gone"
  enabled             = true
  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Authorization/policyAssignments/delete"
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_activity_log_alert" "service_health" {
  name                = "alert-kodata-service-health"
  resource_group_name = azurerm_resource_group.ops.name
  location            = "global"
  scopes              = ["/subscriptions/${var.subscription_id}"]
  description         = "Azure reports a service incident or security advisory affecting this subscription"
  enabled             = true
  criteria {
    category = "ServiceHealth"
    service_health {
      events = ["Incident", "Security"]
    }
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_diagnostic_setting" "log_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_log_analytics_workspace.log.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_log {
    category_group = "audit"
  }
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_metric_alert" "aks_node_not_ready" {
  name                = "alert-kodata-aks-node-not-ready"
  resource_group_name = azurerm_resource_group.ops.name
  scopes              = [azurerm_kubernetes_cluster.scoring.id]
  description         = "An AKS node has been NotReady or Unknown: scoring capacity is reduced"
  severity            = 2
  enabled             = true
  frequency           = "PT5M"
  window_size         = "PT15M"
  auto_mitigate       = true
  criteria {
    metric_namespace = "Microsoft.ContainerService/managedClusters"
    metric_name      = "kube_node_status_condition"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 0
    dimension {
      name     = "status2"
      operator = "Include"
      values   = ["notready", "unknown"]
    }
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_metric_alert" "firewall_health" {
  name                = "alert-kodata-firewall-health"
  resource_group_name = azurerm_resource_group.ops.name
  scopes              = [azurerm_firewall.afw.id]
  description         = "Azure Firewall health is below 90%: egress and on-premises traffic may be dropped"
  severity            = 1
  enabled             = true
  frequency           = "PT1M"
  window_size         = "PT5M"
  auto_mitigate       = true
  criteria {
    metric_namespace = "Microsoft.Network/azureFirewalls"
    metric_name      = "FirewallHealth"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 90
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_metric_alert" "ml_failed_runs" {
  name                = "alert-kodata-ml-failed-runs"
  resource_group_name = azurerm_resource_group.ops.name
  scopes              = [azurerm_machine_learning_workspace.mlw.id]
  description         = "Azure ML runs failed in the workspace"
  severity            = 3
  enabled             = true
  frequency           = "PT5M"
  window_size         = "PT15M"
  auto_mitigate       = true
  criteria {
    metric_namespace = "Microsoft.MachineLearningServices/workspaces"
    metric_name      = "Failed Runs"
    aggregation      = "Total"
    operator         = "GreaterThan"
    threshold        = 0
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_metric_alert" "vpn_tunnel_down" {
  name                = "alert-kodata-vpn-tunnel-down"
  resource_group_name = azurerm_resource_group.ops.name
  scopes              = [azurerm_virtual_network_gateway.onprem.id]
  description         = "Site-to-site VPN tunnel carries no traffic: the on-premises connection is down"
  severity            = 1
  enabled             = true
  frequency           = "PT1M"
  window_size         = "PT5M"
  auto_mitigate       = true
  criteria {
    metric_namespace = "Microsoft.Network/virtualNetworkGateways"
    metric_name      = "TunnelAverageBandwidth"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 1
  }
  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_log_analytics_workspace" "log" {
  name                            = "log-kodata"
  resource_group_name             = azurerm_resource_group.ops.name
  location                        = azurerm_resource_group.ops.location
  sku                             = "PerGB2018"
  retention_in_days               = 90
  internet_ingestion_enabled      = true
  internet_query_enabled          = true
  local_authentication_enabled    = false
  allow_resource_only_permissions = true
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
