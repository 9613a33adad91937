package terraform

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/enclave-dev/enclave/internal/model"
)

// Provider versions the configuration requires.
const (
	AzurermSource  = "hashicorp/azurerm"
	AzurermVersion = "~> 4.0"
	AzapiSource    = "Azure/azapi"
	AzapiVersion   = "~> 2.0"
)

// write resolves folds and explicit dependencies and encodes every file.
func (st *state) write() (Output, error) {
	for _, f := range st.pendingFolds {
		b, ok := st.stands[f.into]
		if !ok {
			return Output{}, fmt.Errorf("%s is folded into %s, which no Terraform block stands for", f.from, f.into)
		}
		if _, dup := st.stands[f.from]; dup {
			return Output{}, fmt.Errorf("%s is folded into %s but also has its own block", f.from, f.into)
		}
		st.stands[f.from] = b
		st.mapping(f.from).Stands = b.Address()
	}
	if err := st.dependsOn(); err != nil {
		return Output{}, err
	}

	r := &resolver{addrOf: st.resolve, vars: map[string]bool{}}
	var out Output
	names := make([]string, 0, len(st.files))
	for n := range st.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := encodeFile(st.files[n], r)
		if err != nil {
			return Output{}, fmt.Errorf("%s: %w", n, err)
		}
		out.Files = append(out.Files, File{Name: n, Data: data})
	}

	vars, sensitive, err := st.variables(r.vars)
	if err != nil {
		return Output{}, err
	}
	outputs, err := st.encodeOutputs(sensitive)
	if err != nil {
		return Output{}, err
	}
	versions, err := encodeFile(st.versions(), r)
	if err != nil {
		return Output{}, err
	}
	vdata, err := encodeFile(vars, &resolver{addrOf: st.resolve})
	if err != nil {
		return Output{}, err
	}
	out.Files = append(out.Files, File{Name: "outputs.tf", Data: outputs}, File{Name: "variables.tf", Data: vdata}, File{Name: "versions.tf", Data: versions})
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Name < out.Files[j].Name })

	addrs := make([]model.Address, 0, len(st.index))
	for a := range st.index {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return addrs[i].Less(addrs[j]) })
	for _, a := range addrs {
		out.Index = append(out.Index, *st.index[a])
	}
	return out, nil
}

// dependsOn adds depends_on to the block of every model resource whose
// explicit Meta.DependsOn names something no reference in its blocks
// already orders it after.
func (st *state) dependsOn() error {
	addrs := make([]model.Address, 0, len(st.primary))
	for a := range st.primary {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return addrs[i].Less(addrs[j]) })
	for _, a := range addrs {
		r, _ := st.g.Get(a)
		deps := r.Base().DependsOn
		if len(deps) == 0 {
			continue
		}
		b := st.primary[a]
		res := &resolver{addrOf: st.resolve, refs: map[string]bool{}}
		if _, err := encodeBody(hclwrite.NewEmptyFile().Body(), b, res); err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		var list []Expr
		seen := map[string]bool{}
		for _, d := range deps {
			db, ok := st.resolve(d.Address)
			if !ok {
				return fmt.Errorf("%s depends on %s, which no Terraform block stands for", a, d)
			}
			ta := db.Address()
			if ta == b.Address() || res.refs[ta] || seen[ta] {
				continue
			}
			seen[ta] = true
			list = append(list, db.Attr(""))
		}
		if len(list) > 0 {
			b.SetLast("depends_on", List(list...))
		}
	}
	return nil
}

func encodeFile(blocks []*Block, r *resolver) ([]byte, error) {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for i, blk := range blocks {
		if i > 0 {
			body.AppendNewline()
		}
		hb := body.AppendNewBlock(blk.Type, blk.Labels)
		if _, err := encodeBody(hb.Body(), blk.Body, r); err != nil {
			return nil, fmt.Errorf("%s: %w", blk.Address(), err)
		}
	}
	return hclwrite.Format(f.Bytes()), nil
}

func encodeBody(hb *hclwrite.Body, b *Body, r *resolver) (*hclwrite.Body, error) {
	for _, it := range append(append([]item{}, b.items...), b.tail...) {
		if it.block != nil {
			nb := hb.AppendNewBlock(it.block.Type, it.block.Labels)
			if _, err := encodeBody(nb.Body(), it.block.Body, r); err != nil {
				return nil, fmt.Errorf("%s: %w", it.block.Type, err)
			}
			continue
		}
		t, err := it.expr.tokens(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.name, err)
		}
		hb.SetAttributeRaw(it.name, t)
	}
	return hb, nil
}

// variables declares every variable the configuration uses: the built-in
// location and subscription ID, and one per model parameter used, secure
// parameters as sensitive variables without a default.
func (st *state) variables(used map[string]bool) ([]*Block, map[string]bool, error) {
	params := map[string]model.Parameter{}
	for _, p := range st.g.Parameters() {
		params[VarName(p.Name)] = p
	}
	names := []string{}
	for n := range used {
		if n != LocationVar && n != SubscriptionIDVar {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	sub := &Block{Type: "variable", Labels: []string{SubscriptionIDVar}}
	newBody(sub).Set("description", String("ID of the subscription the environment is deployed to")).Set("type", typeString)
	loc := &Block{Type: "variable", Labels: []string{LocationVar}}
	newBody(loc).Set("description", String("Azure region of the environment")).Set("type", typeString).Set("default", String(st.g.Location))
	out := []*Block{loc, sub}
	sensitive := map[string]bool{}
	for _, n := range names {
		p, ok := params[n]
		if !ok {
			return nil, nil, fmt.Errorf("variable %q is used but no model parameter declares it", n)
		}
		blk := &Block{Type: "variable", Labels: []string{n}}
		b := newBody(blk)
		if p.Description != "" {
			b.Set("description", String(p.Description))
		}
		b.Set("type", typeString)
		switch {
		case p.Secure:
			b.Set("sensitive", Bool(true))
			sensitive[n] = true
		case p.Default != "" && p.Default[0] == '[':
			// An ARM expression default (utcNow) has no Terraform
			// equivalent; the variable must be given, and says so.
			b.Set("description", String(p.Description+" (the ARM deployment computes "+p.Default+"; here a value is required)"))
		case p.Default != "":
			b.Set("default", String(p.Default))
		}
		out = append(out, blk)
	}
	return out, sensitive, nil
}

// typeString is the type constraint `string`.
var typeString = rawIdent("string")

type rawIdent string

func (e rawIdent) tokens(*resolver) (hclwrite.Tokens, error) {
	return hclwrite.TokensForIdentifier(string(e)), nil
}

func (st *state) encodeOutputs(sensitive map[string]bool) ([]byte, error) {
	for name, e := range st.entries {
		keys := make([]string, 0, len(e.fields))
		for k := range e.fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fs := make([]Field, len(keys))
		for i, k := range keys {
			fs[i] = Field{k, e.fields[k]}
		}
		blk := &Block{Type: "output", Labels: []string{name}}
		newBody(blk).Set("description", String(e.description)).Set("value", Object(fs...))
		st.outputs = append(st.outputs, blk)
	}
	sort.SliceStable(st.outputs, func(i, j int) bool { return st.outputs[i].Labels[0] < st.outputs[j].Labels[0] })
	for i := 1; i < len(st.outputs); i++ {
		if st.outputs[i].Labels[0] == st.outputs[i-1].Labels[0] {
			return nil, fmt.Errorf("output %q declared twice", st.outputs[i].Labels[0])
		}
	}
	r := &resolver{addrOf: st.resolve, vars: map[string]bool{}}
	data, err := encodeFile(st.outputs, r)
	if err != nil {
		return nil, err
	}
	for v := range r.vars {
		if sensitive[v] {
			return nil, fmt.Errorf("an output uses the sensitive variable %q", v)
		}
	}
	return data, nil
}

// versions is the terraform block with the providers and the azurerm
// provider configuration. Shared keys are off on every storage account, so
// the provider reaches storage data planes with Entra ID:
// https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#storage_use_azuread
func (st *state) versions() []*Block {
	tf := &Block{Type: "terraform"}
	tb := newBody(tf)
	tb.Set("required_version", String(">= 1.5.0"))
	rp := tb.Block("required_providers")
	rp.Set("azurerm", Object(Field{"source", String(AzurermSource)}, Field{"version", String(AzurermVersion)}))
	if st.azapi {
		rp.Set("azapi", Object(Field{"source", String(AzapiSource)}, Field{"version", String(AzapiVersion)}))
	}
	p := &Block{Type: "provider", Labels: []string{"azurerm"}}
	pb := newBody(p)
	pb.Block("features")
	pb.Set("subscription_id", Var(SubscriptionIDVar))
	pb.Set("storage_use_azuread", Bool(true))
	blocks := []*Block{tf, p}
	if st.azapi {
		az := &Block{Type: "provider", Labels: []string{"azapi"}}
		newBody(az).Set("subscription_id", Var(SubscriptionIDVar))
		blocks = append(blocks, az)
	}
	return blocks
}
