package model

import "net/netip"

// Containers: the registry, the scoring cluster and cluster extensions.
const (
	TypeContainerRegistry = Type("Microsoft.ContainerRegistry/registries")
	TypeManagedCluster    = Type("Microsoft.ContainerService/managedClusters")
	TypeClusterExtension  = Type("Microsoft.KubernetesConfiguration/extensions")
)

// ContainerRegistry is an Azure Container Registry.
type ContainerRegistry struct {
	Meta
	// SKU is Basic, Standard or Premium; private link needs Premium.
	SKU                 string
	AdminUser           bool
	AnonymousPull       bool
	PublicNetworkAccess PublicAccess
	NetworkACL          NetworkACL
	ZoneRedundant       bool
	// UntaggedRetentionDays deletes untagged manifests after that many
	// days; 0 keeps them.
	UntaggedRetentionDays int
	// ExportDisabled stops images being exported or imported out of the
	// registry (data exfiltration protection); it requires public network
	// access to be disabled.
	ExportDisabled bool
	// ARMAudienceTokensDisabled makes the registry accept only Entra
	// tokens issued for the registry's own audience, not Azure Resource
	// Manager tokens (policies.azureADAuthenticationAsArmPolicy).
	ARMAudienceTokensDisabled bool
}

func (*ContainerRegistry) Type() Type { return TypeContainerRegistry }

// OutboundType is how an AKS cluster's nodes reach the internet.
type OutboundType string

const (
	OutboundLoadBalancer       OutboundType = "loadBalancer"
	OutboundUserDefinedRouting OutboundType = "userDefinedRouting"
)

// ClusterNetwork is an AKS cluster's network profile.
type ClusterNetwork struct {
	// Plugin is "azure" (Azure CNI: pods take VNet addresses).
	Plugin string
	// Policy is the network policy engine ("azure", "calico", "cilium").
	Policy       string
	ServiceCIDR  netip.Prefix
	DNSServiceIP netip.Addr
	Outbound     OutboundType
}

// NodePool is one AKS agent pool, declared inline with its cluster.
type NodePool struct {
	Name string
	// Mode is System or User.
	Mode     string
	VMSize   string
	OSSKU    string
	Subnet   Ref
	MinCount int
	MaxCount int
	MaxPods  int
	Zones    []string
	// EncryptionAtHost encrypts temp disks and caches on the host.
	EncryptionAtHost bool
	// CriticalAddonsOnly taints the pool so only system pods run on it.
	CriticalAddonsOnly bool
	// SSHDisabled turns off the SSH service on the pool's nodes
	// (securityProfile.sshAccess Disabled); node debugging goes through
	// kubectl debug instead.
	SSHDisabled bool
}

// ManagedCluster is a private AKS cluster. Its control plane runs as a
// user-assigned identity (Identity) and its nodes as another
// (KubeletIdentity), so roles can be granted before the cluster exists.
type ManagedCluster struct {
	Meta
	// Tier is Free, Standard (uptime SLA) or Premium.
	Tier            string
	Identity        Identity
	KubeletIdentity Ref
	// FQDNSubdomain names the API server in a bring-your-own private zone.
	FQDNSubdomain  string
	PrivateCluster bool
	PrivateDNSZone Ref
	// RunCommandDisabled turns off "az aks command invoke".
	RunCommandDisabled bool
	// EntraAdminGroups get cluster-admin through Entra ID integration;
	// AzureRBAC authorises the Kubernetes API with Azure role assignments.
	EntraAdminGroups      []string
	AzureRBAC             bool
	LocalAccountsDisabled bool
	Network               ClusterNetwork
	NodePools             []NodePool
	// Workspace receives Container insights and Defender data.
	Workspace        Ref
	Defender         bool
	AzurePolicy      bool
	WorkloadIdentity bool
	// ImageCleanerHours removes unused vulnerable images at that interval.
	ImageCleanerHours int
	// UpgradeChannel and NodeOSUpgradeChannel drive automatic upgrades.
	UpgradeChannel       string
	NodeOSUpgradeChannel string
}

func (*ManagedCluster) Type() Type { return TypeManagedCluster }

// Setting is one name/value configuration setting.
type Setting struct {
	Name, Value string
}

// ClusterExtension is a cluster extension installed on the cluster in
// Meta.Scope (the Azure Machine Learning extension, for example).
type ClusterExtension struct {
	Meta
	ExtensionType    string
	ReleaseTrain     string
	ReleaseNamespace string
	AutoUpgradeMinor bool
	// Settings are the extension's configuration, sorted by name.
	Settings []Setting
}

func (*ClusterExtension) Type() Type { return TypeClusterExtension }
