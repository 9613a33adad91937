package model

// TypeResourceGroup is the ARM type of a resource group.
const TypeResourceGroup Type = "Microsoft.Resources/resourceGroups"

// ResourceGroup holds the resources of one concern (network, data, ml, apps,
// ops). It lives at subscription scope: Meta.Group is empty and Meta.Name is
// the group's name.
type ResourceGroup struct {
	Meta
	// Purpose says which concern the group holds, for documentation.
	Purpose string
}

func (*ResourceGroup) Type() Type { return TypeResourceGroup }
