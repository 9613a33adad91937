package deploy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
)

// Mode is an ARM deployment mode. enclave deploys only in Incremental
// mode: Complete mode deletes every resource in a resource group that the
// template does not name, which would take data with it.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/deployment-modes
type Mode string

const (
	Incremental Mode = "Incremental"
	Complete    Mode = "Complete"
)

// ErrCompleteMode refuses Complete mode.
var ErrCompleteMode = errors.New("complete mode is refused: it deletes every resource the template does not name, data included; enclave deploys in incremental mode only")

// CheckMode refuses any mode but Incremental, for the deployment and for
// every nested deployment in the template.
func CheckMode(m Mode, t Template) error {
	if m != Incremental {
		if strings.EqualFold(string(m), string(Complete)) {
			return ErrCompleteMode
		}
		return fmt.Errorf("unknown deployment mode %q: use Incremental", m)
	}
	var body struct {
		Resources []struct {
			Type       string `json:"type"`
			Name       string `json:"name"`
			Properties struct {
				Mode string `json:"mode"`
			} `json:"properties"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(t.Body, &body); err != nil {
		return fmt.Errorf("reading the template: %w", err)
	}
	for _, r := range body.Resources {
		if strings.EqualFold(r.Type, "Microsoft.Resources/deployments") && !strings.EqualFold(r.Properties.Mode, string(Incremental)) {
			return fmt.Errorf("nested deployment %s: %w", r.Name, ErrCompleteMode)
		}
	}
	return nil
}

// Result is how an apply ended.
type Result struct {
	Name     string
	Attached bool // an earlier run's deployment was followed, not a new one started
	State    string
	Elapsed  time.Duration
	Poles    []Pole
}

// running are the provisioning states of a deployment still in progress.
func running(state string) bool {
	switch strings.ToLower(state) {
	case "succeeded", "failed", "canceled", "":
		return false
	}
	return true
}

// Apply deploys t in incremental mode and reports progress to p. When a
// deployment of the same template with the same name is still running (a
// run was interrupted), it attaches to that deployment instead of starting
// another. A failed deployment comes back as Failures naming each failed
// resource.
func Apply(ctx context.Context, c *Clients, t Template, p *Progress) (*Result, error) {
	if err := CheckMode(Incremental, t); err != nil {
		return nil, err
	}
	name := DeploymentName(t.Env)
	res := &Result{Name: name}
	start := p.now()
	existing, err := c.Deployments.GetAtSubscriptionScope(ctx, name, nil)
	switch {
	case isNotFound(err):
	case err != nil:
		return nil, failure("reading deployment "+name, err)
	case existing.Properties != nil && running(string(deref(existing.Properties.ProvisioningState))):
		if got := deref(existing.Tags[digestTag]); got != t.Digest() {
			return nil, fmt.Errorf("deployment %s of a different template is still running (state %s): wait for it to finish or cancel it (az deployment sub cancel --name %s), then run apply again",
				name, deref(existing.Properties.ProvisioningState), name)
		}
		res.Attached = true
		p.linef("attaching to deployment %s, still running from an earlier run", name)
		state, err := attach(ctx, c, name, p)
		return finish(ctx, c, res, p, start, state, err)
	}

	p.linef("deploying %s (incremental mode)", name)
	poller, err := c.Deployments.BeginCreateOrUpdateAtSubscriptionScope(ctx, name, t.deployment(), nil)
	if err != nil {
		return nil, failure("starting deployment "+name, err)
	}
	for !poller.Done() {
		if err := sleep(ctx, c.Poll); err != nil {
			return nil, interrupted(name, err)
		}
		if _, err := poller.Poll(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, interrupted(name, ctx.Err())
			}
			// A failed deployment ends the poll with ARM's error; the
			// operations say which resources failed.
			return finish(ctx, c, res, p, start, "Failed", err)
		}
		p.observe(ctx, c, name)
	}
	out, err := poller.Result(ctx)
	state := "Succeeded"
	if err == nil && out.Properties != nil {
		state = string(deref(out.Properties.ProvisioningState))
	}
	return finish(ctx, c, res, p, start, state, err)
}

// attach follows a running deployment until it ends.
func attach(ctx context.Context, c *Clients, name string, p *Progress) (string, error) {
	for {
		p.observe(ctx, c, name)
		got, err := c.Deployments.GetAtSubscriptionScope(ctx, name, nil)
		if err != nil {
			if ctx.Err() != nil {
				return "", interrupted(name, ctx.Err())
			}
			return "", failure("reading deployment "+name, err)
		}
		state := ""
		if got.Properties != nil {
			state = string(deref(got.Properties.ProvisioningState))
		}
		if !running(state) {
			return state, nil
		}
		if err := sleep(ctx, c.Poll); err != nil {
			return "", interrupted(name, err)
		}
	}
}

// finish reads the final operations, turns a failure into Failures and
// prints the summary.
func finish(ctx context.Context, c *Clients, res *Result, p *Progress, start time.Time, state string, err error) (*Result, error) {
	p.observe(ctx, c, res.Name)
	res.Elapsed = p.now().Sub(start)
	res.Poles = p.poles()
	if err == nil && strings.EqualFold(state, "Succeeded") {
		res.State = "Succeeded"
		p.done(res)
		return res, nil
	}
	if err != nil && ctx.Err() != nil {
		return nil, interrupted(res.Name, ctx.Err())
	}
	res.State = "Failed"
	if fs := p.failures(); len(fs) > 0 {
		return res, fs
	}
	if err != nil {
		return res, failure("deployment "+res.Name, err)
	}
	return res, &Failure{Step: "deployment " + res.Name, Code: "Deployment" + state, Message: "the deployment ended in state " + state}
}

// Failures are the resources a deployment failed on.
type Failures []*Failure

func (fs Failures) Error() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.Error()
	}
	return strings.Join(lines, "\n")
}

// interrupted explains that the deployment goes on in Azure.
func interrupted(name string, err error) error {
	return fmt.Errorf("interrupted (%v); deployment %s continues in Azure: run apply again to follow it", err, name)
}

func isNotFound(err error) bool {
	var re *azcore.ResponseError
	return errors.As(err, &re) && re.StatusCode == http.StatusNotFound
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// operations lists the operations of the subscription deployment and,
// recursively, of the nested deployments it started.
func operations(ctx context.Context, c *Clients, name string) ([]*armdeployments.DeploymentOperation, error) {
	var all []*armdeployments.DeploymentOperation
	pager := c.Operations.NewListAtSubscriptionScopePager(name, nil)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return all, err
		}
		all = append(all, page.Value...)
	}
	for i := 0; i < len(all); i++ {
		op := all[i]
		tr := target(op)
		if tr == nil || !strings.EqualFold(deref(tr.ResourceType), "Microsoft.Resources/deployments") {
			continue
		}
		id := ParseResourceID(deref(tr.ID))
		if id.Group == "" {
			continue
		}
		pager := c.Operations.NewListPager(id.Group, id.Name, nil)
		for pager.More() {
			page, err := pager.NextPage(ctx)
			if err != nil {
				return all, err
			}
			all = append(all, page.Value...)
		}
	}
	return all, nil
}

func target(op *armdeployments.DeploymentOperation) *armdeployments.TargetResource {
	if op == nil || op.Properties == nil {
		return nil
	}
	return op.Properties.TargetResource
}
