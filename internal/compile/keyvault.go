package compile

import "github.com/enclave-dev/enclave/internal/model"

// vaultOptions says which Key Vault to create.
type vaultOptions struct {
	// Purpose names the vault, "kv-<env>-<purpose>-<suffix>"; lowercase
	// letters and digits, short ("ml", "data").
	Purpose string
	// Concern is the resource group concern it goes in (RGML, RGData...).
	Concern string
}

// Key Vault defaults: the longest soft-delete retention Azure allows, and
// key versions that live two years and rotate a month before they expire.
const (
	vaultRetentionDays = 90
	keyExpiry          = "P2Y"
	keyRotateBefore    = "P30D"
	keySize            = 3072
)

// keyVault creates a hardened vault: premium (HSM-backed keys), Azure RBAC
// instead of access policies, soft delete for 90 days with purge protection,
// public network access disabled with a default-deny firewall that lets
// trusted Azure services through, no template/VM/disk access outside RBAC, a
// private endpoint for the "vault" sub-resource and diagnostic settings.
func (c *ctx) keyVault(opts vaultOptions) model.Ref {
	ref := c.add(&model.KeyVault{
		Meta:                    model.Meta{Name: c.names.Global("kv", opts.Purpose, true, 24), Group: c.rg(opts.Concern)},
		SKU:                     model.VaultPremium,
		PublicNetworkAccess:     model.PublicDisabled,
		NetworkACL:              model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices},
		RBACAuthorization:       true,
		SoftDeleteRetentionDays: vaultRetentionDays,
		PurgeProtection:         true,
	})
	c.privateEndpoint(ref, "vault")
	c.diagnostics(ref, allLogs, true)
	return ref
}

// cmkKey creates an HSM-backed RSA key named name in vault for
// customer-managed encryption, rotated automatically, and grants identity
// (a user-assigned identity) "Key Vault Crypto Service Encryption User" on
// that key only. It returns the key and the role assignment, which the
// encrypted resource must depend on: Azure checks key access when the
// resource is created.
func (c *ctx) cmkKey(vault model.Ref, name string, identity model.Ref) (key, grant model.Ref) {
	key = c.add(&model.KeyVaultKey{
		Meta:         model.Meta{Name: vault.Name + "/" + name, Group: vault.Group},
		KeyType:      model.KeyRSAHSM,
		Size:         keySize,
		Operations:   []string{"wrapKey", "unwrapKey"},
		Expiry:       keyExpiry,
		RotateBefore: keyRotateBefore,
	})
	grant = c.grant(key, "Key Vault Crypto Service Encryption User", userIdentity(identity))
	return key, grant
}

// keyIdentity returns the user-assigned identity services use to read their
// customer-managed keys (c.cmkIdentity), creating it in the ops resource
// group on first use.
func (c *ctx) keyIdentity() model.Ref {
	if c.cmkIdentity.IsZero() {
		c.cmkIdentity = c.add(&model.UserAssignedIdentity{
			Meta:    model.Meta{Name: c.names.Name("id", "cmk"), Group: c.rg(RGOps)},
			Purpose: "reads customer-managed encryption keys from Key Vault",
		})
	}
	return c.cmkIdentity
}

// cmkOptions asks for customer-managed-key encryption with a key created in
// Vault. A zero Identity means the shared c.keyIdentity().
type cmkOptions struct {
	Vault    model.Ref
	Identity model.Ref
}

// identity returns the identity that reads the key.
func (o *cmkOptions) identity(c *ctx) model.Ref {
	if o.Identity.IsZero() {
		return c.keyIdentity()
	}
	return o.Identity
}
