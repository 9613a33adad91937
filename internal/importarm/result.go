// Package importarm evaluates Azure Resource Manager deployment templates,
// `az group export` output and plain resource lists into a flat list of
// resources with every expression evaluated, so enclave's analyses can run
// on environments it did not build.
//
// Evaluation follows ARM's rules: parameters (from a parameters file or
// their defaults), variables (with copy), resource and property copy loops,
// conditions, child resources declared inside their parents, and nested
// inline deployments with inner or outer expression scope. Values only Azure
// knows at deployment time (reference(), list*(), newGuid(), secure
// parameters) become explicit unknowns that propagate through functions;
// they are never replaced by a guess.
package importarm

import (
	"strconv"
	"strings"
	"time"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Options is the deployment context a template is evaluated in. The zero
// Options uses the defaults documented on each field.
type Options struct {
	SubscriptionID string    // default DefaultSubscriptionID
	TenantID       string    // default DefaultTenantID
	ResourceGroup  string    // target group of a resource-group deployment; default "rg-import"
	Location       string    // location of the group and of subscription deployments; default "westeurope"
	DeploymentName string    // deployment().name of the outer deployment; default "enclave-import"
	Now            time.Time // utcNow(); default 2000-01-01T00:00:00Z so output is deterministic
	// ParametersFile names the parameters file in diagnostics; default
	// the template's file name with ".parameters" added.
	ParametersFile string
	// RevealSecure keeps the values of securestring and secureObject
	// parameters. By default they become unknowns (CauseSecure) so no
	// secret reaches any output.
	RevealSecure bool
	// Functions is the function registry; nil means NewFunctions().
	Functions Functions
	// MaxSteps bounds the evaluation work (JSON values and expression nodes
	// visited, copy iterations included) so hostile input ends; default
	// DefaultMaxSteps, about 100 times what the built-in example needs.
	MaxSteps int
}

// Defaults of Options.
const (
	DefaultSubscriptionID = "00000000-0000-0000-0000-000000000000"
	DefaultTenantID       = "00000000-0000-0000-0000-000000000001"
	DefaultResourceGroup  = "rg-import"
	DefaultLocation       = "westeurope"
	DefaultDeploymentName = "enclave-import"
	DefaultMaxSteps       = 2_000_000
)

func (o Options) withDefaults() Options {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&o.SubscriptionID, DefaultSubscriptionID)
	def(&o.TenantID, DefaultTenantID)
	def(&o.ResourceGroup, DefaultResourceGroup)
	def(&o.Location, DefaultLocation)
	def(&o.DeploymentName, DefaultDeploymentName)
	if o.Now.IsZero() {
		o.Now = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.MaxSteps <= 0 {
		o.MaxSteps = DefaultMaxSteps
	}
	if o.Functions == nil {
		o.Functions = NewFunctions()
	}
	return o
}

// Source says what kind of document was read.
type Source string

const (
	SourceTemplate     Source = "template"      // a deployment template
	SourceResourceList Source = "resource-list" // az resource list / Resource Graph rows
)

// Level is the scope a deployment targets.
type Level string

const (
	LevelResourceGroup Level = "resourceGroup"
	LevelSubscription  Level = "subscription"
)

// Result is an evaluated document.
type Result struct {
	Source    Source
	Level     Level // of the outermost deployment
	Resources []Resource
	Outputs   []Output // of the outermost template, in source order
}

// Output is one evaluated template output.
type Output struct {
	Name  string
	Type  string
	Value Value
}

// Resource is one evaluated resource. Type and Name are full ("parent/child"
// for child resources); ID is the resource ID ARM would give it.
type Resource struct {
	ID             string
	Type           string
	APIVersion     string
	Name           string
	SubscriptionID string
	ResourceGroup  string // empty for subscription-level resources
	// Scope is the resource ID an extension resource (a role assignment, a
	// lock, a diagnostic setting) applies to; empty otherwise.
	Scope string
	// Parent is the ID of the resource this one was declared inside, if any.
	Parent     string
	Location   Value
	Tags       Value
	SKU        Value
	Kind       Value
	Identity   Value
	Zones      Value
	Plan       Value
	Properties Value
	// Other holds the remaining members of the declaration, evaluated
	// (extendedLocation, managedBy, ...); null when there are none.
	Other Value
	// DependsOn lists the IDs of the resources this one waits for, sorted.
	DependsOn []string
	// Deployment is the chain of nested deployment names that declared the
	// resource ("" for the outermost template).
	Deployment string
	// Copy is the resource copy loop that produced the resource, if any.
	Copy *CopyInstance
	// Path is the JSON path of the declaration in the source document, e.g.
	// resources[3].properties.template.resources[1]; Pos is where it starts.
	Path string
	Pos  diag.Pos

	decl *node // the declaration, for PosOf
	file string
}

// PosOf returns where the member at path (relative to the resource
// declaration, e.g. "properties.securityRules[0].properties.access") is
// written in the source. Where the evaluated value has no literal
// counterpart (an element made by a copy loop or an expression), it returns
// the position of the nearest enclosing member that is written out, so a
// finding can always point somewhere in the file.
func (r *Resource) PosOf(path string) diag.Pos {
	n := r.decl
	if n == nil {
		return r.Pos
	}
	best := n
	for _, step := range splitPath(path) {
		var next *node
		switch {
		case step.index >= 0 && n.kind == nodeArray && step.index < len(n.items):
			next = n.items[step.index]
		case step.index < 0:
			next = n.get(step.key)
		}
		if next == nil {
			break
		}
		n, best = next, next
	}
	return diag.Pos{File: r.file, Line: best.line, Col: best.col}
}

// Source returns the string written at path in the declaration, before
// evaluation ("[parameters('adminKey')]"), when the member is written out
// there as a string. Importers use it to learn which parameter a value
// came from, which the evaluated value no longer says.
func (r *Resource) Source(path string) (string, bool) {
	n := r.decl
	for _, step := range splitPath(path) {
		if n == nil {
			return "", false
		}
		switch {
		case step.index >= 0 && n.kind == nodeArray && step.index < len(n.items):
			n = n.items[step.index]
		case step.index < 0:
			n = n.get(step.key)
		default:
			return "", false
		}
	}
	if n == nil || n.kind != nodeString {
		return "", false
	}
	return n.str, true
}

type pathStep struct {
	key   string
	index int // -1 for a key
}

// splitPath splits "a.b[2].c" into steps; malformed parts end the path.
func splitPath(path string) []pathStep {
	var steps []pathStep
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			steps = append(steps, pathStep{key: key, index: -1})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if !ok || err != nil || i < 0 {
				return steps
			}
			steps = append(steps, pathStep{index: i})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return steps
}

// CopyInstance names one iteration of a resource copy loop.
type CopyInstance struct {
	Name  string
	Index int
}

// Unknowns returns every unknown value the resource holds.
func (r *Resource) Unknowns() []*UnknownValue {
	var out []*UnknownValue
	for _, v := range []Value{r.Location, r.Tags, r.SKU, r.Kind, r.Identity, r.Zones, r.Plan, r.Properties, r.Other} {
		out = append(out, v.Unknowns()...)
	}
	return out
}

// ResourceUnknown is one unknown value and the resource holding it.
type ResourceUnknown struct {
	ResourceID string
	Path       string // the resource's JSON path in the source
	Unknown    *UnknownValue
}

// Unknowns lists every unknown value of every resource, in resource order,
// so callers can report what an analysis could not decide.
func (r *Result) Unknowns() []ResourceUnknown {
	var out []ResourceUnknown
	for i := range r.Resources {
		res := &r.Resources[i]
		for _, u := range res.Unknowns() {
			out = append(out, ResourceUnknown{ResourceID: res.ID, Path: res.Path, Unknown: u})
		}
	}
	return out
}
