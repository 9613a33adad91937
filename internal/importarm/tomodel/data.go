package tomodel

import (
	"net/url"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Databricks, Synapse and Event Hubs, the reverse of
// internal/render/arm/databricks.go, synapse.go and streaming.go.
func dataKinds(g *Registry) {
	g.Add(model.TypeDatabricksWorkspace, databricks)
	synapseKinds(g)
	eventHubKinds(g)
}

// databricks reads a workspace injected into a virtual network.
// https://learn.microsoft.com/en-us/azure/databricks/security/network/classic/vnet-inject
func databricks(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	par := p.Get("parameters")
	w := &model.DatabricksWorkspace{
		Meta:                     x.Meta(),
		SKU:                      x.Str(x.Value(r.SKU, "sku").Get("name")),
		VirtualNetwork:           x.Ref(par.At("customVirtualNetworkId", "value")),
		NoPublicIP:               x.Bool(par.At("enableNoPublicIp", "value")),
		PublicNetworkAccess:      publicAccess(x),
		RequiredNSGRules:         model.DatabricksNSGRules(x.Str(p.Get("requiredNsgRules"))),
		InfrastructureEncryption: x.Bool(par.At("requireInfrastructureEncryption", "value")),
	}
	if id := p.Get("managedResourceGroupId"); !id.Null() {
		if s := x.Str(id); s != "" {
			a, err := ParseID(s)
			if err != nil || a.Type != model.TypeResourceGroup {
				x.ds.Errorf(x.pos(id), "write the managed resource group's ID, e.g. with subscriptionResourceId()", "%s: %s: %q is not a resource group ID", x.r.Name, x.docPath(id), s)
			} else {
				w.ManagedResourceGroup = a.Name
			}
		}
	}
	if !w.VirtualNetwork.IsZero() {
		if s := x.Str(par.At("customPublicSubnetName", "value")); s != "" {
			w.HostSubnet = w.VirtualNetwork.Child("subnets", s).Ref()
		}
		if s := x.Str(par.At("customPrivateSubnetName", "value")); s != "" {
			w.ContainerSubnet = w.VirtualNetwork.Child("subnets", s).Ref()
		}
	}
	return w, nil
}

// synapseKinds reads Synapse workspaces, their Entra ID administrator,
// SQL auditing and threat detection.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.synapse/workspaces
func synapseKinds(g *Registry) {
	g.Add(model.TypeSynapseWorkspace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		lake := p.Get("defaultDataLakeStorage")
		vnet := p.Get("managedVirtualNetworkSettings")
		w := &model.SynapseWorkspace{
			Meta:                    x.Meta(),
			Identity:                managedIdentity(x),
			DataLake:                x.Ref(lake.Get("resourceId")),
			FileSystem:              x.Str(lake.Get("filesystem")),
			DataLakeEndpoint:        x.Bool(lake.Get("createManagedPrivateEndpoint")),
			ManagedVirtualNetwork:   strings.EqualFold(x.Str(p.Get("managedVirtualNetwork")), "default"),
			PreventDataExfiltration: x.Bool(vnet.Get("preventDataExfiltration")),
			AllowedTenants:          x.Strs(vnet.Get("allowedAadTenantIdsForLinking")),
			PublicNetworkAccess:     publicAccess(x),
			EntraOnlyAuth:           x.Bool(p.Get("azureADOnlyAuthentication")),
			SQLAdminLogin:           x.Str(p.Get("sqlAdministratorLogin")),
			ManagedResourceGroup:    x.Str(p.Get("managedResourceGroupName")),
		}
		if cmk := p.At("encryption", "cmk"); !cmk.Null() {
			w.CMK = &model.CustomerManagedKey{Key: x.keyURL(cmk.At("key", "keyVaultUrl")), Identity: x.Ref(cmk.At("kekIdentity", "userAssignedIdentity"))}
		}
		return w, nil
	})
	g.Add(model.TypeSynapseEntraAdmin, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		if t := x.Str(p.Get("administratorType")); !strings.EqualFold(t, "ActiveDirectory") {
			return opaque(x, r)
		}
		return &model.SynapseEntraAdmin{Meta: x.Meta(), Login: x.Str(p.Get("login")), ObjectID: x.Str(p.Get("sid"))}, nil
	})
	// The model's auditing and alert policies are switched on; a template
	// that switches them off keeps them opaque rather than claiming them.
	g.Add(model.TypeSynapseAuditing, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		if !isEnabled(x, p.Get("state")) {
			return opaque(x, r)
		}
		return &model.SynapseAuditing{Meta: x.Meta(), ActionGroups: x.Strs(p.Get("auditActionsAndGroups")), AzureMonitor: x.Bool(p.Get("isAzureMonitorTargetEnabled"))}, nil
	})
	g.Add(model.TypeSynapseAlerts, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		if !isEnabled(x, p.Get("state")) {
			return opaque(x, r)
		}
		return &model.SynapseAlerts{Meta: x.Meta(), EmailAdmins: x.Bool(p.Get("emailAccountAdmins"))}, nil
	})
}

// keyURL reads a versionless key URI, https://<vault>.vault.azure.net/keys/<key>.
// https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
func (x *Ctx) keyURL(v V) model.Ref {
	s := x.Str(v)
	if s == "" {
		return model.Ref{}
	}
	u, err := url.Parse(s)
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if err != nil || len(segs) < 2 || segs[0] != "keys" {
		x.ds.Errorf(x.pos(v), "write the key URI, https://<vault>.vault.azure.net/keys/<key>", "%s: %s: %q is not a Key Vault key URI", x.r.Name, x.docPath(v), s)
		return model.Ref{}
	}
	return x.vaultChild(v, model.TypeKeyVaultKey, segs[1])
}

// eventHubKinds reads Event Hubs namespaces, hubs and consumer groups.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.eventhub/namespaces
func eventHubKinds(g *Registry) {
	g.Add(model.TypeEventHubNamespace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		sku := x.Value(r.SKU, "sku")
		ns := &model.EventHubNamespace{
			Meta:                x.Meta(),
			SKU:                 model.EventHubSKU(x.Str(sku.Get("name"))),
			ThroughputUnits:     x.Int(sku.Get("capacity")),
			AutoInflate:         x.Bool(p.Get("isAutoInflateEnabled")),
			LocalAuthDisabled:   x.Bool(p.Get("disableLocalAuth")),
			MinimumTLS:          x.Str(p.Get("minimumTlsVersion")),
			PublicNetworkAccess: publicAccess(x),
			ZoneRedundant:       x.Bool(p.Get("zoneRedundant")),
		}
		if ns.AutoInflate {
			ns.MaxThroughputUnits = x.Int(p.Get("maximumThroughputUnits"))
		}
		return ns, nil
	})
	g.Add(model.TypeEventHub, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		// Only the Delete cleanup policy has a retention time in hours;
		// a compacted hub keeps the latest event per key instead.
		// https://learn.microsoft.com/en-us/azure/event-hubs/event-hubs-features#event-retention
		if c := p.At("retentionDescription", "cleanupPolicy"); !c.Null() && !strings.EqualFold(x.Str(c), "Delete") {
			return opaque(x, r)
		}
		return &model.EventHub{Meta: x.Meta(), Partitions: x.Int(p.Get("partitionCount")), RetentionHours: x.Int(p.At("retentionDescription", "retentionTimeInHours"))}, nil
	})
	g.Add(model.TypeEventHubConsumerGroup, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.EventHubConsumerGroup{Meta: x.Meta(), Purpose: x.Str(x.Props().Get("userMetadata"))}, nil
	})
}
