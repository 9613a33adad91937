package model

// Access control: custom role definitions and role assignments.
const (
	TypeRoleDefinition Type = "Microsoft.Authorization/roleDefinitions"
	TypeRoleAssignment Type = "Microsoft.Authorization/roleAssignments"
	TypeLock           Type = "Microsoft.Authorization/locks"
)

// RoleDefinition is a custom role, created at subscription scope and
// assignable at the listed scopes (resource groups of the environment).
// Name is a GUID derived from the role's purpose.
type RoleDefinition struct {
	Meta
	RoleName         string
	Description      string
	Actions          []string
	NotActions       []string
	DataActions      []string
	NotDataActions   []string
	AssignableScopes []Ref
}

func (*RoleDefinition) Type() Type { return TypeRoleDefinition }

// PrincipalType is what kind of principal a role is assigned to.
type PrincipalType string

const (
	PrincipalGroup            PrincipalType = "Group"
	PrincipalUser             PrincipalType = "User"
	PrincipalServicePrincipal PrincipalType = "ServicePrincipal"
)

// Principal is who receives a role: an Entra ID object (group, user), the
// system-assigned identity of a resource, or a user-assigned identity.
type Principal struct {
	Type PrincipalType
	// ObjectID is set for Entra ID groups and users.
	ObjectID string
	// SystemIdentityOf is the resource whose system-assigned identity it is.
	SystemIdentityOf Ref
	// UserIdentity is a Microsoft.ManagedIdentity/userAssignedIdentities.
	UserIdentity Ref
	// Label names the principal in documentation ("dataScientists").
	Label string
}

// RoleAssignment grants a role at its Meta.Scope (a resource or a resource
// group). Name is a GUID derived from scope, principal and role, so it is
// stable across runs.
type RoleAssignment struct {
	Meta
	// BuiltinRoleID is the GUID of a built-in role; CustomRole references a
	// RoleDefinition. Exactly one is set.
	BuiltinRoleID string
	CustomRole    Ref
	// RoleName is the role's display name, for documentation.
	RoleName    string
	Principal   Principal
	Description string
}

func (*RoleAssignment) Type() Type { return TypeRoleAssignment }

// LockLevel is a management lock's level.
type LockLevel string

const (
	LockCanNotDelete LockLevel = "CanNotDelete"
	LockReadOnly     LockLevel = "ReadOnly"
)

// Lock is a management lock on its Meta.Scope.
type Lock struct {
	Meta
	Level LockLevel
	Notes string
}

func (*Lock) Type() Type { return TypeLock }
