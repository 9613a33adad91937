package model

// TypeDiagnosticSetting is the extension resource that sends a resource's
// logs and metrics to Log Analytics.
const TypeDiagnosticSetting Type = "Microsoft.Insights/diagnosticSettings"

// DiagnosticSetting sends the logs and metrics of Meta.Scope to a Log
// Analytics workspace.
type DiagnosticSetting struct {
	Meta
	Workspace Ref
	// CategoryGroups are log category groups ("allLogs", "audit").
	CategoryGroups []string
	// Categories are individual log categories, for types without groups.
	Categories []string
	// Metrics sends AllMetrics.
	Metrics bool
}

func (*DiagnosticSetting) Type() Type { return TypeDiagnosticSetting }

// TypeLogAnalyticsWorkspace is the workspace every diagnostic setting sends to.
const TypeLogAnalyticsWorkspace Type = "Microsoft.OperationalInsights/workspaces"

// LogAnalyticsWorkspace collects logs and metrics.
type LogAnalyticsWorkspace struct {
	Meta
	SKU           string // PerGB2018
	RetentionDays int
	// PublicIngestion and PublicQuery say whether the workspace accepts
	// ingestion and queries from public networks.
	PublicIngestion PublicAccess
	PublicQuery     PublicAccess
	// LocalAuthDisabled forces Entra ID authentication for ingestion.
	LocalAuthDisabled bool
}

func (*LogAnalyticsWorkspace) Type() Type { return TypeLogAnalyticsWorkspace }
