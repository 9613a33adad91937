package check

import (
	"fmt"
	"strconv"
	"strings"
)

// An expression is a policy value that may be a template expression:
// "[concat('a', parameters('b'))]". Plain JSON values are literals; a string
// beginning "[[" is the literal string without its first bracket. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
type expr interface {
	eval(x *evalCtx) (any, error)
	String() string
}

// literal is a constant JSON value.
type literal struct{ v any }

func (l literal) eval(*evalCtx) (any, error) { return l.v, nil }
func (l literal) String() string             { return fmt.Sprint(l.v) }

// call is a function call with its arguments.
type call struct {
	name string // lower-cased
	fn   *function
	args []expr
}

func (c *call) eval(x *evalCtx) (any, error) {
	if c.fn.lazy != nil {
		return c.fn.lazy(x, c.args)
	}
	vals := make([]any, len(c.args))
	for i, a := range c.args {
		v, err := a.eval(x)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	v, err := c.fn.impl(x, vals)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.name, err)
	}
	return v, nil
}

func (c *call) String() string {
	parts := make([]string, len(c.args))
	for i, a := range c.args {
		parts[i] = a.String()
	}
	return c.name + "(" + strings.Join(parts, ", ") + ")"
}

// member reads a property (.name) or an index ([expr]) of a value.
type member struct {
	of    expr
	name  string // for .name
	index expr   // for [expr]
}

func (m *member) eval(x *evalCtx) (any, error) {
	v, err := m.of.eval(x)
	if err != nil {
		return nil, err
	}
	key := any(m.name)
	if m.index != nil {
		if key, err = m.index.eval(x); err != nil {
			return nil, err
		}
	}
	switch t := v.(type) {
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return nil, fmt.Errorf("object index %v is not a string", key)
		}
		if r, ok := getProp(t, k); ok {
			return r, nil
		}
		return nil, fmt.Errorf("no property %q", k)
	case []any:
		i, ok := toInt(key)
		if !ok || i < 0 || i >= len(t) {
			return nil, fmt.Errorf("index %v out of range", key)
		}
		return t[i], nil
	}
	return nil, fmt.Errorf("cannot read %v of %s", key, typeName(v))
}

func (m *member) String() string {
	if m.index != nil {
		return m.of.String() + "[" + m.index.String() + "]"
	}
	return m.of.String() + "." + m.name
}

// isExpression reports whether s is a template expression.
func isExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && !strings.HasPrefix(s, "[[")
}

// compileValue turns a JSON value of a rule into an expression: strings in
// brackets are parsed; objects and arrays become literals whose string
// members are still expressions (ARM evaluates them recursively).
func (c *compiler) compileValue(v any) expr {
	switch t := v.(type) {
	case string:
		if isExpression(t) {
			e, err := parseExpression(t[1:len(t)-1], c.funcs, c.useParam)
			if err != nil {
				c.unsupported(err.construct, err.detail)
				return literal{t}
			}
			return e
		}
		if strings.HasPrefix(t, "[[") {
			return literal{t[1:]}
		}
		return literal{t}
	case []any:
		var parts []expr
		dynamic := false
		for _, e := range t {
			pe := c.compileValue(e)
			if _, ok := pe.(literal); !ok {
				dynamic = true
			}
			parts = append(parts, pe)
		}
		if !dynamic {
			return literal{v}
		}
		return arrayExpr(parts)
	case map[string]any:
		dynamic := false
		parts := map[string]expr{}
		for k, e := range t {
			pe := c.compileValue(e)
			if _, ok := pe.(literal); !ok {
				dynamic = true
			}
			parts[k] = pe
		}
		if !dynamic {
			return literal{v}
		}
		return objectExpr(parts)
	}
	return literal{v}
}

type arrayExpr []expr

func (a arrayExpr) eval(x *evalCtx) (any, error) {
	out := make([]any, len(a))
	for i, e := range a {
		v, err := e.eval(x)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
func (a arrayExpr) String() string { return "[array]" }

type objectExpr map[string]expr

func (o objectExpr) eval(x *evalCtx) (any, error) {
	out := make(map[string]any, len(o))
	for k, e := range o {
		v, err := e.eval(x)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}
func (o objectExpr) String() string { return "{object}" }

// parseError is an expression the evaluator cannot read or run.
type parseError struct {
	construct string
	detail    string
}

func (e *parseError) Error() string { return e.construct + ": " + e.detail }

// parser reads the inside of "[...]".
type parser struct {
	s     string
	i     int
	funcs map[string]*function
	// onParam is told the name of each parameter the expression reads ("*"
	// when the name is computed).
	onParam func(string)
}

func parseExpression(s string, funcs map[string]*function, onParam func(string)) (expr, *parseError) {
	p := &parser{s: s, funcs: funcs, onParam: onParam}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, &parseError{"expression", fmt.Sprintf("unexpected %q in [%s]", p.s[p.i:], s)}
	}
	return e, nil
}

func (p *parser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *parser) fail(format string, args ...any) *parseError {
	return &parseError{"expression", fmt.Sprintf(format, args...) + " in [" + p.s + "]"}
}

func (p *parser) expr() (expr, *parseError) {
	p.space()
	if p.i >= len(p.s) {
		return nil, p.fail("unexpected end")
	}
	var e expr
	c := p.s[p.i]
	switch {
	case c == '\'':
		str, err := p.str()
		if err != nil {
			return nil, err
		}
		e = literal{str}
	case c == '-' || (c >= '0' && c <= '9'):
		j := p.i + 1
		for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.') {
			j++
		}
		f, err := strconv.ParseFloat(p.s[p.i:j], 64)
		if err != nil {
			return nil, p.fail("bad number %q", p.s[p.i:j])
		}
		p.i = j
		e = literal{f}
	case isIdentStart(c):
		j := p.i
		for j < len(p.s) && isIdent(p.s[j]) {
			j++
		}
		name := p.s[p.i:j]
		p.i = j
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '(' {
			switch strings.ToLower(name) {
			case "true":
				e = literal{true}
			case "false":
				e = literal{false}
			case "null":
				e = literal{nil}
			default:
				return nil, p.fail("bare word %q", name)
			}
			break
		}
		p.i++ // (
		fn, ok := p.funcs[strings.ToLower(name)]
		if !ok {
			return nil, &parseError{"function " + name, "the evaluator does not implement it"}
		}
		var args []expr
		p.space()
		if p.i < len(p.s) && p.s[p.i] == ')' {
			p.i++
		} else {
			for {
				a, err := p.expr()
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				p.space()
				if p.i >= len(p.s) {
					return nil, p.fail("unclosed call to %s", name)
				}
				if p.s[p.i] == ',' {
					p.i++
					continue
				}
				if p.s[p.i] == ')' {
					p.i++
					break
				}
				return nil, p.fail("unexpected %q", p.s[p.i])
			}
		}
		if len(args) < fn.min || (fn.max >= 0 && len(args) > fn.max) {
			return nil, p.fail("%s takes %s arguments, got %d", name, fn.arity(), len(args))
		}
		if strings.EqualFold(name, "parameters") && p.onParam != nil {
			if l, ok := args[0].(literal); ok {
				ps, _ := l.v.(string)
				p.onParam(ps)
			} else {
				p.onParam("*")
			}
		}
		e = &call{name: strings.ToLower(name), fn: fn, args: args}
	default:
		return nil, p.fail("unexpected %q", c)
	}
	// Property and index access.
	for {
		p.space()
		if p.i >= len(p.s) {
			return e, nil
		}
		switch p.s[p.i] {
		case '.':
			p.i++
			j := p.i
			for j < len(p.s) && isIdent(p.s[j]) {
				j++
			}
			if j == p.i {
				return nil, p.fail("empty property name")
			}
			e = &member{of: e, name: p.s[p.i:j]}
			p.i = j
		case '[':
			p.i++
			idx, err := p.expr()
			if err != nil {
				return nil, err
			}
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != ']' {
				return nil, p.fail("unclosed index")
			}
			p.i++
			e = &member{of: e, index: idx}
		default:
			return e, nil
		}
	}
}

func (p *parser) str() (string, *parseError) {
	var b strings.Builder
	p.i++ // opening quote
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '\'' {
			if p.i+1 < len(p.s) && p.s[p.i+1] == '\'' {
				b.WriteByte('\'')
				p.i += 2
				continue
			}
			p.i++
			return b.String(), nil
		}
		b.WriteByte(c)
		p.i++
	}
	return "", p.fail("unterminated string")
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdent(c byte) bool      { return isIdentStart(c) || c >= '0' && c <= '9' }
