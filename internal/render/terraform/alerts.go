package terraform

import (
	"fmt"
	"slices"

	"github.com/zclconf/go-cty/cty"

	"github.com/enclave-dev/enclave/internal/model"
)

// Azure Monitor beyond diagnostics (monitoring.go): data collection rules
// and their associations, action groups, metric and activity log alerts.
func alertKinds() table {
	t := table{}
	t.add(kind(dataCollectionRule))
	t.add(kind(func(x *Ctx, r *model.DataCollectionRuleAssociation) error {
		b := x.Resource("azurerm_monitor_data_collection_rule_association", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("target_resource_id", x.scopeID(r.Scope))
		b.Set("data_collection_rule_id", x.ID(r.Rule))
		if r.Description != "" {
			b.Set("description", String(r.Description))
		}
		return nil
	}))
	t.add(kind(actionGroup))
	t.add(kind(metricAlert))
	t.add(kind(activityLogAlert))
	return t
}

// Streams the Azure Monitor Agent sends and the name of the workspace
// destination within a rule, as in the ARM rendering.
const (
	streamSyslog   = "Microsoft-Syslog"
	streamPerf     = "Microsoft-Perf"
	streamEvent    = "Microsoft-Event"
	dcrDestination = "logAnalytics"
)

// dataCollectionRule writes a rule with one data_flow per stream, all to
// the Log Analytics destination.
func dataCollectionRule(x *Ctx, r *model.DataCollectionRule) error {
	b := x.Top("azurerm_monitor_data_collection_rule")
	if r.OS != "" {
		b.Set("kind", String(string(r.OS)))
	}
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	b.Block("destinations").Block("log_analytics").
		Set("name", String(dcrDestination)).
		Set("workspace_resource_id", x.ID(r.Workspace))
	var streams []string
	add := func(s string) {
		if !slices.Contains(streams, s) {
			streams = append(streams, s)
		}
	}
	ds := b.Block("data_sources")
	for _, s := range r.Syslog {
		sb := ds.Block("syslog")
		sb.Set("name", String(s.Name))
		sb.Set("streams", Strings([]string{streamSyslog}))
		sb.Set("facility_names", Strings(s.Facilities))
		sb.Set("log_levels", Strings(s.Levels))
		add(streamSyslog)
	}
	for _, s := range r.Performance {
		pb := ds.Block("performance_counter")
		pb.Set("name", String(s.Name))
		pb.Set("streams", Strings([]string{streamPerf}))
		pb.Set("sampling_frequency_in_seconds", Number(int64(s.SampleSeconds)))
		pb.Set("counter_specifiers", Strings(s.Counters))
		add(streamPerf)
	}
	for _, s := range r.WindowsEvents {
		wb := ds.Block("windows_event_log")
		wb.Set("name", String(s.Name))
		wb.Set("streams", Strings([]string{streamEvent}))
		wb.Set("x_path_queries", Strings(s.XPath))
		add(streamEvent)
	}
	if len(streams) == 0 {
		return fmt.Errorf("data collection rule collects nothing")
	}
	for _, s := range streams {
		f := b.Block("data_flow")
		f.Set("streams", Strings([]string{s}))
		f.Set("destinations", Strings([]string{dcrDestination}))
	}
	return nil
}

// actionGroup writes a global action group of e-mail receivers using the
// common alert schema.
func actionGroup(x *Ctx, r *model.ActionGroup) error {
	if len(r.ShortName) > 12 {
		return fmt.Errorf("action group short name %q is longer than 12 characters", r.ShortName)
	}
	b := x.Top("azurerm_monitor_action_group")
	b.Set("short_name", String(r.ShortName))
	b.Set("enabled", Bool(true))
	for _, e := range r.Emails {
		eb := b.Block("email_receiver")
		eb.Set("name", String(e.Name))
		eb.Set("email_address", String(e.Address))
		eb.Set("use_common_alert_schema", Bool(true))
	}
	return nil
}

// metricAlert writes a static-threshold alert on one resource. azurerm's
// metric alert takes no location (it is always global).
func metricAlert(x *Ctx, r *model.MetricAlert) error {
	b := x.Resource("azurerm_monitor_metric_alert", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("resource_group_name", x.GroupName())
	b.Set("scopes", List(x.ID(r.Target)))
	b.Set("description", String(r.Description))
	b.Set("severity", Number(int64(r.Severity)))
	b.Set("enabled", Bool(true))
	b.Set("frequency", String(isoMinutes(r.EveryMinutes)))
	b.Set("window_size", String(isoMinutes(r.WindowMinutes)))
	b.Set("auto_mitigate", Bool(true))
	c := b.Block("criteria")
	c.Set("metric_namespace", String(string(r.Target.Type)))
	c.Set("metric_name", String(r.Metric))
	c.Set("aggregation", String(string(r.Aggregation)))
	c.Set("operator", String(string(r.Operator)))
	c.Set("threshold", Lit(cty.NumberFloatVal(r.Threshold)))
	for _, d := range r.Dimensions {
		db := c.Block("dimension")
		db.Set("name", String(d.Name))
		db.Set("operator", String("Include"))
		db.Set("values", Strings(d.Values))
	}
	for _, g := range r.ActionGroups {
		b.Block("action").Set("action_group_id", x.ID(g))
	}
	x.tags(b)
	return nil
}

// isoMinutes spells a number of minutes as an ISO 8601 duration, as the
// ARM rendering does.
func isoMinutes(m int) string {
	if m%60 == 0 {
		return fmt.Sprintf("PT%dH", m/60)
	}
	return fmt.Sprintf("PT%dM", m)
}

// activityLogFields maps activity log condition fields to azurerm's
// criteria attributes: the singular one for equals, the plural for anyOf
// ("" where azurerm has none).
var activityLogFields = map[string][2]string{
	"operationName":    {"operation_name", ""},
	"level":            {"level", "levels"},
	"status":           {"status", "statuses"},
	"subStatus":        {"sub_status", "sub_statuses"},
	"caller":           {"caller", ""},
	"resourceGroup":    {"resource_group", "resource_groups"},
	"resourceId":       {"resource_id", "resource_ids"},
	"resourceType":     {"resource_type", "resource_types"},
	"resourceProvider": {"resource_provider", "resource_providers"},
}

// activityLogAlert writes a subscription activity log alert. The ARM
// condition's allOf of field/equals/anyOf leaves becomes azurerm's
// criteria: category is required; properties.incidentType (service health
// event types) is service_health.events, which azurerm sends as the same
// anyOf of properties.incidentType.
func activityLogAlert(x *Ctx, r *model.ActivityLogAlert) error {
	b := x.Top("azurerm_monitor_activity_log_alert")
	b.Set("scopes", List(x.SubscriptionScope()))
	b.Set("description", String(r.Description))
	b.Set("enabled", Bool(true))
	c := b.Block("criteria")
	var category string
	var events []string
	for _, cond := range r.Conditions {
		values := cond.AnyOf
		if len(values) == 0 {
			values = []string{cond.Equals}
		}
		switch cond.Field {
		case "category":
			if len(values) != 1 {
				return fmt.Errorf("azurerm takes one activity log category")
			}
			category = values[0]
			c.Set("category", String(category))
			continue
		case "properties.incidentType":
			events = values
			continue
		}
		attrs, ok := activityLogFields[cond.Field]
		if !ok {
			return fmt.Errorf("activity log field %q has no azurerm criteria attribute", cond.Field)
		}
		if len(values) == 1 && len(cond.AnyOf) == 0 {
			c.Set(attrs[0], String(values[0]))
		} else if attrs[1] != "" {
			c.Set(attrs[1], Strings(values))
		} else {
			return fmt.Errorf("azurerm cannot match activity log field %q against several values", cond.Field)
		}
	}
	if category == "" {
		return fmt.Errorf("azurerm requires the activity log category")
	}
	if len(events) > 0 {
		if category != "ServiceHealth" {
			return fmt.Errorf("incident types filter only service health events")
		}
		c.Block("service_health").Set("events", Strings(events))
	}
	for _, g := range r.ActionGroups {
		b.Block("action").Set("action_group_id", x.ID(g))
	}
	return nil
}
