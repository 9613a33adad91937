package tomodel

import (
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Resource groups, the reverse of internal/render/arm/organisation.go. A
// group's purpose is documentation the template does not carry.
func organisationKinds(g *Registry) {
	g.Add(model.TypeResourceGroup, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.ResourceGroup{Meta: x.Meta()}, nil
	})
}
