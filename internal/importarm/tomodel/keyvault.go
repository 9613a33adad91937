package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Key Vaults with their keys and secrets, the reverse of
// internal/render/arm/keyvault.go.
func keyVaultKinds(g *Registry) {
	g.Add(model.TypeKeyVault, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		kv := &model.KeyVault{
			Meta:                    x.Meta(),
			SKU:                     model.VaultSKU(strings.ToLower(x.Str(p.At("sku", "name")))),
			PublicNetworkAccess:     publicAccess(x),
			NetworkACL:              serviceACL(x, p.Get("networkAcls")),
			RBACAuthorization:       x.Bool(p.Get("enableRbacAuthorization")),
			SoftDeleteRetentionDays: x.Int(p.Get("softDeleteRetentionInDays")),
			PurgeProtection:         x.Bool(p.Get("enablePurgeProtection")),
			ForDeployment:           x.Bool(p.Get("enabledForDeployment")),
			ForDiskEncryption:       x.Bool(p.Get("enabledForDiskEncryption")),
			ForTemplateDeployment:   x.Bool(p.Get("enabledForTemplateDeployment")),
		}
		// Soft delete cannot be turned off and keeps deleted vaults 90
		// days unless told otherwise.
		// https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
		if kv.SoftDeleteRetentionDays == 0 && p.Get("softDeleteRetentionInDays").Null() {
			kv.SoftDeleteRetentionDays = 90
		}
		return kv, nil
	})
	g.Add(model.TypeKeyVaultKey, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		k := &model.KeyVaultKey{
			Meta:       x.Meta(),
			KeyType:    model.KeyType(x.Str(p.Get("kty"))),
			Size:       x.Int(p.Get("keySize")),
			Operations: x.Strs(p.Get("keyOps")),
			Expiry:     x.Str(p.At("rotationPolicy", "attributes", "expiryTime")),
		}
		// The model rotates and notifies at the same time before expiry;
		// the rotate action's trigger is the one that matters.
		// https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation
		for _, a := range x.Items(p.At("rotationPolicy", "lifetimeActions")) {
			if strings.EqualFold(x.Str(a.At("action", "type")), "rotate") {
				k.RotateBefore = x.Str(a.At("trigger", "timeBeforeExpiry"))
			}
		}
		return k, nil
	})
	g.Add(model.TypeKeyVaultSecret, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.KeyVaultSecret{Meta: x.Meta(), Value: x.secret(p.Get("value")), ContentType: x.Str(p.Get("contentType"))}, nil
	})
}
