// Package deploy runs a rendered enclave template through Azure Resource
// Manager: it validates it, asks what-if what would change, deploys it in
// incremental mode with progress, retries throttled and failed calls,
// attaches to a deployment an interrupted run left running, refuses changes
// that would lose data, and compares the live environment with the model
// (drift).
//
// The package declares the few SDK calls it makes as small interfaces
// (DeploymentsAPI, OperationsAPI, ResourcesAPI), so tests run it against
// the Azure SDK's generated fake servers without any network.
package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
)

// DeploymentsAPI is the part of armdeployments.DeploymentsClient enclave
// calls: subscription-scope validate, what-if, create-or-update and get.
type DeploymentsAPI interface {
	BeginValidateAtSubscriptionScope(ctx context.Context, name string, d armdeployments.Deployment, o *armdeployments.DeploymentsClientBeginValidateAtSubscriptionScopeOptions) (*runtime.Poller[armdeployments.DeploymentsClientValidateAtSubscriptionScopeResponse], error)
	BeginWhatIfAtSubscriptionScope(ctx context.Context, name string, d armdeployments.DeploymentWhatIf, o *armdeployments.DeploymentsClientBeginWhatIfAtSubscriptionScopeOptions) (*runtime.Poller[armdeployments.DeploymentsClientWhatIfAtSubscriptionScopeResponse], error)
	BeginCreateOrUpdateAtSubscriptionScope(ctx context.Context, name string, d armdeployments.Deployment, o *armdeployments.DeploymentsClientBeginCreateOrUpdateAtSubscriptionScopeOptions) (*runtime.Poller[armdeployments.DeploymentsClientCreateOrUpdateAtSubscriptionScopeResponse], error)
	GetAtSubscriptionScope(ctx context.Context, name string, o *armdeployments.DeploymentsClientGetAtSubscriptionScopeOptions) (armdeployments.DeploymentsClientGetAtSubscriptionScopeResponse, error)
}

// OperationsAPI lists the operations of the subscription deployment and of
// the nested resource-group deployments it starts; progress and failures
// are read from them.
type OperationsAPI interface {
	NewListAtSubscriptionScopePager(name string, o *armdeployments.DeploymentOperationsClientListAtSubscriptionScopeOptions) *runtime.Pager[armdeployments.DeploymentOperationsClientListAtSubscriptionScopeResponse]
	NewListPager(group, name string, o *armdeployments.DeploymentOperationsClientListOptions) *runtime.Pager[armdeployments.DeploymentOperationsClientListResponse]
}

// ResourcesAPI reads live resources for drift.
type ResourcesAPI interface {
	NewListByResourceGroupPager(group string, o *armresources.ClientListByResourceGroupOptions) *runtime.Pager[armresources.ClientListByResourceGroupResponse]
	GetByID(ctx context.Context, id, apiVersion string, o *armresources.ClientGetByIDOptions) (armresources.ClientGetByIDResponse, error)
}

// Clients are the ARM clients of one subscription.
type Clients struct {
	Subscription string
	Deployments  DeploymentsAPI
	Operations   OperationsAPI
	Resources    ResourcesAPI
	// Poll is how often long-running operations are polled. Azure's SDK
	// refuses less than one second outside tests.
	Poll time.Duration
}

// Template is a rendered subscription-scope deployment.
type Template struct {
	// Env is the environment's name; it names the deployment.
	Env string
	// Location is where ARM stores the deployment's metadata.
	Location string
	// Body is azuredeploy.json.
	Body json.RawMessage
	// Parameters are the values of the template's parameters, secure ones
	// included; they are sent to ARM and never printed.
	Parameters map[string]any
}

// DeploymentName is the name of the environment's subscription
// deployment. It is the same on every run, so a re-run after an
// interruption finds the deployment the earlier run started.
func DeploymentName(env string) string { return "enclave-" + env }

// Digest identifies the template's content (not its parameter values); it
// is stored as a tag on the deployment, so a re-run attaches only to a
// running deployment of the same template.
func (t Template) Digest() string {
	sum := sha256.Sum256(t.Body)
	return hex.EncodeToString(sum[:8])
}

// digestTag is the deployment tag holding Template.Digest.
const digestTag = "enclave-template"

func (t Template) deployment() armdeployments.Deployment {
	params := map[string]*armdeployments.DeploymentParameter{}
	for k, v := range t.Parameters {
		params[k] = &armdeployments.DeploymentParameter{Value: v}
	}
	mode := armdeployments.DeploymentModeIncremental
	digest := t.Digest()
	return armdeployments.Deployment{
		Location: &t.Location,
		Tags:     map[string]*string{digestTag: &digest},
		Properties: &armdeployments.DeploymentProperties{
			Mode:       &mode,
			Template:   t.Body,
			Parameters: params,
		},
	}
}

func (t Template) whatIf() armdeployments.DeploymentWhatIf {
	d := t.deployment()
	format := armdeployments.WhatIfResultFormatFullResourcePayloads
	return armdeployments.DeploymentWhatIf{
		Location: d.Location,
		Properties: &armdeployments.DeploymentWhatIfProperties{
			Mode:           d.Properties.Mode,
			Template:       d.Properties.Template,
			Parameters:     d.Properties.Parameters,
			WhatIfSettings: &armdeployments.DeploymentWhatIfSettings{ResultFormat: &format},
		},
	}
}
