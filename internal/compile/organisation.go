package compile

import "github.com/enclave-dev/enclave/internal/model"

// resourceGroups lists the groups by concern with what each holds.
var resourceGroups = []struct{ concern, purpose string }{
	{RGNetwork, "hub and spoke networks, firewall, gateway, Bastion, private DNS"},
	{RGData, "data lake, Data Factory, Databricks, Synapse, Event Hubs, Stream Analytics, data Key Vault"},
	{RGML, "Azure ML workspace and its dependencies, container registry, AKS, workstations"},
	{RGApps, "App Service plan and web apps"},
	{RGOps, "Log Analytics, alerts and action groups"},
}

func buildOrganisation(c *ctx) {
	for _, g := range resourceGroups {
		c.add(&model.ResourceGroup{Meta: model.Meta{Name: c.rg(g.concern)}, Purpose: g.purpose})
	}
}
