package model

// Key Vault: vaults, keys and secrets.
const (
	TypeKeyVault       = Type("Microsoft.KeyVault/vaults")
	TypeKeyVaultKey    = Type("Microsoft.KeyVault/vaults/keys")
	TypeKeyVaultSecret = Type("Microsoft.KeyVault/vaults/secrets")
)

// VaultSKU is a Key Vault's pricing tier; premium allows HSM-backed keys.
type VaultSKU string

const (
	VaultStandard VaultSKU = "standard"
	VaultPremium  VaultSKU = "premium"
)

// KeyVault is a vault authorised with Azure RBAC (no access policies).
type KeyVault struct {
	Meta
	SKU                 VaultSKU
	PublicNetworkAccess PublicAccess
	NetworkACL          NetworkACL
	// RBACAuthorization uses Azure role assignments for the data plane.
	RBACAuthorization bool
	// SoftDeleteRetentionDays keeps deleted vaults and objects (7-90).
	SoftDeleteRetentionDays int
	// PurgeProtection forbids purging deleted objects before retention ends.
	PurgeProtection bool
	// ForDeployment, ForDiskEncryption and ForTemplateDeployment let Azure
	// services read secrets outside RBAC; enclave leaves them off.
	ForDeployment         bool
	ForDiskEncryption     bool
	ForTemplateDeployment bool
}

func (*KeyVault) Type() Type { return TypeKeyVault }

// KeyType is a key's algorithm family and protection.
type KeyType string

const (
	KeyRSA    KeyType = "RSA"
	KeyRSAHSM KeyType = "RSA-HSM"
)

// KeyVaultKey is a key created in a vault, rotated automatically; its name
// is "<vault>/<key>".
type KeyVaultKey struct {
	Meta
	KeyType KeyType
	Size    int
	// Operations are the permitted key operations ("wrapKey", "unwrapKey").
	Operations []string
	// Expiry is how long a key version lives, as an ISO 8601 duration
	// ("P2Y"); RotateBefore is how long before expiry a new version is made.
	Expiry       string
	RotateBefore string
}

func (*KeyVaultKey) Type() Type { return TypeKeyVaultKey }

// KeyVaultSecret is a secret whose value comes from a secure deployment
// parameter; its name is "<vault>/<secret>".
type KeyVaultSecret struct {
	Meta
	Value       Secret
	ContentType string
}

func (*KeyVaultSecret) Type() Type { return TypeKeyVaultSecret }
