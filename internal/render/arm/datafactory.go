package arm

import (
	"fmt"
	"net"
	"strconv"

	"github.com/enclave-dev/enclave/internal/model"
)

type factoryProps struct {
	PublicNetworkAccess string             `json:"publicNetworkAccess"`
	Encryption          *factoryEncryption `json:"encryption,omitempty"`
}

type factoryEncryption struct {
	VaultBaseURL string             `json:"vaultBaseUrl"`
	KeyName      string             `json:"keyName"`
	Identity     factoryKeyIdentity `json:"identity"`
}

type factoryKeyIdentity struct {
	UserAssignedIdentity string `json:"userAssignedIdentity"`
}

type managedEndpointProps struct {
	PrivateLinkResourceID string `json:"privateLinkResourceId"`
	GroupID               string `json:"groupId"`
}

// adfReference is how Data Factory entities name each other:
// {"referenceName": ..., "type": "LinkedServiceReference"}.
type adfReference struct {
	ReferenceName string `json:"referenceName"`
	Type          string `json:"type"`
}

type managedRuntimeProps struct {
	Type                  string                  `json:"type"`
	Description           string                  `json:"description,omitempty"`
	ManagedVirtualNetwork adfReference            `json:"managedVirtualNetwork"`
	TypeProperties        managedRuntimeTypeProps `json:"typeProperties"`
}

type managedRuntimeTypeProps struct {
	ComputeProperties runtimeCompute `json:"computeProperties"`
}

type runtimeCompute struct {
	Location string `json:"location"`
}

type selfHostedRuntimeProps struct {
	Type           string                     `json:"type"`
	Description    string                     `json:"description,omitempty"`
	TypeProperties selfHostedRuntimeTypeProps `json:"typeProperties"`
}

type selfHostedRuntimeTypeProps struct {
	SelfContainedInteractiveAuthoringEnabled bool `json:"selfContainedInteractiveAuthoringEnabled"`
}

// linkedServiceBase is what every linked service has; each connector's wire
// struct embeds it and adds its typeProperties.
type linkedServiceBase struct {
	Type        string        `json:"type"`
	Version     string        `json:"version,omitempty"`
	Description string        `json:"description,omitempty"`
	ConnectVia  *adfReference `json:"connectVia,omitempty"`
}

type keyVaultService struct {
	linkedServiceBase
	TypeProperties keyVaultServiceProps `json:"typeProperties"`
}

type keyVaultServiceProps struct {
	BaseURL string `json:"baseUrl"`
}

type dataLakeService struct {
	linkedServiceBase
	TypeProperties dataLakeServiceProps `json:"typeProperties"`
}

// dataLakeServiceProps has only the URL: with no credential the factory
// authenticates with its system-assigned managed identity.
type dataLakeServiceProps struct {
	URL string `json:"url"`
}

// vaultSecret is an AzureKeyVaultSecretReference.
type vaultSecret struct {
	Type       string       `json:"type"`
	Store      adfReference `json:"store"`
	SecretName string       `json:"secretName"`
}

type oracleService struct {
	linkedServiceBase
	TypeProperties oracleServiceProps `json:"typeProperties"`
}

type oracleServiceProps struct {
	Server             string      `json:"server"`
	AuthenticationType string      `json:"authenticationType"`
	Username           string      `json:"username"`
	Password           vaultSecret `json:"password"`
}

type sqlServerService struct {
	linkedServiceBase
	TypeProperties sqlServerServiceProps `json:"typeProperties"`
}

type sqlServerServiceProps struct {
	Server                 string      `json:"server"`
	Database               string      `json:"database,omitempty"`
	Encrypt                string      `json:"encrypt"`
	TrustServerCertificate bool        `json:"trustServerCertificate"`
	AuthenticationType     string      `json:"authenticationType"`
	UserName               string      `json:"userName"`
	Password               vaultSecret `json:"password"`
}

type postgresService struct {
	linkedServiceBase
	TypeProperties postgresServiceProps `json:"typeProperties"`
}

type postgresServiceProps struct {
	Server             string      `json:"server"`
	Port               uint16      `json:"port"`
	Database           string      `json:"database"`
	Username           string      `json:"username"`
	AuthenticationType string      `json:"authenticationType"`
	SSLMode            int         `json:"sslMode"`
	Password           vaultSecret `json:"password"`
}

// postgresVerifyFull is the PostgreSQL connector's sslMode 5: TLS required
// and the server certificate checked against its host name.
const postgresVerifyFull = 5

func addDataFactoryKinds(t table) {
	t.add(kind(dataFactoryAPI, func(x *Ctx, r *model.DataFactory) (Body, error) {
		p := factoryProps{PublicNetworkAccess: string(r.PublicNetworkAccess)}
		if r.CMK != nil {
			p.Encryption = &factoryEncryption{
				VaultBaseURL: vaultURI(r.CMK.Key.Parent().Ref()),
				KeyName:      r.CMK.Key.Leaf(),
				Identity:     factoryKeyIdentity{UserAssignedIdentity: x.ID(r.CMK.Identity)},
			}
		}
		return Body{Identity: x.Identity(r.Identity), Properties: p}, nil
	}))
	t.add(kind(dataFactoryAPI, func(x *Ctx, r *model.DataFactoryManagedVNet) (Body, error) {
		return Body{Properties: struct{}{}}, nil
	}))
	t.add(kind(dataFactoryAPI, func(x *Ctx, r *model.DataFactoryManagedEndpoint) (Body, error) {
		return Body{Properties: managedEndpointProps{PrivateLinkResourceID: x.ID(r.Target), GroupID: r.GroupID}}, nil
	}))
	t.add(kind(dataFactoryAPI, integrationRuntime))
	t.add(kind(dataFactoryAPI, linkedService))
}

// integrationRuntime renders the runtime's type-specific shape.
func integrationRuntime(x *Ctx, r *model.IntegrationRuntime) (Body, error) {
	switch {
	case r.Managed != nil && r.SelfHosted == nil:
		return Body{Properties: managedRuntimeProps{
			Type:                  "Managed",
			Description:           r.Description,
			ManagedVirtualNetwork: adfReference{ReferenceName: r.Managed.VNet.Leaf(), Type: "ManagedVirtualNetworkReference"},
			TypeProperties:        managedRuntimeTypeProps{ComputeProperties: runtimeCompute{Location: r.Managed.Location}},
		}}, nil
	case r.SelfHosted != nil && r.Managed == nil:
		return Body{Properties: selfHostedRuntimeProps{
			Type:           "SelfHosted",
			Description:    r.Description,
			TypeProperties: selfHostedRuntimeTypeProps{SelfContainedInteractiveAuthoringEnabled: r.SelfHosted.SelfContainedAuthoring},
		}}, nil
	}
	return Body{}, fmt.Errorf("integration runtime must be exactly one of managed and self-hosted")
}

// linkedService renders the connector-specific shape of a linked service.
func linkedService(x *Ctx, r *model.LinkedService) (Body, error) {
	base := linkedServiceBase{Type: r.Properties.Connector(), Description: r.Description}
	if !r.ConnectVia.IsZero() {
		base.ConnectVia = &adfReference{ReferenceName: r.ConnectVia.Leaf(), Type: "IntegrationRuntimeReference"}
	}
	props, err := connectorProps(base, r.Properties)
	if err != nil {
		return Body{}, err
	}
	return Body{Properties: props}, nil
}

// connectorProps returns the wire form of a connector: base plus its
// type-specific typeProperties.
func connectorProps(base linkedServiceBase, conn model.LinkedServiceProperties) (any, error) {
	switch c := conn.(type) {
	case model.KeyVaultConnector:
		return keyVaultService{base, keyVaultServiceProps{BaseURL: vaultURI(c.Vault)}}, nil
	case model.DataLakeConnector:
		return dataLakeService{base, dataLakeServiceProps{URL: endpointURL(c.Account, "dfs")}}, nil
	case model.OracleConnector:
		base.Version = "2.0"
		return oracleService{base, oracleServiceProps{
			Server:             oracleEasyConnect(c.DatabaseEndpoint),
			AuthenticationType: "Basic",
			Username:           Lit(c.Username),
			Password:           linkedSecret(c.Password),
		}}, nil
	case model.SQLServerConnector:
		return sqlServerService{base, sqlServerServiceProps{
			Server:             c.Host.String() + "," + strconv.Itoa(int(c.Port)),
			Database:           Lit(c.Database),
			Encrypt:            "mandatory",
			AuthenticationType: "SQL",
			UserName:           Lit(c.Username),
			Password:           linkedSecret(c.Password),
		}}, nil
	case model.PostgreSQLConnector:
		return postgresService{base, postgresServiceProps{
			Server:             c.Host.String(),
			Port:               c.Port,
			Database:           Lit(c.Database),
			Username:           Lit(c.Username),
			AuthenticationType: "Basic",
			SSLMode:            postgresVerifyFull,
			Password:           linkedSecret(c.Password),
		}}, nil
	}
	return nil, fmt.Errorf("no wire form for connector %T", conn)
}

// oracleEasyConnect spells an Oracle endpoint in Easy Connect form,
// "host:port/service".
func oracleEasyConnect(ep model.DatabaseEndpoint) string {
	s := net.JoinHostPort(ep.Host.String(), strconv.Itoa(int(ep.Port)))
	if ep.Database != "" {
		s += "/" + ep.Database
	}
	return Lit(s)
}

// linkedSecret references a secret through a Key Vault linked service.
func linkedSecret(s model.LinkedSecret) vaultSecret {
	return vaultSecret{
		Type:       "AzureKeyVaultSecret",
		Store:      adfReference{ReferenceName: s.Store.Leaf(), Type: "LinkedServiceReference"},
		SecretName: Lit(s.Name),
	}
}
