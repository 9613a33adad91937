package terraform

// registry returns the converters for every model kind. Each namespace file
// contributes one table.
func registry() table {
	all := table{}
	for _, part := range []table{
		organisationKinds(),
		privateLinkKinds(),
		authorizationKinds(),
		identityKinds(),
		monitoringKinds(),
		networkKinds(),
		computeKinds(),
		storageKinds(),
		keyVaultKinds(),
		mlKinds(),
		containerKinds(),
		webKinds(),
		dataKinds(),
		governanceKinds(),
		policyKinds(),
		alertKinds(),
	} {
		for typ, c := range part {
			all.add(typ, c)
		}
	}
	return all
}
