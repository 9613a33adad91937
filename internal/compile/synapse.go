package compile

import "github.com/enclave-dev/enclave/internal/model"

// defaultSQLAdmin names Synapse's built-in SQL administrator when the spec
// does not.
const defaultSQLAdmin = "sqladmin"

// buildSynapse creates a Synapse workspace on the lake's workspace file
// system, with a managed virtual network and data exfiltration protection
// (outbound only to managed private endpoints in the environment's own
// tenant), public network access disabled, and Entra ID as the only way to
// authenticate, the admins group being the SQL administrator.
//
// The SQL administrator login is still named, as the API requires a login,
// but it gets no password: with Entra-only authentication the API does not
// need one, and none is ever set.
//
// The managed private endpoint to the lake's dfs endpoint is created with
// the workspace. Other managed private endpoints (the data vault, for
// instance) are Synapse data-plane objects ARM cannot create; teams add
// them in Synapse Studio, and the tenant restriction keeps them in-tenant.
func buildSynapse(c *ctx) {
	s := c.doc.Services.Synapse
	if !s.On() {
		return
	}
	login := s.SQLAdminLogin
	if login == "" {
		login = defaultSQLAdmin
	}
	w := &model.SynapseWorkspace{
		Meta: model.Meta{
			Name: c.names.Global("synw", "", true, 50), Group: c.rg(RGData), Origin: c.doc.Pos("services.synapse"),
			// The primary file system must exist before the workspace uses it.
			DependsOn: []model.Ref{c.lakeContainer(lakeWorkspace)},
		},
		Identity:                model.Identity{SystemAssigned: true},
		DataLake:                c.adls,
		FileSystem:              lakeWorkspace,
		DataLakeEndpoint:        true,
		ManagedVirtualNetwork:   true,
		PreventDataExfiltration: true,
		PublicNetworkAccess:     model.PublicDisabled,
		EntraOnlyAuth:           true,
		SQLAdminLogin:           login,
		ManagedResourceGroup:    c.names.Name("rg", "synw", "managed"),
	}
	// With a user-assigned identity that can already use the key, the
	// workspace activates its encryption at creation instead of waiting in
	// a pending state for a manual activation.
	w.CMK = c.dataKey(w.Name, &w.Identity, &w.Meta)
	ws := c.add(w)
	c.add(&model.SynapseEntraAdmin{
		Meta:     model.Meta{Name: w.Name + "/activeDirectory", Group: w.Group},
		Login:    "admins",
		ObjectID: c.doc.Team.Groups.Admins,
	})
	// SQL auditing to Azure Monitor: authentication successes and
	// failures and every completed batch, delivered through the
	// workspace's diagnostic settings (SQLSecurityAuditEvents)
	// (https://learn.microsoft.com/azure/synapse-analytics/sql/audit-sql-pools).
	c.add(&model.SynapseAuditing{
		Meta:         model.Meta{Name: w.Name + "/default", Group: w.Group, DependsOn: []model.Ref{ws}},
		ActionGroups: []string{"SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP", "FAILED_DATABASE_AUTHENTICATION_GROUP", "BATCH_COMPLETED_GROUP"},
		AzureMonitor: true,
	})
	// Defender for SQL threat detection on the SQL pools
	// (https://learn.microsoft.com/azure/synapse-analytics/security/workspaces-defender-for-sql).
	c.add(&model.SynapseAlerts{
		Meta:        model.Meta{Name: w.Name + "/Default", Group: w.Group, DependsOn: []model.Ref{ws}},
		EmailAdmins: true,
	})
	for _, sub := range []string{"Sql", "SqlOnDemand", "Dev"} {
		c.privateEndpoint(ws, sub)
	}
	c.diagnostics(ws, allLogs, true)
	c.grant(c.adls, "Storage Blob Data Contributor", systemIdentity(ws))
}
