package model

// Azure Machine Learning: the workspace, its computes, and the Application
// Insights component it reports to.
const (
	TypeMLWorkspace         = Type("Microsoft.MachineLearningServices/workspaces")
	TypeMLCompute           = Type("Microsoft.MachineLearningServices/workspaces/computes")
	TypeApplicationInsights = Type("Microsoft.Insights/components")
)

// MLIsolation is a workspace's managed network isolation mode.
type MLIsolation string

const (
	// MLIsolationDisabled means no workspace-managed VNet: computes are
	// injected into the customer's own subnets.
	MLIsolationDisabled         MLIsolation = "Disabled"
	MLIsolationInternetOutbound MLIsolation = "AllowInternetOutbound"
	MLIsolationApprovedOutbound MLIsolation = "AllowOnlyApprovedOutbound"
)

// MLWorkspace is an Azure Machine Learning workspace.
type MLWorkspace struct {
	Meta
	FriendlyName string
	// Identity lists the workspace's identities; PrimaryIdentity, one of
	// them, is the one it uses to reach its associated resources.
	Identity        Identity
	PrimaryIdentity Ref
	// Associated resources.
	Storage     Ref
	KeyVault    Ref
	Registry    Ref
	AppInsights Ref
	// PublicNetworkAccess disabled means the studio and APIs are reached
	// only through the workspace's private endpoint.
	PublicNetworkAccess PublicAccess
	// HighBusinessImpact limits the data Microsoft collects for
	// diagnostics and encrypts compute local scratch disks.
	HighBusinessImpact bool
	Isolation          MLIsolation
	// IdentityDatastores makes the default datastores authenticate with
	// identities rather than account keys.
	IdentityDatastores bool
	// ImageBuildCompute names the compute cluster that builds environment
	// images: ACR Tasks cannot reach a registry without public access.
	ImageBuildCompute string
	// ServerlessSubnet injects serverless compute into the customer VNet,
	// without public IPs.
	ServerlessSubnet Ref
	// CMK encrypts workspace metadata with a customer-managed key.
	CMK *CustomerManagedKey
}

func (*MLWorkspace) Type() Type { return TypeMLWorkspace }

// MLComputeKind is the kind of an Azure ML compute.
type MLComputeKind string

const (
	MLComputeCluster    MLComputeKind = "AmlCompute"
	MLComputeInstance   MLComputeKind = "ComputeInstance"
	MLComputeKubernetes MLComputeKind = "Kubernetes"
)

// MLCompute is a compute of a workspace: a cluster, a personal compute
// instance, or an attached Kubernetes cluster. Its name is
// "<workspace>/<compute>".
type MLCompute struct {
	Meta
	Kind     MLComputeKind
	Identity Identity
	// LocalAuthDisabled forces Entra ID for compute access.
	LocalAuthDisabled bool
	VMSize            string
	Subnet            Ref
	NoPublicIP        bool
	// Cluster scaling: MinNodes 0 scales to zero after IdleBeforeScaleDown
	// (ISO 8601 duration).
	MinNodes            int
	MaxNodes            int
	IdleBeforeScaleDown string
	// Compute instance: shut down after IdleShutdown; OwnerParameter names
	// the deployment parameter holding the owner's Entra object ID.
	IdleShutdown   string
	OwnerParameter string
	// Kubernetes: the attached cluster, the namespace workloads run in
	// and the extension that must be installed first.
	Cluster   Ref
	Namespace string
}

func (*MLCompute) Type() Type { return TypeMLCompute }

// ApplicationInsights is a workspace-based Application Insights component.
type ApplicationInsights struct {
	Meta
	Workspace Ref
	// LocalAuthDisabled accepts only Entra ID authenticated telemetry.
	LocalAuthDisabled bool
	PublicIngestion   PublicAccess
	PublicQuery       PublicAccess
}

func (*ApplicationInsights) Type() Type { return TypeApplicationInsights }
