// Package deploytest runs the deploy package against the Azure SDK's
// generated fake servers (armdeployments/fake, armresources/fake): a
// Scenario says what ARM answers, Clients wires fakes for it into the SDK
// clients through their transport. Scenarios decode from JSON, so CLI
// scripts use the same fakes. It is test support: production code never
// imports it.
package deploytest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	azfake "github.com/Azure/azure-sdk-for-go/sdk/azcore/fake"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
	depfake "github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments/fake"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
	resfake "github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources/fake"

	"github.com/enclave-dev/enclave/internal/deploy"
)

// Scenario is what the fake ARM answers.
type Scenario struct {
	// WhatIf are the changes what-if reports.
	WhatIf []Change `json:"whatIf,omitempty"`
	// Existing is the state of a deployment with the same name found
	// before apply starts ("Running"); "" means none. ExistingDigest is its
	// template tag; "" means the template being applied.
	Existing       string `json:"existing,omitempty"`
	ExistingDigest string `json:"existingDigest,omitempty"`
	// ExistingPolls is how many reads of the existing deployment still
	// show it running.
	ExistingPolls int `json:"existingPolls,omitempty"`
	// Polls is how many polls the new deployment runs for; Final is how it
	// ends ("Succeeded", the default, or "Failed").
	Polls int    `json:"polls,omitempty"`
	Final string `json:"final,omitempty"`
	// Operations are the resource operations of the nested deployments.
	Operations []Operation `json:"operations,omitempty"`
	// Faults are responses served before the fake's own, per API
	// ("DeploymentsClient.BeginValidateAtSubscriptionScope"): throttling,
	// server errors, or a validation error with ARM's body.
	Faults map[string][]Fault `json:"faults,omitempty"`
	// Live are the resources drift reads.
	Live []LiveResource `json:"live,omitempty"`
	// NoCredential makes the credential fail as when nobody is signed in.
	NoCredential bool `json:"noCredential,omitempty"`
}

// ARMError is an ARM error body.
type ARMError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// Change is one what-if change.
type Change struct {
	ID    string     `json:"id"`
	Kind  string     `json:"kind"`
	Delta []Property `json:"delta,omitempty"`
}

// Property is one property change of a modify.
type Property struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Before any    `json:"before,omitempty"`
	After  any    `json:"after,omitempty"`
}

// Operation is a resource operation: Running for RunningPolls listings,
// then State.
type Operation struct {
	ID           string    `json:"id"`
	RunningPolls int       `json:"runningPolls,omitempty"`
	State        string    `json:"state"`
	Duration     string    `json:"duration,omitempty"`
	Error        *ARMError `json:"error,omitempty"`
	// Kind is ARM's provisioning operation: "Create" (the default),
	// "Read" for a resource ARM only reads.
	Kind string `json:"kind,omitempty"`
}

// Fault is a canned HTTP response.
type Fault struct {
	Status     int       `json:"status"`
	RetryAfter string    `json:"retryAfter,omitempty"`
	Error      *ARMError `json:"error,omitempty"`
}

// LiveResource is a resource drift finds in Azure.
type LiveResource struct {
	ID         string          `json:"id"`
	Properties json.RawMessage `json:"properties,omitempty"`
}

// Fake is a running scenario: the clients and what they were asked.
type Fake struct {
	Clients    *deploy.Clients
	Credential azcore.TokenCredential

	mu       sync.Mutex
	calls    map[string]int
	times    map[string][]time.Time
	listings int
	// OnList runs on every operations listing (tests cancel contexts here).
	OnList func(n int)
}

// Calls returns how many requests reached api, faults included.
func (f *Fake) Calls(api string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[api]
}

// Times returns when requests reached api.
func (f *Fake) Times(api string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Time(nil), f.times[api]...)
}

// Listings returns how many operations listings were served.
func (f *Fake) Listings() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.listings
}

// Subscription is the fake subscription ID.
const Subscription = "00000000-0000-0000-0000-000000000001"

// New wires s into fake servers and SDK clients. Retries keep
// deploy.Retry's status codes with millisecond backoff.
func New(s *Scenario) *Fake {
	f := &Fake{calls: map[string]int{}, times: map[string][]time.Time{}}
	deps := depfake.NewServerFactoryTransport(&depfake.ServerFactory{
		DeploymentsServer:          f.deployments(s),
		DeploymentOperationsServer: f.operations(s),
	})
	res := resfake.NewServerTransport(f.resources(s))
	retry := deploy.Retry()
	retry.RetryDelay = time.Millisecond
	retry.MaxRetryDelay = 5 * time.Second
	opts := &arm.ClientOptions{ClientOptions: policy.ClientOptions{
		Transport: &mux{f: f, faults: cloneFaults(s.Faults), deployments: deps, resources: res},
		Retry:     retry,
	}}
	cred := &azfake.TokenCredential{}
	if s.NoCredential {
		cred.SetError(fmt.Errorf("DefaultAzureCredential: failed to acquire a token: no credential in the chain could sign in"))
	}
	f.Credential = cred
	c, err := deploy.NewClients(Subscription, cred, opts, 0)
	if err != nil {
		panic(err) // constructors fail only on bad options
	}
	// Tests poll every millisecond; azcore allows that in test binaries.
	c.Poll = time.Millisecond
	f.Clients = c
	return f
}

func cloneFaults(m map[string][]Fault) map[string][]Fault {
	out := map[string][]Fault{}
	for k, v := range m {
		out[k] = append([]Fault(nil), v...)
	}
	return out
}

// mux sends each request to its fake server, after any canned faults.
type mux struct {
	f           *Fake
	mu          sync.Mutex
	faults      map[string][]Fault
	deployments policy.Transporter
	resources   policy.Transporter
}

func (m *mux) Do(req *http.Request) (*http.Response, error) {
	api, _ := req.Context().Value(runtime.CtxAPINameKey{}).(string)
	m.f.mu.Lock()
	m.f.calls[api]++
	m.f.times[api] = append(m.f.times[api], time.Now())
	m.f.mu.Unlock()
	m.mu.Lock()
	var fault *Fault
	if q := m.faults[api]; len(q) > 0 {
		fault = &q[0]
		m.faults[api] = q[1:]
	}
	m.mu.Unlock()
	if fault != nil {
		return fault.response(req), nil
	}
	// The SDK's generated fake servers race when a request's context ends
	// while they answer it: their dispatch goroutine may send on the channel
	// the caller has already closed, and panic. A fake answers at once, so
	// it gets a context that never ends; the code under test still sees its
	// own context's cancellation between calls.
	req = req.WithContext(context.WithoutCancel(req.Context()))
	if strings.HasPrefix(api, "Client.") {
		return m.resources.Do(req)
	}
	return m.deployments.Do(req)
}

func (ft *Fault) response(req *http.Request) *http.Response {
	e := ft.Error
	if e == nil {
		e = &ARMError{Code: http.StatusText(ft.Status), Message: "fault injected by the test"}
	}
	body, _ := json.Marshal(map[string]any{"error": e})
	h := http.Header{"Content-Type": {"application/json"}, "X-Ms-Error-Code": {e.Code}}
	if ft.RetryAfter != "" {
		h.Set("Retry-After", ft.RetryAfter)
	}
	return &http.Response{StatusCode: ft.Status, Status: http.StatusText(ft.Status), Header: h, Body: io.NopCloser(bytes.NewReader(body)), Request: req}
}

func ptr[T any](v T) *T { return &v }

func (f *Fake) deployments(s *Scenario) depfake.DeploymentsServer {
	var mu sync.Mutex
	existingReads := 0
	// seenDigest is the template digest of the last validate or create, so
	// an existing deployment is of the template being applied unless the
	// scenario says otherwise.
	seenDigest := ""
	remember := func(d armdeployments.Deployment) {
		if v := d.Tags["enclave-template"]; v != nil {
			mu.Lock()
			seenDigest = *v
			mu.Unlock()
		}
	}
	final := s.Final
	if final == "" {
		final = "Succeeded"
	}
	return depfake.DeploymentsServer{
		BeginValidateAtSubscriptionScope: func(ctx context.Context, name string, d armdeployments.Deployment, o *armdeployments.DeploymentsClientBeginValidateAtSubscriptionScopeOptions) (resp azfake.PollerResponder[armdeployments.DeploymentsClientValidateAtSubscriptionScopeResponse], errResp azfake.ErrorResponder) {
			remember(d)
			resp.SetTerminalResponse(http.StatusOK, armdeployments.DeploymentsClientValidateAtSubscriptionScopeResponse{
				DeploymentValidateResult: armdeployments.DeploymentValidateResult{Name: &name},
			}, nil)
			return
		},
		BeginWhatIfAtSubscriptionScope: func(ctx context.Context, name string, d armdeployments.DeploymentWhatIf, o *armdeployments.DeploymentsClientBeginWhatIfAtSubscriptionScopeOptions) (resp azfake.PollerResponder[armdeployments.DeploymentsClientWhatIfAtSubscriptionScopeResponse], errResp azfake.ErrorResponder) {
			var changes []*armdeployments.WhatIfChange
			for _, c := range s.WhatIf {
				ch := &armdeployments.WhatIfChange{ResourceID: ptr(c.ID), ChangeType: ptr(armdeployments.ChangeType(c.Kind))}
				for _, p := range c.Delta {
					ch.Delta = append(ch.Delta, &armdeployments.WhatIfPropertyChange{Path: ptr(p.Path), PropertyChangeType: ptr(armdeployments.PropertyChangeType(p.Kind)), Before: p.Before, After: p.After})
				}
				changes = append(changes, ch)
			}
			resp.AddNonTerminalResponse(http.StatusAccepted, nil)
			resp.SetTerminalResponse(http.StatusOK, armdeployments.DeploymentsClientWhatIfAtSubscriptionScopeResponse{
				WhatIfOperationResult: armdeployments.WhatIfOperationResult{Status: ptr("Succeeded"), Properties: &armdeployments.WhatIfOperationProperties{Changes: changes}},
			}, nil)
			return
		},
		GetAtSubscriptionScope: func(ctx context.Context, name string, o *armdeployments.DeploymentsClientGetAtSubscriptionScopeOptions) (resp azfake.Responder[armdeployments.DeploymentsClientGetAtSubscriptionScopeResponse], errResp azfake.ErrorResponder) {
			if s.Existing == "" {
				errResp.SetResponseError(http.StatusNotFound, "DeploymentNotFound")
				return
			}
			mu.Lock()
			existingReads++
			state := s.Existing
			if existingReads > s.ExistingPolls+1 {
				state = final
			}
			digest := seenDigest
			mu.Unlock()
			tags := map[string]*string{}
			if s.ExistingDigest != "" {
				tags["enclave-template"] = ptr(s.ExistingDigest)
			} else {
				tags["enclave-template"] = ptr(digest)
			}
			resp.SetResponse(http.StatusOK, armdeployments.DeploymentsClientGetAtSubscriptionScopeResponse{DeploymentExtended: armdeployments.DeploymentExtended{
				Name: &name, Tags: tags,
				Properties: &armdeployments.DeploymentPropertiesExtended{ProvisioningState: ptr(armdeployments.ProvisioningState(state))},
			}}, nil)
			return
		},
		BeginCreateOrUpdateAtSubscriptionScope: func(ctx context.Context, name string, d armdeployments.Deployment, o *armdeployments.DeploymentsClientBeginCreateOrUpdateAtSubscriptionScopeOptions) (resp azfake.PollerResponder[armdeployments.DeploymentsClientCreateOrUpdateAtSubscriptionScopeResponse], errResp azfake.ErrorResponder) {
			remember(d)
			if d.Properties == nil || d.Properties.Mode == nil || *d.Properties.Mode != armdeployments.DeploymentModeIncremental {
				errResp.SetResponseError(http.StatusBadRequest, "UnexpectedMode")
				return
			}
			for range s.Polls {
				resp.AddNonTerminalResponse(http.StatusCreated, nil)
			}
			if final != "Succeeded" {
				resp.SetTerminalError(http.StatusBadRequest, "DeploymentFailed")
				return
			}
			resp.SetTerminalResponse(http.StatusOK, armdeployments.DeploymentsClientCreateOrUpdateAtSubscriptionScopeResponse{DeploymentExtended: armdeployments.DeploymentExtended{
				Name: &name, Properties: &armdeployments.DeploymentPropertiesExtended{ProvisioningState: ptr(armdeployments.ProvisioningStateSucceeded)},
			}}, nil)
			return
		},
	}
}

func (f *Fake) operations(s *Scenario) depfake.DeploymentOperationsServer {
	groups := map[string][]Operation{}
	var order []string
	for _, op := range s.Operations {
		g := deploy.ParseResourceID(op.ID).Group
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], op)
	}
	// Each listing of the subscription deployment advances the clock of
	// every operation by one poll.
	return depfake.DeploymentOperationsServer{
		NewListAtSubscriptionScopePager: func(name string, o *armdeployments.DeploymentOperationsClientListAtSubscriptionScopeOptions) (resp azfake.PagerResponder[armdeployments.DeploymentOperationsClientListAtSubscriptionScopeResponse]) {
			f.mu.Lock()
			f.listings++
			n := f.listings
			f.mu.Unlock()
			if f.OnList != nil {
				f.OnList(n)
			}
			var ops []*armdeployments.DeploymentOperation
			for _, g := range order {
				id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Resources/deployments/enclave-%s-0", Subscription, g, g)
				ops = append(ops, &armdeployments.DeploymentOperation{OperationID: ptr("op-" + g), Properties: &armdeployments.DeploymentOperationProperties{
					ProvisioningState: ptr("Running"),
					TargetResource:    &armdeployments.TargetResource{ID: ptr(id), ResourceType: ptr("Microsoft.Resources/deployments"), ResourceName: ptr("enclave-" + g + "-0")},
				}})
			}
			resp.AddPage(http.StatusOK, armdeployments.DeploymentOperationsClientListAtSubscriptionScopeResponse{DeploymentOperationsListResult: armdeployments.DeploymentOperationsListResult{Value: ops}}, nil)
			return
		},
		NewListPager: func(group, name string, o *armdeployments.DeploymentOperationsClientListOptions) (resp azfake.PagerResponder[armdeployments.DeploymentOperationsClientListResponse]) {
			f.mu.Lock()
			n := f.listings
			f.mu.Unlock()
			var ops []*armdeployments.DeploymentOperation
			for i, op := range groups[group] {
				r := deploy.ParseResourceID(op.ID)
				kind := op.Kind
				if kind == "" {
					kind = "Create"
				}
				p := &armdeployments.DeploymentOperationProperties{
					ProvisioningOperation: ptr(armdeployments.ProvisioningOperation(kind)),
					ProvisioningState:     ptr(op.State),
					TargetResource:        &armdeployments.TargetResource{ID: ptr(op.ID), ResourceType: ptr(r.Type), ResourceName: ptr(r.Name)},
				}
				if n <= op.RunningPolls {
					p.ProvisioningState = ptr("Running")
				} else {
					p.Duration = ptr(op.Duration)
					if op.Error != nil {
						p.StatusMessage = &armdeployments.StatusMessage{Status: ptr("Failed"), Error: &armdeployments.ErrorResponse{Code: ptr(op.Error.Code), Message: ptr(op.Error.Message)}}
					}
				}
				ops = append(ops, &armdeployments.DeploymentOperation{OperationID: ptr(fmt.Sprint(i)), Properties: p})
			}
			resp.AddPage(http.StatusOK, armdeployments.DeploymentOperationsClientListResponse{DeploymentOperationsListResult: armdeployments.DeploymentOperationsListResult{Value: ops}}, nil)
			return
		},
	}
}

func (f *Fake) resources(s *Scenario) *resfake.Server {
	return &resfake.Server{
		NewListByResourceGroupPager: func(group string, o *armresources.ClientListByResourceGroupOptions) (resp azfake.PagerResponder[armresources.ClientListByResourceGroupResponse]) {
			var list []*armresources.GenericResourceExpanded
			for _, r := range s.Live {
				id := deploy.ParseResourceID(r.ID)
				if strings.EqualFold(id.Group, group) {
					list = append(list, &armresources.GenericResourceExpanded{ID: ptr(r.ID), Type: ptr(id.Type), Name: ptr(id.Name)})
				}
			}
			resp.AddPage(http.StatusOK, armresources.ClientListByResourceGroupResponse{ResourceListResult: armresources.ResourceListResult{Value: list}}, nil)
			return
		},
		GetByID: func(ctx context.Context, id, apiVersion string, o *armresources.ClientGetByIDOptions) (resp azfake.Responder[armresources.ClientGetByIDResponse], errResp azfake.ErrorResponder) {
			for _, r := range s.Live {
				if !strings.EqualFold(strings.Trim(r.ID, "/"), strings.Trim(id, "/")) {
					continue
				}
				var props any
				if len(r.Properties) > 0 {
					if err := json.Unmarshal(r.Properties, &props); err != nil {
						errResp.SetError(err)
						return
					}
				}
				pid := deploy.ParseResourceID(r.ID)
				resp.SetResponse(http.StatusOK, armresources.ClientGetByIDResponse{GenericResource: armresources.GenericResource{ID: ptr(r.ID), Type: ptr(pid.Type), Name: ptr(pid.Name), Properties: props}}, nil)
				return
			}
			errResp.SetResponseError(http.StatusNotFound, "ResourceNotFound")
			return
		},
	}
}
