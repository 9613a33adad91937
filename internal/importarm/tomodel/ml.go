package tomodel

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Machine learning workspaces, their computes and Application Insights,
// the reverse of internal/render/arm/ml.go.
func mlKinds(g *Registry) {
	g.Add(model.TypeMLWorkspace, mlWorkspace)
	g.Add(model.TypeMLCompute, mlCompute)
	g.Add(model.TypeApplicationInsights, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		// Both kinds of public access default to Enabled.
		// https://learn.microsoft.com/en-us/azure/azure-monitor/logs/private-link-design#control-network-access-to-your-resources
		pub := func(key string) model.PublicAccess {
			v := p.Get(key)
			if v.Null() {
				return model.PublicEnabled
			}
			return model.PublicAccess(x.Str(v))
		}
		return &model.ApplicationInsights{
			Meta:              x.Meta(),
			Workspace:         x.Ref(p.Get("WorkspaceResourceId")),
			LocalAuthDisabled: x.Bool(p.Get("DisableLocalAuth")),
			PublicIngestion:   pub("publicNetworkAccessForIngestion"),
			PublicQuery:       pub("publicNetworkAccessForQuery"),
		}, nil
	})
}

// mlWorkspace reads an Azure Machine Learning workspace.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.machinelearningservices/workspaces
func mlWorkspace(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	w := &model.MLWorkspace{
		Meta:                x.Meta(),
		FriendlyName:        x.Str(p.Get("friendlyName")),
		Identity:            managedIdentity(x),
		PrimaryIdentity:     x.Ref(p.Get("primaryUserAssignedIdentity")),
		Storage:             x.Ref(p.Get("storageAccount")),
		KeyVault:            x.Ref(p.Get("keyVault")),
		Registry:            x.Ref(p.Get("containerRegistry")),
		AppInsights:         x.Ref(p.Get("applicationInsights")),
		PublicNetworkAccess: publicAccess(x),
		HighBusinessImpact:  x.Bool(p.Get("hbiWorkspace")),
		Isolation:           model.MLIsolation(x.Str(p.At("managedNetwork", "isolationMode"))),
		IdentityDatastores:  strings.EqualFold(x.Str(p.Get("systemDatastoresAuthMode")), "Identity"),
		ImageBuildCompute:   x.Str(p.Get("imageBuildCompute")),
		ServerlessSubnet:    x.Ref(p.At("serverlessComputeSettings", "serverlessComputeCustomSubnet")),
	}
	// An absent isolation mode is Disabled, the default.
	// https://learn.microsoft.com/en-us/azure/machine-learning/how-to-managed-network#configure-a-managed-virtual-network
	if w.Isolation == "" && p.At("managedNetwork", "isolationMode").Null() {
		w.Isolation = model.MLIsolationDisabled
	}
	if enc := p.Get("encryption"); isEnabled(x, enc.Get("status")) {
		kv := enc.Get("keyVaultProperties")
		vault := x.Ref(kv.Get("keyVaultArmId"))
		w.CMK = &model.CustomerManagedKey{Key: x.keyOf(vault, kv.Get("keyIdentifier")), Identity: x.Ref(enc.At("identity", "userAssignedIdentity"))}
	}
	return w, nil
}

// keyRefExpr matches the expression enclave writes for a key's current
// URI, reference(resourceId('Microsoft.KeyVault/vaults/keys', vault, key),
// api).keyUriWithVersion, when vault and key are literals.
var keyRefExpr = regexp.MustCompile(`(?i)^\[?reference\(\s*resourceId\(\s*'Microsoft\.KeyVault/vaults/keys'\s*,\s*'([^']+)'\s*,\s*'([^']+)'\s*\)`)

// keyOf returns the key of vault a key identifier names. The identifier
// is a key URI, https://<vault>.vault.azure.net/keys/<key>[/<version>], or
// a reference() to the key's current URI, which is unknown before
// deployment but names the key in its resourceId() with literal
// arguments. Anything else is recorded as unknown.
// https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
func (x *Ctx) keyOf(vault model.Ref, v V) model.Ref {
	if vault.IsZero() || v.Null() {
		return model.Ref{}
	}
	if !v.v.IsKnown() {
		if u := v.v.Unknown(); u.Cause == importarm.CauseReference {
			if m := keyRefExpr.FindStringSubmatch(strings.TrimSpace(u.Expr)); m != nil && strings.EqualFold(m[1], vault.Leaf()) {
				return vault.Address.Child("keys", m[2]).Ref()
			}
		}
		x.known(v)
		return model.Ref{}
	}
	s := x.Str(v)
	u, err := url.Parse(s)
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if err != nil || len(segs) < 2 || segs[0] != "keys" {
		x.ds.Errorf(x.pos(v), "write the key URI, https://<vault>.vault.azure.net/keys/<key>", "%s: %s: %q is not a Key Vault key URI", x.r.Name, x.docPath(v), s)
		return model.Ref{}
	}
	return vault.Address.Child("keys", segs[1]).Ref()
}

// mlCompute reads a workspace compute: a cluster, an instance or an
// attached Kubernetes cluster.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.machinelearningservices/workspaces/computes
func mlCompute(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	in := p.Get("properties")
	c := &model.MLCompute{
		Meta:              x.Meta(),
		Kind:              model.MLComputeKind(x.Str(p.Get("computeType"))),
		Identity:          managedIdentity(x),
		LocalAuthDisabled: x.Bool(p.Get("disableLocalAuth")),
	}
	switch c.Kind {
	case model.MLComputeCluster:
		c.VMSize = x.Str(in.Get("vmSize"))
		c.Subnet = x.SubRef(in.Get("subnet"))
		c.NoPublicIP = !x.boolOr(in.Get("enableNodePublicIp"), true)
		c.MinNodes = x.Int(in.At("scaleSettings", "minNodeCount"))
		c.MaxNodes = x.Int(in.At("scaleSettings", "maxNodeCount"))
		c.IdleBeforeScaleDown = x.Str(in.At("scaleSettings", "nodeIdleTimeBeforeScaleDown"))
	case model.MLComputeInstance:
		c.VMSize = x.Str(in.Get("vmSize"))
		c.Subnet = x.SubRef(in.Get("subnet"))
		c.NoPublicIP = !x.boolOr(in.Get("enableNodePublicIp"), true)
		c.IdleShutdown = x.Str(in.Get("idleTimeBeforeShutdown"))
		// The model names the parameter the owner's object ID comes from;
		// an evaluated template holds only its value.
		if o := in.At("personalComputeInstanceSettings", "assignedUser", "objectId"); !o.Null() {
			x.ds.Warnf(x.pos(o), "the owner is imported without the parameter it came from", "%s: compute instance owner is not imported", x.r.Name)
		}
	case model.MLComputeKubernetes:
		c.Cluster = x.Ref(p.Get("resourceId"))
		c.Namespace = x.Str(in.Get("namespace"))
	default:
		return opaque(x, r)
	}
	return c, nil
}
