package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Access control and identities, the reverse of
// internal/render/arm/authorization.go. Documentation fields the template
// does not carry (an identity's purpose, a role's display name on an
// assignment, a principal's label) stay empty.
func authorizationKinds(g *Registry) {
	g.Add(model.TypeUserAssignedIdentity, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.UserAssignedIdentity{Meta: x.Meta()}, nil
	})
	g.Add(model.TypeRoleDefinition, roleDefinition)
	g.Add(model.TypeRoleAssignment, roleAssignment)
	g.Add(model.TypeLock, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.Lock{Meta: x.extensionMeta(), Level: model.LockLevel(x.Str(p.Get("level"))), Notes: x.Str(p.Get("notes"))}, nil
	})
}

// roleDefinition reads a custom role. The model holds one permission
// block; a role with more is read by its first and warned about.
// https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#role-definition-structure
func roleDefinition(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	rd := &model.RoleDefinition{Meta: x.Meta(), RoleName: x.Str(p.Get("roleName")), Description: x.Str(p.Get("description"))}
	perms := x.Items(p.Get("permissions"))
	if len(perms) > 0 {
		pm := perms[0]
		rd.Actions = x.Strs(pm.Get("actions"))
		rd.NotActions = x.Strs(pm.Get("notActions"))
		rd.DataActions = x.Strs(pm.Get("dataActions"))
		rd.NotDataActions = x.Strs(pm.Get("notDataActions"))
	}
	if len(perms) > 1 {
		x.ds.Warnf(x.pos(p.Get("permissions")), "merge the permission blocks into one", "%s: %d permission blocks, only the first is imported", r.Name, len(perms))
	}
	for _, s := range x.Items(p.Get("assignableScopes")) {
		rd.AssignableScopes = append(rd.AssignableScopes, x.Ref(s))
	}
	return rd, nil
}

// roleAssignment reads who gets which role. A role definition the
// document declares is a custom role; any other is built in, named by its
// GUID. A principal ID read with reference() is the managed identity of
// the resource read: a user-assigned identity's own, or the system-assigned
// identity of any other resource.
// https://learn.microsoft.com/en-us/azure/role-based-access-control/role-assignments-template#managed-identity
func roleAssignment(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	ra := &model.RoleAssignment{Meta: x.extensionMeta(), Description: x.Str(p.Get("description"))}
	ra.Principal.Type = model.PrincipalType(x.Str(p.Get("principalType")))
	rv := p.Get("roleDefinitionId")
	if role := x.Ref(rv); !role.IsZero() {
		if _, declared := x.idx.byID[strings.ToLower(x.Str(rv))]; declared {
			ra.CustomRole = role
		} else {
			ra.BuiltinRoleID = role.Leaf()
		}
	}
	pid := p.Get("principalId")
	if u := pid.v.Unknown(); u != nil && u.Cause == importarm.CauseReference && u.Target != "" {
		a, err := ParseID(u.Target)
		if err != nil {
			x.ds.Errorf(x.pos(pid), "read the principal with reference(resourceId(...))", "%s: %s: %v", r.Name, x.docPath(pid), err)
			return ra, nil
		}
		ref := x.canonical(a).Ref()
		if ref.Type == model.TypeUserAssignedIdentity {
			ra.Principal.UserIdentity = ref
		} else {
			ra.Principal.SystemIdentityOf = ref
		}
		return ra, nil
	}
	ra.Principal.ObjectID = x.Str(pid)
	return ra, nil
}

// extensionMeta is Meta for an extension resource: one declared in a
// resource group's deployment without a scope property applies to the
// group itself, which the model states as its scope.
// https://learn.microsoft.com/en-us/azure/azure-resource-manager/templates/scope-extension-resources
func (x *Ctx) extensionMeta() model.Meta {
	m := x.Meta()
	if m.Scope.IsZero() && m.Group != "" {
		m.Scope = model.Address{Type: model.TypeResourceGroup, Name: m.Group}.Ref()
	}
	return m
}
