package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type workspaceProps struct {
	FriendlyName                    string               `json:"friendlyName,omitempty"`
	StorageAccount                  string               `json:"storageAccount"`
	KeyVault                        string               `json:"keyVault"`
	ContainerRegistry               string               `json:"containerRegistry,omitempty"`
	ApplicationInsights             string               `json:"applicationInsights,omitempty"`
	PrimaryUserAssignedIdentity     string               `json:"primaryUserAssignedIdentity,omitempty"`
	PublicNetworkAccess             string               `json:"publicNetworkAccess"`
	AllowPublicAccessWhenBehindVnet bool                 `json:"allowPublicAccessWhenBehindVnet"`
	HBIWorkspace                    bool                 `json:"hbiWorkspace"`
	V1LegacyMode                    bool                 `json:"v1LegacyMode"`
	ManagedNetwork                  workspaceNetwork     `json:"managedNetwork"`
	SystemDatastoresAuthMode        string               `json:"systemDatastoresAuthMode,omitempty"`
	ImageBuildCompute               string               `json:"imageBuildCompute,omitempty"`
	ServerlessComputeSettings       *serverlessSettings  `json:"serverlessComputeSettings,omitempty"`
	Encryption                      *workspaceEncryption `json:"encryption,omitempty"`
}

type workspaceNetwork struct {
	IsolationMode string `json:"isolationMode"`
}

type serverlessSettings struct {
	ServerlessComputeCustomSubnet string `json:"serverlessComputeCustomSubnet"`
	ServerlessComputeNoPublicIP   bool   `json:"serverlessComputeNoPublicIP"`
}

type workspaceEncryption struct {
	Status             string            `json:"status"`
	Identity           workspaceCMKIdent `json:"identity"`
	KeyVaultProperties workspaceKeyVault `json:"keyVaultProperties"`
}

type workspaceCMKIdent struct {
	UserAssignedIdentity string `json:"userAssignedIdentity"`
}

type workspaceKeyVault struct {
	KeyVaultArmID string `json:"keyVaultArmId"`
	KeyIdentifier string `json:"keyIdentifier"`
}

// computeProps is the body of a compute; T is the kind's own properties.
type computeProps[T any] struct {
	ComputeType      string `json:"computeType"`
	DisableLocalAuth bool   `json:"disableLocalAuth,omitempty"`
	ResourceID       string `json:"resourceId,omitempty"`
	Properties       T      `json:"properties"`
}

type amlComputeProps struct {
	VMSize                      string           `json:"vmSize"`
	VMPriority                  string           `json:"vmPriority"`
	OSType                      string           `json:"osType"`
	EnableNodePublicIP          bool             `json:"enableNodePublicIp"`
	RemoteLoginPortPublicAccess string           `json:"remoteLoginPortPublicAccess"`
	Subnet                      *SubResource     `json:"subnet,omitempty"`
	ScaleSettings               amlScaleSettings `json:"scaleSettings"`
}

type amlScaleSettings struct {
	MinNodeCount                int    `json:"minNodeCount"`
	MaxNodeCount                int    `json:"maxNodeCount"`
	NodeIdleTimeBeforeScaleDown string `json:"nodeIdleTimeBeforeScaleDown,omitempty"`
}

type instanceProps struct {
	VMSize                           string            `json:"vmSize"`
	EnableNodePublicIP               bool              `json:"enableNodePublicIp"`
	Subnet                           *SubResource      `json:"subnet,omitempty"`
	IdleTimeBeforeShutdown           string            `json:"idleTimeBeforeShutdown,omitempty"`
	ApplicationSharingPolicy         string            `json:"applicationSharingPolicy"`
	ComputeInstanceAuthorizationType string            `json:"computeInstanceAuthorizationType"`
	SSHSettings                      instanceSSH       `json:"sshSettings"`
	PersonalComputeInstanceSettings  *personalSettings `json:"personalComputeInstanceSettings,omitempty"`
}

type instanceSSH struct {
	SSHPublicAccess string `json:"sshPublicAccess"`
}

type personalSettings struct {
	AssignedUser assignedUser `json:"assignedUser"`
}

type assignedUser struct {
	ObjectID string `json:"objectId"`
	TenantID string `json:"tenantId"`
}

type kubernetesProps struct {
	Namespace string `json:"namespace"`
}

type insightsProps struct {
	ApplicationType                 string `json:"Application_Type"`
	RequestSource                   string `json:"Request_Source"`
	IngestionMode                   string `json:"IngestionMode"`
	WorkspaceResourceID             string `json:"WorkspaceResourceId"`
	DisableLocalAuth                bool   `json:"DisableLocalAuth"`
	PublicNetworkAccessForIngestion string `json:"publicNetworkAccessForIngestion"`
	PublicNetworkAccessForQuery     string `json:"publicNetworkAccessForQuery"`
}

func mlKinds() table {
	t := table{}
	t.add(kind("2026-03-01", workspace))
	t.add(kind("2026-03-01", compute))
	t.add(kind("2020-02-02", func(x *Ctx, r *model.ApplicationInsights) (Body, error) {
		return Body{Kind: "web", Properties: insightsProps{
			ApplicationType:                 "web",
			RequestSource:                   "rest",
			IngestionMode:                   "LogAnalytics",
			WorkspaceResourceID:             x.ID(r.Workspace),
			DisableLocalAuth:                r.LocalAuthDisabled,
			PublicNetworkAccessForIngestion: string(r.PublicIngestion),
			PublicNetworkAccessForQuery:     string(r.PublicQuery),
		}}, nil
	}))
	return t
}

// workspace renders an Azure ML workspace (Basic SKU, the only one).
func workspace(x *Ctx, r *model.MLWorkspace) (Body, error) {
	p := workspaceProps{
		FriendlyName:        r.FriendlyName,
		StorageAccount:      x.ID(r.Storage),
		KeyVault:            x.ID(r.KeyVault),
		PublicNetworkAccess: string(r.PublicNetworkAccess),
		HBIWorkspace:        r.HighBusinessImpact,
		ManagedNetwork:      workspaceNetwork{IsolationMode: string(r.Isolation)},
		ImageBuildCompute:   r.ImageBuildCompute,
	}
	if !r.Registry.IsZero() {
		p.ContainerRegistry = x.ID(r.Registry)
	}
	if !r.AppInsights.IsZero() {
		p.ApplicationInsights = x.ID(r.AppInsights)
	}
	if !r.PrimaryIdentity.IsZero() {
		p.PrimaryUserAssignedIdentity = x.ID(r.PrimaryIdentity)
	}
	if r.IdentityDatastores {
		p.SystemDatastoresAuthMode = "Identity"
	}
	if !r.ServerlessSubnet.IsZero() {
		p.ServerlessComputeSettings = &serverlessSettings{ServerlessComputeCustomSubnet: x.ID(r.ServerlessSubnet), ServerlessComputeNoPublicIP: true}
	}
	if k := r.CMK; k != nil {
		vault := k.Key.Parent()
		if vault.Type != model.TypeKeyVault {
			return Body{}, fmt.Errorf("customer-managed key %s is not a Key Vault key", k.Key)
		}
		p.Encryption = &workspaceEncryption{
			Status:             "Enabled",
			Identity:           workspaceCMKIdent{UserAssignedIdentity: x.ID(k.Identity)},
			KeyVaultProperties: workspaceKeyVault{KeyVaultArmID: x.ID(vault.Ref()), KeyIdentifier: x.keyURIWithVersion(k.Key)},
		}
	}
	return Body{
		Kind:       "Default",
		SKU:        SKU{Name: "Basic", Tier: "Basic"},
		Identity:   x.Identity(r.Identity),
		Properties: p,
	}, nil
}

// compute renders a workspace compute of any kind.
func compute(x *Ctx, r *model.MLCompute) (Body, error) {
	b := Body{Identity: x.Identity(r.Identity)}
	kind := string(r.Kind)
	switch r.Kind {
	case model.MLComputeCluster:
		b.Properties = computeProps[amlComputeProps]{ComputeType: kind, DisableLocalAuth: r.LocalAuthDisabled, Properties: amlCompute(x, r)}
	case model.MLComputeInstance:
		b.Properties = computeProps[instanceProps]{ComputeType: kind, DisableLocalAuth: r.LocalAuthDisabled, Properties: computeInstance(x, r)}
	case model.MLComputeKubernetes:
		b.Properties = computeProps[kubernetesProps]{ComputeType: kind, ResourceID: x.ID(r.Cluster), Properties: kubernetesProps{Namespace: r.Namespace}}
	default:
		return Body{}, fmt.Errorf("unknown compute kind %q", r.Kind)
	}
	return b, nil
}

// amlCompute renders a compute cluster's properties.
func amlCompute(x *Ctx, r *model.MLCompute) amlComputeProps {
	return amlComputeProps{
		VMSize:                      r.VMSize,
		VMPriority:                  "Dedicated",
		OSType:                      "Linux",
		EnableNodePublicIP:          !r.NoPublicIP,
		RemoteLoginPortPublicAccess: "Disabled",
		Subnet:                      x.Sub(r.Subnet),
		ScaleSettings: amlScaleSettings{
			MinNodeCount:                r.MinNodes,
			MaxNodeCount:                r.MaxNodes,
			NodeIdleTimeBeforeScaleDown: r.IdleBeforeScaleDown,
		},
	}
}

// computeInstance renders a personal compute instance's properties.
func computeInstance(x *Ctx, r *model.MLCompute) instanceProps {
	p := instanceProps{
		VMSize:                           r.VMSize,
		EnableNodePublicIP:               !r.NoPublicIP,
		Subnet:                           x.Sub(r.Subnet),
		IdleTimeBeforeShutdown:           r.IdleShutdown,
		ApplicationSharingPolicy:         "Personal",
		ComputeInstanceAuthorizationType: "personal",
		SSHSettings:                      instanceSSH{SSHPublicAccess: "Disabled"},
	}
	if r.OwnerParameter != "" {
		p.PersonalComputeInstanceSettings = &personalSettings{AssignedUser: assignedUser{ObjectID: x.Param(r.OwnerParameter), TenantID: "[subscription().tenantId]"}}
	}
	return p
}
