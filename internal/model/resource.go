package model

import (
	"github.com/enclave-dev/enclave/internal/diag"
)

// Resource is one typed Azure resource. Each kind is a struct embedding Meta
// and adding its properties as typed fields.
type Resource interface {
	// Type returns the ARM resource type.
	Type() Type
	// Base returns the common fields.
	Base() *Meta
}

// Meta holds what every resource has.
type Meta struct {
	// Name is the full name, "parent/child" for child resources.
	Name string
	// Group is the resource group's name, "" at subscription scope.
	Group string
	// Location is the region, "global" where Azure requires it, or "" for
	// resources that take none (children, extensions).
	Location string
	// Tags are the resource's tags.
	Tags map[string]string
	// Scope is set for extension resources: the resource extended.
	Scope Ref
	// DependsOn lists ordering that no reference in the properties expresses.
	DependsOn []Ref
	// Origin is the place in the spec that caused this resource.
	Origin diag.Pos
	// Capability names the builder that made it: network, egress, onprem,
	// dns, workstations, ml, containers, data, apps, identity, governance,
	// monitoring, organisation.
	Capability string
}

// Base returns m itself; kinds embedding Meta inherit it.
func (m *Meta) Base() *Meta { return m }

// AddressOf returns the address of r.
func AddressOf(r Resource) Address {
	m := r.Base()
	var scope string
	if !m.Scope.IsZero() {
		scope = m.Scope.String()
	}
	return Address{Group: m.Group, Type: r.Type(), Name: m.Name, Scope: scope}
}

// RefOf returns a reference to r.
func RefOf(r Resource) Ref { return Ref{AddressOf(r)} }

// Identity is a managed identity configuration.
type Identity struct {
	SystemAssigned bool
	UserAssigned   []Ref
}

// IsZero reports whether no identity is configured.
func (i Identity) IsZero() bool { return !i.SystemAssigned && len(i.UserAssigned) == 0 }

// Secret is a value the deployment needs but the model never holds: either a
// secure deployment parameter or a secret in a Key Vault.
type Secret struct {
	// Parameter names a secure deployment parameter.
	Parameter string
	// Vault and Name name a Key Vault secret.
	Vault Ref
	Name  string
}

// IsZero reports whether s names nothing.
func (s Secret) IsZero() bool { return s.Parameter == "" && s.Name == "" }

// Parameter is a deployment parameter the rendered template declares.
type Parameter struct {
	Name        string
	Description string
	Secure      bool
	// Default is used when the parameter is not secure; secure parameters
	// never have one.
	Default string
}

// Access is an allow or deny decision.
type Access string

const (
	Allow Access = "Allow"
	Deny  Access = "Deny"
)

// PublicAccess is whether a PaaS service's public endpoint accepts traffic.
type PublicAccess string

const (
	PublicDisabled PublicAccess = "Disabled"
	PublicEnabled  PublicAccess = "Enabled"
)
