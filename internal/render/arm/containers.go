package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type registryProps struct {
	AdminUserEnabled         bool                `json:"adminUserEnabled"`
	AnonymousPullEnabled     bool                `json:"anonymousPullEnabled"`
	DataEndpointEnabled      bool                `json:"dataEndpointEnabled"`
	PublicNetworkAccess      string              `json:"publicNetworkAccess"`
	NetworkRuleBypassOptions string              `json:"networkRuleBypassOptions"`
	NetworkRuleSet           registryNetworkRule `json:"networkRuleSet"`
	ZoneRedundancy           string              `json:"zoneRedundancy"`
	Policies                 registryPolicies    `json:"policies"`
}

type registryNetworkRule struct {
	DefaultAction string `json:"defaultAction"`
}

type registryPolicies struct {
	RetentionPolicy registryRetention `json:"retentionPolicy"`
	ExportPolicy    registryStatus    `json:"exportPolicy"`
	ARMAudience     *registryStatus   `json:"azureADAuthenticationAsArmPolicy,omitempty"`
}

type registryRetention struct {
	Days   int    `json:"days,omitempty"`
	Status string `json:"status"`
}

type registryStatus struct {
	Status string `json:"status"`
}

type clusterSKU struct {
	Name string `json:"name"`
	Tier string `json:"tier"`
}

type clusterProps struct {
	EnableRBAC             bool                       `json:"enableRBAC"`
	DisableLocalAccounts   bool                       `json:"disableLocalAccounts"`
	FQDNSubdomain          string                     `json:"fqdnSubdomain"`
	AADProfile             clusterAAD                 `json:"aadProfile"`
	APIServerAccessProfile clusterAPIServer           `json:"apiServerAccessProfile"`
	IdentityProfile        map[string]clusterIdentity `json:"identityProfile,omitempty"`
	NetworkProfile         clusterNetwork             `json:"networkProfile"`
	AgentPoolProfiles      []agentPool                `json:"agentPoolProfiles"`
	AddonProfiles          clusterAddons              `json:"addonProfiles"`
	SecurityProfile        clusterSecurity            `json:"securityProfile"`
	OIDCIssuerProfile      enabledFlag                `json:"oidcIssuerProfile"`
	AutoUpgradeProfile     clusterAutoUpgrade         `json:"autoUpgradeProfile"`
}

type clusterAAD struct {
	Managed             bool     `json:"managed"`
	EnableAzureRBAC     bool     `json:"enableAzureRBAC"`
	AdminGroupObjectIDs []string `json:"adminGroupObjectIDs,omitempty"`
	TenantID            string   `json:"tenantID"`
}

type clusterAPIServer struct {
	EnablePrivateCluster           bool   `json:"enablePrivateCluster"`
	EnablePrivateClusterPublicFQDN bool   `json:"enablePrivateClusterPublicFQDN"`
	PrivateDNSZone                 string `json:"privateDNSZone,omitempty"`
	DisableRunCommand              bool   `json:"disableRunCommand"`
}

type clusterIdentity struct {
	ResourceID string `json:"resourceId"`
}

type clusterNetwork struct {
	NetworkPlugin   string `json:"networkPlugin"`
	NetworkPolicy   string `json:"networkPolicy,omitempty"`
	ServiceCIDR     string `json:"serviceCidr"`
	DNSServiceIP    string `json:"dnsServiceIP"`
	OutboundType    string `json:"outboundType"`
	LoadBalancerSKU string `json:"loadBalancerSku"`
}

type agentPool struct {
	Name                   string        `json:"name"`
	Mode                   string        `json:"mode"`
	Type                   string        `json:"type"`
	OSType                 string        `json:"osType"`
	OSSKU                  string        `json:"osSKU,omitempty"`
	VMSize                 string        `json:"vmSize"`
	Count                  int           `json:"count"`
	EnableAutoScaling      bool          `json:"enableAutoScaling"`
	MinCount               int           `json:"minCount,omitempty"`
	MaxCount               int           `json:"maxCount,omitempty"`
	MaxPods                int           `json:"maxPods,omitempty"`
	VnetSubnetID           string        `json:"vnetSubnetID"`
	AvailabilityZones      []string      `json:"availabilityZones,omitempty"`
	EnableNodePublicIP     bool          `json:"enableNodePublicIP"`
	EnableEncryptionAtHost bool          `json:"enableEncryptionAtHost"`
	NodeTaints             []string      `json:"nodeTaints,omitempty"`
	UpgradeSettings        poolUpgrades  `json:"upgradeSettings"`
	SecurityProfile        *poolSecurity `json:"securityProfile,omitempty"`
}

type poolSecurity struct {
	SSHAccess string `json:"sshAccess"`
}

type poolUpgrades struct {
	MaxSurge string `json:"maxSurge"`
}

type clusterAddons struct {
	AzurePolicy *addon           `json:"azurepolicy,omitempty"`
	OMSAgent    *monitoringAddon `json:"omsagent,omitempty"`
}

type addon struct {
	Enabled bool `json:"enabled"`
}

type monitoringAddon struct {
	Enabled bool             `json:"enabled"`
	Config  monitoringConfig `json:"config"`
}

type monitoringConfig struct {
	LogAnalyticsWorkspaceResourceID string `json:"logAnalyticsWorkspaceResourceID"`
	UseAADAuth                      string `json:"useAADAuth"`
}

type clusterSecurity struct {
	Defender         *clusterDefender `json:"defender,omitempty"`
	WorkloadIdentity enabledFlag      `json:"workloadIdentity"`
	ImageCleaner     *imageCleaner    `json:"imageCleaner,omitempty"`
}

type clusterDefender struct {
	LogAnalyticsWorkspaceResourceID string      `json:"logAnalyticsWorkspaceResourceId"`
	SecurityMonitoring              enabledFlag `json:"securityMonitoring"`
}

type imageCleaner struct {
	Enabled       bool `json:"enabled"`
	IntervalHours int  `json:"intervalHours"`
}

type enabledFlag struct {
	Enabled bool `json:"enabled"`
}

type clusterAutoUpgrade struct {
	UpgradeChannel       string `json:"upgradeChannel,omitempty"`
	NodeOSUpgradeChannel string `json:"nodeOSUpgradeChannel,omitempty"`
}

type clusterExtensionProps struct {
	ExtensionType           string            `json:"extensionType"`
	ReleaseTrain            string            `json:"releaseTrain,omitempty"`
	AutoUpgradeMinorVersion bool              `json:"autoUpgradeMinorVersion"`
	Scope                   extensionScope    `json:"scope"`
	ConfigurationSettings   map[string]string `json:"configurationSettings,omitempty"`
}

type extensionScope struct {
	Cluster extensionCluster `json:"cluster"`
}

type extensionCluster struct {
	ReleaseNamespace string `json:"releaseNamespace"`
}

func containerKinds() table {
	t := table{}
	t.add(kind("2025-11-01", func(x *Ctx, r *model.ContainerRegistry) (Body, error) {
		p := registryProps{
			AdminUserEnabled:         r.AdminUser,
			AnonymousPullEnabled:     r.AnonymousPull,
			PublicNetworkAccess:      string(r.PublicNetworkAccess),
			NetworkRuleBypassOptions: string(r.NetworkACL.Bypass),
			NetworkRuleSet:           registryNetworkRule{DefaultAction: string(r.NetworkACL.DefaultAction)},
			ZoneRedundancy:           enabled(r.ZoneRedundant),
			Policies: registryPolicies{
				RetentionPolicy: registryRetention{Days: r.UntaggedRetentionDays, Status: enabledLower(r.UntaggedRetentionDays > 0)},
				ExportPolicy:    registryStatus{Status: enabledLower(!r.ExportDisabled)},
			},
		}
		if r.ARMAudienceTokensDisabled {
			p.Policies.ARMAudience = &registryStatus{Status: enabledLower(false)}
		}
		return Body{SKU: SKU{Name: r.SKU}, Properties: p}, nil
	}))
	t.add(kind("2026-04-01", managedCluster))
	// Microsoft.KubernetesConfiguration/extensions 2024-11-01 is the latest
	// stable API version; the schema store has no definition for the type.
	t.add(kind("2024-11-01", func(x *Ctx, r *model.ClusterExtension) (Body, error) {
		p := clusterExtensionProps{
			ExtensionType:           r.ExtensionType,
			ReleaseTrain:            r.ReleaseTrain,
			AutoUpgradeMinorVersion: r.AutoUpgradeMinor,
			Scope:                   extensionScope{Cluster: extensionCluster{ReleaseNamespace: r.ReleaseNamespace}},
		}
		if len(r.Settings) > 0 {
			p.ConfigurationSettings = map[string]string{}
			for _, s := range r.Settings {
				p.ConfigurationSettings[s.Name] = Lit(s.Value)
			}
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	return t
}

// managedCluster renders a private AKS cluster.
func managedCluster(x *Ctx, r *model.ManagedCluster) (Body, error) {
	if len(r.NodePools) == 0 {
		return Body{}, fmt.Errorf("cluster has no node pools")
	}
	p := clusterProps{
		EnableRBAC:           true,
		DisableLocalAccounts: r.LocalAccountsDisabled,
		FQDNSubdomain:        r.FQDNSubdomain,
		AADProfile: clusterAAD{
			Managed:             true,
			EnableAzureRBAC:     r.AzureRBAC,
			AdminGroupObjectIDs: r.EntraAdminGroups,
			TenantID:            "[subscription().tenantId]",
		},
		APIServerAccessProfile: clusterAPIServer{
			EnablePrivateCluster: r.PrivateCluster,
			DisableRunCommand:    r.RunCommandDisabled,
		},
		NetworkProfile: clusterNetwork{
			NetworkPlugin:   r.Network.Plugin,
			NetworkPolicy:   r.Network.Policy,
			ServiceCIDR:     r.Network.ServiceCIDR.String(),
			DNSServiceIP:    r.Network.DNSServiceIP.String(),
			OutboundType:    string(r.Network.Outbound),
			LoadBalancerSKU: "standard",
		},
		AddonProfiles: clusterAddons{AzurePolicy: &addon{Enabled: r.AzurePolicy}},
		SecurityProfile: clusterSecurity{
			WorkloadIdentity: enabledFlag{Enabled: r.WorkloadIdentity},
		},
		OIDCIssuerProfile:  enabledFlag{Enabled: r.WorkloadIdentity},
		AutoUpgradeProfile: clusterAutoUpgrade{UpgradeChannel: r.UpgradeChannel, NodeOSUpgradeChannel: r.NodeOSUpgradeChannel},
	}
	if !r.PrivateDNSZone.IsZero() {
		p.APIServerAccessProfile.PrivateDNSZone = x.ID(r.PrivateDNSZone)
	}
	if !r.KubeletIdentity.IsZero() {
		p.IdentityProfile = map[string]clusterIdentity{"kubeletidentity": {ResourceID: x.ID(r.KubeletIdentity)}}
	}
	if !r.Workspace.IsZero() {
		law := x.ID(r.Workspace)
		p.AddonProfiles.OMSAgent = &monitoringAddon{Enabled: true, Config: monitoringConfig{LogAnalyticsWorkspaceResourceID: law, UseAADAuth: "true"}}
		if r.Defender {
			p.SecurityProfile.Defender = &clusterDefender{LogAnalyticsWorkspaceResourceID: law, SecurityMonitoring: enabledFlag{Enabled: true}}
		}
	}
	if r.ImageCleanerHours > 0 {
		p.SecurityProfile.ImageCleaner = &imageCleaner{Enabled: true, IntervalHours: r.ImageCleanerHours}
	}
	for _, np := range r.NodePools {
		p.AgentPoolProfiles = append(p.AgentPoolProfiles, nodePool(x, np))
	}
	return Body{
		SKU:        clusterSKU{Name: "Base", Tier: r.Tier},
		Identity:   x.Identity(r.Identity),
		Properties: p,
	}, nil
}

// nodePool renders one autoscaling VM scale set agent pool.
func nodePool(x *Ctx, np model.NodePool) agentPool {
	a := agentPool{
		Name:                   np.Name,
		Mode:                   np.Mode,
		Type:                   "VirtualMachineScaleSets",
		OSType:                 "Linux",
		OSSKU:                  np.OSSKU,
		VMSize:                 np.VMSize,
		Count:                  np.MinCount,
		EnableAutoScaling:      np.MaxCount > np.MinCount,
		MaxPods:                np.MaxPods,
		VnetSubnetID:           x.ID(np.Subnet),
		AvailabilityZones:      np.Zones,
		EnableEncryptionAtHost: np.EncryptionAtHost,
		UpgradeSettings:        poolUpgrades{MaxSurge: "1"},
	}
	if a.EnableAutoScaling {
		a.MinCount, a.MaxCount = np.MinCount, np.MaxCount
	}
	if np.SSHDisabled {
		a.SecurityProfile = &poolSecurity{SSHAccess: "Disabled"}
	}
	if np.CriticalAddonsOnly {
		a.NodeTaints = []string{"CriticalAddonsOnly=true:NoSchedule"}
	}
	return a
}

// enabled spells a boolean as "Enabled" or "Disabled".
func enabled(b bool) string {
	if b {
		return "Enabled"
	}
	return "Disabled"
}

// enabledLower spells a boolean as "enabled" or "disabled".
func enabledLower(b bool) string {
	if b {
		return "enabled"
	}
	return "disabled"
}
