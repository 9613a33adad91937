package tomodel_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/enclave-dev/enclave/internal/model"
)

// typedRoundTripTypes are the kinds outside network and private link whose
// every field the template carries comes back on import.
var typedRoundTripTypes = []model.Type{
	model.TypeResourceGroup, model.TypeUserAssignedIdentity,
	model.TypeRoleDefinition, model.TypeRoleAssignment, model.TypeLock,
	model.TypeDiagnosticSetting, model.TypeLogAnalyticsWorkspace,
	model.TypeDataCollectionRule, model.TypeDataCollectionRuleAssociation,
	model.TypeActionGroup, model.TypeMetricAlert, model.TypeActivityLogAlert,
	model.TypeVirtualMachine, model.TypeVMExtension, model.TypeAutoShutdown,
	model.TypeDefenderPlan, model.TypeSecurityContact, model.TypeBudget,
	model.TypePolicyDefinition, model.TypePolicySetDefinition, model.TypePolicyExemption,
	model.TypePolicyAssignment,
}

// bodiless are the kinds whose ARM declaration carries neither location nor
// tags (internal/render/arm writes them with NoLocation and NoTags): the
// model's values for those never reach the template, so the original's
// are cleared before comparing.
var bodiless = map[model.Type]bool{
	model.TypeRoleDefinition: true, model.TypeRoleAssignment: true, model.TypeLock: true,
	model.TypeDiagnosticSetting: true, model.TypeDataCollectionRuleAssociation: true,
	model.TypeDefenderPlan: true, model.TypeSecurityContact: true, model.TypeBudget: true,
	model.TypePolicyDefinition: true, model.TypePolicySetDefinition: true, model.TypePolicyExemption: true,
}

// TestRoundTripTyped renders the example, imports the template and checks
// each kind in typedRoundTripTypes comes back equal. Besides what the
// network round trip leaves out, documentation-only fields the template
// does not carry (purposes, a role's display name on an assignment, a
// principal's label) are left out of the comparison.
func TestRoundTripTyped(t *testing.T) {
	g, template := example(t)
	got := importExample(t, template)
	opts := cmp.Options{
		cmpopts.IgnoreFields(model.Meta{}, "Origin", "Capability", "DependsOn"),
		cmpopts.IgnoreFields(model.ResourceGroup{}, "Purpose"),
		cmpopts.IgnoreFields(model.UserAssignedIdentity{}, "Purpose"),
		cmpopts.IgnoreFields(model.RoleAssignment{}, "RoleName"),
		cmpopts.IgnoreFields(model.Principal{}, "Label"),
		cmpopts.IgnoreFields(model.VirtualMachine{}, "Member", "Purpose"),
		cmpopts.EquateEmpty(),
		// An initiative's parameters and a member's values are JSON objects
		// in ARM, which keep no order: compare them as sets.
		cmpopts.SortSlices(func(a, b model.PolicySetParameter) bool { return a.Name < b.Name }),
		cmpopts.SortSlices(func(a, b model.PolicySetValue) bool { return a.Name < b.Name }),
		cmpopts.SortSlices(func(a, b model.PolicyParameter) bool { return a.Name < b.Name }),
		// Policy rules are JSON documents: equal when they decode equal,
		// whatever their spacing.
		cmp.Comparer(func(a, b json.RawMessage) bool {
			if len(a) == 0 || len(b) == 0 {
				return len(a) == len(b)
			}
			var x, y any
			return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
		}),
		cmp.Comparer(func(a, b interface{ String() string }) bool { return a.String() == b.String() }),
	}
	for _, typ := range typedRoundTripTypes {
		want := g.OfType(typ)
		for _, r := range want {
			if bodiless[typ] {
				r.Base().Location, r.Base().Tags = "", nil
			}
			// An assignment carries a location only with its identity,
			// and never tags.
			if a, ok := r.(*model.PolicyAssignment); ok {
				a.Tags = nil
				if !a.SystemIdentity {
					a.Location = ""
				}
			}
		}
		have := got.Graph.OfType(typ)
		if len(want) == 0 {
			t.Errorf("the example has no %s; the round trip does not cover it", typ)
		}
		if diff := cmp.Diff(want, have, opts); diff != "" {
			t.Errorf("round trip of %s (-original +imported):\n%s", typ, diff)
		}
	}
}
