package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Lake file systems: raw receives data as it lands (Data Factory copies,
// Stream Analytics output), curated holds cleaned and conformed data, and
// workspace is Synapse's primary file system.
const (
	lakeRaw       = "raw"
	lakeCurated   = "curated"
	lakeWorkspace = "workspace"
)

// buildDataLake creates the data Key Vault and the Data Lake Storage Gen2
// account in the data resource group.
//
// The data vault holds the data platform's customer-managed keys and the
// passwords of on-premises data sources. A source's password is never in
// the spec or the template: the spec names a secret in this vault
// (password.keyVaultSecret), which operators set before the first pipeline
// run, or a secure deployment parameter that the deployment stores in the
// vault. Data Factory reads it at run time through its Key Vault linked
// service.
func buildDataLake(c *ctx) {
	c.dataVault = c.keyVault(vaultOptions{Purpose: "data", Concern: RGData})
	for _, ds := range c.doc.DataSources {
		c.storeSourcePassword(ds)
	}
	c.adls = c.storageAccount(storageOptions{
		Purpose:               "lake",
		Concern:               RGData,
		HierarchicalNamespace: true,
		Endpoints:             []string{"dfs", "blob"},
		Containers:            []string{lakeRaw, lakeCurated, lakeWorkspace},
		CMK:                   c.dataCMK(),
	})
}

// lakeContainer returns a reference to one of the lake's file systems.
func (c *ctx) lakeContainer(name string) model.Ref {
	return c.adls.Child("blobServices", "default").Child("containers", name).Ref()
}

// sourcePasswordSecret is the name of the data vault secret holding a data
// source's password: the one the spec names, or "<source>-password".
func sourcePasswordSecret(ds spec.DataSource) string {
	if ds.Password != nil && ds.Password.KeyVaultSecret != "" {
		return ds.Password.KeyVaultSecret
	}
	return ds.Name + "-password"
}

// storeSourcePassword writes a data source's password into the data vault
// when the spec supplies it as a secure deployment parameter. Otherwise the
// secret is the operators' to create; nothing is declared for it.
func (c *ctx) storeSourcePassword(ds spec.DataSource) {
	if ds.Password == nil || ds.Password.Parameter == "" {
		return
	}
	value := c.secret(ds.Password, "", "password of data source "+ds.Name+", stored in the data Key Vault")
	c.add(&model.KeyVaultSecret{
		Meta:        model.Meta{Name: c.dataVault.Name + "/" + sourcePasswordSecret(ds), Group: c.dataVault.Group, Origin: ds.Pos},
		Value:       value,
		ContentType: "password of " + string(ds.Type) + " data source " + ds.Name,
	})
}
