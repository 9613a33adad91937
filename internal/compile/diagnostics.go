package compile

import "github.com/enclave-dev/enclave/internal/model"

// logs says which logs a diagnostic setting collects.
type logs int

const (
	noLogs    logs = iota // metrics only
	allLogs               // the "allLogs" category group
	auditLogs             // the "audit" category group only
)

// diagnostics sends target's logs and (when metrics is true) metrics to the
// environment's Log Analytics workspace. Every builder calls it for each
// resource that supports diagnostic settings.
func (c *ctx) diagnostics(target model.Ref, l logs, metrics bool) {
	if c.law.IsZero() {
		c.fail("diagnostics before the Log Analytics workspace exists")
		return
	}
	d := &model.DiagnosticSetting{
		Meta:      model.Meta{Name: "to-log-analytics", Group: target.Group, Scope: target},
		Workspace: c.law,
		Metrics:   metrics,
	}
	switch l {
	case allLogs:
		d.CategoryGroups = []string{"allLogs"}
	case auditLogs:
		d.CategoryGroups = []string{"audit"}
	}
	c.add(d)
}

// diagnosticCategories sends specific log categories, for types whose
// diagnostic settings have no category groups.
func (c *ctx) diagnosticCategories(target model.Ref, categories []string, metrics bool) {
	if c.law.IsZero() {
		c.fail("diagnostics before the Log Analytics workspace exists")
		return
	}
	c.add(&model.DiagnosticSetting{
		Meta:       model.Meta{Name: "to-log-analytics", Group: target.Group, Scope: target},
		Workspace:  c.law,
		Categories: categories,
		Metrics:    metrics,
	})
}
