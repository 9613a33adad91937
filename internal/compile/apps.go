package compile

import (
	"regexp"

	"github.com/enclave-dev/enclave/internal/model"
)

// Web app defaults.
const (
	defaultPlanSKU = "P1v3"
	// appImage is the repository and tag the web app runs; the team pushes
	// it to the registry.
	appImage = "webapp:latest"
)

// zoneRedundantSKU matches the plan SKUs that support zone redundancy:
// Premium v2, v3 and v4 and Isolated v2 (Learn: "Reliability in Azure App
// Service").
// premiumPlanSKU matches the Premium plans, which offer end-to-end TLS
// between front ends and workers.
var premiumPlanSKU = regexp.MustCompile(`^P\d+m?v[234]$`)

var zoneRedundantSKU = regexp.MustCompile(`^(P\d+m?v[234]|I\d+m?v2)$`)

// buildApps makes a Linux App Service plan and a web app that runs a
// container from the registry: reachable only through its private
// endpoint, HTTPS only with TLS 1.2, no FTP and no basic publishing
// credentials, all outbound traffic and image pulls through VNet
// integration in snet-appservice, and images pulled with its own managed
// identity (AcrPull), never registry credentials.
func buildApps(c *ctx) {
	app := c.doc.Services.AppService
	if !app.On() {
		return
	}
	group := c.rg(RGApps)
	sku := app.SKU
	if sku == "" {
		sku = defaultPlanSKU
	}
	plan := &model.AppServicePlan{
		Meta:    model.Meta{Name: c.names.Name("asp", "web"), Group: group},
		SKU:     sku,
		Linux:   true,
		Workers: 1,
	}
	if zoneRedundantSKU.MatchString(sku) && len(regionZones(c.doc.Location)) > 0 {
		// Zone redundancy needs at least two instances.
		plan.ZoneRedundant, plan.Workers = true, 2
	}
	planRef := c.add(plan)
	c.diagnostics(planRef, noLogs, true)

	site := c.add(&model.WebApp{
		Meta:                model.Meta{Name: c.names.Global("app", "web", true, 60), Group: group},
		Plan:                planRef,
		Identity:            model.Identity{SystemAssigned: true},
		HTTPSOnly:           true,
		MinTLS:              "1.2",
		FTPSState:           model.FTPSDisabled,
		PublicNetworkAccess: model.PublicDisabled,
		Subnet:              c.subnet(SubnetAppService),
		RouteAll:            true,
		ImagePullOverVNet:   true,
		Registry:            c.acr,
		Image:               appImage,
		RegistryIdentity:    true,
		AlwaysOn:            true,
		HTTP2:               true,
		// No SSH into the container through the SCM site
		// (https://learn.microsoft.com/azure/app-service/configure-linux-open-ssh-session).
		SSH: false,
		// TLS from the front ends to the workers too, where the plan
		// offers it (https://learn.microsoft.com/azure/app-service/overview-tls).
		EndToEndEncryption: premiumPlanSKU.MatchString(sku),
	})
	c.grant(c.acr, "AcrPull", systemIdentity(site))
	for _, policy := range []string{"ftp", "scm"} {
		c.add(&model.PublishingCredentialsPolicy{Meta: model.Meta{Name: site.Name + "/" + policy, Group: group}, Allow: false})
	}
	c.privateEndpoint(site, "sites")
	c.diagnostics(site, allLogs, true)
}
