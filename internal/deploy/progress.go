package deploy

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
)

// longPoles are the resource types that take far longer than the rest;
// apply calls them out when they start so a quiet half hour is expected.
// VPN and ExpressRoute gateways: "a gateway can take 45 minutes or more to
// create" (https://learn.microsoft.com/azure/vpn-gateway/tutorial-create-gateway-portal).
var longPoles = map[string]string{
	"microsoft.network/virtualnetworkgateways":   "gateways usually take 30-45 minutes or more",
	"microsoft.network/azurefirewalls":           "Azure Firewall usually takes 5-15 minutes",
	"microsoft.containerservice/managedclusters": "AKS clusters usually take 5-15 minutes",
}

// Progress reports a deployment's operations as they change: one plain
// line per resource state change, and on a terminal a status line of what
// is still running, redrawn in place.
type Progress struct {
	Out io.Writer
	// Live redraws a status line (a terminal); otherwise only plain lines.
	Live bool
	// Now is the clock; time.Now when nil.
	Now func() time.Time

	start  time.Time
	seen   map[string]*opState
	status bool // a status line is on screen
}

type opState struct {
	id       ResourceID
	state    string
	first    time.Time
	duration time.Duration
	code     string
	message  string
}

// Pole is a long-running resource and how long it took.
type Pole struct {
	Resource ResourceID
	Duration time.Duration
}

func (p *Progress) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Progress) elapsed() time.Duration {
	if p.start.IsZero() {
		p.start = p.now()
	}
	return p.now().Sub(p.start).Round(time.Second)
}

// linef prints a plain line, clearing the status line first.
func (p *Progress) linef(format string, args ...any) {
	p.clearStatus()
	fmt.Fprintf(p.Out, "[%8s] %s\n", fmtDuration(p.elapsed()), fmt.Sprintf(format, args...))
}

func (p *Progress) clearStatus() {
	if p.status {
		fmt.Fprint(p.Out, "\r\033[K")
		p.status = false
	}
}

// observe lists the deployment's operations and reports what changed.
// Listing errors are not fatal: progress is best effort, the poller
// decides the outcome.
func (p *Progress) observe(ctx context.Context, c *Clients, name string) {
	if p.seen == nil {
		p.seen = map[string]*opState{}
	}
	ops, _ := operations(ctx, c, name)
	var changed []*opState
	for _, op := range ops {
		tr := target(op)
		if tr == nil || tr.ID == nil || strings.EqualFold(deref(tr.ResourceType), "Microsoft.Resources/deployments") || !changes(op) {
			continue
		}
		key := strings.ToLower(*tr.ID)
		st := p.seen[key]
		if st == nil {
			st = &opState{id: ParseResourceID(*tr.ID), first: p.now()}
			p.seen[key] = st
		}
		state := deref(op.Properties.ProvisioningState)
		if state == st.state {
			continue
		}
		st.state = state
		st.duration = parseISODuration(deref(op.Properties.Duration))
		if e := opError(op); e != nil {
			inner := failureFrom("", "", e)
			st.code, st.message = inner.Code, inner.Message
		}
		changed = append(changed, st)
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].id.Less(changed[j].id) })
	for _, st := range changed {
		line := fmt.Sprintf("%-9s %s (%s)", st.state, st.id.Display(), st.id.Group)
		if !running(st.state) && st.duration > 0 {
			line += " in " + fmtDuration(st.duration)
		}
		if running(st.state) {
			if why, ok := longPoles[strings.ToLower(st.id.Type)]; ok {
				line += " — long pole: " + why
			}
		}
		if st.code != "" {
			line += ": " + st.code
		}
		p.linef("%s", line)
	}
	if p.Live {
		p.drawStatus()
	}
}

// drawStatus shows counts and what is still running.
func (p *Progress) drawStatus() {
	done, failed := 0, 0
	var run []string
	for _, st := range p.sortedSeen() {
		switch {
		case strings.EqualFold(st.state, "Succeeded"):
			done++
		case strings.EqualFold(st.state, "Failed"):
			failed++
		default:
			run = append(run, fmt.Sprintf("%s %s", st.id.Name, fmtDuration(p.now().Sub(st.first).Round(time.Second))))
		}
	}
	line := fmt.Sprintf("%d done, %d failed, %d running", done, failed, len(run))
	if len(run) > 0 {
		line += ": " + strings.Join(run, ", ")
	}
	if len(line) > 150 {
		line = line[:147] + "..."
	}
	p.clearStatus()
	fmt.Fprintf(p.Out, "[%8s] %s", fmtDuration(p.elapsed()), line)
	p.status = true
}

func (p *Progress) sortedSeen() []*opState {
	out := make([]*opState, 0, len(p.seen))
	for _, st := range p.seen {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id.Less(out[j].id) })
	return out
}

// poles returns the long-pole resources seen, slowest first.
func (p *Progress) poles() []Pole {
	var out []Pole
	for _, st := range p.sortedSeen() {
		if _, ok := longPoles[strings.ToLower(st.id.Type)]; ok {
			out = append(out, Pole{Resource: st.id, Duration: st.duration})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Duration > out[j].Duration })
	return out
}

// failures returns a Failure per failed resource.
func (p *Progress) failures() Failures {
	var out Failures
	for _, st := range p.sortedSeen() {
		if strings.EqualFold(st.state, "Failed") {
			f := &Failure{Step: "deploying", Resource: st.id, Code: st.code, Message: st.message}
			if f.Code == "" {
				f.Code = "ResourceDeploymentFailure"
			}
			f.Hint = hintFor(f.Code, f.Message)
			out = append(out, f)
		}
	}
	return out
}

// done prints the summary of a successful deployment.
func (p *Progress) done(r *Result) {
	n := 0
	for _, st := range p.seen {
		if strings.EqualFold(st.state, "Succeeded") {
			n++
		}
	}
	p.linef("deployment %s succeeded: %d resources in %s", r.Name, n, fmtDuration(r.Elapsed.Round(time.Second)))
	for _, pole := range r.Poles {
		p.linef("long pole: %s (%s) took %s", pole.Resource.Display(), pole.Resource.Group, fmtDuration(pole.Duration))
	}
}

// changes reports whether an operation writes its target: ARM also lists
// reads of existing resources and output evaluation, which are not
// progress.
func changes(op *armdeployments.DeploymentOperation) bool {
	switch deref(op.Properties.ProvisioningOperation) {
	case armdeployments.ProvisioningOperationRead, armdeployments.ProvisioningOperationEvaluateDeploymentOutput:
		return false
	}
	return true
}

func opError(op *armdeployments.DeploymentOperation) *armdeployments.ErrorResponse {
	if op.Properties == nil || op.Properties.StatusMessage == nil {
		return nil
	}
	return op.Properties.StatusMessage.Error
}

// fmtDuration prints 1h2m3s style without fractions.
func fmtDuration(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	switch {
	case h > 0:
		return fmt.Sprintf("%dh%02dm", h, m)
	case m > 0 && s == 0:
		return fmt.Sprintf("%dm", m)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}

var isoDuration = regexp.MustCompile(`^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$`)

// parseISODuration reads ARM's operation durations ("PT1M3.5S").
func parseISODuration(s string) time.Duration {
	m := isoDuration.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	var d time.Duration
	if m[1] != "" {
		h, _ := strconv.Atoi(m[1])
		d += time.Duration(h) * time.Hour
	}
	if m[2] != "" {
		mi, _ := strconv.Atoi(m[2])
		d += time.Duration(mi) * time.Minute
	}
	if m[3] != "" {
		sec, _ := strconv.ParseFloat(m[3], 64)
		d += time.Duration(sec * float64(time.Second))
	}
	return d.Round(time.Second)
}
