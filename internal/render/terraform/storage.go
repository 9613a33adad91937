package terraform

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Reasons the blob and file service settings are nested blocks of the
// account: azurerm_storage_account manages both services through its
// blob_properties and share_properties blocks and has no resource for
// either service
// (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account).
const (
	blobServiceFold = "azurerm_storage_account manages the blob service as its blob_properties block; azurerm has no blob service resource"
	fileServiceFold = "azurerm_storage_account manages the file service as its share_properties block; azurerm has no file service resource"
)

func storageKinds() table {
	t := table{}
	t.add(kind(storageAccount))
	t.add(kind(func(x *Ctx, r *model.BlobService) error {
		x.Fold(x.Address().Parent().Ref(), blobServiceFold)
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.FileService) error {
		x.Fold(x.Address().Parent().Ref(), fileServiceFold)
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.BlobContainer) error {
		// storage_account_id (rather than storage_account_name) makes
		// azurerm create the container through the Resource Manager API,
		// which works with shared keys off and public access disabled.
		b := x.Resource("azurerm_storage_container", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("storage_account_id", x.ID(x.Address().Parent().Parent().Ref()))
		b.Set("container_access_type", String("private"))
		return nil
	}))
	return t
}

// storageAccount writes a StorageV2 account, Hot tier, with its blob and
// file service settings folded in. The ARM sku "Standard_ZRS" is azurerm's
// account_tier "Standard" plus account_replication_type "ZRS".
func storageAccount(x *Ctx, r *model.StorageAccount) error {
	tier, replication, ok := strings.Cut(string(r.SKU), "_")
	if !ok {
		return fmt.Errorf("storage SKU %q is not TIER_REPLICATION", r.SKU)
	}
	b := x.Top("azurerm_storage_account")
	b.Set("account_kind", String("StorageV2"))
	b.Set("account_tier", String(tier))
	b.Set("account_replication_type", String(replication))
	b.Set("access_tier", String("Hot"))
	b.Set("is_hns_enabled", Bool(r.HierarchicalNamespace))
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	b.Set("shared_access_key_enabled", Bool(r.SharedKeyAccess))
	b.Set("allow_nested_items_to_be_public", Bool(r.BlobPublicAccess))
	b.Set("cross_tenant_replication_enabled", Bool(r.CrossTenantReplication))
	if r.CopyScopePrivateLink {
		b.Set("allowed_copy_scope", String("PrivateLink"))
	}
	if r.MinimumTLS != "" {
		b.Set("min_tls_version", String(string(r.MinimumTLS)))
	}
	b.Set("https_traffic_only_enabled", Bool(r.HTTPSOnly))
	b.Set("default_to_oauth_authentication", Bool(r.DefaultOAuth))
	b.Set("infrastructure_encryption_enabled", Bool(r.InfrastructureEncryption))
	// Queues and tables are encrypted with the account key, as blobs and
	// files are, so a customer-managed key covers all four services.
	b.Set("queue_encryption_key_type", String("Account"))
	b.Set("table_encryption_key_type", String("Account"))
	if r.NetworkACL.DefaultAction != "" {
		n := b.Block("network_rules")
		n.Set("default_action", String(string(r.NetworkACL.DefaultAction)))
		n.Set("bypass", Strings(bypassList(r.NetworkACL.Bypass)))
	}
	storageServices(x, b)
	x.Identity(b, r.Identity)
	if k := r.CMK; k != nil {
		if k.Key.Type != model.TypeKeyVaultKey {
			return fmt.Errorf("customer-managed key %s is not a Key Vault key", k.Key)
		}
		// The versionless key ID makes Storage follow key rotation, as the
		// ARM keyvaultproperties without a key version do.
		c := b.Block("customer_managed_key")
		c.Set("key_vault_key_id", x.Ref(k.Key, "versionless_id"))
		c.Set("user_assigned_identity_id", x.ID(k.Identity))
	}
	return nil
}

// storageServices writes the account's blob_properties and
// share_properties from the folded BlobService and FileService.
func storageServices(x *Ctx, b *Body) {
	acct := x.Address()
	if bs, ok := model.Lookup[*model.BlobService](x.Graph(), acct.Child("blobServices", "default").Ref()); ok {
		p := b.Block("blob_properties")
		p.Set("versioning_enabled", Bool(bs.Versioning))
		p.Set("change_feed_enabled", Bool(bs.ChangeFeed))
		// A retention block is soft delete on; its absence is off, as
		// deleteRetentionPolicy.enabled false in ARM.
		if bs.DeleteRetentionDays > 0 {
			p.Block("delete_retention_policy").Set("days", Number(int64(bs.DeleteRetentionDays)))
		}
		if bs.ContainerDeleteRetentionDays > 0 {
			p.Block("container_delete_retention_policy").Set("days", Number(int64(bs.ContainerDeleteRetentionDays)))
		}
	}
	if fs, ok := model.Lookup[*model.FileService](x.Graph(), acct.Child("fileServices", "default").Ref()); ok {
		p := b.Block("share_properties")
		if fs.ShareDeleteRetentionDays > 0 {
			p.Block("retention_policy").Set("days", Number(int64(fs.ShareDeleteRetentionDays)))
		}
	}
}

// bypassList spells a service firewall bypass as azurerm's set of names.
func bypassList(b model.NetworkBypass) []string {
	if b == "" {
		return []string{string(model.BypassNone)}
	}
	return []string{string(b)}
}

// setPublicAccess sets a boolean public network access attribute; an
// unset model value leaves the provider (and Azure) default, as the ARM
// rendering does.
func setPublicAccess(b *Body, attr string, p model.PublicAccess) {
	if p != "" {
		b.Set(attr, Bool(p == model.PublicEnabled))
	}
}
