package importarm

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenResource is how a golden file spells a Resource.
type goldenResource struct {
	ID             string        `json:"id"`
	Type           string        `json:"type"`
	APIVersion     string        `json:"apiVersion,omitempty"`
	Name           string        `json:"name"`
	SubscriptionID string        `json:"subscriptionId"`
	ResourceGroup  string        `json:"resourceGroup,omitempty"`
	Scope          string        `json:"scope,omitempty"`
	Parent         string        `json:"parent,omitempty"`
	Location       *Value        `json:"location,omitempty"`
	Tags           *Value        `json:"tags,omitempty"`
	SKU            *Value        `json:"sku,omitempty"`
	Kind           *Value        `json:"kind,omitempty"`
	Identity       *Value        `json:"identity,omitempty"`
	Zones          *Value        `json:"zones,omitempty"`
	Plan           *Value        `json:"plan,omitempty"`
	Properties     *Value        `json:"properties,omitempty"`
	Other          *Value        `json:"other,omitempty"`
	DependsOn      []string      `json:"dependsOn,omitempty"`
	Deployment     string        `json:"deployment,omitempty"`
	Copy           *CopyInstance `json:"copy,omitempty"`
	Path           string        `json:"path"`
	Pos            string        `json:"pos"`
	Unknowns       []string      `json:"unknowns,omitempty"`
}

func nonNull(v Value) *Value {
	if v.Kind() == Null {
		return nil
	}
	return &v
}

func golden(res *Result, diags []string) []byte {
	type out struct {
		Source      Source           `json:"source"`
		Level       Level            `json:"level,omitempty"`
		Resources   []goldenResource `json:"resources"`
		Outputs     []Output         `json:"outputs,omitempty"`
		Diagnostics []string         `json:"diagnostics,omitempty"`
	}
	o := out{Source: res.Source, Level: res.Level, Outputs: res.Outputs, Diagnostics: diags, Resources: []goldenResource{}}
	for _, r := range res.Resources {
		g := goldenResource{
			ID: r.ID, Type: r.Type, APIVersion: r.APIVersion, Name: r.Name, SubscriptionID: r.SubscriptionID,
			ResourceGroup: r.ResourceGroup, Scope: r.Scope, Parent: r.Parent,
			Location: nonNull(r.Location), Tags: nonNull(r.Tags), SKU: nonNull(r.SKU), Kind: nonNull(r.Kind),
			Identity: nonNull(r.Identity), Zones: nonNull(r.Zones), Plan: nonNull(r.Plan), Properties: nonNull(r.Properties), Other: nonNull(r.Other),
			DependsOn: r.DependsOn, Deployment: r.Deployment, Copy: r.Copy, Path: r.Path, Pos: r.Pos.String(),
		}
		for _, u := range r.Unknowns() {
			g.Unknowns = append(g.Unknowns, string(u.Cause)+": "+u.Expr+" at "+u.Pos.String())
		}
		o.Resources = append(o.Resources, g)
	}
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// TestCorpus evaluates every template in testdata/templates (with
// NAME.parameters.json when present) and compares the evaluated resources,
// outputs and warnings with NAME.golden.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/templates/*.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".parameters.json") {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var params []byte
			pf := strings.TrimSuffix(f, ".json") + ".parameters.json"
			if p, err := os.ReadFile(pf); err == nil {
				params = p
			}
			res, ds := Evaluate(filepath.Base(f), src, params, Options{ParametersFile: filepath.Base(pf)})
			if ds.HasErrors() {
				t.Fatalf("Evaluate(%s) diagnostics:\n%s", f, ds.Error())
			}
			var diags []string
			for _, d := range ds {
				diags = append(diags, d.String())
			}
			got := golden(res, diags)
			if bytes.Contains(got, []byte("hunter2")) {
				t.Errorf("Evaluate(%s) output holds a secure parameter's value", f)
			}
			gf := strings.TrimSuffix(f, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Evaluate(%s) mismatch (-want +got):\n%s", f, diff)
			}
		})
	}
	if n < 25 {
		t.Errorf("corpus has %d templates; want at least 25", n)
	}
}
