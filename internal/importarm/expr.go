package importarm

import (
	"fmt"
	"strconv"
	"strings"
)

// The ARM expression grammar (inside "[ ... ]"):
//
//	expr    = primary { "." ident | "[" expr "]" }
//	primary = call | string | number
//	call    = ident [ "." ident ] "(" [ expr { "," expr } ] ")"
//	string  = "'" { char | "''" } "'"
//	number  = [ "-" ] digit { digit }
//
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions

// expr is a parsed expression; off and end are byte offsets of its text.
type expr interface{ span() (off, end int) }

type (
	strLit struct {
		s        string
		off, end int
	}
	intLit struct {
		n        int64
		off, end int
	}
	callExpr struct {
		name     string // as written; user functions are "namespace.name"
		args     []expr
		off, end int
	}
	memberExpr struct {
		x        expr
		name     string
		off, end int
	}
	indexExpr struct {
		x        expr
		index    expr
		off, end int
	}
)

func (e *strLit) span() (int, int)     { return e.off, e.end }
func (e *intLit) span() (int, int)     { return e.off, e.end }
func (e *callExpr) span() (int, int)   { return e.off, e.end }
func (e *memberExpr) span() (int, int) { return e.off, e.end }
func (e *indexExpr) span() (int, int)  { return e.off, e.end }

// exprError is a problem at a byte offset of an expression's text.
type exprError struct {
	off  int
	msg  string
	hint string
}

func (e *exprError) Error() string { return fmt.Sprintf("offset %d: %s", e.off, e.msg) }

// isExpression reports whether a JSON string is an ARM expression: it starts
// with '[' and ends with ']', and does not start with "[[" (an escaped literal).
func isExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && s[1] != '['
}

// unescapeLiteral turns "[[x]" into "[x]"; other strings are unchanged.
func unescapeLiteral(s string) string {
	if strings.HasPrefix(s, "[[") && strings.HasSuffix(s, "]") {
		return s[1:]
	}
	return s
}

// maxExprDepth bounds nesting of calls and accessors.
const maxExprDepth = 128

// parseExpr parses a whole expression string, brackets included. Offsets
// in the result and in errors count from the opening '['.
func parseExpr(src string) (expr, error) {
	p := &exprParser{src: src, pos: 1}
	end := len(src) - 1
	p.limit = end
	p.skip()
	if p.pos >= end {
		return nil, &exprError{off: 0, msg: "empty expression", hint: "write a function call inside the brackets, or start the string with '[[' for a literal '['"}
	}
	e := p.expr(0)
	if p.err != nil {
		return nil, p.err
	}
	p.skip()
	if p.pos < end {
		return nil, &exprError{off: p.pos, msg: fmt.Sprintf("unexpected %q after the expression", p.src[p.pos:p.pos+1]), hint: "an expression is one function call with optional .property and [index] accessors"}
	}
	return e, nil
}

type exprParser struct {
	src   string
	pos   int
	limit int
	err   *exprError
}

func (p *exprParser) fail(off int, hint, format string, args ...any) {
	if p.err == nil {
		p.err = &exprError{off: off, msg: fmt.Sprintf(format, args...), hint: hint}
	}
}

func (p *exprParser) skip() {
	for p.pos < p.limit && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r') {
		p.pos++
	}
}

func (p *exprParser) peek() byte {
	if p.pos < p.limit {
		return p.src[p.pos]
	}
	return 0
}

func isIdentStart(c byte) bool { return c == '_' || c == '$' || (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isIdentChar(c byte) bool  { return isIdentStart(c) || (c >= '0' && c <= '9') }

func (p *exprParser) ident() string {
	start := p.pos
	if !isIdentStart(p.peek()) {
		return ""
	}
	for p.pos < p.limit && isIdentChar(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *exprParser) expr(depth int) expr {
	if depth > maxExprDepth {
		p.fail(p.pos, "split the expression into variables", "expression nested deeper than %d levels", maxExprDepth)
		return nil
	}
	x := p.primary(depth)
	for p.err == nil {
		p.skip()
		switch p.peek() {
		case '.':
			p.pos++
			p.skip()
			start := p.pos
			name := p.ident()
			if name == "" {
				p.fail(start, "after '.' write a property name, or use ['name'] for names with other characters", "want a property name after '.'")
				return nil
			}
			off, _ := x.span()
			x = &memberExpr{x: x, name: name, off: off, end: p.pos}
		case '[':
			p.pos++
			p.skip()
			idx := p.expr(depth + 1)
			if p.err != nil {
				return nil
			}
			p.skip()
			if p.peek() != ']' {
				p.fail(p.pos, "close the index with ']'", "want ']' after the index")
				return nil
			}
			p.pos++
			off, _ := x.span()
			x = &indexExpr{x: x, index: idx, off: off, end: p.pos}
		default:
			return x
		}
	}
	return nil
}

func (p *exprParser) primary(depth int) expr {
	p.skip()
	start := p.pos
	switch c := p.peek(); {
	case c == '\'':
		p.pos++
		var b strings.Builder
		for {
			if p.pos >= p.limit {
				p.fail(start, "close the string with ' and write '' for a quote inside it", "unterminated string literal")
				return nil
			}
			if p.src[p.pos] == '\'' {
				if p.pos+1 < p.limit && p.src[p.pos+1] == '\'' {
					b.WriteByte('\'')
					p.pos += 2
					continue
				}
				p.pos++
				return &strLit{s: b.String(), off: start, end: p.pos}
			}
			b.WriteByte(p.src[p.pos])
			p.pos++
		}
	case c == '-' || (c >= '0' && c <= '9'):
		p.pos++
		for p.pos < p.limit && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
		}
		if p.pos < p.limit && p.src[p.pos] == '.' {
			p.fail(p.pos, "ARM expressions have integers only; use json('1.5') for a decimal", "decimal numbers are not allowed in expressions")
			return nil
		}
		n, err := strconv.ParseInt(p.src[start:p.pos], 10, 64)
		if err != nil {
			p.fail(start, "use an integer between -9223372036854775808 and 9223372036854775807", "invalid integer %q", p.src[start:p.pos])
			return nil
		}
		return &intLit{n: n, off: start, end: p.pos}
	case isIdentStart(c):
		name := p.ident()
		p.skip()
		if p.peek() == '.' {
			// namespace.function( for user-defined functions
			save := p.pos
			p.pos++
			p.skip()
			if member := p.ident(); member != "" {
				p.skip()
				if p.peek() == '(' {
					name += "." + member
				} else {
					p.pos = save
				}
			} else {
				p.pos = save
			}
		}
		p.skip()
		if p.peek() != '(' {
			p.fail(start, "call it with parentheses, e.g. "+name+"(), or quote a string literal with single quotes", "%q is not a function call", name)
			return nil
		}
		p.pos++
		call := &callExpr{name: name, off: start}
		p.skip()
		if p.peek() == ')' {
			p.pos++
			call.end = p.pos
			return call
		}
		for p.err == nil {
			a := p.expr(depth + 1)
			if p.err != nil {
				return nil
			}
			call.args = append(call.args, a)
			p.skip()
			switch p.peek() {
			case ',':
				p.pos++
			case ')':
				p.pos++
				call.end = p.pos
				return call
			default:
				if p.pos >= p.limit {
					p.fail(p.pos, "close the call to "+name+" with ')'", "unterminated call to %s", name)
				} else {
					p.fail(p.pos, "separate arguments with ','", "unexpected %q in the arguments of %s", p.src[p.pos:p.pos+1], name)
				}
			}
		}
		return nil
	case c == 0:
		p.fail(p.pos, "", "unexpected end of expression")
	default:
		p.fail(p.pos, "an expression starts with a function call, a 'string' or an integer", "unexpected %q", string(c))
	}
	return nil
}
