package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// API versions of the data platform: the latest non-preview version each
// provider publishes a schema for.
const (
	dataFactoryAPI     = "2018-06-01"
	databricksAPI      = "2026-01-01"
	synapseAPI         = "2021-06-01"
	eventHubAPI        = "2026-01-01"
	streamAnalyticsAPI = "2020-03-01"
)

// dataKinds registers the data platform's converters; each service's live
// in its own file.
func dataKinds() table {
	t := table{}
	addDataFactoryKinds(t)
	addDatabricksKinds(t)
	addSynapseKinds(t)
	addStreamingKinds(t)
	return t
}

// endpointURL returns the expression for a storage account's service
// endpoint, "https://<account>.<service>.core.windows.net/" in the public
// cloud.
func endpointURL(account model.Ref, service string) string {
	return fmt.Sprintf("[format('https://{0}.%s.{1}/', %s, environment().suffixes.storage)]", service, quote(account.Leaf()))
}

// keyURL returns the expression for the versionless identifier of a Key
// Vault key, "https://<vault>.vault.azure.net/keys/<key>".
func keyURL(key model.Ref) string {
	return fmt.Sprintf("[format('https://{0}{1}/keys/{2}', %s, environment().suffixes.keyvaultDns, %s)]", quote(key.Parent().Leaf()), quote(key.Leaf()))
}
