package arm

import (
	"fmt"
	"slices"

	"github.com/enclave-dev/enclave/internal/model"
)

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
		p := diagnosticProps{WorkspaceID: x.ID(r.Workspace), Logs: categoryGroupLogs(r.CategoryGroups)}
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
	t.add(kind(dataCollectionAPI, dcrBody))
	t.add(kind(dataCollectionAPI, func(x *Ctx, r *model.DataCollectionRuleAssociation) (Body, error) {
		return Body{Properties: dcrAssociationProps{DataCollectionRuleID: x.ID(r.Rule), Description: r.Description}, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind(actionGroupAPI, actionGroupBody))
	t.add(kind(metricAlertAPI, metricAlertBody))
	t.add(kind(activityLogAlertAPI, activityLogAlertBody))
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

// API versions of the Azure Monitor kinds: the newest non-preview
// versions in the published schemas.
const (
	dataCollectionAPI   = "2024-03-11"
	actionGroupAPI      = "2023-01-01"
	metricAlertAPI      = "2026-01-01"
	activityLogAlertAPI = "2026-01-01"
)

// categoryGroups are the log category groups diagnostic settings know.
var categoryGroups = []string{"audit", "allLogs"}

// categoryGroupLogs lists every category group, enabled when groups has
// it. Naming the disabled groups too is what the built-in "Enable logging
// by category group" policies check, so enclave's own settings are
// compliant with them rather than duplicated by remediation.
func categoryGroupLogs(groups []string) []logSetting {
	if len(groups) == 0 {
		return nil
	}
	var out []logSetting
	for _, g := range categoryGroups {
		out = append(out, logSetting{CategoryGroup: g, Enabled: slices.Contains(groups, g)})
	}
	for _, g := range groups {
		if !slices.Contains(categoryGroups, g) {
			out = append(out, logSetting{CategoryGroup: g, Enabled: true})
		}
	}
	return out
}

// Streams the Azure Monitor Agent sends to Log Analytics.
const (
	streamSyslog = "Microsoft-Syslog"
	streamPerf   = "Microsoft-Perf"
	streamEvent  = "Microsoft-Event"
	// dcrDestination names the workspace destination within a rule.
	dcrDestination = "logAnalytics"
)

type dcrProps struct {
	Description  string          `json:"description,omitempty"`
	DataSources  dcrDataSources  `json:"dataSources"`
	Destinations dcrDestinations `json:"destinations"`
	DataFlows    []dcrDataFlow   `json:"dataFlows"`
}

type dcrDataSources struct {
	Syslog              []dcrSyslog       `json:"syslog,omitempty"`
	PerformanceCounters []dcrPerf         `json:"performanceCounters,omitempty"`
	WindowsEventLogs    []dcrWindowsEvent `json:"windowsEventLogs,omitempty"`
}

type dcrSyslog struct {
	Name          string   `json:"name"`
	Streams       []string `json:"streams"`
	FacilityNames []string `json:"facilityNames"`
	LogLevels     []string `json:"logLevels"`
}

type dcrPerf struct {
	Name                       string   `json:"name"`
	Streams                    []string `json:"streams"`
	SamplingFrequencyInSeconds int      `json:"samplingFrequencyInSeconds"`
	CounterSpecifiers          []string `json:"counterSpecifiers"`
}

type dcrWindowsEvent struct {
	Name         string   `json:"name"`
	Streams      []string `json:"streams"`
	XPathQueries []string `json:"xPathQueries"`
}

type dcrDestinations struct {
	LogAnalytics []dcrWorkspace `json:"logAnalytics"`
}

type dcrWorkspace struct {
	Name                string `json:"name"`
	WorkspaceResourceID string `json:"workspaceResourceId"`
}

type dcrDataFlow struct {
	Streams      []string `json:"streams"`
	Destinations []string `json:"destinations"`
}

func dcrBody(x *Ctx, r *model.DataCollectionRule) (Body, error) {
	p := dcrProps{
		Description:  r.Description,
		Destinations: dcrDestinations{LogAnalytics: []dcrWorkspace{{Name: dcrDestination, WorkspaceResourceID: x.ID(r.Workspace)}}},
	}
	var streams []string
	for _, s := range r.Syslog {
		p.DataSources.Syslog = append(p.DataSources.Syslog, dcrSyslog{Name: s.Name, Streams: []string{streamSyslog}, FacilityNames: s.Facilities, LogLevels: s.Levels})
		streams = appendStream(streams, streamSyslog)
	}
	for _, s := range r.Performance {
		p.DataSources.PerformanceCounters = append(p.DataSources.PerformanceCounters, dcrPerf{Name: s.Name, Streams: []string{streamPerf}, SamplingFrequencyInSeconds: s.SampleSeconds, CounterSpecifiers: s.Counters})
		streams = appendStream(streams, streamPerf)
	}
	for _, s := range r.WindowsEvents {
		p.DataSources.WindowsEventLogs = append(p.DataSources.WindowsEventLogs, dcrWindowsEvent{Name: s.Name, Streams: []string{streamEvent}, XPathQueries: s.XPath})
		streams = appendStream(streams, streamEvent)
	}
	if len(streams) == 0 {
		return Body{}, fmt.Errorf("data collection rule collects nothing")
	}
	for _, s := range streams {
		p.DataFlows = append(p.DataFlows, dcrDataFlow{Streams: []string{s}, Destinations: []string{dcrDestination}})
	}
	return Body{Kind: string(r.OS), Properties: p}, nil
}

func appendStream(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

type dcrAssociationProps struct {
	DataCollectionRuleID string `json:"dataCollectionRuleId"`
	Description          string `json:"description,omitempty"`
}

type actionGroupProps struct {
	GroupShortName string               `json:"groupShortName"`
	Enabled        bool                 `json:"enabled"`
	EmailReceivers []emailReceiverProps `json:"emailReceivers,omitempty"`
}

type emailReceiverProps struct {
	Name                 string `json:"name"`
	EmailAddress         string `json:"emailAddress"`
	UseCommonAlertSchema bool   `json:"useCommonAlertSchema"`
}

func actionGroupBody(x *Ctx, r *model.ActionGroup) (Body, error) {
	if len(r.ShortName) > 12 {
		return Body{}, fmt.Errorf("action group short name %q is longer than 12 characters", r.ShortName)
	}
	p := actionGroupProps{GroupShortName: r.ShortName, Enabled: true}
	for _, e := range r.Emails {
		p.EmailReceivers = append(p.EmailReceivers, emailReceiverProps{Name: e.Name, EmailAddress: Lit(e.Address), UseCommonAlertSchema: true})
	}
	return Body{Properties: p}, nil
}

type metricAlertProps struct {
	Description         string              `json:"description"`
	Severity            int                 `json:"severity"`
	Enabled             bool                `json:"enabled"`
	Scopes              []string            `json:"scopes"`
	EvaluationFrequency string              `json:"evaluationFrequency"`
	WindowSize          string              `json:"windowSize"`
	Criteria            metricAlertCriteria `json:"criteria"`
	AutoMitigate        bool                `json:"autoMitigate"`
	Actions             []alertAction       `json:"actions"`
}

type metricAlertCriteria struct {
	ODataType string            `json:"odata.type"`
	AllOf     []metricCriterion `json:"allOf"`
}

type metricCriterion struct {
	Name            string            `json:"name"`
	CriterionType   string            `json:"criterionType"`
	MetricName      string            `json:"metricName"`
	MetricNamespace string            `json:"metricNamespace"`
	Operator        string            `json:"operator"`
	Threshold       float64           `json:"threshold"`
	TimeAggregation string            `json:"timeAggregation"`
	Dimensions      []metricDimension `json:"dimensions,omitempty"`
}

type metricDimension struct {
	Name     string   `json:"name"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

type alertAction struct {
	ActionGroupID string `json:"actionGroupId"`
}

func metricAlertBody(x *Ctx, r *model.MetricAlert) (Body, error) {
	c := metricCriterion{
		Name:            "criterion1",
		CriterionType:   "StaticThresholdCriterion",
		MetricName:      r.Metric,
		MetricNamespace: string(r.Target.Type),
		Operator:        string(r.Operator),
		Threshold:       r.Threshold,
		TimeAggregation: string(r.Aggregation),
	}
	for _, d := range r.Dimensions {
		c.Dimensions = append(c.Dimensions, metricDimension{Name: d.Name, Operator: "Include", Values: d.Values})
	}
	return Body{Properties: metricAlertProps{
		Description:         r.Description,
		Severity:            r.Severity,
		Enabled:             true,
		Scopes:              []string{x.ID(r.Target)},
		EvaluationFrequency: isoMinutes(r.EveryMinutes),
		WindowSize:          isoMinutes(r.WindowMinutes),
		Criteria:            metricAlertCriteria{ODataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria", AllOf: []metricCriterion{c}},
		AutoMitigate:        true,
		Actions:             alertActions(x, r.ActionGroups),
	}}, nil
}

// isoMinutes spells a number of minutes as an ISO 8601 duration.
func isoMinutes(m int) string {
	if m%60 == 0 {
		return fmt.Sprintf("PT%dH", m/60)
	}
	return fmt.Sprintf("PT%dM", m)
}

func alertActions(x *Ctx, groups []model.Ref) []alertAction {
	out := []alertAction{}
	for _, g := range groups {
		out = append(out, alertAction{ActionGroupID: x.ID(g)})
	}
	return out
}

type activityLogAlertProps struct {
	Description string                  `json:"description"`
	Enabled     bool                    `json:"enabled"`
	Scopes      []string                `json:"scopes"`
	Condition   activityLogAllOf        `json:"condition"`
	Actions     activityLogAlertActions `json:"actions"`
}

type activityLogAllOf struct {
	AllOf []activityLogLeaf `json:"allOf"`
}

type activityLogLeaf struct {
	Field  string            `json:"field,omitempty"`
	Equals string            `json:"equals,omitempty"`
	AnyOf  []activityLogLeaf `json:"anyOf,omitempty"`
}

type activityLogAlertActions struct {
	ActionGroups []alertAction `json:"actionGroups"`
}

func activityLogAlertBody(x *Ctx, r *model.ActivityLogAlert) (Body, error) {
	p := activityLogAlertProps{
		Description: r.Description,
		Enabled:     true,
		Scopes:      []string{"[subscription().id]"},
		Actions:     activityLogAlertActions{ActionGroups: alertActions(x, r.ActionGroups)},
	}
	for _, c := range r.Conditions {
		leaf := activityLogLeaf{Field: c.Field, Equals: c.Equals}
		if len(c.AnyOf) > 0 {
			leaf = activityLogLeaf{}
			for _, v := range c.AnyOf {
				leaf.AnyOf = append(leaf.AnyOf, activityLogLeaf{Field: c.Field, Equals: v})
			}
		}
		p.Condition.AllOf = append(p.Condition.AllOf, leaf)
	}
	return Body{Properties: p}, nil
}
