package importarm

import (
	"fmt"
	"slices"
	"strings"
)

// deployCtx is what resourceGroup(), subscription() and deployment()
// describe, and where resources of a template are created.
type deployCtx struct {
	level          Level
	subscriptionID string
	resourceGroup  string // empty at subscription level
	location       string // of the resource group, or of a subscription deployment
	deploymentName string
	chain          string // nested deployment names, outermost first, "/"-joined
}

// scope is one template's parameters, variables and user functions. An
// outer-scope nested template shares its parent's scope.
type scope struct {
	ev     *evaluator
	fn     deployCtx // what the functions report
	params map[string]*slot
	vars   map[string]*slot
	funcs  map[string]*userFunc
	order  []string // parameter names in declaration order
	vorder []string // variable names in declaration order
}

type slotState uint8

const (
	slotFresh slotState = iota
	slotBusy
	slotDone
)

// slot is a lazily evaluated parameter or variable.
type slot struct {
	name   string
	decl   *node // declaration (parameter) or value (variable)
	state  slotState
	val    Value
	ok     bool
	eval   func() (Value, bool)
	secure bool
}

func (sl *slot) get(ev *evaluator, what string) (Value, error) {
	switch sl.state {
	case slotDone:
		if !sl.ok {
			return Value{}, errPoisoned
		}
		return sl.val, nil
	case slotBusy:
		return Value{}, errorf("a "+what+" cannot depend on itself, directly or through others", "%s %q refers to itself", what, sl.name)
	}
	sl.state = slotBusy
	sl.val, sl.ok = sl.eval()
	sl.state = slotDone
	if !sl.ok {
		return Value{}, errPoisoned
	}
	return sl.val, nil
}

// userFunc is a user-defined function from the template's functions section.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/user-defined-functions
type userFunc struct {
	params []string
	output *node
	sc     *scope
}

func (sc *scope) userFunction(lname string) (Function, bool) {
	uf, ok := sc.funcs[lname]
	if !ok {
		return Function{}, false
	}
	return Function{Min: len(uf.params), Max: len(uf.params), KeepsUnknown: true, Call: func(c *Call, args []Value) (Value, error) {
		bound := map[string]Value{}
		for i, p := range uf.params {
			bound[strings.ToLower(p)] = args[i]
		}
		v, ok := c.ev.value(uf.output, &env{sc: uf.sc, args: bound})
		if !ok {
			return Value{}, errPoisoned
		}
		return v, nil
	}}, true
}

// suppliedParam is a parameter value given to a template: from a parameters
// file (literal, en nil) or a nested deployment's parameters (evaluated in en).
type suppliedParam struct {
	name string
	n    *node // the {"value": ...} or {"reference": ...} object
	en   *env
	file string // parameters file, when n comes from one
}

// declare builds the scope of template t: parameters bound to supplied
// values or defaults, variables and user functions, all lazy. Every
// parameter and variable is then evaluated once so all errors are reported.
func (ev *evaluator) declare(t *node, fn deployCtx, supplied []suppliedParam) *scope {
	sc := &scope{ev: ev, fn: fn, params: map[string]*slot{}, vars: map[string]*slot{}, funcs: map[string]*userFunc{}}
	given := map[string]suppliedParam{}
	for _, s := range supplied {
		given[strings.ToLower(s.name)] = s
	}
	if ps := t.get("parameters"); ps != nil && ps.kind == nodeObject {
		for _, m := range ps.members {
			sl := &slot{name: m.key, decl: m.val}
			lname := strings.ToLower(m.key)
			sc.params[lname] = sl
			sc.order = append(sc.order, lname)
			typ := strings.ToLower(stringMember(m.val, "type"))
			sl.secure = typ == "securestring" || typ == "secureobject"
			s, has := given[lname]
			delete(given, lname)
			sl.eval = func() (Value, bool) { return sc.bindParam(sl, m, typ, s, has) }
		}
	}
	for _, s := range supplied {
		if _, left := given[strings.ToLower(s.name)]; left {
			ev.diags.Errorf(ev.nodePos(s.n), "remove it, or declare it in the template's parameters", "parameter %q is not declared in the template", s.name)
		}
	}
	if vs := t.get("variables"); vs != nil && vs.kind == nodeObject {
		for _, m := range vs.members {
			if strings.EqualFold(m.key, "copy") && m.val.kind == nodeArray {
				for _, c := range m.val.items {
					sc.copyVariable(c)
				}
				continue
			}
			sc.addVar(m.key, func() (Value, bool) { return ev.value(m.val, &env{sc: sc}) })
		}
	}
	if fs := t.get("functions"); fs != nil && fs.kind == nodeArray {
		for _, f := range fs.items {
			ns := stringMember(f, "namespace")
			members := f.get("members")
			if ns == "" || members == nil || members.kind != nodeObject {
				ev.diags.Errorf(ev.nodePos(f), `write {"namespace": ..., "members": {...}}`, "malformed user-defined function group")
				continue
			}
			for _, m := range members.members {
				uf := &userFunc{sc: sc}
				if ps := m.val.get("parameters"); ps != nil {
					for _, p := range ps.items {
						uf.params = append(uf.params, stringMember(p, "name"))
					}
				}
				if out := m.val.get("output"); out != nil {
					uf.output = out.get("value")
				}
				if uf.output == nil {
					ev.diags.Errorf(ev.nodePos(m.val), `add "output": {"type": ..., "value": ...}`, "user-defined function %s.%s has no output value", ns, m.key)
					continue
				}
				sc.funcs[strings.ToLower(ns+"."+m.key)] = uf
			}
		}
	}
	for _, p := range sc.order {
		_, _ = sc.params[p].get(ev, "parameter")
	}
	for _, v := range sc.vorder {
		_, _ = sc.vars[v].get(ev, "variable")
	}
	return sc
}

func (sc *scope) addVar(name string, eval func() (Value, bool)) {
	lname := strings.ToLower(name)
	sc.vars[lname] = &slot{name: name, eval: eval}
	sc.vorder = append(sc.vorder, lname)
}

// copyVariable declares a variable built by a copy loop.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-variables
func (sc *scope) copyVariable(c *node) {
	ev := sc.ev
	nameNode := c.get("name")
	name := stringMember(c, "name")
	if name == "" {
		ev.diags.Errorf(ev.nodePos(c), `add "name": the variable's name`, "variable copy has no name")
		return
	}
	sc.addVar(name, func() (Value, bool) {
		en := &env{sc: sc}
		_, count, ok := ev.loopHeader(c, en, "variable")
		if !ok {
			return Value{}, false
		}
		input := c.get("input")
		if input == nil {
			ev.diags.Errorf(ev.nodePos(nameNode), `add "input": the value of each element`, "variable copy %q has no input", name)
			return Value{}, false
		}
		vs := make([]Value, 0, count)
		for i := 0; i < count; i++ {
			v, ok := ev.value(input, en.withLoop(loopFrame{name: name, index: i}))
			if !ok {
				return Value{}, false
			}
			vs = append(vs, v)
		}
		return ArrayValue(vs), true
	})
	sc.vars[strings.ToLower(name)].decl = c
}

// bindParam gives parameter m its value: supplied, else its default.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters
func (sc *scope) bindParam(sl *slot, m member, typ string, s suppliedParam, has bool) (Value, bool) {
	ev := sc.ev
	declPos := ev.nodePos(m.val)
	var v Value
	at := m.val
	switch {
	case has:
		at = s.n
		if s.file != "" {
			defer func(f string) { ev.file = f }(ev.file)
			ev.file = s.file
		}
		if ref := s.n.get("reference"); ref != nil {
			secret := stringMember(ref, "secretName")
			return unknownValue(UnknownValue{Cause: CauseKeyVault, Expr: "keyvault secret " + secret, Pos: ev.nodePos(s.n)}), true
		}
		vn := s.n.get("value")
		if vn == nil {
			ev.diags.Errorf(ev.nodePos(s.n), `write {"value": ...} or {"reference": {...}}`, "parameter %q has neither value nor reference", m.key)
			return Value{}, false
		}
		at = vn
		if s.en == nil {
			v = fromNode(vn)
		} else {
			var ok bool
			if v, ok = ev.value(vn, s.en); !ok {
				return Value{}, false
			}
		}
	case m.val.get("defaultValue") != nil:
		at = m.val.get("defaultValue")
		var ok bool
		if v, ok = ev.value(at, &env{sc: sc}); !ok {
			return Value{}, false
		}
	default:
		ev.diags.Errorf(ev.nodePos(m.val), "give it a value in the parameters file, or add a defaultValue", "parameter %q has no value and no default", m.key)
		return Value{}, false
	}
	if v.kind == Unknown {
		return v, true
	}
	if !checkParamType(typ, v) && v.kind != Null {
		ev.diags.Errorf(ev.nodePos(at), "", "parameter %q is declared %s but its value is %s", m.key, typ, v.kind)
		return Value{}, false
	}
	if av := m.val.get("allowedValues"); av != nil && av.kind == nodeArray && v.kind != Null {
		allowed := fromNode(av).arr
		in := func(x Value) bool { return slices.ContainsFunc(allowed, func(a Value) bool { return equal(a, x) }) }
		bad := []Value{v}
		if v.kind == Array {
			bad = v.arr
		}
		for _, x := range bad {
			if !in(x) {
				ev.diags.Errorf(ev.nodePos(at), "allowed: "+compactJSON(ArrayValue(allowed)), "parameter %q: %s is not an allowed value", m.key, compactJSON(x))
				return Value{}, false
			}
		}
	}
	if sl.secure && !ev.opts.RevealSecure {
		return unknownValue(UnknownValue{Cause: CauseSecure, Expr: fmt.Sprintf("parameters('%s')", m.key), Pos: declPos}), true
	}
	return v, true
}

func checkParamType(typ string, v Value) bool {
	switch typ {
	case "string", "securestring":
		return v.kind == String
	case "int":
		return v.kind == Int
	case "bool":
		return v.kind == Bool
	case "object", "secureobject":
		return v.kind == Object
	case "array":
		return v.kind == Array
	}
	return true
}

func stringMember(n *node, key string) string {
	if v := n.get(key); v != nil && v.kind == nodeString {
		return v.str
	}
	return ""
}
