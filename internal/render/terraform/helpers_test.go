package terraform

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
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
		for name, edit := range specVariants() {
			d := spec.Example()
			edit(d)
			g, err := compileSpec(d)
			if err != nil {
				variantsErr = fmt.Errorf("%s: %w", name, err)
				return
			}
			variants[name] = g
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

// renderable returns g itself when every kind in it has a converter.
// While kinds are still pending (see pendingKinds) it returns the part of
// g that can be rendered: the resources of converted kinds whose every
// reference, scope and parent lies in that part, so the tests check every
// converter that exists; any missing kind that is not pending fails t.
func renderable(t testing.TB, rd *Renderer, g *model.Graph) *model.Graph {
	t.Helper()
	missing := rd.Missing(g)
	if len(missing) == 0 {
		return g
	}
	for _, m := range missing {
		if !slices.Contains(pendingKinds, m) {
			t.Fatalf("no Terraform converter for %s, and it is not a pending kind", m)
		}
	}
	keep := map[model.Address]bool{}
	for _, r := range g.Resources() {
		keep[model.AddressOf(r)] = rd.Supports(r.Type())
	}
	for changed := true; changed; {
		changed = false
		for _, r := range g.Resources() {
			a := model.AddressOf(r)
			if !keep[a] {
				continue
			}
			deps := append(model.Refs(r), a.Parent().Ref())
			for _, ref := range deps {
				if ref.IsZero() {
					continue
				}
				if d, ok := g.Resolve(ref); ok && d != a && !keep[d] {
					keep[a], changed = false, true
					break
				}
			}
		}
	}
	sub := model.NewGraph(g.Name, g.Location)
	for _, r := range g.Resources() {
		if keep[model.AddressOf(r)] {
			if err := sub.Add(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range g.Parameters() {
		if err := sub.AddParameter(p); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("kinds pending on tfsvc: %d; rendering the %d of %d resources whose kinds and references have converters", len(missing), sub.Len(), g.Len())
	return sub
}

// renderExample renders the renderable part of the built-in example, once
// per test binary; callers only read the result.
func renderExample(t testing.TB) (Output, *model.Graph) {
	t.Helper()
	return cachedRender(t, exampleGraph(t))
}

// renderVariant renders the renderable part of a spec variation, once per
// test binary.
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

// cachedRender renders full (its renderable part while kinds are pending)
// once per graph and test binary; callers only read graph and output.
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

func renderGraph(t testing.TB, full *model.Graph) (Output, *model.Graph) {
	t.Helper()
	rd := New()
	g := renderable(t, rd, full)
	out, err := rd.Render(g)
	if err != nil {
		t.Fatalf("Render(example) = %v", err)
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
