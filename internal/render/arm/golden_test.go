package arm_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compares the rendered built-in example with the files in
// testdata/golden; run with -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	out := renderExample(t)
	for _, f := range []struct {
		name string
		got  []byte
	}{
		{"azuredeploy.json", out.Template},
		{"azuredeploy.parameters.json", out.Parameters},
	} {
		path := filepath.Join("testdata", "golden", f.name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/render/arm -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(f.got)); diff != "" {
			t.Errorf("Render(example) %s differs from %s (-want +got; rerun with -update if intended):\n%s", f.name, path, diff)
		}
	}
}

// TestDeterministic renders the example several times, each from a fresh
// compile, and requires byte-identical output; several runs make a leak of
// map iteration order near certain to show.
func TestDeterministic(t *testing.T) {
	first := renderExample(t)
	for range 4 {
		again := renderExample(t)
		if !bytes.Equal(first.Template, again.Template) {
			t.Fatalf("Render(example) template differs between runs:\n%s", cmp.Diff(string(first.Template), string(again.Template)))
		}
		if !bytes.Equal(first.Parameters, again.Parameters) {
			t.Fatalf("Render(example) parameters differ between runs:\n%s", cmp.Diff(string(first.Parameters), string(again.Parameters)))
		}
	}
}

// wireParam is a parameter declaration as the template spells it.
type wireParam struct {
	Type         string          `json:"type"`
	DefaultValue json.RawMessage `json:"defaultValue"`
}

// wireTemplate is the part of a template the parameter checks read.
type wireTemplate struct {
	Parameters map[string]wireParam `json:"parameters"`
	Resources  []struct {
		Type       string `json:"type"`
		Name       string `json:"name"`
		Properties struct {
			Parameters map[string]struct {
				Value json.RawMessage `json:"value"`
			} `json:"parameters"`
			Template *wireTemplate `json:"template"`
		} `json:"properties"`
	} `json:"resources"`
}

// TestSecureParameters checks, for the example and for a graph with a
// secure parameter, that every secure parameter is declared securestring
// without a default in every template that declares it, is handed to nested
// deployments only as a parameter expression, and never has a value in the
// parameters file.
func TestSecureParameters(t *testing.T) {
	g := model.NewGraph("sec", "australiaeast")
	for _, p := range []model.Parameter{
		{Name: "vpnSharedKey", Description: "VPN shared key", Secure: true},
		{Name: "adminLogin", Description: "SQL admin login", Default: "sqladmin"},
	} {
		if err := g.AddParameter(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Add(&model.ResourceGroup{Meta: model.Meta{Name: "rg-sec-network", Location: "australiaeast"}}); err != nil {
		t.Fatal(err)
	}
	synthetic, err := arm.Render(g)
	if err != nil {
		t.Fatalf("Render(synthetic) error: %v", err)
	}
	for _, c := range []struct {
		name  string
		graph *model.Graph
		out   arm.Output
	}{
		{"example", compileExample(t), renderExample(t)},
		{"synthetic", g, synthetic},
	} {
		t.Run(c.name, func(t *testing.T) {
			secure := map[string]bool{}
			for _, p := range c.graph.Parameters() {
				secure[p.Name] = p.Secure
			}
			var top wireTemplate
			if err := json.Unmarshal(c.out.Template, &top); err != nil {
				t.Fatal(err)
			}
			checkParamDecls(t, "template", &top, secure)
			var pf struct {
				Parameters map[string]json.RawMessage `json:"parameters"`
			}
			if err := json.Unmarshal(c.out.Parameters, &pf); err != nil {
				t.Fatal(err)
			}
			for name := range pf.Parameters {
				if secure[name] {
					t.Errorf("parameters file has a value for secure parameter %q", name)
				}
				if _, ok := top.Parameters[name]; !ok {
					t.Errorf("parameters file sets %q, which the template does not declare", name)
				}
			}
		})
	}
}

// checkParamDecls checks the declarations of tpl and, recursively, of its
// nested deployments.
func checkParamDecls(t *testing.T, where string, tpl *wireTemplate, secure map[string]bool) {
	t.Helper()
	for name, p := range tpl.Parameters {
		switch {
		case secure[name] && p.Type != "securestring":
			t.Errorf("%s: secure parameter %q has type %q; want securestring", where, name, p.Type)
		case secure[name] && p.DefaultValue != nil:
			t.Errorf("%s: secure parameter %q has a defaultValue", where, name)
		case !secure[name] && p.Type == "securestring":
			t.Errorf("%s: parameter %q is securestring but not secure in the model", where, name)
		}
	}
	for _, r := range tpl.Resources {
		if r.Properties.Template == nil {
			continue
		}
		at := where + " > " + r.Name
		for name, v := range r.Properties.Parameters {
			var s string
			if err := json.Unmarshal(v.Value, &s); err != nil || s != "[parameters('"+name+"')]" {
				t.Errorf("%s: parameter %q is passed as %s; want [parameters('%s')]", at, name, v.Value, name)
			}
			if _, ok := r.Properties.Template.Parameters[name]; !ok {
				t.Errorf("%s: passes %q, which its template does not declare", at, name)
			}
		}
		checkParamDecls(t, at, r.Properties.Template, secure)
	}
}
