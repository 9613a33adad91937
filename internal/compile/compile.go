// Package compile turns a spec.Document into a model.Graph. It is the only
// place where intent becomes resources: address planning, naming, defaults
// and one builder per capability, each in its own file. Builders share the
// helpers in this package (private endpoints, diagnostic settings, role
// assignments) so that no builder spells those resources itself.
package compile

import (
	"errors"
	"fmt"
	"maps"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Resource group concerns.
const (
	RGNetwork = "network"
	RGData    = "data"
	RGML      = "ml"
	RGApps    = "apps"
	RGOps     = "ops"
)

// Result is what Compile produces besides the graph: facts about the plan
// the summary and the docs report.
type Result struct {
	Graph *model.Graph
	Plan  *AddressPlan
}

// Compile builds the environment described by d. User mistakes that only
// show up while building (names too long for Azure, an address space too
// small) come back as diagnostics; a program fault comes back as the error.
// The result is nil whenever there is an error or an error diagnostic.
func Compile(d *spec.Document) (*Result, diag.Diagnostics, error) {
	c := run(d)
	if c.err != nil {
		return nil, c.diags, c.err
	}
	if c.diags.HasErrors() {
		return nil, c.diags, nil
	}
	return &Result{Graph: c.g, Plan: c.plan}, c.diags, nil
}

// run plans addresses and runs every builder over d, stopping at the first
// program fault (left in c.err).
func run(d *spec.Document) *ctx {
	c := newCtx(d)
	plan, err := planAddresses(d)
	if err != nil {
		hint := "widen network.addressSpace or switch off services you do not need"
		var se *spaceError
		if errors.As(err, &se) {
			hint = fmt.Sprintf("use a /%d or larger address space, or switch off services you do not need", se.need)
		}
		c.diags.Errorf(d.Pos("network.addressSpace"), hint, "%s", err)
		return c
	}
	c.plan = plan
	for _, v := range []string{Hub, Spoke} {
		c.vnets[v] = model.Address{Group: c.rg(RGNetwork), Type: model.TypeVirtualNetwork, Name: c.names.Name("vnet", v)}.Ref()
	}
	for _, b := range builders() {
		c.capability = b.name
		b.build(c)
		if c.err != nil {
			break
		}
	}
	return c
}

// builder is one capability.
type builder struct {
	name  string
	build func(c *ctx)
}

// builders run in this order; a builder may refer to what earlier ones made
// (through ctx fields) and, by address, to what later ones make.
func builders() []builder {
	return []builder{
		{"organisation", buildOrganisation},
		{"monitoring", buildMonitoring},
		{"network", buildNetwork},
		{"egress", buildEgress},
		{"onprem", buildOnPrem},
		{"dns", buildDNS},
		{"containers", buildContainers},
		{"data", buildData},
		{"ml", buildML},
		{"workstations", buildWorkstations},
		{"apps", buildApps},
		{"identity", buildIdentity},
		{"governance", buildGovernance},
		{"alerts", buildAlerts},
		{"locks", buildLocks},
		{"exemptions", buildExemptions},
	}
}

// ctx is the state builders share.
type ctx struct {
	doc        *spec.Document
	g          *model.Graph
	plan       *AddressPlan
	names      Namer
	diags      diag.Diagnostics
	err        error
	capability string
	tags       map[string]string

	// Set by builders for later ones.
	law          model.Ref            // Log Analytics workspace
	actionGroup  model.Ref            // alert action group
	vnets        map[string]model.Ref // Hub, Spoke
	zones        map[string]model.Ref // private DNS zones by zone name
	firewall     model.Ref            // Azure Firewall
	firewallIP   string               // its private address, next hop of UDRs
	gateway      model.Ref            // VPN or ExpressRoute gateway
	acr          model.Ref            // container registry
	aks          model.Ref            // scoring cluster
	adls         model.Ref            // data lake storage account
	dataVault    model.Ref            // Key Vault for data secrets and keys
	mlWorkspace  model.Ref            // Azure ML workspace
	cmkIdentity  model.Ref            // user-assigned identity reading CMK keys
	workstations []model.Ref          // member VMs
	shir         model.Ref            // Data Factory self-hosted integration runtime
}

func newCtx(d *spec.Document) *ctx {
	g := model.NewGraph(d.Name, d.Location)
	tags := map[string]string{"environment": d.Name, "managed-by": "enclave"}
	maps.Copy(tags, d.Tags)
	return &ctx{
		doc:   d,
		g:     g,
		names: Namer{env: d.Name, location: d.Location},
		tags:  tags,
		vnets: map[string]model.Ref{},
		zones: map[string]model.Ref{},
	}
}

// rg returns the name of the resource group for a concern.
func (c *ctx) rg(concern string) string { return c.names.Name("rg", concern) }

// rgRef returns a reference to the resource group of a concern.
func (c *ctx) rgRef(concern string) model.Ref {
	return model.RefTo(model.Address{Type: model.TypeResourceGroup, Name: c.rg(concern)})
}

// add puts r in the graph with the defaults every resource gets: the
// environment's location (for top-level, non-extension resources without
// one), its tags, the current capability and, when r has no origin, the
// spec position of that capability. It returns r's reference.
func (c *ctx) add(r model.Resource) model.Ref {
	m := r.Base()
	a := model.AddressOf(r)
	if m.Location == "" && a.Type.Parent() == "" && m.Scope.IsZero() {
		m.Location = c.doc.Location
	}
	if m.Tags == nil && m.Scope.IsZero() && a.Type.Parent() == "" {
		m.Tags = maps.Clone(c.tags)
	}
	if m.Capability == "" {
		m.Capability = c.capability
	}
	if m.Origin.IsZero() {
		m.Origin = c.doc.Pos(originPath(c.capability))
	}
	if err := checkName(a.Type, a.Leaf()); err != nil {
		c.diags.Errorf(c.doc.Pos("name"), "choose a shorter environment name or member name", "%s", err)
	}
	if err := c.g.Add(r); err != nil && c.err == nil {
		c.err = err
	}
	return model.RefOf(r)
}

// fail records a program fault; the first one wins.
func (c *ctx) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf(format, args...)
	}
}

// param declares a deployment parameter.
func (c *ctx) param(p model.Parameter) {
	if err := c.g.AddParameter(p); err != nil {
		c.fail("%v", err)
	}
}

// secret turns a spec secret reference into a model secret, declaring the
// secure parameter it needs.
func (c *ctx) secret(ref *spec.SecretRef, defaultParam, description string) model.Secret {
	switch {
	case ref != nil && ref.KeyVaultSecret != "":
		return model.Secret{Vault: c.dataVault, Name: ref.KeyVaultSecret}
	case ref != nil && ref.Parameter != "":
		c.param(model.Parameter{Name: ref.Parameter, Secure: true, Description: description})
		return model.Secret{Parameter: ref.Parameter}
	default:
		c.param(model.Parameter{Name: defaultParam, Secure: true, Description: description})
		return model.Secret{Parameter: defaultParam}
	}
}

// subnet returns a reference to a planned subnet.
func (c *ctx) subnet(name string) model.Ref {
	s, ok := c.plan.Subnet(name)
	if !ok {
		c.fail("subnet %s is not in the address plan", name)
		return model.Ref{}
	}
	return c.vnets[s.VNet].Child("subnets", name).Ref()
}

// hasSubnet reports whether the plan has a subnet.
func (c *ctx) hasSubnet(name string) bool {
	_, ok := c.plan.Subnet(name)
	return ok
}

// originPath is the spec path each capability comes from.
func originPath(capability string) string {
	switch capability {
	case "network", "egress", "dns":
		return "network"
	case "onprem":
		return "network.onPremises"
	case "workstations", "identity":
		return "team"
	case "ml":
		return "services.machineLearning"
	case "containers":
		return "services.kubernetes"
	case "apps":
		return "services.appService"
	case "data":
		return "services"
	case "governance":
		return "governance"
	case "monitoring", "alerts":
		return "monitoring"
	}
	return "name"
}
