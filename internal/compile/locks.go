package compile

import (
	"slices"

	"github.com/enclave-dev/enclave/internal/model"
)

// StatefulTypes are the kinds that hold data a redeployment cannot bring
// back: storage and ADLS accounts, Key Vaults (keys and secrets), the ML
// workspace (experiments, models, registered data), container registries
// (images), Synapse workspaces and Log Analytics workspaces (logs). Each
// gets a CanNotDelete lock, and apply refuses a what-if that deletes one.
func StatefulTypes() []model.Type {
	return []model.Type{
		model.TypeStorageAccount,
		model.TypeKeyVault,
		model.TypeMLWorkspace,
		model.TypeContainerRegistry,
		model.TypeSynapseWorkspace,
		model.TypeLogAnalyticsWorkspace,
	}
}

// buildLocks puts a CanNotDelete management lock on every stateful
// resource the earlier builders made. A CanNotDelete lock lets authorised
// users read and modify the resource but not delete it; it applies to
// child resources too, so removing, say, an ML compute needs the
// workspace's lock lifted first:
// https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources
func buildLocks(c *ctx) {
	stateful := StatefulTypes()
	for _, r := range c.g.Resources() {
		if !slices.Contains(stateful, r.Type()) {
			continue
		}
		m := r.Base()
		c.add(&model.Lock{
			Meta: model.Meta{
				Name:   "keep-" + model.AddressOf(r).Leaf(),
				Group:  m.Group,
				Scope:  model.RefOf(r),
				Origin: m.Origin,
			},
			Level: model.LockCanNotDelete,
			Notes: "enclave: holds data that a redeployment cannot restore; remove this lock deliberately before deleting the resource",
		})
	}
}
