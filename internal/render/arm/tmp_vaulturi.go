package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// TEMPORARY until the mlapps branch (which defines vaultURI) is merged.
func vaultURI(vault model.Ref) string {
	return fmt.Sprintf("[format('https://{0}{1}/', %s, environment().suffixes.keyvaultDns)]", quote(vault.Leaf()))
}
