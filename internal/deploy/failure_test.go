package deploy

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
)

func TestHints(t *testing.T) {
	tests := []struct {
		code, message, want string
	}{
		{"QuotaExceeded", "Operation results in exceeding quota limits of Core.", "quota is exhausted"},
		{"OperationNotAllowed", "Operation could not be completed as it results in exceeding approved standardNCASv3_T4 Family Cores quota.", "quota is exhausted"},
		{"OperationNotAllowed", "The operation is not allowed on a resource in state Updating.", ""},
		{"StorageAccountAlreadyTaken", "The storage account named stkodata is already taken.", "name is taken"},
		{"VaultAlreadyExists", "The vault name 'kv-kodata' is already in use.", "name is taken"},
		{"RequestDisallowedByPolicy", "Resource 'pip' was disallowed by policy.", "Azure Policy assignment denies"},
		{"PrivateEndpointConnectionNotApproved", "The private endpoint connection is pending approval.", "waits for approval"},
		{"SkuNotAvailable", "The requested size is not available in location 'australiaeast'.", "no capacity"},
		{"ZonalAllocationFailed", "Allocation failed.", "no capacity"},
		{"SomethingElse", "unexpected", ""},
	}
	for _, tt := range tests {
		got := hintFor(tt.code, tt.message)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("hintFor(%q, %q) = %q; want one containing %q", tt.code, tt.message, got, tt.want)
		}
	}
}

func TestFailureFromReadsTheInnermostError(t *testing.T) {
	s := func(v string) *string { return &v }
	e := &armdeployments.ErrorResponse{Code: s("DeploymentFailed"), Message: s("At least one resource deployment operation failed."), Details: []*armdeployments.ErrorResponse{
		{Code: s("RequestDisallowedByPolicy"), Message: s("Resource 'pip-x' was disallowed by policy."), Target: s("/subscriptions/s/resourceGroups/rg-x/providers/Microsoft.Network/publicIPAddresses/pip-x")},
	}}
	f := failureFrom("deploying", "", e)
	if f.Code != "RequestDisallowedByPolicy" || f.Resource.Name != "pip-x" || f.Resource.Group != "rg-x" || f.Hint == "" {
		t.Errorf("failureFrom = %+v; want the policy denial on pip-x in rg-x with a hint", f)
	}
}
