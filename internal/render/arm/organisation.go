package arm

import "github.com/enclave-dev/enclave/internal/model"

func organisationKinds() table {
	t := table{}
	// The resource group schema requires properties, even though a group
	// has none to set.
	t.add(kind("2025-04-01", func(x *Ctx, r *model.ResourceGroup) (Body, error) {
		return Body{Properties: struct{}{}}, nil
	}))
	return t
}
