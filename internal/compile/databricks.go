package compile

import "github.com/enclave-dev/enclave/internal/model"

// buildDatabricks creates a premium Databricks workspace whose classic
// compute is injected into the spoke (host and container subnets, no public
// IPs), with public network access disabled and no Databricks-managed NSG
// rules, so clusters reach the control plane only through the
// databricks_ui_api private endpoint (back-end and front-end private link in
// one endpoint, Databricks' "simplified" deployment).
//
// Single sign-on to a workspace without public access also needs a
// browser_authentication endpoint, and Databricks documents that one such
// endpoint serves every workspace in the region sharing the private DNS zone
// and recommends hosting it in a workspace nobody deletes. The environment
// has its own privatelink.azuredatabricks.net zone and one pair of injected
// subnets, so the endpoint goes on this workspace and a CanNotDelete lock
// keeps the workspace, and with it the web authentication endpoint, from
// being removed by accident.
//
// Customer-managed keys are not configured: Databricks' managed-services and
// managed-disk encryption needs a pinned key version and a Key Vault grant
// to the tenant-specific AzureDatabricks application, neither of which the
// template can know; the DBFS root is double-encrypted instead.
func buildDatabricks(c *ctx) {
	if !c.doc.Services.Databricks.On() {
		return
	}
	w := &model.DatabricksWorkspace{
		Meta:                     model.Meta{Name: c.names.Name("dbw"), Group: c.rg(RGData), Origin: c.doc.Pos("services.databricks")},
		SKU:                      "premium",
		ManagedResourceGroup:     c.names.Name("rg", "dbw", "managed"),
		VirtualNetwork:           c.vnets[Spoke],
		HostSubnet:               c.subnet(SubnetDBXHost),
		ContainerSubnet:          c.subnet(SubnetDBXContainer),
		NoPublicIP:               true,
		PublicNetworkAccess:      model.PublicDisabled,
		RequiredNSGRules:         model.DatabricksNoAzureRules,
		InfrastructureEncryption: true,
	}
	ws := c.add(w)
	c.privateEndpoint(ws, "databricks_ui_api")
	c.privateEndpoint(ws, "browser_authentication")
	c.add(&model.Lock{
		Meta:  model.Meta{Name: "keep-web-auth", Group: w.Group, Scope: ws},
		Level: model.LockCanNotDelete,
		Notes: "hosts the region's Databricks browser_authentication private endpoint; deleting it breaks single sign-on",
	})
	// Databricks emits resource logs only; it has no platform metrics.
	c.diagnostics(ws, allLogs, false)
}
