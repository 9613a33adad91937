package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type planProps struct {
	Reserved      bool `json:"reserved"`
	ZoneRedundant bool `json:"zoneRedundant"`
}

type siteProps struct {
	ServerFarmID           string          `json:"serverFarmId"`
	HTTPSOnly              bool            `json:"httpsOnly"`
	PublicNetworkAccess    string          `json:"publicNetworkAccess"`
	ClientAffinityEnabled  bool            `json:"clientAffinityEnabled"`
	SSHEnabled             bool            `json:"sshEnabled"`
	EndToEndEncryption     bool            `json:"endToEndEncryptionEnabled"`
	VirtualNetworkSubnetID string          `json:"virtualNetworkSubnetId,omitempty"`
	OutboundVnetRouting    *outboundRoutes `json:"outboundVnetRouting,omitempty"`
	SiteConfig             siteConfig      `json:"siteConfig"`
}

type outboundRoutes struct {
	AllTraffic         bool `json:"allTraffic"`
	ApplicationTraffic bool `json:"applicationTraffic"`
	ImagePullTraffic   bool `json:"imagePullTraffic"`
}

type siteConfig struct {
	LinuxFxVersion             string `json:"linuxFxVersion,omitempty"`
	AcrUseManagedIdentityCreds bool   `json:"acrUseManagedIdentityCreds"`
	MinTLSVersion              string `json:"minTlsVersion"`
	ScmMinTLSVersion           string `json:"scmMinTlsVersion"`
	FTPSState                  string `json:"ftpsState"`
	AlwaysOn                   bool   `json:"alwaysOn"`
	HTTP20Enabled              bool   `json:"http20Enabled"`
	RemoteDebuggingEnabled     bool   `json:"remoteDebuggingEnabled"`
}

type publishingPolicyProps struct {
	Allow bool `json:"allow"`
}

func webKinds() table {
	t := table{}
	t.add(kind("2024-11-01", func(x *Ctx, r *model.AppServicePlan) (Body, error) {
		kind := "app"
		if r.Linux {
			kind = "linux"
		}
		return Body{
			Kind:       kind,
			SKU:        SKU{Name: r.SKU, Capacity: r.Workers},
			Properties: planProps{Reserved: r.Linux, ZoneRedundant: r.ZoneRedundant},
		}, nil
	}))
	t.add(kind("2024-11-01", webApp))
	t.add(kind("2024-11-01", func(x *Ctx, r *model.PublishingCredentialsPolicy) (Body, error) {
		return Body{Properties: publishingPolicyProps{Allow: r.Allow}, NoLocation: true, NoTags: true}, nil
	}))
	return t
}

// webApp renders a Linux container web app.
func webApp(x *Ctx, r *model.WebApp) (Body, error) {
	p := siteProps{
		ServerFarmID:          x.ID(r.Plan),
		HTTPSOnly:             r.HTTPSOnly,
		PublicNetworkAccess:   string(r.PublicNetworkAccess),
		ClientAffinityEnabled: r.ClientAffinity,
		SSHEnabled:            r.SSH,
		EndToEndEncryption:    r.EndToEndEncryption,
		SiteConfig: siteConfig{
			AcrUseManagedIdentityCreds: r.RegistryIdentity,
			MinTLSVersion:              r.MinTLS,
			ScmMinTLSVersion:           r.MinTLS,
			FTPSState:                  string(r.FTPSState),
			AlwaysOn:                   r.AlwaysOn,
			HTTP20Enabled:              r.HTTP2,
			RemoteDebuggingEnabled:     r.RemoteDebugging,
		},
	}
	if !r.Subnet.IsZero() {
		p.VirtualNetworkSubnetID = x.ID(r.Subnet)
		// allTraffic also sends content share and backup traffic through
		// the VNet (https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing).
		p.OutboundVnetRouting = &outboundRoutes{AllTraffic: r.RouteAll, ApplicationTraffic: r.RouteAll, ImagePullTraffic: r.ImagePullOverVNet}
	}
	if !r.Registry.IsZero() {
		// The login server is the registry name plus the cloud's suffix,
		// so no reference() to the registry is needed.
		p.SiteConfig.LinuxFxVersion = fmt.Sprintf("[format('DOCKER|{0}{1}/{2}', %s, environment().suffixes.acrLoginServer, %s)]", quote(r.Registry.Leaf()), quote(r.Image))
	}
	return Body{Kind: "app,linux,container", Identity: x.Identity(r.Identity), Properties: p}, nil
}
