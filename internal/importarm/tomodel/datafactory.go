package tomodel

import (
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Data Factory: factories, managed virtual networks and private endpoints,
// integration runtimes and linked services, the reverse of
// internal/render/arm/datafactory.go. Runtimes and linked services the
// model cannot hold (another runtime or connector type, another way to
// authenticate) stay opaque.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.datafactory/factories
func dataFactoryKinds(g *Registry) {
	g.Add(model.TypeDataFactory, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		f := &model.DataFactory{Meta: x.Meta(), Identity: managedIdentity(x), PublicNetworkAccess: publicAccess(x)}
		if enc := p.Get("encryption"); !enc.Null() {
			f.CMK = &model.CustomerManagedKey{
				Key:      x.vaultChild(enc.Get("vaultBaseUrl"), model.TypeKeyVaultKey, x.Str(enc.Get("keyName"))),
				Identity: x.Ref(enc.At("identity", "userAssignedIdentity")),
			}
		}
		return f, nil
	})
	g.Add(model.TypeDataFactoryManagedVNet, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.DataFactoryManagedVNet{Meta: x.Meta()}, nil
	})
	g.Add(model.TypeDataFactoryManagedEndpoint, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.DataFactoryManagedEndpoint{Meta: x.Meta(), Target: x.Ref(p.Get("privateLinkResourceId")), GroupID: x.Str(p.Get("groupId"))}, nil
	})
	g.Add(model.TypeIntegrationRuntime, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		ir := &model.IntegrationRuntime{Meta: x.Meta(), Description: x.Str(p.Get("description"))}
		switch t := x.Str(p.Get("type")); {
		case strings.EqualFold(t, "Managed"):
			ref := p.Get("managedVirtualNetwork")
			if ref.Null() {
				// An Azure runtime outside a managed virtual network
				// reaches data stores publicly; the model has no such
				// runtime.
				return opaque(x, r)
			}
			ir.Managed = &model.ManagedRuntime{
				VNet:     x.factory().Child("managedVirtualNetworks", x.Str(ref.Get("referenceName"))).Ref(),
				Location: x.Str(p.At("typeProperties", "computeProperties", "location")),
			}
		case strings.EqualFold(t, "SelfHosted"):
			ir.SelfHosted = &model.SelfHostedRuntime{SelfContainedAuthoring: x.Bool(p.At("typeProperties", "selfContainedInteractiveAuthoringEnabled"))}
		default:
			return opaque(x, r)
		}
		return ir, nil
	})
	g.Add(model.TypeLinkedService, linkedService)
}

// factory returns the address of the factory the resource being
// converted belongs to.
func (x *Ctx) factory() model.Address {
	a, _ := ParseID(x.r.ID) // Convert has parsed it already
	a = x.canonical(a)
	if a.Group == "" && a.Scope == "" {
		a.Group = x.r.ResourceGroup
	}
	for a.Type != model.TypeDataFactory && a.Type.Parent() != "" {
		a = a.Parent()
	}
	return a
}

// linkedService reads a linked service with one of the model's connectors.
// https://learn.microsoft.com/en-us/azure/data-factory/concepts-linked-services
func linkedService(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	ls := &model.LinkedService{Meta: x.Meta(), Description: x.Str(p.Get("description"))}
	if cv := p.Get("connectVia"); !cv.Null() {
		ls.ConnectVia = x.factory().Child("integrationRuntimes", x.Str(cv.Get("referenceName"))).Ref()
	}
	tp := p.Get("typeProperties")
	var ok bool
	switch t := x.Str(p.Get("type")); t {
	case model.KeyVaultConnector{}.Connector():
		var c model.KeyVaultConnector
		if host, found := x.urlHost(tp.Get("baseUrl")); found {
			c.Vault = x.namedResource(model.TypeKeyVault, strings.SplitN(host, ".", 2)[0]).Ref()
			ls.Properties, ok = c, true
		}
	case model.DataLakeConnector{}.Connector():
		// Only the managed identity form: no key, SAS or service principal.
		// https://learn.microsoft.com/en-us/azure/data-factory/connector-azure-data-lake-storage#managed-identity
		if host, found := x.urlHost(tp.Get("url")); found && tp.Get("accountKey").Null() && tp.Get("servicePrincipalId").Null() && tp.Get("sasUri").Null() {
			name, rest, _ := strings.Cut(host, ".")
			if strings.HasPrefix(rest, "dfs.") {
				ls.Properties, ok = model.DataLakeConnector{Account: x.namedResource(model.TypeStorageAccount, name).Ref()}, true
			}
		}
	case model.OracleConnector{}.Connector():
		// Version 2.0, basic authentication, server in Easy Connect form
		// host:port[/service].
		// https://learn.microsoft.com/en-us/azure/data-factory/connector-oracle#version-20
		if x.Str(p.Get("version")) == "2.0" && strings.EqualFold(x.Str(tp.Get("authenticationType")), "Basic") {
			hostPort, db, _ := strings.Cut(x.Str(tp.Get("server")), "/")
			if ep, found := x.endpoint(tp.Get("server"), hostPort, ":"); found {
				ep.Database, ep.Username = db, x.Str(tp.Get("username"))
				ep.Password, found = x.linkedSecret(tp.Get("password"))
				ls.Properties, ok = model.OracleConnector{DatabaseEndpoint: ep}, found
			}
		}
	case model.SQLServerConnector{}.Connector():
		// SQL authentication over a mandatory-encrypted connection; server
		// is "host,port".
		// https://learn.microsoft.com/en-us/azure/data-factory/connector-sql-server#sql-authentication
		if strings.EqualFold(x.Str(tp.Get("authenticationType")), "SQL") && strings.EqualFold(x.Str(tp.Get("encrypt")), "mandatory") && !x.Bool(tp.Get("trustServerCertificate")) {
			if ep, found := x.endpoint(tp.Get("server"), x.Str(tp.Get("server")), ","); found {
				ep.Database, ep.Username = x.Str(tp.Get("database")), x.Str(tp.Get("userName"))
				ep.Password, found = x.linkedSecret(tp.Get("password"))
				ls.Properties, ok = model.SQLServerConnector{DatabaseEndpoint: ep}, found
			}
		}
	case model.PostgreSQLConnector{}.Connector():
		// Basic authentication with sslMode 5, verify-full.
		// https://learn.microsoft.com/en-us/azure/data-factory/connector-postgresql#linked-service-properties
		if strings.EqualFold(x.Str(tp.Get("authenticationType")), "Basic") && x.Int(tp.Get("sslMode")) == 5 {
			host, err := netip.ParseAddr(x.Str(tp.Get("server")))
			port := x.Int(tp.Get("port"))
			if err == nil && port > 0 && port < 1<<16 {
				ep := model.DatabaseEndpoint{Host: host, Port: uint16(port), Database: x.Str(tp.Get("database")), Username: x.Str(tp.Get("username"))}
				var found bool
				ep.Password, found = x.linkedSecret(tp.Get("password"))
				ls.Properties, ok = model.PostgreSQLConnector{DatabaseEndpoint: ep}, found
			}
		}
	}
	if !ok {
		return opaque(x, r)
	}
	return ls, nil
}

// urlHost returns the host of the URL v holds.
func (x *Ctx) urlHost(v V) (string, bool) {
	u, err := url.Parse(x.Str(v))
	if err != nil || u.Host == "" {
		return "", false
	}
	return u.Host, true
}

// endpoint reads "host<sep>port" with an IP address for host: the model's
// on-premises databases are reached by address.
func (x *Ctx) endpoint(v V, s, sep string) (model.DatabaseEndpoint, bool) {
	var host, port string
	var err error
	if sep == ":" {
		host, port, err = net.SplitHostPort(s)
	} else {
		var found bool
		if host, port, found = strings.Cut(s, sep); !found {
			return model.DatabaseEndpoint{}, false
		}
	}
	if err != nil {
		return model.DatabaseEndpoint{}, false
	}
	a, err := netip.ParseAddr(host)
	n, err2 := strconv.ParseUint(port, 10, 16)
	if err != nil || err2 != nil {
		return model.DatabaseEndpoint{}, false
	}
	return model.DatabaseEndpoint{Host: a, Port: uint16(n)}, true
}

// linkedSecret reads a password kept in Key Vault behind a linked service.
// https://learn.microsoft.com/en-us/azure/data-factory/store-credentials-in-key-vault
func (x *Ctx) linkedSecret(v V) (model.LinkedSecret, bool) {
	if !strings.EqualFold(x.Str(v.Get("type")), "AzureKeyVaultSecret") {
		return model.LinkedSecret{}, false
	}
	store := x.Str(v.At("store", "referenceName"))
	name := x.Str(v.Get("secretName"))
	if store == "" || name == "" {
		return model.LinkedSecret{}, false
	}
	return model.LinkedSecret{Store: x.factory().Child("linkedservices", store).Ref(), Name: name}, true
}
