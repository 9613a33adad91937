package tomodel

// paasKinds registers the PaaS kinds, each in full: every field the ARM
// renderer writes is read back, so an imported resource renders again
// unchanged.
func paasKinds(g *Registry) {
	storageKinds(g)
	keyVaultKinds(g)
	containerKinds(g)
	mlKinds(g)
	webKinds(g)
	dataKinds(g)
	dataFactoryKinds(g)
	streamingKinds(g)
}
