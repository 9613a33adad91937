package compile

import (
	"slices"
	"testing"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// platformBuild runs every builder over d as Compile does and returns the
// shared state, failing on a program fault (a duplicate resource, a
// missing subnet) but not on user mistakes, which come back as diagnostics.
func platformBuild(t *testing.T, d *spec.Document) (*ctx, diag.Diagnostics) {
	t.Helper()
	c := run(d)
	if c.err != nil {
		t.Fatalf("build: %v", c.err)
	}
	return c, c.diags
}

// platformExample builds the built-in example changed by edit, failing on
// any error.
func platformExample(t *testing.T, edit func(d *spec.Document)) *ctx {
	t.Helper()
	d := spec.Example()
	if edit != nil {
		edit(d)
	}
	c, ds := platformBuild(t, d)
	if ds.HasErrors() {
		t.Fatalf("build: %v", ds)
	}
	return c
}

// noServices switches off every service, the on-premises connection and
// the data sources: what is left is the landing zone and the workstations.
func noServices(d *spec.Document) {
	d.Services = spec.Services{}
	d.Network.OnPremises = nil
	d.DataSources = nil
}

// platformNames returns the sorted names of the resources of kind T.
func platformNames[T model.Resource](g *model.Graph) []string {
	var out []string
	for _, r := range model.All[T](g) {
		out = append(out, r.Base().Name)
	}
	slices.Sort(out)
	return out
}

// platformGrants lists the role assignments of g as "scope leaf: role -> principal".
func platformGrants(g *model.Graph) []string {
	var out []string
	for _, ra := range model.All[*model.RoleAssignment](g) {
		out = append(out, grantString(ra))
	}
	slices.Sort(out)
	return out
}

// grantString is "scope leaf: role -> principal".
func grantString(ra *model.RoleAssignment) string {
	scope := "subscription"
	if !ra.Scope.IsZero() {
		scope = ra.Scope.Leaf()
	}
	return scope + ": " + ra.RoleName + " -> " + ra.Principal.Label
}
