package model

const (
	TypeVirtualNetwork Type = "Microsoft.Network/virtualNetworks"
)
