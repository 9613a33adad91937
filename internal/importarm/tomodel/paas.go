package tomodel

import (
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// paasKinds registers the PaaS kinds: storage and Key Vault in full, the
// rest (until their own files read every field) with the public-access
// settings reach and check read.
func paasKinds(g *Registry) {
	storageKinds(g)
	keyVaultKinds(g)
	containerKinds(g)
	mlKinds(g)
	webKinds(g)
	g.Add(model.TypeDataFactory, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.DataFactory{Meta: x.Meta(), PublicNetworkAccess: publicAccess(x)}, nil
	})
	g.Add(model.TypeDatabricksWorkspace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.DatabricksWorkspace{Meta: x.Meta(), PublicNetworkAccess: publicAccess(x)}, nil
	})
	g.Add(model.TypeSynapseWorkspace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.SynapseWorkspace{Meta: x.Meta(), PublicNetworkAccess: publicAccess(x)}, nil
	})
	g.Add(model.TypeEventHubNamespace, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.EventHubNamespace{Meta: x.Meta(), PublicNetworkAccess: publicAccess(x)}, nil
	})
}
