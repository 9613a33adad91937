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

// Monitoring of workloads: data collection for the Azure Monitor Agent,
// action groups and alert rules.
const (
	TypeDataCollectionRule            Type = "Microsoft.Insights/dataCollectionRules"
	TypeDataCollectionRuleAssociation Type = "Microsoft.Insights/dataCollectionRuleAssociations"
	TypeActionGroup                   Type = "Microsoft.Insights/actionGroups"
	TypeMetricAlert                   Type = "Microsoft.Insights/metricAlerts"
	TypeActivityLogAlert              Type = "Microsoft.Insights/activityLogAlerts"
)

// SyslogSource collects syslog facilities at the given levels.
type SyslogSource struct {
	Name       string
	Facilities []string
	Levels     []string
}

// PerfSource samples performance counters.
type PerfSource struct {
	Name          string
	SampleSeconds int
	Counters      []string
}

// WindowsEventSource collects Windows event log records matching XPath
// queries ("System!*[System[(Level=1 or Level=2)]]").
type WindowsEventSource struct {
	Name  string
	XPath []string
}

// DataCollectionRule tells the Azure Monitor Agent what to collect on the
// machines associated with it and sends it to Workspace.
type DataCollectionRule struct {
	Meta
	// OS is the kind of machine the rule applies to.
	OS            OSFamily
	Workspace     Ref
	Syslog        []SyslogSource
	Performance   []PerfSource
	WindowsEvents []WindowsEventSource
	Description   string
}

func (*DataCollectionRule) Type() Type { return TypeDataCollectionRule }

// DataCollectionRuleAssociation applies Rule to the machine in Meta.Scope.
type DataCollectionRuleAssociation struct {
	Meta
	Rule        Ref
	Description string
}

func (*DataCollectionRuleAssociation) Type() Type { return TypeDataCollectionRuleAssociation }

// EmailReceiver is an action group's email destination.
type EmailReceiver struct {
	Name    string
	Address string
}

// ActionGroup is who is told when an alert fires. Location is "global".
type ActionGroup struct {
	Meta
	// ShortName appears in SMS and email subjects (at most 12 characters).
	ShortName string
	Emails    []EmailReceiver
}

func (*ActionGroup) Type() Type { return TypeActionGroup }

// MetricAggregation is how metric values in a window are combined.
type MetricAggregation string

const (
	AggAverage MetricAggregation = "Average"
	AggMinimum MetricAggregation = "Minimum"
	AggMaximum MetricAggregation = "Maximum"
	AggTotal   MetricAggregation = "Total"
	AggCount   MetricAggregation = "Count"
)

// AlertOperator compares a metric with its threshold.
type AlertOperator string

const (
	OpGreaterThan AlertOperator = "GreaterThan"
	OpLessThan    AlertOperator = "LessThan"
)

// MetricDimension filters a metric by dimension values.
type MetricDimension struct {
	Name   string
	Values []string
}

// MetricAlert fires when Metric of Target crosses Threshold. Location is
// "global".
type MetricAlert struct {
	Meta
	Description string
	// Severity is 0 (critical) to 4 (verbose).
	Severity    int
	Target      Ref
	Metric      string
	Aggregation MetricAggregation
	Operator    AlertOperator
	Threshold   float64
	Dimensions  []MetricDimension
	// WindowMinutes is the period evaluated, EveryMinutes how often.
	WindowMinutes, EveryMinutes int
	ActionGroups                []Ref
}

func (*MetricAlert) Type() Type { return TypeMetricAlert }

// ActivityLogCondition matches one activity log field: equal to Equals, or
// one of AnyOf.
type ActivityLogCondition struct {
	Field  string
	Equals string
	AnyOf  []string
}

// ActivityLogAlert fires on subscription activity log events matching all
// Conditions. Location is "global".
type ActivityLogAlert struct {
	Meta
	Description  string
	Conditions   []ActivityLogCondition
	ActionGroups []Ref
}

func (*ActivityLogAlert) Type() Type { return TypeActivityLogAlert }
