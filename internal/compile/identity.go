package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
)

// persona is a custom role: what one kind of team member may do, and
// the resource groups it is assigned at.
type persona struct {
	key         string // team.groups key
	role        string // appended to the environment name
	description string
	actions     []string
	notActions  []string
	dataActions []string
}

// Custom roles grant what the built-in roles enclave also assigns leave
// out, and nothing that creates, deletes or re-permissions infrastructure.
var (
	dataScientist = persona{
		key:         "dataScientists",
		role:        "Data Scientist",
		description: "Runs experiments and jobs in Azure ML, starts and stops compute instances and workstations, reads the ML resource group",
		actions: []string{
			"Microsoft.Resources/subscriptions/resourceGroups/read",
			"Microsoft.Resources/deployments/read",
			"Microsoft.Insights/metrics/read",
			"Microsoft.Insights/alertRules/read",
			"Microsoft.Compute/virtualMachines/read",
			"Microsoft.Compute/virtualMachines/instanceView/read",
			"Microsoft.Compute/virtualMachines/start/action",
			"Microsoft.Compute/virtualMachines/restart/action",
			"Microsoft.Compute/virtualMachines/deallocate/action",
			"Microsoft.Network/networkInterfaces/read",
			"Microsoft.MachineLearningServices/workspaces/read",
			"Microsoft.MachineLearningServices/workspaces/*/read",
			"Microsoft.MachineLearningServices/workspaces/experiments/*",
			"Microsoft.MachineLearningServices/workspaces/jobs/*",
			"Microsoft.MachineLearningServices/workspaces/computes/start/action",
			"Microsoft.MachineLearningServices/workspaces/computes/stop/action",
			"Microsoft.MachineLearningServices/workspaces/computes/restart/action",
			"Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/action",
			"Microsoft.MachineLearningServices/workspaces/notebooks/storage/*",
		},
		notActions: []string{
			"Microsoft.MachineLearningServices/workspaces/computes/write",
			"Microsoft.MachineLearningServices/workspaces/computes/delete",
		},
	}
	dataEngineer = persona{
		key:         "dataEngineers",
		role:        "Data Engineer",
		description: "Runs and monitors Data Factory pipelines, Databricks and Synapse workloads and Stream Analytics jobs, reads the data resource group",
		actions: []string{
			"Microsoft.Resources/subscriptions/resourceGroups/read",
			"Microsoft.Resources/deployments/read",
			"Microsoft.Insights/metrics/read",
			"Microsoft.Insights/alertRules/read",
			"Microsoft.Storage/storageAccounts/read",
			"Microsoft.Storage/storageAccounts/blobServices/containers/read",
			"Microsoft.DataFactory/factories/read",
			"Microsoft.DataFactory/factories/*/read",
			"Microsoft.DataFactory/factories/pipelines/createrun/action",
			"Microsoft.DataFactory/factories/pipelineruns/cancel/action",
			"Microsoft.DataFactory/factories/querypipelineruns/action",
			"Microsoft.DataFactory/factories/triggers/start/action",
			"Microsoft.DataFactory/factories/triggers/stop/action",
			"Microsoft.Databricks/workspaces/read",
			"Microsoft.Synapse/workspaces/read",
			"Microsoft.Synapse/workspaces/*/read",
			"Microsoft.Synapse/workspaces/sqlPools/pause/action",
			"Microsoft.Synapse/workspaces/sqlPools/resume/action",
			"Microsoft.StreamAnalytics/streamingjobs/read",
			"Microsoft.StreamAnalytics/streamingjobs/*/read",
			"Microsoft.StreamAnalytics/streamingjobs/start/action",
			"Microsoft.StreamAnalytics/streamingjobs/stop/action",
			"Microsoft.EventHub/namespaces/read",
			"Microsoft.EventHub/namespaces/eventhubs/read",
		},
	}
	platformAdmin = persona{
		key:         "admins",
		role:        "Platform Admin",
		description: "Operates every resource of the environment but cannot grant access, change policy, remove locks or delete the network edge",
		actions:     []string{"*"},
		notActions: []string{
			"Microsoft.Authorization/*/Delete",
			"Microsoft.Authorization/*/Write",
			"Microsoft.Authorization/elevateAccess/Action",
			"Microsoft.Network/azureFirewalls/delete",
			"Microsoft.Network/virtualNetworkGateways/delete",
			"Microsoft.Network/connections/delete",
			"Microsoft.Network/virtualNetworks/delete",
		},
	}
)

func buildIdentity(c *ctx) {
	var scopes []model.Ref
	for _, g := range resourceGroups {
		scopes = append(scopes, c.rgRef(g.concern))
	}
	roles := map[string]model.Ref{}
	for _, p := range []persona{dataScientist, dataEngineer, platformAdmin} {
		roles[p.key] = c.add(&model.RoleDefinition{
			Meta:             model.Meta{Name: uuidFor(c.doc.Name, "role", p.role)},
			RoleName:         c.doc.Name + " " + p.role,
			Description:      p.description,
			Actions:          p.actions,
			NotActions:       p.notActions,
			DataActions:      p.dataActions,
			AssignableScopes: scopes,
		})
	}
	grantDataScientists(c, roles["dataScientists"])
	grantDataEngineers(c, roles["dataEngineers"])
	grantAdmins(c, roles["admins"], scopes)
}

// grantDataScientists: the custom role on the ML group, AzureML Data
// Scientist on the workspace and read access to the data lake.
func grantDataScientists(c *ctx, role model.Ref) {
	p := c.groupPrincipal(dataScientist.key)
	if p.ObjectID == "" {
		return
	}
	c.grantCustom(c.rgRef(RGML), role, c.doc.Name+" "+dataScientist.role, p)
	if !c.mlWorkspace.IsZero() {
		c.grant(c.mlWorkspace, "AzureML Data Scientist", p)
	}
	if !c.adls.IsZero() {
		c.grant(c.adls, "Storage Blob Data Reader", p)
	}
}

// grantDataEngineers: the custom role on the data group, write access to
// the data lake and authoring on Data Factory.
func grantDataEngineers(c *ctx, role model.Ref) {
	p := c.groupPrincipal(dataEngineer.key)
	if p.ObjectID == "" {
		return
	}
	c.grantCustom(c.rgRef(RGData), role, c.doc.Name+" "+dataEngineer.role, p)
	if !c.adls.IsZero() {
		c.grant(c.adls, "Storage Blob Data Contributor", p)
	}
	for _, factory := range c.refsOf("Microsoft.DataFactory/factories") {
		c.grant(factory, "Data Factory Contributor", p)
	}
}

// grantAdmins: Platform Admin on every resource group of the environment.
func grantAdmins(c *ctx, role model.Ref, groups []model.Ref) {
	p := c.groupPrincipal(platformAdmin.key)
	if p.ObjectID == "" {
		return
	}
	for _, g := range groups {
		c.grantCustom(g, role, c.doc.Name+" "+platformAdmin.role, p)
	}
}

// refsOf returns references to every resource of type t built so far,
// sorted by address. Builders use it for resources no ctx field names.
func (c *ctx) refsOf(t model.Type) []model.Ref {
	var out []model.Ref
	for _, r := range c.g.OfType(t) {
		out = append(out, model.RefOf(r))
	}
	return out
}
