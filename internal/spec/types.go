// Package spec reads enclave.yaml into a Document. It checks the shape of
// what the user wrote (keys, types, names, addresses, references between
// parts of the file) and records where each part came from. It knows nothing
// about Azure resources: turning a Document into resources is compile's job.
package spec

import (
	"net/netip"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Document is a parsed enclave.yaml.
type Document struct {
	// Name is short and lowercase; it prefixes every resource name.
	Name string `yaml:"name" json:"name" jsonschema:"pattern=^[a-z][a-z0-9]{1\\,9}$,description=Short lowercase environment name (2-10 letters and digits) that prefixes every resource name"`
	// Location is the Azure region every resource is deployed to.
	Location string            `yaml:"location" json:"location" jsonschema:"description=Azure region for every resource (programmatic name such as australiaeast)"`
	Tags     map[string]string `yaml:"tags,omitempty" json:"tags,omitempty" jsonschema:"description=Tags added to every resource"`

	Network     Network      `yaml:"network" json:"network"`
	Team        Team         `yaml:"team" json:"team"`
	Services    Services     `yaml:"services,omitempty" json:"services,omitempty"`
	DataSources []DataSource `yaml:"dataSources,omitempty" json:"dataSources,omitempty"`
	Governance  Governance   `yaml:"governance,omitempty" json:"governance,omitempty"`
	Monitoring  Monitoring   `yaml:"monitoring,omitempty" json:"monitoring,omitempty"`
	Intents     []Intent     `yaml:"intents,omitempty" json:"intents,omitempty"`

	// File is the path the document was read from ("" for the built-in example).
	File string `yaml:"-" json:"-"`
	// Positions maps a dotted path ("team.members[2].name") to where its
	// value starts in the file.
	Positions map[string]diag.Pos `yaml:"-" json:"-"`
}

// Pos returns the position recorded for path, or the file alone.
func (d *Document) Pos(path string) diag.Pos {
	if p, ok := d.Positions[path]; ok {
		return p
	}
	return diag.Pos{File: d.File}
}

// Network describes the address space and how it connects outward.
type Network struct {
	// AddressSpace is the range every VNet and subnet is allocated from.
	AddressSpace netip.Prefix `yaml:"addressSpace" json:"addressSpace" jsonschema:"type=string,description=IPv4 CIDR range every VNet and subnet is carved from: /8 to /24 (a /20 holds every service)"`
	OnPremises   *OnPremises  `yaml:"onPremises,omitempty" json:"onPremises,omitempty"`
	Egress       Egress       `yaml:"egress,omitempty" json:"egress,omitempty"`
	// FirewallTier is Standard (default) or Premium.
	FirewallTier string `yaml:"firewallTier,omitempty" json:"firewallTier,omitempty" jsonschema:"default=Standard,enum=Standard,enum=Premium"`
}

// OnPremises describes the corporate network reached over VPN or ExpressRoute.
type OnPremises struct {
	AddressSpaces []netip.Prefix `yaml:"addressSpaces" json:"addressSpaces" jsonschema:"description=On-premises CIDR ranges routed through the gateway"`
	Connection    Connection     `yaml:"connection" json:"connection"`
	DNSServers    []netip.Addr   `yaml:"dnsServers,omitempty" json:"dnsServers,omitempty" jsonschema:"description=On-premises DNS servers (they forward private-link zones to the DNS resolver)"`
}

// ConnectionType is how on-premises is connected.
type ConnectionType string

const (
	ConnectionVPN          ConnectionType = "vpn"
	ConnectionExpressRoute ConnectionType = "expressroute"
)

// Connection is the link to on-premises.
type Connection struct {
	// Type is vpn (site-to-site IPsec) or expressroute.
	Type ConnectionType `yaml:"type" json:"type" jsonschema:"enum=vpn,enum=expressroute"`
	// PeerAddress is the public IP of the on-premises VPN device (vpn only).
	PeerAddress netip.Addr `yaml:"peerAddress,omitempty" json:"peerAddress,omitempty" jsonschema:"type=string,description=Public IP of the on-premises VPN device (vpn)"`
	// SharedKey names where the IPsec pre-shared key comes from (vpn only).
	SharedKey *SecretRef `yaml:"sharedKey,omitempty" json:"sharedKey,omitempty"`
	// CircuitID is the ExpressRoute circuit resource ID (expressroute only).
	CircuitID string `yaml:"circuitId,omitempty" json:"circuitId,omitempty"`
	// GatewaySKU overrides the gateway SKU (VpnGw2AZ / ErGw1AZ by default).
	GatewaySKU string `yaml:"gatewaySku,omitempty" json:"gatewaySku,omitempty"`
	// BGPASN enables BGP with the on-premises device when set.
	BGPASN uint32 `yaml:"bgpAsn,omitempty" json:"bgpAsn,omitempty"`
}

// SecretRef says where a secret comes from; the value itself is never in the
// spec. Exactly one field is set.
type SecretRef struct {
	// KeyVaultSecret is the name of a secret in the environment's Key Vault.
	KeyVaultSecret string `yaml:"keyVaultSecret,omitempty" json:"keyVaultSecret,omitempty" jsonschema:"pattern=^[0-9a-zA-Z-]{1\\,127}$"`
	// Parameter is the name of a secure deployment parameter.
	Parameter string `yaml:"parameter,omitempty" json:"parameter,omitempty" jsonschema:"pattern=^[a-zA-Z][a-zA-Z0-9]{0\\,63}$"`
}

// Egress says which internet destinations the firewall lets through.
type Egress struct {
	// Allow lists presets: python, conda, r, ubuntu, github, huggingface.
	Allow []string `yaml:"allow,omitempty" json:"allow,omitempty"`
	// FQDNs are extra host names allowed on 443 (wildcards "*.example.com").
	FQDNs []string `yaml:"fqdns,omitempty" json:"fqdns,omitempty"`
}

// Team is who works in the environment.
type Team struct {
	Groups       Groups              `yaml:"groups" json:"groups"`
	Members      []Member            `yaml:"members" json:"members"`
	Workstations WorkstationDefaults `yaml:"workstations,omitempty" json:"workstations,omitempty"`
}

// Groups are the Entra ID group object IDs roles are granted to.
type Groups struct {
	// DataScientists is the Entra ID group of the data scientists.
	DataScientists string `yaml:"dataScientists" json:"dataScientists" jsonschema:"format=uuid"`
	// DataEngineers is the Entra ID group of the data engineers.
	DataEngineers string `yaml:"dataEngineers" json:"dataEngineers" jsonschema:"format=uuid"`
	// Admins is the Entra ID group of the platform administrators.
	Admins string `yaml:"admins" json:"admins" jsonschema:"format=uuid"`
}

// Role is a team member's role.
type Role string

const (
	RoleDataScientist Role = "data-scientist"
	RoleDataEngineer  Role = "data-engineer"
	RoleAdmin         Role = "platform-admin"
)

// GroupForRole returns the key under team.groups that a role belongs to.
func GroupForRole(r Role) string {
	switch r {
	case RoleDataScientist:
		return "dataScientists"
	case RoleDataEngineer:
		return "dataEngineers"
	case RoleAdmin:
		return "admins"
	}
	return ""
}

// Member is one person in the team.
type Member struct {
	// Name is short and lowercase; it names the member's workstation.
	Name string `yaml:"name" json:"name" jsonschema:"pattern=^[a-z][a-z0-9]{0\\,11}$"`
	// Role decides the member's group, subnets and permissions.
	Role        Role         `yaml:"role" json:"role" jsonschema:"enum=data-scientist,enum=data-engineer,enum=platform-admin"`
	Workstation *Workstation `yaml:"workstation,omitempty" json:"workstation,omitempty"`
	Pos         diag.Pos     `yaml:"-" json:"-"`
}

// WorkstationKind is what a member works on.
type WorkstationKind string

const (
	WorkstationVM              WorkstationKind = "vm"
	WorkstationComputeInstance WorkstationKind = "computeInstance"
	WorkstationNone            WorkstationKind = "none"
)

// Workstation overrides the team defaults for one member.
type Workstation struct {
	// Kind is vm, computeInstance (an Azure ML compute instance) or none.
	Kind WorkstationKind `yaml:"kind,omitempty" json:"kind,omitempty" jsonschema:"enum=vm,enum=computeInstance,enum=none"`
	// Size is the Azure VM size, e.g. Standard_NC4as_T4_v3 for a GPU.
	Size string `yaml:"size,omitempty" json:"size,omitempty"`
}

// WorkstationDefaults apply to every member unless overridden.
type WorkstationDefaults struct {
	// Kind is vm, computeInstance (an Azure ML compute instance) or none.
	Kind WorkstationKind `yaml:"kind,omitempty" json:"kind,omitempty" jsonschema:"default=vm,enum=vm,enum=computeInstance,enum=none"`
	// Size is the Azure VM size of every workstation.
	Size string `yaml:"size,omitempty" json:"size,omitempty" jsonschema:"default=Standard_D4s_v5"`
	// OS is ubuntu (default) or windows.
	OS string `yaml:"os,omitempty" json:"os,omitempty" jsonschema:"default=ubuntu,enum=ubuntu,enum=windows"`
	// AutoShutdown is the local time (HH:MM) workstations stop every day.
	AutoShutdown string `yaml:"autoShutdown,omitempty" json:"autoShutdown,omitempty" jsonschema:"default=19:00,pattern=^([01][0-9]|2[0-3]):[0-5][0-9]$"`
	// TimeZone is the Windows time-zone ID for the shutdown schedule.
	TimeZone string `yaml:"timeZone,omitempty" json:"timeZone,omitempty" jsonschema:"default=UTC"`
	// DiskSizeGB is the OS disk size.
	DiskSizeGB int `yaml:"diskSizeGB,omitempty" json:"diskSizeGB,omitempty" jsonschema:"default=128,minimum=30,maximum=4095"`
}

// Toggle is embedded by every service: a service listed under services is on
// unless it says enabled: false.
type Toggle struct {
	// Enabled switches a listed service off when false.
	Enabled *bool `yaml:"enabled,omitempty" json:"enabled,omitempty"`
}

// On reports whether the service is switched on (t may be nil).
func (t *Toggle) On() bool { return t != nil && (t.Enabled == nil || *t.Enabled) }

// The services' own On methods make d.Services.X.On() safe when X is not
// listed: the method promoted from Toggle would dereference a nil pointer.

func (s *MachineLearning) On() bool { return s != nil && s.Toggle.On() }
func (s *Databricks) On() bool      { return s != nil && s.Toggle.On() }
func (s *Synapse) On() bool         { return s != nil && s.Toggle.On() }
func (s *DataFactory) On() bool     { return s != nil && s.Toggle.On() }
func (s *StreamAnalytics) On() bool { return s != nil && s.Toggle.On() }
func (s *Kubernetes) On() bool      { return s != nil && s.Toggle.On() }
func (s *AppService) On() bool      { return s != nil && s.Toggle.On() }

// Services are the platform services; each is on when present.
type Services struct {
	MachineLearning *MachineLearning `yaml:"machineLearning,omitempty" json:"machineLearning,omitempty"`
	Databricks      *Databricks      `yaml:"databricks,omitempty" json:"databricks,omitempty"`
	Synapse         *Synapse         `yaml:"synapse,omitempty" json:"synapse,omitempty"`
	DataFactory     *DataFactory     `yaml:"dataFactory,omitempty" json:"dataFactory,omitempty"`
	StreamAnalytics *StreamAnalytics `yaml:"streamAnalytics,omitempty" json:"streamAnalytics,omitempty"`
	Kubernetes      *Kubernetes      `yaml:"kubernetes,omitempty" json:"kubernetes,omitempty"`
	AppService      *AppService      `yaml:"appService,omitempty" json:"appService,omitempty"`
}

// Cluster sizes an Azure ML compute cluster.
type Cluster struct {
	// Size is the VM size of the nodes (Standard_DS3_v2 for CPU, Standard_NC4as_T4_v3 for GPU by default).
	Size string `yaml:"size,omitempty" json:"size,omitempty"`
	// MaxNodes is the most nodes the cluster scales out to; it scales to zero when idle.
	MaxNodes int `yaml:"maxNodes,omitempty" json:"maxNodes,omitempty" jsonschema:"default=4,minimum=1,maximum=100"`
}

// MachineLearning is the Azure ML workspace and its compute.
type MachineLearning struct {
	Toggle     `yaml:",inline" json:",inline"`
	CPUCluster *Cluster `yaml:"cpuCluster,omitempty" json:"cpuCluster,omitempty"`
	GPUCluster *Cluster `yaml:"gpuCluster,omitempty" json:"gpuCluster,omitempty"`
}

// Databricks is an Azure Databricks workspace with VNet injection.
type Databricks struct {
	Toggle `yaml:",inline" json:",inline"`
}

// Synapse is an Azure Synapse workspace with a managed VNet.
type Synapse struct {
	Toggle `yaml:",inline" json:",inline"`
	// SQLAdminLogin names the SQL administrator; its password is a secure parameter.
	SQLAdminLogin string `yaml:"sqlAdminLogin,omitempty" json:"sqlAdminLogin,omitempty"`
}

// DataFactory is Azure Data Factory with a managed VNet and a self-hosted IR.
type DataFactory struct {
	Toggle `yaml:",inline" json:",inline"`
	// IntegrationRuntimeSize is the VM size of the self-hosted integration runtime.
	IntegrationRuntimeSize string `yaml:"integrationRuntimeSize,omitempty" json:"integrationRuntimeSize,omitempty" jsonschema:"default=Standard_D4s_v5"`
}

// StreamAnalytics is Event Hubs plus a Stream Analytics job.
type StreamAnalytics struct {
	Toggle `yaml:",inline" json:",inline"`
	// StreamingUnits is the job's streaming units.
	StreamingUnits int `yaml:"streamingUnits,omitempty" json:"streamingUnits,omitempty" jsonschema:"default=3,minimum=1,maximum=120"`
}

// Kubernetes is the private AKS cluster used for model scoring.
type Kubernetes struct {
	Toggle `yaml:",inline" json:",inline"`
	// NodeSize is the VM size of the nodes.
	NodeSize string `yaml:"nodeSize,omitempty" json:"nodeSize,omitempty" jsonschema:"default=Standard_D4s_v5"`
	// NodeCount is the fewest nodes the autoscaler keeps.
	NodeCount int `yaml:"nodeCount,omitempty" json:"nodeCount,omitempty" jsonschema:"default=3,minimum=1,maximum=100"`
	// MaxNodes is the most nodes the autoscaler adds (the scoring subnet is sized for it).
	MaxNodes int `yaml:"maxNodes,omitempty" json:"maxNodes,omitempty" jsonschema:"minimum=1,maximum=1000"`
	// MaxPods is the pods per node (Azure CNI gives each an address).
	MaxPods int `yaml:"maxPods,omitempty" json:"maxPods,omitempty" jsonschema:"default=30,minimum=10,maximum=250"`
}

// AppService is a web app with VNet integration and a private endpoint.
type AppService struct {
	Toggle `yaml:",inline" json:",inline"`
	// SKU is the App Service plan SKU (Premium v3 for VNet integration and zones).
	SKU string `yaml:"sku,omitempty" json:"sku,omitempty" jsonschema:"default=P1v3"`
}

// DataSourceType is the kind of an external data source.
type DataSourceType string

const (
	DataSourceOracle    DataSourceType = "oracle"
	DataSourceSQLServer DataSourceType = "sqlserver"
	DataSourcePostgres  DataSourceType = "postgresql"
)

// DataSource is an on-premises database the team reads from.
type DataSource struct {
	// Name identifies the source in intents, linked services and firewall rules.
	Name string `yaml:"name" json:"name" jsonschema:"pattern=^[a-z][a-z0-9-]{0\\,30}$"`
	// Type is the database engine.
	Type DataSourceType `yaml:"type" json:"type" jsonschema:"enum=oracle,enum=sqlserver,enum=postgresql"`
	Host netip.Addr     `yaml:"host" json:"host" jsonschema:"type=string,description=IP address of the database on premises"`
	// Port is the TCP port the database listens on.
	Port uint16 `yaml:"port" json:"port" jsonschema:"minimum=1,maximum=65535"`
	// ServiceName is the Oracle service name or database name.
	ServiceName string `yaml:"serviceName,omitempty" json:"serviceName,omitempty"`
	// Username is the database login the integration runtime uses.
	Username string `yaml:"username,omitempty" json:"username,omitempty"`
	// Password names where the database password is kept.
	Password *SecretRef `yaml:"password,omitempty" json:"password,omitempty"`
	// Readers are team.groups keys whose subnets may reach the source.
	Readers []string `yaml:"readers" json:"readers"`
	Pos     diag.Pos `yaml:"-" json:"-"`
}

// Governance is policy, security posture and cost control.
type Governance struct {
	// AllowedLocations are the only regions Azure Policy lets resources be created in.
	AllowedLocations []string `yaml:"allowedLocations,omitempty" json:"allowedLocations,omitempty"`
	// AllowedVMSizes are the only VM sizes Azure Policy allows; every size the spec uses must be listed.
	AllowedVMSizes []string `yaml:"allowedVmSizes,omitempty" json:"allowedVmSizes,omitempty"`
	// CustomerManagedKeys encrypts data services with keys in the environment's Key Vaults.
	CustomerManagedKeys bool    `yaml:"customerManagedKeys,omitempty" json:"customerManagedKeys,omitempty"`
	Budget              *Budget `yaml:"budget,omitempty" json:"budget,omitempty"`
	// SecurityContact receives Defender for Cloud alerts.
	SecurityContact string `yaml:"securityContact,omitempty" json:"securityContact,omitempty" jsonschema:"format=email"`
	// Defender lists Defender for Cloud plans; empty means the recommended set.
	Defender []string `yaml:"defender,omitempty" json:"defender,omitempty"`
	// Exemptions accept policy findings the environment cannot or need not
	// fix, each with its reason; enclave check lists them as exempted and
	// the deployment carries them as policy exemptions where the policy is
	// assigned.
	Exemptions []PolicyExemption `yaml:"exemptions,omitempty" json:"exemptions,omitempty" jsonschema:"description=Policy findings accepted with a reason: listed as exempted by enclave check and deployed as policy exemptions where the policy is assigned"`
}

// ExemptionCategory says why a finding is accepted, in Azure Policy's
// terms.
type ExemptionCategory string

const (
	// ExemptionWaiver accepts the non-compliance.
	ExemptionWaiver ExemptionCategory = "Waiver"
	// ExemptionMitigated says the policy's intent is met another way.
	ExemptionMitigated ExemptionCategory = "Mitigated"
)

// PolicyExemption accepts the findings of one policy on the resources a
// selector picks.
type PolicyExemption struct {
	// Policy is the definition's name (a built-in's GUID, an enclave
	// baseline name such as enclave-aks-local-accounts) or its display name.
	Policy string `yaml:"policy" json:"policy" jsonschema:"description=Name of the exempted policy definition (a built-in's GUID or an enclave-... baseline name) or its display name"`
	// Resource selects the exempted resources: a resource type
	// (Microsoft.Web/sites), or a glob over <type>/<name>
	// (Microsoft.Storage/storageAccounts/stkodatalake*); empty means every
	// resource the policy judges.
	Resource string            `yaml:"resource,omitempty" json:"resource,omitempty" jsonschema:"description=Selects the exempted resources: a resource type (Microsoft.Web/sites) or a glob over <type>/<name> (Microsoft.Storage/storageAccounts/st*); every resource when omitted"`
	Category ExemptionCategory `yaml:"category" json:"category" jsonschema:"enum=Waiver,enum=Mitigated,description=Waiver accepts the risk; Mitigated says the intent is met another way"`
	Reason   string            `yaml:"reason" json:"reason" jsonschema:"description=Why the finding is accepted; shown by enclave check\\, in the docs and in Azure"`
}

// Budget is a monthly cost budget with alert thresholds.
type Budget struct {
	// Monthly is the budget amount in the billing currency.
	Monthly int `yaml:"monthly" json:"monthly" jsonschema:"minimum=1"`
	// Thresholds are percentages of the monthly amount that send an alert.
	Thresholds []int `yaml:"thresholds,omitempty" json:"thresholds,omitempty" jsonschema:"minimum=1,maximum=1000"`
	// Contacts are e-mailed when a threshold is crossed.
	Contacts []string `yaml:"contacts,omitempty" json:"contacts,omitempty" jsonschema:"format=email"`
}

// Monitoring configures logs and alerts.
type Monitoring struct {
	// RetentionDays is how long Log Analytics keeps data.
	RetentionDays int `yaml:"retentionDays,omitempty" json:"retentionDays,omitempty" jsonschema:"default=90,minimum=30,maximum=730"`
	// AlertEmails receive the alerts (VPN tunnel down, firewall health, failed ML runs, AKS nodes not ready).
	AlertEmails []string `yaml:"alertEmails,omitempty" json:"alertEmails,omitempty" jsonschema:"format=email"`
}

// Expect is what an intent says should happen.
type Expect string

const (
	ExpectAllow Expect = "allow"
	ExpectDeny  Expect = "deny"
)

// Intent is a network path the team needs (or must never have).
type Intent struct {
	// Name identifies the intent in reports.
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	// From is where traffic starts: a place (workstations, training,
	// scoring, endpoints, integration, bastion, internet, onprem), a member,
	// role, team.groups key, service or data source name, a host name, an IP
	// address or a CIDR range, each optionally with :port.
	From string `yaml:"from" json:"from"`
	// To is where traffic goes, written like from ("pypi.org:443").
	To string `yaml:"to" json:"to"`
	// Protocol is tcp (default), udp or any.
	Protocol string `yaml:"protocol,omitempty" json:"protocol,omitempty" jsonschema:"enum=tcp,enum=udp,enum=any"`
	// Expect is allow (the path must work) or deny (it must not).
	Expect Expect   `yaml:"expect" json:"expect" jsonschema:"enum=allow,enum=deny"`
	Pos    diag.Pos `yaml:"-" json:"-"`
}
