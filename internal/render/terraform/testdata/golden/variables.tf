variable "location" {
  description = "Azure region of the environment"
  type        = string
  default     = "australiaeast"
}

variable "subscription_id" {
  description = "ID of the subscription the environment is deployed to"
  type        = string
}

variable "vpn_shared_key" {
  description = "pre-shared key of the site-to-site VPN connection"
  type        = string
  sensitive   = true
}
