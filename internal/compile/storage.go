package compile

import (
	"slices"

	"github.com/enclave-dev/enclave/internal/model"
)

// storageOptions says which storage account to create.
type storageOptions struct {
	// Purpose names the account, "st<env><purpose><suffix>"; lowercase
	// letters and digits only ("ml", "lake").
	Purpose string
	// Concern is the resource group concern it goes in (RGML, RGData...).
	Concern string
	// SKU defaults to Standard_ZRS.
	SKU model.StorageSKU
	// HierarchicalNamespace makes a Data Lake Storage Gen2 account.
	HierarchicalNamespace bool
	// Endpoints are the private-link sub-resources to connect, in order
	// ("blob", "file", "dfs", "queue", "table").
	Endpoints []string
	// Containers are private blob containers to create.
	Containers []string
	// SharedKey keeps account-key access on, for a service that documents
	// it cannot work without it; off by default.
	SharedKey bool
	// CMK, when set, encrypts the account with a customer-managed key.
	CMK *cmkOptions
}

// Blob soft-delete retention for blobs and containers, and file share
// soft-delete retention.
const (
	blobRetentionDays  = 30
	shareRetentionDays = 30
)

// storageAccount creates a hardened StorageV2 account: public network access
// disabled and a default-deny firewall letting trusted Azure services
// through, shared keys off, no anonymous blob access, TLS 1.2 and HTTPS
// only, Entra ID by default in the portal, copies only between private-link
// accounts, no cross-tenant replication, infrastructure (double) encryption
// and, with opts.CMK, a customer-managed key. It adds the blob service with
// soft delete (plus versioning and change feed without a hierarchical
// namespace), the requested containers, the file service when "file" is an
// endpoint, a private endpoint per requested sub-resource and diagnostic
// settings (account metrics; blob and file logs and metrics).
// sasExpiration caps SAS validity at seven days, the longest a user
// delegation SAS can have; longer ones are refused (expiration action
// Block)
// (https://learn.microsoft.com/azure/storage/common/sas-expiration-policy).
const sasExpiration = "7.00:00:00"

func (c *ctx) storageAccount(opts storageOptions) model.Ref {
	sku := opts.SKU
	if sku == "" {
		sku = model.StorageStandardZRS
	}
	acct := &model.StorageAccount{
		Meta:                     model.Meta{Name: c.names.Global("st", opts.Purpose, false, 24), Group: c.rg(opts.Concern)},
		SKU:                      sku,
		HierarchicalNamespace:    opts.HierarchicalNamespace,
		PublicNetworkAccess:      model.PublicDisabled,
		NetworkACL:               model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices},
		SharedKeyAccess:          opts.SharedKey,
		CopyScopePrivateLink:     true,
		MinimumTLS:               model.TLS12,
		HTTPSOnly:                true,
		DefaultOAuth:             true,
		InfrastructureEncryption: true,
		SASExpiration:            sasExpiration,
	}
	if opts.CMK != nil {
		id := opts.CMK.identity(c)
		key, grant := c.cmkKey(opts.CMK.Vault, "cmk-"+acct.Name, id)
		acct.Identity = model.Identity{UserAssigned: []model.Ref{id}}
		acct.CMK = &model.CustomerManagedKey{Key: key, Identity: id}
		acct.DependsOn = append(acct.DependsOn, grant)
	}
	ref := c.add(acct)
	c.diagnostics(ref, noLogs, true)

	blob := c.add(&model.BlobService{
		Meta:                         model.Meta{Name: acct.Name + "/default", Group: acct.Group},
		DeleteRetentionDays:          blobRetentionDays,
		ContainerDeleteRetentionDays: blobRetentionDays,
		Versioning:                   !opts.HierarchicalNamespace,
		ChangeFeed:                   !opts.HierarchicalNamespace,
	})
	c.diagnostics(blob, allLogs, true)
	for _, name := range opts.Containers {
		c.add(&model.BlobContainer{Meta: model.Meta{Name: blob.Name + "/" + name, Group: acct.Group}})
	}
	if slices.Contains(opts.Endpoints, "file") {
		file := c.add(&model.FileService{
			Meta:                     model.Meta{Name: acct.Name + "/default", Group: acct.Group},
			ShareDeleteRetentionDays: shareRetentionDays,
		})
		c.diagnostics(file, allLogs, true)
	}
	for _, sub := range opts.Endpoints {
		c.privateEndpoint(ref, sub)
	}
	return ref
}
