package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type roleDefinitionProps struct {
	RoleName         string       `json:"roleName"`
	Description      string       `json:"description,omitempty"`
	Type             string       `json:"type"`
	Permissions      []permission `json:"permissions"`
	AssignableScopes []string     `json:"assignableScopes"`
}

type permission struct {
	Actions        []string `json:"actions"`
	NotActions     []string `json:"notActions,omitempty"`
	DataActions    []string `json:"dataActions,omitempty"`
	NotDataActions []string `json:"notDataActions,omitempty"`
}

type roleAssignmentProps struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
	PrincipalID      string `json:"principalId"`
	PrincipalType    string `json:"principalType"`
	Description      string `json:"description,omitempty"`
}

type lockProps struct {
	Level string `json:"level"`
	Notes string `json:"notes,omitempty"`
}

func authorizationKinds() table {
	t := table{}
	t.add(kind("2022-04-01", func(x *Ctx, r *model.RoleDefinition) (Body, error) {
		p := roleDefinitionProps{
			RoleName:    r.RoleName,
			Description: r.Description,
			Type:        "CustomRole",
			Permissions: []permission{{
				Actions:        nonNil(r.Actions),
				NotActions:     r.NotActions,
				DataActions:    r.DataActions,
				NotDataActions: r.NotDataActions,
			}},
		}
		for _, s := range r.AssignableScopes {
			p.AssignableScopes = append(p.AssignableScopes, scopeID(s))
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2022-04-01", func(x *Ctx, r *model.RoleAssignment) (Body, error) {
		p := roleAssignmentProps{PrincipalType: string(r.Principal.Type), Description: r.Description}
		switch {
		case r.BuiltinRoleID != "":
			p.RoleDefinitionID = fmt.Sprintf("[subscriptionResourceId('%s', '%s')]", model.TypeRoleDefinition, r.BuiltinRoleID)
		case !r.CustomRole.IsZero():
			p.RoleDefinitionID = x.ID(r.CustomRole)
		default:
			return Body{}, fmt.Errorf("role assignment names no role")
		}
		switch pr := r.Principal; {
		case pr.ObjectID != "":
			p.PrincipalID = pr.ObjectID
		case !pr.SystemIdentityOf.IsZero():
			p.PrincipalID = x.PrincipalID(pr.SystemIdentityOf)
		case !pr.UserIdentity.IsZero():
			p.PrincipalID = x.UserPrincipalID(pr.UserIdentity)
		default:
			return Body{}, fmt.Errorf("role assignment names no principal")
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2020-05-01", func(x *Ctx, r *model.Lock) (Body, error) {
		return Body{Properties: lockProps{Level: string(r.Level), Notes: r.Notes}, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2024-11-30", func(x *Ctx, r *model.UserAssignedIdentity) (Body, error) {
		// The schema requires a properties object, even an empty one.
		return Body{Properties: struct{}{}}, nil
	}))
	return t
}

// scopeID spells the ID of a resource group (or the subscription) in the
// canonical form role definitions expect.
func scopeID(r model.Ref) string {
	if r.Type == model.TypeResourceGroup {
		return fmt.Sprintf("[format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, %s)]", quote(r.Name))
	}
	return "[subscription().id]"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
