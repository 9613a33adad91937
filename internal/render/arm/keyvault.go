package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type vaultProps struct {
	TenantID                     string           `json:"tenantId"`
	SKU                          SKU              `json:"sku"`
	EnableRbacAuthorization      bool             `json:"enableRbacAuthorization"`
	EnableSoftDelete             bool             `json:"enableSoftDelete"`
	SoftDeleteRetentionInDays    int              `json:"softDeleteRetentionInDays"`
	EnablePurgeProtection        *bool            `json:"enablePurgeProtection,omitempty"`
	EnabledForDeployment         bool             `json:"enabledForDeployment"`
	EnabledForDiskEncryption     bool             `json:"enabledForDiskEncryption"`
	EnabledForTemplateDeployment bool             `json:"enabledForTemplateDeployment"`
	PublicNetworkAccess          string           `json:"publicNetworkAccess"`
	NetworkAcls                  vaultNetworkACLs `json:"networkAcls"`
}

type vaultNetworkACLs struct {
	Bypass        string `json:"bypass"`
	DefaultAction string `json:"defaultAction"`
}

type keyProps struct {
	Kty            string          `json:"kty"`
	KeySize        int             `json:"keySize,omitempty"`
	KeyOps         []string        `json:"keyOps,omitempty"`
	Attributes     keyAttributes   `json:"attributes"`
	RotationPolicy *rotationPolicy `json:"rotationPolicy,omitempty"`
}

type keyAttributes struct {
	Enabled bool `json:"enabled"`
}

type rotationPolicy struct {
	Attributes      rotationAttributes `json:"attributes"`
	LifetimeActions []lifetimeAction   `json:"lifetimeActions"`
}

type rotationAttributes struct {
	ExpiryTime string `json:"expiryTime"`
}

type lifetimeAction struct {
	Trigger lifetimeTrigger `json:"trigger"`
	Action  lifetimeDo      `json:"action"`
}

type lifetimeTrigger struct {
	TimeBeforeExpiry string `json:"timeBeforeExpiry"`
}

type lifetimeDo struct {
	Type string `json:"type"`
}

type secretProps struct {
	Value       string        `json:"value"`
	ContentType string        `json:"contentType,omitempty"`
	Attributes  keyAttributes `json:"attributes"`
}

func keyVaultKinds() table {
	t := table{}
	t.add(kind("2026-02-01", func(x *Ctx, r *model.KeyVault) (Body, error) {
		p := vaultProps{
			TenantID:                     "[subscription().tenantId]",
			SKU:                          SKU{Name: string(r.SKU), Family: "A"},
			EnableRbacAuthorization:      r.RBACAuthorization,
			EnableSoftDelete:             true,
			SoftDeleteRetentionInDays:    r.SoftDeleteRetentionDays,
			EnabledForDeployment:         r.ForDeployment,
			EnabledForDiskEncryption:     r.ForDiskEncryption,
			EnabledForTemplateDeployment: r.ForTemplateDeployment,
			PublicNetworkAccess:          string(r.PublicNetworkAccess),
			NetworkAcls:                  vaultNetworkACLs{Bypass: string(r.NetworkACL.Bypass), DefaultAction: string(r.NetworkACL.DefaultAction)},
		}
		if r.PurgeProtection {
			// Azure accepts only true here; absence means off.
			on := true
			p.EnablePurgeProtection = &on
		}
		return Body{Properties: p}, nil
	}))
	t.add(kind("2026-02-01", func(x *Ctx, r *model.KeyVaultKey) (Body, error) {
		p := keyProps{Kty: string(r.KeyType), KeySize: r.Size, KeyOps: r.Operations, Attributes: keyAttributes{Enabled: true}}
		if r.Expiry != "" {
			p.RotationPolicy = &rotationPolicy{
				Attributes: rotationAttributes{ExpiryTime: r.Expiry},
				LifetimeActions: []lifetimeAction{
					{Trigger: lifetimeTrigger{TimeBeforeExpiry: r.RotateBefore}, Action: lifetimeDo{Type: "rotate"}},
					{Trigger: lifetimeTrigger{TimeBeforeExpiry: r.RotateBefore}, Action: lifetimeDo{Type: "notify"}},
				},
			}
		}
		return Body{Properties: p, NoLocation: true}, nil
	}))
	t.add(kind("2026-02-01", func(x *Ctx, r *model.KeyVaultSecret) (Body, error) {
		v, err := x.Secret(r.Value)
		if err != nil {
			return Body{}, err
		}
		return Body{Properties: secretProps{Value: v, ContentType: r.ContentType, Attributes: keyAttributes{Enabled: true}}, NoLocation: true}, nil
	}))
	return t
}

// vaultURI is the expression for a vault's URI, built from its name and the
// cloud's Key Vault DNS suffix so no reference() to the vault is needed.
func vaultURI(vault model.Ref) string {
	return fmt.Sprintf("[format('https://{0}{1}/', %s, environment().suffixes.keyvaultDns)]", quote(vault.Leaf()))
}

// keyURIWithVersion is the expression for the current version's URI of a
// Key Vault key.
func (x *Ctx) keyURIWithVersion(key model.Ref) string {
	return fmt.Sprintf("[reference(%s, '%s').keyUriWithVersion]", x.IDExpr(key), x.kinds[model.TypeKeyVaultKey].apiVersion)
}
