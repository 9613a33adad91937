package arm

import "github.com/enclave-dev/enclave/internal/model"

type databricksProps struct {
	// ComputeMode "Hybrid" is classic (customer-network) compute, which
	// VNet injection needs; the API requires it on create.
	ComputeMode            string           `json:"computeMode"`
	ManagedResourceGroupID string           `json:"managedResourceGroupId"`
	Parameters             databricksParams `json:"parameters"`
	PublicNetworkAccess    string           `json:"publicNetworkAccess"`
	RequiredNsgRules       string           `json:"requiredNsgRules"`
}

type databricksParams struct {
	CustomVirtualNetworkID          stringParam `json:"customVirtualNetworkId"`
	CustomPublicSubnetName          stringParam `json:"customPublicSubnetName"`
	CustomPrivateSubnetName         stringParam `json:"customPrivateSubnetName"`
	EnableNoPublicIP                boolParam   `json:"enableNoPublicIp"`
	RequireInfrastructureEncryption boolParam   `json:"requireInfrastructureEncryption"`
}

// stringParam and boolParam are Databricks' {"value": ...} parameters.
type stringParam struct {
	Value string `json:"value"`
}

type boolParam struct {
	Value bool `json:"value"`
}

func addDatabricksKinds(t table) {
	t.add(kind(databricksAPI, func(x *Ctx, r *model.DatabricksWorkspace) (Body, error) {
		managed := model.Address{Type: model.TypeResourceGroup, Name: r.ManagedResourceGroup}.Ref()
		return Body{
			SKU: SKU{Name: r.SKU},
			Properties: databricksProps{
				ComputeMode:            "Hybrid",
				ManagedResourceGroupID: x.ID(managed),
				Parameters: databricksParams{
					CustomVirtualNetworkID:          stringParam{x.ID(r.VirtualNetwork)},
					CustomPublicSubnetName:          stringParam{r.HostSubnet.Leaf()},
					CustomPrivateSubnetName:         stringParam{r.ContainerSubnet.Leaf()},
					EnableNoPublicIP:                boolParam{r.NoPublicIP},
					RequireInfrastructureEncryption: boolParam{r.InfrastructureEncryption},
				},
				PublicNetworkAccess: string(r.PublicNetworkAccess),
				RequiredNsgRules:    string(r.RequiredNSGRules),
			},
		}, nil
	}))
}
