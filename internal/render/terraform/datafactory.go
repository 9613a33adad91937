package terraform

import (
	"fmt"
	"net"
	"strconv"

	"github.com/enclave-dev/enclave/internal/model"
)

// managedVNetFold: azurerm_data_factory creates the factory's managed
// virtual network ("default") when managed_virtual_network_enabled is
// set; azurerm has no resource for it.
const managedVNetFold = "azurerm_data_factory creates its managed virtual network with managed_virtual_network_enabled; azurerm has no resource for it"

func dataFactoryKinds(t table) {
	t.add(kind(dataFactory))
	t.add(kind(func(x *Ctx, r *model.DataFactoryManagedVNet) error {
		if leaf(r.Name) != "default" {
			return fmt.Errorf("azurerm names the managed virtual network default, not %q", leaf(r.Name))
		}
		x.Fold(x.Address().Parent().Ref(), managedVNetFold)
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.DataFactoryManagedEndpoint) error {
		b := x.Resource("azurerm_data_factory_managed_private_endpoint", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", x.ID(x.Address().Parent().Parent().Ref()))
		b.Set("target_resource_id", x.ID(r.Target))
		b.Set("subresource_name", String(r.GroupID))
		return nil
	}))
	t.add(kind(integrationRuntime))
	t.add(kind(linkedService))
}

// dataFactory writes the factory. ARM's encryption (vault base URL and key
// name, no version) is customer_managed_key_id set to the key's
// versionless ID, read with customer_managed_key_identity_id.
func dataFactory(x *Ctx, r *model.DataFactory) error {
	b := x.Top("azurerm_data_factory")
	if r.PublicNetworkAccess != "" {
		b.Set("public_network_enabled", Bool(r.PublicNetworkAccess == model.PublicEnabled))
	}
	_, managed := x.Graph().Get(x.Address().Child("managedVirtualNetworks", "default"))
	b.Set("managed_virtual_network_enabled", Bool(managed))
	x.Identity(b, r.Identity)
	if k := r.CMK; k != nil {
		if !containsRef(r.Identity.UserAssigned, k.Identity) {
			return fmt.Errorf("customer-managed key identity %s is not one of the factory's identities", k.Identity)
		}
		b.Set("customer_managed_key_id", x.Ref(k.Key, "versionless_id"))
		b.Set("customer_managed_key_identity_id", x.ID(k.Identity))
	}
	return nil
}

// integrationRuntime writes the Azure runtime in the managed virtual
// network or a self-hosted runtime.
func integrationRuntime(x *Ctx, r *model.IntegrationRuntime) error {
	factory := x.ID(x.Address().Parent().Ref())
	var b *Body
	switch {
	case r.Managed != nil && r.SelfHosted == nil:
		if r.Managed.VNet.Leaf() != "default" {
			return fmt.Errorf("managed runtime in virtual network %q; azurerm supports only the factory's default", r.Managed.VNet.Leaf())
		}
		b = x.Resource("azurerm_data_factory_integration_runtime_azure", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", factory)
		b.Set("location", x.region(r.Managed.Location))
		b.Set("virtual_network_enabled", Bool(true))
	case r.SelfHosted != nil && r.Managed == nil:
		b = x.Resource("azurerm_data_factory_integration_runtime_self_hosted", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", factory)
		b.Set("self_contained_interactive_authoring_enabled", Bool(r.SelfHosted.SelfContainedAuthoring))
	default:
		return fmt.Errorf("integration runtime must be exactly one of managed and self-hosted")
	}
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	return nil
}

// linkedService writes a linked service with the closest azurerm resource.
// Key Vault and Data Lake Gen2 have dedicated resources. Oracle has none in
// azurerm, and azurerm_data_factory_linked_service_sql_server and
// _postgresql only take connection strings of the legacy connectors
// (SQL Server legacy, PostgreSql v1); the model asks for the Oracle 2.0,
// SQL Server (encrypt mandatory) and PostgreSqlV2 (sslMode verify-full)
// connectors, so those three are azurerm_data_factory_linked_custom_service
// with the same typeProperties as the ARM rendering:
// https://learn.microsoft.com/azure/data-factory/connector-oracle,
// https://learn.microsoft.com/azure/data-factory/connector-sql-server,
// https://learn.microsoft.com/azure/data-factory/connector-postgresql.
func linkedService(x *Ctx, r *model.LinkedService) error {
	factory := x.ID(x.Address().Parent().Ref())
	var b *Body
	switch c := r.Properties.(type) {
	case model.KeyVaultConnector:
		b = x.Resource("azurerm_data_factory_linked_service_key_vault", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", factory)
		b.Set("key_vault_id", x.ID(c.Vault))
	case model.DataLakeConnector:
		// No key, SAS or service principal: the factory's managed
		// identity, as the ARM linked service without credentials.
		b = x.Resource("azurerm_data_factory_linked_service_data_lake_storage_gen2", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", factory)
		b.Set("url", x.Ref(c.Account, "primary_dfs_endpoint"))
		b.Set("use_managed_identity", Bool(true))
	case model.OracleConnector, model.SQLServerConnector, model.PostgreSQLConnector:
		props, version, err := databaseTypeProperties(x, c)
		if err != nil {
			return err
		}
		b = x.Resource("azurerm_data_factory_linked_custom_service", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("data_factory_id", factory)
		b.Set("type", String(c.Connector()))
		b.Set("type_properties_json", Call("jsonencode", props))
		if version != "" {
			// The connector version is a property of the linked service
			// beside typeProperties; additional_properties are written there.
			b.Set("additional_properties", StringMap(map[string]string{"version": version}))
		}
		if !r.ConnectVia.IsZero() {
			b.Block("integration_runtime").Set("name", x.Name(r.ConnectVia))
		}
	default:
		return fmt.Errorf("no Terraform form for connector %T", r.Properties)
	}
	if r.Description != "" {
		b.Set("description", String(r.Description))
	}
	if !r.ConnectVia.IsZero() && !b.Has("type_properties_json") {
		b.Set("integration_runtime_name", x.Name(r.ConnectVia))
	}
	return nil
}

// databaseTypeProperties is the typeProperties object of a database
// connector and its connector version.
func databaseTypeProperties(x *Ctx, conn model.LinkedServiceProperties) (Expr, string, error) {
	switch c := conn.(type) {
	case model.OracleConnector:
		return Object(
			Field{"server", String(oracleEasyConnect(c.DatabaseEndpoint))},
			Field{"authenticationType", String("Basic")},
			Field{"username", String(c.Username)},
			Field{"password", linkedSecret(x, c.Password)},
		), "2.0", nil
	case model.SQLServerConnector:
		fs := []Field{{"server", String(c.Host.String() + "," + strconv.Itoa(int(c.Port)))}}
		if c.Database != "" {
			fs = append(fs, Field{"database", String(c.Database)})
		}
		fs = append(fs,
			Field{"encrypt", String("mandatory")},
			Field{"trustServerCertificate", Bool(false)},
			Field{"authenticationType", String("SQL")},
			Field{"userName", String(c.Username)},
			Field{"password", linkedSecret(x, c.Password)},
		)
		return Object(fs...), "", nil
	case model.PostgreSQLConnector:
		return Object(
			Field{"server", String(c.Host.String())},
			Field{"port", Number(int64(c.Port))},
			Field{"database", String(c.Database)},
			Field{"username", String(c.Username)},
			Field{"authenticationType", String("Basic")},
			// sslMode 5 is verify-full: TLS required, certificate checked
			// against the host name.
			Field{"sslMode", Number(5)},
			Field{"password", linkedSecret(x, c.Password)},
		), "", nil
	}
	return nil, "", fmt.Errorf("%T is not a database connector", conn)
}

// oracleEasyConnect spells an Oracle endpoint "host:port/service".
func oracleEasyConnect(ep model.DatabaseEndpoint) string {
	s := net.JoinHostPort(ep.Host.String(), strconv.Itoa(int(ep.Port)))
	if ep.Database != "" {
		s += "/" + ep.Database
	}
	return s
}

// linkedSecret references a Key Vault secret through the factory's Key
// Vault linked service; the store's name is a reference, so Terraform
// creates the Key Vault linked service first.
func linkedSecret(x *Ctx, s model.LinkedSecret) Expr {
	return Object(
		Field{"type", String("AzureKeyVaultSecret")},
		Field{"store", Object(Field{"referenceName", x.Name(s.Store)}, Field{"type", String("LinkedServiceReference")})},
		Field{"secretName", String(s.Name)},
	)
}

// region spells a region the model names outside Meta.Location: the
// location variable when it is the environment's.
func (x *Ctx) region(loc string) Expr {
	if loc == x.Graph().Location {
		return Var(LocationVar)
	}
	return String(loc)
}

func containsRef(refs []model.Ref, r model.Ref) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}
