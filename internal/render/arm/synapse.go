package arm

import "github.com/enclave-dev/enclave/internal/model"

type synapseProps struct {
	DefaultDataLakeStorage        synapseLake          `json:"defaultDataLakeStorage"`
	ManagedVirtualNetwork         string               `json:"managedVirtualNetwork,omitempty"`
	ManagedVirtualNetworkSettings *synapseVNetSettings `json:"managedVirtualNetworkSettings,omitempty"`
	PublicNetworkAccess           string               `json:"publicNetworkAccess"`
	AzureADOnlyAuthentication     bool                 `json:"azureADOnlyAuthentication"`
	SQLAdministratorLogin         string               `json:"sqlAdministratorLogin,omitempty"`
	ManagedResourceGroupName      string               `json:"managedResourceGroupName,omitempty"`
	TrustedServiceBypassEnabled   bool                 `json:"trustedServiceBypassEnabled"`
	Encryption                    *synapseEncryption   `json:"encryption,omitempty"`
}

type synapseLake struct {
	AccountURL                   string `json:"accountUrl"`
	Filesystem                   string `json:"filesystem"`
	ResourceID                   string `json:"resourceId"`
	CreateManagedPrivateEndpoint bool   `json:"createManagedPrivateEndpoint"`
}

type synapseVNetSettings struct {
	PreventDataExfiltration       bool     `json:"preventDataExfiltration"`
	AllowedAadTenantIdsForLinking []string `json:"allowedAadTenantIdsForLinking"`
}

type synapseEncryption struct {
	CMK synapseCMK `json:"cmk"`
}

type synapseCMK struct {
	KEKIdentity synapseKEK `json:"kekIdentity"`
	Key         synapseKey `json:"key"`
}

type synapseKEK struct {
	UserAssignedIdentity      string `json:"userAssignedIdentity"`
	UseSystemAssignedIdentity bool   `json:"useSystemAssignedIdentity"`
}

// synapseKey names the workspace key sub-resource ("default") and the Key
// Vault key behind it.
type synapseKey struct {
	Name        string `json:"name"`
	KeyVaultURL string `json:"keyVaultUrl"`
}

type synapseAdminProps struct {
	AdministratorType string `json:"administratorType"`
	Login             string `json:"login"`
	SID               string `json:"sid"`
	TenantID          string `json:"tenantId"`
}

func addSynapseKinds(t table) {
	t.add(kind(synapseAPI, func(x *Ctx, r *model.SynapseWorkspace) (Body, error) {
		p := synapseProps{
			DefaultDataLakeStorage: synapseLake{
				AccountURL:                   endpointURL(r.DataLake, "dfs"),
				Filesystem:                   r.FileSystem,
				ResourceID:                   x.ID(r.DataLake),
				CreateManagedPrivateEndpoint: r.DataLakeEndpoint,
			},
			PublicNetworkAccess:       string(r.PublicNetworkAccess),
			AzureADOnlyAuthentication: r.EntraOnlyAuth,
			SQLAdministratorLogin:     Lit(r.SQLAdminLogin),
			ManagedResourceGroupName:  r.ManagedResourceGroup,
		}
		if r.ManagedVirtualNetwork {
			p.ManagedVirtualNetwork = "default"
			p.ManagedVirtualNetworkSettings = &synapseVNetSettings{
				PreventDataExfiltration:       r.PreventDataExfiltration,
				AllowedAadTenantIdsForLinking: nonNil(r.AllowedTenants),
			}
		}
		if r.CMK != nil {
			p.Encryption = &synapseEncryption{CMK: synapseCMK{
				KEKIdentity: synapseKEK{UserAssignedIdentity: x.ID(r.CMK.Identity)},
				Key:         synapseKey{Name: "default", KeyVaultURL: keyURL(r.CMK.Key)},
			}}
		}
		return Body{Identity: x.Identity(r.Identity), Properties: p}, nil
	}))
	t.add(kind(synapseAPI, func(x *Ctx, r *model.SynapseAuditing) (Body, error) {
		return Body{Properties: synapseAuditingProps{
			State:                       enabled(true),
			AuditActionsAndGroups:       r.ActionGroups,
			IsAzureMonitorTargetEnabled: r.AzureMonitor,
		}}, nil
	}))
	t.add(kind(synapseAPI, func(x *Ctx, r *model.SynapseAlerts) (Body, error) {
		return Body{Properties: synapseAlertProps{State: enabled(true), EmailAccountAdmins: r.EmailAdmins}}, nil
	}))
	t.add(kind(synapseAPI, func(x *Ctx, r *model.SynapseEntraAdmin) (Body, error) {
		return Body{Properties: synapseAdminProps{
			AdministratorType: "ActiveDirectory",
			Login:             Lit(r.Login),
			SID:               r.ObjectID,
			TenantID:          "[subscription().tenantId]",
		}}, nil
	}))
}

type synapseAuditingProps struct {
	State                       string   `json:"state"`
	AuditActionsAndGroups       []string `json:"auditActionsAndGroups"`
	IsAzureMonitorTargetEnabled bool     `json:"isAzureMonitorTargetEnabled"`
	// StorageEndpoint is empty: no storage account target, as Azure
	// reports it for Azure Monitor-only auditing.
	StorageEndpoint string `json:"storageEndpoint"`
}

type synapseAlertProps struct {
	State              string `json:"state"`
	EmailAccountAdmins bool   `json:"emailAccountAdmins"`
}
