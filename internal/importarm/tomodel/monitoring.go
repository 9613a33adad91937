package tomodel

import (
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Monitoring kinds, the reverse of internal/render/arm/monitoring.go.
func monitoringKinds(g *Registry) {
	g.Add(model.TypeDiagnosticSetting, diagnosticSetting)
	g.Add(model.TypeLogAnalyticsWorkspace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.LogAnalyticsWorkspace{Meta: x.Meta(),
			SKU:               x.Str(p.At("sku", "name")),
			RetentionDays:     x.Int(p.Get("retentionInDays")),
			PublicIngestion:   monitorPublicAccess(x, p.Get("publicNetworkAccessForIngestion")),
			PublicQuery:       monitorPublicAccess(x, p.Get("publicNetworkAccessForQuery")),
			LocalAuthDisabled: x.Bool(p.At("features", "disableLocalAuth")),
		}, nil
	})
	g.Add(model.TypeDataCollectionRule, dataCollectionRule)
	g.Add(model.TypeDataCollectionRuleAssociation, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.DataCollectionRuleAssociation{Meta: x.Meta(), Rule: x.Ref(p.Get("dataCollectionRuleId")), Description: x.Str(p.Get("description"))}, nil
	})
	g.Add(model.TypeActionGroup, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		ag := &model.ActionGroup{Meta: x.Meta(), ShortName: x.Str(p.Get("groupShortName"))}
		for _, e := range x.Items(p.Get("emailReceivers")) {
			ag.Emails = append(ag.Emails, model.EmailReceiver{Name: x.Str(e.Get("name")), Address: x.Str(e.Get("emailAddress"))})
		}
		return ag, nil
	})
	g.Add(model.TypeMetricAlert, metricAlert)
	g.Add(model.TypeActivityLogAlert, activityLogAlert)
}

// monitorPublicAccess reads Enabled or Disabled; Azure enables public access
// when a template leaves it out.
// https://learn.microsoft.com/en-us/azure/azure-monitor/logs/private-link-configure#configure-access-to-your-resources
func monitorPublicAccess(x *Ctx, v V) model.PublicAccess {
	if v.Null() {
		return model.PublicEnabled
	}
	return model.PublicAccess(x.Str(v))
}

// diagnosticSetting reads the enabled log category groups and categories
// and whether all metrics are sent; disabled entries are left out, as the
// model holds only what is sent.
// https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/resource-manager-diagnostic-settings
func diagnosticSetting(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	ds := &model.DiagnosticSetting{Meta: x.Meta(), Workspace: x.Ref(p.Get("workspaceId"))}
	for _, l := range x.Items(p.Get("logs")) {
		if !x.Bool(l.Get("enabled")) {
			continue
		}
		if g := l.Get("categoryGroup"); !g.Null() {
			ds.CategoryGroups = append(ds.CategoryGroups, x.Str(g))
		} else {
			ds.Categories = append(ds.Categories, x.Str(l.Get("category")))
		}
	}
	for _, m := range x.Items(p.Get("metrics")) {
		if x.Bool(m.Get("enabled")) && strings.EqualFold(x.Str(m.Get("category")), "AllMetrics") {
			ds.Metrics = true
		}
	}
	return ds, nil
}

// dataCollectionRule reads the Azure Monitor Agent's data sources and its
// (first) Log Analytics destination.
// https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/data-collection-rule-structure
func dataCollectionRule(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	d := &model.DataCollectionRule{Meta: x.Meta(), OS: model.OSFamily(x.Str(x.Value(r.Kind, "kind"))), Description: x.Str(p.Get("description"))}
	dests := x.Items(p.At("destinations", "logAnalytics"))
	if len(dests) > 0 {
		d.Workspace = x.Ref(dests[0].Get("workspaceResourceId"))
	}
	if len(dests) > 1 {
		x.ds.Warnf(x.pos(p.At("destinations", "logAnalytics")), "the model holds one workspace per rule", "%s: %d Log Analytics destinations, only the first is imported", r.Name, len(dests))
	}
	src := p.Get("dataSources")
	for _, s := range x.Items(src.Get("syslog")) {
		d.Syslog = append(d.Syslog, model.SyslogSource{Name: x.Str(s.Get("name")), Facilities: x.Strs(s.Get("facilityNames")), Levels: x.Strs(s.Get("logLevels"))})
	}
	for _, s := range x.Items(src.Get("performanceCounters")) {
		d.Performance = append(d.Performance, model.PerfSource{Name: x.Str(s.Get("name")), SampleSeconds: x.Int(s.Get("samplingFrequencyInSeconds")), Counters: x.Strs(s.Get("counterSpecifiers"))})
	}
	for _, s := range x.Items(src.Get("windowsEventLogs")) {
		d.WindowsEvents = append(d.WindowsEvents, model.WindowsEventSource{Name: x.Str(s.Get("name")), XPath: x.Strs(s.Get("xPathQueries"))})
	}
	return d, nil
}

// metricAlert reads a single-resource static-threshold alert; the model
// holds one criterion, so a rule with more is read by its first and
// warned about.
// https://learn.microsoft.com/en-us/azure/azure-monitor/alerts/resource-manager-alerts-metric
func metricAlert(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	a := &model.MetricAlert{Meta: x.Meta(), Description: x.Str(p.Get("description")), Severity: x.Int(p.Get("severity"))}
	scopes := x.Items(p.Get("scopes"))
	if len(scopes) > 0 {
		a.Target = x.Ref(scopes[0])
	}
	if len(scopes) > 1 {
		x.ds.Warnf(x.pos(p.Get("scopes")), "the model holds one target per alert", "%s: %d scopes, only the first is imported", r.Name, len(scopes))
	}
	a.WindowMinutes = x.minutes(p.Get("windowSize"))
	a.EveryMinutes = x.minutes(p.Get("evaluationFrequency"))
	crit := x.Items(p.At("criteria", "allOf"))
	if len(crit) > 0 {
		c := crit[0]
		a.Metric = x.Str(c.Get("metricName"))
		a.Aggregation = model.MetricAggregation(x.Str(c.Get("timeAggregation")))
		a.Operator = model.AlertOperator(x.Str(c.Get("operator")))
		a.Threshold = x.float(c.Get("threshold"))
		for _, d := range x.Items(c.Get("dimensions")) {
			a.Dimensions = append(a.Dimensions, model.MetricDimension{Name: x.Str(d.Get("name")), Values: x.Strs(d.Get("values"))})
		}
	}
	if len(crit) > 1 {
		x.ds.Warnf(x.pos(p.At("criteria", "allOf")), "the model holds one criterion per alert", "%s: %d criteria, only the first is imported", r.Name, len(crit))
	}
	for _, g := range x.Items(p.Get("actions")) {
		a.ActionGroups = append(a.ActionGroups, x.Ref(g.Get("actionGroupId")))
	}
	return a, nil
}

// activityLogAlert reads the alert's conditions: a leaf compares one
// field, an anyOf of leaves on one field is a choice of values.
// https://learn.microsoft.com/en-us/azure/azure-monitor/alerts/resource-manager-alerts-activity-log
func activityLogAlert(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	a := &model.ActivityLogAlert{Meta: x.Meta(), Description: x.Str(p.Get("description"))}
	for _, c := range x.Items(p.At("condition", "allOf")) {
		cond := model.ActivityLogCondition{Field: x.Str(c.Get("field")), Equals: x.Str(c.Get("equals"))}
		for _, o := range x.Items(c.Get("anyOf")) {
			f := x.Str(o.Get("field"))
			if cond.Field == "" {
				cond.Field = f
			} else if !strings.EqualFold(cond.Field, f) {
				x.ds.Warnf(x.pos(o), "the model holds anyOf over one field", "%s: anyOf compares %s and %s; only %s is imported", r.Name, cond.Field, f, cond.Field)
				continue
			}
			cond.AnyOf = append(cond.AnyOf, x.Str(o.Get("equals")))
		}
		a.Conditions = append(a.Conditions, cond)
	}
	for _, g := range x.Items(p.At("actions", "actionGroups")) {
		a.ActionGroups = append(a.ActionGroups, x.Ref(g.Get("actionGroupId")))
	}
	return a, nil
}

// minutes reads an ISO 8601 duration of whole minutes or hours (PT5M,
// PT1H), the spans Azure Monitor alerts accept.
func (x *Ctx) minutes(v V) int {
	s := x.Str(v)
	if s == "" {
		return 0
	}
	u := strings.ToUpper(s)
	if strings.HasPrefix(u, "PT") && len(u) > 3 {
		n, err := strconv.Atoi(u[2 : len(u)-1])
		if err == nil {
			switch u[len(u)-1] {
			case 'M':
				return n
			case 'H':
				return n * 60
			}
		}
	}
	x.ds.Errorf(x.pos(v), "write a duration such as PT5M or PT1H", "%s: %s: %q is not a duration in minutes or hours", x.r.Name, x.docPath(v), s)
	return 0
}

// float reads a number (0 for null or unknown); numeric strings count.
func (x *Ctx) float(v V) float64 {
	if v.Null() || !x.known(v) {
		return 0
	}
	switch v.v.Kind() {
	case importarm.Int:
		return float64(v.v.Int())
	case importarm.Float:
		return v.v.Float()
	case importarm.String:
		if f, err := strconv.ParseFloat(v.v.Str(), 64); err == nil {
			return f
		}
	}
	x.typeError(v, "a number")
	return 0
}
