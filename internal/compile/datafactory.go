package compile

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Names inside the factory.
const (
	adfManagedVNet    = "default"
	adfManagedRuntime = "ir-managed-vnet"
	adfSelfHosted     = "ir-self-hosted"
	adfVaultService   = "ls-keyvault-data"
	adfLakeService    = "ls-datalake"
)

// buildDataFactory creates the factory with public network access off, its
// managed virtual network and Azure integration runtime in it, managed
// private endpoints to the lake and the data vault, the self-hosted
// integration runtime on-premises sources are reached through, linked
// services for the vault, the lake and each data source, private endpoints
// for the factory and its authoring portal, diagnostics, and the factory
// identity's data-plane roles.
//
// The managed private endpoints reach the lake and the vault as pending
// connections: an owner of those resources approves them once after the
// first deployment (Networking, Private endpoint connections).
func buildDataFactory(c *ctx) {
	if !c.doc.Services.DataFactory.On() {
		return
	}
	f := &model.DataFactory{
		Meta:                model.Meta{Name: c.names.Global("adf", "", true, 63), Group: c.rg(RGData), Origin: c.doc.Pos("services.dataFactory")},
		Identity:            model.Identity{SystemAssigned: true},
		PublicNetworkAccess: model.PublicDisabled,
	}
	f.CMK = c.dataKey(f.Name, &f.Identity, &f.Meta)
	factory := c.add(f)

	vnet := c.add(&model.DataFactoryManagedVNet{Meta: model.Meta{Name: f.Name + "/" + adfManagedVNet, Group: f.Group}})
	managed := c.add(&model.IntegrationRuntime{
		Meta:        model.Meta{Name: f.Name + "/" + adfManagedRuntime, Group: f.Group},
		Description: "Azure integration runtime in the managed virtual network; reaches the lake and the data vault through managed private endpoints",
		Managed:     &model.ManagedRuntime{VNet: vnet, Location: c.doc.Location},
	})
	c.adfManagedEndpoint(vnet, "lake-dfs", c.adls, "dfs")
	c.adfManagedEndpoint(vnet, "keyvault-data", c.dataVault, "vault")
	c.shir = c.add(&model.IntegrationRuntime{
		Meta:        model.Meta{Name: f.Name + "/" + adfSelfHosted, Group: f.Group},
		Description: "self-hosted integration runtime on the integration subnet; reaches on-premises data sources over the gateway",
		SelfHosted:  &model.SelfHostedRuntime{SelfContainedAuthoring: true},
	})

	vault := c.linkedService(f, adfVaultService, "data Key Vault: passwords of data sources", managed, model.KeyVaultConnector{Vault: c.dataVault})
	c.linkedService(f, adfLakeService, "data lake, with the factory's managed identity", managed, model.DataLakeConnector{Account: c.adls})
	for _, ds := range c.doc.DataSources {
		conn, err := sourceConnector(ds, vault)
		if err != nil {
			c.fail("%v", err)
			return
		}
		c.add(&model.LinkedService{
			Meta:        model.Meta{Name: f.Name + "/ls-" + string(ds.Type) + "-" + ds.Name, Group: f.Group, Origin: ds.Pos},
			Description: fmt.Sprintf("on-premises %s database %s at %s:%d, through the self-hosted integration runtime", ds.Type, ds.Name, ds.Host, ds.Port),
			ConnectVia:  c.shir,
			Properties:  conn,
		})
	}

	c.privateEndpoint(factory, "dataFactory")
	c.privateEndpoint(factory, "portal")
	c.diagnostics(factory, allLogs, true)
	c.grant(c.adls, "Storage Blob Data Contributor", systemIdentity(factory))
	c.grant(c.dataVault, "Key Vault Secrets User", systemIdentity(factory))
}

// adfManagedEndpoint creates a managed private endpoint named
// "mpe-<purpose>" in a factory's managed virtual network.
func (c *ctx) adfManagedEndpoint(vnet model.Ref, purpose string, target model.Ref, groupID string) model.Ref {
	return c.add(&model.DataFactoryManagedEndpoint{
		Meta:    model.Meta{Name: vnet.Name + "/mpe-" + purpose, Group: vnet.Group},
		Target:  target,
		GroupID: groupID,
	})
}

// linkedService creates a linked service of factory f running on runtime.
func (c *ctx) linkedService(f *model.DataFactory, name, description string, runtime model.Ref, conn model.LinkedServiceProperties) model.Ref {
	return c.add(&model.LinkedService{
		Meta:        model.Meta{Name: f.Name + "/" + name, Group: f.Group},
		Description: description,
		ConnectVia:  runtime,
		Properties:  conn,
	})
}

// sourceConnector returns the connector for an on-premises data source,
// its password read from the vault behind the Key Vault linked service.
func sourceConnector(ds spec.DataSource, vault model.Ref) (model.LinkedServiceProperties, error) {
	ep := model.DatabaseEndpoint{
		Host:     ds.Host,
		Port:     ds.Port,
		Database: ds.ServiceName,
		Username: ds.Username,
		Password: model.LinkedSecret{Store: vault, Name: sourcePasswordSecret(ds)},
	}
	switch ds.Type {
	case spec.DataSourceOracle:
		return model.OracleConnector{DatabaseEndpoint: ep}, nil
	case spec.DataSourceSQLServer:
		return model.SQLServerConnector{DatabaseEndpoint: ep}, nil
	case spec.DataSourcePostgres:
		return model.PostgreSQLConnector{DatabaseEndpoint: ep}, nil
	}
	return nil, fmt.Errorf("data source %s has unknown type %q", ds.Name, ds.Type)
}
