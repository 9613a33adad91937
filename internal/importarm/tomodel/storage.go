package tomodel

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Storage accounts with their blob and file services and containers, the
// reverse of internal/render/arm/storage.go.
func storageKinds(g *Registry) {
	g.Add(model.TypeStorageAccount, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		sa := &model.StorageAccount{
			Meta:                     x.Meta(),
			SKU:                      model.StorageSKU(x.Str(x.Value(r.SKU, "sku").Get("name"))),
			HierarchicalNamespace:    x.Bool(p.Get("isHnsEnabled")),
			Identity:                 managedIdentity(x),
			PublicNetworkAccess:      publicAccess(x),
			NetworkACL:               serviceACL(x, p.Get("networkAcls")),
			SharedKeyAccess:          x.boolOr(p.Get("allowSharedKeyAccess"), true),
			BlobPublicAccess:         x.Bool(p.Get("allowBlobPublicAccess")),
			CrossTenantReplication:   x.Bool(p.Get("allowCrossTenantReplication")),
			CopyScopePrivateLink:     strings.EqualFold(x.Str(p.Get("allowedCopyScope")), "PrivateLink"),
			MinimumTLS:               model.TLSVersion(x.Str(p.Get("minimumTlsVersion"))),
			HTTPSOnly:                x.boolOr(p.Get("supportsHttpsTrafficOnly"), true),
			DefaultOAuth:             x.Bool(p.Get("defaultToOAuthAuthentication")),
			InfrastructureEncryption: x.Bool(p.At("encryption", "requireInfrastructureEncryption")),
			SASExpiration:            x.Str(p.At("sasPolicy", "sasExpirationPeriod")),
		}
		enc := p.Get("encryption")
		if strings.EqualFold(x.Str(enc.Get("keySource")), "Microsoft.Keyvault") {
			kv := enc.Get("keyvaultproperties")
			sa.CMK = &model.CustomerManagedKey{
				Key:      x.vaultChild(kv.Get("keyvaulturi"), model.TypeKeyVaultKey, x.Str(kv.Get("keyname"))),
				Identity: x.Ref(enc.At("identity", "userAssignedIdentity")),
			}
		}
		return sa, nil
	})
	g.Add(model.TypeBlobService, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.BlobService{
			Meta:                         x.Meta(),
			DeleteRetentionDays:          x.retentionDays(p.Get("deleteRetentionPolicy")),
			ContainerDeleteRetentionDays: x.retentionDays(p.Get("containerDeleteRetentionPolicy")),
			Versioning:                   x.Bool(p.Get("isVersioningEnabled")),
			ChangeFeed:                   x.Bool(p.At("changeFeed", "enabled")),
		}, nil
	})
	g.Add(model.TypeBlobContainer, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		// The model's containers are private; a container a template opens
		// to anonymous readers cannot be represented, so it stays opaque.
		// https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
		if a := x.Props().Get("publicAccess"); !a.Null() && !strings.EqualFold(x.Str(a), "None") {
			return opaque(x, r)
		}
		return &model.BlobContainer{Meta: x.Meta()}, nil
	})
	g.Add(model.TypeFileService, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.FileService{Meta: x.Meta(), ShareDeleteRetentionDays: x.retentionDays(x.Props().Get("shareDeleteRetentionPolicy"))}, nil
	})
}

// boolOr reads a boolean Azure defaults to def when a template leaves it
// out. Storage: shared key access is allowed unless set to false, and
// HTTPS-only is on by default since API version 2019-04-01.
// https://learn.microsoft.com/en-us/javascript/api/@azure/arm-storage-profile-2020-09-01-hybrid/storageaccountcreateparameters
func (x *Ctx) boolOr(v V, def bool) bool {
	if v.Null() {
		return def
	}
	return x.Bool(v)
}

// retentionDays reads a soft-delete policy {"enabled", "days"}: 0 when
// disabled.
func (x *Ctx) retentionDays(v V) int {
	if !x.Bool(v.Get("enabled")) {
		return 0
	}
	return x.Int(v.Get("days"))
}

// publicAccess reads publicNetworkAccess. Azure leaves public network
// access on when a template does not set it.
// https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security#change-the-default-network-access-rule
func publicAccess(x *Ctx) model.PublicAccess {
	v := x.Props().Get("publicNetworkAccess")
	if v.Null() {
		return model.PublicEnabled
	}
	if !x.known(v) {
		return ""
	}
	if strings.EqualFold(x.Str(v), "Disabled") {
		return model.PublicDisabled
	}
	return model.PublicEnabled
}

// serviceACL reads a service firewall {"bypass", "defaultAction"}; an
// absent default action is Azure's, Allow.
func serviceACL(x *Ctx, v V) model.NetworkACL {
	a := model.NetworkACL{DefaultAction: model.Allow, Bypass: model.NetworkBypass(x.Str(v.Get("bypass")))}
	if d := v.Get("defaultAction"); !d.Null() {
		a.DefaultAction = model.Access(x.Str(d))
	}
	return a
}

// managedIdentity reads the resource's identity block: "SystemAssigned",
// "UserAssigned" or both, with the user-assigned identities' IDs as keys.
// https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/how-to-configure-managed-identities-template
func managedIdentity(x *Ctx) model.Identity {
	v := x.Value(x.r.Identity, "identity")
	var id model.Identity
	if v.Null() {
		return id
	}
	for _, t := range strings.Split(x.Str(v.Get("type")), ",") {
		if strings.EqualFold(strings.TrimSpace(t), "SystemAssigned") {
			id.SystemAssigned = true
		}
	}
	ua := v.Get("userAssignedIdentities")
	if ua.Null() || !x.known(ua) {
		return id
	}
	o := ua.v.Obj()
	if o == nil {
		x.typeError(ua, "an object")
		return id
	}
	for _, k := range o.Keys {
		id.UserAssigned = append(id.UserAssigned, x.Ref(V{v: importarm.StringValue(k), path: ua.path, r: ua.r}))
	}
	return id
}

// vaultChild returns a reference to the key or secret called name in the
// vault whose URI ("https://<vault>.vault.azure.net/") v holds. Vault names
// are unique across Azure, so the vault is found by name (namedResource).
// https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers
func (x *Ctx) vaultChild(v V, typ model.Type, name string) model.Ref {
	s := x.Str(v)
	if s == "" || name == "" {
		return model.Ref{}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		x.ds.Errorf(x.pos(v), "write the vault URI, https://<vault>.vault.azure.net/", "%s: %s: %q is not a Key Vault URI", x.r.Name, x.docPath(v), s)
		return model.Ref{}
	}
	vault := strings.SplitN(u.Host, ".", 2)[0]
	return x.namedResource(model.TypeKeyVault, vault).Child(typ.Segments()[len(typ.Segments())-1], name).Ref()
}

// declared returns the address of the resource of type typ named name the
// document declares, if any.
func (ix *index) declared(typ model.Type, name string) (model.Address, bool) {
	for _, r := range ix.byID {
		if strings.EqualFold(r.Type, string(typ)) && strings.EqualFold(r.Name, name) {
			a, err := ParseID(r.ID)
			if err != nil {
				return model.Address{}, false
			}
			a.Type = typ
			if a.Group == "" && a.Scope == "" {
				a.Group = r.ResourceGroup
			}
			return a, true
		}
	}
	return model.Address{}, false
}

// secureParam matches the expression of a secure parameter's value.
var secureParam = regexp.MustCompile(`^\[?parameters\('([^']+)'\)\]?$`)

// secret reads a value a template takes from a secure parameter: the
// model holds the parameter's name, never its value. A value given
// inline, or revealed, has no parameter and is an error.
func (x *Ctx) secret(v V) model.Secret {
	if v.Null() {
		return model.Secret{}
	}
	if !v.v.IsKnown() {
		if u := v.v.Unknown(); u.Cause == importarm.CauseSecure {
			if m := secureParam.FindStringSubmatch(strings.TrimSpace(u.Expr)); m != nil {
				return model.Secret{Parameter: m[1]}
			}
		}
		x.known(v)
		return model.Secret{}
	}
	x.ds.Errorf(x.pos(v), "take the value from a securestring parameter", "%s: %s holds a secret in clear text", x.r.Name, x.docPath(v))
	return model.Secret{}
}
