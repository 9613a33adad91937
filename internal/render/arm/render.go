package arm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/enclave-dev/enclave/internal/model"
)

// Output is the rendered deployment.
type Output struct {
	Template   []byte // azuredeploy.json
	Parameters []byte // azuredeploy.parameters.json
}

// Body is what a per-kind converter says about one resource; the machinery
// adds type, apiVersion, name, location, tags, scope and dependsOn.
type Body struct {
	Kind       string
	SKU        any
	Identity   *Identity
	Zones      []string
	Properties any
	// NoLocation drops the location even when the model has one.
	NoLocation bool
	// NoTags drops tags (for types whose schema has none).
	NoTags bool
}

// converter renders one model kind.
type converter struct {
	apiVersion string
	convert    func(x *Ctx, r model.Resource) (Body, error)
}

// kind registers the converter f for the model kind T at apiVersion.
func kind[T model.Resource](apiVersion string, f func(x *Ctx, r T) (Body, error)) (model.Type, converter) {
	var zero T
	return zero.Type(), converter{apiVersion: apiVersion, convert: func(x *Ctx, r model.Resource) (Body, error) {
		return f(x, r.(T))
	}}
}

// table collects converters; namespace files return one each.
type table map[model.Type]converter

func (t table) add(typ model.Type, c converter) { t[typ] = c }

// registry returns the converters for every kind the model has.
func registry() table {
	all := table{}
	for _, part := range []table{
		organisationKinds(),
		privateLinkKinds(),
		authorizationKinds(),
		monitoringKinds(),
		networkKinds(),
		computeKinds(),
		mlKinds(),
		containerKinds(),
		dataKinds(),
		storageKinds(),
		keyVaultKinds(),
		webKinds(),
		governanceKinds(),
	} {
		for typ, c := range part {
			if _, dup := all[typ]; dup {
				panic("arm: converter registered twice for " + string(typ))
			}
			all[typ] = c
		}
	}
	return all
}

// converter returns the converter for r: the registered one for its kind,
// or, for an opaque resource kept from an import, one that writes its body
// back unchanged. Opaque is the only kind the registry need not know.
func (t table) converter(r model.Resource) (converter, bool) {
	if o, ok := r.(*model.Opaque); ok {
		return converter{apiVersion: o.APIVersion, convert: opaqueBody}, true
	}
	c, ok := t[r.Type()]
	return c, ok
}

// opaqueBody writes an opaque resource's members as they were imported.
func opaqueBody(x *Ctx, r model.Resource) (Body, error) {
	o := r.(*model.Opaque)
	b := Body{Kind: o.Kind, Zones: o.Zones, NoLocation: o.Location == ""}
	if len(o.SKU) > 0 {
		b.SKU = o.SKU
	}
	if len(o.Properties) > 0 {
		b.Properties = o.Properties
	}
	return b, nil
}

// APIVersion returns the apiVersion enclave uses for typ, or "".
func APIVersion(typ model.Type) string { return registry()[typ].apiVersion }

// Renderer renders graphs; build one with New and reuse it.
type Renderer struct {
	kinds table
}

// New returns a Renderer with every converter registered.
func New() *Renderer { return &Renderer{kinds: registry()} }

// Render renders g.
func Render(g *model.Graph) (Output, error) { return New().Render(g) }

// Render renders g as a subscription deployment and its parameters file.
//
// Resources of one resource group go into nested deployments, split into
// stages so the deployments never depend on each other in a cycle: a
// resource's stage is the largest stage of what it depends on, plus one when
// that dependency lives in another group. Dependencies across deployments
// become dependsOn between the deployments; within one, between resources.
func (rd *Renderer) Render(g *model.Graph) (Output, error) {
	resources := g.Resources()
	scopes := map[string]model.Address{}
	deps := map[model.Address][]model.Address{}
	for _, r := range resources {
		a := model.AddressOf(r)
		scopes[a.String()] = a
		ds, dangling := g.Links(r)
		if len(dangling) > 0 {
			return Output{}, fmt.Errorf("%s refers to %s, which is not in the model", a, dangling[0])
		}
		deps[a] = ds
	}
	stages, err := stageOf(deps, resources)
	if err != nil {
		return Output{}, err
	}
	type unitKey struct {
		group string
		stage int
	}
	units := map[unitKey][]model.Resource{}
	var keys []unitKey
	for _, r := range resources {
		a := model.AddressOf(r)
		k := unitKey{a.Group, stages[a]}
		if a.Group == "" {
			k.stage = 0
		}
		if _, ok := units[k]; !ok {
			keys = append(keys, k)
		}
		units[k] = append(units[k], r)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].group != keys[j].group {
			return keys[i].group < keys[j].group
		}
		return keys[i].stage < keys[j].stage
	})
	deploymentOf := func(a model.Address) string {
		return DeploymentName(a.Group, stages[a])
	}

	top := Template{
		Schema:         SubscriptionSchema,
		ContentVersion: "1.0.0.0",
		Metadata:       &Metadata{Generator: "enclave", Environment: g.Name},
		Parameters:     map[string]Parameter{},
	}
	for _, p := range g.Parameters() {
		top.Parameters[p.Name] = parameterDecl(p)
	}

	for _, k := range keys {
		if k.group == "" {
			// Subscription-level resources go straight into the top template.
			x := &Ctx{g: g, scopes: scopes, kinds: rd.kinds, deploymentOf: deploymentOf, deps: deps}
			for _, r := range units[k] {
				w, err := rd.resource(x, r)
				if err != nil {
					return Output{}, err
				}
				top.Resources = append(top.Resources, w)
			}
			continue
		}
		name := DeploymentName(k.group, k.stage)
		x := &Ctx{g: g, group: k.group, deployment: name, scopes: scopes, kinds: rd.kinds, used: map[string]bool{}, deploymentOf: deploymentOf, deps: deps}
		inner := Template{Schema: ResourceGroupSchema, ContentVersion: "1.0.0.0"}
		waits := map[string]bool{}
		for _, r := range units[k] {
			w, err := rd.resource(x, r)
			if err != nil {
				return Output{}, err
			}
			inner.Resources = append(inner.Resources, w)
			for _, d := range deps[model.AddressOf(r)] {
				if d.Group != k.group || deploymentOf(d) != name {
					waits[x.topLevelDep(d)] = true
				}
			}
		}
		waits[x.topLevelDep(model.Address{Type: model.TypeResourceGroup, Name: k.group})] = true
		props := deploymentProperties{
			Mode:                        "Incremental",
			ExpressionEvaluationOptions: evalOptions{Scope: "Inner"},
			Template:                    inner,
		}
		if len(x.used) > 0 {
			props.Parameters = map[string]paramValue{}
			props.Template.Parameters = map[string]Parameter{}
			for pname := range x.used {
				p, ok := findParam(g, pname)
				if !ok {
					return Output{}, fmt.Errorf("resource group %s uses undeclared parameter %q", k.group, pname)
				}
				props.Template.Parameters[pname] = parameterDecl(p)
				props.Parameters[pname] = paramValue{Value: fmt.Sprintf("[parameters('%s')]", pname)}
			}
		}
		top.Resources = append(top.Resources, Resource{
			Type:          "Microsoft.Resources/deployments",
			APIVersion:    deploymentsAPI,
			Name:          name,
			ResourceGroup: k.group,
			Properties:    props,
			DependsOn:     sortedKeys(waits),
		})
	}
	if len(top.Parameters) == 0 {
		top.Parameters = nil
	}

	tpl, err := encodeTemplate(top)
	if err != nil {
		return Output{}, err
	}
	pf := ParametersFile{Schema: ParametersSchema, ContentVersion: "1.0.0.0", Parameters: map[string]paramValue{}}
	for _, p := range g.Parameters() {
		// Expression defaults (utcNow) are evaluated only in the template.
		if !p.Secure && p.Default != "" && !strings.HasPrefix(p.Default, "[") {
			pf.Parameters[p.Name] = paramValue{Value: p.Default}
		}
	}
	params, err := encode(pf)
	if err != nil {
		return Output{}, err
	}
	return Output{Template: tpl, Parameters: params}, nil
}

// stageOf assigns every resource its deployment stage (see Render) and
// reports a dependency cycle as an error naming it.
func stageOf(deps map[model.Address][]model.Address, resources []model.Resource) (map[model.Address]int, error) {
	stage := map[model.Address]int{}
	state := map[model.Address]int{} // 1 visiting, 2 done
	var visit func(a model.Address, path []model.Address) error
	visit = func(a model.Address, path []model.Address) error {
		switch state[a] {
		case 2:
			return nil
		case 1:
			return fmt.Errorf("dependency cycle: %v", append(path, a))
		}
		state[a] = 1
		s := 0
		for _, d := range deps[a] {
			if err := visit(d, append(path, a)); err != nil {
				return err
			}
			ds := stage[d]
			if d.Group != a.Group && d.Group != "" && a.Group != "" {
				ds++
			}
			if a.Group == "" || d.Group == "" {
				// The top template waits for whole deployments; a nested
				// deployment waits for top-level resources directly.
				if d.Group != "" {
					ds++
				}
			}
			s = max(s, ds)
		}
		stage[a] = s
		state[a] = 2
		return nil
	}
	for _, r := range resources {
		if err := visit(model.AddressOf(r), nil); err != nil {
			return nil, err
		}
	}
	return stage, nil
}

// DeploymentName is the name of the nested deployment for a resource group;
// it is stable so that a re-run updates the same deployment.
func DeploymentName(group string, stage int) string {
	n := fmt.Sprintf("enclave-%s-%d", group, stage)
	if len(n) > 64 {
		n = n[len(n)-64:]
	}
	return n
}

// resource renders r as it stands in its template: its body, plus the
// scope of an extension resource and the dependsOn within its deployment.
func (rd *Renderer) resource(x *Ctx, r model.Resource) (Resource, error) {
	w, err := rd.body(x, r)
	if err != nil {
		return Resource{}, err
	}
	m := r.Base()
	if !m.Scope.IsZero() {
		if rg, isRG := x.g.Get(m.Scope.Address); !isRG || rg.Type() != model.TypeResourceGroup {
			w.Scope = x.ID(m.Scope)
		}
	}
	var deps []string
	for _, d := range x.deps[model.AddressOf(r)] {
		if d.Type == model.TypeResourceGroup && x.group != "" {
			// A nested deployment already waits for its group.
			continue
		}
		if x.group == "" {
			// Top template: wait for the deployment holding d, or d itself.
			deps = append(deps, x.topLevelDep(d))
		} else if d.Group == x.group && x.deploymentOf(d) == x.deployment {
			deps = append(deps, x.ID(model.Ref{Address: d}))
		}
	}
	sort.Strings(deps)
	deps = compactStrings(deps)
	w.DependsOn = deps
	return w, nil
}

// body runs r's converter and fills in what every resource has: type,
// apiVersion, name, location and tags.
func (rd *Renderer) body(x *Ctx, r model.Resource) (Resource, error) {
	c, ok := rd.kinds.converter(r)
	if !ok {
		return Resource{}, fmt.Errorf("no ARM converter for %s (%T)", r.Type(), r)
	}
	b, err := c.convert(x, r)
	if err != nil {
		return Resource{}, fmt.Errorf("%s: %w", model.AddressOf(r), err)
	}
	m := r.Base()
	w := Resource{
		Type:       string(r.Type()),
		APIVersion: c.apiVersion,
		Name:       m.Name,
		Kind:       b.Kind,
		Zones:      b.Zones,
		SKU:        b.SKU,
		Identity:   b.Identity,
		Properties: b.Properties,
	}
	if !b.NoLocation {
		w.Location = m.Location
	}
	if !b.NoTags && len(m.Tags) > 0 {
		w.Tags = m.Tags
	}
	return w, nil
}

// topLevelDep names, for the top template's dependsOn, what a nested
// deployment waits for when one of its resources refers to d.
func (x *Ctx) topLevelDep(d model.Address) string {
	switch {
	case d.Type == model.TypeResourceGroup:
		return fmt.Sprintf("[subscriptionResourceId('%s', '%s')]", model.TypeResourceGroup, d.Name)
	case d.Group == "":
		return x.ID(model.Ref{Address: d})
	default:
		// A nested deployment that targets a resource group lives in it.
		return fmt.Sprintf("[resourceId('%s', 'Microsoft.Resources/deployments', '%s')]", d.Group, x.deploymentOf(d))
	}
}

func findParam(g *model.Graph, name string) (model.Parameter, bool) {
	for _, p := range g.Parameters() {
		if p.Name == name {
			return p, true
		}
	}
	return model.Parameter{}, false
}

func parameterDecl(p model.Parameter) Parameter {
	out := Parameter{Type: "string"}
	if p.Secure {
		out.Type = "securestring"
	} else if p.Default != "" {
		out.DefaultValue = p.Default
	}
	if p.Description != "" {
		out.Metadata = &ParamDoc{Description: p.Description}
	}
	return out
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// encodeTemplate encodes t as encode would, but its resources (the nested
// deployments hold nearly all of the bytes) are encoded in parallel and
// spliced in, one per core.
func encodeTemplate(t Template) ([]byte, error) {
	resources := t.Resources
	t.Resources = nil
	head, err := encode(t)
	if err != nil {
		return nil, err
	}
	const slot = "\n  \"resources\": null"
	i := bytes.Index(head, []byte(slot))
	if i < 0 {
		return nil, fmt.Errorf("template encoding has no resources slot")
	}
	parts := make([][]byte, len(resources))
	errs := make([]error, len(resources))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k := range resources {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("    ", "  ")
			errs[k] = enc.Encode(resources[k])
			parts[k] = bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(head) + 64*len(resources))
	out.Write(head[:i])
	out.WriteString("\n  \"resources\": [")
	for k, p := range parts {
		if k > 0 {
			out.WriteByte(',')
		}
		out.WriteString("\n    ")
		out.Write(p)
	}
	if len(parts) > 0 {
		out.WriteString("\n  ")
	}
	out.WriteByte(']')
	out.Write(head[i+len(slot):])
	return out.Bytes(), nil
}

func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Ctx gives converters what they need to spell references.
type Ctx struct {
	g            *model.Graph
	group        string // resource group of the deployment being rendered
	deployment   string // its name
	scopes       map[string]model.Address
	kinds        table
	used         map[string]bool
	deploymentOf func(model.Address) string
	deps         map[model.Address][]model.Address // every resource's dependencies, computed once
	// literalSub, when set, makes IDExpr spell resource IDs as literal
	// strings under this subscription ID and Param give parameter defaults
	// (see ResourceJSON).
	literalSub string
}

// ID returns the "[...]" expression for the resource ID of ref.
func (x *Ctx) ID(ref model.Ref) string { return "[" + x.IDExpr(ref) + "]" }

// IDExpr returns the resource ID expression of ref without brackets, for
// composing into larger expressions.
func (x *Ctx) IDExpr(ref model.Ref) string {
	a := ref.Address
	if x.literalSub != "" {
		return quote(x.literalID(a))
	}
	args := make([]string, 0, 4)
	args = append(args, quote(string(a.Type)))
	for _, n := range a.Names() {
		args = append(args, quote(n))
	}
	switch {
	case a.Scope != "":
		scope, ok := x.scopes[a.Scope]
		if !ok {
			return fmt.Sprintf("'unknown-scope:%s'", a.Scope)
		}
		return fmt.Sprintf("extensionResourceId(%s, %s)", x.IDExpr(model.Ref{Address: scope}), strings.Join(args, ", "))
	case a.Type == model.TypeResourceGroup:
		if a.Name == x.group {
			return "resourceGroup().id"
		}
		return "subscriptionResourceId(" + strings.Join(args, ", ") + ")"
	case a.Group == "":
		return "subscriptionResourceId(" + strings.Join(args, ", ") + ")"
	case a.Group == x.group:
		return "resourceId(" + strings.Join(args, ", ") + ")"
	default:
		return "resourceId(" + quote(a.Group) + ", " + strings.Join(args, ", ") + ")"
	}
}

// Param returns the expression for a deployment parameter and records that
// the current deployment needs it.
func (x *Ctx) Param(name string) string {
	if x.literalSub != "" {
		if p, ok := findParam(x.g, name); ok && !p.Secure && p.Default != "" && !strings.HasPrefix(p.Default, "[") {
			return Lit(p.Default)
		}
	}
	if x.used != nil {
		x.used[name] = true
	}
	return fmt.Sprintf("[parameters('%s')]", name)
}

// Secret returns the expression for a secret held in a secure parameter.
// Key Vault secrets are referenced by the services that read them, never
// resolved into the template.
func (x *Ctx) Secret(s model.Secret) (string, error) {
	if s.Parameter == "" {
		return "", fmt.Errorf("secret %q is not a deployment parameter", s.Name)
	}
	return x.Param(s.Parameter), nil
}

// PrincipalID returns the expression for the system-assigned identity's
// principal ID of the resource at ref.
func (x *Ctx) PrincipalID(ref model.Ref) string {
	c := x.kinds[ref.Type]
	return fmt.Sprintf("[reference(%s, '%s', 'Full').identity.principalId]", x.IDExpr(ref), c.apiVersion)
}

// UserPrincipalID returns the expression for the principal ID of a
// user-assigned identity.
func (x *Ctx) UserPrincipalID(ref model.Ref) string {
	c := x.kinds[ref.Type]
	return fmt.Sprintf("[reference(%s, '%s').principalId]", x.IDExpr(ref), c.apiVersion)
}

// Identity renders a managed identity block, or nil.
func (x *Ctx) Identity(id model.Identity) *Identity {
	if id.IsZero() {
		return nil
	}
	out := &Identity{}
	switch {
	case id.SystemAssigned && len(id.UserAssigned) > 0:
		out.Type = "SystemAssigned,UserAssigned"
	case id.SystemAssigned:
		out.Type = "SystemAssigned"
	default:
		out.Type = "UserAssigned"
	}
	if len(id.UserAssigned) > 0 {
		out.UserAssignedIdentities = map[string]struct{}{}
		for _, u := range id.UserAssigned {
			out.UserAssignedIdentities[x.ID(u)] = struct{}{}
		}
	}
	return out
}

// Sub returns {"id": <resource ID of ref>}, or nil for a zero ref.
func (x *Ctx) Sub(ref model.Ref) *SubResource {
	if ref.IsZero() {
		return nil
	}
	return &SubResource{ID: x.ID(ref)}
}

// Lit escapes a literal string so ARM does not read it as an expression.
func Lit(s string) string {
	if strings.HasPrefix(s, "[") {
		return "[" + s
	}
	return s
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
