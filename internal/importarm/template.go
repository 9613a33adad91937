package importarm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Evaluate reads a deployment template, `az group export` output or a plain
// resource list (a JSON array, or an object whose "value" or "data" member
// is one) from file and returns its resources with every expression
// evaluated. params is a parameters file (plain {"parameters": {...}} or the
// deploymentParameters format) or nil to use the defaults. All problems are
// returned together as diagnostics with file:line:col; the result is nil
// when any is an error. Evaluate never panics on any input.
func Evaluate(file string, template []byte, params []byte, opts Options) (*Result, diag.Diagnostics) {
	opts = opts.withDefaults()
	ev := &evaluator{funcs: opts.Functions, opts: opts, file: file, parsed: map[string]parsedExpr{}}
	root, err := parseJSON(template)
	if err != nil {
		ev.syntax(file, err)
		return nil, ev.diags
	}
	if root.kind == nodeArray || (root.kind == nodeObject && root.get("resources") == nil && (root.get("value") != nil || root.get("data") != nil)) {
		res := ev.resourceList(root)
		return finish(res, ev.diags)
	}
	if root.kind != nodeObject {
		ev.diags.Errorf(ev.nodePos(root), "give a deployment template (an object with $schema and resources) or an array of resources", "the document is neither a template nor a resource list")
		return nil, ev.diags
	}
	var supplied []suppliedParam
	if params != nil {
		supplied = ev.parametersFile(params)
	}
	level := LevelResourceGroup
	schema := strings.ToLower(stringMember(root, "$schema"))
	switch {
	case strings.Contains(schema, "subscriptiondeploymenttemplate"):
		level = LevelSubscription
	case strings.Contains(schema, "managementgroupdeploymenttemplate"), strings.Contains(schema, "tenantdeploymenttemplate"):
		ev.diags.Errorf(ev.nodePos(root.get("$schema")), "enclave imports resource-group and subscription deployments", "management-group and tenant templates are not supported")
		return nil, ev.diags
	case schema == "", strings.Contains(schema, "deploymenttemplate"):
	default:
		ev.diags.Errorf(ev.nodePos(root.get("$schema")), "use a deploymentTemplate or subscriptionDeploymentTemplate schema", "unrecognised $schema %q", stringMember(root, "$schema"))
		return nil, ev.diags
	}
	fn := deployCtx{level: level, subscriptionID: opts.SubscriptionID, location: opts.Location, deploymentName: opts.DeploymentName}
	if level == LevelResourceGroup {
		fn.resourceGroup = opts.ResourceGroup
	}
	res := &Result{Source: SourceTemplate, Level: level}
	t := &templateRun{ev: ev, out: res}
	sc := t.template(root, "", fn, supplied, nil, 0)
	t.collect()
	if sc != nil {
		res.Outputs = ev.outputs(root, sc)
	}
	return finish(res, ev.diags)
}

func finish(res *Result, ds diag.Diagnostics) (*Result, diag.Diagnostics) {
	ds.Sort()
	if ds.HasErrors() {
		return nil, ds
	}
	return res, ds
}

func (ev *evaluator) syntax(file string, err error) {
	if se, ok := err.(*syntaxError); ok {
		ev.diags.Errorf(diag.Pos{File: file, Line: se.line, Col: se.col}, "fix the JSON syntax; ARM templates are JSON with optional comments", "malformed JSON: %s", se.msg)
		return
	}
	ev.diags.Errorf(diag.Pos{File: file}, "", "malformed JSON: %v", err)
}

// parametersFile reads {"parameters": {name: {"value": ...}}} (with or
// without $schema) or a bare {name: {"value": ...}} object.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files
func (ev *evaluator) parametersFile(src []byte) []suppliedParam {
	file := ev.opts.ParametersFile
	if file == "" {
		file = ev.file + ".parameters"
	}
	root, err := parseJSON(src)
	if err != nil {
		ev.syntax(file, err)
		return nil
	}
	ps := root.get("parameters")
	if ps == nil {
		ps = root
	}
	if ps.kind != nodeObject {
		ev.diags.Errorf(diag.Pos{File: file, Line: ps.line, Col: ps.col}, `write {"parameters": {"name": {"value": ...}}}`, "parameters must be an object")
		return nil
	}
	var out []suppliedParam
	for _, m := range ps.members {
		if strings.HasPrefix(m.key, "$") || strings.EqualFold(m.key, "contentVersion") {
			continue
		}
		if m.val.kind != nodeObject {
			ev.diags.Errorf(diag.Pos{File: file, Line: m.line, Col: m.col}, `write "`+m.key+`": {"value": ...}`, "parameter %q must be an object with a value", m.key)
			continue
		}
		out = append(out, suppliedParam{name: m.key, n: m.val, file: file})
	}
	return out
}

// templateRun evaluates one document's templates into out.
type templateRun struct {
	ev  *evaluator
	out *Result
	all []*evaluated // every instance in source order, nested ones after their deployment
}

// collect puts the active instances into the result in source order.
func (t *templateRun) collect() {
	for _, d := range t.all {
		if d.active {
			t.out.Resources = append(t.out.Resources, *d.res)
		}
	}
}

// evaluated is one resource declaration instance of a template, kept for
// dependsOn resolution even when its condition is false.
type evaluated struct {
	res       *Resource
	active    bool // condition true
	copyName  string
	dependsOn []depRef
}

type depRef struct {
	s   string
	pos diag.Pos
}

// maxNesting bounds nested deployments.
const maxNesting = 32

// template evaluates template t declared at JSON path prefix (empty for
// the outermost template). For an outer-scope nested template, outer is
// the parent's environment and supplied is ignored.
func (t *templateRun) template(tn *node, path string, fn deployCtx, supplied []suppliedParam, outer *env, depth int) *scope {
	ev := t.ev
	if depth > maxNesting {
		ev.diags.Errorf(ev.nodePos(tn), "", "nested deployments deeper than %d levels", maxNesting)
		return nil
	}
	if tn.kind != nodeObject {
		ev.diags.Errorf(ev.nodePos(tn), "", "template must be an object")
		return nil
	}
	if lv := tn.get("languageVersion"); lv != nil {
		ev.diags.Errorf(ev.nodePos(lv), "compile without symbolic names, or export the deployed resources instead", "languageVersion %q templates (symbolic names) are not supported", lv.str)
		return nil
	}
	var en *env
	if outer != nil {
		en = outer
		for _, k := range []string{"parameters", "variables"} {
			if x := tn.get(k); x != nil && len(x.members) > 0 {
				ev.diags.Warnf(ev.nodePos(x), `set expressionEvaluationOptions.scope to "inner" to use them`, "a nested template with outer scope ignores its own %s", k)
			}
		}
	} else {
		en = &env{sc: ev.declare(tn, fn, supplied)}
	}
	rs := tn.get("resources")
	if rs == nil {
		return en.sc
	}
	if rs.kind != nodeArray {
		ev.diags.Errorf(ev.nodePos(rs), "", "resources must be an array")
		return en.sc
	}
	var decls []*evaluated
	for i, r := range rs.items {
		t.declaration(r, fmt.Sprintf("%sresources[%d]", path, i), nil, en, fn, depth, &decls)
	}
	t.resolveDependsOn(decls)
	return en.sc
}

// declaration expands one resource declaration: its copy loop, then each
// instance and its children.
func (t *templateRun) declaration(r *node, path string, parent *Resource, en *env, fn deployCtx, depth int, decls *[]*evaluated) {
	ev := t.ev
	if r.kind != nodeObject {
		ev.diags.Errorf(ev.nodePos(r), "", "a resource must be an object")
		return
	}
	c := r.get("copy")
	if c == nil {
		t.instance(r, path, parent, en, fn, depth, decls, nil)
		return
	}
	name, count, ok := ev.loopHeader(c, en, "resource")
	if !ok {
		return
	}
	// mode (serial/parallel) and batchSize change only the order Azure
	// deploys the instances in, not what is deployed, so they are not read.
	for i := 0; i < count; i++ {
		t.instance(r, path, parent, en.withLoop(loopFrame{name: name, index: i, resource: true}), fn, depth, decls, &CopyInstance{Name: name, Index: i})
	}
}

// knownKeys are the resource members Resource has a field for, or that
// steer evaluation; any other member (extendedLocation, managedBy, ...) goes
// to Resource.Other.
var knownKeys = []string{"type", "apiversion", "name", "location", "tags", "sku", "kind", "identity", "zones", "plan", "properties",
	"dependson", "copy", "condition", "resources", "comments", "metadata", "scope", "resourcegroup", "subscriptionid", "apiprofile"}

// instance evaluates one resource instance.
func (t *templateRun) instance(r *node, path string, parent *Resource, en *env, fn deployCtx, depth int, decls *[]*evaluated, ci *CopyInstance) {
	ev := t.ev
	active := true
	if cn := r.get("condition"); cn != nil {
		cv, ok := ev.value(cn, en)
		if !ok {
			return
		}
		switch cv.kind {
		case Bool:
			active = cv.b
		case Unknown:
			ev.diags.Errorf(ev.nodePos(cn), "a condition must be computable before deployment", "condition depends on a runtime value (%s)", cv.unk.Expr)
			return
		default:
			ev.diags.Errorf(ev.nodePos(cn), "use a bool, e.g. equals(parameters('x'), 'y')", "condition is %s, want bool", cv.kind)
			return
		}
	}
	typ, okT := t.knownString(r, "type", en)
	name, okN := t.knownString(r, "name", en)
	if !okT || !okN {
		return
	}
	res := &Resource{Path: path, Pos: ev.nodePos(r), Deployment: fn.chain, Copy: ci, decl: r, file: ev.file}
	if api, ok := t.knownString(r, "apiVersion", en); ok {
		res.APIVersion = api
	}
	if parent != nil {
		res.Parent = parent.ID
		if first, _, _ := strings.Cut(typ, "/"); strings.Contains(first, ".") {
			res.Type = typ
			if len(strings.Split(name, "/")) != len(strings.Split(typ, "/"))-1 {
				name = parent.Name + "/" + name
			}
		} else {
			res.Type = parent.Type + "/" + typ
			name = parent.Name + "/" + name
		}
	} else {
		res.Type = typ
	}
	res.Name = name
	// Where the resource lives.
	res.SubscriptionID = fn.subscriptionID
	res.ResourceGroup = fn.resourceGroup
	if parent != nil {
		res.SubscriptionID, res.ResourceGroup = parent.SubscriptionID, parent.ResourceGroup
	}
	isDeployment := strings.EqualFold(res.Type, "Microsoft.Resources/deployments")
	if isDeployment {
		// A nested deployment lives where it deploys to.
		if sub, ok := t.optionalString(r, "subscriptionId", en); ok {
			res.SubscriptionID = sub
		}
		if rg, ok := t.optionalString(r, "resourceGroup", en); ok {
			res.ResourceGroup = rg
		}
	}
	if sn := r.get("scope"); sn != nil {
		sv, ok := ev.value(sn, en)
		if !ok {
			return
		}
		if sv.kind != String {
			ev.diags.Errorf(ev.nodePos(sn), "give the ID of the resource the extension applies to, e.g. resourceId(...)", "scope must be a known string, got %s", sv.kind)
			return
		}
		res.Scope = sv.s
		if !strings.HasPrefix(sv.s, "/") {
			res.Scope = scopePrefix(res.SubscriptionID, res.ResourceGroup) + "/providers/" + strings.TrimPrefix(sv.s, "/")
		}
	}
	id, err := resourceIDFor(res)
	if err != nil {
		ev.diags.Errorf(ev.nodePos(r.get("name")), "a resource of type T1/T2 needs a name n1/n2: one segment per type segment after the namespace", "%v", err)
		return
	}
	res.ID = id
	ok := true
	field := func(key string) Value {
		n := r.get(key)
		if n == nil {
			return Value{}
		}
		v, good := ev.value(n, en)
		ok = ok && good
		return v
	}
	res.Location = field("location")
	res.Tags = field("tags")
	res.SKU = field("sku")
	res.Kind = field("kind")
	res.Identity = field("identity")
	res.Zones = field("zones")
	res.Plan = field("plan")
	for _, m := range r.members {
		if !slices.Contains(knownKeys, strings.ToLower(m.key)) {
			if res.Other.kind != Object {
				res.Other = ObjectValue(&Obj{})
			}
			v, good := ev.value(m.val, en)
			ok = ok && good
			res.Other.obj.set(m.key, v)
		}
	}
	if pn := r.get("properties"); pn != nil {
		if isDeployment {
			res.Properties, ok = t.deploymentProperties(pn, en)
		} else {
			res.Properties = field("properties")
		}
	}
	if !ok {
		return
	}
	d := &evaluated{res: res, active: active}
	if ci != nil {
		d.copyName = ci.Name
	}
	if dn := r.get("dependsOn"); dn != nil {
		if dn.kind != nodeArray {
			ev.diags.Errorf(ev.nodePos(dn), "", "dependsOn must be an array")
		}
		for _, it := range dn.items {
			v, good := ev.value(it, en)
			switch {
			case !good:
			case v.kind == String:
				d.dependsOn = append(d.dependsOn, depRef{s: v.s, pos: ev.nodePos(it)})
			default:
				ev.diags.Errorf(ev.nodePos(it), "name a resource, its ID or a copy loop", "dependsOn entry is %s, want string", v.kind)
			}
		}
	}
	*decls = append(*decls, d)
	t.all = append(t.all, d)
	if !active {
		return
	}
	if isDeployment {
		t.nested(r, res, path, en, fn, depth)
	}
	if cs := r.get("resources"); cs != nil && cs.kind == nodeArray {
		for i, c := range cs.items {
			t.declaration(c, fmt.Sprintf("%s.resources[%d]", path, i), res, en, fn, depth, decls)
		}
	}
}

// knownString evaluates r[key] to a known string, reporting anything else.
func (t *templateRun) knownString(r *node, key string, en *env) (string, bool) {
	ev := t.ev
	n := r.get(key)
	if n == nil {
		if key == "apiVersion" {
			return "", false
		}
		ev.diags.Errorf(ev.nodePos(r), "", "resource has no %s", key)
		return "", false
	}
	v, ok := ev.value(n, en)
	if !ok {
		return "", false
	}
	switch v.kind {
	case String:
		if v.s == "" {
			ev.diags.Errorf(ev.nodePos(n), "", "resource %s is empty", key)
			return "", false
		}
		return v.s, true
	case Unknown:
		ev.diags.Errorf(ev.nodePos(n), "ARM needs resource names and types before deployment; reference() and list*() are not allowed here", "resource %s depends on a runtime value (%s)", key, v.unk.Expr)
	default:
		ev.diags.Errorf(ev.nodePos(n), "", "resource %s is %s, want string", key, v.kind)
	}
	return "", false
}

func scopePrefix(sub, rg string) string {
	if rg == "" {
		return "/subscriptions/" + sub
	}
	return "/subscriptions/" + sub + "/resourceGroups/" + rg
}

// resourceIDFor computes the ID ARM gives r, handling resource groups,
// extension resources (scope, or the older type ".../providers/..." form).
func resourceIDFor(r *Resource) (string, error) {
	typ, name := r.Type, r.Name
	if strings.EqualFold(typ, "Microsoft.Resources/resourceGroups") {
		r.ResourceGroup = ""
		return "/subscriptions/" + r.SubscriptionID + "/resourceGroups/" + name, nil
	}
	base := scopePrefix(r.SubscriptionID, r.ResourceGroup)
	if r.Scope != "" {
		base = r.Scope
	}
	lower := strings.ToLower(typ)
	if i := strings.Index(lower, "/providers/"); i >= 0 && r.Scope == "" {
		// e.g. type Microsoft.Network/networkSecurityGroups/providers/diagnosticSettings
		// with name nsg1/Microsoft.Insights/setting1.
		baseType, extType := typ[:i], typ[i+len("/providers/"):]
		baseSegs := strings.Split(baseType, "/")
		names := strings.Split(name, "/")
		nb := len(baseSegs) - 1
		if len(names) < nb+2 {
			return "", fmt.Errorf("resource name %q does not fit type %q: want base names, then the extension namespace and names", name, typ)
		}
		baseID, err := providerPath(baseType, strings.Join(names[:nb], "/"))
		if err != nil {
			return "", err
		}
		r.Scope = base + baseID
		r.Type = names[nb] + "/" + extType
		r.Name = strings.Join(names[nb+1:], "/")
		ext, err := providerPath(r.Type, r.Name)
		if err != nil {
			return "", err
		}
		return r.Scope + ext, nil
	}
	p, err := providerPath(typ, name)
	if err != nil {
		return "", err
	}
	return base + p, nil
}

// providerPath is /providers/ns/t1/n1/t2/n2 for type ns/t1/t2 and name n1/n2.
func providerPath(typ, name string) (string, error) {
	ts := strings.Split(typ, "/")
	ns := strings.Split(name, "/")
	if len(ts) < 2 || ts[0] == "" {
		return "", fmt.Errorf("resource type %q is not namespace/type", typ)
	}
	if len(ns) != len(ts)-1 {
		return "", fmt.Errorf("resource name %q has %d segments but type %q needs %d", name, len(ns), typ, len(ts)-1)
	}
	var b strings.Builder
	b.WriteString("/providers/")
	b.WriteString(ts[0])
	for i, n := range ns {
		b.WriteByte('/')
		b.WriteString(ts[i+1])
		b.WriteByte('/')
		b.WriteString(n)
	}
	return b.String(), nil
}

// deploymentProperties evaluates a nested deployment's properties except
// its template, which is evaluated as a template of its own.
func (t *templateRun) deploymentProperties(pn *node, en *env) (Value, bool) {
	if pn.kind != nodeObject {
		return t.ev.value(pn, en)
	}
	o := &Obj{}
	ok := true
	inner := strings.EqualFold(stringMember(pn.get("expressionEvaluationOptions"), "scope"), "inner")
	for _, m := range pn.members {
		if strings.EqualFold(m.key, "template") {
			continue
		}
		if strings.EqualFold(m.key, "parameters") && !inner && pn.get("template") != nil {
			continue // outer scope: the nested template's parameters are unused
		}
		v, good := t.ev.value(m.val, en)
		ok = ok && good
		o.set(m.key, v)
	}
	return ObjectValue(o), ok
}

// nested evaluates the inline template of deployment resource r.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates
func (t *templateRun) nested(r *node, res *Resource, path string, en *env, fn deployCtx, depth int) {
	ev := t.ev
	pn := r.get("properties")
	if pn == nil {
		return
	}
	if link := pn.get("templateLink"); link != nil {
		ev.diags.Warnf(ev.nodePos(link), "inline the template, or import the linked template on its own", "linked template of deployment %q is not read; its resources are not imported", res.Name)
		return
	}
	tn := pn.get("template")
	if tn == nil {
		return
	}
	inner := false
	if eo := pn.get("expressionEvaluationOptions"); eo != nil {
		if s, ok := res.Properties.Get("expressionEvaluationOptions"); ok {
			if sv, ok := s.Get("scope"); ok && sv.kind == String {
				switch strings.ToLower(sv.s) {
				case "inner":
					inner = true
				case "outer", "notspecified", "":
				default:
					ev.diags.Errorf(ev.nodePos(eo), `use "inner" or "outer"`, "unknown expression evaluation scope %q", sv.s)
					return
				}
			}
		}
	}
	// Where the nested deployment's resources go.
	target := fn
	target.deploymentName = res.Name
	target.chain = strings.TrimPrefix(fn.chain+"/"+res.Name, "/")
	target.subscriptionID = res.SubscriptionID
	switch {
	case res.ResourceGroup != "":
		target.level = LevelResourceGroup
		target.resourceGroup = res.ResourceGroup
		target.location = t.groupLocation(target.subscriptionID, res.ResourceGroup)
	case fn.level == LevelSubscription:
		if res.Location.kind == String {
			target.location = res.Location.s
		}
	}
	prefix := path + ".properties.template."
	if inner {
		var supplied []suppliedParam
		if ps := pn.get("parameters"); ps != nil && ps.kind == nodeObject {
			for _, m := range ps.members {
				supplied = append(supplied, suppliedParam{name: m.key, n: m.val, en: en})
			}
		}
		t.template(tn, prefix, target, supplied, nil, depth+1)
		return
	}
	// Outer scope: "parameters, variables and functions" are evaluated in
	// the parent (ExpressionEvaluationOptions.scope, https://learn.microsoft.com/dotnet/api/microsoft.azure.management.resources.models.expressionevaluationoptions),
	// so resourceGroup() and deployment() report the parent's; the
	// resources still go to the deployment's target.
	t.template(tn, prefix, target, nil, en, depth+1)
}

func (t *templateRun) optionalString(r *node, key string, en *env) (string, bool) {
	n := r.get(key)
	if n == nil {
		return "", false
	}
	v, ok := t.ev.value(n, en)
	if !ok || v.kind != String || v.s == "" {
		if ok {
			t.ev.diags.Errorf(t.ev.nodePos(n), "", "%s must be a known, non-empty string", key)
		}
		return "", false
	}
	return v.s, true
}

// groupLocation is the location of resource group rg when the document
// creates it, else the default location.
func (t *templateRun) groupLocation(sub, rg string) string {
	for _, d := range t.all {
		r := d.res
		if d.active && strings.EqualFold(r.Type, "Microsoft.Resources/resourceGroups") && strings.EqualFold(r.Name, rg) && strings.EqualFold(r.SubscriptionID, sub) && r.Location.kind == String {
			return r.Location.s
		}
	}
	return t.ev.opts.Location
}

// resolveDependsOn turns each dependsOn entry into resource IDs of the same
// template: a copy loop name (every instance), a resource ID, a
// type/name or a bare name. Dependencies on resources whose condition is
// false are dropped, as ARM does.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/resource-dependency
func (t *templateRun) resolveDependsOn(decls []*evaluated) {
	byKey := map[string][]*evaluated{}
	add := func(k string, d *evaluated) { k = strings.ToLower(k); byKey[k] = append(byKey[k], d) }
	for _, d := range decls {
		r := d.res
		add(r.ID, d)
		if strings.EqualFold(r.Type, "Microsoft.Resources/resourceGroups") {
			// resourceId() and subscriptionResourceId() spell a group's ID
			// with a providers segment; ARM treats both spellings alike.
			add("/subscriptions/"+r.SubscriptionID+"/providers/Microsoft.Resources/resourceGroups/"+r.Name, d)
		}
		add(r.Type+"/"+r.Name, d)
		add(r.Name, d)
		if p, err := providerPath(r.Type, r.Name); err == nil {
			add(strings.TrimPrefix(p, "/providers/"), d)
		}
		if d.copyName != "" {
			add("copy:"+d.copyName, d)
		}
	}
	for _, d := range decls {
		if !d.active {
			continue
		}
		seen := map[string]bool{}
		for _, dep := range d.dependsOn {
			matches := byKey["copy:"+strings.ToLower(dep.s)]
			if len(matches) == 0 {
				matches = byKey[strings.ToLower(dep.s)]
			}
			if len(matches) == 0 {
				t.ev.diags.Errorf(dep.pos, "dependsOn names a resource, resource ID or copy loop declared in the same template", "dependsOn %q matches no resource in the template", dep.s)
				continue
			}
			for _, m := range matches {
				if m.active && m != d && !seen[m.res.ID] {
					seen[m.res.ID] = true
					d.res.DependsOn = append(d.res.DependsOn, m.res.ID)
				}
			}
		}
		slices.Sort(d.res.DependsOn)
	}
}

// outputs evaluates the outermost template's outputs.
func (ev *evaluator) outputs(tn *node, sc *scope) []Output {
	os := tn.get("outputs")
	if os == nil || os.kind != nodeObject {
		return nil
	}
	var out []Output
	for _, m := range os.members {
		o := Output{Name: m.key, Type: stringMember(m.val, "type")}
		en := &env{sc: sc}
		if c := m.val.get("copy"); c != nil {
			_, count, ok := ev.loopHeader(withName(c, m.key), en, "output")
			if !ok {
				continue
			}
			vs := make([]Value, 0, count)
			for i := 0; i < count; i++ {
				v, _ := ev.value(c.get("input"), en.withLoop(loopFrame{name: m.key, index: i, resource: true}))
				vs = append(vs, v)
			}
			o.Value = ArrayValue(vs)
		} else {
			v, ok := ev.value(m.val.get("value"), en)
			if !ok {
				continue
			}
			o.Value = v
		}
		out = append(out, o)
	}
	return out
}

// withName gives an output copy (which has no name of its own) the
// output's name, so copyIndex() inside reads it.
func withName(c *node, name string) *node {
	if c.kind != nodeObject || c.get("name") != nil {
		return c
	}
	n := *c
	n.members = append([]member{{key: "name", line: c.line, col: c.col, val: &node{kind: nodeString, str: name, line: c.line, col: c.col}}}, c.members...)
	return &n
}
