package terraform

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/enclave-dev/enclave/internal/model"
)

// Ctx is what a converter gets for the one model resource it converts:
// ways to write blocks for it and to spell references, variables and
// identities.
type Ctx struct {
	st   *state
	r    model.Resource
	addr model.Address
	file string
}

// Graph returns the graph being rendered.
func (x *Ctx) Graph() *model.Graph { return x.st.g }

// Address returns the address of the resource being converted.
func (x *Ctx) Address() model.Address { return x.addr }

// Resource writes a resource block of tfType that stands for the model
// address a (the resource being converted, or a pseudo-child it declares
// inline, such as a subnet of a VNet): references to a resolve to it. The
// label comes from a, or from hint when given, unique per tfType.
func (x *Ctx) Resource(tfType string, a model.Address, hint ...string) *Body {
	if _, dup := x.st.stands[a]; dup {
		panic(fmt.Sprintf("terraform: two blocks stand for %s", a))
	}
	b := x.block(tfType, x.label(tfType, a, hint, ""))
	x.st.stands[a] = b
	m := x.st.mapping(x.addr)
	if a == x.addr {
		m.Stands = b.Address()
		x.st.primary[a] = b
	}
	return b
}

// Helper writes a resource block that stands for no model address (an
// association, a separate rule): label from a plus suffix.
func (x *Ctx) Helper(tfType string, a model.Address, suffix string) *Body {
	return x.block(tfType, x.label(tfType, a, nil, suffix))
}

func (x *Ctx) block(tfType, label string) *Body {
	blk := &Block{Type: "resource", Labels: []string{tfType, label}}
	b := newBody(blk)
	x.st.files[x.file] = append(x.st.files[x.file], blk)
	m := x.st.mapping(x.addr)
	m.Blocks = append(m.Blocks, blk.Address())
	return b
}

// Top writes the block standing for the resource being converted, with
// name, resource_group_name, location (when the resource has one) and
// tags set the way every azurerm resource spells them.
func (x *Ctx) Top(tfType string) *Body {
	b := x.Resource(tfType, x.addr)
	m := x.r.Base()
	b.Set("name", String(leaf(m.Name)))
	if m.Group != "" {
		b.Set("resource_group_name", x.GroupName())
	}
	if l := x.Location(); l != nil {
		b.Set("location", l)
	}
	x.tags(b)
	return b
}

func (x *Ctx) tags(b *Body) {
	if t := x.r.Base().Tags; len(t) > 0 {
		b.SetLast("tags", StringMap(t))
	}
}

// AzAPI writes an azapi_resource standing for the resource being
// converted, for kinds azurerm has no resource for; reason says why (it is
// kept in the Index and the parity test reads it). armType is
// "Microsoft.X/y@api-version". name, parent_id (the resource group, or the
// parent resource for a child), location and tags are set; the converter
// sets body.
func (x *Ctx) AzAPI(armType, reason string) *Body {
	b := x.Resource("azapi_resource", x.addr)
	x.st.azapi = true
	mp := x.st.mapping(x.addr)
	mp.AzAPI, mp.Reason = true, reason
	m := x.r.Base()
	b.Set("type", String(armType))
	b.Set("name", String(leaf(m.Name)))
	switch p := x.addr.Parent(); {
	case !m.Scope.IsZero():
		b.Set("parent_id", x.ID(m.Scope))
	case !p.IsZero():
		b.Set("parent_id", x.ID(p.Ref()))
	case m.Group != "":
		b.Set("parent_id", x.ID(model.Address{Type: model.TypeResourceGroup, Name: m.Group}.Ref()))
	default:
		b.Set("parent_id", x.SubscriptionScope())
	}
	if l := x.Location(); l != nil {
		b.Set("location", l)
	}
	x.tags(b)
	return b
}

// Fold records that the resource being converted is written as a nested
// block of the block standing for into (a DNS zone group inside its private
// endpoint); reason is one line for the parity report. References to the
// resource resolve to into's block. The converter of into writes the
// nested block, reading the folded resource from the graph.
func (x *Ctx) Fold(into model.Ref, reason string) {
	m := x.st.mapping(x.addr)
	m.FoldedInto, m.Reason = into.Address, reason
	x.st.pendingFolds = append(x.st.pendingFolds, fold{x.addr, into.Address})
}

type fold struct{ from, into model.Address }

// Ref is the attribute path of the block standing for the model resource
// at ref: x.Ref(subnet, "id") is azurerm_subnet.spoke_training.id. Numeric
// path segments are indexes ("identity.0.principal_id").
func (x *Ctx) Ref(ref model.Ref, path string) Expr { return refExpr{ref.Address, path} }

// ID is x.Ref(ref, "id").
func (x *Ctx) ID(ref model.Ref) Expr { return x.Ref(ref, "id") }

// Name is x.Ref(ref, "name").
func (x *Ctx) Name(ref model.Ref) Expr { return x.Ref(ref, "name") }

// IDs is a list of x.ID of each ref.
func (x *Ctx) IDs(refs []model.Ref) Expr {
	es := make([]Expr, len(refs))
	for i, r := range refs {
		es[i] = x.ID(r)
	}
	return List(es...)
}

// Group returns the reference to the resource group of the resource being
// converted.
func (x *Ctx) Group() model.Ref {
	return model.Address{Type: model.TypeResourceGroup, Name: x.r.Base().Group}.Ref()
}

// GroupName is the name attribute of the resource's group.
func (x *Ctx) GroupName() Expr { return x.Name(x.Group()) }

// Location is the resource's location: the location of its group when it
// is the same, var.location when it is the environment's, "global"
// literally, nil when the resource has none.
func (x *Ctx) Location() Expr {
	m := x.r.Base()
	switch {
	case m.Location == "":
		return nil
	case m.Location == "global":
		return String("global")
	}
	if m.Group != "" {
		if rg, ok := x.st.g.Get(x.Group().Address); ok && rg.Base().Location == m.Location {
			return x.Ref(x.Group(), "location")
		}
	}
	if m.Location == x.st.g.Location {
		return Var(LocationVar)
	}
	return String(m.Location)
}

// Built-in variables every configuration declares.
const (
	LocationVar       = "location"
	SubscriptionIDVar = "subscription_id"
)

// SubscriptionScope is "/subscriptions/${var.subscription_id}".
func (x *Ctx) SubscriptionScope() Expr {
	return Interp(String("/subscriptions/"), Var(SubscriptionIDVar))
}

// Param is the variable standing for the model deployment parameter name
// (vpnSharedKey is var.vpn_shared_key); variables.tf declares it with the
// parameter's description, sensitive when the parameter is secure.
func (x *Ctx) Param(name string) Expr { return Var(VarName(name)) }

// Secret is the sensitive variable holding s; Key Vault secrets are read
// by the services that use them, never resolved into configuration.
func (x *Ctx) Secret(s model.Secret) (Expr, error) {
	if s.Parameter == "" {
		return nil, fmt.Errorf("secret %q is not a deployment parameter", s.Name)
	}
	return x.Param(s.Parameter), nil
}

// PrincipalID is the principal ID of the system-assigned identity of the
// resource at ref.
func (x *Ctx) PrincipalID(ref model.Ref) Expr { return x.Ref(ref, "identity.0.principal_id") }

// UserPrincipalID is the principal ID of a user-assigned identity.
func (x *Ctx) UserPrincipalID(ref model.Ref) Expr { return x.Ref(ref, "principal_id") }

// Identity appends an identity block for id to b; nothing when id is zero.
func (x *Ctx) Identity(b *Body, id model.Identity) {
	if id.IsZero() {
		return
	}
	ib := b.Block("identity")
	switch {
	case id.SystemAssigned && len(id.UserAssigned) > 0:
		ib.Set("type", String("SystemAssigned, UserAssigned"))
	case id.SystemAssigned:
		ib.Set("type", String("SystemAssigned"))
	default:
		ib.Set("type", String("UserAssigned"))
	}
	if len(id.UserAssigned) > 0 {
		ib.Set("identity_ids", x.IDs(id.UserAssigned))
	}
}

// Output declares a root module output. Outputs never hold secrets:
// rendering fails when value uses a sensitive variable.
func (x *Ctx) Output(name, description string, value Expr) {
	blk := &Block{Type: "output", Labels: []string{name}}
	b := newBody(blk)
	b.Set("description", String(description))
	b.Set("value", value)
	x.st.outputs = append(x.st.outputs, blk)
}

// OutputEntry adds key = value to the object output name, which collects
// one entry per resource (the private IP of every private endpoint); the
// keys are sorted when written. Every entry of one output must give the
// same description.
func (x *Ctx) OutputEntry(name, description, key string, value Expr) {
	e, ok := x.st.entries[name]
	if !ok {
		e = &outputEntries{description: description, fields: map[string]Expr{}}
		x.st.entries[name] = e
	}
	if e.description != description {
		panic(fmt.Sprintf("terraform: output %q described two ways", name))
	}
	if _, dup := e.fields[key]; dup {
		panic(fmt.Sprintf("terraform: output %q has key %q twice", name, key))
	}
	e.fields[key] = value
}

type outputEntries struct {
	description string
	fields      map[string]Expr
}

// label derives a block label from a model address: the names with the
// "<abbr>-<env>-" prefix removed, sanitized, plus suffix. When that label
// is taken for tfType, the full names are tried, then numbers.
func (x *Ctx) label(tfType string, a model.Address, hint []string, suffix string) string {
	var candidates []string
	if len(hint) > 0 {
		parts := make([]string, 0, len(hint))
		for _, h := range hint {
			if h != "" {
				parts = append(parts, sanitize(h))
			}
		}
		candidates = []string{strings.Join(parts, "_")}
	} else {
		candidates = []string{x.st.addressLabel(a, true), x.st.addressLabel(a, false)}
	}
	if suffix != "" {
		for i := range candidates {
			candidates[i] += "_" + sanitize(suffix)
		}
	}
	used := x.st.labels[tfType]
	if used == nil {
		used = map[string]bool{}
		x.st.labels[tfType] = used
	}
	l := ""
	for _, c := range candidates {
		if !used[c] {
			l = c
			break
		}
	}
	for i := 2; l == ""; i++ {
		if c := fmt.Sprintf("%s_%d", candidates[0], i); !used[c] {
			l = c
		}
	}
	used[l] = true
	return l
}

// addressLabel joins the sanitized names of a (and of its scope, for an
// extension resource), shortened when short is set.
func (st *state) addressLabel(a model.Address, short bool) string {
	var parts []string
	if a.Scope != "" {
		if s, ok := st.scopes[a.Scope]; ok {
			parts = append(parts, st.addressLabel(s, short))
		}
	}
	for _, n := range a.Names() {
		if short {
			n = st.shorten(n)
		}
		parts = append(parts, sanitize(n))
	}
	return strings.Join(parts, "_")
}

var guid = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// shorten drops the "<abbr>-<env>-" prefix of a name segment
// ("vnet-kodata-hub" is "hub") and GUIDs to their first group.
func (st *state) shorten(n string) string {
	if guid.MatchString(n) {
		return "id_" + n[:8]
	}
	env := st.g.Name
	if env == "" {
		return n
	}
	if i := strings.Index(n, "-"+env+"-"); i >= 0 && i+len(env)+2 < len(n) {
		return n[i+len(env)+2:]
	}
	if s, ok := strings.CutSuffix(n, "-"+env); ok && s != "" {
		return s
	}
	return n
}

// sanitize makes s a Terraform identifier: lower case, [a-z0-9_], not
// starting with a digit.
func sanitize(s string) string {
	var b strings.Builder
	last := '_'
	for _, r := range strings.ToLower(s) {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			r = '_'
		}
		if r == '_' && last == '_' {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	out := strings.TrimRight(b.String(), "_")
	if out == "" || unicode.IsDigit(rune(out[0])) {
		out = "r_" + out
	}
	return out
}

// VarName is the Terraform variable name of a model parameter:
// "vpnSharedKey" is "vpn_shared_key".
func VarName(param string) string {
	var b strings.Builder
	for i, r := range param {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return sanitize(b.String())
}

func leaf(name string) string {
	i := strings.LastIndexByte(name, '/')
	return name[i+1:]
}
