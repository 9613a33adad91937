package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// App Service plans, web apps and their publishing credential policies,
// the reverse of internal/render/arm/web.go.
func webKinds(g *Registry) {
	g.Add(model.TypeAppServicePlan, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		sku := x.Value(r.SKU, "sku")
		return &model.AppServicePlan{
			Meta: x.Meta(),
			SKU:  x.Str(sku.Get("name")),
			// A Linux plan is one with reserved set.
			// https://learn.microsoft.com/en-us/azure/templates/microsoft.web/serverfarms
			Linux:         x.Bool(p.Get("reserved")),
			ZoneRedundant: x.Bool(p.Get("zoneRedundant")),
			Workers:       x.Int(sku.Get("capacity")),
		}, nil
	})
	g.Add(model.TypeWebApp, webApp)
	g.Add(model.TypePublishingCredentialsPolicy, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		// Basic authentication for publishing is allowed unless a policy
		// says otherwise.
		// https://learn.microsoft.com/en-us/azure/app-service/configure-basic-auth-disable
		return &model.PublishingCredentialsPolicy{Meta: x.Meta(), Allow: x.boolOr(x.Props().Get("allow"), true)}, nil
	})
}

// webApp reads a web app running a container.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.web/sites
func webApp(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	sc := p.Get("siteConfig")
	w := &model.WebApp{
		Meta:                x.Meta(),
		Plan:                x.Ref(p.Get("serverFarmId")),
		Identity:            managedIdentity(x),
		HTTPSOnly:           x.Bool(p.Get("httpsOnly")),
		MinTLS:              x.Str(sc.Get("minTlsVersion")),
		FTPSState:           model.FTPSState(x.Str(sc.Get("ftpsState"))),
		PublicNetworkAccess: publicAccess(x),
		Subnet:              x.Ref(p.Get("virtualNetworkSubnetId")),
		RouteAll:            x.Bool(p.At("outboundVnetRouting", "allTraffic")),
		ImagePullOverVNet:   x.Bool(p.At("outboundVnetRouting", "imagePullTraffic")),
		RegistryIdentity:    x.Bool(sc.Get("acrUseManagedIdentityCreds")),
		AlwaysOn:            x.Bool(sc.Get("alwaysOn")),
		HTTP2:               x.Bool(sc.Get("http20Enabled")),
		RemoteDebugging:     x.Bool(sc.Get("remoteDebuggingEnabled")),
		// Session affinity is on unless turned off.
		ClientAffinity:     x.boolOr(p.Get("clientAffinityEnabled"), true),
		SSH:                x.Bool(p.Get("sshEnabled")),
		EndToEndEncryption: x.Bool(p.Get("endToEndEncryptionEnabled")),
	}
	x.containerImage(w, sc.Get("linuxFxVersion"))
	return w, nil
}

// containerImage reads linuxFxVersion "DOCKER|<registry>.azurecr.io/<image>"
// into the app's registry and image. An image from elsewhere (Docker Hub,
// another registry) has no registry the model can refer to, so only the
// warning records it.
// https://learn.microsoft.com/en-us/azure/app-service/configure-custom-container#change-the-docker-image-of-a-custom-container
func (x *Ctx) containerImage(w *model.WebApp, v V) {
	s := x.Str(v)
	if s == "" {
		return
	}
	kind, ref, ok := strings.Cut(s, "|")
	host, image, ok2 := strings.Cut(ref, "/")
	name, suffix, ok3 := strings.Cut(host, ".")
	if !ok || !strings.EqualFold(kind, "DOCKER") || !ok2 || !ok3 || !strings.EqualFold(suffix, "azurecr.io") {
		x.ds.Warnf(x.pos(v), "the model knows images from Azure Container Registry only; judge this one by hand", "%s: linuxFxVersion %q is not imported", x.r.Name, s)
		return
	}
	w.Registry, w.Image = x.namedResource(model.TypeContainerRegistry, name).Ref(), image
}
