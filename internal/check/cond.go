package check

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// cond is a compiled condition or logical operator of a policy rule. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
type cond interface {
	eval(x *evalCtx) (bool, error)
}

type allOf []cond
type anyOf []cond
type notCond struct{ c cond }

// falseCond stands in for a condition the evaluator cannot judge; the
// definition is then listed as unsupported and never evaluated.
type falseCond struct{}

func (falseCond) eval(*evalCtx) (bool, error) { return false, nil }

func (a allOf) eval(x *evalCtx) (bool, error) {
	mark := x.mark()
	for _, c := range a {
		inner := x.mark()
		ok, err := c.eval(x)
		if err != nil {
			return false, err
		}
		if !ok {
			// Only the failing condition explains a false allOf.
			x.dropBetween(mark, inner)
			return false, nil
		}
	}
	return true, nil
}

func (a anyOf) eval(x *evalCtx) (bool, error) {
	mark := x.mark()
	for _, c := range a {
		inner := x.mark()
		ok, err := c.eval(x)
		if err != nil {
			return false, err
		}
		if ok {
			// Only the holding condition explains a true anyOf.
			x.dropBetween(mark, inner)
			return true, nil
		}
	}
	return false, nil
}

func (n notCond) eval(x *evalCtx) (bool, error) {
	ok, err := n.c.eval(x)
	return !ok, err
}

// leaf is one condition: a subject (field, value or count), an operator
// and its operand.
type leaf struct {
	subject subject
	op      *operator
	operand expr
}

// subject is what a condition tests.
type subject interface {
	// values returns the values to test and how the condition combines
	// them.
	values(x *evalCtx) (vals []any, mode valueMode, err error)
	describe(x *evalCtx) string
}

func (l *leaf) eval(x *evalCtx) (bool, error) {
	// The operand first: values may return storage the next field
	// lookup reuses.
	want, err := l.operand.eval(x)
	if err != nil {
		return false, err
	}
	vals, mode, err := l.subject.values(x)
	if err != nil {
		return false, err
	}
	result := true
	var decisive any = absent
	switch mode {
	case modeOne:
		if len(vals) != 1 {
			return false, fmt.Errorf("%s: internal: %d values", l.subject.describe(x), len(vals))
		}
		result, err = l.op.test(vals[0], want)
		if err != nil {
			return false, fmt.Errorf("%s %s: %w", l.subject.describe(x), l.op.name, err)
		}
		decisive = vals[0]
	case modeAny:
		// A legacy alias stepping into an array without [*] holds when the
		// condition holds for some element.
		result = false
		decisive = vals
		for _, v := range vals {
			ok, err := l.op.test(v, want)
			if err != nil {
				return false, fmt.Errorf("%s %s: %w", l.subject.describe(x), l.op.name, err)
			}
			if ok {
				result, decisive = true, v
				break
			}
		}
	default:
		// A [*] field outside count holds when the condition holds for
		// every element, "with logical AND between them" (Learn: "Author
		// policies for array properties on Azure resources",
		// https://learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays),
		// so vacuously for an empty or missing array.
		for _, v := range vals {
			ok, err := l.op.test(v, want)
			if err != nil {
				return false, fmt.Errorf("%s %s: %w", l.subject.describe(x), l.op.name, err)
			}
			if !ok {
				result = false
				decisive = v
				break
			}
		}
		if result {
			decisive = vals
			if len(vals) == 0 {
				decisive = []any{}
			}
		}
	}
	if x.trace != nil {
		*x.trace = append(*x.trace, fmt.Sprintf("%s is %s: %s %s is %v", l.subject.describe(x), display(decisive), l.op.name, display(want), result))
	}
	return result, nil
}

// compiler turns a rule's JSON into conditions and expressions, recording
// what it cannot support.
type compiler struct {
	funcs map[string]*function
	def   *Definition
	seen  map[string]bool
	unsup []Unsupported
	// params are the lower-cased names of the parameters the rule reads.
	params map[string]bool
}

func (c *compiler) useParam(name string) { c.params[strings.ToLower(name)] = true }

func (c *compiler) unsupported(construct, detail string) {
	if c.seen[construct] {
		return
	}
	c.seen[construct] = true
	c.unsup = append(c.unsup, Unsupported{Construct: construct, Detail: detail})
}

// logicalKeys and subjectKeys are the keys a condition object may have
// besides one operator.
var subjectKeys = map[string]bool{"field": true, "value": true, "count": true}

func (c *compiler) cond(raw any) cond {
	m, ok := raw.(map[string]any)
	if !ok {
		c.unsupported("condition", fmt.Sprintf("a condition is %s, not an object", typeName(raw)))
		return falseCond{}
	}
	if len(m) == 1 {
		for k, v := range m {
			switch strings.ToLower(k) {
			case "allof", "anyof":
				arr, ok := v.([]any)
				if !ok {
					c.unsupported(k, "its value is not an array")
					return falseCond{}
				}
				var out []cond
				for _, e := range arr {
					out = append(out, c.cond(e))
				}
				if strings.EqualFold(k, "allOf") {
					return allOf(out)
				}
				return anyOf(out)
			case "not":
				return notCond{c.cond(v)}
			}
		}
	}
	var subj subject
	var opName string
	var operand any
	for _, k := range sortedKeys(m) {
		v := m[k]
		lk := strings.ToLower(k)
		switch {
		case subjectKeys[lk]:
			if subj != nil {
				c.unsupported("condition", fmt.Sprintf("more than one of field, value and count in %s", compactJSON(m)))
				return falseCond{}
			}
			subj = c.subject(lk, v)
		case operatorByName(lk) != nil:
			if opName != "" {
				c.unsupported("condition", fmt.Sprintf("two operators (%s, %s)", opName, k))
				return falseCond{}
			}
			opName, operand = lk, v
		default:
			c.unsupported("condition key "+k, compactJSON(m))
			return falseCond{}
		}
	}
	if subj == nil || opName == "" {
		c.unsupported("condition", "needs a field, value or count and one operator: "+compactJSON(m))
		return falseCond{}
	}
	return &leaf{subject: subj, op: operatorByName(opName), operand: c.compileValue(operand)}
}

func (c *compiler) subject(kind string, v any) subject {
	switch kind {
	case "field":
		s, ok := v.(string)
		if !ok {
			c.unsupported("field", fmt.Sprintf("field is %s", typeName(v)))
			return valueSubject{literal{absent}}
		}
		if isExpression(s) {
			return &fieldSubject{dyn: c.compileValue(s), text: s}
		}
		if _, ok := classifyField(s); !ok {
			c.unsupported("field "+s, "neither a known field nor an alias")
		}
		return &fieldSubject{name: s, text: s}
	case "value":
		return valueSubject{c.compileValue(v)}
	case "count":
		return c.count(v)
	}
	panic("unreachable")
}

// count compiles {"field": "alias[*]" | "value": ..., "name": ..., "where": ...}.
func (c *compiler) count(v any) subject {
	m, ok := v.(map[string]any)
	if !ok {
		c.unsupported("count", fmt.Sprintf("count is %s", typeName(v)))
		return valueSubject{literal{0.0}}
	}
	cs := &countSubject{}
	for _, k := range sortedKeys(m) {
		switch strings.ToLower(k) {
		case "field":
			s, ok := m[k].(string)
			if !ok || !strings.HasSuffix(s, "[*]") {
				c.unsupported("count", fmt.Sprintf("count.field %v is not an array alias ending in [*]", m[k]))
				return valueSubject{literal{0.0}}
			}
			cs.field = s
		case "value":
			cs.value = c.compileValue(m[k])
		case "name":
			s, ok := m[k].(string)
			if !ok {
				c.unsupported("count", "count.name is not a string")
			}
			cs.name = s
		case "where":
		default:
			c.unsupported("count key "+k, compactJSON(m))
		}
	}
	if (cs.field == "") == (cs.value == nil) {
		c.unsupported("count", "needs exactly one of field and value: "+compactJSON(m))
		return valueSubject{literal{0.0}}
	}
	if w, ok := m["where"]; ok {
		cs.where = c.cond(w)
	}
	return cs
}

// valueSubject is {"value": ...}.
type valueSubject struct{ e expr }

func (v valueSubject) values(x *evalCtx) ([]any, valueMode, error) {
	val, err := v.e.eval(x)
	if err != nil {
		return nil, modeOne, err
	}
	return []any{val}, modeOne, nil
}

func (v valueSubject) describe(*evalCtx) string { return "value " + v.e.String() }

// fieldSubject is {"field": ...}; dyn is set when the field name is itself
// an expression.
type fieldSubject struct {
	name string
	dyn  expr
	text string
}

func (f *fieldSubject) values(x *evalCtx) ([]any, valueMode, error) {
	name := f.name
	if f.dyn != nil {
		v, err := f.dyn.eval(x)
		if err != nil {
			return nil, modeOne, err
		}
		s, ok := v.(string)
		if !ok {
			return nil, modeOne, fmt.Errorf("field expression %s gives %s", f.text, typeName(v))
		}
		name = s
	}
	return x.field(name)
}

// describe names the field; a computed name is shown as computed.
func (f *fieldSubject) describe(x *evalCtx) string {
	if f.dyn != nil {
		if v, err := f.dyn.eval(x); err == nil {
			if s, ok := v.(string); ok {
				return "field " + s
			}
		}
	}
	return "field " + f.text
}

// countSubject is {"count": ...}.
type countSubject struct {
	field string
	value expr
	name  string
	where cond
}

func (cs *countSubject) describe(*evalCtx) string {
	if cs.field != "" {
		return "count of " + cs.field
	}
	return "count of value " + cs.value.String()
}

func (cs *countSubject) values(x *evalCtx) ([]any, valueMode, error) {
	n, err := x.count(cs)
	if err != nil {
		return nil, modeOne, err
	}
	return []any{float64(n)}, modeOne, nil
}

func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 200 {
		return string(b[:197]) + "..."
	}
	return string(b)
}

// fieldKind says how a field name is resolved.
type fieldKind int

const (
	fieldAlias fieldKind = iota
	fieldName
	fieldFullName
	fieldType
	fieldKindProp
	fieldLocation
	fieldID
	fieldIdentityType
	fieldIdentityUser
	fieldTags
	fieldTag
)

// classifyField recognises the documented fields and aliases. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#fields
func classifyField(s string) (fieldKind, bool) {
	switch strings.ToLower(s) {
	case "name":
		return fieldName, true
	case "fullname":
		return fieldFullName, true
	case "type":
		return fieldType, true
	case "kind":
		return fieldKindProp, true
	case "location":
		return fieldLocation, true
	case "id":
		return fieldID, true
	case "identity.type":
		return fieldIdentityType, true
	case "identity.userassignedidentities":
		return fieldIdentityUser, true
	case "tags":
		return fieldTags, true
	}
	if _, ok := tagName(s); ok {
		return fieldTag, true
	}
	if strings.Contains(s, "/") {
		return fieldAlias, true
	}
	return 0, false
}

// tagName reads tags['x'], tags["x"], tags[x] and tags.x.
func tagName(s string) (string, bool) {
	if len(s) < 5 || !strings.EqualFold(s[:4], "tags") {
		return "", false
	}
	rest := s[4:]
	switch {
	case strings.HasPrefix(rest, "."):
		return rest[1:], len(rest) > 1
	case strings.HasPrefix(rest, "[") && strings.HasSuffix(rest, "]"):
		inner := rest[1 : len(rest)-1]
		if len(inner) >= 2 && (inner[0] == '\'' && inner[len(inner)-1] == '\'' || inner[0] == '"' && inner[len(inner)-1] == '"') {
			inner = inner[1 : len(inner)-1]
			inner = strings.ReplaceAll(inner, "''", "'")
		}
		// "tags[]" (a tag-name parameter left empty) names no tag.
		return inner, true
	}
	return "", false
}

// rule is a compiled policyRule.
type policyRule struct {
	cond cond
	then thenBlock
	// params are the lower-cased names of the parameters the evaluated
	// parts read; "*" means any.
	params map[string]bool
}

// reads reports whether the rule reads parameter name.
func (r *policyRule) reads(name string) bool {
	return r.params["*"] || r.params[strings.ToLower(name)]
}

// thenBlock is the rule's effect and its details.
type thenBlock struct {
	effect expr
	// Related-resource details of auditIfNotExists / deployIfNotExists.
	detailsType    expr
	detailsName    expr
	existence      cond
	existenceScope string
	resourceGroup  expr
	hasDeployment  bool
	// Operations of modify; field/value pairs of append.
	operations []operation
}

// operation is one modify operation or append pair.
type operation struct {
	op    string
	field string
	value expr
	cond  expr
}

// compileRule compiles a policyRule's if and then blocks.
func compileRule(raw json.RawMessage, d *Definition) (*policyRule, []Unsupported, error) {
	var r struct {
		If   any `json:"if"`
		Then *struct {
			Effect  any `json:"effect"`
			Details any `json:"details"`
		} `json:"then"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, nil, fmt.Errorf("policyRule: %w", err)
	}
	if r.If == nil || r.Then == nil || r.Then.Effect == nil {
		return nil, nil, fmt.Errorf("policyRule needs if and then.effect")
	}
	c := &compiler{funcs: functions(), def: d, seen: map[string]bool{}, params: map[string]bool{}}
	pr := &policyRule{cond: c.cond(r.If), params: c.params}
	pr.then.effect = c.compileValue(r.Then.Effect)
	c.details(&pr.then, r.Then.Details)
	if strings.EqualFold(d.Mode, "Microsoft.Kubernetes.Data") {
		// Resource provider modes judge objects inside a cluster (through
		// Gatekeeper), which the model does not hold.
		c.unsupported("mode "+d.Mode, "the rule judges Kubernetes objects inside the cluster, which the model does not describe")
	} else if d.Mode != "" && !strings.EqualFold(d.Mode, "All") && !strings.EqualFold(d.Mode, "Indexed") {
		c.unsupported("mode "+d.Mode, "resource provider modes are not evaluated")
	}
	sort.SliceStable(c.unsup, func(i, j int) bool { return c.unsup[i].Construct < c.unsup[j].Construct })
	return pr, c.unsup, nil
}

func (c *compiler) details(t *thenBlock, raw any) {
	switch d := raw.(type) {
	case nil:
		return
	case []any:
		// append: [{field, value}, ...]
		for _, e := range d {
			m, ok := e.(map[string]any)
			if !ok {
				c.unsupported("details", "append details entry is not an object")
				continue
			}
			f, _ := m["field"].(string)
			t.operations = append(t.operations, operation{op: "append", field: f, value: c.compileValue(m["value"])})
		}
	case map[string]any:
		for _, k := range sortedKeys(d) {
			v := d[k]
			switch strings.ToLower(k) {
			case "type":
				t.detailsType = c.compileValue(v)
				if ts, ok := v.(string); ok && strings.EqualFold(ts, "Microsoft.Security/assessments") {
					// Defender for Cloud computes assessments after
					// deployment from its own scans; the model cannot hold
					// their verdicts.
					c.unsupported("details.type Microsoft.Security/assessments", "the verdict is a Defender for Cloud assessment computed in Azure after deployment")
				}
			case "name":
				t.detailsName = c.compileValue(v)
			case "existencecondition":
				t.existence = c.cond(v)
			case "existencescope":
				s, _ := v.(string)
				t.existenceScope = strings.ToLower(s)
			case "resourcegroupname":
				t.resourceGroup = c.compileValue(v)
			case "deployment":
				t.hasDeployment = true
			case "operations":
				ops, _ := v.([]any)
				for _, e := range ops {
					m, ok := e.(map[string]any)
					if !ok {
						c.unsupported("details", "modify operation is not an object")
						continue
					}
					o := operation{}
					o.op, _ = m["operation"].(string)
					o.field, _ = m["field"].(string)
					if val, ok := m["value"]; ok {
						o.value = c.compileValue(val)
					}
					if cv, ok := m["condition"]; ok {
						o.cond = c.compileValue(cv)
					}
					t.operations = append(t.operations, o)
				}
			}
			// Other keys (roleDefinitionIds, evaluationDelay, conflictEffect,
			// deploymentScope, Kubernetes templateInfo...) say how Azure
			// acts, not whether a resource complies.
		}
	default:
		c.unsupported("details", fmt.Sprintf("details is %s", typeName(raw)))
	}
}
