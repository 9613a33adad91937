resource "azurerm_management_lock" "data_y53b2_data_y53b2" {
  name       = "keep-kv-kodata-data-y53b2"
  scope      = azurerm_key_vault.data_y53b2.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "stkodatalake7uaje_keep_stkodatalake7uaje" {
  name       = "keep-stkodatalake7uaje"
  scope      = azurerm_storage_account.stkodatalake7uaje.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "szovt_szovt" {
  name       = "keep-synw-kodata-szovt"
  scope      = azurerm_synapse_workspace.szovt.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "crkodataez5fw_keep_crkodataez5fw" {
  name       = "keep-crkodataez5fw"
  scope      = azurerm_container_registry.crkodataez5fw.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "ml_uk4ec_ml_uk4ec" {
  name       = "keep-kv-kodata-ml-uk4ec"
  scope      = azurerm_key_vault.ml_uk4ec.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "mlw_keep_mlw" {
  name       = "keep-mlw-kodata"
  scope      = azurerm_machine_learning_workspace.mlw.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "stkodatamlymvjq_keep_stkodatamlymvjq" {
  name       = "keep-stkodatamlymvjq"
  scope      = azurerm_storage_account.stkodatamlymvjq.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}

resource "azurerm_management_lock" "log_keep_log" {
  name       = "keep-log-kodata"
  scope      = azurerm_log_analytics_workspace.log.id
  lock_level = "CanNotDelete"
  notes      = "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource"
}
