package terraform

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// Key Vault: vaults, keys with their rotation policy, and secrets.
//
// azurerm_key_vault_key and azurerm_key_vault_secret are data-plane
// resources: unlike the ARM deployment, which creates keys through the
// Resource Manager API, Terraform must run where it reaches the vault's
// private endpoint (a runner in the network or on premises), because the
// vaults' public network access is disabled.
func keyVaultKinds() table {
	t := table{}
	t.add(kind(keyVault))
	t.add(kind(keyVaultKey))
	t.add(kind(func(x *Ctx, r *model.KeyVaultSecret) error {
		v, err := x.Secret(r.Value)
		if err != nil {
			return err
		}
		b := x.Resource("azurerm_key_vault_secret", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("key_vault_id", x.ID(x.Address().Parent().Ref()))
		b.Set("value", v)
		if r.ContentType != "" {
			b.Set("content_type", String(r.ContentType))
		}
		x.tags(b)
		return nil
	}))
	return t
}

// keyVault writes an RBAC-authorised vault. Soft delete is always on in
// azurerm 4.x (the provider has no switch for it), as ARM's
// enableSoftDelete true.
func keyVault(x *Ctx, r *model.KeyVault) error {
	b := x.Top("azurerm_key_vault")
	b.Set("tenant_id", x.tenantID())
	b.Set("sku_name", String(string(r.SKU)))
	b.Set("rbac_authorization_enabled", Bool(r.RBACAuthorization))
	if r.SoftDeleteRetentionDays > 0 {
		b.Set("soft_delete_retention_days", Number(int64(r.SoftDeleteRetentionDays)))
	}
	b.Set("purge_protection_enabled", Bool(r.PurgeProtection))
	b.Set("enabled_for_deployment", Bool(r.ForDeployment))
	b.Set("enabled_for_disk_encryption", Bool(r.ForDiskEncryption))
	b.Set("enabled_for_template_deployment", Bool(r.ForTemplateDeployment))
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	if r.NetworkACL.DefaultAction != "" {
		n := b.Block("network_acls")
		n.Set("default_action", String(string(r.NetworkACL.DefaultAction)))
		n.Set("bypass", String(bypassList(r.NetworkACL.Bypass)[0]))
	}
	return nil
}

// keyVaultKey writes a key and its rotation policy. ARM's policy (expiry
// after Expiry; rotate and notify RotateBefore the expiry) is azurerm's
// expire_after, automatic.time_before_expiry and notify_before_expiry:
// https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
func keyVaultKey(x *Ctx, r *model.KeyVaultKey) error {
	if len(r.Operations) == 0 {
		return fmt.Errorf("key has no permitted operations")
	}
	b := x.Resource("azurerm_key_vault_key", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("key_vault_id", x.ID(x.Address().Parent().Ref()))
	b.Set("key_type", String(string(r.KeyType)))
	if r.Size > 0 {
		b.Set("key_size", Number(int64(r.Size)))
	}
	b.Set("key_opts", Strings(r.Operations))
	if r.Expiry != "" {
		p := b.Block("rotation_policy")
		p.Set("expire_after", String(r.Expiry))
		if r.RotateBefore != "" {
			p.Set("notify_before_expiry", String(r.RotateBefore))
			p.Block("automatic").Set("time_before_expiry", String(r.RotateBefore))
		}
	}
	x.tags(b)
	return nil
}

// tenantID is the tenant of the identity running Terraform, read from the
// azurerm_client_config data source (ARM: subscription().tenantId). The
// data block is declared once, in main.tf.
func (x *Ctx) tenantID() Expr {
	const file = "main.tf"
	for _, blk := range x.st.files[file] {
		if blk.Type == "data" && len(blk.Labels) == 2 && blk.Labels[0] == "azurerm_client_config" {
			return blk.Body.Attr("tenant_id")
		}
	}
	blk := &Block{Type: "data", Labels: []string{"azurerm_client_config", "current"}}
	b := newBody(blk)
	x.st.files[file] = append(x.st.files[file], blk)
	return b.Attr("tenant_id")
}
