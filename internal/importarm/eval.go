package importarm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Function is one template function. Min and Max bound the number of
// arguments (Max < 0: no upper bound). Unless KeepsUnknown is set, a call
// with an unknown argument yields that unknown without calling Call, so an
// unknown flows through concat, format, toLower and the rest. Unless
// Structural is set, an unknown anywhere inside an argument (an element of
// an array, a member of an object) does the same, because the function
// looks at the contents (string() prints them, contains() compares them);
// structural functions only count or move elements, so their result stays
// exact and the unknown elements stay unknown inside it.
type Function struct {
	Min, Max     int
	KeepsUnknown bool
	Structural   bool
	Call         func(c *Call, args []Value) (Value, error)
}

// Functions is a registry of template functions keyed by lower-case name.
// Build one with NewFunctions; it is read-only afterwards.
type Functions map[string]Function

// Call is the context of one function call.
type Call struct {
	Name string   // as written
	Text string   // the call's source text, used to describe unknowns
	Pos  diag.Pos // where the call starts
	ev   *evaluator
	env  *env
}

// argError is a wrong argument; the evaluator reports it at the call.
type argError struct {
	msg, hint string
}

func (e *argError) Error() string { return e.msg }

func errorf(hint, format string, args ...any) error {
	return &argError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// loopFrame is one active copy loop: copyIndex(name) reads it.
type loopFrame struct {
	name     string
	index    int
	resource bool // a resource loop, which copyIndex() without a name reads
}

// env is where an expression is evaluated: a template scope and the copy
// loops around it.
type env struct {
	sc    *scope
	loops []loopFrame
	args  map[string]Value // parameters of a user-defined function being called
}

func (e *env) withLoop(f loopFrame) *env {
	n := *e
	n.loops = append(append([]loopFrame(nil), e.loops...), f)
	return &n
}

// evaluator holds what one Evaluate run shares.
type evaluator struct {
	funcs  Functions
	opts   Options
	file   string
	diags  diag.Diagnostics
	parsed map[string]parsedExpr
	calls  int
}

type parsedExpr struct {
	e   expr
	err error
}

// Limits on the size of one value, so a template cannot exhaust memory by
// doubling a string or an array through variables.
const (
	maxStringLen = 4 << 20 // ARM's own limit on a whole template is 4 MB
	maxArrayLen  = 1 << 16
)

func checkSize(v Value) error {
	switch {
	case v.kind == String && len(v.s) > maxStringLen:
		return errorf("", "result is a string of %d bytes, more than the %d enclave evaluates", len(v.s), maxStringLen)
	case v.kind == Array && len(v.arr) > maxArrayLen:
		return errorf("", "result is an array of %d elements, more than the %d enclave evaluates", len(v.arr), maxArrayLen)
	}
	return nil
}

// step counts one unit of evaluation work; once the budget is spent it
// reports that once and returns false.
func (ev *evaluator) step(n *node) bool {
	ev.calls++
	if ev.calls == ev.opts.MaxSteps+1 {
		ev.diags.Errorf(ev.nodePos(n), "split the template, or reduce copy counts", "evaluation exceeds %d steps", ev.opts.MaxSteps)
	}
	return ev.calls <= ev.opts.MaxSteps
}

// errPoisoned marks a value whose evaluation already reported an error.
var errPoisoned = errors.New("already reported")

// posAt is the position of byte off of string node n's decoded text. The
// column is exact unless the JSON string holds escapes (\" \u00e9 ...)
// before that point, each of which shifts it left by its extra characters.
func (ev *evaluator) posAt(n *node, s string, off int) diag.Pos {
	if n == nil {
		return diag.Pos{File: ev.file}
	}
	line, col := n.line, n.col+1
	if off > len(s) {
		off = len(s)
	}
	for _, r := range s[:off] {
		if r == '\n' {
			line++
			col = 1
			continue
		}
		col++
	}
	return diag.Pos{File: ev.file, Line: line, Col: col}
}

func (ev *evaluator) nodePos(n *node) diag.Pos {
	if n == nil {
		return diag.Pos{File: ev.file}
	}
	return diag.Pos{File: ev.file, Line: n.line, Col: n.col}
}

// str evaluates a JSON string: an expression, an escaped literal or text.
// ok is false when an error was reported.
func (ev *evaluator) str(n *node, en *env) (Value, bool) {
	s := n.str
	if !isExpression(s) {
		return StringValue(unescapeLiteral(s)), true
	}
	pe, seen := ev.parsed[s]
	if !seen {
		pe.e, pe.err = parseExpr(s)
		ev.parsed[s] = pe
	}
	if pe.err != nil {
		var xe *exprError
		if errors.As(pe.err, &xe) {
			ev.diags = append(ev.diags, diag.Diagnostic{Pos: ev.posAt(n, s, xe.off), Summary: "invalid expression: " + xe.msg, Hint: xe.hint})
		}
		return Value{}, false
	}
	v, err := ev.eval(pe.e, en, n, s)
	if err != nil {
		return Value{}, false
	}
	return v, true
}

// eval evaluates e, the parsed form of string s held by node n.
func (ev *evaluator) eval(e expr, en *env, n *node, s string) (Value, error) {
	if !ev.step(n) {
		return Value{}, errPoisoned
	}
	switch x := e.(type) {
	case *strLit:
		return StringValue(x.s), nil
	case *intLit:
		return IntValue(x.n), nil
	case *memberExpr:
		base, err := ev.eval(x.x, en, n, s)
		if err != nil {
			return Value{}, err
		}
		return ev.access(base, StringValue(x.name), en, n, s, e)
	case *indexExpr:
		base, err := ev.eval(x.x, en, n, s)
		if err != nil {
			return Value{}, err
		}
		idx, err := ev.eval(x.index, en, n, s)
		if err != nil {
			return Value{}, err
		}
		return ev.access(base, idx, en, n, s, e)
	case *callExpr:
		return ev.call(x, en, n, s)
	}
	return Value{}, ev.fail(n, s, e, "", "unsupported expression")
}

func (ev *evaluator) fail(n *node, s string, e expr, hint, format string, args ...any) error {
	off := 0
	if e != nil {
		off, _ = e.span()
	}
	ev.diags = append(ev.diags, diag.Diagnostic{Pos: ev.posAt(n, s, off), Summary: fmt.Sprintf(format, args...), Hint: hint})
	return errPoisoned
}

// access is x.name or x[index].
func (ev *evaluator) access(base, idx Value, en *env, n *node, s string, e expr) (Value, error) {
	if base.kind == Unknown {
		u := *base.unk
		off, end := e.span()
		u.Expr = s[off:end]
		return unknownValue(u), nil
	}
	if idx.kind == Unknown {
		return idx, nil
	}
	switch base.kind {
	case Object:
		if idx.kind != String {
			return Value{}, ev.fail(n, s, e, "index objects with a string", "cannot index an object with %s", idx.kind)
		}
		v, ok := base.obj.Get(idx.s)
		if !ok {
			return Value{}, ev.fail(n, s, e, "the object has: "+strings.Join(base.obj.Keys, ", "), "the object has no property %q", idx.s)
		}
		return v, nil
	case Array:
		if idx.kind != Int {
			return Value{}, ev.fail(n, s, e, "index arrays with an integer", "cannot index an array with %s", idx.kind)
		}
		if idx.i < 0 || idx.i >= int64(len(base.arr)) {
			return Value{}, ev.fail(n, s, e, "", "index %d is out of range: the array has %d elements", idx.i, len(base.arr))
		}
		return base.arr[idx.i], nil
	}
	return Value{}, ev.fail(n, s, e, "", "cannot access %s of a %s value", compactJSON(idx), base.kind)
}

func (ev *evaluator) call(x *callExpr, en *env, n *node, s string) (Value, error) {
	lname := strings.ToLower(x.name)
	c := &Call{Name: x.name, Text: s[x.off:x.end], Pos: ev.posAt(n, s, x.off), ev: ev, env: en}
	// if evaluates only the branch its condition picks.
	if lname == "if" {
		if len(x.args) != 3 {
			return Value{}, ev.fail(n, s, x, "if(condition, trueValue, falseValue)", "if takes 3 arguments, got %d", len(x.args))
		}
		cond, err := ev.eval(x.args[0], en, n, s)
		if err != nil {
			return Value{}, err
		}
		switch cond.kind {
		case Unknown:
			return cond, nil
		case Bool:
		default:
			return Value{}, ev.fail(n, s, x.args[0], "the condition must be a bool, e.g. equals(a, b)", "if: condition is %s, want bool", cond.kind)
		}
		if cond.b {
			return ev.eval(x.args[1], en, n, s)
		}
		return ev.eval(x.args[2], en, n, s)
	}
	var fn Function
	var ok bool
	if strings.Contains(lname, ".") {
		fn, ok = en.sc.userFunction(lname)
	} else {
		fn, ok = ev.funcs[lname]
		if !ok && strings.HasPrefix(lname, "list") {
			fn, ok = listFunction, true
		}
	}
	if !ok {
		return Value{}, ev.fail(n, s, x, "see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions for the functions ARM offers", "unknown function %q", x.name)
	}
	if len(x.args) < fn.Min || (fn.Max >= 0 && len(x.args) > fn.Max) {
		want := fmt.Sprintf("%d", fn.Min)
		switch {
		case fn.Max < 0:
			want = fmt.Sprintf("at least %d", fn.Min)
		case fn.Max != fn.Min:
			want = fmt.Sprintf("%d to %d", fn.Min, fn.Max)
		}
		return Value{}, ev.fail(n, s, x, "", "%s takes %s arguments, got %d", x.name, want, len(x.args))
	}
	args := make([]Value, len(x.args))
	for i, a := range x.args {
		v, err := ev.eval(a, en, n, s)
		if err != nil {
			return Value{}, err
		}
		if v.kind == Unknown && !fn.KeepsUnknown {
			return v, nil
		}
		args[i] = v
	}
	if !fn.KeepsUnknown && !fn.Structural {
		for _, a := range args {
			if (a.kind == Array || a.kind == Object) && hasUnknown(a) {
				return unknownValue(*a.Unknowns()[0]), nil
			}
		}
	}
	if strings.Contains(lname, ".") && en.args != nil {
		return Value{}, ev.fail(n, s, x, "move the logic into the calling expression", "user-defined function %s cannot call another user-defined function", x.name)
	}
	v, err := fn.Call(c, args)
	if err == nil {
		err = checkSize(v)
	}
	if err != nil {
		if errors.Is(err, errPoisoned) {
			return Value{}, err
		}
		var ae *argError
		hint := ""
		if errors.As(err, &ae) {
			hint = ae.hint
		}
		return Value{}, ev.fail(n, s, x, hint, "%s: %v", x.name, err)
	}
	return v, nil
}

// value evaluates any JSON node: strings as expressions, objects and arrays
// member by member, with property copy loops expanded and expressions in
// keys evaluated.
func (ev *evaluator) value(n *node, en *env) (Value, bool) {
	if n == nil {
		return Value{}, true
	}
	if !ev.step(n) {
		return Value{}, false
	}
	switch n.kind {
	case nodeString:
		return ev.str(n, en)
	case nodeArray:
		vs := make([]Value, 0, len(n.items))
		ok := true
		for _, it := range n.items {
			v, good := ev.value(it, en)
			ok = ok && good
			vs = append(vs, v)
		}
		return ArrayValue(vs), ok
	case nodeObject:
		o := &Obj{Keys: make([]string, 0, len(n.members)), Vals: make([]Value, 0, len(n.members))}
		ok := true
		for _, m := range n.members {
			if strings.EqualFold(m.key, "copy") && m.val.kind == nodeArray {
				good := ev.propertyCopies(m.val, en, o)
				ok = ok && good
				continue
			}
			key := m.key
			if isExpression(key) {
				kn := &node{kind: nodeString, str: key, line: m.line, col: m.col}
				kv, good := ev.str(kn, en)
				if !good {
					ok = false
					continue
				}
				if kv.kind != String {
					ev.diags.Errorf(ev.nodePos(kn), "a property name must be a string", "property name expression gives %s", kv.kind)
					ok = false
					continue
				}
				key = kv.s
			} else {
				key = unescapeLiteral(key)
			}
			v, good := ev.value(m.val, en)
			ok = ok && good
			o.set(key, v)
		}
		return ObjectValue(o), ok
	}
	return fromNode(n), true
}

// propertyCopies expands a property-level "copy": [{name, count, input}]
// into o, one array per entry.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties
func (ev *evaluator) propertyCopies(list *node, en *env, o *Obj) bool {
	ok := true
	for _, c := range list.items {
		name, count, good := ev.loopHeader(c, en, "property")
		if !good {
			ok = false
			continue
		}
		input := c.get("input")
		if input == nil {
			ev.diags.Errorf(ev.nodePos(c), `add "input": the value of each element`, "property copy %q has no input", name)
			ok = false
			continue
		}
		vs := make([]Value, 0, count)
		for i := 0; i < count; i++ {
			v, good := ev.value(input, en.withLoop(loopFrame{name: name, index: i}))
			if !good {
				ok = false
				break
			}
			vs = append(vs, v)
		}
		o.set(name, ArrayValue(vs))
	}
	return ok
}

// maxCopy is ARM's limit on copy loop iterations.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources
const maxCopy = 800

// loopHeader reads a copy object's name and count.
func (ev *evaluator) loopHeader(c *node, en *env, what string) (string, int, bool) {
	if c == nil || c.kind != nodeObject {
		ev.diags.Errorf(ev.nodePos(c), `write {"name": ..., "count": ...}`, "%s copy must be an object", what)
		return "", 0, false
	}
	nn := c.get("name")
	if nn == nil {
		ev.diags.Errorf(ev.nodePos(c), `add "name": the loop's name, which copyIndex('name') reads`, "%s copy has no name", what)
		return "", 0, false
	}
	nv, ok := ev.value(nn, en)
	if !ok {
		return "", 0, false
	}
	if nv.kind != String || nv.s == "" {
		ev.diags.Errorf(ev.nodePos(nn), "", "%s copy name must be a non-empty string, got %s", what, nv.kind)
		return "", 0, false
	}
	cn := c.get("count")
	if cn == nil {
		ev.diags.Errorf(ev.nodePos(c), `add "count": the number of iterations`, "%s copy %q has no count", what, nv.s)
		return "", 0, false
	}
	cv, ok := ev.value(cn, en)
	if !ok {
		return "", 0, false
	}
	switch {
	case cv.kind == Unknown:
		ev.diags.Errorf(ev.nodePos(cn), "the count must be computable before deployment; ARM rejects reference() here too", "copy %q count depends on a runtime value (%s)", nv.s, cv.unk.Expr)
		return "", 0, false
	case cv.kind != Int:
		ev.diags.Errorf(ev.nodePos(cn), "use an integer, e.g. length(parameters('names'))", "copy %q count is %s, want int", nv.s, cv.kind)
		return "", 0, false
	case cv.i < 0 || cv.i > maxCopy:
		ev.diags.Errorf(ev.nodePos(cn), fmt.Sprintf("ARM allows 0 to %d iterations", maxCopy), "copy %q count %d is out of range", nv.s, cv.i)
		return "", 0, false
	}
	return nv.s, int(cv.i), true
}

// hasUnknown reports whether v holds an unknown anywhere.
func hasUnknown(v Value) bool {
	switch v.kind {
	case Unknown:
		return true
	case Array:
		for _, x := range v.arr {
			if hasUnknown(x) {
				return true
			}
		}
	case Object:
		for _, x := range v.obj.Vals {
			if hasUnknown(x) {
				return true
			}
		}
	}
	return false
}
