package model

// App Service: plans, web apps and their publishing credential policies.
const (
	TypeAppServicePlan              = Type("Microsoft.Web/serverfarms")
	TypeWebApp                      = Type("Microsoft.Web/sites")
	TypePublishingCredentialsPolicy = Type("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
)

// AppServicePlan is a Linux or Windows App Service plan.
type AppServicePlan struct {
	Meta
	SKU           string // P1v3
	Linux         bool
	ZoneRedundant bool
	Workers       int
}

func (*AppServicePlan) Type() Type { return TypeAppServicePlan }

// FTPSState is whether a web app accepts FTP deployments.
type FTPSState string

const FTPSDisabled FTPSState = "Disabled"

// WebApp is a web app running a container from a registry.
type WebApp struct {
	Meta
	Plan     Ref
	Identity Identity
	// HTTPSOnly redirects HTTP to HTTPS; MinTLS is "1.2".
	HTTPSOnly           bool
	MinTLS              string
	FTPSState           FTPSState
	PublicNetworkAccess PublicAccess
	// Subnet is the regional VNet integration subnet; RouteAll sends all
	// outbound traffic, and ImagePullOverVNet container pulls, through it.
	Subnet            Ref
	RouteAll          bool
	ImagePullOverVNet bool
	// Registry and Image name the container; RegistryIdentity pulls with
	// the app's managed identity instead of registry credentials.
	Registry         Ref
	Image            string
	RegistryIdentity bool
	AlwaysOn         bool
	HTTP2            bool
	RemoteDebugging  bool
	ClientAffinity   bool
	// SSH allows SSH sessions into the container through the SCM site.
	SSH bool
	// EndToEndEncryption encrypts traffic between App Service's front
	// ends and the workers running the app with TLS (Premium plans).
	EndToEndEncryption bool
}

func (*WebApp) Type() Type { return TypeWebApp }

// PublishingCredentialsPolicy allows or forbids basic (user name and
// password) authentication for FTP ("<site>/ftp") or the SCM site
// ("<site>/scm").
type PublishingCredentialsPolicy struct {
	Meta
	Allow bool
}

func (*PublishingCredentialsPolicy) Type() Type { return TypePublishingCredentialsPolicy }
