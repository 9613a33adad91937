package model

import "net/netip"

// Data platform: Data Factory, Databricks, Synapse, Event Hubs and Stream
// Analytics. The data lake and the data Key Vault are storage and Key Vault
// kinds.

// Data Factory types.
const (
	TypeDataFactory                = Type("Microsoft.DataFactory/factories")
	TypeDataFactoryManagedVNet     = Type("Microsoft.DataFactory/factories/managedVirtualNetworks")
	TypeDataFactoryManagedEndpoint = Type("Microsoft.DataFactory/factories/managedVirtualNetworks/managedPrivateEndpoints")
	TypeIntegrationRuntime         = Type("Microsoft.DataFactory/factories/integrationRuntimes")
	TypeLinkedService              = Type("Microsoft.DataFactory/factories/linkedservices")
)

// DataFactory is an Azure Data Factory. Its pipelines reach data stores
// only through integration runtimes: the Azure runtime in the factory's
// managed virtual network (managed private endpoints) and self-hosted
// runtimes for on-premises sources.
type DataFactory struct {
	Meta
	Identity            Identity
	PublicNetworkAccess PublicAccess
	// CMK, when set, encrypts the factory's metadata with a customer-managed
	// key read by CMK.Identity, which must be one of Identity.UserAssigned.
	CMK *CustomerManagedKey
}

func (*DataFactory) Type() Type { return TypeDataFactory }

// DataFactoryManagedVNet is the virtual network Azure manages for a
// factory's Azure integration runtime; its name is "<factory>/default".
type DataFactoryManagedVNet struct {
	Meta
}

func (*DataFactoryManagedVNet) Type() Type { return TypeDataFactoryManagedVNet }

// DataFactoryManagedEndpoint is a private endpoint Azure creates in a
// factory's managed virtual network; its name is
// "<factory>/default/<endpoint>". The connection arrives at Target pending
// and takes effect once approved on the target resource.
type DataFactoryManagedEndpoint struct {
	Meta
	Target  Ref
	GroupID string
}

func (*DataFactoryManagedEndpoint) Type() Type { return TypeDataFactoryManagedEndpoint }

// IntegrationRuntime is a compute environment of a factory; its name is
// "<factory>/<runtime>". Exactly one of Managed and SelfHosted is set.
type IntegrationRuntime struct {
	Meta
	Description string
	Managed     *ManagedRuntime
	SelfHosted  *SelfHostedRuntime
}

func (*IntegrationRuntime) Type() Type { return TypeIntegrationRuntime }

// ManagedRuntime is an Azure integration runtime.
type ManagedRuntime struct {
	// VNet is the factory's managed virtual network the runtime runs in.
	VNet Ref
	// Location is the region the runtime computes in; pinning it to the
	// environment's region keeps data movement there.
	Location string
}

// SelfHostedRuntime is a self-hosted integration runtime: the resource in
// the factory that machines on the network register with.
type SelfHostedRuntime struct {
	// SelfContainedAuthoring serves interactive authoring (test connection,
	// data preview) from the runtime itself instead of through Azure Relay,
	// so the runtime needs no outbound path to the relay service.
	SelfContainedAuthoring bool
}

// LinkedService is a connection a factory's pipelines use; its name is
// "<factory>/<service>". Properties holds the connector-specific settings.
type LinkedService struct {
	Meta
	Description string
	// ConnectVia is the integration runtime the connection runs on.
	ConnectVia Ref
	Properties LinkedServiceProperties
}

func (*LinkedService) Type() Type { return TypeLinkedService }

// LinkedServiceProperties is the connector of a linked service: one of
// KeyVaultConnector, DataLakeConnector, OracleConnector,
// SQLServerConnector and PostgreSQLConnector.
type LinkedServiceProperties interface {
	// Connector returns the linked service type, "Oracle".
	Connector() string
}

// KeyVaultConnector reads secrets from a Key Vault with the factory's
// managed identity.
type KeyVaultConnector struct {
	Vault Ref
}

func (KeyVaultConnector) Connector() string { return "AzureKeyVault" }

// DataLakeConnector reaches a Data Lake Storage Gen2 account with the
// factory's managed identity (no keys, no SAS).
type DataLakeConnector struct {
	Account Ref
}

func (DataLakeConnector) Connector() string { return "AzureBlobFS" }

// LinkedSecret is a secret a connector reads from the vault behind a Key
// Vault linked service at run time; the template never holds its value.
type LinkedSecret struct {
	// Store is the LinkedService with a KeyVaultConnector.
	Store Ref
	Name  string
}

// DatabaseEndpoint is where an on-premises database listens and who the
// connector logs in as.
type DatabaseEndpoint struct {
	Host netip.Addr
	Port uint16
	// Database is the Oracle service name or the database name.
	Database string
	Username string
	Password LinkedSecret
}

// OracleConnector reaches an Oracle database with the version 2.0 connector
// and basic authentication.
type OracleConnector struct {
	DatabaseEndpoint
}

func (OracleConnector) Connector() string { return "Oracle" }

// SQLServerConnector reaches a SQL Server database with SQL authentication
// over an encrypted connection.
type SQLServerConnector struct {
	DatabaseEndpoint
}

func (SQLServerConnector) Connector() string { return "SqlServer" }

// PostgreSQLConnector reaches a PostgreSQL database with the version 2
// connector, basic authentication and TLS required.
type PostgreSQLConnector struct {
	DatabaseEndpoint
}

func (PostgreSQLConnector) Connector() string { return "PostgreSqlV2" }

// Databricks types.
const TypeDatabricksWorkspace = Type("Microsoft.Databricks/workspaces")

// DatabricksNSGRules says which network security group rules Azure
// Databricks adds to the injected subnets.
type DatabricksNSGRules string

const (
	// DatabricksAllRules keeps the rules for public control-plane access.
	DatabricksAllRules DatabricksNSGRules = "AllRules"
	// DatabricksNoAzureRules adds none: clusters reach the control plane
	// only through the back-end private endpoint.
	DatabricksNoAzureRules DatabricksNSGRules = "NoAzureDatabricksRules"
)

// DatabricksWorkspace is an Azure Databricks workspace whose classic compute
// is injected into the spoke's host and container subnets.
type DatabricksWorkspace struct {
	Meta
	// SKU is "premium"; private link and diagnostic logs need it.
	SKU string
	// ManagedResourceGroup is the name of the group Databricks creates for
	// its own resources (DBFS root storage, cluster VMs).
	ManagedResourceGroup string
	VirtualNetwork       Ref
	HostSubnet           Ref
	ContainerSubnet      Ref
	// NoPublicIP gives cluster nodes no public addresses (secure cluster
	// connectivity).
	NoPublicIP          bool
	PublicNetworkAccess PublicAccess
	RequiredNSGRules    DatabricksNSGRules
	// InfrastructureEncryption double-encrypts the DBFS root.
	InfrastructureEncryption bool
}

func (*DatabricksWorkspace) Type() Type { return TypeDatabricksWorkspace }

// Synapse types.
const (
	TypeSynapseWorkspace  = Type("Microsoft.Synapse/workspaces")
	TypeSynapseEntraAdmin = Type("Microsoft.Synapse/workspaces/administrators")
	TypeSynapseAuditing   = Type("Microsoft.Synapse/workspaces/auditingSettings")
	TypeSynapseAlerts     = Type("Microsoft.Synapse/workspaces/securityAlertPolicies")
)

// SynapseWorkspace is an Azure Synapse Analytics workspace.
type SynapseWorkspace struct {
	Meta
	Identity Identity
	// DataLake and FileSystem are the workspace's primary storage.
	DataLake   Ref
	FileSystem string
	// DataLakeEndpoint creates the managed private endpoint from the
	// managed virtual network to the primary storage's dfs endpoint.
	DataLakeEndpoint bool
	// ManagedVirtualNetwork runs the workspace's Spark and integration
	// compute in a virtual network Azure manages.
	ManagedVirtualNetwork bool
	// PreventDataExfiltration limits outbound traffic from the managed
	// network to managed private endpoints in AllowedTenants (none means
	// the workspace's own tenant only).
	PreventDataExfiltration bool
	AllowedTenants          []string
	PublicNetworkAccess     PublicAccess
	// EntraOnlyAuth turns off SQL authentication for every SQL pool.
	EntraOnlyAuth bool
	// SQLAdminLogin names the built-in SQL administrator, which exists
	// even when SQL authentication is off; it never gets a password here.
	SQLAdminLogin        string
	ManagedResourceGroup string
	// CMK, when set, adds customer-managed-key (double) encryption, with
	// CMK.Identity (one of Identity.UserAssigned) reading the key so that
	// the workspace activates without a manual step.
	CMK *CustomerManagedKey
}

func (*SynapseWorkspace) Type() Type { return TypeSynapseWorkspace }

// SynapseEntraAdmin makes an Entra ID group the workspace's SQL
// administrator; its name is "<workspace>/activeDirectory".
type SynapseEntraAdmin struct {
	Meta
	// Login is the display name, ObjectID the group's object ID.
	Login    string
	ObjectID string
}

func (*SynapseEntraAdmin) Type() Type { return TypeSynapseEntraAdmin }

// SynapseAuditing is the SQL auditing of a workspace's SQL pools; its
// name is "<workspace>/default". Audit events go to Azure Monitor (the
// workspace's diagnostic settings) when AzureMonitor is set.
type SynapseAuditing struct {
	Meta
	// ActionGroups are the audited action groups
	// (SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP, ...).
	ActionGroups []string
	AzureMonitor bool
}

func (*SynapseAuditing) Type() Type { return TypeSynapseAuditing }

// SynapseAlerts switches on Microsoft Defender for SQL's threat
// detection for a workspace's SQL pools; its name is "<workspace>/Default".
type SynapseAlerts struct {
	Meta
	// EmailAdmins sends alerts to the subscription's administrators too.
	EmailAdmins bool
}

func (*SynapseAlerts) Type() Type { return TypeSynapseAlerts }

// Event Hubs types.
const (
	TypeEventHubNamespace     = Type("Microsoft.EventHub/namespaces")
	TypeEventHub              = Type("Microsoft.EventHub/namespaces/eventhubs")
	TypeEventHubConsumerGroup = Type("Microsoft.EventHub/namespaces/eventhubs/consumergroups")
)

// EventHubSKU is an Event Hubs namespace tier.
type EventHubSKU string

const (
	EventHubStandard EventHubSKU = "Standard"
	EventHubPremium  EventHubSKU = "Premium"
)

// EventHubNamespace is an Event Hubs namespace.
type EventHubNamespace struct {
	Meta
	SKU EventHubSKU
	// ThroughputUnits is the baseline capacity; with AutoInflate the
	// namespace scales up to MaxThroughputUnits.
	ThroughputUnits    int
	AutoInflate        bool
	MaxThroughputUnits int
	// LocalAuthDisabled turns off shared access signatures: clients use
	// Entra ID.
	LocalAuthDisabled   bool
	MinimumTLS          string // "1.2"
	PublicNetworkAccess PublicAccess
	ZoneRedundant       bool
}

func (*EventHubNamespace) Type() Type { return TypeEventHubNamespace }

// EventHub is one event hub; its name is "<namespace>/<hub>".
type EventHub struct {
	Meta
	Partitions     int
	RetentionHours int
}

func (*EventHub) Type() Type { return TypeEventHub }

// EventHubConsumerGroup is a reader's position in an event hub; its name
// is "<namespace>/<hub>/<group>".
type EventHubConsumerGroup struct {
	Meta
	// Purpose says who reads with it.
	Purpose string
}

func (*EventHubConsumerGroup) Type() Type { return TypeEventHubConsumerGroup }

// Stream Analytics types.
const (
	TypeStreamAnalyticsCluster  = Type("Microsoft.StreamAnalytics/clusters")
	TypeStreamAnalyticsEndpoint = Type("Microsoft.StreamAnalytics/clusters/privateEndpoints")
	TypeStreamAnalyticsJob      = Type("Microsoft.StreamAnalytics/streamingjobs")
	TypeStreamAnalyticsInput    = Type("Microsoft.StreamAnalytics/streamingjobs/inputs")
	TypeStreamAnalyticsOutput   = Type("Microsoft.StreamAnalytics/streamingjobs/outputs")
	TypeStreamAnalyticsQuery    = Type("Microsoft.StreamAnalytics/streamingjobs/transformations")
)

// StreamAnalyticsCluster is a dedicated, single-tenant Stream Analytics
// cluster: the way Stream Analytics jobs reach inputs and outputs whose
// public network access is disabled, through managed private endpoints.
type StreamAnalyticsCluster struct {
	Meta
	// StreamingUnits is the cluster's capacity, a multiple of 36.
	StreamingUnits int
}

func (*StreamAnalyticsCluster) Type() Type { return TypeStreamAnalyticsCluster }

// StreamAnalyticsEndpoint is a managed private endpoint of a cluster; its
// name is "<cluster>/<endpoint>". Like Data Factory's, the connection
// arrives at Target pending approval.
type StreamAnalyticsEndpoint struct {
	Meta
	Target  Ref
	GroupID string
}

func (*StreamAnalyticsEndpoint) Type() Type { return TypeStreamAnalyticsEndpoint }

// StreamAnalyticsJob is a Stream Analytics job running on a cluster.
type StreamAnalyticsJob struct {
	Meta
	Identity Identity
	Cluster  Ref
	// CompatibilityLevel selects the query runtime behaviour ("1.2").
	CompatibilityLevel string
	// LateArrivalSeconds and OutOfOrderSeconds are how long the job waits
	// for late and out-of-order events; OutOfOrderAdjust keeps (rather than
	// drops) them, re-stamped.
	LateArrivalSeconds int
	OutOfOrderSeconds  int
	OutOfOrderAdjust   bool
	// StopOnOutputError stops the job rather than dropping events an
	// output rejects.
	StopOnOutputError bool
}

func (*StreamAnalyticsJob) Type() Type { return TypeStreamAnalyticsJob }

// StreamAnalyticsInput reads JSON events from an event hub with the job's
// managed identity; its name is "<job>/<input>".
type StreamAnalyticsInput struct {
	Meta
	EventHub      Ref
	ConsumerGroup Ref
}

func (*StreamAnalyticsInput) Type() Type { return TypeStreamAnalyticsInput }

// StreamAnalyticsOutput writes line-separated JSON to a container of a
// storage account with the job's managed identity; its name is
// "<job>/<output>". PathPattern may use {date} and {time}.
type StreamAnalyticsOutput struct {
	Meta
	Container   Ref
	PathPattern string
}

func (*StreamAnalyticsOutput) Type() Type { return TypeStreamAnalyticsOutput }

// StreamAnalyticsQuery is a job's query and its size; its name is
// "<job>/<transformation>".
type StreamAnalyticsQuery struct {
	Meta
	Query          string
	StreamingUnits int
}

func (*StreamAnalyticsQuery) Type() Type { return TypeStreamAnalyticsQuery }
