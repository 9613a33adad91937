package check

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// binding is the current element of a field count: the resolved path of
// the counted array alias (ending in [*]) and the element.
type binding struct {
	path  []pathSeg
	value any
}

// valueBinding is the current element of a value count.
type valueBinding struct {
	name  string
	value any
}

// evalCtx is the state of evaluating one definition on one resource.
type evalCtx struct {
	set    *Set
	in     *Input
	def    *Definition
	params map[string]any
	// res is the resource field conditions read; primary the resource the
	// if-block matched, which field() reads (they differ inside an
	// existenceCondition).
	res     *resource
	primary *resource
	fields  []binding
	values  []valueBinding
	now     time.Time
	// trace collects the conditions that decided the result, when set.
	trace *[]string
	// one backs the one-value results of fieldOf, saving an allocation
	// per condition; callers use the result before evaluating anything
	// else.
	one [1]any
}

func (x *evalCtx) mark() int {
	if x.trace == nil {
		return 0
	}
	return len(*x.trace)
}

// dropBetween removes trace entries [from, to).
func (x *evalCtx) dropBetween(from, to int) {
	if x.trace == nil || from >= to {
		return
	}
	t := *x.trace
	*x.trace = append(t[:from], t[to:]...)
}

func (x *evalCtx) param(name string) (any, error) {
	v, ok := x.params[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("no parameter %q", name)
	}
	return v, nil
}

// field resolves a field of a condition on x.res.
func (x *evalCtx) field(name string) ([]any, valueMode, error) {
	return x.fieldOf(x.res, name, true)
}

// fieldFunc is the field() template function: the value on the primary
// resource, an array for [*] aliases, null when missing.
func (x *evalCtx) fieldFunc(name string) (any, error) {
	vals, mode, err := x.fieldOf(x.primary, name, x.res == x.primary)
	if err != nil {
		return nil, err
	}
	if mode != modeOne {
		out := make([]any, 0, len(vals))
		for _, v := range vals {
			if _, ok := v.(absentValue); !ok {
				out = append(out, v)
			}
		}
		return out, nil
	}
	if _, ok := vals[0].(absentValue); ok {
		return nil, nil
	}
	return vals[0], nil
}

func (x *evalCtx) fieldOf(r *resource, name string, useBindings bool) ([]any, valueMode, error) {
	kind, ok := classifyField(name)
	if !ok {
		return nil, modeOne, fmt.Errorf("unknown field %q", name)
	}
	one := func(v any, ok bool) ([]any, valueMode, error) {
		if !ok {
			v = absent
		}
		x.one[0] = v
		return x.one[:], modeOne, nil
	}
	switch kind {
	case fieldName:
		return one(r.name, true)
	case fieldFullName:
		return one(r.fullName, true)
	case fieldType:
		return one(r.typ, true)
	case fieldKindProp:
		return one(getProp(r.doc, "kind"))
	case fieldLocation:
		return one(getProp(r.doc, "location"))
	case fieldID:
		return one(r.ID, true)
	case fieldIdentityType, fieldIdentityUser:
		id, ok := getProp(r.doc, "identity")
		m, isMap := id.(map[string]any)
		if !ok || !isMap {
			return one(nil, false)
		}
		if kind == fieldIdentityType {
			return one(getProp(m, "type"))
		}
		return one(getProp(m, "userAssignedIdentities"))
	case fieldTags:
		return one(getProp(r.doc, "tags"))
	case fieldTag:
		tn, _ := tagName(name)
		tags, ok := getProp(r.doc, "tags")
		m, isMap := tags.(map[string]any)
		if !ok || !isMap || tn == "" {
			return one(nil, false)
		}
		return one(getProp(m, tn))
	}
	segs, ok := x.set.aliases.path(r.typ, name)
	if !ok {
		return one(nil, false)
	}
	start, rest := any(r.doc), segs
	if useBindings {
		if b, n := x.bindingFor(segs); b != nil {
			start, rest = b.value, segs[n:]
		}
	}
	out := x.one[:0]
	implicit := walk(start, rest, &out)
	mode := modeOne
	for _, s := range rest {
		if s.all {
			mode = modeAll
		}
	}
	if mode == modeOne && implicit {
		mode = modeAny
	}
	if mode == modeOne && len(out) == 0 {
		x.one[0] = absent
		out = x.one[:]
	}
	return out, mode, nil
}

// bindingFor returns the innermost count binding whose path is a prefix of
// segs, and how many segments of segs it stands for.
func (x *evalCtx) bindingFor(segs []pathSeg) (*binding, int) {
	for i := len(x.fields) - 1; i >= 0; i-- {
		b := &x.fields[i]
		if n, ok := pathPrefix(segs, b.path); ok {
			return b, n
		}
	}
	return nil, 0
}

// pathPrefix matches prefix (a count's path, ending in [*]) against segs.
// A [*] in prefix also matches where segs steps into the array by name
// without one, as legacy aliases ("diagnosticSettings/logs.enabled") do.
func pathPrefix(segs, prefix []pathSeg) (int, bool) {
	j := 0
	for _, p := range prefix {
		if p.all {
			if j < len(segs) && segs[j].all {
				j++
			}
			continue
		}
		if j >= len(segs) || segs[j].all || !strings.EqualFold(p.name, segs[j].name) {
			return 0, false
		}
		j++
	}
	return j, true
}

// valueMode says how a condition treats a field's values: one value, every
// element of a [*] alias, or any element of an array a legacy alias steps
// into without [*].
type valueMode int

const (
	modeOne valueMode = iota
	modeAll
	modeAny
)

// walk follows segs from v, appending the values reached: a missing
// property yields absent, a missing array under [*] yields nothing. A named
// step into an array (a legacy alias without [*]) visits every element;
// walk then reports true.
func walk(v any, segs []pathSeg, out *[]any) bool {
	if len(segs) == 0 {
		*out = append(*out, v)
		return false
	}
	s := segs[0]
	if s.all {
		arr, ok := v.([]any)
		if !ok {
			return false
		}
		implicit := false
		for _, e := range arr {
			implicit = walk(e, segs[1:], out) || implicit
		}
		return implicit
	}
	switch t := v.(type) {
	case map[string]any:
		next, ok := getProp(t, s.name)
		if !ok {
			if !hasAll(segs) {
				*out = append(*out, absent)
			}
			return false
		}
		return walk(next, segs[1:], out)
	case []any:
		for _, e := range t {
			walk(e, segs, out)
		}
		return true
	}
	if !hasAll(segs) {
		*out = append(*out, absent)
	}
	return false
}

func hasAll(segs []pathSeg) bool {
	for _, s := range segs {
		if s.all {
			return true
		}
	}
	return false
}

// enumerate calls fn for every element the path ending in [*] reaches,
// with the bindings of each [*] level on the way.
func enumerate(v any, segs []pathSeg, done []pathSeg, binds []binding, fn func(binds []binding) error) error {
	if len(segs) == 0 {
		return fn(binds)
	}
	s := segs[0]
	here := append(done[:len(done):len(done)], s)
	if s.all {
		arr, ok := v.([]any)
		if !ok {
			return nil
		}
		for _, e := range arr {
			b := append(binds[:len(binds):len(binds)], binding{path: here, value: e})
			if err := enumerate(e, segs[1:], here, b, fn); err != nil {
				return err
			}
		}
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	next, ok := getProp(m, s.name)
	if !ok {
		return nil
	}
	return enumerate(next, segs[1:], here, binds, fn)
}

// count evaluates a count subject: how many elements satisfy where.
func (x *evalCtx) count(cs *countSubject) (int, error) {
	n := 0
	if cs.value != nil {
		v, err := cs.value.eval(x)
		if err != nil {
			return 0, err
		}
		var arr []any
		switch t := v.(type) {
		case []any:
			arr = t
		case nil, absentValue:
		default:
			return 0, fmt.Errorf("count value is %s, not an array", typeName(v))
		}
		for _, e := range arr {
			if cs.where == nil {
				n++
				continue
			}
			x.values = append(x.values, valueBinding{name: cs.name, value: e})
			ok, err := x.evalQuiet(cs.where)
			x.values = x.values[:len(x.values)-1]
			if err != nil {
				return 0, err
			}
			if ok {
				n++
			}
		}
		return n, nil
	}
	segs, ok := x.set.aliases.path(x.res.typ, cs.field)
	if !ok {
		return 0, nil
	}
	start, rest, done := any(x.res.doc), segs, []pathSeg(nil)
	if b, n := x.bindingFor(segs); b != nil && n < len(segs) {
		start, rest, done = b.value, segs[n:], segs[:n]
	}
	err := enumerate(start, rest, done, nil, func(binds []binding) error {
		if cs.where == nil {
			n++
			return nil
		}
		saved := len(x.fields)
		x.fields = append(x.fields, binds...)
		ok, err := x.evalQuiet(cs.where)
		x.fields = x.fields[:saved]
		if err != nil {
			return err
		}
		if ok {
			n++
		}
		return nil
	})
	return n, err
}

// evalQuiet evaluates c without adding to the trace (a count reports only
// its total).
func (x *evalCtx) evalQuiet(c cond) (bool, error) {
	t := x.trace
	x.trace = nil
	ok, err := c.eval(x)
	x.trace = t
	return ok, err
}

// currentValue is current(): the element of the enclosing count, named by
// the count's name or the counted alias.
func (x *evalCtx) currentValue(args []any) (any, error) {
	if len(args) == 0 {
		if len(x.values) > 0 {
			return x.values[len(x.values)-1].value, nil
		}
		if len(x.fields) > 0 {
			return x.fields[len(x.fields)-1].value, nil
		}
		return nil, fmt.Errorf("current() outside count")
	}
	name, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("current: argument is %s", typeName(args[0]))
	}
	for i := len(x.values) - 1; i >= 0; i-- {
		if x.values[i].name != "" && strings.EqualFold(x.values[i].name, name) {
			return x.values[i].value, nil
		}
	}
	segs, ok := x.set.aliases.path(x.res.typ, name)
	if !ok {
		return nil, fmt.Errorf("current(%q): no such alias on %s", name, x.res.typ)
	}
	b, n := x.bindingFor(segs)
	if b == nil {
		return nil, fmt.Errorf("current(%q) outside a count of it", name)
	}
	var out []any
	walk(b.value, segs[n:], &out)
	if hasAll(segs[n:]) {
		return out, nil
	}
	if len(out) == 0 {
		return nil, nil
	}
	if _, ok := out[0].(absentValue); ok {
		return nil, nil
	}
	return out[0], nil
}

func (x *evalCtx) requestContext() any {
	v, _ := getProp(x.primary.doc, "apiVersion")
	return map[string]any{"apiVersion": v}
}

func (x *evalCtx) policyInfo() any {
	return map[string]any{
		"assignmentId":          "/subscriptions/" + SubscriptionID + "/providers/Microsoft.Authorization/policyAssignments/enclave-check",
		"definitionId":          x.def.ID,
		"setDefinitionId":       "",
		"definitionReferenceId": "",
	}
}

func subscriptionObject() any {
	return map[string]any{
		"id":             "/subscriptions/" + SubscriptionID,
		"subscriptionId": SubscriptionID,
		"tenantId":       SubscriptionID,
		"displayName":    "enclave",
	}
}

func (x *evalCtx) resourceGroup() any {
	g := x.primary.Address.Group
	if x.primary.Address.Type == "Microsoft.Resources/resourceGroups" {
		g = x.primary.Address.Name
	}
	id := "/subscriptions/" + SubscriptionID + "/resourceGroups/" + g
	out := map[string]any{"id": id, "name": g, "type": "Microsoft.Resources/resourceGroups", "location": "",
		"managedBy": nil, "properties": map[string]any{"provisioningState": "Succeeded"}}
	if rg, ok := x.in.byID[strings.ToLower(id)]; ok {
		if loc, ok := getProp(rg.doc, "location"); ok {
			out["location"] = loc
		}
		if tags, ok := getProp(rg.doc, "tags"); ok {
			out["tags"] = tags
		}
	}
	return out
}

// resolveParams merges assignment values over defaults, keyed lower-case.
func resolveParams(d *Definition, given Params) (map[string]any, error) {
	out := map[string]any{}
	for _, p := range d.Parameters {
		raw := p.Default
		if v, ok := lookupParam(given, p.Name); ok {
			raw = v
		}
		if len(raw) == 0 {
			if d.rule.reads(p.Name) {
				return nil, fmt.Errorf("parameter %q has no value", p.Name)
			}
			continue
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("parameter %q: %w", p.Name, err)
		}
		out[strings.ToLower(p.Name)] = v
	}
	return out, nil
}

func lookupParam(p Params, name string) (json.RawMessage, bool) {
	if v, ok := p[name]; ok {
		return v, true
	}
	for k, v := range p {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}
