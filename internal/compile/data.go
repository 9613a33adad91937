package compile

import "github.com/enclave-dev/enclave/internal/spec"

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
