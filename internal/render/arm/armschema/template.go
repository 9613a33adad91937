package armschema

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Template schema URLs this package knows the deployment scope of.
const (
	SubscriptionTemplate  = BaseURL + "2018-05-01/subscriptionDeploymentTemplate.json#"
	ResourceGroupTemplate = BaseURL + "2019-04-01/deploymentTemplate.json#"
)

// Scope is where a template deploys its resources.
type Scope int

const (
	// ResourceGroup is a resource group deployment.
	ResourceGroup Scope = iota
	// Subscription is a subscription deployment.
	Subscription
)

func (s Scope) String() string {
	if s == Subscription {
		return "subscription"
	}
	return "resourceGroup"
}

// Resource is one resource of a template, as Resources found it.
type Resource struct {
	// Path locates it in the top template, e.g.
	// "resources[5].properties.template.resources[2]".
	Path string
	// Template is the $schema of the template holding it.
	Template string
	// Scope is where that template deploys.
	Scope Scope
	// Body is the resource's JSON, decoded by jsonschema.UnmarshalJSON.
	Body map[string]any
}

// Type returns the resource's "type".
func (r Resource) Type() string { return r.str("type") }

// APIVersion returns the resource's "apiVersion".
func (r Resource) APIVersion() string { return r.str("apiVersion") }

// Name returns the resource's "name".
func (r Resource) Name() string { return r.str("name") }

// Label names the resource in messages: "type@apiVersion 'name' at path".
func (r Resource) Label() string {
	return fmt.Sprintf("%s@%s %q at %s", r.Type(), r.APIVersion(), r.Name(), r.Path)
}

func (r Resource) str(k string) string {
	s, _ := r.Body[k].(string)
	return s
}

// extensionTypes only ever extend another resource, even when a template
// leaves out "scope" because they extend the deployment's own scope.
var extensionTypes = map[string]bool{
	"microsoft.insights/diagnosticsettings":             true,
	"microsoft.insights/datacollectionruleassociations": true,
	"microsoft.authorization/roleassignments":           true,
	"microsoft.authorization/locks":                     true,
}

// Extension reports whether r is an extension resource: it names a scope, or
// its type is one that only extends others.
func (r Resource) Extension() bool {
	_, scoped := r.Body["scope"]
	return scoped || extensionTypes[strings.ToLower(r.Type())]
}

// Template is one template of a deployment: the top one or the inline
// template of a nested deployment.
type Template struct {
	// Path locates it in the top template: "" for the top template,
	// "resources[5].properties.template" for a nested one.
	Path string
	// Schema is its $schema.
	Schema string
	// Scope is where it deploys.
	Scope Scope
	// Body is its JSON, decoded by jsonschema.UnmarshalJSON.
	Body map[string]any
}

// Contents is what Parse finds in a template.
type Contents struct {
	// Templates are the top template and every nested inline template.
	Templates []Template
	// Resources are the resources of all of them, in document order.
	Resources []Resource
}

// Parse reads an ARM template and finds its resources: the top-level ones
// and, recursively, those of nested deployments with inline templates
// (resources[].properties.template.resources[]). A nested deployment's
// scope is a resource group when it names one (or sits in a resource group
// template), and its template's $schema must agree.
func Parse(template []byte) (*Contents, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(template))
	if err != nil {
		return nil, err
	}
	tpl, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("template is not a JSON object")
	}
	schema, _ := tpl["$schema"].(string)
	scope, err := scopeOf(schema)
	if err != nil {
		return nil, err
	}
	c := &Contents{}
	if err := c.walk(Template{Schema: schema, Scope: scope, Body: tpl}); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Contents) walk(t Template) error {
	c.Templates = append(c.Templates, t)
	prefix := t.Path
	if prefix != "" {
		prefix += "."
	}
	items, ok := t.Body["resources"].([]any)
	if !ok && t.Body["resources"] != nil {
		return fmt.Errorf("%sresources is not an array (symbolic names are not supported)", prefix)
	}
	for i, item := range items {
		at := fmt.Sprintf("%sresources[%d]", prefix, i)
		body, ok := item.(map[string]any)
		if !ok {
			return fmt.Errorf("%s is not an object", at)
		}
		c.Resources = append(c.Resources, Resource{Path: at, Template: t.Schema, Scope: t.Scope, Body: body})
		nested, ok := nestedTemplate(body)
		if !ok {
			continue
		}
		inner := t.Scope
		if _, rg := body["resourceGroup"]; rg {
			inner = ResourceGroup
		}
		schema, _ := nested["$schema"].(string)
		declared, err := scopeOf(schema)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		if declared != inner {
			return fmt.Errorf("%s deploys to a %s but its template's $schema is for a %s", at, inner, declared)
		}
		if err := c.walk(Template{Path: at + ".properties.template", Schema: schema, Scope: inner, Body: nested}); err != nil {
			return err
		}
	}
	return nil
}

// nestedTemplate returns the inline template of a deployment resource.
func nestedTemplate(body map[string]any) (map[string]any, bool) {
	if !strings.EqualFold(fmt.Sprint(body["type"]), "Microsoft.Resources/deployments") {
		return nil, false
	}
	props, _ := body["properties"].(map[string]any)
	tpl, ok := props["template"].(map[string]any)
	return tpl, ok
}

func scopeOf(schema string) (Scope, error) {
	switch schema {
	case SubscriptionTemplate:
		return Subscription, nil
	case ResourceGroupTemplate:
		return ResourceGroup, nil
	}
	return 0, fmt.Errorf("template $schema %q is not one of %s, %s", schema, SubscriptionTemplate, ResourceGroupTemplate)
}
