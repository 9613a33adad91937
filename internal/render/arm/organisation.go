package arm

import "github.com/enclave-dev/enclave/internal/model"

func organisationKinds() table {
	t := table{}
	t.add(kind("2025-04-01", func(x *Ctx, r *model.ResourceGroup) (Body, error) {
		// The schema requires a properties object, even an empty one.
		return Body{Properties: struct{}{}}, nil
	}))
	return t
}
