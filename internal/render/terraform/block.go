package terraform

// Block is one HCL block: a resource, variable, output, provider or
// terraform block, or a block nested in one.
type Block struct {
	// Type is "resource", "variable", "output", ... for top-level blocks
	// and the block name ("ip_configuration") for nested ones.
	Type   string
	Labels []string
	Body   *Body
}

// Address is TYPE.LABEL for a resource block ("azurerm_subnet.spoke_training"),
// TYPE.LABELS joined by "." otherwise.
func (b *Block) Address() string {
	s := b.Type
	if b.Type == "resource" {
		s = ""
	}
	for _, l := range b.Labels {
		if s != "" {
			s += "."
		}
		s += l
	}
	return s
}

// Body is the ordered content of a block: attributes and nested blocks in
// the order converters set them, then the trailing attributes (tags) the
// machinery adds.
type Body struct {
	block *Block // the top-level block this body belongs to; nil when nested
	items []item
	tail  []item
}

type item struct {
	name  string
	expr  Expr
	block *Block
}

func newBody(b *Block) *Body { b.Body = &Body{block: b}; return b.Body }

// Set sets attribute name to e, replacing an earlier value; a nil e removes it.
func (b *Body) Set(name string, e Expr) *Body {
	for i, it := range b.items {
		if it.block == nil && it.name == name {
			if e == nil {
				b.items = append(b.items[:i], b.items[i+1:]...)
			} else {
				b.items[i].expr = e
			}
			return b
		}
	}
	if e != nil {
		b.items = append(b.items, item{name: name, expr: e})
	}
	return b
}

// SetLast sets an attribute written after everything else (tags).
func (b *Body) SetLast(name string, e Expr) *Body {
	b.tail = append(b.tail, item{name: name, expr: e})
	return b
}

// Block appends a nested block and returns its body.
func (b *Body) Block(name string) *Body {
	nb := &Block{Type: name}
	nb.Body = &Body{}
	b.items = append(b.items, item{block: nb})
	return nb.Body
}

// Attr is a reference to an attribute of this (top-level) block:
// b.Attr("id"), b.Attr("identity.0.principal_id").
func (b *Body) Attr(path string) Expr { return blockRef{b, path} }

// Address is the Terraform address of this top-level block.
func (b *Body) Address() string { return b.block.Address() }

// Has reports whether attribute name is set.
func (b *Body) Has(name string) bool {
	for _, it := range append(b.items, b.tail...) {
		if it.block == nil && it.name == name {
			return true
		}
	}
	return false
}
