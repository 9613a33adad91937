package compile

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// privateLinkZones maps a private-link sub-resource (the group ID of a
// private endpoint) to the private DNS zones its records go in, as Learn's
// "Azure Private Endpoint private DNS zone values" lists them for the public
// cloud. "{region}" is replaced by the environment's location.
var privateLinkZones = map[string][]string{
	"blob":                   {"privatelink.blob.core.windows.net"},
	"file":                   {"privatelink.file.core.windows.net"},
	"dfs":                    {"privatelink.dfs.core.windows.net"},
	"queue":                  {"privatelink.queue.core.windows.net"},
	"table":                  {"privatelink.table.core.windows.net"},
	"vault":                  {"privatelink.vaultcore.azure.net"},
	"registry":               {"privatelink.azurecr.io"},
	"amlworkspace":           {"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"},
	"databricks_ui_api":      {"privatelink.azuredatabricks.net"},
	"browser_authentication": {"privatelink.azuredatabricks.net"},
	"Sql":                    {"privatelink.sql.azuresynapse.net"},
	"SqlOnDemand":            {"privatelink.sql.azuresynapse.net"},
	"Dev":                    {"privatelink.dev.azuresynapse.net"},
	"dataFactory":            {"privatelink.datafactory.azure.net"},
	"portal":                 {"privatelink.adf.azure.com"},
	"sites":                  {"privatelink.azurewebsites.net"},
	"namespace":              {"privatelink.servicebus.windows.net"},
	"management":             {"privatelink.{region}.azmk8s.io"},
}

// ZoneFor returns the private DNS zones for a private-link group ID.
func ZoneFor(groupID, location string) []string {
	var out []string
	for _, z := range privateLinkZones[groupID] {
		out = append(out, strings.ReplaceAll(z, "{region}", location))
	}
	return out
}

// zone returns the private DNS zone with the given name, creating it in the
// network resource group, linked to the hub and the spoke, on first use.
func (c *ctx) zone(name string) model.Ref {
	if ref, ok := c.zones[name]; ok {
		return ref
	}
	z := &model.PrivateDNSZone{Meta: model.Meta{Name: name, Group: c.rg(RGNetwork), Location: "global", Capability: "dns"}}
	ref := c.add(z)
	for _, v := range []string{Hub, Spoke} {
		c.add(&model.PrivateDNSZoneLink{
			Meta:           model.Meta{Name: name + "/link-" + v, Group: c.rg(RGNetwork), Location: "global", Tags: c.tags, Capability: "dns"},
			VirtualNetwork: c.vnets[v],
		})
	}
	c.zones[name] = ref
	return ref
}

// privateEndpoint connects the groupID sub-resource of target to the private
// endpoints subnet, in target's resource group, with a DNS zone group
// registering it in the zones for that sub-resource. It returns the
// endpoint's reference.
func (c *ctx) privateEndpoint(target model.Ref, groupID string) model.Ref {
	zones := ZoneFor(groupID, c.doc.Location)
	if len(zones) == 0 {
		c.fail("no private DNS zone known for sub-resource %q", groupID)
		return model.Ref{}
	}
	name := c.names.Name("pe", target.Leaf(), strings.ToLower(groupID))
	pe := &model.PrivateEndpoint{
		Meta:     model.Meta{Name: name, Group: target.Group},
		Subnet:   c.subnet(SubnetEndpoints),
		Target:   target,
		GroupID:  groupID,
		Approved: true,
	}
	ref := c.add(pe)
	zg := &model.PrivateDNSZoneGroup{Meta: model.Meta{Name: name + "/default", Group: target.Group}}
	for _, z := range zones {
		zg.Zones = append(zg.Zones, c.zone(z))
	}
	c.add(zg)
	return ref
}
