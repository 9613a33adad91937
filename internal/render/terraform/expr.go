package terraform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/enclave-dev/enclave/internal/model"
)

// Expr is a Terraform expression as converters build it: a literal, a
// reference to another model resource's attribute (resolved to a Terraform
// address only when the files are written), a variable, a list, an object,
// a string template or a function call.
type Expr interface {
	tokens(r *resolver) (hclwrite.Tokens, error)
}

// resolver turns model references into Terraform traversals while writing.
type resolver struct {
	// addrOf maps a model address to the block that stands for it.
	addrOf func(model.Address) (*Body, bool)
	// refs collects the Terraform addresses a block refers to.
	refs map[string]bool
	// vars collects the variables used.
	vars map[string]bool
}

// Lit is a literal cty value.
func Lit(v cty.Value) Expr { return litExpr{v} }

// String, Number and Bool are literal scalars.
func String(s string) Expr { return litExpr{cty.StringVal(s)} }
func Number(n int64) Expr  { return litExpr{cty.NumberIntVal(n)} }
func Bool(b bool) Expr     { return litExpr{cty.BoolVal(b)} }

// Strings is a literal list of strings; an empty slice is the empty list.
func Strings(ss []string) Expr {
	if len(ss) == 0 {
		return litExpr{cty.ListValEmpty(cty.String)}
	}
	vs := make([]cty.Value, len(ss))
	for i, s := range ss {
		vs[i] = cty.StringVal(s)
	}
	return litExpr{cty.ListVal(vs)}
}

// StringMap is a literal map of strings, keys sorted.
func StringMap(m map[string]string) Expr {
	if len(m) == 0 {
		return litExpr{cty.MapValEmpty(cty.String)}
	}
	vs := make(map[string]cty.Value, len(m))
	for k, v := range m {
		vs[k] = cty.StringVal(v)
	}
	return litExpr{cty.MapVal(vs)}
}

type litExpr struct{ v cty.Value }

func (e litExpr) tokens(*resolver) (hclwrite.Tokens, error) {
	return hclwrite.TokensForValue(e.v), nil
}

// Var is var.NAME.
func Var(name string) Expr { return varExpr(name) }

type varExpr string

func (e varExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	if r.vars != nil {
		r.vars[string(e)] = true
	}
	return hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: string(e)}}), nil
}

// List is a tuple of expressions: [a, b].
func List(es ...Expr) Expr { return listExpr(es) }

type listExpr []Expr

func (e listExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	elems := make([]hclwrite.Tokens, len(e))
	for i, x := range e {
		t, err := x.tokens(r)
		if err != nil {
			return nil, err
		}
		elems[i] = t
	}
	return hclwrite.TokensForTuple(elems), nil
}

// Field is one key of an Object.
type Field struct {
	Key   string
	Value Expr
}

// Object is an object constructor { key = value }, keys in the order given.
func Object(fs ...Field) Expr { return objectExpr(fs) }

type objectExpr []Field

func (e objectExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	attrs := make([]hclwrite.ObjectAttrTokens, len(e))
	for i, f := range e {
		v, err := f.Value.tokens(r)
		if err != nil {
			return nil, err
		}
		var key hclwrite.Tokens
		if hclsyntax.ValidIdentifier(f.Key) {
			key = hclwrite.TokensForIdentifier(f.Key)
		} else {
			key = hclwrite.TokensForValue(cty.StringVal(f.Key))
		}
		attrs[i] = hclwrite.ObjectAttrTokens{Name: key, Value: v}
	}
	return hclwrite.TokensForObject(attrs), nil
}

// Call is a function call fn(args...).
func Call(fn string, args ...Expr) Expr { return callExpr{fn, args} }

type callExpr struct {
	fn   string
	args []Expr
}

func (e callExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	args := make([]hclwrite.Tokens, len(e.args))
	for i, a := range e.args {
		t, err := a.tokens(r)
		if err != nil {
			return nil, err
		}
		args[i] = t
	}
	return hclwrite.TokensForFunctionCall(e.fn, args...), nil
}

// Interp is a string template: literal String parts are text, every other
// part is interpolated as ${...}. Interp(String("/subscriptions/"),
// Var("subscription_id")) is "/subscriptions/${var.subscription_id}".
func Interp(parts ...Expr) Expr { return interpExpr(parts) }

type interpExpr []Expr

func (e interpExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	toks := hclwrite.Tokens{{Type: hclsyntax.TokenOQuote, Bytes: []byte(`"`)}}
	for _, p := range e {
		if l, ok := p.(litExpr); ok && l.v.Type() == cty.String {
			s := strings.TrimSuffix(strings.TrimPrefix(string(hclwrite.TokensForValue(l.v).Bytes()), `"`), `"`)
			toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenQuotedLit, Bytes: []byte(s)})
			continue
		}
		t, err := p.tokens(r)
		if err != nil {
			return nil, err
		}
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateInterp, Bytes: []byte("${")})
		toks = append(toks, t...)
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateSeqEnd, Bytes: []byte("}")})
	}
	toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenCQuote, Bytes: []byte(`"`)})
	return toks, nil
}

// refExpr is an attribute of the Terraform block standing for a model
// resource; the address is looked up only when writing.
type refExpr struct {
	to   model.Address
	path string
}

func (e refExpr) tokens(r *resolver) (hclwrite.Tokens, error) {
	b, ok := r.addrOf(e.to)
	if !ok {
		return nil, fmt.Errorf("reference to %s, which no Terraform block stands for", e.to)
	}
	return b.traversal(r, e.path), nil
}

// blockRef is an attribute of a block the converter holds.
type blockRef struct {
	b    *Body
	path string
}

func (e blockRef) tokens(r *resolver) (hclwrite.Tokens, error) { return e.b.traversal(r, e.path), nil }

// traversal spells TYPE.LABEL.path; numeric path segments are indexes:
// "identity.0.principal_id" is identity[0].principal_id.
func (b *Body) traversal(r *resolver, path string) hclwrite.Tokens {
	if b.block == nil {
		panic("terraform: reference to a nested block")
	}
	tr := hcl.Traversal{hcl.TraverseRoot{Name: b.block.Labels[0]}, hcl.TraverseAttr{Name: b.block.Labels[1]}}
	if b.block.Type == "data" {
		tr = hcl.Traversal{hcl.TraverseRoot{Name: "data"}, hcl.TraverseAttr{Name: b.block.Labels[0]}, hcl.TraverseAttr{Name: b.block.Labels[1]}}
	}
	if r.refs != nil {
		r.refs[b.block.Address()] = true
	}
	for _, seg := range strings.Split(path, ".") {
		if seg == "" {
			continue
		}
		if n, err := strconv.Atoi(seg); err == nil {
			tr = append(tr, hcl.TraverseIndex{Key: cty.NumberIntVal(int64(n))})
		} else {
			tr = append(tr, hcl.TraverseAttr{Name: seg})
		}
	}
	return hclwrite.TokensForTraversal(tr)
}

// Heredoc is a string written as a heredoc, <<TAG ... TAG, for long
// documents such as a policy rule's JSON. Template sequences in text are
// escaped, so the value is text exactly; text must not hold a line that
// is TAG alone.
func Heredoc(tag, text string) Expr { return heredocExpr{tag, text} }

type heredocExpr struct{ tag, text string }

func (e heredocExpr) tokens(*resolver) (hclwrite.Tokens, error) {
	body := strings.NewReplacer("${", "$${", "%{", "%%{").Replace(e.text)
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == e.tag {
			return nil, fmt.Errorf("heredoc text holds its own terminator %s", e.tag)
		}
	}
	return hclwrite.Tokens{
		{Type: hclsyntax.TokenOHeredoc, Bytes: []byte("<<" + e.tag + "\n")},
		{Type: hclsyntax.TokenStringLit, Bytes: []byte(body)},
		{Type: hclsyntax.TokenCHeredoc, Bytes: []byte(e.tag)},
	}, nil
}
