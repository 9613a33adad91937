package compile

import "github.com/enclave-dev/enclave/internal/model"

func buildMonitoring(c *ctx) {
	retention := c.doc.Monitoring.RetentionDays
	if retention == 0 {
		retention = 90
	}
	c.law = c.add(&model.LogAnalyticsWorkspace{
		Meta:              model.Meta{Name: c.names.Name("log"), Group: c.rg(RGOps)},
		SKU:               "PerGB2018",
		RetentionDays:     retention,
		PublicIngestion:   model.PublicEnabled,
		PublicQuery:       model.PublicEnabled,
		LocalAuthDisabled: true,
	})
	c.diagnostics(c.law, auditLogs, true)
}
