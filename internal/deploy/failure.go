package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
)

// Failure is an ARM error a user can act on: where it happened, ARM's code
// and message, and a hint for the common ones.
type Failure struct {
	// Step is what enclave was doing ("validating the template").
	Step string
	// Resource is the resource that failed, when ARM names one.
	Resource ResourceID
	Code     string
	Message  string
	Hint     string
}

func (f *Failure) Error() string {
	var b strings.Builder
	b.WriteString(f.Step)
	if f.Resource.ID != "" {
		fmt.Fprintf(&b, ": %s", f.Resource.Display())
		if f.Resource.Group != "" {
			fmt.Fprintf(&b, " in %s", f.Resource.Group)
		}
	}
	fmt.Fprintf(&b, ": %s", f.Code)
	if f.Message != "" {
		fmt.Fprintf(&b, ": %s", f.Message)
	}
	return b.String()
}

// hint is advice for one family of ARM error codes.
type hint struct {
	codes []string
	// contains, when set, must appear in the message too (some codes,
	// OperationNotAllowed among them, cover more than one cause).
	contains string
	text     string
}

// hints are the common failures of a first deployment, from
// https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors
// The first match wins.
var hints = []hint{
	{codes: []string{"QuotaExceeded"}, text: "a subscription quota is exhausted: request an increase (Azure portal, Quotas) or choose smaller sizes"},
	{codes: []string{"OperationNotAllowed"}, contains: "quota", text: "a subscription quota is exhausted: request an increase (Azure portal, Quotas) or choose smaller sizes"},
	{codes: []string{"SkuNotAvailable", "AllocationFailed", "ZonalAllocationFailed", "OverconstrainedAllocationRequest", "OverconstrainedZonalAllocationRequest"},
		text: "the region has no capacity for this size right now: choose another size or zone, or retry later"},
	{codes: []string{"StorageAccountAlreadyTaken", "StorageAccountAlreadyExists", "VaultAlreadyExists", "AlreadyInUse", "NameNotAvailable", "ConflictingServerName", "WorkspaceNameAlreadyExists", "RegistryNameNotAvailable"},
		text: "the globally unique name is taken (perhaps by a soft-deleted resource): purge the deleted resource or change the environment name"},
	{codes: []string{"RequestDisallowedByPolicy"}, text: "an Azure Policy assignment denies this resource: read the policy named in the message and ask its owner for an exemption, or change the spec to comply"},
	{codes: []string{"PrivateEndpointConnectionNotApproved", "PrivateLinkServiceConnectionNotApproved"},
		text: "a private endpoint waits for approval: approve the pending connection on the target resource (Networking, Private endpoint connections), then run apply again"},
	{codes: []string{"AuthorizationFailed", "LinkedAuthorizationFailed"}, text: "the signed-in identity lacks a permission: see the README's deploy section for the roles apply needs"},
	{codes: []string{"MissingSubscriptionRegistration", "NoRegisteredProviderFound"}, text: "register the resource provider named in the message: az provider register --namespace <provider>"},
	{codes: []string{"InvalidTemplate", "InvalidTemplateDeployment"}, text: "the template does not validate: this is usually a bug in enclave; please report it with the message"},
}

// hintFor returns the advice for code and message, or "".
func hintFor(code, message string) string {
	for _, h := range hints {
		for _, c := range h.codes {
			if strings.EqualFold(c, code) && (h.contains == "" || strings.Contains(strings.ToLower(message), h.contains)) {
				return h.text
			}
		}
	}
	return ""
}

// armError is ARM's error envelope.
type armError struct {
	Error *armdeployments.ErrorResponse `json:"error"`
}

// failure turns an SDK error into a *Failure when it is an ARM response;
// other errors (transport, context) pass through wrapped.
func failure(step string, err error) error {
	var re *azcore.ResponseError
	if !errors.As(err, &re) {
		return fmt.Errorf("%s: %w", step, err)
	}
	body := &armdeployments.ErrorResponse{Code: &re.ErrorCode}
	if re.RawResponse != nil {
		if b, rerr := runtime.Payload(re.RawResponse); rerr == nil {
			var env armError
			if json.Unmarshal(b, &env) == nil && env.Error != nil {
				body = env.Error
			}
		}
	}
	if deref(body.Code) == "" {
		body.Code = &re.ErrorCode
	}
	return failureFrom(step, "", body)
}

// failureFrom builds a Failure from an ARM error body, descending into
// details to the innermost error: DeploymentFailed and InvalidTemplate
// wrap the provider's own error there.
func failureFrom(step, resourceID string, e *armdeployments.ErrorResponse) *Failure {
	for e != nil && len(e.Details) > 0 && e.Details[0] != nil {
		e = e.Details[0]
	}
	f := &Failure{Step: step, Code: deref(e.Code), Message: deref(e.Message)}
	if f.Code == "" {
		f.Code = "UnknownError"
	}
	if resourceID == "" {
		resourceID = deref(e.Target)
		if !strings.HasPrefix(resourceID, "/") {
			resourceID = ""
		}
	}
	if resourceID != "" {
		f.Resource = ParseResourceID(resourceID)
	}
	f.Hint = hintFor(f.Code, f.Message)
	return f
}
