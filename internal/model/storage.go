package model

// Storage: accounts, their blob and file services, blob containers.
const (
	TypeStorageAccount = Type("Microsoft.Storage/storageAccounts")
	TypeBlobService    = Type("Microsoft.Storage/storageAccounts/blobServices")
	TypeBlobContainer  = Type("Microsoft.Storage/storageAccounts/blobServices/containers")
	TypeFileService    = Type("Microsoft.Storage/storageAccounts/fileServices")
)

// StorageSKU is a storage account's redundancy, "Standard_ZRS".
type StorageSKU string

const (
	StorageStandardLRS  StorageSKU = "Standard_LRS"
	StorageStandardZRS  StorageSKU = "Standard_ZRS"
	StorageStandardGZRS StorageSKU = "Standard_GZRS"
)

// TLSVersion is a minimum TLS version as storage spells it.
type TLSVersion string

const TLS12 TLSVersion = "TLS1_2"

// NetworkBypass names the traffic a service firewall lets through even when
// its default action is Deny.
type NetworkBypass string

const (
	BypassNone          NetworkBypass = "None"
	BypassAzureServices NetworkBypass = "AzureServices"
)

// NetworkACL is the service firewall of a storage account or Key Vault.
// enclave never lists IP or VNet rules: traffic arrives through private
// endpoints, and trusted Azure services through Bypass.
type NetworkACL struct {
	DefaultAction Access
	Bypass        NetworkBypass
}

// CustomerManagedKey says which Key Vault key encrypts a resource and which
// user-assigned identity reads it. Key refers to a KeyVaultKey; the vault
// is its parent.
type CustomerManagedKey struct {
	Key      Ref
	Identity Ref
}

// StorageAccount is a general-purpose v2 storage account.
type StorageAccount struct {
	Meta
	SKU StorageSKU
	// HierarchicalNamespace makes it a Data Lake Storage Gen2 account.
	HierarchicalNamespace bool
	Identity              Identity
	PublicNetworkAccess   PublicAccess
	NetworkACL            NetworkACL
	// SharedKeyAccess allows account keys and SAS signed with them; enclave
	// leaves it off so that every caller authenticates with Entra ID.
	SharedKeyAccess bool
	// BlobPublicAccess allows containers to be opened anonymously.
	BlobPublicAccess bool
	// CrossTenantReplication allows object replication to other tenants.
	CrossTenantReplication bool
	// CopyScopePrivateLink limits copy sources to private-linked accounts.
	CopyScopePrivateLink bool
	MinimumTLS           TLSVersion
	HTTPSOnly            bool
	// DefaultOAuth makes the portal use Entra ID rather than keys.
	DefaultOAuth bool
	// InfrastructureEncryption adds a second layer of platform encryption.
	InfrastructureEncryption bool
	// CMK, when set, encrypts with a customer-managed key instead of
	// Microsoft-managed keys.
	CMK *CustomerManagedKey
	// SASExpiration is the longest validity a SAS should have
	// ("d.hh:mm:ss", sasPolicy.sasExpirationPeriod); a longer one is
	// refused. Empty sets no policy.
	SASExpiration string
}

func (*StorageAccount) Type() Type { return TypeStorageAccount }

// BlobService is an account's blob service settings; its name is
// "<account>/default".
type BlobService struct {
	Meta
	// DeleteRetentionDays keeps deleted blobs (soft delete); 0 disables it.
	DeleteRetentionDays int
	// ContainerDeleteRetentionDays keeps deleted containers.
	ContainerDeleteRetentionDays int
	// Versioning keeps previous versions of blobs (not available with a
	// hierarchical namespace).
	Versioning bool
	// ChangeFeed records every change (not available with a hierarchical
	// namespace).
	ChangeFeed bool
}

func (*BlobService) Type() Type { return TypeBlobService }

// BlobContainer is a private blob container; its name is
// "<account>/default/<container>".
type BlobContainer struct {
	Meta
}

func (*BlobContainer) Type() Type { return TypeBlobContainer }

// FileService is an account's file service settings; its name is
// "<account>/default".
type FileService struct {
	Meta
	// ShareDeleteRetentionDays keeps deleted shares (soft delete).
	ShareDeleteRetentionDays int
}

func (*FileService) Type() Type { return TypeFileService }
