package compile

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// buildMonitoring creates the Log Analytics workspace every diagnostic
// setting sends to and the action group every alert notifies.
// defaultRetentionDays is how long Log Analytics keeps data by default.
const defaultRetentionDays = 90

func buildMonitoring(c *ctx) {
	retention := c.doc.Monitoring.RetentionDays
	if retention == 0 {
		retention = defaultRetentionDays
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
	buildActionGroup(c)
}

// buildActionGroup creates the operations action group, emailing
// monitoring.alertEmails (or, without them, the budget contacts). Without
// any address there is nobody to notify and no action group.
func buildActionGroup(c *ctx) {
	emails := c.doc.Monitoring.AlertEmails
	origin := c.doc.Pos("monitoring.alertEmails")
	if len(emails) == 0 && c.doc.Governance.Budget != nil {
		emails, origin = c.doc.Governance.Budget.Contacts, c.doc.Pos("governance.budget.contacts")
	}
	if len(emails) == 0 {
		c.diags.Warnf(c.doc.Pos("monitoring"), "add monitoring.alertEmails", "no alert emails: alerts and the action group are not created")
		return
	}
	ag := &model.ActionGroup{
		Meta:      model.Meta{Name: c.names.Name("ag", "ops"), Group: c.rg(RGOps), Location: "global", Origin: origin},
		ShortName: actionGroupShortName(c.doc.Name),
	}
	for i, e := range emails {
		ag.Emails = append(ag.Emails, model.EmailReceiver{Name: fmt.Sprintf("email-%d", i+1), Address: e})
	}
	c.actionGroup = c.add(ag)
}

// actionGroupShortName fits "<env>ops" into Azure's 12 characters.
func actionGroupShortName(env string) string {
	if len(env) > 9 {
		env = env[:9]
	}
	return env + "ops"
}
