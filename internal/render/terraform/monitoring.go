package terraform

import (
	"github.com/enclave-dev/enclave/internal/model"
)

func monitoringKinds() table {
	t := table{}
	t.add(kind(func(x *Ctx, r *model.DiagnosticSetting) error {
		b := x.Resource("azurerm_monitor_diagnostic_setting", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("target_resource_id", x.scopeID(r.Scope))
		b.Set("log_analytics_workspace_id", x.ID(r.Workspace))
		for _, g := range r.CategoryGroups {
			b.Block("enabled_log").Set("category_group", String(g))
		}
		for _, c := range r.Categories {
			b.Block("enabled_log").Set("category", String(c))
		}
		if r.Metrics {
			b.Block("enabled_metric").Set("category", String("AllMetrics"))
		}
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.LogAnalyticsWorkspace) error {
		b := x.Top("azurerm_log_analytics_workspace")
		b.Set("sku", String(r.SKU))
		b.Set("retention_in_days", Number(int64(r.RetentionDays)))
		b.Set("internet_ingestion_enabled", Bool(r.PublicIngestion == model.PublicEnabled))
		b.Set("internet_query_enabled", Bool(r.PublicQuery == model.PublicEnabled))
		b.Set("local_authentication_enabled", Bool(!r.LocalAuthDisabled))
		b.Set("allow_resource_only_permissions", Bool(true))
		return nil
	}))
	return t
}
