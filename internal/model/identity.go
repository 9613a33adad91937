package model

// TypeUserAssignedIdentity is a managed identity that exists on its own and
// can be attached to several resources.
const TypeUserAssignedIdentity Type = "Microsoft.ManagedIdentity/userAssignedIdentities"

// UserAssignedIdentity is a user-assigned managed identity.
type UserAssignedIdentity struct {
	Meta
	// Purpose says what the identity is for, for documentation.
	Purpose string
}

func (*UserAssignedIdentity) Type() Type { return TypeUserAssignedIdentity }
