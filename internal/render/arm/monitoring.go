package arm

import "github.com/enclave-dev/enclave/internal/model"

type diagnosticProps struct {
	WorkspaceID string          `json:"workspaceId"`
	Logs        []logSetting    `json:"logs,omitempty"`
	Metrics     []metricSetting `json:"metrics,omitempty"`
}

type logSetting struct {
	Category      string `json:"category,omitempty"`
	CategoryGroup string `json:"categoryGroup,omitempty"`
	Enabled       bool   `json:"enabled"`
}

type metricSetting struct {
	Category string `json:"category"`
	Enabled  bool   `json:"enabled"`
}

func monitoringKinds() table {
	t := table{}
	// Diagnostic settings as extension resources exist only in preview API
	// versions (2016-09-01 is the legacy "service" setting); 2021-05-01-preview
	// is the version Azure's own templates use.
	t.add(kind("2021-05-01-preview", func(x *Ctx, r *model.DiagnosticSetting) (Body, error) {
		p := diagnosticProps{WorkspaceID: x.ID(r.Workspace)}
		for _, g := range r.CategoryGroups {
			p.Logs = append(p.Logs, logSetting{CategoryGroup: g, Enabled: true})
		}
		for _, c := range r.Categories {
			p.Logs = append(p.Logs, logSetting{Category: c, Enabled: true})
		}
		if r.Metrics {
			p.Metrics = []metricSetting{{Category: "AllMetrics", Enabled: true}}
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2025-07-01", func(x *Ctx, r *model.LogAnalyticsWorkspace) (Body, error) {
		return Body{Properties: lawProps{
			SKU:                             lawSKU{Name: r.SKU},
			RetentionInDays:                 r.RetentionDays,
			PublicNetworkAccessForIngestion: string(r.PublicIngestion),
			PublicNetworkAccessForQuery:     string(r.PublicQuery),
			Features:                        &lawFeatures{DisableLocalAuth: r.LocalAuthDisabled, EnableLogAccessUsingOnlyResourcePermissions: true},
		}}, nil
	}))
	return t
}

type lawProps struct {
	SKU                             lawSKU       `json:"sku"`
	RetentionInDays                 int          `json:"retentionInDays"`
	PublicNetworkAccessForIngestion string       `json:"publicNetworkAccessForIngestion"`
	PublicNetworkAccessForQuery     string       `json:"publicNetworkAccessForQuery"`
	Features                        *lawFeatures `json:"features,omitempty"`
}

type lawSKU struct {
	Name string `json:"name"`
}

type lawFeatures struct {
	DisableLocalAuth                            bool `json:"disableLocalAuth"`
	EnableLogAccessUsingOnlyResourcePermissions bool `json:"enableLogAccessUsingOnlyResourcePermissions"`
}
