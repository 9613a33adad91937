package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// buildData builds the data platform: the data lake and the data Key Vault
// whenever a data service or a data source needs them, then each data
// service that is switched on. Each part lives in its own file.
func buildData(c *ctx) {
	if !needsDataLake(c.doc) {
		return
	}
	buildDataLake(c)
	buildDataFactory(c)
	buildDatabricks(c)
	buildSynapse(c)
	buildStreaming(c)
}

// needsDataLake reports whether any data service is on or any data source
// is declared.
func needsDataLake(d *spec.Document) bool {
	s := d.Services
	return s.DataFactory.On() || s.Databricks.On() || s.Synapse.On() || s.StreamAnalytics.On() || len(d.DataSources) > 0
}

// dataCMK returns the customer-managed-key options for data resources, or
// nil when governance does not ask for customer-managed keys. Keys live in
// the data vault and are read by the shared key identity.
func (c *ctx) dataCMK() *cmkOptions {
	if !c.doc.Governance.CustomerManagedKeys {
		return nil
	}
	return &cmkOptions{Vault: c.dataVault}
}

// dataKey returns customer-managed-key encryption for the data resource
// named name, or nil when governance does not ask for it: a key
// "cmk-<name>" in the data vault, read by the shared key identity. It adds
// that identity to identity and makes m depend on the identity's grant on
// the key, which Azure checks when the resource is created. Services that
// take a customer-managed key at creation need a user-assigned identity for
// it: their system identity does not exist yet.
func (c *ctx) dataKey(name string, identity *model.Identity, m *model.Meta) *model.CustomerManagedKey {
	opts := c.dataCMK()
	if opts == nil {
		return nil
	}
	id := opts.identity(c)
	key, grant := c.cmkKey(opts.Vault, "cmk-"+name, id)
	identity.UserAssigned = append(identity.UserAssigned, id)
	m.DependsOn = append(m.DependsOn, grant)
	return &model.CustomerManagedKey{Key: key, Identity: id}
}
