package arm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
	schemakind "github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// stubVNet stands in for the network builder's virtual networks so that
// graphs from compile render without dangling subnet references.
type stubVNet struct {
	model.Meta
	Space   netip.Prefix
	Subnets []compile.PlannedSubnet
}

func (*stubVNet) Type() model.Type { return model.TypeVirtualNetwork }

type stubVNetProps struct {
	AddressSpace struct {
		AddressPrefixes []string `json:"addressPrefixes"`
	} `json:"addressSpace"`
	Subnets []stubSubnet `json:"subnets"`
}

type stubSubnet struct {
	Name       string `json:"name"`
	Properties struct {
		AddressPrefix string `json:"addressPrefix"`
	} `json:"properties"`
}

// stubRenderer is a Renderer that also knows stubVNet.
func stubRenderer() *Renderer {
	rd := New()
	typ, conv := kind("2025-07-01", func(x *Ctx, r *stubVNet) (Body, error) {
		var p stubVNetProps
		p.AddressSpace.AddressPrefixes = []string{r.Space.String()}
		for _, s := range r.Subnets {
			var w stubSubnet
			w.Name = s.Name
			w.Properties.AddressPrefix = s.Prefix.String()
			p.Subnets = append(p.Subnets, w)
		}
		return Body{Properties: p}, nil
	})
	if _, ok := rd.kinds[typ]; !ok {
		rd.kinds[typ] = conv
	}
	return rd
}

// renderVariant compiles the built-in example changed by edit, adds stub
// VNets when the graph has none, and renders it.
func renderVariant(t *testing.T, edit func(d *spec.Document)) map[string]any {
	t.Helper()
	d := spec.Example()
	if edit != nil {
		edit(d)
	}
	res, ds := compile.Compile(d)
	if ds.HasErrors() {
		t.Fatalf("Compile: %v", ds)
	}
	g := res.Graph
	for _, v := range []struct {
		role  string
		space netip.Prefix
	}{{compile.Hub, res.Plan.Hub}, {compile.Spoke, res.Plan.Spoke}} {
		name := "vnet-" + d.Name + "-" + v.role
		a := model.Address{Group: "rg-" + d.Name + "-network", Type: model.TypeVirtualNetwork, Name: name}
		if _, ok := g.Get(a); ok {
			continue
		}
		vn := &stubVNet{Meta: model.Meta{Name: name, Group: a.Group, Location: d.Location}, Space: v.space}
		for _, s := range res.Plan.Subnets {
			if s.VNet == v.role {
				vn.Subnets = append(vn.Subnets, s)
			}
		}
		if err := g.Add(vn); err != nil {
			t.Fatal(err)
		}
	}
	out, err := stubRenderer().Render(g)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var tpl map[string]any
	if err := json.Unmarshal(out.Template, &tpl); err != nil {
		t.Fatal(err)
	}
	return tpl
}

// flatResources returns the resources of a template and of its nested
// deployments.
func flatResources(tpl map[string]any) []map[string]any {
	var out []map[string]any
	rs, _ := tpl["resources"].([]any)
	for _, r := range rs {
		m := r.(map[string]any)
		if m["type"] == "Microsoft.Resources/deployments" {
			inner := m["properties"].(map[string]any)["template"].(map[string]any)
			out = append(out, flatResources(inner)...)
			continue
		}
		out = append(out, m)
	}
	return out
}

// schemaDir is where the ARM resource schemas are, next to the module.
const schemaDir = "../../../../shared/data/arm-schemas/schemas"

// armSchemas validates resources against the official ARM schemas.
type armSchemas struct {
	c     *jsonschema.Compiler
	cache map[string]*jsonschema.Schema
}

type regexp2Engine struct{ r *regexp2.Regexp }

func (e regexp2Engine) MatchString(s string) bool { ok, _ := e.r.MatchString(s); return ok }
func (e regexp2Engine) String() string            { return e.r.String() }

type schemaLoader struct{}

func (schemaLoader) Load(url string) (any, error) {
	rel := strings.TrimPrefix(url, "https://schema.management.azure.com/schemas/")
	f, err := os.Open(filepath.Join(schemaDir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

func newARMSchemas(t *testing.T) *armSchemas {
	t.Helper()
	if _, err := os.Stat(schemaDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("ARM schemas not found at %s (the shared data directory is not next to the module)", schemaDir)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.UseLoader(jsonschema.SchemeURLLoader{"https": schemaLoader{}})
	c.UseRegexpEngine(func(s string) (jsonschema.Regexp, error) {
		r, err := regexp2.Compile(s, regexp2.ECMAScript)
		return regexp2Engine{r}, err
	})
	return &armSchemas{c: c, cache: map[string]*jsonschema.Schema{}}
}

// definition finds the schema URL of a resource type at an API version.
func definition(typ, version string) (string, bool) {
	ns, rest, _ := strings.Cut(typ, "/")
	def := strings.ReplaceAll(rest, "/", "_")
	files, _ := filepath.Glob(filepath.Join(schemaDir, version, ns+"*.json"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var doc map[string]map[string]json.RawMessage
		_ = json.Unmarshal(b, &doc)
		for _, section := range []string{"resourceDefinitions", "extension_resourceDefinitions", "subscription_resourceDefinitions", "unknown_resourceDefinitions"} {
			for k := range doc[section] {
				if strings.EqualFold(k, def) {
					return "https://schema.management.azure.com/schemas/" + version + "/" + filepath.Base(f) + "#/" + section + "/" + k, true
				}
			}
		}
	}
	return "", false
}

// validate checks one rendered resource against its type's definition.
//
// Three things ARM does differently from a plain JSON Schema check are
// accounted for: template-level keys (dependsOn, scope) are not part of the
// definitions; a child declared at the top level has the name
// "parent/child" while some definitions pattern only the leaf (both are
// tried); and a string
// expression "[...]" matches both branches of the definitions' common
// oneOf(string, expression), which JSON Schema reports as a failure, so
// such values are replaced by a plain string and checked again.
func (s *armSchemas) validate(r map[string]any) error {
	typ, _ := r["type"].(string)
	version, _ := r["apiVersion"].(string)
	url, ok := definition(typ, version)
	if !ok {
		return errors.New("no schema for " + typ + "@" + version)
	}
	inst := map[string]any{}
	for k, v := range r {
		switch k {
		case "dependsOn", "scope", "resourceGroup", "condition", "comments":
		default:
			inst[k] = v
		}
	}
	err := s.checkResource(url, typ, inst)
	if name, _ := inst["name"].(string); err != nil && strings.Count(typ, "/") > 1 && !strings.HasPrefix(name, "[") {
		inst["name"] = name[strings.LastIndexByte(name, '/')+1:]
		if s.checkResource(url, typ, inst) == nil {
			return nil
		}
	}
	return err
}

func (s *armSchemas) checkResource(url, typ string, inst map[string]any) error {
	if typ == "Microsoft.MachineLearningServices/workspaces/computes" {
		return s.validateCompute(url, inst)
	}
	return s.check(url, inst)
}

// check validates v against the schema at url, retrying with ambiguous
// expressions replaced.
func (s *armSchemas) check(url string, v any) error {
	sch, ok := s.cache[url]
	if !ok {
		var err error
		if sch, err = s.c.Compile(url); err != nil {
			return err
		}
		s.cache[url] = sch
	}
	b, _ := json.Marshal(v)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	for {
		err := sch.Validate(inst)
		var ve *jsonschema.ValidationError
		if err == nil || !errors.As(err, &ve) {
			return err
		}
		locs := ambiguousExpressions(ve, inst)
		if len(locs) == 0 {
			return err
		}
		for _, loc := range locs {
			setAt(inst, loc, "arm-expression")
		}
	}
}

// ambiguousExpressions finds the instance locations where an expression
// string matched more than one branch of a oneOf.
func ambiguousExpressions(ve *jsonschema.ValidationError, inst any) [][]string {
	var out [][]string
	if k, ok := ve.ErrorKind.(*schemakind.OneOf); ok && len(k.Subschemas) > 1 {
		if s, ok := valueAt(inst, ve.InstanceLocation).(string); ok && strings.HasPrefix(s, "[") {
			out = append(out, ve.InstanceLocation)
		}
	}
	for _, c := range ve.Causes {
		out = append(out, ambiguousExpressions(c, inst)...)
	}
	return out
}

func valueAt(v any, loc []string) any {
	for _, seg := range loc {
		switch t := v.(type) {
		case map[string]any:
			v = t[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(t) {
				return nil
			}
			v = t[i]
		default:
			return nil
		}
	}
	return v
}

func setAt(v any, loc []string, val any) {
	parent := valueAt(v, loc[:len(loc)-1])
	last := loc[len(loc)-1]
	switch t := parent.(type) {
	case map[string]any:
		t[last] = val
	case []any:
		if i, err := strconv.Atoi(last); err == nil {
			t[i] = val
		}
	}
}

// computeProperties maps a compute type to the definition of its inner
// properties.
var computeProperties = map[string]string{
	"AmlCompute":      "AmlComputeProperties",
	"ComputeInstance": "ComputeInstanceProperties",
	"Kubernetes":      "KubernetesProperties",
}

// validateCompute works around a defect of the Machine Learning schemas:
// the Compute definition is an allOf whose first member forbids additional
// properties and does not list "properties", so no compute with inner
// properties can pass. The inner properties are checked against their own
// definition and the rest against the resource definition.
func (s *armSchemas) validateCompute(url string, inst map[string]any) error {
	props, _ := inst["properties"].(map[string]any)
	inner, hasInner := props["properties"]
	if !hasInner {
		return s.check(url, inst)
	}
	outer := map[string]any{}
	for k, v := range inst {
		outer[k] = v
	}
	trimmed := map[string]any{}
	for k, v := range props {
		if k != "properties" {
			trimmed[k] = v
		}
	}
	outer["properties"] = trimmed
	if err := s.check(url, outer); err != nil {
		return err
	}
	def, ok := computeProperties[fmt.Sprint(props["computeType"])]
	if !ok {
		return fmt.Errorf("no properties definition for compute type %v", props["computeType"])
	}
	base, _, _ := strings.Cut(url, "#")
	return s.check(base+"#/definitions/"+def, inner)
}

// mlappsTypes are the kinds this test covers: storage, Key Vault,
// containers, machine learning and web.
var mlappsTypes = []string{"Microsoft.Storage/", "Microsoft.KeyVault/", "Microsoft.ContainerRegistry/", "Microsoft.ContainerService/", "Microsoft.MachineLearningServices/", "Microsoft.Web/", "Microsoft.Insights/components"}

// noSchema lists types the schema store has no definition for.
var noSchema = map[string]bool{"Microsoft.KubernetesConfiguration/extensions": true}

func covered(typ string) bool {
	for _, p := range mlappsTypes {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

func TestMLAppsResourcesMatchSchemas(t *testing.T) {
	s := newARMSchemas(t)
	for name, edit := range variants() {
		t.Run(name, func(t *testing.T) {
			n := 0
			for _, r := range flatResources(renderVariant(t, edit)) {
				typ, _ := r["type"].(string)
				if !covered(typ) || noSchema[typ] {
					continue
				}
				n++
				if err := s.validate(r); err != nil {
					t.Errorf("%s %s: %v", typ, r["name"], err)
				}
			}
			if n == 0 {
				t.Errorf("no resources of the covered types rendered")
			}
		})
	}
}

// variants are the spec variations the ML and apps builders must handle.
func variants() map[string]func(*spec.Document) {
	off := false
	return map[string]func(*spec.Document){
		"example": nil,
		"no-cmk":  func(d *spec.Document) { d.Governance.CustomerManagedKeys = false },
		"no-ml":   func(d *spec.Document) { d.Services.MachineLearning.Enabled = &off },
		"no-aks":  func(d *spec.Document) { d.Services.Kubernetes.Enabled = &off },
		"no-app":  func(d *spec.Document) { d.Services.AppService.Enabled = &off },
		"compute-instances": func(d *spec.Document) {
			d.Team.Workstations.Kind = spec.WorkstationComputeInstance
		},
		"apps-only": func(d *spec.Document) {
			d.Services.MachineLearning.Enabled = &off
			d.Services.Kubernetes.Enabled = &off
		},
	}
}
