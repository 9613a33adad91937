variable "location" {
  description = "Azure region of the environment"
  type        = string
  default     = "australiaeast"
}

variable "subscription_id" {
  description = "ID of the subscription the environment is deployed to"
  type        = string
}

variable "admin_ssh_public_key" {
  description = "SSH public key of the break-glass administrator of Linux VMs (people sign in with Entra ID)"
  type        = string
}

variable "budget_start_date" {
  description = "First day of the budget (yyyy-MM-01); defaults to the current month (the ARM deployment computes [utcNow('yyyy-MM-01')]; here a value is required)"
  type        = string
}

variable "integration_runtime_admin_password" {
  description = "Password of the break-glass administrator of the integration runtime VM"
  type        = string
  sensitive   = true
}

variable "vpn_shared_key" {
  description = "pre-shared key of the site-to-site VPN connection"
  type        = string
  sensitive   = true
}
