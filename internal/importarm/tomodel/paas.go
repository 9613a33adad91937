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
	dataKinds(g)
	streamingKinds(g)
	g.Add(model.TypeDataFactory, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.DataFactory{Meta: x.Meta(), PublicNetworkAccess: publicAccess(x)}, nil
	})
}
