package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
)

// ChangeKind is what what-if says will happen to a resource.
type ChangeKind string

// The change types of ARM what-if:
// https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-what-if#change-types
const (
	Create      ChangeKind = "Create"
	Modify      ChangeKind = "Modify"
	Delete      ChangeKind = "Delete"
	Deploy      ChangeKind = "Deploy" // redeployed; what-if cannot tell whether properties change
	NoChange    ChangeKind = "NoChange"
	Ignore      ChangeKind = "Ignore"
	Unsupported ChangeKind = "Unsupported"
)

// kindOrder is the order change kinds are listed in.
var kindOrder = []ChangeKind{Delete, Create, Modify, Deploy, Unsupported, NoChange, Ignore}

// symbol prefixes a change in the listing, as az deployment what-if does.
func (k ChangeKind) symbol() string {
	switch k {
	case Create:
		return "+"
	case Delete:
		return "-"
	case Modify:
		return "~"
	case Deploy:
		return "!"
	case NoChange:
		return "="
	case Ignore:
		return "*"
	}
	return "x"
}

// PropertyChange is one property-level difference of a modify.
type PropertyChange struct {
	Path   string
	Kind   string // Create, Delete, Modify, Array, NoEffect
	Before any
	After  any
}

// Change is what-if's verdict on one resource.
type Change struct {
	Resource ResourceID
	Kind     ChangeKind
	// Delta lists the properties that change, for Modify.
	Delta []PropertyChange
	// Reason is why what-if cannot say (Unsupported).
	Reason string
}

// WhatIf is what a deployment would change.
type WhatIf struct {
	Changes []Change
}

// Validate asks ARM to validate the template and its parameters without
// deploying. An invalid template comes back as a *Failure.
func Validate(ctx context.Context, c *Clients, t Template) error {
	p, err := c.Deployments.BeginValidateAtSubscriptionScope(ctx, DeploymentName(t.Env), t.deployment(), nil)
	if err != nil {
		return failure("validating the template", err)
	}
	res, err := p.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.Poll})
	if err != nil {
		return failure("validating the template", err)
	}
	if res.Error != nil {
		return failureFrom("validating the template", "", res.Error)
	}
	return nil
}

// Plan validates the template, then runs what-if at subscription scope.
func Plan(ctx context.Context, c *Clients, t Template) (*WhatIf, error) {
	if err := Validate(ctx, c, t); err != nil {
		return nil, err
	}
	p, err := c.Deployments.BeginWhatIfAtSubscriptionScope(ctx, DeploymentName(t.Env), t.whatIf(), nil)
	if err != nil {
		return nil, failure("running what-if", err)
	}
	res, err := p.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.Poll})
	if err != nil {
		return nil, failure("running what-if", err)
	}
	if res.Error != nil {
		return nil, failureFrom("running what-if", "", res.Error)
	}
	w := &WhatIf{}
	if res.Properties != nil {
		for _, ch := range res.Properties.Changes {
			if ch == nil || ch.ResourceID == nil {
				continue
			}
			c := Change{Resource: ParseResourceID(*ch.ResourceID), Kind: ChangeKind(deref(ch.ChangeType)), Reason: deref(ch.UnsupportedReason)}
			c.Delta = flattenDelta("", ch.Delta)
			w.Changes = append(w.Changes, c)
		}
	}
	sort.SliceStable(w.Changes, func(i, j int) bool { return w.Changes[i].Resource.Less(w.Changes[j].Resource) })
	return w, nil
}

// flattenDelta turns what-if's nested property changes into paths.
func flattenDelta(prefix string, ds []*armdeployments.WhatIfPropertyChange) []PropertyChange {
	var out []PropertyChange
	for _, d := range ds {
		if d == nil {
			continue
		}
		path := deref(d.Path)
		if prefix != "" {
			path = prefix + "." + path
		}
		kind := string(deref(d.PropertyChangeType))
		if len(d.Children) > 0 {
			out = append(out, flattenDelta(path, d.Children)...)
			continue
		}
		if kind == string(armdeployments.PropertyChangeTypeNoEffect) {
			continue
		}
		out = append(out, PropertyChange{Path: path, Kind: kind, Before: d.Before, After: d.After})
	}
	return out
}

// Count returns how many changes are of kind k.
func (w *WhatIf) Count(k ChangeKind) int {
	n := 0
	for _, c := range w.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Summary is the one-line count of changes.
func (w *WhatIf) Summary() string {
	return fmt.Sprintf("Resource changes: %d to create, %d to modify, %d to delete, %d to redeploy, %d unchanged, %d ignored.",
		w.Count(Create), w.Count(Modify), w.Count(Delete), w.Count(Deploy), w.Count(NoChange), w.Count(Ignore))
}

// Print writes the changes grouped by resource group (subscription-level
// resources first), each group's changes by kind, modifies with their
// property differences, then the summary line. Unchanged and ignored
// resources are counted but listed only when verbose.
func (w *WhatIf) Print(out io.Writer, verbose bool) {
	groups := map[string][]Change{}
	for _, c := range w.Changes {
		groups[c.Resource.Group] = append(groups[c.Resource.Group], c)
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		title := "subscription"
		if g != "" {
			title = "resource group " + g
		}
		var lines []string
		hidden := 0
		for _, k := range kindOrder {
			for _, c := range groups[g] {
				if c.Kind != k {
					continue
				}
				if !verbose && (k == NoChange || k == Ignore) {
					hidden++
					continue
				}
				lines = append(lines, fmt.Sprintf("  %s %s %s", k.symbol(), c.Resource.Display(), c.Kind))
				if c.Reason != "" {
					lines = append(lines, "      "+c.Reason)
				}
				for _, d := range c.Delta {
					lines = append(lines, "      "+d.String())
				}
			}
		}
		fmt.Fprintf(out, "%s:\n", title)
		for _, l := range lines {
			fmt.Fprintln(out, l)
		}
		if hidden > 0 {
			fmt.Fprintf(out, "  (%d unchanged or ignored)\n", hidden)
		}
	}
	fmt.Fprintln(out, w.Summary())
}

// String is "path: before => after" in what-if's notation.
func (d PropertyChange) String() string {
	switch d.Kind {
	case "Create":
		return fmt.Sprintf("+ %s: %s", d.Path, show(d.After))
	case "Delete":
		return fmt.Sprintf("- %s: %s", d.Path, show(d.Before))
	}
	return fmt.Sprintf("~ %s: %s => %s", d.Path, show(d.Before), show(d.After))
}

// show prints a property value compactly.
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// ResourceID is a parsed ARM resource ID.
type ResourceID struct {
	ID    string
	Group string // "" at subscription scope
	Type  string // "Microsoft.Storage/storageAccounts", with child types appended
	Name  string // "parent/child" for children
}

// ParseResourceID splits an ARM ID into group, type and name. Extension
// resources (".../providers/Microsoft.Authorization/locks/x" under another
// resource) take the extension's type and name.
func ParseResourceID(id string) ResourceID {
	r := ResourceID{ID: id}
	parts := strings.Split(strings.Trim(id, "/"), "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "resourceGroups") {
			r.Group = parts[i+1]
		}
	}
	// The last "providers" segment starts the resource's own type.
	last := -1
	for i, p := range parts {
		if strings.EqualFold(p, "providers") {
			last = i
		}
	}
	if last < 0 || last+2 >= len(parts) {
		if r.Group != "" && len(parts) >= 4 {
			r.Type, r.Name = "Microsoft.Resources/resourceGroups", r.Group
			r.Group = ""
		}
		return r
	}
	rest := parts[last+1:]
	typ := []string{rest[0]}
	var names []string
	for i := 1; i+1 < len(rest); i += 2 {
		typ = append(typ, rest[i])
		names = append(names, rest[i+1])
	}
	r.Type = strings.Join(typ, "/")
	r.Name = strings.Join(names, "/")
	return r
}

// Display is "type name".
func (r ResourceID) Display() string {
	if r.Type == "" {
		return r.ID
	}
	return r.Type + " " + r.Name
}

// Less orders IDs by group, type and name.
func (r ResourceID) Less(o ResourceID) bool {
	if r.Group != o.Group {
		return r.Group < o.Group
	}
	if !strings.EqualFold(r.Type, o.Type) {
		return strings.ToLower(r.Type) < strings.ToLower(o.Type)
	}
	return r.Name < o.Name
}
