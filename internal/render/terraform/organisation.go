package terraform

import "github.com/enclave-dev/enclave/internal/model"

func organisationKinds() table {
	t := table{}
	t.add(kind(func(x *Ctx, r *model.ResourceGroup) error {
		b := x.Resource("azurerm_resource_group", x.Address())
		b.Set("name", String(r.Name))
		if r.Location == x.Graph().Location {
			b.Set("location", Var(LocationVar))
		} else {
			b.Set("location", String(r.Location))
		}
		x.tags(b)
		return nil
	}))
	return t
}

func identityKinds() table {
	t := table{}
	t.add(kind(func(x *Ctx, r *model.UserAssignedIdentity) error {
		x.Top("azurerm_user_assigned_identity")
		return nil
	}))
	return t
}
