package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type storageProps struct {
	AccessTier                   string              `json:"accessTier"`
	AllowBlobPublicAccess        bool                `json:"allowBlobPublicAccess"`
	AllowCrossTenantReplication  bool                `json:"allowCrossTenantReplication"`
	AllowSharedKeyAccess         bool                `json:"allowSharedKeyAccess"`
	AllowedCopyScope             string              `json:"allowedCopyScope,omitempty"`
	DefaultToOAuthAuthentication bool                `json:"defaultToOAuthAuthentication"`
	Encryption                   storageEncryption   `json:"encryption"`
	IsHnsEnabled                 bool                `json:"isHnsEnabled"`
	MinimumTLSVersion            string              `json:"minimumTlsVersion"`
	NetworkAcls                  storageNetworkRules `json:"networkAcls"`
	PublicNetworkAccess          string              `json:"publicNetworkAccess"`
	SupportsHTTPSTrafficOnly     bool                `json:"supportsHttpsTrafficOnly"`
	SASPolicy                    *storageSASPolicy   `json:"sasPolicy,omitempty"`
}

type storageSASPolicy struct {
	SASExpirationPeriod string `json:"sasExpirationPeriod"`
	ExpirationAction    string `json:"expirationAction"`
}

type storageNetworkRules struct {
	Bypass        string `json:"bypass"`
	DefaultAction string `json:"defaultAction"`
}

type storageEncryption struct {
	KeySource                       string                  `json:"keySource"`
	RequireInfrastructureEncryption bool                    `json:"requireInfrastructureEncryption"`
	Services                        storageEncServices      `json:"services"`
	KeyVaultProperties              *storageKeyVaultProps   `json:"keyvaultproperties,omitempty"`
	Identity                        *storageEncryptionIdent `json:"identity,omitempty"`
}

type storageEncServices struct {
	Blob  storageEncService `json:"blob"`
	File  storageEncService `json:"file"`
	Queue storageEncService `json:"queue"`
	Table storageEncService `json:"table"`
}

type storageEncService struct {
	Enabled bool   `json:"enabled"`
	KeyType string `json:"keyType"`
}

type storageKeyVaultProps struct {
	KeyName     string `json:"keyname"`
	KeyVaultURI string `json:"keyvaulturi"`
}

type storageEncryptionIdent struct {
	UserAssignedIdentity string `json:"userAssignedIdentity"`
}

type blobServiceProps struct {
	DeleteRetentionPolicy          retentionPolicy `json:"deleteRetentionPolicy"`
	ContainerDeleteRetentionPolicy retentionPolicy `json:"containerDeleteRetentionPolicy"`
	IsVersioningEnabled            bool            `json:"isVersioningEnabled"`
	ChangeFeed                     *changeFeed     `json:"changeFeed,omitempty"`
}

type retentionPolicy struct {
	Enabled bool `json:"enabled"`
	Days    int  `json:"days,omitempty"`
}

type changeFeed struct {
	Enabled bool `json:"enabled"`
}

type containerProps struct {
	PublicAccess string `json:"publicAccess"`
}

type fileServiceProps struct {
	ShareDeleteRetentionPolicy retentionPolicy `json:"shareDeleteRetentionPolicy"`
}

func storageKinds() table {
	t := table{}
	t.add(kind("2026-04-01", storageAccount))
	t.add(kind("2026-04-01", func(x *Ctx, r *model.BlobService) (Body, error) {
		p := blobServiceProps{
			DeleteRetentionPolicy:          retention(r.DeleteRetentionDays),
			ContainerDeleteRetentionPolicy: retention(r.ContainerDeleteRetentionDays),
			IsVersioningEnabled:            r.Versioning,
		}
		if r.ChangeFeed {
			p.ChangeFeed = &changeFeed{Enabled: true}
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2026-04-01", func(x *Ctx, r *model.BlobContainer) (Body, error) {
		return Body{Properties: containerProps{PublicAccess: "None"}, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2026-04-01", func(x *Ctx, r *model.FileService) (Body, error) {
		return Body{Properties: fileServiceProps{ShareDeleteRetentionPolicy: retention(r.ShareDeleteRetentionDays)}, NoLocation: true, NoTags: true}, nil
	}))
	return t
}

// storageAccount renders a StorageV2 account, Hot tier.
func storageAccount(x *Ctx, r *model.StorageAccount) (Body, error) {
	enc := storageEncryption{
		KeySource:                       "Microsoft.Storage",
		RequireInfrastructureEncryption: r.InfrastructureEncryption,
		Services: storageEncServices{
			Blob:  storageEncService{Enabled: true, KeyType: "Account"},
			File:  storageEncService{Enabled: true, KeyType: "Account"},
			Queue: storageEncService{Enabled: true, KeyType: "Account"},
			Table: storageEncService{Enabled: true, KeyType: "Account"},
		},
	}
	if k := r.CMK; k != nil {
		vault := k.Key.Parent()
		if vault.Type != model.TypeKeyVault {
			return Body{}, fmt.Errorf("customer-managed key %s is not a Key Vault key", k.Key)
		}
		enc.KeySource = "Microsoft.Keyvault"
		enc.KeyVaultProperties = &storageKeyVaultProps{KeyName: k.Key.Leaf(), KeyVaultURI: vaultURI(vault.Ref())}
		enc.Identity = &storageEncryptionIdent{UserAssignedIdentity: x.ID(k.Identity)}
	}
	p := storageProps{
		AccessTier:                   "Hot",
		AllowBlobPublicAccess:        r.BlobPublicAccess,
		AllowCrossTenantReplication:  r.CrossTenantReplication,
		AllowSharedKeyAccess:         r.SharedKeyAccess,
		DefaultToOAuthAuthentication: r.DefaultOAuth,
		Encryption:                   enc,
		IsHnsEnabled:                 r.HierarchicalNamespace,
		MinimumTLSVersion:            string(r.MinimumTLS),
		NetworkAcls:                  storageNetworkRules{Bypass: string(r.NetworkACL.Bypass), DefaultAction: string(r.NetworkACL.DefaultAction)},
		PublicNetworkAccess:          string(r.PublicNetworkAccess),
		SupportsHTTPSTrafficOnly:     r.HTTPSOnly,
	}
	if r.CopyScopePrivateLink {
		p.AllowedCopyScope = "PrivateLink"
	}
	if r.SASExpiration != "" {
		p.SASPolicy = &storageSASPolicy{SASExpirationPeriod: r.SASExpiration, ExpirationAction: "Block"}
	}
	return Body{Kind: "StorageV2", SKU: SKU{Name: string(r.SKU)}, Identity: x.Identity(r.Identity), Properties: p}, nil
}

func retention(days int) retentionPolicy {
	return retentionPolicy{Enabled: days > 0, Days: days}
}
