package compile

import "github.com/enclave-dev/enclave/internal/model"

// Built-in role definition IDs (Learn: "Azure built-in roles"), by name.
var builtinRoles = map[string]string{
	"Reader":                        "acdd72a7-3385-48ef-bd42-f606fba81ae7",
	"Contributor":                   "b24988ac-6180-42a0-ab88-20f7382dd24c",
	"AcrPull":                       "7f951dda-4ed3-4680-a7ca-43fe172d538d",
	"AcrPush":                       "8311e382-0749-4cb8-b61a-304f252e45ec",
	"Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
	"Storage Blob Data Reader":      "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
	"Storage Blob Data Owner":       "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
	"Storage File Data Privileged Contributor":    "69566ab7-960f-475b-8e7c-b3118f30c6bd",
	"Key Vault Secrets User":                      "4633458b-17de-408a-b874-0445c86b69e6",
	"Key Vault Crypto Service Encryption User":    "e147488a-f6f5-4113-8e2d-b22465e65bf6",
	"Key Vault Administrator":                     "00482a5a-887f-4fb3-b363-3b7fe8e74483",
	"Network Contributor":                         "4d97b98b-1d4f-4787-a291-c67834d212e7",
	"Private DNS Zone Contributor":                "b12aa53e-6015-4669-85d0-8515ebb3ae7f",
	"Virtual Machine User Login":                  "fb879df8-f326-4884-b1cf-06f3ad86be52",
	"Virtual Machine Administrator Login":         "1c0163c0-47e6-4577-8991-ea5c82e286e4",
	"AzureML Data Scientist":                      "f6c7c914-8db3-469d-8ca1-694a8f32e121",
	"Azure Kubernetes Service Cluster User Role":  "4abbcc35-e782-43d8-92c5-2d3f1bd2253f",
	"Azure Kubernetes Service RBAC Writer":        "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
	"Azure Kubernetes Service RBAC Cluster Admin": "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
	"Data Factory Contributor":                    "673868aa-7521-48a0-acc6-0f60742d39f5",
	"Azure Event Hubs Data Receiver":              "a638d3c7-ab3a-418d-83e6-5f17a39d4fde",
	"Azure Event Hubs Data Sender":                "2b629674-e913-4c01-ae53-ef4638d8f975",
	"Monitoring Reader":                           "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
	"Log Analytics Reader":                        "73c42c96-874c-492b-b04d-ab87d138a893",
	"Log Analytics Contributor":                   "92aaf0da-9dab-42b6-94a3-d43ce8d16293",
	"Website Contributor":                         "de139f84-1756-47ae-9be6-808fbbe84772",
	"Managed Identity Operator":                   "f1a07417-d97a-45cb-824c-7a7467783830",
}

// grant assigns the built-in role roleName at scope to principal. The
// assignment lives in scope's resource group and is named by a GUID derived
// from scope, principal and role, so re-runs update rather than duplicate it.
func (c *ctx) grant(scope model.Ref, roleName string, p model.Principal) model.Ref {
	id, ok := builtinRoles[roleName]
	if !ok {
		c.fail("unknown built-in role %q", roleName)
		return model.Ref{}
	}
	return c.assign(scope, model.RoleAssignment{BuiltinRoleID: id, RoleName: roleName, Principal: p})
}

// grantCustom assigns a custom role definition at scope.
func (c *ctx) grantCustom(scope, role model.Ref, roleName string, p model.Principal) model.Ref {
	return c.assign(scope, model.RoleAssignment{CustomRole: role, RoleName: roleName, Principal: p})
}

func (c *ctx) assign(scope model.Ref, ra model.RoleAssignment) model.Ref {
	principalKey := p(ra.Principal)
	role := ra.BuiltinRoleID
	if role == "" {
		role = ra.CustomRole.String()
	}
	group := scope.Group
	if scope.Type == model.TypeResourceGroup {
		group = scope.Name
	}
	ra.Meta = model.Meta{Name: uuidFor(c.doc.Name, scope.String(), principalKey, role), Group: group, Scope: scope}
	if ra.Description == "" {
		ra.Description = ra.RoleName + " for " + ra.Principal.Label
	}
	r := ra
	return c.add(&r)
}

func p(pr model.Principal) string {
	switch {
	case pr.ObjectID != "":
		return pr.ObjectID
	case !pr.SystemIdentityOf.IsZero():
		return "system:" + pr.SystemIdentityOf.String()
	default:
		return "user:" + pr.UserIdentity.String()
	}
}

// group returns the principal for a team group key.
func (c *ctx) groupPrincipal(key string) model.Principal {
	g := c.doc.Team.Groups
	id := map[string]string{"dataScientists": g.DataScientists, "dataEngineers": g.DataEngineers, "admins": g.Admins}[key]
	return model.Principal{Type: model.PrincipalGroup, ObjectID: id, Label: key}
}

// systemIdentity returns the principal of a resource's system identity.
func systemIdentity(of model.Ref) model.Principal {
	return model.Principal{Type: model.PrincipalServicePrincipal, SystemIdentityOf: of, Label: of.Leaf()}
}

// userIdentity returns the principal of a user-assigned identity.
func userIdentity(id model.Ref) model.Principal {
	return model.Principal{Type: model.PrincipalServicePrincipal, UserIdentity: id, Label: id.Leaf()}
}
