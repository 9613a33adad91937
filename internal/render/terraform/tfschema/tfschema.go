// Package tfschema checks Terraform configuration against a provider
// schema in the format of `terraform providers schema -json`: resource
// types, attribute and nested block names at every level, required
// attributes, computed-only attributes, block nesting modes and item
// counts, and the kinds of literal values. It is test support for
// render/terraform; nothing in the program imports it.
package tfschema

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Schema holds the resource schemas of one or more providers.
type Schema struct {
	Resources map[string]*Block
}

// Block is a block's schema.
type Block struct {
	Attributes map[string]*Attribute `json:"attributes"`
	BlockTypes map[string]*Nested    `json:"block_types"`
}

// Attribute is one attribute's schema.
type Attribute struct {
	Type     cty.Type        `json:"-"`
	RawType  json.RawMessage `json:"type"`
	Required bool            `json:"required"`
	Optional bool            `json:"optional"`
	Computed bool            `json:"computed"`
}

// Nested is a nested block type: its nesting mode ("single", "group",
// "list", "set", "map") and item bounds (0 means none).
type Nested struct {
	NestingMode string `json:"nesting_mode"`
	Block       *Block `json:"block"`
	MinItems    int    `json:"min_items"`
	MaxItems    int    `json:"max_items"`
}

type file struct {
	ProviderSchemas map[string]struct {
		ResourceSchemas map[string]struct {
			Block *Block `json:"block"`
		} `json:"resource_schemas"`
	} `json:"provider_schemas"`
}

// Load reads a `terraform providers schema -json` file.
func Load(path string) (*Schema, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse reads the JSON of `terraform providers schema -json`.
func Parse(data []byte) (*Schema, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	s := &Schema{Resources: map[string]*Block{}}
	for _, p := range f.ProviderSchemas {
		for name, r := range p.ResourceSchemas {
			if err := r.Block.decodeTypes(); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			s.Resources[name] = r.Block
		}
	}
	return s, nil
}

func (b *Block) decodeTypes() error {
	for n, a := range b.Attributes {
		if err := a.Type.UnmarshalJSON(a.RawType); err != nil {
			return fmt.Errorf("attribute %s: %w", n, err)
		}
		a.RawType = nil
	}
	for _, nb := range b.BlockTypes {
		if err := nb.Block.decodeTypes(); err != nil {
			return err
		}
	}
	return nil
}

// Violation is one way a resource block breaks the schema.
type Violation struct {
	File string
	// Block is the resource address, "azurerm_subnet.hub_gateway".
	Block string
	// Path is where inside the block, "ip_configuration[0].subnet_id".
	Path string
	// Kind names the rule broken.
	Kind Kind
	// Detail says how.
	Detail string
}

func (v Violation) String() string {
	p := v.Block
	if v.Path != "" {
		p += "." + v.Path
	}
	return fmt.Sprintf("%s: %s: %s: %s", v.File, p, v.Kind, v.Detail)
}

// Kind is the rule a violation breaks.
type Kind string

const (
	UnknownType      Kind = "unknown resource type"
	UnknownAttribute Kind = "unknown attribute"
	UnknownBlock     Kind = "unknown block"
	MissingRequired  Kind = "missing required attribute"
	ComputedOnly     Kind = "computed-only attribute set"
	Nesting          Kind = "nesting"
	ValueKind        Kind = "value kind"
	AzAPIShape       Kind = "azapi resource shape"
)

// metaArguments are Terraform's own resource arguments.
var metaArguments = map[string]bool{"depends_on": true, "count": true, "for_each": true, "provider": true}

// CheckFile parses src and checks every resource block in it. Blocks other
// than resources are not checked. A file that does not parse is an error.
func (s *Schema) CheckFile(name string, src []byte) ([]Violation, error) {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	return s.CheckParsed(name, f.Body.(*hclsyntax.Body)), nil
}

// CheckParsed checks every resource block of a parsed file.
func (s *Schema) CheckParsed(name string, body *hclsyntax.Body) []Violation {
	var out []Violation
	for _, blk := range body.Blocks {
		if blk.Type != "resource" || len(blk.Labels) != 2 {
			continue
		}
		c := &checker{file: name, block: blk.Labels[0] + "." + blk.Labels[1]}
		if blk.Labels[0] == "azapi_resource" {
			c.azapi(blk.Body)
		} else if rs, ok := s.Resources[blk.Labels[0]]; !ok {
			c.add("", UnknownType, fmt.Sprintf("%s is not a resource of the provider", blk.Labels[0]))
		} else {
			c.body("", blk.Body, rs, true)
		}
		out = append(out, c.out...)
	}
	return out
}

type checker struct {
	file, block string
	out         []Violation
}

func (c *checker) add(path string, k Kind, detail string) {
	c.out = append(c.out, Violation{File: c.file, Block: c.block, Path: path, Kind: k, Detail: detail})
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (c *checker) body(path string, b *hclsyntax.Body, s *Block, top bool) {
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		attr := b.Attributes[n]
		if top && metaArguments[n] {
			continue
		}
		as, ok := s.Attributes[n]
		if !ok {
			if _, isBlock := s.BlockTypes[n]; isBlock {
				c.add(join(path, n), UnknownAttribute, "is a block in the schema, written as an attribute")
			} else {
				c.add(join(path, n), UnknownAttribute, "not in the schema")
			}
			continue
		}
		if as.Computed && !as.Optional && !as.Required {
			c.add(join(path, n), ComputedOnly, "the provider sets it; configuration may not")
			continue
		}
		if v, ok := literal(attr.Expr); ok {
			if msg := kindMismatch(v, as.Type); msg != "" {
				c.add(join(path, n), ValueKind, msg)
			}
		}
	}
	req := []string{}
	for n, as := range s.Attributes {
		if as.Required {
			if _, ok := b.Attributes[n]; !ok {
				req = append(req, n)
			}
		}
	}
	sort.Strings(req)
	for _, n := range req {
		c.add(join(path, n), MissingRequired, "required by the schema")
	}

	counts := map[string]int{}
	for _, nb := range b.Blocks {
		if top && nb.Type == "lifecycle" {
			continue
		}
		ns, ok := s.BlockTypes[nb.Type]
		p := fmt.Sprintf("%s[%d]", join(path, nb.Type), counts[nb.Type])
		counts[nb.Type]++
		if !ok {
			if _, isAttr := s.Attributes[nb.Type]; isAttr {
				c.add(p, UnknownBlock, "is an attribute in the schema, written as a block")
			} else {
				c.add(p, UnknownBlock, "not in the schema")
			}
			continue
		}
		if len(nb.Labels) > 0 && ns.NestingMode != "map" {
			c.add(p, Nesting, fmt.Sprintf("%s blocks take no labels", ns.NestingMode))
		}
		c.body(p, nb.Body, ns.Block, false)
	}
	bnames := make([]string, 0, len(s.BlockTypes))
	for n := range s.BlockTypes {
		bnames = append(bnames, n)
	}
	sort.Strings(bnames)
	for _, n := range bnames {
		ns, k := s.BlockTypes[n], counts[n]
		switch ns.NestingMode {
		case "single", "group":
			if k > 1 {
				c.add(join(path, n), Nesting, fmt.Sprintf("%s block written %d times", ns.NestingMode, k))
			}
			if k == 0 && ns.MinItems > 0 {
				c.add(join(path, n), Nesting, "required block missing")
			}
		default:
			if k < ns.MinItems {
				c.add(join(path, n), Nesting, fmt.Sprintf("%d blocks; at least %d required", k, ns.MinItems))
			}
			if ns.MaxItems > 0 && k > ns.MaxItems {
				c.add(join(path, n), Nesting, fmt.Sprintf("%d blocks; at most %d allowed", k, ns.MaxItems))
			}
		}
	}
}

var azapiType = regexp.MustCompile(`^Microsoft\.[A-Za-z]+(/[A-Za-z]+)+@\d{4}-\d{2}-\d{2}(-preview)?$`)

// azapi checks what can be checked of an azapi_resource without the
// resource provider's schema: a well-formed type, a name, a parent and an
// object body.
func (c *checker) azapi(b *hclsyntax.Body) {
	t, ok := b.Attributes["type"]
	if !ok {
		c.add("type", AzAPIShape, "type is required")
	} else if v, lit := literal(t.Expr); !lit || v.Type() != cty.String || !azapiType.MatchString(v.AsString()) {
		c.add("type", AzAPIShape, `type must be a literal "Microsoft.Namespace/types@yyyy-mm-dd"`)
	}
	for _, n := range []string{"name", "parent_id"} {
		if _, ok := b.Attributes[n]; !ok {
			c.add(n, AzAPIShape, n+" is required")
		}
	}
	if body, ok := b.Attributes["body"]; ok {
		if _, obj := body.Expr.(*hclsyntax.ObjectConsExpr); !obj {
			c.add("body", AzAPIShape, "body must be an object")
		}
	}
}

// literal evaluates expr when it refers to no variable and calls no
// function.
func literal(expr hclsyntax.Expression) (cty.Value, bool) {
	if len(expr.Variables()) > 0 || callsFunction(expr) {
		return cty.NilVal, false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

func callsFunction(expr hclsyntax.Expression) bool {
	found := false
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if _, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			found = true
		}
		return nil
	})
	return found
}

// kindMismatch says how v's kind differs from want, or "".
func kindMismatch(v cty.Value, want cty.Type) string {
	if v.IsNull() || want == cty.DynamicPseudoType {
		return ""
	}
	got := v.Type()
	switch {
	case want.IsPrimitiveType():
		if got != want {
			return fmt.Sprintf("%s value for a %s attribute", friendly(got), friendly(want))
		}
	case want.IsListType() || want.IsSetType():
		if !(got.IsTupleType() || got.IsListType() || got.IsSetType()) {
			return fmt.Sprintf("%s value for a %s attribute", friendly(got), friendly(want))
		}
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			if msg := kindMismatch(e, want.ElementType()); msg != "" {
				return fmt.Sprintf("element %d: %s", i, msg)
			}
		}
	case want.IsMapType():
		if !(got.IsObjectType() || got.IsMapType()) {
			return fmt.Sprintf("%s value for a %s attribute", friendly(got), friendly(want))
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if msg := kindMismatch(e, want.ElementType()); msg != "" {
				return fmt.Sprintf("key %s: %s", k.AsString(), msg)
			}
		}
	case want.IsObjectType():
		if !got.IsObjectType() {
			return fmt.Sprintf("%s value for an object attribute", friendly(got))
		}
		for k := range got.AttributeTypes() {
			if !want.HasAttribute(k) {
				return fmt.Sprintf("object attribute %q not in the schema", k)
			}
			if msg := kindMismatch(v.GetAttr(k), want.AttributeType(k)); msg != "" {
				return fmt.Sprintf("%s: %s", k, msg)
			}
		}
	}
	return ""
}

func friendly(t cty.Type) string {
	switch {
	case t.IsTupleType():
		return "tuple"
	case t.IsObjectType():
		return "object"
	}
	return strings.ReplaceAll(t.FriendlyName(), " of ", "(") + strings.Repeat(")", strings.Count(t.FriendlyName(), " of "))
}
