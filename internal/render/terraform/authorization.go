package terraform

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

func authorizationKinds() table {
	t := table{}
	t.add(kind(func(x *Ctx, r *model.RoleDefinition) error {
		b := x.Resource("azurerm_role_definition", x.Address(), r.RoleName)
		// The GUID is the model's name, so the definition keeps its ID
		// across runs, as in the ARM rendering.
		b.Set("role_definition_id", String(r.Name))
		b.Set("name", String(r.RoleName))
		if r.Description != "" {
			b.Set("description", String(r.Description))
		}
		b.Set("scope", x.SubscriptionScope())
		p := b.Block("permissions")
		p.Set("actions", Strings(r.Actions))
		if len(r.NotActions) > 0 {
			p.Set("not_actions", Strings(r.NotActions))
		}
		if len(r.DataActions) > 0 {
			p.Set("data_actions", Strings(r.DataActions))
		}
		if len(r.NotDataActions) > 0 {
			p.Set("not_data_actions", Strings(r.NotDataActions))
		}
		scopes := make([]Expr, len(r.AssignableScopes))
		for i, s := range r.AssignableScopes {
			scopes[i] = x.scopeID(s)
		}
		b.Set("assignable_scopes", List(scopes...))
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.RoleAssignment) error {
		hint := []string{x.st.addressLabel(r.Scope.Address, true), r.Principal.Label, r.RoleName}
		if r.Scope.IsZero() {
			hint[0] = "subscription"
		}
		b := x.Resource("azurerm_role_assignment", x.Address(), hint...)
		b.Set("name", String(r.Name))
		b.Set("scope", x.scopeID(r.Scope))
		switch {
		case r.BuiltinRoleID != "":
			b.Set("role_definition_id", Interp(String("/subscriptions/"), Var(SubscriptionIDVar), String("/providers/Microsoft.Authorization/roleDefinitions/"+r.BuiltinRoleID)))
		case !r.CustomRole.IsZero():
			b.Set("role_definition_id", x.Ref(r.CustomRole, "role_definition_resource_id"))
		default:
			return fmt.Errorf("role assignment names no role")
		}
		switch pr := r.Principal; {
		case pr.ObjectID != "":
			b.Set("principal_id", String(pr.ObjectID))
		case !pr.SystemIdentityOf.IsZero():
			b.Set("principal_id", x.PrincipalID(pr.SystemIdentityOf))
		case !pr.UserIdentity.IsZero():
			b.Set("principal_id", x.UserPrincipalID(pr.UserIdentity))
		default:
			return fmt.Errorf("role assignment names no principal")
		}
		b.Set("principal_type", String(string(r.Principal.Type)))
		if r.Description != "" {
			b.Set("description", String(r.Description))
		}
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.Lock) error {
		b := x.Resource("azurerm_management_lock", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("scope", x.scopeID(r.Scope))
		b.Set("lock_level", String(string(r.Level)))
		if r.Notes != "" {
			b.Set("notes", String(r.Notes))
		}
		return nil
	}))
	return t
}

// scopeID is the ID of an extension resource's scope: the subscription
// when ref is zero.
func (x *Ctx) scopeID(ref model.Ref) Expr {
	if ref.IsZero() {
		return x.SubscriptionScope()
	}
	return x.ID(ref)
}
