package terraform

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// publishingPolicyFold: azurerm_linux_web_app carries the FTP and SCM
// basic-authentication switches as ftp_publish_basic_authentication_enabled
// and webdeploy_publish_basic_authentication_enabled; it has no resource
// for basicPublishingCredentialsPolicies.
const publishingPolicyFold = "azurerm_linux_web_app spells the FTP and SCM basic-authentication policies as ftp_publish_basic_authentication_enabled and webdeploy_publish_basic_authentication_enabled"

func webKinds() table {
	t := table{}
	t.add(kind(func(x *Ctx, r *model.AppServicePlan) error {
		b := x.Top("azurerm_service_plan")
		os := "Windows"
		if r.Linux {
			os = "Linux"
		}
		b.Set("os_type", String(os))
		b.Set("sku_name", String(r.SKU))
		if r.Workers > 0 {
			b.Set("worker_count", Number(int64(r.Workers)))
		}
		b.Set("zone_balancing_enabled", Bool(r.ZoneRedundant))
		return nil
	}))
	t.add(kind(webApp))
	t.add(kind(func(x *Ctx, r *model.PublishingCredentialsPolicy) error {
		switch leaf(r.Name) {
		case "ftp", "scm":
		default:
			return fmt.Errorf("unknown publishing credentials policy %q", leaf(r.Name))
		}
		x.Fold(x.Address().Parent().Ref(), publishingPolicyFold)
		return nil
	}))
	return t
}

// webApp writes a Linux container web app. ARM's outboundVnetRouting
// (applicationTraffic, imagePullTraffic) is site_config.vnet_route_all_enabled
// and vnet_image_pull_enabled; the container image is application_stack,
// pulled with the app's managed identity
// (container_registry_use_managed_identity, ARM acrUseManagedIdentityCreds).
func webApp(x *Ctx, r *model.WebApp) error {
	plan, ok := model.Lookup[*model.AppServicePlan](x.Graph(), r.Plan)
	if !ok {
		return fmt.Errorf("plan %s is not an App Service plan", r.Plan)
	}
	if !plan.Linux {
		return fmt.Errorf("web app on a Windows plan: enclave renders Linux container apps only")
	}
	b := x.Top("azurerm_linux_web_app")
	b.Set("service_plan_id", x.ID(r.Plan))
	b.Set("https_only", Bool(r.HTTPSOnly))
	setPublicAccess(b, "public_network_access_enabled", r.PublicNetworkAccess)
	b.Set("client_affinity_enabled", Bool(r.ClientAffinity))
	if !r.Subnet.IsZero() {
		b.Set("virtual_network_subnet_id", x.ID(r.Subnet))
		b.Set("vnet_image_pull_enabled", Bool(r.ImagePullOverVNet))
	}
	// The folded basicPublishingCredentialsPolicies children.
	for _, p := range []string{"ftp", "scm"} {
		attr := map[string]string{"ftp": "ftp_publish_basic_authentication_enabled", "scm": "webdeploy_publish_basic_authentication_enabled"}[p]
		if pol, ok := model.Lookup[*model.PublishingCredentialsPolicy](x.Graph(), x.Address().Child("basicPublishingCredentialsPolicies", p).Ref()); ok {
			b.Set(attr, Bool(pol.Allow))
		}
	}
	sc := b.Block("site_config")
	sc.Set("always_on", Bool(r.AlwaysOn))
	sc.Set("http2_enabled", Bool(r.HTTP2))
	if r.MinTLS != "" {
		sc.Set("minimum_tls_version", String(r.MinTLS))
		sc.Set("scm_minimum_tls_version", String(r.MinTLS))
	}
	if r.FTPSState != "" {
		sc.Set("ftps_state", String(string(r.FTPSState)))
	}
	sc.Set("remote_debugging_enabled", Bool(r.RemoteDebugging))
	if !r.Subnet.IsZero() {
		sc.Set("vnet_route_all_enabled", Bool(r.RouteAll))
	}
	sc.Set("container_registry_use_managed_identity", Bool(r.RegistryIdentity))
	if !r.Registry.IsZero() {
		st := sc.Block("application_stack")
		st.Set("docker_image_name", String(r.Image))
		st.Set("docker_registry_url", Interp(String("https://"), x.Ref(r.Registry, "login_server")))
	}
	x.Identity(b, r.Identity)
	return nil
}
