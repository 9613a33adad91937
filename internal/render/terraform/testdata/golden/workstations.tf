resource "azurerm_windows_virtual_machine" "adf_shir" {
  name                       = "vm-kodata-adf-shir"
  resource_group_name        = azurerm_resource_group.data.name
  location                   = azurerm_resource_group.data.location
  size                       = "Standard_D4s_v5"
  computer_name              = "kodata-adf-shir"
  admin_username             = "enclaveadmin"
  admin_password             = var.integration_runtime_admin_password
  automatic_updates_enabled  = true
  network_interface_ids      = [azurerm_network_interface.adf_shir.id]
  provision_vm_agent         = true
  allow_extension_operations = true
  patch_mode                 = "AutomaticByOS"
  patch_assessment_mode      = "AutomaticByPlatform"
  encryption_at_host_enabled = true
  secure_boot_enabled        = true
  vtpm_enabled               = true
  os_disk {
    name                 = "osdisk-kodata-adf-shir"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_virtual_machine_extension" "adf_shir_aadloginforwindows" {
  name                       = "AADLoginForWindows"
  virtual_machine_id         = azurerm_windows_virtual_machine.adf_shir.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADLoginForWindows"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "adf_shir_azuremonitorwindowsagent" {
  name                       = "AzureMonitorWindowsAgent"
  virtual_machine_id         = azurerm_windows_virtual_machine.adf_shir.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorWindowsAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "adf_shir_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_windows_virtual_machine.adf_shir.id
  publisher                  = "Microsoft.Azure.Security.WindowsAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "adf_shir_installintegrationruntime" {
  name                       = "InstallIntegrationRuntime"
  virtual_machine_id         = azurerm_windows_virtual_machine.adf_shir.id
  publisher                  = "Microsoft.Compute"
  type                       = "CustomScriptExtension"
  type_handler_version       = "1.10"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
  protected_settings = jsonencode({
    commandToExecute = "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"& { param([string]$key) $ErrorActionPreference = 'Stop'; [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; if (-not (Get-Service -Name DIAHostService -ErrorAction SilentlyContinue)) { $msi = Join-Path $env:TEMP 'IntegrationRuntime.msi'; Invoke-WebRequest -UseBasicParsing -Uri 'https://go.microsoft.com/fwlink/?linkid=839822' -OutFile $msi; Start-Process -FilePath msiexec.exe -Wait -ArgumentList '/i', $msi, '/quiet', '/norestart' }; $dmg = Get-ChildItem -Path 'C:\\Program Files\\Microsoft Integration Runtime\\*\\Shared\\dmgcmd.exe' | Select-Object -First 1; & $dmg.FullName -RegisterNewNode $key $env:COMPUTERNAME } '${azurerm_data_factory_integration_runtime_self_hosted.vzhpm_ir_self_hosted.primary_authorization_key}'\""
  })
}

resource "azurerm_monitor_data_collection_rule_association" "adf_shir_windows" {
  name                    = "dcra-kodata-windows"
  target_resource_id      = azurerm_windows_virtual_machine.adf_shir.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.windows.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_diagnostic_setting" "adf_shir_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_windows_virtual_machine.adf_shir.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_adf_shir_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.adf_shir.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_network_interface" "adf_shir" {
  name                           = "nic-kodata-adf-shir"
  resource_group_name            = azurerm_resource_group.data.name
  location                       = azurerm_resource_group.data.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_integration.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_role_assignment" "ml_admins_virtual_machine_administrator_login" {
  name               = "334eca62-05fd-53c7-baca-b2cfc0af6cc2"
  scope              = azurerm_resource_group.ml.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/1c0163c0-47e6-4577-8991-ea5c82e286e4"
  principal_id       = "8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73"
  principal_type     = "Group"
  description        = "Virtual Machine Administrator Login for admins"
}

resource "azurerm_role_assignment" "de1_dataengineers_virtual_machine_user_login" {
  name               = "39c575c3-65a8-5c68-bb96-a57d978008a3"
  scope              = azurerm_linux_virtual_machine.de1.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "7a2d3b8f-2e3c-4d4b-8f9a-1b2c3d4e5f62"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataEngineers"
}

resource "azurerm_role_assignment" "ds5_datascientists_virtual_machine_user_login" {
  name               = "7cb12eb5-8391-5b21-b766-5998f6831eea"
  scope              = azurerm_linux_virtual_machine.ds5.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_role_assignment" "ds2_datascientists_virtual_machine_user_login" {
  name               = "998c2e39-4bef-55ad-bedc-7791c8ea29d0"
  scope              = azurerm_linux_virtual_machine.ds2.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_role_assignment" "ds1_datascientists_virtual_machine_user_login" {
  name               = "9a31f80d-cd91-5f3b-9e41-16e046ed26bf"
  scope              = azurerm_linux_virtual_machine.ds1.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_role_assignment" "ds4_datascientists_virtual_machine_user_login" {
  name               = "ef94adf4-d1bd-5529-8af2-e65d085fa88b"
  scope              = azurerm_linux_virtual_machine.ds4.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_role_assignment" "ds6_datascientists_virtual_machine_user_login" {
  name               = "f6ee0a27-0526-5ccf-b03f-b782bcaf6c76"
  scope              = azurerm_linux_virtual_machine.ds6.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_role_assignment" "ds3_datascientists_virtual_machine_user_login" {
  name               = "f89cf4dc-69a3-53da-88de-c5a324d0a718"
  scope              = azurerm_linux_virtual_machine.ds3.id
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/fb879df8-f326-4884-b1cf-06f3ad86be52"
  principal_id       = "6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51"
  principal_type     = "Group"
  description        = "Virtual Machine User Login for dataScientists"
}

resource "azurerm_linux_virtual_machine" "de1" {
  name                            = "vm-kodata-de1"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-de1"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.de1.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-de1"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds1" {
  name                            = "vm-kodata-ds1"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_NC4as_T4_v3"
  computer_name                   = "kodata-ds1"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds1.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds1"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds2" {
  name                            = "vm-kodata-ds2"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-ds2"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds2.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds2"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds3" {
  name                            = "vm-kodata-ds3"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-ds3"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds3.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds3"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds4" {
  name                            = "vm-kodata-ds4"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-ds4"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds4.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds4"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds5" {
  name                            = "vm-kodata-ds5"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-ds5"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds5.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds5"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_linux_virtual_machine" "ds6" {
  name                            = "vm-kodata-ds6"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  size                            = "Standard_D4s_v5"
  computer_name                   = "kodata-ds6"
  admin_username                  = "enclaveadmin"
  disable_password_authentication = true
  network_interface_ids           = [azurerm_network_interface.ds6.id]
  provision_vm_agent              = true
  allow_extension_operations      = true
  patch_mode                      = "ImageDefault"
  patch_assessment_mode           = "AutomaticByPlatform"
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  admin_ssh_key {
    username   = "enclaveadmin"
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    name                 = "osdisk-kodata-ds6"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  boot_diagnostics {
  }
  identity {
    type = "SystemAssigned"
  }
  tags = {
    costCenter       = "analytics"
    enclave-workload = "workstation"
    environment      = "kodata"
    managed-by       = "enclave"
    owner            = "data-platform"
  }
}

resource "azurerm_virtual_machine_extension" "de1_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.de1.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "de1_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.de1.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "de1_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.de1.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds1_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds1.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds1_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds1.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds1_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds1.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds2_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds2.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds2_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds2.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds2_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds2.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds3_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds3.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds3_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds3.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds3_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds3.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds4_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds4.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds4_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds4.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds4_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds4.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds5_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds5.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds5_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds5.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds5_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds5.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_virtual_machine_extension" "ds6_aadsshloginforlinux" {
  name                       = "AADSSHLoginForLinux"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds6.id
  publisher                  = "Microsoft.Azure.ActiveDirectory"
  type                       = "AADSSHLoginForLinux"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = false
}

resource "azurerm_virtual_machine_extension" "ds6_azuremonitorlinuxagent" {
  name                       = "AzureMonitorLinuxAgent"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds6.id
  publisher                  = "Microsoft.Azure.Monitor"
  type                       = "AzureMonitorLinuxAgent"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
}

resource "azurerm_virtual_machine_extension" "ds6_guestattestation" {
  name                       = "GuestAttestation"
  virtual_machine_id         = azurerm_linux_virtual_machine.ds6.id
  publisher                  = "Microsoft.Azure.Security.LinuxAttestation"
  type                       = "GuestAttestation"
  type_handler_version       = "1.0"
  auto_upgrade_minor_version = true
  automatic_upgrade_enabled  = true
  settings = jsonencode({
    AttestationConfig = {
      MaaSettings = {
        maaEndpoint   = ""
        maaTenantName = "GuestAttestation"
      }
      AscSettings = {
        ascReportingEndpoint  = ""
        ascReportingFrequency = ""
      }
      useCustomToken = "false"
      disableAlerts  = "false"
    }
  })
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "de1" {
  virtual_machine_id    = azurerm_linux_virtual_machine.de1.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds1" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds1.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds2" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds2.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds3" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds3.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds4" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds4.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds5" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds5.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_dev_test_global_vm_shutdown_schedule" "ds6" {
  virtual_machine_id    = azurerm_linux_virtual_machine.ds6.id
  location              = azurerm_resource_group.ml.location
  enabled               = true
  daily_recurrence_time = "1900"
  timezone              = "AUS Eastern Standard Time"
  notification_settings {
    enabled         = false
    time_in_minutes = 30
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_data_collection_rule_association" "de1_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.de1.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds1_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds1.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds2_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds2.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds3_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds3.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds4_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds4.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds5_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds5.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_data_collection_rule_association" "ds6_linux" {
  name                    = "dcra-kodata-linux"
  target_resource_id      = azurerm_linux_virtual_machine.ds6.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.linux.id
  description             = "Sends this VM's logs and performance counters to Log Analytics"
}

resource "azurerm_monitor_diagnostic_setting" "de1_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.de1.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds1_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds1.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds2_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds2.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds3_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds3.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds4_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds4.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds5_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds5.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "ds6_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_virtual_machine.ds6.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_de1_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.de1.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds1_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds1.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds2_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds2.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds3_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds3.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds4_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds4.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds5_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds5.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "nic_kodata_ds6_to_log_analytics" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_network_interface.ds6.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
  enabled_metric {
    category = "AllMetrics"
  }
}

resource "azurerm_network_interface" "de1" {
  name                           = "nic-kodata-de1"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds1" {
  name                           = "nic-kodata-ds1"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds2" {
  name                           = "nic-kodata-ds2"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds3" {
  name                           = "nic-kodata-ds3"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds4" {
  name                           = "nic-kodata-ds4"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds5" {
  name                           = "nic-kodata-ds5"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_network_interface" "ds6" {
  name                           = "nic-kodata-ds6"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  accelerated_networking_enabled = false
  ip_forwarding_enabled          = false
  ip_configuration {
    name                          = "ipconfig1"
    primary                       = true
    subnet_id                     = azurerm_subnet.spoke_snet_workstations.id
    private_ip_address_version    = "IPv4"
    private_ip_address_allocation = "Dynamic"
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_data_collection_rule" "linux" {
  name                = "dcr-kodata-linux"
  resource_group_name = azurerm_resource_group.ops.name
  location            = azurerm_resource_group.ops.location
  kind                = "Linux"
  description         = "Syslog (security at Info and above, system at Warning and above) and core performance counters of Linux VMs"
  destinations {
    log_analytics {
      name                  = "logAnalytics"
      workspace_resource_id = azurerm_log_analytics_workspace.log.id
    }
  }
  data_sources {
    syslog {
      name           = "security"
      streams        = ["Microsoft-Syslog"]
      facility_names = ["auth", "authpriv"]
      log_levels     = ["Info", "Notice", "Warning", "Error", "Critical", "Alert", "Emergency"]
    }
    syslog {
      name           = "system"
      streams        = ["Microsoft-Syslog"]
      facility_names = ["cron", "daemon", "kern", "syslog", "user"]
      log_levels     = ["Warning", "Error", "Critical", "Alert", "Emergency"]
    }
    performance_counter {
      name                          = "core"
      streams                       = ["Microsoft-Perf"]
      sampling_frequency_in_seconds = 60
      counter_specifiers            = ["Processor(*)\\% Processor Time", "Memory(*)\\% Used Memory", "Logical Disk(*)\\% Used Space", "Logical Disk(*)\\Free Megabytes", "Network(*)\\Total Bytes"]
    }
  }
  data_flow {
    streams      = ["Microsoft-Syslog"]
    destinations = ["logAnalytics"]
  }
  data_flow {
    streams      = ["Microsoft-Perf"]
    destinations = ["logAnalytics"]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}

resource "azurerm_monitor_data_collection_rule" "windows" {
  name                = "dcr-kodata-windows"
  resource_group_name = azurerm_resource_group.ops.name
  location            = azurerm_resource_group.ops.location
  kind                = "Windows"
  description         = "Application and System errors and warnings, sign-in events and core performance counters of Windows VMs"
  destinations {
    log_analytics {
      name                  = "logAnalytics"
      workspace_resource_id = azurerm_log_analytics_workspace.log.id
    }
  }
  data_sources {
    performance_counter {
      name                          = "core"
      streams                       = ["Microsoft-Perf"]
      sampling_frequency_in_seconds = 60
      counter_specifiers            = ["\\Processor Information(_Total)\\% Processor Time", "\\Memory\\% Committed Bytes In Use", "\\LogicalDisk(_Total)\\% Free Space", "\\Network Interface(*)\\Bytes Total/sec"]
    }
    windows_event_log {
      name           = "events"
      streams        = ["Microsoft-Event"]
      x_path_queries = ["Application!*[System[(Level=1 or Level=2 or Level=3)]]", "System!*[System[(Level=1 or Level=2 or Level=3)]]", "Security!*[System[(EventID=4624 or EventID=4625 or EventID=4740)]]"]
    }
  }
  data_flow {
    streams      = ["Microsoft-Perf"]
    destinations = ["logAnalytics"]
  }
  data_flow {
    streams      = ["Microsoft-Event"]
    destinations = ["logAnalytics"]
  }
  tags = {
    costCenter  = "analytics"
    environment = "kodata"
    managed-by  = "enclave"
    owner       = "data-platform"
  }
}
