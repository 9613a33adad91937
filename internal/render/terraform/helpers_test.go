package terraform

import (
	"fmt"

	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
	"github.com/enclave-dev/enclave/internal/spec/spectest"
)

// exampleGraph is the compiled built-in example, compiled once per test
// binary (compiling takes far longer than rendering); renderers only read
// it. TestDeterministic compiles afresh with compileSpec.
func exampleGraph(t testing.TB) *model.Graph {
	t.Helper()
	exampleOnce.Do(func() { example, exampleErr = compileSpec(spec.Example()) })
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return example
}

var (
	exampleOnce sync.Once
	example     *model.Graph
	exampleErr  error
)

func compileSpec(d *spec.Document) (*model.Graph, error) {
	res, ds, err := compile.Compile(d)
	if err != nil {
		return nil, err
	}
	if ds.HasErrors() {
		return nil, fmt.Errorf("compile.Compile: %v", ds)
	}
	return res.Graph, nil
}

// variantGraphs compiles every spec variation once per test binary.
func variantGraphs(t testing.TB) map[string]*model.Graph {
	t.Helper()
	variantsOnce.Do(func() {
		variants = map[string]*model.Graph{}
		for _, v := range spectest.Variants() {
			d := spec.Example()
			v.Edit(d)
			g, err := compileSpec(d)
			if err != nil {
				variantsErr = fmt.Errorf("%s: %w", v.Name, err)
				return
			}
			variants[v.Name] = g
		}
	})
	if variantsErr != nil {
		t.Fatal(variantsErr)
	}
	return variants
}

var (
	variantsOnce sync.Once
	variants     map[string]*model.Graph
	variantsErr  error
)

// renderExample renders the built-in example, once per test binary;
// callers only read the result.
func renderExample(t testing.TB) (Output, *model.Graph) {
	t.Helper()
	return cachedRender(t, exampleGraph(t))
}

// renderVariant renders a spec variation, once per test binary.
func renderVariant(t testing.TB, name string) (Output, *model.Graph) {
	t.Helper()
	g, ok := variantGraphs(t)[name]
	if !ok {
		t.Fatalf("no spec variation %q", name)
	}
	return cachedRender(t, g)
}

type rendered struct {
	out Output
	g   *model.Graph
}

var (
	renderMu sync.Mutex
	renders  = map[*model.Graph]rendered{}
)

// cachedRender renders g once per graph and test binary; callers only read
// graph and output.
func cachedRender(t testing.TB, full *model.Graph) (Output, *model.Graph) {
	t.Helper()
	renderMu.Lock()
	r, ok := renders[full]
	renderMu.Unlock()
	if ok {
		return r.out, r.g
	}
	// Rendered outside the lock so parallel variations render in parallel;
	// a race renders one twice, harmlessly.
	out, g := renderGraph(t, full)
	renderMu.Lock()
	renders[full] = rendered{out, g}
	renderMu.Unlock()
	return out, g
}

func renderGraph(t testing.TB, g *model.Graph) (Output, *model.Graph) {
	t.Helper()
	out, err := Render(g)
	if err != nil {
		t.Fatalf("Render = %v", err)
	}
	return out, g
}

func fileNamed(o Output, name string) []byte {
	for _, f := range o.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

var (
	parseMu sync.Mutex
	parses  = map[*File]map[string]*hclsyntax.Body{}
)

// parsed returns the parsed bodies of o's files by name, parsing each
// rendering once per test binary (renderings are shared, see
// cachedRender); a file that does not parse fails t.
func parsed(t testing.TB, o Output) map[string]*hclsyntax.Body {
	t.Helper()
	if len(o.Files) == 0 {
		t.Fatal("rendering has no files")
	}
	key := &o.Files[0]
	parseMu.Lock()
	p, ok := parses[key]
	parseMu.Unlock()
	if ok {
		return p
	}
	p = map[string]*hclsyntax.Body{}
	for _, f := range o.Files {
		hf, diags := hclsyntax.ParseConfig(f.Data, f.Name, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s does not parse: %v", f.Name, diags)
		}
		p[f.Name] = hf.Body.(*hclsyntax.Body)
	}
	parseMu.Lock()
	parses[key] = p
	parseMu.Unlock()
	return p
}
