package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Container registries, AKS clusters and cluster extensions, the reverse
// of internal/render/arm/containers.go.
func containerKinds(g *Registry) {
	g.Add(model.TypeContainerRegistry, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		a := serviceACL(x, p.Get("networkRuleSet"))
		a.Bypass = model.NetworkBypass(x.Str(p.Get("networkRuleBypassOptions")))
		pol := p.Get("policies")
		cr := &model.ContainerRegistry{
			Meta:                x.Meta(),
			SKU:                 x.Str(x.Value(r.SKU, "sku").Get("name")),
			AdminUser:           x.Bool(p.Get("adminUserEnabled")),
			AnonymousPull:       x.Bool(p.Get("anonymousPullEnabled")),
			PublicNetworkAccess: publicAccess(x),
			NetworkACL:          a,
			ZoneRedundant:       isEnabled(x, p.Get("zoneRedundancy")),
			// Export is allowed unless a policy disables it.
			// https://learn.microsoft.com/en-us/azure/container-registry/data-loss-prevention
			ExportDisabled: strings.EqualFold(x.Str(pol.At("exportPolicy", "status")), "disabled"),
			// ARM-audience tokens are accepted unless disabled.
			// https://learn.microsoft.com/en-us/azure/container-registry/container-registry-disable-authentication-as-arm
			ARMAudienceTokensDisabled: strings.EqualFold(x.Str(pol.At("azureADAuthenticationAsArmPolicy", "status")), "disabled"),
		}
		if ret := pol.Get("retentionPolicy"); isEnabled(x, ret.Get("status")) {
			cr.UntaggedRetentionDays = x.Int(ret.Get("days"))
		}
		return cr, nil
	})
	g.Add(model.TypeManagedCluster, managedCluster)
	g.Add(model.TypeClusterExtension, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		e := &model.ClusterExtension{
			Meta:             x.Meta(),
			ExtensionType:    x.Str(p.Get("extensionType")),
			ReleaseTrain:     x.Str(p.Get("releaseTrain")),
			ReleaseNamespace: x.Str(p.At("scope", "cluster", "releaseNamespace")),
			AutoUpgradeMinor: x.Bool(p.Get("autoUpgradeMinorVersion")),
		}
		cs := p.Get("configurationSettings")
		if !cs.Null() && x.known(cs) {
			o := cs.v.Obj()
			if o == nil {
				x.typeError(cs, "an object")
			} else {
				for i, k := range o.Keys {
					e.Settings = append(e.Settings, model.Setting{Name: k, Value: x.Str(V{v: o.Vals[i], path: cs.path + "." + k, r: cs.r})})
				}
			}
		}
		return e, nil
	})
}

// isEnabled reads "Enabled"/"Disabled" (either case) as a boolean.
func isEnabled(x *Ctx, v V) bool { return strings.EqualFold(x.Str(v), "Enabled") }

// managedCluster reads an AKS cluster with Entra ID integration.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.containerservice/managedclusters
func managedCluster(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	api := p.Get("apiServerAccessProfile")
	net := p.Get("networkProfile")
	sec := p.Get("securityProfile")
	c := &model.ManagedCluster{
		Meta:                  x.Meta(),
		Tier:                  x.Str(x.Value(r.SKU, "sku").Get("tier")),
		Identity:              managedIdentity(x),
		KubeletIdentity:       x.Ref(p.At("identityProfile", "kubeletidentity", "resourceId")),
		FQDNSubdomain:         x.Str(p.Get("fqdnSubdomain")),
		PrivateCluster:        x.Bool(api.Get("enablePrivateCluster")),
		RunCommandDisabled:    x.Bool(api.Get("disableRunCommand")),
		EntraAdminGroups:      x.Strs(p.At("aadProfile", "adminGroupObjectIDs")),
		AzureRBAC:             x.Bool(p.At("aadProfile", "enableAzureRBAC")),
		LocalAccountsDisabled: x.Bool(p.Get("disableLocalAccounts")),
		Network: model.ClusterNetwork{
			Plugin:       x.Str(net.Get("networkPlugin")),
			Policy:       x.Str(net.Get("networkPolicy")),
			ServiceCIDR:  x.Prefix(net.Get("serviceCidr")),
			DNSServiceIP: x.Addr(net.Get("dnsServiceIP")),
			Outbound:     model.OutboundType(x.Str(net.Get("outboundType"))),
		},
		AzurePolicy:          x.Bool(p.At("addonProfiles", "azurepolicy", "enabled")),
		WorkloadIdentity:     x.Bool(sec.At("workloadIdentity", "enabled")),
		UpgradeChannel:       x.Str(p.At("autoUpgradeProfile", "upgradeChannel")),
		NodeOSUpgradeChannel: x.Str(p.At("autoUpgradeProfile", "nodeOSUpgradeChannel")),
	}
	// privateDNSZone is "system", "none" or a zone's resource ID.
	// https://learn.microsoft.com/en-us/azure/aks/private-clusters#configure-a-private-dns-zone
	if z := api.Get("privateDNSZone"); strings.HasPrefix(x.Str(z), "/") {
		c.PrivateDNSZone = x.Ref(z)
	}
	if oms := p.At("addonProfiles", "omsagent"); x.Bool(oms.Get("enabled")) {
		c.Workspace = x.Ref(oms.At("config", "logAnalyticsWorkspaceResourceID"))
	}
	if d := sec.Get("defender"); x.Bool(d.At("securityMonitoring", "enabled")) {
		c.Defender = true
		if c.Workspace.IsZero() {
			c.Workspace = x.Ref(d.Get("logAnalyticsWorkspaceResourceId"))
		}
	}
	if ic := sec.Get("imageCleaner"); x.Bool(ic.Get("enabled")) {
		c.ImageCleanerHours = x.Int(ic.Get("intervalHours"))
	}
	for _, ap := range x.Items(p.Get("agentPoolProfiles")) {
		c.NodePools = append(c.NodePools, nodePool(x, ap))
	}
	return c, nil
}

// nodePool reads one agent pool; a pool without autoscaling has a fixed
// count, its minimum and maximum alike.
func nodePool(x *Ctx, ap V) model.NodePool {
	np := model.NodePool{
		Name:             x.Str(ap.Get("name")),
		Mode:             x.Str(ap.Get("mode")),
		VMSize:           x.Str(ap.Get("vmSize")),
		OSSKU:            x.Str(ap.Get("osSKU")),
		Subnet:           x.Ref(ap.Get("vnetSubnetID")),
		MaxPods:          x.Int(ap.Get("maxPods")),
		Zones:            x.Strs(ap.Get("availabilityZones")),
		EncryptionAtHost: x.Bool(ap.Get("enableEncryptionAtHost")),
		SSHDisabled:      strings.EqualFold(x.Str(ap.At("securityProfile", "sshAccess")), "Disabled"),
	}
	if x.Bool(ap.Get("enableAutoScaling")) {
		np.MinCount, np.MaxCount = x.Int(ap.Get("minCount")), x.Int(ap.Get("maxCount"))
	} else {
		np.MinCount = x.Int(ap.Get("count"))
		np.MaxCount = np.MinCount
	}
	for _, t := range x.Items(ap.Get("nodeTaints")) {
		// https://learn.microsoft.com/en-us/azure/aks/use-system-pools#system-and-user-node-pools
		if s := x.Str(t); s == "CriticalAddonsOnly=true:NoSchedule" {
			np.CriticalAddonsOnly = true
		} else if s != "" {
			x.ds.Warnf(x.pos(t), "the model knows only the CriticalAddonsOnly taint; judge this one by hand", "%s: node pool %s: taint %q is not imported", x.r.Name, np.Name, s)
		}
	}
	return np
}
